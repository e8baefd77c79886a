# Calls of Python functions that traces follow into (inlining): guards failing inside the
# callee, exceptions raised there, nested calls, closures, methods, rebinding.
import sys


def add(a, b):
    return a + b


def scale(x, k):
    return add(x * k, 1)


def nested(n):
    t = 0
    for i in range(n):
        t = scale(t % 1000, 3) + add(i, 2)
    return t


print(nested(5000))


def kind(x):
    if x > 100:
        return x / 2
    return x * 2


def type_change(n):
    out = 0
    for i in range(n):
        v = i if i < n // 2 else i * 0.5
        out += kind(v)
    return out


print(type_change(2000))


def maybe_fail(i):
    return 10 // (i - 777)


def raising(n):
    caught = 0
    t = 0
    for i in range(n):
        try:
            t += maybe_fail(i)
        except ZeroDivisionError:
            caught += 1
    return caught, t


print(raising(1500))


def deep_fail(i):
    return add(i, None) if i == 900 else add(i, 1)


def uncaught(n):
    t = 0
    for i in range(n):
        t += deep_fail(i)
    return t


try:
    uncaught(1000)
except TypeError as e:
    tb = e.__traceback__
    lines = []
    while tb:
        lines.append(tb.tb_lineno)
        tb = tb.tb_next
    print("TypeError", e, lines)


def make_counter(step):
    total = [0]

    def bump(x):
        total[0] += x * step
        return total[0]

    return bump


def closures(n):
    b = make_counter(3)
    s = 0
    for i in range(n):
        s = b(i) % 10007
    return s


print(closures(3000))


class Acc:
    def __init__(self):
        self.v = 0

    def put(self, x):
        self.v += x
        return self

    def get(self):
        return self.v


def methods(n):
    a = Acc()
    for i in range(n):
        a.put(i).put(1)
        if i == n // 2:
            Acc.put = lambda self, x: setattr(self, "v", self.v - x) or self
    return a.get()


print(methods(2000))


def helper(x):
    return x + 1


def rebinding(n):
    global helper
    t = 0
    for i in range(n):
        t += helper(i)
        if i == n // 3:
            helper = lambda x: x - 1
    return t


print(rebinding(3000))


def where(i):
    if i == 1500:
        f = sys._getframe()
        return f.f_code.co_name + ":" + str(f.f_back.f_code.co_name)
    return ""


def frames(n):
    seen = []
    for i in range(n):
        r = where(i)
        if r:
            seen.append(r)
    return seen


print(frames(2000))


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def recursive(n):
    t = 0
    for i in range(n):
        t += fib(i % 12)
    return t


print(recursive(400))


def defaults(a, b=2):
    return a * b


def with_defaults(n):
    t = 0
    for i in range(n):
        t += defaults(i) + defaults(i, 3)
    return t


print(with_defaults(1000))


def plus(x):
    return x + 1


def minus(x):
    return x - 1


def code_swapped(n):
    t = 0
    for i in range(n):
        t += plus(i)
        if i == n // 2:
            plus.__code__ = minus.__code__
    return t


print(code_swapped(2000))
