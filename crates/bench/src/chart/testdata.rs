//! Synthetic result files for the chart tests.

use crate::results::{
    BenchmarkResult, ImplResult, Implementation, Machine, NamedValue, Run, RunResults, Status,
};

fn ok(implementation: &str, speedup: Option<f64>) -> ImplResult {
    let wall = 1.0 / speedup.unwrap_or(1.0);
    ImplResult {
        implementation: implementation.to_string(),
        status: Status::Ok,
        error: None,
        checksum: Some("42".to_string()),
        runs: vec![
            Run {
                wall_s: wall,
                cpu_s: wall,
                max_rss_kib: 10_000,
                exit_code: Some(0),
                checksum: Some("42".to_string()),
                iter_times: Vec::new()
            };
            3
        ],
        wall: None,
        cpu: None,
        max_rss_kib: Some(10_000),
        warmup: None,
        speedup,
    }
}

/// A run on `arch` of cpython, pyjit and pypy over `benchmarks` (name,
/// pyjit speedup, pypy speedup), plus a benchmark "broken" on which pyjit
/// failed and pypy is 2.5 times faster. The stored geometric means are those
/// of the given speedups.
pub fn results(arch: &str, benchmarks: &[(&str, f64, f64)]) -> RunResults {
    let mut list: Vec<BenchmarkResult> = benchmarks
        .iter()
        .map(|(name, pyjit, pypy)| BenchmarkResult {
            name: name.to_string(),
            file: format!("bench/programs/{name}.py"),
            results: vec![
                ok("cpython", Some(1.0)),
                ok("pyjit", Some(*pyjit)),
                ok("pypy", Some(*pypy)),
            ],
        })
        .collect();
    let mut failed = ok("pyjit", None);
    failed.status = Status::Failed;
    failed.error = Some("exit status 1: NameError".to_string());
    list.push(BenchmarkResult {
        name: "broken".to_string(),
        file: "bench/programs/broken.py".to_string(),
        results: vec![ok("cpython", Some(1.0)), failed, ok("pypy", Some(2.5))],
    });
    let mean = |f: fn(&(&str, f64, f64)) -> f64| {
        let n = benchmarks.len().max(1) as f64;
        (benchmarks.iter().map(|b| f(b).ln()).sum::<f64>() / n).exp()
    };
    let implementation = |name: &str, version: &str| Implementation {
        name: name.to_string(),
        path: format!("/usr/bin/{name}"),
        version: version.to_string(),
    };
    RunResults {
        schema: crate::results::SCHEMA_VERSION,
        date: "2026-11-24T10:31:07Z".to_string(),
        mode: "full".to_string(),
        machine: Machine {
            arch: arch.to_string(),
            cpu_model: if arch == "aarch64" {
                "Neoverse-N1".to_string()
            } else {
                "AMD EPYC 7B13".to_string()
            },
            cores: 2,
            os: "Linux 6.1.0-18-amd64 (Debian GNU/Linux 12 (bookworm))".to_string(),
            hostname: "bench-host".to_string(),
            load_average: 0.42,
        },
        implementations: vec![
            implementation("cpython", "Python 3.11.7"),
            implementation("pyjit", "pyjit 0.1.0"),
            implementation(
                "pypy",
                "Python 3.9.16 (7.3.11+dfsg-2, Feb 03 2023, 08:50:33)",
            ),
        ],
        reference: "cpython".to_string(),
        benchmarks: list,
        geomean_speedup: vec![
            NamedValue {
                name: "pyjit".to_string(),
                value: mean(|b| b.1),
            },
            NamedValue {
                name: "pypy".to_string(),
                value: mean(|b| b.2),
            },
        ],
    }
}

/// Sets the speedup of `implementation` on `benchmark`.
pub fn with_speedup(
    r: &mut RunResults,
    benchmark: &str,
    implementation: &str,
    speedup: Option<f64>,
) {
    for b in r.benchmarks.iter_mut().filter(|b| b.name == benchmark) {
        for x in b
            .results
            .iter_mut()
            .filter(|x| x.implementation == implementation)
        {
            x.speedup = speedup;
        }
    }
}
