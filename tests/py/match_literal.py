# match: literal and value patterns.
def classify(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case "hello":
            return "greeting"
        case b"bytes":
            return "bytes literal"
        case True:
            return "True"
        case None:
            return "None"
        case 2j:
            return "imaginary"
        case _:
            return "other " + repr(x)
for v in [0, 1, 3, -1, 1.5, "hello", b"bytes", True, None, 2j, 0.0, False, 1.0, "other", [], 4]:
    print(repr(v), "->", classify(v))
class Color:
    RED = "red"
    GREEN = "green"
def color(c):
    match c:
        case Color.RED:
            return "is red"
        case Color.GREEN:
            return "is green"
        case other:
            return "unknown " + other
print(color("red"), color("green"), color("blue"))
match 5:
    case 4:
        print("four")
print("no case matched, fine")
def neg(x):
    match x:
        case -0:
            return "neg zero"
        case 1 + 2j:
            return "complex"
        case -1.5 - 2j:
            return "neg complex"
    return "none"
print(neg(0), neg(1 + 2j), neg(-1.5 - 2j), neg(7))
