"""Chaos: an iterated-function-system fractal drawn by the chaos game.

Measures: small vector objects with operator overloading (__add__, __mul__
...), float arithmetic, short loops and random-number calls.

Algorithm: the "chaos game" for iterated function systems (Barnsley,
"Fractals Everywhere", 1988): start anywhere, repeatedly apply one of a few
contractive affine maps chosen at random by weight, and plot the points.
Here the unit-square attractor is additionally bent along a cubic B-spline
(evaluated with de Boor's algorithm) before being rasterised into an
in-memory grid of hit counts.  Written from scratch for pyjit.
"""

import math
import random
import sys
import time

ITERATIONS = 9
POINTS_PER_ITER = 12000
WIDTH = 160
HEIGHT = 120
SEED = 1234


from _bench_env import iter_times_wanted as _iter_times_wanted, quick_wanted as _quick_wanted


if _quick_wanted():
    ITERATIONS = 2
    POINTS_PER_ITER = 4000


class Vec2(object):
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vec2(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Vec2(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        return Vec2(self.x * k, self.y * k)

    __rmul__ = __mul__

    def blend(self, other, t):
        """(1 - t) * self + t * other"""
        return self * (1.0 - t) + other * t

    def length(self):
        return math.sqrt(self.x * self.x + self.y * self.y)

    def perpendicular(self):
        return Vec2(-self.y, self.x)


class BSpline(object):
    """Non-uniform B-spline curve of a given degree, evaluated by de Boor."""

    def __init__(self, controls, degree, knots):
        if len(knots) != len(controls) + degree + 1:
            raise ValueError("bad knot vector")
        self.controls = controls
        self.degree = degree
        self.knots = knots
        self.lo = knots[degree]
        self.hi = knots[len(controls)]

    def span(self, t):
        knots = self.knots
        k = self.degree
        last = len(self.controls) - 1
        while k < last and knots[k + 1] <= t:
            k += 1
        return k

    def at(self, t):
        if t < self.lo:
            t = self.lo
        elif t > self.hi:
            t = self.hi
        p = self.degree
        k = self.span(t)
        knots = self.knots
        d = [self.controls[j + k - p] for j in range(p + 1)]
        for r in range(1, p + 1):
            for j in range(p, r - 1, -1):
                left = knots[j + k - p]
                right = knots[j + 1 + k - r]
                alpha = (t - left) / (right - left)
                d[j] = d[j - 1].blend(d[j], alpha)
        return d[p]


class AffineMap(object):
    def __init__(self, a, b, c, d, e, f, weight):
        self.a = a
        self.b = b
        self.c = c
        self.d = d
        self.e = e
        self.f = f
        self.weight = weight

    def apply(self, v):
        return Vec2(self.a * v.x + self.b * v.y + self.e,
                    self.c * v.x + self.d * v.y + self.f)


def make_maps():
    # A fern-like set of maps squeezed into the unit square.
    maps = [
        AffineMap(0.0, 0.0, 0.0, 0.16, 0.5, 0.0, 0.02),
        AffineMap(0.85, 0.04, -0.04, 0.85, 0.055, 0.16, 0.70),
        AffineMap(0.20, -0.26, 0.23, 0.22, 0.40, 0.16, 0.14),
        AffineMap(-0.15, 0.28, 0.26, 0.24, 0.57, 0.04, 0.14),
    ]
    return maps


def make_spline():
    pts = [Vec2(0.0, 0.0), Vec2(0.2, 0.6), Vec2(0.45, 0.3), Vec2(0.6, 0.9),
           Vec2(0.8, 0.5), Vec2(1.0, 1.0), Vec2(1.2, 0.4)]
    knots = [0.0, 0.0, 0.0, 0.0, 0.2, 0.45, 0.7, 1.0, 1.0, 1.0, 1.0]
    return BSpline(pts, 3, knots)


class ChaosGame(object):
    def __init__(self, maps, spline, width, height):
        self.maps = maps
        total = 0.0
        self.cumulative = []
        for m in maps:
            total += m.weight
            self.cumulative.append(total)
        self.total = total
        self.spline = spline
        self.width = width
        self.height = height
        self.grid = [[0] * width for _ in range(height)]
        # bounding box of the bent curve, found by sampling
        xs = []
        ys = []
        for i in range(101):
            q = spline.at(i / 100.0)
            xs.append(q.x)
            ys.append(q.y)
        self.min_x = min(xs) - 0.2
        self.min_y = min(ys) - 0.2
        self.span_x = max(xs) - self.min_x + 0.2
        self.span_y = max(ys) - self.min_y + 0.2

    def pick(self, rng):
        r = rng() * self.total
        cum = self.cumulative
        for i in range(len(cum)):
            if r < cum[i]:
                return self.maps[i]
        return self.maps[-1]

    def bend(self, v):
        t = v.x
        spline = self.spline
        base = spline.at(t)
        ahead = spline.at(t + 0.001)
        tangent = ahead - base
        n = tangent.length()
        if n == 0.0:
            normal = Vec2(0.0, 1.0)
        else:
            normal = tangent.perpendicular() * (1.0 / n)
        return base + normal * ((v.y - 0.5) * 0.3)

    def plot(self, v):
        col = int((v.x - self.min_x) / self.span_x * self.width)
        row = int((v.y - self.min_y) / self.span_y * self.height)
        if 0 <= col < self.width and 0 <= row < self.height:
            self.grid[row][col] += 1
            return 1
        return 0

    def run(self, count, rng):
        v = Vec2(rng(), rng())
        hits = 0
        for i in range(count):
            v = self.pick(rng).apply(v)
            if i >= 16:
                hits += self.plot(self.bend(v))
        return hits

    def digest(self):
        lit = 0
        weighted = 0
        for r in range(self.height):
            row = self.grid[r]
            for c in range(self.width):
                h = row[c]
                if h:
                    lit += 1
                    weighted = (weighted * 131 + h * (r * self.width + c + 1)) % 1000000007
        return lit, weighted


def main():
    report = _iter_times_wanted()
    random.seed(SEED)
    rng = random.random
    maps = make_maps()
    spline = make_spline()
    total_hits = 0
    total_lit = 0
    digest = 0
    for it in range(ITERATIONS):
        t0 = time.perf_counter()
        game = ChaosGame(maps, spline, WIDTH, HEIGHT)
        total_hits += game.run(POINTS_PER_ITER, rng)
        lit, weighted = game.digest()
        total_lit += lit
        digest = (digest * 7 + weighted) % 1000000007
        if report:
            sys.stderr.write("iter %d %.6f\n" % (it, time.perf_counter() - t0))
    print("checksum: %d %d %d" % (total_hits, total_lit, digest))


if __name__ == "__main__":
    main()
