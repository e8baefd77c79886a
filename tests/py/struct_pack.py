# _struct: every code, byte order and alignment; ranges, errors and messages as CPython
import _struct as S

for fmt in ["b", "B", "h", "H", "i", "I", "l", "L", "q", "Q", "n", "N", "P", "e", "f", "d", "?", "c", "5s", "5p", "x"]:
    for order in ["", "@", "=", "<", ">", "!"]:
        f = order + fmt
        try:
            print(repr(f), S.calcsize(f), end=" ")
        except S.error as e:
            print(repr(f), "error:", e)
            continue
        vals = {"e": [1.5, -0.0, 65504.0, 1e-7, float("inf")], "f": [1.5, 3.4e38, -1e-40], "d": [2.5, -1e300],
                "?": [0, 2, []], "c": [b"z"], "5s": [b"ab", b"abcdefg"], "5p": [b"ab", b"abcdefg"], "x": [None]}.get(fmt, [0, 1, -1, 127, 255, 2**15, 2**31, 2**63, 2**64 - 1])
        for v in vals:
            try:
                b = S.pack(f) if fmt == "x" else S.pack(f, v)
                print(b.hex(), S.unpack(f, b), end=" ")
            except (S.error, OverflowError, TypeError) as e:
                print(type(e).__name__ + ":", e, end=" | ")
        print()

for fmt in ["cid", "@cid", "<cid", "ci", "ic", "3s2xi", "0i", "c0i", "hhl", "bq", "?e", "2c3?", " i  h ", "iii", "", "0s", "255p"]:
    print(repr(fmt), S.calcsize(fmt))
print(S.pack("<hh?3s", 1, -2, True, b"xy"), S.unpack("<hh?3s", b"\x01\x00\xfe\xff\x01xy\x00"))
print(S.pack(">IdHs", 7, 0.5, 9, b"q"), S.pack("@bi", 1, 2), S.pack("=bi", 1, 2))
print(S.unpack(">e", b"\x7c\x00"), S.unpack("<e", b"\x00\x7e"), S.unpack("<e", b"\x01\x00"), S.unpack("<f", b"\x00\x00\xc0\x7f"))
for x in [0.1, 1/3, 2**-24, 2**-25, 5 * 2**-26, 65519.99, 65520.0 - 1e-9, 1.00048828125, 1.0009765625 * (1 + 2**-12)]:
    try:
        print(x.hex(), S.pack("<e", x).hex(), S.unpack("<e", S.pack("<e", x))[0].hex())
    except OverflowError as e:
        print(x.hex(), e)
class Idx:
    def __index__(self):
        return 42
print(S.pack("i", Idx()), S.pack("d", 3), S.pack("f", True), S.pack("?", "x"))
st = S.Struct("<ih")
print(st.format, st.size, st.pack(1, 2), st.unpack(b"\x01\x00\x00\x00\x02\x00"), S.Struct(b">h").format)
print(st.unpack_from(b"xx\x01\x00\x00\x00\x02\x00", 2), st.unpack_from(b"\x01\x00\x00\x00\x02\x00zz", offset=0), S.unpack_from("<h", b"abcd", -2))
ba = bytearray(8); st.pack_into(ba, 1, 5, 6); print(ba); S.pack_into("<h", ba, -2, 7); print(ba)
mv = memoryview(ba); S.pack_into(">h", mv, 0, 258); print(ba)
print(list(S.iter_unpack("<h", b"\x01\x00\x02\x00\x03\x00")), list(st.iter_unpack(bytes(12))))
it = S.iter_unpack("<b", b"abc"); next(it); print(it.__length_hint__(), list(it))
print(S.unpack("<i", bytearray(b"\x01\x02\x03\x04")), S.unpack("<i", memoryview(b"\x01\x02\x03\x04")))
class MyStruct(S.Struct):
    pass
print(MyStruct("i").size, S.error.__module__, S.error.__name__, issubclass(S.error, Exception))
S._clearcache()

def attempt(label, f, *a, **k):
    try:
        print(label, "->", f(*a, **k))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

attempt("bad char", S.calcsize, "y")
attempt("bad P std", S.calcsize, "<P")
attempt("repeat", S.calcsize, "12")
attempt("too long", S.calcsize, "99999999999999999999i")
attempt("huge", S.calcsize, "9223372036854775807q")
attempt("null", S.calcsize, "i\0")
attempt("space count", S.calcsize, "4 i")
attempt("fmt int", S.calcsize, 5)
attempt("fmt nonascii", S.calcsize, "é")
attempt("pack none", S.pack)
attempt("pack count", S.pack, "ii", 1)
attempt("pack many", S.pack, "i", 1, 2)
attempt("not int", S.pack, "i", 1.5)
attempt("not int str", S.pack, "h", "x")
attempt("not float", S.pack, "d", "x")
attempt("char", S.pack, "c", b"ab")
attempt("char str", S.pack, "c", "a")
attempt("s str", S.pack, "3s", "abc")
attempt("p int", S.pack, "3p", 1)
attempt("f overflow", S.pack, "f", 1e300)
attempt("<f overflow", S.pack, "<f", -1e300)
attempt("e overflow", S.pack, "e", 70000.0)
attempt("unpack size", S.unpack, "i", b"abc")
attempt("unpack str", S.unpack, "i", "abcd")
attempt("unpack_from short", S.unpack_from, "i", b"abcdef", 4)
attempt("unpack_from neg", S.unpack_from, "i", b"abcdef", -10)
attempt("unpack_from kw fmt", S.unpack_from, format="i", buffer=b"abcd")
attempt("pack_into bytes", S.pack_into, "i", b"abcd", 0, 1)
attempt("pack_into short", S.pack_into, "i", bytearray(5), 2, 1)
attempt("pack_into neg", S.pack_into, "i", bytearray(6), -7, 1)
attempt("pack_into nospace", S.pack_into, "i", bytearray(6), -2, 1)
attempt("pack_into few", S.pack_into, "i", bytearray(6))
attempt("pack_into items", S.pack_into, "ii", bytearray(8), 0, 1)
attempt("Struct pack_into none", st.pack_into)
attempt("Struct pack_into one", st.pack_into, bytearray(8))
attempt("iter zero", S.iter_unpack, "", b"")
attempt("iter multiple", S.iter_unpack, "i", b"abcde")
attempt("Struct int", S.Struct, 5)
attempt("Struct none", S.Struct)
attempt("Struct unpack none", st.unpack)
attempt("Struct pack kw", st.pack, x=1)
attempt("offset str", st.unpack_from, b"", "a")
