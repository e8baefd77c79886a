import copy, copyreg


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a):
        self.a = a


class Both(Slotted):
    def __init__(self, a, c):
        super().__init__(a)
        self.c = c


class WithState:
    def __init__(self, v):
        self.v = v
        self.cache = {"big": v * 100}

    def __getstate__(self):
        return {"v": self.v}

    def __setstate__(self, st):
        self.v = st["v"]
        self.cache = "rebuilt"


class Reducer:
    def __init__(self, n):
        self.n = n

    def __reduce__(self):
        return (Reducer, (self.n + 1,))


class NewArgs(int):
    def __new__(cls, v, tag):
        o = int.__new__(cls, v)
        o.tag = tag
        return o

    def __getnewargs__(self):
        return (int(self), self.tag)


class KwNew:
    def __new__(cls, *, k):
        o = object.__new__(cls)
        o.k = k
        return o

    def __getnewargs_ex__(self):
        return ((), {"k": self.k})


class MyList(list):
    pass


class MyDict(dict):
    pass


p = Point(1, [2, 3])
q = copy.copy(p)
r = copy.deepcopy(p)
print(q, q.y is p.y, r, r.y is p.y)

s = Slotted(5)
s2 = copy.deepcopy(s)
print(s2.a, hasattr(s2, "b"))
b = Both([1], {"c": 2})
b.b = "bee"
b2 = copy.deepcopy(b)
print(b2.a, b2.b, b2.c, b2.a is b.a)

w = copy.deepcopy(WithState(3))
print(w.v, w.cache)
print(copy.copy(Reducer(1)).n, copy.deepcopy(Reducer(10)).n)

na = copy.deepcopy(NewArgs(7, "t"))
print(type(na).__name__, na, na.tag)
kn = copy.copy(KwNew(k=4))
print(type(kn).__name__, kn.k)

ml = MyList([1, [2]])
ml.extra = "x"
ml2 = copy.deepcopy(ml)
print(type(ml2).__name__, ml2, ml2.extra, ml2[1] is ml[1])
md = MyDict(a=[1])
md2 = copy.deepcopy(md)
print(type(md2).__name__, md2, md2["a"] is md["a"])

# cycles and sharing
a = [1]
a.append(a)
d = {"x": a, "y": a}
d2 = copy.deepcopy(d)
print(d2["x"] is d2["y"], d2["x"][1] is d2["x"], d2["x"] is a)
node = Point(None, None)
node.x = node
n2 = copy.deepcopy(node)
print(n2.x is n2, n2 is node)

# builtin types
for v in [{1, 2}, frozenset([3]), bytearray(b"ab"), range(1, 9, 2), slice(1, 2, 3),
          ValueError("bad", 1), 2 + 3j, True, b"x", (1, [2]), "s", None, Ellipsis]:
    c = copy.deepcopy(v)
    print(type(c).__name__, repr(c), c == v if not isinstance(v, Exception) else c.args)

# __reduce_ex__ shapes
print(Point(1, 2).__reduce_ex__(2)[1:3])
print(object().__reduce_ex__(4)[1:])
print(MyList([1]).__reduce_ex__(2)[1:3])
print(Slotted(1).__reduce_ex__(2)[2])
print(Both(1, 2).__reduce_ex__(2)[2])
print(Point(1, 2).__reduce_ex__(1)[1])
print(Point(1, 2).__reduce__()[1])
print(Point(3, 4).__getstate__())
print(object().__getstate__(), Slotted(9).__getstate__())
print({1, 2}.__reduce__(), frozenset().__reduce__())
print(bytearray(b"hi").__reduce_ex__(2), bytearray(b"hi").__reduce_ex__(3), bytearray().__reduce__())
print(range(3).__reduce__(), slice(None, 4).__reduce__())
print(ValueError("m", 2).__reduce__(), KeyError("k").__reduce__())
e = OSError(2, "No such file", "f.txt")
print(e.__reduce__())
print(ImportError("x", name="mod").__reduce__())
print((5).__getnewargs__(), True.__getnewargs__(), (1.5).__getnewargs__(), (1 + 2j).__getnewargs__())
print(len.__reduce__(), Ellipsis.__reduce__(), NotImplemented.__reduce__())
print(int.__flags__ & (1 << 9), Point.__flags__ & (1 << 9) != 0, bool(list.__flags__ & (1 << 25)))

# errors
for bad in [lambda: object().__reduce_ex__(), lambda: object().__reduce_ex__("x"),
            lambda: (i for i in "").__reduce_ex__(2),
            lambda: (1, 2).__class__.__reduce_ex__(MyList(), 0) and None,
            lambda: ValueError().__setstate__(5)]:
    try:
        bad()
        print("no error")
    except Exception as ex:
        print(type(ex).__name__ + ":", ex)


class BadNewArgs:
    def __getnewargs__(self):
        return [1]


class BadNewArgsEx:
    def __getnewargs_ex__(self):
        return ((), {}, 3)


for o in [BadNewArgs(), BadNewArgsEx()]:
    try:
        o.__reduce_ex__(2)
    except Exception as ex:
        print(type(ex).__name__ + ":", ex)

# copyreg registration drives copy too
class Reg:
    def __init__(self, v):
        self.v = v


copyreg.pickle(Reg, lambda o: (Reg, (o.v * 2,)))
print(copy.copy(Reg(21)).v)
