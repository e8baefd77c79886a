# types.MethodType built from Python, and attribute access through bound methods to the
# function (importlib.metadata caches methods with functools and calls cache_clear on them).
import types
import functools


class A:
    def f(self):
        return "f"

    @functools.lru_cache()
    def cached(self, x):
        return x * 2


def g(self, y):
    return (type(self).__name__, y)


a = A()
m = types.MethodType(g, a)
print(m(3), m.__self__ is a, m.__func__ is g, type(m) is types.MethodType, m.__name__)
A.f.tag = "tagged"
print(a.f.tag, a.f.__name__, a.f.__qualname__)
print(a.cached(4), a.cached.cache_info().hits, a.cached(4), a.cached.cache_info().hits)
a.cached.cache_clear()
print(a.cached.cache_info().currsize)
bm = types.MethodType(len, [1, 2, 3])
print(bm())
for bad in [lambda: types.MethodType(1, a), lambda: types.MethodType(g, None), lambda: types.MethodType(g)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
print(types.SimpleNamespace(a=1), types.FunctionType, isinstance(g, types.FunctionType), types.new_class("C").__name__)
