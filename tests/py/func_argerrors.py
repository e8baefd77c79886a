# TypeError messages for wrong calls.
def f0():
    pass
def f1(a):
    pass
def f2(a, b=1):
    pass
def f3(a, b, c):
    pass
def fk(*, k):
    pass
def fkw(a, **kw):
    pass
class C:
    def m(self, x):
        pass
    @staticmethod
    def s(x):
        pass
    @classmethod
    def c(cls, x):
        pass
calls = [
    lambda: f0(1), lambda: f0(x=1), lambda: f1(), lambda: f1(1, 2), lambda: f1(b=2), lambda: f1(1, a=1),
    lambda: f2(), lambda: f2(1, 2, 3), lambda: f3(1), lambda: f3(1, 2), lambda: f3(), lambda: f3(1, 2, 3, 4),
    lambda: fk(), lambda: fk(1), lambda: fk(k=1, j=2), lambda: fkw(), lambda: fkw(1, 2), lambda: fkw(1, a=2),
    lambda: C().m(), lambda: C().m(1, 2), lambda: C.m(1), lambda: C.s(), lambda: C.c(), lambda: C().m(y=1),
    lambda: f1(**{"a": 1, "b": 2}), lambda: f1(*[1], **{"a": 1}), lambda: f1(**{1: 2}), lambda: f1(*5), lambda: f1(**5),
    lambda: (lambda x: x)(), lambda: len(), lambda: len(1, 2), lambda: abs(x=1), lambda: f3(1, 2, c=3, b=2),
]
for c in calls:
    try:
        c()
        print("ok")
    except TypeError as e:
        print("TypeError:", e)
