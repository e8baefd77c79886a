# Packages: __init__, submodules, relative imports.
import sys, os
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "mods"))
import pkg
print(pkg.PKG_CONST, pkg.pkg_func(), pkg.helper_func(), pkg.__name__, pkg.__package__)
print(hasattr(pkg, "helper"), hasattr(pkg, "sub"), pkg._sub_alias.SUB)
import pkg.sub
print(pkg.sub.use_helper(), pkg.sub is sys.modules["pkg.sub"])
from pkg.subpkg import deep
print(deep.deep(), deep.__name__, deep.__package__)
import pkg.subpkg.deep as d2
print(d2 is deep, "pkg.subpkg" in sys.modules, pkg.subpkg.deep is deep)
from pkg import helper
print(helper.helper_func(), helper.__name__)
print(sorted(m for m in sys.modules if m == "pkg" or m.startswith("pkg.")))
try:
    import pkg.nonexistent
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
try:
    from pkg import nonexistent
except ImportError as e:
    print("ImportError:", str(e).split(" (/")[0])
print(pkg.__path__ is not None, hasattr(pkg.helper, "__path__"), pkg.__file__.endswith("__init__.py"))
try:
    exec("from . import x")
except ImportError as e:
    print("ImportError:", e)
