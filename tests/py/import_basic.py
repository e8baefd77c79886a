# Importing a plain module from sys.path.
import sys, os
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "mods"))
print(__name__)
import simple_mod
print(simple_mod.VALUE, simple_mod.greet("world"), simple_mod.Thing(), simple_mod.__name__, simple_mod.__doc__)
import simple_mod
import simple_mod as sm
print(sm is simple_mod, "simple_mod" in sys.modules, sys.modules["simple_mod"] is sm)
from simple_mod import VALUE, greet as g
print(VALUE, g("alias"))
simple_mod.items.append(1)
from simple_mod import items
print(items)
simple_mod.VALUE = 100
print(VALUE, simple_mod.VALUE, sm.VALUE)
print(type(simple_mod).__name__, simple_mod.__file__.endswith("simple_mod.py"), hasattr(simple_mod, "_private"))
print(sorted(k for k in vars(simple_mod) if not k.startswith("__")))
try:
    from simple_mod import does_not_exist
except ImportError as e:
    print("ImportError:", str(e).split(" (/")[0], e.name)
try:
    import no_such_module_abc
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)
try:
    simple_mod.missing_attr
except AttributeError as e:
    print("AttributeError:", e)
def local_import():
    import simple_mod as inner
    from simple_mod import greet
    return inner.VALUE, greet("local")
print(local_import())
print("local_import" in dir(), "inner" in dir())
