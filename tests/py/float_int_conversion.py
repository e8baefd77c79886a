# Conversions between float and int at the edges of precision.
for f in [0.0, -0.0, 0.5, -0.5, 1.9999999999999998, 2.5, -2.5, 1e15 + 0.5, 2.0 ** 52 + 0.5, 2.0 ** 53, 2.0 ** 63, 2.0 ** 64, 1e20, 1e300, -1e300, 123456789.987654321]:
    print(repr(f), int(f), round(f), float(int(f)) == f)
for n in [2 ** 53, 2 ** 53 + 1, 2 ** 53 + 2, 2 ** 53 + 3, 2 ** 54 + 2, 2 ** 54 + 3, 2 ** 63 - 1, 2 ** 64 + 1, 10 ** 22, 10 ** 23, 2 ** 1023, 2 ** 1024 - 2 ** 971]:
    print(n, repr(float(n)), float(n) == n, int(float(n)) - n)
print(float(2 ** 1024 - 2 ** 970 - 1))
try:
    float(2 ** 1024 - 2 ** 970)
except OverflowError as e:
    print("OverflowError:", e)
print(1e308 == 10 ** 308, 1e23 == 10 ** 23, float(10 ** 23), int(1e23))
print((2 ** 53 + 1) == float(2 ** 53 + 1), (2 ** 53 + 1) > float(2 ** 53), (2 ** 53 + 1) < 2.0 ** 53 + 2)
print(hash(2.0 ** 80) == hash(2 ** 80), hash(1e23) == hash(int(1e23)))
print(0.1 * 3 == 0.3, (0.1).as_integer_ratio() == (3602879701896397, 36028797018963968))
