# memoryview basics.
b = b"abcdef"
m = memoryview(b)
print(len(m), m[0], m[-1], m[1:4].tobytes(), m.tobytes(), bytes(m[::2]), m.readonly, m.nbytes, m.itemsize, m.format, m.ndim)
print(m.tolist(), m[2:].tolist(), m == b"abcdef", m[1:3] == b"bc", m.hex(), m.shape, m.strides)
ba = bytearray(b"hello")
mv = memoryview(ba)
mv[0] = ord("J")
mv[1:3] = b"EE"
print(ba, mv.readonly, mv.tobytes(), list(mv))
sub = mv[2:]
sub[0] = ord("!")
print(ba, sub.tobytes(), len(sub))
try:
    m[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    mv[0:2] = b"abc"
except ValueError as e:
    print("ValueError:", e)
try:
    m[10]
except IndexError as e:
    print("IndexError:", e)
try:
    memoryview("str")
except TypeError as e:
    print("TypeError:", e)
print(bytes(memoryview(b"xyz")), bytearray(memoryview(b"q")), b"".join([memoryview(b"a"), b"b"]))
with memoryview(b"ctx") as cm:
    print(cm.tobytes())
try:
    cm.tobytes()
except ValueError as e:
    print("ValueError:", e)
