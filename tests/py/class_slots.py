# __slots__.
class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = P(1, 2)
print(p.x, p.y, hasattr(p, "__dict__"), P.__slots__, type(P.__dict__["x"]).__name__)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
del p.x
try:
    p.x
except AttributeError as e:
    print("AttributeError:", e)
p.x = 10
print(p.x)
class Q(P):
    pass
q = Q(1, 2)
q.z = 3
print(q.z, q.__dict__)
class R(P):
    __slots__ = ("w",)
r = R(1, 2)
r.w = 5
print(r.x, r.w)
try:
    r.v = 1
except AttributeError as e:
    print("AttributeError:", e)
class WithDict:
    __slots__ = ("a", "__dict__")
w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.__dict__)
try:
    class Conflict:
        __slots__ = ("x",)
        x = 5
except ValueError as e:
    print("ValueError:", e)
class S:
    __slots__ = "single"
s = S()
s.single = "one"
print(s.single, S.__slots__)
class Empty:
    __slots__ = ()
try:
    Empty().a = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    P.__new__(P).x
except AttributeError as e:
    print("AttributeError:", e)
