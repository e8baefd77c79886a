# Program: bit-manipulation utilities on ints of arbitrary size.
def popcount(n):
    c = 0
    while n:
        n &= n - 1
        c += 1
    return c
def reverse_bits(n, width):
    r = 0
    for _ in range(width):
        r = (r << 1) | (n & 1)
        n >>= 1
    return r
def gray(n):
    return n ^ (n >> 1)
def from_gray(g):
    n = 0
    while g:
        n ^= g
        g >>= 1
    return n
def next_same_popcount(x):
    c = x & -x
    r = x + c
    return (((r ^ x) >> 2) // c) | r
for n in [0, 1, 5, 255, 2 ** 64 - 1, 2 ** 100 + 3, 0xDEADBEEF]:
    print(n, popcount(n), n.bit_count(), popcount(n) == bin(n).count("1"), reverse_bits(n & 0xFF, 8))
print([gray(i) for i in range(16)], all(from_gray(gray(i)) == i for i in range(1000)))
x = 0b00111
seq = []
for _ in range(8):
    seq.append(bin(x))
    x = next_same_popcount(x)
print(seq)
def subsets(mask):
    s = mask
    out = []
    while True:
        out.append(s)
        if s == 0:
            break
        s = (s - 1) & mask
    return out
print(subsets(0b1011))
def bit_positions(n):
    return [i for i in range(n.bit_length()) if n >> i & 1]
print(bit_positions(0b1010010001), bit_positions(2 ** 70 | 2 ** 3))
def twos_complement(n, bits):
    return n & ((1 << bits) - 1)
def from_twos(n, bits):
    return n - (1 << bits) if n >> (bits - 1) & 1 else n
for v in [-1, -128, 127, -5, 0]:
    t = twos_complement(v, 8)
    print(v, t, format(t, "08b"), from_twos(t, 8))
print(hex(reverse_bits(0x12345678, 32)), (-1) & 0xFFFFFFFF, ~0 & 0xFF, -(2 ** 70) & (2 ** 72 - 1))
