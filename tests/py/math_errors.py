# math domain and range errors.
import math
tests = [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-1), lambda: math.log10(0), lambda: math.log2(-2),
         lambda: math.acos(2), lambda: math.asin(-1.5), lambda: math.exp(1000), lambda: math.pow(0, -1), lambda: math.pow(-8, 0.5),
         lambda: math.fmod(1, 0), lambda: math.fmod(math.inf, 1), lambda: math.gamma(0), lambda: math.gamma(-1), lambda: math.lgamma(0),
         lambda: math.atanh(1), lambda: math.acosh(0), lambda: math.cosh(1000), lambda: math.ldexp(1, 10000), lambda: math.log(1, 1),
         lambda: math.sqrt("4"), lambda: math.sqrt(None), lambda: math.floor("x"), lambda: math.sqrt(10 ** 400), lambda: math.log(10 ** 400),
         lambda: math.tan(math.inf), lambda: math.sin(math.inf), lambda: math.exp(math.nan), lambda: math.sqrt(math.inf), lambda: math.log(math.nan),
         lambda: math.floor(math.inf), lambda: math.ceil(math.nan), lambda: math.remainder(1, 0), lambda: math.pow(10, 400), lambda: math.fsum([math.inf, -math.inf])]
for t in tests:
    try:
        print(t())
    except (ValueError, OverflowError, TypeError, ZeroDivisionError) as e:
        print(type(e).__name__ + ":", e)
