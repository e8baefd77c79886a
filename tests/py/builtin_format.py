# format() builtin and __format__ dispatch.
print(format(3), format(3.5), format("s"), format([1]), format(None), format(True), format(1j))
print(format(42, "b"), format(42, "o"), format(42, "x"), format(42, "X"), format(42, "c"), format(42, "d"), format(42, "n"))
print(format(3.14159, ".3f"), format(3.14159, ".3e"), format(3.14159, ".3g"), format(3.14159, ".0%"), format(3.14159, "8.2f"))
print(format("text", "<8") + "|", format("text", ">8"), format("text", "^8"), format("text", "-^9"), format("text", ".2"))
print(format(1234567.891, ",.2f"), format(1234567, "_"), format(-42, "+"), format(42, " "), format(-0.0, "+.1f"))
print(format(2 ** 70, ","), format(-(2 ** 70), "x"), format(10 ** 25, "e"), format(2 ** 70, ".3g"))
for bad in [(1, "q"), ("s", "d"), (1.0, "c"), ([], "x"), (1, "<<5"), (1, ".-1"), (3, "10000000000000000000000")]:
    try:
        print(format(*bad))
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
class F:
    def __format__(self, spec):
        return "F:" + spec
print(format(F(), "xyz"), format(F()))
try:
    format(F(), 5)
except TypeError as e:
    print("TypeError:", e)
