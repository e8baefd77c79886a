"""N-queens: enumerate every placement of N non-attacking queens.

Measures: generators and generator expressions (creation, resumption,
`yield from` delegation), all()/any() over generators, tuples and enumerate.

Algorithm: textbook depth-first backtracking (Wirth, "Algorithms + Data
Structures = Programs", 1976), expressed as nested generators: each row's
legal columns come from a generator expression and the solutions of the
remaining rows are delegated with `yield from`.  Written from scratch for
pyjit.
"""

import sys
import time

ITERATIONS = 25
BOARD_SIZES = (6, 7, 8, 9)


from _bench_env import iter_times_wanted as _iter_times_wanted, quick_wanted as _quick_wanted


if _quick_wanted():
    ITERATIONS = 2


def free_columns(n, placed):
    """Columns in the next row not attacked by any queen already placed."""
    row = len(placed)
    return (col for col in range(n)
            if all(col != q and abs(col - q) != row - r
                   for r, q in enumerate(placed)))


def solutions(n, placed=()):
    if len(placed) == n:
        yield placed
        return
    for col in free_columns(n, placed):
        yield from solutions(n, placed + (col,))


def mirror(sol, n):
    return tuple(n - 1 - q for q in sol)


def summarize(n):
    count = 0
    weight = 0
    symmetric = 0
    sols = list(solutions(n))
    seen = {}
    for sol in sols:
        count += 1
        weight += sum((i + 1) * q for i, q in enumerate(sol))
        seen[sol] = True
    for sol in sols:
        if mirror(sol, n) in seen:
            symmetric += 1
    first = sols[0] if sols else ()
    return count, weight, symmetric, first


def main():
    report = _iter_times_wanted()
    digest = 0
    counts = []
    for it in range(ITERATIONS):
        t0 = time.perf_counter()
        counts = []
        for n in BOARD_SIZES:
            count, weight, symmetric, first = summarize(n)
            counts.append(count)
            digest = (digest * 131 + count * 1009 + weight + symmetric * 7
                      + sum(first)) % 1000000007
        if report:
            sys.stderr.write("iter %d %.6f\n" % (it, time.perf_counter() - t0))
    print("checksum: %s %d" % ("/".join(str(c) for c in counts), digest))


if __name__ == "__main__":
    main()
