# center/ljust/rjust/zfill.
for s in ["", "a", "ab", "abc", "日本", "-42", "+7", "--"]:
    print(repr(s.center(6)), repr(s.center(7, "*")), repr(s.ljust(5, ".")), repr(s.rjust(5)), repr(s.zfill(5)))
print("abc".center(2), "abc".ljust(-1), "abc".zfill(1))
print("42".zfill(6), "-42".zfill(6), "+42".zfill(6), "-".zfill(3), "a".zfill(3), "3.14".zfill(8))
print("x".center(4, "☃"), "odd".center(6, "-"), "even".center(7, "-"), "ab".center(5, "-"))
try:
    "a".center(5, "ab")
except TypeError as e:
    print("TypeError:", e)
try:
    "a".ljust("5")
except TypeError as e:
    print("TypeError:", e)
print(b"ab".center(6, b"-"), b"7".zfill(3), bytearray(b"x").rjust(3))
