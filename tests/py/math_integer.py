# math integer functions: factorial, gcd, lcm, comb, perm, prod, isqrt.
import math
print([math.factorial(i) for i in range(11)], math.factorial(30))
print(len(str(math.factorial(500))))
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-12, 18), math.gcd(), math.gcd(7), math.gcd(12, 18, 27), math.gcd(2 ** 100, 6 ** 50))
print(math.lcm(4, 6), math.lcm(0, 5), math.lcm(), math.lcm(2, 3, 4), math.lcm(-4, 6))
print(math.comb(5, 2), math.comb(10, 0), math.comb(5, 6), math.comb(100, 50), math.perm(5, 2), math.perm(5), math.perm(3, 5))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2.5, 2]), math.prod(range(1, 11)), math.prod([3], start=2), math.prod(["a"] * 1))
print([math.isqrt(n) for n in [0, 1, 3, 4, 15, 16, 99, 100, 2 ** 64, 10 ** 30 - 1]])
for bad in [lambda: math.factorial(-1), lambda: math.factorial(2.5), lambda: math.factorial(2.0), lambda: math.comb(-1, 2),
            lambda: math.comb(5, -1), lambda: math.perm(-1), lambda: math.isqrt(-1), lambda: math.gcd(1.5), lambda: math.comb(5.0, 2),
            lambda: math.lcm("a")]:
    try:
        print(bad())
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
