# Integer powers, including pow() with modulus.
for b in [0, 1, -1, 2, -2, 3, 10, -10]:
    print(b, [b ** e for e in range(0, 8)])
print(2 ** 200)
print((-3) ** 101)
print(7 ** 77)
print(pow(2, 10), pow(2, -2), pow(-2, -3))
print(pow(2, 10, 1000), pow(3, 200, 13), pow(-3, 3, 7), pow(3, 3, -7))
print(pow(5, 0, 1), pow(0, 0, 7), pow(12345678901234567890, 98765, 10 ** 9 + 7))
print(pow(3, -1, 7), pow(2, -1, 9), pow(10, -2, 17), pow(-4, -1, 11))
print(pow(38, -1, 97) * 38 % 97)
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError:", e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    0 ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(type(2 ** -1).__name__, 2 ** -1)
print(pow(2, 0.5))
print((-8) ** (1 / 3))
print(10 ** 20, 10 ** 20 == 100000000000000000000)
print(int.__pow__(2, 5), int.__pow__(2, 5, 7), int.__rpow__(5, 2))
