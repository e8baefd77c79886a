# len() on everything.
print(len(""), len("abc"), len("日本語"), len(b"ab"), len(bytearray(3)), len([1, 2]), len(()), len({"a": 1}), len({1, 2, 3}),
      len(frozenset()), len(range(10)), len(range(0, 10, 3)), len(range(10, 0)), len(memoryview(b"xyz")), len({}.keys()),
      len({"a": 1}.items()), len({"a": 1}.values()))
for bad in [5, 1.5, None, iter([]), (x for x in []), len, object()]:
    try:
        len(bad)
    except TypeError as e:
        print("TypeError:", e)
print(len(str(2 ** 1000)), len([None] * 1000), len("x" * 10000))
