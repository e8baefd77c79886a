# bool is a subclass of int; and/or/not semantics.
print(True, False, repr(True), str(False), int(True), float(False))
print(isinstance(True, int), issubclass(bool, int), type(True).__name__, bool.__mro__)
print(True + True, True * 3, -True, ~True, ~False, True / 2, True // 2, True ** 10)
print(True & False, True | False, True ^ True, True == 1, False == 0)
print(bool(), bool(0), bool(1), bool(-1), bool(0.0), bool(""), bool("a"), bool([]), bool([0]),
      bool(()), bool({}), bool(None), bool(set()), bool(range(0)), bool(range(1)), bool(b""))
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, "" or "x", None or 0, [] and 5)
print(not 0, not 1, not "", not None, not [1])
calls = []
def f(v):
    calls.append(v)
    return v
print(f(0) and f(1), f(1) or f(2), f(0) or f(0) or f(3), calls)
print(True.__and__(False), True.__or__(1), type(True.__or__(1)).__name__)
print(hash(True), hash(False), {True: "a", 1: "b"}, {1, True, 1.0})
print(str(True).upper(), f"{True}", f"{True:d}", f"{True:>6}", "%s %d" % (True, True))
print(sum([True, True, False]), max(False, True), sorted([True, False, 0, 1]))
try:
    bool.__new__(bool, 1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    class B(bool):
        pass
except TypeError as e:
    print("TypeError:", e)
