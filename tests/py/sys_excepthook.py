# An uncaught exception goes to sys.excepthook, after sys.last_* are set.
import sys

def hook(tp, value, tb):
    print("hook:", tp.__name__, value, type(tb).__name__)
    print("last:", sys.last_type is tp, sys.last_value is value, sys.last_traceback is tb)
    print("default hook kept:", sys.__excepthook__ is not hook)

print(hasattr(sys, "last_value"))
sys.excepthook = hook
raise ValueError("reported by the hook")
