# async for and async with, driven manually.
class Suspend:
    def __await__(self):
        yield "suspended"
class Ticker:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        await Suspend()
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i
class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    async def __aenter__(self):
        print("aenter", self.name)
        await Suspend()
        return self.name.upper()
    async def __aexit__(self, et, ev, tb):
        print("aexit", self.name, et.__name__ if et else None)
        return self.suppress
def run(coro):
    steps = 0
    try:
        while True:
            coro.send(None)
            steps += 1
    except StopIteration as e:
        return e.value, steps
async def main():
    out = []
    async for v in Ticker(3):
        out.append(v)
    async with Resource("db") as r:
        out.append(r)
    async with Resource("sup", suppress=True):
        raise ValueError("suppressed inside async with")
    try:
        async with Resource("prop"):
            raise KeyError("propagated")
    except KeyError as e:
        out.append("caught " + repr(e))
    out.append([x async for x in Ticker(2)])
    async for v in Ticker(5):
        if v == 2:
            continue
        if v == 4:
            break
        out.append(("loop", v))
    else:
        out.append("not reached")
    async for v in Ticker(1):
        pass
    else:
        out.append("async for else")
    return out
print(run(main()))
async def agen():
    for i in range(3):
        await Suspend()
        yield i * 10
async def use_agen():
    return [v async for v in agen()]
print(run(use_agen()))
async def bad_for():
    async for x in [1, 2]:
        pass
try:
    run(bad_for())
except TypeError as e:
    print("TypeError:", e)
async def bad_with():
    async with Resource:
        pass
try:
    run(bad_with())
except (TypeError, AttributeError) as e:
    print(type(e).__name__ + ":", e)
ag = agen()
print(type(ag).__name__, type(ag.__anext__()).__name__ if False else "skip")
