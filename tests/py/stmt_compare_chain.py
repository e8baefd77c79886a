# Chained comparisons evaluate operands once and short-circuit.
def v(x, tag):
    print("eval", tag)
    return x
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1 == 1, 1 == 1 != 2, 1 < 2 > 0, 0 <= 0 < 1 <= 1)
print(v(1, "a") < v(2, "b") < v(3, "c"))
print(v(3, "a") < v(2, "b") < v(1, "c"))
print(1 < 2 < 3 < 4 < 5 < 4)
x = 5
print(0 < x < 10, 10 < x < 20, x in [5] in [[5]], 2 in [1, 2] == True)
print("a" < "b" < "c", [1] < [2] < [3], (1, 2) < (1, 3) <= (1, 3))
one, nothing = 1, None
print(nothing is None is not False, one is not nothing is None)
print(1 < 2 == 2 > 1, (1 < 2) == (2 > 1))
class C:
    def __init__(self, n):
        self.n = n
    def __lt__(self, o):
        print(f"{self.n} < {o.n}")
        return "truthy-string" if self.n < o.n else ""
print(C(1) < C(2) < C(3))
print(C(1) < C(2))
print(repr(C(3) < C(2) < C(1)))
try:
    1 < "a" < 2
except TypeError as e:
    print("TypeError:", e)
print(1 < 2 < "a" if False else "skipped")
