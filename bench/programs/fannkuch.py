"""Fannkuch-redux: pancake flipping over all permutations of 1..n.

Measures: small-list slicing, reversal, element swaps and tight integer
loops.

Algorithm: for every permutation of 0..n-1 (generated in the order of the
"count array" rotation scheme), repeatedly reverse the prefix whose length
is given by the first element until the first element is 0; report the
maximum number of flips and an alternating-sign checksum of flip counts.
Problem from Anderson & Rettig's "Performing Lisp analysis of the
FANNKUCH benchmark" and the Computer Language Benchmarks Game; code written
from scratch for pyjit.
"""

import sys
import time

ITERATIONS = 4
N = 9


from _bench_env import iter_times_wanted as _iter_times_wanted, quick_wanted as _quick_wanted


if _quick_wanted():
    ITERATIONS = 3
    N = 8


def count_flips(perm):
    p = perm[:]
    flips = 0
    first = p[0]
    while first:
        # reverse p[0..first]
        lo = 0
        hi = first
        while lo < hi:
            p[lo], p[hi] = p[hi], p[lo]
            lo += 1
            hi -= 1
        flips += 1
        first = p[0]
    return flips


def fannkuch(n):
    perm = list(range(n))
    counts = [0] * n
    max_flips = 0
    checksum = 0
    sign = 1
    index = 0
    while True:
        if perm[0]:
            f = count_flips(perm)
            if f > max_flips:
                max_flips = f
            checksum += sign * f
        sign = -sign
        index += 1
        # next permutation: rotate prefixes, driven by counts
        r = 1
        while True:
            if r == n:
                return max_flips, checksum, index
            head = perm[0]
            perm[0:r] = perm[1:r + 1]
            perm[r] = head
            counts[r] += 1
            if counts[r] <= r:
                break
            counts[r] = 0
            r += 1


def main():
    report = _iter_times_wanted()
    digest = None
    for it in range(ITERATIONS):
        t0 = time.perf_counter()
        digest = fannkuch(N)
        if report:
            sys.stderr.write("iter %d %.6f\n" % (it, time.perf_counter() - t0))
    max_flips, checksum, count = digest
    print("checksum: %d %d %d" % (checksum, max_flips, count))


if __name__ == "__main__":
    main()
