# int.to_bytes / int.from_bytes.
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"))
print((255).to_bytes(1, "big"), (0).to_bytes(0, "big"), (0).to_bytes(3, "little"))
print((-1).to_bytes(2, "big", signed=True), (-129).to_bytes(2, "little", signed=True))
print((2 ** 64 - 1).to_bytes(8, "big"))
print((2 ** 100).to_bytes(13, "big"))
print((1).to_bytes(), (65).to_bytes(length=1, byteorder="little"))
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print("OverflowError:", e)
try:
    (-1).to_bytes(1, "big")
except OverflowError as e:
    print("OverflowError:", e)
try:
    (128).to_bytes(1, "big", signed=True)
except OverflowError as e:
    print("OverflowError:", e)
try:
    (1).to_bytes(1, "middle")
except ValueError as e:
    print("ValueError:", e)
try:
    (1).to_bytes(-1, "big")
except ValueError as e:
    print("ValueError:", e)
print(int.from_bytes(b"\x00\x10", "big"), int.from_bytes(b"\x00\x10", "little"))
print(int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes(b"\xff\xff", "big"))
print(int.from_bytes(b"", "big"), int.from_bytes(b"\x80", "big", signed=True))
print(int.from_bytes([1, 2, 3], "big"), int.from_bytes(bytearray(b"\x01\x00"), "little"))
print(int.from_bytes(b"\x01" * 20, "little"))
print(int.from_bytes(b"\x2a"))
for n in [0, 1, 127, 128, 255, 256, -1, -128, -129, 2 ** 70, -(2 ** 70)]:
    length = (n.bit_length() + 8) // 8
    bs = n.to_bytes(length, "big", signed=True)
    print(n, bs.hex(), int.from_bytes(bs, "big", signed=True) == n)
class MyInt(int):
    pass
r = MyInt.from_bytes(b"\x05", "big")
print(type(r).__name__, r)
