# More bytes/bytearray methods.
b = b"  Hello, World! 123  "
print(b.strip(), b.lstrip(), b.rstrip(), b.lower(), b.upper(), b.swapcase(), b.title(), b.strip().capitalize())
print(b.split(), b.split(b","), b.strip().split(b" ", 1), b.rsplit(maxsplit=1), b.partition(b","), b.rpartition(b" "))
print(b.find(b"o"), b.rfind(b"o"), b.index(b"W"), b.count(b"l"), b.startswith(b"  H"), b.endswith((b"3", b"  ")))
print(b.replace(b"l", b"L"), b.replace(b"l", b"", 2), b.center(30, b"*"), b.ljust(24, b"."), b.rjust(24), b.zfill(25))
print(b"a\tb".expandtabs(4), b"ab\ncd\r\nef".splitlines(), b"abc".isalpha(), b"a1".isalnum(), b"Ab Cd".istitle())
print(b"-".join([b"a", b"b"]), b"".join([]), b"x".join([bytearray(b"1"), memoryview(b"2")]))
print(b"hello".translate(bytes.maketrans(b"el", b"ip")), b"hello".removeprefix(b"he"), b"hello".removesuffix(b"lo"))
print(bytes.fromhex("de ad be ef").hex(), b"\xde\xad".hex(":"), bytearray.fromhex("00ff"), b"abc".hex(b"|"[0:1].decode()))
print(b"abc"[0], b"abc"[0:1], b"abc"[-1:], list(b"abc"[::-1]), b"abc" * 2, b"ab" + bytearray(b"cd"))
print(b"%s=%d" % (b"k", 5), b"%05.1f" % 2.25, b"%x" % 255, b"%c" % 10)
ba = bytearray(b"abcdef")
ba[1:4] = b"XY"
ba.extend(b"!!")
ba.insert(0, 0x5F)
print(ba, ba.upper(), ba.find(b"XY"), ba.pop(), ba.pop(0), ba, ba.isalpha(), bytes(ba))
print(b"a,b,,c".split(b","), b"  ".split(), b"abc".split(b"abc"), b"xaxbx".strip(b"x"))
for bad in [lambda: b"abc".index(b"z"), lambda: b"a".join(["s"]), lambda: b"abc".split(b""), lambda: b"a".center(5, b"ab"),
            lambda: bytes.fromhex("0"), lambda: b"a".decode("nope"), lambda: b"ab".count(300)]:
    try:
        print(bad())
    except (ValueError, TypeError, LookupError) as e:
        print(type(e).__name__ + ":", e)
