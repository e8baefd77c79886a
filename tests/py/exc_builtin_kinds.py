# Built-in operations raising various exception types with exact messages.
ops = [
    lambda: 1 / 0, lambda: 1 // 0, lambda: 1 % 0, lambda: 1.0 / 0, lambda: [][0], lambda: ()[5], lambda: "abc"[9],
    lambda: {}["k"], lambda: {1: 2}[(1, 2)], lambda: undefined_var, lambda: int("q"), lambda: float("q"),
    lambda: [].pop(), lambda: {}.popitem(), lambda: set().pop(), lambda: "a" + 1, lambda: len(5), lambda: None.attr,
    lambda: (1).attr, lambda: "x".nope(), lambda: [1, 2, 3].index(9), lambda: "abc".index("z"), lambda: next(iter([])),
    lambda: int("9" * 5000), lambda: 2.0 ** 5000, lambda: chr(-5), lambda: [1][1:2:0], lambda: import_fail(),
    lambda: list.nope, lambda: object.__getattribute__(1, "zz"), lambda: iter(5), lambda: sorted([1, "a"]),
    lambda: "%d" % "s", lambda: hash([]), lambda: {[]: 1}, lambda: bytes([300]), lambda: (lambda: 0)(1),
    lambda: divmod(1, 0), lambda: pow(0, -1), lambda: 10 ** -1 // 0, lambda: [1, 2].remove(3), lambda: tuple.index((1,), 2),
]
def import_fail():
    import no_such_module_xyz
for op in ops:
    try:
        op()
        print("no error")
    except Exception as e:
        print(type(e).__name__ + ":", e)
