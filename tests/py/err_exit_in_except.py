# sys.exit called from an except handler exits with the given status, no traceback.
import sys
try:
    1 / 0
except ZeroDivisionError as e:
    print("fatal:", e)
    sys.exit(4)
