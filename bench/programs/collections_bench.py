"""Collections: deque, Counter, defaultdict, OrderedDict and namedtuple.

Measures: _collections' deque (append/appendleft/pop/popleft, rotate,
maxlen windows, indexing, extend), Counter construction, update and
most_common (_count_elements, heapq), defaultdict with list and int
factories, OrderedDict move_to_end/popitem as an LRU cache, and namedtuple
creation and attribute access.

Algorithm: synthetic workload written from scratch for pyjit: a stream of
keys from a seeded linear congruential generator drives a sliding window,
word counts, grouping and an LRU cache; their states fold into a checksum.
"""

import collections
import sys
import time

ITERATIONS = 20
STREAM = 100000


from _bench_env import iter_times_wanted as _iter_times_wanted, quick_wanted as _quick_wanted


if _quick_wanted():
    ITERATIONS = 2
    STREAM = 3000


Point = collections.namedtuple("Point", "x y tag")


def make_stream(seed, n):
    state = seed
    out = []
    for i in range(n):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        out.append((state >> 9) % 997)
    return out


def run(stream):
    acc = 0
    # sliding window and a work queue
    window = collections.deque(maxlen=64)
    queue = collections.deque()
    for k in stream:
        window.append(k)
        queue.append(k)
        if k % 3 == 0:
            queue.appendleft(k // 3)
        if len(queue) > 100:
            acc += queue.popleft() + queue.pop()
        if k % 97 == 0:
            window.rotate(k % 7)
            acc += window[0] + window[-1]
    acc += sum(window) + len(queue)
    # counting
    counts = collections.Counter(stream)
    counts.update(k % 50 for k in stream)
    for key, n in counts.most_common(20):
        acc += key * n
    acc += counts[3] + counts[1000]
    # grouping
    groups = collections.defaultdict(list)
    totals = collections.defaultdict(int)
    for i, k in enumerate(stream):
        groups[k % 31].append(i)
        totals[k % 17] += k
    for key in sorted(groups):
        acc += len(groups[key]) * key
    acc += sum(totals.values())
    # an LRU cache
    cache = collections.OrderedDict()
    hits = 0
    for k in stream:
        if k in cache:
            cache.move_to_end(k)
            hits += 1
        else:
            cache[k] = k * 2
            if len(cache) > 300:
                cache.popitem(last=False)
    acc += hits + len(cache)
    # named tuples
    pts = [Point(k, k % 13, "t%d" % (k % 5)) for k in stream[:5000]]
    acc += sum(p.x * p.y for p in pts) + len(pts[-1]._replace(x=1).tag)
    return acc % 1000000007


def main():
    report = _iter_times_wanted()
    data = [make_stream(seed, STREAM) for seed in (21, 22)]
    checksum = 0
    for it in range(ITERATIONS):
        t0 = time.perf_counter()
        checksum = (checksum * 7 + run(data[it % 2])) % 1000000007
        if report:
            sys.stderr.write("iter %d %.6f\n" % (it, time.perf_counter() - t0))
    print("checksum: %d" % checksum)


if __name__ == "__main__":
    main()
