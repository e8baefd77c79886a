# Program: an exact Fraction class with full operator support.
def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)
class Fraction:
    __slots__ = ("num", "den")
    def __init__(self, num, den=1):
        if den == 0:
            raise ZeroDivisionError(f"Fraction({num}, 0)")
        if den < 0:
            num, den = -num, -den
        g = gcd(num, den) or 1
        self.num, self.den = num // g, den // g
    @staticmethod
    def _coerce(o):
        if isinstance(o, Fraction):
            return o
        if isinstance(o, int):
            return Fraction(o)
        return NotImplemented
    def __add__(self, o):
        o = self._coerce(o)
        if o is NotImplemented:
            return o
        return Fraction(self.num * o.den + o.num * self.den, self.den * o.den)
    __radd__ = __add__
    def __sub__(self, o):
        o = self._coerce(o)
        if o is NotImplemented:
            return o
        return Fraction(self.num * o.den - o.num * self.den, self.den * o.den)
    def __rsub__(self, o):
        return Fraction._coerce(o) - self
    def __mul__(self, o):
        o = self._coerce(o)
        if o is NotImplemented:
            return o
        return Fraction(self.num * o.num, self.den * o.den)
    __rmul__ = __mul__
    def __truediv__(self, o):
        o = self._coerce(o)
        if o is NotImplemented:
            return o
        return Fraction(self.num * o.den, self.den * o.num)
    def __rtruediv__(self, o):
        return Fraction._coerce(o) / self
    def __pow__(self, n):
        if n >= 0:
            return Fraction(self.num ** n, self.den ** n)
        return Fraction(self.den ** -n, self.num ** -n)
    def __neg__(self):
        return Fraction(-self.num, self.den)
    def __abs__(self):
        return Fraction(abs(self.num), self.den)
    def __eq__(self, o):
        o = self._coerce(o)
        if o is NotImplemented:
            return NotImplemented
        return self.num == o.num and self.den == o.den
    def __lt__(self, o):
        o = self._coerce(o)
        return self.num * o.den < o.num * self.den
    def __le__(self, o):
        return self == o or self < o
    def __hash__(self):
        return hash(self.num) if self.den == 1 else hash((self.num, self.den))
    def __float__(self):
        return self.num / self.den
    def __int__(self):
        return int(self.num / self.den) if abs(self.num) < 2 ** 53 else self.num // self.den
    def __bool__(self):
        return self.num != 0
    def __repr__(self):
        return f"Fraction({self.num}, {self.den})"
    def __str__(self):
        return str(self.num) if self.den == 1 else f"{self.num}/{self.den}"
    def __format__(self, spec):
        return format(str(self), spec)
F = Fraction
a, b = F(1, 3), F(-2, 4)
print(a, b, repr(b), a + b, a - b, a * b, a / b, -a, abs(b), a ** 3, b ** -2, 1 + a, 1 - a, 2 * a, 1 / a)
print(a == F(2, 6), a == 1, F(4, 2) == 2, a < b, b < a, a <= F(1, 3), sorted([a, b, F(0), F(7, 8)]), max(a, b))
print(float(a), int(F(-7, 2)), bool(F(0, 5)), hash(F(6, 3)) == hash(2), {F(1, 2): "half"}[F(2, 4)])
h = F(0)
for k in range(1, 21):
    h += F(1, k)
print("H20 =", h, f"{h:>40}|", float(h))
e_approx = F(0)
fact = 1
for k in range(25):
    if k:
        fact *= k
    e_approx += F(1, fact)
print(e_approx.num, e_approx.den, float(e_approx))
try:
    F(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    a + 0.5
except TypeError as e:
    print("TypeError:", e)
try:
    a.extra = 1
except AttributeError as e:
    print("AttributeError:", e)
