# hash() of floats and complex numbers: equal numbers hash equal.
vals = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, 0.1, 1e10, 1e100, 1e-100, 2.0 ** 61, 2.0 ** 62, 1e308, 5e-324,
        3.14159, -2.5, 1 / 3, float(2 ** 53 + 2), 123456.789]
for v in vals:
    print(repr(v), hash(v))
print(hash(float("inf")), hash(float("-inf")))
print(hash(1.0) == hash(1), hash(2.0 ** 70) == hash(2 ** 70), hash(-1.0), hash(0.5) == hash(0.5))
for c in [1j, 1 + 1j, -1j, 2.5 - 3j, complex(1, 0), 0j]:
    print(repr(c), hash(c))
print(hash(complex(5, 0)) == hash(5))
