# concurrent.futures.ThreadPoolExecutor: map, submit, exceptions, as_completed, wait.
import concurrent.futures as cf
import threading


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def fail(x):
    raise ValueError(f'bad {x}')


with cf.ThreadPoolExecutor(max_workers=4) as ex:
    print(list(ex.map(fib, range(0, 300, 30))))
    futs = {ex.submit(fib, n): n for n in (10, 20, 30, 40)}
    print(sorted((futs[f], f.result()) for f in cf.as_completed(futs)))
    f = ex.submit(fail, 3)
    try:
        f.result()
    except ValueError as e:
        print('ValueError:', e)
    print(type(f.exception()).__name__)
    done, not_done = cf.wait([ex.submit(sum, range(n)) for n in range(5)])
    print(sorted(d.result() for d in done), len(not_done))
    names = set(ex.map(lambda _: threading.current_thread().name.split('_')[0], range(20)))
    print(names)
print(f.done(), f.cancelled())

ex = cf.ThreadPoolExecutor(max_workers=2, thread_name_prefix='pool')
r = [ex.submit(pow, 2, i) for i in range(10)]
ex.shutdown(wait=True)
print([x.result() for x in r])
try:
    ex.submit(pow, 2, 2)
except RuntimeError as e:
    print('RuntimeError:', e)
