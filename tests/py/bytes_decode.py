# bytes decode and bytes <-> str relations.
data = "Grüße, 世界! 😀".encode("utf-8")
print(data, len(data))
print(data.decode(), data.decode("utf-8"), len(data.decode()))
print(data.decode("ascii", "ignore"), data.decode("ascii", "replace"))
print(data.decode("latin-1").encode("latin-1") == data)
print("Grüße".encode("utf-16-le"), "Grüße".encode("utf-16-le").decode("utf-16-le"))
print(b"\xef\xbb\xbfbom".decode("utf-8-sig"), b"bom".decode("utf-8-sig"))
for bad in [b"\x80", b"\xc3", b"\xc3(", b"\xed\xa0\x80", b"\xf5\x80\x80\x80", b"ok\xffok"]:
    try:
        bad.decode("utf-8")
    except UnicodeDecodeError as e:
        print(repr(bad), e.start, e.end, e.reason)
    print(repr(bad.decode("utf-8", "replace")), repr(bad.decode("utf-8", "backslashreplace")), repr(bad.decode("utf-8", "surrogateescape")))
print(str(b"abc"), repr(b"abc"), str(bytearray(b"x")))
print(bytes.decode(b"x"), bytearray(b"\xc3\xa9").decode())
