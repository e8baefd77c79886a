# __reversed__, __missing__, __length_hint__-free iteration and misc protocols.
class Seq:
    def __init__(self, data):
        self.data = data
    def __len__(self):
        return len(self.data)
    def __getitem__(self, i):
        return self.data[i]
print(list(reversed(Seq("abc"))), list(Seq([1, 2])))
class Rev:
    def __reversed__(self):
        return iter(["custom", "reversed"])
print(list(reversed(Rev())))
class NoRev:
    pass
try:
    reversed(NoRev())
except TypeError as e:
    print("TypeError:", e)
class NoneRev:
    __reversed__ = None
    def __len__(self):
        return 1
    def __getitem__(self, i):
        return i
try:
    reversed(NoneRev())
except TypeError as e:
    print("TypeError:", e)
class NoneIter:
    __iter__ = None
try:
    iter(NoneIter())
except TypeError as e:
    print("TypeError:", e)
class NoneContains:
    __contains__ = None
try:
    1 in NoneContains()
except TypeError as e:
    print("TypeError:", e)
class D(dict):
    def __missing__(self, key):
        self[key] = len(key)
        return self[key]
d = D()
print(d["abc"], d["z"], d, d.get("q", "get ignores missing"))
class Size:
    def __sizeof__(self):
        return 123
class Matrix:
    def __init__(self, rows):
        self.rows = rows
    def __matmul__(self, o):
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in zip(*o.rows)] for r in self.rows])
    def __repr__(self):
        return f"Matrix({self.rows})"
print(Matrix([[1, 2], [3, 4]]) @ Matrix([[5, 6], [7, 8]]))
