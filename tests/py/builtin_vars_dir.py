# vars, dir, globals, locals.
class C:
    a = 1
    def __init__(self):
        self.x = 1
        self.y = 2
print(vars(C()), sorted(k for k in vars(C) if not k.startswith("__")), type(vars(C)).__name__)
def f(p, q=2):
    r = 3
    return sorted(locals().items())
print(f(1))
def g():
    return dir()
print(g())
def h(a):
    b = 2
    return dir()
print(h(1))
print("C" in dir(), "f" in globals(), globals()["C"] is C, __name__ in globals().values())
print([n for n in dir(C()) if not n.startswith("__")], [n for n in dir(1) if not n.startswith("_")])
print([n for n in dir("") if not n.startswith("_")])
print([n for n in dir([]) if not n.startswith("_")], [n for n in dir({}) if not n.startswith("_")])
class WithDir:
    def __dir__(self):
        return ["z", "a", "m"]
print(dir(WithDir()))
class BadDir:
    def __dir__(self):
        return 5
try:
    dir(BadDir())
except TypeError as e:
    print("TypeError:", e)
x = 1
g2 = globals()
g2["injected"] = "via globals()"
print(injected)
print(locals() is globals())
