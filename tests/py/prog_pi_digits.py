# Program: digits of pi and e with big-integer arithmetic (Machin formula and series).
def arctan_inv(x, digits):
    scale = 10 ** (digits + 10)
    total = term = scale // x
    n, sign, x2 = 1, -1, x * x
    while term:
        term //= x2
        n += 2
        total += sign * (term // n)
        sign = -sign
    return total
def pi_digits(digits):
    pi = 4 * (4 * arctan_inv(5, digits) - arctan_inv(239, digits))
    return str(pi // 10 ** 10)
p = pi_digits(500)
print(p[0] + "." + p[1:61])
print(len(p), p[-10:], sum(int(d) for d in p))
def e_digits(digits):
    scale = 10 ** (digits + 10)
    total, term, k = 0, scale, 0
    while term:
        total += term
        k += 1
        term //= k
    return str(total // 10 ** 10)
e = e_digits(300)
print(e[0] + "." + e[1:61], len(e))
counts = [p.count(str(d)) for d in range(10)]
print(counts, max(range(10), key=lambda d: counts[d]))
def sqrt2_digits(digits):
    n = 2 * 10 ** (2 * digits)
    x = 10 ** digits
    while True:
        y = (x + n // x) // 2
        if abs(y - x) <= 1:
            return str(min(x, y))
        x = y
s = sqrt2_digits(100)
print(s[0] + "." + s[1:51])
