# _operator: the operator functions, itemgetter/attrgetter/methodcaller, _compare_digest
import _operator as o

print(o.add(1, 2), o.sub(5, 3), o.mul("ab", 3), o.truediv(7, 2), o.floordiv(7, 2), o.mod(7, 3), o.pow(2, 10))
print(o.lshift(1, 5), o.rshift(64, 2), o.and_(12, 10), o.or_(12, 10), o.xor(12, 10), o.neg(5), o.pos(-5), o.invert(5), o.inv(0), o.abs(-3.5))
l = [1]; print(o.iadd(l, [2]), l, o.imul([1], 2), o.isub(5, 1), o.ior({1}, {2}), o.iconcat([1], (2,)))
print(o.lt(1, 2), o.le(2, 2), o.eq(1, 1.0), o.ne(1, 2), o.gt(1, 2), o.ge(3, 2), o.lt([1], [2]))
print(o.not_([]), o.truth([0]), o.is_(None, None), o.is_not(1, None), o.index(True))
print(o.concat([1], [2]), o.concat("a", "b"), o.contains([1, 2], 2), o.countOf([1, 1, 2, 1.0], 1), o.indexOf("abc", "c"))
d = {"a": 1}; o.setitem(d, "b", 2); print(o.getitem(d, "b")); o.delitem(d, "a"); print(d)
print(o.length_hint([1, 2]), o.length_hint(iter(range(5))), o.length_hint(object(), 7), o.call(len, "abc"), o.call(dict, a=1))
print(o._compare_digest(b"abc", b"abc"), o._compare_digest("abc", "abd"), o._compare_digest(bytearray(b"x"), b"x"), o._compare_digest(b"a", b"ab"))
g = o.itemgetter(1); print(g([5, 6]), g("xy"), g({1: "one"}), o.itemgetter(0, -1)("hello"), o.itemgetter(slice(1, 3))("abcd"))
print(repr(o.itemgetter(1, "a")), o.itemgetter(1).__reduce__())
class P:
    def __init__(self):
        self.a = 1
        self.b = self
ag = o.attrgetter("a", "b.a", "b.b.a"); print(ag(P()), o.attrgetter("a")(P()), repr(ag), ag.__reduce__()[1])
mc = o.methodcaller("split", ",", maxsplit=1); print(mc("a,b,c"), repr(mc), o.methodcaller("upper")("x"), repr(o.methodcaller("f", 1, 2)))
print(o.methodcaller("f", 1).__reduce__()[1], sorted(["b", "A", "c"], key=o.methodcaller("lower")))
print(sorted([(1, "b"), (0, "c"), (1, "a")], key=o.itemgetter(0)), sorted([(1, "b"), (0, "c")], key=o.itemgetter(1, 0)))
print(type(g).__name__, type(g).__module__, type(ag).__name__, type(mc).__name__)

def attempt(label, f, *a, **k):
    try:
        print(label, "->", f(*a, **k))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

attempt("add one", o.add, 1)
attempt("add kw", o.add, 1, b=2)
attempt("neg two", o.neg, 1, 2)
attempt("concat int", o.concat, 1, 2)
attempt("iconcat int", o.iconcat, 1, 2)
attempt("indexOf missing", o.indexOf, [1], 2)
attempt("index str", o.index, "a")
attempt("length_hint default", o.length_hint, 1, "a")
attempt("length_hint none", o.length_hint)
attempt("itemgetter none", o.itemgetter)
attempt("attrgetter int", o.attrgetter, 1)
attempt("attrgetter mixed", o.attrgetter, "a", 1)
attempt("attrgetter none", o.attrgetter)
attempt("methodcaller none", o.methodcaller)
attempt("methodcaller int", o.methodcaller, 1)
attempt("digest ints", o._compare_digest, 1, 2)
attempt("digest mixed", o._compare_digest, "a", b"a")
attempt("digest nonascii", o._compare_digest, "é", "é")
attempt("getter no arg", o.itemgetter(1))
attempt("getter two args", o.itemgetter(1), 1, 2)
attempt("getter kw", o.itemgetter(1), x=1)
attempt("getter index", o.itemgetter(5), [1])
attempt("attr missing", o.attrgetter("zz"), 1)
attempt("truth none", o.truth)
attempt("not two", o.not_, 1, 2)
attempt("call none", o.call)
attempt("sub types", o.sub, "a", 1)
class C:
    def __length_hint__(self):
        return "x"
class N:
    def __length_hint__(self):
        return -1
class NI:
    def __length_hint__(self):
        return NotImplemented
attempt("hint str", o.length_hint, C())
attempt("hint neg", o.length_hint, N())
attempt("hint notimpl", o.length_hint, NI(), 3)
