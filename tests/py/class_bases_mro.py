# __bases__ assignment, a metaclass's own mro(), super() as a descriptor and subclassed,
# classmethod __new__
class C(object):
    pass
class C2(object):
    def __getattribute__(self, attr):
        if attr == 'a':
            return 2
        return super(C2, self).__getattribute__(attr)
    def meth(self):
        return 1
class D(C):
    pass
class E(D):
    pass
d, e = D(), E()
D.__bases__ = (C2,)
print(d.meth(), e.meth(), d.a, e.a)
print([k.__name__ for k in E.__mro__], [k.__name__ for k in C2.__subclasses__()], C.__subclasses__())
for bad in ((), (D,), (E,), (C, C), [C], (1,)):
    try:
        D.__bases__ = bad
    except TypeError as ex:
        print("TypeError:", ex)
class L(list):
    pass
try:
    L.__bases__ = (dict,)
except TypeError as ex:
    print("TypeError:", ex)
print(D.__bases__ == (C2,))

# a metaclass's mro()
class A0:
    def f(self): return "A"
class B0(A0): pass
class C0(A0):
    def f(self): return "C"
class D0(B0, C0): pass
class Perverse(type):
    def mro(cls):
        L = type.mro(cls)
        L.reverse()
        return L
class X(D0, B0, C0, A0, metaclass=Perverse):
    pass
print([k.__name__ for k in X.__mro__], X().f())
class Bad(type):
    def mro(cls):
        return (1,)
try:
    class Y(metaclass=Bad): pass
except TypeError as ex:
    print("TypeError:", ex)

# super(T) stored in a class binds like a method; subclasses of super work
class autosuper(type):
    def __new__(mcls, name, bases, ns):
        cls = super(autosuper, mcls).__new__(mcls, name, bases, ns)
        setattr(cls, "_%s__super" % name.lstrip("_"), super(cls))
        return cls
class SA(metaclass=autosuper):
    def meth(self): return "A"
class SB(SA):
    def meth(self): return "B" + self.__super.meth()
class SC(SA):
    def meth(self): return "C" + self.__super.meth()
class SD(SC, SB):
    def meth(self): return "D" + self.__super.meth()
print(SD().meth())
class mysuper(super):
    def __init__(self, *args):
        return super(mysuper, self).__init__(*args)
class SE(SD):
    def meth(self): return "E" + mysuper(SE, self).meth()
print(SE().meth(), type(mysuper(SE, SE())).__name__)

# super(type, proxy) accepts an object whose __class__ is a subclass
class Proxy:
    def __init__(self, obj):
        self.__obj = obj
    def __getattribute__(self, name):
        if name.startswith("_Proxy__"):
            return object.__getattribute__(self, name)
        return getattr(self.__obj, name)
class PB:
    def f(self): return "B.f"
class PC(PB):
    def f(self): return super(PC, self).f() + "->C.f"
print(PC.__dict__["f"](Proxy(PC())))
try:
    super(PC, 42)
except TypeError as ex:
    print("TypeError:", ex)

class N:
    @classmethod
    def __new__(*args):
        return args
class N2(N):
    pass
print(N(1, 2) == (N, N, 1, 2), N2(3) == (N2, N2, 3))
