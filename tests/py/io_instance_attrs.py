# An attribute set on an io object (BytesIO, StringIO, buffered, FileIO, TextIOWrapper: all
# have an instance __dict__) hides the method of that name, as in CPython, for calls through
# the interpreter's method cache and the JIT's too.
import io
b = io.BytesIO(b"abc")
for name in ["write", "read", "close", "custom"]:
    try:
        setattr(b, name, lambda *a: "instance " + name)
        print(name, "set;", getattr(b, name)() if callable(getattr(b, name)) else getattr(b, name))
    except AttributeError as e:
        print(name, "AttributeError:", e)
print(sorted(vars(b)))
print(b.__dict__.get("write") is not None)
del b.write
print(b.write(b"x"))
class Sub(io.BytesIO):
    pass
s = Sub(b"xyz")
s.read = lambda n=-1: b"patched"
print(s.read(), io.BytesIO.read(s))
s.name = "sub"
print(s.name, sorted(vars(s)))
s2 = io.StringIO("t")
s2.readline = lambda: "patched line"
print(s2.readline(), sorted(vars(s2)))
r = io.BufferedReader(io.BytesIO(b"q"))
try:
    r.read = lambda: 1
    print(r.read())
except AttributeError as e:
    print("AttributeError:", e)
f = io.FileIO("/dev/null")
try:
    f.read = lambda: 1
    print(f.read())
except AttributeError as e:
    print("AttributeError:", e)
f.close()
w = io.TextIOWrapper(io.BytesIO(b"hello"), encoding="utf-8")
try:
    w.read = lambda: "patched"
    print(w.read())
except AttributeError as e:
    print("AttributeError:", e)
b3 = io.BytesIO()
b3.__dict__["getvalue"] = lambda: "from dict"
print(b3.getvalue())
print(getattr(io.BytesIO(), "__dict__", "no dict") == {})

# the method caches of the interpreter and the JIT see the shadowing attribute too
def loop(o, name, n):
    out = []
    for i in range(n):
        if i == n // 2:
            setattr(o, name, lambda: "shadowed")
        out.append(getattr(o, name)() if i < 0 else o.getvalue() if name == "getvalue" else o.readline() if name == "readline" else o.__repr__())
    return out
for o, name in [(io.BytesIO(b"v"), "getvalue"), (io.StringIO("line\n"), "readline"), (ValueError("e"), "__repr__")]:
    r = loop(o, name, 3000)
    print(type(o).__name__, r[0], r[-1], r.count("shadowed"))
def f():
    pass
def call_repr(g, n):
    out = []
    for i in range(n):
        if i == n // 2:
            g.__repr__ = lambda: "function shadowed"
        out.append(g.__repr__())
    return out
r = call_repr(f, 3000)
print(r[-1], r.count("function shadowed"))
