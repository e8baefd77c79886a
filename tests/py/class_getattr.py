# __getattr__ (fallback) and __getattribute__ (always).
class Fallback:
    existing = "real"
    def __getattr__(self, name):
        if name.startswith("dyn_"):
            return name[4:].upper()
        raise AttributeError(f"no {name!r} here")
f = Fallback()
print(f.existing, f.dyn_hello, getattr(f, "dyn_x"), hasattr(f, "dyn_y"), hasattr(f, "other"), getattr(f, "other", "dflt"))
try:
    f.other
except AttributeError as e:
    print("AttributeError:", e)
class Tracing:
    def __init__(self):
        self.a = 1
    def __getattribute__(self, name):
        print("getattribute", name)
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        print("getattr fallback", name)
        return None
t = Tracing()
print(t.a)
print(t.missing)
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
    def __getattr__(self, name):
        return getattr(self._target, name)
p = Proxy([3, 1, 2])
p.sort()
print(p._target, p.count(1), p.__class__.__name__)
try:
    len(p)
except TypeError as e:
    print("TypeError:", e)
class Everything:
    def __getattribute__(self, name):
        if name == "secret":
            raise AttributeError("hidden")
        return "attr:" + name
e = Everything()
print(e.foo, e.__dict__, getattr(e, "secret", "default"))
class Recursive:
    def __getattr__(self, name):
        return self.__dict__.get("_" + name, "none")
r = Recursive()
r._x = 5
print(r.x, r.y)
class ModifyOnGet:
    count = 0
    def __getattr__(self, name):
        type(self).count += 1
        setattr(self, name, type(self).count)
        return type(self).count
m = ModifyOnGet()
print(m.a, m.a, m.b, m.count)
