//! posix functions on descriptors (open, read, write, pipe, ...) and on the process (ids,
//! signals, wait, exec, environment, urandom).

use std::io::Read;

use crate::heap::{ObjKind, Value};
use crate::interp::{PyResult, Vm};
use crate::modules::io::bind;
use crate::objects::*;

use super::args::{self, os_err};
use super::sys_calls as sc;

fn one_fd(vm: &mut Vm, a: &[Value], k: Value, fname: &str) -> PyResult<i32> {
    let args = bind(vm, a, k, fname, &["fd"], 1, 1)?;
    args::fd(vm, args.get(0).unwrap_or(vm.none))
}

pub fn open(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, a, k, "open", &["path", "flags", "mode", "dir_fd"], 2, 0)?;
    let p = args::path(vm, args.get(0).unwrap_or(vm.none), "open", "path")?;
    let flags = args::int(vm, args.get(1).unwrap_or(vm.none))? as i32;
    let mode = match args.get(2) {
        Some(m) => args::int(vm, m)? as u32,
        None => 0o777,
    };
    let fd = sc::open(&p.bytes, flags, mode).map_err(|c| os_err(vm, c, Some(p.obj), None))?;
    Ok(vm.new_int(fd as i64))
}

pub fn close(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let fd = one_fd(vm, a, k, "close")?;
    sc::close(fd).map_err(|c| os_err(vm, c, None, None))?;
    Ok(vm.none)
}

pub fn closerange(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, a, k, "closerange", &["fd_low", "fd_high"], 2, 2)?;
    let lo = args::fd(vm, args.get(0).unwrap_or(vm.none))?;
    let hi = args::fd(vm, args.get(1).unwrap_or(vm.none))?;
    for fd in lo.max(0)..hi.min(1 << 20) {
        let _ = sc::close(fd);
    }
    Ok(vm.none)
}

pub fn read(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, a, k, "read", &["fd", "length"], 2, 2)?;
    let fd = args::fd(vm, args.get(0).unwrap_or(vm.none))?;
    let n = args::int(vm, args.get(1).unwrap_or(vm.none))?;
    if n < 0 {
        return Err(vm.value_error("negative buffersize in read"));
    }
    // the standard input's buffer is shared with input() and sys.stdin
    if fd == 0 {
        let mut buf = vec![0u8; (n as usize).min(1 << 20)];
        let got = std::io::stdin().read(&mut buf).map_err(|e| args::io_err(vm, &e, None))?;
        buf.truncate(got);
        return Ok(vm.new_bytes(buf));
    }
    let data = retry_eintr(vm, || sc::read(fd, (n as usize).min(1 << 30)))?;
    Ok(vm.new_bytes(data))
}

fn buffer_bytes(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if let Some(b) = v.get::<BytesObj>() {
        return Ok(b.data.to_vec());
    }
    if let Some(b) = v.get::<ByteArrayObj>() {
        return Ok(b.data.borrow().clone());
    }
    if v.kind() == Some(ObjKind::Str) {
        return Err(vm.type_error("a bytes-like object is required, not 'str'"));
    }
    let b = vm.call(vm.types.bytes, &[v])?;
    Ok(b.get::<BytesObj>().map(|b| b.data.to_vec()).unwrap_or_default())
}

pub fn write(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, a, k, "write", &["fd", "data"], 2, 2)?;
    let fd = args::fd(vm, args.get(0).unwrap_or(vm.none))?;
    let data = buffer_bytes(vm, args.get(1).unwrap_or(vm.none))?;
    if fd == 1 || fd == 2 {
        // keep order with what print() buffered
        crate::modules::sys::flush_stdout(vm);
    }
    let n = retry_eintr(vm, || sc::write(fd, &data))?;
    Ok(vm.new_int(n as i64))
}

pub fn lseek(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, a, k, "lseek", &["fd", "position", "how"], 3, 3)?;
    let fd = args::fd(vm, args.get(0).unwrap_or(vm.none))?;
    let pos = args::int(vm, args.get(1).unwrap_or(vm.none))?;
    let how = args::int(vm, args.get(2).unwrap_or(vm.none))? as i32;
    let r = sc::lseek(fd, pos, how).map_err(|c| os_err(vm, c, None, None))?;
    Ok(vm.new_int(r))
}

pub fn dup(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let fd = one_fd(vm, a, k, "dup")?;
    let r = sc::dup(fd).map_err(|c| os_err(vm, c, None, None))?;
    Ok(vm.new_int(r as i64))
}

pub fn dup2(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, a, k, "dup2", &["fd", "fd2", "inheritable"], 2, 0)?;
    let fd = args::fd(vm, args.get(0).unwrap_or(vm.none))?;
    let fd2 = args::fd(vm, args.get(1).unwrap_or(vm.none))?;
    let inh = match args.get(2) {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let r = sc::dup2(fd, fd2, inh).map_err(|c| os_err(vm, c, None, None))?;
    Ok(vm.new_int(r as i64))
}

pub fn pipe(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    let (r, w) = sc::pipe().map_err(|c| os_err(vm, c, None, None))?;
    let (r, w) = (vm.new_int(r as i64), vm.new_int(w as i64));
    Ok(vm.new_tuple(vec![r, w]))
}

pub fn isatty(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let fd = one_fd(vm, a, k, "isatty")?;
    Ok(vm.bool_val(sc::isatty(fd)))
}

pub fn fsync(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, a, k, "fsync", &["fd"], 1, 0)?;
    let v = args.get(0).unwrap_or(vm.none);
    let fd = if vm.as_i64(v).is_some() {
        args::fd(vm, v)?
    } else {
        let r = vm.call_method_str(v, "fileno", &[])?;
        args::fd(vm, r)?
    };
    sc::fsync(fd).map_err(|c| os_err(vm, c, None, None))?;
    Ok(vm.none)
}

pub fn ftruncate(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, a, k, "ftruncate", &["fd", "length"], 2, 2)?;
    let fd = args::fd(vm, args.get(0).unwrap_or(vm.none))?;
    let n = args::int(vm, args.get(1).unwrap_or(vm.none))?;
    sc::ftruncate(fd, n).map_err(|c| os_err(vm, c, None, None))?;
    Ok(vm.none)
}

pub fn get_inheritable(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let fd = one_fd(vm, a, k, "get_inheritable")?;
    let c = sc::get_cloexec(fd).map_err(|c| os_err(vm, c, None, None))?;
    Ok(vm.bool_val(!c))
}

pub fn set_inheritable(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, a, k, "set_inheritable", &["fd", "inheritable"], 2, 2)?;
    let fd = args::fd(vm, args.get(0).unwrap_or(vm.none))?;
    let on = args::int(vm, args.get(1).unwrap_or(vm.none))? != 0;
    sc::set_cloexec(fd, !on).map_err(|c| os_err(vm, c, None, None))?;
    Ok(vm.none)
}

pub fn get_blocking(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let fd = one_fd(vm, a, k, "get_blocking")?;
    let nb = sc::get_nonblock(fd).map_err(|c| os_err(vm, c, None, None))?;
    Ok(vm.bool_val(!nb))
}

pub fn set_blocking(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, a, k, "set_blocking", &["fd", "blocking"], 2, 2)?;
    let fd = args::fd(vm, args.get(0).unwrap_or(vm.none))?;
    let on = args::int(vm, args.get(1).unwrap_or(vm.none))? != 0;
    sc::set_nonblock(fd, !on).map_err(|c| os_err(vm, c, None, None))?;
    Ok(vm.none)
}

pub fn device_encoding(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, a, k, "device_encoding", &["fd"], 1, 0)?;
    let fd = args::fd(vm, args.get(0).unwrap_or(vm.none))?;
    Ok(if sc::isatty(fd) { vm.new_str("UTF-8") } else { vm.none })
}

pub fn urandom(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, a, k, "urandom", &["size"], 1, 1)?;
    let n = args::int(vm, args.get(0).unwrap_or(vm.none))?;
    if n < 0 {
        return Err(vm.value_error("negative argument not allowed"));
    }
    let mut buf = vec![0u8; n as usize];
    let mut f = std::fs::File::open("/dev/urandom").map_err(|e| args::io_err(vm, &e, None))?;
    f.read_exact(&mut buf).map_err(|e| args::io_err(vm, &e, None))?;
    Ok(vm.new_bytes(buf))
}

pub fn getpid(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    Ok(vm.new_int(std::process::id() as i64))
}

pub fn getppid(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    Ok(vm.new_int(sc::getppid() as i64))
}

pub fn getpgrp(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    Ok(vm.new_int(sc::getpgrp() as i64))
}

pub fn getuid(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    Ok(vm.new_int(sc::ids()[0] as i64))
}

pub fn geteuid(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    Ok(vm.new_int(sc::ids()[1] as i64))
}

pub fn getgid(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    Ok(vm.new_int(sc::ids()[2] as i64))
}

pub fn getegid(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    Ok(vm.new_int(sc::ids()[3] as i64))
}

pub fn getgroups(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    let g = sc::getgroups().map_err(|c| os_err(vm, c, None, None))?;
    let items: Vec<Value> = g.iter().map(|&x| vm.new_int(x as i64)).collect();
    Ok(vm.new_list(items))
}

pub fn getlogin(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    match std::env::var("LOGNAME").or_else(|_| std::env::var("USER")) {
        Ok(u) => Ok(vm.new_string(u)),
        Err(_) => Err(os_err(vm, libc::ENXIO, None, None)),
    }
}

pub fn kill(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, a, k, "kill", &["pid", "signal"], 2, 2)?;
    let pid = args::int(vm, args.get(0).unwrap_or(vm.none))? as i32;
    let sig = args::int(vm, args.get(1).unwrap_or(vm.none))? as i32;
    sc::kill(pid, sig).map_err(|c| os_err(vm, c, None, None))?;
    // a signal sent to this process runs its Python handler now (CPython's eval breaker
    // runs it right after the call)
    crate::signals::check(vm)?;
    Ok(vm.none)
}

pub fn killpg(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, a, k, "killpg", &["pgid", "signal"], 2, 2)?;
    let pid = args::int(vm, args.get(0).unwrap_or(vm.none))? as i32;
    let sig = args::int(vm, args.get(1).unwrap_or(vm.none))? as i32;
    sc::kill(-pid, sig).map_err(|c| os_err(vm, c, None, None))?;
    crate::signals::check(vm)?;
    Ok(vm.none)
}

pub fn exit_(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, a, k, "_exit", &["status"], 1, 0)?;
    let code = args::int(vm, args.get(0).unwrap_or(vm.none))? as i32;
    crate::modules::sys::flush_stdout(vm);
    sc::exit_now(code)
}

pub fn abort(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    crate::modules::sys::flush_stdout(vm);
    std::process::abort()
}

pub fn umask(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, a, k, "umask", &["mask"], 1, 1)?;
    let m = args::int(vm, args.get(0).unwrap_or(vm.none))? as u32;
    Ok(vm.new_int(sc::umask(m) as i64))
}

pub fn strerror(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, a, k, "strerror", &["code"], 1, 1)?;
    let c = vm.c_int_arg(args.get(0).unwrap_or(vm.none))?;
    let s = if (1..134).contains(&c) { sc::strerror(c) } else { format!("Unknown error {c}") };
    Ok(vm.new_string(s))
}

pub fn uname_raw(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    let u = sc::uname().map_err(|c| os_err(vm, c, None, None))?;
    let items: Vec<Value> = u.into_iter().map(|b| vm.new_bytes(b)).collect();
    Ok(vm.new_tuple(items))
}

pub fn times_raw(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    let t = sc::times().map_err(|c| os_err(vm, c, None, None))?;
    let items: Vec<Value> = t.iter().map(|&x| vm.new_int(x)).collect();
    Ok(vm.new_tuple(items))
}

pub fn sysconf_raw(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let n = args::int(vm, a.first().copied().unwrap_or(vm.none))? as i32;
    Ok(vm.new_int(sc::sysconf(n)))
}

pub fn terminal_size_raw(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let fd = args::fd(vm, a.first().copied().unwrap_or(vm.none))?;
    let (c, r) = sc::terminal_size(fd).map_err(|c| os_err(vm, c, None, None))?;
    let (c, r) = (vm.new_int(c as i64), vm.new_int(r as i64));
    Ok(vm.new_tuple(vec![c, r]))
}

pub fn ttyname(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let fd = one_fd(vm, a, k, "ttyname")?;
    let b = sc::ttyname(fd).map_err(|c| os_err(vm, c, None, None))?;
    args::decode_os(vm, &b)
}

pub fn getloadavg(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    let Ok(l) = sc::getloadavg() else {
        let t = vm.types.os_error;
        return Err(vm.err(t, "Load averages are unobtainable"));
    };
    let items: Vec<Value> = l.iter().map(|&x| vm.new_float(x)).collect();
    Ok(vm.new_tuple(items))
}

/// [(key, value)] of the process environment, as bytes.
pub fn environ_raw(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    use std::os::unix::ffi::OsStrExt;
    let mut out = Vec::new();
    for (k, v) in std::env::vars_os() {
        let kb = vm.new_bytes(k.as_bytes().to_vec());
        let vb = vm.new_bytes(v.as_bytes().to_vec());
        out.push(vm.new_tuple(vec![kb, vb]));
    }
    Ok(vm.new_list(out))
}

fn env_bytes(vm: &mut Vm, v: Value, what: &str) -> PyResult<Vec<u8>> {
    let b = match args::path_or_fd(vm, v, what, "name", false) {
        Ok(args::PathOrFd::Path(p)) => p.bytes,
        Ok(args::PathOrFd::Fd(_)) | Err(_) => {
            let tn = vm.type_name_of(v);
            return Err(vm.type_error(&format!("str expected, not {tn}")));
        }
    };
    Ok(b)
}

pub fn putenv(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    use std::os::unix::ffi::OsStrExt;
    let args = bind(vm, a, k, "putenv", &["name", "value"], 2, 2)?;
    let name = env_bytes(vm, args.get(0).unwrap_or(vm.none), "putenv")?;
    let value = env_bytes(vm, args.get(1).unwrap_or(vm.none), "putenv")?;
    if name.is_empty() || name.contains(&b'=') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    std::env::set_var(std::ffi::OsStr::from_bytes(&name), std::ffi::OsStr::from_bytes(&value));
    Ok(vm.none)
}

pub fn unsetenv(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    use std::os::unix::ffi::OsStrExt;
    let args = bind(vm, a, k, "unsetenv", &["name"], 1, 1)?;
    let name = env_bytes(vm, args.get(0).unwrap_or(vm.none), "unsetenv")?;
    if name.is_empty() || name.contains(&b'=') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    std::env::remove_var(std::ffi::OsStr::from_bytes(&name));
    Ok(vm.none)
}

pub fn waitpid(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, a, k, "waitpid", &["pid", "options"], 2, 2)?;
    let pid = args::int(vm, args.get(0).unwrap_or(vm.none))? as i32;
    let opts = args::int(vm, args.get(1).unwrap_or(vm.none))? as i32;
    crate::modules::sys::flush_stdout(vm);
    let (p, st) = retry_eintr(vm, || sc::waitpid(pid, opts))?;
    let (p, st) = (vm.new_int(p as i64), vm.new_int(st as i64));
    Ok(vm.new_tuple(vec![p, st]))
}

pub fn wait(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    let (p, st) = retry_eintr(vm, || sc::waitpid(-1, 0))?;
    let (p, st) = (vm.new_int(p as i64), vm.new_int(st as i64));
    Ok(vm.new_tuple(vec![p, st]))
}

pub fn fork(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    crate::modules::sys::flush_stdout(vm);
    let pid = crate::threads::around_fork(sc::fork).map_err(|c| os_err(vm, c, None, None))?;
    Ok(vm.new_int(pid as i64))
}

pub fn execv_raw(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let bytes_list = |vm: &mut Vm, v: Value| -> PyResult<Vec<Vec<u8>>> {
        let (_h, items) = vm.to_vec(v)?;
        Ok(items.iter().map(|i| i.get::<BytesObj>().map(|b| b.data.to_vec()).unwrap_or_default()).collect())
    };
    let path = a.first().and_then(|p| p.get::<BytesObj>()).map(|b| b.data.to_vec()).unwrap_or_default();
    let argv = bytes_list(vm, a.get(1).copied().unwrap_or(vm.none))?;
    let env = match a.get(2) {
        Some(&e) if e != vm.none => Some(bytes_list(vm, e)?),
        _ => None,
    };
    crate::modules::sys::flush_stdout(vm);
    let code = sc::execv(&path, &argv, env.as_deref());
    Err(os_err(vm, code, None, None))
}

pub fn system(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, a, k, "system", &["command"], 1, 0)?;
    let c = args::path(vm, args.get(0).unwrap_or(vm.none), "system", "command")?;
    crate::modules::sys::flush_stdout(vm);
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::process::ExitStatusExt;
    let st = std::process::Command::new("/bin/sh").arg("-c").arg(std::ffi::OsStr::from_bytes(&c.bytes)).status();
    Ok(vm.new_int(st.map(|s| s.into_raw() as i64).unwrap_or(-1)))
}

pub fn setsid(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    sc::setsid().map_err(|c| os_err(vm, c, None, None))?;
    Ok(vm.none)
}

pub fn setpgid(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, a, k, "setpgid", &["pid", "pgrp"], 2, 2)?;
    let p = args::int(vm, args.get(0).unwrap_or(vm.none))? as i32;
    let g = args::int(vm, args.get(1).unwrap_or(vm.none))? as i32;
    sc::setpgid(p, g).map_err(|c| os_err(vm, c, None, None))?;
    Ok(vm.none)
}

pub fn getsid(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, a, k, "getsid", &["pid"], 1, 1)?;
    let p = args::int(vm, args.get(0).unwrap_or(vm.none))? as i32;
    let r = sc::getsid(p).map_err(|c| os_err(vm, c, None, None))?;
    Ok(vm.new_int(r as i64))
}

pub fn getpgid(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, a, k, "getpgid", &["pid"], 1, 1)?;
    let p = args::int(vm, args.get(0).unwrap_or(vm.none))? as i32;
    let r = sc::getpgid(p).map_err(|c| os_err(vm, c, None, None))?;
    Ok(vm.new_int(r as i64))
}

pub fn nice(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, a, k, "nice", &["increment"], 1, 1)?;
    let i = args::int(vm, args.get(0).unwrap_or(vm.none))? as i32;
    let r = sc::nice(i).map_err(|c| os_err(vm, c, None, None))?;
    Ok(vm.new_int(r as i64))
}

/// A system call interrupted by a signal is made again once the signal's Python handler
/// has run, unless the handler raised (PEP 475, as CPython's os.read, os.write, waitpid).
fn retry_eintr<T>(vm: &mut Vm, mut call: impl FnMut() -> sc::Res<T>) -> PyResult<T> {
    loop {
        match crate::threads::allow_threads(vm, &mut call) {
            Err(c) if c == libc::EINTR => crate::signals::check(vm)?,
            r => return r.map_err(|c| os_err(vm, c, None, None)),
        }
    }
}

/// `_statvfs_raw(path_or_fd)`: the 11 fields of os.statvfs_result.
pub fn statvfs_raw(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let v = a.first().copied().unwrap_or(vm.none);
    let r = match args::path_or_fd(vm, v, "statvfs", "path", true)? {
        args::PathOrFd::Fd(fd) => sc::statvfs(b"", Some(fd)).map_err(|c| os_err(vm, c, None, None))?,
        args::PathOrFd::Path(p) => sc::statvfs(&p.bytes, None).map_err(|c| os_err(vm, c, Some(p.obj), None))?,
    };
    let items: Vec<Value> = r.iter().map(|&x| vm.new_int(x as i64)).collect();
    Ok(vm.new_tuple(items))
}

/// `sched_getaffinity(pid)`: the set of CPUs the process may run on.
pub fn sched_getaffinity(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, a, k, "sched_getaffinity", &["pid"], 1, 1)?;
    let pid = args::int(vm, args.get(0).unwrap_or(vm.none))? as i32;
    let cpus = sc::sched_getaffinity(pid).map_err(|c| os_err(vm, c, None, None))?;
    let set = vm.new_set();
    for c in cpus {
        let v = vm.new_int(c as i64);
        vm.set_add(set, v)?;
    }
    Ok(set)
}
