# concurrent.futures.ProcessPoolExecutor (fork): map with and without chunks, submit,
# as_completed, wait, exceptions with their remote traceback, shutdown.
import concurrent.futures as cf
import multiprocessing as mp
import sys
import time


def sq(x):
    return x * x


def fail(x):
    raise KeyError(x)


def slow(x):
    time.sleep(0.01 * x)
    return x


def main():
    sys.stdout.reconfigure(line_buffering=True)
    ctx = mp.get_context("fork")
    with cf.ProcessPoolExecutor(max_workers=2, mp_context=ctx) as ex:
        print(list(ex.map(sq, range(10))))
        print(list(ex.map(sq, range(10), chunksize=3)))
        print(list(ex.map(pow, [2, 3], [5, 2])))
        fs = [ex.submit(slow, i) for i in range(5)]
        print(sorted(f.result(timeout=120) for f in cf.as_completed(fs, timeout=120)))
        f = ex.submit(fail, "k")
        try:
            f.result(120)
        except KeyError as e:
            text = str(e.__cause__).strip().strip(chr(34)).strip().splitlines()
            print("KeyError", e, type(e.__cause__).__name__, text[0], "|", text[-1])
        print(type(f.exception()).__name__, f.done(), f.cancelled())
        done, not_done = cf.wait([ex.submit(sq, 3)], timeout=120)
        print(len(done), len(not_done), done.pop().result())
        try:
            list(ex.map(fail, [1]))
        except KeyError as e:
            print("map raised", repr(e))
    ex = cf.ProcessPoolExecutor(max_workers=1, mp_context=ctx)
    f = ex.submit(sq, 9)
    ex.shutdown(wait=True)
    print(f.result(), f.done())
    try:
        ex.submit(sq, 1)
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        cf.ProcessPoolExecutor(max_workers=2, mp_context=ctx, max_tasks_per_child=1)
    except ValueError as e:
        print("ValueError:", e)


if __name__ == "__main__":
    main()
