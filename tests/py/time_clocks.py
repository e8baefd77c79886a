# The clocks of the time module, their constants and descriptions.
import time

print(sorted(k for k in vars(time) if k.startswith("CLOCK_")))
print([getattr(time, k) for k in sorted(k for k in vars(time) if k.startswith("CLOCK_"))])
for name in ["time", "monotonic", "perf_counter", "process_time", "thread_time"]:
    info = time.get_clock_info(name)
    print(name, type(info).__name__, info.implementation, info.monotonic, info.adjustable, info.resolution)
for bad in ["x", 1]:
    try:
        time.get_clock_info(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
for clk in [time.CLOCK_REALTIME, time.CLOCK_MONOTONIC, time.CLOCK_PROCESS_CPUTIME_ID, time.CLOCK_THREAD_CPUTIME_ID]:
    print(clk, time.clock_getres(clk), type(time.clock_gettime(clk)).__name__, type(time.clock_gettime_ns(clk)).__name__)
for args in [(99,), ("a",), ()]:
    try:
        time.clock_gettime(*args)
    except (OSError, TypeError) as e:
        print(type(e).__name__, e.errno if isinstance(e, OSError) else e)
try:
    time.clock_settime(time.CLOCK_MONOTONIC, 1)
except OSError as e:
    print(type(e).__name__, e.errno)

a = time.clock_gettime(time.CLOCK_MONOTONIC)
b = time.monotonic()
c = time.clock_gettime_ns(time.CLOCK_MONOTONIC)
print(0 <= b - a < 1, 0 <= c / 1e9 - b < 1, time.perf_counter_ns() > 0)
a = time.clock_gettime(time.CLOCK_REALTIME)
b = time.time()
print(0 <= b - a < 1, abs(time.time_ns() / 1e9 - b) < 1)
print(type(time.process_time_ns()).__name__, type(time.thread_time_ns()).__name__, type(time.thread_time()).__name__)
x = 0
p0, t0 = time.process_time(), time.thread_time()
n0 = time.process_time_ns()
for i in range(300000):
    x += i
p1, t1 = time.process_time(), time.thread_time()
print(p1 > p0, t1 > t0, p1 - p0 < 30, time.process_time_ns() > n0)
t = time.monotonic()
time.sleep(0.01)
print(time.monotonic() - t >= 0.009)
