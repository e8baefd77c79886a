# Class definition, instances, attributes, methods, class vs instance attributes.
class Point:
    """A point."""
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def moved(self, dx=0, dy=0):
        return Point(self.x + dx, self.y + dy)
p = Point(3, 4)
print(p.x, p.y, p.norm2(), p.dims, Point.dims, p.moved(1).x, Point.norm2(p), Point.__doc__, Point.__name__)
print(p.__dict__, sorted(k for k in Point.__dict__ if not k.startswith("__")), type(p).__name__, p.__class__ is Point)
p.dims = 3
print(p.dims, Point.dims, p.__dict__)
del p.dims
print(p.dims)
Point.dims = 5
print(p.dims)
p.z = 10
print(p.z, vars(p))
q = Point(0, 0)
print(hasattr(q, "z"), getattr(q, "z", "none"), isinstance(p, Point), isinstance(3, Point))
class Empty:
    pass
e = Empty()
e.anything = [1]
print(e.anything, Empty.__bases__, Empty.__mro__, Empty.__module__, Empty.__qualname__)
print(Point, repr(Point), str(Empty), type(Point), type(type))
try:
    p.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    Point.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    Point(1)
except TypeError as e:
    print("TypeError:", e)
try:
    Empty(1)
except TypeError as e:
    print("TypeError:", e)
class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
        self.id = Counter.count
cs = [Counter() for _ in range(3)]
print(Counter.count, [c.id for c in cs])
m = p.norm2
print(m(), m.__self__ is p, m.__func__ is Point.norm2, m.__name__)
