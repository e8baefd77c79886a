import enum


class Color(enum.Enum):
    RED = 1
    GREEN = enum.auto()
    BLUE = enum.auto()


class F(enum.IntFlag):
    A = 1
    B = 2
    C = 4


class S(str, enum.Enum):
    X = "x"
    Y = "y"


class Perm(enum.Flag):
    R = enum.auto()
    W = enum.auto()
    X = enum.auto()


print(Color.RED, repr(Color.GREEN), Color(2), list(Color), Color["BLUE"].value, len(Color))
print(F.A | F.B, repr(F.A | F.B), str(F.C), format(F.A), F(3), int(F.A | F.C), F.A in (F.A | F.B))
print(S.X == "x", f"{S.X}", str(S.Y), repr(S.Y), S("y") is S.Y)
print(Perm.R | Perm.W, list(Perm.R | Perm.X), Perm(0), bool(Perm(0)), ~Perm.R)
print(Color.RED.name, Color.RED.value, Color.RED is Color(1), isinstance(Color.RED, Color))
print({c: c.value for c in Color})
try:
    Color(9)
except ValueError as e:
    print("ValueError:", e)
try:
    Color.RED = 5
except AttributeError as e:
    print("AttributeError:", e)


@enum.unique
class U(enum.Enum):
    A = 1
    B = 2


try:
    @enum.unique
    class D(enum.Enum):
        A = 1
        B = 1
except ValueError as e:
    print("ValueError:", e)


class Planet(enum.Enum):
    EARTH = (5.97e24, 6.37e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def gravity(self):
        return 6.67e-11 * self.mass / self.radius ** 2


print(round(Planet.EARTH.gravity, 2), Planet.EARTH.mass)
IE = enum.IntEnum("IE", "ONE TWO THREE")
print(IE.TWO, IE.TWO + 1, IE(3).name, sorted([IE.THREE, IE.ONE]))
print(enum.StrEnum("SE", ["a", "b"]).a == "a")
