//! The code-quality result file: per program the JIT's figures for both ISAs
//! (from its stats file), the comparison AArch64 vs x86-64, the compile cost,
//! and the totals; serialized as `<date>-codequality.json`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::assemble::{RawRun, RunKind};
use crate::jitstats::{self, CompileCost, Comparison, Isa, IsaTotals, JitStats};
use crate::results::{Implementation, Machine};

/// Bumped when a field changes meaning.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Report {
    pub schema: u32,
    /// Always "codequality" (the suite's files have no such field).
    pub kind: String,
    /// UTC start time, RFC 3339.
    pub date: String,
    pub machine: Machine,
    /// The pyjit that ran: name "pyjit", its command and version line.
    pub pyjit: Implementation,
    /// The JIT threshold passed with `-X jit-threshold=N`.
    pub threshold: u32,
    /// The options every program ran with, e.g. "-X jit=on -X jit-cross -X jit-threshold=50".
    pub options: String,
    pub programs: Vec<ProgramResult>,
    /// Sums (and means) over the programs with status `ok`.
    pub totals: Totals,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The program ran (exit 0, checksum line) and its stats file was read.
    Ok,
    /// Non-zero exit, a signal or no checksum line.
    Failed,
    /// The time limit was hit.
    Timeout,
    /// The program ran but left no readable stats file.
    NoStats,
}

impl Status {
    pub fn word(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Failed => "FAILED",
            Status::Timeout => "TIMEOUT",
            Status::NoStats => "NO STATS",
        }
    }
}

/// The figures of one program (or of all, in the totals).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Figures {
    pub x86_64: IsaTotals,
    pub aarch64: IsaTotals,
    /// AArch64 against x86-64 over the traces compiled for both.
    pub comparison: Comparison,
    /// Mean microseconds per IR op over all traces.
    pub compile: CompileCost,
    /// Trace aborts by reason.
    pub aborts: BTreeMap<String, u64>,
    /// Loops and bridges compiled, trace entries and guard failures, as pyjit counts them.
    pub loops: u64,
    pub bridges: u64,
    pub entries: u64,
    pub guard_failures: u64,
}

impl Figures {
    pub fn of(stats: &JitStats) -> Figures {
        Figures {
            x86_64: IsaTotals::of(&stats.traces, Isa::X86_64),
            aarch64: IsaTotals::of(&stats.traces, Isa::Aarch64),
            comparison: Comparison::of(&stats.traces),
            compile: CompileCost::of(&stats.traces),
            aborts: stats.aborts.clone(),
            loops: stats.loops,
            bridges: stats.bridges,
            entries: stats.entries,
            guard_failures: stats.guard_failures,
        }
    }

    pub fn isa(&self, isa: Isa) -> &IsaTotals {
        match isa {
            Isa::X86_64 => &self.x86_64,
            Isa::Aarch64 => &self.aarch64,
        }
    }

    pub fn aborts_total(&self) -> u64 {
        self.aborts.values().sum()
    }

    /// Adds `o`; the compile means are weighted by their trace counts.
    pub fn add(&mut self, o: &Figures) {
        self.x86_64.add(&o.x86_64);
        self.aarch64.add(&o.aarch64);
        self.comparison.add(&o.comparison);
        let (n, m) = (self.compile.traces as f64, o.compile.traces as f64);
        if n + m > 0.0 {
            let mean = |a: f64, b: f64| (a * n + b * m) / (n + m);
            self.compile = CompileCost {
                traces: self.compile.traces + o.compile.traces,
                record_us: mean(self.compile.record_us, o.compile.record_us),
                optimize_us: mean(self.compile.optimize_us, o.compile.optimize_us),
                emit_us: mean(self.compile.emit_us, o.compile.emit_us),
            };
        }
        for (reason, n) in &o.aborts {
            *self.aborts.entry(reason.clone()).or_default() += n;
        }
        self.loops += o.loops;
        self.bridges += o.bridges;
        self.entries += o.entries;
        self.guard_failures += o.guard_failures;
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ProgramResult {
    /// Program name without `.py`.
    pub name: String,
    /// Path relative to the repository root.
    pub file: String,
    pub status: Status,
    /// Why the status is not `ok`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    pub wall_s: f64,
    /// Present when the status is `ok`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub figures: Option<Figures>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Totals {
    /// Programs with status `ok` (those summed).
    pub programs: u64,
    /// Of those, the programs with at least one trace compiled for both ISAs.
    pub programs_compared: u64,
    /// Of those, the programs whose sums meet the bar.
    pub programs_at_bar: u64,
    pub figures: Figures,
}

/// What happened to one program: the classified run and the stats file
/// (None: not there; Err: could not be read).
pub fn program_result(
    name: &str,
    file: &str,
    run: &RawRun,
    stats: Option<Result<String, String>>,
) -> ProgramResult {
    let mut r = ProgramResult {
        name: name.to_string(),
        file: file.to_string(),
        status: Status::Ok,
        error: None,
        wall_s: run.run.wall_s,
        figures: None,
    };
    let parsed = match run.kind {
        RunKind::Failed => Err((Status::Failed, run.error.clone().unwrap_or_default())),
        RunKind::Timeout => Err((Status::Timeout, run.error.clone().unwrap_or_default())),
        RunKind::Ok => match stats {
            None => Err((
                Status::NoStats,
                "no statistics file was written (JIT off, or a pyjit without PYJIT_JIT_STATS)".to_string(),
            )),
            Some(Err(e)) => Err((Status::NoStats, e)),
            Some(Ok(text)) => jitstats::parse(&text).map_err(|e| (Status::NoStats, format!("statistics file: {e}"))),
        },
    };
    match parsed {
        Ok(stats) => r.figures = Some(Figures::of(&stats)),
        Err((status, error)) => {
            r.status = status;
            r.error = Some(error);
        }
    }
    r
}

/// Totals over the programs that succeeded.
pub fn totals(programs: &[ProgramResult]) -> Totals {
    let mut t = Totals::default();
    for f in programs.iter().filter_map(|p| p.figures.as_ref()) {
        t.programs += 1;
        if f.comparison.traces > 0 {
            t.programs_compared += 1;
            t.programs_at_bar += u64::from(f.comparison.meets_bar());
        }
        t.figures.add(f);
    }
    t
}

#[cfg(test)]
pub mod tests {
    use super::*;
    use crate::jitstats::tests::SAMPLE;
    use crate::results::Run;

    pub fn raw(kind: RunKind, error: Option<&str>) -> RawRun {
        RawRun {
            run: Run {
                wall_s: 0.25,
                cpu_s: 0.2,
                max_rss_kib: 1000,
                exit_code: Some(if kind == RunKind::Ok { 0 } else { 1 }),
                checksum: (kind == RunKind::Ok).then(|| "1".to_string()),
                iter_times: Vec::new(),
            },
            kind,
            error: error.map(str::to_string),
        }
    }

    /// Four programs: two with stats, one failed, one without stats.
    pub fn sample_programs() -> Vec<ProgramResult> {
        let ok = raw(RunKind::Ok, None);
        let second = r#"{"loops": 1, "bridges": 0, "aborts": {"trace too long": 2}, "traces": [
            {"ir_ops": 8, "record_us": 4.0, "optimize_us": 8.0, "emit_us": 16.0,
             "x86_64": {"insns": 16, "bytes": 64, "spills": 1, "reloads": 1, "helper_calls": 2},
             "aarch64": {"insns": 20, "bytes": 80, "spills": 2, "reloads": 1, "helper_calls": 2}}]}"#;
        vec![
            program_result("alpha", "bench/programs/alpha.py", &ok, Some(Ok(SAMPLE.to_string()))),
            program_result("beta", "bench/programs/beta.py", &ok, Some(Ok(second.to_string()))),
            program_result(
                "gamma",
                "bench/programs/gamma.py",
                &raw(RunKind::Failed, Some("exit status 1: ImportError: No module named 're'")),
                None,
            ),
            program_result("delta", "bench/programs/delta.py", &ok, None),
        ]
    }

    #[test]
    fn statuses() {
        let p = sample_programs();
        assert_eq!(p.iter().map(|r| r.status).collect::<Vec<_>>(), [Status::Ok, Status::Ok, Status::Failed, Status::NoStats]);
        assert!(p[2].error.as_deref().unwrap().contains("No module named"));
        assert!(p[2].figures.is_none());
        assert!(p[3].error.as_deref().unwrap().contains("no statistics file"));
        let ok = raw(RunKind::Ok, None);
        let bad = program_result("x", "x.py", &ok, Some(Ok("{oops".to_string())));
        assert_eq!(bad.status, Status::NoStats);
        assert!(bad.error.unwrap().starts_with("statistics file: not JSON"));
        let unreadable = program_result("x", "x.py", &ok, Some(Err("cannot read /t/x.json: denied".into())));
        assert_eq!((unreadable.status, unreadable.error.as_deref()), (Status::NoStats, Some("cannot read /t/x.json: denied")));
        let slow = program_result("x", "x.py", &raw(RunKind::Timeout, Some("timed out after 60 s")), Some(Ok(SAMPLE.into())));
        assert_eq!(slow.status, Status::Timeout);
        assert!(slow.figures.is_none(), "stats of a killed run are not used");
    }

    #[test]
    fn figures_of_one_program() {
        let f = sample_programs()[0].figures.clone().unwrap();
        assert_eq!(f.x86_64.traces, 3);
        assert_eq!(f.aarch64.traces, 2);
        assert_eq!(f.isa(Isa::Aarch64).insns, 88);
        assert_eq!(f.comparison.traces_at_bar, 1);
        assert_eq!(f.aborts_total(), 4);
        assert_eq!((f.loops, f.bridges, f.entries, f.guard_failures), (2, 1, 40, 17));
    }

    #[test]
    fn totals_over_successful_programs() {
        let t = totals(&sample_programs());
        assert_eq!((t.programs, t.programs_compared, t.programs_at_bar), (2, 2, 1));
        let f = &t.figures;
        assert_eq!((f.x86_64.traces, f.x86_64.ir_ops, f.x86_64.insns), (4, 43, 105));
        assert_eq!((f.aarch64.traces, f.aarch64.spills, f.aarch64.reloads), (3, 4, 4));
        assert_eq!(f.comparison.traces, 3);
        assert_eq!(f.comparison.aarch64_spills_reloads, 8);
        assert_eq!(f.comparison.x86_64_spills_reloads, 8);
        assert!(f.comparison.meets_bar());
        assert_eq!(f.aborts_total(), 6);
        assert_eq!(f.aborts["trace too long"], 3);
        // The mean over all four traces: (1.5 + 0.5 + 1 + 4) / 4.
        assert_eq!(f.compile.traces, 4);
        assert!((f.compile.record_us - 1.75).abs() < 1e-12);
        assert!((f.compile.emit_us - 7.0).abs() < 1e-12);
    }

    #[test]
    fn json_round_trip() {
        let p = sample_programs();
        let text = serde_json::to_string(&p).unwrap();
        let back: Vec<ProgramResult> = serde_json::from_str(&text).unwrap();
        assert_eq!(back, p);
        assert!(text.contains("\"status\":\"no_stats\""));
        assert!(!text.contains("\"figures\":null"));
    }
}
