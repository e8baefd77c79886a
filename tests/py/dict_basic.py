# dict basics: construction, access, order, update, deletion.
d = {"b": 1, "a": 2, "c": 3}
print(d, len(d), d["a"], list(d), "a" in d, "z" in d, 1 in d)
d["d"] = 4
d["b"] = 10
print(d)
del d["a"]
print(d)
d["a"] = 5
print(d)
print(dict(), dict(x=1, y=2), dict([("a", 1), ("b", 2)]), dict({"k": "v"}, extra=1), dict(zip("ab", [1, 2])))
print(dict([("a", 1), ("a", 2)]), {"a": 1, "a": 2}, {1: "int", 1.0: "float", True: "bool"})
print({(1, 2): "tuple", None: "none", frozenset([1]): "fs", -1: "neg", "": "empty"})
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e, repr(e), e.args)
try:
    del d["missing"]
except KeyError as e:
    print("KeyError:", e)
try:
    d[[1]] = 2
except TypeError as e:
    print("TypeError:", e)
try:
    {[]: 1}
except TypeError as e:
    print("TypeError:", e)
try:
    dict([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print("ValueError:", e)
try:
    d[("a", [1])] = 1
except TypeError as e:
    print("TypeError:", e)
print({"a": 1} == {"a": 1}, {"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} != {"a": 2}, {} == {})
try:
    {} < {}
except TypeError as e:
    print("TypeError:", e)
big = {}
for i in range(1000):
    big[i * 7] = i
for i in range(0, 1000, 2):
    del big[i * 7]
print(len(big), list(big)[:5], list(big)[-3:], big[6993])
order = {}
for k in ["z", "y", "x", "w"]:
    order[k] = len(order)
del order["y"]
order["y"] = 9
print(order, list(order.keys()))
