import pickle, io, collections


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, o):
        return type(o) is Point and (self.x, self.y) == (o.x, o.y)

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a, b):
        self.a, self.b = a, b


class Custom:
    def __init__(self, v):
        self.v = v

    def __reduce__(self):
        return (Custom, (self.v,))


class Stateful:
    def __init__(self):
        self.keep = 1
        self.drop = 2

    def __getstate__(self):
        return {"keep": self.keep}

    def __setstate__(self, s):
        self.__dict__.update(s)
        self.drop = "restored"


class MyList(list):
    pass


def roundtrip(v, proto):
    data = pickle.dumps(v, protocol=proto)
    return data, pickle.loads(data)


values = [None, True, False, 0, 1, -1, 255, 256, 65536, -2**31, 2**31, 2**100, -2**100,
          1.5, -0.0, float("inf"), 1e300, 2 + 3j, "", "abc", "é\u20ac\U0001F600", "x" * 300,
          b"", b"bytes", bytearray(b"ba"), (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), [], [1, [2]],
          {}, {"a": 1, 2: [3]}, {1, 2, 3}, frozenset({"f"}), range(2, 10, 3), slice(1, None),
          Point(1, "two"), collections.OrderedDict(b=1, a=2), collections.deque([1, 2], maxlen=3),
          collections.defaultdict(list, {"k": [1]}), collections.Counter("hello"),
          ValueError("bad", 3), len, Point, Ellipsis, NotImplemented, type(None)]
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    same = []
    for v in values:
        data, back = roundtrip(v, proto)
        ok = back == v if not isinstance(v, Exception) else (type(back), back.args) == (type(v), v.args)
        if not ok:
            print("MISMATCH", proto, repr(v), repr(back))
        same.append(data)
    print(proto, "ok", sum(len(d) for d in same))

for proto in (0, 2, 4, 5):
    print(proto, pickle.dumps([1, "a", (2.5, None)], protocol=proto))
    print(proto, pickle.dumps(Point(1, 2), protocol=proto))

s = Slotted(1, [2])
s2 = pickle.loads(pickle.dumps(s))
print(s2.a, s2.b)
print(pickle.loads(pickle.dumps(Custom(9))).v)
st = pickle.loads(pickle.dumps(Stateful()))
print(sorted(vars(st).items()))
ml = MyList([1, 2])
ml.tag = "t"
ml2 = pickle.loads(pickle.dumps(ml, 2))
print(type(ml2).__name__, ml2, ml2.tag)

# shared references and cycles survive
shared = [1]
obj = {"a": shared, "b": shared}
obj["self"] = obj
back = pickle.loads(pickle.dumps(obj))
print(back["a"] is back["b"], back["self"] is back)

# file interface, Pickler/Unpickler objects, memo across dumps
f = io.BytesIO()
p = pickle.Pickler(f, protocol=3)
p.dump([1, 2])
p.dump("second")
f.seek(0)
u = pickle.Unpickler(f)
print(u.load(), u.load())
f = io.BytesIO()
pickle.dump({"k": (1, 2)}, f)
f.seek(0)
print(pickle.load(f))

# errors
# (the messages of C _pickle and of pickle.py differ for bad data; the types agree here)
for bad in [lambda: pickle.loads(b""), lambda: pickle.dumps((i for i in ())),
            lambda: pickle.dumps(1, protocol=6), lambda: pickle.dumps(lambda: 1)]:
    try:
        bad()
        print("no error")
    except (pickle.PicklingError, AttributeError) as e:
        print("cannot pickle the lambda")
    except Exception as e:
        print(type(e).__name__ + ":", str(e) if not isinstance(e, EOFError) else "")
print(pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL)
