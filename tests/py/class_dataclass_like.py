# A hand-written dataclass-style decorator using class annotations and exec-free closures.
def record(cls):
    fields = list(cls.__annotations__)
    defaults = {f: cls.__dict__[f] for f in fields if f in cls.__dict__}
    def __init__(self, *args, **kwargs):
        if len(args) > len(fields):
            raise TypeError(f"{cls.__name__}() takes {len(fields)} positional arguments but {len(args)} were given")
        values = dict(zip(fields, args))
        for k, v in kwargs.items():
            if k not in fields:
                raise TypeError(f"{cls.__name__}() got an unexpected keyword argument {k!r}")
            if k in values:
                raise TypeError(f"{cls.__name__}() got multiple values for argument {k!r}")
            values[k] = v
        for f in fields:
            if f not in values:
                if f not in defaults:
                    raise TypeError(f"{cls.__name__}() missing required argument {f!r}")
                values[f] = defaults[f]
            setattr(self, f, values[f])
    def __repr__(self):
        return f"{cls.__name__}(" + ", ".join(f"{f}={getattr(self, f)!r}" for f in fields) + ")"
    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, f) == getattr(other, f) for f in fields)
    def __hash__(self):
        return hash(tuple(getattr(self, f) for f in fields))
    def __lt__(self, other):
        return tuple(getattr(self, f) for f in fields) < tuple(getattr(other, f) for f in fields)
    cls.__init__, cls.__repr__, cls.__eq__, cls.__hash__, cls.__lt__ = __init__, __repr__, __eq__, __hash__, __lt__
    cls.__match_args__ = tuple(fields)
    cls._fields = tuple(fields)
    return cls
@record
class Point:
    x: int
    y: int = 0
    label: str = "p"
@record
class Line:
    start: Point
    end: Point
p = Point(1, 2)
q = Point(1, y=2)
r = Point(x=5)
print(p, r, p == q, p == r, p != r, hash(p) == hash(q), len({p, q, r}), sorted([r, p, Point(0, 9)]))
print(Point._fields, Point.__match_args__, Line(p, r))
for bad in [lambda: Point(), lambda: Point(1, 2, "l", 4), lambda: Point(1, z=3), lambda: Point(1, x=2)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
match Line(Point(0, 0), Point(3, 4)):
    case Line(Point(0, 0), Point(x, y)):
        print("line from origin to", x, y)
print(p == (1, 2, "p"), Point(1, 2, "p") == p)
