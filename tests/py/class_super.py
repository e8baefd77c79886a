# super(): zero-arg and two-arg forms, cooperative multiple inheritance.
class A:
    def __init__(self):
        self.log = ["A"]
    def f(self):
        return "A.f"
    @classmethod
    def cm(cls):
        return "A.cm(" + cls.__name__ + ")"
    @staticmethod
    def sm():
        return "A.sm"
class B(A):
    def __init__(self):
        super().__init__()
        self.log.append("B")
    def f(self):
        return "B.f>" + super().f()
    @classmethod
    def cm(cls):
        return "B.cm>" + super().cm()
    def sm_via_super(self):
        return super().sm()
class C(B):
    def __init__(self):
        super(C, self).__init__()
        self.log.append("C")
    def f(self):
        return "C.f>" + super(B, self).f()
c = C()
print(c.log, c.f(), C.cm(), c.sm_via_super(), super(C, c).f(), super(B, C).cm())
class Base:
    def __init__(self, **kw):
        print("Base", kw)
class Mix1(Base):
    def __init__(self, a=None, **kw):
        print("Mix1", a)
        super().__init__(**kw)
class Mix2(Base):
    def __init__(self, b=None, **kw):
        print("Mix2", b)
        super().__init__(**kw)
class Final(Mix1, Mix2):
    def __init__(self, **kw):
        print("Final")
        super().__init__(**kw)
Final(a=1, b=2)
s = super(Mix1, Final())
print(type(s).__name__)
try:
    super(int, "x")
except TypeError as e:
    print("TypeError:", e)
class D:
    def method(self):
        def inner():
            return super().method()
        return inner
try:
    D().method()()
except RuntimeError as e:
    print("RuntimeError:", e)
except TypeError as e:
    print("TypeError:", e)
class P:
    x = "P.x"
    @property
    def prop(self):
        return "P.prop"
class Q(P):
    x = "Q.x"
    @property
    def prop(self):
        return "Q>" + super().prop
    def get_x(self):
        return super().x
print(Q().prop, Q().get_x())
try:
    super(Q, Q()).nothing
except AttributeError as e:
    print("AttributeError:", e)
class R(list):
    def append(self, v):
        super().append(v * 10)
r = R()
r.append(1)
print(r)
