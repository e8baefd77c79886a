# compile() of syntax trees: trees from ast.parse, rewritten and hand-built ones run, and
# their line numbers survive into tracebacks and co_positions.
import ast, sys
src = '''
def f(a, /, b=2, *c, d, e=5, **g):
    return (a, b, c, d, e, g)
print(f(1, 3, 4, d=6, z=7))
class C:
    "doc"
    x = [i * 2 for i in range(3) if i]
    def m(self):
        return {k: v for k, v in zip('ab', (1, 2))}
print(C.__doc__, C.x, C().m())
s = 0
for i in range(5):
    if i == 3:
        continue
    elif i > 3:
        break
    else:
        s += i
print(s, f"{s!r:>5}|{s=}|{'x'}", -5, -2.5, 1j, 10**30, -10**30, b'xy', ..., None, True)
try:
    1 / 0
except ZeroDivisionError as e:
    print('caught', e)
finally:
    print('fin')
match [1, 2, 3]:
    case [1, *rest] if rest:
        print('rest', rest)
    case _:
        pass
with open('/dev/null') as fh, open('/dev/null'):
    pass
lam = lambda x, *, y=2: x + y
print(lam(1), (z := 4), z, [*range(2)], {**{'a': 1}}, {1, 2})
import math as m
from math import pi as p, e
print(m.floor(p), round(e, 2), 3 if s else 4, not s, s and 1 or 2, 1 < 2 < 3)
del m
a, *b = [1, 2, 3]
print(a, b, [1,2,3][::2], (1,2)[0:1])
async def g():
    async with x as y:
        pass
    async for i in y:
        await i
def gen():
    x = yield 1
    yield from [x]
print(list(gen()))
global GG
GG = 1
assert GG, 'msg'
x = 1
x += 2
x: int = 3
print(x)
'''
t = ast.parse(src)
code = compile(t, "<ast>", "exec")
exec(code, {})
print(eval(compile(ast.parse("1 + 2 * 3", mode="eval"), "<e>", "eval")))
# line numbers survive
t = ast.parse("x = 1\n\ny = 2\n\n\nraise ValueError('boom')\n")
try:
    exec(compile(t, "<lines>", "exec"), {})
except ValueError as e:
    tb = e.__traceback__
    while tb.tb_next: tb = tb.tb_next
    print("line", tb.tb_lineno)
# a transformer
class T(ast.NodeTransformer):
    def visit_Constant(self, node):
        if isinstance(node.value, int):
            return ast.copy_location(ast.Constant(node.value * 10), node)
        return node
t = T().visit(ast.parse("print(1 + 2)"))
exec(compile(t, "<t>", "exec"))
t = ast.fix_missing_locations(ast.Module(body=[ast.Expr(ast.Call(ast.Name('print', ast.Load()), [ast.Constant('built')], []))], type_ignores=[]))
exec(compile(t, "<b>", "exec"))

src2 = "x = 1\n\ny = 2\n\n\nraise ValueError('boom')\n"
print(list(compile(ast.parse(src2), "<a>", "exec").co_positions()) == list(compile(src2, "<a>", "exec").co_positions()))
# many nodes sharing one position (scopes still told apart)
t = ast.parse("f = lambda: 1\ng = lambda: 2\nh = [x for x in 'ab']\nk = [y for y in 'cd']\n")
for n in ast.walk(t):
    if hasattr(n, "lineno"):
        n.lineno = n.end_lineno = 1
        n.col_offset = n.end_col_offset = 0
ns = {}
exec(compile(t, "<same>", "exec"), ns)
print(ns["f"](), ns["g"](), ns["h"], ns["k"])
# optimize=2 drops docstrings and asserts
ns = {}
exec(compile(ast.parse("def f():\n    'doc'\n    assert False\n    return 1\n"), "<o>", "exec", optimize=2), ns)
print(ns["f"].__doc__, ns["f"]())
print(eval(compile(ast.Expression(ast.Constant((1, (2.5, -3), b"x", None), lineno=1, col_offset=0)), "<c>", "eval")))
# under `from __future__ import annotations` the annotations are the trees' unparsed text
fsrc = """from __future__ import annotations
def f(a: List[int], *b: 'x', c: int | None = None) -> Dict[str, 'Y']:
    pass
class C:
    x: ClassVar[int] = 3
    y: a.b
print(f.__annotations__, C.__annotations__)
"""
exec(compile(ast.parse(fsrc), "<f>", "exec"), {})
