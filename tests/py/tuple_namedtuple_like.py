# A namedtuple-like factory using type() and tuple subclassing.
def record_type(name, fields):
    fields = tuple(fields.replace(",", " ").split())
    def __new__(cls, *args, **kwargs):
        if len(args) > len(fields):
            raise TypeError(f"{name} takes {len(fields)} arguments")
        values = list(args) + [kwargs.pop(f) for f in fields[len(args):] if f in kwargs]
        if kwargs:
            raise TypeError(f"unexpected fields: {sorted(kwargs)}")
        if len(values) != len(fields):
            raise TypeError(f"{name} expected {len(fields)} values, got {len(values)}")
        return tuple.__new__(cls, values)
    def __repr__(self):
        return f"{name}(" + ", ".join(f"{f}={v!r}" for f, v in zip(fields, self)) + ")"
    def _replace(self, **kw):
        return type(self)(*[kw.get(f, v) for f, v in zip(fields, self)])
    def _asdict(self):
        return dict(zip(fields, self))
    ns = {"__new__": __new__, "__repr__": __repr__, "_replace": _replace, "_asdict": _asdict, "_fields": fields, "__slots__": ()}
    for i, f in enumerate(fields):
        ns[f] = property(lambda self, i=i: self[i])
    return type(name, (tuple,), ns)
Point = record_type("Point", "x, y")
Color = record_type("Color", "r g b")
p = Point(1, y=2)
print(p, p.x, p.y, p[0], len(p), p == (1, 2), isinstance(p, tuple), hash(p) == hash((1, 2)))
x, y = p
print(x, y, p._replace(y=9), p._asdict(), Point._fields, sorted([Point(2, 1), Point(1, 5)]))
print(Color(255, 128, 0), max(Color(1, 2, 3), Color(1, 3, 0)), Color(*range(3)) + (4,))
for bad in [lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, z=2), lambda: setattr(p, "x", 5), lambda: setattr(p, "z", 5)]:
    try:
        bad()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
print(type(p).__name__, type(p).__mro__[1].__name__, {p: "point"}[(1, 2)])
