# random.py (CPython's own) over pyjit's _random: seeded sequences equal CPython's.
# Until the library path, os.urandom, warnings and _collections_abc load under pyjit, the
# few names random.py takes from them are stood in for (the output is the same).
import sys
if sys._stdlib_dir not in sys.path:
    sys.path.append(sys._stdlib_dir)
try:
    import warnings
except Exception:
    class _Warnings:
        def warn(*a, **k):
            pass
    sys.modules["warnings"] = _Warnings
import os
if not hasattr(os, "urandom"):
    os.urandom = lambda n: open("/dev/urandom", "rb").read(n)
try:
    import _collections_abc
except Exception:
    class _ABC:
        Set = (set, frozenset)
        Sequence = (list, tuple, range, str)
    sys.modules["_collections_abc"] = _ABC
import random

random.seed(42)
print(random.random(), random.randint(1, 100), random.choice("abcdef"), random.uniform(1, 2))
l = list(range(20)); random.shuffle(l); print(l)
print(random.gauss(0, 1), random.gauss(5, 2), random.normalvariate(0, 1), random.lognormvariate(0, 1))
print(random.sample(range(100), 5), random.choices("abc", k=5), random.randrange(0, 100, 7))
print(random.choices(range(5), weights=[5, 1, 1, 1, 1], k=6), random.choices("xy", cum_weights=[1, 10], k=4))
print(random.getrandbits(70), random.expovariate(1.5), random.triangular(), random.betavariate(2, 3))
print(random.gammavariate(2.5, 1.0), random.gammavariate(0.5, 2.0), random.vonmisesvariate(1.0, 2.0))
print(random.paretovariate(3.0), random.weibullvariate(1.0, 2.0), random.randrange(10**30))
print(random.sample(["a", "b", "c", "d"], k=4, counts=None), random.sample("xyz", 2, counts=[1, 2, 3]))
random.seed("hello"); print(random.random())
random.seed(b"hello"); print(random.random())
random.seed(bytearray(b"hi")); print(random.random())
random.seed(12345, version=1); print(random.random())
random.seed("hello", version=1); print(random.random())
st = random.getstate(); a = random.random(); random.setstate(st); print(a == random.random(), st[0], st[2])
print(random.randbytes(5))
r = random.Random(7); print(r.random(), r.randint(0, 10**30), r.getrandbits(0))
class MyRandom(random.Random):
    def random(self):
        return 0.5
print(MyRandom(1).randint(1, 10), MyRandom(1).choice("abc"))
for bad in (lambda: random.randrange(0), lambda: random.randint(5, 1), lambda: random.choice([]),
            lambda: random.sample([1, 2], 3), lambda: random.seed([1])):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__ + ":", e)
