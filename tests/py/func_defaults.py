# Default argument values: evaluated once, mutable default sharing.
def f(a, b=2, c="three"):
    return (a, b, c)
print(f(1), f(1, 5), f(1, c=9), f(a=0), f(1, 2, 3), f(c=1, b=2, a=3))
def append_to(x, acc=[]):
    acc.append(x)
    return acc
print(append_to(1), append_to(2), append_to(3, []), append_to(4))
def safe(x, acc=None):
    if acc is None:
        acc = []
    acc.append(x)
    return acc
print(safe(1), safe(2))
n = 10
def g(x=n):
    return x
n = 20
print(g(), g.__defaults__)
def h(a, b=[1], *, c={"k": 1}):
    return a, b, c
print(h.__defaults__, h.__kwdefaults__, h(0))
h.__defaults__ = ([9],)
print(h(0))
def counter(step=1, _state={"n": 0}):
    _state["n"] += step
    return _state["n"]
print(counter(), counter(), counter(10))
def k(x=lambda: "default lambda"):
    return x()
print(k(), k(lambda: "given"))
