# ast.parse of match statements: every pattern kind, guards, positions.
import ast

src = """\
match x:
    case 1:
        pass
    case 'a' | 'b':
        pass
    case None | True | False:
        pass
    case [a, *rest]:
        pass
    case (a, b, *_):
        pass
    case {'k': v, **rest}:
        pass
    case Point(1, y=2) as p:
        pass
    case x if x > 0:
        pass
    case -1 | 1+2j | -1.5 - 2j:
        pass
    case a.b.c:
        pass
    case str() | bytes():
        pass
    case [] | () | {}:
        pass
    case 1, 2:
        pass
    case _:
        pass
"""
tree = ast.parse(src)
for case in tree.body[0].cases:
    print(ast.dump(case.pattern, include_attributes=True), ast.dump(case.guard) if case.guard else None)
print(tree.body[0].lineno, tree.body[0].end_lineno, tree.body[0].end_col_offset)
ns = {}
exec(compile(tree, "<match>", "exec"), {"x": [1, 2, 3], "Point": None}, ns)
print(sorted(ns))
