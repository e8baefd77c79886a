"""Stand-ins for native modules pyjit lacks that CPython's test modules import only in passing.

scripts/cpython_tests.py writes them to a folder on PYTHONPATH when (and only when) pyjit
cannot import the real module, so the test modules that import them load and their other tests
run. Built-in modules come before PYTHONPATH, so once pyjit has a module the stand-in is unused.
They are written from this CPython's own modules (names, classes and constants), never copied
source, and do nothing real: `_ast` has the node classes without a parser; `_socket`,
`select` and `_posixsubprocess` raise OSError when used.
"""
import os

UNSUPPORTED = "OSError(38, 'not available under pyjit (a test runner stand-in)')"


def ast_source():
    import _ast
    lines = ["# stand-in written by scripts/cpython_test_shims.py: _ast's node classes only"]
    done = set()

    def emit(c):
        if c is object or c.__name__ in done:
            return
        for b in c.__bases__:
            emit(b)
        done.add(c.__name__)
        bases = ", ".join(b.__name__ for b in c.__bases__ if b is not object) or "object"
        lines.append(f"class {c.__name__}({bases}):")
        lines.append(f"    _fields = {c._fields!r}")
        lines.append(f"    _attributes = {getattr(c, '_attributes', ())!r}")
        if c.__name__ == "AST":
            lines.append("    def __init__(self, *args, **kw):")
            lines.append("        for n, a in zip(self._fields, args):")
            lines.append("            setattr(self, n, a)")
            lines.append("        for n, a in kw.items():")
            lines.append("            setattr(self, n, a)")
    for n in dir(_ast):
        c = getattr(_ast, n)
        if isinstance(c, type) and not n.startswith("_"):
            emit(c)
    for n in dir(_ast):
        if n.startswith("PyCF_"):
            lines.append(f"{n} = {getattr(_ast, n)!r}")
    return "\n".join(lines) + "\n"


def constants(mod):
    return [f"{n} = {getattr(mod, n)!r}" for n in dir(mod)
            if not n.startswith("_") and type(getattr(mod, n)) is int]


def socket_source():
    import _socket
    lines = ["# stand-in written by scripts/cpython_test_shims.py: _socket's names; nothing connects",
             "import os as _os",
             "error = OSError",
             "class herror(OSError): pass",
             "class gaierror(OSError): pass",
             "timeout = TimeoutError",
             "has_ipv6 = False",
             "_default_timeout = None",
             "def getdefaulttimeout(): return _default_timeout",
             "def setdefaulttimeout(t):",
             "    global _default_timeout",
             "    _default_timeout = t",
             "def gethostname(): return _os.uname().nodename",
             "def htons(x): return ((x & 0xff) << 8) | ((x >> 8) & 0xff)",
             "ntohs = htons",
             "def htonl(x): return int.from_bytes((x & 0xffffffff).to_bytes(4, 'little'), 'big')",
             "ntohl = htonl",
             "class socket:",
             "    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):",
             f"        raise {UNSUPPORTED}",
             "SocketType = socket"]
    for n in dir(_socket):
        if callable(getattr(_socket, n)) and not n.startswith("_") and n[0].islower():
            if not any(l.startswith((f"def {n}(", f"{n} =", f"class {n}:")) for l in lines):
                lines.append(f"def {n}(*args, **kw): raise {UNSUPPORTED}")
    return "\n".join(lines + constants(_socket)) + "\n"


def select_source():
    import select
    lines = ["# stand-in written by scripts/cpython_test_shims.py: select() only, which fails",
             "error = OSError",
             f"def select(*args): raise {UNSUPPORTED}"]
    return "\n".join(lines + [l for l in constants(select) if l.startswith("PIPE_BUF")]) + "\n"


def posixsubprocess_source():
    return ("# stand-in written by scripts/cpython_test_shims.py: starts no process\n"
            f"def fork_exec(*args): raise {UNSUPPORTED}\n")


SHIMS = {"_ast": ast_source, "_socket": socket_source, "select": select_source,
         "_posixsubprocess": posixsubprocess_source}


def write_shims(folder, missing):
    """Writes the stand-ins for the modules named in `missing`; returns their names."""
    os.makedirs(folder, exist_ok=True)
    for name in os.listdir(folder):
        if name.endswith(".py"):
            os.remove(os.path.join(folder, name))
    made = []
    for name in missing:
        with open(os.path.join(folder, name + ".py"), "w") as f:
            f.write(SHIMS[name]())
        made.append(name)
    return made
