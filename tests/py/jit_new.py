# Instantiation of plain classes inside compiled loops: the instance is made by a call and
# its Python __init__ inlined; guards failing inside __init__, __init__ raising or
# returning a value, and the class changing mid-loop.
import sys


class V:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, o):
        return V(self.x + o.x, self.y + o.y)


def vectors(n):
    acc = V(0, 0)
    for i in range(n):
        acc = acc.add(V(i, 1 if i < n // 2 else 0.5))
    return acc.x, acc.y


print(vectors(3000))


class Checked:
    def __init__(self, v):
        if v == 1234:
            raise ValueError("bad %d" % v)
        self.v = v


def raising(n):
    made = 0
    for i in range(n):
        try:
            made += Checked(i).v
        except ValueError as e:
            made -= 1
            print("caught", e)
    return made


print(raising(2000))


class Weird:
    def __init__(self, v):
        self.v = v
        if v == 700:
            return 5


def bad_return(n):
    t = 0
    for i in range(n):
        t += Weird(i).v
    return t


try:
    bad_return(1000)
except TypeError as e:
    print("TypeError", e)


class W:
    def __init__(self, v):
        self.v = v


def init_changes(n):
    t = 0
    for i in range(n):
        w = W(i)
        t += w.v
        if i == n // 2:
            W.__init__ = lambda self, v: setattr(self, "v", -v)
    return t


print(init_changes(1000))


class Where:
    def __init__(self, i):
        self.line = sys._getframe().f_back.f_code.co_name if i == 900 else ""


def frames(n):
    seen = []
    for i in range(n):
        w = Where(i)
        if w.line:
            seen.append(w.line)
    return seen


print(frames(1000))


class Slots:
    __slots__ = ("a",)

    def __init__(self, a):
        self.a = a


def slotted(n):
    return sum(Slots(i).a for i in range(n)) + sum([Slots(i * 2).a for i in range(n)])


print(slotted(500))
