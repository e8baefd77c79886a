# Slice assignment and deletion on lists.
a = list(range(10))
a[2:5] = ["a", "b"]; print(a)
a[1:1] = [100, 200]; print(a)
a[:] = a[::-1]; print(a)
a[::2] = [0] * len(a[::2]); print(a)
a[-3:] = []; print(a)
a[5:2] = ["x"]; print(a)
a[100:] = [7, 8]; print(a)
a[:0] = "hi"; print(a)
del a[::3]; print(a)
del a[1:3]; print(a)
del a[-1]; print(a)
del a[:]; print(a)
b = [1, 2, 3, 4, 5]
b[1:4] = range(3); print(b)
b[::-1] = [10, 20, 30, 40, 50]; print(b)
b[0:5:2] = (7, 8, 9); print(b)
try:
    b[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    b[1:2] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    b[10] = 1
except IndexError as e:
    print("IndexError:", e)
try:
    del b[10]
except IndexError as e:
    print("IndexError:", e)
c = [1, 2, 3]
c[1:2] = c; print(c)
d = [1, 2, 3]
d[:] = d + d; print(d)
e = list(range(20))
del e[2:15:4]; print(e)
e[-2:-10:-3] = "XYZ"; print(e)
