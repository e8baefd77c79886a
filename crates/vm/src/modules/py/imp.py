# pyjit's _imp module: what importlib's bootstrap asks of the interpreter. pyjit has no
# frozen modules; its built-in modules are created at start-up and live in sys.modules;
# compiled extension modules cannot be loaded.

import sys as _sys

check_hash_based_pycs = 'default'


def lock_held():
    return False


def acquire_lock():
    pass


def release_lock():
    pass


def is_builtin(name, /):
    return 1 if name in _sys.builtin_module_names else 0


def create_builtin(spec, /):
    name = spec.name
    m = _sys.modules.get(name)
    if m is None or name not in _sys.builtin_module_names:
        m = _builtin_modules.get(name)
    if m is None and name in _sys.builtin_module_names:
        # a library module written in Rust is made on its first import
        m = __import__(name)
    if m is None:
        raise ImportError(f'no built-in module named {name}', name=name)
    return m


def exec_builtin(mod, /):
    return 0


def is_frozen(name, /):
    return False


def is_frozen_package(name, /):
    raise ImportError(f'No such frozen object named {name!r}', name=name)


def find_frozen(name, /, *, withdata=False):
    return None


def get_frozen_object(name, data=None, /):
    raise ImportError(f'No such frozen object named {name!r}', name=name)


def init_frozen(name, /):
    return None


def _frozen_module_names():
    return ()


def _override_frozen_modules_for_tests(override, /):
    pass


def _override_multi_interp_extensions_check(override, /):
    return -1


def _fix_co_filename(code, path, /):
    pass


def extension_suffixes():
    return list(_EXTENSION_SUFFIXES)


def create_dynamic(spec, file=None, /):
    path = spec.origin
    raise ImportError(
        f'cannot load the compiled extension module {path!r}: pyjit runs pure-Python '
        f'modules only (C extensions are built for CPython\'s C API)',
        name=spec.name, path=path)


def exec_dynamic(mod, /):
    return 0


def source_hash(key, source):
    import hashlib
    return hashlib.sha256(key.to_bytes(8, 'little') + bytes(source)).digest()[:8]


_builtin_modules = {}
