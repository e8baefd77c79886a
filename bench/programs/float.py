"""Float: many small objects holding floats, built with trigonometry.

Measures: object allocation, attribute access on instances with three float
fields, math.sin / math.cos / math.sqrt calls and method dispatch.

Algorithm: a simple synthetic workload (in the spirit of the well-known
"float" micro-benchmark): build a list of 3-D points from sin/cos of their
index, normalize each to unit length, then fold the list into the
component-wise maximum.  Written from scratch for pyjit.
"""

import math
import sys
import time

ITERATIONS = 55
POINTS = 50000


from _bench_env import iter_times_wanted as _iter_times_wanted, quick_wanted as _quick_wanted


if _quick_wanted():
    ITERATIONS = 4


class Vec3(object):
    def __init__(self, seed):
        self.x = x = math.sin(seed)
        self.y = math.cos(seed) * 3.0
        self.z = (x * x) / 2.0

    def __repr__(self):
        return "<Vec3 %r %r %r>" % (self.x, self.y, self.z)

    def length(self):
        return math.sqrt(self.x * self.x + self.y * self.y + self.z * self.z)

    def normalize(self):
        inv = 1.0 / self.length()
        self.x *= inv
        self.y *= inv
        self.z *= inv

    def take_max(self, other):
        if other.x > self.x:
            self.x = other.x
        if other.y > self.y:
            self.y = other.y
        if other.z > self.z:
            self.z = other.z
        return self


def build(n, offset):
    return [Vec3(i * 0.001 + offset) for i in range(n)]


def fold_max(points):
    acc = points[0]
    for p in points[1:]:
        acc = acc.take_max(p)
    return acc


def run(n, offset):
    points = build(n, offset)
    for p in points:
        p.normalize()
    return fold_max(points)


def main():
    report = _iter_times_wanted()
    total = 0.0
    for it in range(ITERATIONS):
        t0 = time.perf_counter()
        best = run(POINTS, it * 0.5)
        total += best.x + best.y * 2.0 + best.z * 3.0
        if report:
            sys.stderr.write("iter %d %.6f\n" % (it, time.perf_counter() - t0))
    print("checksum: %.9f" % total)


if __name__ == "__main__":
    main()
