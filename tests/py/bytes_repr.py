# bytes repr and %-format.
for b in [b"", b"plain", b"'", b'"', b"'\"", b"\t\n\r\x0b\x0c", b"\\", bytes(range(0, 256, 17)), b"\x7f\x80"]:
    print(repr(b), str(b), repr(bytearray(b)), len(repr(b)))
print(b"%s|%5s|%-5s|%b" % (b"a", b"bc", b"d", bytearray(b"e")))
print(b"%d %i %x %X %o %c %c %%" % (10, -3, 255, 255, 8, 65, b"Z"))
print(b"%.2f %e %g" % (1.5, 2.5, 3.5), b"%r" % b"x" if False else b"%a" % b"x")
print(b"%(k)s" % {b"k": b"v"})
try:
    b"%s" % "str"
except TypeError as e:
    print("TypeError:", e)
try:
    b"%c" % 256
except OverflowError as e:
    print("OverflowError:", e)
