# ast.parse builds the expressions' trees exactly as CPython 3.11: operators, comprehensions,
# calls, slices, constants (kind 'u'), f-strings as JoinedStr/FormattedValue, modes.
import ast

SRCS = [
    "a and b or c and not d",
    "-a + ~b - +c * d / e // f % g ** h << i >> j | k ^ l & m @ n",
    "a < b <= c > d >= e == f != g is h is not i in j not in k",
    "lambda: 0\nlambda x, y=1, *a, z, **k: x\nlambda *, a=1: a\n",
    "x if y else z\nx = a if b else c if d else e\n",
    "{1: 2, **d, 3: 4}\n{1, 2}\n[1, *a]\n(1,)\n()\n[]\n{}\n",
    "[x for x in y if x if z for w in x]\n{x for x in y}\n{k: v for k, v in d}\n(x for x in y)\nf(x for x in y)\nf((x for x in y), 1)\n",
    "async def f():\n    [x async for x in y]\n    await z\n",
    "def g():\n    yield x\n    yield from y\n    x = yield\n",
    "f(a, *b, c=1, **d)\nf()\na.b.c(d)[e]\nf(a)(b)(c)\n(a)\n((a))\n(a).b\n",
    "a[1]\na[1:2]\na[::3]\na[1:2, 3]\na[...]\na[:, None]\nx[()]\n",
    "(y := 10)\nif (n := len(a)) > 10: pass\n",
    "'abc'\nu'abc'\nU'x'\nb'x' b'y'\n'a' 'b'\nr'\\d'\n1\n1.5\n1j\n10**100\n0xff\n1_000\nTrue\nFalse\nNone\n...\n",
    "f'a{x}b'\nf'{x!r}'\nf'{x:>10}'\nf'{x=}'\nf'{x=!s}'\nf'{x=:>5}'\nf'{x:{w}.{p}}'\n'a' f'b{c}d' 'e'\nf''\nf'abc'\n",
    "f'''a\n{x\n+ y}b'''\nf'{3,}'\nf'{ x = }'\nf'{x!r:^{w}.{p}f}' 'z'\n",
    "x = 'é'; y = f'é{x}'",
    "a = (1 +\n     2)\nb = [\n  1,\n  2,\n]\n",
    "x = *a, *b\nprint(*a, **b)\n",
]
for s in SRCS:
    print(ast.dump(ast.parse(s), include_attributes=True))
for s in ["x + 1", "[1, 2]", "lambda: y"]:
    print(ast.dump(ast.parse(s, mode="eval"), include_attributes=True))
print(ast.dump(ast.parse("(int, str) -> List[int]", mode="func_type"), include_attributes=True))
print(ast.dump(ast.parse("() -> None", mode="func_type")))
c = ast.parse("u'x'").body[0].value
print(c.value, c.kind, ast.parse("'x'").body[0].value.kind)
