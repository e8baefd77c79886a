//! Compares pyjit's whole stderr for uncaught exceptions with CPython 3.11's: the frames,
//! the source lines and the position markers under them (`^^^`, `~~^~~`).
//!
//! Each tests/traceback/NAME.py is copied to a temporary directory and run there by absolute
//! path; NAME.err is CPython's stderr for the same run with that directory written as
//! `<DIR>` (regenerate with `python3 crates/pyjit/tests/traceback/regen.py`). Every script
//! runs normally and under GC stress.

mod common;

use std::path::{Path, PathBuf};

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/traceback")
}

fn run(script: &Path, dir: &Path, stress: bool) -> Vec<u8> {
    common::pyjit(dir, stress).arg(script).output().expect("run pyjit").stderr
}

#[test]
fn tracebacks_match_cpython() {
    let cases = cases_dir();
    let mut names: Vec<String> = std::fs::read_dir(&cases)
        .expect("tests/traceback")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".py") && n != "regen.py")
        .map(|n| n.trim_end_matches(".py").to_string())
        .collect();
    names.sort();
    assert!(!names.is_empty(), "no traceback cases found");

    let tmp = std::env::temp_dir().join(format!("pyjit-traceback-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).expect("temp dir");
    let tmp = tmp.canonicalize().expect("temp dir path");
    let dir_text = tmp.to_string_lossy().into_owned();

    let mut failures = Vec::new();
    for name in &names {
        let script = tmp.join(format!("{name}.py"));
        std::fs::copy(cases.join(format!("{name}.py")), &script).expect("copy script");
        let expected = std::fs::read(cases.join(format!("{name}.err"))).expect("expected .err file");
        let expected = String::from_utf8_lossy(&expected).into_owned();
        for stress in [false, true] {
            let got = String::from_utf8_lossy(&run(&script, &tmp, stress)).replace(&dir_text, "<DIR>");
            if got != expected {
                let mode = if stress { " (GC stress)" } else { "" };
                failures.push(format!("--- {name}{mode}: expected\n{expected}--- got\n{got}"));
            }
        }
    }
    let _ = std::fs::remove_dir_all(&tmp);
    assert!(failures.is_empty(), "{} of {} runs differ from CPython:\n{}", failures.len(), names.len() * 2, failures.join("\n"));
}
