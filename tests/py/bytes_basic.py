# bytes construction, indexing, slicing, iteration, comparison.
b = b"hello\x00\xff"
print(b, len(b), b[0], b[-1], b[1:3], b[::-1], b[::2], list(b), type(b[0]).__name__)
print(bytes(), bytes(3), bytes([65, 66, 67]), bytes(range(5)), bytes(b"copy"), bytes(bytearray(b"ba")), bytes("é", "utf-8"))
print(bytes.fromhex("48 65 6c6c 6F"), bytes.fromhex(""), b"\x01\xab".hex(), b"abc".hex("-"), b"abcdef".hex(":", 2), b"abcdef".hex(" ", -2))
print(b"a" + b"b", b"ab" * 3, 2 * b"x", b"a" in b"cab", 97 in b"abc", b"" in b"x", b"ab" < b"b", b"a" == b"a", b"a" == "a")
print(sorted([b"b", b"a", b"ab", b""]), max(b"azb"), sum(b"\x01\x02"))
for bad in [lambda: bytes([256]), lambda: bytes([-1]), lambda: bytes("str"), lambda: bytes(-1), lambda: bytes.fromhex("zz"),
            lambda: bytes.fromhex("abc"), lambda: b"a" + "b", lambda: b"abc"[10], lambda: 1.5 in b"a", lambda: 300 in b"a",
            lambda: bytes(1.5), lambda: b"x"[0:1][5]]:
    try:
        print(bad())
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__ + ":", e)
try:
    b[0] = 1
except TypeError as e:
    print("TypeError:", e)
print(b"abc".upper(), b"ABC".lower(), b"a b".title(), b"abc".capitalize(), b"aBc".swapcase())
print(b"x=1".split(b"="), b"a b  c".split(), b"  a ".strip(), b"a,b".rsplit(b",", 1), b"-".join([b"1", b"2"]))
print(b"abcabc".find(b"c"), b"abcabc".rfind(b"c"), b"abcabc".index(b"b"), b"abcabc".count(b"ab"), b"abc".find(99))
print(b"abc".replace(b"b", b"B"), b"abc".startswith(b"ab"), b"abc".endswith(b"bc"), b"hello".center(9, b"*"))
print(hash(b"abc") == hash(b"abc"), {b"k": 1}[b"k"])
print(bytes([1, 2]) == bytearray([1, 2]), b"\x00" * 3, b"%d items" % 3)
