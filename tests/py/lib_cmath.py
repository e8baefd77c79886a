# cmath: values, branch cuts, signed zeros, the special values of every function for
# infinite and NaN parts, errors and their messages, constants, isclose.
import cmath
import math


def fmt(x):
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    if x == 0:
        return "-0" if math.copysign(1.0, x) < 0 else "0"
    return "%.12g" % x


def show(v):
    if isinstance(v, complex):
        return "(%s, %s)" % (fmt(v.real), fmt(v.imag))
    if isinstance(v, float):
        return fmt(v)
    if isinstance(v, tuple):
        return "(" + ", ".join(show(x) for x in v) + ")"
    return repr(v)


def call(f, *a, **k):
    try:
        return show(f(*a, **k))
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)


NAMES = ["acos", "acosh", "asin", "asinh", "atan", "atanh", "cos", "cosh", "exp", "log",
         "log10", "sin", "sinh", "sqrt", "tan", "tanh", "phase", "polar", "isfinite",
         "isnan", "isinf"]
INF = float("inf")
NAN = float("nan")
PARTS = [-INF, -2.5, -1.0, -0.0, 0.0, 0.5, 1.0, 2.5, INF, NAN]

print("-- special values and signed zeros")
for name in NAMES:
    f = getattr(cmath, name)
    row = []
    for re in PARTS:
        for im in PARTS:
            row.append(call(f, complex(re, im)))
    print(name, " ".join(row))

print("-- rect")
for r in PARTS:
    print(" ".join(call(cmath.rect, r, p) for p in PARTS))

print("-- ordinary values")
ZS = [0.3 + 0.4j, -3 + 4j, 1e-300 + 1e-300j, 5e-324 + 5e-324j, 1e300 + 1e300j,
      -1e308 - 1e308j, 2 - 0j, -2 + 0j, complex(-2, -0.0), 1j, -1j, 1 + 1e-20j,
      complex(1, -1e-170), 700 + 1j, -700 + 1j, 710 + 0.5j, 0.5 + 710j, 1e-10 + 1e10j]
for name in NAMES:
    f = getattr(cmath, name)
    print(name, " ".join(call(f, z) for z in ZS))

print("-- arguments of other types")


class C:
    def __complex__(self):
        return 2 + 3j


class F:
    def __float__(self):
        return 0.25


class I:
    def __index__(self):
        return 7


class Bad:
    def __complex__(self):
        return 5


for a in [3, True, 2.5, 10**20, C(), F(), I(), Bad(), "x", None, [], 10**400]:
    print(type(a).__name__, call(cmath.sqrt, a), call(cmath.phase, a))

print("-- log with a base")
for a, b in [(8, 2), (100, 10), (1j, 1j), (0, 2), (2, 0), (2, 1), (0, 0), (-1, 2), (1 + 1j, 1 - 1j),
             (INF, 2), (2, INF), (NAN, 2), (1e300, 1e-300)]:
    print(a, b, call(cmath.log, a, b))
print(call(cmath.log, 2, "x"), call(cmath.log, "x", "y"))

print("-- errors")
print(call(cmath.sqrt))
print(call(cmath.sqrt, 1, 2))
print(call(cmath.sqrt, z=1))
print(call(cmath.exp, 1000))
print(call(cmath.cosh, 1000 + 1j))
print(call(cmath.sinh, -1000 + 1j))
print(call(cmath.exp, complex(1, INF)))
print(call(cmath.log, 0))
print(call(cmath.log))
print(call(cmath.log, 1, 2, 3))
print(call(cmath.log, 1, base=2))
print(call(cmath.atanh, 1), call(cmath.atanh, -1), call(cmath.atanh, complex(1, -0.0)))
print(call(cmath.rect, 1))
print(call(cmath.rect, 1j, 2), call(cmath.rect, 1, "a"), call(cmath.rect, r=1, phi=2))
print(call(cmath.rect, 1e308, INF), call(cmath.rect, 0, INF))
print(call(cmath.polar, complex(1e308, 1e308)), call(cmath.polar, complex(1.7e308, 1.7e308)))
print(call(cmath.phase), call(cmath.polar, 1, 2), call(cmath.isnan, x=1))
print(call(abs, complex(1.7e308, 1.7e308)))

print("-- isclose")
print(cmath.isclose(1 + 1j, 1 + 1j), cmath.isclose(1, 1 + 1e-10j), cmath.isclose(1, 1.1))
print(cmath.isclose(1, 1.1, rel_tol=0.2), cmath.isclose(1j, 1.05j, abs_tol=0.1))
print(cmath.isclose(complex(INF, 0), complex(INF, 0)), cmath.isclose(complex(INF, 1), complex(INF, 2)))
print(cmath.isclose(NAN, NAN), cmath.isclose(0, 1e-300), cmath.isclose(0, 1e-300, abs_tol=1e-200))
print(cmath.isclose(a=1, b=1.0))
for args, kw in [((1,), {}), ((1, 2, 3), {}), ((1, 2), {"rel_tol": -1}), ((1, 2), {"abs_tol": -1}),
                 ((1, 2), {"foo": 1}), ((1, 2), {"rel_tol": 1j}), ((1,), {"a": 2}), (("x", 1), {}),
                 ((1, 2), {"rel_tol": "a"})]:
    print(args, kw, call(cmath.isclose, *args, **kw))

print("-- constants")
print(cmath.pi == math.pi, cmath.e == math.e, cmath.tau == math.tau)
print(cmath.inf, cmath.infj, cmath.nan, cmath.nanj)
print(type(cmath.infj).__name__, type(cmath.nan).__name__)
print(cmath.__doc__)
print(sorted(n for n in dir(cmath) if not n.startswith("_")))
