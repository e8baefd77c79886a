# bit_length, bit_count and other int methods/attributes.
for n in [0, 1, 2, 3, 4, 7, 8, 255, 256, -1, -2, -255, -256, 2 ** 63, 2 ** 64 - 1, -(2 ** 63), 10 ** 100]:
    print(n, n.bit_length(), n.bit_count())
print((5).real, (5).imag, (5).numerator, (5).denominator, (5).conjugate())
print((-7).as_integer_ratio(), (10 ** 20).as_integer_ratio())
print(True.bit_length(), True.real, False.numerator)
print(int.bit_length(1023))
print((12).__index__(), (12).__int__(), (12).__float__(), (12).__trunc__())
print((12).__floor__(), (12).__ceil__(), (12).__round__(), (1234).__round__(-2))
print(round(1250, -2), round(1350, -2), round(-1250, -2), round(15, -1), round(25, -1))
print(round(123456, -10), round(5, 0), round(7, 3))
print(int.__neg__(5), int.__pos__(-5), int.__abs__(-5), int.__invert__(5))
print(int.__bool__(0), int.__bool__(-3))
print((255).__format__("x"), (255).__format__(""), int.__repr__(10))
