//! pip end to end: `pyjit -m venv DIR` installs pip with ensurepip (from the system's pip
//! wheel), then the environment's `python -m pip` lists, installs a wheel made here (from
//! a local directory, no network) with its bytecode compiled, and uninstalls it. Skipped,
//! saying why, when the machine has no library, no pip wheel for ensurepip, or runs pyjit
//! under an emulator (the environment's python is then a binary the host cannot start).

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn pyjit(args: &[&str]) -> Output {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut cmd = common::pyjit(dir, false);
    cmd.args(args);
    cmd.output().expect("run pyjit")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Runs a program of the environment; its stdout, or a panic with its stderr.
fn run_env(program: &Path, args: &[&str]) -> String {
    let o = Command::new(program)
        .args(args)
        .env_remove("PYTHONPATH")
        .env("PIP_CONFIG_FILE", "/dev/null")
        .env("PIP_DISABLE_PIP_VERSION_CHECK", "1")
        .env("PIP_NO_INPUT", "1")
        .output()
        .expect("run the environment's program");
    assert!(o.status.success(), "{} {:?} failed ({}):\n{}\n{}", program.display(), args, o.status, text(&o.stdout), text(&o.stderr));
    text(&o.stdout)
}

/// Why the test cannot run here, if it cannot.
fn skip_reason() -> Option<String> {
    if !std::env::var("PYJIT_TEST_RUNNER").unwrap_or_default().is_empty() {
        return Some("pyjit runs under an emulator (PYJIT_TEST_RUNNER)".into());
    }
    let o = pyjit(&["-c", "import ensurepip; p = ensurepip._get_packages()['pip']; print(p.wheel_path or p.wheel_name)"]);
    let out = text(&o.stdout);
    if !o.status.success() || !out.trim().ends_with(".whl") {
        let why = text(&o.stderr).lines().last().unwrap_or("").to_string();
        return Some(format!("ensurepip has no pip wheel ({why})"));
    }
    None
}

struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Writes a pure-Python wheel `tinypkg-1.0` into `dir`, with pyjit's zipfile.
fn make_wheel(dir: &Path) {
    let prog = r#"
import base64, hashlib, sys, zipfile
files = {
    'tinypkg/__init__.py': 'def hello():\n    return "hello from tinypkg"\n\ndef main():\n    print(hello())\n',
    'tinypkg/sub.py': 'X = 42\n',
    'tinypkg-1.0.dist-info/METADATA': 'Metadata-Version: 2.1\nName: tinypkg\nVersion: 1.0\nSummary: a test\n',
    'tinypkg-1.0.dist-info/WHEEL': 'Wheel-Version: 1.0\nGenerator: pyjit-test\nRoot-Is-Purelib: true\nTag: py3-none-any\n',
    'tinypkg-1.0.dist-info/entry_points.txt': '[console_scripts]\ntinyhello = tinypkg:main\n',
}
record = []
with zipfile.ZipFile(sys.argv[1] + '/tinypkg-1.0-py3-none-any.whl', 'w') as z:
    for name, body in files.items():
        data = body.encode()
        z.writestr(name, data)
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b'=').decode()
        record.append(f'{name},sha256={digest},{len(data)}')
    record.append('tinypkg-1.0.dist-info/RECORD,,')
    z.writestr('tinypkg-1.0.dist-info/RECORD', '\n'.join(record) + '\n')
"#;
    let o = pyjit(&["-c", prog, dir.to_str().expect("utf-8 path")]);
    assert!(o.status.success(), "making the wheel failed: {}", text(&o.stderr));
}

#[test]
fn pip_lists_installs_and_uninstalls_in_a_venv() {
    if let Some(why) = skip_reason() {
        println!("skipped: {why}");
        return;
    }
    let tmp = TempDir(std::env::temp_dir().join(format!("pyjit-pip-test-{}", std::process::id())));
    let _ = std::fs::remove_dir_all(&tmp.0);
    std::fs::create_dir_all(&tmp.0).expect("temp dir");
    let env = tmp.0.join("env");
    let wheels = tmp.0.join("wheels");
    std::fs::create_dir_all(&wheels).expect("wheel dir");

    let o = pyjit(&["-m", "venv", env.to_str().expect("utf-8 path")]);
    assert!(o.status.success(), "venv with pip failed: {}\n{}", text(&o.stdout), text(&o.stderr));
    let py = env.join("bin").join("python");

    let list = run_env(&py, &["-m", "pip", "list", "--format=freeze"]);
    assert!(list.lines().any(|l| l.starts_with("pip==")), "pip list: {list}");

    make_wheel(&wheels);
    let out = run_env(&py, &["-m", "pip", "install", "--no-index", "--find-links", wheels.to_str().expect("utf-8"), "tinypkg"]);
    assert!(out.contains("Successfully installed tinypkg-1.0"), "pip install: {out}");
    // pip compiled the package's modules (compileall), and imports use those files
    let got = run_env(&py, &["-c", "import os, tinypkg, tinypkg.sub; print(tinypkg.hello(), tinypkg.sub.X, os.path.exists(tinypkg.__cached__), tinypkg.__cached__.endswith('.pyjit-311.pyc'))"]);
    assert_eq!(got, "hello from tinypkg 42 True True\n");
    let script = run_env(&env.join("bin").join("tinyhello"), &[]);
    assert_eq!(script, "hello from tinypkg\n", "the console script");
    let list = run_env(&py, &["-m", "pip", "list", "--format=freeze"]);
    assert!(list.lines().any(|l| l == "tinypkg==1.0"), "pip list after install: {list}");

    let out = run_env(&py, &["-m", "pip", "uninstall", "-y", "tinypkg"]);
    assert!(out.contains("Successfully uninstalled tinypkg-1.0"), "pip uninstall: {out}");
    let site = run_env(&py, &["-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]);
    assert!(!Path::new(site.trim()).join("tinypkg").exists(), "tinypkg left behind in {site}");
    assert!(!env.join("bin").join("tinyhello").exists(), "the console script was not removed");
}
