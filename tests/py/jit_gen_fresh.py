# Generators made and run to their end inside compiled loops: started inline, several
# yields in one generator, yield from a fresh generator that returns a value.
def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
def pair(a):
    yield a
    yield a + 1
    return a * 10
def relay(a):
    r = yield from pair(a)
    yield r
t = 0
for i in range(20000):
    for v in count(3):
        t += v * i
    for v in relay(i):
        t -= v
print(t)
