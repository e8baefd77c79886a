# sorted(): stability with reverse, key functions, and various iterables.
pairs = [(1, "a"), (0, "b"), (1, "c"), (0, "d"), (1, "e")]
print(sorted(pairs, key=lambda p: p[0]))
print(sorted(pairs, key=lambda p: p[0], reverse=True))
print(list(reversed(sorted(pairs, key=lambda p: p[0]))))
print(sorted("Mississippi"), sorted("Mississippi", reverse=True), sorted(set("banana")), sorted({"b": 1, "a": 2}.items()))
print(sorted([3.5, 1, True, -2, 0.0]), sorted([[], [0], [0, 0], [-1]]), sorted([(), (1,), (0, 5)]))
print(sorted(range(10), key=lambda v: (v % 3, -v)), sorted(["b", "A", "c", "B"], key=str.casefold))
print(sorted(["aa", "b", "ccc", "dd"], key=len, reverse=True), sorted([-5, 3, -1, 4], key=abs, reverse=True))
print(sorted(iter([3, 1, 2])), sorted(x * x for x in range(-3, 3)), sorted(b"zya"), sorted((1, 2, 3), reverse=True))
data = list(range(100, 0, -1))
s = sorted(data)
print(s[:5], s[-5:], data[:3], s == list(range(1, 101)))
try:
    sorted([1, 2], key=5)
except TypeError as e:
    print("TypeError:", e)
try:
    sorted(5)
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([{}, {}])
except TypeError as e:
    print("TypeError:", e)
print(sorted([], key=lambda x: 1 / 0))
try:
    sorted([5], key=lambda x: 1 / 0)
except ZeroDivisionError:
    print("key is called even for one element")
