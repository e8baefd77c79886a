# chr and ord round trips across planes.
for cp in [0, 9, 10, 32, 65, 97, 126, 127, 128, 255, 256, 0x3b1, 0x2603, 0x4e2d, 0xfeff, 0xffff, 0x10000, 0x1f600, 0x10ffff]:
    c = chr(cp)
    print(cp, repr(c), ord(c) == cp, len(c), len(c.encode("utf-8")))
print(ord("a"), ord("€"), ord(b"a"), ord(bytearray(b"z")), chr(ord("a") + 1))
print("".join(chr(c) for c in range(0x41, 0x5b)), [ord(c) for c in "héllo"])
for bad in [lambda: chr(0x110000), lambda: chr(-1), lambda: chr(1.5), lambda: chr("a"), lambda: ord("ab"), lambda: ord(""),
            lambda: ord(97), lambda: ord(b"ab"), lambda: chr(2 ** 70)]:
    try:
        print(bad())
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
