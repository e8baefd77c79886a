# Compile-time warnings of the script itself, of compile(), exec() and eval().
import sys

x = 1
if x is 1: pass
if x is not 'a': pass
if x is (): pass
if x is -1 or x is None or x is ...: pass
if 1 is x is 2: pass
assert (x, 1)
s = "\d"
b = b"\d\e"
t = "\777"
f = f"\d{x}\q{x:>{x}}"
n = "\N{BULLET} \П"
z = 1if x else 2


def g():
    return (1)(2), [1, 2][3, 4], {1}[0], "ab"["x"], (x for x in ())[0], None(), f"{x}"()


def ok():
    return [1, 2][0], "ab"[x], (1, 2)[0:1], {}[1], [][True], x is True, (1)[x] if x else 0


print("module compiled", file=sys.stderr)
c = compile("y is 2\nassert (y,)\n", "<s>", "exec")
compile("(lambda: 0)[0]", "<s>", "eval")
compile("1 is 1", __file__, "exec")
exec("q = 5\nq is 5\n")
print(eval("x is 1"), file=sys.stderr)
compile(b"'\\d'\n", "<bytes>", "exec")
compile("'\\d'\n", "<s>", "exec")
print("done", file=sys.stderr)
