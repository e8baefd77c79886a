"""Regenerates the expected stderr (NAME.err) of the traceback tests from CPython 3.11.

Each NAME.py is copied to a temporary directory and run there by absolute path, as
traceback_format.rs runs pyjit; the directory is written as <DIR> in the expected text.
Usage: python3 crates/pyjit/tests/traceback/regen.py [NAME...]
"""
import os
import shutil
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
names = sys.argv[1:] or sorted(f[:-3] for f in os.listdir(here) if f.endswith(".py") and f != "regen.py")
with tempfile.TemporaryDirectory() as tmp:
    tmp = os.path.realpath(tmp)
    for name in names:
        script = os.path.join(tmp, name + ".py")
        shutil.copyfile(os.path.join(here, name + ".py"), script)
        env = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8", LC_ALL="C.UTF-8")
        r = subprocess.run([sys.executable, script], cwd=tmp, env=env, capture_output=True)
        err = r.stderr.replace(tmp.encode(), b"<DIR>")
        with open(os.path.join(here, name + ".err"), "wb") as f:
            f.write(err)
        print(name, r.returncode)
