# code.replace() for flags, names and first line; assigning __code__; @types.coroutine
# (a generator whose code gets CO_ITERABLE_COROUTINE can be awaited).
import types

def f(a, b=2):
    return a + b

c = f.__code__
c2 = c.replace(co_name="g", co_qualname="G.g", co_firstlineno=100, co_filename="other.py")
print(c2.co_name, c2.co_qualname, c2.co_firstlineno, c2.co_filename, c2.co_argcount)
print(c.co_name, c.co_firstlineno == 5, c2 is not c, c.replace() is not c)
print(c.replace(co_varnames=c.co_varnames).co_varnames)
print(c.replace(co_flags=c.co_flags | 0x100).co_flags & 0x100)

def k():
    return "k"
f.__code__ = k.__code__
print(f(), f.__name__, f.__code__ is k.__code__)
def outer():
    x = 1
    def inner():
        return x
    return inner
try:
    f.__code__ = outer().__code__
except ValueError as e:
    print("ValueError:", e)
try:
    f.__code__ = 5
except TypeError as e:
    print("TypeError:", e)

for kw in ({"co_flags": "x"}, {"co_bogus": 1}, {"co_name": 3}):
    try:
        c.replace(**kw)
    except TypeError as e:
        print("TypeError:", e)
try:
    c.replace(1)
except TypeError as e:
    print("TypeError:", e)

@types.coroutine
def sleeper(n):
    for i in range(n):
        got = yield ("tick", i)
    return "slept %d" % n

print(bool(sleeper.__code__.co_flags & 0x100), bool(sleeper.__code__.co_flags & 0x20))
async def main():
    r = await sleeper(2)
    return r + "!"
co = main()
print(co.send(None))
print(co.send("a"))
try:
    co.send("b")
except StopIteration as e:
    print("done:", e.value)
g = sleeper(1)
print(isinstance(g, types.GeneratorType) and bool(g.gi_code.co_flags & 0x100))
async def bad():
    def plain():
        yield 1
    await plain()
try:
    bad().send(None)
except TypeError as e:
    print("TypeError:", e)
