# Right shifts by constants inline on unboxed ints (doubled representation), with the
# extremes of the small-int range.
def f(n):
    t = 0
    for i in range(-n, n):
        t += (i * 7) >> 1
        t += i >> 0
        t ^= (i >> 63) + (i >> 3)
        t += (-(1 << 61) + i) >> 5
    return t
print(f(5000))
