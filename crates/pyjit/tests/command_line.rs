//! The command line as a drop-in for python3, compared with what CPython 3.11.7 prints
//! (texts recorded from python3; `EXE` stands for the interpreter's path, `DIR` for the
//! directory the cases run in): -m, a directory or zip file holding __main__.py, -O/-OO,
//! -i, a program on stdin, sys.flags, option errors, and Ctrl-C (SIGINT) raising
//! KeyboardInterrupt in scripts and at the prompt.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::Duration;

/// (arguments, stdin, CPython's exit status, stdout, stderr).
type Case = (&'static [&'static str], Option<&'static str>, i32, &'static str, &'static str);

const CASES: &[Case] = &[
    (&["-m", "pkg.mod", "a", "b"], None, 0, "__main__ pkg 42 ['DIR/pkg/mod.py', 'a', 'b'] DIR/pkg/mod.py\n", ""),
    (&["pkg"], None, 0, "main __main__ DIR/pkg/__main__.py ['pkg'] DIR/pkg\n", ""),
    (&["app.zip"], None, 0, "zip main __main__ app.zip\n", ""),
    (&["empty"], None, 1, "", "EXE: can't find '__main__' module in 'DIR/empty'\n"),
    (&["-m", "nosuch"], None, 1, "", "EXE: No module named nosuch\n"),
    (&["-m", "pkg.nosuch"], None, 1, "", "EXE: No module named pkg.nosuch\n"),
    (&["-O", "opt.py"], None, 0, "assert skipped\nFalse module doc function doc class doc 1\nFalse True\n", ""),
    (&["-OO", "opt.py"], None, 0, "assert skipped\nFalse None None None 2\nFalse True\n", ""),
    (&["opt.py"], None, 0, "assert raised boom\nTrue module doc function doc class doc 0\nFalse True\n", ""),
    (&["-z"], None, 2, "", "Unknown option: -z\nusage: EXE [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `python -h' for more information.\n"),
    (&["--foo"], None, 2, "", "unknown option --foo\nusage: EXE [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `python -h' for more information.\n"),
    (&["-c"], None, 2, "", "Argument expected for the -c option\nusage: EXE [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `python -h' for more information.\n"),
    (&["-X"], None, 2, "", "Argument expected for the -X option\nusage: EXE [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `python -h' for more information.\n"),
    (&["-c", "import sys; print(sys.flags)"], None, 0, "sys.flags(debug=0, inspect=0, interactive=0, optimize=0, dont_write_bytecode=1, no_user_site=0, no_site=0, ignore_environment=0, verbose=0, bytes_warning=0, quiet=0, hash_randomization=0, isolated=0, dev_mode=False, utf8_mode=0, warn_default_encoding=0, safe_path=False, int_max_str_digits=-1)\n", ""),
    (&["-O", "-B", "-s", "-q", "-P", "-bb", "-X", "dev", "-X", "int_max_str_digits=5000", "-c", "import sys; print(sys.flags)"], None, 0, "sys.flags(debug=0, inspect=0, interactive=0, optimize=1, dont_write_bytecode=1, no_user_site=1, no_site=0, ignore_environment=0, verbose=0, bytes_warning=2, quiet=1, hash_randomization=0, isolated=0, dev_mode=True, utf8_mode=0, warn_default_encoding=0, safe_path=True, int_max_str_digits=5000)\n", ""),
    (&["-I", "-S", "-c", "import sys; print(sys.flags)"], None, 0, "sys.flags(debug=0, inspect=0, interactive=0, optimize=0, dont_write_bytecode=0, no_user_site=1, no_site=1, ignore_environment=1, verbose=0, bytes_warning=0, quiet=0, hash_randomization=1, isolated=1, dev_mode=False, utf8_mode=0, warn_default_encoding=0, safe_path=True, int_max_str_digits=-1)\n", ""),
    (&["-X", "int_max_str_digits=5", "-c", "1"], None, 1, "", "Fatal Python error: config_init_int_max_str_digits: -X int_max_str_digits: invalid limit; must be >= 640 or 0 for unlimited.\nPython runtime state: preinitialized\n\n"),
    (&[], Some("print(__file__, __name__)\n"), 0, "<stdin> __main__\n", ""),
    (&["-"], Some("import sys; print(__file__, sys.argv)\n"), 0, "<stdin> ['-']\n", ""),
    (&["-i", "-c", "x = 5"], Some("print(x * 2)\n"), 0, "10\n", ">>> >>> \n"),
    (&["-i", "-c", "import sys; sys.exit(4)"], Some("print(1)\n"), 0, "1\n", "Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\nSystemExit: 4\n>>> >>> \n"),
    (&["-i", "-c", "1/0"], Some("print(2)\nimport sys; sys.exit(3)\n"), 3, "2\n", "Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\nZeroDivisionError: division by zero\n>>> >>> "),
    (&["-i", "-q"], Some("import os, signal; os.kill(os.getpid(), signal.SIGINT)\nprint(\"after\")\n"), 0, "after\n", ">>> Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\nKeyboardInterrupt\n>>> >>> \n"),
    (&["-i", "-q"], Some("for i in range(3):\n    print(i)\n\n"), 0, "0\n1\n2\n", ">>> ... ... >>> \n"),
];

/// A zip file whose __main__.py prints a line (made with Python's zipfile, stored).
const APP_ZIP: &[u8] = &[80, 75, 3, 4, 20, 0, 0, 0, 0, 0, 203, 50, 135, 93, 98, 125, 112, 88, 52, 0, 0, 0, 52, 0, 0, 0, 11, 0, 0, 0, 95, 95, 109, 97, 105, 110, 95, 95, 46, 112, 121, 105, 109, 112, 111, 114, 116, 32, 115, 121, 115, 10, 112, 114, 105, 110, 116, 40, 34, 122, 105, 112, 32, 109, 97, 105, 110, 34, 44, 32, 95, 95, 110, 97, 109, 101, 95, 95, 44, 32, 115, 121, 115, 46, 97, 114, 103, 118, 91, 48, 93, 41, 10, 80, 75, 1, 2, 20, 3, 20, 0, 0, 0, 0, 0, 203, 50, 135, 93, 98, 125, 112, 88, 52, 0, 0, 0, 52, 0, 0, 0, 11, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 128, 1, 0, 0, 0, 0, 95, 95, 109, 97, 105, 110, 95, 95, 46, 112, 121, 80, 75, 5, 6, 0, 0, 0, 0, 1, 0, 1, 0, 57, 0, 0, 0, 93, 0, 0, 0, 0, 0];

const OPT_PY: &str = r#""""module doc"""
import sys
def f():
    """function doc"""
class C:
    """class doc"""
try:
    assert False, "boom"
    print("assert skipped")
except AssertionError as e:
    print("assert raised", e)
print(__debug__, __doc__, f.__doc__, C.__doc__, sys.flags.optimize)
print(eval(compile("__debug__", "s", "eval", optimize=1)), eval(compile("__debug__", "s", "eval", optimize=0)))
"#;

/// A fresh directory with the files the cases use.
fn workdir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pyjit-cli-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("pkg")).expect("temp dir");
    std::fs::create_dir_all(dir.join("empty")).expect("temp dir");
    let files: &[(&str, &str)] = &[
        ("pkg/__init__.py", ""),
        ("pkg/helper.py", "X = 42\n"),
        ("pkg/mod.py", "from . import helper\nimport sys\nprint(__name__, __package__, helper.X, sys.argv, __file__)\n"),
        ("pkg/__main__.py", "import sys\nprint(\"main\", __name__, __file__, sys.argv, sys.path[0])\n"),
        ("opt.py", OPT_PY),
    ];
    for (name, text) in files {
        std::fs::write(dir.join(name), text).expect("write file");
    }
    std::fs::write(dir.join("app.zip"), APP_ZIP).expect("write zip");
    std::fs::canonicalize(&dir).expect("canonical dir")
}

fn has_library(dir: &Path) -> bool {
    let o = common::pyjit(dir, false).args(["-S", "-c", "import sys; print(sys._stdlib_dir)"]).output().expect("run pyjit");
    let s = String::from_utf8_lossy(&o.stdout).trim().to_string();
    s != "None" && !s.is_empty()
}

/// Cases that go through the library's runpy.
fn needs_library(args: &[&str]) -> bool {
    args.first().is_some_and(|a| ["-m", "pkg", "app.zip", "empty"].contains(a))
}

#[test]
fn command_line_cases_print_what_cpython_prints() {
    let dir = workdir("cases");
    let lib = has_library(&dir);
    let exe = env!("CARGO_BIN_EXE_pyjit");
    let d = dir.to_string_lossy().to_string();
    let mut failures = Vec::new();
    for (args, stdin, code, want_out, want_err) in CASES {
        if !lib && needs_library(args) {
            continue;
        }
        let mut cmd = common::pyjit(&dir, false);
        cmd.args(*args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
        let mut child = cmd.spawn().expect("run pyjit");
        if let Some(mut si) = child.stdin.take() {
            let _ = si.write_all(stdin.unwrap_or("").as_bytes());
        }
        let o = child.wait_with_output().expect("wait");
        let fix = |b: &[u8]| String::from_utf8_lossy(b).replace(exe, "EXE").replace(&d, "DIR");
        let (out, err) = (fix(&o.stdout), fix(&o.stderr));
        if o.status.code() != Some(*code) || out != *want_out || err != *want_err {
            failures.push(format!(
                "{args:?}:\n  status {:?} (want {code})\n  stdout {out:?}\n    want {want_out:?}\n  stderr {err:?}\n    want {want_err:?}",
                o.status.code()
            ));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn sigint(child: &Child) {
    let st = std::process::Command::new("kill").args(["-INT", &child.id().to_string()]).status().expect("kill");
    assert!(st.success());
}

/// Ctrl-C in a script: time.sleep, a busy loop (JIT off: compiled loops are the JIT's to
/// check) and input() raise KeyboardInterrupt; uncaught, it ends the process by SIGINT
/// after the traceback, as CPython does (a shell sees status 130).
#[test]
fn ctrl_c_raises_keyboard_interrupt_and_uncaught_it_dies_by_sigint() {
    let dir = workdir("sigint");
    let script = "import time\nprint(\"ready\", flush=True)\ntry:\n    time.sleep(10)\nexcept KeyboardInterrupt:\n    print(\"caught sleep\", flush=True)\ntry:\n    print(\"loop\", flush=True)\n    while True:\n        pass\nexcept KeyboardInterrupt:\n    print(\"caught loop\", flush=True)\nprint(\"input\", flush=True)\nx = input()\n";
    std::fs::write(dir.join("sl.py"), script).expect("write script");
    let mut child = common::pyjit(&dir, false)
        .args(["-X", "jit=off", "sl.py"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run pyjit");
    let stdin = child.stdin.take();
    let mut lines = BufReader::new(child.stdout.take().expect("stdout"));
    let mut out = String::new();
    for want in ["ready", "loop", "input"] {
        loop {
            let mut line = String::new();
            if lines.read_line(&mut line).expect("read") == 0 {
                break;
            }
            out.push_str(&line);
            if line.trim() == want {
                break;
            }
        }
        std::thread::sleep(Duration::from_millis(200));
        sigint(&child);
    }
    let mut rest = String::new();
    let _ = lines.read_to_string(&mut rest);
    out.push_str(&rest);
    let mut err = String::new();
    let _ = child.stderr.take().expect("stderr").read_to_string(&mut err);
    let status = child.wait().expect("wait");
    drop(stdin);
    let d = dir.to_string_lossy().to_string();
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(out, "ready\ncaught sleep\nloop\ncaught loop\ninput\n");
    let err = err.replace(&d, "DIR");
    assert_eq!(err, "Traceback (most recent call last):\n  File \"DIR/sl.py\", line 14, in <module>\n    x = input()\n        ^^^^^^^\nKeyboardInterrupt\n");
    assert_eq!(status.signal(), Some(2), "status {status:?}");
}

/// Ctrl-C while the prompt waits for a line: "KeyboardInterrupt" and a new prompt.
#[test]
fn ctrl_c_at_the_prompt_prints_keyboard_interrupt_and_prompts_again() {
    let dir = workdir("prompt");
    let mut child = common::pyjit(&dir, false)
        .args(["-i", "-q"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run pyjit");
    let mut stderr = child.stderr.take().expect("stderr");
    let mut seen = Vec::new();
    while !seen.ends_with(b">>> ") {
        let mut b = [0u8; 64];
        let n = stderr.read(&mut b).expect("read");
        assert!(n > 0, "no prompt: {:?}", String::from_utf8_lossy(&seen));
        seen.extend_from_slice(&b[..n]);
    }
    std::thread::sleep(Duration::from_millis(200));
    sigint(&child);
    std::thread::sleep(Duration::from_millis(200));
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(b"print('x')\n").expect("write");
    drop(stdin);
    let _ = stderr.read_to_end(&mut seen);
    let o = child.wait_with_output().expect("wait");
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(String::from_utf8_lossy(&o.stdout), "x\n");
    assert_eq!(String::from_utf8_lossy(&seen), ">>> \nKeyboardInterrupt\n>>> >>> \n");
    assert_eq!(o.status.code(), Some(0));
}

/// An uncaught KeyboardInterrupt (here from a signal the program sends itself) is reported,
/// then the process dies by SIGINT.
#[test]
fn uncaught_keyboard_interrupt_is_reported_then_dies_by_sigint() {
    let dir = workdir("ki");
    std::fs::write(dir.join("ki.py"), "import os, signal\nos.kill(os.getpid(), signal.SIGINT)\nprint(\"not reached\")\n").expect("write");
    let o = common::pyjit(&dir, false).arg("ki.py").output().expect("run pyjit");
    let d = dir.to_string_lossy().to_string();
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(String::from_utf8_lossy(&o.stdout), "");
    assert_eq!(
        String::from_utf8_lossy(&o.stderr).replace(&d, "DIR"),
        "Traceback (most recent call last):\n  File \"DIR/ki.py\", line 2, in <module>\n    os.kill(os.getpid(), signal.SIGINT)\nKeyboardInterrupt\n"
    );
    assert_eq!(o.status.signal(), Some(2), "status {:?}", o.status);
}
