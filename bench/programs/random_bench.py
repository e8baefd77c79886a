"""Random: the random module's generators and helpers on a seeded Random.

Measures: _random's MT19937 core (random(), getrandbits) and the pure-Python
helpers above it: randrange/randint, choice, shuffle, sample, uniform,
gauss, expovariate, choices with weights.

Algorithm: synthetic workload written from scratch for pyjit: each round
seeds a Random with a constant, draws from every helper, and folds the
results into a checksum (floats rounded so every implementation agrees).
"""

import random
import sys
import time

ITERATIONS = 10
DRAWS = 72000


from _bench_env import iter_times_wanted as _iter_times_wanted, quick_wanted as _quick_wanted


if _quick_wanted():
    ITERATIONS = 2
    DRAWS = 2000


def run(seed):
    rng = random.Random(seed)
    acc = 0
    total = 0.0
    for i in range(DRAWS):
        total += rng.random()
        acc = (acc + rng.randint(1, 1000) + rng.randrange(0, 10000, 7)) % 1000000007
        total += rng.uniform(-1.0, 1.0)
        total += rng.gauss(0.0, 1.0)
        total += rng.expovariate(2.0)
        acc = (acc * 3 + rng.getrandbits(20)) % 1000000007
    items = list(range(200))
    for i in range(DRAWS // 40):
        rng.shuffle(items)
        acc = (acc * 31 + items[0] + items[199]) % 1000000007
        acc = (acc + sum(rng.sample(items, 10))) % 1000000007
        acc = (acc + rng.choice(items)) % 1000000007
    picks = rng.choices(items, weights=[(k % 7) + 1 for k in items], k=DRAWS // 2)
    acc = (acc + sum(picks)) % 1000000007
    return acc, total


def main():
    report = _iter_times_wanted()
    checksum = 0
    totals = 0.0
    for it in range(ITERATIONS):
        t0 = time.perf_counter()
        acc, total = run(1000 + it)
        checksum = (checksum * 7 + acc) % 1000000007
        totals += total
        if report:
            sys.stderr.write("iter %d %.6f\n" % (it, time.perf_counter() - t0))
    print("checksum: %d %.6f" % (checksum, totals))


if __name__ == "__main__":
    main()
