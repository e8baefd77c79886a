# Abstract-base-class behaviour built by hand with __init_subclass__ and a marker decorator.
def abstract(fn):
    fn.__isabstract__ = True
    return fn
class Base:
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        cls.__abstract__ = frozenset(
            name for klass in cls.__mro__ for name, v in vars(klass).items()
            if getattr(v, "__isabstract__", False) and getattr(cls, name) is v
        )
    def __new__(cls, *args, **kwargs):
        missing = getattr(cls, "__abstract__", frozenset())
        if missing:
            raise TypeError(f"Can't instantiate abstract class {cls.__name__} with abstract methods {', '.join(sorted(missing))}")
        return super().__new__(cls)
class Shape(Base):
    @abstract
    def area(self): ...
    @abstract
    def perimeter(self): ...
    def describe(self):
        return f"{type(self).__name__}: area={self.area():.2f} perimeter={self.perimeter():.2f}"
class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
    def perimeter(self):
        return 2 * (self.w + self.h)
class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
class HalfDone(Shape):
    def area(self):
        return 0
for cls, args in [(Rect, (2, 3.5)), (Square, (4,)), (Shape, ()), (HalfDone, ())]:
    try:
        print(cls(*args).describe())
    except TypeError as e:
        print("TypeError:", e)
print(sorted(Shape.__abstract__), sorted(HalfDone.__abstract__), sorted(Rect.__abstract__))
print(Shape.area(None), isinstance(Square(1), Shape), [c.__name__ for c in Square.__mro__])
