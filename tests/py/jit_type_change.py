# Values whose types change after the loop was compiled: guards exit and the interpreter
# takes over with the same results CPython gives.
def mix(n, switch):
    x = 0
    i = 0
    while i < n:
        if i == switch:
            x = float(x)
        x = x + i
        i += 1
    return x

def flip(n):
    v = 1
    out = []
    for i in range(n):
        v = v + 1
        if i == 30:
            v = True
        if i == 60:
            v = 2.5
    return v

def sum_mixed(xs):
    t = 0
    for i in range(len(xs)):
        t = t + i
    return t

print(mix(100, 200), mix(100, 50), mix(100, 0))
print(flip(100))
print(sum_mixed([1] * 100))
a = 1
b = 2
for i in range(100):
    a = a + b
    if i == 70:
        b = 0.5
print(a, b)
s = 0
i = 0
while i < 60:
    s += i
    if i == 40:
        s = str(s)
        break
    i += 1
print(s, i)
