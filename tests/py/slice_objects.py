# slice objects, indices(), extended slicing with steps.
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None), slice(1, None), repr(slice("a", "b")))
print(s.indices(5), slice(None, None, -1).indices(10), slice(-3, None).indices(10), slice(-100, 100).indices(7))
print(slice(10, -10, -3).indices(8), slice(None, None, 2).indices(0))
try:
    slice(0, 1, 0).indices(5)
except ValueError as e:
    print("ValueError:", e)
try:
    slice(0, 1).indices(-1)
except ValueError as e:
    print("ValueError:", e)
data = list(range(12))
for sl in [slice(None, None, 3), slice(-1, None, -2), slice(2, -2, 4), slice(100, None, -5), slice(None, 3, -1)]:
    print(sl, data[sl], "abcdefghijkl"[sl], tuple(data)[sl], bytes(range(12))[sl], list(range(12)[sl]))
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), slice(1, 2, 3) < slice(1, 2, 4))
class Spy:
    def __getitem__(self, item):
        return item
sp = Spy()
print(sp[1:2], sp[::3], sp[1:2, 3], sp[..., 1], sp[:, None], sp[-1], sp["k"], sp[1:2:3, ::-1])
try:
    hash(slice(1, 2))
    print("hashable")
except TypeError as e:
    print("TypeError:", e)
