#!/usr/bin/env python3
"""Shrink a program on which pyjit's JIT and interpreter disagree (from the JIT fuzzer,
target/jit-fuzz-failures/seed-N.py) to a small reproducer.

Usage:
    python3 scripts/jit_fuzz_reduce.py PROGRAM [--threshold N] [--gc-stress] [--pyjit PATH] [-o OUT]

The program is "interesting" while `pyjit -S -X jit=off` and `pyjit -S` with
PYJIT_JIT_THRESHOLD=N (default: the seed's threshold, 1 + seed % 3, else 2; with
--gc-stress also PYJIT_GC_STRESS=1) disagree on stdout or exit status, and python3 still
compiles it. Passes, repeated to a fixed point: remove a statement with its block (largest
chunks first), replace a compound statement by its body, and drop arguments of show(...)
calls. Writes OUT (default PROGRAM with .min.py) and prints it.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def run(pyjit, path, jit, threshold, gc_stress=False):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYJIT_") and not k.startswith("PYTHON")}
    env.update({"PYTHONHASHSEED": "0", "PYTHONIOENCODING": "utf-8", "LC_ALL": "C.UTF-8"})
    args = [pyjit, "-S"]
    if jit:
        env["PYJIT_JIT_THRESHOLD"] = str(threshold)
        if gc_stress:
            env["PYJIT_GC_STRESS"] = "1"
    else:
        args += ["-X", "jit=off"]
    try:
        p = subprocess.run(args + [path], env=env, capture_output=True, timeout=20)
    except subprocess.TimeoutExpired:
        return None
    return p.stdout, p.returncode


class Checker:
    def __init__(self, pyjit, threshold, gc_stress):
        self.pyjit = pyjit
        self.threshold = threshold
        self.gc_stress = gc_stress
        self.tmp = tempfile.mkdtemp(prefix="pyjit-reduce-")
        self.runs = 0

    def interesting(self, lines):
        src = "\n".join(lines) + "\n"
        try:
            compile(src, "<reduce>", "exec")
        except SyntaxError:
            return False
        path = os.path.join(self.tmp, "prog.py")
        with open(path, "w") as f:
            f.write(src)
        self.runs += 1
        off = run(self.pyjit, path, False, self.threshold)
        if off is None:
            return False
        hot = run(self.pyjit, path, True, self.threshold, self.gc_stress)
        if hot is None:
            return True  # the JIT hangs where the interpreter finishes
        return off != hot


def indent(line):
    return len(line) - len(line.lstrip(" "))


def block_end(lines, i):
    """Index past the statement starting at line i (its indented body included)."""
    ind = indent(lines[i])
    j = i + 1
    while j < len(lines) and (not lines[j].strip() or indent(lines[j]) > ind):
        j += 1
    # a compound statement continues with its else/elif/except/finally clauses
    while j < len(lines) and indent(lines[j]) == ind and re.match(r"\s*(else|elif|except|finally)\b", lines[j]):
        j += 1
        while j < len(lines) and (not lines[j].strip() or indent(lines[j]) > ind):
            j += 1
    return j


def statements(lines):
    starts = [i for i, l in enumerate(lines) if l.strip() and not re.match(r"\s*(else|elif|except|finally)\b", l)]
    return [(i, block_end(lines, i)) for i in starts]


def remove_pass(lines, check):
    changed = False
    # big chunks first: runs of consecutive statements at the same level
    size = 16
    while size >= 1:
        i = 0
        stmts = statements(lines)
        while i < len(stmts):
            a, _ = stmts[i]
            level = indent(lines[a])
            group = []
            for s in stmts[i:]:
                if indent(lines[s[0]]) < level or len(group) == size:
                    break
                if indent(lines[s[0]]) == level:
                    group.append(s)
            b = max(e for _, e in group)
            cand = lines[:a] + lines[b:]
            if b > a and check(cand):
                lines = cand
                changed = True
                stmts = statements(lines)
                continue
            i += 1
        size //= 2
    return lines, changed


def unwrap_pass(lines, check):
    changed = False
    i = 0
    while i < len(lines):
        l = lines[i]
        if re.match(r"\s*(if|for|while|try|elif|else)\b.*:\s*$", l):
            end = block_end(lines, i)
            ind = indent(l)
            body = []
            j = i + 1
            while j < end and (not lines[j].strip() or indent(lines[j]) > ind):
                body.append(lines[j])
                j += 1
            if body:
                sub = min(indent(x) for x in body if x.strip()) - ind
                flat = [x[sub:] if x.strip() else x for x in body]
                cand = lines[:i] + flat + lines[end:]
                if check(cand):
                    lines = cand
                    changed = True
                    continue
        i += 1
    return lines, changed


def show_pass(lines, check):
    changed = False
    for i, l in enumerate(lines):
        m = re.match(r"(\s*show\()(.*)\)\s*$", l)
        if not m:
            continue
        args = [a.strip() for a in split_args(m.group(2))]
        k = 1
        while k < len(args):
            trial = args[:k] + args[k + 1:]
            cand = lines[:i] + [m.group(1) + ", ".join(trial) + ")"] + lines[i + 1:]
            if check(cand):
                lines = cand
                args = trial
                changed = True
            else:
                k += 1
    return lines, changed


def split_args(s):
    out, depth, cur = [], 0, ""
    for c in s:
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        if c == "," and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += c
    out.append(cur)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("program")
    ap.add_argument("--threshold", type=int)
    ap.add_argument("--gc-stress", action="store_true")
    ap.add_argument("--pyjit", default=os.path.join(ROOT, "target", "release", "pyjit"))
    ap.add_argument("-o", "--out")
    a = ap.parse_args()
    th = a.threshold
    if th is None:
        m = re.search(r"seed-(\d+)", a.program)
        th = 1 + int(m.group(1)) % 3 if m else 2
    lines = open(a.program).read().splitlines()
    chk = Checker(a.pyjit, th, a.gc_stress)
    if not chk.interesting(lines):
        sys.exit("jit_fuzz_reduce: the program does not show a difference (threshold %d)" % th)
    changed = True
    while changed:
        changed = False
        for p in (remove_pass, unwrap_pass, show_pass):
            lines, c = p(lines, chk.interesting)
            changed |= c
    out = a.out or re.sub(r"\.py$", "", a.program) + ".min.py"
    with open(out, "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))
    print("jit_fuzz_reduce: %d lines, %d runs, threshold %d -> %s" % (len(lines), chk.runs, th, out), file=sys.stderr)


if __name__ == "__main__":
    main()
