# Binary operators whose special methods are Python functions, in hot loops: left and
# reflected methods inlined by the JIT and run as frames by the interpreter; NotImplemented,
# subclasses going first, classes mutated mid-loop, errors.
class V:
    def __init__(self, x): self.x = x
    def __add__(self, o):
        if isinstance(o, V): return V(self.x + o.x)
        return NotImplemented
    def __mul__(self, k):
        if isinstance(k, (int, float)): return V(self.x * k)
        return NotImplemented
    __rmul__ = __mul__
    def __sub__(self, o): return V(self.x - o.x)
    def __repr__(self): return "V(%r)" % self.x
class W(V):
    def __radd__(self, o): return "W.radd"
class Z:
    def __radd__(self, o): return "Z.radd"
    def __rmul__(self, o): return NotImplemented
def run(n):
    acc = V(0)
    out = []
    for i in range(n):
        acc = acc + V(i)
        acc = acc * 1.0
        acc = 2 * acc * 0.5
        if i == n - 5:
            out.append(acc + W(1))
            out.append(acc + Z())
            try: out.append(acc * Z())
            except TypeError as e: out.append(str(e))
            try: out.append(acc + 3)
            except TypeError as e: out.append(str(e))
            try: out.append("s" * acc)
            except TypeError as e: out.append(str(e))
        if i == n - 3:
            V.__add__ = lambda s, o: V(s.x + o.x + 1)
    return acc, out
print(run(3000))
import sys
class F:
    def __init__(self, v): self.v = v
    def __add__(self, o):
        return F(self.v + (o.v if isinstance(o, F) else o)) if not isinstance(o, str) else NotImplemented
    def __radd__(self, o):
        return F(o + self.v)
    def __truediv__(self, o):
        return F(self.v / o.v)
    def __lshift__(self, o):
        return sys._getframe(1).f_code.co_name
def more(n):
    t = F(0)
    names = set()
    for i in range(n):
        t = t + 1
        t = 1.5 + t
        t = F(1) + t
        names.add(t << t)
        if i == n - 10:
            try:
                t / F(0)
            except ZeroDivisionError as e:
                names.add(str(e))
            try:
                t + "x"
            except TypeError as e:
                names.add(str(e))
    return t.v, sorted(names)
print(more(3000))
