# Signals reach Python handlers: os.kill and signal.raise_signal run the handler at once,
# SIGINT's default handler raises KeyboardInterrupt, SIG_IGN drops the signal, an alarm
# wakes signal.pause(), setitimer arms a real timer; bad arguments raise CPython's errors.
import os
import signal

print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(signal.getsignal(signal.SIGUSR1) == signal.SIG_DFL, signal.getsignal(signal.SIGPIPE) == signal.SIG_IGN)

got = []
def handler(signum, frame):
    got.append((signum, type(frame).__name__, frame.f_code.co_name))

old = signal.signal(signal.SIGUSR1, handler)
print(old == signal.SIG_DFL, signal.getsignal(signal.SIGUSR1) is handler)
os.kill(os.getpid(), signal.SIGUSR1)
print(got)
def inner():
    signal.raise_signal(signal.SIGUSR1)
inner()
print(got[-1])

try:
    os.kill(os.getpid(), signal.SIGINT)
    print("not reached")
except KeyboardInterrupt as e:
    print("KeyboardInterrupt", repr(e))

try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt:
    print("KeyboardInterrupt from raise_signal")

signal.signal(signal.SIGUSR2, signal.SIG_IGN)
os.kill(os.getpid(), signal.SIGUSR2)
print("ignored SIGUSR2")

def stop(signum, frame):
    raise RuntimeError(f"stopped by {signal.Signals(signum).name}")
signal.signal(signal.SIGALRM, stop)
print(signal.alarm(1))
try:
    signal.pause()
except RuntimeError as e:
    print(e)
print(signal.alarm(0))

for bad in [(signal.SIGKILL, handler), (0, handler), (signal.NSIG, handler), (signal.SIGUSR1, 5), ("x", handler)]:
    try:
        signal.signal(*bad)
    except (OSError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
signal.signal(signal.SIGUSR1, signal.SIG_DFL)
print(signal.getsignal(signal.SIGUSR1) == signal.SIG_DFL)
import signal, time
fired = []
signal.signal(signal.SIGALRM, lambda s, f: fired.append(s))
print(signal.setitimer(signal.ITIMER_REAL, 50))
d, i = signal.getitimer(signal.ITIMER_REAL)
print(0 < d <= 50, i)
print(signal.setitimer(signal.ITIMER_REAL, 0.05)[0] > 0)
time.sleep(0.5)
print(fired)
print(signal.setitimer(signal.ITIMER_REAL, 0))
try:
    signal.setitimer(99, 1)
except signal.ItimerError as e:
    print(type(e).__name__, e)
try:
    signal.setitimer(signal.ITIMER_REAL, "x")
except TypeError as e:
    print(e)
