# _heapq and _bisect: heaps and insertion points identical to CPython's, errors
import _heapq as h, _bisect as b

data = [5, 3, 8, 1, 9, 2, 7, 3, 3, 0, 6]
heap = []
for x in data:
    h.heappush(heap, x)
print(heap)
print([h.heappop(heap) for _ in range(len(heap))])
l = list(data); h.heapify(l); print(l)
print(h.heapreplace(l, 4), l, h.heappushpop(l, -1), h.heappushpop(l, 10), l)
l = list(data); h._heapify_max(l); print(l, h._heappop_max(l), l, h._heapreplace_max(l, 0), l)
big = [(i * 7919) % 5003 for i in range(6000)]
h.heapify(big); print(big[:20], sum(i * v for i, v in enumerate(big)))
big2 = [(i * 31) % 2999 for i in range(3000)]
h._heapify_max(big2); print(big2[:12], sum(i * v for i, v in enumerate(big2)))
pairs = [(3, "c"), (1, "a"), (2, "b"), (1, "z")]
ph = []
for p in pairs:
    h.heappush(ph, p)
print([h.heappop(ph) for _ in range(4)])
fl = [2.5, -1.0, 3.25, 0.0]; h.heapify(fl); print(fl)

def attempt(label, f, *a, **k):
    try:
        print(label, "->", f(*a, **k))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

attempt("push int", h.heappush, 1, 2)
attempt("push one", h.heappush, [])
attempt("pop empty", h.heappop, [])
attempt("pop int", h.heappop, 1)
attempt("replace empty", h.heapreplace, [], 1)
attempt("pushpop empty", h.heappushpop, [], 1)
attempt("heapify tuple", h.heapify, (1,))
attempt("pop kw", h.heappop, heap=[])
attempt("mixed", h.heapify, [1, "a", 2])
class Evil:
    def __init__(self, v, lst):
        self.v, self.lst = v, lst
    def __lt__(self, other):
        self.lst.clear()
        return self.v < other.v
ev = []
ev.extend([Evil(3, ev), Evil(1, ev), Evil(2, ev)])
attempt("mutating heapify", h.heapify, ev)

a = [1, 2, 2, 2, 3, 5, 8]
print(b.bisect_right(a, 2), b.bisect_left(a, 2), b.bisect_right(a, 0), b.bisect_left(a, 9), b.bisect_right(a, 2, 4), b.bisect_left(a, 2, 0, 2))
print(b.bisect_right(a, 2, hi=3), b.bisect_left(a, 2, lo=2, hi=None))
recs = [("a", 1), ("b", 3), ("c", 5)]
print(b.bisect_left(recs, 3, key=lambda r: r[1]), b.bisect_right(recs, 3, key=lambda r: r[1]))
s = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    b.insort_right(s, x)
print(s)
b.insort_left(s, 4); b.insort_right(s, 4.0); print(s)
b.insort(s, ("z"), key=lambda v: 0) if False else None
kl = [("a", 1), ("c", 3)]; b.insort_left(kl, ("b", 2), key=lambda r: r[1]); print(kl)
class MyList(list):
    def insert(self, i, x):
        print("insert", i, x)
        list.insert(self, i, x)
ml = MyList([1, 3]); b.insort_right(ml, 2); print(ml)
print(b.bisect_right(range(0, 100, 10), 35), b.bisect_left("abcdef", "d"))
attempt("lo neg", b.bisect_right, a, 1, -1)
attempt("one arg", b.bisect_left, a)
attempt("bad kw", b.bisect_left, a, 1, foo=1)
attempt("lo str", b.bisect_left, a, 1, "x")
attempt("five pos", b.bisect_left, a, 1, 0, 2, None)
attempt("int seq", b.bisect_left, 5, 1)
attempt("insort int", b.insort_left, 5, 1)
