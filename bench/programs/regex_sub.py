"""Regex sub/findall/split: re's substitution and bulk-matching functions.

Measures: _sre's sub and subn with template strings (group references) and
with callables, findall with and without groups, finditer, split with a
capturing pattern, fullmatch; compiled patterns and the module-level cache.

Algorithm: synthetic workload written from scratch for pyjit: log-like
lines from a seeded linear congruential generator are rewritten and
scanned; counts and lengths fold into a checksum.
"""

import re
import sys
import time

ITERATIONS = 10
LINES = 5500


from _bench_env import iter_times_wanted as _iter_times_wanted, quick_wanted as _quick_wanted


if _quick_wanted():
    ITERATIONS = 2
    LINES = 500


HOSTS = ["alpha.example.com", "beta.test.org", "10.0.0.7", "gamma.local", "192.168.1.20"]
VERBS = ["GET", "POST", "PUT", "DELETE"]
PATHS = ["/index.html", "/api/v1/items/42", "/static/app.js", "/user/Jane_Doe/profile", "/search?q=caf\u00e9&page=3"]

DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
WORD = re.compile(r"[A-Za-z_]+")
NUM = re.compile(r"\d+")
KV = re.compile(r"(\w+)=(\w*)")
SEP = re.compile(r"([/?&=])")
IP = re.compile(r"(?:\d{1,3}\.){3}\d{1,3}")
SPACES = re.compile(r"\s+")


def make_lines(seed, n):
    state = seed
    out = []
    for i in range(n):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        r = state >> 4
        out.append("2026-%02d-%02d %s %s %s status=%d bytes=%d  took=%dms ref=%s" % (
            1 + r % 12, 1 + r % 28, HOSTS[r % 5], VERBS[(r >> 3) % 4], PATHS[(r >> 5) % 5],
            200 + (r % 4) * 100, r % 50000, r % 900, "none" if r % 3 else "x%d" % (r % 77)))
    return out


def bump(m):
    return str(int(m.group()) + 1)


def run(lines):
    acc = 0
    for line in lines:
        s = DATE.sub(r"\3/\2/\1", line)
        s, n = NUM.subn(bump, s)
        acc += len(s) + n
        acc += len(SPACES.sub(" ", line))
        acc += len(WORD.findall(line)) + len(KV.findall(line))
        acc += len(SEP.split(line)) + len(IP.findall(line))
        for m in KV.finditer(line):
            acc += len(m.group(2))
        acc += len(re.sub(r"[aeiou]", "", line)) + len(re.findall(r"\b\w{5}\b", line))
        if re.fullmatch(r"[\w\-/: .?&=%\u00e9]+", line):
            acc += 1
    text = "\n".join(lines)
    acc += len(NUM.findall(text)) + len(re.split(r"\n", text))
    acc += len(re.sub(r"(?m)^(\S+) (\S+)", r"\2 \1", text))
    return acc % 1000000007


def main():
    report = _iter_times_wanted()
    data = [make_lines(seed, LINES) for seed in (31, 32)]
    checksum = 0
    for it in range(ITERATIONS):
        t0 = time.perf_counter()
        checksum = (checksum * 7 + run(data[it % 2])) % 1000000007
        if report:
            sys.stderr.write("iter %d %.6f\n" % (it, time.perf_counter() - t0))
    print("checksum: %d" % checksum)


if __name__ == "__main__":
    main()
