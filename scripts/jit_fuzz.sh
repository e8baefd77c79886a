#!/usr/bin/env bash
# Differential fuzzing of the JIT beyond the test's default 300 programs: runs the jit_fuzz
# test (crates/pyjit/tests/jit_fuzz.rs) on COUNT programs from seed SEED.
#
# Usage: scripts/jit_fuzz.sh [SEED [COUNT]]      (default: a seed from the clock, 5000)
#   PYJIT_FUZZ_CPYTHON=1 also compares the interpreter with python3;
#   PYJIT_FUZZ_DUMP=DIR keeps every program.
# Mismatching programs are written to target/jit-fuzz-failures/seed-N.py.
# The build runs under the workspace's cargo lock (PYJIT_CARGO_LOCK, default
# /tmp/pyjit-cargo.lock, when flock is installed); the fuzzing itself does not hold it.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

seed="${1:-$(date +%s)}"
count="${2:-5000}"

build=(cargo test --release -p pyjit --test jit_fuzz --no-run)
lock="${PYJIT_CARGO_LOCK:-/tmp/pyjit-cargo.lock}"
if command -v flock >/dev/null; then
    build=(flock "$lock" "${build[@]}")
fi
log="$("${build[@]}" 2>&1)" || { printf '%s\n' "$log" >&2; exit 1; }
exe="$(printf '%s\n' "$log" | sed -n 's/.*Executable tests\/jit_fuzz\.rs (\(.*\))$/\1/p' | tail -n 1)"
if [ -z "$exe" ]; then
    printf '%s\n' "$log" >&2
    echo "jit_fuzz.sh: could not find the test executable in cargo's output" >&2
    exit 1
fi

echo "jit_fuzz.sh: $count programs from seed $seed" >&2
PYJIT_FUZZ_SEED="$seed" PYJIT_FUZZ_COUNT="$count" exec "$exe" jit_differential_fuzz --exact
