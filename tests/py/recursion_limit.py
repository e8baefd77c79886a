# RecursionError from deep recursion is catchable; the interpreter keeps working.
import sys
def infinite(n):
    return infinite(n + 1)
try:
    infinite(0)
except RecursionError as e:
    print(type(e).__name__, e, isinstance(e, RuntimeError))
def depth_reached():
    count = 0
    def rec():
        nonlocal count
        count += 1
        rec()
    try:
        rec()
    except RecursionError:
        pass
    return count
d = depth_reached()
print(900 < d < 1000)
def safe_depth(n):
    return 0 if n == 0 else 1 + safe_depth(n - 1)
print(safe_depth(500))
sys.setrecursionlimit(3000)
print(safe_depth(2500))
sys.setrecursionlimit(1000)
class Loop:
    def __getattr__(self, name):
        return getattr(self, "x" + name)
try:
    Loop().a
except RecursionError as e:
    print("getattr loop:", type(e).__name__)
class Rep:
    def __repr__(self):
        return repr(self)
try:
    repr(Rep())
except RecursionError as e:
    print("repr loop:", type(e).__name__)
def mutual_a(n):
    return mutual_b(n)
def mutual_b(n):
    return mutual_a(n)
try:
    mutual_a(1)
except RecursionError:
    print("mutual recursion caught")
def gen_rec():
    yield from gen_rec()
try:
    list(gen_rec())
except RecursionError:
    print("generator recursion caught")
print("still alive", safe_depth(100))
