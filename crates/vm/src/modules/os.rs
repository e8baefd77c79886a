//! A minimal `os` and `os.path` written in Rust, until the standard library issue loads
//! CPython's os.py on top of a Rust `posix` module. Paths are str; POSIX semantics.

use crate::heap::{ObjKind, Value};
use crate::interp::{NativeFn, PyResult, Vm};

use super::{add_fn, new_module, set_attr};

fn path_arg(vm: &mut Vm, a: &[Value], i: usize, name: &str) -> PyResult<String> {
    match a.get(i) {
        Some(&v) if v.kind() == Some(ObjKind::Str) => Ok(vm.str_of(v)),
        Some(&v) if v.kind() != Some(ObjKind::Bytes) && vm.lookup_str(vm.type_of(v), "__fspath__").is_some() => {
            let p = super::io::fspath(vm, v)?;
            if p.kind() == Some(ObjKind::Str) {
                Ok(vm.str_of(p))
            } else {
                let tn = vm.type_name_of(v);
                Err(vm.type_error(&format!("{name}: path should be string, bytes or os.PathLike, not {tn}")))
            }
        }
        Some(&v) => {
            let tn = vm.type_name_of(v);
            Err(vm.type_error(&format!("{name}: path should be string, bytes or os.PathLike, not {tn}")))
        }
        None => Err(vm.type_error(&format!("{name}() missing required argument 'path' (pos {})", i + 1))),
    }
}

fn join(parts: &[String]) -> String {
    let mut out = String::new();
    for p in parts {
        if p.starts_with('/') {
            out = p.clone();
        } else if out.is_empty() || out.ends_with('/') {
            out.push_str(p);
        } else {
            out.push('/');
            out.push_str(p);
        }
    }
    out
}

fn split(p: &str) -> (String, String) {
    match p.rfind('/') {
        Some(i) => {
            let head = &p[..=i];
            let trimmed = head.trim_end_matches('/');
            let head = if trimmed.is_empty() { head.to_string() } else { trimmed.to_string() };
            (head, p[i + 1..].to_string())
        }
        None => (String::new(), p.to_string()),
    }
}

fn normpath(p: &str) -> String {
    if p.is_empty() {
        return ".".into();
    }
    let abs = p.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for c in p.split('/') {
        match c {
            "" | "." => {}
            ".." => {
                if parts.last().map(|l| *l != "..").unwrap_or(false) {
                    parts.pop();
                } else if !abs {
                    parts.push("..");
                }
            }
            other => parts.push(other),
        }
    }
    let body = parts.join("/");
    match (abs, body.is_empty()) {
        (true, _) => format!("/{body}"),
        (false, true) => ".".into(),
        (false, false) => body,
    }
}

fn p_join(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let mut parts = Vec::new();
    for i in 0..a.len() {
        parts.push(path_arg(vm, a, i, "join")?);
    }
    Ok(vm.new_string(join(&parts)))
}

fn p_dirname(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let p = path_arg(vm, a, 0, "dirname")?;
    Ok(vm.new_string(split(&p).0))
}

fn p_basename(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let p = path_arg(vm, a, 0, "basename")?;
    Ok(vm.new_string(split(&p).1))
}

fn p_split(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let p = path_arg(vm, a, 0, "split")?;
    let (h, t) = split(&p);
    let (h, t) = (vm.new_string(h), vm.new_string(t));
    Ok(vm.new_tuple(vec![h, t]))
}

fn p_splitext(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let p = path_arg(vm, a, 0, "splitext")?;
    let (_, tail) = split(&p);
    let dot = tail.rfind('.').filter(|&i| tail[..i].chars().any(|c| c != '.'));
    let (root, ext) = match dot {
        Some(i) => {
            let cut = p.len() - (tail.len() - i);
            (p[..cut].to_string(), p[cut..].to_string())
        }
        None => (p.clone(), String::new()),
    };
    let (r, e) = (vm.new_string(root), vm.new_string(ext));
    Ok(vm.new_tuple(vec![r, e]))
}

fn cwd() -> String {
    std::env::current_dir().map(|d| d.to_string_lossy().to_string()).unwrap_or_else(|_| "/".into())
}

fn p_abspath(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let p = path_arg(vm, a, 0, "abspath")?;
    let full = if p.starts_with('/') { p } else { join(&[cwd(), p]) };
    Ok(vm.new_string(normpath(&full)))
}

fn p_normpath(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let p = path_arg(vm, a, 0, "normpath")?;
    Ok(vm.new_string(normpath(&p)))
}

fn p_exists(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let p = path_arg(vm, a, 0, "exists")?;
    Ok(vm.bool_val(std::path::Path::new(&p).exists()))
}

fn p_isfile(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let p = path_arg(vm, a, 0, "isfile")?;
    Ok(vm.bool_val(std::path::Path::new(&p).is_file()))
}

fn p_isdir(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let p = path_arg(vm, a, 0, "isdir")?;
    Ok(vm.bool_val(std::path::Path::new(&p).is_dir()))
}

fn p_isabs(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let p = path_arg(vm, a, 0, "isabs")?;
    Ok(vm.bool_val(p.starts_with('/')))
}

fn os_getcwd(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    Ok(vm.new_string(cwd()))
}

fn os_getenv(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let k = path_arg(vm, a, 0, "getenv")?;
    match std::env::var(&k) {
        Ok(v) => Ok(vm.new_string(v)),
        Err(_) => Ok(a.get(1).copied().unwrap_or(vm.none)),
    }
}

fn os_getpid(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    Ok(vm.new_int(std::process::id() as i64))
}

fn os_listdir(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let p = if a.is_empty() { ".".to_string() } else { path_arg(vm, a, 0, "listdir")? };
    match std::fs::read_dir(&p) {
        Ok(rd) => {
            let mut names: Vec<String> = rd.filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().to_string()).collect();
            names.sort();
            let l = vm.new_list(vec![]);
            for n in names {
                let v = vm.new_string(n);
                if let Some(lo) = l.get::<crate::objects::ListObj>() {
                    lo.items.borrow_mut().push(v);
                }
            }
            Ok(l)
        }
        Err(e) => {
            let t = vm.types.file_not_found_error;
            let pv = vm.new_string(p);
            let e = vm.new_os_error(t, e.raw_os_error().unwrap_or(2) as i64, "No such file or directory", Some(pv));
            Err(crate::interp::PyErr(e))
        }
    }
}

/// An OSError for a failed call on `path`.
fn path_error(vm: &mut Vm, e: &std::io::Error, path: &str) -> crate::interp::PyErr {
    let pv = vm.new_str(path);
    super::io::os_error(vm, e, Some(pv))
}

fn os_remove(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let p = path_arg(vm, a, 0, "remove")?;
    std::fs::remove_file(&p).map_err(|e| path_error(vm, &e, &p))?;
    Ok(vm.none)
}

fn os_unlink(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let p = path_arg(vm, a, 0, "unlink")?;
    std::fs::remove_file(&p).map_err(|e| path_error(vm, &e, &p))?;
    Ok(vm.none)
}

fn os_mkdir(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let p = path_arg(vm, a, 0, "mkdir")?;
    std::fs::create_dir(&p).map_err(|e| path_error(vm, &e, &p))?;
    Ok(vm.none)
}

fn os_rmdir(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let p = path_arg(vm, a, 0, "rmdir")?;
    std::fs::remove_dir(&p).map_err(|e| path_error(vm, &e, &p))?;
    Ok(vm.none)
}

fn os_rename(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let p = path_arg(vm, a, 0, "rename")?;
    let q = path_arg(vm, a, 1, "rename")?;
    if let Err(e) = std::fs::rename(&p, &q) {
        let err = path_error(vm, &e, &p);
        let qv = vm.new_str(&q);
        vm.set_exc_field(err.0, "filename2", qv);
        return Err(err);
    }
    Ok(vm.none)
}

fn p_getsize(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let p = path_arg(vm, a, 0, "getsize")?;
    let m = std::fs::metadata(&p).map_err(|e| path_error(vm, &e, &p))?;
    Ok(vm.new_int(m.len() as i64))
}

pub fn register(vm: &mut Vm) {
    let os = new_module(vm, "os");
    let path = new_module(vm, "os.path");
    set_attr(vm, os, "path", path);
    let fns: &[(&'static str, NativeFn)] = &[
        ("join", p_join),
        ("dirname", p_dirname),
        ("basename", p_basename),
        ("split", p_split),
        ("splitext", p_splitext),
        ("abspath", p_abspath),
        ("normpath", p_normpath),
        ("exists", p_exists),
        ("isfile", p_isfile),
        ("isdir", p_isdir),
        ("isabs", p_isabs),
        ("getsize", p_getsize),
    ];
    for &(n, f) in fns {
        add_fn(vm, path, n, f);
    }
    let fns: &[(&'static str, NativeFn)] = &[
        ("getcwd", os_getcwd),
        ("getenv", os_getenv),
        ("getpid", os_getpid),
        ("listdir", os_listdir),
        ("fspath", super::io::os_fspath),
        ("remove", os_remove),
        ("unlink", os_unlink),
        ("mkdir", os_mkdir),
        ("rmdir", os_rmdir),
        ("rename", os_rename),
    ];
    for &(n, f) in fns {
        add_fn(vm, os, n, f);
    }
    let env = vm.new_dict();
    for (k, v) in std::env::vars() {
        let (kv, vv) = (vm.new_string(k), vm.new_string(v));
        let _ = vm.dict_set(env, kv, vv);
    }
    set_attr(vm, os, "environ", env);
    for (n, v) in [("sep", "/"), ("curdir", "."), ("pardir", ".."), ("linesep", "\n"), ("name", "posix"), ("pathsep", ":")] {
        let s = vm.new_str(v);
        set_attr(vm, os, n, s);
        if n != "name" && n != "linesep" {
            set_attr(vm, path, n, s);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_helpers_follow_posixpath() {
        assert_eq!(join(&["a".into(), "b".into()]), "a/b");
        assert_eq!(join(&["a/".into(), "/b".into()]), "/b");
        assert_eq!(split("a/b/c"), ("a/b".into(), "c".into()));
        assert_eq!(split("/a"), ("/".into(), "a".into()));
        assert_eq!(split("c"), ("".into(), "c".into()));
        assert_eq!(normpath("a/./b/../c"), "a/c");
        assert_eq!(normpath("/../a"), "/a");
    }
}
