# SystemExit raised by sys.excepthook sets the exit status.
import sys

def hook(tp, value, tb):
    print("hook:", tp.__name__, value)
    sys.exit(7)

sys.excepthook = hook
raise LookupError("lost")
