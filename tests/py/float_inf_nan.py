# Infinity and NaN behaviour.
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, repr(inf), repr(nan), str(-nan))
print(float("INF"), float("-Infinity"), float("nan"), float("-NaN"), float("+inf"))
print(inf + 1, inf - inf, inf * 0, inf / inf, inf * -1, 1 / inf, -1 / inf)
print(nan == nan, nan != nan, nan < 1, nan > 1, nan is nan)
print(inf == inf, inf > 1e308, -inf < -1e308, inf == 10 ** 400)
print([nan] == [nan], nan in [nan], (nan,) == (nan,))
print(inf % 3 if False else "x", 3 % inf, -3 % inf, 3 // inf, -3 // inf)
try:
    inf % 3
    print(inf % 3)
except Exception as e:
    print(type(e).__name__, e)
print(divmod(5.0, inf))
print(max(1, inf), min(-inf, 0), sorted([3.0, -inf, inf, 0.0]))
print(inf.is_integer(), nan.is_integer())
for f in [inf, -inf, nan]:
    try:
        print(int(f))
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
    try:
        print(f.as_integer_ratio())
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
    try:
        print(round(f))
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print(round(inf, 2), round(nan, 2))
print(format(inf, ".2f"), format(-inf, "e"), format(nan, "g"), format(inf, "F"), format(nan, "E"))
print("%f %e %g" % (inf, -inf, nan))
print(hash(inf), hash(-inf))
