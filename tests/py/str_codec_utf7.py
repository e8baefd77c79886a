# The utf-7 codec (RFC 2152, as CPython encodes and decodes it): direct and base64 text,
# surrogate pairs and lone surrogates, the four decoding errors under each error handler,
# the stateful decoder (final=False) and the incremental codec objects.
import codecs

samples = ["", "a", "+", "a+b", "Hi Mom -\u263a-!", "\u65e5\u672c\u8a9e", "A\u2262\u0391.",
           "~\\", "\U0001f600", "x\U0001f600y", "\ud800", "\udc00x", "\ud800\udc00",
           "a-b", "\u00e9-", "\u00e9a", "\u00e91", "\u00e9/", "\u00e9+", "\x00\x7f",
           "tab\there\nnew\r", "\u20ac" * 5, "++--", "é" * 3 + "-" + "ü"]
for s in samples:
    b = s.encode("utf-7")
    back = b.decode("utf-7")
    print(ascii(s), b, back == s, codecs.utf_7_encode(s))

records = []
def rec(e):
    records.append((e.reason, e.start, e.end))
    return ("<%d:%d>" % (e.start, e.end), e.end)
codecs.register_error("test.rec", rec)
def back1(e):
    return ("^", e.start + 1)
codecs.register_error("test.back1", back1)

bad = [b"+AAA-", b"+AGE", b"+AG", b"a+b-", b"+\xff", b"\xffx", b"+2AA-", b"+2ADcAA-", b"+2AA",
       b"+AGEA-x", b"+AGE+", b"+2AA+AGE-", b"+2AAA-", b"+AGF-", b"+AGF", b"+", b"a+", b"+-",
       b"+!", b"+2ADcAA", b"+3AA-", b"+2AB", b"-+AGE-+AGI-", b"+AGE.", b"+AG\xff", b"\x80\x81"]
for b in bad:
    for errors in ["strict", "replace", "ignore", "backslashreplace", "surrogateescape", "test.rec", "test.back1"]:
        records.clear()
        try:
            r = ascii(b.decode("utf-7", errors))
        except UnicodeDecodeError as e:
            r = "UnicodeDecodeError: " + str(e)
        except Exception as e:
            r = type(e).__name__ + ": " + str(e)
        print(b, errors, r, records)
    for final in (False, True):
        try:
            print("  stateful", final, codecs.utf_7_decode(b, "replace", final))
        except Exception as e:
            print("  stateful", final, type(e).__name__, e)

dec = codecs.getincrementaldecoder("utf-7")()
text = "Hi \u263a and \U0001f600 + more \u00e9\u00e9-"
enc = text.encode("utf-7")
parts = [dec.decode(enc[i:i + 1]) for i in range(len(enc))]
print(parts, "".join(parts) + dec.decode(b"", True) == text)
ienc = codecs.getincrementalencoder("utf-7")()
print(b"".join(ienc.encode(c) for c in text) + ienc.encode("", True))
print(codecs.lookup("utf7").name, codecs.lookup("U7").name)
try:
    codecs.utf_7_decode("str")
except TypeError as e:
    print("TypeError:", e)
try:
    codecs.utf_7_encode(b"x")
except TypeError as e:
    print("TypeError:", e)
print(codecs.utf_7_decode(bytearray(b"+AGE-x")), codecs.utf_7_decode(memoryview(b"+AGEA")))
