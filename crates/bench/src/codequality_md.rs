//! The Markdown of a code-quality result: a table per ISA, AArch64 against
//! x86-64, the compile cost, the aborts and the programs without figures.

use std::fmt::Write;

use crate::codequality::{Figures, ProgramResult, Report, Status};
use crate::jitstats::{Isa, IsaTotals, ISAS};

const NONE: &str = "–";

fn row(cells: &[String]) -> String {
    format!("| {} |\n", cells.join(" | "))
}

/// The header row and the rule: the first column left-aligned, the others right-aligned
/// except those in `left`.
fn header(names: &[&str], left: &[usize]) -> String {
    let names: Vec<String> = names.iter().map(|s| s.to_string()).collect();
    let rule: Vec<String> = (0..names.len())
        .map(|i| if i == 0 || left.contains(&i) { "---" } else { "---:" }.to_string())
        .collect();
    row(&names) + &row(&rule)
}

/// A row for a program without figures: its status, then dashes.
fn status_row(p: &ProgramResult, columns: usize) -> String {
    let mut cells = vec![p.name.clone(), p.status.word().to_string()];
    cells.resize(columns, NONE.to_string());
    row(&cells)
}

fn totals_label(r: &Report) -> String {
    let n = r.totals.programs;
    format!("**total ({n} program{})**", if n == 1 { "" } else { "s" })
}

fn ratio(x: Option<f64>) -> String {
    x.map(|v| format!("{v:.2}")).unwrap_or_else(|| NONE.to_string())
}

fn isa_cells(t: &IsaTotals, aborts: u64) -> Vec<String> {
    vec![
        t.traces.to_string(),
        t.ir_ops.to_string(),
        t.insns.to_string(),
        ratio(t.insns_per_ir_op()),
        t.bytes.to_string(),
        t.spills.to_string(),
        t.reloads.to_string(),
        t.helper_calls.to_string(),
        aborts.to_string(),
    ]
}

fn bold(cells: Vec<String>) -> Vec<String> {
    cells.into_iter().map(|c| format!("**{c}**")).collect()
}

/// One row per program with this ISA's figures, and the totals.
pub fn isa_table(r: &Report, isa: Isa) -> String {
    let head = [
        "program", "traces", "IR ops", "insns", "insns / IR op", "code bytes", "spills", "reloads",
        "helper calls", "aborts",
    ];
    let mut s = header(&head, &[]);
    for p in &r.programs {
        match &p.figures {
            Some(f) => {
                let mut cells = vec![p.name.clone()];
                cells.extend(isa_cells(f.isa(isa), f.aborts_total()));
                s.push_str(&row(&cells));
            }
            None => s.push_str(&status_row(p, head.len())),
        }
    }
    let f = &r.totals.figures;
    let mut cells = vec![totals_label(r)];
    cells.extend(bold(isa_cells(f.isa(isa), f.aborts_total())));
    s.push_str(&row(&cells));
    s
}

fn bar_word(f: &Figures) -> String {
    if f.comparison.traces == 0 {
        NONE.to_string()
    } else if f.comparison.meets_bar() {
        "yes".to_string()
    } else {
        "**no**".to_string()
    }
}

fn comparison_cells(f: &Figures) -> Vec<String> {
    let c = &f.comparison;
    vec![
        c.traces.to_string(),
        c.aarch64_spills_reloads.to_string(),
        c.x86_64_spills_reloads.to_string(),
        c.aarch64_helper_calls.to_string(),
        c.x86_64_helper_calls.to_string(),
        bar_word(f),
        format!("{} of {}", c.traces_at_bar, c.traces),
    ]
}

/// AArch64 against x86-64 per program over the traces compiled for both.
pub fn comparison_table(r: &Report) -> String {
    let head = [
        "program",
        "traces",
        "AArch64 spills+reloads",
        "x86-64 spills+reloads",
        "AArch64 helper calls",
        "x86-64 helper calls",
        "meets the bar",
        "traces at the bar",
    ];
    let mut s = header(&head, &[6]);
    for p in &r.programs {
        match &p.figures {
            Some(f) => {
                let mut cells = vec![p.name.clone()];
                cells.extend(comparison_cells(f));
                s.push_str(&row(&cells));
            }
            None => s.push_str(&status_row(p, head.len())),
        }
    }
    let mut cells = vec![totals_label(r)];
    let mut total = comparison_cells(&r.totals.figures);
    total[5] = format!(
        "{} ({} of {} programs)",
        bar_word(&r.totals.figures).trim_matches('*'),
        r.totals.programs_at_bar,
        r.totals.programs_compared
    );
    cells.extend(bold(total));
    s.push_str(&row(&cells));
    s
}

fn compile_cells(f: &Figures) -> Vec<String> {
    let c = &f.compile;
    if c.traces == 0 {
        return vec!["0".to_string(), NONE.into(), NONE.into(), NONE.into(), NONE.into()];
    }
    vec![
        c.traces.to_string(),
        format!("{:.2}", c.record_us),
        format!("{:.2}", c.optimize_us),
        format!("{:.2}", c.emit_us),
        format!("{:.2}", c.record_us + c.optimize_us + c.emit_us),
    ]
}

/// Microseconds per IR op for recording, optimising and emitting, the mean over traces.
pub fn compile_table(r: &Report) -> String {
    let head = ["program", "traces", "record", "optimise", "emit (both ISAs)", "total"];
    let mut s = header(&head, &[]);
    for p in &r.programs {
        match &p.figures {
            Some(f) => {
                let mut cells = vec![p.name.clone()];
                cells.extend(compile_cells(f));
                s.push_str(&row(&cells));
            }
            None => s.push_str(&status_row(p, head.len())),
        }
    }
    let mut cells = vec![totals_label(r)];
    cells.extend(bold(compile_cells(&r.totals.figures)));
    s.push_str(&row(&cells));
    s
}

/// Why recordings were abandoned, most frequent first, with the programs where it happened.
pub fn aborts_table(r: &Report) -> String {
    let mut reasons: Vec<(&String, &u64)> = r.totals.figures.aborts.iter().collect();
    reasons.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let mut s = header(&["reason", "aborts", "programs"], &[2]);
    for (reason, n) in reasons {
        let programs: Vec<&str> = r
            .programs
            .iter()
            .filter(|p| p.figures.as_ref().is_some_and(|f| f.aborts.contains_key(reason)))
            .map(|p| p.name.as_str())
            .collect();
        // A reason may hold '|' (a table cell separator).
        s.push_str(&row(&[format!("`{}`", reason.replace('|', "\\|")), n.to_string(), programs.join(", ")]));
    }
    s
}

/// One line per program without figures.
pub fn problems(r: &Report) -> Vec<String> {
    r.programs
        .iter()
        .filter(|p| p.status != Status::Ok)
        .map(|p| format!("{}: {}{}", p.name, p.status.word(), p.error.as_deref().map(|e| format!(" – {e}")).unwrap_or_default()))
        .collect()
}

/// The whole Markdown file.
pub fn report(r: &Report) -> String {
    let mut s = String::new();
    let day = r.date.get(..10).unwrap_or(&r.date);
    let _ = writeln!(s, "# JIT code quality, {day}\n");
    let m = &r.machine;
    let _ = writeln!(
        s,
        "pyjit `{}` (`{}`) ran every program once in quick mode (`PYJIT_BENCH_QUICK=1`) with `{}` \
         and `PYJIT_JIT_STATS`: each trace is compiled for the host's ISA ({}) and also, never run, \
         for the other. Machine: {}, {} cores, {}; load average {:.2} at the start ({}).\n",
        r.pyjit.version, r.pyjit.path, r.options, m.arch, m.cpu_model, m.cores, m.os, m.load_average, r.date
    );
    let _ = writeln!(
        s,
        "Figures are static: summed over the traces a program compiled, not weighted by how often \
         they ran. `aborts` counts abandoned recordings (by reason below). \
         The bar: AArch64's spills+reloads at most x86-64's and the same number of helper calls. \
         {} of {} programs produced figures.\n",
        r.totals.programs,
        r.programs.len()
    );
    let (x, a) = (r.totals.figures.x86_64.traces, r.totals.figures.aarch64.traces);
    if x != a {
        let _ = writeln!(
            s,
            "Not every trace was compiled for both ISAs ({x} for x86-64, {a} for AArch64: the \
             other compilations failed); the comparison covers the {} compiled for both.\n",
            r.totals.figures.comparison.traces
        );
    }
    for isa in ISAS {
        let native = if isa.key() == m.arch { " (native)" } else { " (cross)" };
        let _ = writeln!(s, "## {}{native}\n\n{}", isa.title(), isa_table(r, isa));
    }
    let _ = writeln!(
        s,
        "## AArch64 vs x86-64\n\nOver the traces compiled for both ISAs. \"meets the bar\" judges the \
         program's sums; \"traces at the bar\" counts the traces that meet it on their own.\n\n{}",
        comparison_table(r)
    );
    let _ = writeln!(
        s,
        "## Compile cost\n\nMicroseconds per IR op, the mean over the program's traces. \"emit\" runs \
         from the lowering to LIR to the placed code and, with `-X jit-cross`, includes compiling for \
         the second ISA.\n\n{}",
        compile_table(r)
    );
    if !r.totals.figures.aborts.is_empty() {
        let _ = writeln!(s, "## Aborts\n\n{}", aborts_table(r));
    }
    let problems = problems(r);
    if !problems.is_empty() {
        let _ = writeln!(s, "## Programs without figures\n");
        for p in problems {
            let _ = writeln!(s, "- {p}");
        }
        s.push('\n');
    }
    while s.ends_with("\n\n") {
        s.pop();
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codequality::tests::sample_programs;
    use crate::codequality::{totals, SCHEMA_VERSION};
    use crate::results::{Implementation, Machine};

    fn sample_report() -> Report {
        let programs = sample_programs();
        Report {
            schema: SCHEMA_VERSION,
            kind: "codequality".to_string(),
            date: "2026-11-25T09:00:00Z".to_string(),
            machine: Machine {
                arch: "x86_64".to_string(),
                cpu_model: "Test CPU".to_string(),
                cores: 2,
                os: "Linux".to_string(),
                hostname: "host".to_string(),
                load_average: 0.5,
            },
            pyjit: Implementation {
                name: "pyjit".to_string(),
                path: "/r/target/release/pyjit".to_string(),
                version: "Python 3.11.7 (pyjit 0.1.0)".to_string(),
            },
            threshold: 50,
            options: "-X jit=on -X jit-cross -X jit-threshold=50".to_string(),
            totals: totals(&programs),
            programs,
        }
    }

    fn line<'a>(table: &'a str, start: &str) -> &'a str {
        table.lines().find(|l| l.starts_with(start)).unwrap_or_else(|| panic!("no row {start} in\n{table}"))
    }

    #[test]
    fn isa_tables() {
        let r = sample_report();
        let x = isa_table(&r, Isa::X86_64);
        assert!(x.starts_with("| program | traces | IR ops | insns | insns / IR op | code bytes | spills | reloads | helper calls | aborts |\n| --- | ---: |"), "{x}");
        assert_eq!(line(&x, "| alpha"), "| alpha | 3 | 35 | 89 | 2.54 | 360 | 2 | 4 | 5 | 4 |");
        assert_eq!(line(&x, "| beta"), "| beta | 1 | 8 | 16 | 2.00 | 64 | 1 | 1 | 2 | 2 |");
        assert_eq!(line(&x, "| gamma"), "| gamma | FAILED | – | – | – | – | – | – | – | – |");
        assert_eq!(line(&x, "| delta"), "| delta | NO STATS | – | – | – | – | – | – | – | – |");
        assert_eq!(
            line(&x, "| **total"),
            "| **total (2 programs)** | **4** | **43** | **105** | **2.44** | **424** | **3** | **5** | **7** | **6** |"
        );
        let a = isa_table(&r, Isa::Aarch64);
        assert_eq!(line(&a, "| alpha"), "| alpha | 2 | 30 | 88 | 2.93 | 352 | 2 | 3 | 5 | 4 |");
        assert_eq!(line(&a, "| **total"), "| **total (2 programs)** | **3** | **38** | **108** | **2.84** | **432** | **4** | **4** | **7** | **6** |");
    }

    #[test]
    fn comparison() {
        let c = comparison_table(&sample_report());
        assert_eq!(line(&c, "| alpha"), "| alpha | 2 | 5 | 6 | 5 | 5 | yes | 1 of 2 |");
        assert_eq!(line(&c, "| beta"), "| beta | 1 | 3 | 2 | 2 | 2 | **no** | 0 of 1 |");
        assert_eq!(line(&c, "| gamma"), "| gamma | FAILED | – | – | – | – | – | – |");
        assert_eq!(
            line(&c, "| **total"),
            "| **total (2 programs)** | **3** | **8** | **8** | **7** | **7** | **yes (1 of 2 programs)** | **1 of 3** |"
        );
    }

    #[test]
    fn compile_cost() {
        let c = compile_table(&sample_report());
        assert_eq!(line(&c, "| alpha"), "| alpha | 3 | 1.00 | 2.00 | 4.00 | 7.00 |");
        assert_eq!(line(&c, "| beta"), "| beta | 1 | 4.00 | 8.00 | 16.00 | 28.00 |");
        assert_eq!(line(&c, "| **total"), "| **total (2 programs)** | **4** | **1.75** | **3.50** | **7.00** | **12.25** |");
    }

    #[test]
    fn a_program_without_traces() {
        let mut r = sample_report();
        let f = r.programs[1].figures.as_mut().unwrap();
        *f = Figures { aborts: f.aborts.clone(), ..Default::default() };
        r.totals = totals(&r.programs);
        assert_eq!(line(&isa_table(&r, Isa::X86_64), "| beta"), "| beta | 0 | 0 | 0 | – | 0 | 0 | 0 | 0 | 2 |");
        assert_eq!(line(&comparison_table(&r), "| beta"), "| beta | 0 | 0 | 0 | 0 | 0 | – | 0 of 0 |");
        assert_eq!(line(&compile_table(&r), "| beta"), "| beta | 0 | – | – | – | – |");
        assert!(line(&comparison_table(&r), "| **total").contains("yes (1 of 1 programs)"));
    }

    #[test]
    fn aborts_most_frequent_first() {
        let a = aborts_table(&sample_report());
        let rows: Vec<&str> = a.lines().skip(2).collect();
        assert_eq!(
            rows,
            vec!["| `call to builtin \"len\"` | 3 | alpha |", "| `trace too long` | 3 | alpha, beta |"],
            "equal counts in the order of the reasons"
        );
        assert!(a.starts_with("| reason | aborts | programs |\n| --- | ---: | --- |\n"), "{a}");
    }

    #[test]
    fn whole_report() {
        let md = report(&sample_report());
        assert!(md.starts_with("# JIT code quality, 2026-11-25\n\npyjit `Python 3.11.7 (pyjit 0.1.0)`"), "{md}");
        assert!(md.contains("`-X jit=on -X jit-cross -X jit-threshold=50`"));
        assert!(md.contains("## x86-64 (native)\n\n| program |"));
        assert!(md.contains("## AArch64 (cross)\n\n| program |"));
        assert!(md.contains("## AArch64 vs x86-64"));
        assert!(md.contains("## Compile cost"));
        assert!(md.contains("## Aborts\n\n| reason |"));
        assert!(md.contains("2 of 4 programs produced figures"));
        assert!(md.contains("Not every trace was compiled for both ISAs (4 for x86-64, 3 for AArch64: the other compilations failed); the comparison covers the 3 compiled for both.\n"), "{md}");
        assert!(md.contains("- gamma: FAILED – exit status 1: ImportError: No module named 're'\n"));
        assert!(md.contains("- delta: NO STATS – no statistics file"));
        assert!(md.ends_with("|\n") || md.ends_with(")\n"), "one final newline");
        assert!(!md.ends_with("\n\n"));
    }
}
