# Descriptive sys attributes: installation prefixes, implementation, build constants.
import sys
import os

names = ["__breakpointhook__", "__displayhook__", "__excepthook__", "__interactivehook__",
         "__unraisablehook__", "_base_executable", "_clear_type_cache", "_current_exceptions",
         "_current_frames", "_framework", "_git", "_home", "_stdlib_dir", "abiflags",
         "addaudithook", "api_version", "audit", "base_exec_prefix", "base_prefix",
         "breakpointhook", "call_tracing", "copyright", "displayhook", "excepthook",
         "exec_prefix", "float_repr_style", "get_asyncgen_hooks",
         "get_coroutine_origin_tracking_depth", "getallocatedblocks", "getdlopenflags",
         "getfilesystemencodeerrors", "getprofile", "getrefcount", "getswitchinterval",
         "gettrace", "implementation", "is_finalizing", "meta_path", "orig_argv", "path_hooks",
         "path_importer_cache", "platlibdir", "prefix", "pycache_prefix",
         "set_asyncgen_hooks", "set_coroutine_origin_tracking_depth", "setdlopenflags",
         "setprofile", "setswitchinterval", "settrace", "stdlib_module_names", "thread_info",
         "unraisablehook", "_debugmallocstats", "_getquickenedcount"]
print([n for n in names if not hasattr(sys, n)])

for n in ["prefix", "exec_prefix", "base_prefix", "base_exec_prefix", "_stdlib_dir", "_base_executable"]:
    v = getattr(sys, n)
    print(n, type(v).__name__, os.path.isabs(v))
print(sys.prefix == sys.base_prefix, sys.exec_prefix == sys.base_exec_prefix)
print(sys._stdlib_dir == os.path.join(sys.prefix, sys.platlibdir, "python3.11"))
print(os.path.isfile(os.path.join(sys._stdlib_dir, "os.py")))
print(sys.platlibdir, repr(sys.abiflags), sys.api_version, sys.float_repr_style, sys.pycache_prefix)
print(repr(sys._framework), type(sys._git).__name__, len(sys._git), sys._home)
print(sys.copyright.splitlines()[0])

imp = sys.implementation
print(type(imp).__name__, type(imp).__module__, imp.name == imp.name.lower(), imp.cache_tag is None or imp.cache_tag.startswith(imp.name))
print(type(imp.version).__name__, len(imp.version), type(imp.hexversion).__name__, imp._multiarch.endswith("-linux-gnu"))
v = imp.version
print(imp.hexversion == (v.major << 24) | (v.minor << 16) | (v.micro << 8) | {"alpha": 0xa0, "beta": 0xb0, "candidate": 0xc0, "final": 0xf0}[v.releaselevel] | v.serial)
print(repr(imp).startswith("namespace(name="))

ti = sys.thread_info
print(type(ti).__name__, ti.name, ti.lock, ti[:2], len(ti))

print(type(sys.stdlib_module_names).__name__, len(sys.stdlib_module_names))
print(sorted(n for n in sys.stdlib_module_names if n.startswith("sy") or n in ("os", "time", "_io")))
print("pyjit" in sys.stdlib_module_names, "sys" in sys.builtin_module_names)

print(type(sys.orig_argv).__name__, sys.orig_argv[-1] == sys.argv[-1], len(sys.orig_argv) >= len(sys.argv))
print(type(sys.meta_path).__name__, [getattr(c, "__name__", None) for c in sys.meta_path if getattr(c, "__name__", None) in ("BuiltinImporter", "PathFinder")])
print(type(sys.path_hooks).__name__, type(sys.path_importer_cache).__name__)
