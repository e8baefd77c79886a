# iter (including sentinel form) and next with default.
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "default"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
vals = [5, 4, 3, 0, 2, 1]
pos = -1
def reader():
    global pos
    pos += 1
    return vals[pos]
print(list(iter(reader, 0)))
class Counter:
    def __init__(self):
        self.n = 0
    def __call__(self):
        self.n += 1
        return self.n
print(list(iter(Counter(), 5)))
si = iter(Counter(), 3)
print(type(si).__name__, next(si), next(si), next(si, "sentinel reached"), next(si, "stays exhausted"))
try:
    iter(5, 1)
except TypeError as e:
    print("TypeError:", e)
print(type(iter([])).__name__, type(iter(())).__name__, type(iter("")).__name__, type(iter({})).__name__,
      type(iter(set())).__name__, type(iter(range(1))).__name__, type(iter(b"")).__name__, type(iter({}.items())).__name__)
d = iter({"a": 1, "b": 2})
print(next(d), list(d))
r = reversed([1, 2, 3])
print(next(r), list(r), type(r).__name__)
def raiser():
    raise ValueError("callable raised")
try:
    next(iter(raiser, 0))
except ValueError as e:
    print("ValueError:", e)
try:
    next(5)
except TypeError as e:
    print("TypeError:", e)
