# StopIteration semantics (PEP 479) and iterator exhaustion.
def leaks():
    yield 1
    next(iter([]))
    yield 2
try:
    print(list(leaks()))
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)
def explicit():
    yield 1
    raise StopIteration
g = explicit()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print("RuntimeError:", e)
class It:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration("with value")
        return self.n
print(list(It()))
it = It()
for _ in it:
    pass
try:
    next(it)
except StopIteration as e:
    print("class iterator StopIteration args", e.args)
def ret_val():
    return 42
    yield
try:
    next(ret_val())
except StopIteration as e:
    print(e.value, e.args)
def ret_none():
    yield 1
g = ret_none()
next(g)
try:
    next(g)
except StopIteration as e:
    print(repr(e.value), e.args)
def ret_tuple():
    return (1, 2)
    yield
try:
    next(ret_tuple())
except StopIteration as e:
    print(e.value, e.args)
def stop_in_gen_expr():
    return list(next(iter([])) if x else x for x in [0, 1])
try:
    stop_in_gen_expr()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    [next(iter([])) for _ in range(1)]
except StopIteration:
    print("list comprehension lets StopIteration through")
