# Program: generator-based coroutines forming a push pipeline (send-driven).
def coroutine(fn):
    def start(*args, **kwargs):
        g = fn(*args, **kwargs)
        next(g)
        return g
    start.__name__ = fn.__name__
    return start
@coroutine
def printer(prefix):
    while True:
        item = yield
        print(prefix, item)
@coroutine
def filter_(pred, target):
    while True:
        item = yield
        if pred(item):
            target.send(item)
@coroutine
def mapper(fn, target):
    while True:
        target.send(fn((yield)))
@coroutine
def batcher(n, target):
    batch = []
    try:
        while True:
            batch.append((yield))
            if len(batch) == n:
                target.send(batch)
                batch = []
    except GeneratorExit:
        if batch:
            target.send(batch)
        target.close()
        print("batcher closed, flushed", batch)
@coroutine
def averager():
    total = count = 0
    avg = None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total / count
sink = printer("out:")
pipeline = filter_(lambda x: x % 3 != 0, mapper(lambda x: x * x, batcher(3, sink)))
for i in range(1, 12):
    pipeline.send(i)
pipeline.close()
b = batcher(3, printer("b:"))
for i in "abcde":
    b.send(i)
b.close()
avg = averager()
print([avg.send(v) for v in [10, 20, 60, 10]])
@coroutine
def grep(pattern):
    matches = []
    try:
        while True:
            line = yield
            if pattern in line:
                matches.append(line)
    except GeneratorExit:
        print("grep done:", matches)
g = grep("py")
for line in ["python", "rust", "pypy", "go"]:
    g.send(line)
g.close()
