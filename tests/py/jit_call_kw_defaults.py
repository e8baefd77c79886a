# Calls with keyword arguments and defaults, inlined into compiled loops; the defaults and
# the code change after the loops are compiled.

def scale(x, factor=2, offset=0):
    return x * factor + offset

def scale2(x, factor=2, offset=0):
    return x - factor - offset

def pick(a, b=10, *, c=5):
    return a + b + c

def uses_list(x, acc=[]):
    acc.append(x)
    return len(acc)

class P:
    def __init__(self, x, y=0.5):
        self.x = x
        self.y = y

    def move(self, dx, dy=1.0):
        self.x += dx
        self.y += dy
        return self

def run(n):
    t = 0
    out = []
    for i in range(n):
        t += scale(i)
        t += scale(i, 3)
        t += scale(i, offset=1)
        t += scale(x=i, factor=-1)
        t += scale(i, offset=2, factor=5)
        t += pick(i)
        t += pick(i, c=1)
        t += uses_list(i)
        if i == 40:
            scale.__defaults__ = (7, 1)
        if i == 60:
            scale.__code__ = scale2.__code__
        out.append(t)
    return out[-5:], len(uses_list.__defaults__[0])

def points(n):
    ps = []
    s = 0.0
    for i in range(n):
        p = P(i)
        q = P(i, y=2.0)
        p.move(1.0)
        q.move(dx=0.5, dy=-1.0)
        s += p.x + p.y + q.x + q.y
        if i == 50:
            P.move.__defaults__ = (3.0,)
    return s

def bad(n):
    errs = []
    for i in range(n):
        try:
            if i > 30:
                scale(i, factor=1, x=2)
            else:
                scale(i, factor=1)
        except TypeError as e:
            errs.append(str(e))
    return errs[:1], len(errs)

print(run(100))
print(points(100))
print(bad(50))
print(sorted([3, 1, 2], key=lambda v: -v, reverse=True))
