# Float arithmetic and operators.
vals = [0.5, -0.5, 2.0, -3.25, 7.0, 1e10, 1e-3]
for a in vals:
    for b in vals:
        print(a, b, a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b))
print(2.0 ** 10, 2.0 ** -2, (-2.0) ** 3, 2 ** 0.5, 4 ** 0.5, 0.0 ** 0)
print(abs(-2.5), -(-2.5), +2.5)
print(1.5 + 1, 1 + 1.5, 3 * 0.5, True + 0.5)
print(10 % 3.5, -10 % 3.5, 10 % -3.5, -10 % -3.5)
print(-0.0 % 5, 0.0 % -5, -1e-20 % 1.0)
print(divmod(-7.5, 2), divmod(7.5, -2))
try:
    (-8.0) ** 0.5
except Exception as e:
    print(type(e).__name__, e)
print((-8.0) ** 0.5 if False else (-8) ** 0.5)
try:
    0.0 ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    10.0 ** 400
except OverflowError as e:
    print("OverflowError:", e)
try:
    1.5 ** 10000
except OverflowError as e:
    print("OverflowError:", e)
print(1e308 * 10, -1e308 * 10)
print(5e-324 / 2, 1e-320 * 1e-10)
x = 1.5
x += 1; x *= 3; x /= 2; x -= 0.25; x //= 1; x **= 2; x %= 7
print(x)
print(float.__add__(1.0, 2), float.__radd__(1.0, 2), float.__add__(1.0, "a"))
