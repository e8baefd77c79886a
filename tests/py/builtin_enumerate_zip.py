# enumerate and zip (including strict=True).
print(list(enumerate("abc")), list(enumerate("abc", 1)), list(enumerate("ab", start=-5)), list(enumerate([], 3)))
e = enumerate(["x", "y"])
print(type(e).__name__, next(e), next(e), next(e, "done"))
print(list(enumerate(range(3), 10 ** 20)))
print(list(zip()), list(zip("ab")), list(zip("abc", [1, 2])), list(zip(range(3), "xyz", (True, False, None))))
print(dict(zip("abc", range(3))), list(zip(*[(1, "a"), (2, "b")])))
print(list(zip("ab", "cd", strict=True)))
for args in [("abc", "ab"), ("ab", "abc"), ("a", "a", "ab"), ("ab", "ab", "a")]:
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print("ValueError:", e)
def gen():
    for i in range(5):
        print("gen yields", i)
        yield i
print(list(zip(gen(), "ab")))
print(list(zip("ab", gen())))
try:
    zip(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    enumerate(5)
except TypeError as e:
    print("TypeError:", e)
try:
    enumerate("a", "b")
except TypeError as e:
    print("TypeError:", e)
z = zip([1, 2], [3, 4])
print(next(z), list(z), list(z))
