# list construction, indexing, slicing, concatenation, membership.
a = [1, 2, 3, "four", 5.0, None, [6, 7]]
print(a, len(a), a[0], a[-1], a[-1][0], a[2:5], a[::-2], a[10:], a[:-10])
print(list(), list("abc"), list(range(4)), list((1, 2)), list({"a": 1, "b": 2}), list(x * 2 for x in range(3)))
print([1, 2] + [3], [0] * 4, 2 * [1, 2], [] * 10, [[]] * 2, [1] * -1)
print(3 in [1, 2, 3], 4 not in [1, 2, 3], [1] in [[1], 2], None in a)
b = [[0] * 2] * 2
b[0][0] = 9
print(b)
c = [[0] * 2 for _ in range(2)]
c[0][0] = 9
print(c)
try:
    a[100]
except IndexError as e:
    print("IndexError:", e)
try:
    a["x"]
except TypeError as e:
    print("TypeError:", e)
try:
    [1] + (2,)
except TypeError as e:
    print("TypeError:", e)
try:
    [1] * 1.5
except TypeError as e:
    print("TypeError:", e)
x = [1, 2]
y = x
y += [3]
print(x, x is y)
y = y + [4]
print(x, y, x is y)
x += "ab"
print(x)
x *= 2
print(x)
print([1, 2, 3] == [1, 2, 3], [1, 2] != [1, 2, 3], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0], [2] > [1, 9])
print(bool([]), bool([0]), list.__name__, type([]) is list)
