# pyjit's _warnings module: warn() for native code and the importlib bootstrap. The filter
# list is the warnings module's own (pure Python); warn goes through it once it is loaded.

import sys as _sys


def warn(message, category=None, stacklevel=1, source=None):
    """Issue a warning, or maybe ignore it or raise an exception."""
    w = _sys.modules.get('warnings')
    if w is None:
        try:
            import warnings as w
        except ImportError:
            w = None
    if w is not None and getattr(w, 'warn', warn) is not warn:
        return w.warn(message, category, stacklevel + 1, source)
    if category is None:
        category = message.__class__ if isinstance(message, Warning) else UserWarning
    try:
        f = _sys._getframe(stacklevel)
        filename, lineno = f.f_code.co_filename, f.f_lineno
    except ValueError:
        filename, lineno = 'sys', 1
    _warn_native(category, str(message), filename, lineno)


def _filters_mutated():
    pass
