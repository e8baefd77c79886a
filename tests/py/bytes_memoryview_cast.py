# memoryview.cast to the native single-item formats: items, len, itemsize, format, shape,
# strides, tolist, slicing, comparison, hashing, and the errors
m = memoryview(b"abcdefgh")
c = m.cast("I")
print(c.format, c.itemsize, len(c), c.nbytes, c.shape, c.strides, c.tolist(), c[1], c[-1], c[0:1].tolist())
for f in "BbcHhIiLlQqNnP?fd":
    x = m.cast(f)
    print(f, x.itemsize, x.format, len(x), x.tolist()[:2])
for args in (("x",), ("I", [2]), ("<I",), ("@I",), ("II",), ("e",), (5,)):
    try:
        print(args, m.cast(*args).tolist())
    except (TypeError, ValueError) as e:
        print(args, type(e).__name__ + ":", e)
for bad in (lambda: m[::2].cast("I"), lambda: memoryview(b"abc").cast("I"), lambda: c.cast("H"),
            lambda: c.cast("I", [3]), lambda: hash(c), lambda: c.cast()):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print(c.cast("B").tolist()[:3], c.cast("c")[0], c.cast("b").format)
print(c[::-1].tolist(), c.tobytes(), c.contiguous, c[::-1].contiguous)
print(c == memoryview(b"abcdefgh"), c == b"abcdefgh", c == c.cast("B").cast("I"), memoryview(b"\x01\x00").cast("H") == memoryview(b"\x01\x00").cast("H"))
print(memoryview(bytes(range(256))).cast("I").tolist()[:3], memoryview(bytearray(b"\xff" * 8)).cast("q").tolist())
print(memoryview(b"\xff\xff\xff\xff\xff\xff\xff\xff").cast("Q").tolist(), memoryview(b"\x00\x00\x80\x3f").cast("f").tolist())
