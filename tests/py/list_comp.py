# List comprehensions, nested, with conditions.
print([x * x for x in range(10)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[x * y for y in range(4)] for x in range(4)])
print([c.upper() for c in "hello" if c != "l"])
print([x if x % 2 else -x for x in range(8)])
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[i] for i in range(3) for row in matrix])
print([[row[i] for row in matrix] for i in range(3)])
print([n for row in matrix for n in row if n % 2])
print([i for i in []], [len(w) for w in "a bb ccc".split()])
print([(lambda v: v + 1)(x) for x in range(3)])
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs2 = [lambda i=i: i for i in range(3)]
print([f() for f in fs2])
x = "outer"
print([x for x in range(3)], x)
print([y := i * 2 for i in range(3)], y)
print({k: v for k, v in zip("abc", range(3))}, {x % 3 for x in range(10)})
print([*range(3), *"ab"], [[*range(i)] for i in range(4)])
