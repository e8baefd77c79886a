# __del__ runs once when an object becomes unreachable (gc.collect() runs it at the latest),
# also in cycles and for subclasses of builtins; an object may resurrect itself, and its
# __del__ is not called a second time; an exception in __del__ is reported, not raised.
import gc, sys

log = []

class A:
    def __init__(self, name): self.name = name
    def __del__(self): log.append('del ' + self.name)

def make_cycle():
    a = A('cycle')
    b = A('partner')
    a.other, b.other = b, a

make_cycle()
for _ in range(3): gc.collect()
print(sorted(log))

class Phoenix:
    count = 0
    def __del__(self):
        Phoenix.count += 1
        global saved
        saved = self

def make_phoenix():
    Phoenix()
make_phoenix()
for _ in range(3): gc.collect()
print(Phoenix.count, type(saved).__name__)
saved = None
for _ in range(3): gc.collect()
print(Phoenix.count)

class L(list):
    def __del__(self): log.append('del L %d' % len(self))

def iterate():
    it = iter(L([1, 2]))
    print(list(it))
iterate()
for _ in range(3): gc.collect()
print(log[2:])

def errs(unraisable):
    print('unraisable:', unraisable.exc_type.__name__, unraisable.object.__qualname__)
sys.unraisablehook = errs
class Bad:
    def __del__(self): raise ValueError('x')
def make_bad():
    Bad()
make_bad()
for _ in range(3): gc.collect()
print('still running')

# __del__ set on the class after instances exist
class Late: pass
def make_late():
    Late()
Late.__del__ = lambda self: log.append('late')
make_late()
for _ in range(3): gc.collect()
print(log[-1])
