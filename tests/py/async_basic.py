# async def / await driven manually with coro.send(None).
class Yield:
    def __init__(self, value):
        self.value = value
    def __await__(self):
        received = yield self.value
        return ("resumed with", received)
async def leaf(x):
    r = await Yield(x)
    return r
async def mid():
    a = await leaf("first")
    b = await leaf("second")
    return [a, b]
c = mid()
print(type(c).__name__, c.__name__, c.__qualname__)
print(c.send(None))
print(c.send("r1"))
try:
    c.send("r2")
except StopIteration as e:
    print("result:", e.value)
def run(coro):
    value = None
    steps = 0
    while True:
        try:
            yielded = coro.send(value)
        except StopIteration as e:
            return e.value, steps
        steps += 1
        value = ("ack", yielded)
async def compute(n):
    total = 0
    for i in range(n):
        r = await Yield(i)
        total += r[1][1]
    return total
print(run(compute(5)))
async def no_await():
    return "immediate"
print(run(no_await()))
async def raises():
    await Yield(1)
    raise ValueError("inside coroutine")
try:
    run(raises())
except ValueError as e:
    print("ValueError:", e)
coro = compute(3)
coro.send(None)
try:
    coro.throw(KeyError("thrown in"))
except KeyError as e:
    print("KeyError:", e)
coro2 = compute(3)
coro2.send(None)
coro2.close()
print(coro2.cr_frame)
class BadAwait:
    pass
async def bad():
    await BadAwait()
try:
    run(bad())
except TypeError as e:
    print("TypeError:", e)
done = no_await()
run(done)
try:
    done.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
async def awaits_coro():
    return await no_await() + "!"
print(run(awaits_coro()))
