# hash() of tuples, frozensets, None-ish objects, and unhashable types.
for t in [(), (1,), (1, 2), (2, 1), (1, (2, 3)), ("a", 1), (-1,), (-2,), (1.5, "x", None is None), ((),), (0, 0), (2 ** 64, -1)]:
    print(repr(t), hash(t))
print(hash(frozenset()), hash(frozenset([1, 2, 3])), hash(frozenset(["a"])))
print(hash((1, 2)) == hash((1.0, 2.0)), hash(("a",)) == hash(("a",)))
print(hash(range(0)) == hash(range(5, 5)), hash(range(1, 5, 2)) == hash(range(1, 6, 2)))
for obj in [[], {}, set(), bytearray(), ([],), slice(1, 2)]:
    try:
        print(hash(obj))
    except TypeError as e:
        print("TypeError:", e)
