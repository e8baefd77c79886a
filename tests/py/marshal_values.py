# marshal: values without code objects; versions 0-2 write CPython's bytes, every version
# reads CPython's output (object references included) and round-trips
import marshal as m

values = [5, -7, 2**31 - 1, -2**31, 2**31, 2**40, -2**40, 2**100, -(2**100) + 3, 0, 1.5, -0.0, 0.1, 1e300, float("inf"),
          "abc", "x y", "é", "日本", "a" * 300, "", b"ab", b"", bytearray(b"x"), (1, 2), (), [1, "a", [2.5]], {1: 2, "k": [3]},
          {1}, frozenset([2]), None, True, False, ..., StopIteration, 1j, complex(-1.5, 2.25), ("t",) * 3]
for v in values:
    print(repr(v)[:24], m.dumps(v, 2)[:40], m.dumps(v, 1)[:24], m.dumps(v, 0)[:24], m.loads(m.dumps(v)) == v, m.loads(m.dumps(v, 3)) == v, m.loads(m.dumps(v, 1)) == v)
print(m.loads(b"\xe9\x05\x00\x00\x00"), m.loads(b"[\x02\x00\x00\x00\xe9\xe8\x03\x00\x00r\x00\x00\x00\x00"))
a = m.loads(b')\x05\xda\x06sharedr\x00\x00\x00\x00\xda\x03abc\xe7\x00\x00\x00\x00\x00\x00\xf8?[\x01\x00\x00\x00r\x00\x00\x00\x00')
b = m.loads(b'{\xda\x01k\xdb\x01\x00\x00\x00\xe9\x01\x00\x00\x00\xda\x01jr\x01\x00\x00\x000')
print(a, a[0] is a[1], b, b["k"] is b["j"])
shared = [1, 2]
t = m.loads(m.dumps((shared, shared)))
print(t, t[0] is t[1], m.loads(m.dumps(shared, 4)))
print(m.version, m.loads(m.dumps({"nested": {"deep": [1, {2: (3,)}]}})))
class F:
    def __init__(self):
        self.data = b""
    def write(self, b):
        self.data += b
f = F(); m.dump([1, "two"], f); print(f.data[:1], m.loads(f.data))

def attempt(label, fn, *a):
    try:
        print(label, "->", fn(*a))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

attempt("empty", m.loads, b"")
attempt("short", m.loads, b"i\x01")
attempt("code", m.loads, b"Q")
attempt("ref", m.loads, b"r\x00\x00\x00\x00")
attempt("tuple short", m.loads, b"(\x02\x00\x00\x00N")
attempt("object", m.dumps, object())
attempt("nested object", m.dumps, [1, object()])
attempt("version str", m.dumps, 1, "a")
attempt("loads str", m.loads, "abc")
attempt("no args", m.dumps)
