# compile() of malformed trees raises CPython's TypeError/ValueError; ast.parse raises
# SyntaxError with file, line and offset as compile() does.
import ast

tests = [
 lambda: compile(ast.Module(body=[ast.Expr(value=ast.Name(id='x', ctx=ast.Load()))], type_ignores=[]), 'f', 'exec'),
 lambda: compile(ast.Module(body=[ast.Expr(value=ast.Name(id='x', ctx=ast.Load(), lineno=1, col_offset=0))], type_ignores=[]), 'f', 'exec'),
 lambda: compile(ast.Module(body=[ast.Expr(value=ast.Name(id='x', ctx=ast.Store(), lineno=1, col_offset=0), lineno=1, col_offset=0)], type_ignores=[]), 'f', 'exec'),
 lambda: compile(ast.Module(body=[ast.Expr(value=1, lineno=1, col_offset=0)], type_ignores=[]), 'f', 'exec'),
 lambda: compile(ast.Module(body=ast.Pass(), type_ignores=[]), 'f', 'exec'),
 lambda: compile(ast.Module(body=[]), 'f', 'exec'),
 lambda: compile(ast.Expression(body=ast.Name(id=1, ctx=ast.Load(), lineno=1, col_offset=0)), 'f', 'eval'),
 lambda: compile(ast.Expression(body=ast.Constant(value=[1], lineno=1, col_offset=0)), 'f', 'eval'),
 lambda: compile(ast.Module(body=[ast.Pass(lineno=1, col_offset=0)], type_ignores=[]), 'f', 'eval'),
 lambda: compile(ast.Module(body=[ast.FunctionDef(name='f', args=ast.arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[], decorator_list=[], lineno=1, col_offset=0)], type_ignores=[]), 'f', 'exec'),
 lambda: compile(ast.Expression(body=ast.Name(id='None', ctx=ast.Load(), lineno=1, col_offset=0)), 'f', 'eval'),
 lambda: compile(ast.Expression(body=ast.Name(id='x', ctx=ast.Load(), lineno=2, col_offset=0, end_lineno=1, end_col_offset=0)), 'f', 'eval'),
 lambda: compile(ast.Expression(body=ast.Name(id='x', ctx=ast.Load(), lineno=1, col_offset=5, end_lineno=1, end_col_offset=2)), 'f', 'eval'),
 lambda: compile(ast.Expression(body=ast.BinOp(left=ast.Name(id='x', ctx=ast.Load(), lineno=1, col_offset=0), op=ast.Add, right=ast.Name(id='x', ctx=ast.Load(), lineno=1, col_offset=0), lineno=1, col_offset=0)), 'f', 'eval'),
 lambda: compile(5, 'f', 'exec'),
 lambda: compile(ast.Expression(body=ast.Compare(left=ast.Name(id='x', ctx=ast.Load(), lineno=1, col_offset=0), ops=[], comparators=[], lineno=1, col_offset=0)), 'f', 'eval'),
 lambda: compile(ast.alias(name='x'), 'f', 'exec'),
 lambda: compile(ast.parse("x = 1"), 'f', 'exec', ast.PyCF_ONLY_AST).__class__.__name__,
 lambda: compile(ast.parse("return 1"), 'f', 'exec'),
 lambda: compile("x", 'f', 'func_type'),
]
for t in tests:
  try: print('ok', t())
  except Exception as e: print(type(e).__name__, e)

for s in ["x = ", "def f(:", "1 = 2", "f(**a, *b)", "x = (1,", "return 1", "nonlocal x", "a b", "  x", "x = 'abc", "f'{'", "del f()", "for 1 in x: pass", "(x := 0)"]:
    try:
        ast.parse(s, "<file>")
        print("ok", repr(s))
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.filename, e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset)
for s, v in [("(x := 0)", (3, 7)), ("def f(a, /): pass", (3, 7)), ("f'{x=}'", (3, 7)), ("x = 1", (3, 7))]:
    try:
        ast.parse(s, feature_version=v)
        print("ok", s)
    except SyntaxError:
        print("SyntaxError", s)
for bad in [dict(lineno=None), dict(lineno=2, end_lineno=1), dict(col_offset=-2, end_col_offset=1)]:
    t = ast.parse("a = 1")
    for k, v in bad.items():
        setattr(t.body[0], k, v)
    try:
        compile(t, "<b>", "exec")
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
