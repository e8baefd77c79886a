"""What the harness asks of a benchmark program, through the environment.

Shared by every program in this directory (the script's directory is first on
sys.path under every implementation). Not a benchmark: pyjit-bench skips files
whose name starts with an underscore.
"""


def _flag(name):
    try:
        import os
    except ImportError:
        return False
    return os.environ.get(name) == "1"


def iter_times_wanted():
    """PYJIT_BENCH_ITER_TIMES=1: print `iter <i> <seconds>` to stderr per round."""
    return _flag("PYJIT_BENCH_ITER_TIMES")


def quick_wanted():
    """PYJIT_BENCH_QUICK=1 asks for a much shorter fixed workload (CI)."""
    return _flag("PYJIT_BENCH_QUICK")
