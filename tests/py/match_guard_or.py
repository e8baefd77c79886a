# match: guards, or-patterns, as-patterns, wildcard, evaluation order.
def fizz(n):
    match (n % 3, n % 5):
        case (0, 0):
            return "FizzBuzz"
        case (0, _):
            return "Fizz"
        case (_, 0):
            return "Buzz"
        case _:
            return str(n)
print([fizz(i) for i in range(1, 16)])
def grade(score):
    match score:
        case int(s) | float(s) if s >= 90:
            return "A"
        case int(s) | float(s) if s >= 80:
            return "B"
        case int() | float():
            return "C or below"
        case _:
            return "invalid"
print([grade(s) for s in [95, 85.5, 10, "x"]])
def alt(x):
    match x:
        case [1, y] | [y, 1]:
            return f"y={y}"
        case (("a" | "b") as letter, *_):
            return f"letter {letter}"
        case {"k": ("v1" | "v2") as v}:
            return f"v={v}"
    return "none"
print(alt([1, 5]), alt([7, 1]), alt(("b", 2, 3)), alt({"k": "v2"}), alt({"k": "v3"}))
calls = []
def guard(tag, result):
    calls.append(tag)
    return result
match 5:
    case 1 if guard("g1", True):
        pass
    case int() if guard("g2", False):
        pass
    case int(x) if guard("g3", True):
        print("third case, x =", x)
print(calls)
match [1, 2]:
    case [a, b] if a > b:
        print("no")
    case [a, b]:
        print("guard failed but captures rebound", a, b)
for src in ["match x:\n    case a | b:\n        pass\n", "match x:\n    case [a, a]:\n        pass\n",
            "match x:\n    case _:\n        pass\n    case 1:\n        pass\n", "match x:\n    case y:\n        pass\n    case 2:\n        pass\n",
            "match x:\n    case 1 | y:\n        pass\n"]:
    try:
        compile(src, "<s>", "exec")
        print("compiled")
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
match = 5
case = "soft keywords"
print(match, case)
