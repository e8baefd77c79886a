# list methods.
a = [3, 1, 4, 1, 5, 9, 2, 6]
a.append(5); print(a)
a.extend([3, 5]); print(a)
a.extend(range(2)); print(a)
a.insert(0, "start"); a.insert(100, "end"); a.insert(-1, "pen"); a.insert(-100, "first"); print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(1); print(a)
print(a.index(5), a.index(5, 5), a.index(1, 2, 6) if 1 in a[2:6] else "no", a.count(5), a.count(99))
a.remove("start"); a.remove("pen")
a.reverse(); print(a)
a.sort(); print(a)
a.sort(reverse=True); print(a)
b = a.copy(); b.clear(); print(a, b)
for bad in [lambda: [].pop(), lambda: [1].pop(5), lambda: [1].remove(2), lambda: [1].index(2), lambda: [1, "a"].sort(),
            lambda: [1].index(1, 1), lambda: [].insert(), lambda: [].append(1, 2), lambda: [].sort(lambda x: x)]:
    try:
        print(bad())
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print([1, 2, 3].__len__(), [1, 2].__contains__(2), [1].__add__([2]), [0].__mul__(3))
l = [1, 2, 3]
print(l.append(4), l.sort(), l.reverse(), l.extend([]), l.insert(0, 0), l)
