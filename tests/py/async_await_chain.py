# Chains of awaits, exceptions across awaits, and a tiny round-robin scheduler.
class Suspend:
    def __init__(self, tag):
        self.tag = tag
    def __await__(self):
        got = yield self.tag
        return got
async def worker(name, n, log):
    for i in range(n):
        log.append(f"{name}{i}")
        await Suspend(name)
    return f"{name} done"
def scheduler(coros):
    results = {}
    queue = list(coros.items())
    while queue:
        name, coro = queue.pop(0)
        try:
            coro.send(None)
            queue.append((name, coro))
        except StopIteration as e:
            results[name] = e.value
    return results
log = []
print(scheduler({"a": worker("a", 3, log), "b": worker("b", 1, log), "c": worker("c", 2, log)}))
print(log)
async def fails():
    await Suspend("f")
    raise KeyError("async failure")
async def catches():
    try:
        await fails()
    except KeyError as e:
        return "caught " + repr(e)
print(scheduler({"x": catches()}))
async def deep(n):
    if n == 0:
        return await Suspend("bottom")
    return await deep(n - 1)
c = deep(5)
print(c.send(None))
try:
    c.send("value from outside")
except StopIteration as e:
    print("deep result:", e.value)
async def returns_value():
    return 42
async def awaits_twice():
    coro = returns_value()
    a = await coro
    try:
        await coro
    except RuntimeError as e:
        return a, str(e)
print(scheduler({"t": awaits_twice()}))
