# Loops a trace compiles with module attributes as constants (math.pi, math.sqrt), math
# functions on unboxed floats, and attribute stores that add a slot to a new instance;
# each then meets what must leave the trace: errors, specials, rebinding, other shapes.
import math


def trig(n):
    t = 0.0
    for i in range(n):
        x = i * 0.25
        t += math.sin(x) + math.cos(x) * 2.0 + math.sqrt(x) + math.atan(x) + math.fabs(-x)
        t += math.exp(x * 0.01) + math.log(x + 1.0) + math.tan(x * 0.001) + math.pi
    return t


print(repr(trig(3000)))


def ints(n):
    t = 0.0
    for i in range(n):
        t += math.sqrt(i) + math.sin(i)
    return t


print(repr(ints(2000)))


def domain(vals):
    out = []
    for v in vals:
        try:
            out.append(math.sqrt(v))
        except ValueError as e:
            out.append(str(e))
        try:
            out.append(math.log(v))
        except ValueError as e:
            out.append("log: " + str(e))
    return out


vals = [float(i) for i in range(1, 1500)] + [-1.0, 0.0, float("inf"), float("nan"), -0.0, 4, 2**70]
print(domain(vals)[-20:])


def overflow(n):
    out = []
    for i in range(n):
        try:
            out.append(math.exp(i * 1.0))
        except OverflowError as e:
            out.append(str(e))
            break
    return out


print(overflow(2000)[-3:])


def special(vals):
    out = []
    for v in vals:
        try:
            out.append(repr(math.sin(v)))
        except ValueError as e:
            out.append(str(e))
    return out


print(special([0.5] * 1200 + [float("inf"), float("nan"), -0.0, 1e308])[-5:])


class F(float):
    def __float__(self):
        return 2.0


class Idx:
    def __float__(self):
        return 9.0


def mixed(vals):
    t = []
    for v in vals:
        t.append(math.sqrt(v))
    return t


print(mixed([1.0] * 1200 + [F(4.0), Idx(), True, 16])[-4:])


def rebinding(n):
    t = 0.0
    for i in range(n):
        if i == 1500:
            math.sqrt = lambda x: -1.0
        t += math.sqrt(4.0)
    return t


real_sqrt = math.sqrt
print(rebinding(2000))
math.sqrt = real_sqrt
print(rebinding(1000), math.sqrt(9.0))
math.sqrt = real_sqrt


def pi_changes(n):
    t = 0.0
    for i in range(n):
        if i == 1200:
            math.pi = 3
        t += math.pi
    return t


real_pi = math.pi
print(pi_changes(1500))
math.pi = real_pi


class P:
    def __init__(self, i):
        self.a = i
        self.b = i * 2.0
        self.c = str(i) if i % 500 == 499 else i


def build(n):
    ps = [P(i) for i in range(n)]
    return ps[-1].a, ps[-1].b, ps[-1].c, ps[499].c, sorted(vars(ps[7]).items())


print(build(3000))


class Q:
    def __init__(self, i, extra):
        self.x = i
        if extra:
            self.y = i + 1
        self.z = -i


def shapes(n):
    out = []
    for i in range(n):
        q = Q(i, i % 3 == 0)
        out.append(sorted(vars(q).items()))
    return out[-4:]


print(shapes(2500))


class R:
    def __init__(self, i):
        self.x = i


def mutate_class(n):
    out = 0
    for i in range(n):
        if i == 1600:
            R.x = property(lambda self: 42, lambda self, v: None)
        r = R(i)
        out += r.x
    return out


print(mutate_class(2000))


class S:
    def __init__(self, i):
        if i == 1700:
            self.__dict__["w"] = 1
        self.x = i
        self.y = i


def with_dict(n):
    t = 0
    for i in range(n):
        s = S(i)
        t += s.x + s.y + getattr(s, "w", 0)
    return t


print(with_dict(2000))
