# dict iteration patterns and mutation rules.
d = {"one": 1, "two": 2, "three": 3, "four": 4}
for k in d:
    print(k, d[k], end="; ")
print()
for k, v in d.items():
    print(f"{k}={v}", end=" ")
print()
print([k for k in d if d[k] % 2 == 0], {v: k for k, v in d.items()}, sum(d.values()))
for k in list(d):
    if d[k] % 2:
        del d[k]
print(d)
for k in d:
    d[k] *= 10
print(d)
nested = {"a": {"x": 1, "y": 2}, "b": {"z": 3}}
print([(o, i, v) for o, inner in nested.items() for i, v in inner.items()])
inverted = {}
for key, val in {"a": 1, "b": 2, "c": 1}.items():
    inverted.setdefault(val, []).append(key)
print(inverted)
e = {}
e.update(zip(range(5), "abcde"))
print(e, list(e.items())[1:3], next(iter(e)), next(reversed(e)))
try:
    for k in e:
        e[k + 100] = "x"
except RuntimeError as err:
    print("RuntimeError:", err)
print(len(e))
it = iter({"a": 1})
print(list(it), list(it))
d2 = dict.fromkeys("abc", 0)
for i, k in enumerate(d2):
    d2[k] = i
print(d2, sorted(d2.items(), key=lambda kv: -kv[1]))
