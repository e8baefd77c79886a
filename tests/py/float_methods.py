# is_integer, as_integer_ratio, conjugate, real/imag and conversions.
for v in [0.0, 1.0, -2.0, 0.5, 1e300, 1.5, 0.1, -0.75, 2.0 ** 60]:
    print(repr(v), v.is_integer(), v.as_integer_ratio(), v.real, v.imag, v.conjugate())
n, d = (0.1).as_integer_ratio()
print(n, d, n / d)
print(float(7), float("  3.5 "), float("-1_000.5"), float("1e3"), float(".5"), float("5."), float(True))
print(float(b"2.5"), float("\u0661.\u0665"))
for bad in ["", "abc", "1.2.3", "1__0", "0x10", "1e", "_1"]:
    try:
        float(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    float([])
except TypeError as e:
    print("TypeError:", e)
class F:
    def __float__(self):
        return 2.5
class I:
    def __index__(self):
        return 7
print(float(F()), float(I()))
print(float.__trunc__(2.7), float.__floor__(-2.5), float.__ceil__(-2.5))
print((2.5).__int__(), (2.5).__round__(), (2.5).__round__(0))
