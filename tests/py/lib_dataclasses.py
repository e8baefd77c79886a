import dataclasses
from dataclasses import dataclass, field, asdict, astuple, replace, fields, is_dataclass


@dataclass(order=True, frozen=True)
class P:
    x: int
    y: int = 0
    tags: tuple = field(default=(), compare=False)


p = P(1, 2)
print(p, asdict(p), astuple(p), replace(p, y=5), P(1) < P(2), hash(p) == hash(P(1, 2)))
print(P.__doc__, [f.name for f in fields(P)], is_dataclass(p), is_dataclass(int))
try:
    p.x = 3
except dataclasses.FrozenInstanceError as e:
    print("frozen:", e)


@dataclass
class Q:
    items: list = field(default_factory=list)
    name: str = "q"

    def total(self):
        return sum(self.items)


q = Q([1, 2])
print(q, q.total(), Q(), Q() == Q(), Q([1]) == Q([2]))


@dataclass
class R(Q):
    extra: int = 7

    def __post_init__(self):
        self.extra *= 2


print(R([3], "r"), fields(R)[2].default)
try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e:
    print("TypeError:", e)
try:
    @dataclass
    class Bad2:
        a: list = []
except ValueError as e:
    print("ValueError:", e)
Point = dataclasses.make_dataclass("Point", [("x", int), ("y", int, dataclasses.field(default=0))])
print(Point(3), Point(1, 2) == Point(1, 2))


@dataclass(slots=True)
class S:
    a: int
    b: str = "b"


print(S(1), S.__slots__, hasattr(S(1), "__dict__"))
