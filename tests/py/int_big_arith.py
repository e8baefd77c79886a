# Arbitrary precision integer arithmetic.
a = 2 ** 100
b = 3 ** 70
print(a)
print(b)
print(a + b, a - b, b - a)
print(a * b)
print(a // 12345, a % 12345)
print(b // a, b % a)
print(-a // 7, -a % 7)
print(a * a * a)
print((a * b) // b == a)
f = 1
for i in range(1, 51):
    f *= i
print(f)
print(len(str(f)))
print(2 ** 64 - 1, 2 ** 64, -2 ** 63, 2 ** 63 - 1)
print((2 ** 63 - 1) + 1, -(2 ** 63) - 1)
print(9223372036854775807 * 9223372036854775807)
print(-9223372036854775808 // -1)
print(abs(-(2 ** 200)))
print(10 ** 50 / 10 ** 48)
print(2 ** 1000 // 2 ** 999)
print(int(2 ** 100 / 3))
x = 1
for i in range(100):
    x = x * 3 + 1
print(x)
print(x % 1000000007)
n = 12345678901234567890123456789
print(n * -1, -n * -n)
print(n - n, n + -n, 0 * n)
print(hex(n), oct(n), bin(n))
print(n.bit_length(), (-n).bit_length())
print(sum(range(10 ** 6)))
