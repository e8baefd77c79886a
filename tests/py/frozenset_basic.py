# frozenset: hashable, immutable, operations return frozenset.
f = frozenset([3, 1, 2, 3])
print(f, len(f), 2 in f, frozenset(), frozenset("aab"), type(f | {9}).__name__, f | {9})
print(hash(f) == hash(frozenset([1, 2, 3])), {f: "value"}[frozenset({1, 2, 3})])
print({frozenset([1]), frozenset([1]), frozenset([2])} == {frozenset([1]), frozenset([2])})
print(f & {1, 5}, f - {1}, f ^ {1, 7}, f.union([4]), f.copy() == f, f.issubset({1, 2, 3, 4}))
try:
    f.add(4)
except AttributeError as e:
    print("AttributeError:", e)
print(frozenset([1, 2]) == {1, 2}, hash(frozenset()) == hash(frozenset([])))
nested = frozenset([frozenset([1, 2]), frozenset([3])])
print(frozenset([1, 2]) in nested, len(nested))
s = {1, 2}
print({frozenset({1, 2}): 1}.get(frozenset(s)), frozenset(s) in {frozenset({2, 1})})
try:
    {s}
except TypeError as e:
    print("TypeError:", e)
print(repr(frozenset({"x"})), str(frozenset({4, 5})))
