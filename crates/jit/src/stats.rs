//! JIT statistics: what `-X jit-stats` prints at exit and `PYJIT_JIT_STATS=FILE` writes as
//! JSON (`loops`, `bridges`, `aborts` by reason, `guard_failures`, `compile_ms`,
//! `code_bytes`, and per trace its IR size and per ISA compiled its code figures).

use std::collections::BTreeMap;
use std::fmt::Write;

use pyjit_codegen::lower_common::EmitStats;

#[derive(Clone, Debug, Default)]
pub struct TraceStats {
    pub ir_ops: usize,
    /// (ISA name, figures) for each ISA the trace was compiled for.
    pub isas: Vec<(&'static str, EmitStats)>,
    /// Microseconds spent recording, optimising and emitting this trace.
    pub record_us: f64,
    pub optimize_us: f64,
    pub emit_us: f64,
}

#[derive(Clone, Debug, Default)]
pub struct Stats {
    pub loops: usize,
    pub bridges: usize,
    pub aborts: BTreeMap<String, usize>,
    pub guard_failures: usize,
    pub entries: usize,
    /// Entries refused because the state did not match the trace's entry conditions.
    pub entry_refused: usize,
    /// Traces no longer entered: they left after too few iterations per entry.
    pub traces_left: usize,
    pub compile_ms: f64,
    pub code_bytes: usize,
    pub traces: Vec<TraceStats>,
}

impl Stats {
    pub fn abort(&mut self, reason: &str) {
        *self.aborts.entry(reason.to_string()).or_default() += 1;
    }

    pub fn summary(&self) -> String {
        let mut s = String::new();
        let aborts: usize = self.aborts.values().sum();
        let _ = writeln!(
            s,
            "jit: {} loops, {} bridges, {} entries, {} guard failures, {} aborts, {:.2} ms compiling, {} code bytes, {} traces left for exiting too early",
            self.loops, self.bridges, self.entries, self.guard_failures, aborts, self.compile_ms, self.code_bytes, self.traces_left
        );
        for (r, n) in &self.aborts {
            let _ = writeln!(s, "jit:   abort {n:>5}  {r}");
        }
        s
    }

    pub fn json(&self) -> String {
        let mut s = String::from("{\n");
        let _ = writeln!(s, "  \"loops\": {},", self.loops);
        let _ = writeln!(s, "  \"bridges\": {},", self.bridges);
        let aborts: Vec<String> = self.aborts.iter().map(|(r, n)| format!("{}: {n}", json_str(r))).collect();
        let _ = writeln!(s, "  \"aborts\": {{{}}},", aborts.join(", "));
        let _ = writeln!(s, "  \"guard_failures\": {},", self.guard_failures);
        let _ = writeln!(s, "  \"entries\": {},", self.entries);
        let _ = writeln!(s, "  \"traces_left\": {},", self.traces_left);
        let _ = writeln!(s, "  \"compile_ms\": {:.3},", self.compile_ms);
        let _ = writeln!(s, "  \"code_bytes\": {},", self.code_bytes);
        s.push_str("  \"traces\": [");
        for (k, t) in self.traces.iter().enumerate() {
            if k > 0 {
                s.push(',');
            }
            let _ = write!(
                s,
                "\n    {{\"ir_ops\": {}, \"record_us\": {:.1}, \"optimize_us\": {:.1}, \"emit_us\": {:.1}",
                t.ir_ops, t.record_us, t.optimize_us, t.emit_us
            );
            for (isa, e) in &t.isas {
                let _ = write!(
                    s,
                    ", \"{isa}\": {{\"insns\": {}, \"bytes\": {}, \"spills\": {}, \"reloads\": {}, \"helper_calls\": {}}}",
                    e.insns, e.bytes, e.spills, e.reloads, e.helper_calls
                );
            }
            s.push('}');
        }
        s.push_str("\n  ]\n}\n");
        s
    }
}

fn json_str(s: &str) -> String {
    let mut o = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                let _ = write!(o, "\\u{:04x}", c as u32);
            }
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_has_the_documented_keys() {
        let mut st = Stats::default();
        st.abort("call \"x\"");
        st.traces.push(TraceStats { ir_ops: 5, isas: vec![("x86_64", EmitStats::default())], ..Default::default() });
        let j = st.json();
        for k in ["\"loops\"", "\"bridges\"", "\"aborts\"", "\"guard_failures\"", "\"compile_ms\"", "\"code_bytes\"", "\"traces\"", "\"ir_ops\"", "\"insns\"", "\"spills\"", "\"reloads\"", "\"helper_calls\""] {
            assert!(j.contains(k), "{k} missing in {j}");
        }
        assert!(j.contains("\"call \\\"x\\\"\": 1"));
    }
}
