# struct paths without copies: pack_into packs small records on the stack, 's'/'p'
# items are copied straight from bytes/bytearray arguments, iter_unpack reads a bytes
# object in place (other buffers are copied when the iterator is made).
import struct

class B(bytes):
    pass

R = struct.Struct("<iHbxdf?3s")
buf = bytearray(R.size * 3)
R.pack_into(buf, 0, 1, 2, 3, 4.5, 5.5, True, b"abc")
R.pack_into(buf, R.size, -1, 65535, -128, -0.0, 1e30, 0, bytearray(b"xy"))
R.pack_into(buf, -R.size, 7, 8, 9, 1.25, 2.5, [], B(b"longer than three"))
print(bytes(buf))
print(list(R.iter_unpack(bytes(buf))))
print(list(R.iter_unpack(buf)))
print(list(R.iter_unpack(B(bytes(buf)))))
print(list(R.iter_unpack(memoryview(buf))))
it = R.iter_unpack(bytes(buf))
print(it.__length_hint__(), next(it)[0], it.__length_hint__())
print(list(it), it.__length_hint__())
print(list(struct.iter_unpack("<h", b"")))

P = struct.Struct("5p3p1p")
out = bytearray(9)
P.pack_into(out, 0, b"hello world", bytearray(b"ab"), b"zzz")
print(bytes(out), P.unpack(bytes(out)))
print(struct.pack("4s2s0s", B(b"abcdef"), bytearray(b"q"), b"x"))

# a record larger than the stack buffer
Big = struct.Struct("<40d")
big = bytearray(Big.size + 8)
Big.pack_into(big, 8, *[i / 4 for i in range(40)])
print(Big.unpack_from(big, 8)[::7])
Str = struct.Struct("300s")
sb = bytearray(300)
Str.pack_into(sb, 0, b"x" * 400)
print(sb.count(b"x"), Str.unpack(bytes(sb))[0][:5])

# a failing item leaves the items before it packed and the rest of the record zero (as
# CPython, which packs in place); the messages are CPython's
before = bytes(buf)
for args in [(1, 2, 3, 4.5, 5.5, True, "str"), (1, 2, 300, 4.5, 5.5, True, b"a"), (1, 2, 3, "x", 5.5, True, b"a"), (1, 2)]:
    try:
        R.pack_into(buf, 0, *args)
    except (struct.error, TypeError) as e:
        print(type(e).__name__, e)
print(bytes(buf) == before, bytes(buf[:R.size]))
for off in [R.size * 3, -R.size * 4, R.size * 2 + 1]:
    try:
        R.pack_into(buf, off, 1, 2, 3, 4.5, 5.5, True, b"a")
    except struct.error as e:
        print(e)
try:
    R.pack_into(b"immutable", 0, 1, 2, 3, 4.5, 5.5, True, b"a")
except TypeError as e:
    print(e)
try:
    R.iter_unpack(b"12345")
except struct.error as e:
    print(e)
try:
    R.iter_unpack("text")
except TypeError as e:
    print(e)
try:
    struct.iter_unpack("", b"")
except struct.error as e:
    print(e)
