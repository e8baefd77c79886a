# dict views: keys/values/items, set operations, live updates.
d = {"a": 1, "b": 2, "c": 3}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i, len(k), len(v), len(i))
d["d"] = 4
print(list(k), list(v), list(i))
print("a" in k, 2 in v, ("a", 1) in i, ("a", 2) in i, ["a", 1] in i if False else 0)
print(sorted(k & {"a", "z"}), sorted(k | {"z"}), sorted(k - {"a"}), sorted(k ^ {"a", "q"}))
print(sorted(i & {("a", 1), ("b", 5)}), k == {"a", "b", "c", "d"}, k <= {"a", "b", "c", "d", "e"})
print(k.isdisjoint({"x"}), list(reversed(k)), list(reversed(v)), list(reversed(i)))
print(type(k).__name__, type(v).__name__, type(i).__name__)
it = iter(d)
next(it)
d["e"] = 5
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    for key in d:
        del d[key]
except RuntimeError as e:
    print("RuntimeError:", e)
print(d)
try:
    v == v
    print(v == v, d.values() == d.values())
except Exception as e:
    print(e)
e = {}
print(e.keys(), e.values(), e.items(), list(e.items()))
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0))
