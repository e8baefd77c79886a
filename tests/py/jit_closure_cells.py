# Closure variables read and written in hot loops (cell loads and stores inlined by the
# JIT): comprehensions over captured values, nonlocal counters, cells emptied by `del`,
# cells rebound from inside calls.
def counter():
    n = 0
    def bump(k):
        nonlocal n
        n += k
        return n
    return bump


def use_counter(m):
    b = counter()
    t = 0
    for i in range(m):
        t += b(i % 7)
    return t


print(use_counter(4000))


def comps(m):
    base = 3
    scale = 2.5
    out = 0.0
    for i in range(m):
        vals = [base + j * scale for j in range(4)]
        out += sum(vals)
        if i == m - 100:
            base = 10
    return out


print(comps(3000))


def deleted(m):
    x = 1
    def read():
        return x
    got = []
    for i in range(m):
        if i == m - 3:
            del x
        try:
            got.append(read())
        except NameError as e:
            got.append(str(e))
            x = i
    return got[-4:]


print(deleted(3000))


def shared(m):
    acc = []
    total = 0
    def add(v):
        nonlocal total
        total += v
        acc.append(v)
    for i in range(m):
        add(i & 3)
        if i % 1000 == 999:
            total = -total
    return total, len(acc)


print(shared(5000))
