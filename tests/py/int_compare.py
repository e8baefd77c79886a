# Comparisons between ints, bools, floats and big ints.
vals = [0, 1, -1, 2 ** 63, -(2 ** 63), 10 ** 30, 0.5, -0.5, 1.0, 2.0 ** 63, float("inf"), True]
for a in vals:
    print(repr(a), [a < b for b in vals])
    print(repr(a), [a == b for b in vals])
print(2 ** 53 + 1 == float(2 ** 53 + 1), 2 ** 53 + 1 > float(2 ** 53 + 1))
print(10 ** 400 > float("inf"), 10 ** 400 < 1e308, -(10 ** 400) < -1e308)
print(float("nan") == 1, float("nan") < 1, 1 != float("nan"))
print(max(1, 2.0, 3), min(1, 1.0), max(1.0, 1))
print(1 == 1.0 == True, 0 == False == 0.0)
try:
    1 < "1"
except TypeError as e:
    print("TypeError:", e)
try:
    [] > 0
except TypeError as e:
    print("TypeError:", e)
print(1 == "1", 1 != "1", None == 0)
