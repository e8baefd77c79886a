//! The descriptive part of sys: where the Python installation is (prefix and friends),
//! sys.implementation, build and platform constants, and the import system's lists
//! (meta_path, path_hooks, path_importer_cache).

use crate::heap::{ObjKind, Value};
use crate::interp::Vm;
use crate::objects::*;

use super::set_attr;

/// The version of pyjit itself (sys.implementation.version).
const PYJIT_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The file whose presence marks a CPython 3.11 prefix (CPython's getpath looks for the same
/// landmark).
const LANDMARK: &str = "lib/python3.11/os.py";

/// The CPython 3.11 installation whose pure-Python standard library belongs with pyjit:
/// (prefix, exec_prefix). PYTHONHOME ("prefix[:exec_prefix]") wins; otherwise the first of
/// the installations of the `python3.11`/`python3` commands on PATH, /usr/local and /usr that
/// holds lib/python3.11/os.py; otherwise /usr/local, CPython's default prefix.
pub fn find_prefix(home: Option<&str>) -> (String, String) {
    if let Some(h) = home {
        return match h.split_once(':') {
            Some((p, e)) => (p.to_string(), e.to_string()),
            None => (h.to_string(), h.to_string()),
        };
    }
    let mut candidates: Vec<std::path::PathBuf> = Vec::new();
    if let Some(path) = std::env::var_os("PATH") {
        for dir in std::env::split_paths(&path) {
            for exe in ["python3.11", "python3"] {
                let p = dir.join(exe);
                if let Ok(real) = std::fs::canonicalize(&p) {
                    if let Some(prefix) = real.parent().and_then(|bin| bin.parent()) {
                        candidates.push(prefix.to_path_buf());
                    }
                }
            }
        }
    }
    candidates.push("/usr/local".into());
    candidates.push("/usr".into());
    for c in candidates {
        if c.join(LANDMARK).is_file() {
            let p = c.to_string_lossy().into_owned();
            return (p.clone(), p);
        }
    }
    ("/usr/local".into(), "/usr/local".into())
}

/// sys._base_executable of an executable in a virtual environment, found as CPython's
/// getpath finds one: a `pyvenv.cfg` beside the executable or in the directory above,
/// holding a `home = DIR` line. The base executable is the executable with its symlinks
/// resolved, or DIR/its name when it is no link.
fn venv_base_executable(exe: &str) -> Option<String> {
    let exe_dir = std::path::Path::new(exe).parent()?;
    let text = match std::fs::read(exe_dir.join("pyvenv.cfg")) {
        Ok(t) => t,
        Err(_) => std::fs::read(exe_dir.parent()?.join("pyvenv.cfg")).ok()?,
    };
    let text = String::from_utf8_lossy(&text);
    let home = text.lines().find_map(|line| {
        let (k, v) = line.split_once('=')?;
        (k.trim().eq_ignore_ascii_case("home")).then(|| v.trim().to_string())
    })?;
    let real = std::fs::canonicalize(exe).map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
    let base_executable = if !real.is_empty() && real != exe {
        real
    } else {
        let name = std::path::Path::new(exe).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        std::path::Path::new(&home).join(name).to_string_lossy().into_owned()
    };
    Some(base_executable)
}

/// (major, minor, micro) of a "x.y.z" version.
fn version_triple(v: &str) -> [i64; 3] {
    let mut out = [0i64; 3];
    for (i, part) in v.split('.').take(3).enumerate() {
        out[i] = part.chars().take_while(|c| c.is_ascii_digit()).collect::<String>().parse().unwrap_or(0);
    }
    out
}

fn str_or_none(vm: &mut Vm, s: Option<&str>) -> Value {
    match s {
        Some(s) => vm.new_str(s),
        None => vm.none,
    }
}

const COPYRIGHT: &str = "Copyright (c) 2001-2023 Python Software Foundation.
All Rights Reserved.

Copyright (c) 2000 BeOpen.com.
All Rights Reserved.

Copyright (c) 1995-2001 Corporation for National Research Initiatives.
All Rights Reserved.

Copyright (c) 1991-1995 Stichting Mathematisch Centrum, Amsterdam.
All Rights Reserved.";

/// The import system's own finders, as classes the way CPython lists them in sys.meta_path.
/// The import statement recognises them and runs its built-in search at their place.
fn finder_class(vm: &mut Vm, name: &str, module: &str, key: &str) -> Value {
    let ot = vm.types.object;
    let ty = vm.make_type(name, ot, ObjKind::Instance, 0);
    let d = ty.get::<TypeObj>().map(|t| t.dict).unwrap_or(Value::NULL);
    let m = vm.new_str(module);
    vm.dict_set_str(d, "__module__", m);
    let st = vm.sys_state;
    vm.dict_set_str(st, key, ty);
    ty
}

pub fn register(vm: &mut Vm, s: Value, version_info_type: Value) {
    let (prefix, exec_prefix) = find_prefix(vm.config.home.clone().as_deref());
    let exe = vm.config.executable.clone();
    // PYTHONHOME overrides the detection of a virtual environment, as in CPython
    let venv_base = if vm.config.home.is_some() { None } else { venv_base_executable(&exe) };
    // sys.prefix names the base installation until site reads pyvenv.cfg (as in CPython
    // 3.11, whose site.venv() sets the environment's prefix; with -S it stays the base)
    for (name, v) in [("prefix", &prefix), ("base_prefix", &prefix), ("exec_prefix", &exec_prefix), ("base_exec_prefix", &exec_prefix)] {
        let sv = vm.new_str(v);
        set_attr(vm, s, name, sv);
    }
    super::stdlib::setup(vm, &prefix);
    let base_exe = venv_base.unwrap_or(exe);
    let ev = vm.new_str(&base_exe);
    set_attr(vm, s, "_base_executable", ev);
    let home = vm.config.home.clone();
    let hv = str_or_none(vm, home.as_deref());
    set_attr(vm, s, "_home", hv);
    let orig: Vec<Value> = vm.config.orig_argv.clone().iter().map(|a| vm.new_str(a)).collect();
    let orig = vm.new_list(orig);
    set_attr(vm, s, "orig_argv", orig);

    let strs: [(&str, &str); 6] = [
        ("abiflags", ""),
        ("float_repr_style", "short"),
        ("platlibdir", "lib"),
        ("_framework", ""),
        ("copyright", COPYRIGHT),
        ("__doc__", "This module provides access to some objects used or maintained by the\ninterpreter and to functions that interact strongly with the interpreter."),
    ];
    for (name, v) in strs {
        let sv = vm.new_str(v);
        set_attr(vm, s, name, sv);
    }
    let api = vm.new_int(1013);
    set_attr(vm, s, "api_version", api);
    let none = vm.none;
    set_attr(vm, s, "pycache_prefix", none);
    let git: Vec<Value> = ["pyjit", "", ""].iter().map(|x| vm.new_str(x)).collect();
    let git = vm.new_tuple(git);
    set_attr(vm, s, "_git", git);

    // the thread library: Rust's std threads are pthreads; its version is not known without libc
    let ti_vals = [vm.new_str("pthread"), vm.new_str("semaphore"), vm.none];
    let ti = super::sys::structseq(vm, "sys.thread_info", &["name", "lock", "version"], &ti_vals);
    set_attr(vm, s, "thread_info", ti);

    // sys.implementation
    let [ma, mi, mc] = version_triple(PYJIT_VERSION);
    let fin = vm.new_str("final");
    let vvals = [vm.new_int(ma), vm.new_int(mi), vm.new_int(mc), fin, vm.new_int(0)];
    let version = vm.alloc(version_info_type, TupleObj { items: vvals.to_vec().into_boxed_slice() }).value();
    let hexversion = vm.new_int((ma << 24) | (mi << 16) | (mc << 8) | 0xf0);
    let name = vm.new_str("pyjit");
    let multiarch = vm.new_string(format!("{}-linux-gnu", crate::heap::arch::ARCH));
    let imp = super::namespace::new_namespace(
        vm,
        &[("name", name), ("cache_tag", none), ("version", version), ("hexversion", hexversion), ("_multiarch", multiarch)],
    );
    set_attr(vm, s, "implementation", imp);

    let names: Vec<Value> = super::stdlib_names::STDLIB_MODULE_NAMES.iter().map(|n| vm.new_str(n)).collect();
    let fs = vm.new_frozenset();
    for n in names {
        let _ = vm.set_add(fs, n);
    }
    set_attr(vm, s, "stdlib_module_names", fs);

    let bi = finder_class(vm, "BuiltinImporter", "_frozen_importlib", "builtin_importer");
    let pf = finder_class(vm, "PathFinder", "_frozen_importlib_external", "path_finder");
    let mp = vm.new_list(vec![bi, pf]);
    set_attr(vm, s, "meta_path", mp);
    let ph = vm.new_list(vec![]);
    set_attr(vm, s, "path_hooks", ph);
    let pic = vm.new_dict();
    set_attr(vm, s, "path_importer_cache", pic);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_and_home() {
        assert_eq!(version_triple("0.1.0"), [0, 1, 0]);
        assert_eq!(version_triple("1.22.3-beta"), [1, 22, 3]);
        assert_eq!(find_prefix(Some("/opt/py")), ("/opt/py".to_string(), "/opt/py".to_string()));
        assert_eq!(find_prefix(Some("/a:/b")), ("/a".to_string(), "/b".to_string()));
    }
}
