# Large multiplications and divisions (exercise fast multiplication paths); print digests.
a = 3 ** 5000
b = 7 ** 4000
p = a * b
print(p.bit_length(), p % (10 ** 20), p % 1000000007, len(hex(p)))
print(p // a == b, p // b == a, p % a, p % b)
q, r = divmod(a * a + 12345, a)
print(q == a, r)
f = 1
for i in range(2, 2001):
    f *= i
print(f.bit_length(), f % (2 ** 64), f % 998244353, hex(f)[-20:])
s = (10 ** 2000 - 1) // 9
print(s % 10 ** 10, (s * s) % 10 ** 30, (s * s).bit_length())
x = int("7" * 3000)
y = int("3" * 2500)
print((x * y) % 10 ** 25, (x // y) % 10 ** 25, (x % y) % 10 ** 25, ((x // y) * y + x % y) == x)
n = (1 << 10000) - 1
print((n * n).bit_length(), ((n * n) >> 19990), (n * n) & 0xFFFF)
print(pow(3, 10 ** 5, 10 ** 9 + 7), pow(2, 2 ** 20, 10 ** 30), pow(12345, 6789, 2 ** 127 - 1))
print(len(str(2 ** 10000)), str(2 ** 10000)[:30], str(2 ** 10000)[-30:])
print(-a // b == -(a // b) - 1, (-a) % b == b - a % b)
