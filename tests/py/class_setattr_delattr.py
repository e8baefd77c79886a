# __setattr__ and __delattr__.
class Recorder:
    def __init__(self):
        self.log = []
    def __setattr__(self, name, value):
        if name != "log":
            self.log.append(("set", name, value))
        super().__setattr__(name, value)
    def __delattr__(self, name):
        self.log.append(("del", name))
        super().__delattr__(name)
r = Recorder()
r.x = 1
r.x += 5
setattr(r, "y", "why")
del r.x
delattr(r, "y")
print(r.log, r.__dict__)
try:
    del r.zzz
except AttributeError as e:
    print("AttributeError:", e)
class Frozen:
    def __init__(self, v):
        object.__setattr__(self, "v", v)
    def __setattr__(self, name, value):
        raise AttributeError(f"cannot set {name}")
    def __delattr__(self, name):
        raise AttributeError(f"cannot delete {name}")
fz = Frozen(5)
print(fz.v)
for action in [lambda: setattr(fz, "v", 1), lambda: delattr(fz, "v")]:
    try:
        action()
    except AttributeError as e:
        print("AttributeError:", e)
class Validated:
    def __setattr__(self, name, value):
        if not isinstance(value, int):
            raise TypeError(f"{name} must be int, got {type(value).__name__}")
        self.__dict__[name] = value * 2
v = Validated()
v.a = 4
print(v.a)
try:
    v.b = "x"
except TypeError as e:
    print("TypeError:", e)
try:
    setattr(v, 5, 1)
except TypeError as e:
    print("TypeError:", e)
try:
    object().x = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    (1).real = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    del (1).real
except AttributeError as e:
    print("AttributeError:", e)
try:
    int.foo = 1
except TypeError as e:
    print("TypeError:", e)
class Plain:
    pass
Plain.added = "class attr"
print(Plain().added)
del Plain.added
print(hasattr(Plain, "added"))
