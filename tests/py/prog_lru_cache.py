# Program: an LRU cache built on dict ordering, used as a memoizing decorator.
class LRU:
    def __init__(self, capacity):
        self.capacity = capacity
        self.data = {}
        self.hits = self.misses = 0
    def get(self, key, default=None):
        if key in self.data:
            self.hits += 1
            value = self.data.pop(key)
            self.data[key] = value
            return value
        self.misses += 1
        return default
    def put(self, key, value):
        if key in self.data:
            self.data.pop(key)
        elif len(self.data) >= self.capacity:
            oldest = next(iter(self.data))
            del self.data[oldest]
        self.data[key] = value
    def __repr__(self):
        return f"LRU({list(self.data.items())}, hits={self.hits}, misses={self.misses})"
c = LRU(3)
for k in "abcabdaeb":
    if c.get(k) is None:
        c.put(k, k.upper())
    print(k, list(c.data))
print(c)
_missing = object()
def memoize(capacity):
    def deco(fn):
        cache = LRU(capacity)
        def wrapper(*args):
            v = cache.get(args, _missing)
            if v is _missing:
                v = fn(*args)
                cache.put(args, v)
            return v
        wrapper.cache = cache
        wrapper.__name__ = fn.__name__
        return wrapper
    return deco
@memoize(100)
def binom(n, k):
    if k == 0 or k == n:
        return 1
    return binom(n - 1, k - 1) + binom(n - 1, k)
print(binom(30, 15), binom.cache.hits, binom.cache.misses, len(binom.cache.data), binom.__name__)
@memoize(2)
def slow_square(x):
    print("computing", x)
    return x * x
print([slow_square(x) for x in [1, 2, 1, 3, 1, 2]])
print(slow_square.cache)
