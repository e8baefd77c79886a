import fractions
from fractions import Fraction as Fr

print(Fr(1, 3) + Fr(1, 6), Fr("3.1415"), Fr(0.5), Fr(22, 7).limit_denominator(5), float(Fr(1, 8)))
print(Fr(3, -6), Fr("-2/4"), Fr(1, 3) * 3, Fr(1, 3) ** 2, Fr(2) ** -1, Fr(1, 2) < 0.6, Fr(7, 2) // 1, Fr(7, 2) % 1)
print(repr(Fr(5, 10)), Fr(5, 10).numerator, Fr(5, 10).denominator, Fr(1.1).limit_denominator(100), round(Fr(7, 2)), round(Fr(5, 2)))
print(Fr.from_float(0.25), Fr.from_decimal(__import__("decimal").Decimal("1.2")), hash(Fr(1, 2)) == hash(0.5), Fr(3, 1) == 3, sum([Fr(1, n) for n in range(1, 6)]))
print(Fr(10, 4).as_integer_ratio(), abs(Fr(-1, 3)), -Fr(1, 3), int(Fr(-7, 2)), Fr(1, 3).__floor__(), Fr(1, 3).__ceil__())
try:
    Fr(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    Fr("x/y")
except ValueError as e:
    print("ValueError:", e)
