# Argument checks and messages of assorted builtins, as CPython 3.11 words them.
import sys
def t(f):
    try:
        r = f()
        print('ok', r if isinstance(r, (int, str, bool, type(None))) else type(r).__name__)
    except Exception as e:
        print(type(e).__name__, e)

for const in None, Ellipsis, NotImplemented:
    tp = type(const)
    t(lambda: tp() is const); t(lambda: tp(1, 2)); t(lambda: tp(a=1, b=2))

exception = TypeError()
class BadIterable:
    def __iter__(self): raise exception
try:
    zip(BadIterable())
except TypeError as e:
    print('same exception', e is exception)
t(lambda: zip(1))

t(lambda: round(1, 2, 3))
class Foo:
    __dir__ = 7
t(lambda: dir(Foo()))
class Foo2:
    def __dir__(self): return ['b', 'a']
t(lambda: dir(Foo2()))
class Foo3:
    __dir__ = staticmethod(lambda: ['z', 'y'])
t(lambda: dir(Foo3()))

t(lambda: object().__format__(3))
t(lambda: object().__format__(None))
t(lambda: format(object(), 4))
t(lambda: 'abc'.__mul__(2))
t(lambda: 'abc'.startswith('a', 1, 2, 3))
t(lambda: 'abc'.endswith())
t(lambda: 'abc'.translate({97: 0x110000}))
t(lambda: 'abc'.translate({97: -1}))
t(lambda: 'abc'.translate({97: 0x10ffff}) == '\U0010ffffbc')
t(lambda: '%u' % 3j)
t(lambda: '%d' % 'x')
t(lambda: '%i' % 2.5)

class VB:
    def __bytes__(self): return b'\x01\x00'
class IB:
    def __bytes__(self): return 'abc'
t(lambda: int.from_bytes(VB(), 'big'))
t(lambda: int.from_bytes(IB(), 'big'))
t(lambda: int.from_bytes(0, 'big'))
t(lambda: int.from_bytes(b'\x01', 'big', True))
t(lambda: int.from_bytes([1, 2], 'little'))

class C: pass
c = C()
t(lambda: setattr(c, 1, 2))
t(lambda: object.__setattr__(c, 1, 2))
t(lambda: object.__delattr__(c, 1))

t(lambda: type('A\x00B', (), {}))
t(lambda: type('A\udcdcB', (), {}))
t(lambda: type('A', (), {'__qualname__': 1}))
A = type('A', (), {'__qualname__': 'B.C'})
print(A.__name__, A.__qualname__)
for name, v in [('__name__', 'A\x00B'), ('__name__', b'A'), ('__qualname__', b'B'), ('__name__', 'D'), ('__qualname__', 'E.F')]:
    t(lambda: setattr(A, name, v))
print(A.__name__, A.__qualname__)
