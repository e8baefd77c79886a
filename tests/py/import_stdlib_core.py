# Library modules that need only pyjit's own native modules: abc, types, io, keyword,
# heapq, bisect, datetime, warnings, contextvars, codecs, atexit, weakref basics, numbers
import abc, types, io, keyword, heapq, bisect, datetime, warnings, contextvars, codecs
import atexit, numbers, _thread, _weakref, _string, copyreg, sys


class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self): ...


class Square(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s * self.s


try:
    Shape()
except TypeError as e:
    print("TypeError:", e)
print(Square(3).area(), isinstance(Square(1), Shape), issubclass(Square, Shape))
Shape.register(int)
print(isinstance(5, Shape), issubclass(bool, Shape), isinstance("x", Shape))
print(isinstance(3, numbers.Integral), isinstance(2.5, numbers.Real), isinstance(1j, numbers.Complex))

print(types.FunctionType.__name__, types.GetSetDescriptorType.__name__, types.MemberDescriptorType.__name__)
ns = types.SimpleNamespace(a=1, b=2)
print(ns, types.MappingProxyType({"k": 1})["k"])
print(types.new_class("K", (object,)).__name__, type(types.coroutine).__name__)
print(keyword.iskeyword("yield"), keyword.iskeyword("match"), keyword.issoftkeyword("match"), len(keyword.kwlist))

h = [5, 1, 4, 2, 3]
heapq.heapify(h)
print([heapq.heappop(h) for _ in range(3)], heapq.nlargest(2, [7, 1, 9, 3]), heapq.nsmallest(2, [7, 1, 9, 3]))
print(list(heapq.merge([1, 4, 7], [2, 5, 8])))
a = [1, 2, 4, 4, 8]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 5))
bisect.insort(a, 3)
print(a)

d = datetime.date(2024, 2, 28) + datetime.timedelta(days=2)
print(d, d.weekday(), d.isoformat(), d.strftime("%Y/%m/%d"))
dt = datetime.datetime(2021, 5, 6, 7, 8, 9, 123456)
print(dt, repr(dt), dt.isoformat(timespec="seconds"), dt.timestamp() if dt.tzinfo else "naive")
print(datetime.datetime.fromisoformat("2020-01-02T03:04:05") - datetime.datetime(2020, 1, 1))
utc = datetime.timezone.utc
print(datetime.datetime(2000, 1, 1, tzinfo=utc).isoformat(), datetime.timedelta(hours=36, seconds=5))

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn("careful", RuntimeWarning)
    warnings.warn("old", DeprecationWarning)
print([(type(w.message).__name__, str(w.message), w.lineno) for w in caught])
warnings.filterwarnings("error", category=UserWarning)
try:
    warnings.warn("now an error")
except UserWarning as e:
    print("UserWarning:", e)
warnings.resetwarnings()

var = contextvars.ContextVar("var", default="default")
print(var.get())
tok = var.set("set")
ctx = contextvars.copy_context()
var.set("later")
print(var.get(), ctx[var], ctx.run(var.get))
var.reset(tok)
print(var.get(), var.name)

print(codecs.lookup("utf-8").name, codecs.lookup("latin_1").name, codecs.encode("é", "utf-8"))
print(codecs.decode(b"\xe9", "latin-1"), codecs.utf_8_decode(b"\xc3\xa9\xc3", "strict", False))
print(codecs.escape_decode(b"a\\x41\\n")[0], codecs.unicode_escape_decode(b"\\u00e9\\t")[0] == "\xe9\t")
print(codecs.lookup_error("strict") is codecs.strict_errors)
try:
    codecs.lookup("no-such-codec")
except LookupError as e:
    print("LookupError:", e)

print(list(_string.formatter_parser("a{0}b{x!r:>{w}}c{{d}}")))
first, rest = _string.formatter_field_name_split("obj.attr[0][key]")
print(first, list(rest))

lock = _thread.allocate_lock()
print(lock.acquire(), lock.locked(), lock.acquire(False))
lock.release()
r = _thread.RLock()
with r:
    with r:
        print("reentered")


class Obj:
    pass


o = Obj()
ref = _weakref.ref(o)
print(ref() is o, _weakref.getweakrefcount(o), ref == _weakref.ref(o))
try:
    _weakref.ref(1)
except TypeError as e:
    print("TypeError:", e)
b = io.BytesIO()
b.write(b"bytes")
print(b.getvalue(), io.StringIO("line1\nline2").readlines())
atexit.register(print, "atexit ran", 2)
atexit.register(lambda: print("atexit ran", 1))
print(copyreg.__name__, "done")
