//! The JIT's command-line controls, end to end: statistics as JSON, the log, `-X jit=off`,
//! a code-memory limit that fills up, `-X jit-cross`, and bad values.

mod common;

use std::path::{Path, PathBuf};

const PROGRAM: &str = "
def f(n):
    t = 0
    for i in range(n):
        t = t + i * 3
    return t
def g(n):
    x = 0.5
    i = 0
    while i < n:
        x = x * 0.5 + i
        i += 1
    return x
def h(n):
    t = 0
    for i in range(n):
        t = t ^ i
    return t
def k(n):
    t = 1
    for i in range(n):
        t = (t * 7 + i) & 1023
    return t
print(f(1000), g(1000), h(1000), k(1000))
";
const OUTPUT: &str = "1498500 1996.0 0 309\n";

fn scratch(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("jit-controls-{name}"));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("scratch dir");
    std::fs::write(d.join("prog.py"), PROGRAM).expect("write program");
    d
}

fn run(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> (String, String, i32) {
    let mut cmd = common::pyjit(dir, false);
    cmd.env_remove("PYJIT_JIT").env_remove("PYJIT_JIT_THRESHOLD").env_remove("PYJIT_JIT_STATS").env_remove("PYJIT_JIT_LOG");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.args(args).arg("prog.py").output().expect("run pyjit");
    (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned(), out.status.code().unwrap_or(-1))
}

fn json_number(json: &str, key: &str) -> i64 {
    let at = json.find(&format!("\"{key}\": ")).unwrap_or_else(|| panic!("{key} missing in {json}"));
    json[at + key.len() + 4..].chars().take_while(|c| c.is_ascii_digit()).collect::<String>().parse().expect("number")
}

fn native_isa() -> &'static str {
    if cfg!(target_arch = "aarch64") {
        "aarch64"
    } else {
        "x86_64"
    }
}

#[test]
fn stats_json_counts_compiled_loops() {
    let d = scratch("stats");
    let stats = d.join("stats.json");
    let (out, err, code) = run(&d, &["-X", "jit-threshold=2", "-X", &format!("jit-stats={}", stats.display())], &[]);
    assert_eq!((out.as_str(), code), (OUTPUT, 0), "{err}");
    let j = std::fs::read_to_string(&stats).expect("stats file");
    assert!(json_number(&j, "loops") >= 4, "{j}");
    for key in ["bridges", "guard_failures", "compile_ms", "code_bytes", "ir_ops", "insns", "spills", "reloads", "helper_calls"] {
        assert!(j.contains(&format!("\"{key}\"")), "{key} missing: {j}");
    }
    assert!(j.contains(&format!("\"{}\"", native_isa())), "{j}");
    // the environment variable does the same
    let stats2 = d.join("stats2.json");
    let (out, _, _) = run(&d, &[], &[("PYJIT_JIT_THRESHOLD", "2"), ("PYJIT_JIT_STATS", stats2.to_str().expect("path"))]);
    assert_eq!(out, OUTPUT);
    assert!(json_number(&std::fs::read_to_string(&stats2).expect("stats file"), "loops") >= 4);
}

#[test]
fn jit_off_runs_the_interpreter_only() {
    let d = scratch("off");
    let stats = d.join("stats.json");
    for args in [&["-X", "jit=off"][..], &[][..]] {
        let env: &[(&str, &str)] = if args.is_empty() { &[("PYJIT_JIT", "off")] } else { &[] };
        let mut env = env.to_vec();
        env.push(("PYJIT_JIT_STATS", stats.to_str().expect("path")));
        let (out, err, code) = run(&d, args, &env);
        assert_eq!((out.as_str(), code), (OUTPUT, 0), "{err}");
        assert!(!stats.exists(), "no engine, no statistics");
    }
}

#[test]
fn log_shows_traces_and_machine_code() {
    let d = scratch("log");
    let log = d.join("jit.log");
    let (out, err, _) = run(&d, &["-X", "jit-threshold=2", "-X", &format!("jit-log={}", log.display())], &[]);
    assert_eq!(out, OUTPUT, "{err}");
    let text = std::fs::read_to_string(&log).expect("log file");
    for part in ["==== trace f:", "---- recorded", "---- optimised", "       loop", "       jump ", "---- lir", &format!("---- {} code", native_isa())] {
        assert!(text.contains(part), "{part:?} missing from the log:\n{text}");
    }
}

#[test]
fn full_code_memory_leaves_loops_interpreted() {
    let d = scratch("codemem");
    // twenty loops of a few hundred bytes each, for one page of code memory
    let mut prog = String::new();
    let mut want = 0i64;
    for k in 0..20 {
        prog.push_str(&format!("def f{k}(n):\n    t = {k}\n    for i in range(n):\n        t = t + i * {k}\n    return t\n"));
        want += k + (0..100).map(|i| i * k).sum::<i64>();
    }
    prog.push_str(&format!("print(sum([{}]))\n", (0..20).map(|k| format!("f{k}(100)")).collect::<Vec<_>>().join(", ")));
    std::fs::write(d.join("prog.py"), prog).expect("write program");
    let stats = d.join("stats.json");
    let (out, err, code) = run(&d, &["-X", "jit-threshold=2", "-X", "jit-code-mem=1K", "-X", &format!("jit-stats={}", stats.display())], &[]);
    assert_eq!((out.as_str(), code), (format!("{want}\n").as_str(), 0), "{err}");
    let j = std::fs::read_to_string(&stats).expect("stats file");
    assert!(j.contains("\"out of code memory\""), "{j}");
    assert!(json_number(&j, "code_bytes") <= 4096, "{j}");
}

#[test]
fn bad_values_are_refused() {
    let d = scratch("bad");
    for arg in ["jit-threshold=0", "jit=perhaps", "jit-code-mem=lots"] {
        let (out, err, code) = run(&d, &["-X", arg], &[]);
        assert_eq!((out.as_str(), code), ("", 2), "{arg}: {err}");
        assert!(err.contains("pyjit: -X jit"), "{err}");
    }
}

#[test]
fn bridges_from_hot_exits_keep_the_output() {
    {
        let d = scratch("bridges");
        let prog = "
def f(n):
    t = 0
    for i in range(n):
        if i & 1:
            t += i
        else:
            t -= 3
        if i % 3 == 0:
            t ^= 5
    return t
print(f(20000))
";
        std::fs::write(d.join("prog.py"), prog).expect("write program");
        let stats = d.join("s.json");
        // bridges are on by default
        let (out, err, code) = run(&d, &["-X", "jit-threshold=5"], &[("PYJIT_JIT_STATS", stats.to_str().unwrap())]);
        assert_eq!((out.as_str(), code), ("99963329\n", 0), "stderr: {err}");
        let json = std::fs::read_to_string(&stats).expect("stats written");
        assert!(json_number(&json, "bridges") >= 1, "{json}");
        // turned off: no bridge
        let (out, _, _) = run(&d, &["-X", "jit-bridges=off", "-X", "jit-threshold=5"], &[("PYJIT_JIT_STATS", stats.to_str().unwrap())]);
        assert_eq!(out, "99963329\n");
        let json = std::fs::read_to_string(&stats).expect("stats written");
        assert_eq!(json_number(&json, "bridges"), 0, "{json}");
    }
}
