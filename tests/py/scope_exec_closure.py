# exec/eval of code with free variables, nonlocal in class bodies, globals declared in nested scopes
import types

# a `global` in a nested function makes the module's own uses of the name global
local_ns, global_ns = {}, {}
exec("""if 1:
    def f():
        y = 1
        def g():
            global y
            return y
        def h():
            return y + 1
        return g, h
    y = 9
    g, h = f()
    result9 = g()
    result2 = h()
    """, local_ns, global_ns)
print(sorted(local_ns), sorted(global_ns))
print(global_ns["result2"], global_ns["result9"])

# nonlocal in a class body rebinds the enclosing function's variable
def f(x):
    class c:
        nonlocal x
        x += 1
        def get(self):
            return x
    return c()
c = f(0)
print(c.get(), "x" in type(c).__dict__)

# exec(code, globals, closure=cells)
def make():
    a, b, result = 2, 3, 0
    def three():
        nonlocal result, a, b
        result = a * b
    def get():
        return result
    return three, get
three, get = make()
print(three.__code__.co_freevars)
exec(three.__code__, three.__globals__, closure=three.__closure__)
print(get())
cl = (types.CellType(35), types.CellType(72), three.__closure__[2])
exec(three.__code__, three.__globals__, closure=cl)
print(get())
for bad in (None, list(cl), (int, cl[1], cl[2]), cl[:2]):
    try:
        exec(three.__code__, three.__globals__, closure=bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    exec((lambda: 1).__code__, {}, closure=cl)
except TypeError as e:
    print("TypeError:", e)
try:
    exec("1", {}, closure=cl)
except TypeError as e:
    print("TypeError:", e)
try:
    eval(three.__code__)
except TypeError as e:
    print("TypeError:", e)

# cells
c = types.CellType()
print(repr(c).endswith(": empty>"))
c.cell_contents = 5
print(c.cell_contents)
del c.cell_contents
try:
    c.cell_contents
except ValueError as e:
    print("ValueError:", e)

# dir() with a mapping as locals lists its keys()
class M:
    def __getitem__(self, key):
        raise KeyError(key)
    def keys(self):
        return list("zyx")
print(eval("dir()", {}, M()))
class D(dict):
    def keys(self):
        return ["b", "a"]
print(eval("dir()", {}, D()))

# __import__ checks its name
try:
    __import__(1, 2, 3, 4)
except TypeError as e:
    print("TypeError:", e)
