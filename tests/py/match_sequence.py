# match: sequence and capture patterns.
def m(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return f"one: {a}"
        case [a, b]:
            return f"two: {a}, {b}"
        case [0, *rest]:
            return f"starts with 0, rest {rest}"
        case [first, *_, last]:
            return f"first {first} last {last}"
print(m([]), m([1]), m((1, 2)), m([0, 1, 2]), m([5, 6, 7, 8]), m(range(3)) if False else "")
print(m("ab"), m(b"ab"), m({1: 2}), m(range(4)))
def nested(x):
    match x:
        case [(a, b), [c, *d]]:
            return (a, b, c, d)
        case [[_, _], _] as whole:
            return ("whole", whole)
        case [int(), str()]:
            return "int and str"
    return "no match"
print(nested([(1, 2), [3, 4, 5]]), nested([[1, 2], 3]), nested([1, "s"]), nested([1, 2]))
def star_middle(x):
    match x:
        case [1, *mid, 9]:
            return mid
        case (*init, "end"):
            return init
    return None
print(star_middle([1, 9]), star_middle([1, 2, 3, 9]), star_middle(["a", "end"]), star_middle([2]))
def point(p):
    match p:
        case (0, 0):
            return "origin"
        case (0, y):
            return f"y-axis {y}"
        case (x, 0):
            return f"x-axis {x}"
        case (x, y) if x == y:
            return f"diagonal {x}"
        case (x, y):
            return f"point {x},{y}"
        case _:
            return "not a point"
print([point(p) for p in [(0, 0), (0, 5), (3, 0), (2, 2), [1, 4], (1, 2, 3), "xy"]])
match [1, [2, 3]]:
    case [x, [y, z]]:
        print("bound", x, y, z)
print("captures leak into scope:", x, y, z)
