# abs, divmod, pow, round, sum with various types.
print(abs(-5), abs(5), abs(-2.5), abs(-0.0), abs(3 + 4j), abs(True), abs(-(10 ** 30)), abs(float("-inf")))
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(-17, -5.0), divmod(True, 2))
print(pow(3, 4), pow(3, -1), pow(3, 4, 5), pow(2.0, 3), pow(4, 0.5), pow(-1, 0.5), pow(base=2, exp=5), pow(2, 5, mod=3))
print(round(3.7), round(-3.7), round(3.14159, 3), round(2.5), round(3.5), round(1234, -2), round(True))
print(sum([1, 2, 3]), sum([1.5, 2.5]), sum([], 10), sum([[1], [2]], []), sum(((1,), (2,)), ()), sum(range(5), start=100))
print(sum([0.1] * 10), sum([1e100, 1.0, -1e100]), sum([1, 2.5, 3j]), sum([True, True]))
for bad in [lambda: abs("x"), lambda: divmod("a", 1), lambda: sum(["a", "b"], ""), lambda: sum([1, "a"]),
            lambda: pow(2, 3, 0), lambda: pow("a", 2), lambda: sum([[1]]), lambda: round(1, "x"), lambda: divmod(1, 0.0),
            lambda: sum(1), lambda: sum([b"a"], b"")]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__ + ":", e)
class Num:
    def __abs__(self):
        return "abs called"
    def __divmod__(self, o):
        return "divmod called"
    def __rdivmod__(self, o):
        return "rdivmod called"
    def __pow__(self, e, m=None):
        return f"pow({e}, {m})"
    def __radd__(self, o):
        return f"radd({o})"
print(abs(Num()), divmod(Num(), 1), divmod(1, Num()), pow(Num(), 2), pow(Num(), 2, 3), sum([Num()]))
