# startswith/endswith with tuples and ranges.
s = "hello world"
print(s.startswith("hello"), s.startswith("world"), s.startswith("world", 6), s.startswith("lo", 3, 5))
print(s.endswith("world"), s.endswith("hello"), s.endswith("hello", 0, 5), s.endswith("o", 0, -6))
print(s.startswith(("x", "he")), s.endswith(("ld", "zz")), s.startswith(()), s.startswith(""), "".startswith(""))
print(s.startswith("", 11), s.startswith("", 12), s.endswith("", -100))
try:
    s.startswith(["he"])
except TypeError as e:
    print("TypeError:", e)
try:
    s.endswith(("a", 1))
except TypeError as e:
    print("TypeError:", e)
print(b"abc".startswith(b"a"), b"abc".endswith((b"c", b"d")), bytearray(b"xy").startswith(b"x"))
