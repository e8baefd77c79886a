# multiprocessing.Process (fork): start/join, exitcode of sys.exit values, exceptions and
# KeyboardInterrupt in the child (the traceback it writes), terminate/kill, daemon, name,
# pid, is_alive, close; a Process subclass.
import multiprocessing as mp
import os
import signal
import sys
import tempfile
import time


def f(q, x):
    q.put((mp.current_process().name, x * 2))


def exit_with(n):
    sys.exit(n)


def with_stderr(path, what):
    sys.stderr = open(path, "w")
    if what == "raise":
        raise RuntimeError("child failed")
    raise KeyboardInterrupt


def sleeper():
    time.sleep(60)


def quiet_sleeper(ev):
    sys.stderr = open(os.devnull, "w")
    ev.set()
    time.sleep(60)


def info(q):
    p = mp.current_process()
    q.put((p.name, p.daemon, mp.parent_process().name, __name__, os.getppid() == mp.parent_process().pid))


class Squarer(mp.Process):
    def __init__(self, q, n):
        super().__init__()
        self.q, self.n = q, n

    def run(self):
        self.q.put(self.n * self.n)


def main():
    sys.stdout.reconfigure(line_buffering=True)
    ctx = mp.get_context("fork")
    q = ctx.Queue()
    ps = [ctx.Process(target=f, args=(q, i), name="w%d" % i) for i in range(3)]
    print([p.is_alive() for p in ps], [p.exitcode for p in ps])
    for p in ps:
        p.start()
    got = sorted(q.get(timeout=120) for _ in ps)
    for p in ps:
        p.join(120)
    print(got, [p.exitcode for p in ps], [p.is_alive() for p in ps])
    print(all(isinstance(p.pid, int) and p.pid != os.getpid() for p in ps))
    for n in (0, 3, None, True, "message"):
        p = ctx.Process(target=exit_with, args=(n,))
        p.start()
        p.join(120)
        print("sys.exit(%r)" % (n,), p.exitcode)
    with tempfile.TemporaryDirectory() as d:
        for what in ("raise", "interrupt"):
            path = os.path.join(d, what)
            p = ctx.Process(target=with_stderr, args=(path, what), name="Child-" + what)
            p.start()
            p.join(120)
            with open(path) as fh:
                lines = fh.read().splitlines()
            print(what, p.exitcode, lines[0], "|", lines[1], "|", lines[-1])
    p = ctx.Process(target=sleeper, daemon=True)
    p.start()
    print("alive", p.is_alive(), p.daemon)
    p.terminate()
    p.join(120)
    print("terminate", p.exitcode == -signal.SIGTERM, p.is_alive())
    p = ctx.Process(target=sleeper)
    p.start()
    p.kill()
    p.join(120)
    print("kill", p.exitcode == -signal.SIGKILL)
    ev = ctx.Event()
    p = ctx.Process(target=quiet_sleeper, args=(ev,))
    p.start()
    p.join(0.01)
    print("join timeout", p.exitcode, p.is_alive(), ev.wait(120))
    os.kill(p.pid, signal.SIGINT)
    p.join(120)
    print("SIGINT", p.exitcode)
    p = ctx.Process(target=info, args=(q,), name="Named", daemon=True)
    p.start()
    print(q.get(timeout=120))
    p.join(120)
    print(p.name, "stopped exitcode=0" in repr(p))
    p.close()
    try:
        p.is_alive()
    except ValueError as e:
        print("closed:", e)
    s = Squarer(q, 12)
    s.start()
    s.join(120)
    print("subclass", q.get(timeout=120), s.exitcode)
    print(mp.active_children())


if __name__ == "__main__":
    main()
