//! posix functions on the file system: stat, directories, links, permissions and times.

use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{DirEntryExt, FileTypeExt, MetadataExt};
use std::path::Path;

use crate::heap::Value;
use crate::interp::{PyResult, Vm};
use crate::modules::io::bind;
use crate::objects::ListObj;

use super::args::{self, io_err, is_none, os_err, out_path, PathOrFd};
use super::sys_calls as sc;

fn os_path(b: &[u8]) -> &Path {
    Path::new(std::ffi::OsStr::from_bytes(b))
}

fn unsupported_dir_fd(vm: &mut Vm, fname: &str, v: Option<Value>) -> PyResult<()> {
    if !is_none(vm, v) {
        let t = vm.types.not_implemented_error;
        return Err(vm.err(t, &format!("{fname}: dir_fd unavailable on this platform")));
    }
    Ok(())
}

/// A stat_result from metadata.
pub fn stat_value(vm: &mut Vm, m: &std::fs::Metadata) -> PyResult<Value> {
    let ns = |s: i64, n: i64| (s as i128) * 1_000_000_000 + n as i128;
    let (a, mo, c) = (ns(m.atime(), m.atime_nsec()), ns(m.mtime(), m.mtime_nsec()), ns(m.ctime(), m.ctime_nsec()));
    let f = |t: i64, n: i64| t as f64 + n as f64 * 1e-9;
    let big = |vm: &mut Vm, x: i128| vm.new_bigint(num_bigint::BigInt::from(x));
    let items = vec![
        vm.new_int(m.mode() as i64),
        big(vm, m.ino() as i128),
        big(vm, m.dev() as i128),
        vm.new_int(m.nlink() as i64),
        vm.new_int(m.uid() as i64),
        vm.new_int(m.gid() as i64),
        vm.new_int(m.size() as i64),
        vm.new_int(m.atime()),
        vm.new_int(m.mtime()),
        vm.new_int(m.ctime()),
        vm.new_float(f(m.atime(), m.atime_nsec())),
        vm.new_float(f(m.mtime(), m.mtime_nsec())),
        vm.new_float(f(m.ctime(), m.ctime_nsec())),
        big(vm, a),
        big(vm, mo),
        big(vm, c),
        vm.new_int(m.blksize() as i64),
        vm.new_int(m.blocks() as i64),
        big(vm, m.rdev() as i128),
    ];
    let t = vm.new_tuple(items);
    let mk = super::module_attr(vm, "_make_stat")?;
    vm.call(mk, &[t])
}

fn do_stat(vm: &mut Vm, a: &[Value], k: Value, fname: &str, follow_default: bool) -> PyResult<Value> {
    let names: &[&str] = if follow_default { &["path", "dir_fd", "follow_symlinks"] } else { &["path", "dir_fd"] };
    let args = bind(vm, a, k, fname, names, 1, 0)?;
    unsupported_dir_fd(vm, fname, args.get(1))?;
    let follow = match args.get(2) {
        Some(v) => vm.truthy(v)?,
        None => follow_default,
    };
    let p = args.get(0).unwrap_or(vm.none);
    match args::path_or_fd(vm, p, fname, "path", true)? {
        PathOrFd::Fd(fd) => fstat_fd(vm, fd),
        PathOrFd::Path(p) => {
            let r = if follow { std::fs::metadata(os_path(&p.bytes)) } else { std::fs::symlink_metadata(os_path(&p.bytes)) };
            match r {
                Ok(m) => stat_value(vm, &m),
                Err(e) => Err(io_err(vm, &e, Some(p.obj))),
            }
        }
    }
}

fn fstat_fd(vm: &mut Vm, fd: i32) -> PyResult<Value> {
    let f = crate::heap::fd::borrowed_file(fd);
    match f.metadata() {
        Ok(m) => stat_value(vm, &m),
        Err(e) => Err(io_err(vm, &e, None)),
    }
}

pub fn stat(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    do_stat(vm, a, k, "stat", true)
}

pub fn lstat(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    do_stat(vm, a, k, "lstat", false)
}

pub fn fstat(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, a, k, "fstat", &["fd"], 1, 0)?;
    let fd = args::fd(vm, args.get(0).unwrap_or(vm.none))?;
    fstat_fd(vm, fd)
}

fn dir_bytes(vm: &mut Vm, v: Option<Value>, fname: &str) -> PyResult<(Vec<u8>, bool, Value)> {
    match v {
        Some(v) if v != vm.none => match args::path_or_fd(vm, v, fname, "path", false)? {
            PathOrFd::Path(p) => Ok((p.bytes, p.is_bytes, p.obj)),
            PathOrFd::Fd(_) => Err(vm.type_error("unreachable")),
        },
        _ => {
            let dot = vm.new_str(".");
            Ok((b".".to_vec(), false, dot))
        }
    }
}

pub fn listdir(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, a, k, "listdir", &["path"], 0, 0)?;
    let (dir, as_bytes, obj) = dir_bytes(vm, args.get(0), "listdir")?;
    let rd = std::fs::read_dir(os_path(&dir)).map_err(|e| io_err(vm, &e, Some(obj)))?;
    let l = vm.new_list(vec![]);
    for e in rd {
        let e = e.map_err(|e| io_err(vm, &e, Some(obj)))?;
        let v = out_path(vm, e.file_name().as_bytes(), as_bytes)?;
        if let Some(lo) = l.get::<ListObj>() {
            lo.items.borrow_mut().push(v);
        }
    }
    Ok(l)
}

/// [(name, d_type, inode)] of a directory, for posix.scandir.
pub fn scandir_raw(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, a, k, "scandir", &["path"], 0, 0)?;
    let (dir, as_bytes, obj) = dir_bytes(vm, args.get(0), "scandir")?;
    let rd = std::fs::read_dir(os_path(&dir)).map_err(|e| io_err(vm, &e, Some(obj)))?;
    let mut out = Vec::new();
    for e in rd {
        let e = e.map_err(|e| io_err(vm, &e, Some(obj)))?;
        let d_type = match e.file_type() {
            Ok(t) if t.is_dir() => 4,
            Ok(t) if t.is_file() => 8,
            Ok(t) if t.is_symlink() => 10,
            Ok(t) if t.is_fifo() => 1,
            Ok(t) if t.is_char_device() => 2,
            Ok(t) if t.is_block_device() => 6,
            Ok(t) if t.is_socket() => 12,
            _ => 0,
        };
        let name = out_path(vm, e.file_name().as_bytes(), as_bytes)?;
        let dt = vm.new_int(d_type);
        let ino = vm.new_bigint(num_bigint::BigInt::from(e.ino()));
        out.push(vm.new_tuple(vec![name, dt, ino]));
    }
    Ok(vm.new_list(out))
}

pub fn getcwd(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    match std::env::current_dir() {
        Ok(d) => args::decode_os(vm, d.as_os_str().as_bytes()),
        Err(e) => Err(io_err(vm, &e, None)),
    }
}

pub fn getcwdb(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    match std::env::current_dir() {
        Ok(d) => Ok(vm.new_bytes(d.as_os_str().as_bytes().to_vec())),
        Err(e) => Err(io_err(vm, &e, None)),
    }
}

pub fn chdir(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, a, k, "chdir", &["path"], 1, 0)?;
    let p = args::path(vm, args.get(0).unwrap_or(vm.none), "chdir", "path")?;
    std::env::set_current_dir(os_path(&p.bytes)).map_err(|e| io_err(vm, &e, Some(p.obj)))?;
    Ok(vm.none)
}

/// A function of one path (and an ignored-if-None dir_fd) that returns None.
fn path_op(vm: &mut Vm, a: &[Value], k: Value, fname: &str, f: for<'p> fn(&'p Path) -> std::io::Result<()>) -> PyResult<Value> {
    let args = bind(vm, a, k, fname, &["path", "dir_fd"], 1, 0)?;
    unsupported_dir_fd(vm, fname, args.get(1))?;
    let p = args::path(vm, args.get(0).unwrap_or(vm.none), fname, "path")?;
    f(os_path(&p.bytes)).map_err(|e| io_err(vm, &e, Some(p.obj)))?;
    Ok(vm.none)
}

pub fn unlink(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    path_op(vm, a, k, "unlink", |p| std::fs::remove_file(p))
}

pub fn remove(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    path_op(vm, a, k, "remove", |p| std::fs::remove_file(p))
}

pub fn rmdir(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    path_op(vm, a, k, "rmdir", |p| std::fs::remove_dir(p))
}

pub fn mkdir(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, a, k, "mkdir", &["path", "mode", "dir_fd"], 1, 0)?;
    unsupported_dir_fd(vm, "mkdir", args.get(2))?;
    let p = args::path(vm, args.get(0).unwrap_or(vm.none), "mkdir", "path")?;
    let mode = match args.get(1) {
        Some(m) => args::int(vm, m)? as u32,
        None => 0o777,
    };
    sc::mkdir(&p.bytes, mode).map_err(|c| os_err(vm, c, Some(p.obj), None))?;
    Ok(vm.none)
}

fn two_paths(vm: &mut Vm, a: &[Value], k: Value, fname: &str, extra: &[&str]) -> PyResult<(args::PathArg, args::PathArg, crate::modules::io::Args)> {
    let mut names = vec!["src", "dst"];
    names.extend_from_slice(extra);
    let args = bind(vm, a, k, fname, &names, 2, 0)?;
    let s = args::path(vm, args.get(0).unwrap_or(vm.none), fname, "src")?;
    let d = args::path(vm, args.get(1).unwrap_or(vm.none), fname, "dst")?;
    Ok((s, d, args))
}

fn rename_like(vm: &mut Vm, a: &[Value], k: Value, fname: &str) -> PyResult<Value> {
    let (s, d, args) = two_paths(vm, a, k, fname, &["src_dir_fd", "dst_dir_fd"])?;
    unsupported_dir_fd(vm, fname, args.get(2))?;
    unsupported_dir_fd(vm, fname, args.get(3))?;
    std::fs::rename(os_path(&s.bytes), os_path(&d.bytes))
        .map_err(|e| os_err(vm, e.raw_os_error().unwrap_or(libc::EIO), Some(s.obj), Some(d.obj)))?;
    Ok(vm.none)
}

pub fn rename(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    rename_like(vm, a, k, "rename")
}

pub fn replace(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    rename_like(vm, a, k, "replace")
}

pub fn link(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let (s, d, _args) = two_paths(vm, a, k, "link", &["src_dir_fd", "dst_dir_fd", "follow_symlinks"])?;
    std::fs::hard_link(os_path(&s.bytes), os_path(&d.bytes))
        .map_err(|e| os_err(vm, e.raw_os_error().unwrap_or(libc::EIO), Some(s.obj), Some(d.obj)))?;
    Ok(vm.none)
}

pub fn symlink(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let (s, d, args) = two_paths(vm, a, k, "symlink", &["target_is_directory", "dir_fd"])?;
    unsupported_dir_fd(vm, "symlink", args.get(3))?;
    std::os::unix::fs::symlink(os_path(&s.bytes), os_path(&d.bytes))
        .map_err(|e| os_err(vm, e.raw_os_error().unwrap_or(libc::EIO), Some(s.obj), Some(d.obj)))?;
    Ok(vm.none)
}

pub fn readlink(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, a, k, "readlink", &["path", "dir_fd"], 1, 0)?;
    unsupported_dir_fd(vm, "readlink", args.get(1))?;
    let p = args::path(vm, args.get(0).unwrap_or(vm.none), "readlink", "path")?;
    let t = std::fs::read_link(os_path(&p.bytes)).map_err(|e| io_err(vm, &e, Some(p.obj)))?;
    out_path(vm, t.as_os_str().as_bytes(), p.is_bytes)
}

pub fn access(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, a, k, "access", &["path", "mode", "dir_fd", "effective_ids", "follow_symlinks"], 2, 0)?;
    unsupported_dir_fd(vm, "access", args.get(2))?;
    let p = args::path(vm, args.get(0).unwrap_or(vm.none), "access", "path")?;
    let mode = args::int(vm, args.get(1).unwrap_or(vm.none))? as i32;
    let ok = sc::access(&p.bytes, mode).unwrap_or(false);
    Ok(vm.bool_val(ok))
}

pub fn chmod(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, a, k, "chmod", &["path", "mode", "dir_fd", "follow_symlinks"], 2, 0)?;
    unsupported_dir_fd(vm, "chmod", args.get(2))?;
    let mode = args::int(vm, args.get(1).unwrap_or(vm.none))? as u32;
    let follow = match args.get(3) {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    match args::path_or_fd(vm, args.get(0).unwrap_or(vm.none), "chmod", "path", true)? {
        PathOrFd::Fd(fd) => sc::fchmod(fd, mode).map_err(|c| os_err(vm, c, None, None))?,
        PathOrFd::Path(p) => sc::chmod(&p.bytes, mode, follow).map_err(|c| os_err(vm, c, Some(p.obj), None))?,
    }
    Ok(vm.none)
}

pub fn fchmod(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, a, k, "fchmod", &["fd", "mode"], 2, 0)?;
    let fd = args::fd(vm, args.get(0).unwrap_or(vm.none))?;
    let mode = args::int(vm, args.get(1).unwrap_or(vm.none))? as u32;
    sc::fchmod(fd, mode).map_err(|c| os_err(vm, c, None, None))?;
    Ok(vm.none)
}

fn chown_like(vm: &mut Vm, a: &[Value], k: Value, fname: &str, follow_default: bool) -> PyResult<Value> {
    let args = bind(vm, a, k, fname, &["path", "uid", "gid", "dir_fd", "follow_symlinks"], 3, 0)?;
    let p = args::path(vm, args.get(0).unwrap_or(vm.none), fname, "path")?;
    let uid = args::int(vm, args.get(1).unwrap_or(vm.none))? as u32;
    let gid = args::int(vm, args.get(2).unwrap_or(vm.none))? as u32;
    let follow = match args.get(4) {
        Some(v) => vm.truthy(v)?,
        None => follow_default,
    };
    sc::chown(&p.bytes, uid, gid, follow).map_err(|c| os_err(vm, c, Some(p.obj), None))?;
    Ok(vm.none)
}

pub fn chown(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    chown_like(vm, a, k, "chown", true)
}

pub fn lchown(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    chown_like(vm, a, k, "lchown", false)
}

/// (seconds, nanoseconds) of a time given as an int or float.
fn split_time(vm: &mut Vm, v: Value) -> PyResult<(i64, i64)> {
    if let Some(i) = vm.as_i64(v) {
        return Ok((i, 0));
    }
    let f = crate::builtins::numfloat(vm, v)?;
    let s = f.floor();
    let mut n = ((f - s) * 1e9).round() as i64;
    let mut s = s as i64;
    if n >= 1_000_000_000 {
        s += 1;
        n -= 1_000_000_000;
    }
    Ok((s, n))
}

pub fn utime(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, a, k, "utime", &["path", "times", "ns", "dir_fd", "follow_symlinks"], 1, 0)?;
    unsupported_dir_fd(vm, "utime", args.get(3))?;
    let p = args::path(vm, args.get(0).unwrap_or(vm.none), "utime", "path")?;
    let follow = match args.get(4) {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let times = args.get(1).filter(|v| *v != vm.none);
    let ns = args.get(2);
    if times.is_some() && ns.is_some() {
        return Err(vm.value_error("utime: you may specify either 'times' or 'ns' but not both"));
    }
    let t = if let Some(t) = times {
        let (_h, items) = vm.to_vec(t)?;
        if vm.type_of(t) != vm.types.tuple || items.len() != 2 {
            return Err(vm.type_error("utime: 'times' must be either a tuple of two ints or None"));
        }
        Some([split_time(vm, items[0])?, split_time(vm, items[1])?])
    } else if let Some(n) = ns {
        let (_h, items) = vm.to_vec(n)?;
        if vm.type_of(n) != vm.types.tuple || items.len() != 2 {
            return Err(vm.type_error("utime: 'ns' must be a tuple of two ints"));
        }
        let mut out = [(0i64, 0i64); 2];
        for (i, it) in items.iter().enumerate() {
            let v = args::int(vm, *it)?;
            out[i] = (v.div_euclid(1_000_000_000), v.rem_euclid(1_000_000_000));
        }
        Some(out)
    } else {
        None
    };
    sc::utime(&p.bytes, t, follow).map_err(|c| os_err(vm, c, Some(p.obj), None))?;
    Ok(vm.none)
}

pub fn truncate(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, a, k, "truncate", &["path", "length"], 2, 0)?;
    let len = args::int(vm, args.get(1).unwrap_or(vm.none))?;
    match args::path_or_fd(vm, args.get(0).unwrap_or(vm.none), "truncate", "path", true)? {
        PathOrFd::Fd(fd) => sc::ftruncate(fd, len).map_err(|c| os_err(vm, c, None, None))?,
        PathOrFd::Path(p) => {
            let f = std::fs::OpenOptions::new().write(true).open(os_path(&p.bytes)).map_err(|e| io_err(vm, &e, Some(p.obj)))?;
            f.set_len(len.max(0) as u64).map_err(|e| io_err(vm, &e, Some(p.obj)))?;
        }
    }
    Ok(vm.none)
}

pub fn mkfifo(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, a, k, "mkfifo", &["path", "mode", "dir_fd"], 1, 0)?;
    let p = args::path(vm, args.get(0).unwrap_or(vm.none), "mkfifo", "path")?;
    let mode = match args.get(1) {
        Some(m) => args::int(vm, m)? as u32,
        None => 0o666,
    };
    sc::mkfifo(&p.bytes, mode).map_err(|c| os_err(vm, c, Some(p.obj), None))?;
    Ok(vm.none)
}
