# Reflected operators and NotImplemented dispatch.
class N:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"N({self.v})"
    def __add__(self, o):
        print("N.__add__", o)
        if isinstance(o, (int, N)):
            return N(self.v + (o.v if isinstance(o, N) else o))
        return NotImplemented
    def __radd__(self, o):
        print("N.__radd__", o)
        if isinstance(o, int):
            return N(o + self.v)
        return NotImplemented
    def __rsub__(self, o): return N(o - self.v)
    def __rmul__(self, o): return N(o * self.v)
    def __rtruediv__(self, o): return N(o / self.v)
    def __rfloordiv__(self, o): return N(o // self.v)
    def __rmod__(self, o): return N(o % self.v)
    def __rpow__(self, o): return N(o ** self.v)
    def __rlshift__(self, o): return N(o << self.v)
    def __rrshift__(self, o): return N(o >> self.v)
    def __rand__(self, o): return N(o & self.v)
    def __ror__(self, o): return N(o | self.v)
    def __rxor__(self, o): return N(o ^ self.v)
    def __rmatmul__(self, o): return N(("matmul", o))
    def __rdivmod__(self, o): return N(divmod(o, self.v))
n = N(3)
print(n + 1, 1 + n, n + n)
print(10 - n, 10 * n, 10 / n, 10 // n, 10 % n, 2 ** n, 1 << n, 64 >> n, 7 & n, 4 | n, 5 ^ n, [1] @ n, divmod(10, n))
try:
    "s" + n
except TypeError as e:
    print("TypeError:", e)
try:
    n + "s"
except TypeError as e:
    print("TypeError:", e)
class Sub(N):
    def __radd__(self, o):
        print("Sub.__radd__", o)
        return "Sub wins"
print(N(1) + Sub(2))
class Other:
    def __repr__(self):
        return "Other()"
    def __radd__(self, o):
        return "Other.__radd__ got " + repr(o)
print(N(5) + Other())
print(sum([N(1), N(2)]) if False else sum([N(1), N(2)], 0))
class L:
    def __rmul__(self, o):
        return "rmul " + repr(o)
print([1, 2] * L(), "ab" * L(), 3 * L())
