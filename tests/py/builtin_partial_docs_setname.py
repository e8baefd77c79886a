# functools.partial's state and __dict__ as CPython keeps them, keyword names must be strings;
# the builtin functions have CPython's docstrings; an error in __set_name__ is wrapped in a
# RuntimeError whose __context__ it is.
import copy
from functools import partial, update_wrapper

def capture(*args, **kw):
    return args, kw
sig = lambda p: (p.func, p.args, p.keywords, p.__dict__)

f = partial(capture, ['asdf'], bar=[True])
f.attr = []
g = copy.copy(f)
print(g.attr is f.attr, g.args is f.args, g.keywords is f.keywords, g(1))
f.__setstate__((capture, (1,), dict(a=10), dict(attr=[])))
print(sig(f)[1:], f(2, b=20))
f.__setstate__((capture, (1,), dict(a=10), None))
print(sig(f)[1:])
f.__setstate__((capture, (), {}, None))
print(sig(f)[1:], f(2))
for bad in [lambda: setattr(f, 'func', map), lambda: setattr(f, 'args', ()), lambda: delattr(f, '__dict__'),
            lambda: setattr(f, '__dict__', 5)]:
    try:
        bad()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
f.__dict__ = {'x': 1}
print(f.__dict__, f.x)
p = partial(capture)
p.keywords[1234] = 'value'
print(repr(p).endswith("1234='value')"))
try:
    p()
except TypeError as e:
    print(e)

print(max.__doc__.splitlines()[0])
print(len.__doc__)
def wrapper(): pass
update_wrapper(wrapper, max)
print(wrapper.__name__, wrapper.__doc__.startswith('max('))

class D:
    def __set_name__(self, owner, name):
        raise TypeError('bad name ' + name)
try:
    class C:
        a = D()
except RuntimeError as e:
    print(e, '|', repr(e.__context__))
