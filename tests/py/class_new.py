# __new__ and __init__ interplay.
class Tracked:
    def __new__(cls, *args, **kwargs):
        print("__new__", cls.__name__, args, kwargs)
        inst = super().__new__(cls)
        inst.from_new = True
        return inst
    def __init__(self, a, b=2):
        print("__init__", a, b)
        self.a = a
t = Tracked(1, b=3)
print(t.from_new, t.a)
class NotInstance:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never called")
print(NotInstance())
class Other:
    pass
class ReturnsOther:
    def __new__(cls):
        return Other()
    def __init__(self):
        print("not called either")
print(type(ReturnsOther()).__name__)
class UpperStr(str):
    def __new__(cls, v):
        return super().__new__(cls, v.upper())
print(UpperStr("hello"), type(UpperStr("x")).__name__, len(UpperStr("abc")))
class Pos(int):
    def __new__(cls, v):
        return super().__new__(cls, abs(v))
print(Pos(-5), Pos(-5) + 1, isinstance(Pos(1), int))
class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
p = Point(3, 4)
print(p, p.x, p[1], len(p), type(p).__name__)
try:
    object.__new__(int)
except TypeError as e:
    print("TypeError:", e)
try:
    object(1)
except TypeError as e:
    print("TypeError:", e)
class NoInit:
    pass
try:
    NoInit(1)
except TypeError as e:
    print("TypeError:", e)
class OnlyInit:
    def __init__(self, x):
        self.x = x
print(OnlyInit(5).x)
class OnlyNew:
    def __new__(cls, x):
        o = super().__new__(cls)
        o.x = x
        return o
print(OnlyNew(6).x)
class InitReturns:
    def __init__(self):
        return 5
try:
    InitReturns()
except TypeError as e:
    print("TypeError:", e)
class Cache:
    _cache = {}
    def __new__(cls, key):
        if key not in cls._cache:
            cls._cache[key] = super().__new__(cls)
        return cls._cache[key]
print(Cache("a") is Cache("a"), Cache("a") is Cache("b"))
