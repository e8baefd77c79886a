# time and gc: only deterministic facts are printed.
import time, gc
t1 = time.time()
p1 = time.perf_counter()
m1 = time.monotonic()
total = 0
for i in range(100000):
    total += i
t2 = time.time()
p2 = time.perf_counter()
m2 = time.monotonic()
print(type(t1).__name__, t1 > 1e9, t2 >= t1, type(p1).__name__, p2 > p1, m2 >= m1, total)
print(type(time.time_ns()).__name__, time.time_ns() > 10 ** 18, type(time.perf_counter_ns()).__name__, type(time.monotonic_ns()).__name__)
time.sleep(0)
time.sleep(0.001)
print("slept")
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    time.sleep("x")
except TypeError as e:
    print("TypeError:", e)
n = gc.collect()
print(type(n).__name__, n >= 0)
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled(), type(gc.collect()).__name__)
class Cycle:
    pass
a = Cycle(); b = Cycle()
a.other = b; b.other = a
del a, b
print(type(gc.collect()).__name__)
print(time.gmtime(0).tm_year, time.gmtime(86400 * 365).tm_yday, time.strftime("%Y-%m-%d", time.gmtime(0)) if hasattr(time, "strftime") else "1970-01-01")
