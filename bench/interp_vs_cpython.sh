#!/usr/bin/env bash
# Compare an interpreter against CPython on the core benchmark programs.
#
# usage: bench/interp_vs_cpython.sh [INTERPRETER]
#
#   INTERPRETER   path of the interpreter under test
#                 (default: <repo>/target/release/pyjit)
#
# Environment:
#   PYTHON3        reference interpreter (default: python3)
#   RUNS           runs per interpreter and benchmark (default: 3)
#   BENCH_TIMEOUT  seconds before a single run is killed (default: 300;
#                  only enforced when coreutils `timeout` is available)
#
# For every benchmark the two interpreters are run alternately RUNS times;
# the minimum wall time of each is kept.  A row is marked FAIL (and left out
# of the geometric mean) when the interpreter under test exits non-zero,
# times out, prints no "checksum:" line, or prints a checksum different from
# CPython's.  Output is a Markdown table on stdout; diagnostics go to stderr.

set -u

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
PROGRAMS="$SCRIPT_DIR/programs"

INTERP=${1:-$REPO_ROOT/target/release/pyjit}
PYTHON3=${PYTHON3:-python3}
RUNS=${RUNS:-3}
BENCH_TIMEOUT=${BENCH_TIMEOUT:-300}

BENCHMARKS="richards nbody spectral_norm fannkuch float deltablue nqueens unpack_sequence"

if ! command -v "$PYTHON3" >/dev/null 2>&1; then
    echo "error: reference interpreter '$PYTHON3' not found" >&2
    exit 2
fi
if ! command -v "$INTERP" >/dev/null 2>&1 && [ ! -x "$INTERP" ]; then
    echo "warning: interpreter '$INTERP' not found or not executable; all rows will FAIL" >&2
fi

TIMEOUT_CMD=()
if command -v timeout >/dev/null 2>&1; then
    TIMEOUT_CMD=(timeout "$BENCH_TIMEOUT")
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/interp_vs_cpython.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# run_once INTERP FILE TAG -> sets RUN_TIME (seconds, decimal string),
# RUN_OK (1/0) and RUN_CHECKSUM (the last "checksum:" line, or empty)
run_once() {
    local interp=$1 file=$2 tag=$3
    local out="$WORK/$tag.out" err="$WORK/$tag.err"
    local start end rc
    start=$(date +%s%N)
    ${TIMEOUT_CMD[@]+"${TIMEOUT_CMD[@]}"} "$interp" "$file" >"$out" 2>"$err" </dev/null
    rc=$?
    end=$(date +%s%N)
    RUN_TIME=$(( end - start ))
    RUN_CHECKSUM=$(grep '^checksum: ' "$out" | tail -n 1)
    if [ "$rc" -eq 0 ] && [ -n "$RUN_CHECKSUM" ]; then
        RUN_OK=1
    else
        RUN_OK=0
        {
            if [ "$rc" -eq 0 ]; then
                echo "--- $tag: no 'checksum:' line in output"
            elif [ "$rc" -eq 124 ] && [ ${#TIMEOUT_CMD[@]} -gt 0 ]; then
                echo "--- $tag: timed out after ${BENCH_TIMEOUT}s"
            else
                echo "--- $tag: exit status $rc"
            fi
            tail -n 5 "$err"
        } >&2
    fi
}

# fmt_seconds NANOSECONDS -> "1.234"
fmt_seconds() {
    "$PYTHON3" -c 'import sys; print("%.3f" % (int(sys.argv[1]) / 1e9))' "$1"
}

echo "interpreter under test: $INTERP" >&2
echo "reference: $PYTHON3 ($("$PYTHON3" -c 'import sys; print(sys.version.split()[0])'))," \
     "$RUNS runs each, min wall time" >&2

echo "| benchmark | python3 s | pyjit s | speedup (python3/pyjit) |"
echo "|---|---:|---:|---:|"

SPEEDUPS=""
for bench in $BENCHMARKS; do
    file="$PROGRAMS/$bench.py"
    if [ ! -f "$file" ]; then
        echo "| $bench | missing | missing | FAIL |"
        continue
    fi
    ref_best=""
    ref_sum=""
    ref_ok=1
    test_best=""
    test_ok=1
    reason=""
    for ((i = 1; i <= RUNS; i++)); do
        run_once "$PYTHON3" "$file" "$bench.python3.$i"
        if [ "$RUN_OK" -eq 1 ]; then
            if [ -z "$ref_best" ] || [ "$RUN_TIME" -lt "$ref_best" ]; then ref_best=$RUN_TIME; fi
            if [ -z "$ref_sum" ]; then
                ref_sum=$RUN_CHECKSUM
            elif [ "$ref_sum" != "$RUN_CHECKSUM" ]; then
                ref_ok=0
                echo "--- $bench: python3 checksum differs between runs" >&2
            fi
        else
            ref_ok=0
        fi

        if [ "$test_ok" -eq 1 ]; then
            run_once "$INTERP" "$file" "$bench.test.$i"
            if [ "$RUN_OK" -ne 1 ]; then
                test_ok=0
                reason="error"
            elif [ -n "$ref_sum" ] && [ "$RUN_CHECKSUM" != "$ref_sum" ]; then
                test_ok=0
                reason="wrong checksum"
                echo "--- $bench: checksum mismatch: python3 '$ref_sum' vs '$RUN_CHECKSUM'" >&2
            elif [ -z "$test_best" ] || [ "$RUN_TIME" -lt "$test_best" ]; then
                test_best=$RUN_TIME
            fi
        fi
    done

    if [ "$ref_ok" -ne 1 ] || [ -z "$ref_best" ]; then
        echo "| $bench | FAIL | - | FAIL (python3) |"
        continue
    fi
    ref_s=$(fmt_seconds "$ref_best")
    if [ "$test_ok" -ne 1 ] || [ -z "$test_best" ]; then
        echo "| $bench | $ref_s | FAIL | FAIL${reason:+ ($reason)} |"
        continue
    fi
    test_s=$(fmt_seconds "$test_best")
    speedup=$("$PYTHON3" -c 'import sys; print("%.2f" % (int(sys.argv[1]) / max(int(sys.argv[2]), 1)))' \
        "$ref_best" "$test_best")
    SPEEDUPS="$SPEEDUPS $ref_best:$test_best"
    echo "| $bench | $ref_s | $test_s | ${speedup}x |"
done

echo
"$PYTHON3" - $SPEEDUPS <<'EOF'
import math
import sys

pairs = [arg.split(":") for arg in sys.argv[1:]]
ratios = [int(a) / max(int(b), 1) for a, b in pairs]
if ratios:
    geo = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
    print("geometric mean speedup (python3/pyjit) over %d benchmark(s): %.2fx" % (len(ratios), geo))
else:
    print("geometric mean speedup (python3/pyjit): n/a (no successful benchmarks)")
EOF
