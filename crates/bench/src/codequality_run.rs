//! The `codequality` command: runs every program once under pyjit with
//! `-X jit-cross` and `PYJIT_JIT_STATS`, and writes `<date>-codequality.md`
//! and `.json`.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use crate::assemble;
use crate::cli::CodeQualityOptions;
use crate::clock::UtcTime;
use crate::codequality::{self, ProgramResult, Report, Status, SCHEMA_VERSION};
use crate::codequality_md;
use crate::impls;
use crate::machine;
use crate::process;
use crate::programs;
use crate::results::Implementation;
use crate::suite::absolute;

/// The `-X` options every program runs with.
pub fn jit_options(threshold: u32) -> Vec<String> {
    ["-X", "jit=on", "-X", "jit-cross", "-X"]
        .iter()
        .map(|s| s.to_string())
        .chain([format!("jit-threshold={threshold}")])
        .collect()
}

/// The pyjit command: `--pyjit` resolved against `cwd`, else the repository's release build.
fn pyjit_argv(opts: &CodeQualityOptions, repo: Option<&Path>, cwd: &Path) -> Result<Vec<String>, String> {
    if let Some(argv) = &opts.pyjit {
        return impls::resolve_argv(argv, cwd).map_err(|e| format!("--pyjit: {e}"));
    }
    let repo = repo.ok_or("cannot find the repository root; give the pyjit to run with --pyjit PATH")?;
    let p = repo.join("target/release/pyjit");
    impls::find_program(&p.to_string_lossy(), None, cwd)
        .map(|p| vec![p.to_string_lossy().into_owned()])
        .ok_or_else(|| format!("{} not found (cargo build --release -p pyjit), or give --pyjit PATH", p.display()))
}

/// The command for the report, with paths inside the repository relative to it.
fn command_line(argv: &[String], repo: Option<&Path>) -> String {
    let words: Vec<String> = argv.iter().map(|w| programs::display_path(Path::new(w), repo)).collect();
    words.join(" ")
}

/// The stats file's text: None when there is none.
fn read_stats(path: &Path) -> Option<Result<String, String>> {
    match fs::read_to_string(path) {
        Ok(text) => Some(Ok(text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => Some(Err(format!("cannot read {}: {e}", path.display()))),
    }
}

/// A directory of our own for the stats files, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> Result<TempDir, String> {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let n = COUNT.fetch_add(1, Ordering::Relaxed);
        let dir = env::temp_dir().join(format!("pyjit-codequality-{}-{n}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        Ok(TempDir(dir))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn outcome_note(p: &ProgramResult) -> String {
    match &p.figures {
        Some(f) => format!(
            "ok  {:.2} s  {} trace(s), {} abort(s)",
            p.wall_s,
            f.x86_64.traces.max(f.aarch64.traces),
            f.aborts_total()
        ),
        None => format!("{}  {:.2} s", p.status.word(), p.wall_s),
    }
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Runs the programs and writes the result files.  Exit status 0 once they are
/// written, whatever the programs did (their failures are rows of the table).
pub fn codequality(opts: &CodeQualityOptions) -> Result<i32, String> {
    let cwd = env::current_dir().map_err(|e| format!("cannot read the current directory: {e}"))?;
    let repo = programs::find_repo_root(&cwd);
    let no_repo = || "cannot find the repository root (a directory with Cargo.toml and bench/programs)".to_string();
    let programs_dir = match &opts.programs {
        Some(p) => absolute(p, &cwd),
        None => repo.as_ref().ok_or_else(no_repo)?.join("bench/programs"),
    };
    let names = programs::list(&programs_dir, &opts.filters)?;
    let pyjit = pyjit_argv(opts, repo.as_deref(), &cwd)?;
    let out_dir = match &opts.out {
        Some(d) => absolute(d, &cwd),
        None => repo.as_ref().ok_or_else(no_repo)?.join("bench/results"),
    };
    fs::create_dir_all(&out_dir).map_err(|e| format!("cannot create {}: {e}", out_dir.display()))?;
    let tmp = TempDir::new()?;

    let started = UtcTime::now();
    let machine = machine::describe();
    let version = machine::implementation_version(&pyjit, &programs_dir);
    let options = jit_options(opts.threshold());
    eprintln!("pyjit-bench: codequality: {version} ({})", pyjit.join(" "));
    eprintln!(
        "pyjit-bench: {} programs, quick, {}, load average {:.2}",
        names.len(),
        options.join(" "),
        machine.load_average
    );
    let timeout = Duration::from_secs_f64(opts.timeout_s());
    let mut results = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let file_name = format!("{name}.py");
        let stats_path = tmp.0.join(format!("{name}.json"));
        let stats_str = stats_path.to_string_lossy().into_owned();
        let mut argv = pyjit.clone();
        argv.extend(options.iter().cloned());
        argv.push(file_name.clone());
        let env = [
            ("PYJIT_BENCH_ITER_TIMES", "1"),
            ("PYJIT_BENCH_QUICK", "1"),
            ("PYJIT_JIT_STATS", stats_str.as_str()),
        ];
        let raw = match process::run(&argv, &programs_dir, &env, timeout) {
            Ok(out) => assemble::classify(&out, timeout.as_secs_f64()),
            Err(e) => assemble::not_started(e),
        };
        let file = programs::display_path(&programs_dir.join(&file_name), repo.as_deref());
        let r = codequality::program_result(name, &file, &raw, read_stats(&stats_path));
        eprintln!("[{}/{}] {name}  {}", i + 1, names.len(), outcome_note(&r));
        results.push(r);
    }
    drop(tmp);

    let report = Report {
        schema: SCHEMA_VERSION,
        kind: "codequality".to_string(),
        date: started.rfc3339(),
        machine,
        pyjit: Implementation { name: "pyjit".to_string(), path: command_line(&pyjit, repo.as_deref()), version },
        threshold: opts.threshold(),
        options: options.join(" "),
        totals: codequality::totals(&results),
        programs: results,
    };
    let stem = format!("{}-codequality", started.date());
    let json_path = out_dir.join(format!("{stem}.json"));
    let md_path = out_dir.join(format!("{stem}.md"));
    let json = serde_json::to_string_pretty(&report).map_err(|e| format!("cannot serialize the results: {e}"))?;
    write(&json_path, &(json + "\n"))?;
    let md = codequality_md::report(&report);
    write(&md_path, &md)?;
    eprintln!("pyjit-bench: wrote {}", json_path.display());
    eprintln!("pyjit-bench: wrote {}", md_path.display());
    let without = report.programs.iter().filter(|p| p.status != Status::Ok).count();
    if without > 0 {
        eprintln!("pyjit-bench: {without} program(s) without figures (see the table)");
    }
    print!("{md}");
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_passed_to_pyjit() {
        assert_eq!(jit_options(50).join(" "), "-X jit=on -X jit-cross -X jit-threshold=50");
    }

    #[test]
    fn command_relative_to_the_repository() {
        let argv: Vec<String> = ["qemu-aarch64", "-L", "/usr/x", "/r/target/release/pyjit"].iter().map(|s| s.to_string()).collect();
        assert_eq!(command_line(&argv, Some(Path::new("/r"))), "qemu-aarch64 -L /usr/x target/release/pyjit");
        assert_eq!(command_line(&argv, None), "qemu-aarch64 -L /usr/x /r/target/release/pyjit");
    }

    #[test]
    fn stats_file_reading() {
        let dir = TempDir::new().unwrap();
        let p = dir.0.join("s.json");
        assert_eq!(read_stats(&p), None);
        fs::write(&p, "{}").unwrap();
        assert_eq!(read_stats(&p), Some(Ok("{}".to_string())));
        assert!(matches!(read_stats(&dir.0), Some(Err(e)) if e.contains("cannot read")));
        let path = dir.0.clone();
        drop(dir);
        assert!(!path.exists());
    }

    #[test]
    fn missing_default_pyjit_is_explained() {
        let opts = CodeQualityOptions::default();
        let e = pyjit_argv(&opts, Some(Path::new("/nonexistent-repo")), Path::new("/")).unwrap_err();
        assert!(e.contains("cargo build --release") && e.contains("--pyjit"), "{e}");
        let opts = CodeQualityOptions { pyjit: Some(vec!["/bin/sh".into(), "x".into()]), ..Default::default() };
        assert_eq!(pyjit_argv(&opts, None, Path::new("/")).unwrap(), vec!["/bin/sh", "x"]);
        let opts = CodeQualityOptions { pyjit: Some(vec!["/nonexistent/pyjit".into()]), ..Default::default() };
        assert!(pyjit_argv(&opts, None, Path::new("/")).unwrap_err().starts_with("--pyjit:"));
    }
}
