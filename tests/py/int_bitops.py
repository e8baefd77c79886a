# Bitwise operators on positive and negative ints (two's complement semantics).
vals = [0, 1, -1, 5, -5, 12, -12, 255, -256, 0x7FFFFFFF, -0x80000000]
for a in vals:
    print(a, [a & b for b in vals])
    print(a, [a | b for b in vals])
    print(a, [a ^ b for b in vals])
    print(a, ~a)
big = 2 ** 100 + 12345
nbig = -(2 ** 90) - 7
print(big & nbig, big | nbig, big ^ nbig)
print(big & 0xFFFF, nbig & 0xFFFF, nbig | 0xFF, nbig ^ -1)
print(~big, ~nbig)
print((big & -big), (nbig & -nbig))
print(True & False, True | False, True ^ True, type(True & True).__name__, type(True & 1).__name__)
for n in [0, 1, 7, 255, 2 ** 64 - 1, 10 ** 20]:
    print(n, n.bit_count(), (-n).bit_count())
