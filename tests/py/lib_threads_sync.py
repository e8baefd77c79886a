# Locks (with timeouts), RLock, Condition, Semaphore, Event, Barrier, threading.local,
# identities, excepthook and a sleeping thread beside a computing one.
import _thread
import threading
import time

# a held lock: acquiring with a timeout really waits, then fails
lock = threading.Lock()
lock.acquire()
t0 = time.monotonic()
print(lock.acquire(timeout=0.05))
print(time.monotonic() - t0 >= 0.04)
print(lock.acquire(blocking=False))
# released by another thread while this one waits
def release_later():
    time.sleep(0.05)
    lock.release()
t = threading.Thread(target=release_later)
t.start()
print(lock.acquire(timeout=10))
t.join()
lock.release()
try:
    lock.acquire(blocking=False, timeout=1)
except ValueError as e:
    print('ValueError:', e)
try:
    lock.release()
except RuntimeError as e:
    print('RuntimeError:', e)

# RLock: reentrant for its owner, exclusive for the others
rl = threading.RLock()
rl.acquire()
rl.acquire()
got = []
t = threading.Thread(target=lambda: got.append(rl.acquire(timeout=0.02)))
t.start()
t.join()
print(got)
rl.release()
rl.release()
t = threading.Thread(target=lambda: got.append(rl.acquire(timeout=1)) or rl.release())
t.start()
t.join()
print(got)

# Condition: a consumer waits for items a producer makes
cond = threading.Condition()
items = []
consumed = []
def consumer():
    for _ in range(5):
        with cond:
            while not items:
                cond.wait()
            consumed.append(items.pop(0))
c = threading.Thread(target=consumer)
c.start()
for i in range(5):
    with cond:
        items.append(i * 10)
        cond.notify()
    time.sleep(0.001)
c.join()
print(consumed)
with cond:
    print(cond.wait(timeout=0.01))
print(cond.wait_for(lambda: True, timeout=0) if cond.acquire() else None)
cond.release()

# Semaphore bounds concurrency
sem = threading.Semaphore(2)
inside = [0]
peak = [0]
guard = threading.Lock()
def limited():
    with sem:
        with guard:
            inside[0] += 1
            peak[0] = max(peak[0], inside[0])
        time.sleep(0.01)
        with guard:
            inside[0] -= 1
ts = [threading.Thread(target=limited) for _ in range(6)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(peak[0] <= 2, inside[0])
bs = threading.BoundedSemaphore(1)
bs.acquire()
bs.release()
try:
    bs.release()
except ValueError as e:
    print('ValueError:', e)

# Event
ev = threading.Event()
seen = []
def waiter(i):
    ev.wait()
    seen.append(i)
ts = [threading.Thread(target=waiter, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
print(ev.is_set(), ev.wait(0.01))
ev.set()
for t in ts:
    t.join()
print(sorted(seen), ev.is_set())

# Barrier
barrier = threading.Barrier(3)
order = []
def at_barrier(i):
    order.append(('before', i))
    r = barrier.wait()
    order.append(('after', i))
ts = [threading.Thread(target=at_barrier, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(x for x in order[:3]), sorted(x for x in order[3:]))

# threading.local: each thread sees its own attributes
loc = threading.local()
loc.x = 'main'
class MyLocal(threading.local):
    def __init__(self, v):
        self.v = v
        self.inits = getattr(self, 'inits', 0) + 1
ml = MyLocal(7)
ml.v = 8
seen = {}
def use_local(i):
    seen[i] = (hasattr(loc, 'x'), ml.v, ml.inits)
    loc.x = i
    ml.v = i
    seen[i] += (loc.x, ml.v)
ts = [threading.Thread(target=use_local, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(seen.items()), loc.x, ml.v)

# identities
idents = {}
all_in = threading.Barrier(3)
def who(i):
    all_in.wait()
    idents[i] = (threading.get_ident(), threading.current_thread().name, threading.get_native_id())
ts = [threading.Thread(target=who, args=(i,), name=f'w{i}') for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len({v[0] for v in idents.values()} | {threading.get_ident()}), sorted(v[1] for v in idents.values()))
print(threading.main_thread() is threading.current_thread(), threading.current_thread().name)
print(all(isinstance(v[2], int) for v in idents.values()))

# an exception in a thread goes to threading.excepthook
caught = []
def hook(args):
    caught.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))
old = threading.excepthook
threading.excepthook = hook
t = threading.Thread(target=lambda: 1 / 0, name='boom')
t.start()
t.join()
threading.excepthook = old
print(caught)

# a sleeping thread does not stop another from computing
marks = []
def sleeper():
    time.sleep(1.0)
    marks.append('slept')
def computer():
    s = 0
    for i in range(20000):
        s += i
    marks.append(('computed', s))
ts = [threading.Thread(target=sleeper), threading.Thread(target=computer)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(marks)

# _thread level
done = _thread.allocate_lock()
done.acquire()
box = []
def raw(a, b, c=0):
    box.append(a + b + c)
    done.release()
_thread.start_new_thread(raw, (1, 2), {'c': 3})
done.acquire()
print(box)
for bad in [(1, ()), (raw, [1]), (raw, (), 5)]:
    try:
        _thread.start_new_thread(*bad)
    except TypeError as e:
        print('TypeError:', e)
print(_thread.stack_size(), threading.stack_size())
while _thread._count():
    time.sleep(0.001)
print(_thread._count(), threading.active_count())

# interrupt_main from a thread: KeyboardInterrupt in the main thread
def interrupter():
    time.sleep(0.02)
    _thread.interrupt_main()
t = threading.Thread(target=interrupter)
t.start()
try:
    for _ in range(1000):
        time.sleep(0.01)
    print('not interrupted')
except KeyboardInterrupt:
    print('KeyboardInterrupt')
t.join()

# os.fork from a thread: in the child, the thread that forked is the only one, and the
# fork hooks run
import os
hooks = []
os.register_at_fork(before=lambda: hooks.append('before'), after_in_parent=lambda: hooks.append('parent'),
                    after_in_child=lambda: hooks.append('child'))
r, w = os.pipe()
def forker():
    pid = os.fork()
    if pid == 0:
        t = threading.Thread(target=lambda: os.write(w, f'child thread ran {hooks}'.encode()))
        t.start()
        t.join()
        os._exit(0)
    os.waitpid(pid, 0)
f = threading.Thread(target=forker)
f.start()
f.join()
os.close(w)
print(os.read(r, 200).decode(), hooks)
os.close(r)

# a daemon thread still sleeping at exit does not keep the program alive
threading.Thread(target=time.sleep, args=(1000,), daemon=True).start()
# a non-daemon thread is joined at exit
def last():
    time.sleep(0.05)
    print('last thread done')
threading.Thread(target=last).start()
print('main done')
