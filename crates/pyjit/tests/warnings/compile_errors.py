# Compile-time warnings that the filters may turn into SyntaxErrors, caught.
import sys

for src in ["x = 1\nx is 1\n", "assert (1, 2)\n", "(1)(2)\n", "[1][1, 2]\n", "{1}[0]\n", "'\\d'\n", "b'\\q'\n",
            "f'{1}\\d'\n", "'\\777'\n", "z = 1if 1 else 2\n", "'\\d'\nz = 0x1for x in y\n", "x = 1\nif x is 1 is 2:\n  pass\n",
            "def f():\n  return 1 is 1\n", "x is 1\nbreak\n", "break\nx is 1\n", "def f(a, a):\n  1 is 1\n"]:
    for name in ["<s>", __file__]:
        try:
            compile(src, name, "exec")
            print("compiled", repr(src), file=sys.stderr)
        except SyntaxError as e:
            print(type(e).__name__, e.args, file=sys.stderr)
