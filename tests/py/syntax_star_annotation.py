"""PEP 646 star expressions in 3.11: `*args: *Ts` annotations (evaluated as
`[value] = [*Ts]`) and starred subscripts `G[*Ts]`."""
class Ts:
    def __iter__(self):
        yield 'unpacked'
Ts = Ts()
class One:
    def __iter__(self):
        return iter([1, 2])
One = One()
def func1(*args: *Ts): pass
print(func1.__annotations__)
class G:
    def __class_getitem__(cls, item):
        return item
print(G[*Ts])
print(G[*Ts, int])
print(G[int, *Ts])
print(G[*Ts, *Ts])
print(G[1:2, *Ts])
d = {}
print(d.get(*Ts) if False else 'skip')
try:
    def func2(*args: *One): pass
except ValueError as e:
    print("ValueError", e)
try:
    def func2(*args: *5): pass
except TypeError as e:
    print("TypeError", e)
import sys
# a stand-in for the __future__ module, so that the test needs no standard library
future = type(sys)("__future__")
future.annotations = None
sys.modules["__future__"] = future
src = [
  "from __future__ import annotations\ndef f(*args: *Ts): pass\nprint(f.__annotations__)\n",
  "def f(a: *Ts): pass\n",
  "def f(**a: *Ts): pass\n",
  "x: *Ts\n",
  "def f() -> *Ts: pass\n",
  "def f(*args: *Ts = 1): pass\n",
  "x[*a] = 1\n",
  "del x[*a]\n",
  "x[*a:1]\n",
  "x[a, *b:c]\n",
  "print(x[*a])\n",
  "lambda *a: *b\n",
  "def f(*args: *Ts | int): pass\n",
  "def f(*args: **Ts): pass\n",
]
for s in src:
    try:
        exec(compile(s, "<s>", "exec"), {'Ts': Ts})
        print("OK")
    except SyntaxError as e:
        print("SE", e.args)
    except Exception as e:
        print(type(e).__name__, e)

class Box:
    def __getitem__(self, k):
        return k
    def __setitem__(self, k, v):
        print("set", k, v)
    def __delitem__(self, k):
        print("del", k)
b = Box()
b[*Ts] = 1
del b[*Ts]
b[*Ts, 1] = 2
print(b[*(1, 2)], b[*[], ], b[*range(3), *"ab"])
class Counter:
    def __init__(self): self.d = {}
    def __getitem__(self, k): return self.d.get(k, 0)
    def __setitem__(self, k, v): self.d[k] = v
c = Counter()
c[*"ab"] += 5
c[*"ab"] += 1
print(c.d)
