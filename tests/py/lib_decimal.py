import decimal
from decimal import Decimal as D

print(D("1.1") + D("2.2"), D(1) / D(7), D("1.30").quantize(D("0.1")), decimal.getcontext().prec, D("2").sqrt())
with decimal.localcontext() as c:
    c.prec = 5
    print(D(1) / D(3), D("123456789") * 1)
print(D("1.25").quantize(D("0.1"), rounding=decimal.ROUND_HALF_EVEN), D("1.35").quantize(D("0.1"), rounding=decimal.ROUND_HALF_UP))
print(D(0.1), D("-0"), D("Infinity"), D("NaN").is_nan(), D("1e3").normalize(), D("100").normalize(), D("1.000").as_tuple())
print(sum(D("0.1") for _ in range(10)) == D("1.0"), D("3.14159").to_integral_value(), round(D("2.675"), 2), int(D("7.9")), float(D("0.5")))
print(D("10") % D("3"), D("-10") // D("3"), divmod(D("7"), D("2")), D(2) ** 10, D("1.5").compare(D("2")))
print(sorted([D("3"), D("1.5"), D("-2")]), max(D("1"), D("1.0")), D("12.345").scaleb(2), "%s|%8.3f|" % (D("1.5"), D("2.25")), format(D("1234.5"), ","))
try:
    D("abc")
except decimal.InvalidOperation as e:
    print("InvalidOperation", type(e).__mro__[1].__name__)
try:
    D(1) / D(0)
except decimal.DivisionByZero as e:
    print("DivisionByZero")
