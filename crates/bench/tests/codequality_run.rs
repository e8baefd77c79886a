//! Runs `pyjit-bench codequality` with a shell script standing in for pyjit,
//! writing JIT statistics files as pyjit does.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_pyjit-bench");

/// The built binary as a command, behind PYJIT_TEST_RUNNER when the tests run
/// for another architecture.
fn bench() -> Command {
    let runner = std::env::var("PYJIT_TEST_RUNNER").unwrap_or_default();
    let mut parts: Vec<&str> = runner.split_whitespace().collect();
    parts.push(BIN);
    let mut cmd = Command::new(parts[0]);
    cmd.args(&parts[1..]);
    cmd
}

/// A fake pyjit: checks the options and the environment the harness must give,
/// then behaves after the program's name.  alpha writes two traces (the first
/// with the threshold as its IR op count), beta fails, gamma writes no stats,
/// delta writes a broken file, slow outlasts the time limit.
const FAKE_PYJIT: &str = r#"
if [ "$1" = --version ]; then echo 'Python 3.11.7 (fake pyjit)'; exit 0; fi
case "$*" in *"-X jit=on -X jit-cross -X jit-threshold="*) ;; *) echo "bad options: $*" >&2; exit 9;; esac
[ "$PYJIT_BENCH_QUICK" = 1 ] && [ "$PYJIT_BENCH_ITER_TIMES" = 1 ] || { echo "not quick" >&2; exit 8; }
all="$*"; thr=${all##*jit-threshold=}; thr=${thr%% *}
for prog; do :; done
case "$prog" in
alpha.py)
  cat > "$PYJIT_JIT_STATS" <<EOF
{
  "loops": 2, "bridges": 0, "aborts": {"LoadAttr": 3, "GetIter": 1}, "guard_failures": 1, "entries": 5,
  "compile_ms": 0.500, "code_bytes": 440,
  "traces": [
    {"ir_ops": $thr, "record_us": 1.0, "optimize_us": 2.0, "emit_us": 3.0, "x86_64": {"insns": 100, "bytes": 400, "spills": 3, "reloads": 4, "helper_calls": 2}, "aarch64": {"insns": 110, "bytes": 440, "spills": 2, "reloads": 4, "helper_calls": 2}},
    {"ir_ops": 10, "record_us": 3.0, "optimize_us": 4.0, "emit_us": 5.0, "x86_64": {"insns": 20, "bytes": 40, "spills": 0, "reloads": 0, "helper_calls": 1}}
  ]
}
EOF
  ;;
beta.py) echo "ImportError: No module named 're'" >&2; exit 1;;
delta.py) echo '{"traces": [' > "$PYJIT_JIT_STATS";;
slow.py) sleep 30;;
esac
echo "checksum: $(cat "$prog")"
"#;

struct Fixture {
    root: PathBuf,
}

impl Fixture {
    fn new(name: &str) -> Fixture {
        let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("pyjit-codequality-{name}"));
        let _ = fs::remove_dir_all(&root);
        fs::create_dir_all(root.join("programs")).unwrap();
        for (i, p) in ["alpha", "beta", "gamma", "delta", "slow"].iter().enumerate() {
            fs::write(root.join(format!("programs/{p}.py")), i.to_string()).unwrap();
        }
        fs::write(root.join("programs/_helper.py"), "").unwrap();
        fs::write(root.join("pyjit.sh"), FAKE_PYJIT).unwrap();
        Fixture { root }
    }

    fn run(&self, extra: &[&str]) -> Output {
        let pyjit = format!("/bin/sh {}", self.root.join("pyjit.sh").display());
        let programs = self.root.join("programs").display().to_string();
        let out = self.root.join("out").display().to_string();
        let mut args = vec!["codequality", "--pyjit", &pyjit, "--programs", &programs, "--out", &out];
        args.extend_from_slice(extra);
        bench().args(&args).output().unwrap()
    }

    fn file(&self, suffix: &str) -> PathBuf {
        let files: Vec<PathBuf> = fs::read_dir(self.root.join("out"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().ends_with(suffix))
            .collect();
        assert_eq!(files.len(), 1, "{files:?}");
        files[0].clone()
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn program<'a>(json: &'a Value, name: &str) -> &'a Value {
    json["programs"].as_array().unwrap().iter().find(|p| p["name"] == name).unwrap()
}

#[test]
fn tables_from_stats_files_and_rows_for_the_rest() {
    let f = Fixture::new("all");
    let out = f.run(&["--threshold", "7", "--timeout", "1"]);
    let stderr = text(&out.stderr);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("[1/5] alpha  ok"), "{stderr}");
    assert!(stderr.contains("4 program(s) without figures"), "{stderr}");

    let md_path = f.file("-codequality.md");
    let name = md_path.file_name().unwrap().to_string_lossy().into_owned();
    assert_eq!(name.len(), "2026-11-25-codequality.md".len(), "{name}");
    let json: Value = serde_json::from_str(&fs::read_to_string(f.file("-codequality.json")).unwrap()).unwrap();
    assert_eq!(json["kind"], "codequality");
    assert_eq!(json["threshold"], 7);
    assert_eq!(json["options"], "-X jit=on -X jit-cross -X jit-threshold=7");
    assert_eq!(json["pyjit"]["version"], "Python 3.11.7 (fake pyjit)");
    assert_eq!(json["machine"]["arch"], std::env::consts::ARCH);
    let names: Vec<&str> = json["programs"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["alpha", "beta", "delta", "gamma", "slow"]);

    let alpha = program(&json, "alpha");
    assert_eq!(alpha["status"], "ok");
    assert!(alpha["file"].as_str().unwrap().ends_with("pyjit-codequality-all/programs/alpha.py"));
    let x = &alpha["figures"]["x86_64"];
    assert_eq!((x["traces"].as_u64(), x["ir_ops"].as_u64(), x["insns"].as_u64()), (Some(2), Some(17), Some(120)));
    let a = &alpha["figures"]["aarch64"];
    assert_eq!((a["traces"].as_u64(), a["ir_ops"].as_u64(), a["spills"].as_u64()), (Some(1), Some(7), Some(2)));
    assert_eq!(alpha["figures"]["comparison"]["traces_at_bar"], 1);
    assert_eq!(alpha["figures"]["compile"]["record_us"], 2.0);
    assert_eq!(program(&json, "beta")["status"], "failed");
    assert!(program(&json, "beta")["error"].as_str().unwrap().contains("No module named 're'"));
    assert_eq!(program(&json, "gamma")["status"], "no_stats");
    assert_eq!(program(&json, "delta")["status"], "no_stats");
    assert!(program(&json, "delta")["error"].as_str().unwrap().contains("not JSON"));
    assert_eq!(program(&json, "slow")["status"], "timeout");
    assert!(program(&json, "slow").get("figures").is_none());
    assert_eq!(json["totals"]["programs"], 1);
    assert_eq!(json["totals"]["programs_at_bar"], 1);

    let md = fs::read_to_string(&md_path).unwrap();
    assert_eq!(stdout, md, "the report is also printed");
    let native = if std::env::consts::ARCH == "aarch64" { "AArch64 (native)" } else { "x86-64 (native)" };
    assert!(md.contains(&format!("## {native}")), "{md}");
    assert!(md.contains("| alpha | 2 | 17 | 120 | 7.06 | 440 | 3 | 4 | 3 | 4 |"), "{md}");
    assert!(md.contains("| alpha | 1 | 7 | 110 | 15.71 | 440 | 2 | 4 | 2 | 4 |"), "{md}");
    assert!(md.contains("| alpha | 1 | 6 | 7 | 2 | 2 | yes | 1 of 1 |"), "{md}");
    assert!(md.contains("| alpha | 2 | 2.00 | 3.00 | 4.00 | 9.00 |"), "{md}");
    assert!(md.contains("| beta | FAILED | – |"), "{md}");
    assert!(md.contains("| gamma | NO STATS | – |"), "{md}");
    assert!(md.contains("| slow | TIMEOUT | – |"), "{md}");
    assert!(md.contains("| `LoadAttr` | 3 | alpha |"), "{md}");
    assert!(md.contains("**total (1 program)**"), "{md}");
    assert!(md.contains("- gamma: NO STATS – no statistics file was written"), "{md}");
}

#[test]
fn filter_and_default_threshold() {
    let f = Fixture::new("filter");
    let out = f.run(&["--filter", "alp"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json: Value = serde_json::from_str(&fs::read_to_string(f.file("-codequality.json")).unwrap()).unwrap();
    assert_eq!(json["programs"].as_array().unwrap().len(), 1);
    assert_eq!(json["threshold"], 50);
    assert_eq!(program(&json, "alpha")["figures"]["x86_64"]["ir_ops"], 60);
}

#[test]
fn usage_errors_exit_2() {
    let f = Fixture::new("usage");
    let cases: Vec<Vec<&str>> = vec![
        vec!["codequality", "--pyjit", "/nonexistent/pyjit"],
        vec!["codequality", "--threshold", "0"],
        vec!["codequality", "--bogus"],
    ];
    for args in cases {
        let out = bench().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(text(&out.stderr).contains("error:"), "{args:?}");
    }
    let out = f.run(&["--filter", "zzz"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("matches"));
}
