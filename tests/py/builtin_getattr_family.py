# getattr, setattr, hasattr, delattr.
class C:
    cls_attr = "class"
    def method(self):
        return "method"
c = C()
print(getattr(c, "cls_attr"), getattr(c, "missing", None), getattr(c, "method")(), hasattr(c, "cls_attr"), hasattr(c, "x"))
setattr(c, "x", 10)
print(c.x, hasattr(c, "x"), getattr(C, "cls_attr"), getattr(1, "real"), getattr("s", "upper")())
delattr(c, "x")
print(hasattr(c, "x"))
setattr(C, "added", "via setattr")
print(c.added)
delattr(C, "added")
for bad in [lambda: getattr(c, "missing"), lambda: getattr(c, 5), lambda: setattr(c, 5, 1), lambda: delattr(c, "nope"),
            lambda: getattr(c), lambda: hasattr(c, None), lambda: setattr(1, "x", 2), lambda: delattr(C, "nope")]:
    try:
        print(bad())
    except (AttributeError, TypeError) as e:
        print(type(e).__name__ + ":", e)
class Raises:
    @property
    def bad(self):
        raise ValueError("property error is not swallowed")
    @property
    def attr_err(self):
        raise AttributeError("swallowed by hasattr")
try:
    hasattr(Raises(), "bad")
except ValueError as e:
    print("ValueError:", e)
print(hasattr(Raises(), "attr_err"), getattr(Raises(), "attr_err", "default used"))
setattr(c, "with space", 1)
print(getattr(c, "with space"), vars(c))
print(getattr(c, "__class__").__name__, getattr(C, "__name__"), getattr(C, "method").__name__)
