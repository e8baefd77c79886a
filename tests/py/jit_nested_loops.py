# Nested loops: an outer loop's trace calls the compiled inner loop (call_loop), then
# goes on after it reading every variable again. Each case changes something only after
# both loops are compiled (the JIT tests run this with the threshold at 1-3).

def plain(n):
    total = 0
    for i in range(n):
        s = 0
        for j in range(i % 7):
            s += j * i
        total += s
    return total

def over_list(rows):
    acc = 0.0
    for k in range(len(rows)):
        for x in rows[k]:
            acc += x * 0.5
        acc -= 1.0
    return acc

def inner_break(n):
    out = []
    for i in range(n):
        for j in range(10):
            if j == i % 9:
                break
        else:
            out.append(-1)
        out.append(j)
    return out

def inner_raises(n):
    caught = 0
    total = 0
    for i in range(n):
        try:
            for j in range(5):
                total += 100 // (j - i % 13 + 4)
        except ZeroDivisionError:
            caught += 1
    return caught, total

def three_deep(n):
    t = 0
    for a in range(n):
        for b in range(a % 4):
            for c in range(b + 2):
                t += a ^ b ^ c
    return t

def type_change(n):
    s = 0
    for i in range(n):
        for j in range(3):
            s = s + j
        if i == 40:
            s = s + 0.5
        if i == 60:
            s = "x" if False else s * 1.5
    return s

def iterator_in_local(n):
    seen = []
    for i in range(n):
        it = iter([i, i + 1, i + 2])
        for v in it:
            seen.append(v)
        seen.append(next(it, "done"))
    return seen[-8:], len(seen)

def exhausted_then_grown(n):
    res = []
    for i in range(n):
        lst = [1, 2]
        it = iter(lst)
        for v in it:
            pass
        lst.append(3)
        res.append(next(it, None))
    return res[-3:]

def gen(k):
    for q in range(k):
        yield q * q

def inner_generator(n):
    t = 0
    for i in range(n):
        for v in gen(i % 5):
            t += v
    return t

def zero_and_big(n):
    t = 0
    for i in range(n):
        for j in range(i - i):
            t += 1
        for j in range(2 ** 62 - 2, 2 ** 62 + (i % 3)):
            t += j % 7
    return t

def outer_while(n):
    i = 0
    t = 0
    while i < n:
        for j in range(i % 6):
            t += j
        i += 1
    return t

def mutate_outer(n):
    lst = list(range(10))
    total = 0
    for i in range(n):
        for j in range(3):
            lst[(i + j) % 10] += j
        total += lst[i % 10]
    return total, lst

class P:
    def __init__(self, x):
        self.x = x

def attrs(n):
    ps = [P(i) for i in range(6)]
    t = 0
    for i in range(n):
        for p in ps:
            t += p.x
        if i == 50:
            ps[2].x = 2.5
        if i == 70:
            P.x = property(lambda self: 7)
    return t

print(plain(300))
print(over_list([[1.0, 2.0, 3.5]] * 200 + [[1, 2]] * 50 + [[]] * 10))
print(inner_break(120)[-20:])
print(inner_raises(200))
print(three_deep(150))
print(type_change(100))
print(iterator_in_local(100))
print(exhausted_then_grown(60))
print(inner_generator(200))
print(zero_and_big(80))
print(outer_while(300))
print(mutate_outer(200))
print(attrs(100))

def count_flips(perm):
    p = perm[:]
    flips = 0
    first = p[0]
    while first:
        lo = 0
        hi = first
        while lo < hi:
            p[lo], p[hi] = p[hi], p[lo]
            lo += 1
            hi -= 1
        flips += 1
        first = p[0]
    return flips

def while_in_for(n):
    t = 0
    for i in range(n):
        k = i % 9
        while k > 0:
            k -= 2
            t += k
        t += k
    return t

def while_with_else_break(n):
    out = 0
    i = 0
    while i < n:
        j = 0
        while j < 6:
            if j * i > 40 and i % 3 == 0:
                break
            j += 1
        else:
            out += 1000
        out += j
        i += 1
    return out

def while_true_break(n):
    t = 0
    for i in range(n):
        r = 1
        while True:
            if r > i % 5:
                break
            r += 1
        t += r
    return t

print([count_flips([3, 1, 4, 0, 2]), count_flips([4, 3, 2, 1, 0]), count_flips([1, 0, 2])])
print(sum(count_flips([(j * 7 + k) % 6 for k in range(6)]) for j in range(50)))
print(while_in_for(400))
print(while_with_else_break(120))
print(while_true_break(300))
