# Async generators: asend, athrow, aclose driven manually.
class Tick:
    def __await__(self):
        yield "tick"
async def agen():
    try:
        x = yield 1
        print("agen received", x)
        yield 2
        yield 3
    finally:
        print("agen finally")
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
async def main():
    g = agen()
    print(await g.__anext__())
    print(await g.asend("sent value"))
    try:
        await g.athrow(ValueError("thrown"))
    except ValueError as e:
        print("athrow propagated:", e)
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("exhausted")
    g2 = agen()
    print(await g2.__anext__())
    await g2.aclose()
    print("closed")
    values = []
    async for v in agen():
        values.append(v)
    return values
print(run(main()))
async def countdown(n):
    while n:
        await Tick()
        yield n
        n -= 1
async def collect():
    return [x async for x in countdown(3)], [x * 2 async for x in countdown(2) if x > 1]
print(run(collect()))
async def with_return():
    yield 1
try:
    compile("async def f():\n    yield 1\n    return 2\n", "<s>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
print(type(countdown(1)).__name__, countdown.__name__)
async def use_builtins():
    it = aiter(countdown(2))
    first = await anext(it)
    second = await anext(it)
    default = await anext(it, "default")
    return first, second, default
print(run(use_builtins()))
