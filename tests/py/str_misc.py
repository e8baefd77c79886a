# Miscellaneous string features: iteration, membership, str(), constructors, multiplication.
print(list("abc"), tuple("日本"), set("aab") == {"a", "b"}, "".join(reversed("stressed")))
print(str(), str(1), str(1.5), str([1, "a"]), str(b"x"), str(None), str(str), str(int))
print(str("already"), str(object=5), str(b"abc", "ascii"))
print(len(""), len("a\nb"), "abc"[1], "abc"[-1])
print("ab".__add__("cd"), "ab".__mul__(2), "ab".__rmul__(3), "ab".__contains__("b"), "ab".__len__())
print("a,b".__getitem__(1), "abc".__eq__("abc"), "abc".__ne__(1), "abc".__lt__(1))
print(isinstance("x", str), type("x") is str, str.__name__)
it = iter("xyz")
print(next(it), next(it), next(it), next(it, "done"))
s = "immutable"
try:
    s[0] = "I"
except TypeError as e:
    print("TypeError:", e)
try:
    del s[0]
except TypeError as e:
    print("TypeError:", e)
print("%s" % s, s.__class__.__name__, "abc".upper().lower().title())
print("a\
b")
print("implicit" " concatenation" ' works')
print('''triple 'single' "q"''', """triple "double" 'q'""")
print(r"raw\nstring", r"\d+\.\d", rb"\x00" + b"\x00")
print("\101\x42\u0043\U00000044\N{LATIN SMALL LETTER E}", "\0", len("\0"))
print(len("\
"))
