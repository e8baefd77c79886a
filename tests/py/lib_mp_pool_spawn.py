# multiprocessing.Pool with the spawn start method: the workers are new pyjit processes
# (sys.executable) that import this file as __mp_main__ and the pool's functions by name.
import multiprocessing as mp
import sys
from _mp_pool_common import run, sq


def cube(x):
    return x ** 3


def put_name(q):
    q.put((mp.current_process().name.split("-")[0], __name__))


if __name__ == "__main__":
    run("spawn")
    print(sys.executable == mp.spawn.get_executable())
    with mp.get_context("spawn").Pool(2) as p:
        # functions of __main__ pickle by reference to __mp_main__
        print("main functions", p.map(cube, range(6)), p.apply(sq, (12,)))
    import concurrent.futures as cf
    ctx = mp.get_context("spawn")
    with cf.ProcessPoolExecutor(2, mp_context=ctx, max_tasks_per_child=1) as ex:
        print("ProcessPoolExecutor", sorted(ex.map(cube, range(4))), ex.submit(sq, 5).result())
        fs = [ex.submit(cube, i) for i in range(3)]
        print(sorted(f.result() for f in cf.as_completed(fs)))
    # forkserver: a server process forks the workers; descriptors pass by SCM_RIGHTS
    fs = mp.get_context("forkserver")
    with fs.Pool(2) as p:
        print("forkserver", p.map(cube, range(5)), sorted(p.imap_unordered(sq, range(4))))
    q = fs.Queue()
    proc = fs.Process(target=put_name, args=(q,))
    proc.start()
    print(q.get(timeout=120))
    proc.join(120)
    print("exitcode", proc.exitcode)
    mp.set_start_method("spawn", force=True)
    print(mp.get_start_method())
    with mp.Pool(1) as p:
        print(p.map(cube, [2, 3]))
