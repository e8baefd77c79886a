# split and rsplit.
cases = ["a b  c", "  lead and trail  ", "", "   ", "one", "a,b,,c,", ",", "a\tb\nc\x0bd\x0ce\rf\x1cg\x85h\u2028i\u3000j"]
for s in cases:
    print(repr(s), s.split(), s.split(None, 1), s.rsplit(None, 1), s.split(","), s.rsplit(",", 1), s.split(",", 0))
print("a::b::c".split("::"), "a::b::c".rsplit("::", 1), "aaa".split("a"), "aaa".split("aa"), "aaa".rsplit("aa"))
print("1,2,3".split(",", maxsplit=1), "1,2,3".rsplit(sep=",", maxsplit=1), "1 2 3".split(maxsplit=-1))
print(" a b ".split(" "), " a b ".rsplit(" ", 1), "x".split("x"))
try:
    "abc".split("")
except ValueError as e:
    print("ValueError:", e)
try:
    "abc".split(1)
except TypeError as e:
    print("TypeError:", e)
print("日本 語".split(), "a😀b😀c".split("😀"))
