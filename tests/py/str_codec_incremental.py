# The codec functions of _codecs do not bind as methods (CPython's are builtins): the
# encodings package keeps them as class attributes and calls them through instances
# (incremental decoders, stream readers and writers, Codec().encode).
import codecs
import io
import encodings.latin_1
import encodings.utf_8

d = codecs.getincrementaldecoder("utf-8")()
print(d.decode(b"a\xc3"), d.decode(b"\xa9z"), ascii(d.decode(b"", True)))
d = codecs.getincrementaldecoder("utf-16")()
print([d.decode(bytes([b])) for b in "h\xe9".encode("utf-16")])
e = codecs.getincrementalencoder("utf-32-be")()
print(e.encode("ab"), e.encode("", True))
print(encodings.latin_1.Codec().encode("\xe9"), encodings.latin_1.Codec().decode(b"\xe9"))
print(encodings.utf_8.IncrementalDecoder().decode(b"\xe2\x82"), encodings.utf_8.IncrementalDecoder().decode(b"\xe2\x82\xac"))
w = codecs.getwriter("latin-1")(io.BytesIO())
w.write("caf\xe9")
print(w.stream.getvalue())
r = codecs.getreader("utf-16")(io.BytesIO("hi there".encode("utf-16")))
print(r.read(3), r.read())
r = codecs.getreader("ascii")(io.BytesIO(b"a\xffb"), errors="replace")
print(r.read())
sr = codecs.StreamRecoder(io.BytesIO("\xe9t\xe9".encode("utf-8")), codecs.getencoder("latin-1"), codecs.getdecoder("latin-1"),
                          codecs.getreader("utf-8"), codecs.getwriter("utf-8"))
print(sr.read())
for enc in ["utf-8", "utf-16-le", "latin-1", "ascii", "utf-32", "unicode_escape", "raw_unicode_escape", "utf-7"]:
    ci = codecs.lookup(enc)
    dec = ci.incrementaldecoder()
    data = "x\xe9y".encode(enc) if enc != "ascii" else b"xy"
    print(enc, ascii("".join(dec.decode(data[i:i + 1]) for i in range(len(data))) + dec.decode(b"", True)))
# final=False leaves an escape sequence cut off by the end of the data for the next call
for d in [b"ab\\", b"a\\x4", b"a\\u00", b"a\\N{LATIN", b"a\\1", b"a\\12", b"a\\\\", b"\\",
          b"a\\\\\\", b"a\\\\\\u00", b"\\U0001f60", b"x\\n\\t"]:
    print(d, codecs.unicode_escape_decode(d, "strict", False), codecs.raw_unicode_escape_decode(d, "strict", False))
