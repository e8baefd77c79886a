# Operator dispatch edge cases: subclass priority, NotImplemented from both sides, __bool__ in conditions.
class Base:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return f"Base.__add__({self.v}, {getattr(o, 'v', o)})"
    def __radd__(self, o):
        return f"Base.__radd__({self.v}, {getattr(o, 'v', o)})"
    def __lt__(self, o):
        return f"Base.__lt__"
    def __gt__(self, o):
        return f"Base.__gt__"
class Derived(Base):
    def __radd__(self, o):
        return f"Derived.__radd__({self.v}, {getattr(o, 'v', o)})"
    def __gt__(self, o):
        return f"Derived.__gt__"
print(Base(1) + Derived(2))
print(Derived(2) + Base(1))
print(Base(1) < Derived(2))
print(Derived(1) < Base(2))
print(1 + Base(5), Base(5) + 1)
class Neither:
    def __add__(self, o):
        return NotImplemented
    def __radd__(self, o):
        return NotImplemented
try:
    Neither() + Neither()
except TypeError as e:
    print("TypeError:", e)
class Str(str):
    def __add__(self, o):
        return "Str+" + o
    def __radd__(self, o):
        return o + "+Str"
print(Str("a") + "b", "b" + Str("a"))
class L(list):
    def __radd__(self, o):
        return "L.__radd__"
print([1] + L([2]))
class Num(int):
    def __radd__(self, o):
        return "Num.__radd__"
print(1 + Num(2), Num(2) + 1)
class Fl(float):
    def __rmul__(self, o):
        return "Fl.__rmul__"
print(2 * Fl(1.5), 2.0 * Fl(1.5), Fl(1.5) * 2)
