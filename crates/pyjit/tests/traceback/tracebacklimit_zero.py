import sys
sys.tracebacklimit = 0
def a(): return 1 / 0
a()
