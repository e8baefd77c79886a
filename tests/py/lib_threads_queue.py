# Threads doing real work and exchanging it through queue.Queue; many threads allocating
# so that collections run while the others are parked.
import queue
import threading


def collatz_len(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


tasks = queue.Queue()
results = queue.Queue()


def worker(wid):
    while True:
        item = tasks.get()
        if item is None:
            tasks.task_done()
            break
        lo, hi = item
        best = max(range(lo, hi), key=collatz_len)
        results.put((lo, best, collatz_len(best), wid >= 0))
        tasks.task_done()


workers = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
for w in workers:
    w.start()
for lo in range(1, 4001, 250):
    tasks.put((lo, lo + 250))
for _ in workers:
    tasks.put(None)
tasks.join()
for w in workers:
    w.join()
out = []
while not results.empty():
    out.append(results.get())
out.sort()
print(len(out))
for row in out:
    print(row)
print(all(not w.is_alive() for w in workers))


# a pipeline: producer -> squarer -> summer, bounded queues
q1 = queue.Queue(maxsize=3)
q2 = queue.Queue(maxsize=3)
total = []


def produce():
    for i in range(200):
        q1.put(i)
    q1.put(None)


def square():
    while (x := q1.get()) is not None:
        q2.put(x * x)
    q2.put(None)


def summer():
    s = 0
    while (x := q2.get()) is not None:
        s += x
    total.append(s)


stages = [threading.Thread(target=f) for f in (produce, square, summer)]
for t in stages:
    t.start()
for t in stages:
    t.join()
print(total, sum(i * i for i in range(200)))


# many threads building and checking structures: the GC runs while the others wait
def build(seed, out):
    data = {}
    for i in range(300):
        key = f"k{seed}-{i}"
        data[key] = [str(i) * (i % 7), (seed, i), {"n": i}]
    ok = all(v[1] == (seed, int(k.split("-")[1])) and v[2]["n"] == v[1][1] for k, v in data.items())
    out[seed] = (len(data), ok, sum(len(v[0]) for v in data.values()))


res = {}
threads = [threading.Thread(target=build, args=(s, res)) for s in range(12)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(res.items()))
print(threading.active_count())
