# `yield from` inside generators that compiled loops resume inline: delegation to
# generators, to other iterables, values sent on, sub-generators returning values,
# exceptions from deep inside, recursion through yield from.

def leaf(n, k):
    for i in range(n):
        yield i * k

def flatten(parts):
    for p in parts:
        yield from p

t = 0
for x in flatten(leaf(50, j) for j in range(80)):
    t += x
print("flatten", t)

def chain(n):
    for i in range(n):
        yield from leaf(3, i)
        yield from [i, -i]
        yield from (i, i)

t = 0
c = 0
for x in chain(1500):
    t += x
    c += 1
print("chain", t, c)

def returns(n):
    total = 0
    for i in range(n):
        total += i
        yield i
    return total

def outer(m):
    acc = 0
    for j in range(m):
        r = yield from returns(j % 7)
        acc += r
        yield -acc

t = 0
for x in outer(2000):
    t += x
print("returns", t)

def tree(depth, label):
    yield label
    if depth > 0:
        yield from tree(depth - 1, label * 2)
        yield from tree(depth - 1, label * 2 + 1)

t = 0
for x in tree(11, 1):
    t = (t * 31 + x) % 1000003
print("tree", t)

def boom(n):
    for i in range(n):
        if i == 2900:
            raise KeyError(i)
        yield i

def relay(n):
    yield from boom(n)

t = 0
try:
    for x in relay(3000):
        t += x
except KeyError as e:
    print("raised", t, e)

# a delegating generator driven by send() in a compiled loop
def echo():
    got = 0
    while True:
        got = yield got * 2

def echo_relay():
    yield from echo()

g = echo_relay()
next(g)
t = 0
for i in range(3000):
    t += g.send(i)
print("send", t)
