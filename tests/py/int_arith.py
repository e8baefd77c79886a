# Basic small-int arithmetic and operator semantics.
vals = [0, 1, -1, 2, -2, 7, -7, 10, -10, 123, -123]
for a in vals:
    for b in vals:
        line = [a + b, a - b, a * b]
        if b != 0:
            line += [a // b, a % b, a / b]
        print(a, b, line)
print(-0, +5, -(-5), ~0, ~5, ~-5)
print(2 ** 10, 2 ** 0, 0 ** 0, (-2) ** 3, (-2) ** 4)
print(2 ** -1, 10 ** -2, (-2) ** -2)
print(7 / 2, -7 / 2, 6 / 3, 1 / 3)
print(type(6 / 3).__name__, type(6 // 3).__name__)
x = 5
x += 3; print(x)
x -= 10; print(x)
x *= -4; print(x)
x //= 3; print(x)
x %= 5; print(x)
x **= 3; print(x)
x <<= 2; print(x)
x >>= 1; print(x)
x |= 0x100; print(x)
x &= 0x1F0; print(x)
x ^= 0xFF; print(x)
print(1 + True, True + True, True * 10, False - 1)
print(int.__add__(3, 4), (3).__mul__(5), (3).__rsub__(10))
print((3).__add__(1.5))
