# Iteration order of sets built by the multi-argument methods and operators (CPython's
# table layouts: union copies once then updates in place, difference discards in place).

words = ["w%d" % i for i in range(40)]

def pick(seed, n):
    # deterministic pseudo-random choice without the random module
    out = []
    x = seed
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2**31
        out.append(words[x % len(words)])
    return out

for seed in range(8):
    a, b, c = set(pick(seed, 12)), set(pick(seed + 100, 9)), pick(seed + 200, 7)
    print(a.union(b, c))
    print(a.difference(b, c))
    print(a.intersection(b, set(c)))
    print(a.symmetric_difference(c))
    print(a | b, a - b, a & b, a ^ b)
    s = set(a); s.update(b, c); print(s)
    s = set(a); s.difference_update(b, c); print(s)
    s = set(a); s.intersection_update(b, c); print(s)
    s = set(a); s.symmetric_difference_update(b); print(s)
    print(frozenset(a).union(c), frozenset(a).difference(c, b))
