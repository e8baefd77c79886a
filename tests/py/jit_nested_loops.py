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
