# throw()/close()/send() forwarded through yield from chains.
def leaf():
    try:
        while True:
            try:
                v = yield "leaf-ready"
                print("leaf got", v)
            except ValueError as e:
                print("leaf handled", repr(e))
    finally:
        print("leaf closing")
def middle():
    r = yield from leaf()
    print("middle saw return", r)
def top():
    try:
        yield from middle()
    except KeyError as e:
        print("top caught", repr(e))
        yield "top-recovered"
g = top()
print(next(g))
print(g.send("hello"))
print(g.throw(ValueError("v1")))
print(g.throw(KeyError("k1")))
g.close()
print("---")
def returning_leaf():
    x = yield 1
    return x * 2
def collector():
    results = []
    for _ in range(3):
        results.append((yield from returning_leaf()))
    return results
c = collector()
print(next(c), c.send(10), c.send(20))
try:
    c.send(30)
except StopIteration as e:
    print("collected", e.value)
def iterator_delegate():
    yield from iter([1, 2, 3])
d = iterator_delegate()
print(next(d))
try:
    d.throw(RuntimeError("into a plain iterator"))
except RuntimeError as e:
    print("RuntimeError propagated:", e)
print(next(d, "closed after throw"))
