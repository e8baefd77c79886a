# printf-style % formatting.
print("%s and %s" % ("a", "b"), "%r" % "q'uote", "%a" % "é☃", "%5s|%-5s|%.2s" % ("ab", "ab", "abcdef"))
print("%d%%" % 50, "%c%c" % (65, "B"), "%x %X %o %#x %#X %#o" % (255, 255, 8, 255, 255, 8))
print("%(name)s is %(age)d" % {"name": "Bob", "age": 42}, "%(x)r" % {"x": [1]})
print("%*d|%-*d|%.*f" % (5, 42, 5, 42, 2, 3.14159))
print("%s" % (1,), "%s" % [1, 2], "%s" % ((1, 2),), "%s %s" % (None, True))
print("%i %u" % (-3, 7), "%e" % 12345.678, "%g %g" % (0.0001, 1e-5), "%+d % d" % (5, 5))
print("%05.1f|%-8.3e|%+.0f" % (3.14159, 1234.5, 2.5))
print("%d" % 3.99, "%d" % True, "%x" % -255, "%o" % -8)
print("%s" % "", "" % (), "no args" % {})
print(b"%s %d %x %c %b" % (b"bytes", 5, 255, 65, b"xy"), b"%5s|" % b"ab", b"%r" % b"q" if False else b"%a" % "é")
print("%10.4s|" % "abcdefgh", "%-10r|" % "x")
errors = [("%d", "x"), ("%s %s", ("a",)), ("%s", ("a", "b")), ("%z", 1), ("%(k)s", 5), ("%(k)s", {}),
          ("%c", 1.5), ("%c", "ab"), ("%c", 0x110000), ("%x", 1.5), ("%", ()), ("%*d", ("a", 1))]
for fmt, args in errors:
    try:
        print(fmt % args)
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
