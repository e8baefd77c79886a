# Tuples.
t = (1, "two", 3.0, None, (4, 5))
print(t, len(t), t[1], t[-1][0], t[1:3], t[::-1], (), (1,), tuple(), tuple([1, 2]), tuple("ab"), tuple(range(3)))
print(t + (6,), (0,) * 3, 2 * (1, 2), 3 in (1, 2, 3), (1, 2) == (1, 2), (1, 2) < (1, 3), (1,) < (1, 0), () < (0,))
print(t.count(None), (1, 2, 1, 1).count(1), (5, 6, 7).index(7), (5, 6, 5).index(5, 1))
a, b, c = (1, 2, 3)
print(a, b, c)
x = 1, 2
print(x, type(x).__name__)
single = 5,
print(single)
try:
    t[0] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    (1, 2).index(3)
except ValueError as e:
    print("ValueError:", e)
try:
    (1,) + [2]
except TypeError as e:
    print("TypeError:", e)
try:
    t[10]
except IndexError as e:
    print("IndexError:", e)
try:
    del t[0]
except TypeError as e:
    print("TypeError:", e)
lt = ([1],)
lt[0].append(2)
print(lt)
try:
    lt[0] += [3]
except TypeError as e:
    print("TypeError:", e)
print(lt)
try:
    hash(lt)
except TypeError as e:
    print("TypeError:", e)
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(tuple()), {(1, 2): "pt"}[(1, 2)])
print(sorted([(2, "b"), (1, "z"), (2, "a")]), max((1, 2), (1, 3)), tuple(x for x in "hi"))
print(tuple.__name__, (1, 2).__len__(), (1, 2).__getitem__(0), (1,).__add__((2,)))
