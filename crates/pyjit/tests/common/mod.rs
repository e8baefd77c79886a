//! How the integration tests start pyjit: behind PYJIT_TEST_RUNNER (e.g. "qemu-aarch64 -L
//! ..." for cross-architecture runs), in the environment tests/regen.py gives python3 when it
//! records the expected output (no inherited PYTHON* variables, fixed hash seed, UTF-8).

use std::path::Path;
use std::process::Command;

/// A command running the built pyjit in `dir`, with the GC stress mode on or off; the
/// caller adds the script and its arguments.
pub fn pyjit(dir: &Path, stress: bool) -> Command {
    let runner = std::env::var("PYJIT_TEST_RUNNER").unwrap_or_default();
    let mut parts: Vec<String> = runner.split_whitespace().map(str::to_string).collect();
    parts.push(env!("CARGO_BIN_EXE_pyjit").to_string());
    let mut cmd = Command::new(&parts[0]);
    cmd.args(&parts[1..]);
    for (k, _) in std::env::vars_os() {
        if k.to_string_lossy().starts_with("PYTHON") {
            cmd.env_remove(&k);
        }
    }
    cmd.current_dir(dir)
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONIOENCODING", "utf-8")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("LC_ALL", "C.UTF-8");
    if stress {
        cmd.env("PYJIT_GC_STRESS", "1");
    } else {
        cmd.env_remove("PYJIT_GC_STRESS");
    }
    cmd
}
