# Builtins consuming generators: list, tuple, sorted, set, frozenset, all, any, sum.
# Items are handed over without suspending the generator when no Python code can
# observe it; otherwise the generator is suspended as CPython does.
import sys

def gen(n, log=None):
    for i in range(n):
        if log is not None:
            log.append(("yield", i))
        got = yield i
        if log is not None:
            log.append(("got", got))

print(list(gen(5)), tuple(gen(4)), sorted(x * 7 % 5 for x in range(6)))
print(sorted(set(x % 3 for x in range(10))), sorted(frozenset(str(x) for x in range(4))))
print(all(x < 5 for x in range(5)), all(x < 3 for x in range(5)), any(x == 3 for x in range(5)), any(x > 9 for x in range(5)))
print(sum(x for x in range(100)), sum((x * 0.5 for x in range(10)), 1.0), sum((x for x in range(3)), 10))
print(sum(x * 2**40 for x in range(2**22, 2**22 + 300)))
log = []
print(list(gen(3, log)), log)

# all/any stop early and leave the generator suspended where it stopped
g = gen(10)
print(all(x < 4 for x in g), next(g), list(g))
g = (x for x in range(10))
print(any(x > 5 for x in g), next(g))
g = (x for x in range(10))
print(any(g), next(g))
g = (x for x in [0, 0, 3, 0])
print(all(g), list(g))

# items whose truth is a Python method
class B:
    def __init__(self, v): self.v = v
    def __bool__(self):
        print("bool", self.v)
        return self.v
def bools():
    for v in (True, True, False, True):
        print("make", v)
        yield B(v)
print(all(bools()))
print(any(B(v) for v in (False, True, False)))

# set items with Python __hash__/__eq__: calls interleave with the generator as in CPython
class H:
    def __init__(self, k): self.k = k
    def __hash__(self):
        print("hash", self.k)
        return self.k % 2
    def __eq__(self, o):
        print("eq", self.k, getattr(o, "k", o))
        return isinstance(o, H) and self.k == o.k
def hs():
    for k in (1, 2, 3, 1):
        print("make", k)
        yield H(k)
    print("done")
print(len(set(hs())))
def mixed():
    yield 1
    yield H(3)
    yield 3
    yield "a"
print(len(set(mixed())))

# an unhashable item: TypeError, the generator suspended at that item
def unhashable():
    yield 1
    yield [2]
    print("not reached before the error")
    yield 3
g = unhashable()
try:
    set(g)
except TypeError as e:
    print("TypeError", e)
print(list(g))

# errors inside the generator propagate with its frame in the traceback
def boom():
    yield 1
    raise KeyError("k")
for f in (list, tuple, set, sorted, all, any, sum):
    try:
        f(boom())
    except KeyError as e:
        print(f.__name__, "KeyError", e, sys.exc_info()[2].tb_next.tb_frame.f_code.co_name)

# sum with __radd__/__add__, big ints, floats mixed with ints
class R:
    def __radd__(self, o):
        print("radd", o)
        return o + 100
print(sum(x for x in (1, 2, R(), 3)))
print(sum(x for x in (1, 2.5, 2**70, 3)))
print(sum(x for x in (2**62, 2**62, -5)))
try:
    sum(x for x in (1, "a"))
except TypeError as e:
    print("TypeError", e)

# a partly consumed generator, yield from, nested drains, a generator draining itself
g = gen(6)
next(g); next(g)
print(list(g))
def outer():
    yield from (x for x in range(3))
    yield sum(y for y in range(4))
    yield list(x * x for x in range(3))
print(list(outer()))
def selfish():
    yield 1
    yield list(me)
me = selfish()
try:
    list(me)
except ValueError as e:
    print("ValueError", e)

# exception state inside a drained generator
def excgen():
    try:
        raise ValueError("inner")
    except ValueError:
        yield sys.exc_info()[0].__name__
    yield sys.exc_info()[0]
try:
    raise KeyError("outer")
except KeyError:
    print(list(excgen()), sys.exc_info()[0].__name__)

# finally blocks run at the end; close() after an early stop runs them too
def fin():
    try:
        yield 1
        yield 2
    finally:
        print("finally")
print(list(fin()))
g = fin()
print(any(g))
g.close()
print(sorted(fin(), reverse=True))

# the generator and sys._getframe see the drain as a caller
def who():
    yield sys._getframe(0).f_code.co_name
    yield sys._getframe(1).f_code.co_name
def caller():
    return list(who())
print(caller())
# a long drain
print(sum(1 for _ in range(100000)), len(list(i for i in range(50000) if i % 3)))
print(all(x == x for x in range(100000)), any(x < 0 for x in range(100000)))
