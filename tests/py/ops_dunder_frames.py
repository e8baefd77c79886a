# Binary operators whose special methods are Python functions, run as frames of the
# dispatch loop: results, NotImplemented, exceptions and tracebacks through them, frames
# seen by sys._getframe, subclasses, recursion, in-place fallbacks.
import sys, traceback
class V:
    def __init__(self, x): self.x = x
    def __add__(self, o): return V(self.x + o.x)
    def __sub__(self, o):
        if o.x == 0: return NotImplemented
        return V(self.x - o.x)
    def __mul__(self, o): return self.x * o.x
    def __truediv__(self, o): return self.x / o.x
    def __pow__(self, o, mod=None): return self.x ** o.x
    def __repr__(self): return "V(%r)" % self.x
class W(V):
    def __radd__(self, o): return "W.radd"
a, b = V(3), V(4)
print(a + b, a - b, a * b, a / b, a ** b)
try: a - V(0)
except TypeError as e: print("TE", e)
try: a / V(0)
except ZeroDivisionError as e:
    print("ZDE", e, [f.name for f in traceback.extract_tb(e.__traceback__)])
print(a + W(1), W(1) + a)
def f():
    s = V(0)
    for i in range(1000): s = s + V(i)
    return s
print(f())
def deep(n):
    class R:
        def __add__(self, o): return deep(n - 1) if n else 0
    return R() + R()
try: print(deep(5000))
except RecursionError as e: print("RE")
class G:
    def __add__(self, o): return sys._getframe().f_back.f_code.co_name
def caller(): return G() + G()
print(caller())
x = V(1); x += V(2); print(x)
