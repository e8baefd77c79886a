# min and max with key, default, multiple arguments.
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max("hello"), min("b", "a", "c"), max([1, 2], [1, 3]), min((2, "a"), (1, "z")))
print(min([], default="empty"), max([], default=None), min([5], default=0), max(range(0), default=-1))
print(max(["apple", "fig", "banana"], key=len), min(["apple", "fig", "banana"], key=len), max([-3, 2, -5], key=abs))
print(max([1, 3, 3.0, 2], key=lambda x: x), max([(1, "a"), (1, "b")], key=lambda t: t[0]), min([3, 1.0, 1], key=float))
print(max(1, 2, key=lambda x: -x), max({"a": 3, "b": 1}), max({"a": 3, "b": 1}, key={"a": 3, "b": 1}.get))
print(max(x * x for x in range(-5, 3)), min(iter([9, 8, 7])), max(True, 2), min(1.5, 1))
for bad in [lambda: min([]), lambda: max(()), lambda: min(1), lambda: max(1, "a"), lambda: min([1, 2], default=0, key=None, extra=1),
            lambda: max(1, 2, default=0), lambda: min(), lambda: max([None, 1])]:
    try:
        print(bad())
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
