# Generator expressions.
g = (x * x for x in range(5))
print(type(g).__name__, next(g), list(g), list(g))
print(sum(x for x in range(101)), max(len(w) for w in ["a", "abc", "ab"]), any(x > 3 for x in [1, 5]), all(x for x in []))
print(list((x, y) for x in "ab" for y in range(2)), tuple(c for c in "hello" if c not in "l"))
print(", ".join(str(i) for i in range(3)), sorted((-x for x in [3, 1, 2])), set(x % 3 for x in range(10)))
def trace(x):
    print("eval", x)
    return x
g = (trace(x) for x in range(3))
print("created")
print(next(g))
print(list(g))
try:
    g2 = (x for x in 5)
except TypeError as e:
    print("TypeError at creation:", e)
def make():
    return (1 / x for x in [1, 0])
g3 = make()
print(next(g3))
try:
    next(g3)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(next(g3, "after error exhausted"))
nested = ((i, j) for i in range(3) for j in range(i) if (i + j) % 2)
print(list(nested))
print(list(x for x in (y * 2 for y in range(4)) if x != 2))
gen = (i for i in range(3))
print(gen.gi_frame is not None, 1 in gen, list(gen))
