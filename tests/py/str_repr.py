# repr of strings: quote selection and escapes.
cases = ["", "abc", "it's", 'say "hi"', "both ' and \"", "tab\tnl\ncr\r", "back\\slash", "\x00\x01\x7f\x80\x9f",
         "\xa0\xad", "é☃😀", "\u200b\u2028\ufeff", "\ud800", "\U000e0001", "bell\a\b\f\v", "\x1b[0m", "'", '"', "'\"",
         "\u0378", "\U0010ffff", "日本"]
for s in cases:
    print(repr(s), ascii(s), len(repr(s)))
print(repr(b"it's"), repr(b'"'), repr(b"'\""), repr(b"\x00\xff\t\n\\"), repr(bytearray(b"'")))
print(str(["a'b", 'c"d', "\n"]), str(("é",)), str({"k": "\t"}))
print(repr("a" * 3), eval(repr("x'\"\n\\")) == "x'\"\n\\")
