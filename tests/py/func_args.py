# *args and **kwargs, unpacking at call sites.
def f(*args, **kwargs):
    return args, kwargs
print(f(), f(1, 2), f(a=1), f(1, b=2), f(*[1, 2], *(3,), **{"x": 1}, **{"y": 2}), f(*"ab", k=None))
def g(a, b, *rest, c=0, **kw):
    return a, b, rest, c, kw
print(g(1, 2), g(1, 2, 3, 4), g(1, 2, 3, c=5, d=6), g(*range(5), **dict(c=1, z=2)))
def h(x, y, z):
    return x * 100 + y * 10 + z
args = (1, 2)
print(h(*args, 3), h(3, *args), h(*args, z=9), h(**{"z": 1, "y": 2, "x": 3}), h(1, *[], *[2], **{"z": 3}))
def order(**kw):
    return list(kw)
print(order(z=1, a=2, m=3), order(**{"b": 1}, a=2))
def total(*nums):
    return sum(nums)
print(total(), total(1), total(*range(101)))
print(type(f(1)[0]).__name__, type(f(a=1)[1]).__name__)
def modify(**kw):
    kw["new"] = 1
    return kw
d = {"old": 0}
print(modify(**d), d)
print(f(*{"k1": 1, "k2": 2}), f(*{3, 1, 2}))
