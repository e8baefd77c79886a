# dict comprehensions and | / |= operators.
print({x: x * x for x in range(6)})
print({k: v for k, v in [("a", 1), ("b", 2), ("a", 3)]})
print({v: k for k, v in {"a": 1, "b": 2}.items()})
print({(i, j): i * j for i in range(3) for j in range(3) if i <= j})
print({c: "abc".index(c) for c in "cab"})
a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
print(a | b, b | a, a, b)
a |= b
print(a)
a |= [("w", 0)]
print(a)
try:
    a | [("q", 1)]
except TypeError as e:
    print("TypeError:", e)
print({**a, "extra": 1}, {**{}, **{"k": 1}}, dict(**{"s": 1}))
class D(dict):
    pass
r = D(a=1) | {"b": 2}
print(type(r).__name__, r)
