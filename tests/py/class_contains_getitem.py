# __contains__, __getitem__-based iteration fallback, __setitem__/__delitem__.
class Evens:
    def __contains__(self, x):
        print("contains", x)
        return x % 2 == 0
e = Evens()
print(4 in e, 5 in e, 5 not in e)
class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * 10
s = Seq()
print(list(s), 20 in s, 25 in s, [x for x in s], tuple(reversed([*s])))
it = iter(s)
print(next(it), next(it))
class Trunc:
    def __getitem__(self, i):
        if i == 3:
            raise StopIteration
        return chr(65 + i)
print(list(Trunc()))
class Grid:
    def __init__(self):
        self.d = {}
    def __getitem__(self, key):
        print("get", key)
        return self.d.get(repr(key), 0)
    def __setitem__(self, key, value):
        print("set", key, value)
        self.d[repr(key)] = value
    def __delitem__(self, key):
        print("del", key)
        del self.d[repr(key)]
g = Grid()
g[1, 2] = 5
g[1, 2] += 1
print(g[1, 2], g[0:3], g[::2, ...])
del g[1, 2]
try:
    del g["nothing"]
except KeyError as e:
    print("KeyError:", e)
class NoSet:
    def __getitem__(self, i):
        return i
try:
    NoSet()[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    del NoSet()[0]
except TypeError as e:
    print("TypeError:", e)
try:
    object()[0]
except TypeError as e:
    print("TypeError:", e)
try:
    5 in object()
except TypeError as e:
    print("TypeError:", e)
class ContainsIter:
    def __iter__(self):
        print("iterating")
        return iter([1, 2, 3])
print(2 in ContainsIter(), 9 in ContainsIter())
class BoolContains:
    def __contains__(self, x):
        return [1]
print(1 in BoolContains())
