# PEP 562: a module's __getattr__ answers for names it lacks (attribute access, from-import,
# getattr/hasattr), and its AttributeError reaches the caller.
import sys, types, warnings

m = types.ModuleType("lazy")
def lazy_getattr(name):
    if name.startswith("made_"):
        return name[5:].upper()
    raise AttributeError(f"module 'lazy' has no attribute {name!r}")
m.__getattr__ = lazy_getattr
m.plain = 1
sys.modules["lazy"] = m
import lazy
print(lazy.plain, lazy.made_abc, getattr(lazy, "made_x"), hasattr(lazy, "made_y"), hasattr(lazy, "other"))
from lazy import made_zz
print(made_zz)
try:
    lazy.other
except AttributeError as e:
    print("AttributeError:", e)
try:
    from lazy import other
except ImportError as e:
    print("ImportError:", e)
import concurrent.futures
print(concurrent.futures.ThreadPoolExecutor.__name__)
import sqlite3
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    print(sqlite3.OptimizedUnicode, [x.category.__name__ for x in w])
