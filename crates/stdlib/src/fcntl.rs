//! `fcntl`: fcntl(), ioctl() and flock() on file descriptors, with the Linux constants
//! (what subprocess, tempfile and file locking use).
#![allow(unsafe_code)]

use crate::util::*;

/// A file descriptor: an int, or an object whose fileno() gives one.
pub fn fd_of(vm: &mut Vm, v: Value) -> PyResult<i32> {
    if vm.as_i64(v).is_some() || vm.is_int(v) {
        let fd = c_int(vm, v)?;
        if fd < 0 {
            return Err(vm.value_error(&format!("file descriptor cannot be a negative integer ({fd})")));
        }
        return Ok(fd);
    }
    let n = vm.intern("fileno");
    match vm.getattr_opt(v, n)? {
        Some(f) => {
            let r = vm.call(f, &[])?;
            if !vm.is_int(r) {
                return Err(vm.type_error("fileno() returned a non-integer"));
            }
            let fd = c_int(vm, r)?;
            if fd < 0 {
                return Err(vm.value_error(&format!("file descriptor cannot be a negative integer ({fd})")));
            }
            Ok(fd)
        }
        None => Err(vm.type_error("argument must be an int, or have a fileno() method.")),
    }
}

fn last_os_error(vm: &mut Vm) -> PyErr {
    let e = std::io::Error::last_os_error();
    pyjit_vm::modules::io::os_error(vm, &e, None)
}

/// fcntl(fd, cmd, arg=0): an int argument gives the call's int result; a bytes argument
/// (at most 1024 bytes) is copied to a buffer the call may change, returned as bytes.
fn fcntl(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    no_kw(vm, kw, "fcntl")?;
    check_pos(vm, a, kw, "fcntl", 2, 3)?;
    let fd = fd_of(vm, a[0])?;
    let cmd = c_int(vm, a[1])?;
    let arg = a.get(2).copied();
    if let Some(v) = arg.filter(|v| !vm.is_int(*v)) {
        let mut buf = match with_buffer(vm, v, |b| b.to_vec())? {
            Some(b) => b,
            None if is_str(v) => vm.str_of(v).into_bytes(),
            None => {
                let tn = tname(vm, v);
                return Err(vm.type_error(&format!("integer argument expected, got {tn}")));
            }
        };
        if buf.len() > 1024 {
            return Err(vm.value_error("fcntl argument 3 is too long"));
        }
        let n = buf.len();
        buf.resize(1024, 0);
        // SAFETY: buf is a live 1024-byte buffer; the call reads and writes within it.
        let r = unsafe { libc::fcntl(fd, cmd, buf.as_mut_ptr()) };
        if r < 0 {
            return Err(last_os_error(vm));
        }
        buf.truncate(n);
        return Ok(vm.new_bytes(buf));
    }
    let iarg = match arg {
        Some(v) => c_long(vm, v)?,
        None => 0,
    };
    // SAFETY: an integer-argument fcntl; the kernel checks fd and cmd.
    let r = unsafe { libc::fcntl(fd, cmd, iarg as libc::c_long) };
    if r < 0 {
        return Err(last_os_error(vm));
    }
    Ok(vm.new_int(r as i64))
}

/// ioctl(fd, request, arg=0, mutate_flag=True), for integer and buffer arguments.
fn ioctl(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    no_kw(vm, kw, "ioctl")?;
    check_pos(vm, a, kw, "ioctl", 2, 4)?;
    let fd = fd_of(vm, a[0])?;
    let req = c_long(vm, a[1])? as libc::c_ulong;
    let arg = a.get(2).copied();
    if let Some(v) = arg.filter(|v| !vm.is_int(*v)) {
        let mut buf = match with_buffer(vm, v, |b| b.to_vec())? {
            Some(b) => b,
            None => {
                let tn = tname(vm, v);
                return Err(vm.type_error(&format!("integer argument expected, got {tn}")));
            }
        };
        let n = buf.len();
        buf.resize(n.max(1024), 0);
        // SAFETY: buf is a live buffer of at least 1024 bytes the call may fill.
        let r = unsafe { libc::ioctl(fd, req as _, buf.as_mut_ptr()) };
        if r < 0 {
            return Err(last_os_error(vm));
        }
        buf.truncate(n);
        let mutable = a.get(3).map(|m| vm.truthy(*m)).transpose()?.unwrap_or(true);
        if mutable {
            let _ = with_buffer_mut(vm, v, |dst| {
                let k = dst.len().min(buf.len());
                dst[..k].copy_from_slice(&buf[..k]);
            })?;
            if v.kind() != Some(ObjKind::Bytes) {
                return Ok(vm.new_int(r as i64));
            }
        }
        return Ok(vm.new_bytes(buf));
    }
    let iarg = match arg {
        Some(v) => c_long(vm, v)?,
        None => 0,
    };
    // SAFETY: an integer-argument ioctl; the kernel checks fd and request.
    let r = unsafe { libc::ioctl(fd, req as _, iarg as libc::c_long) };
    if r < 0 {
        return Err(last_os_error(vm));
    }
    Ok(vm.new_int(r as i64))
}

fn flock(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    no_kw(vm, kw, "flock")?;
    check_pos(vm, a, kw, "flock", 2, 2)?;
    let fd = fd_of(vm, a[0])?;
    let op = c_int(vm, a[1])?;
    // SAFETY: flock takes plain integers.
    if unsafe { libc::flock(fd, op) } < 0 {
        return Err(last_os_error(vm));
    }
    Ok(vm.none)
}

/// lockf(fd, cmd, len=0, start=0, whence=0) through fcntl's record locks, as CPython.
fn lockf(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    no_kw(vm, kw, "lockf")?;
    check_pos(vm, a, kw, "lockf", 2, 5)?;
    let fd = fd_of(vm, a[0])?;
    let code = c_int(vm, a[1])?;
    let num = |vm: &mut Vm, i: usize| -> PyResult<i64> { a.get(i).map(|v| c_long(vm, *v)).transpose().map(|o| o.unwrap_or(0)) };
    let (len, start, whence) = (num(vm, 2)?, num(vm, 3)?, num(vm, 4)?);
    let ltype = if code & libc::LOCK_UN != 0 {
        libc::F_UNLCK
    } else if code & libc::LOCK_SH != 0 {
        libc::F_RDLCK
    } else if code & libc::LOCK_EX != 0 {
        libc::F_WRLCK
    } else {
        return Err(vm.value_error("unrecognized lockf argument"));
    };
    // SAFETY: an all-zero struct flock is a valid value; the fields are set below.
    let mut l: libc::flock = unsafe { std::mem::zeroed() };
    l.l_type = ltype as libc::c_short;
    l.l_whence = whence as libc::c_short;
    l.l_start = start as libc::off_t;
    l.l_len = len as libc::off_t;
    let cmd = if code & libc::LOCK_NB != 0 { libc::F_SETLK } else { libc::F_SETLKW };
    // SAFETY: l is a live struct flock for the duration of the call.
    if unsafe { libc::fcntl(fd, cmd, &mut l as *mut libc::flock) } < 0 {
        return Err(last_os_error(vm));
    }
    Ok(vm.none)
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    add_fns(vm, m, &[("fcntl", fcntl), ("ioctl", ioctl), ("flock", flock), ("lockf", lockf)]);
    let consts: &[(&str, i64)] = &[
        ("F_DUPFD", libc::F_DUPFD as i64),
        ("F_DUPFD_CLOEXEC", libc::F_DUPFD_CLOEXEC as i64),
        ("F_GETFD", libc::F_GETFD as i64),
        ("F_SETFD", libc::F_SETFD as i64),
        ("F_GETFL", libc::F_GETFL as i64),
        ("F_SETFL", libc::F_SETFL as i64),
        ("F_GETLK", libc::F_GETLK as i64),
        ("F_SETLK", libc::F_SETLK as i64),
        ("F_SETLKW", libc::F_SETLKW as i64),
        ("F_GETOWN", libc::F_GETOWN as i64),
        ("F_SETOWN", libc::F_SETOWN as i64),
        ("F_RDLCK", libc::F_RDLCK as i64),
        ("F_WRLCK", libc::F_WRLCK as i64),
        ("F_UNLCK", libc::F_UNLCK as i64),
        ("F_GETPIPE_SZ", libc::F_GETPIPE_SZ as i64),
        ("F_SETPIPE_SZ", libc::F_SETPIPE_SZ as i64),
        ("FD_CLOEXEC", libc::FD_CLOEXEC as i64),
        ("LOCK_SH", libc::LOCK_SH as i64),
        ("LOCK_EX", libc::LOCK_EX as i64),
        ("LOCK_NB", libc::LOCK_NB as i64),
        ("LOCK_UN", libc::LOCK_UN as i64),
    ];
    crate::util::set_int_consts(vm, m, consts);
    Ok(())
}
