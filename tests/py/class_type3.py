# type() with one and three arguments.
print(type(1), type("s"), type([]), type(None), type(type), type(len).__name__, type(lambda: 0).__name__)
def init(self, v):
    self.v = v
Dyn = type("Dyn", (), {"x": 1, "__init__": init, "double": lambda self: self.v * 2})
d = Dyn(21)
print(Dyn.__name__, Dyn.x, d.v, d.double(), Dyn.__bases__, Dyn.__module__, Dyn.__qualname__)
Sub = type("Sub", (Dyn,), {"x": 2})
print(Sub(1).double(), Sub.x, [c.__name__ for c in Sub.__mro__], isinstance(Sub(0), Dyn))
Empty = type("Empty", (object,), {})
print(Empty.__name__, Empty().__class__.__name__)
WithDoc = type("WithDoc", (), {"__doc__": "dynamic doc", "__slots__": ("a",)})
print(WithDoc.__doc__, WithDoc.__slots__)
for args in [(1, 2), ("N", (), {}, 1), ("N", 5, {}), ("N", (), 5), (5, (), {}), ("N", (1,), {})]:
    try:
        type(*args)
    except TypeError as e:
        print("TypeError:", e)
class Meta(type):
    pass
M = Meta("M", (), {"k": "v"})
print(type(M).__name__, M.k)
print(type.__name__, type(int).__name__, type(type(object())).__name__)
t = type("T", (int,), {})
print(t(5) + 1, type(t(5)).__name__)
