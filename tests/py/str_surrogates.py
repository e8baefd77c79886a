# strs holding lone surrogates (U+D800..U+DFFF): literals, chr, codecs, repr, ==, hash, indexing.
import sys
s = "\ud800x\udc80"
print(len(s), repr(s), ascii(s), [s], repr("\U0000dfff"), repr("a\\q\udbff\N{BULLET}\x41\101"))
print(repr(chr(0xd800)), ord(chr(0xdfff)), ord(s[2]), repr(s[0]), repr(s[1:]), repr(s[::-1]), repr(s[-1] + "z"))
print(s == "\ud800x\udc80", s == "\ufffdx\ufffd", s != "\ud800x\udc81", "\ud800" < "\ue000", "\udfff" > "\ufffd")
print(hash(s) == hash("\ud800" + "x\udc80"), hash("\ud800"), hash("a\udc80"), hash("\ud800\U0001f600"))
d = {s: 1, "\ufffd": 2}
print(d.get("\ud800x\udc80"), d["\ufffd"], len({"\ud800", "\ud800", "\ufffd"}))
print(repr(b"a\xff\xfe".decode("utf-8", "surrogateescape")), "a\udcff\udcfe".encode("utf-8", "surrogateescape"))
print("a\ud800".encode("utf-8", "surrogatepass"), b"a\xed\xa0\x80".decode("utf-8", "surrogatepass") == "a\ud800")
print("\ud800".encode("utf-16-le", "surrogatepass"), "\udc80".encode("ascii", "backslashreplace"),
      "\udc80".encode("latin-1", "xmlcharrefreplace"), "\udc80".encode("utf-8", "ignore"))
for enc in ["utf-8", "ascii", "latin-1", "utf-16"]:
    try:
        "ab\udc80".encode(enc)
    except UnicodeEncodeError as e:
        print(e, e.start, e.end, repr(e.object))
class S(str):
    pass
print(repr(S("\ud801")), repr(str(b"\xff", "utf-8", "surrogateescape")), f"{s!r}", "%r" % s)
try:
    sys.stdout.write("escaped: \udcc3\udca9\n")  # stdout's errors are strict under PYTHONIOENCODING=utf-8
except UnicodeEncodeError as e:
    print(e)
print("stderr", "\ud800", file=sys.stderr)
try:
    print("before", "ab\ud800c")
except UnicodeEncodeError as e:
    print()
    print(e, e.start, e.end, repr(e.object))
print(repr(s * 2), repr(s[0] * 3), list(s), [c for c in "é\udc80\ufffd"], repr("".join(reversed(list(s)))))
print(repr("\udc80".join(["a", "b"])), repr("-".join(["a", "\ud800"])), repr("".join([])))
