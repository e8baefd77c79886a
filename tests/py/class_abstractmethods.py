# setting __abstractmethods__ makes object.__new__ refuse the class (what abc relies on);
# types.MappingProxyType builds a proxy; function descriptors in the class dict
class A:
    def f(self):
        return 1


A.__abstractmethods__ = frozenset({"f"})
try:
    A()
except TypeError as e:
    print("TypeError:", e)
A.__abstractmethods__ = frozenset({"g", "f"})
try:
    A()
except TypeError as e:
    print("TypeError:", e)
A.__abstractmethods__ = frozenset()
print(type(A()).__name__)

MP = type(type.__dict__)
p = MP({"a": 1})
print(p["a"], len(p), list(p), "a" in p)
for bad in ([1], (1,), 5):
    try:
        MP(bad)
    except TypeError as e:
        print("TypeError:", e)

F = type(lambda: 0)
print(type(F.__code__).__name__, type(F.__globals__).__name__, type(F.__defaults__).__name__)


def g(x=1):
    return x


print(g.__defaults__, F.__defaults__.__get__(g), g.__code__.co_name)
F.__defaults__.__set__(g, (5,))
print(g(), g.__globals__ is globals())
g.__defaults__ = (7,)
print(g())
try:
    g.__globals__ = {}
except AttributeError as e:
    print("AttributeError:", e)
