# Shared by lib_mp_pool_fork and lib_mp_pool_spawn: multiprocessing.Pool under one start method.
import multiprocessing as mp
import sys
import time


def sq(x):
    return x * x


def add(a, b):
    return a + b


def boom(x):
    if x == 3:
        raise ValueError("bad %d" % x)
    return x


def slow(x):
    time.sleep(0.02)
    return x


def worker_name(_):
    return mp.current_process().name.split("-")[0]


def init_worker(tag):
    global TAG
    TAG = tag


def get_tag(_):
    return TAG


def run(method):
    sys.stdout.reconfigure(line_buffering=True)
    ctx = mp.get_context(method)
    print(method, ctx.get_start_method())
    with ctx.Pool(2) as p:
        print("map", p.map(sq, range(10)))
        print("map chunks", p.map(sq, range(7), chunksize=3))
        print("imap", list(p.imap(sq, range(5))))
        print("imap_unordered", sorted(p.imap_unordered(sq, range(8), chunksize=2)))
        print("starmap", p.starmap(add, [(1, 2), (3, 4), ("a", "b")]))
        r = p.apply_async(add, (5, 6))
        print("apply_async", r.get(timeout=120), r.ready(), r.successful())
        print("apply", p.apply(sq, (7,)), p.apply(add, (), {"a": 1, "b": 2}))
        print("workers", sorted(set(p.map(worker_name, range(4)))))
        try:
            p.map(boom, range(5))
        except ValueError as e:
            cause = e.__cause__
            text = str(cause).strip().strip(chr(34)).strip().splitlines()
            print("map raised:", type(e).__name__, e)
            print("cause:", type(cause).__name__, text[0], "|", text[-1])
        r = p.apply_async(boom, (3,))
        try:
            r.get(120)
        except ValueError as e:
            print("apply_async raised:", e, r.successful())
        got = []
        errs = []
        r = p.map_async(sq, range(4), callback=got.append)
        r.wait(120)
        r2 = p.map_async(boom, range(5), error_callback=errs.append)
        r2.wait(120)
        time.sleep(0.05)
        print("callbacks", got, [str(e) for e in errs])
        it = p.imap(boom, range(5))
        out = []
        while True:
            try:
                out.append(next(it))
            except StopIteration:
                break
            except ValueError as e:
                out.append("err:" + str(e))
        print("imap with error", out)
    p = ctx.Pool(2)
    rs = [p.apply_async(slow, (i,)) for i in range(6)]
    p.close()
    p.join()
    print("close/join", [r.get() for r in rs])
    try:
        p.apply_async(sq, (1,))
    except ValueError as e:
        print("closed pool:", e)
    p = ctx.Pool(1, initializer=init_worker, initargs=("hello",), maxtasksperchild=2)
    print("initializer", p.map(get_tag, range(5), chunksize=1))
    p.close()
    p.join()
    p = ctx.Pool(2)
    p.apply_async(time.sleep, (60,))
    p.terminate()
    p.join()
    print("terminated")
    print(mp.cpu_count() >= 1, mp.current_process().name, mp.parent_process())
