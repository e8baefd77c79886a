# math module functions.
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan, math.isnan(math.nan), math.isinf(-math.inf))
print(math.sqrt(16), math.sqrt(2), math.sqrt(0.0), math.sqrt(-0.0), math.isqrt(17), math.isqrt(10 ** 40), math.isqrt(0))
print(math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1), math.trunc(-2.7), math.floor(10 ** 20), type(math.floor(1.5)).__name__)
print(math.fabs(-3), math.copysign(3, -0.0), math.copysign(-2, 1), math.fmod(7, 3), math.fmod(-7, 3), math.remainder(7, 3))
print(math.exp(0), math.exp(1), math.expm1(1e-10), math.log(math.e), math.log(8, 2), math.log(100, 10), math.log10(1000), math.log2(1024), math.log1p(1e-10))
print(math.pow(2, 10), math.pow(2, 0.5), math.pow(-8, 1 / 3) if False else math.pow(4, -1))
print(math.sin(0), math.cos(0), math.tan(0), math.sin(math.pi / 2), math.cos(math.pi), math.atan(1) * 4, math.asin(1), math.acos(1))
print(math.atan2(1, 1), math.atan2(-1, -1), math.hypot(3, 4), math.hypot(1, 2, 2), math.dist((0, 0), (3, 4)))
print(math.degrees(math.pi), math.radians(180), math.sinh(0), math.cosh(0), math.tanh(0), math.asinh(0), math.acosh(1), math.atanh(0))
print(math.modf(3.25), math.modf(-3.25), math.frexp(8), math.frexp(0.1), math.ldexp(0.5, 4), math.isfinite(1e308), math.isfinite(math.inf))
print(math.erf(0), math.erfc(0), math.gamma(5), math.lgamma(1), math.gamma(1), math.factorial(4) == math.gamma(5))
print(math.nextafter(1.0, 2.0), math.ulp(1.0), math.exp2(3), math.cbrt(-8.0), math.cbrt(0.0))
