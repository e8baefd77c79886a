# _functools: reduce, partial, cmp_to_key, _lru_cache_wrapper
import _functools as f
def attempt(label, fn, *a, **k):
    try:
        print(label, "->", fn(*a, **k))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)
attempt("reduce", f.reduce, lambda a, b: a + b, [1, 2, 3])
attempt("reduce init", f.reduce, lambda a, b: a + b, [], 5)
attempt("reduce empty", f.reduce, lambda a, b: a + b, [])
attempt("reduce one", f.reduce, len)
attempt("reduce kw", f.reduce, len, [], x=1)
attempt("reduce int", f.reduce, len, 1)
attempt("partial none", f.partial)
attempt("partial int", f.partial, 1)
p = f.partial(int, base=2); print(p("101"), p.func, p.args, p.keywords, repr(p))
p2 = f.partial(p, "11"); print(p2(), p2.func, p2.args, p2.keywords, repr(p2))
p3 = f.partial(max, 1, 2); print(p3(3), repr(p3), p3.__reduce__())
p.attr = 5; print(p.attr, p.__dict__)
attempt("set func", setattr, p, "func", 1)
p4 = f.partial(p); print(p4.func is p, p4.args)
class S(f.partial): pass
print(repr(S(int, 1)))
K = f.cmp_to_key(lambda a, b: a - b); k1, k2 = K(1), K(2)
print(k1 < k2, k1 > k2, k1 == k2, k1 <= k1, k1.obj, sorted([3, 1, 2], key=K), type(k1).__name__, type(K).__name__)
attempt("key cmp other", lambda: k1 < 1)
print(type(k1).__hash__)
attempt("cmp_to_key none", f.cmp_to_key)
attempt("K none", K)
attempt("K two", K, 1, 2)
print(K(obj=1).obj)
print(f.cmp_to_key(mycmp=len) is not None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
class Info(tuple):
    def __new__(cls, *a):
        return tuple.__new__(cls, a)
w = f._lru_cache_wrapper(fib, 128, False, Info)
fib = w
print(w(20), w.cache_info())
w.cache_clear(); print(w.cache_info())
calls = []
def g(*a, **k):
    calls.append((a, tuple(sorted(k.items()))))
    return len(calls)
lg = f._lru_cache_wrapper(g, 2, False, Info)
print(lg(1), lg(1), lg(2), lg(3), lg(1), lg(3), lg(x=1), lg(x=1), lg(1, x=1), lg.cache_info())
tg = f._lru_cache_wrapper(g, None, True, Info)
print(tg(1), tg(1.0), tg(1), tg("a"), tg.cache_info())
zg = f._lru_cache_wrapper(g, 0, False, Info)
print(zg(1), zg(1), zg.cache_info())
class A:
    m = f._lru_cache_wrapper(lambda self, x: x * 2, 10, False, Info)
print(A().m(4), A.m.cache_info())
w.extra = 1; print(w.extra, w.__dict__)
attempt("lru bad", f._lru_cache_wrapper, 1, 1, False, Info)
attempt("lru maxsize", f._lru_cache_wrapper, len, "a", False, Info)
attempt("lru args", f._lru_cache_wrapper, len)
print(w.__reduce__ is not None)
