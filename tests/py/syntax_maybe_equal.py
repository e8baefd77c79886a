# A lone '=' where a named expression is parsed: CPython's "Maybe you meant '=='" errors.
cases = [
    "if x = 3:\n    pass\n",
    "while f(x) = 3: pass\n",
    "if x.y = 3: pass\n",
    "x = [a = 1]\n",
    "x = (a = 1)\n",
    "x = {a = 1}\n",
    "if (a = 1): pass\n",
    "if x == 1 = 2: pass\n",
    "print(a = 1 = 2)\n",
    "x = [a = 1 = 2]\n",
    "if not x = 3: pass\n",
    "if -x = 3: pass\n",
    "if True = 3: pass\n",
    "if x[0] = 3: pass\n",
    "if 'a' = 3: pass\n",
    "x = [1, y = 2]\n",
]
for src in cases:
    try:
        compile(src, "<case>", "exec")
        print(repr(src), "compiled")
    except SyntaxError as e:
        print(repr(src), "->", type(e).__name__, repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset)
