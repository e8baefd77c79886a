# repr, ascii, str on builtin values.
vals = [1, -1.5, "str", "ü", b"b\x00", bytearray(b"x"), [1, "a"], (1,), (), {"k": [1]}, {1, 2}, frozenset(), set(),
        None, True, Ellipsis, NotImplemented, 1j, range(3), slice(1, None), int, len, type(None), object, "日本\n😀"]
for v in vals:
    print(repr(v), "|", ascii(v), "|", str(v))
print(repr(repr("q")), ascii("\x7f\x80\uffff\U00010000"))
print(repr(1e300 * 10), repr(-0.0), repr(float("nan")), repr(10 ** 20), repr(2 ** -1))
print(repr(print), repr(abs), repr(str.join), repr(int.__add__), repr([].append.__name__))
