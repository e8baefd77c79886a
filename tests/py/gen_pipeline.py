# Generator pipelines.
def read_lines():
    text = """alpha 3
beta 5
# comment
gamma x
delta 7

epsilon 11"""
    for line in text.splitlines():
        yield line
def non_empty(lines):
    for l in lines:
        if l.strip() and not l.startswith("#"):
            yield l
def parse(lines):
    for l in lines:
        name, _, num = l.partition(" ")
        try:
            yield name, int(num)
        except ValueError:
            print("skipping bad line:", l)
def running_total(pairs):
    total = 0
    for name, n in pairs:
        total += n
        yield name, n, total
for row in running_total(parse(non_empty(read_lines()))):
    print(row)
def take(n, it):
    for i, v in enumerate(it):
        if i >= n:
            return
        yield v
def naturals():
    n = 0
    while True:
        yield n
        n += 1
squares = (n * n for n in naturals())
odd_squares = (s for s in squares if s % 2)
print(list(take(6, odd_squares)))
def window(it, size):
    buf = []
    for v in it:
        buf.append(v)
        if len(buf) > size:
            buf.pop(0)
        if len(buf) == size:
            yield tuple(buf)
print(list(window(range(6), 3)))
def interleave(*gens):
    gens = [iter(g) for g in gens]
    while gens:
        for g in list(gens):
            try:
                yield next(g)
            except StopIteration:
                gens.remove(g)
print(list(interleave("abc", [1, 2], (True,))))
