# property: getter, setter, deleter, read-only, docstring, inheritance.
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        """Temperature in C."""
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("too cold")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._c = None
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
t = Temp()
t.celsius = 100
print(t.celsius, t.fahrenheit, Temp.celsius.__doc__, type(Temp.celsius).__name__)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    del t.fahrenheit
except AttributeError as e:
    print("AttributeError:", e)
del t.celsius
print(t.celsius)
class Old:
    def get(self):
        return "got"
    def set(self, v):
        print("set", v)
    x = property(get, set, None, "x doc")
o = Old()
print(o.x, Old.x.__doc__)
o.x = 5
print(Old.x.fget is Old.get, Old.x.fdel)
class Sub(Temp):
    @Temp.celsius.getter
    def celsius(self):
        return "sub:" + str(self._c)
s = Sub()
s.celsius = 5
print(s.celsius)
class Lazy:
    calls = 0
    @property
    def value(self):
        Lazy.calls += 1
        return 42
l = Lazy()
print(l.value, l.value, Lazy.calls)
l.__dict__["value"] = "instance"
print(l.value)
class Raises:
    @property
    def bad(self):
        raise AttributeError("inner problem")
    def __getattr__(self, name):
        return "getattr:" + name
print(Raises().bad)
