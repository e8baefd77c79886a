# Mixed int/float division semantics.
for a in [7, -7, 7.0, -7.0, 0.3, -0.3]:
    for b in [2, -2, 0.5, -0.5, 0.1]:
        print(a, b, a // b, a % b, divmod(a, b))
print(1.0 // 0.1, 1.0 % 0.1, divmod(1.0, 0.1))
print(5 % -0.0 if False else 0)
print(-0.0 // 1, 0.0 // -1, -0.0 % 1)
print(1e300 // 1e-300 if False else 1e300 // 3)
print(2 ** 0.5 * 2 ** 0.5 == 2.0)
print(sum([0.1] * 10), sum([0.1] * 10) == 1.0)
