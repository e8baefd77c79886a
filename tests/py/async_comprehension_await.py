"""await in comprehensions of async functions and in asynchronous generator
expressions, driven by hand with send(None)."""
class sleep0:
    def __init__(self, v=None): self.v = v
    def __await__(self):
        r = yield ('sleep', self.v)
        return r

class Aiter:
    def __init__(self, n): self.i = 0; self.n = n
    def __aiter__(self): return self
    async def __anext__(self):
        await sleep0()
        if self.i >= self.n: raise StopAsyncIteration
        self.i += 1
        return self.i

def run(coro):
    trace = []
    try:
        v = coro.send(None)
        while True:
            trace.append(v)
            v = coro.send(len(trace))
    except StopIteration as e:
        return e.value, trace

async def double(x):
    await sleep0(x)
    return 2 * x

async def f():
    a = [await double(x) for x in range(3)]
    b = {await double(x) for x in range(3)}
    c = {x: await double(x) for x in range(3)}
    d = [[await double(x) for x in range(y)] for y in range(3)]
    e = [x async for x in Aiter(3)]
    g = [x for y in range(2) async for x in Aiter(y + 1) if await double(x)]
    return a, sorted(b), c, d, e, g

print(run(f()))

async def h():
    def inner():
        return (await double(x) for x in range(3))
    agen = inner()
    print(type(agen).__name__, agen.__class__.__name__)
    out = []
    async for v in agen:
        out.append(v)
    it = inner().__aiter__()
    out.append(await it.__anext__())
    out.append(await it.asend(None))
    try:
        while True:
            out.append(await it.__anext__())
    except StopAsyncIteration:
        out.append('stop')
    gen2 = (x * 10 async for x in Aiter(2))
    out.append([y async for y in gen2])
    gen3 = (await double(x) for x in range(5))
    out.append(await gen3.__anext__())
    await gen3.aclose()
    try:
        await gen3.__anext__()
    except StopAsyncIteration:
        out.append('closed')
    return out

print(run(h()))

def f3():
    g = (await double(x) for x in range(2))
    return g
g = f3()
print(type(g))
aw = g.__anext__()
print(type(aw).__name__)
print(run(aw))
print(run(g.asend(None)))
try:
    run(g.__anext__())
except StopAsyncIteration:
    print("stop")
gx = [c for c in f3.__code__.co_consts if hasattr(c, 'co_flags')][0]
print(f3.__code__.co_flags & 0x3a0, gx.co_name, gx.co_flags & 0x3a0)

# an asynchronous generator expression is an async generator: not awaitable itself
async def use_plain():
    gen = (await double(x) for x in range(2))
    try:
        await gen
    except TypeError as e:
        print("TypeError", e)
    return [v async for v in gen]
print(run(use_plain()))

# awaiting in the condition and in nested comprehensions of an async def
async def nested():
    return [[y async for y in Aiter(x)] for x in range(3) if await double(x) != 2]
print(run(nested()))

# errors raised inside an awaited comprehension propagate out of the coroutine
async def failing():
    return [await double(x) for x in (1, None)]
try:
    run(failing())
except TypeError as e:
    print("TypeError", e)
