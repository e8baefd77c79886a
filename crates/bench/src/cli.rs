//! Command-line parsing (by hand: the options are few).

use std::path::PathBuf;

use crate::impls::{self, ImplSpec};

pub const HELP: &str = "\
pyjit-bench: run bench/programs under pyjit, CPython and PyPy and report speedups

USAGE:
    pyjit-bench [OPTIONS]                        run the suite
    pyjit-bench compare BEFORE.json AFTER.json [--impl NAME]
                                                 per-benchmark ratio after/before
    pyjit-bench chart RESULT.json [-o OUT.png]   speedup chart of one result file
    pyjit-bench arch-chart A.json B.json [-o OUT.png]
                                                 relative speedups, A's architecture over B's
    pyjit-bench codequality [--pyjit PATH] [--filter NAME]... [--threshold N] [--out DIR]
                                                 the JIT's code per program for x86-64 and
                                                 AArch64 (see CODEQUALITY OPTIONS)

RUN OPTIONS:
    --quick               one short run of each program (PYJIT_BENCH_QUICK=1),
                          60 s time limit; exits 1 on any failure or mismatch
    --runs N              runs per program and implementation (default 3, quick 1)
    --filter NAME         only programs whose name contains NAME (repeatable)
    --impl NAME=PATH      add an implementation, or replace the default of that
                          name; PATH may be a runner prefix and arguments separated
                          by spaces, e.g. \"arm=qemu-aarch64 -L /usr/aarch64-linux-gnu
                          target/aarch64-unknown-linux-gnu/release/pyjit\" (repeatable)
    --no-default-impls    do not add pyjit (target/release/pyjit), cpython (python3)
                          and pypy (pypy3)
    --reference NAME      speedups are relative to NAME (default cpython)
    --allow-fail NAME[:PROGRAM]
                          failures of implementation NAME (on PROGRAM only, if
                          given) do not make --quick exit 1 (repeatable; checksum
                          mismatches always do)
    --out DIR             where the result files go (default bench/results, quick:
                          target/bench-quick)
    --timeout SECS        time limit per process (default 300, quick 60)
    -h, --help            this text

CODEQUALITY OPTIONS:
    --pyjit PATH          the pyjit to run (default target/release/pyjit); may carry a
                          runner prefix and arguments like --impl's PATH
    --filter NAME         only programs whose name contains NAME (repeatable)
    --threshold N         -X jit-threshold=N (default 50, so that quick runs compile)
    --out DIR             where the result files go (default bench/results)
    --timeout SECS        time limit per program (default 60)

codequality runs every program once in quick mode under pyjit -X jit-cross with
PYJIT_JIT_STATS and writes <date>-codequality.md and .json: per ISA, traces, IR ops,
instructions, spills, reloads, helper calls; AArch64 against x86-64; compile cost.

Programs run one process at a time, interleaved (for each program, for each run,
every implementation), with PYJIT_BENCH_ITER_TIMES=1 and the programs directory as
working directory.  Writes <date>-<arch>[-quick].json, .md and -speedup.png.
Exit status: 0 ok, 1 a checksum mismatch or a failed run (see --quick), 2 bad usage.
";

/// Options of a suite run.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RunOptions {
    pub quick: bool,
    pub runs: Option<u32>,
    pub filters: Vec<String>,
    /// `--impl` in order, not yet resolved.
    pub impls: Vec<ImplSpec>,
    pub no_default_impls: bool,
    pub reference: Option<String>,
    pub allow_fail: Vec<String>,
    pub out: Option<PathBuf>,
    pub timeout_s: Option<f64>,
    /// Hidden: the directory of programs (default <repo>/bench/programs).
    pub programs: Option<PathBuf>,
}

impl RunOptions {
    pub fn runs(&self) -> u32 {
        self.runs.unwrap_or(if self.quick { 1 } else { 3 })
    }

    pub fn timeout_s(&self) -> f64 {
        self.timeout_s.unwrap_or(if self.quick { 60.0 } else { 300.0 })
    }

    pub fn reference(&self) -> &str {
        self.reference.as_deref().unwrap_or("cpython")
    }
}

/// Options of `codequality`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CodeQualityOptions {
    /// `--pyjit`, split into a command with arguments, not yet resolved.
    pub pyjit: Option<Vec<String>>,
    pub filters: Vec<String>,
    pub threshold: Option<u32>,
    pub out: Option<PathBuf>,
    pub timeout_s: Option<f64>,
    /// Hidden: the directory of programs (default <repo>/bench/programs).
    pub programs: Option<PathBuf>,
}

impl CodeQualityOptions {
    pub fn threshold(&self) -> u32 {
        self.threshold.unwrap_or(50)
    }

    pub fn timeout_s(&self) -> f64 {
        self.timeout_s.unwrap_or(60.0)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Help,
    Run(RunOptions),
    Compare {
        before: PathBuf,
        after: PathBuf,
        implementation: Option<String>,
    },
    Chart {
        input: PathBuf,
        out: Option<PathBuf>,
    },
    ArchChart {
        a: PathBuf,
        b: PathBuf,
        out: Option<PathBuf>,
    },
    CodeQuality(CodeQualityOptions),
}

/// Splits `--opt=value` into `--opt` and `value`; other words stay whole.
fn split_words(args: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for a in args {
        match a.split_once('=') {
            Some((opt, val)) if opt.starts_with("--") => {
                out.push(opt.to_string());
                out.push(val.to_string());
            }
            _ => out.push(a.clone()),
        }
    }
    out
}

struct Words {
    words: Vec<String>,
    pos: usize,
}

impl Words {
    fn next(&mut self) -> Option<String> {
        let w = self.words.get(self.pos).cloned();
        self.pos += 1;
        w
    }

    fn value(&mut self, opt: &str) -> Result<String, String> {
        self.next().ok_or_else(|| format!("{opt} needs a value"))
    }
}

/// Parses the arguments after the program name.
pub fn parse(args: &[String]) -> Result<Command, String> {
    let words = split_words(args);
    if words.iter().any(|w| w == "-h" || w == "--help") {
        return Ok(Command::Help);
    }
    let mut w = Words { words, pos: 0 };
    match w.words.first().map(String::as_str) {
        Some("compare") => {
            w.pos = 1;
            parse_compare(&mut w)
        }
        Some("chart") => {
            w.pos = 1;
            let (files, out) = parse_files_and_out(&mut w, "chart")?;
            match <[PathBuf; 1]>::try_from(files) {
                Ok([input]) => Ok(Command::Chart { input, out }),
                Err(_) => Err("chart expects one RESULT.json".to_string()),
            }
        }
        Some("arch-chart") => {
            w.pos = 1;
            let (files, out) = parse_files_and_out(&mut w, "arch-chart")?;
            match <[PathBuf; 2]>::try_from(files) {
                Ok([a, b]) => Ok(Command::ArchChart { a, b, out }),
                Err(_) => Err("arch-chart expects two result files A.json B.json".to_string()),
            }
        }
        Some("codequality") => {
            w.pos = 1;
            parse_codequality(&mut w).map(Command::CodeQuality)
        }
        _ => parse_run(&mut w).map(Command::Run),
    }
}

fn parse_compare(w: &mut Words) -> Result<Command, String> {
    let mut files = Vec::new();
    let mut implementation = None;
    while let Some(word) = w.next() {
        match word.as_str() {
            "--impl" => implementation = Some(w.value("--impl")?),
            s if s.starts_with('-') && s.len() > 1 => {
                return Err(format!("compare: unknown option '{s}'"))
            }
            _ => files.push(PathBuf::from(word)),
        }
    }
    match <[PathBuf; 2]>::try_from(files) {
        Ok([before, after]) => Ok(Command::Compare {
            before,
            after,
            implementation,
        }),
        Err(_) => Err("compare expects two result files BEFORE.json AFTER.json".to_string()),
    }
}

fn parse_files_and_out(w: &mut Words, cmd: &str) -> Result<(Vec<PathBuf>, Option<PathBuf>), String> {
    let mut files = Vec::new();
    let mut out = None;
    while let Some(word) = w.next() {
        match word.as_str() {
            "-o" | "--out" => out = Some(PathBuf::from(w.value("-o")?)),
            s if s.starts_with('-') && s.len() > 1 => {
                return Err(format!("{cmd}: unknown option '{s}'"))
            }
            _ => files.push(PathBuf::from(word)),
        }
    }
    Ok((files, out))
}

fn positive_seconds(opt: &str, v: &str) -> Result<f64, String> {
    v.parse()
        .ok()
        .filter(|t: &f64| t.is_finite() && *t > 0.0)
        .ok_or_else(|| format!("{opt} expects positive seconds, got '{v}'"))
}

fn parse_codequality(w: &mut Words) -> Result<CodeQualityOptions, String> {
    let mut o = CodeQualityOptions::default();
    while let Some(word) = w.next() {
        match word.as_str() {
            "--pyjit" => {
                let v = w.value("--pyjit")?;
                let argv: Vec<String> = v.split_whitespace().map(str::to_string).collect();
                if argv.is_empty() {
                    return Err("--pyjit: empty PATH".to_string());
                }
                o.pyjit = Some(argv);
            }
            "--filter" => o.filters.push(w.value("--filter")?),
            "--threshold" => {
                let v = w.value("--threshold")?;
                let n = v
                    .parse::<u32>()
                    .ok()
                    .filter(|&n| n > 0)
                    .ok_or_else(|| format!("--threshold expects a positive integer, got '{v}'"))?;
                o.threshold = Some(n);
            }
            "--out" | "-o" => o.out = Some(PathBuf::from(w.value("--out")?)),
            "--timeout" => o.timeout_s = Some(positive_seconds("--timeout", &w.value("--timeout")?)?),
            "--programs" => o.programs = Some(PathBuf::from(w.value("--programs")?)),
            other => {
                return Err(format!(
                    "codequality: unknown argument '{other}' (see pyjit-bench --help)"
                ))
            }
        }
    }
    Ok(o)
}

fn parse_run(w: &mut Words) -> Result<RunOptions, String> {
    let mut o = RunOptions::default();
    while let Some(word) = w.next() {
        match word.as_str() {
            "--quick" => o.quick = true,
            "--runs" => {
                let v = w.value("--runs")?;
                let n: u32 = v
                    .parse()
                    .map_err(|_| format!("--runs expects a positive integer, got '{v}'"))?;
                if n == 0 {
                    return Err("--runs must be at least 1".to_string());
                }
                o.runs = Some(n);
            }
            "--filter" => o.filters.push(w.value("--filter")?),
            "--impl" => {
                let (name, argv) = impls::parse_impl_arg(&w.value("--impl")?)?;
                o.impls.retain(|s| s.name != name);
                o.impls.push(ImplSpec { name, argv });
            }
            "--no-default-impls" => o.no_default_impls = true,
            "--reference" => o.reference = Some(w.value("--reference")?),
            "--allow-fail" => o.allow_fail.push(w.value("--allow-fail")?),
            "--out" | "-o" => o.out = Some(PathBuf::from(w.value("--out")?)),
            "--timeout" => {
                o.timeout_s = Some(positive_seconds("--timeout", &w.value("--timeout")?)?);
            }
            "--programs" => o.programs = Some(PathBuf::from(w.value("--programs")?)),
            other => {
                return Err(format!(
                    "unknown argument '{other}' (see pyjit-bench --help)"
                ))
            }
        }
    }
    Ok(o)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<Command, String> {
        parse(&args.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    fn run(args: &[&str]) -> RunOptions {
        match p(args).unwrap() {
            Command::Run(o) => o,
            other => panic!("not a run: {other:?}"),
        }
    }

    #[test]
    fn defaults() {
        let o = run(&[]);
        assert_eq!(o, RunOptions::default());
        assert_eq!((o.runs(), o.timeout_s(), o.reference()), (3, 300.0, "cpython"));
        let q = run(&["--quick"]);
        assert!(q.quick);
        assert_eq!((q.runs(), q.timeout_s()), (1, 60.0));
        assert_eq!(run(&["--quick", "--runs", "2"]).runs(), 2);
    }

    #[test]
    fn all_run_options() {
        let o = run(&[
            "--runs", "5", "--filter", "rich", "--filter=nbody", "--impl", "a=/x/y -z",
            "--impl=b=qemu-aarch64 -L /usr t/pyjit", "--no-default-impls", "--reference", "a",
            "--allow-fail", "b", "--out", "/tmp/o", "--timeout", "2.5", "--programs", "/p",
        ]);
        assert_eq!(o.runs, Some(5));
        assert_eq!(o.filters, vec!["rich", "nbody"]);
        assert_eq!(o.impls.len(), 2);
        assert_eq!(o.impls[0].argv, vec!["/x/y", "-z"]);
        assert_eq!(o.impls[1].name, "b");
        assert_eq!(o.impls[1].argv, vec!["qemu-aarch64", "-L", "/usr", "t/pyjit"]);
        assert!(o.no_default_impls);
        assert_eq!(o.reference(), "a");
        assert_eq!(o.allow_fail, vec!["b"]);
        assert_eq!(o.out, Some(PathBuf::from("/tmp/o")));
        assert_eq!(o.timeout_s(), 2.5);
        assert_eq!(o.programs, Some(PathBuf::from("/p")));
    }

    #[test]
    fn repeated_impl_name_keeps_the_last() {
        let o = run(&["--impl", "a=/one", "--impl", "a=/two"]);
        assert_eq!(o.impls.len(), 1);
        assert_eq!(o.impls[0].argv, vec!["/two"]);
    }

    #[test]
    fn bad_run_arguments() {
        for args in [
            &["--runs"][..],
            &["--runs", "0"],
            &["--runs", "x"],
            &["--timeout", "-1"],
            &["--timeout", "nan"],
            &["--impl", "noequals"],
            &["--bogus"],
            &["stray"],
        ] {
            assert!(p(args).is_err(), "{args:?} should be rejected");
        }
    }

    #[test]
    fn help_anywhere() {
        assert_eq!(p(&["--help"]).unwrap(), Command::Help);
        assert_eq!(p(&["--quick", "-h"]).unwrap(), Command::Help);
        assert_eq!(p(&["compare", "--help"]).unwrap(), Command::Help);
        assert!(HELP.contains("--filter") && HELP.contains("arch-chart"));
    }

    #[test]
    fn subcommands() {
        assert_eq!(
            p(&["compare", "a.json", "b.json", "--impl", "pypy"]).unwrap(),
            Command::Compare {
                before: "a.json".into(),
                after: "b.json".into(),
                implementation: Some("pypy".into())
            }
        );
        assert_eq!(
            p(&["chart", "r.json"]).unwrap(),
            Command::Chart { input: "r.json".into(), out: None }
        );
        assert_eq!(
            p(&["arch-chart", "a.json", "b.json", "-o", "x.png"]).unwrap(),
            Command::ArchChart { a: "a.json".into(), b: "b.json".into(), out: Some("x.png".into()) }
        );
        assert!(p(&["compare", "a.json"]).is_err());
        assert!(p(&["compare", "a", "b", "c"]).is_err());
        assert!(p(&["compare", "a", "b", "--impl"]).is_err());
        assert!(p(&["chart"]).is_err());
        assert!(p(&["chart", "a", "-x"]).is_err());
        assert!(p(&["arch-chart", "a"]).is_err());
    }

    fn cq(args: &[&str]) -> CodeQualityOptions {
        let mut all = vec!["codequality"];
        all.extend_from_slice(args);
        match p(&all).unwrap() {
            Command::CodeQuality(o) => o,
            other => panic!("not codequality: {other:?}"),
        }
    }

    #[test]
    fn codequality_defaults() {
        let o = cq(&[]);
        assert_eq!(o, CodeQualityOptions::default());
        assert_eq!((o.threshold(), o.timeout_s()), (50, 60.0));
    }

    #[test]
    fn codequality_options() {
        let o = cq(&[
            "--pyjit", "qemu-aarch64 -L /usr/aarch64-linux-gnu t/pyjit", "--filter", "rich",
            "--filter=nbody", "--threshold", "7", "--out", "/tmp/o", "--timeout=9.5", "--programs", "/p",
        ]);
        assert_eq!(
            o.pyjit,
            Some(vec!["qemu-aarch64".into(), "-L".into(), "/usr/aarch64-linux-gnu".into(), "t/pyjit".into()])
        );
        assert_eq!(o.filters, vec!["rich", "nbody"]);
        assert_eq!(o.threshold(), 7);
        assert_eq!(o.out, Some(PathBuf::from("/tmp/o")));
        assert_eq!(o.timeout_s(), 9.5);
        assert_eq!(o.programs, Some(PathBuf::from("/p")));
        assert_eq!(cq(&["--pyjit=/x/pyjit", "-o", "d"]).pyjit, Some(vec!["/x/pyjit".to_string()]));
        assert_eq!(p(&["codequality", "-h"]).unwrap(), Command::Help);
        assert!(HELP.contains("codequality") && HELP.contains("--threshold"));
    }

    #[test]
    fn bad_codequality_arguments() {
        for args in [
            &["codequality", "--threshold"][..],
            &["codequality", "--threshold", "0"],
            &["codequality", "--threshold", "-3"],
            &["codequality", "--threshold", "many"],
            &["codequality", "--pyjit"],
            &["codequality", "--pyjit", "  "],
            &["codequality", "--timeout", "0"],
            &["codequality", "--runs", "2"],
            &["codequality", "--quick"],
            &["codequality", "stray"],
        ] {
            assert!(p(args).is_err(), "{args:?} should be rejected");
        }
    }
}
