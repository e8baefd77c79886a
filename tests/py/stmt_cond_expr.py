# Conditional expressions and short-circuit evaluation.
def t(x):
    print("t", x)
    return x
print("yes" if t(1) else "no")
print("yes" if t(0) else "no")
print(t(1) if t(True) else t(2))
x = 5
s = "neg" if x < 0 else "zero" if x == 0 else "pos"
print(s)
print([("even" if i % 2 == 0 else "odd") for i in range(4)])
print((lambda n: "big" if n > 10 else "small")(11))
print(t(0) and t(1), t(1) and t(2), t(0) or t(3), t(4) or t(5))
print(t([]) or t({}) or t("last"))
print(t(1) and t(0) or t("fallback"))
print(not t(0) and t("after not"))
val = None
print(val if val is not None else "default")
print(1 if True else 1 / 0, 0 if False else "ok")
