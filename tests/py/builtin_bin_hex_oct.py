# bin, hex, oct and their inverses.
for n in [0, 1, -1, 7, -7, 255, 256, -256, 2 ** 64, -(2 ** 64) + 1, 10 ** 20]:
    b, h, o = bin(n), hex(n), oct(n)
    print(n, b, h, o, int(b, 0), int(h, 16), int(o, 8), int(b, 2) if n >= 0 else int(b, 0))
print(bin(True), hex(False), oct(8))
class I:
    def __index__(self):
        return 10
print(bin(I()), hex(I()), oct(I()))
for bad in [1.5, "10", None, [1]]:
    try:
        bin(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    hex(2.0)
except TypeError as e:
    print("TypeError:", e)
print(format(255, "b"), format(255, "#b"), f"{255:#010b}", f"{-255:x}", f"{-255:#x}")
