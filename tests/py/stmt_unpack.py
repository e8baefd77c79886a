# Unpacking assignment including starred targets.
a, b = 1, 2
a, b = b, a
print(a, b)
x, *y = [1, 2, 3]
*p, q = "abc"
first, *mid, last = range(6)
print(x, y, p, q, first, mid, last)
h, *t = [1]
print(h, t)
(i, j), k = (1, 2), 3
[m, [n, o]] = [4, (5, 6)]
print(i, j, k, m, n, o)
for idx, (key, val) in enumerate({"a": 1, "b": 2}.items()):
    print(idx, key, val)
a = b = c = [0]
a.append(1)
print(a, b, c, a is c)
x = y = 5
x += 1
print(x, y)
s1, s2, s3 = "xyz"
d1, d2 = {"k1": 1, "k2": 2}
print(s1, s2, s3, d1, d2)
errors = ["a, b = [1]", "a, b = [1, 2, 3]", "a, *b, c = [1]", "a, b = 5", "(a, b), c = 1, 2"]
for src in errors:
    try:
        exec(src)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
lst = [0, 0, 0]
lst[0], lst[2] = "L", "R"
print(lst)
obj = type("O", (), {})()
obj.a, obj.b = 1, 2
print(obj.a, obj.b)
i = 0
arr = [10, 20]
i, arr[i] = 1, 99
print(i, arr)
*everything, = range(3)
print(everything)
print(*[1, 2], *"ab", sep="-")
print([*range(2), *[9]], (*"xy",), {*"aab"} == {"a", "b"}, {**{"a": 1}, "b": 2})
for src in ["*a, *b = [1, 2]", "*a = [1]", "a, *b, *c = 1, 2, 3"]:
    try:
        compile(src, "<s>", "exec")
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
