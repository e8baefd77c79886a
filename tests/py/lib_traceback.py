# traceback objects as the traceback module and unittest read them: tb_frame, tb_next
# (assignable), co_positions(), frame.clear().
import sys
import traceback


def inner():
    return 1 / 0


def outer():
    return inner()


try:
    outer()
except ZeroDivisionError as e:
    tb = e.__traceback__
    names = []
    while tb is not None:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno, "__name__" in tb.tb_frame.f_globals))
        tb = tb.tb_next
    print(names)
    text = traceback.format_exc()
    print([line for line in text.splitlines() if line.startswith("  File")].__len__(), text.splitlines()[-1])
    frames = traceback.extract_tb(e.__traceback__)
    print([(f.name, f.lineno, f.line) for f in frames])
    print(traceback.format_exception_only(type(e), e))
    # cut the chain after the first entry, as unittest does
    first = e.__traceback__
    first.tb_next = None
    print(len(traceback.extract_tb(first)))
    try:
        first.tb_next = 5
    except TypeError as err:
        print("TypeError:", err)
    traceback.clear_frames(e.__traceback__)

positions = list(outer.__code__.co_positions())
print(len(positions) > 0, all(len(p) == 4 for p in positions), any(p[0] == 13 for p in positions))
lines = list(inner.__code__.co_lines())
print(all(s < e for s, e, _ in lines), 8 in {ln for _, _, ln in lines})
try:
    raise ValueError("bad")
except ValueError:
    exc_type, exc, tb = sys.exc_info()
    print("".join(traceback.format_tb(tb)).count("line"), traceback.format_exception(exc)[-1].strip())
print(traceback.format_list([("f.py", 3, "fn", "x = 1")]))
summary = traceback.StackSummary.extract(traceback.walk_stack(None), limit=1)
print(len(summary), summary[0].name)
