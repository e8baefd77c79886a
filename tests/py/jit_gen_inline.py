# Generators resumed inline by compiled `for` loops: exits inside them, bridges, nested
# generators, values changing type, generators seen from outside while they run.
import sys

def count(n):
    i = 0
    while i < n:
        yield i
        i += 1

def evens(items):
    for x in items:
        if x % 2 == 0:
            yield x

def scaled(items, k):
    for x in items:
        yield x * k

def window(items, width):
    buf = []
    for x in items:
        buf.append(x)
        if len(buf) > width:
            del buf[0]
        if len(buf) == width:
            yield tuple(buf)

total = 0
for w in window(scaled(evens(count(6000)), 3), 3):
    total += w[0] - w[1] + w[2]
print("pipeline", total)

# the yielded value changes type after warm-up: ints, a big int, floats, None
def mixed(n):
    for i in range(n):
        if i < 3000:
            yield i
        elif i < 3001:
            yield 2 ** 80
        elif i < 4000:
            yield i * 0.5
        else:
            yield None

acc = 0
nones = 0
for v in mixed(5000):
    if v is None:
        nones += 1
    else:
        acc += v
print("mixed", acc, nones)

# a generator whose locals change type, yields in two places, and returns a value
def two_yields(n):
    x = 0
    for i in range(n):
        if i % 1000 == 999:
            x = "s%d" % i
            yield x
        else:
            x = i
            yield x
    return "done"

strs = []
s = 0
g = two_yields(4000)
for v in g:
    if isinstance(v, str):
        strs.append(v)
    else:
        s += v
print("two", s, strs)

# exceptions raised inside the inlined generator, caught by the loop's caller
def failing(n, bad):
    for i in range(n):
        if i == bad:
            raise ValueError("bad %d" % i)
        yield i

def consume(n, bad):
    t = 0
    try:
        for v in failing(n, bad):
            t += v
    except ValueError as e:
        return (t, str(e))
    return (t, None)

print("raise", consume(3000, 2500), consume(3000, 5000))

# generator state seen from the loop body (gi_running)
def watched(n):
    k = 0
    for i in range(n):
        k = i * 2
        yield i

g = watched(3000)
seen = 0
for v in g:
    if g.gi_running:
        seen += 1000000
    if v % 1000 == 7:
        seen += v
print("watched", seen, g.gi_running)

# one generator consumed by two loops, and closed early
g = count(10 ** 6)
first = 0
for v in g:
    first += v
    if v == 2500:
        break
second = 0
for v in g:
    second += v
    if v == 5000:
        break
g.close()
print("shared", first, second, list(g))

# the generator's closure and globals rebound while it runs
factor = 2
def closure_gen(n):
    step = 1
    def bump():
        return step
    for i in range(n):
        if i == 2000:
            step = 10
        yield i * factor + bump()

t = 0
for v in closure_gen(3000):
    t += v
    if v > 5000:
        factor = 3
print("closure", t)

# a local deleted inside the generator: UnboundLocalError at the right place
def deleting(n):
    x = 1
    for i in range(n):
        if i == 2000:
            del x
        yield x + i

try:
    t = 0
    for v in deleting(3000):
        t += v
except UnboundLocalError as e:
    print("unbound", t, e)

# generators made inside the loop, a new one per item
t = 0
for i in range(3000):
    for v in count(3):
        t += v * i
print("fresh", t)

# list and tuple iterators made inside the generator, left at a yield
def pairs(n):
    for i in range(n):
        for x in [i, i + 1, i + 2]:
            yield x

t = 0
for v in pairs(2000):
    t += v
print("inner", t)

# a generator with try/finally left by `break`
def guarded(n):
    try:
        for i in range(n):
            yield i
    finally:
        print("finally ran")

g = guarded(5000)
for v in g:
    if v == 4000:
        break
print("after break")
g.close()
sys.stdout.flush()
