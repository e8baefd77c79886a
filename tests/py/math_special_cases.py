# math: __ceil__/__floor__ of float subclasses, argument checks (trunc, lcm, prod, dist, hypot),
# pow and remainder special values (C99 Annex F, IEEE remainder), log2 exact for powers of two.
import math
class FloatCeil(float):
    def __ceil__(self): return 42
    def __floor__(self): return 41
class FloatLike:
    def __init__(self, v): self.v = v
    def __float__(self): return self.v
print(math.ceil(FloatCeil()), math.floor(FloatCeil()), math.ceil(FloatLike(42.5)), math.floor(FloatLike(42.5)), math.ceil(True), math.floor(-2.5))
for f, a in [(math.trunc, (1, 2)), (math.ceil, ()), (math.floor, (1, 2)), (math.lcm, (120, 0, 84.0)), (math.prod, ([10, 20], 1))]:
    try: print(f(*a))
    except TypeError as e: print("TypeError", e)
for kw in [dict(p=(1, 2, 3), q=(4, 5, 6))]:
    try: math.dist(**kw)
    except TypeError as e: print("TypeError", e)
try: math.hypot(x=1)
except TypeError as e: print("TypeError", e)
INF, NAN = float("inf"), float("nan")
for x, y in [(0., -INF), (0., INF), (-0., -INF), (INF, -1.), (-INF, 3.), (NAN, 0.), (1., NAN), (2., 0.5), (-2., 2.)]:
    print(x, y, math.pow(x, y))
for x, y in [(0., -1.), (-2., 0.5), (10., 400.)]:
    try: math.pow(x, y)
    except (ValueError, OverflowError) as e: print(type(e).__name__, e)
for x, y in [(-4.0, 1), (4.0, 1), (3., 2.), (5., 2.), (-5., 2.), (NAN, 1.), (1., NAN), (2., INF), (7.5, 2.), (1e300, 3.)]:
    print(x, y, math.remainder(x, y))
for x, y in [(INF, 1.), (1., 0.)]:
    try: math.remainder(x, y)
    except ValueError as e: print("ValueError", e)
print(math.log2(2**1023), math.log2(8), math.log2(2**2000), math.prod([2, 3], start='ab'), math.lcm(0, 3), math.lcm(4, 6))
import math
n=float("nan"); print(math.hypot(n), math.hypot(1, n), math.hypot(n, float("inf")), math.dist((1, n), (2, 3)), math.hypot())
