//! Runs the built pyjit-bench on a tiny program directory with shell-script
//! "implementations" (no Python needed).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_pyjit-bench");

/// The built binary as a command, behind PYJIT_TEST_RUNNER (e.g. "qemu-aarch64 -L ...")
/// when the tests run for another architecture.
fn bench() -> Command {
    let runner = std::env::var("PYJIT_TEST_RUNNER").unwrap_or_default();
    let mut parts: Vec<&str> = runner.split_whitespace().collect();
    parts.push(BIN);
    let mut cmd = Command::new(parts[0]);
    cmd.args(&parts[1..]);
    cmd
}

/// Prints the program file's content (run in the programs directory, so the
/// relative name only works there) and the quick flag as the checksum.
const GOOD: &str = r#"
if [ "$PYJIT_BENCH_ITER_TIMES" = 1 ]; then
  printf 'iter 0 0.040000\niter 1 0.010000\niter 2 0.010000\niter 3 0.010000\n' >&2
fi
printf 'some output\nchecksum: %s q%s\n' "$(cat "$1")" "$PYJIT_BENCH_QUICK"
"#;

/// Agrees on alpha, prints another checksum for beta.
const WRONG: &str = r#"
if [ "$1" = beta.py ]; then echo "checksum: 999"; exit 0; fi
printf 'checksum: %s q%s\n' "$(cat "$1")" "$PYJIT_BENCH_QUICK"
"#;

const FAILING: &str = r#"
echo "iter 0 0.010000" >&2
echo "Traceback (most recent call last):" >&2
echo "ImportError: No module named 're'" >&2
exit 1
"#;

const SLOW: &str = "sleep 30\necho 'checksum: 1'\n";

struct Fixture {
    root: PathBuf,
}

impl Fixture {
    fn new(name: &str) -> Fixture {
        let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("pyjit-bench-{name}"));
        let _ = fs::remove_dir_all(&root);
        fs::create_dir_all(root.join("programs")).unwrap();
        fs::write(root.join("programs/alpha.py"), "7").unwrap();
        fs::write(root.join("programs/beta.py"), "8").unwrap();
        for (file, text) in [("good.sh", GOOD), ("wrong.sh", WRONG), ("failing.sh", FAILING), ("slow.sh", SLOW)] {
            let version = format!("if [ \"$1\" = --version ]; then echo 'Fake {file}'; exit 0; fi\n");
            fs::write(root.join(file), version + text).unwrap();
        }
        Fixture { root }
    }

    /// `--impl NAME=/bin/sh <script>`: a runner prefix plus argument.
    fn impl_arg(&self, name: &str, script: &str) -> String {
        format!("{name}=/bin/sh {}", self.root.join(script).display())
    }

    fn run(&self, extra: &[&str]) -> Output {
        let programs = self.root.join("programs");
        let out = self.root.join("out");
        let mut args = vec![
            "--quick".to_string(),
            "--no-default-impls".to_string(),
            "--programs".to_string(),
            programs.display().to_string(),
            "--out".to_string(),
            out.display().to_string(),
        ];
        args.extend(extra.iter().map(|s| s.to_string()));
        bench().args(&args).output().unwrap()
    }

    fn result_files(&self, ext: &str) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = fs::read_dir(self.root.join("out"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().ends_with(ext))
            .collect();
        files.sort();
        files
    }

    fn json(&self) -> Value {
        let files = self.result_files(".json");
        assert_eq!(files.len(), 1, "{files:?}");
        serde_json::from_str(&fs::read_to_string(&files[0]).unwrap()).unwrap()
    }
}

fn result<'a>(json: &'a Value, bench: &str, imp: &str) -> &'a Value {
    json["benchmarks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["name"] == bench)
        .unwrap()["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["implementation"] == imp)
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn checksum_mismatch_fails_the_quick_run() {
    let f = Fixture::new("mismatch");
    let good = f.impl_arg("ref", "good.sh");
    let wrong = f.impl_arg("other", "wrong.sh");
    let out = f.run(&["--impl", &good, "--impl", &wrong, "--reference", "ref"]);
    let stderr = text(&out.stderr);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "stderr: {stderr}");
    assert!(stderr.contains("MISMATCH: beta / other: checksum '999' differs from ref's '8 q1'"), "{stderr}");
    assert!(stderr.contains("[4/4] beta  other  run 1/1"), "{stderr}");

    let json = f.json();
    assert_eq!(json["schema"], 1);
    assert_eq!(json["mode"], "quick");
    assert_eq!(json["reference"], "ref");
    assert_eq!(json["machine"]["arch"], std::env::consts::ARCH);
    let names: Vec<&str> = json["implementations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, vec!["ref", "other"]);
    assert!(json["implementations"][0]["path"].as_str().unwrap().starts_with("/bin/sh /"));
    assert_eq!(json["implementations"][1]["version"], "Fake wrong.sh");

    let alpha_ref = result(&json, "alpha", "ref");
    assert_eq!(alpha_ref["status"], "ok");
    assert_eq!(alpha_ref["checksum"], "7 q1");
    assert_eq!(alpha_ref["runs"].as_array().unwrap().len(), 1);
    let run = &alpha_ref["runs"][0];
    assert_eq!(run["exit_code"], 0);
    assert!(run["wall_s"].as_f64().unwrap() > 0.0);
    assert!(run["max_rss_kib"].as_u64().unwrap() > 0);
    assert_eq!(run["iter_times"], serde_json::json!([0.04, 0.01, 0.01, 0.01]));
    assert_eq!(alpha_ref["warmup"]["first_iter_s"], 0.04);
    assert_eq!(alpha_ref["warmup"]["steady_iter_s"], 0.01);
    assert_eq!(alpha_ref["warmup"]["steady_after_iters"], 1);
    assert_eq!(alpha_ref["speedup"], 1.0);
    assert!(alpha_ref["wall"]["min"].as_f64().unwrap() > 0.0);

    let alpha_other = result(&json, "alpha", "other");
    assert_eq!(alpha_other["status"], "ok");
    assert!(alpha_other["speedup"].as_f64().unwrap() > 0.0);
    assert!(alpha_other.get("warmup").is_none());
    let beta_other = result(&json, "beta", "other");
    assert_eq!(beta_other["status"], "checksum_mismatch");
    assert_eq!(beta_other["checksum"], "999");
    assert!(beta_other.get("speedup").is_none());
    let geo = json["geomean_speedup"].as_array().unwrap();
    assert!(geo.iter().any(|g| g["name"] == "other"));

    // The Markdown file and the summary on stdout.
    let md = fs::read_to_string(&f.result_files(".md")[0]).unwrap();
    assert!(md.contains("| beta | 0.") && md.contains("| MISMATCH | – |"), "{md}");
    assert!(md.contains("## Warm-up") && md.contains("| alpha | ref |"), "{md}");
    assert!(stdout.starts_with("| benchmark | ref (min wall) | other (min wall) | other speedup |"), "{stdout}");
    assert!(stdout.contains("**geometric mean**"));
    // No chart yet is a warning, not a failure.
    assert!(!stderr.contains("error:"), "{stderr}");

    // compare: the file against itself.
    let json_file = f.result_files(".json")[0].clone();
    let cmp = bench()
        .args(["compare", json_file.to_str().unwrap(), json_file.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(cmp.status.code(), Some(0), "{}", text(&cmp.stderr));
    let cmp = text(&cmp.stdout);
    assert!(cmp.contains("## other: before / after"), "{cmp}");
    assert!(cmp.contains("| 1.000 | +0.0% |"), "{cmp}");
    assert!(cmp.contains("| beta | MISMATCH | MISMATCH | – | – |"), "{cmp}");
}

#[test]
fn failures_and_timeouts_fail_quick_mode_unless_allowed() {
    let f = Fixture::new("failures");
    let good = f.impl_arg("cpython", "good.sh");
    let failing = f.impl_arg("pyjit", "failing.sh");
    let slow = f.impl_arg("slow", "slow.sh");
    let common = ["--impl", &good, "--impl", &failing, "--impl", &slow, "--filter", "alph", "--timeout", "1"];

    let out = f.run(&common);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("FAILED: alpha / pyjit: exit status 1: Traceback (most recent call last): | ImportError: No module named 're'"), "{stderr}");
    assert!(stderr.contains("TIMEOUT: alpha / slow: timed out after 1 s"), "{stderr}");
    let json = f.json();
    assert_eq!(json["benchmarks"].as_array().unwrap().len(), 1, "filter keeps alpha only");
    assert_eq!(result(&json, "alpha", "cpython")["status"], "ok");
    let failed = result(&json, "alpha", "pyjit");
    assert_eq!(failed["status"], "failed");
    assert_eq!(failed["runs"][0]["exit_code"], 1);
    assert!(failed.get("wall").is_none());
    let slow_r = result(&json, "alpha", "slow");
    assert_eq!(slow_r["status"], "timeout");
    assert!(slow_r["runs"][0]["exit_code"].is_null());
    let wall = slow_r["runs"][0]["wall_s"].as_f64().unwrap();
    assert!((0.9..10.0).contains(&wall), "killed after about a second: {wall}");

    let mut allowed = common.to_vec();
    allowed.extend(["--allow-fail", "pyjit", "--allow-fail", "slow"]);
    let out = f.run(&allowed);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("FAILED (allowed): alpha / pyjit"), "{stderr}");
}

#[test]
fn reference_failure_fails_the_run() {
    let f = Fixture::new("reffail");
    let failing = f.impl_arg("cpython", "failing.sh");
    let good = f.impl_arg("pyjit", "good.sh");
    let out = f.run(&["--impl", &failing, "--impl", &good, "--filter", "beta"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("FAILED (reference): beta / cpython"), "{stderr}");
    let json = f.json();
    let r = result(&json, "beta", "pyjit");
    assert_eq!(r["status"], "ok");
    assert!(r["error"].as_str().unwrap().contains("not verified"));
}

#[test]
fn usage_errors_exit_2() {
    let f = Fixture::new("usage");
    let good = f.impl_arg("mine", "good.sh");
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["--impl", &good], "reference implementation 'cpython' is not among"),
        (vec!["--runs", "0"], "--runs"),
        (vec!["--bogus"], "unknown argument"),
        (vec!["--impl", "x=/nonexistent/python"], "not found"),
        (vec!["--impl", &good, "--reference", "mine", "--filter", "zzz"], "matches"),
    ];
    for (args, want) in cases {
        let out = f.run(&args);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(want), "{args:?}: {stderr}");
        assert_eq!(stderr.lines().filter(|l| l.contains("error:")).count(), 1, "{stderr}");
    }
    for args in [
        &["compare", "/nonexistent/a.json", "/nonexistent/b.json"][..],
        &["chart", "/nonexistent/a.json"],
        &["arch-chart", "/nonexistent/a.json"],
    ] {
        let out = bench().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
    let help = bench().arg("--help").output().unwrap();
    assert_eq!(help.status.code(), Some(0));
    assert!(text(&help.stdout).contains("--allow-fail"));
}
