# Floats in compiled loops: infinities, NaN, signed zeros, division by zero caught inside
# the loop, mixed int/float arithmetic and comparisons with NaN.
import math

def f(n, d):
    x = 1.0
    caught = 0
    for i in range(n):
        try:
            x = x + 1.0 / (d - i)
        except ZeroDivisionError:
            caught += 1
    return x, caught

def g(n):
    x = 1e300
    y = 0.0
    for i in range(n):
        x = x * 10.0
        y = y - 0.0
    return x, y, -y

def h(n):
    nan = float('nan')
    lt = 0
    ne = 0
    eq = 0
    for i in range(n):
        v = nan if i % 7 == 0 else i * 0.5
        if v < 10.0:
            lt += 1
        if v != v:
            ne += 1
        if v == v:
            eq += 1
    return lt, ne, eq

def k(n):
    t = 0.0
    for i in range(n):
        t = t + i / 4 - (i * 0.25)
        t = t * -1.0
    return t

print(f(100, 50))
print(f(100, 500))
print(g(20))
print(h(100))
print(k(1000), k(1001))
z = 0.0
for i in range(40):
    z = -z
print(z, math.copysign(1.0, z))
print(repr(-0.0 * 5), 0.0 == -0.0)
