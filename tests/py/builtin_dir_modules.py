# dir() of modules lists the module's namespace (module.__dir__), not object attributes
import builtins, sys, os
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "mods"))
import simple_mod

print(sorted(dir(builtins)))
print(dir(simple_mod) == sorted(simple_mod.__dict__))
print([n for n in dir(simple_mod) if not n.startswith("__")])
print("__class__" in dir(simple_mod), "__class__" in dir(builtins))

class M(type(sys)):
    pass

m = M("custom")
m.x = 1
print(dir(m))
m.__dir__ = lambda: ["z", "a"]
print(dir(m))
