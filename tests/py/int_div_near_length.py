# // and % of big ints of nearly equal length (a one-word quotient), both signs
x = 987654321
def r():
    global x
    x = (x * 6364136223846793005 + 1442695040888963407) % 2**64
    return x
acc = 0
for i in range(60):
    nb = 130 + r() % 3000
    b = (r() << nb) | r() | 1
    for k in (0, 1, 5, 30, 59, 60, 61, 64, 100):
        a = b * ((r() | r() << 64) >> (128 - k) if k else 0) + (r() % b if i % 3 else b - 1)
        a += r() % 7
        q, m = a // b, a % b
        assert q * b + m == a and 0 <= m < b, (a, b)
        acc = (acc * 31 + q + m % 1000003) % 2**61
        q2, m2 = divmod(-a, b)
        acc = (acc * 31 + q2 + m2 % 1000003) % 2**61
print(acc)
