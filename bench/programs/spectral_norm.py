"""Spectral norm: largest singular value of an infinite matrix, by power iteration.

Measures: float arithmetic, integer arithmetic in a tiny helper function,
function-call overhead and list building in nested loops.

Algorithm: the matrix A[i][j] = 1 / ((i+j)(i+j+1)/2 + i + 1) (Hilbert-like);
repeatedly apply A^T A to a vector (power method) and report
sqrt(<u, v> / <v, v>), which converges to 1.274224... .  Problem as posed by
the Computer Language Benchmarks Game; code written from scratch for pyjit.
"""

import math
import sys
import time

ITERATIONS = 24
SIZE = 120
POWER_STEPS = 10


from _bench_env import iter_times_wanted as _iter_times_wanted, quick_wanted as _quick_wanted


if _quick_wanted():
    ITERATIONS = 2


def entry(i, j):
    s = i + j
    return 1.0 / ((s * (s + 1) >> 1) + i + 1)


def times_a(vec):
    n = len(vec)
    out = []
    for i in range(n):
        acc = 0.0
        for j in range(n):
            acc += entry(i, j) * vec[j]
        out.append(acc)
    return out


def times_at(vec):
    n = len(vec)
    out = []
    for i in range(n):
        acc = 0.0
        for j in range(n):
            acc += entry(j, i) * vec[j]
        out.append(acc)
    return out


def times_ata(vec):
    return times_at(times_a(vec))


def spectral_norm(n):
    u = [1.0] * n
    v = u
    for _ in range(POWER_STEPS):
        v = times_ata(u)
        u = times_ata(v)
    vbv = 0.0
    vv = 0.0
    for a, b in zip(u, v):
        vbv += a * b
        vv += b * b
    return math.sqrt(vbv / vv)


def main():
    report = _iter_times_wanted()
    result = 0.0
    for it in range(ITERATIONS):
        t0 = time.perf_counter()
        result = spectral_norm(SIZE)
        if report:
            sys.stderr.write("iter %d %.6f\n" % (it, time.perf_counter() - t0))
    print("checksum: %.9f" % result)


if __name__ == "__main__":
    main()
