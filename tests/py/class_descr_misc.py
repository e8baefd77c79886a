# type.__getattribute__ checks the name; module.__new__ alone; property's fget/fset/fdel members
try:
    type.__getattribute__(list, type)
except TypeError as e:
    print("TypeError:", e)
from types import ModuleType as M
m = M.__new__(M)
print(hasattr(m, "__name__"), hasattr(m, "foo"), m.__dict__)
m.foo = 1
print(m.__dict__)
class C:
    def getx(self): return 1
    def setx(self, v): pass
    x = property(getx, setx, doc="the x")
raw = C.__dict__['x']
print([a for a in ("fget", "fset", "fdel", "__doc__") if a in dir(raw)])
print(raw.fget is C.__dict__['getx'], raw.fset is C.__dict__['setx'], raw.fdel, raw.__doc__)
for attr in "fget", "fset", "fdel":
    try:
        setattr(raw, attr, 42)
    except AttributeError as e:
        print("AttributeError", "readonly" in str(e))
raw.__doc__ = 42
print(raw.__doc__)
