# fsum precision, isclose, and floating-point helpers.
import math
vals = [0.1] * 10
print(sum(vals), math.fsum(vals), math.fsum([1e100, 1.0, -1e100]), math.fsum([]), math.fsum([1, 2, 3]), math.fsum(x / 10 for x in range(10)))
try:
    math.fsum([1e308, 1e308, -1e308])
except OverflowError as e:
    print("OverflowError:", e)
print(math.fsum([0.1, 0.2, 0.3]) == 0.6, 0.1 + 0.2 + 0.3 == 0.6, math.fsum([1e308, -1e308, 1.0]))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.0000001), math.isclose(1, 1.0000001, rel_tol=1e-9), math.isclose(0, 1e-10),
      math.isclose(0, 1e-10, abs_tol=1e-9), math.isclose(math.inf, math.inf), math.isclose(math.nan, math.nan), math.isclose(-math.inf, math.inf))
try:
    math.isclose(1, 2, rel_tol=-1)
except ValueError as e:
    print("ValueError:", e)
print(math.dist([1, 2, 3], [4, 6, 3]), math.hypot(), math.hypot(-5), hasattr(math, "sumprod"))
print(math.floor(-0.5), math.ceil(-0.5), math.trunc(0.9), round(-0.5), round(0.5), round(1.5))
print(math.copysign(0.0, -1), math.copysign(math.nan, -1) != 0, math.isnan(math.copysign(math.nan, -1)))
print(math.nextafter(0.0, 1.0), math.nextafter(1.0, 0.0), math.ulp(0.0), math.ulp(1e300))
print(float.fromhex("0x1.fffffffffffffp+1023") == sys_max if (sys_max := 1.7976931348623157e308) else None)
print(math.comb(52, 5), math.perm(52, 5), math.factorial(20) // (math.factorial(5) * math.factorial(15)))
