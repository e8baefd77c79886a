# How deeply source may nest: CPython's parser stack (MemoryError), its compiler's
# recursion limit (RecursionError "... during compilation"), the tokenizer's bracket and
# indentation limits; pathological inputs end in those errors, never a crash.
import sys


def outcome(src, mode="eval"):
    try:
        compile(src, "<nest>", mode)
        return "ok"
    except (RecursionError, MemoryError, SyntaxError) as e:
        return f"{type(e).__name__}: {e}"


def around(make, below=2900, above=3100):
    # CPython's exact boundary depends on how it counts its own C frames; well inside and
    # well past it the outcome is fixed
    return outcome(make(below), "exec"), outcome(make(above), "exec")


print("unary", around(lambda n: "x = " + "-" * n + "1"))
print("not", around(lambda n: "x = " + "not " * n + "1"))
print("binop chain", around(lambda n: "x = " + "+".join(["1"] * n)))
print("attribute chain", around(lambda n: "x = a" + ".b" * n))
print("call chain", around(lambda n: "x = f" + "()" * n))


def in_function(k):
    if k:
        return in_function(k - 1)
    return around(lambda n: "x = " + "-" * n + "1", 2800, 2990)


print("unary, 60 frames down", in_function(60))
print(outcome("-" * 3100 + "1"))
print(outcome("(" * 199 + ")" * 199))
print(outcome("(" * 200 + ")" * 200))

old = sys.getrecursionlimit()
sys.setrecursionlimit(100000)
print(outcome("-" * 5000 + "1"))
print(outcome("-" * 6000 + "1"))
print(outcome("-" * 1000000 + "1"))
print(outcome("not " * 1000000 + "1"))
print(outcome("1 if 1 else " * 100000 + "1"))
print(outcome("**".join(["2"] * 100000)))
print(outcome("lambda: " * 100000 + "1"))
print(outcome("-" * 1000000 + "1 +"))
sys.setrecursionlimit(old)
print(outcome("+".join(["1"] * 200000)))
print(outcome("a" + "[0]" * 100000))


def indented(levels):
    lines = [" " * i + "if 1:" for i in range(levels)]
    lines.append(" " * levels + "pass")
    return "\n".join(lines) + "\n"


print(outcome(indented(99), "exec"))
print(outcome(indented(100), "exec"))
