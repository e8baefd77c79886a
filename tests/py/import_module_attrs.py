# Module objects and attributes; __main__ module.
import sys, os
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "mods"))
import simple_mod
print(__name__, sys.modules["__main__"].__name__, sys.modules[__name__] is sys.modules["__main__"])
main = sys.modules["__main__"]
top_level_value = "tlv"
print(main.top_level_value, getattr(main, "top_level_value"))
print(type(sys).__name__, type(simple_mod) is type(sys), repr(simple_mod.__name__), simple_mod.__spec__.name)
simple_mod.new_attr = "added from outside"
import simple_mod as again
print(again.new_attr)
del simple_mod.new_attr
print(hasattr(again, "new_attr"))
print(__doc__)
print(sorted(k for k in ("__name__", "__doc__", "__package__", "__loader__", "__spec__", "__file__", "__builtins__") if k in globals()))
print(__package__, __spec__)
import math
print(math.__name__, "math" in sys.modules)
mod_type = type(sys)
fresh = mod_type("fresh_module", "docstring here")
fresh.x = 1
print(fresh.__name__, fresh.__doc__, fresh.x)
try:
    sys.nonexistent_attribute
except AttributeError as e:
    print("AttributeError:", e)
