# str.format and %-formatting of builtin values go straight to the native formatters
# (no spec or result str objects); values of subclasses and classes with __format__
# still go through __format__. Fixed-point float formatting has a fast path.

class S(str):
    def __format__(self, spec):
        return "S<" + spec + ">"

class I(int):
    def __format__(self, spec):
        return "I<" + spec + ">"

class F(float):
    pass

class P:
    def __format__(self, spec):
        return "P(" + spec + ")"

print("{0}:{1:>8}:{2:.3f}".format("alpha", 16, 2.2857142857142856))
print("{0}|{0:>6}|{0!r}".format(S("x")))
print("{0}|{0:>6}|{0:d}".format(I(42)))
print("{0}|{0:.2f}|{0:>10.1f}".format(F(3.14159)))
print("{0}|{0:abc}".format(P()))
print("{:,}|{:_}|{:08,}|{:+d}|{: d}|{:x}|{:#x}|{:#o}|{:b}".format(1234567, 1234567, 1234, 5, 5, 255, 255, 8, 5))
print("{:=+8d}|{:<8d}|{:^8d}|{:*^9d}".format(-42, -42, -42, 7))
print("{:d}|{:d}|{:d}".format(2**63 - 1, -2**63, 2**64 + 1))
print("{:10d}|{:010d}|{:,d}".format(10**20, -10**20, -10**25))
print("{:d}|{:x}|{}".format(True, False, True))
for x in [0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 1e-4, -1e-4, 1e21, 1e22, 123.456, 5e-324,
          1.7976931348623157e308, 2.675, 1.005, float("inf"), float("-inf"), float("nan")]:
    print("{:.0f} {:.1f} {:.2f} {:.3f} {:f} {:.17f} {:F}".format(x, x, x, x, x, x, x))
    print("%.0f %.2f %5.2f %-9.3f %+.2f % .1f %#.0f %010.3f %F" % (x, x, x, x, x, x, x, x, x))
    print("{:z.1f} {:+.2f} {:#.0f} {:,.2f} {:_.3f} {:08.2f} {:.2%}".format(x, x, x, x, x, x, x))
print("%.70f" % 0.1)
print("{:.70f}".format(1 / 3))
print("%d %i %u %5d %-5d| %05d %+d %x %X %o %#x %#o" % (3, -3, 7, 42, 42, -42, 1, 255, 255, 8, 255, 8))
print("%d %d %.5d %.3d" % (2**70, -2**70, 42, -7))
print("%d %d" % (True, 3.99))
print("%s %r %a" % (S("é"), S("é"), "é"))
for bad in ["{:d}".format, "{:.2f}".format, "{:x}".format]:
    try:
        print(bad("s"))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    "{:.2d}".format(5)
except ValueError as e:
    print(e)
try:
    "{:99999999999999999999d}".format(5)
except ValueError as e:
    print(e)
try:
    "{:.99999999999999999999f}".format(5.0)
except ValueError as e:
    print(e)
try:
    "%d" % "x"
except TypeError as e:
    print(e)
print(format(12.5, ".1f"), format(-0.04, ".1f"), format(1e16, ".2f"), format(12, ".2f"))
