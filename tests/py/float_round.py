# round() of floats: bankers rounding and ndigits.
for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.49999999999999994, 2.675, 1.005, 0.125, 0.375]:
    print(v, round(v), round(v, 0), round(v, 1), round(v, 2), type(round(v)).__name__)
print(round(2.675, 2), round(1.005, 2), round(0.285, 2), round(1.2345, 3))
print(round(123.456, -1), round(123.456, -2), round(987.654, -3), round(-555.5, -1))
print(round(1e300, -300), round(1e-300, 300), round(5e-324, 400))
print(round(1.5, None), type(round(1.5, None)).__name__)
print(round(0.0), round(-0.0), round(-0.0, 1), round(-0.4))
print(round(12345.6789, 10), round(1e20), round(1e20, -19))
print(round(7, -1), round(5, -1), round(15, -1), round(-25, -1))
try:
    round(1.5, 1.5)
except TypeError as e:
    print("TypeError:", e)
try:
    round("1")
except TypeError as e:
    print("TypeError:", e)
class R:
    def __round__(self, n=None):
        return ("R", n)
print(round(R()), round(R(), 3))
import math
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(2.5), math.ceil(2.0))
print(int(2.9999999999999996), int(-0.99))
