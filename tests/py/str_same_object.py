# Methods that leave an exact str unchanged return the same object, as CPython (pickle's memo
# relies on it: a str pickled twice at protocol 0); subclasses get a new exact str.
s = "hello world"
print(s.replace("z", "y") is s, s.strip() is s, s.lstrip("x") is s, s.rstrip() is s)
print(s.ljust(3) is s, s.rjust(5) is s, s.center(2) is s, s.zfill(4) is s, "".join([s]) is s)
print(s.replace("o", "0"), s.strip("hd"), s.ljust(13, "*"), "-".join([s]))
class S(str):
    pass
t = S("abc")
print(type(t.strip()).__name__, type(t.replace("x", "y")).__name__, type("".join([t])).__name__)
import pickle
class Box(set):
    pass
b = Box([1])
b.x = ["x"]
for p in range(6):
    c = pickle.loads(pickle.dumps(b, p))
    print(type(c).__name__, sorted(c), c.x, end="; ")
print()
class F(frozenset):
    pass
print(type(F("ab").union("c")).__name__, type(F("ab").copy()).__name__, type(F("a") | F("b")).__name__)
f = frozenset("a")
print(f.copy() is f)
it = iter({1, 2, 3})
next(it)
print(it.__length_hint__(), iter({1: 2}).__length_hint__(), reversed([1, 2, 3]).__length_hint__())
