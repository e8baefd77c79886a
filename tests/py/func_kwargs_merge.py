# Keyword argument unpacking: merging, duplicates and ordering.
def show(*args, **kwargs):
    return args, kwargs
a = {"x": 1, "y": 2}
b = {"z": 3}
print(show(**a, **b), show(w=0, **a), show(**a, w=0), show(*[1], **b, q=4))
for call in [lambda: show(**a, **{"x": 9}), lambda: show(x=0, **a), lambda: show(**a, y=5), lambda: show(**{"a": 1}, **{"a": 2})]:
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)
def f(x, y, z=0):
    return x, y, z
print(f(**a), f(*[1], **{"y": 2}), f(**{"z": 3}, **a))
try:
    f(1, **a)
except TypeError as e:
    print("TypeError:", e)
print({**a, **b, "x": "override"}, {"x": "first", **a}, dict(a, **b), dict(**a, y=3) if False else dict(a, y=3))
class M:
    def keys(self):
        return ["k1", "k2"]
    def __getitem__(self, k):
        return k.upper()
print(show(**M()), {**M()}, dict(M()))
class NotMapping:
    pass
try:
    show(**NotMapping())
except TypeError as e:
    print("TypeError:", e)
try:
    {**NotMapping()}
except TypeError as e:
    print("TypeError:", e)
