# _collections.defaultdict, _count_elements and _tuplegetter
from _collections import defaultdict, _count_elements, _tuplegetter

dd = defaultdict(list)
dd["a"].append(1); dd["a"].append(2); dd["b"]
print(dd, dd["a"], len(dd), "c" in dd, dd.get("c"), dd.default_factory)
print(repr(defaultdict()), defaultdict(int, a=1), defaultdict(None, {1: 2}, x=3))
c = dd.copy(); print(type(c).__name__, c, c is not dd, c.default_factory)
r = dd.__reduce__(); print(r[0].__name__, r[1], r[2], r[3], list(r[4]))
print(defaultdict(int, a=1) | {"b": 2}, {"x": 1} | defaultdict(int), type({"x": 1} | defaultdict(int)).__name__)
u = defaultdict(int); u |= {"q": 5}; print(u, type(u).__name__)
counts = defaultdict(int)
for w in "the quick the lazy the end".split():
    counts[w] += 1
print(sorted(counts.items()))
dd.default_factory = None
try:
    dd["zz"]
except KeyError as e:
    print("KeyError", e)
class D(defaultdict):
    pass
print(repr(D(int)), D(int).default_factory, isinstance(D(), dict))
rec = defaultdict(); rec.default_factory = rec.__repr__
print(repr(defaultdict(lambda: 0)).startswith("defaultdict(<function"))
nested = defaultdict(lambda: defaultdict(int)); nested["x"]["y"] += 1; print(dict(nested["x"]))

def attempt(label, f, *a, **k):
    try:
        print(label, "->", f(*a, **k))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

attempt("not callable", defaultdict, 1)
attempt("missing none", lambda: defaultdict()["x"])
attempt("missing args", defaultdict(int).__missing__)
attempt("missing direct", defaultdict(int).__missing__, "k")

m = {}
_count_elements(m, "abracadabra"); print(sorted(m.items()))
class Counter(dict):
    pass
cm = Counter(a=5); _count_elements(cm, "aab"); print(sorted(cm.items()))
class Logging(dict):
    def __setitem__(self, k, v):
        print("set", k, v)
        dict.__setitem__(self, k, v)
_count_elements(Logging(), "xyx")
attempt("count args", _count_elements, {})
attempt("count not iterable", _count_elements, {}, 5)

class P(tuple):
    x = _tuplegetter(0, "the x")
    y = _tuplegetter(1, None)
p = P((3, 4))
print(p.x, p.y, P.x.__doc__, type(P.__dict__["x"]).__name__)
attempt("set", setattr, p, "x", 1)
attempt("del", delattr, p, "x")
attempt("short", lambda: P((1,)).y)
attempt("non tuple", P.__dict__["x"].__get__, [1], list)
print(P.__dict__["x"].__reduce__())
