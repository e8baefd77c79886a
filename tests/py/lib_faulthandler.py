# faulthandler: enable/disable/is_enabled, dump_traceback of one or all threads to a file,
# dump_traceback_later, register/unregister of a user signal, argument errors, and a child
# process killed by SIGSEGV/SIGFPE/SIGABRT writing "Fatal Python error" and its traceback.
import faulthandler
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time


def clean(text):
    # thread ids, and paths outside this directory, differ from run to run
    text = re.sub(r"0x[0-9a-f]{16}", "0xADDR", text)
    text = re.sub(r'File "[^"]*/threading\.py", line \d+', 'File "threading.py"', text)
    return re.sub(r'File "[^"]*/lib_faulthandler\.py"', 'File "lib_faulthandler.py"', text)


def dump_to_file(**kw):
    with tempfile.TemporaryFile("w+") as f:
        faulthandler.dump_traceback(file=f, **kw)
        f.seek(0)
        return clean(f.read())


def inner():
    return dump_to_file(all_threads=False)


def outer():
    return inner()


print(faulthandler.is_enabled())
faulthandler.enable()
print(faulthandler.is_enabled())
print(faulthandler.disable(), faulthandler.disable(), faulthandler.is_enabled())
print(outer(), end="")
print(dump_to_file(), end="")

ready = threading.Event()
stop = threading.Event()


def waiting_thread():
    ready.set()
    stop.wait(120)


t = threading.Thread(target=waiting_thread)
t.start()
ready.wait(120)
text = dump_to_file()
stop.set()
t.join()
blocks = text.split("\n\n")
print(len(blocks), [b.splitlines()[0] for b in blocks])
print("waiting_thread" in blocks[0], blocks[-1].splitlines()[1:])

with tempfile.TemporaryFile("w+") as f:
    faulthandler.dump_traceback_later(1, file=f)
    time.sleep(3)
    f.seek(0)
    print(clean(f.read()), end="")
    faulthandler.dump_traceback_later(60, file=f)
    faulthandler.cancel_dump_traceback_later()
    faulthandler.cancel_dump_traceback_later()

with tempfile.TemporaryFile("w+") as f:
    faulthandler.register(signal.SIGUSR1, file=f, all_threads=False)

    def send():
        os.kill(os.getpid(), signal.SIGUSR1)

    send()
    print(faulthandler.unregister(signal.SIGUSR1), faulthandler.unregister(signal.SIGUSR1))
    f.seek(0)
    print(clean(f.read()), end="")

for bad in (0, -1.5, "x", float("nan")):
    try:
        faulthandler.dump_traceback_later(bad)
    except Exception as e:
        print(type(e).__name__, e)
for call in (lambda: faulthandler.register(signal.SIGSEGV), lambda: faulthandler.enable(file=-1),
             lambda: faulthandler.dump_traceback(object()), lambda: faulthandler.register(999)):
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)

crash = """
import faulthandler, os, signal
faulthandler.enable(all_threads=%s)
def crash():
    os.kill(os.getpid(), signal.%s)
crash()
"""
for sig, all_threads in (("SIGSEGV", True), ("SIGFPE", False), ("SIGABRT", True), ("SIGBUS", True), ("SIGILL", False)):
    r = subprocess.run([sys.executable, "-c", crash % (all_threads, sig)], capture_output=True, text=True, timeout=120)
    print(sig, r.returncode == -getattr(signal, sig), clean(r.stderr).splitlines())
for args, env in ((["-X", "faulthandler"], {}), ([], {"PYTHONFAULTHANDLER": "1"}), ([], {})):
    r = subprocess.run([sys.executable] + args + ["-c", "import faulthandler; print(faulthandler.is_enabled())"],
                       capture_output=True, text=True, timeout=120, env=dict(os.environ, **env))
    print(args, env, r.stdout.strip())
