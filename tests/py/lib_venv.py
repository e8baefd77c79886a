# venv: `python -m venv DIR` makes an environment whose bin/python runs this interpreter
# with sys.prefix = DIR, the base installation's library, and DIR's site-packages on sys.path.
import os
import subprocess
import sys
import tempfile

def run(*args, **kw):
    r = subprocess.run(list(args), capture_output=True, text=True, **kw)
    if r.returncode:
        print("status", r.returncode, r.stderr.strip().splitlines()[-1:])
    return r.stdout

def cfg(d):
    with open(os.path.join(d, "pyvenv.cfg"), encoding="utf-8") as f:
        return dict(line.rstrip("\n").split(" = ", 1) for line in f if " = " in line)

parent_site = [p for p in sys.path if p.endswith("-packages")]

with tempfile.TemporaryDirectory() as tmp:
    d = os.path.join(tmp, "env")
    out = run(sys.executable, "-m", "venv", "--without-pip", d)
    print("made:", repr(out))
    c = cfg(d)
    print(sorted(c))
    print("home:", c["home"] == os.path.dirname(os.path.abspath(sys._base_executable)))
    print("version:", c["version"].startswith("3.11."), c["include-system-site-packages"])
    print("executable:", c["executable"] == os.path.realpath(sys._base_executable))
    bindir = os.path.join(d, "bin")
    for name in ["python", "python3", "python3.11"]:
        p = os.path.join(bindir, name)
        print(name, os.path.islink(p), os.path.realpath(p) == os.path.realpath(sys.executable))
    print(sorted(f for f in os.listdir(bindir) if f.startswith("activate")))
    with open(os.path.join(bindir, "activate")) as f:
        print("VIRTUAL_ENV in activate:", d in f.read())
    site = os.path.join(d, "lib", "python3.11", "site-packages")
    print("site-packages:", os.path.isdir(site), os.listdir(site))

    # a module and a .pth file in the environment's site-packages
    with open(os.path.join(site, "venvmod.py"), "w") as f:
        f.write("VALUE = 42\n")
    extra = os.path.join(tmp, "extra")
    os.mkdir(extra)
    with open(os.path.join(extra, "extramod.py"), "w") as f:
        f.write("NAME = 'extra'\n")
    with open(os.path.join(site, "extra.pth"), "w") as f:
        f.write(extra + "\n")

    py = os.path.join(bindir, "python")
    probe = f"""
import sys, os
d = {d!r}
print(sys.prefix == d, sys.exec_prefix == d)
print(sys.base_prefix == {sys.base_prefix!r}, sys.base_exec_prefix == {sys.base_exec_prefix!r})
print(sys.executable == os.path.join(d, "bin", "python"))
print(os.path.realpath(sys._base_executable) == {os.path.realpath(sys._base_executable)!r})
print(sys.path[0] == "", {site!r} in sys.path, {extra!r} in sys.path)
print([p for p in {parent_site!r} if p in sys.path])
import venvmod, extramod
print(venvmod.VALUE, extramod.NAME)
import site
print({site!r} in site.getsitepackages(), site.ENABLE_USER_SITE)
import sysconfig
print(sysconfig.get_path("purelib") == {site!r})
"""
    print(run(py, "-c", probe), end="")
    # -S: the prefix comes from pyvenv.cfg even without site; site-packages is left out
    print(run(py, "-S", "-c", f"import sys; print(sys.prefix == {d!r}, {site!r} in sys.path)"), end="")
    # the environment's python3.11 found on PATH is still the environment's
    env = dict(os.environ, PATH=bindir + os.pathsep + os.environ.get("PATH", ""))
    print(run("python3.11", "-c", f"import sys; print(sys.executable == {os.path.join(bindir, 'python3.11')!r}, sys.prefix == {d!r})", env=env), end="")
    # a script run by the environment's python
    script = os.path.join(tmp, "s.py")
    with open(script, "w") as f:
        f.write("import sys, venvmod\nprint(sys.argv[1:], venvmod.VALUE)\n")
    print(run(py, script, "a", "b"), end="")

    # --system-site-packages keeps the base installation's site directories
    d2 = os.path.join(tmp, "env2")
    run(sys.executable, "-m", "venv", "--without-pip", "--system-site-packages", d2)
    print(cfg(d2)["include-system-site-packages"])
    out = run(os.path.join(d2, "bin", "python"), "-c", f"import sys; print(sys.prefix == {d2!r}, [p for p in {parent_site!r} if p not in sys.path])")
    print(out, end="")
    # an existing directory is refused without --clear... no: venv reuses it; --clear empties it
    open(os.path.join(d2, "marker"), "w").close()
    run(sys.executable, "-m", "venv", "--without-pip", "--clear", d2)
    print("after --clear:", sorted(os.listdir(d2)))
