"""Pidigits: decimal digits of pi from an unbounded spigot, using big ints.

Measures: arbitrary-precision integer multiply, add and floor division on
numbers that grow to thousands of digits, plus a tight driver loop.

Algorithm: Jeremy Gibbons' streaming spigot ("Unbounded Spigot Algorithms
for the Digits of Pi", American Mathematical Monthly, 2006): pi is a product
of linear fractional transformations; fold in one term at a time and emit a
digit whenever the integer parts at x=3 and x=4 agree.  Written from scratch
for pyjit.
"""

import sys
import time

ITERATIONS = 8
DIGITS = 3000


from _bench_env import iter_times_wanted as _iter_times_wanted, quick_wanted as _quick_wanted


if _quick_wanted():
    ITERATIONS = 5
    DIGITS = 1000


def pi_digits(count):
    """Return the first `count` decimal digits of pi as a list of ints."""
    # state is the transformation x -> (num * x + acc) / den
    num = 1
    acc = 0
    den = 1
    k = 0
    out = []
    while len(out) < count:
        k += 1
        odd = 2 * k + 1
        acc = (acc + 2 * num) * odd
        den *= odd
        num *= k
        if num > acc:
            continue
        d = (3 * num + acc) // den
        if d != (4 * num + acc) // den:
            continue
        out.append(d)
        acc = (acc - d * den) * 10
        num *= 10
    return out


def main():
    report = _iter_times_wanted()
    digits = []
    for it in range(ITERATIONS):
        t0 = time.perf_counter()
        digits = pi_digits(DIGITS)
        if report:
            sys.stderr.write("iter %d %.6f\n" % (it, time.perf_counter() - t0))
    text = "".join([str(d) for d in digits])
    if not text.startswith("31415926535897932384"):
        raise RuntimeError("pidigits: wrong digits " + text[:20])
    h = 0
    for ch in text:
        h = (h * 131 + ord(ch)) % 4294967291
    print("checksum: %d %d %s %d" % (len(text), sum(digits), text[-10:], h))


if __name__ == "__main__":
    main()
