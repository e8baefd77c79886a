# Encodings without a codec written in Rust go through the codec registry (the encodings
# package), as in CPython: str.encode, bytes.decode, str(b, enc), bytes(s, enc).
print("héllo €".encode("cp1252"))
print(b"h\xe9llo \x80".decode("cp1252"))
print(str(br"\u0663\u0661\u0664 ", "raw-unicode-escape"))
print("a\u20acb\n".encode("raw-unicode-escape"))
print("a\u20acb\n".encode("unicode_escape"))
print(b"a\\u20acb\\n".decode("unicode-escape"))
print(bytes("añ", "iso8859-15"))
print(bytearray("añ", "mac-roman"))
print("abc".encode("cp037"), "abc".encode("cp037").decode("cp037"))
print("x\udcff".encode("cp1252", "surrogateescape"))
print(b"\x81".decode("cp1252", "replace"), b"\x81".decode("cp1252", "ignore") == "")
for args in (("€", "latin9", "strict"), ("\u0663", "cp1252", "strict")):
    try:
        print(args[0].encode(args[1], args[2]))
    except UnicodeEncodeError as e:
        print("UnicodeEncodeError:", e)
try:
    b"\x81".decode("cp1252")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
for name in ("rot13", "hex", "base64", "zlib"):
    try:
        "abc".encode(name)
    except LookupError as e:
        print("LookupError:", e)
    try:
        b"abc".decode(name)
    except LookupError as e:
        print("LookupError:", e)
try:
    "abc".encode("no-such-codec")
except LookupError as e:
    print("LookupError:", e)
try:
    b"abc".decode("no such codec")
except LookupError as e:
    print("LookupError:", e)
import codecs
def search(name):
    if name == "pyjit_test_bad":
        return codecs.CodecInfo(lambda s, e="strict": (s.upper(), len(s)), lambda b, e="strict": (bytes(b), len(b)), name="pyjit_test_bad")
codecs.register(search)
for f in (lambda: "abc".encode("pyjit_test_bad"), lambda: b"abc".decode("pyjit_test_bad")):
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)
