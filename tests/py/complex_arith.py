# Complex number arithmetic.
a = 3 + 4j
b = 1 - 2j
print(a, b, a + b, a - b, a * b, a / b, -a, +a)
print(abs(a), a.real, a.imag, a.conjugate(), a == 3 + 4j, a != b)
print(a ** 2, a ** 0, a ** -1, pow(a, 2), 2 ** a if False else (1j) ** 2)
print(1j * 1j, 1j ** 2, (1 + 0j) / 2, 2 / (1 + 1j))
print(complex(1, 2) + 1, 1.5 * a, a * True)
print(a == 3 + 4j, (1 + 0j) == 1, 1j == 1j, hash(1 + 0j) == hash(1))
try:
    a < b
except TypeError as e:
    print("TypeError:", e)
try:
    a // b
except TypeError as e:
    print("TypeError:", e)
try:
    a % b
except TypeError as e:
    print("TypeError:", e)
try:
    a / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    0j ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    int(a)
except TypeError as e:
    print("TypeError:", e)
try:
    float(a)
except TypeError as e:
    print("TypeError:", e)
print(bool(0j), bool(1j), bool(0 + 0j))
x = 1 + 1j
x += 1; x *= 2j; x -= 1
print(x)
