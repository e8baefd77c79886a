//! How pyjit finds CPython's standard library: sys.path as CPython builds it, PYJIT_STDLIB,
//! a missing library (programs without imports still run; importing a library module says
//! why it failed), -S, and compiled extension modules (a clear ImportError naming the file).

mod common;

use std::path::Path;
use std::process::Output;

fn run(args: &[&str], env: &[(&str, &str)]) -> Output {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut cmd = common::pyjit(dir, false);
    cmd.args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run pyjit")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The library directory pyjit finds, if the machine has one.
fn stdlib() -> Option<String> {
    let o = run(&["-S", "-c", "import sys; print(sys._stdlib_dir)"], &[]);
    let s = stdout(&o).trim().to_string();
    (s != "None" && !s.is_empty()).then_some(s)
}

#[test]
fn sys_path_lists_the_library_after_the_script_entry() {
    let Some(lib) = stdlib() else { return };
    let o = run(&["-S", "-c", "import sys; print(sys.path)"], &[("PYTHONPATH", "/p1:/p2")]);
    let parent = lib.rsplit_once('/').map(|p| p.0).unwrap_or("");
    let want = format!("['', '/p1', '/p2', '{parent}/python311.zip', '{lib}', '{lib}/lib-dynload']\n");
    assert_eq!(stdout(&o), want, "stderr: {}", stderr(&o));
    // -E ignores PYTHONPATH; -I also leaves out the script's entry
    let o = run(&["-I", "-S", "-c", "import sys; print(sys.path[0] == sys.path[-3].rsplit('/', 1)[0] + '/python311.zip')"], &[("PYTHONPATH", "/p1")]);
    assert_eq!(stdout(&o), "True\n", "stderr: {}", stderr(&o));
}

#[test]
fn site_runs_unless_dash_s() {
    if stdlib().is_none() {
        return;
    }
    let o = run(&["-c", "import sys; print('site' in sys.modules, sys.flags.no_site)"], &[]);
    assert_eq!(stdout(&o), "True 0\n", "stderr: {}", stderr(&o));
    let o = run(&["-S", "-c", "import sys; print('site' in sys.modules, sys.flags.no_site)"], &[]);
    assert_eq!(stdout(&o), "False 1\n", "stderr: {}", stderr(&o));
}

#[test]
fn pyjit_stdlib_overrides_and_a_missing_library_is_explained() {
    let Some(lib) = stdlib() else { return };
    let o = run(&["-S", "-c", "import sys, os; print(sys._stdlib_dir, os.sep)"], &[("PYJIT_STDLIB", &lib)]);
    assert_eq!(stdout(&o), format!("{lib} /\n"), "stderr: {}", stderr(&o));
    // no library: a program needing none runs; a library import names the cause
    let o = run(&["-c", "print(6 * 7)"], &[("PYJIT_STDLIB", "/nonexistent")]);
    assert_eq!(stdout(&o), "42\n", "stderr: {}", stderr(&o));
    assert!(o.status.success());
    let o = run(&["-c", "import json"], &[("PYJIT_STDLIB", "/nonexistent")]);
    let err = stderr(&o);
    assert!(err.contains("No module named 'json'") && err.contains("PYJIT_STDLIB=/nonexistent"), "stderr: {err}");
}

#[test]
fn extension_modules_are_a_clear_import_error() {
    let Some(lib) = stdlib() else { return };
    let dynload = Path::new(&lib).join("lib-dynload");
    let Some(so) = std::fs::read_dir(&dynload)
        .ok()
        .and_then(|rd| rd.filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().into_owned()).find(|n| n.starts_with("_ctypes.") && n.ends_with(".so")))
    else {
        return;
    };
    let o = run(&["-S", "-c", "import _ctypes"], &[]);
    let err = stderr(&o);
    assert!(err.contains("ImportError") && err.contains(&so) && err.contains("cannot load the compiled extension module"), "stderr: {err}");
}
