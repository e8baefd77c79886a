# ast.parse builds the statements' trees exactly as CPython 3.11 (dump with positions).
import ast

SRCS = [
    "x = 1 + 2",
    "a, *b = c\n(d, e) = [f, g]\nx: int = 5\ny: 'str'\n(z): int = 1\nq.r: int\na = b = c = 1\n",
    "x += 1; y -= 2; z *= 3; w @= 4; v /= 5; u //= 6; t %= 7; s **= 8; r >>= 9; p <<= 1; o &= 2; n ^= 3; m |= 4",
    "del a, b[0], c.d\ndel (a, b), [c]\n",
    "def f(a, /, b=1, *c, d, e=2, **f) -> int:\n    '''doc'''\n    return a\n",
    "def f(*, a): pass\ndef g(a, /): pass\ndef h(**k): pass\ndef i(*a: int): pass\ndef j(\n    a,\n    b,\n):\n    pass\n",
    "@dec\n@dec2(1)\nasync def g(x: int = 3, *, y):\n    await x\n    async for i in y:\n        pass\n    else:\n        pass\n    async with a as b, c:\n        yield\n",
    "class C(B, metaclass=M, **kw):\n    x = 1\n    def m(self): pass\n@d\nclass D: pass\nclass E(): 'doc'\n",
    "if a:\n    pass\nelif b:\n    x\nelif c:\n    y\nelse:\n    z\n",
    "while x:\n    break\nelse:\n    continue\nfor i, j in k:\n    pass\nelse:\n    pass\n",
    "with a as (b, c), d:\n    pass\nwith (e as f, g):\n    pass\n",
    "try:\n    pass\nexcept E as e:\n    pass\nexcept (A, B):\n    pass\nexcept:\n    pass\nelse:\n    pass\nfinally:\n    pass\n",
    "try:\n    pass\nexcept* E as e:\n    pass\n",
    "raise\nraise E\nraise E from F\nassert x\nassert x, 'msg'\n",
    "import a, b.c as d\nfrom . import x\nfrom ..y import (z as w, v)\nfrom m import *\n",
    "def f():\n    global a, b\n    nonlocal c\n",
    "pass\nx = 1 # comment\nif x: y = 1; z = 2\n",
    "def f():\n    x = 1; pass; del x;\n",
    "x = \\\n  1\n\ufeff" if False else "x = \\\n  1\n",
    "é = 1\nx = é + 'ü'\n",
]
for s in SRCS:
    print(ast.dump(ast.parse(s), include_attributes=True))
print(ast.dump(ast.parse("x = 1\n", mode="single"), include_attributes=True))
print(ast.dump(ast.parse("if x:\n    y\n", mode="single")))
print(ast.dump(ast.parse("", mode="exec")))
t = ast.parse("def f(): return 1")
print(type(t).__name__, type(t.body[0]).__name__, t.body[0].type_comment, t.type_ignores)
print(ast.parse("x").body[0].value.ctx is ast.parse("x").body[0].value.ctx)
print(type(compile("x = 1", "<s>", "exec", ast.PyCF_ONLY_AST)).__name__)
