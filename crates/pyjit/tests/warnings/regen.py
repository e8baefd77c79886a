"""Regenerates the expected stderr of the compile-warning tests (NN_SCRIPT.err) from
CPython 3.11, for each line of runs.txt.

Each script is copied to a temporary directory and run there by absolute path, as
compile_warnings.rs runs pyjit; the directory is written as <DIR> in the expected text.
Usage: python3 crates/pyjit/tests/warnings/regen.py
"""
import os
import shutil
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))


def runs():
    with open(os.path.join(here, "runs.txt")) as f:
        lines = [l.split() for l in f if l.strip() and not l.startswith("#")]
    return [(i, l[0], l[1:]) for i, l in enumerate(lines)]


with tempfile.TemporaryDirectory() as tmp:
    tmp = os.path.realpath(tmp)
    for i, script, opts in runs():
        path = os.path.join(tmp, script + ".py")
        shutil.copyfile(os.path.join(here, script + ".py"), path)
        env = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8", LC_ALL="C.UTF-8")
        env.pop("PYTHONWARNINGS", None)
        args = []
        for o in opts:
            if o.startswith("PYTHONWARNINGS="):
                env["PYTHONWARNINGS"] = o.split("=", 1)[1]
            else:
                args.append(o)
        r = subprocess.run([sys.executable, *args, path], cwd=tmp, env=env, capture_output=True)
        err = r.stderr.replace(tmp.encode(), b"<DIR>")
        with open(os.path.join(here, f"{i:02}_{script}.err"), "wb") as f:
            f.write(err)
        print(i, script, opts, r.returncode)
