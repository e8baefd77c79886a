# Traceback objects as unittest and the traceback module use them: tb_frame, tb_next
# (assignable), co_positions() through extract_tb, frame.clear().
import sys, traceback

def inner(x):
    return 10 // x

def outer():
    return inner(0) + 1

try:
    outer()
except ZeroDivisionError as e:
    tb = e.__traceback__

t = tb
while t is not None:
    f = t.tb_frame
    print(f.f_code.co_name, t.tb_lineno, f.f_globals is globals())
    t = t.tb_next
print("__name__" in tb.tb_frame.f_globals, type(tb.tb_frame).__name__)

for fs in traceback.extract_tb(tb):
    print(fs.name, fs.lineno, fs.end_lineno, fs.colno, fs.end_colno, repr(fs.line))
print("".join(traceback.format_exception_only(ZeroDivisionError, ZeroDivisionError("x"))), end="")
lines = traceback.format_tb(tb)
print(len(lines), lines[-1].splitlines()[0].split(", ", 1)[1])

# tb_next: assignable to a traceback or None, checked
second = tb.tb_next
tb.tb_next = None
print(tb.tb_next)
tb.tb_next = second
print(tb.tb_next is second)
for bad in (1, "x"):
    try:
        tb.tb_next = bad
    except TypeError as e:
        print("TypeError:", e)
try:
    second.tb_next = tb
except ValueError as e:
    print("ValueError:", e)
try:
    tb.tb_lineno = 3
except AttributeError as e:
    print("AttributeError:", e)

# frame.clear(): a finished frame clears
traceback.clear_frames(tb)
print(tb.tb_next.tb_next.tb_frame.clear())

# unittest's traceback cleaning: skip the frames whose module defines __unittest
def helper():
    raise KeyError("k")
__unittest = True
try:
    helper()
except KeyError as e:
    t = e.__traceback__
    n = 0
    while t is not None and "__unittest" in t.tb_frame.f_globals:
        t = t.tb_next
        n += 1
    print(n, t)
