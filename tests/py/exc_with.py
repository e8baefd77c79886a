# with statement: __enter__/__exit__, exception suppression, multiple managers.
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name + "-value"
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, repr(ev), tb is not None)
        return self.suppress
with CM("a") as v:
    print("body", v)
with CM("s", suppress=True):
    raise ValueError("suppressed")
print("after suppression")
try:
    with CM("n"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught", repr(e))
with CM("x") as x, CM("y") as y:
    print("multi body", x, y)
try:
    with CM("outer"), CM("inner", suppress=False):
        raise TypeError("t")
except TypeError:
    print("propagated through both")
with CM("outer2", suppress=True), CM("inner2"):
    raise TypeError("caught by outer")
print("continued")
def early_return():
    with CM("r"):
        return "returned"
print(early_return())
for i in range(3):
    with CM(f"loop{i}"):
        if i == 1:
            continue
        if i == 2:
            break
        print("loop body", i)
class EnterFails:
    def __enter__(self):
        raise RuntimeError("enter failed")
    def __exit__(self, *a):
        print("exit should not run")
try:
    with EnterFails():
        print("body should not run")
except RuntimeError as e:
    print("RuntimeError:", e)
class ExitRaises:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise ValueError("from exit")
try:
    with ExitRaises():
        raise KeyError("body")
except ValueError as e:
    print(repr(e), repr(e.__context__))
class NotCM:
    pass
try:
    with NotCM():
        pass
except TypeError as e:
    print("TypeError:", e)
class OnlyEnter:
    def __enter__(self):
        return self
try:
    with OnlyEnter():
        pass
except TypeError as e:
    print("TypeError:", e)
with (CM("p1") as a, CM("p2") as b):
    print("parenthesized", a, b)
class Truthy:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return "non-empty string"
with Truthy():
    raise ValueError
print("suppressed by truthy return")
