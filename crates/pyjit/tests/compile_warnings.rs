//! Compile-time warnings (SyntaxWarning, DeprecationWarning) as CPython 3.11 reports them:
//! the whole stderr of scripts run with warning options, compared with CPython's.
//!
//! tests/warnings/runs.txt lists the runs (a script and its options); the expected stderr
//! of run N is tests/warnings/NN_SCRIPT.err, recorded from CPython by
//! `python3 crates/pyjit/tests/warnings/regen.py` with the scripts' directory written as
//! `<DIR>`. Every run is made normally and under GC stress.

mod common;

use std::path::{Path, PathBuf};

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/warnings")
}

/// (index, script, options) of each run.
fn runs() -> Vec<(usize, String, Vec<String>)> {
    let text = std::fs::read_to_string(cases_dir().join("runs.txt")).expect("runs.txt");
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .enumerate()
        .map(|(i, l)| {
            let mut words = l.split_whitespace().map(str::to_string);
            let script = words.next().unwrap_or_default();
            (i, script, words.collect())
        })
        .collect()
}

fn run(script: &Path, dir: &Path, options: &[String], stress: bool) -> Vec<u8> {
    let mut cmd = common::pyjit(dir, stress);
    for o in options {
        match o.strip_prefix("PYTHONWARNINGS=") {
            Some(v) => {
                cmd.env("PYTHONWARNINGS", v);
            }
            None => {
                cmd.arg(o);
            }
        }
    }
    cmd.arg(script).output().expect("run pyjit").stderr
}

#[test]
fn compile_warnings_match_cpython() {
    let cases = cases_dir();
    let runs = runs();
    assert!(!runs.is_empty(), "no runs in tests/warnings/runs.txt");
    let tmp = std::env::temp_dir().join(format!("pyjit-warnings-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).expect("temp dir");
    let tmp = tmp.canonicalize().expect("temp dir path");
    let dir_text = tmp.to_string_lossy().into_owned();

    let mut failures = Vec::new();
    for (i, name, options) in &runs {
        let script = tmp.join(format!("{name}.py"));
        std::fs::copy(cases.join(format!("{name}.py")), &script).expect("copy script");
        let expected = std::fs::read(cases.join(format!("{i:02}_{name}.err"))).expect("expected .err file");
        let expected = String::from_utf8_lossy(&expected).into_owned();
        for stress in [false, true] {
            let got = String::from_utf8_lossy(&run(&script, &tmp, options, stress)).replace(&dir_text, "<DIR>");
            if got != expected {
                let mode = if stress { " (GC stress)" } else { "" };
                failures.push(format!("--- run {i} {name} {options:?}{mode}: expected\n{expected}--- got\n{got}"));
            }
        }
    }
    let _ = std::fs::remove_dir_all(&tmp);
    assert!(failures.is_empty(), "{} of {} runs differ from CPython:\n{}", failures.len(), runs.len() * 2, failures.join("\n"));
}
