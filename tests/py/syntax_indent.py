# IndentationError and TabError are SyntaxError subclasses.
cases = [
    "if True:\nx = 1\n",
    "def f():\n    x = 1\n      y = 2\n",
    "def f():\n        x = 1\n    y = 2\n",
    "  x = 1\n",
    "for i in range(3):\n",
    "class C:\n",
    "if True:\n    pass\n  else:\n    pass\n",
    "if True:\n\tx = 1\n        y = 2\n",
    "try:\nexcept:\n    pass\n",
    "def f():\n    pass\n  pass\n",
]
for src in cases:
    try:
        compile(src, "<indent>", "exec")
        print(repr(src), "compiled OK")
    except SyntaxError as e:
        print(repr(src), "->", type(e).__name__, repr(e.msg), e.lineno, isinstance(e, SyntaxError), isinstance(e, IndentationError))
print(issubclass(IndentationError, SyntaxError), issubclass(TabError, IndentationError))
try:
    exec("def g():\nreturn 1\n")
except IndentationError as e:
    print("IndentationError:", e.msg, e.lineno)
