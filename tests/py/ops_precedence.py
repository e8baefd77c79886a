# Operator precedence and associativity.
print(-2 ** 2, (-2) ** 2, 2 ** -1, 2 ** 3 ** 2, (2 ** 3) ** 2, -2 ** -2)
print(1 + 2 * 3 - 4 / 2, (1 + 2) * 3, 10 - 3 - 2, 10 - (3 - 2), 100 / 10 / 5, 2 * 3 % 4, 2 * (3 % 4))
print(7 // 2 * 2, 7 % 3 ** 2, -7 // 2, -(7 // 2), ~1 + 1, ~(1 + 1), -~5, ~-5)
print(1 << 2 + 1, (1 << 2) + 1, 1 | 2 ^ 3 & 4, (1 | 2) ^ (3 & 4), 6 & 3 | 8, 1 + 2 << 1, 8 >> 1 >> 1)
print(1 < 2 == True, (1 < 2) == True, 1 == 1 if False else "skip", not 1 == 2, not (1 == 2))
print(True or False and False, (True or False) and False, not True or True, not (True or True))
print(1 if 0 else 2 if 0 else 3, (1 if 0 else 2) if 1 else 3, [1, 2] + [3] * 2, ([1, 2] + [3]) * 2)
print(3 - -3, 3 - - - 3, +-+1, - - 1, 2 * -3, 2 ** - 1)
x = 5
print(x > 3 and x < 10, 3 < x < 10 or False, x & 1 == 1, (x & 1) == 1, x | 1 > 0)
print("a" + "b" * 3, ("a" + "b") * 3, "%s-%s" % ("x", "y") + "!", "x" in "xyz" == True, ("x" in "xyz") == True)
l = [1, 2, 3]
print(l[1:] + l[:1], -l[0] ** 2, l[-1] * -1, not l[0], [x * 2 for x in l if x > 1 or x < 0])
f = lambda a: a * 2
print(f(3) + 1, (lambda: 1)() + 2, (yield_val := 3) + 1, yield_val)
print(1e3 * 2, 0x10 + 0o10 + 0b10, 1_000 * 2, 10e-1, .5 + 5., 1j * 1j)
print(2 + 3j * 2, (2 + 3j) * 2, abs(-3) ** 2, -abs(-3), ~True, -True, not -1)
