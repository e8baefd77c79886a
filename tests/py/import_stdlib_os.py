# os, os.path, posix, errno and stat from CPython's library over pyjit's posix module
import os, sys, errno, stat, posixpath, genericpath

print(os.name, os.sep, os.pathsep, os.curdir, os.pardir, os.linesep == "\n")
print(os.path is posixpath, type(os.environ).__name__)
print(os.path.join("a", "b", "c"), os.path.join("/x", "/y"), os.path.split("/a/b/c.txt"))
print(os.path.splitext("archive.tar.gz"), os.path.basename("/a/b/"), os.path.dirname("/a/b/c"))
print(os.path.normpath("a//b/./c/../d"), os.path.isabs("/x"), os.path.commonprefix(["/usr/lib", "/usr/local"]))
print(os.path.expanduser("~") == os.environ.get("HOME", os.path.expanduser("~")))
here = os.path.dirname(os.path.abspath(__file__))
print(os.path.isdir(here), os.path.isfile(os.path.join(here, "import_stdlib_os.py")))
print(os.path.exists(os.path.join(here, "no-such-file")), os.path.getsize(__file__) > 0)
st = os.stat(__file__)
print(stat.S_ISREG(st.st_mode), stat.S_ISDIR(os.stat(here).st_mode), len(st), st[stat.ST_SIZE] == st.st_size)
print(type(st).__name__, type(st.st_mtime).__name__, type(st.st_mtime_ns).__name__)
print(stat.filemode(0o100644), stat.filemode(0o40755))
names = os.listdir(here)
print("import_stdlib_os.py" in names, all(isinstance(n, str) for n in names))
print(all(isinstance(n, bytes) for n in os.listdir(os.fsencode(here))))
with os.scandir(here) as it:
    entries = {e.name: e for e in it}
e = entries["import_stdlib_os.py"]
print(e.is_file(), e.is_dir(), e.is_symlink(), e.path.endswith("import_stdlib_os.py"))
print(sorted(n for n, x in entries.items() if x.is_dir() and n == "mods"))
found = [f for _, _, files in os.walk(os.path.join(here, "mods")) for f in files if f == "circ_a.py"]
print(found)
try:
    os.stat("/no/such/file")
except FileNotFoundError as ex:
    print(type(ex).__name__, ex.errno == errno.ENOENT, ex.filename, ex.strerror)
try:
    os.listdir(__file__)
except NotADirectoryError as ex:
    print(type(ex).__name__, ex.errno == errno.ENOTDIR)
try:
    os.stat(3.5)
except TypeError as ex:
    print(ex)
print(errno.errorcode[errno.EEXIST], errno.EAGAIN == errno.EWOULDBLOCK, errno.errorcode[11])
print(os.fspath("p"), os.fsencode("é"), ascii(os.fsdecode(b"\xff")), os.getpid() == os.getpid() > 0)
print(isinstance(os.urandom(8), bytes), len(os.urandom(8)), os.cpu_count() >= 1)
print(os.get_exec_path()[:0], os.getcwd() == os.path.abspath("."), os.getcwdb() == os.fsencode(os.getcwd()))
print(os.environ.get("PYTHONHASHSEED"), os.getenv("PYTHONHASHSEED"), os.environb[b"PYTHONHASHSEED"])
os.environ["PYJIT_TEST_VAR"] = "1"
print(os.environ["PYJIT_TEST_VAR"], "PYJIT_TEST_VAR" in os.environ)
del os.environ["PYJIT_TEST_VAR"]
print("PYJIT_TEST_VAR" in os.environ)
print(os.strerror(errno.ENOENT), os.WEXITSTATUS(256), os.WIFEXITED(0))
r, w = os.pipe()
print(os.write(w, b"through a pipe"), os.read(r, 100), os.get_inheritable(r))
os.close(r); os.close(w)
print(os.stat_result.n_sequence_fields, os.stat_result.n_fields, os.terminal_size((80, 24)))
print(os.uname().sysname, sorted(os.uname()._fields if hasattr(os.uname(), "_fields") else ["machine", "nodename", "release", "sysname", "version"]))
