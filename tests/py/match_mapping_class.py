# match: mapping and class patterns, __match_args__.
def handle(ev):
    match ev:
        case {"type": "click", "pos": (x, y)}:
            return f"click at {x},{y}"
        case {"type": "key", "key": str(k), **rest}:
            return f"key {k} extra {rest}"
        case {"type": t}:
            return f"unknown event {t}"
        case {}:
            return "empty-ish mapping"
    return "not a mapping"
for ev in [{"type": "click", "pos": (1, 2)}, {"type": "key", "key": "q", "mod": "ctrl"}, {"type": "scroll"},
           {"other": 1}, [("type", "click")], {"type": "key", "key": 5}]:
    print(handle(ev))
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
class Circle:
    def __init__(self, c, r):
        self.c, self.r = c, r
def shape(s):
    match s:
        case Point(0, 0):
            return "origin"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point(x=0, y=yy):
            return f"on y axis at {yy}"
        case Circle(c=Point(x, y), r=r) if r > 10:
            return f"big circle at {x},{y}"
        case Circle(r=r):
            return f"circle r={r}"
        case Point():
            return "some point"
        case int(n) | float(n):
            return f"number {n}"
        case str() as s:
            return f"string {s!r}"
        case list([int(), *_]):
            return "list starting with int"
        case bool(b):
            return "unreachable"
    return "unknown"
for s in [Point(0, 0), Point(3, 0), Point(0, 4), Circle(Point(1, 2), 20), Circle(Point(1, 2), 5), Point(1, 1), 7, 2.5, "s", [1, "x"], True, None]:
    print(shape(s))
class NoArgs:
    pass
try:
    match NoArgs():
        case NoArgs(1):
            pass
except TypeError as e:
    print("TypeError:", e)
class TooMany:
    __match_args__ = ("a",)
    a = 1
try:
    match TooMany():
        case TooMany(1, 2):
            pass
except TypeError as e:
    print("TypeError:", e)
match {"a": 1, "b": 2}:
    case {"a": 1, **others}:
        print("others:", others)
class D(dict):
    def __missing__(self, k):
        return "missing!"
match D(x=1):
    case {"y": v}:
        print("matched via __missing__?", v)
    case _:
        print("mapping patterns use get, not __missing__")
