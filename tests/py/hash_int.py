# hash() of ints: modulus 2**61-1, -1 maps to -2.
M = 2 ** 61 - 1
vals = [0, 1, -1, -2, 2, 100, -100, 2 ** 31, 2 ** 32, 2 ** 60, M - 1, M, M + 1, -M, -M - 1, -(M - 1), 2 * M, 2 * M - 1,
        2 ** 61, 2 ** 62, 2 ** 63 - 1, 2 ** 63, 2 ** 64, -(2 ** 64), 10 ** 20, -(10 ** 20), 10 ** 100, -(10 ** 100), M * M, -M * 3 - 1]
for v in vals:
    print(v, hash(v))
print(hash(True), hash(False), hash(-1) == hash(-2), hash(M - 2))
print(all(hash(n) == n for n in range(-1000, 1000) if n != -1))
print((10 ** 30).__hash__() == hash(10 ** 30))
import sys
print(sys.hash_info.modulus == M, sys.hash_info.width, sys.hash_info.inf, sys.hash_info.nan, sys.hash_info.imag)
