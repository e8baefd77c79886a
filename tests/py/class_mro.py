# C3 linearisation: print MRO names.
def names(cls):
    return [c.__name__ for c in cls.__mro__]
class O: pass
class A(O): pass
class B(O): pass
class C(O): pass
class D(O): pass
class E(O): pass
class K1(A, B, C): pass
class K2(D, B, E): pass
class K3(D, A): pass
class Z(K1, K2, K3): pass
for cls in (A, K1, K2, K3, Z):
    print(cls.__name__, names(cls))
class X: pass
class Y: pass
class XY(X, Y): pass
class YX(Y, X): pass
print(names(XY), names(YX))
try:
    class Bad(XY, YX): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Bad2(O, A): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Dup(A, A): pass
except TypeError as e:
    print("TypeError:", e)
class Base:
    def who(self):
        return ["Base"]
class Left(Base):
    def who(self):
        return ["Left"] + super().who()
class Right(Base):
    def who(self):
        return ["Right"] + super().who()
class Bottom(Left, Right):
    def who(self):
        return ["Bottom"] + super().who()
print(Bottom().who(), names(Bottom), Bottom.mro() == list(Bottom.__mro__))
print(names(bool), names(int), names(type), names(object))
class M(int, Base): pass
print(names(M))
try:
    class Lay(int, str): pass
except TypeError as e:
    print("TypeError:", e)
