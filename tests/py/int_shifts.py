# Left and right shifts, including negative numbers and big shifts.
for a in [0, 1, -1, 5, -5, 1000, -1000, 2 ** 70, -(2 ** 70)]:
    print(a, [a << s for s in (0, 1, 3, 31, 64)], [a >> s for s in (0, 1, 3, 31, 64, 200)])
print(1 << 100, (1 << 100) >> 99)
print(-1 >> 1000, 1 >> 1000, -(2 ** 1000) >> 999)
print(-7 >> 1, -8 >> 1, -9 >> 2)
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)
try:
    1 >> -1
except ValueError as e:
    print("ValueError:", e)
try:
    1 << 1.0
except TypeError as e:
    print("TypeError:", e)
x = 3
x <<= 5
print(x)
x >>= 2
print(x)
print(True << 3, False >> 1)
print(0 << 10 ** 20)
