# object.__new__/__init__ excess-argument messages by which of the two a class overrides;
# instances without __dict__ call a class attribute "read-only"; list()/tuple() of a list
# or tuple subclass use its __iter__.
def t(f):
    try:
        f(); print('ok')
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
class C: pass
t(lambda: C(42)); t(lambda: C.__new__(C, 42)); t(lambda: C().__init__(42))
t(lambda: object.__new__(C, 42)); t(lambda: object.__init__(C(), 42))
class D:
    def __new__(cls, *args, **kwargs):
        return super().__new__(cls, *args, **kwargs)
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
t(lambda: D(42)); t(lambda: D.__new__(D, 42)); t(lambda: object.__new__(D, 42))
class E:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
t(lambda: E().__init__(42)); t(lambda: object.__init__(E(), 42)); t(lambda: E(42))
class F:
    def __new__(cls, *a): return super().__new__(cls)
t(lambda: F(1)); t(lambda: F().__init__(1))

class B:
    y = 0
    __slots__ = ('z',)
def setx(o, n, v): setattr(o, n, v)
def delx(o, n): delattr(o, n)
t(lambda: B().x); t(lambda: delx(B(), 'x')); t(lambda: setx(B(), 'x', 0))
t(lambda: delx(B(), 'y')); t(lambda: setx(B(), 'y', 0))
t(lambda: B().z); t(lambda: delx(B(), 'z'))

class LT(tuple):
    def __iter__(self): yield 1
class LL(list):
    def __iter__(self): yield 1
print(tuple(LT((2,))), list(LL([2])), list(LT((2,))), tuple(LL([2])), sorted(LL([3])))
class Plain(list): pass
print(list(Plain([1, 2])), tuple(Plain([3])))
