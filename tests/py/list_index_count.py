# list.index/count with equality semantics and ranges.
lst = [1, 2.0, True, "1", (1,), [1], None, 1, 0, False, 0.0]
print(lst.count(1), lst.count(0), lst.count(True), lst.count(None), lst.count([1]), lst.count("1"), lst.count(2))
print(lst.index(1), lst.index(True), lst.index(0), lst.index(False), lst.index(0.0), lst.index(2), lst.index([1]))
print(lst.index(1, 3), lst.index(1, -4), lst.index(0, 0, 9))
for args in [(5,), (1, 8), (None, 0, 6), ("x", -100, 100)]:
    try:
        print(lst.index(*args))
    except ValueError as e:
        print("ValueError:", e)
nan = float("nan")
l2 = [nan, 1]
print(l2.count(nan), nan in l2, l2.index(nan), [float("nan")].count(nan))
class Eq:
    def __eq__(self, o):
        return True
print([1, 2, 3].count(Eq()), [1, 2, 3].index(Eq()), Eq() in [5])
print([[1, 2], [1, 2]].count([1, 2]), [(1, 2)].index((1, 2)))
