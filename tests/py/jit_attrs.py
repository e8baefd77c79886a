# Attribute reads and writes and method calls that traces inline (class, version and map
# guards), with everything that must make those guards fail mid-loop.


class A:
    k = 1

    def __init__(self, x):
        self.x = x
        self.y = 0

    def f(self):
        return self.x + self.k


class B(A):
    def f(self):
        return -self.x


def class_changes(n):
    a = A(3)
    t = 0
    for i in range(n):
        t += a.f() + a.x
        a.y = a.y + 1
        if i == n // 4:
            A.k = 10
        if i == n // 2:
            a.__class__ = B
        if i == 3 * n // 4:
            a.z = 5
    return t, a.y, a.z


print(class_changes(2000))


def shadowing(n):
    a = A(1)
    t = 0
    for i in range(n):
        t += a.f()
        if i == n // 2:
            a.f = lambda: 100
    return t


print(shadowing(1000))


def deleted(n):
    objs = [A(i) for i in range(5)]
    t = 0
    for i in range(n):
        o = objs[i % 5]
        try:
            t += o.y
            o.y += 1
        except AttributeError:
            t -= 1000
        if i == n // 2:
            del objs[2].y
    return t


print(deleted(1000))


class S:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1
        self.b = 2.5


def slots(n):
    s = S()
    t = 0.0
    for i in range(n):
        s.a = s.a + 1
        t += s.b * s.a
    return s.a, t


print(slots(1000))


def builtin_methods(n):
    out = []
    d = {}
    for i in range(n):
        out.append(i * 2)
        d.setdefault(i % 3, []).append(i)
        if len(out) > 10:
            out.pop(0)
    return out, {k: len(v) for k, v in d.items()}


print(builtin_methods(500))


class P:
    def __init__(self, v):
        self.v = v

    @property
    def double(self):
        return self.v * 2


def properties(n):
    ps = [P(i) for i in range(4)]
    t = 0
    for i in range(n):
        p = ps[i % 4]
        t += p.double + p.v
        p.v = p.v + 1
    return t


print(properties(1000))


def mixed_types(n):
    objs = [A(1), A(2.5), A("s"), B(4)]
    out = []
    for i in range(n):
        o = objs[i % 4]
        out.append(o.x)
    return out[-8:]


print(mixed_types(400))
