# A key's __eq__ that adds and removes other keys during a lookup: CPython's lookup goes on
# (it starts again only when the entry it compared changed), so these finish.
d = {}
class K:
    def __init__(self, x):
        self.x = x
    def __hash__(self):
        return self.x
    def __eq__(self, o):
        if self.x == 2:
            v = d.pop((K(1),))
            d[(K(1),)] = v
        return self.x == o.x
d[(K(1),)] = 1
d[(K(2),)] = 2
print(d[(K(2),)], len(d))
print((K(2),) in d, d.get((K(2),)))

# the lru_cache case (functools' test_need_for_rlock): a re-entrant call from __eq__
import functools
@functools.lru_cache(maxsize=10)
def cached(x):
    return x
class DoubleEq:
    def __init__(self, x):
        self.x = x
    def __hash__(self):
        return self.x
    def __eq__(self, other):
        if self.x == 2:
            cached(DoubleEq(1))
        return self.x == other.x
cached(DoubleEq(1))
cached(DoubleEq(2))
print(cached(DoubleEq(2)).x, cached.cache_info())

# an __eq__ that clears the dict: the key is simply not found
d2 = {}
class C:
    def __hash__(self):
        return 7
    def __eq__(self, o):
        d2.clear()
        return False
d2[C()] = 1
print(C() in d2, len(d2))

# an __eq__ that replaces the compared entry's key: the lookup starts again
d3 = {}
class R:
    def __init__(self, n):
        self.n = n
    def __hash__(self):
        return 3
    def __eq__(self, o):
        if self.n == 0 and len(d3) == 1:
            del d3[first]
            d3[R(1)] = "new"
        return isinstance(o, R) and o.n == self.n
first = R(0)
d3[first] = "old"
print(d3.get(R(1)), [k.n for k in d3])
