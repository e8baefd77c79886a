# SyntaxError from compile(): msg, lineno, offset.
cases = [
    "x = (",
    "x = [1, 2",
    "x = {'a': 1",
    "x = )",
    "def f(:\n    pass\n",
    "if x\n    pass\n",
    "for x in range(3) print(x)\n",
    "print 'hello'\n",
    "x = 1 +\n",
    "a = 1\nb = 2\nc = = 3\n",
    "class C\n    pass\n",
    "while True:\npass\n",
    "x = 'unterminated\n",
    "f(x for x in y, 1)\n",
    "def f(a=1, b):\n    pass\n",
    "def f(*, **k):\n    pass\n",
    "x += 1 = 2\n",
    "import\n",
    "from x import\n",
    "lambda x: yield\n",
    "a, b += 1\n",
    "[x for x in]\n",
    "try:\n    pass\n",
    "else:\n    pass\n",
    "x = 5 if 3\n",
    "async = 1\n",
    "def f():\n    return\n  x = 1\n",
    "@\ndef f(): pass\n",
    "x = 1_000_\n",
    "0b102\n",
    "1.2.3\n",
    "f'{'\n",
    "del 1 + 1\n",
    "nonlocal x\n",
    "True = 1\n",
    "__debug__ = 1\n",
    "def f(x, x): pass\n",
    "(yield)\n",
    "await x\n",
]
for src in cases:
    try:
        compile(src, "<s>", "exec")
        print(repr(src), "compiled OK")
    except SyntaxError as e:
        print(repr(src), "->", type(e).__name__, repr(e.msg), e.lineno, e.offset)
try:
    compile("x = (", "<s>", "exec")
except SyntaxError as e:
    print(str(e))
    print(e.args[0], e.filename)
try:
    exec("1 +* 2")
except SyntaxError as e:
    print("exec:", e.msg, e.filename)
try:
    eval("def")
except SyntaxError as e:
    print("eval:", e.msg, e.filename, e.lineno)
