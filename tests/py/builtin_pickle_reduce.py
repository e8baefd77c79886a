# object.__reduce_ex__ / __reduce__ / __getstate__ and the builtin __reduce__ methods, as
# copy and pickle use them.
import copy, copyreg, pickle

class P:
    def __init__(self, x):
        self.x = x
        self.items = [x, [x]]
    def __eq__(self, o):
        return type(o) is type(self) and o.__dict__ == self.__dict__

p = P(3)
r = p.__reduce_ex__(2)
print(r[0] is copyreg.__newobj__, r[1], r[2], r[3], r[4])
r = p.__reduce_ex__(4)
print(r[0].__name__, r[1][0].__name__, len(r))
print(p.__reduce_ex__(0)[0] is copyreg._reconstructor, p.__reduce_ex__(1)[1])
print(p.__reduce__()[1], p.__getstate__())
print(object().__reduce_ex__(2)[1:], object().__reduce__()[1:], object().__getstate__())

q = copy.copy(p)
print(q == p, q is p, q.items is p.items)
d = copy.deepcopy(p)
print(d == p, d.items is p.items, d.items[1] is p.items[1])
print(p.x, p.__dict__)  # the original still works

class S:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = 1
print(S().__getstate__(), S().__reduce_ex__(2)[2])
s2 = copy.deepcopy(S())
print(s2.a, hasattr(s2, "b"))

class SD:
    __slots__ = ("a", "__dict__")
sd = SD(); sd.a = 1; sd.z = 2
print(sd.__getstate__())

class G:
    def __init__(self):
        self.v = 1
    def __getstate__(self):
        return {"v": self.v * 10}
    def __setstate__(self, st):
        self.v = st["v"] + 1
print(copy.deepcopy(G()).v, pickle.loads(pickle.dumps(G())).v)

class NA:
    def __new__(cls, a, b=0):
        o = super().__new__(cls)
        o.a, o.b = a, b
        return o
    def __getnewargs__(self):
        return (self.a,)
class NK(NA):
    def __getnewargs_ex__(self):
        return ((self.a,), {"b": self.b})
r = NA(5).__reduce_ex__(2)
print(r[1][1:], r[2])
r = NK(5, 6).__reduce_ex__(2)
print(r[0] is copyreg.__newobj_ex__, r[1][1:])
n = copy.deepcopy(NK(7, 8))
print(type(n).__name__, n.a, n.b)

class BadArgs:
    def __getnewargs__(self):
        return [1]
class BadEx:
    def __getnewargs_ex__(self):
        return ((), [])
for o in (BadArgs(), BadEx()):
    try:
        o.__reduce_ex__(2)
    except TypeError as e:
        print("TypeError:", e)

class Red:
    def __reduce__(self):
        return (Red, ())
print(Red().__reduce_ex__(2), Red().__reduce_ex__(0))

class L(list):
    pass
l = L([1, 2]); l.tag = "t"
r = l.__reduce_ex__(2)
print(r[1][0].__name__, r[2], list(r[3]), r[4])
c = copy.deepcopy(l)
print(type(c).__name__, c, c.tag)
class D(dict):
    pass
dd = D(a=1)
r = dd.__reduce_ex__(2)
print(r[3], list(r[4]))
print(copy.copy(dd), type(copy.copy(dd)).__name__)

print({1, 2}.__reduce__(), frozenset([3]).__reduce__())
class SS(set):
    pass
x = SS([1]); x.a = 1
print(x.__reduce__()[1:])
print(range(1, 10, 2).__reduce__(), slice(1, None).__reduce__())
e = ValueError(1, 2)
print(e.__reduce__())
e.x = 5
print(e.__reduce__())
e.__setstate__({"y": 3})
print(e.y, e.__setstate__(None))
try:
    e.__setstate__(5)
except TypeError as ex:
    print("TypeError:", ex)
ce = copy.deepcopy(e)
print(type(ce).__name__, ce.args, ce.x)
pe = pickle.loads(pickle.dumps(KeyError("k")))
print(repr(pe))

for f in (lambda: object().__reduce_ex__(), lambda: object().__reduce_ex__("x"),
          lambda: object().__reduce__(1), lambda: object().__getstate__(1)):
    try:
        f()
    except TypeError as ex:
        print("TypeError:", ex)

for proto in range(0, 6):
    s = pickle.dumps(p, proto)
    print(proto, pickle.loads(s) == p)
t = pickle.loads(pickle.dumps([p, {1: (p,)}, {2, 3}, range(3), slice(1, 2)]))
print(t[0] == p, t[1][1][0] is t[0], t[2:])
print(type(int.__flags__), bool(P.__flags__ & (1 << 9)), bool(int.__flags__ & (1 << 9)))
print(bool(list.__flags__ & (1 << 5)), bool(dict.__flags__ & (1 << 6)), bool(L.__flags__ & (1 << 25)))
