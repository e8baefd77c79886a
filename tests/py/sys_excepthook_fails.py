# A failing sys.excepthook: both exceptions are reported and the status is 1.
import sys

def hook(tp, value, tb):
    print("hook runs for", tp.__name__)
    raise KeyError("inside the hook")

sys.excepthook = hook
print("before")
1 / 0
