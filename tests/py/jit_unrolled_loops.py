# Short inner loops, in the loop's own body or in functions it calls, are recorded
# iteration by iteration (unrolled) when the trace does not call them. Their iterators
# are made inside the trace, so `for` is a call of next() guarded on the outcome the
# recording saw; a run that takes another trip count or returns early leaves the trace
# there (and a bridge may take over). Each case changes its shape after the loops are hot
# (the JIT tests run this with the threshold at 1-3).

DIRS = [1, -1, 10, -10]

def is_eye(cells, p, color):
    for d in DIRS:
        v = cells[p + d]
        if v != color and v != 3:
            return False
    return True

def eyes(cells, color):
    n = 0
    for p in range(11, 89):
        if is_eye(cells, p, color):
            n += 1
    return n

def count_neighbours(cells, p):
    c = 0
    for d in DIRS:
        if cells[p + d] == 1:
            c += 1
    return c

def neighbours_total(cells):
    t = 0
    for p in range(11, 89):
        t += count_neighbours(cells, p)
    return t

def varying_trips(rows):
    # the inner list's length changes from row to row
    out = 0
    for r in rows:
        for x in r:
            out = out * 3 + x
        out %= 1000003
    return out

def inner_while(n):
    total = 0
    for i in range(n):
        k = i % 5
        while k:
            total += k
            k -= 1
    return total

def made_in_loop(n):
    # iterators of other kinds made in the body: zip, enumerate, a generator, a dict
    acc = []
    for i in range(n):
        s = 0
        for a, b in zip((1, 2, 3), (i, i + 1, i + 2)):
            s += a * b
        for k, v in enumerate("ab"):
            s += k * len(v)
        for g in (x * x for x in range(i % 4)):
            s += g
        for key in {"x": 1, "y": 2}:
            s += len(key)
        acc.append(s)
    return acc

def early_exit_else(n):
    found = []
    for i in range(n):
        for d in DIRS:
            if (i + d) % 7 == 0:
                found.append(d)
                break
        else:
            found.append(0)
    return found

def mutated_during(n):
    # the list the inner loop walks grows while it is walked, once
    res = []
    for i in range(n):
        items = [1, 2, 3]
        for x in items:
            if i == n - 3 and x == 2:
                items.append(99)
            res.append(x)
    return res[-12:]

def raising_inside(n):
    out = 0
    for i in range(n):
        try:
            for d in DIRS:
                out += 100 // (d + i % 12 - 5)
        except ZeroDivisionError:
            out -= 1
    return out

cells = [3] * 100
for p in range(11, 89):
    cells[p] = (p * 7) % 3
print(eyes(cells, 1), eyes(cells, 2), eyes(cells, 0))
cells[45] = 1
print(eyes(cells, 1), neighbours_total(cells))
print(varying_trips([[1, 2], [3], [4, 5, 6], [], [7, 8]] * 20 + [[9] * 15]))
print(inner_while(50))
print(made_in_loop(30)[-5:])
print(early_exit_else(40))
print(mutated_during(20))
print(raising_inside(60))
