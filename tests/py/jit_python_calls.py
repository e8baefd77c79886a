# Calls of Python code a trace does not inline (recursive, deeper than the inlining limit,
# *args, generators' frames) are calls from compiled code: a nested run of the
# interpreter. Results, exceptions and tracebacks are those of the interpreter.
import sys
import traceback

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

def d4(x):
    return x + 1

def d3(x):
    return d4(x) * 2

def d2(x):
    return d3(x) - 1

def d1(x):
    return d2(x) + d2(-x)

def star(*args):
    return sum(args)

def kw_only(a, *, b=2):
    return a * b

def maybe_raise(i):
    if i == 47:
        raise ValueError("bad %d" % i)
    return i

def who_called():
    return sys._getframe(1).f_code.co_name

def loop(n):
    acc = 0
    names = set()
    for i in range(n):
        acc += fib(i % 8)
        acc += d1(i)
        acc += star(i, 1, 2)
        acc += kw_only(i, b=3)
        names.add(who_called())
    return acc, sorted(names)

def catching(n):
    out = []
    for i in range(n):
        try:
            out.append(maybe_raise(i))
        except ValueError as e:
            out.append(str(e))
            tb = traceback.extract_tb(e.__traceback__)
            out.append([(f.name, f.lineno) for f in tb])
    return out[-8:]

def uncaught(n):
    t = 0
    for i in range(n):
        t += maybe_raise(i)
    return t

print(loop(300))
print(catching(60))
try:
    uncaught(100)
except ValueError:
    tb = traceback.extract_tb(sys.exc_info()[2])
    print([(f.name, f.lineno) for f in tb])

# super() with no arguments inside an inlined method; frame-reading builtins inside
# inlined calls (the trace leaves them to the interpreter)
class Base:
    def __init__(self, v):
        self.v = v
    def step(self, x):
        return x + self.v

class Child(Base):
    def __init__(self, v):
        super().__init__(v * 2)
    def step(self, x):
        return super().step(x) * 3

def frames_of():
    return sys._getframe(1).f_code.co_name, len(locals())

def oo_loop(n):
    c = Child(1)
    t = 0
    seen = set()
    for i in range(n):
        t += c.step(i)
        if i % 10 == 0:
            c = Child(i)
        seen.add(frames_of())
    return t, sorted(seen)

print(oo_loop(300))
