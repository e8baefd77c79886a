"""Coroutines: async/await tasks on a tiny hand-written event loop.

Measures: coroutine creation, `await` chains through nested coroutines,
custom awaitables (__await__), coroutine.send() / StopIteration hand-off,
and generator-based coroutines driven with send().  No asyncio is used:
the scheduler below drives every coroutine with .send() directly.

Algorithm: a cooperative round-robin scheduler with a bucketed timer
list and bounded channels (the producer / worker / consumer pattern), plus
a push-style pipeline of generator coroutines in the spirit of David
Beazley's coroutine pipelines.  Written from scratch for pyjit.
"""

import sys
import time

ITERATIONS = 55
PRODUCERS = 4
WORKERS = 6
ITEMS_PER_PRODUCER = 600
CHANNEL_CAPACITY = 8


from _bench_env import iter_times_wanted as _iter_times_wanted, quick_wanted as _quick_wanted


if _quick_wanted():
    ITERATIONS = 5


# ---------------------------------------------------------------------------
# awaitables understood by the loop

class Request(object):
    """Something a task awaits; the loop interprets it and resumes the task."""

    def __init__(self, kind, target=None, arg=None):
        self.kind = kind
        self.target = target
        self.arg = arg

    def __await__(self):
        result = yield self
        return result


def pause():
    return Request("yield")


def sleep(ticks):
    return Request("sleep", None, ticks)


def join(task):
    return Request("join", task)


class Channel(object):
    def __init__(self, capacity):
        self.capacity = capacity
        self.items = []
        self.getters = []     # tasks waiting for an item
        self.putters = []     # (task, item) waiting for room
        self.closed = False

    def put(self, item):
        return Request("put", self, item)

    def get(self):
        return Request("get", self)


CLOSED = object()


class Task(object):
    def __init__(self, coro, name):
        self.coro = coro
        self.name = name
        self.done = False
        self.result = None
        self.waiters = []
        self.steps = 0


class Loop(object):
    def __init__(self):
        self.ready = []
        self.timers = {}
        self.now = 0
        self.switches = 0

    def spawn(self, coro, name=""):
        task = Task(coro, name)
        self.ready.append((task, None))
        return task

    def run(self):
        while self.ready or self.timers:
            if not self.ready:
                self.now = min(self.timers)
                self.ready = self.timers.pop(self.now)
            batch = self.ready
            self.ready = []
            for task, value in batch:
                self.step(task, value)

    def step(self, task, value):
        self.switches += 1
        task.steps += 1
        try:
            req = task.coro.send(value)
        except StopIteration as stop:
            task.done = True
            task.result = stop.value
            for w in task.waiters:
                self.ready.append((w, stop.value))
            task.waiters = []
            return
        kind = req.kind
        if kind == "yield":
            self.ready.append((task, None))
        elif kind == "sleep":
            when = self.now + req.arg
            bucket = self.timers.get(when)
            if bucket is None:
                bucket = self.timers[when] = []
            bucket.append((task, None))
        elif kind == "get":
            self.do_get(task, req.target)
        elif kind == "put":
            self.do_put(task, req.target, req.arg)
        elif kind == "join":
            target = req.target
            if target.done:
                self.ready.append((task, target.result))
            else:
                target.waiters.append(task)
        else:
            raise RuntimeError("unknown request " + kind)

    def do_get(self, task, chan):
        if chan.items:
            item = chan.items.pop(0)
            self.ready.append((task, item))
            if chan.putters:
                putter, pending = chan.putters.pop(0)
                chan.items.append(pending)
                self.ready.append((putter, None))
        elif chan.closed:
            self.ready.append((task, CLOSED))
        else:
            chan.getters.append(task)

    def do_put(self, task, chan, item):
        if item is CLOSED:
            chan.closed = True
            for g in chan.getters:
                self.ready.append((g, CLOSED))
            chan.getters = []
            self.ready.append((task, None))
        elif chan.getters:
            getter = chan.getters.pop(0)
            self.ready.append((getter, item))
            self.ready.append((task, None))
        elif len(chan.items) < chan.capacity:
            chan.items.append(item)
            self.ready.append((task, None))
        else:
            chan.putters.append((task, item))


# ---------------------------------------------------------------------------
# the async program

async def collatz_steps(n):
    steps = 0
    while n != 1:
        if n & 1:
            n = 3 * n + 1
        else:
            n >>= 1
        steps += 1
        if steps % 16 == 0:
            await pause()
    return steps


async def digit_sum(n):
    total = 0
    while n:
        total += n % 10
        n //= 10
    return total


async def transform(x):
    a = await collatz_steps(x)
    b = await digit_sum(x * x)
    return a * 100 + b


async def producer(ident, chan, count):
    x = ident * 7919 + 1
    for i in range(count):
        x = (x * 48271) % 2147483647
        await chan.put(x % 5000 + 1)
        if i % 50 == 49:
            await sleep(1 + ident % 3)
    return count


async def worker(inbox, outbox):
    handled = 0
    while True:
        item = await inbox.get()
        if item is CLOSED:
            return handled
        result = await transform(item)
        await outbox.put(result)
        handled += 1


async def consumer(chan):
    total = 0
    count = 0
    while True:
        item = await chan.get()
        if item is CLOSED:
            return total, count
        total = (total * 31 + item) % 1000000007
        count += 1


async def supervisor(loop):
    work = Channel(CHANNEL_CAPACITY)
    results = Channel(CHANNEL_CAPACITY)
    producers = [loop.spawn(producer(i, work, ITEMS_PER_PRODUCER), "p%d" % i)
                 for i in range(PRODUCERS)]
    workers = [loop.spawn(worker(work, results), "w%d" % i) for i in range(WORKERS)]
    sink = loop.spawn(consumer(results), "sink")
    produced = 0
    for p in producers:
        produced += await join(p)
    await work.put(CLOSED)
    handled = []
    for w in workers:
        handled.append(await join(w))
    await results.put(CLOSED)
    total, count = await join(sink)
    if count != produced or sum(handled) != produced:
        raise RuntimeError("coroutines: lost items")
    return total


# ---------------------------------------------------------------------------
# generator-based coroutine pipeline (push model)

def primed(gen):
    next(gen)
    return gen


def g_filter(pred, target):
    while True:
        item = yield
        if pred(item):
            target.send(item)


def g_map(fn, target):
    while True:
        item = yield
        target.send(fn(item))


def g_pairs(target):
    while True:
        a = yield
        b = yield
        target.send((a, b))


def g_sink(box):
    while True:
        a, b = yield
        box[0] = (box[0] * 7 + a * b) % 1000000007
        box[1] += 1


def push_pipeline(count):
    box = [0, 0]
    sink = primed(g_sink(box))
    pairs = primed(g_pairs(sink))
    mapper = primed(g_map(lambda v: v * 3 + 1, pairs))
    head = primed(g_filter(lambda v: v % 3 != 0, mapper))
    for i in range(count):
        head.send(i)
    head.close()
    return box[0] + box[1]


def run_once():
    loop = Loop()
    main_task = loop.spawn(supervisor(loop), "main")
    loop.run()
    return main_task.result, loop.switches, loop.now, push_pipeline(20000)


def main():
    report = _iter_times_wanted()
    digest = 0
    for it in range(ITERATIONS):
        t0 = time.perf_counter()
        total, switches, now, pushed = run_once()
        digest = (digest * 1000003 + total + switches * 13 + now + pushed) % 4294967291
        if report:
            sys.stderr.write("iter %d %.6f\n" % (it, time.perf_counter() - t0))
    print("checksum: %d" % digest)


if __name__ == "__main__":
    main()
