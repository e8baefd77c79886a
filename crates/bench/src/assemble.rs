//! Turning the raw runs of each implementation into the per-benchmark
//! results: status, statistics, warm-up, speedup over the reference and the
//! geometric means.

use crate::output;
use crate::process::Outcome;
use crate::results::{BenchmarkResult, ImplResult, NamedValue, Run, Status};
use crate::rusage::Exit;
use crate::stats;
use crate::warmup;

/// How one run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunKind {
    /// Exit status 0 and a checksum line.
    Ok,
    Failed,
    Timeout,
}

/// One run as measured, before the comparison with other implementations.
#[derive(Debug, Clone, PartialEq)]
pub struct RawRun {
    pub run: Run,
    pub kind: RunKind,
    /// Why the run is not `Ok`.
    pub error: Option<String>,
}

fn with_tail(mut msg: String, stderr: &str) -> String {
    let tail = output::stderr_tail(stderr, 3);
    if !tail.is_empty() {
        msg.push_str(": ");
        msg.push_str(&tail.join(" | "));
    }
    msg
}

/// Classifies a finished process.
pub fn classify(out: &Outcome, timeout_s: f64) -> RawRun {
    let checksum = output::checksum(&out.stdout);
    let run = Run {
        wall_s: out.wall_s,
        cpu_s: out.cpu_s,
        max_rss_kib: out.max_rss_kib,
        exit_code: match out.exit {
            Exit::Code(c) => Some(c),
            Exit::Signal(_) => None,
        },
        checksum: checksum.clone(),
        iter_times: output::iter_times(&out.stderr),
    };
    let (kind, error) = if out.timed_out {
        (
            RunKind::Timeout,
            Some(with_tail(format!("timed out after {timeout_s} s"), &out.stderr)),
        )
    } else {
        match (out.exit, &checksum) {
            (Exit::Code(0), Some(_)) => (RunKind::Ok, None),
            (Exit::Code(0), None) => (
                RunKind::Failed,
                Some(with_tail("exit status 0 but no 'checksum: ' line on stdout".into(), &out.stderr)),
            ),
            (Exit::Code(c), _) => (RunKind::Failed, Some(with_tail(format!("exit status {c}"), &out.stderr))),
            (Exit::Signal(s), _) => (
                RunKind::Failed,
                Some(with_tail(format!("killed by signal {s}"), &out.stderr)),
            ),
        }
    };
    RawRun { run, kind, error }
}

/// A run that could not even start.
pub fn not_started(error: String) -> RawRun {
    RawRun {
        run: Run {
            wall_s: 0.0,
            cpu_s: 0.0,
            max_rss_kib: 0,
            exit_code: None,
            checksum: None,
            iter_times: Vec::new(),
        },
        kind: RunKind::Failed,
        error: Some(error),
    }
}

/// What the other implementations are checked against.
#[derive(Debug, Clone, PartialEq)]
pub struct Reference<'a> {
    pub name: &'a str,
    /// The reference's checksum; None when it failed.
    pub checksum: Option<&'a str>,
}

/// The checksum of the first successful run.
pub fn first_checksum(runs: &[RawRun]) -> Option<&str> {
    runs.iter()
        .find(|r| r.kind == RunKind::Ok)
        .and_then(|r| r.run.checksum.as_deref())
}

/// Status, statistics and warm-up of one implementation on one benchmark
/// (speedup not yet filled in).
pub fn impl_result(name: &str, runs: &[RawRun], reference: &Reference) -> ImplResult {
    let ok: Vec<&RawRun> = runs.iter().filter(|r| r.kind == RunKind::Ok).collect();
    let checksum = first_checksum(runs).map(str::to_string);
    let is_reference = name == reference.name;
    let first_error = |kind: RunKind| {
        runs.iter()
            .find(|r| r.kind == kind)
            .and_then(|r| r.error.clone())
    };
    let (status, error) = if runs.is_empty() {
        (Status::Failed, Some("no runs".to_string()))
    } else if runs.iter().any(|r| r.kind == RunKind::Timeout) {
        (Status::Timeout, first_error(RunKind::Timeout))
    } else if runs.iter().any(|r| r.kind == RunKind::Failed) {
        (Status::Failed, first_error(RunKind::Failed))
    } else if let Some(other) = ok
        .iter()
        .filter_map(|r| r.run.checksum.as_deref())
        .find(|c| Some(*c) != checksum.as_deref())
    {
        (
            Status::ChecksumMismatch,
            Some(format!(
                "runs disagree: checksum '{}' and '{other}'",
                checksum.as_deref().unwrap_or("")
            )),
        )
    } else {
        match (is_reference, reference.checksum, checksum.as_deref()) {
            (false, Some(want), Some(got)) if want != got => (
                Status::ChecksumMismatch,
                Some(format!(
                    "checksum '{got}' differs from {}'s '{want}'",
                    reference.name
                )),
            ),
            (false, None, _) => (
                Status::Ok,
                Some(format!(
                    "checksum not verified: the reference ({}) failed",
                    reference.name
                )),
            ),
            _ => (Status::Ok, None),
        }
    };
    let walls: Vec<f64> = ok.iter().map(|r| r.run.wall_s).collect();
    let cpus: Vec<f64> = ok.iter().map(|r| r.run.cpu_s).collect();
    let warmups: Vec<warmup::RunWarmup> = ok
        .iter()
        .filter_map(|r| warmup::analyze_run(&r.run.iter_times, r.run.wall_s))
        .collect();
    ImplResult {
        implementation: name.to_string(),
        status,
        error,
        checksum,
        runs: runs.iter().map(|r| r.run.clone()).collect(),
        wall: stats::summarize(&walls),
        cpu: stats::summarize(&cpus),
        max_rss_kib: ok.iter().map(|r| r.run.max_rss_kib).max(),
        warmup: warmup::combine(&warmups),
        speedup: None,
    }
}

/// The result of one benchmark: every implementation's runs, in order,
/// checked against the reference's, with speedups where both succeeded.
pub fn benchmark_result(
    name: &str,
    file: &str,
    runs: &[(String, Vec<RawRun>)],
    reference: &str,
) -> BenchmarkResult {
    let ref_runs = runs.iter().find(|(n, _)| n == reference).map(|(_, r)| r.as_slice());
    let ref_ok = ref_runs
        .map(|r| !r.is_empty() && r.iter().all(|x| x.kind == RunKind::Ok))
        .unwrap_or(false);
    let reference = Reference {
        name: reference,
        checksum: if ref_ok { ref_runs.and_then(first_checksum) } else { None },
    };
    let mut results: Vec<ImplResult> = runs
        .iter()
        .map(|(n, r)| impl_result(n, r, &reference))
        .collect();
    let ref_min = results
        .iter()
        .find(|r| r.implementation == reference.name && r.status == Status::Ok)
        .and_then(|r| r.wall.as_ref())
        .map(|w| w.min);
    for r in &mut results {
        if let (Some(base), Some(wall), Status::Ok) = (ref_min, &r.wall, &r.status) {
            if wall.min > 0.0 {
                r.speedup = Some(base / wall.min);
            }
        }
    }
    BenchmarkResult {
        name: name.to_string(),
        file: file.to_string(),
        results,
    }
}

/// Geometric mean of the speedups per implementation (those with at least
/// one benchmark where it and the reference succeeded), in `names` order.
pub fn geomeans(benchmarks: &[BenchmarkResult], names: &[String]) -> Vec<NamedValue> {
    names
        .iter()
        .filter_map(|name| {
            let speedups: Vec<f64> = benchmarks
                .iter()
                .flat_map(|b| b.results.iter())
                .filter(|r| &r.implementation == name)
                .filter_map(|r| r.speedup)
                .collect();
            stats::geomean(&speedups).map(|value| NamedValue {
                name: name.clone(),
                value,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcome(code: i32, stdout: &str, stderr: &str, wall: f64) -> Outcome {
        Outcome {
            wall_s: wall,
            cpu_s: wall * 0.9,
            max_rss_kib: 1000,
            exit: Exit::Code(code),
            timed_out: false,
            stdout: stdout.to_string(),
            stderr: stderr.to_string(),
        }
    }

    fn ok_run(checksum: &str, wall: f64) -> RawRun {
        classify(&outcome(0, &format!("checksum: {checksum}\n"), "iter 0 0.5\niter 1 0.25\niter 2 0.25\n", wall), 60.0)
    }

    #[test]
    fn classify_ok_failed_timeout() {
        let r = ok_run("42", 1.0);
        assert_eq!(r.kind, RunKind::Ok);
        assert_eq!(r.run.checksum.as_deref(), Some("42"));
        assert_eq!(r.run.iter_times, vec![0.5, 0.25, 0.25]);
        assert_eq!(r.run.exit_code, Some(0));

        let f = classify(&outcome(1, "", "iter 0 0.1\nTraceback\n  line\nImportError: no module named 're'\n", 0.1), 60.0);
        assert_eq!(f.kind, RunKind::Failed);
        assert_eq!(
            f.error.as_deref(),
            Some("exit status 1: Traceback |   line | ImportError: no module named 're'")
        );

        let n = classify(&outcome(0, "hello\n", "", 0.1), 60.0);
        assert_eq!(n.kind, RunKind::Failed);
        assert!(n.error.unwrap().contains("no 'checksum: ' line"));

        let mut t = outcome(0, "", "", 60.0);
        t.timed_out = true;
        t.exit = Exit::Signal(9);
        let t = classify(&t, 60.0);
        assert_eq!(t.kind, RunKind::Timeout);
        assert_eq!(t.run.exit_code, None);
        assert_eq!(t.error.as_deref(), Some("timed out after 60 s"));

        let mut s = outcome(0, "checksum: 1\n", "Segmentation fault\n", 0.5);
        s.exit = Exit::Signal(11);
        let s = classify(&s, 60.0);
        assert_eq!(s.error.as_deref(), Some("killed by signal 11: Segmentation fault"));
    }

    #[test]
    fn speedups_statuses_and_stats() {
        let runs = vec![
            ("pyjit".to_string(), vec![ok_run("7", 0.5), ok_run("7", 0.6)]),
            ("cpython".to_string(), vec![ok_run("7", 1.0), ok_run("7", 1.2)]),
            ("bad".to_string(), vec![ok_run("8", 0.1), ok_run("8", 0.1)]),
        ];
        let b = benchmark_result("x", "bench/programs/x.py", &runs, "cpython");
        let [p, c, bad] = &b.results[..] else { panic!() };
        assert_eq!(p.status, Status::Ok);
        assert_eq!(p.speedup, Some(2.0));
        assert_eq!(p.wall.as_ref().unwrap().median, 0.55);
        assert_eq!(c.speedup, Some(1.0));
        assert_eq!(bad.status, Status::ChecksumMismatch);
        assert_eq!(bad.error.as_deref(), Some("checksum '8' differs from cpython's '7'"));
        assert_eq!(bad.speedup, None);
        let w = p.warmup.as_ref().unwrap();
        assert_eq!((w.first_iter_s, w.steady_iter_s, w.steady_after_iters), (0.5, 0.25, 1));
    }

    #[test]
    fn failed_reference_leaves_others_unverified() {
        let fail = classify(&outcome(2, "", "boom\n", 0.1), 60.0);
        let runs = vec![
            ("cpython".to_string(), vec![fail]),
            ("pyjit".to_string(), vec![ok_run("7", 0.5)]),
        ];
        let b = benchmark_result("x", "x.py", &runs, "cpython");
        assert_eq!(b.results[0].status, Status::Failed);
        assert_eq!(b.results[0].error.as_deref(), Some("exit status 2: boom"));
        assert!(b.results[0].wall.is_none());
        assert_eq!(b.results[1].status, Status::Ok);
        assert!(b.results[1].error.as_deref().unwrap().contains("not verified"));
        assert_eq!(b.results[1].speedup, None);
    }

    #[test]
    fn one_failed_run_fails_the_implementation_but_keeps_stats() {
        let fail = classify(&outcome(1, "", "oops\n", 0.3), 60.0);
        let runs = vec![
            ("cpython".to_string(), vec![ok_run("7", 1.0), ok_run("7", 1.0)]),
            ("pyjit".to_string(), vec![ok_run("7", 0.5), fail]),
        ];
        let b = benchmark_result("x", "x.py", &runs, "cpython");
        assert_eq!(b.results[1].status, Status::Failed);
        assert_eq!(b.results[1].wall.as_ref().unwrap().min, 0.5);
        assert_eq!(b.results[1].runs.len(), 2);
        assert_eq!(b.results[1].speedup, None);
    }

    #[test]
    fn disagreeing_runs_are_a_mismatch() {
        let runs = vec![("cpython".to_string(), vec![ok_run("1", 1.0), ok_run("2", 1.0)])];
        let b = benchmark_result("x", "x.py", &runs, "cpython");
        assert_eq!(b.results[0].status, Status::ChecksumMismatch);
        assert!(b.results[0].error.as_deref().unwrap().contains("runs disagree"));
    }

    #[test]
    fn geomean_over_benchmarks_where_both_succeeded() {
        let mk = |pj: f64, cp: f64| {
            vec![
                ("pyjit".to_string(), vec![ok_run("1", pj)]),
                ("cpython".to_string(), vec![ok_run("1", cp)]),
            ]
        };
        let fail = classify(&outcome(1, "", "", 0.1), 60.0);
        let benches = vec![
            benchmark_result("a", "a.py", &mk(0.5, 1.0), "cpython"),
            benchmark_result("b", "b.py", &mk(1.0, 8.0), "cpython"),
            benchmark_result(
                "c",
                "c.py",
                &[("pyjit".to_string(), vec![fail]), ("cpython".to_string(), vec![ok_run("1", 1.0)])],
                "cpython",
            ),
        ];
        let names = vec!["pyjit".to_string(), "cpython".to_string(), "absent".to_string()];
        let g = geomeans(&benches, &names);
        assert_eq!(g.len(), 2);
        assert_eq!(g[0].name, "pyjit");
        assert!((g[0].value - 4.0).abs() < 1e-9);
        assert_eq!((g[1].name.as_str(), g[1].value), ("cpython", 1.0));
    }
}
