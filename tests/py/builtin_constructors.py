# Calling builtin types as constructors with various arguments.
print(int(), float(), complex(), str(), bytes(), bytearray(), list(), tuple(), dict(), set(), frozenset(), bool(), object().__class__.__name__)
print(int("7"), float("7"), complex("7"), str(7), list("ab"), tuple([1]), dict(a=1), set("aa"), frozenset([1]), bool("x"))
print(list(range(3)), tuple({"a": 1}), set({1: 2}), dict([(1, 2)]), str([1, 2]), bytes([1, 2]), list(b"ab"))
print(type(int("5")) is int, type(str(5)) is str, list is type([]), type(list) is type)
print(slice(1, 2), range(1, 2), property().fget, staticmethod(abs).__func__ is abs, classmethod(abs).__func__ is abs)
for bad in [lambda: list(1), lambda: tuple(1), lambda: dict(1), lambda: set(1), lambda: str(1, 2), lambda: list([], []),
            lambda: int("1", 2, 3), lambda: float(1, 2), lambda: bool(1, 2), lambda: dict(1, 2), lambda: frozenset(1),
            lambda: bytes("x"), lambda: bytearray(-1), lambda: object(1), lambda: complex("x"), lambda: slice()]:
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print(int.__name__, float.__qualname__, dict.__module__, list.__doc__.splitlines()[0])
