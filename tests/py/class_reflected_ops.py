# binary operators: a subclass's reflected method goes first only when it overrides it; 3-argument pow of int subclasses
class I(int):
    def __repr__(self):
        return "I(%r)" % int(self)
    def __add__(self, other):
        return I(int(self) + int(other))
    __radd__ = __add__
    def __pow__(self, other, mod=None):
        if mod is None:
            return I(pow(int(self), int(other)))
        return I(pow(int(self), int(other), int(mod)))
    def __rpow__(self, other, mod=None):
        if mod is None:
            return I(pow(int(other), int(self), mod))
        return I(pow(int(other), int(self), int(mod)))
print(repr(I(1) + I(2)), repr(I(1) + 2), repr(1 + I(2)), repr(I(2) ** I(3)), repr(2 ** I(3)), repr(I(2) ** 3), repr(pow(I(2), I(3), I(5))))
class B(int):
    def __floordiv__(self, other): return "B.__floordiv__"
    def __rfloordiv__(self, other): return "B.__rfloordiv__"
print(B(1) // 1, 1 // B(1))
class C(object):
    def __floordiv__(self, other): return "C.__floordiv__"
    def __rfloordiv__(self, other): return "C.__rfloordiv__"
class D(C):
    def __floordiv__(self, other): return "D.__floordiv__"
    def __rfloordiv__(self, other): return "D.__rfloordiv__"
print(C() // 1, 1 // C(), D() // C(), C() // D())
class E(C):
    pass
print(E() // C(), C() // E())
class F(C):
    def __rfloordiv__(self, other): return "F.__rfloordiv__"
print(F() // C(), C() // F())
