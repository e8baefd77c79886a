# Big int division with mixed signs.
nums = [10 ** 40 + 123, -(10 ** 40 + 123), 2 ** 128 - 1, -(2 ** 128)]
dens = [7, -7, 10 ** 20 + 9, -(10 ** 20 + 9), 2 ** 64, 3 ** 50]
for n in nums:
    for d in dens:
        q, r = divmod(n, d)
        assert q * d + r == n
        assert (0 <= r < d) if d > 0 else (d < r <= 0)
        print(q, r)
print(divmod(10 ** 100, 10 ** 99 + 1))
print(10 ** 100 // 3)
print((10 ** 100) % 97)
print(-(10 ** 100) % 97)
print(10 ** 100 / 10 ** 90)
print((2 ** 200 + 1) / 2 ** 199)
try:
    print(2 ** 10000 / 3)
except OverflowError as e:
    print("OverflowError:", e)
try:
    print(10 ** 400 / 10 ** 399)
except OverflowError as e:
    print("OverflowError:", e)
print(1 / 10 ** 400)
