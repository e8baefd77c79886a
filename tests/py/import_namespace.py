# Namespace packages (PEP 420): a directory without __init__.py on sys.path imports as a
# package whose __path__ lists the directory and whose loader is importlib's NamespaceLoader.
import sys, os
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "mods"))

import nspkg
print(type(nspkg).__name__, nspkg.__name__, nspkg.__file__ if hasattr(nspkg, "__file__") else "no __file__")
print(type(nspkg.__loader__).__name__)
print(nspkg.__spec__.origin, nspkg.__spec__.loader is nspkg.__loader__)
print([os.path.basename(p) for p in nspkg.__path__])
print(type(nspkg.__path__).__name__)
print(nspkg.__package__)

import nspkg.mod
print(nspkg.mod.WHAT, nspkg.mod.__package__)
from nspkg.inner import deep
print(deep.WHAT, deep.__name__)
import nspkg.inner
print(type(nspkg.inner.__loader__).__name__, [os.path.basename(p) for p in nspkg.inner.__path__])
print(sorted(k for k in sys.modules if k.startswith("nspkg")))

try:
    import nspkg.missing
except ModuleNotFoundError as e:
    print(type(e).__name__ + ":", e, e.name)
