# A finder added to sys.meta_path is consulted by the import statement (PEP 451).
import sys

SOURCES = {
    "virtual_mod": "VALUE = 42\ndef double(x):\n    return 2 * x\n",
    "virtual_pkg": "NAME = 'pkg'\n",
    "virtual_pkg.sub": "from . import NAME as PARENT\nWHO = 'sub of ' + PARENT\n",
    "virtual_broken": "raise ImportError('broken on purpose')\n",
}

class Spec:
    def __init__(self, name, loader, is_package):
        self.name = name
        self.loader = loader
        self.origin = "virtual:" + name
        self.has_location = False
        self.submodule_search_locations = [] if is_package else None
        self.cached = None
        self.parent = name if is_package else name.rpartition(".")[0]
        self.loader_state = None
        self._uninitialized_submodules = []

class Loader:
    def __init__(self):
        self.created = []
    def create_module(self, spec):
        self.created.append(spec.name)
        return None
    def exec_module(self, module):
        exec(SOURCES[module.__name__], module.__dict__)

class Finder:
    def __init__(self):
        self.asked = []
        self.loader = Loader()
    def find_spec(self, name, path, target=None):
        self.asked.append((name, path is None))
        if name in SOURCES:
            return Spec(name, self.loader, name == "virtual_pkg")
        return None

finder = Finder()
sys.meta_path.insert(0, finder)

import virtual_mod
print(virtual_mod.VALUE, virtual_mod.double(4), virtual_mod.__name__, virtual_mod.__spec__.origin)
print(virtual_mod.__loader__ is finder.loader, sys.modules["virtual_mod"] is virtual_mod)
import virtual_mod as again
print(again is virtual_mod, finder.asked.count(("virtual_mod", True)))

import virtual_pkg.sub
print(virtual_pkg.NAME, virtual_pkg.sub.WHO, virtual_pkg.__path__, virtual_pkg.__package__, virtual_pkg.sub.__package__)

try:
    import virtual_broken
except ImportError as e:
    print("ImportError:", e, "virtual_broken" in sys.modules)

try:
    import virtual_missing
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)

print([a for a in finder.asked if a[0].startswith("virtual")])
print(finder.loader.created)

sys.meta_path.remove(finder)
import math
print(math.floor(2.5))
