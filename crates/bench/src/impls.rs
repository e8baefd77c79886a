//! The implementations to run: the defaults (pyjit, cpython, pypy) that
//! exist on this machine, plus those given with `--impl NAME=PATH`.

use std::env;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::process;

/// One implementation: a name and the command line a program file is
/// appended to.
#[derive(Debug, Clone, PartialEq)]
pub struct ImplSpec {
    pub name: String,
    pub argv: Vec<String>,
}

impl ImplSpec {
    /// The command as one string (for the result file).
    pub fn command_line(&self) -> String {
        self.argv.join(" ")
    }
}

/// Splits `NAME=PATH` (PATH: a command, possibly a runner prefix and
/// arguments separated by whitespace).
pub fn parse_impl_arg(arg: &str) -> Result<(String, Vec<String>), String> {
    let (name, path) = arg
        .split_once('=')
        .ok_or_else(|| format!("--impl expects NAME=PATH, got '{arg}'"))?;
    let name = name.trim();
    if name.is_empty() || name.chars().any(|c| c.is_whitespace() || c == '/') {
        return Err(format!("--impl: bad implementation name '{name}'"));
    }
    let argv: Vec<String> = path.split_whitespace().map(str::to_string).collect();
    if argv.is_empty() {
        return Err(format!("--impl {name}: empty PATH"));
    }
    Ok((name.to_string(), argv))
}

fn is_executable(p: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    p.metadata()
        .map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        .unwrap_or(false)
}

/// Finds `program` like a shell would: a name containing `/` is a path,
/// anything else is looked up in PATH.
pub fn find_program(program: &str, path_var: Option<&str>, cwd: &Path) -> Option<PathBuf> {
    if program.contains('/') {
        let p = cwd.join(program);
        return is_executable(&p).then_some(p);
    }
    path_var?
        .split(':')
        .map(|dir| if dir.is_empty() { Path::new(".") } else { Path::new(dir) })
        .map(|dir| cwd.join(dir).join(program))
        .find(|p| is_executable(p))
}

/// Makes the command independent of the working directory (programs run in
/// the programs directory): the program itself is resolved (PATH or path)
/// and every later word that contains `/`, is relative and names an
/// existing file is made absolute.
pub fn resolve_argv(argv: &[String], cwd: &Path) -> Result<Vec<String>, String> {
    let (program, rest) = argv.split_first().ok_or("empty command")?;
    let path_var = env::var("PATH").ok();
    let found = find_program(program, path_var.as_deref(), cwd)
        .ok_or_else(|| format!("'{program}' not found or not executable"))?;
    let mut out = vec![found.to_string_lossy().into_owned()];
    for word in rest {
        let p = Path::new(word);
        if word.contains('/') && p.is_relative() && cwd.join(p).exists() {
            out.push(cwd.join(p).to_string_lossy().into_owned());
        } else {
            out.push(word.clone());
        }
    }
    Ok(out)
}

/// Asks a Python for `sys.executable`, so that wrapper scripts such as
/// pyenv shims (which add ~0.1 s to every start) are bypassed.
fn real_python(python: &Path) -> Option<PathBuf> {
    let argv = vec![
        python.to_string_lossy().into_owned(),
        "-c".to_string(),
        "import sys; print(sys.executable)".to_string(),
    ];
    let out = process::run(&argv, Path::new("/"), &[], Duration::from_secs(30)).ok()?;
    let exe = PathBuf::from(out.stdout.trim());
    (out.exit == crate::rusage::Exit::Code(0) && exe.is_absolute() && is_executable(&exe))
        .then_some(exe)
}

/// The CPython speed figures are measured against when it exists.
pub const OPTIMISED_CPYTHON: &str = "/usr/bin/python3.11";

/// The default implementations that exist; each missing one is announced
/// through `note`.
pub fn defaults(repo: Option<&Path>, cwd: &Path, note: &mut dyn FnMut(String)) -> Vec<ImplSpec> {
    let mut out = Vec::new();
    match repo.map(|r| r.join("target/release/pyjit")) {
        Some(p) if is_executable(&p) => out.push(ImplSpec {
            name: "pyjit".to_string(),
            argv: vec![p.to_string_lossy().into_owned()],
        }),
        Some(p) => note(format!(
            "pyjit: {} not found (cargo build --release -p pyjit); skipped",
            p.display()
        )),
        None => note("pyjit: repository root not found; skipped".to_string()),
    }
    let path_var = env::var("PATH").ok();
    // CPython as users run it: Debian's optimised build (PGO+LTO) when installed, which is
    // 15-35% faster on these programs than a plain build such as pyenv's `python3`
    let optimised = Path::new(OPTIMISED_CPYTHON);
    let cpython = if is_executable(optimised) { OPTIMISED_CPYTHON } else { "python3" };
    for (name, program) in [("cpython", cpython), ("pypy", "pypy3")] {
        match find_program(program, path_var.as_deref(), cwd) {
            Some(p) => {
                let exe = real_python(&p).unwrap_or(p);
                out.push(ImplSpec {
                    name: name.to_string(),
                    argv: vec![exe.to_string_lossy().into_owned()],
                });
            }
            None => note(format!("{name}: {program} not found in PATH; skipped")),
        }
    }
    out
}

/// Adds `extra` to `base`: an implementation with the same name as one in
/// `base` replaces it in place, others are appended in order.
pub fn merge(mut base: Vec<ImplSpec>, extra: Vec<ImplSpec>) -> Vec<ImplSpec> {
    for e in extra {
        match base.iter_mut().find(|b| b.name == e.name) {
            Some(b) => *b = e,
            None => base.push(e),
        }
    }
    base
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(name: &str, cmd: &str) -> ImplSpec {
        ImplSpec {
            name: name.to_string(),
            argv: cmd.split_whitespace().map(str::to_string).collect(),
        }
    }

    #[test]
    fn impl_arg_with_runner_prefix() {
        let (name, argv) =
            parse_impl_arg("pyjit-arm=qemu-aarch64 -L /usr/aarch64-linux-gnu  target/x/pyjit").unwrap();
        assert_eq!(name, "pyjit-arm");
        assert_eq!(argv, vec!["qemu-aarch64", "-L", "/usr/aarch64-linux-gnu", "target/x/pyjit"]);
        let (_, argv) = parse_impl_arg("py=/opt/a=b/python").unwrap();
        assert_eq!(argv, vec!["/opt/a=b/python"]);
    }

    #[test]
    fn impl_arg_errors() {
        assert!(parse_impl_arg("python3").is_err());
        assert!(parse_impl_arg("=python3").is_err());
        assert!(parse_impl_arg("a b=python3").is_err());
        assert!(parse_impl_arg("py=  ").is_err());
    }

    #[test]
    fn merge_replaces_in_place_and_appends() {
        let base = vec![spec("pyjit", "/a/pyjit"), spec("cpython", "python3")];
        let merged = merge(base, vec![spec("cpython", "/opt/py"), spec("other", "x")]);
        let names: Vec<_> = merged.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, vec!["pyjit", "cpython", "other"]);
        assert_eq!(merged[1].argv, vec!["/opt/py"]);
    }

    #[test]
    fn find_program_in_path_and_by_path() {
        let sh = find_program("sh", Some("/nonexistent:/bin:/usr/bin"), Path::new("/")).unwrap();
        assert!(sh.ends_with("sh"));
        assert!(find_program("sh", None, Path::new("/")).is_none());
        assert!(find_program("/bin/sh", None, Path::new("/tmp")).is_some());
        assert!(find_program("bin/sh", None, Path::new("/")).is_some());
        assert!(find_program("no-such-program-xyz", Some("/bin"), Path::new("/")).is_none());
    }

    #[test]
    fn resolve_makes_relative_paths_absolute() {
        let argv: Vec<String> = ["bin/sh", "-L", "/usr", "bin/sh", "not/a/file", "-x"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let out = resolve_argv(&argv, Path::new("/")).unwrap();
        assert_eq!(out, vec!["/bin/sh", "-L", "/usr", "/bin/sh", "not/a/file", "-x"]);
        assert!(resolve_argv(&["no/such/prog".to_string()], Path::new("/")).is_err());
    }
}
