# range objects.
for r in [range(5), range(2, 8), range(10, 0, -3), range(0), range(5, 5), range(-5, 5, 2), range(0, -10, -4), range(1, 2, 10)]:
    print(r, list(r), len(r), bool(r), r.start, r.stop, r.step)
r = range(3, 30, 4)
print(r[0], r[-1], r[2], r[1:4], r[::-1], r[::2], list(r[::-2]), 7 in r, 8 in r, 3.0 in r, r.index(11), r.count(7))
print(range(10 ** 20)[-1], range(0, 10 ** 20, 3)[-1], 10 ** 19 in range(10 ** 20), range(10 ** 20)[10 ** 19])
print(range(3) == range(3), range(0) == range(5, 5), range(0, 3, 2) == range(0, 4, 2), range(1) != range(2))
print(list(reversed(range(5))), sum(range(101)), max(range(7)), min(range(3, 9)), sorted(range(3), reverse=True))
print(hash(range(3)) == hash(range(0, 3)), range(5)[True])
for bad in [lambda: range(1, 2, 0), lambda: range(1.5), lambda: range(5)[10], lambda: range(5).index(9),
            lambda: range("a"), lambda: range(), lambda: range(1, 2, 3, 4), lambda: len(range(2 ** 64))]:
    try:
        print(bad())
    except (ValueError, TypeError, IndexError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
class I:
    def __index__(self):
        return 4
print(list(range(I())), range(I(), 10, I()))
it = iter(range(3))
print(next(it), list(it), list(it))
