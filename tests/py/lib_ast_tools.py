# The ast module's helpers on parsed trees: walk, visitors, transformers, unparse round
# trips, literal_eval, and the node classes' behaviour (constructors, aliases, copy, pickle).
import ast, copy, pickle

src = """\
import os
from .m import (a as b, c)
@deco(1)
async def f(x, /, y=2, *args, z, w=3, **kw) -> 'r':
    global g
    async with a as (b, c):
        await d
    return [i async for i in e if i]
class K(B, metaclass=M):
    '''doc'''
    def m(self):
        nonlocal q
        yield from r
match s:
    case [1, *rest] | {'k': _, **kw} if rest:
        pass
    case P(x=1) as p:
        pass
try:
    pass
except* E as e:
    pass
x = f"a{b!r:>{c}}d" + 'e' + b'f'
y = {**d, 'k': lambda a=1, *, b: (a, b)}[1:2, ::3]
del x[0], y.z
while (n := n - 1) > 0:
    break
else:
    continue
"""
tree = ast.parse(src)
text = ast.unparse(tree)
print(text)
print(ast.dump(ast.parse(text)) == ast.dump(tree))
print(sorted({type(n).__name__ for n in ast.walk(tree)}))


class Names(ast.NodeVisitor):
    def __init__(self):
        self.seen = []

    def visit_Name(self, node):
        self.seen.append((node.id, type(node.ctx).__name__, node.lineno))


v = Names()
v.visit(tree)
print(v.seen)


class Rename(ast.NodeTransformer):
    def visit_Name(self, node):
        return ast.copy_location(ast.Name(node.id.upper(), node.ctx), node)


t2 = ast.fix_missing_locations(Rename().visit(ast.parse("a = b + c\nprint(a)")))
print(ast.unparse(t2))
ns = {"B": 2, "C": 3, "PRINT": print}
exec(compile(t2, "<r>", "exec"), ns)
print(ns["A"])

for s in ["{'a': [1, 2.5, -3, (4, 5j)], 'b': None}", "  -1", "1 + 2j", "set()", "{1, 2}", "b'x'", "('a', ...)"]:
    print(repr(ast.literal_eval(s)))
for s in ["f(1)", "a + b", "[x for x in y]"]:
    try:
        ast.literal_eval(s)
    except ValueError as e:
        print("ValueError:", str(e).split(":")[0])

print(ast.get_docstring(tree.body[3]), ast.get_source_segment(src, tree.body[7].value))
n = ast.parse("x = 1")
ast.increment_lineno(n, 3)
print(n.body[0].lineno, n.body[0].value.end_lineno)

# node classes
c = ast.Constant(1, "u", lineno=3)
print(c.value, c.kind, c.lineno, ast.Constant._fields, ast.Constant.__match_args__)
print(ast.dump(ast.BinOp(left=ast.Constant(1), op=ast.Add())), isinstance(ast.Num(1), ast.Constant))
print(type(ast.Num(1)).__name__, ast.Num(1).n, ast.Str("s").s, isinstance(ast.Constant("s"), ast.Str), isinstance(ast.Constant(1), ast.Str))
try:
    ast.Constant(1, None, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    ast.Constant().value
except AttributeError as e:
    print("AttributeError:", e)
print([cls.__name__ for cls in ast.stmt.__subclasses__()][:6], ast.cmpop.__doc__)
d = copy.deepcopy(tree.body[2])
print(ast.dump(d) == ast.dump(tree.body[2]), d is not tree.body[2])
p = pickle.loads(pickle.dumps(tree))
print(ast.dump(p, include_attributes=True) == ast.dump(tree, include_attributes=True))
class N(ast.Num):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.z = "spam"
print(N(42).n, N(42).z, type(N(n=42)).__name__)
