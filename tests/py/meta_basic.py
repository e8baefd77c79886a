# Metaclasses: __new__, __init__, __call__, __prepare__.
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__", name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith("__")), kw)
        ns["added_by_meta"] = name.upper()
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *args, **kwargs):
        print("Meta.__call__", cls.__name__, args)
        inst = super().__call__(*args, **kwargs)
        inst.created_by_meta = True
        return inst
class A(metaclass=Meta, flag=1):
    x = 1
    def method(self):
        return "m"
class B(A):
    def __init__(self, v):
        print("B.__init__", v)
        self.v = v
print(type(A).__name__, type(B).__name__, A.added_by_meta, B.added_by_meta)
b = B(7)
print(b.v, b.created_by_meta, isinstance(A, Meta), isinstance(b, A))
class Ordered(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("__prepare__", name, kw)
        return {"injected": "from prepare"}
    def __new__(mcls, name, bases, ns, **kw):
        return super().__new__(mcls, name, bases, dict(ns))
class O(metaclass=Ordered, option=2):
    a = 1
    b = injected
print(O.b, O.a)
class Singleton(type):
    _inst = {}
    def __call__(cls, *a):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a)
        return cls._inst[cls]
class S(metaclass=Singleton):
    def __init__(self, v):
        self.v = v
print(S(1).v, S(2).v, S(3) is S(4))
class M1(type): pass
class M2(type): pass
class P1(metaclass=M1): pass
class P2(metaclass=M2): pass
try:
    class Both(P1, P2): pass
except TypeError as e:
    print("TypeError:", e)
class M3(M1): pass
class P3(metaclass=M3): pass
class Mixed(P1, P3): pass
print(type(Mixed).__name__)
class MetaWithMethod(type):
    def describe(cls):
        return "class " + cls.__name__
    @property
    def upper_name(cls):
        return cls.__name__.upper()
class Q(metaclass=MetaWithMethod): pass
print(Q.describe(), Q.upper_name, hasattr(Q(), "describe"))
def func_meta(name, bases, ns):
    return "made by function: " + name
class FM(metaclass=func_meta):
    pass
print(FM)
