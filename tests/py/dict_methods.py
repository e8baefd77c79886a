# dict methods.
d = {"x": 1, "y": 2}
print(d.get("x"), d.get("z"), d.get("z", 0), d.setdefault("x", 100), d.setdefault("z", 3), d)
print(d.pop("z"), d.pop("z", "gone"), d)
try:
    d.pop("z")
except KeyError as e:
    print("KeyError:", e)
d.update({"a": 1}, b=2)
d.update([("c", 3)])
d.update(x=-1)
print(d)
print(d.popitem(), d.popitem(), d)
c = d.copy()
c["new"] = 1
print(d, c)
c.clear()
print(c)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
try:
    d.update(1)
except TypeError as e:
    print("TypeError:", e)
try:
    d.update([1])
except TypeError as e:
    print("TypeError:", e)
try:
    d.get()
except TypeError as e:
    print("TypeError:", e)
class Missing(dict):
    def __missing__(self, key):
        return "missing:" + str(key)
m = Missing(a=1)
print(m["a"], m["b"], m.get("b"), "b" in m, m)
lst = sorted({"b": 2, "a": 1}.items())
print(lst, dict(lst), dict(sorted({"b": 2, "a": 1, "c": 0}.items(), key=lambda kv: kv[1])))
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, max(counts, key=counts.get), sorted(counts, key=lambda k: (-counts[k], k)))
groups = {}
for w in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups.setdefault(w[0], []).append(w)
print(groups)
print(dict.__name__, {}.__len__(), {1: 2}.__getitem__(1), {1: 2}.__contains__(1))
