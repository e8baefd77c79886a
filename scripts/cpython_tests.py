#!/usr/bin/env python3
"""Runs CPython 3.11's own regression tests (Lib/test) under pyjit and keeps a ratchet of passes.

Each test module runs in its own pyjit process (with a timeout, in a fresh temporary working
directory) through a small unittest driver that reports every test's outcome on stdout, so a
module that crashes half-way still counts what ran before the crash.

    python3 scripts/cpython_tests.py run [MODULE ...]     # table on stdout (default: the core modules)
        --out FILE       also write the table there (e.g. tests/cpython/results.md)
        --cpython        also run each module under python3 (the "cpython" column: CPython's passes)
        --pyjit PATH     the interpreter to test (default target/release/pyjit)
        --timeout S      per module (default 300)      --jobs N   modules at once (default 2)
        --set NAME       a module list: core (default), wide, all (core + wide)
    python3 scripts/cpython_tests.py check [--results FILE]  # the ratchet: fails when a module's
        passed count drops below the one recorded in FILE (default tests/cpython/results.md)
    python3 scripts/cpython_tests.py causes [MODULE ...]     # the commonest failure messages of the
        last run (read from target/cpython-tests/*.json)

Test modules come from the installed CPython (`/usr/lib/python3.11/test`; on Debian the package
libpython3.11-testsuite; `--stdlib DIR` picks another 3.11 library), and pyjit runs with that
library (PYJIT_STDLIB); the `cpython` column comes from the python3.11 of the same installation. `test.support.use_resources` is set to [] as `python -m test` does
without `-u`, so tests needing the network, much CPU or memory are skipped.
"""
import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, "target", "cpython-tests")
RESULTS = os.path.join(ROOT, "tests", "cpython", "results.md")
MARK = "@@PYJIT-TEST@@ "

CORE = """test_grammar test_int test_float test_list test_dict test_set test_tuple test_string
test_unicode test_bool test_class test_descr test_exceptions test_generators test_scope test_with
test_augassign test_binop test_compare test_math test_long test_format test_fstring test_unpack
test_builtin test_itertools test_functools test_collections test_json test_re""".split()

WIDE = """test_random test_struct test_array test_deque test_heapq test_bisect test_datetime
test_decimal test_os test_io test_pickle test_dataclasses test_enum test_typing test_asyncio
test_fractions test_statistics test_textwrap test_copy test_operator test_string_literals
test_contextlib test_abc test_types test_keywordonlyarg test_dictviews test_range test_slice
test_bytes test_userdict test_userlist test_userstring test_genexps test_listcomps
test_setcomps test_raise test_opcodes test_global test_baseexception test_iter test_sort
test_enumerate test_isinstance test_super test_property test_richcmp test_unary test_pow
test_complex test_fnmatch test_glob test_base64 test_binascii test_hashlib test_zlib
test_csv test_difflib test_pprint test_shlex test_calendar test_bool test_weakref
test_with test_exception_group test_patma test_positional_only_arg test_named_expressions
test_class test_funcattrs test_dynamic test_print test_int_literal test_strtod
test_errno test_stat test_time test_structseq test_bigmem test_coroutines test_generator_stop
test_contextlib_async test_defaultdict test_ordered_dict test_queue test_sched test_secrets
test_uuid test_string test_locale test_unicodedata test_codecs test_marshal test_argparse
test_logging test_traceback test_inspect test_shutil test_tempfile test_pathlib test_ast
test_subprocess test_threading test_configparser test_zipfile test_tarfile test_gzip
test_fileinput test_getopt test_optparse test_colorsys test_keyword test_cmath test_memoryview
test_doctest test_unittest""".split()

# Tests whose outcome depends on timing or load: `check` does not count them against the ratchet.
FLAKY = {
    "test.test_int.IntStrDigitLimitsTests.test_denial_of_service_prevented_int_to_str",
    "test.test_int.IntStrDigitLimitsTests.test_denial_of_service_prevented_str_to_int",
    "test.test_int.IntSubclassStrDigitLimitsTests.test_denial_of_service_prevented_int_to_str",
    "test.test_int.IntSubclassStrDigitLimitsTests.test_denial_of_service_prevented_str_to_int",
    "test.test_re.ReTests.test_search_anchor_at_beginning",
}
# Tests that check an object is freed (a weakref dies after gc.collect()): pyjit's collector
# scans the native stack conservatively, so a stale word left there by unrelated code keeps
# the object alive; whether it does changes with any change of the interpreter's code.
FLAKY |= {"test.test_exceptions.ExceptionTests." + n for n in (
    "testExceptionCleanupState", "test_memory_error_cleanup", "test_recursion_error_cleanup",
    "test_generator_throw_cleanup_exc_state", "test_generator_close_cleanup_exc_state",
    "test_generator_del_cleanup_exc_state", "test_generator_next_cleanup_exc_state",
    "test_generator_send_cleanup_exc_state", "test_exception_cleanup_names",
    "test_exception_cleanup_names2")}
FLAKY |= {"test.test_functools." + n for n in (
    "TestLRUC.test_lru_cache_weakrefable", "TestLRUPy.test_lru_cache_weakrefable",
    "TestPartialPy.test_weakref", "TestPartialPySubclass.test_weakref",
    "TestPartialC.test_weakref", "TestPartialCSubclass.test_weakref")}
FLAKY |= {"test.test_generators.FinalizationTest.test_frame_resurrect",
          "test.test_generators.FinalizationTest.test_refcycle"}
FLAKY |= {f"test.test_queue.{c}.test_references" for c in ("PySimpleQueueTest", "CSimpleQueueTest")}
FLAKY |= {"test.test_threading.ConditionAsRLockTests.test_weakref_deleted",
          "test.test_threading.PyRLockTests.test_weakref_deleted",
          "test.test_thread.LockTests.test_weakref_deleted"}
# Tests that check `__del__` ran after gc.collect(): the same stale-word caveat.
FLAKY |= {"test.test_descr.ClassPropertiesAndMethods.test_subtype_resurrection",
          "test.test_descr.ClassPropertiesAndMethods.test_cycle_through_dict",
          "test.test_class.ClassTests.testDel",
          "test.test_list.ListTest.test_free_after_iterating",
          "test.test_tuple.TupleTest.test_free_after_iterating",
          "test.test_dict.DictTest.test_free_after_iterating",
          "test.test_unicode.UnicodeTest.test_free_after_iterating"}
FLAKY |= {f"test.test_set.{c}.test_free_after_iterating" for c in (
    "TestSet", "TestSetSubclass", "TestFrozenSet", "TestFrozenSetSubclass")}

# Tests that never end under pyjit (they wait for an object to be freed, which a stale
# conservative root can prevent forever): the driver skips them so the module can finish.
HANGS = {"test.test_thread.ThreadRunningTests.test__count"}

# The unittest driver run inside pyjit: argv = [module]. Prints one marker line per test.
DRIVER = r'''
import sys, os
_out = sys.stdout
def _mark(*parts):
    _out.write("\n" + MARK + " ".join(parts) + "\n")
    _out.flush()
def _one_line(err):
    t, v = err[0], err[1]
    try:
        s = str(v)
    except BaseException:
        s = "<unprintable>"
    s = (t.__name__ + ": " + s) if s else t.__name__
    return " ".join(s.split())[:300]
try:
    import unittest
    import importlib
    import test.support
    test.support.use_resources = []
    _mod = importlib.import_module("test." + sys.argv[1])
except BaseException as e:
    if type(e).__name__ == "SkipTest":
        _mark("SKIPMODULE", _one_line((type(e), e)))
        os._exit(0)
    _mark("IMPORT", _one_line((type(e), e)))
    import traceback
    traceback.print_exc()
    sys.stderr.flush()
    os._exit(3)

_RANK = {"ok": 0, "skip": 1, "fail": 2, "error": 3}
class _Result(unittest.TextTestResult):
    def startTest(self, t):
        super().startTest(t)
        self._o, self._msg = "ok", ""
    def _set(self, test, o, msg):
        if getattr(self, "_o", None) is None or not isinstance(test, unittest.TestCase):
            _mark("TEST", o, str(test).replace(" ", "_"), msg)  # a class/module fixture
            return
        if _RANK[o] > _RANK[self._o]:
            self._o, self._msg = o, msg
    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._set(test, "fail", _one_line(err))
    def addError(self, test, err):
        super().addError(test, err)
        self._set(test, "error", _one_line(err))
    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self._set(test, "skip", " ".join(str(reason).split())[:200])
    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self._set(test, "fail", "unexpected success")
    def addSubTest(self, test, sub, err):
        super().addSubTest(test, sub, err)
        if err is not None:
            failed = issubclass(err[0], test.failureException)
            self._set(test, "fail" if failed else "error", _one_line(err))
    def stopTest(self, t):
        super().stopTest(t)
        if getattr(self, "_o", None) is not None:
            _mark("TEST", self._o, t.id(), self._msg)
        self._o = None

_suite = unittest.defaultTestLoader.loadTestsFromModule(_mod)
def _skip_hangs(suite):
    for t in suite:
        if isinstance(t, unittest.TestSuite):
            _skip_hangs(t)
        elif t.id() in HANGS:
            setattr(t, t._testMethodName, unittest.skip("never ends under pyjit")(lambda: None))
_skip_hangs(_suite)
_runner = unittest.TextTestRunner(stream=sys.stderr, verbosity=2, resultclass=_Result)
_runner.run(_suite)
_mark("DONE")
sys.stderr.flush()
os._exit(0)
'''.replace("MARK + ", repr(MARK) + " + ").replace("in HANGS", "in " + repr(HANGS))


def find_stdlib(given):
    """The CPython 3.11 library whose tests run: --stdlib, else $PYJIT_STDLIB, else the first
    of /usr/lib/python3.11 and this python3's own library that holds test/support."""
    import sysconfig
    cands = [given] if given else [os.environ.get("PYJIT_STDLIB"), "/usr/lib/python3.11",
                                   "/usr/local/lib/python3.11", sysconfig.get_paths()["stdlib"]]
    for d in cands:
        if d and os.path.isfile(os.path.join(d, "test", "support", "__init__.py")):
            return os.path.abspath(d)
    sys.exit("cpython_tests: no CPython 3.11 library with its tests (test/support) found; on Debian "
             "install libpython3.11-testsuite, or give --stdlib DIR")


def cpython_for(stdlib):
    """The python3.11 that belongs to a library directory PREFIX/lib/python3.11."""
    exe = os.path.join(os.path.dirname(os.path.dirname(stdlib)), "bin", "python3.11")
    return exe if os.path.exists(exe) else sys.executable


def base_env(stdlib):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "PYJIT"))}
    env.update(LC_ALL="C.UTF-8", PYTHONIOENCODING="utf-8", PYTHONDONTWRITEBYTECODE="1",
               PYJIT_STDLIB=stdlib)
    return env


def limit_memory():
    import resource
    gb = 6 << 30
    resource.setrlimit(resource.RLIMIT_AS, (gb, gb))


def run_module(interp, mod, timeout, env, tag):
    """Runs one test module; returns its record (counts, status, per-test outcomes)."""
    os.makedirs(os.path.join(OUT_DIR, "logs"), exist_ok=True)
    log_path = os.path.join(OUT_DIR, "logs", f"{mod}.{tag}.log")
    cwd = tempfile.mkdtemp(prefix=f"pyjit-{mod}-")
    env = dict(env, TMPDIR=cwd)
    start = time.time()
    with open(log_path, "wb") as log:
        p = subprocess.Popen(interp + ["-c", DRIVER, mod], cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                             stdout=subprocess.PIPE, stderr=log, start_new_session=True,
                             preexec_fn=limit_memory)
        try:
            out, _ = p.communicate(timeout=timeout)
            timed_out = False
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            out, _ = p.communicate()
            timed_out = True
        try:
            os.killpg(p.pid, signal.SIGKILL)  # stray children of the tests
        except ProcessLookupError:
            pass
    shutil.rmtree(cwd, ignore_errors=True)
    tests, status, done = [], None, False
    for line in out.decode("utf-8", "replace").splitlines():
        if not line.startswith(MARK):
            continue
        parts = line[len(MARK):].split(" ", 3)
        if parts[0] == "TEST" and len(parts) >= 3:
            tests.append({"outcome": parts[1], "id": parts[2], "msg": parts[3] if len(parts) > 3 else ""})
        elif parts[0] == "IMPORT":
            status = "import error: " + " ".join(parts[1:])
        elif parts[0] == "SKIPMODULE":
            status, done = "module skipped: " + " ".join(parts[1:]), True
        elif parts[0] == "DONE":
            done = True
    if done and status is None:
        status = "ok"
    elif timed_out:
        status = f"timeout ({timeout}s)"
    elif status is None:
        rc = p.returncode
        status = f"crash (signal {-rc})" if rc < 0 else f"crash (exit {rc})"
        status += ": " + last_line(log_path)
    count = {o: sum(1 for t in tests if t["outcome"] == o) for o in ("ok", "fail", "error", "skip")}
    return {"module": mod, "run": len(tests), "passed": count["ok"], "failed": count["fail"],
            "errors": count["error"], "skipped": count["skip"], "status": status,
            "seconds": round(time.time() - start, 1), "tests": tests}


def last_line(path):
    try:
        with open(path, "rb") as f:
            lines = [l for l in f.read().decode("utf-8", "replace").splitlines() if l.strip()]
        return " ".join(lines[-1].split())[:160] if lines else ""
    except OSError:
        return ""


def run_all(interp, mods, timeout, jobs, env, tag, progress=True):
    def one(m):
        r = run_module(interp, m, timeout, env, tag)
        if progress:
            print(f"  {tag} {m}: {r['passed']}/{r['run']} passed, {r['status'][:100]} ({r['seconds']}s)",
                  file=sys.stderr, flush=True)
        return r
    with ThreadPoolExecutor(max_workers=jobs) as ex:
        return list(ex.map(one, mods))


HEADER = ("| module | cpython | run | passed | failed | errors | skipped | status |\n"
          "|---|---:|---:|---:|---:|---:|---:|---|\n")


def table(results, cpy):
    rows = []
    tot = dict(cpython=0, run=0, passed=0, failed=0, errors=0, skipped=0)
    for r in results:
        c = cpy.get(r["module"], "")
        status = r["status"].replace("|", "/")
        rows.append(f"| {r['module']} | {c} | {r['run']} | {r['passed']} | {r['failed']} | {r['errors']} "
                    f"| {r['skipped']} | {status} |")
        for k in ("run", "passed", "failed", "errors", "skipped"):
            tot[k] += r[k]
        tot["cpython"] += c if isinstance(c, int) else 0
    ok = sum(1 for r in results if r["status"] == "ok")
    rows.append(f"| **total** ({ok}/{len(results)} ran to the end) | {tot['cpython'] or ''} | {tot['run']} "
                f"| {tot['passed']} | {tot['failed']} | {tot['errors']} | {tot['skipped']} | |")
    return HEADER + "\n".join(rows) + "\n"


def read_table(path):
    """The rows of a results table: {module: {column: value}}."""
    rows = {}
    with open(path) as f:
        for line in f:
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) != 8 or not cells[0].startswith("test_"):
                continue
            num = lambda s: int(s) if s.isdigit() else None
            rows[cells[0]] = {"cpython": num(cells[1]), "run": num(cells[2]), "passed": num(cells[3]),
                              "status": cells[7]}
    return rows


def default_pyjit():
    return [os.path.join(ROOT, "target", "release", "pyjit")]


def cmd_run(a):
    mods = a.modules or {"core": CORE, "wide": WIDE, "all": CORE + WIDE}[a.set]
    mods = list(dict.fromkeys(mods))
    pyjit = a.pyjit.split() if a.pyjit else default_pyjit()
    stdlib = find_stdlib(a.stdlib)
    print(f"cpython tests from {stdlib}", file=sys.stderr)
    res = run_all(pyjit, mods, a.timeout, a.jobs, base_env(stdlib), "pyjit")
    os.makedirs(OUT_DIR, exist_ok=True)
    for r in res:
        with open(os.path.join(OUT_DIR, r["module"] + ".json"), "w") as f:
            json.dump(r, f, indent=1)
    cpy = {}
    if a.cpython:
        for r in run_all([cpython_for(stdlib)], mods, a.timeout, a.jobs, base_env(stdlib), "cpython"):
            cpy[r["module"]] = r["passed"]
    elif a.out and os.path.exists(a.out):
        cpy = {m: row["cpython"] for m, row in read_table(a.out).items() if row["cpython"] is not None}
    elif os.path.exists(RESULTS):
        cpy = {m: row["cpython"] for m, row in read_table(RESULTS).items() if row["cpython"] is not None}
    text = table(res, cpy)
    print(text, end="")
    if a.out:
        intro = ("# CPython's regression tests under pyjit\n\n"
                 "Written by `python3 scripts/cpython_tests.py run --out tests/cpython/results.md`; "
                 "the `passed` column is a ratchet that `python3 scripts/cpython_tests.py check` (run by "
                 ".ci/run) holds. `cpython` is how many of the module's tests CPython 3.11 passes under "
                 "the same driver (resources off, as `python -m test`). Tests from "
                 f"`{stdlib}/test`.\n\n")
        with open(a.out, "w") as f:
            f.write(intro + text)
    return 0


def cmd_check(a):
    want = read_table(a.results)
    mods = list(want)
    pyjit = a.pyjit.split() if a.pyjit else default_pyjit()
    stdlib = find_stdlib(a.stdlib)
    t0 = time.time()
    res = run_all(pyjit, mods, a.timeout, a.jobs, base_env(stdlib), "pyjit", progress=a.verbose)
    bad = []
    for r in res:
        w = want[r["module"]]["passed"] or 0
        flaky = sum(1 for t in r["tests"] if t["id"] in FLAKY and t["outcome"] != "ok")
        if r["passed"] + flaky < w:
            fails = [t for t in r["tests"] if t["outcome"] in ("fail", "error")][:5]
            bad.append(f"{r['module']}: {r['passed']} passed, recorded {w} ({r['status']})"
                       + "".join(f"\n    {t['outcome']} {t['id']}: {t['msg'][:150]}" for t in fails))
    better = [f"{r['module']} {want[r['module']]['passed']}->{r['passed']}" for r in res
              if r["passed"] > (want[r["module"]]["passed"] or 0)]
    total = sum(r["passed"] for r in res)
    print(f"cpython tests: {len(res)} modules, {total} tests passed "
          f"(recorded {sum((w['passed'] or 0) for w in want.values())}) in {time.time() - t0:.0f}s")
    if better:
        print("  improved (update tests/cpython/results.md): " + ", ".join(better))
    if bad:
        print("cpython tests: passes dropped below the recorded ratchet:\n  " + "\n  ".join(bad))
        return 1
    return 0


def cmd_causes(a):
    counts = {}
    for name in sorted(os.listdir(OUT_DIR)):
        if not name.endswith(".json") or (a.modules and name[:-5] not in a.modules):
            continue
        with open(os.path.join(OUT_DIR, name)) as f:
            r = json.load(f)
        if r["status"] != "ok":
            key = "[module] " + r["status"][:200]
            counts.setdefault(key, []).append(r["module"])
        for t in r["tests"]:
            if t["outcome"] in ("fail", "error"):
                msg = re.sub(r"0x[0-9a-f]+", "0x..", t["msg"])[:a.width]
                counts.setdefault(msg, []).append(r["module"] + ":" + t["id"].split(".")[-1])
    for msg, where in sorted(counts.items(), key=lambda kv: -len(kv[1]))[:a.top]:
        print(f"{len(where):4d}  {msg}\n        {' '.join(where[:6])}")
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run")
    r.add_argument("modules", nargs="*")
    r.add_argument("--set", default="core", choices=["core", "wide", "all"])
    r.add_argument("--out")
    r.add_argument("--cpython", action="store_true")
    c = sub.add_parser("check")
    c.add_argument("--results", default=RESULTS)
    c.add_argument("-v", "--verbose", action="store_true")
    k = sub.add_parser("causes")
    k.add_argument("modules", nargs="*")
    k.add_argument("--top", type=int, default=40)
    k.add_argument("--width", type=int, default=120)
    for p, t in ((r, 300), (c, 120)):
        p.add_argument("--pyjit", help="the interpreter command (default target/release/pyjit)")
        p.add_argument("--timeout", type=int, default=t)
        p.add_argument("--jobs", type=int, default=2)
        p.add_argument("--stdlib", help="the CPython 3.11 library directory whose test package runs")
    a = ap.parse_args()
    return {"run": cmd_run, "check": cmd_check, "causes": cmd_causes}[a.cmd](a)


if __name__ == "__main__":
    sys.exit(main())
