"""Str methods: the str type's methods on short and medium strings.

Measures: split/rsplit/splitlines, join, replace, find/rfind/index, count,
startswith/endswith, strip family, upper/lower/title/capitalize, partition,
isdigit/isalpha/isspace, zfill/center/ljust, encode/decode, format and
%-format, str.translate with a table.

Algorithm: synthetic workload written from scratch for pyjit: lines of
words from a seeded linear congruential generator are taken apart and
rebuilt with the str methods, and lengths and counts fold into a checksum.
"""

import sys
import time

ITERATIONS = 16
LINES = 9000


from _bench_env import iter_times_wanted as _iter_times_wanted, quick_wanted as _quick_wanted


if _quick_wanted():
    ITERATIONS = 2
    LINES = 500


WORDS = ["alpha", "Beta", "gamma", "DELTA", "epsilon", "zeta", "eta", "theta",
         "iota", "kappa", "lambda", "mu", "12", "345", "6789", "caf\u00e9", "na\u00efve",
         "  pad  ", "x-y", "a.b"]
TABLE = str.maketrans("aeiou", "AEIOU", "-.")


def make_lines(seed, n):
    state = seed
    lines = []
    for i in range(n):
        words = []
        for k in range(6 + i % 9):
            state = (state * 1103515245 + 12345) & 0x7FFFFFFF
            words.append(WORDS[(state >> 8) % len(WORDS)])
        sep = ", " if i % 3 == 0 else " "
        lines.append(sep.join(words))
    return lines


def run(lines):
    acc = 0
    for line in lines:
        parts = line.split(", ") if ", " in line else line.split()
        acc += len(parts)
        joined = "|".join(p.strip() for p in parts)
        acc += len(joined.replace("|", "::")) + joined.count("a") + joined.find("eta")
        acc += joined.rfind("a") + (1 if joined.startswith("al") else 0) + (1 if joined.endswith("ta") else 0)
        up = line.upper()
        acc += len(up) + len(line.lower()) + len(line.title()) + len(line.capitalize())
        head, sep, tail = line.partition(" ")
        acc += len(head) + len(tail)
        for p in parts:
            if p.isdigit():
                acc += int(p)
            elif p.isalpha():
                acc += len(p.zfill(8)) + len(p.center(11, "*")) + len(p.ljust(9))
            acc += len(p.lstrip("x").rstrip("b"))
        acc += len(line.translate(TABLE))
        acc += len(line.encode("utf-8")) + len(line.encode("utf-8").decode("utf-8"))
        acc += len("{0}:{1:>8}:{2:.3f}".format(head, len(tail), len(line) / 7.0))
        acc += len("%s=%d (%5.2f)" % (head, len(parts), len(line) / 3.0))
        acc += len(line.rsplit(" ", 2)) + len(line.splitlines())
        acc += line.count(" ") + (line.index(head) if head else 0)
    text = "\n".join(lines)
    acc += len(text.splitlines()) + len(text.split()) + text.count("eta")
    return acc % 1000000007


def main():
    report = _iter_times_wanted()
    data = [make_lines(seed, LINES) for seed in (11, 12)]
    checksum = 0
    for it in range(ITERATIONS):
        t0 = time.perf_counter()
        checksum = (checksum * 7 + run(data[it % 2])) % 1000000007
        if report:
            sys.stderr.write("iter %d %.6f\n" % (it, time.perf_counter() - t0))
    print("checksum: %d" % checksum)


if __name__ == "__main__":
    main()
