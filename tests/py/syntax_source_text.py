"""SyntaxError fields as CPython 3.11 fills them: the parser quotes the source line (after
newline translation, with the newline a module gets at its end), the tokenizer quotes it
without its newline, the symbol table and the code generator read `text` back from the
file named by `filename` (None when there is none), and symbol table errors keep
args == (msg,)."""


def show(src, mode="exec", filename="<s>"):
    try:
        compile(src, filename, mode)
        print(repr(src), mode, "OK")
    except SyntaxError as e:
        print(" ".join(map(str, (repr(src), mode, type(e).__name__, e.args, e.filename, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text)))).replace(__file__, "<this file>"))
    except ValueError as e:
        print(repr(src), mode, "ValueError", e)


# the stage that raises decides the text and args
for src in ["x = 1\ndef f():\n    nonlocal q\n", "a\nb\nawait x\n", "def f(a, a): pass\n", "def f():\n  x = 1\n  global x\n",
            "import *\n", "def f():\n  from a import *\n", "__debug__ = 1\n", "f(__debug__=1)\n", "f(x for x in y, 1)\n",
            "f(a=1, a=2)\n", "break\n", "return\n", "def f():\n  yield\n  return 1\nasync def g():\n  yield\n  return 1\n",
            "class C:\n  [(y := 1) for x in z]\n", "[(x := 1) for x in z]\n", "[x for x in (y := z)]\n",
            "match x:\n case a: pass\n case b: pass\n", "match x:\n case a | b: pass\n", "match x:\n case [a, a]: pass\n",
            "del __debug__\n", "def f(__debug__): pass\n", "x = [*a] = *b, = c\nx = *a\n", "for x in 1, *a, *b: pass\nx = *y\n",
            "match x:\n case C(a=1, a=2): pass\n", "match x:\n case C(__debug__=1): pass\n", "match x:\n case C(a=y, a=y): pass\n",
            "match x:\n case [C(a=1, b=2, a=3), y, y]: pass\n"]:
    show(src, filename="no/such/file.py")
    show(src, filename=__file__)

# newlines: "\r\n" and "\r" read as "\n"; exec input gets a final newline
for s, m in [('x = (', 'exec'), ('1 +', 'eval'), ('a b', 'exec'), ('a b', 'eval'), ('a b', 'single'), ('def f(*a=1): pass', 'exec'),
             ('x = 1\na b', 'exec'), ('a b\r\n', 'exec'), ('a b\r', 'exec'), ('x=1\r\na b\r\n', 'exec'), ('f(**a, *b)', 'exec'),
             ('print "x"', 'exec'), ('x = 1 +', 'exec'), ('"abc', 'exec'), ('if 1:\n  x\n    y', 'exec'), ('f(a for a in b, c)', 'exec'),
             ('1 = 2', 'exec'), ('$', 'exec'), ('a\\', 'exec'), ('a\\', 'eval'), ('a\\', 'single'), ('x = 1\na\\', 'exec'),
             ('x = 1\na\\\n', 'exec'), ('a\\\n\n', 'exec'), ('"""abc', 'exec'), ('"""abc\n', 'exec'), ('"""abc\n\n', 'exec'),
             ('"""abc', 'eval'), ('"abc', 'eval'), ('"abc', 'single'), ("'''\r\nab", 'exec'), ('if 1:\n\tx\n        y', 'exec'),
             ('x = (1,\n', 'exec'), ('x = (1,', 'eval'), ('if x:', 'exec'), ('if x:\n', 'single'), ('def f():', 'exec'),
             ('def f():\n  x = 1\n\n\n', 'exec'), ('f(', 'exec'), ('f(', 'eval'), ('x = 1 +\r\n', 'exec'), ('x = 0x', 'exec'),
             ('1_', 'exec'), ('1e', 'eval'), ('x = 1é', 'exec'), ('x = 0b1é', 'exec'), ('x = 1.5é', 'exec'), ('x = 1jé', 'exec'),
             ('x = 1 \\ 2', 'exec'), ('x = 1\ny = 2 \\ 3', 'exec'), ('x = (1 \\ 2)', 'exec'), ('"a" \\ "b"', 'eval'), ('x\\y', 'exec'),
             ('x = 1\nyé = 2 \\ 3', 'exec')]:
    show(s, m)

ns = {}
exec(compile('x = """a\r\nb\rc"""\r\ny = 1', "<s>", "exec"), ns)
print(repr(ns["x"]), ns["y"])
print(eval("'a\\\r\nb'"), eval(compile("1 +\\\r\n 2", "<s>", "eval")))

# null bytes and lone surrogates
for src in ["x = 1\0", b"x = 1\0", "x = '\ud800'"]:
    show(src)

# no token at all in an expression or a single statement
for s in ['# c\n', '# c', '', '\n', '\n\n', '  ', '# a\n# b\n', '\\\n', '  # c', '\t\n  ']:
    for m in ['eval', 'exec', 'single']:
        show(s, m)
