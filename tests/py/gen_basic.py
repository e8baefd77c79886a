# Generator basics: lazy evaluation, state, iteration protocol.
def count_up(n):
    print("start")
    i = 0
    while i < n:
        print("yielding", i)
        yield i
        i += 1
    print("end")
g = count_up(3)
print(type(g).__name__, g.__name__, g.__qualname__)
print(next(g))
print(next(g))
print(list(g))
print(next(g, "exhausted"))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
def gen_return():
    yield 1
    return "ret-value"
g = gen_return()
next(g)
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value, e.args)
def empty():
    return
    yield
print(list(empty()), list(gen_return()))
def with_finally():
    try:
        yield "a"
        yield "b"
    finally:
        print("generator finally")
for x in with_finally():
    print(x)
def nested_gen():
    for i in range(3):
        for j in range(i):
            yield (i, j)
print(list(nested_gen()))
def yields_none():
    x = yield
    print("received", x)
g = yields_none()
print(next(g))
try:
    next(g)
except StopIteration:
    print("stopped")
print(sum(x * x for x in range(10)), list(zip(count_up(2), "ab")))
def infinite_take(n):
    for i, v in enumerate(fib()):
        if i >= n:
            return
        yield v
print(list(infinite_take(8)))
