"""Assignment expressions in comprehensions: the scope the target binds in and the
errors of CPython 3.11's symbol table; 'yield' in comprehensions."""

def show(src, mode="exec", filename="<s>"):
    try:
        c = compile(src, filename, mode)
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text), len(e.args))
        return None
    print("OK", walk(c))
    return c


def walk(c):
    out = []
    for k in c.co_consts:
        if hasattr(k, "co_flags"):
            out.append((k.co_name, k.co_varnames, k.co_cellvars, k.co_freevars, hex(k.co_flags & 0x3a0)))
            out.extend(walk(k))
    return out


cases = [
 "[(yield x) for x in y]\n", "((yield x) for x in y)\n", "{(yield x) for x in y}\n", "{(yield x): 1 for x in y}\n",
 "def f():\n  [(yield x) for x in y]\n",
 "def f():\n  [x for x in (yield y)]\n",
 "GLOBAL_VAR = None\ndef f():\n  global GLOBAL_VAR\n  [GLOBAL_VAR := sentinel for _ in range(1)]\n  return GLOBAL_VAR\n",
 "def f():\n  x = 0\n  def g():\n    nonlocal x\n    [x := 1 for _ in range(1)]\n  g()\n  return x\n",
 "class C:\n  [(y := 1) for x in z]\n",
 "class C:\n  [[(y := 1) for x in z] for w in q]\n",
 "class C:\n  def f(self):\n    [(y := 1) for x in z]\n",
 "[(x := 1) for x in z]\n",
 "[(x := 1) for y in z for x in w]\n",
 "[[(x := 1) for y in z] for x in w]\n",
 "[x for x in (y := z)]\n",
 "[x for x in z for y in (q := w)]\n",
 "[x for x in [(q := 1) for r in s]]\n",
 "[x for x in (lambda: (q := 1))()]\n",
 "[(lambda: (x := 1)) for x in y]\n",
 "[x for x in y if (x := 1)]\n",
 "[(i := 0) for i, j in z]\n",
 "[(j := 0) for i, j in z]\n",
 "[(j := 0) for i, *j in z]\n",
 "[(j := 0) for [i, j] in z]\n",
 "[i + (j := 0) for i in z if (j := 1)]\n",
 "def f(x):\n  [(x := 1) for y in z]\n",
 "def f():\n  [(y := 1) for y in z]\n",
 "def f():\n  [x for y in z for x in (x := w)]\n",
 "{(x := 1): 2 for x in y}\n",
 "{x: (x := 1) for x in y}\n",
 "[(x := 1) for x.y in z]\n",
 "[(z := 1) for x[0] in z]\n",
 "def f():\n  global x\n  [(x := 1) for y in z]\n",
 "def f():\n  def g():\n    [(x := 1) for y in z]\n  x = 5\n  return g\n",
 "lambda: [(x := 1) for y in z]\n",
 "[[(x := 1) for y in z] for w in q]\n",
 "def f():\n  [(x := 1) for y in z]\n  nonlocal x\n",
 "def f():\n  global x\n  x = 1\n  [(x := 1) for y in z]\n",
 "class C:\n  (y := 1)\n",
 "[(__class__ := 1) for y in z]\n",
 "class C:\n  def f(self):\n    [(__class__ := 1) for y in z]\n",
 "[i for i in range(5) if (j := 0) for j in range(5)]\n",
 "def f():\n  [i for i in range(5) if (j := 0) for j in range(5)]\n",
 "def f():\n  global j\n  [j for j in range(5)]\n",
 "def f():\n  [[(a := b) for b in c] for d in e]\n  return a\n",
 "def f():\n  [[(d := b) for b in c] for d in e]\n",
 "[(x := 1) for x, in z]\n",
 "def f():\n  [x for x in (y for y in (q := 1))]\n",
 "[x for x in [y for y in [z for z in (q := 1)]]]\n",
 "class C:\n  [x for x in (q := 1)]\n",
 "def f():\n  x: int\n  [(x := 1) for y in z]\n",
 "def f(*, a):\n  return [(a := 1) for y in z]\n",
 "class C:\n  def __init__(self):\n    [(__x := 1) for y in z]\n",
]
for src in cases:
    show(src)

ns = {'sentinel': 7}
exec(cases[6], ns)
print(ns['f'](), ns['GLOBAL_VAR'])
exec(cases[7], ns)
print(ns['f']())

def f():
    [[(a := b) for b in range(3)] for d in range(2)]
    return a
print(f())
def g():
    x = 0
    def h():
        nonlocal x
        [x := x + i for i in range(4)]
    h()
    return x
print(g())
G = 0
def k():
    global G
    [G := G + i for i in range(5)]
print(k(), G)
print([y := 5, y ** 2])
print([(last := i) for i in range(3)], last)
def m():
    total = 0
    partial = [total := total + v for v in (1, 2, 3)]
    return partial, total
print(m())
