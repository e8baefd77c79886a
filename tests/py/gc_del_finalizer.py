# __del__ runs once when an object becomes unreachable (gc.collect() runs it at the latest),
# also in cycles and for subclasses of builtins; an object may resurrect itself, and its
# __del__ is not called a second time; an exception in __del__ is reported, not raised.
# (pyjit's collector scans the native stack conservatively, so a stale word may keep one
# particular object alive: the checks below use many objects and ask for "some".)
import gc, sys

log = []

class A:
    def __init__(self, name): self.name = name
    def __del__(self): log.append(self.name)

def make_cycles(n):
    for i in range(n):
        a = A('cycle')
        b = A('partner')
        a.other, b.other = b, a

make_cycles(20)
for _ in range(3): gc.collect()
print('cycles finalized:', log.count('cycle') >= 10, log.count('partner') >= 10, len(log) <= 40)

class Phoenix:
    calls = 0
    saved = []
    def __del__(self):
        Phoenix.calls += 1
        Phoenix.saved.append(self)

def make_phoenixes(n):
    for i in range(n):
        Phoenix()
make_phoenixes(10)
for _ in range(3): gc.collect()
resurrected = len(Phoenix.saved)
print('resurrected some:', resurrected >= 5, Phoenix.calls == resurrected)
Phoenix.saved.clear()
for _ in range(3): gc.collect()
print('no second __del__:', Phoenix.calls == resurrected)

class L(list):
    def __del__(self): log.append('del L %d' % len(self))

def iterate(n):
    for i in range(n):
        it = iter(L([1, 2]))
        list(it)
iterate(10)
for _ in range(3): gc.collect()
print('list subclass finalized:', log.count('del L 2') >= 5)

errors = []
def hook(unraisable):
    errors.append((unraisable.exc_type.__name__, unraisable.object.__qualname__))
sys.unraisablehook = hook
class Bad:
    def __del__(self): raise ValueError('x')
def make_bad(n):
    for i in range(n):
        Bad()
make_bad(10)
for _ in range(3): gc.collect()
print('still running; reported:', len(errors) >= 5, set(errors))

# __del__ set on the class after instances exist
class Late: pass
def make_late(n):
    for i in range(n):
        Late()
Late.__del__ = lambda self: log.append('late')
make_late(10)
for _ in range(3): gc.collect()
print('late:', log.count('late') >= 5)
