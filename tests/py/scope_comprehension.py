# Comprehension scopes.
x = "outer"
r = [x for x in range(3)]
print(r, x)
g = (x for x in "ab")
print(list(g), x)
s = {x for x in [1]}
d = {x: x for x in [2]}
print(s, d, x)
def f():
    y = 10
    return [y + i for i in range(3)]
print(f())
def nested():
    return [[i * j for j in range(i)] for i in range(4)]
print(nested())
print([(i, j) for i in range(3) for j in range(i, 3)])
data = [1, 2, 3]
gen = (v * 2 for v in data)
data = [100]
print(list(gen))
first = [1, 2]
gen2 = (a + b for a in first for b in second) if False else None
def walrus_scope():
    [last := n for n in range(5)]
    return last
print(walrus_scope())
try:
    exec("[i for i in range(3)]; print(i)")
except NameError as e:
    print("NameError:", e)
total = 0
vals = [total := total + n for n in range(1, 5)]
print(vals, total)
