#!/usr/bin/env python3
"""Regenerate the expected output of the behaviour tests.

Usage:
    python3 tests/regen.py [--python PATH] [NAME ...]

For every tests/py/<name>.py (names starting with "_" are skipped), or only
for the NAMEs given (with or without ".py"), run the script under the
reference interpreter (python3 by default) and write:

    tests/expected/<name>.out     exact stdout bytes
    tests/expected/<name>.status  line 1: exit status
                                  line 2: last non-empty line of stderr
                                          (empty if stderr is empty)

Expected files whose test no longer exists are removed.
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PY_DIR = os.path.join(HERE, "py")
EXPECTED_DIR = os.path.join(HERE, "expected")
TIMEOUT = 60


def test_env():
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update({
        "PYTHONHASHSEED": "0",
        "PYTHONIOENCODING": "utf-8",
        "PYTHONDONTWRITEBYTECODE": "1",
        "LC_ALL": "C.UTF-8",
    })
    return env


def all_tests():
    return sorted(f[:-3] for f in os.listdir(PY_DIR)
                  if f.endswith(".py") and not f.startswith("_"))


def last_nonempty_line(data):
    lines = [l for l in data.decode("utf-8", "replace").splitlines() if l.strip()]
    return lines[-1] if lines else ""


def regen(python, name):
    try:
        proc = subprocess.run([python, name + ".py"], cwd=PY_DIR, env=test_env(),
                              stdin=subprocess.DEVNULL, capture_output=True,
                              timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        print(f"TIMEOUT  {name}")
        return False
    with open(os.path.join(EXPECTED_DIR, name + ".out"), "wb") as f:
        f.write(proc.stdout)
    with open(os.path.join(EXPECTED_DIR, name + ".status"), "w", encoding="utf-8") as f:
        f.write(f"{proc.returncode}\n{last_nonempty_line(proc.stderr)}\n")
    print(f"regen    {name} (exit {proc.returncode})")
    return True


def main(argv):
    python = "python3"
    if argv[:1] == ["--python"]:
        python, argv = argv[1], argv[2:]
    os.makedirs(EXPECTED_DIR, exist_ok=True)

    existing = set(all_tests())
    for f in sorted(os.listdir(EXPECTED_DIR)):
        name, ext = os.path.splitext(f)
        if ext in (".out", ".status") and name not in existing:
            os.remove(os.path.join(EXPECTED_DIR, f))
            print(f"removed  {f}")

    names = [a[:-3] if a.endswith(".py") else a for a in argv] or sorted(existing)
    ok = True
    for name in names:
        if name not in existing:
            print(f"MISSING  {name}")
            ok = False
        elif not regen(python, name):
            ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
