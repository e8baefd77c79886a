"""Calls the functions and methods of pyjit's native modules with odd arguments (item 5 of
issue 9): every combination of up to three values from a small set of awkward ones. A Rust
panic shows as SystemError (pyjit turns a panic in a native function into one); an abort, a
crash or a hang ends the child process, whose last line names the call.

usage: python3 scripts/native_args_fuzz.py [PYJIT] [MODULE ...]
Modules that reach the OS (posix, signal, _io, time.sleep...) are left out on purpose: odd
arguments there would delete files or kill processes.
"""
import itertools
import subprocess
import sys

MODULES = ["builtins", "math", "cmath", "_random", "itertools", "_struct", "array", "binascii",
           "zlib", "_collections", "_functools", "_operator", "_heapq", "_bisect", "_json",
           "marshal", "unicodedata", "_sre", "_string", "_codecs", "_md5", "_sha1", "_sha256",
           "_sha512", "_sha3", "_blake2", "_weakref", "errno", "_csv", "_locale", "_contextvars",
           "_warnings", "atexit", "_thread"]
SKIP = {"_exit", "interrupt_main", "start_new_thread", "start_new", "exit_thread", "open", "input", "exit", "quit", "breakpoint", "help", "exec", "eval", "compile",
        "__import__", "__build_class__", "sleep", "print", "vars", "globals", "locals", "delattr",
        "setattr", "getattr", "dir", "memoryview", "_exit", "system", "kill"}

CHILD = r'''
import itertools, sys
ODD = [None, -1, 0, 2**63, -2**63 - 1, 2**100, 1.5, float("nan"), float("inf"), "", "x" * 3,
       "\udcff", b"", b"\xff" * 3, [], (), {}, object(), int, lambda *a: None]
name = sys.argv[1]
mod = __import__(name)
targets = []
for attr in sorted(dir(mod)):
    if attr.startswith("__") or attr in SKIP:
        continue
    obj = getattr(mod, attr)
    if callable(obj):
        targets.append((attr, obj))
        if isinstance(obj, type):
            for m in sorted(vars(obj)):
                if m in ("__class__", "__subclasses__", "__init_subclass__", "__del__"):
                    continue
                f = getattr(obj, m, None)
                if callable(f):
                    targets.append((attr + "." + m, f))
calls = 0
for label, f in targets:
    for n in range(4):
        combos = itertools.product(ODD, repeat=n) if n < 3 else itertools.islice(itertools.product(ODD, repeat=3), 0, None, 7)
        for args in combos:
            print(label, repr(args)[:120], flush=True)
            calls += 1
            try:
                r = f(*args)
                if hasattr(r, "__next__") and label.split(".")[0] not in ("count", "cycle", "repeat"):
                    for _ in itertools.islice(r, 50):
                        pass
            except SystemError as e:
                print("SYSTEMERROR", label, repr(args)[:200], e, flush=True)
            except BaseException:
                pass
print("DONE", calls, flush=True)
'''

def main():
    exe = sys.argv[1] if len(sys.argv) > 1 else "target/release/pyjit"
    mods = sys.argv[2:] or MODULES
    total = 0
    for m in mods:
        src = "SKIP = %r\n" % (SKIP,) + CHILD
        try:
            p = subprocess.run([exe, "-X", "jit=off", "-c", src, m], capture_output=True, text=True, timeout=120)
            lines = p.stdout.splitlines()
            found = [l for l in lines if l.startswith("SYSTEMERROR")]
            done = [l for l in lines if l.startswith("DONE")]
            n = int(done[0].split()[1]) if done else len(lines)
            total += n
            if not done and "Error: No module named" in p.stderr or "cannot load the compiled extension" in p.stderr:
                print(f"{m}: not a pyjit native module")
                continue
            status = "ok" if done else f"CRASH rc={p.returncode} at: {lines[-1] if lines else '?'} {p.stderr.strip()[-300:]}"
        except subprocess.TimeoutExpired as e:
            out = (e.stdout or b"").decode(errors="replace").splitlines() if isinstance(e.stdout, bytes) else (e.stdout or "").splitlines()
            found = [l for l in out if l.startswith("SYSTEMERROR")]
            status = f"TIMEOUT at: {out[-1] if out else '?'}"
            n = len(out)
            total += n
        print(f"{m}: {n} calls, {status}")
        for l in found[:10]:
            print("   ", l)
    print("total calls:", total)

if __name__ == "__main__":
    main()
