# The builtin iterators pickle and copy as in CPython: __reduce__ gives the callable, its
# arguments and the position; __setstate__ restores the position; a copy goes on from there.
import pickle, copy

def roundtrip(it, drop=1):
    for _ in range(drop):
        next(it, None)
    out = []
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        it2 = pickle.loads(pickle.dumps(it, proto))
        out.append(list(it2))
    assert all(o == out[0] for o in out), out
    return type(it2) is type(it), out[0]

d = {1: "a", 2: "b", 3: "c"}
cases = [
    iter([1, 2, 3]), iter((1, 2, 3)), iter("abc"), iter("h\xe9llo"), iter(b"xyz"),
    iter(range(2, 20, 3)), iter(d), iter(d.values()), iter(d.items()), iter({5}),
    reversed([1, 2, 3]), reversed((1, 2, 3)), reversed("abc"), reversed(d),
    enumerate("abc", 5), zip("ab", [1, 2]), map(abs, [-1, -2, 3]), filter(None, [0, 1, 2, 0, 3]),
]
for it in cases:
    print(roundtrip(it))
print(roundtrip(zip("ab", "cd", strict=True)))
print(iter([1, 2]).__reduce__()[1:], reversed([1, 2]).__reduce__()[1:], enumerate("a").__reduce__()[0])
it = iter([1, 2, 3])
it.__setstate__(2)
print(list(it))
it = iter("h\xe9llo")
it.__setstate__(1)
print(list(it))
r = reversed([1, 2, 3])
r.__setstate__(10)
print(list(r))
it = iter([1, 2])
list(it)
print(it.__reduce__()[:2], copy.copy(iter([4, 5])).__next__())
z = zip("a", "bc", strict=True)
print(z.__reduce__()[2], type(z.__reduce__()[1][0]).__name__)
