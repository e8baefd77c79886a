# Import failures: exceptions during import, syntax errors, sys.modules cleanup.
import sys, os
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "mods"))
try:
    import raising_mod
except ValueError as e:
    print("ValueError:", e)
print("raising_mod" in sys.modules)
try:
    import raising_mod
except ValueError as e:
    print("second attempt re-executes:", e)
try:
    import syntax_error_mod
except SyntaxError as e:
    print("SyntaxError:", e.msg, e.lineno, e.filename.endswith("syntax_error_mod.py"))
try:
    from simple_mod import nope
except ImportError as e:
    print("ImportError:", str(e).split(" (/")[0])
try:
    import simple_mod.sub
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
try:
    __import__("no_such_thing_here")
except ImportError as e:
    print(type(e).__name__, e.name)
m = __import__("counter_mod")
print(m.bump(), m.bump(), sys.modules["counter_mod"].count)
import counter_mod
print(counter_mod.bump())
del sys.modules["counter_mod"]
import counter_mod as fresh
print(fresh.count, fresh is m)
print(issubclass(ModuleNotFoundError, ImportError))
