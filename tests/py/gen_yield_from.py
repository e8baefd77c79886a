# yield from: delegation, return values, send/throw passthrough.
def inner():
    x = yield "inner-1"
    print("inner got", x)
    y = yield "inner-2"
    print("inner got", y)
    return "inner-result"
def outer():
    result = yield from inner()
    print("outer got result", result)
    yield "outer-final"
    return "outer-result"
g = outer()
print(next(g))
print(g.send("A"))
print(g.send("B"))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
def flatten(x):
    for item in x:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, [3, [4, 5]], 6], [[7]]])))
def from_iterables():
    yield from range(3)
    yield from "ab"
    yield from (x * 10 for x in range(2))
    r = yield from []
    yield r
print(list(from_iterables()))
def catcher():
    try:
        yield 1
    except KeyError:
        yield "inner handled KeyError"
    yield 2
def delegator():
    yield from catcher()
    yield "delegator end"
d = delegator()
print(next(d), d.throw(KeyError), next(d), next(d))
def closer():
    try:
        yield 1
    finally:
        print("inner finally on close")
def del2():
    try:
        yield from closer()
    finally:
        print("outer finally on close")
d = del2()
next(d)
d.close()
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1], (2, 3), {4: None})))
def depth(n):
    if n == 0:
        return 0
    r = yield from depth(n - 1)
    yield n
    return r + n
g = depth(4)
print(list(g))
def ret_only():
    return "only-return"
    yield
def wrap():
    v = yield from ret_only()
    yield v
print(list(wrap()))
def yf_non_iterable():
    yield from 5
try:
    list(yf_non_iterable())
except TypeError as e:
    print("TypeError:", e)
