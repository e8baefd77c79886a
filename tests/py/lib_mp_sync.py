# multiprocessing's synchronisation and communication across forked processes: Lock,
# RLock, Semaphore, BoundedSemaphore, Event, Condition, Barrier, Queue, SimpleQueue,
# JoinableQueue, Pipe, a Manager's dict/list/Namespace/Queue, and shared_memory.
import multiprocessing as mp
import queue
import sys
from multiprocessing import shared_memory


def locker(lock, q, n, box):
    for _ in range(n):
        with lock:
            box.buf[0] = (box.buf[0] + 1) % 256
    q.put(n)


def pipe_child(conn):
    x = conn.recv()
    conn.send([x, x * 2])
    conn.send_bytes(b"raw bytes")
    conn.close()


def waiter(ev, q):
    q.put(("event", ev.wait(120)))


def cond_child(c, q):
    with c:
        q.put("ready")
        c.wait(120)
    q.put("woken")


def barrier_child(b, q):
    q.put(b.wait(120) in (0, 1, 2))


def sem_child(s, q):
    with s:
        q.put("in")


def simple_child(sq):
    sq.put(("simple", 1))


def joinable_child(jq):
    while True:
        item = jq.get()
        jq.task_done()
        if item is None:
            break


def mgr_child(d, l, ns, mq):
    d["child"] = 1
    l.append("x")
    ns.v = 42
    mq.put("from child")


def main():
    sys.stdout.reconfigure(line_buffering=True)
    ctx = mp.get_context("fork")
    lock = ctx.Lock()
    q = ctx.Queue()
    box = shared_memory.SharedMemory(create=True, size=16)
    box.buf[0] = 0
    ps = [ctx.Process(target=locker, args=(lock, q, 100, box)) for _ in range(2)]
    [p.start() for p in ps]
    print("lock", sorted(q.get(timeout=120) for _ in ps), box.buf[0])
    [p.join(120) for p in ps]
    attached = shared_memory.SharedMemory(box.name)
    print("shared_memory", attached.size >= 16, bytes(attached.buf[:1]))
    attached.close()
    box.close()
    box.unlink()
    print(lock.acquire(), lock.acquire(False), lock.acquire(timeout=0.05))
    lock.release()
    print("RLock", end=" ")
    r = ctx.RLock()
    print(r.acquire(), r.acquire(), r.release(), r.release())
    try:
        r.release()
    except AssertionError as e:
        print("AssertionError:", e)
    s = ctx.BoundedSemaphore(2)
    s.acquire()
    s.release()
    try:
        s.release()
    except ValueError as e:
        print("ValueError:", e)
    s = ctx.Semaphore(0)
    print("Semaphore", s.get_value(), s.acquire(timeout=0.01), s.acquire(False))
    s.release()
    s.release()
    print(s.get_value())
    sem1 = ctx.Semaphore(1)
    p = ctx.Process(target=sem_child, args=(sem1, q))
    p.start()
    print(q.get(timeout=120))
    p.join(120)
    a, b = ctx.Pipe()
    p = ctx.Process(target=pipe_child, args=(b,))
    p.start()
    a.send(21)
    print("Pipe", a.recv(), a.recv_bytes(), a.poll(0))
    p.join(120)
    a, b = ctx.Pipe(duplex=False)
    b.send({"k": (1, 2.5, "s", None)})
    print(a.recv())
    ev = ctx.Event()
    p = ctx.Process(target=waiter, args=(ev, q))
    p.start()
    print("Event", ev.is_set(), ev.wait(0.01))
    ev.set()
    print(q.get(timeout=120))
    p.join(120)
    c = ctx.Condition()
    p = ctx.Process(target=cond_child, args=(c, q))
    p.start()
    print("Condition", q.get(timeout=120))
    with c:
        c.notify_all()
    print(q.get(timeout=120))
    p.join(120)
    bar = ctx.Barrier(3)
    ps = [ctx.Process(target=barrier_child, args=(bar, q)) for _ in range(2)]
    [p.start() for p in ps]
    bar.wait(120)
    print("Barrier", [q.get(timeout=120) for _ in ps], bar.parties)
    [p.join(120) for p in ps]
    sq = ctx.SimpleQueue()
    p = ctx.Process(target=simple_child, args=(sq,))
    p.start()
    print("SimpleQueue", sq.get(), sq.empty())
    p.join(120)
    jq = ctx.JoinableQueue()
    p = ctx.Process(target=joinable_child, args=(jq,))
    p.start()
    for i in range(5):
        jq.put(i)
    jq.put(None)
    jq.join()
    p.join(120)
    print("JoinableQueue joined", p.exitcode)
    try:
        q.get(timeout=0.05)
    except queue.Empty:
        print("Empty")
    q.put_nowait(1)
    print(q.get(timeout=120))
    q.close()
    q.join_thread()
    with ctx.Manager() as m:
        d = m.dict()
        l = m.list([0])
        ns = m.Namespace()
        mq = m.Queue()
        p = ctx.Process(target=mgr_child, args=(d, l, ns, mq))
        p.start()
        p.join(120)
        print("Manager", dict(d), list(l), ns.v, mq.get(timeout=120))
        ml = m.Lock()
        print(ml.acquire(), ml.release())
        mv = m.Value("i", 5)
        mv.value += 1
        print(mv.value)


if __name__ == "__main__":
    main()
