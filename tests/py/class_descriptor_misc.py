# Keyword checks of int/bool, a __set__-only descriptor leaves reads to the instance dict, the
# repr of a method bound to any callable, str subclasses with their own __eq__/__hash__ as dict
# keys, bytearray filled by __init__ (CPython's split of __new__ and __init__).
for e in ["int(x=1)", "bool(x=2)", "float(x=2)", "complex(imag=42, real=666)", "str(object=500)", "str(object=b'abc', errors='strict')"]:
    try: print(e, eval(e))
    except TypeError as x: print(e, "TypeError", x)
class Descr:
    def __init__(self, name): self.name = name
    def __set__(self, obj, value): obj.__dict__[self.name] = value
class X:
    a = Descr("a")
x = X(); print(type(x.a).__name__); x.a = 42; print(x.a)
import types
class MyCallable:
    def __call__(self, arg): pass
func = MyCallable(); m = types.MethodType(func, 5)
print(repr(m)); func.__name__ = "name"; print(repr(m)); func.__qualname__ = "qual"; print(repr(m))
class cistr(str):
    def __init__(self, value): self.canonical = value.lower(); self.hashcode = hash(self.canonical)
    def __eq__(self, other):
        if not isinstance(other, cistr): other = cistr(other)
        return self.canonical == other.canonical
    def __hash__(self): return self.hashcode
d = {cistr('one'): 1, cistr('two'): 2}
print(d[cistr('tWo')], cistr('ABC') == 'abc', 'aBc' == cistr('ABC'), cistr('x') in {cistr('X')})
ba = bytearray(); bytearray.__init__(ba, 'abc\xbd\u20ac', encoding='latin1', errors='replace'); print(ba)
print(bytearray(iter([1, 2, 3])), bytearray(3), bytearray(b"ab"), bytearray("x", "ascii"), bytearray())
class B(bytearray):
    def __init__(self, *a, extra=None):
        super().__init__(*a)
        self.extra = extra
b = B(b"xy", extra=1); print(b, b.extra)
print(bytearray.__new__(bytearray, b"abc"))
for bad in [(1, 2, 3, 4), ("x",), (b"x", "ascii")]:
    try: bytearray(*bad)
    except TypeError as e: print(e)
import copy, pickle
print(copy.deepcopy(bytearray(b"q")), pickle.loads(pickle.dumps(bytearray(b"zz"))))
