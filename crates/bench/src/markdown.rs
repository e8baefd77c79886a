//! The Markdown report of a result file.

use std::fmt::Write;

use crate::results::{ImplResult, RunResults, Status};

/// Seconds with about three significant digits.
pub fn secs(s: f64) -> String {
    if s >= 100.0 {
        format!("{s:.0} s")
    } else if s >= 10.0 {
        format!("{s:.1} s")
    } else if s >= 1.0 {
        format!("{s:.2} s")
    } else {
        format!("{s:.3} s")
    }
}

/// A speedup factor: `2.31×`, `0.452×`.
pub fn factor(x: f64) -> String {
    if x >= 10.0 {
        format!("{x:.1}×")
    } else if x >= 1.0 {
        format!("{x:.2}×")
    } else {
        format!("{x:.3}×")
    }
}

fn mib(kib: u64) -> String {
    format!("{:.1} MiB", kib as f64 / 1024.0)
}

/// The cell text of an implementation that did not succeed.
pub fn status_word(status: &Status) -> &'static str {
    match status {
        Status::Ok => "ok",
        Status::Failed => "FAILED",
        Status::ChecksumMismatch => "MISMATCH",
        Status::Timeout => "TIMEOUT",
    }
}

fn row(cells: &[String]) -> String {
    format!("| {} |\n", cells.join(" | "))
}

fn header(names: &[String], right_aligned_from: usize) -> String {
    let mut s = row(names);
    let rule: Vec<String> = (0..names.len())
        .map(|i| if i < right_aligned_from { "---".to_string() } else { "---:".to_string() })
        .collect();
    s.push_str(&row(&rule));
    s
}

fn non_reference(results: &RunResults) -> Vec<String> {
    results
        .implementations
        .iter()
        .map(|i| i.name.clone())
        .filter(|n| n != &results.reference)
        .collect()
}

fn find<'a>(results: &'a [ImplResult], name: &str) -> Option<&'a ImplResult> {
    results.iter().find(|r| r.implementation == name)
}

fn wall_cell(r: Option<&ImplResult>) -> String {
    match r {
        None => "–".to_string(),
        Some(r) if r.status != Status::Ok => status_word(&r.status).to_string(),
        Some(r) => match &r.wall {
            Some(w) if r.runs.len() > 1 => format!("{} ±{:.0}%", secs(w.min), w.spread_pct),
            Some(w) => secs(w.min),
            None => "–".to_string(),
        },
    }
}

/// Min wall time (± spread) per implementation and speedup over the
/// reference per benchmark, with a geometric-mean row.
pub fn summary_table(results: &RunResults) -> String {
    let names: Vec<String> = results.implementations.iter().map(|i| i.name.clone()).collect();
    let others = non_reference(results);
    let mut head = vec!["benchmark".to_string()];
    head.extend(names.iter().map(|n| format!("{n} (min wall)")));
    head.extend(others.iter().map(|n| format!("{n} speedup")));
    let mut s = header(&head, 1);
    for b in &results.benchmarks {
        let mut cells = vec![b.name.clone()];
        cells.extend(names.iter().map(|n| wall_cell(find(&b.results, n))));
        cells.extend(others.iter().map(|n| {
            find(&b.results, n)
                .and_then(|r| r.speedup)
                .map(factor)
                .unwrap_or_else(|| "–".to_string())
        }));
        s.push_str(&row(&cells));
    }
    let mut cells = vec!["**geometric mean**".to_string()];
    cells.extend(names.iter().map(|_| String::new()));
    cells.extend(others.iter().map(|n| {
        results
            .geomean_speedup
            .iter()
            .find(|g| &g.name == n)
            .map(|g| format!("**{}**", factor(g.value)))
            .unwrap_or_else(|| "–".to_string())
    }));
    s.push_str(&row(&cells));
    s
}

/// Min CPU time and max RSS per implementation.
pub fn resources_table(results: &RunResults) -> String {
    let names: Vec<String> = results.implementations.iter().map(|i| i.name.clone()).collect();
    let mut head = vec!["benchmark".to_string()];
    for n in &names {
        head.push(format!("{n} CPU"));
        head.push(format!("{n} max RSS"));
    }
    let mut s = header(&head, 1);
    for b in &results.benchmarks {
        let mut cells = vec![b.name.clone()];
        for n in &names {
            let r = find(&b.results, n);
            cells.push(
                r.and_then(|r| r.cpu.as_ref())
                    .map(|c| secs(c.min))
                    .unwrap_or_else(|| "–".to_string()),
            );
            cells.push(
                r.and_then(|r| r.max_rss_kib)
                    .map(mib)
                    .unwrap_or_else(|| "–".to_string()),
            );
        }
        s.push_str(&row(&cells));
    }
    s
}

/// First iteration, steady iteration, iterations and time to steady state.
pub fn warmup_table(results: &RunResults) -> String {
    let head: Vec<String> = [
        "benchmark",
        "implementation",
        "first iteration",
        "steady iteration",
        "first / steady",
        "iterations to steady",
        "time to steady",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let mut s = header(&head, 2);
    for b in &results.benchmarks {
        for r in &b.results {
            let Some(w) = &r.warmup else { continue };
            let iters = r.runs.iter().map(|x| x.iter_times.len()).max().unwrap_or(0);
            let to_steady = if iters > 0 && w.steady_after_iters as usize >= iters {
                format!("not reached in {iters}")
            } else {
                format!("{} of {iters}", w.steady_after_iters)
            };
            let ratio = if w.steady_iter_s > 0.0 {
                format!("{:.2}", w.first_iter_s / w.steady_iter_s)
            } else {
                "–".to_string()
            };
            s.push_str(&row(&[
                b.name.clone(),
                r.implementation.clone(),
                secs(w.first_iter_s),
                secs(w.steady_iter_s),
                ratio,
                to_steady,
                secs(w.time_to_steady_s),
            ]));
        }
    }
    s
}

/// One line per implementation result that is not ok (or has a note).
pub fn problems(results: &RunResults) -> Vec<String> {
    let mut out = Vec::new();
    for b in &results.benchmarks {
        for r in &b.results {
            if r.status != Status::Ok || r.error.is_some() {
                out.push(format!(
                    "{} / {}: {}{}",
                    b.name,
                    r.implementation,
                    if r.status == Status::Ok { "note" } else { status_word(&r.status) },
                    r.error.as_deref().map(|e| format!(" – {e}")).unwrap_or_default()
                ));
            }
        }
    }
    out
}

/// The whole report: header, the three tables and the problems.
pub fn report(results: &RunResults) -> String {
    let m = &results.machine;
    let runs = results
        .benchmarks
        .iter()
        .flat_map(|b| b.results.iter())
        .map(|r| r.runs.len())
        .max()
        .unwrap_or(0);
    let mut s = String::new();
    let day = results.date.get(..10).unwrap_or(&results.date);
    let quick = if results.mode == "quick" { " (quick)" } else { "" };
    let _ = writeln!(s, "# pyjit-bench: {day}, {}{quick}\n", m.arch);
    let _ = writeln!(s, "- Date: {} (UTC)", results.date);
    let _ = writeln!(
        s,
        "- Machine: {}, {}, {} cores, {}, host `{}`",
        m.arch, m.cpu_model, m.cores, m.os, m.hostname
    );
    let _ = writeln!(s, "- Mode: {}, {runs} run(s) per program and implementation, interleaved, one process at a time", results.mode);
    let _ = writeln!(s, "- Implementations (speedups are relative to `{}`):", results.reference);
    for i in &results.implementations {
        let _ = writeln!(s, "  - `{}`: {} (`{}`)", i.name, i.version, i.path);
    }
    let _ = writeln!(
        s,
        "\n> Timings from a shared machine (load average {:.2} at the start): other jobs \
         add noise. The tables show the minimum over the runs, the least disturbed one; \
         ±N% is the spread (max − min) / median over the runs.\n",
        m.load_average
    );
    let _ = writeln!(s, "## Wall time and speedup over {}\n", results.reference);
    s.push_str(&summary_table(results));
    let _ = writeln!(s, "\n## CPU time (user + system, min) and peak memory (max RSS)\n");
    s.push_str(&resources_table(results));
    let _ = writeln!(
        s,
        "\n## Warm-up\n\nFrom the per-iteration times the programs report (medians over the runs). \
         Steady iteration: median of the last half of the iterations; steady state starts at the \
         first iteration from which the times stay within 10% of it (or within twice the noise of \
         the late iterations, up to 50%; a rolling median ignores isolated spikes); time to steady: \
         process start-up plus the iterations before it.\n"
    );
    s.push_str(&warmup_table(results));
    let problems = problems(results);
    if !problems.is_empty() {
        let _ = writeln!(s, "\n## Failures and notes\n");
        for p in problems {
            let _ = writeln!(s, "- {}", p.replace('|', "\\|"));
        }
    }
    s
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::results::*;

    fn run(wall: f64, checksum: &str, iters: Vec<f64>) -> Run {
        Run {
            wall_s: wall,
            cpu_s: wall,
            max_rss_kib: 20480,
            exit_code: Some(0),
            checksum: Some(checksum.to_string()),
            iter_times: iters,
        }
    }

    fn stats(min: f64, max: f64) -> Stats {
        Stats { min, median: (min + max) / 2.0, max, spread_pct: (max - min) / ((min + max) / 2.0) * 100.0 }
    }

    fn ok(name: &str, min: f64, max: f64, speedup: Option<f64>, warmup: Option<Warmup>) -> ImplResult {
        ImplResult {
            implementation: name.to_string(),
            status: Status::Ok,
            error: None,
            checksum: Some("7".to_string()),
            runs: vec![run(min, "7", vec![1.0; 6]), run(max, "7", vec![1.0; 6])],
            wall: Some(stats(min, max)),
            cpu: Some(stats(min, max)),
            max_rss_kib: Some(20480),
            warmup,
            speedup,
        }
    }

    /// A small result file used by the tests of several modules.
    pub(crate) fn sample() -> RunResults {
        let warm = Warmup { first_iter_s: 2.0, steady_iter_s: 0.5, steady_after_iters: 2, time_to_steady_s: 3.1 };
        let never = Warmup { first_iter_s: 1.0, steady_iter_s: 1.0, steady_after_iters: 6, time_to_steady_s: 6.5 };
        let failed = ImplResult {
            implementation: "pyjit".to_string(),
            status: Status::Failed,
            error: Some("exit status 1: ImportError: No module named 're'".to_string()),
            checksum: None,
            runs: vec![Run { exit_code: Some(1), checksum: None, ..run(0.1, "", vec![]) }],
            wall: None,
            cpu: None,
            max_rss_kib: None,
            warmup: None,
            speedup: None,
        };
        RunResults {
            schema: SCHEMA_VERSION,
            date: "2026-11-24T10:31:07Z".to_string(),
            mode: "full".to_string(),
            machine: Machine {
                arch: "x86_64".to_string(),
                cpu_model: "Test CPU".to_string(),
                cores: 2,
                os: "Linux 6.1 (Debian)".to_string(),
                hostname: "box".to_string(),
                load_average: 1.5,
            },
            implementations: vec![
                Implementation { name: "pyjit".into(), path: "/r/pyjit".into(), version: "Python 3.11.7 (pyjit 0.1.0)".into() },
                Implementation { name: "cpython".into(), path: "/usr/bin/python3".into(), version: "Python 3.11.7".into() },
            ],
            reference: "cpython".to_string(),
            benchmarks: vec![
                BenchmarkResult {
                    name: "richards".into(),
                    file: "bench/programs/richards.py".into(),
                    results: vec![ok("pyjit", 0.5, 0.55, Some(4.0), Some(warm)), ok("cpython", 2.0, 2.2, Some(1.0), Some(never))],
                },
                BenchmarkResult {
                    name: "regex_bench".into(),
                    file: "bench/programs/regex_bench.py".into(),
                    results: vec![failed, ok("cpython", 1.5, 1.5, Some(1.0), None)],
                },
            ],
            geomean_speedup: vec![
                NamedValue { name: "pyjit".into(), value: 4.0 },
                NamedValue { name: "cpython".into(), value: 1.0 },
            ],
        }
    }

    #[test]
    fn number_formats() {
        assert_eq!(secs(123.4), "123 s");
        assert_eq!(secs(12.34), "12.3 s");
        assert_eq!(secs(1.234), "1.23 s");
        assert_eq!(secs(0.1234), "0.123 s");
        assert_eq!(factor(2.345), "2.35×");
        assert_eq!(factor(0.4567), "0.457×");
        assert_eq!(factor(12.34), "12.3×");
    }

    #[test]
    fn summary_table_content() {
        let t = summary_table(&sample());
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines[0], "| benchmark | pyjit (min wall) | cpython (min wall) | pyjit speedup |");
        assert_eq!(lines[1], "| --- | ---: | ---: | ---: |");
        assert_eq!(lines[2], "| richards | 0.500 s ±10% | 2.00 s ±10% | 4.00× |");
        assert_eq!(lines[3], "| regex_bench | FAILED | 1.50 s ±0% | – |");
        assert_eq!(lines[4], "| **geometric mean** |  |  | **4.00×** |");
        assert_eq!(lines.len(), 5);
    }

    #[test]
    fn resources_and_warmup_tables() {
        let r = resources_table(&sample());
        assert!(r.contains("| richards | 0.500 s | 20.0 MiB | 2.00 s | 20.0 MiB |"), "{r}");
        assert!(r.contains("| regex_bench | – | – | 1.50 s | 20.0 MiB |"), "{r}");
        let w = warmup_table(&sample());
        assert!(w.contains("| richards | pyjit | 2.00 s | 0.500 s | 4.00 | 2 of 6 | 3.10 s |"), "{w}");
        assert!(w.contains("| richards | cpython | 1.00 s | 1.00 s | 1.00 | not reached in 6 | 6.50 s |"), "{w}");
        assert!(!w.contains("regex_bench"));
    }

    #[test]
    fn full_report_has_header_caveat_and_failures() {
        let md = report(&sample());
        assert!(md.starts_with("# pyjit-bench: 2026-11-24, x86_64\n"));
        assert!(md.contains("Test CPU, 2 cores, Linux 6.1 (Debian)"));
        assert!(md.contains("`pyjit`: Python 3.11.7 (pyjit 0.1.0) (`/r/pyjit`)"));
        assert!(md.contains("shared machine (load average 1.50"));
        assert!(md.contains("## Warm-up"));
        assert!(md.contains("- regex_bench / pyjit: FAILED – exit status 1: ImportError"));
        assert_eq!(problems(&sample()).len(), 1);
    }
}
