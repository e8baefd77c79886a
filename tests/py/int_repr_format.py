# Formatting of ints: repr, str, hex/oct/bin, format specs.
for n in [0, 1, -1, 255, -255, 10 ** 12, -(2 ** 40)]:
    print(repr(n), str(n), hex(n), oct(n), bin(n))
    print(format(n, "d"), format(n, "x"), format(n, "X"), format(n, "o"), format(n, "b"))
    print(format(n, "#x"), format(n, "#X"), format(n, "#o"), format(n, "#b"))
    print(format(n, ","), format(n, "_"), format(n, "_x"), format(n, "_b"))
    print(format(n, "+"), format(n, " "), format(n, "-"), format(n, "10"), format(n, "<10") + "|")
    print(format(n, "^12"), format(n, "*>12"), format(n, "=+12"), format(n, "012"), format(n, "#012x"))
    print(format(n, "e"), format(n, ".2f"), format(n, "%"), format(n, "g"), format(n, "n"))
print(format(65, "c"), format(0x1F600, "c"))
print(format(1234567, ",d"), format(1234567, "_d"), format(-1234567, "015,d"))
print("%d %i %x %X %o %5d|%-5d|%05d %+d" % (42, 42, 42, 42, 42, 42, 42, 42, 42))
try:
    format(1, ".2d")
except ValueError as e:
    print("ValueError:", e)
try:
    format(1, "s")
except ValueError as e:
    print("ValueError:", e)
try:
    format(1, ",x")
except ValueError as e:
    print("ValueError:", e)
print(format(True, "d"), format(True, ""), format(False, "5"))
