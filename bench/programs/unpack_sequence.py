"""Unpack sequence: tuple and list unpacking in tight loops.

Measures: UNPACK_SEQUENCE / UNPACK_EX style operations on tuples and lists
of various lengths, tuple packing for swaps, nested and starred targets,
and unpacking in for-loop headers.

Algorithm: synthetic micro-workload written from scratch for pyjit: each
loop body unpacks a fixed sequence many times (unrolled) and folds a few
of the unpacked values into a running total so the work cannot be skipped.
"""

import sys
import time

ITERATIONS = 10
ROUNDS = 240000


from _bench_env import iter_times_wanted as _iter_times_wanted, quick_wanted as _quick_wanted


if _quick_wanted():
    ITERATIONS = 2
    ROUNDS = 60000


def unpack_tuple10(rounds, seq):
    total = 0
    for _ in range(rounds):
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        total += a + e + j
    return total


def unpack_list4(rounds, seq):
    total = 0
    for _ in range(rounds):
        w, x, y, z = seq
        w, x, y, z = seq
        w, x, y, z = seq
        w, x, y, z = seq
        w, x, y, z = seq
        w, x, y, z = seq
        w, x, y, z = seq
        w, x, y, z = seq
        total += w - z
    return total


def swaps(rounds):
    a, b, c = 1, 2, 3
    total = 0
    for _ in range(rounds):
        a, b = b, a
        b, c = c, b
        a, b, c = c, a, b
        a, b = b, a
        b, c = c, b
        a, b, c = c, a, b
        total += a * 100 + b * 10 + c
    return total


def nested_and_starred(rounds, pairs, seq):
    total = 0
    for _ in range(rounds):
        (a, b), (c, d) = pairs
        (a, b), (c, d) = pairs
        first, *middle, last = seq
        head, *tail = seq
        *init, end = seq
        total += a + d + first + last + len(middle) + head + len(tail) + end + len(init)
    return total


def loop_headers(rounds, triples):
    total = 0
    for _ in range(rounds):
        for x, y, z in triples:
            total += x * y - z
        for i, (x, y, z) in enumerate(triples):
            total += i + z
    return total


def run(scale):
    t10 = tuple(range(scale, scale + 10))
    l4 = [scale, 2, 3, 4]
    pairs = ((scale, 2), (3, 4))
    seq = list(range(scale % 5, scale % 5 + 7))
    triples = [(i, i + 1, i + 2) for i in range(6)]
    total = 0
    total += unpack_tuple10(ROUNDS, t10)
    total += unpack_list4(ROUNDS, l4)
    total += swaps(ROUNDS)
    total += nested_and_starred(ROUNDS // 2, pairs, seq)
    total += loop_headers(ROUNDS // 4, triples)
    return total


def main():
    report = _iter_times_wanted()
    digest = 0
    for it in range(ITERATIONS):
        t0 = time.perf_counter()
        digest = (digest * 1000003 + run(it + 1)) % 4294967291
        if report:
            sys.stderr.write("iter %d %.6f\n" % (it, time.perf_counter() - t0))
    print("checksum: %d" % digest)


if __name__ == "__main__":
    main()
