# encode/decode with errors handlers.
s = "aé☃😀"
print(s.encode(), s.encode("utf-8"), s.encode("utf8"), s.encode("UTF-8"))
print(s.encode("ascii", "ignore"), s.encode("ascii", "replace"), s.encode("ascii", "backslashreplace"),
      s.encode("ascii", "xmlcharrefreplace"))
print(s.encode("latin-1", "replace"), "é".encode("latin-1"), "é".encode("iso-8859-1"))
print(s.encode("utf-16-be"), s.encode("utf-32-le"), len(s.encode("utf-16")))
try:
    s.encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
    print(e.encoding, e.start, e.end, e.reason, repr(e.object))
try:
    s.encode("nope")
except LookupError as e:
    print("LookupError:", e)
b = "aé☃😀".encode()
print(b.decode(), b.decode("utf-8"), b[:2].decode("utf-8", "ignore"), b[:3].decode("utf-8", "replace"))
print(b.decode("latin-1"), b.decode("ascii", "replace"), b.decode("ascii", "backslashreplace"))
try:
    b.decode("ascii")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
    print(e.encoding, e.start, e.end, e.reason, e.object)
try:
    b"\xff\xfe\xfa".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
try:
    b"\xe2\x98".decode()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print(str(b"abc", "ascii"), str(b"\xc3\xa9", encoding="utf-8"), str(b"x\xff", "utf-8", "replace"))
print("\ud800".encode("utf-8", "surrogatepass"), "\ud800".encode("utf-8", "replace"))
try:
    "\ud800".encode("utf-8")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
print(bytes("hi", "utf-8"), bytearray("é", "utf-8"))
