# The interpreter's fast cases against their full handlers: each instruction in its common
# case and just outside it (unbound locals in superinstructions, overflow, float/int
# mixes, subclasses, short and long unpacking, iterators that end, closures).
class I(int): pass
class F(float): pass
def sup():
    a = 1
    b = a + 1
    try:
        print(a, b, c)
    except UnboundLocalError as e:
        print("ULE", e)
    c = 3
    print(a, b, c)
sup()
def arith():
    big = 2 ** 62 - 1
    print(big + 1, big * 3, -big - 5, 7 - 9, 3 * -4)
    print(1.5 + 2, 2 - 0.5, 3.0 * 2, 1 / 4, 5.0 / 2)
    print(I(3) + 4, type(I(3) + 4).__name__, F(1.5) * 2, type(F(1.5) * 2).__name__)
    print(1 < 2, 2.5 >= 2.5, 1.0 == 1, float("nan") == float("nan"), F(2.0) < 3.0)
    try:
        print(1.0 / 0.0)
    except ZeroDivisionError as e:
        print("ZDE", e)
arith()
def seqs():
    l = [1, 2, 3]
    t = (4, 5, 6)
    print(l[0], l[-1], t[1], t[-3])
    for k in (3, -4):
        try:
            print(l[k])
        except IndexError as e:
            print("IE", e)
    l[1] = 9
    l[-1] = 8
    print(l)
    a, b, c = t
    x, y, z = l
    print(a, b, c, x, y, z)
    try:
        a, b = t
    except ValueError as e:
        print("VE", e)
    s = 0
    for v in t:
        s += v
    for v in l:
        s += v
    for v in range(-3, 3):
        s += v
    print(s)
seqs()
def closures():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    for _ in range(5):
        inc()
    def unbound():
        print(m)
    try:
        unbound()
    except NameError as e:
        print(type(e).__name__, e)
    m = 1
    return n
print(closures())
class P:
    def __init__(self):
        self.a = 1
    def m(self, k):
        return self.a + k
p = P()
tot = 0
for i in range(300):
    tot += p.m(i)
    p.a = i
    if i == 150:
        p.m = lambda k: -k
print(tot, p.a)
g = 10
def useg():
    return g + 1
r = [useg() for _ in range(3)]
g = 20
r.append(useg())
print(r, None is None, r is not None)
