"""Generators: multi-stage generator pipelines.

Measures: generator creation and resumption, `yield from` delegation,
generator expressions, send() into a generator, closing generators early,
and the builtins that consume iterators (sum, max, zip, enumerate, any).

Algorithm: synthetic workload written from scratch for pyjit: a stream of
pseudo-random integers (linear congruential generator) flows through
filtering, mapping, windowing, chunking, merging and running-statistics
stages, each implemented as a generator; results are folded into a digest.
"""

import sys
import time

ITERATIONS = 20
STREAM = 150000


from _bench_env import iter_times_wanted as _iter_times_wanted, quick_wanted as _quick_wanted


if _quick_wanted():
    ITERATIONS = 2


def lcg(seed, count):
    x = seed
    for _ in range(count):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        yield x >> 8


def keep(pred, items):
    for x in items:
        if pred(x):
            yield x


def apply(fn, items):
    for x in items:
        yield fn(x)


def windows(items, width):
    buf = []
    for x in items:
        buf.append(x)
        if len(buf) > width:
            del buf[0]
        if len(buf) == width:
            yield tuple(buf)


def chunks(items, size):
    chunk = []
    for x in items:
        chunk.append(x)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def flatten(nested):
    for part in nested:
        yield from part


def take(n, items):
    for i, x in enumerate(items):
        if i >= n:
            return
        yield x


def merge_sorted(a, b):
    """Merge two ascending iterators."""
    a = iter(a)
    b = iter(b)
    sentinel = object()
    x = next(a, sentinel)
    y = next(b, sentinel)
    while x is not sentinel and y is not sentinel:
        if x <= y:
            yield x
            x = next(a, sentinel)
        else:
            yield y
            y = next(b, sentinel)
    while x is not sentinel:
        yield x
        x = next(a, sentinel)
    while y is not sentinel:
        yield y
        y = next(b, sentinel)


def running_mean():
    """Coroutine-style generator: send values, receive the integer mean."""
    total = 0
    count = 0
    mean = 0
    while True:
        value = yield mean
        total += value
        count += 1
        mean = total // count


def tree_walk(depth, label):
    """Recursive generator: preorder labels of a complete binary tree."""
    yield label
    if depth > 0:
        yield from tree_walk(depth - 1, label * 2)
        yield from tree_walk(depth - 1, label * 2 + 1)


def run(seed):
    digest = 0
    # stage 1: filter / map / window
    odd = keep(lambda v: v & 1, lcg(seed, STREAM))
    small = apply(lambda v: v % 1000, odd)
    for w in windows(small, 4):
        digest = (digest + w[0] * w[3] - w[1] + w[2]) % 1000000007
    # stage 2: chunk, sort each chunk, flatten, merge with a second stream
    sorted_chunks = (sorted(c) for c in chunks(lcg(seed + 1, STREAM // 2), 50))
    flat = flatten(sorted_chunks)
    evens = sorted(x % 5000 for x in lcg(seed + 2, STREAM // 4))
    merged = merge_sorted(take(STREAM // 4, (x % 5000 for x in flat)), evens)
    prev = -1
    inversions = 0
    for i, x in enumerate(merged):
        if x < prev:
            inversions += 1
        prev = x
        digest = (digest * 3 + x + i) % 1000000007
    # stage 3: send() into a running mean
    rm = running_mean()
    next(rm)
    for x in take(STREAM // 4, lcg(seed + 3, STREAM)):
        digest = (digest + rm.send(x % 10007)) % 1000000007
    rm.close()
    # stage 4: builtins consuming generator expressions
    g = list(lcg(seed + 4, 2000))
    digest += sum(x % 97 for x in g)
    digest += max(a ^ b for a, b in zip(g, g[1:]))
    digest += 1 if any(x % 1013 == 0 for x in g) else 0
    # stage 5: recursive generators
    digest += sum(tree_walk(9, 1)) + inversions
    return digest % 1000000007


def main():
    report = _iter_times_wanted()
    digest = 0
    for it in range(ITERATIONS):
        t0 = time.perf_counter()
        digest = (digest * 131 + run(it * 17 + 1)) % 1000000007
        if report:
            sys.stderr.write("iter %d %.6f\n" % (it, time.perf_counter() - t0))
    print("checksum: %d" % digest)


if __name__ == "__main__":
    main()
