# Self-referencing containers repr and nested structures.
a = [1, 2]
a.append(a)
print(a, len(a), a[2] is a)
d = {"k": 1}
d["self"] = d
print(d)
t = ([],)
t[0].append(t)
print(t)
b = [a, a]
print(b)
nested = [1, [2, [3, [4, [5]]]]]
print(nested, nested[1][1][1][1][0])
print(repr([[], [[]], [[], [[]]]]))
s = [{"a": (1, 2)}, ({"b"},), [frozenset()], set(), {}]
print(s)
print([1.0, -0.0, float("inf")], ["'", '"'], [None, True, ...])
