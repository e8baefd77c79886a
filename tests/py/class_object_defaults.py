# Default behaviour inherited from object.
class P:
    pass
a, b = P(), P()
print(a == a, a == b, a != b, a != a, a.__eq__(b), a.__ne__(a), a.__eq__(a))
print(P.__init__ is object.__init__, P.__hash__ is object.__hash__, P.__eq__ is object.__eq__)
print(type(a).__name__, P.__bases__, P.__doc__, P.__dict__.get("__module__"))
print(object.__lt__(a, b), a.__lt__(b), a.__le__(a))
try:
    a < b
except TypeError as e:
    print("TypeError:", e)
print(str(a) == repr(a), format(a, "") == str(a))
print(a.__class__ is P, a.__class__.__class__ is type, object.__class__ is type)
print(dir(P) == sorted(dir(P)), "__init__" in dir(a), "__dict__" in dir(a))
print("__dict__" in set(dir(a)) - set(dir(object)))
try:
    a.__class__ = int
except TypeError as e:
    print("TypeError:", e)
class Q:
    pass
a.__class__ = Q
print(type(a).__name__)
print(object.__name__, object.__bases__, object.__mro__, type.__bases__)
print(issubclass(type, object), issubclass(object, type))
o = object()
try:
    o.attr = 1
except AttributeError as e:
    print("AttributeError:", e)
print(vars(P()) == {}, P().__dict__)
try:
    vars(1)
except TypeError as e:
    print("TypeError:", e)
print(object.__subclasshook__(int) is NotImplemented)
print(P.__name__, P.__qualname__, P.__module__)
P.__name__ = "Renamed"
print(P.__name__, P.__qualname__)
