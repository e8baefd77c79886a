# Exceptions inside async functions, async with and async for.
class Step:
    def __await__(self):
        yield
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
class ACM:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    async def __aenter__(self):
        print("enter", self.name)
        return self
    async def __aexit__(self, et, ev, tb):
        await Step()
        print("exit", self.name, et.__name__ if et else None)
        return self.suppress
class AIter:
    def __init__(self, fail_at):
        self.i, self.fail_at = 0, fail_at
    def __aiter__(self):
        return self
    async def __anext__(self):
        await Step()
        self.i += 1
        if self.i == self.fail_at:
            raise ValueError(f"iteration failed at {self.i}")
        if self.i > 5:
            raise StopAsyncIteration
        return self.i
async def main():
    out = []
    try:
        async with ACM("a"):
            async with ACM("b", suppress=True):
                raise KeyError("inner")
            raise TypeError("after suppressed")
    except TypeError as e:
        out.append("caught " + str(e))
    try:
        async for v in AIter(3):
            out.append(v)
    except ValueError as e:
        out.append(str(e))
    try:
        await failing()
    except ZeroDivisionError as e:
        out.append("awaited failure: " + str(e))
    finally:
        out.append("finally in coroutine")
    return out
async def failing():
    await Step()
    return 1 / 0
print(run(main()))
async def raise_stop():
    raise StopIteration("inside coroutine")
try:
    run(raise_stop())
except RuntimeError as e:
    print("RuntimeError:", e)
async def agen_fail():
    yield 1
    raise OSError("agen failed")
async def consume():
    got = []
    try:
        async for v in agen_fail():
            got.append(v)
    except OSError as e:
        got.append(str(e))
    return got
print(run(consume()))
