# Arithmetic operator dunders.
class V:
    def __init__(self, *c):
        self.c = c
    def __repr__(self):
        return "V" + repr(self.c)
    def __add__(self, o): return V(*(a + b for a, b in zip(self.c, o.c)))
    def __sub__(self, o): return V(*(a - b for a, b in zip(self.c, o.c)))
    def __mul__(self, k): return V(*(a * k for a in self.c))
    def __truediv__(self, k): return V(*(a / k for a in self.c))
    def __floordiv__(self, k): return V(*(a // k for a in self.c))
    def __mod__(self, k): return V(*(a % k for a in self.c))
    def __divmod__(self, k): return (self // k, self % k)
    def __pow__(self, k, mod=None): return V(*(pow(a, k, mod) for a in self.c))
    def __matmul__(self, o): return sum(a * b for a, b in zip(self.c, o.c))
    def __lshift__(self, k): return V(*(a << k for a in self.c))
    def __rshift__(self, k): return V(*(a >> k for a in self.c))
    def __and__(self, k): return V(*(a & k for a in self.c))
    def __or__(self, k): return V(*(a | k for a in self.c))
    def __xor__(self, k): return V(*(a ^ k for a in self.c))
    def __neg__(self): return V(*(-a for a in self.c))
    def __pos__(self): return V(*(+a for a in self.c))
    def __abs__(self): return V(*(abs(a) for a in self.c))
    def __invert__(self): return V(*(~a for a in self.c))
a, b = V(1, -2, 3), V(4, 5, -6)
print(a + b, a - b, a * 3, a / 2, a // 2, a % 2, divmod(a, 2), a ** 2, pow(a, 3, 5), a @ b)
print(a << 2, a >> 1, a & 1, a | 8, a ^ 5, -a, +a, abs(a), ~a)
try:
    a + 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    1 + a
except TypeError as e:
    print("TypeError:", e)
try:
    a < b
except TypeError as e:
    print("TypeError:", e)
for op in ["+", "-", "*", "/", "//", "%", "**", "@", "<<", ">>", "&", "|", "^"]:
    try:
        eval("object() " + op + " 1")
    except TypeError as e:
        print("TypeError:", e)
for op in ["-", "+", "~"]:
    try:
        eval(op + "object()")
    except TypeError as e:
        print("TypeError:", e)
try:
    abs(object())
except TypeError as e:
    print("TypeError:", e)
