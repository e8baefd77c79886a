# `for` over lists a hot loop makes or loads inside its body (the trace keeps the list
# iterator's position in a register): lists growing and shrinking while iterated,
# `break` out of the inner loop, exceptions inside it, inner loops of different lengths
# (exits and bridges inside the inner loop), and iterators that escape to code.
class Node:
    def __init__(self, k):
        self.k = k
        self.near = [k % 3, k % 5, k % 7][: 1 + k % 3]


def sums(nodes):
    t = 0
    for n in nodes:
        for m in n.near:
            t += m * n.k
    return t


def grow(rounds):
    out = []
    for r in range(rounds):
        xs = [1, 2, 3]
        for x in xs:
            if x < 6 and r % 4 == 0:
                xs.append(x + 3)
            out.append(x)
    return sum(out), len(out)


def shrink(rounds):
    t = 0
    for r in range(rounds):
        xs = list(range(r % 9))
        for x in xs:
            if x == 2:
                xs.remove(0)
            t += x
    return t


def first_big(rows):
    hits = []
    for row in rows:
        for v in row:
            if v > 7:
                hits.append(v)
                break
        else:
            hits.append(-1)
    return hits


def with_errors(rounds):
    caught = 0
    t = 0
    for r in range(rounds):
        try:
            for d in [3, 2, 1, r % 5]:
                t += 60 // d
        except ZeroDivisionError:
            caught += 1
    return t, caught


def escape(rounds):
    t = 0
    for r in range(rounds):
        it = iter([r, r + 1, r + 2])
        for x in it:
            if x % 3 == 0:
                t += next(it, 100)
            t += x
    return t


def nested(rounds):
    t = 0
    for r in range(rounds):
        for a in [r, r + 1]:
            for b in [a, a * 2, a * 3][: 1 + r % 3]:
                t += a * b
    return t


def mixed(rounds):
    t = 0.0
    for r in range(rounds):
        items = [r, r * 0.5, "x" * (r % 3), (r,)] if r % 50 == 49 else [r, r + 1]
        for it in items:
            if isinstance(it, (int, float)):
                t += it
            else:
                t += len(it)
    return t


print(sums([Node(k) for k in range(3000)]))
print(grow(2000))
print(shrink(2000))
print(first_big([[k % 10, (k * 7) % 10, (k * 3) % 11] for k in range(3000)])[-20:])
print(with_errors(3000))
print(escape(3000))
print(nested(3000))
print(mixed(3000))


# comprehensions loop over their hidden `.0` iterator: types changing mid-list, an
# exception leaving the comprehension part-way, generator expressions consumed by builtins
def comp(rows):
    return [x * 2 for x in rows if x % 3]


def comp_all(rounds):
    t = 0
    bad = 0
    for r in range(rounds):
        rows = list(range(r % 40))
        if r % 97 == 96 and rows:
            rows[r % len(rows)] = 1.5
        if r % 211 == 210:
            rows.append("s")
        try:
            t += sum(comp(rows))
        except TypeError:
            bad += 1
        t += sum(v for v in rows if isinstance(v, int) and v > 20)
    return t, bad


print(comp_all(3000))


# tuples: a loop over a tuple an attribute holds, one built in the loop, one swapped
# for a list part-way (the guard on its type fails)
class Board:
    def __init__(self):
        self.dirs = (1, -1, 7, -7)


def around(board, rounds):
    t = 0
    for r in range(rounds):
        for d in board.dirs:
            t += (r + d) % 5
        for x in (r, r * 2, -r):
            t += x & 3
        if r == rounds // 2:
            board.dirs = [2, -2]
    return t


print(around(Board(), 3000))


# a hot loop over a tuple itself (the tuple's iterator an entry input), left by `break`
# and by an exception, entered again with a list in its place
def over_tuple(seq, rounds):
    t = 0
    for r in range(rounds):
        for x in seq:
            if x == r % 50:
                break
            t += x
    return t


print(over_tuple(tuple(range(40)), 300), over_tuple(list(range(40)), 300))
print(over_tuple((1, 2.5, 3, 4), 300))
