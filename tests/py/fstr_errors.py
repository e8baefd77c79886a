# Errors from f-strings and their compile-time checks.
for src in ['f"{}"', 'f"{"', 'f"}"', 'f"{x!z}"', 'f"{x:{y:{z}}}"' if False else 'f"{!r}"', 'f"{#}"']:
    try:
        compile(src, "<f>", "eval")
        print("compiled", src)
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
x = "s"
try:
    f"{x:d}"
except ValueError as e:
    print("ValueError:", e)
try:
    f"{undefined_name}"
except NameError as e:
    print("NameError:", e)
try:
    f"{1/0}"
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
class Bad:
    def __format__(self, spec):
        return 5
try:
    f"{Bad()}"
except TypeError as e:
    print("TypeError:", e)
class NoStr:
    def __str__(self):
        raise RuntimeError("no str")
    def __repr__(self):
        return "NoStr()"
try:
    f"{NoStr()}"
except RuntimeError as e:
    print("RuntimeError:", e)
print(f"{NoStr()!r}")
