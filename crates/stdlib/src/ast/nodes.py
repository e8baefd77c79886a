# pyjit's _ast module: the node classes of Python 3.11's abstract syntax tree (the names,
# fields and attributes of CPython's Parser/Python.asdl), under the library's ast.py.
# Each row: name base fields attributes optional-fields|docstring ("-": none, "=": the
# base's attributes).

PyCF_ONLY_AST = 1024
PyCF_TYPE_COMMENTS = 4096
PyCF_ALLOW_TOP_LEVEL_AWAIT = 8192

# the instances of Load, Add, Eq... the parser shares (filled by the native _parse)
_singletons = {}

_TABLE = """\
operator AST - = -|operator = Add | Sub | Mult | MatMult | Div | Mod | Pow | LShift | RShift | BitOr | BitXor | BitAnd | FloorDiv
Add operator - = -|Add
boolop AST - = -|boolop = And | Or
And boolop - = -|And
stmt AST - lineno,col_offset,end_lineno,end_col_offset end_lineno,end_col_offset|stmt = FunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment)\\n     | AsyncFunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment)\\n     | ClassDef(identifier name, expr* bases, keyword* keywords, stmt* body, expr* decorator_list)\\n     | Return(expr? value)\\n     | Delete(expr* targets)\\n     | Assign(expr* targets, expr value, string? type_comment)\\n     | AugAssign(expr target, operator op, expr value)\\n     | AnnAssign(expr target, expr annotation, expr? value, int simple)\\n     | For(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)\\n     | AsyncFor(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)\\n     | While(expr test, stmt* body, stmt* orelse)\\n     | If(expr test, stmt* body, stmt* orelse)\\n     | With(withitem* items, stmt* body, string? type_comment)\\n     | AsyncWith(withitem* items, stmt* body, string? type_comment)\\n     | Match(expr subject, match_case* cases)\\n     | Raise(expr? exc, expr? cause)\\n     | Try(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)\\n     | TryStar(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)\\n     | Assert(expr test, expr? msg)\\n     | Import(alias* names)\\n     | ImportFrom(identifier? module, alias* names, int? level)\\n     | Global(identifier* names)\\n     | Nonlocal(identifier* names)\\n     | Expr(expr value)\\n     | Pass\\n     | Break\\n     | Continue
AnnAssign stmt target,annotation,value,simple = value|AnnAssign(expr target, expr annotation, expr? value, int simple)
Assert stmt test,msg = msg|Assert(expr test, expr? msg)
Assign stmt targets,value,type_comment = type_comment|Assign(expr* targets, expr value, string? type_comment)
AsyncFor stmt target,iter,body,orelse,type_comment = type_comment|AsyncFor(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)
AsyncFunctionDef stmt name,args,body,decorator_list,returns,type_comment = returns,type_comment|AsyncFunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment)
AsyncWith stmt items,body,type_comment = type_comment|AsyncWith(withitem* items, stmt* body, string? type_comment)
expr AST - lineno,col_offset,end_lineno,end_col_offset end_lineno,end_col_offset|expr = BoolOp(boolop op, expr* values)\\n     | NamedExpr(expr target, expr value)\\n     | BinOp(expr left, operator op, expr right)\\n     | UnaryOp(unaryop op, expr operand)\\n     | Lambda(arguments args, expr body)\\n     | IfExp(expr test, expr body, expr orelse)\\n     | Dict(expr* keys, expr* values)\\n     | Set(expr* elts)\\n     | ListComp(expr elt, comprehension* generators)\\n     | SetComp(expr elt, comprehension* generators)\\n     | DictComp(expr key, expr value, comprehension* generators)\\n     | GeneratorExp(expr elt, comprehension* generators)\\n     | Await(expr value)\\n     | Yield(expr? value)\\n     | YieldFrom(expr value)\\n     | Compare(expr left, cmpop* ops, expr* comparators)\\n     | Call(expr func, expr* args, keyword* keywords)\\n     | FormattedValue(expr value, int conversion, expr? format_spec)\\n     | JoinedStr(expr* values)\\n     | Constant(constant value, string? kind)\\n     | Attribute(expr value, identifier attr, expr_context ctx)\\n     | Subscript(expr value, expr slice, expr_context ctx)\\n     | Starred(expr value, expr_context ctx)\\n     | Name(identifier id, expr_context ctx)\\n     | List(expr* elts, expr_context ctx)\\n     | Tuple(expr* elts, expr_context ctx)\\n     | Slice(expr? lower, expr? upper, expr? step)
Attribute expr value,attr,ctx = -|Attribute(expr value, identifier attr, expr_context ctx)
AugAssign stmt target,op,value = -|AugAssign(expr target, operator op, expr value)
Await expr value = -|Await(expr value)
BinOp expr left,op,right = -|BinOp(expr left, operator op, expr right)
BitAnd operator - = -|BitAnd
BitOr operator - = -|BitOr
BitXor operator - = -|BitXor
BoolOp expr op,values = -|BoolOp(boolop op, expr* values)
Break stmt - = -|Break
Call expr func,args,keywords = -|Call(expr func, expr* args, keyword* keywords)
ClassDef stmt name,bases,keywords,body,decorator_list = -|ClassDef(identifier name, expr* bases, keyword* keywords, stmt* body, expr* decorator_list)
Compare expr left,ops,comparators = -|Compare(expr left, cmpop* ops, expr* comparators)
Constant expr value,kind = kind|Constant(constant value, string? kind)
Continue stmt - = -|Continue
expr_context AST - = -|expr_context = Load | Store | Del
Del expr_context - = -|Del
Delete stmt targets = -|Delete(expr* targets)
Dict expr keys,values = -|Dict(expr* keys, expr* values)
DictComp expr key,value,generators = -|DictComp(expr key, expr value, comprehension* generators)
Div operator - = -|Div
cmpop AST - = -|cmpop = Eq | NotEq | Lt | LtE | Gt | GtE | Is | IsNot | In | NotIn
Eq cmpop - = -|Eq
excepthandler AST - lineno,col_offset,end_lineno,end_col_offset end_lineno,end_col_offset|excepthandler = ExceptHandler(expr? type, identifier? name, stmt* body)
ExceptHandler excepthandler type,name,body = type,name|ExceptHandler(expr? type, identifier? name, stmt* body)
Expr stmt value = -|Expr(expr value)
mod AST - = -|mod = Module(stmt* body, type_ignore* type_ignores)\\n    | Interactive(stmt* body)\\n    | Expression(expr body)\\n    | FunctionType(expr* argtypes, expr returns)
Expression mod body = -|Expression(expr body)
FloorDiv operator - = -|FloorDiv
For stmt target,iter,body,orelse,type_comment = type_comment|For(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)
FormattedValue expr value,conversion,format_spec = format_spec|FormattedValue(expr value, int conversion, expr? format_spec)
FunctionDef stmt name,args,body,decorator_list,returns,type_comment = returns,type_comment|FunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment)
FunctionType mod argtypes,returns = -|FunctionType(expr* argtypes, expr returns)
GeneratorExp expr elt,generators = -|GeneratorExp(expr elt, comprehension* generators)
Global stmt names = -|Global(identifier* names)
Gt cmpop - = -|Gt
GtE cmpop - = -|GtE
If stmt test,body,orelse = -|If(expr test, stmt* body, stmt* orelse)
IfExp expr test,body,orelse = -|IfExp(expr test, expr body, expr orelse)
Import stmt names = -|Import(alias* names)
ImportFrom stmt module,names,level = module,level|ImportFrom(identifier? module, alias* names, int? level)
In cmpop - = -|In
Interactive mod body = -|Interactive(stmt* body)
unaryop AST - = -|unaryop = Invert | Not | UAdd | USub
Invert unaryop - = -|Invert
Is cmpop - = -|Is
IsNot cmpop - = -|IsNot
JoinedStr expr values = -|JoinedStr(expr* values)
LShift operator - = -|LShift
Lambda expr args,body = -|Lambda(arguments args, expr body)
List expr elts,ctx = -|List(expr* elts, expr_context ctx)
ListComp expr elt,generators = -|ListComp(expr elt, comprehension* generators)
Load expr_context - = -|Load
Lt cmpop - = -|Lt
LtE cmpop - = -|LtE
MatMult operator - = -|MatMult
Match stmt subject,cases = -|Match(expr subject, match_case* cases)
pattern AST - lineno,col_offset,end_lineno,end_col_offset -|pattern = MatchValue(expr value)\\n        | MatchSingleton(constant value)\\n        | MatchSequence(pattern* patterns)\\n        | MatchMapping(expr* keys, pattern* patterns, identifier? rest)\\n        | MatchClass(expr cls, pattern* patterns, identifier* kwd_attrs, pattern* kwd_patterns)\\n        | MatchStar(identifier? name)\\n        | MatchAs(pattern? pattern, identifier? name)\\n        | MatchOr(pattern* patterns)
MatchAs pattern pattern,name = pattern,name|MatchAs(pattern? pattern, identifier? name)
MatchClass pattern cls,patterns,kwd_attrs,kwd_patterns = -|MatchClass(expr cls, pattern* patterns, identifier* kwd_attrs, pattern* kwd_patterns)
MatchMapping pattern keys,patterns,rest = rest|MatchMapping(expr* keys, pattern* patterns, identifier? rest)
MatchOr pattern patterns = -|MatchOr(pattern* patterns)
MatchSequence pattern patterns = -|MatchSequence(pattern* patterns)
MatchSingleton pattern value = -|MatchSingleton(constant value)
MatchStar pattern name = name|MatchStar(identifier? name)
MatchValue pattern value = -|MatchValue(expr value)
Mod operator - = -|Mod
Module mod body,type_ignores = -|Module(stmt* body, type_ignore* type_ignores)
Mult operator - = -|Mult
Name expr id,ctx = -|Name(identifier id, expr_context ctx)
NamedExpr expr target,value = -|NamedExpr(expr target, expr value)
Nonlocal stmt names = -|Nonlocal(identifier* names)
Not unaryop - = -|Not
NotEq cmpop - = -|NotEq
NotIn cmpop - = -|NotIn
Or boolop - = -|Or
Pass stmt - = -|Pass
Pow operator - = -|Pow
RShift operator - = -|RShift
Raise stmt exc,cause = exc,cause|Raise(expr? exc, expr? cause)
Return stmt value = value|Return(expr? value)
Set expr elts = -|Set(expr* elts)
SetComp expr elt,generators = -|SetComp(expr elt, comprehension* generators)
Slice expr lower,upper,step = lower,upper,step|Slice(expr? lower, expr? upper, expr? step)
Starred expr value,ctx = -|Starred(expr value, expr_context ctx)
Store expr_context - = -|Store
Sub operator - = -|Sub
Subscript expr value,slice,ctx = -|Subscript(expr value, expr slice, expr_context ctx)
Try stmt body,handlers,orelse,finalbody = -|Try(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)
TryStar stmt body,handlers,orelse,finalbody = -|TryStar(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)
Tuple expr elts,ctx = -|Tuple(expr* elts, expr_context ctx)
type_ignore AST - = -|type_ignore = TypeIgnore(int lineno, string tag)
TypeIgnore type_ignore lineno,tag = -|TypeIgnore(int lineno, string tag)
UAdd unaryop - = -|UAdd
USub unaryop - = -|USub
UnaryOp expr op,operand = -|UnaryOp(unaryop op, expr operand)
While stmt test,body,orelse = -|While(expr test, stmt* body, stmt* orelse)
With stmt items,body,type_comment = type_comment|With(withitem* items, stmt* body, string? type_comment)
Yield expr value = value|Yield(expr? value)
YieldFrom expr value = -|YieldFrom(expr value)
alias AST name,asname lineno,col_offset,end_lineno,end_col_offset asname,end_lineno,end_col_offset|alias(identifier name, identifier? asname)
arg AST arg,annotation,type_comment lineno,col_offset,end_lineno,end_col_offset annotation,type_comment,end_lineno,end_col_offset|arg(identifier arg, expr? annotation, string? type_comment)
arguments AST posonlyargs,args,vararg,kwonlyargs,kw_defaults,kwarg,defaults = vararg,kwarg|arguments(arg* posonlyargs, arg* args, arg? vararg, arg* kwonlyargs, expr* kw_defaults, arg? kwarg, expr* defaults)
comprehension AST target,iter,ifs,is_async = -|comprehension(expr target, expr iter, expr* ifs, int is_async)
keyword AST arg,value lineno,col_offset,end_lineno,end_col_offset arg,end_lineno,end_col_offset|keyword(identifier? arg, expr value)
match_case AST pattern,guard,body = guard|match_case(pattern pattern, expr? guard, stmt* body)
withitem AST context_expr,optional_vars = optional_vars|withitem(expr context_expr, expr? optional_vars)
"""


class AST:
    _fields = ()
    _attributes = ()
    __match_args__ = ()

    def __new__(cls, *args, **kwargs):
        return object.__new__(cls)

    def __init__(self, *args, **kwargs):
        fields = type(self)._fields
        if len(args) > len(fields):
            n = len(fields)
            raise TypeError("%s constructor takes at most %d positional argument%s"
                            % (type(self).__name__, n, "" if n == 1 else "s"))
        for name, value in zip(fields, args):
            setattr(self, name, value)
        for name, value in kwargs.items():
            if name in fields[:len(args)]:
                raise TypeError("%s got multiple values for argument '%s'" % (type(self).__name__, name))
            setattr(self, name, value)

    def __reduce__(self):
        return type(self), (), dict(self.__dict__)


AST.__module__ = "ast"


def _make():
    g = globals()
    rows = {}
    for row in _TABLE.splitlines():
        head, doc = row.split("|", 1)
        name, base, fields, attrs, optional = head.split(" ")
        rows[name] = (base, fields, attrs, optional, doc.replace("\\n", "\n"))

    def make(name):
        base, fields, attrs, optional, doc = rows[name]
        fields = () if fields == "-" else tuple(fields.split(","))
        parent = g[base]
        attrs = parent._attributes if attrs == "=" else (() if attrs == "-" else tuple(attrs.split(",")))
        ns = {"_fields": fields, "_attributes": attrs, "__match_args__": fields,
              "__doc__": doc, "__module__": "ast"}
        if optional != "-":
            for o in optional.split(","):
                ns[o] = None
        g[name] = type(name, (parent,), ns)

    # the families first, then each family's kinds in the grammar's order (as CPython
    # makes them: __subclasses__() lists them so)
    families = [n for n, r in rows.items() if r[0] == "AST"]
    for n in families:
        make(n)
    for n in families:
        doc = rows[n][4]
        if " = " not in doc:
            continue
        for alt in doc.split(" = ", 1)[1].split("|"):
            make(alt.strip().split("(")[0].strip())


_make()
del _make, _TABLE
