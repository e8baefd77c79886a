# Loop shapes around compiled traces: break, continue, nested loops, empty and short
# ranges, the loop variable after the loop, exceptions leaving a loop, locals deleted
# between runs of a compiled loop.
def nested(n, m):
    t = 0
    i = j = -1
    for i in range(n):
        for j in range(m):
            if j == 5:
                continue
            if i * j > 400:
                break
            t += i ^ j
    return t, i, j

def last(n):
    i = -1
    for i in range(n):
        pass
    return i

def unbound(n, kill):
    x = 5
    t = 0
    if kill:
        del x
    try:
        for i in range(n):
            t = t + x
    except UnboundLocalError as e:
        return 'unbound', t
    return t

def early(n):
    i = 0
    while True:
        i += 3
        if i > n:
            return i

print(nested(30, 30), nested(3, 3), nested(0, 5))
print(last(0), last(1), last(100))
print(unbound(50, False), unbound(50, True), unbound(50, False))
print(early(1000), early(10), early(100000))
r = range(10, 100, 7)
s = 0
for v in r:
    s += v
print(s)
it = iter(range(100))
for v in it:
    if v == 60:
        break
print(v, next(it), list(it)[:3])
