# str.maketrans and translate.
t = str.maketrans("abc", "xyz")
print(sorted(t.items()))
print("aabbcc-abc".translate(t))
t2 = str.maketrans("ab", "AB", "xyz")
print(sorted(t2.items()), "axbycz".translate(t2))
t3 = str.maketrans({"a": "1", "b": None, ord("c"): "333", "☃": "snow"})
print(sorted(t3.items()), "abc☃d".translate(t3))
print("hello".translate({ord("l"): ord("L")}), "hello".translate({}), "hello".translate([]))
class Table:
    def __getitem__(self, k):
        if k == ord("e"):
            return "3"
        raise LookupError
print("hello".translate(Table()))
try:
    str.maketrans("ab", "x")
except ValueError as e:
    print("ValueError:", e)
try:
    str.maketrans({"ab": 1})
except ValueError as e:
    print("ValueError:", e)
try:
    str.maketrans(1)
except TypeError as e:
    print("TypeError:", e)
try:
    "a".translate({97: 1.5})
except TypeError as e:
    print("TypeError:", e)
bt = bytes.maketrans(b"abc", b"ABC")
print(len(bt), b"aabbcc".translate(bt), b"hello".translate(None, b"l"), b"abc".translate(bt, b"a"))
