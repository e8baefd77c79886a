# generator.send.
def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total
g = accumulator()
print(g.send(None))
print(g.send(5), g.send(10), g.send(-3))
try:
    g.send(None)
except StopIteration as e:
    print("final", e.value)
g2 = accumulator()
try:
    g2.send(1)
except TypeError as e:
    print("TypeError:", e)
def echo():
    received = []
    while len(received) < 3:
        x = yield len(received)
        received.append(x)
    return received
g = echo()
next(g)
g.send("a"); g.send("b")
try:
    g.send("c")
except StopIteration as e:
    print(e.value)
def coroutine_avg():
    total = count = 0
    avg = None
    while True:
        v = yield avg
        total += v
        count += 1
        avg = total / count
c = coroutine_avg()
next(c)
print([c.send(v) for v in [10, 20, 30, 40]])
def two_way():
    x = yield "first"
    y = yield f"got {x}"
    yield f"then {y}"
g = two_way()
print(next(g), g.send(1), g.send(2))
def gen_running():
    yield g3.send(None)
g3 = gen_running()
try:
    next(g3)
except ValueError as e:
    print("ValueError:", e)
print(g3.gi_running, g3.gi_frame is None)
g4 = two_way()
print(g4.gi_frame is not None, g4.gi_running)
list(g4)
print(g4.gi_frame)
