# Rich comparison dunders, reflection, and defaults.
class C:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"C({self.v})"
    def __eq__(self, o):
        print("eq", self, o)
        return isinstance(o, C) and self.v == o.v
    def __lt__(self, o):
        print("lt", self, o)
        return self.v < o.v
    def __le__(self, o):
        return self.v <= o.v
a, b = C(1), C(2)
print(a == b, a != b, a < b, b > a, a <= b, b >= a)
print(a == 1, 1 == a)
class Only:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
x, y = Only(1), Only(2)
print(x < y, y > x)
try:
    x <= y
except TypeError as e:
    print("TypeError:", e)
print(x == x, x == y, x != y)
class NE:
    def __eq__(self, o):
        return "custom-eq"
print(NE() == 1, NE() != 1)
class AlwaysNE:
    def __ne__(self, o):
        return "custom-ne"
print(AlwaysNE() != 1, AlwaysNE() == 1)
class Sub(C):
    def __eq__(self, o):
        print("Sub.eq", self, o)
        return "sub-result"
print(C(1) == Sub(1))
class RetNI:
    def __eq__(self, o):
        return NotImplemented
    def __lt__(self, o):
        return NotImplemented
r = RetNI()
print(r == r, r == RetNI(), r != RetNI())
try:
    r < r
except TypeError as e:
    print("TypeError:", e)
print(sorted([C(3), C(1), C(2)]) if False else "skip")
print([C(1)] == [C(1)], C(1) in [C(0), C(1)])
class Tot:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __gt__(self, o): return self.v > o.v
print(max([Tot(1), Tot(5), Tot(3)]).v, Tot(1) < Tot(2))
