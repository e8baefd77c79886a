# Program: Fibonacci numbers via iteration, fast doubling and matrix power; big-int checks.
def fib_iter(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
def fib_doubling(n):
    def fd(k):
        if k == 0:
            return (0, 1)
        a, b = fd(k >> 1)
        c = a * (2 * b - a)
        d = a * a + b * b
        return (d, c + d) if k & 1 else (c, d)
    return fd(n)[0]
def mat_mul(x, y):
    return [[x[0][0] * y[0][0] + x[0][1] * y[1][0], x[0][0] * y[0][1] + x[0][1] * y[1][1]],
            [x[1][0] * y[0][0] + x[1][1] * y[1][0], x[1][0] * y[0][1] + x[1][1] * y[1][1]]]
def fib_matrix(n):
    result = [[1, 0], [0, 1]]
    base = [[1, 1], [1, 0]]
    while n:
        if n & 1:
            result = mat_mul(result, base)
        base = mat_mul(base, base)
        n >>= 1
    return result[0][1]
for n in [0, 1, 2, 10, 50, 93, 94, 100, 300]:
    a, b, c = fib_iter(n), fib_doubling(n), fib_matrix(n)
    print(n, a, a == b == c)
big = fib_doubling(10000)
print(len(str(big)), str(big)[:20], str(big)[-20:], big % 1000000007, big.bit_length())
print(fib_matrix(1000) == fib_iter(1000), fib_iter(1000) % 10 ** 12)
print([fib_iter(n) % 10 for n in range(60)] == [fib_iter(n + 60) % 10 for n in range(60)])
print(sum(fib_iter(n) for n in range(100)) == fib_iter(101) - 1)
from_gcd = [fib_iter(n) for n in (30, 45)]
import math
print(math.gcd(*from_gcd) == fib_iter(math.gcd(30, 45)))
