# sys hooks and interpreter settings: displayhook, excepthook, audit hooks, trace and
# profile functions, switch interval, dlopen flags, async generator hooks, breakpointhook.
import sys
import builtins
import os

print(sys.displayhook is sys.__displayhook__, sys.excepthook is sys.__excepthook__)
print(sys.breakpointhook is sys.__breakpointhook__, sys.unraisablehook is sys.__unraisablehook__)

# displayhook writes repr to sys.stdout and sets builtins._
builtins._ = "unset"
print(sys.displayhook(None), builtins._)
sys.displayhook([1, "a"])
print(builtins._)
sys.displayhook("text")
print(repr(builtins._))
class BadRepr:
    def __repr__(self):
        raise ValueError("no repr")
try:
    sys.displayhook(BadRepr())
except ValueError as e:
    print("ValueError:", e, builtins._)
for args in [(), (1, 2)]:
    try:
        sys.displayhook(*args)
    except TypeError as e:
        print("TypeError:", e)

# excepthook with wrong arguments
try:
    sys.excepthook(1, 2)
except TypeError as e:
    print("TypeError:", e)

# audit hooks
events = []
def hook(event, args):
    if event.startswith("test.") or event == "sys.addaudithook" or event == "builtins.breakpoint":
        events.append((event, args if event != "builtins.breakpoint" else len(args)))
print(sys.audit("test.nohook", 1))
sys.addaudithook(hook)
sys.audit("test.one", 1, "two", None)
sys.audit("test.empty")
def veto(event, args):
    if event == "test.veto":
        raise RuntimeError("vetoed")
sys.addaudithook(veto)
try:
    sys.audit("test.veto", 5)
except RuntimeError as e:
    print("RuntimeError:", e)
for bad in [(), (1,)]:
    try:
        sys.audit(*bad)
    except TypeError as e:
        print("TypeError:", e)
print(events)

# call_tracing
print(sys.call_tracing(lambda *a: sum(a), (1, 2, 3)))
for args in [(print, [1]), (print,)]:
    try:
        sys.call_tracing(*args)
    except TypeError as e:
        print("TypeError:", e)

# trace and profile functions are stored and returned
print(sys.gettrace(), sys.getprofile())
sys.settrace(None)
sys.setprofile(None)
print(sys.gettrace(), sys.getprofile())
for f in [sys.settrace, sys.setprofile]:
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)
try:
    sys.gettrace(1)
except TypeError as e:
    print("TypeError:", e)

# switch interval, dlopen flags, coroutine origin tracking depth
print(sys.getswitchinterval())
sys.setswitchinterval(0.01)
print(sys.getswitchinterval())
for bad in [0, -1.0, "a"]:
    try:
        sys.setswitchinterval(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(sys.getdlopenflags())
sys.setdlopenflags(258)
print(sys.getdlopenflags())
for bad in ["a", 2 ** 40]:
    try:
        sys.setdlopenflags(bad)
    except (OverflowError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(sys.get_coroutine_origin_tracking_depth())
sys.set_coroutine_origin_tracking_depth(depth=3)
print(sys.get_coroutine_origin_tracking_depth())
sys.set_coroutine_origin_tracking_depth(0)
try:
    sys.set_coroutine_origin_tracking_depth(-1)
except ValueError as e:
    print("ValueError:", e)

# async generator hooks: firstiter runs on the first __anext__
print(sys.get_asyncgen_hooks(), type(sys.get_asyncgen_hooks()).__name__)
seen = []
sys.set_asyncgen_hooks(firstiter=lambda g: seen.append(g.__name__))
h = sys.get_asyncgen_hooks()
print(h.finalizer, h[1], len(h))
for bad in [(1,), (None, 1), (1, 2, 3)]:
    try:
        sys.set_asyncgen_hooks(*bad)
    except TypeError as e:
        print("TypeError:", e)
async def agen():
    yield 1
    yield 2
g = agen()
print(seen)
a1 = g.__anext__()
a2 = g.__anext__()
print(seen)
for aw in (a1, a2):
    try:
        aw.send(None)
    except StopIteration as e:
        print("value", e.value)
sys.set_asyncgen_hooks(None, None)
print(sys.get_asyncgen_hooks())

# unraisablehook checks its argument
try:
    sys.unraisablehook(1)
except TypeError as e:
    print("TypeError:", e)

# breakpoint() calls sys.breakpointhook, which reads PYTHONBREAKPOINT
os.environ["PYTHONBREAKPOINT"] = "0"
print(breakpoint(), sys.breakpointhook())
os.environ["PYTHONBREAKPOINT"] = "builtins.len"
print(breakpoint("abc"), sys.breakpointhook([1, 2]))
sys.breakpointhook = lambda *a, **k: ("hook", a, k)
print(breakpoint(1, x=2))
del sys.breakpointhook
try:
    breakpoint()
except RuntimeError as e:
    print("RuntimeError:", e)
sys.breakpointhook = sys.__breakpointhook__
print(events[-3:])

# simple queries
print(sys.getrefcount(object()) >= 1, sys.getallocatedblocks() >= 0, sys.is_finalizing())
print(sys._clear_type_cache(), sys.getfilesystemencodeerrors())
frames = sys._current_frames()
excs = sys._current_exceptions()
print(len(frames), len(excs), list(excs.values()))
try:
    raise KeyError("k")
except KeyError:
    print([v[0].__name__ for v in sys._current_exceptions().values()])
print([type(f).__name__ for f in frames.values()], list(frames) == list(excs))
