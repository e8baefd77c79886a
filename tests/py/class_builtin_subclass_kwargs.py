# Subclasses of builtin classes whose own __init__ or __new__ takes keywords (CPython lets them
# through only then); generator names cannot be deleted; list.index clamps huge bounds; an exact
# tuple/str/bytes repeated once is itself.
import itertools, operator
def isEven(x): return x % 2 == 0
cases = [(list, ([1, 2],)), (tuple, ([1, 2],)), (float, ("1.5",)), (frozenset, ([1, 2],)),
         (filter, (None, [0, 1])), (map, (str, [1, 2])), (itertools.chain, ([1, 2], [3])),
         (itertools.starmap, (operator.pow, ((2, 3),))), (itertools.islice, ([1, 2, 3, 4], 1, 3)),
         (itertools.takewhile, (isEven, [2, 3])), (itertools.dropwhile, (isEven, [2, 3])),
         (itertools.filterfalse, (None, [0, 1])), (itertools.cycle, ([1, 2],))]
for cls, args in cases:
    class sub(cls): pass
    try: sub(*args, newarg=3); print(cls.__name__, "no error")
    except TypeError as e: print(cls.__name__, "TypeError:", e)
    class with_init(cls):
        def __init__(self, *a, newarg=None):
            if cls is list: super().__init__(*a)
            self.newarg = newarg
    u = with_init(*args, newarg=3)
    print(type(u).__name__, list(itertools.islice(u, 3)) if cls not in (float,) else u, u.newarg)
    class with_new(cls):
        def __new__(c, *a, newarg=None):
            self = super().__new__(c, *a)
            self.newarg = newarg
            return self
    u = with_new(*args, newarg=3)
    print(type(u).__name__, list(itertools.islice(u, 3)) if cls not in (float,) else u, u.newarg)
for c in (list, tuple, float, frozenset, filter, map):
    try: c(x=1)
    except TypeError as e: print(e)
import sys
def func():
    yield 1
g = func()
g.__name__ = "name"; g.__qualname__ = "q"
print(g.__name__, g.__qualname__)
for v in (123, None):
    try: g.__name__ = v
    except TypeError as e: print("TypeError", e)
try: del g.__qualname__
except TypeError as e: print("TypeError", e)
print([0, 1].index(0, -4*sys.maxsize, 4*sys.maxsize))
try: (0, 1).index(0, 4*sys.maxsize, -4*sys.maxsize)
except ValueError as e: print("VE", e)
s = (1, 2); x = "ab"; y = b"ab"
print(s*1 is s, x*1 is x, y*1 is y, 1*s is s, [1]*1 == [1])
class T(tuple): pass
t = T((1,)); print(type(t*1).__name__, t*1 is t)
