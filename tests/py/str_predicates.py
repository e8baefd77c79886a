# is* predicate methods.
samples = ["", "abc", "ABC", "Abc", "aBC", "123", "١٢٣", "½", "²", "12.5", "abc123", " ", "\t\n", "a b",
           "Hello World", "Hello world", "ǅungla", "_id", "class", "9abc", "日本", "\x00", "é", "ﬁ", "Ⅻ",
           "abc\n", "ÀB", "٣", "0x1"]
names = ["isalpha", "isalnum", "isdigit", "isdecimal", "isnumeric", "isspace", "islower", "isupper",
         "istitle", "isidentifier", "isprintable", "isascii"]
for s in samples:
    print(repr(s), "".join("1" if getattr(s, n)() else "0" for n in names))
for b in [b"", b"abc", b"ABC", b"123", b"a1", b" \t", b"Ab Cd", b"\x80"]:
    print(b, b.isalpha(), b.isalnum(), b.isdigit(), b.isspace(), b.islower(), b.isupper(), b.istitle(), b.isascii())
