# Sets of small ints and short strings (iteration order fixed by PYTHONHASHSEED=0).
s = {3, 1, 4, 1, 5, 9, 2, 6}
print(s, len(s), 4 in s, 7 in s)
print(set(), set([5, 3, 5]), set("hello"), set(range(10)), set({"a": 1, "b": 2}), {x % 4 for x in range(20)})
print({"apple", "banana", "cherry", "date"}, {"a", "b", "c", "d", "e", "f", "g"}, {"", "x", "xy"})
print({-1, -2, 100, 1000, 2 ** 40, 0}, {10, 20, 30, 40, 50, 60, 70, 80, 90})
t = set()
for i in range(20):
    t.add(i * 3)
print(t)
t.discard(3); t.discard(1000); t.remove(6)
print(t)
try:
    t.remove(1000)
except KeyError as e:
    print("KeyError:", e)
p = {"only"}
print(p.pop(), p)
try:
    p.pop()
except KeyError as e:
    print("KeyError:", e)
try:
    {[1]}
except TypeError as e:
    print("TypeError:", e)
try:
    set().add({})
except TypeError as e:
    print("TypeError:", e)
u = {1, 2, 3}
u.update([3, 4], "ab")
print(u)
u.clear()
print(u, bool(u), bool({0}))
print({1, 2} == {2, 1}, {1} != {1, 2}, {1, 1.0, True}, {0, 0.0, False, -0.0})
print(sorted({"z", "a", "m"}), list({7, 3, 5}), [x for x in {"q", "r", "s"}], max({4, 8, 2}))
w = {"red", "green", "blue"}
w.add("yellow")
w.add("red")
print(w, len(w))
