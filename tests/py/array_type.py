# array.array: typecodes, conversions and overflow messages, slicing, buffers, errors
from array import array as A
import array, _struct, zlib, binascii

for tc in array.typecodes:
    init = "héllo" if tc == "u" else ([1.5, -2.25, 0.0] if tc in "fd" else [1, 2, 3, 0, 100])
    a = A(tc, init)
    print(tc, repr(a), a.itemsize, len(a), a.tolist(), a.tobytes().hex(), a[0], a[-1], a[1:3], list(a))
    b = A(tc, a.tobytes()); print(" ", b == a, b is not a, A(tc, a) == a, a.typecode)
for tc in "bBhHiIlLqQfdu":
    for v in [2**70, -2**70, -1, -129, 128, 256, 2**16, -2**15 - 1, 2**31, 2**32, 2**63, "a", 1.5, "ab", None]:
        try:
            A(tc, [v])
        except Exception as e:
            print(tc, repr(v)[:10], type(e).__name__, e)
a = A("i", range(10))
a.append(10); a.extend([11, 12]); a.extend(A("i", [13])); a.insert(0, -1); a.insert(-1, 99); a.insert(100, 100)
print(a, a.pop(), a.pop(0), a.count(99), a.index(5), a.index(5, 2, 9), 5 in a, 77 in a)
a.remove(99); a.reverse(); print(a); a.byteswap(); a.byteswap(); print(a[::2], a[::-3], a[2:5])
a[1] = 42; a[2:4] = A("i", [7, 7, 7]); a[::5] = A("i", [0] * len(a[::5])); print(a)
del a[0]; del a[::4]; print(a, len(a))
print(A("d", [1.0]) + A("d", [2.5]), A("b", [1, 2]) * 3, 2 * A("h", [5]), A("i", [1]) * 0)
c = A("i", [1, 2]); c += A("i", [3]); c *= 2; print(c, c == A("i", [1, 2, 3, 1, 2, 3]), c < A("i", [1, 3]), A("b", [1]) == A("d", [1.0]))
u = A("u", "abc"); u.fromunicode("déf"); print(u, u.tounicode(), u[3])
f = A("f", [0.1, 1e30]); print(f, f.tolist())
print(bytes(A("H", [1, 258])), _struct.unpack("<2H", A("H", [1, 258])), zlib.crc32(A("B", b"abc")), binascii.hexlify(A("h", [1, -1])), memoryview(A("B", [1, 2])) if False else 0)
buf = A("B", bytes(8)); _struct.pack_into("<I", buf, 2, 0x01020304); print(buf)
fl = A("i"); fl.fromlist([1, 2]); fl.frombytes(b"\x05\x00\x00\x00"); print(fl, fl.buffer_info()[1])
print(A("i", [1, 2]).__reduce_ex__(3)[1], array._array_reconstructor(A, "i", 9, b"\x01\x00\x00\x00"))
class MyA(A):
    pass
m = MyA("i", [1, 2]); m.x = 5; print(repr(m), m.x, type(m[0:1]).__name__, type(m + m).__name__)
print(type(iter(a)).__name__, A.__module__, array.ArrayType is A, list(reversed(A("i", [1, 2, 3]))), sorted(A("i", [3, 1, 2])))

def attempt(label, f, *args, **k):
    try:
        print(label, "->", f(*args, **k))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

e = A("i", [1, 2, 3])
attempt("bad code", A, "x")
attempt("int code", A, 1)
attempt("two-char code", A, "ii")
attempt("str init", A, "i", "abc")
attempt("int init", A, "i", 5)
attempt("no args", A)
attempt("kw", A, "i", x=1)
attempt("pop empty", A("i").pop)
attempt("pop range", e.pop, 5)
attempt("index range", lambda: e[5])
attempt("index str", lambda: e["x"])
attempt("remove", e.remove, 9)
attempt("index missing", e.index, 9)
attempt("frombytes", e.frombytes, b"abc")
attempt("fromunicode", e.fromunicode, "x")
attempt("tounicode", e.tounicode)
attempt("extend kind", e.extend, A("d"))
attempt("add list", lambda: e + [1])
attempt("add kind", lambda: e + A("d"))
attempt("mul str", lambda: e * "x")
attempt("slice list", e.__setitem__, slice(0, 2), [1])
attempt("slice kind", e.__setitem__, slice(0, 2), A("d", [1.0]))
attempt("ext slice", e.__setitem__, slice(0, 3, 2), A("i", [1]))
attempt("bytes size", A, "i", b"abc")
attempt("insert str", e.insert, "x", 1)
attempt("byteswap arg", e.byteswap, 1)
attempt("fromlist tuple", e.fromlist, (1,))
attempt("fromlist bad", e.fromlist, [1, "x"])
print(e)
attempt("u item", A, "u", [1])
attempt("f item", A, "f", ["x"])
