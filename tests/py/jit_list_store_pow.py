# Inline list stores and float ** in compiled loops, with what must leave the trace:
# negative and out-of-range indexes, list subclasses, a list resized by called code,
# pow of negative, zero, huge and special values.

class L(list):
    def __setitem__(self, i, v):
        list.__setitem__(self, i, v * 10)

def stores(n):
    a = [0] * 8
    b = [0.0] * 4
    out = []
    for i in range(n):
        a[i % 8] = i
        a[-1 - i % 3] += 1
        b[i % 4] = b[(i + 1) % 4] + 0.5
        if i == 30:
            a = L(a)
        if i == 50:
            a = [0] * 8
        try:
            if i > 60:
                a[i % 11] = -i
        except IndexError as e:
            out.append(str(e))
    return a, b, out[:2], len(out)

def grow(n):
    lst = [1, 2, 3]
    for i in range(n):
        lst[i % 3] = i
        if i == 20:
            del lst[1:]
            lst.append(9)
            lst.append(8)
        if i == 40:
            lst.clear()
            lst.extend([7, 7, 7])
    return lst

def pows(vals):
    res = []
    for x in vals:
        for y in (0.5, 2, -1.5, 3.0):
            try:
                res.append(x ** y)
            except Exception as e:
                res.append(type(e).__name__)
    return res

def unused_pow(n):
    k = 0
    for i in range(n):
        try:
            (1.5 + i) ** (10.0 + i * 10)
        except OverflowError:
            k += 1
    return k

print(stores(100))
print(grow(60))
vals = [2.0, 0.25, 9.0] * 20 + [0.0, -2.0, -0.0, float("inf"), float("nan"), 1e300, 1e-300, 1.0, 7, -3]
print(pows(vals)[-60:])
print(unused_pow(100))
