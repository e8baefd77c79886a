# list.sort() is CPython's listsort: the same `<` calls in the same order, the same
# result with inconsistent comparisons, the same partial order after an exception.

# Everything here stays within small ints and `__lt__` allocates nothing: the test also
# runs with the GC collecting at every allocation.
MOD = 2147483647


class Rng:
    def __init__(self, seed):
        self.x = seed

    def next(self):
        self.x = (self.x * 69069 + 12345) % 4294967296
        return self.x >> 16

    def below(self, n):
        return self.next() % n


# the number of `<` calls and a hash of their (left, right) sequence
ncalls = 0
hcalls = 0


def reset():
    global ncalls, hcalls
    ncalls = 0
    hcalls = 0


class K:
    __slots__ = ("v", "i")

    def __init__(self, v, i):
        self.v = v
        self.i = i

    def __lt__(self, other):
        global ncalls, hcalls
        ncalls += 1
        hcalls = (hcalls * 1000003 + self.i * 4099 + other.i + 1) % MOD
        return self.v < other.v

    def __repr__(self):
        return "K(%r,%d)" % (self.v, self.i)


def digest(seq):
    h = 0
    for a in seq:
        h = (h * 1000003 + a + 1) % MOD
    return h


# K objects are reused from run to run (fewer allocations, for the GC stress mode)
pool = [K(0, 0) for _ in range(3000)]


def run(values, reverse=False):
    items = pool[:len(values)]
    for i in range(len(values)):
        items[i].v = values[i]
        items[i].i = i
    reset()
    items.sort(reverse=reverse)
    order = [k.i for k in items]
    # stable: equal values keep their original order (reverse keeps it too)
    vs = [k.v for k in items]
    if reverse:
        assert vs == sorted(values, reverse=True), "not sorted"
    else:
        assert vs == sorted(values), "not sorted"
    for j in range(1, len(items)):
        if items[j - 1].v == items[j].v:
            assert items[j - 1].i < items[j].i, "not stable"
    return ncalls, hcalls, digest(order)


def shapes(n, rng):
    yield "rand", [rng.below(1000) for _ in range(n)]
    yield "dups", [rng.below(3) for _ in range(n)]
    yield "sorted", list(range(n))
    yield "revsorted", list(range(n, 0, -1))
    yield "equal", [5] * n
    yield "sawtooth", [i % 7 for i in range(n)]
    yield "organpipe", list(range(n // 2)) + list(range(n - n // 2, 0, -1))
    # a sorted list with a few items swapped
    v = list(range(n))
    for _ in range(3):
        if n > 1:
            a, b = rng.below(n), rng.below(n)
            v[a], v[b] = v[b], v[a]
    yield "nearly", v


def runs_of(lengths, rng):
    out = []
    base = 0
    for j, ln in enumerate(lengths):
        chunk = sorted(rng.below(500) for _ in range(ln))
        if j % 3 == 1:
            chunk.reverse()
        out.extend(chunk)
    return out


print("== small n")
rng = Rng(12345)
for n in range(71):
    parts = []
    for name, vals in shapes(n, rng):
        c, h, o = run(vals)
        parts.append("%s:%d:%d" % (name, c, h % 100000))
    c, h, o = run([rng.below(10) for _ in range(n)], reverse=True)
    parts.append("rev:%d:%d" % (c, h % 100000))
    print(n, " ".join(parts))

print("== large n")
rng = Rng(777)
for n in (200, 257, 500, 1000, 2000):
    for name, vals in shapes(n, rng):
        c, h, o = run(vals)
        print(n, name, c, h, o)
    c, h, o = run([rng.below(50) for _ in range(n)], reverse=True)
    print(n, "rev", c, h, o)

print("== runs")
rng = Rng(4242)
for lengths in ([1, 2, 3, 4, 5, 6, 7, 8] * 20,
                [100, 1, 100, 1, 100],
                [32, 33, 64, 65, 31, 200, 3, 3, 3, 300],
                [500, 700, 20, 20, 20, 900],
                [rng.below(80) + 1 for _ in range(40)],
                [rng.below(300) + 1 for _ in range(15)]):
    vals = runs_of(lengths, rng)
    c, h, o = run(vals)
    print(len(vals), c, h, o)
    c, h, o = run(vals, reverse=True)
    print(len(vals), "rev", c, h, o)

# descending runs must be strictly descending: equal neighbours end them
c, h, o = run([5, 4, 4, 3, 2, 2, 1] * 30)
print("desc-eq", c, h, o)

print("== galloping")
rng = Rng(99)
# interleavings that make one side win for long stretches, then alternate
a = list(range(0, 3000, 3))
b = list(range(1000, 1100)) + list(range(2000, 2900, 2))
for vals in (a + b, b + a, a[:500] + b + a[500:], sorted(a + b)[::-1] + a):
    c, h, o = run(vals)
    print(len(vals), c, h, o)

print("== NaN")
nan = float("nan")
rng = Rng(5)
for trial in range(12):
    n = 5 + rng.below(60)
    vals = []
    for _ in range(n):
        r = rng.below(10)
        vals.append(nan if r == 0 else float(rng.below(20)))
    tagged = [K(v, i) for i, v in enumerate(vals)]
    reset()
    tagged.sort()
    print(n, ncalls, [k.i for k in tagged])
    print(sorted(vals))
print(sorted([3.0, nan, 1.0, 2.0, nan, 0.5]))
print(sorted([nan, 2, 1, nan, 0.5, 3], reverse=True))
print(sorted([1, nan, 0] * 5, key=lambda x: -x))


print("== random comparator")


class R:
    rng = Rng(1)

    def __init__(self, i):
        self.i = i

    def __lt__(self, other):
        global ncalls, hcalls
        ncalls += 1
        hcalls = (hcalls * 1000003 + self.i * 4099 + other.i + 1) % MOD
        return R.rng.below(2) == 0


for n in (2, 3, 10, 40, 64, 65, 100, 300, 1000):
    R.rng = Rng(n)
    items = [R(i) for i in range(n)]
    reset()
    items.sort()
    order = [x.i for x in items]
    assert sorted(order) == list(range(n))
    print(n, ncalls, hcalls, order if n <= 100 else digest(order))
R.rng = Rng(31)
items = [R(i) for i in range(50)]
items.sort(reverse=True)
print([x.i for x in items])


print("== exceptions")


class Boom(Exception):
    pass


class E:
    left = 0

    def __init__(self, v, i):
        self.v = v
        self.i = i

    def __lt__(self, other):
        E.left -= 1
        if E.left < 0:
            raise Boom("boom %d %d" % (self.i, other.i))
        return self.v < other.v


epool = [E(0, 0) for _ in range(500)]


def try_sort(vals, after, **kw):
    items = epool[:len(vals)]
    for i in range(len(vals)):
        items[i].v = vals[i]
        items[i].i = i
    E.left = after
    try:
        items.sort(**kw)
        res = "ok"
    except Boom as e:
        res = str(e)
    order = [x.i for x in items]
    assert sorted(order) == list(range(len(vals)))
    return res, order


rng = Rng(2024)
for n in (5, 20, 70, 150):
    vals = [rng.below(100) for _ in range(n)]
    for after in (0, 1, 3, 10, 40, 100, 300, 600):
        res, order = try_sort(vals, after)
        print(n, after, res, order)
        res, order = try_sort(vals, after, reverse=True)
        print(n, after, "rev", res, order)
# an exception inside a gallop of a big merge
vals = list(range(0, 400, 2)) + list(range(1, 400, 2))[::-1] + list(range(100, 200))
for after in (250, 400, 430, 470, 520, 700):
    res, order = try_sort(vals, after)
    print(len(vals), after, res, digest(order), order[:40])
# from the key function: the list is left as it was
l = [3, 1, 2]
try:
    l.sort(key=lambda x: 1 / (x - 2))
except ZeroDivisionError as e:
    print("key raised:", e, l)
try:
    sorted([1, "a", 2])
except TypeError as e:
    print(e)
l = [3, 1, "x", 2, 0]
try:
    l.sort()
except TypeError as e:
    print(e, l)
l = [3, 1, "x", 2, 0]
try:
    l.sort(reverse=True)
except TypeError as e:
    print(e, l)


print("== key and reverse")
rng = Rng(8)
data = [(rng.below(5), i) for i in range(60)]
print(sorted(data, key=lambda p: p[0]))
print(sorted(data, key=lambda p: p[0], reverse=True))
print(sorted(data, reverse=True))
print(sorted(data, key=lambda p: -p[0], reverse=True))
words = "the quick brown fox jumps over the lazy dog and a cat THE Dog".split()
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
print(sorted(words, key=str.lower))
print(sorted(words, key=str.lower, reverse=True))
ks = [K(rng.below(4), i) for i in range(40)]
reset()
out = sorted(ks, key=lambda k: k, reverse=True)
print(ncalls, hcalls, [k.i for k in out])
reset()
out = sorted(range(40), key=lambda i: ks[i])
print(ncalls, hcalls, out)
# keys of mixed int/float, bools, tuples with equal firsts
print(sorted([3, 1.5, True, 0, -2.5, 2, False], reverse=True))
print(sorted([(1, "b"), (1, "a"), (0, "z"), (1,), (0, "z", 1)]))


# `<` of tuple keys: == on the items until one differs, then < on that one
log = []


class Q:
    def __init__(self, v, i):
        self.v = v
        self.i = i

    def __eq__(self, other):
        log.append(("eq", self.i, other.i))
        return self.v == other.v

    def __lt__(self, other):
        log.append(("lt", self.i, other.i))
        return self.v < other.v


rng = Rng(3)
qs = [Q(rng.below(3), i) for i in range(25)]
keyed = sorted(qs, key=lambda q: (q.v % 2, q, q.i))
print(len(log), [q.i for q in keyed])
print(log[:30])
log.clear()
keyed = sorted(qs, key=lambda q: ("s", q), reverse=True)
print(len(log), [q.i for q in keyed])
log.clear()
keyed = sorted(qs, key=lambda q: [q.i % 4, q])
print(len(log), [q.i for q in keyed])
# an exception with key= and reverse=: values follow their keys
for after in (5, 30, 80):
    items = [E(rng.below(9), i) for i in range(40)]
    E.left = after
    try:
        out = list(range(40))
        out.sort(key=lambda j: items[j], reverse=after > 10)
    except Boom as e:
        print(after, e, out)


# keys all of one class: its __lt__ is called directly, then once more by the general
# comparison when it answers NotImplemented
log = []


class NI:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        log.append(("lt", self.v, other.v))
        return NotImplemented

    def __gt__(self, other):
        log.append(("gt", self.v, other.v))
        return self.v > other.v


class NI2(NI):
    pass


print([x.v for x in sorted([NI(2), NI(1), NI(3)])], log)
log.clear()
print([x.v for x in sorted([NI(2), NI2(1), NI(3)])], log)
log.clear()
print([x[0].v for x in sorted([(NI(2),), (NI(1),)])], log)
log.clear()
print([x[1].v for x in sorted([(0, NI(2)), (0, NI(1))])], log)


class MyInt(int):
    pass


class MyStr(str):
    pass


class Plain:
    pass


class NoLt:
    __lt__ = None


print(sorted([MyInt(3), MyInt(1), MyInt(2)]), sorted([MyStr("b"), MyStr("a")], reverse=True))
for bad in ([Plain(), Plain()], [NoLt(), NoLt()]):
    try:
        sorted(bad)
    except TypeError as e:
        print("TypeError:", e)
print(sorted([(MyInt(2), 1), (MyInt(2), 0), (MyInt(1), 5)]))
print(sorted([[2, 1], [1, 2], [1]]), sorted([2**70, 2**65, -2**80, 3]))
print(sorted(["\xe9", "ab", "\u1234", "a"]))


print("== mutation during sort")
l = [3, 1, 2]
seen = []
l.sort(key=lambda x: (seen.append(len(l)), x)[1])
print(l, seen)


class Peek:
    def __init__(self, v, lst):
        self.v = v
        self.lst = lst

    def __lt__(self, other):
        seen.append(len(self.lst))
        return self.v < other.v


holder = []
holder.extend(Peek(v, holder) for v in (4, 2, 3, 1))
seen = []
holder.sort()
print([p.v for p in holder], seen)
for f in (lambda l, x: l.append(9), lambda l, x: (l.append(9), l.pop()),
          lambda l, x: l.clear(), lambda l, x: l.extend([]), lambda l, x: l.sort(),
          lambda l, x: l.__setitem__(slice(None), [])):
    for rev in (False, True):
        l = [3, 1, 2]
        try:
            l.sort(key=lambda x: (f(l, x), x)[1], reverse=rev)
            print("ok", l)
        except ValueError as e:
            print("ValueError:", e, l)


class Grow:
    def __init__(self, v, lst):
        self.v = v
        self.lst = lst

    def __lt__(self, other):
        self.lst.append(0)
        return self.v < other.v


g = []
g.extend(Grow(v, g) for v in (5, 3, 4, 1))
try:
    g.sort()
except ValueError as e:
    print("ValueError:", e, [x.v for x in g])
l = [1]
try:
    l.sort(key=lambda x: l.append(2))
except ValueError as e:
    print("ValueError:", e, l)
print(sorted([]), sorted([1]), sorted((2, 1)), sorted("cba", reverse=True))
