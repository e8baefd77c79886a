# True division of ints is correctly rounded.
print(1 / 3, 2 / 3, 10 / 4, -10 / 4, 1 / 7)
print(10 ** 16 / 3, (10 ** 16 + 1) / 1)
print((2 ** 53 + 1) / 1, (2 ** 53 + 3) / 1)
print(123456789012345678901234567890 / 1234567890)
print(1 / 2 ** 1074, 1 / 2 ** 1075, 3 / 2 ** 1076)
print(2 ** 1023 / 1 * 1.5)
print(7 // 2.0, -7 // 2.0, 7 % 2.5, -7 % 2.5)
print(0 / 5, -0 / 5, 0 / -5)
print(5 / -0.0 if False else "skip")
try:
    1 / 0.0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    1.0 // 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    1.0 % 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    2 ** 2000 / 1
except OverflowError as e:
    print("OverflowError:", e)
try:
    float(2 ** 2000)
except OverflowError as e:
    print("OverflowError:", e)
