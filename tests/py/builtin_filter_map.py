# filter and map.
print(list(filter(None, [0, 1, "", "a", None, [], [0], False, 2.5])))
print(list(filter(lambda x: x % 2, range(10))), list(filter(str.isdigit, "a1b2c3")))
print(list(map(str, [1, 2, 3])), list(map(lambda x, y: x * y, [1, 2, 3], [4, 5])), list(map(pow, [2, 3], [5, 2], [7, 7])))
print(list(map(len, ["a", "bb", ""])), list(map(int, "123")), tuple(map(abs, (-1, -2))))
m = map(lambda x: x * 10, [1, 2, 3])
print(type(m).__name__, next(m), list(m), list(m))
f = filter(None, [1, 0, 2])
print(type(f).__name__, list(f))
def noisy(x):
    print("called with", x)
    return x > 1
lazy = filter(noisy, [1, 2, 3])
print("filter created")
print(next(lazy))
try:
    map(None, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    list(map(lambda x: 1 / x, [1, 0]))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    map(str)
except TypeError as e:
    print("TypeError:", e)
try:
    list(filter(5, [1]))
except TypeError as e:
    print("TypeError:", e)
print(sum(map(int, "12345")), max(map(len, "a bb ccc".split())), sorted(map(str.upper, {"b", "a"})))
