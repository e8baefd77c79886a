//! The result file: what one harness run measured, serialized as JSON.
//!
//! One file per run (bench/results/<date>-<arch>[-quick].json). The chart
//! and compare modes read these files back, so every field a reader needs is
//! stored here rather than recomputed from the raw runs.

use serde::{Deserialize, Serialize};

/// Bumped when a field changes meaning; readers reject other versions.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct RunResults {
    pub schema: u32,
    /// UTC start time, RFC 3339 (`2026-11-24T10:31:07Z`).
    pub date: String,
    /// "full" or "quick".
    pub mode: String,
    pub machine: Machine,
    /// Every implementation that was run, in the order given.
    pub implementations: Vec<Implementation>,
    /// Name of the implementation speedups are relative to (CPython: "cpython").
    pub reference: String,
    pub benchmarks: Vec<BenchmarkResult>,
    /// Geometric mean of the per-benchmark speedups, per implementation name,
    /// over the benchmarks where both it and the reference succeeded.
    pub geomean_speedup: Vec<NamedValue>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Machine {
    /// `x86_64`, `aarch64`, ...
    pub arch: String,
    pub cpu_model: String,
    pub cores: u32,
    /// e.g. "Linux 6.1.0-18-amd64 (Debian GNU/Linux 12 (bookworm))".
    pub os: String,
    pub hostname: String,
    /// Load average (1 min) when the run started: these machines are shared.
    pub load_average: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Implementation {
    /// Short name used everywhere else in the file: "pyjit", "cpython", "pypy".
    pub name: String,
    pub path: String,
    /// First line of `<path> --version` (stdout or stderr), e.g. "Python 3.11.7".
    pub version: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct NamedValue {
    pub name: String,
    pub value: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct BenchmarkResult {
    /// Program name without `.py`: "richards".
    pub name: String,
    /// Path relative to the repository root: "bench/programs/richards.py".
    pub file: String,
    /// One entry per implementation, same order as `RunResults::implementations`.
    pub results: Vec<ImplResult>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Every run exited 0 and printed the same checksum as the reference.
    Ok,
    /// A run exited non-zero, was killed or printed no checksum.
    Failed,
    /// A run's checksum differs from the reference implementation's.
    ChecksumMismatch,
    /// A run exceeded the time limit.
    Timeout,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ImplResult {
    /// Implementation name (matches `Implementation::name`).
    pub implementation: String,
    pub status: Status,
    /// Why the status is not `ok`: exit status and the last stderr lines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The checksum line's value (after `checksum: `) of the first successful run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checksum: Option<String>,
    pub runs: Vec<Run>,
    /// Statistics over the successful runs (absent when none succeeded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wall: Option<Stats>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cpu: Option<Stats>,
    /// Largest max RSS over the runs, KiB.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_rss_kib: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warmup: Option<Warmup>,
    /// Reference min wall / this min wall (>1: faster than the reference).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speedup: Option<f64>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Run {
    pub wall_s: f64,
    /// User + system CPU time of the child, seconds.
    pub cpu_s: f64,
    pub max_rss_kib: u64,
    /// Exit code, or None when killed by a signal.
    pub exit_code: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checksum: Option<String>,
    /// Per-iteration seconds the program reported (`iter <i> <seconds>` on stderr).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub iter_times: Vec<f64>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Stats {
    pub min: f64,
    pub median: f64,
    pub max: f64,
    /// (max - min) / median, in percent.
    pub spread_pct: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Warmup {
    /// The first iteration on its own, seconds (median over runs).
    pub first_iter_s: f64,
    /// Median iteration time once steady, seconds.
    pub steady_iter_s: f64,
    /// Iterations run before the steady state began (0: steady from the start).
    pub steady_after_iters: u32,
    /// Seconds from process start to the start of the first steady iteration
    /// (median over runs): startup plus warm-up.
    pub time_to_steady_s: f64,
}
