//! The four commands: run the suite, compare, chart, arch-chart.  Each
//! returns the exit status, or an error message (exit status 2).

use std::env;
use std::fs;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::assemble;
use crate::chart;
use crate::cli::RunOptions;
use crate::clock::UtcTime;
use crate::compare;
use crate::impls::{self, ImplSpec};
use crate::machine;
use crate::markdown;
use crate::programs;
use crate::progress::Progress;
use crate::results::{Implementation, RunResults, SCHEMA_VERSION};
use crate::suite::{absolute, Suite};
use crate::verdict;

fn current_dir() -> Result<PathBuf, String> {
    env::current_dir().map_err(|e| format!("cannot read the current directory: {e}"))
}

/// Reads and checks a result file.
pub fn load(path: &Path) -> Result<RunResults, String> {
    let text =
        fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let r: RunResults = serde_json::from_str(&text)
        .map_err(|e| format!("{} is not a pyjit-bench result file: {e}", path.display()))?;
    if r.schema != SCHEMA_VERSION {
        return Err(format!(
            "{} has schema version {}, this pyjit-bench reads version {SCHEMA_VERSION}",
            path.display(),
            r.schema
        ));
    }
    Ok(r)
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// `2026-11-24-x86_64` or `2026-11-24-x86_64-quick`.
pub fn file_stem(date: &str, arch: &str, quick: bool) -> String {
    format!("{date}-{arch}{}", if quick { "-quick" } else { "" })
}

/// The implementations: defaults that exist, then `--impl` ones (resolved).
fn implementations(opts: &RunOptions, repo: Option<&Path>, cwd: &Path) -> Result<Vec<ImplSpec>, String> {
    let defaults = if opts.no_default_impls {
        Vec::new()
    } else {
        impls::defaults(repo, cwd, &mut |m| eprintln!("pyjit-bench: {m}"))
    };
    let mut extra = Vec::new();
    for s in &opts.impls {
        let argv = impls::resolve_argv(&s.argv, cwd).map_err(|e| format!("--impl {}: {e}", s.name))?;
        extra.push(ImplSpec {
            name: s.name.clone(),
            argv,
        });
    }
    let all = impls::merge(defaults, extra);
    if all.is_empty() {
        return Err("no implementation to run (add one with --impl NAME=PATH)".to_string());
    }
    let reference = opts.reference();
    if !all.iter().any(|i| i.name == reference) {
        let names: Vec<&str> = all.iter().map(|i| i.name.as_str()).collect();
        return Err(format!(
            "the reference implementation '{reference}' is not among the implementations ({}); \
             add it with --impl {reference}=PATH or choose another with --reference NAME",
            names.join(", ")
        ));
    }
    for a in &opts.allow_fail {
        let name = a.split_once(':').map_or(a.as_str(), |(i, _)| i);
        if !all.iter().any(|i| i.name == name) {
            eprintln!("pyjit-bench: warning: --allow-fail {a}: no such implementation");
        }
    }
    Ok(all)
}

/// Runs the suite and writes the result files.
pub fn run(opts: &RunOptions) -> Result<i32, String> {
    let cwd = current_dir()?;
    let repo = programs::find_repo_root(&cwd);
    let no_repo = || "cannot find the repository root (a directory with Cargo.toml and bench/programs)".to_string();
    let programs_dir = match &opts.programs {
        Some(p) => absolute(p, &cwd),
        None => repo.as_ref().ok_or_else(no_repo)?.join("bench/programs"),
    };
    let names = programs::list(&programs_dir, &opts.filters)?;
    let impls = implementations(opts, repo.as_deref(), &cwd)?;
    let out_dir = match &opts.out {
        Some(d) => absolute(d, &cwd),
        None => {
            let repo = repo.as_ref().ok_or_else(no_repo)?;
            if opts.quick {
                repo.join("target/bench-quick")
            } else {
                repo.join("bench/results")
            }
        }
    };
    fs::create_dir_all(&out_dir)
        .map_err(|e| format!("cannot create {}: {e}", out_dir.display()))?;

    let started = UtcTime::now();
    let machine = machine::describe();
    let implementations: Vec<Implementation> = impls
        .iter()
        .map(|i| Implementation {
            name: i.name.clone(),
            path: i.command_line(),
            version: machine::implementation_version(&i.argv, &programs_dir),
        })
        .collect();
    for i in &implementations {
        eprintln!("pyjit-bench: {:<10} {}  ({})", i.name, i.version, i.path);
    }
    let suite = Suite {
        programs_dir,
        repo: repo.clone(),
        programs: names,
        impls,
        reference: opts.reference().to_string(),
        runs: opts.runs(),
        timeout: Duration::from_secs_f64(opts.timeout_s()),
        quick: opts.quick,
    };
    eprintln!(
        "pyjit-bench: {} programs × {} implementations × {} run(s){}, load average {:.2}",
        suite.programs.len(),
        suite.impls.len(),
        suite.runs,
        if opts.quick { ", quick" } else { "" },
        machine.load_average
    );
    let mut progress = Progress::new(suite.total_processes(), std::io::stderr().is_terminal());
    let benchmarks = suite.run(&mut progress);
    let names: Vec<String> = implementations.iter().map(|i| i.name.clone()).collect();
    let results = RunResults {
        schema: SCHEMA_VERSION,
        date: started.rfc3339(),
        mode: if opts.quick { "quick" } else { "full" }.to_string(),
        machine,
        implementations,
        reference: suite.reference.clone(),
        geomean_speedup: assemble::geomeans(&benchmarks, &names),
        benchmarks,
    };

    let stem = file_stem(&started.date(), &results.machine.arch, opts.quick);
    let json_path = out_dir.join(format!("{stem}.json"));
    let md_path = out_dir.join(format!("{stem}.md"));
    let png_path = out_dir.join(format!("{stem}-speedup.png"));
    let json = serde_json::to_string_pretty(&results)
        .map_err(|e| format!("cannot serialize the results: {e}"))?;
    write(&json_path, &(json + "\n"))?;
    write(&md_path, &markdown::report(&results))?;
    eprintln!("pyjit-bench: wrote {}", json_path.display());
    eprintln!("pyjit-bench: wrote {}", md_path.display());
    match chart::speedup_chart(&results, &png_path) {
        Ok(()) => eprintln!("pyjit-bench: wrote {}", png_path.display()),
        Err(e) => eprintln!("pyjit-bench: warning: speedup chart not written: {e}"),
    }

    print!("{}", markdown::summary_table(&results));
    let v = verdict::judge(&results, opts.quick, &opts.allow_fail);
    for line in &v.lines {
        eprintln!("pyjit-bench: {line}");
    }
    if v.exit_code != 0 {
        eprintln!("pyjit-bench: FAILED (checksum mismatch or failed run; see above)");
    }
    Ok(v.exit_code)
}

pub fn compare(before: &Path, after: &Path, implementation: Option<&str>) -> Result<i32, String> {
    let b = load(before)?;
    let a = load(after)?;
    let imp = compare::pick_implementation(&b, &a, implementation)?;
    print!("{}", compare::compare(&b, &a, &imp));
    Ok(0)
}

fn stem_of(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "result".to_string())
}

/// RESULT.json -> RESULT-speedup.png beside it.
pub fn default_chart_path(input: &Path) -> PathBuf {
    input.with_file_name(format!("{}-speedup.png", stem_of(input)))
}

/// A.json, B's architecture -> A-vs-<arch>.png beside A.
pub fn default_arch_chart_path(a: &Path, b_arch: &str) -> PathBuf {
    a.with_file_name(format!("{}-vs-{b_arch}.png", stem_of(a)))
}

pub fn chart(input: &Path, out: Option<&Path>) -> Result<i32, String> {
    let r = load(input)?;
    let out = out.map(Path::to_path_buf).unwrap_or_else(|| default_chart_path(input));
    chart::speedup_chart(&r, &out).map_err(|e| format!("chart: {e}"))?;
    eprintln!("pyjit-bench: wrote {}", out.display());
    Ok(0)
}

pub fn arch_chart(a: &Path, b: &Path, out: Option<&Path>) -> Result<i32, String> {
    let ra = load(a)?;
    let rb = load(b)?;
    let out = out
        .map(Path::to_path_buf)
        .unwrap_or_else(|| default_arch_chart_path(a, &rb.machine.arch));
    chart::arch_chart(&ra, &rb, &out).map_err(|e| format!("arch-chart: {e}"))?;
    eprintln!("pyjit-bench: wrote {}", out.display());
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::tests::sample;

    #[test]
    fn json_round_trip() {
        let s = sample();
        let text = serde_json::to_string_pretty(&s).unwrap();
        let back: RunResults = serde_json::from_str(&text).unwrap();
        assert_eq!(back, s);
        // optional fields are left out when absent
        assert!(!text.contains("\"warmup\": null"));
        let path = env::temp_dir().join(format!("pyjit-bench-rt-{}.json", std::process::id()));
        fs::write(&path, &text).unwrap();
        assert_eq!(load(&path).unwrap(), s);
        fs::remove_file(&path).unwrap();
    }

    #[test]
    fn load_rejects_bad_files() {
        let dir = env::temp_dir();
        let bad = dir.join(format!("pyjit-bench-bad-{}.json", std::process::id()));
        fs::write(&bad, "{not json").unwrap();
        assert!(load(&bad).unwrap_err().contains("not a pyjit-bench result file"));
        let mut s = sample();
        s.schema = 99;
        fs::write(&bad, serde_json::to_string(&s).unwrap()).unwrap();
        assert!(load(&bad).unwrap_err().contains("schema version 99"));
        fs::remove_file(&bad).unwrap();
        assert!(load(Path::new("/nonexistent/x.json")).unwrap_err().contains("cannot read"));
    }

    #[test]
    fn file_names() {
        assert_eq!(file_stem("2026-11-24", "x86_64", false), "2026-11-24-x86_64");
        assert_eq!(file_stem("2026-11-24", "aarch64", true), "2026-11-24-aarch64-quick");
        assert_eq!(
            default_chart_path(Path::new("r/2026-11-24-x86_64.json")),
            PathBuf::from("r/2026-11-24-x86_64-speedup.png")
        );
        assert_eq!(
            default_arch_chart_path(Path::new("r/2026-11-24-aarch64.json"), "x86_64"),
            PathBuf::from("r/2026-11-24-aarch64-vs-x86_64.png")
        );
    }
}
