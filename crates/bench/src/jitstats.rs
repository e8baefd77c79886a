//! Reading the JIT statistics pyjit writes at exit with `PYJIT_JIT_STATS=FILE`
//! (the format of crates/jit/src/stats.rs), and summing them per ISA.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The two instruction sets the JIT compiles for, in table order.
pub const ISAS: [Isa; 2] = [Isa::X86_64, Isa::Aarch64];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Isa {
    X86_64,
    Aarch64,
}

impl Isa {
    /// The key in pyjit's JSON and in ours.
    pub fn key(self) -> &'static str {
        match self {
            Isa::X86_64 => "x86_64",
            Isa::Aarch64 => "aarch64",
        }
    }

    /// The name for people.
    pub fn title(self) -> &'static str {
        match self {
            Isa::X86_64 => "x86-64",
            Isa::Aarch64 => "AArch64",
        }
    }
}

/// One ISA's figures for one compiled trace.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct EmitFigures {
    #[serde(default)]
    pub insns: u64,
    #[serde(default)]
    pub bytes: u64,
    #[serde(default)]
    pub spills: u64,
    #[serde(default)]
    pub reloads: u64,
    #[serde(default)]
    pub helper_calls: u64,
}

/// One compiled trace.  The compile times are microseconds per IR op.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct TraceStats {
    #[serde(default)]
    pub ir_ops: u64,
    #[serde(default)]
    pub record_us: f64,
    #[serde(default)]
    pub optimize_us: f64,
    #[serde(default)]
    pub emit_us: f64,
    /// Absent when the trace was not compiled for that ISA (no `-X jit-cross`,
    /// or the cross compilation failed).
    #[serde(default)]
    pub x86_64: Option<EmitFigures>,
    #[serde(default)]
    pub aarch64: Option<EmitFigures>,
}

impl TraceStats {
    pub fn isa(&self, isa: Isa) -> Option<&EmitFigures> {
        match isa {
            Isa::X86_64 => self.x86_64.as_ref(),
            Isa::Aarch64 => self.aarch64.as_ref(),
        }
    }

    /// Compiled for both ISAs, AArch64's spills + reloads at most x86-64's and
    /// the same number of helper calls (None: not compiled for both).
    pub fn at_bar(&self) -> Option<bool> {
        let (x, a) = (self.x86_64?, self.aarch64?);
        Some(a.spills + a.reloads <= x.spills + x.reloads && a.helper_calls == x.helper_calls)
    }
}

/// Everything in one stats file.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct JitStats {
    #[serde(default)]
    pub loops: u64,
    #[serde(default)]
    pub bridges: u64,
    #[serde(default)]
    pub aborts: BTreeMap<String, u64>,
    #[serde(default)]
    pub guard_failures: u64,
    #[serde(default)]
    pub entries: u64,
    #[serde(default)]
    pub compile_ms: f64,
    #[serde(default)]
    pub code_bytes: u64,
    #[serde(default)]
    pub traces: Vec<TraceStats>,
}

/// Parses a stats file's text.
pub fn parse(text: &str) -> Result<JitStats, String> {
    let v: serde_json::Value =
        serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
    if !v.is_object() || v.get("traces").is_none() {
        return Err("not pyjit JIT statistics (no \"traces\")".to_string());
    }
    serde_json::from_value(v).map_err(|e| format!("unexpected JIT statistics: {e}"))
}

/// Sums of one ISA's figures over a set of traces.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct IsaTotals {
    /// Traces compiled for this ISA.
    pub traces: u64,
    /// IR ops of those traces.
    pub ir_ops: u64,
    pub insns: u64,
    pub bytes: u64,
    pub spills: u64,
    pub reloads: u64,
    pub helper_calls: u64,
}

impl IsaTotals {
    pub fn of(traces: &[TraceStats], isa: Isa) -> IsaTotals {
        let mut t = IsaTotals::default();
        for tr in traces {
            if let Some(e) = tr.isa(isa) {
                t.traces += 1;
                t.ir_ops += tr.ir_ops;
                t.insns += e.insns;
                t.bytes += e.bytes;
                t.spills += e.spills;
                t.reloads += e.reloads;
                t.helper_calls += e.helper_calls;
            }
        }
        t
    }

    pub fn add(&mut self, o: &IsaTotals) {
        self.traces += o.traces;
        self.ir_ops += o.ir_ops;
        self.insns += o.insns;
        self.bytes += o.bytes;
        self.spills += o.spills;
        self.reloads += o.reloads;
        self.helper_calls += o.helper_calls;
    }

    /// Machine instructions per IR op (None without IR ops).
    pub fn insns_per_ir_op(&self) -> Option<f64> {
        (self.ir_ops > 0).then(|| self.insns as f64 / self.ir_ops as f64)
    }
}

/// The two ISAs side by side, over the traces compiled for both.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// Traces compiled for both ISAs.
    pub traces: u64,
    /// Of those, the traces where AArch64 meets the bar on its own.
    pub traces_at_bar: u64,
    pub x86_64_spills_reloads: u64,
    pub aarch64_spills_reloads: u64,
    pub x86_64_helper_calls: u64,
    pub aarch64_helper_calls: u64,
}

impl Comparison {
    pub fn of(traces: &[TraceStats]) -> Comparison {
        let mut c = Comparison::default();
        for tr in traces {
            let (Some(x), Some(a), Some(at_bar)) = (tr.x86_64, tr.aarch64, tr.at_bar()) else {
                continue;
            };
            c.traces += 1;
            c.traces_at_bar += u64::from(at_bar);
            c.x86_64_spills_reloads += x.spills + x.reloads;
            c.aarch64_spills_reloads += a.spills + a.reloads;
            c.x86_64_helper_calls += x.helper_calls;
            c.aarch64_helper_calls += a.helper_calls;
        }
        c
    }

    pub fn add(&mut self, o: &Comparison) {
        self.traces += o.traces;
        self.traces_at_bar += o.traces_at_bar;
        self.x86_64_spills_reloads += o.x86_64_spills_reloads;
        self.aarch64_spills_reloads += o.aarch64_spills_reloads;
        self.x86_64_helper_calls += o.x86_64_helper_calls;
        self.aarch64_helper_calls += o.aarch64_helper_calls;
    }

    /// The project's bar on the sums: AArch64's spills + reloads at most
    /// x86-64's and the same number of helper calls.
    pub fn meets_bar(&self) -> bool {
        self.aarch64_spills_reloads <= self.x86_64_spills_reloads
            && self.aarch64_helper_calls == self.x86_64_helper_calls
    }
}

/// Mean compile cost per IR op over a set of traces, microseconds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct CompileCost {
    /// Traces averaged over.
    pub traces: u64,
    pub record_us: f64,
    pub optimize_us: f64,
    pub emit_us: f64,
}

impl CompileCost {
    /// The plain mean over `traces` of each trace's microseconds per IR op.
    pub fn of<'a>(traces: impl IntoIterator<Item = &'a TraceStats>) -> CompileCost {
        let mut c = CompileCost::default();
        for t in traces {
            c.traces += 1;
            c.record_us += t.record_us;
            c.optimize_us += t.optimize_us;
            c.emit_us += t.emit_us;
        }
        if c.traces > 0 {
            let n = c.traces as f64;
            c.record_us /= n;
            c.optimize_us /= n;
            c.emit_us /= n;
        }
        c
    }
}

#[cfg(test)]
pub mod tests {
    use super::*;

    /// A stats file as pyjit writes it: three traces, the third one compiled
    /// for x86-64 only.
    pub const SAMPLE: &str = r#"{
  "loops": 2,
  "bridges": 1,
  "aborts": {"call to builtin \"len\"": 3, "trace too long": 1},
  "guard_failures": 17,
  "entries": 40,
  "compile_ms": 1.250,
  "code_bytes": 900,
  "traces": [
    {"ir_ops": 20, "record_us": 1.5, "optimize_us": 3.0, "emit_us": 6.0, "x86_64": {"insns": 50, "bytes": 200, "spills": 2, "reloads": 3, "helper_calls": 4}, "aarch64": {"insns": 60, "bytes": 240, "spills": 1, "reloads": 2, "helper_calls": 4}},
    {"ir_ops": 10, "record_us": 0.5, "optimize_us": 1.0, "emit_us": 2.0, "x86_64": {"insns": 30, "bytes": 120, "spills": 0, "reloads": 1, "helper_calls": 1}, "aarch64": {"insns": 28, "bytes": 112, "spills": 1, "reloads": 1, "helper_calls": 1}},
    {"ir_ops": 5, "record_us": 1.0, "optimize_us": 2.0, "emit_us": 4.0, "x86_64": {"insns": 9, "bytes": 40, "spills": 0, "reloads": 0, "helper_calls": 0}}
  ]
}
"#;

    #[test]
    fn parses_the_sample() {
        let s = parse(SAMPLE).unwrap();
        assert_eq!((s.loops, s.bridges, s.guard_failures, s.entries, s.code_bytes), (2, 1, 17, 40, 900));
        assert_eq!(s.compile_ms, 1.25);
        assert_eq!(s.aborts.values().sum::<u64>(), 4);
        assert_eq!(s.aborts["call to builtin \"len\""], 3);
        assert_eq!(s.traces.len(), 3);
        assert_eq!(s.traces[0].aarch64.unwrap().insns, 60);
        assert_eq!(s.traces[2].aarch64, None);
        assert_eq!(s.traces[1].emit_us, 2.0);
    }

    #[test]
    fn unknown_keys_are_ignored_and_missing_ones_default() {
        let s = parse(r#"{"traces": [{"ir_ops": 3, "riscv64": {"insns": 1}, "x86_64": {"insns": 7}}], "later": true}"#).unwrap();
        assert_eq!(s.loops, 0);
        assert!(s.aborts.is_empty());
        assert_eq!(s.traces[0].x86_64.unwrap(), EmitFigures { insns: 7, ..Default::default() });
        let empty = parse(r#"{"loops": 0, "traces": []}"#).unwrap();
        assert!(empty.traces.is_empty());
    }

    #[test]
    fn rejects_what_is_not_a_stats_file() {
        assert!(parse("").unwrap_err().contains("not JSON"));
        assert!(parse("{\"loops\": 1,").unwrap_err().contains("not JSON"));
        assert!(parse("[1, 2]").unwrap_err().contains("no \"traces\""));
        assert!(parse("{\"loops\": 1}").unwrap_err().contains("no \"traces\""));
        assert!(parse("{\"traces\": 5}").unwrap_err().contains("unexpected"));
        assert!(parse("{\"traces\": [{\"ir_ops\": -1}]}").unwrap_err().contains("unexpected"));
    }

    #[test]
    fn totals_per_isa() {
        let s = parse(SAMPLE).unwrap();
        let x = IsaTotals::of(&s.traces, Isa::X86_64);
        assert_eq!(x, IsaTotals { traces: 3, ir_ops: 35, insns: 89, bytes: 360, spills: 2, reloads: 4, helper_calls: 5 });
        let a = IsaTotals::of(&s.traces, Isa::Aarch64);
        assert_eq!(a, IsaTotals { traces: 2, ir_ops: 30, insns: 88, bytes: 352, spills: 2, reloads: 3, helper_calls: 5 });
        assert!((a.insns_per_ir_op().unwrap() - 88.0 / 30.0).abs() < 1e-12);
        assert_eq!(IsaTotals::default().insns_per_ir_op(), None);
        let mut sum = x;
        sum.add(&a);
        assert_eq!((sum.traces, sum.ir_ops, sum.insns), (5, 65, 177));
    }

    #[test]
    fn comparison_over_traces_compiled_for_both() {
        let s = parse(SAMPLE).unwrap();
        assert_eq!(s.traces[0].at_bar(), Some(true));
        assert_eq!(s.traces[1].at_bar(), Some(false), "2 spills+reloads against 1");
        assert_eq!(s.traces[2].at_bar(), None);
        let c = Comparison::of(&s.traces);
        assert_eq!(
            c,
            Comparison {
                traces: 2,
                traces_at_bar: 1,
                x86_64_spills_reloads: 6,
                aarch64_spills_reloads: 5,
                x86_64_helper_calls: 5,
                aarch64_helper_calls: 5,
            }
        );
        assert!(c.meets_bar(), "the sums meet the bar although one trace does not");
        let mut worse = c;
        worse.aarch64_helper_calls += 1;
        assert!(!worse.meets_bar());
        let mut sum = c;
        sum.add(&c);
        assert_eq!((sum.traces, sum.traces_at_bar, sum.x86_64_spills_reloads), (4, 2, 12));
    }

    #[test]
    fn compile_cost_is_the_mean_over_traces() {
        let s = parse(SAMPLE).unwrap();
        let c = CompileCost::of(&s.traces);
        assert_eq!(c.traces, 3);
        assert!((c.record_us - 1.0).abs() < 1e-12);
        assert!((c.optimize_us - 2.0).abs() < 1e-12);
        assert!((c.emit_us - 4.0).abs() < 1e-12);
        assert_eq!(CompileCost::of(&[]), CompileCost::default());
    }
}
