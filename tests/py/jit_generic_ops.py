# Loops whose bodies do what traces run through calls of the interpreter's generic paths:
# attributes, methods, calls, containers, truth of objects, big ints, closures, names at
# module level, generators, and exceptions raised inside compiled code.
import sys


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


def attrs_and_methods(n):
    pts = [Point(i, -i) for i in range(7)]
    total = 0
    for i in range(n):
        p = pts[i % 7]
        total += p.norm1() + p.x
        p.y = p.y - 1
    return total, [p.y for p in pts]


print(attrs_and_methods(3000))


def containers(n):
    d = {}
    out = []
    s = ""
    for i in range(n):
        d[i % 5] = d.get(i % 5, 0) + i
        if i % 3 in d:
            out.append(i)
        if out:
            s = s + "x" if len(s) < 4 else ""
        t = (i, i + 1)
        sl = out[-3:]
    return d, len(out), s, t, sl


print(containers(2000))


def big_ints(n):
    x = 1
    acc = 0
    for i in range(n):
        x = x * 3 + i
        acc += x % 1000
        acc = acc ^ (x >> 40)
    return acc, x.bit_length()


print(big_ints(300))


def truth(n):
    vals = [[], [1], "", "a", None, 0.0, 2.5, (), {1: 2}]
    c = 0
    for i in range(n):
        v = vals[i % len(vals)]
        if v:
            c += 1
        if v is not None:
            c += 2
        if not v:
            c += 4
    return c


print(truth(1000))


def closures(n):
    count = 0

    def bump(k):
        nonlocal count
        count += k
        return count

    tot = 0
    for i in range(n):
        tot += bump(i)
        count -= 1
    return tot, count


print(closures(1000))


def gen(n):
    for i in range(n):
        yield i * i


def consume(n):
    tot = 0
    for k in range(20):
        for v in gen(n):
            tot += v
        for i, c in enumerate("abc"):
            tot += i
    return tot


print(consume(200))


def shared_iterator(n):
    it = iter(range(n))
    got = []
    for x in it:
        if x % 10 == 0:
            got.append(next(it, None))
        got.append(x)
    return sum(got), len(got)


print(shared_iterator(1000))


def raising(n):
    caught = 0
    for i in range(n):
        try:
            v = 10 // (i % 50)
            d = {}[i] if i % 77 == 76 else v
        except ZeroDivisionError:
            caught += 1
        except KeyError as e:
            caught += 100 + e.args[0]
    return caught


print(raising(2000))


def uncaught(n):
    total = 0
    for i in range(n):
        total += 100 // (n - 1 - i)
    return total


try:
    uncaught(500)
except ZeroDivisionError as e:
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print("ZeroDivisionError at line", tb.tb_lineno)


def attribute_error(n):
    objs = [Point(1, 2)] * (n - 1) + [object()]
    t = 0
    for o in objs:
        t += o.x
    return t


try:
    attribute_error(300)
except AttributeError as e:
    print("AttributeError:", e)


class Counter:
    def __init__(self):
        self.n = 0

    def __bool__(self):
        self.n += 1
        return self.n % 3 != 0


c = Counter()
hits = 0
for i in range(600):
    if c:
        hits += 1
print("module loop", hits, c.n)

total = 0.0
names = []
for i in range(500):
    total = total + i * 0.25
    if i % 100 == 0:
        names.append(str(i))
print("module names", total, names)


def frames_seen(n):
    lines = set()
    for i in range(n):
        lines.add(sys._getframe().f_lineno)
    return sorted(lines)


print(frames_seen(100))
