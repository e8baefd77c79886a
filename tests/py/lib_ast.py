# The node classes of _ast under ast.py: construction, fields, dump, visitors and
# transformers on hand-built trees (lib_ast_* test trees from ast.parse).
import ast

n = ast.Name("x", ast.Load())
print(n.id, type(n.ctx).__name__, ast.Name._fields, ast.expr._attributes, ast.Constant.kind, ast.expr.end_lineno)
print(ast.Name.__doc__, ast.Name.__module__, ast.Name.__mro__[1].__name__, issubclass(ast.BinOp, ast.AST))
tree = ast.Expression(ast.BinOp(ast.Constant(2), ast.Mult(), ast.BinOp(n, ast.Add(), ast.Constant(3))))
print(ast.dump(tree))
print(ast.dump(ast.Assign([ast.Name("y", ast.Store())], ast.Constant(1), lineno=1), include_attributes=True))
print(ast.unparse(tree), "|", ast.unparse(ast.Call(ast.Name("f", ast.Load()), [ast.Constant("s")], [ast.keyword("k", ast.Constant(None))])))


class Count(ast.NodeVisitor):
    def __init__(self):
        self.names = []

    def visit_Name(self, node):
        self.names.append(node.id)


c = Count()
c.visit(ast.Module([ast.Expr(tree.body), ast.Expr(ast.Name("z", ast.Load()))], []))
print(c.names, [type(x).__name__ for x in ast.walk(tree)])


class Fold(ast.NodeTransformer):
    def visit_BinOp(self, node):
        self.generic_visit(node)
        if isinstance(node.left, ast.Constant) and isinstance(node.right, ast.Constant) and isinstance(node.op, ast.Add):
            return ast.Constant(node.left.value + node.right.value)
        return node


t2 = Fold().visit(ast.Expression(ast.BinOp(ast.Constant(1), ast.Add(), ast.BinOp(ast.Constant(2), ast.Add(), ast.Constant(3)))))
print(ast.dump(t2), ast.literal_eval(t2))
print(ast.literal_eval(ast.Expression(ast.List([ast.Constant(1), ast.Tuple([ast.Constant("a")], ast.Load())], ast.Load()))))
print([(k, ast.dump(v) if isinstance(v, ast.AST) else v) for k, v in ast.iter_fields(ast.keyword("a", ast.Constant(1)))], ast.copy_location(ast.Pass(), ast.Pass(lineno=4, col_offset=2)).lineno)
match ast.BinOp(ast.Constant(1), ast.Sub(), ast.Constant(2)):
    case ast.BinOp(ast.Constant(a), ast.Sub(), ast.Constant(b)):
        print("matched", a, b)
print(ast.Constant(1).__reduce__()[0].__name__, ast.Add().__reduce__()[1:])
for bad in [lambda: ast.Name("a", ast.Load(), 3), lambda: ast.Add(1)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
print(ast.PyCF_ONLY_AST, ast.PyCF_TYPE_COMMENTS, ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
