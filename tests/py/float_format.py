# Float formatting with format specs and %-formatting.
vals = [0.0, -0.0, 1.0, 3.14159265, -2.5, 1234567.891, 1e-7, 1e21, 0.000123456, 123456789012.0, 0.5, 2.5]
specs = ["", "f", ".0f", ".2f", ".10f", "e", ".3e", "E", "g", ".3g", "G", ".10g", "%", ".1%",
         "+.2f", " .2f", "10.2f", "<10.2f", "^10.2f", ">10.2f", "=+10.2f", "010.2f", "*^12.1f",
         ",.2f", "_.2f", "#.0f", "#g", ".0e", "#.0e", "n", ".2", ".12", "r" if False else "g"]
for v in vals:
    print(repr(v), [format(v, s) for s in specs])
print("%f|%.2f|%10.3f|%-10.1f|%+f|% f|%e|%.2E|%g|%G|%5.1g" % (3.14159, 3.14159, 3.14159, 3.14159, 3.14159, 3.14159, 31415.9, 31415.9, 0.00001234, 1e20, 123.0))
print("%.0f %.0f %.0f %.0f" % (0.5, 1.5, 2.5, 3.5))
print("%r %s %a" % (0.1, 0.1, 0.1))
print(format(1e16, ""), format(1e16, "g"), format(123456.0, "g"), format(1234567.0, "g"))
print(format(0.1, ".17g"), format(0.1, ".20f"), format(2 ** 0.5, ".30f"))
print(format(1.0, "#"), format(100.0, ".3"), format(1e-5, ".3"))
try:
    format(1.0, "d")
except ValueError as e:
    print("ValueError:", e)
try:
    format(1.0, "x")
except ValueError as e:
    print("ValueError:", e)
