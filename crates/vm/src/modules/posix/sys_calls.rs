//! The C library calls behind the posix module that std does not offer: each a thin safe
//! wrapper returning the value or the errno.
#![allow(unsafe_code)]

use std::ffi::CString;

pub type Res<T> = Result<T, i32>;

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EIO)
}

fn check(r: libc::c_int) -> Res<libc::c_int> {
    if r < 0 {
        Err(errno())
    } else {
        Ok(r)
    }
}

fn cpath(p: &[u8]) -> Res<CString> {
    CString::new(p).map_err(|_| libc::EINVAL)
}

pub fn open(path: &[u8], flags: i32, mode: u32) -> Res<i32> {
    let c = cpath(path)?;
    // SAFETY: `c` is a NUL-terminated string that lives across the call; open reads it only.
    check(unsafe { libc::open(c.as_ptr(), flags | libc::O_CLOEXEC, mode as libc::c_uint) })
}

pub fn close(fd: i32) -> Res<()> {
    // SAFETY: close takes a plain integer; closing a descriptor pyjit does not own is the
    // program's request, as in CPython (no memory is involved).
    check(unsafe { libc::close(fd) }).map(|_| ())
}

pub fn read(fd: i32, n: usize) -> Res<Vec<u8>> {
    let mut buf = vec![0u8; n];
    // SAFETY: `buf` has room for `n` bytes and is exclusively borrowed for the call.
    let r = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), n) };
    if r < 0 {
        return Err(errno());
    }
    buf.truncate(r as usize);
    Ok(buf)
}

pub fn write(fd: i32, data: &[u8]) -> Res<usize> {
    // SAFETY: `data` is valid for `data.len()` bytes during the call; write only reads it.
    let r = unsafe { libc::write(fd, data.as_ptr().cast(), data.len()) };
    if r < 0 {
        Err(errno())
    } else {
        Ok(r as usize)
    }
}

pub fn lseek(fd: i32, pos: i64, how: i32) -> Res<i64> {
    // SAFETY: integer arguments only.
    let r = unsafe { libc::lseek(fd, pos, how) };
    if r < 0 {
        Err(errno())
    } else {
        Ok(r)
    }
}

pub fn dup(fd: i32) -> Res<i32> {
    // SAFETY: integer arguments only.
    check(unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) })
}

pub fn dup2(fd: i32, fd2: i32, inheritable: bool) -> Res<i32> {
    // SAFETY: integer arguments only.
    let r = check(unsafe { libc::dup3(fd, fd2, if inheritable { 0 } else { libc::O_CLOEXEC }) });
    match r {
        // dup3 refuses equal descriptors where dup2 succeeds
        Err(libc::EINVAL) if fd == fd2 => Ok(fd2),
        r => r,
    }
}

pub fn pipe() -> Res<(i32, i32)> {
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: `fds` has room for the two descriptors pipe2 writes.
    check(unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) })?;
    Ok((fds[0], fds[1]))
}

pub fn isatty(fd: i32) -> bool {
    // SAFETY: integer argument only.
    unsafe { libc::isatty(fd) == 1 }
}

pub fn fsync(fd: i32) -> Res<()> {
    // SAFETY: integer argument only.
    check(unsafe { libc::fsync(fd) }).map(|_| ())
}

pub fn ftruncate(fd: i32, len: i64) -> Res<()> {
    // SAFETY: integer arguments only.
    check(unsafe { libc::ftruncate(fd, len) }).map(|_| ())
}

pub fn get_cloexec(fd: i32) -> Res<bool> {
    // SAFETY: integer arguments only.
    let f = check(unsafe { libc::fcntl(fd, libc::F_GETFD) })?;
    Ok(f & libc::FD_CLOEXEC != 0)
}

pub fn set_cloexec(fd: i32, on: bool) -> Res<()> {
    // SAFETY: integer arguments only.
    let f = check(unsafe { libc::fcntl(fd, libc::F_GETFD) })?;
    let nf = if on { f | libc::FD_CLOEXEC } else { f & !libc::FD_CLOEXEC };
    // SAFETY: integer arguments only.
    check(unsafe { libc::fcntl(fd, libc::F_SETFD, nf) }).map(|_| ())
}

pub fn get_nonblock(fd: i32) -> Res<bool> {
    // SAFETY: integer arguments only.
    let f = check(unsafe { libc::fcntl(fd, libc::F_GETFL) })?;
    Ok(f & libc::O_NONBLOCK != 0)
}

pub fn set_nonblock(fd: i32, on: bool) -> Res<()> {
    // SAFETY: integer arguments only.
    let f = check(unsafe { libc::fcntl(fd, libc::F_GETFL) })?;
    let nf = if on { f | libc::O_NONBLOCK } else { f & !libc::O_NONBLOCK };
    // SAFETY: integer arguments only.
    check(unsafe { libc::fcntl(fd, libc::F_SETFL, nf) }).map(|_| ())
}

pub fn access(path: &[u8], mode: i32) -> Res<bool> {
    let c = cpath(path)?;
    // SAFETY: `c` is NUL-terminated and outlives the call.
    Ok(unsafe { libc::access(c.as_ptr(), mode) } == 0)
}

pub fn chmod(path: &[u8], mode: u32, follow: bool) -> Res<()> {
    let c = cpath(path)?;
    let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
    // SAFETY: `c` is NUL-terminated and outlives the call.
    check(unsafe { libc::fchmodat(libc::AT_FDCWD, c.as_ptr(), mode as libc::mode_t, flags) }).map(|_| ())
}

pub fn fchmod(fd: i32, mode: u32) -> Res<()> {
    // SAFETY: integer arguments only.
    check(unsafe { libc::fchmod(fd, mode as libc::mode_t) }).map(|_| ())
}

pub fn chown(path: &[u8], uid: u32, gid: u32, follow: bool) -> Res<()> {
    let c = cpath(path)?;
    // SAFETY: `c` is NUL-terminated and outlives the call.
    let r = unsafe { if follow { libc::chown(c.as_ptr(), uid, gid) } else { libc::lchown(c.as_ptr(), uid, gid) } };
    check(r).map(|_| ())
}

/// utimensat with (seconds, nanoseconds) pairs, or the current time when `times` is None.
pub fn utime(path: &[u8], times: Option<[(i64, i64); 2]>, follow: bool) -> Res<()> {
    let c = cpath(path)?;
    let ts = times.map(|t| t.map(|(s, n)| libc::timespec { tv_sec: s as libc::time_t, tv_nsec: n as _ }));
    let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
    let p = ts.as_ref().map(|t| t.as_ptr()).unwrap_or(std::ptr::null());
    // SAFETY: `c` is NUL-terminated; `p` is null or points at two timespecs in `ts`, which
    // outlives the call.
    check(unsafe { libc::utimensat(libc::AT_FDCWD, c.as_ptr(), p, flags) }).map(|_| ())
}

pub fn umask(mask: u32) -> u32 {
    // SAFETY: integer argument only.
    unsafe { libc::umask(mask as libc::mode_t) as u32 }
}

pub fn ids() -> [u32; 4] {
    // SAFETY: these calls take no arguments and cannot fail.
    unsafe { [libc::getuid(), libc::geteuid(), libc::getgid(), libc::getegid()] }
}

pub fn getppid() -> i32 {
    // SAFETY: no arguments; cannot fail.
    unsafe { libc::getppid() }
}

pub fn getpgrp() -> i32 {
    // SAFETY: no arguments; cannot fail.
    unsafe { libc::getpgrp() }
}

pub fn kill(pid: i32, sig: i32) -> Res<()> {
    // SAFETY: integer arguments only.
    check(unsafe { libc::kill(pid, sig) }).map(|_| ())
}

pub fn exit_now(code: i32) -> ! {
    // SAFETY: _exit ends the process at once; nothing after it runs.
    unsafe { libc::_exit(code) }
}

pub fn sysconf(name: i32) -> i64 {
    // SAFETY: integer argument only.
    unsafe { libc::sysconf(name) as i64 }
}

/// waitpid: (pid, status).
pub fn waitpid(pid: i32, options: i32) -> Res<(i32, i32)> {
    let mut status: libc::c_int = 0;
    // SAFETY: `status` is a valid place for the one int waitpid writes.
    let r = check(unsafe { libc::waitpid(pid, &mut status, options) })?;
    Ok((r, status))
}

pub fn uname() -> Res<[Vec<u8>; 5]> {
    // SAFETY: utsname is plain old data; zeroed is a valid value for it.
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    // SAFETY: `u` is a valid utsname for uname to fill.
    check(unsafe { libc::uname(&mut u) })?;
    let field = |f: &[libc::c_char]| f.iter().take_while(|&&c| c != 0).map(|&c| c as u8).collect::<Vec<u8>>();
    Ok([field(&u.sysname), field(&u.nodename), field(&u.release), field(&u.version), field(&u.machine)])
}

/// times(): user, system, children's user, children's system (in clock ticks), elapsed.
pub fn times() -> Res<[i64; 5]> {
    // SAFETY: tms is plain old data; zeroed is a valid value for it.
    let mut t: libc::tms = unsafe { std::mem::zeroed() };
    // SAFETY: `t` is a valid tms for times to fill.
    let r = unsafe { libc::times(&mut t) };
    if r == (-1i64) as libc::clock_t {
        return Err(errno());
    }
    Ok([t.tms_utime as i64, t.tms_stime as i64, t.tms_cutime as i64, t.tms_cstime as i64, r as i64])
}

pub fn ttyname(fd: i32) -> Res<Vec<u8>> {
    let mut buf = vec![0u8; 256];
    // SAFETY: `buf` has room for `buf.len()` bytes, the size passed.
    let r = unsafe { libc::ttyname_r(fd, buf.as_mut_ptr().cast(), buf.len()) };
    if r != 0 {
        return Err(r);
    }
    let n = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    buf.truncate(n);
    Ok(buf)
}

pub fn terminal_size(fd: i32) -> Res<(u16, u16)> {
    // SAFETY: winsize is plain old data; zeroed is a valid value for it.
    let mut w: libc::winsize = unsafe { std::mem::zeroed() };
    // SAFETY: TIOCGWINSZ writes one winsize into `w`.
    check(unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut w) })?;
    Ok((w.ws_col, w.ws_row))
}

pub fn fork() -> Res<i32> {
    // SAFETY: the child continues with a copy of the interpreter's memory; other threads
    // run no Python code meanwhile (the caller holds the GIL and, through
    // threads::around_fork, the thread module's locks).
    check(unsafe { libc::fork() })
}

pub fn execv(path: &[u8], args: &[Vec<u8>], env: Option<&[Vec<u8>]>) -> i32 {
    let Ok(p) = cpath(path) else { return libc::EINVAL };
    let to_c = |v: &[Vec<u8>]| v.iter().map(|a| cpath(a)).collect::<Res<Vec<CString>>>();
    let Ok(cargs) = to_c(args) else { return libc::EINVAL };
    let mut argv: Vec<*const libc::c_char> = cargs.iter().map(|c| c.as_ptr()).collect();
    argv.push(std::ptr::null());
    match env {
        Some(e) => {
            let Ok(cenv) = to_c(e) else { return libc::EINVAL };
            let mut envp: Vec<*const libc::c_char> = cenv.iter().map(|c| c.as_ptr()).collect();
            envp.push(std::ptr::null());
            // SAFETY: every pointer is a NUL-terminated string owned by `cargs`/`cenv`, and
            // both arrays end with a null pointer, as execve requires.
            unsafe { libc::execve(p.as_ptr(), argv.as_ptr(), envp.as_ptr()) };
        }
        None => {
            // SAFETY: as above, without the environment array.
            unsafe { libc::execv(p.as_ptr(), argv.as_ptr()) };
        }
    }
    errno()
}

pub fn strerror(code: i32) -> String {
    let s = std::io::Error::from_raw_os_error(code).to_string();
    match s.rfind(" (os error ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

pub fn getloadavg() -> Res<[f64; 3]> {
    let mut l = [0f64; 3];
    // SAFETY: `l` has room for the 3 doubles requested.
    let r = unsafe { libc::getloadavg(l.as_mut_ptr(), 3) };
    if r != 3 {
        return Err(libc::EINVAL);
    }
    Ok(l)
}

pub fn mkfifo(path: &[u8], mode: u32) -> Res<()> {
    let c = cpath(path)?;
    // SAFETY: `c` is NUL-terminated and outlives the call.
    check(unsafe { libc::mkfifo(c.as_ptr(), mode as libc::mode_t) }).map(|_| ())
}

pub fn mkdir(path: &[u8], mode: u32) -> Res<()> {
    let c = cpath(path)?;
    // SAFETY: `c` is NUL-terminated and outlives the call.
    check(unsafe { libc::mkdir(c.as_ptr(), mode as libc::mode_t) }).map(|_| ())
}

pub fn setpgid(pid: i32, pgrp: i32) -> Res<()> {
    // SAFETY: integer arguments only.
    check(unsafe { libc::setpgid(pid, pgrp) }).map(|_| ())
}

pub fn setsid() -> Res<i32> {
    // SAFETY: no arguments.
    check(unsafe { libc::setsid() })
}

pub fn getsid(pid: i32) -> Res<i32> {
    // SAFETY: integer argument only.
    check(unsafe { libc::getsid(pid) })
}

pub fn getpgid(pid: i32) -> Res<i32> {
    // SAFETY: integer argument only.
    check(unsafe { libc::getpgid(pid) })
}

pub fn nice(inc: i32) -> Res<i32> {
    // SAFETY: integer argument only.
    Ok(unsafe { libc::nice(inc) })
}

pub fn getgroups() -> Res<Vec<u32>> {
    let mut g = vec![0 as libc::gid_t; 256];
    // SAFETY: `g` has room for 256 group ids, the count passed.
    let n = check(unsafe { libc::getgroups(256, g.as_mut_ptr()) })?;
    g.truncate(n as usize);
    Ok(g)
}

/// statvfs(3) of a path or (with `fd` set) fstatvfs(3) of a descriptor: the fields of
/// os.statvfs_result in order.
pub fn statvfs(path: &[u8], fd: Option<i32>) -> Res<[u64; 11]> {
    // SAFETY: an all-zero struct statvfs is a valid value; the call fills it.
    let mut s: libc::statvfs = unsafe { std::mem::zeroed() };
    match fd {
        // SAFETY: s is a live struct statvfs.
        Some(fd) => check(unsafe { libc::fstatvfs(fd, &mut s) })?,
        None => {
            let c = cpath(path)?;
            // SAFETY: c is NUL-terminated; s is a live struct statvfs.
            check(unsafe { libc::statvfs(c.as_ptr(), &mut s) })?
        }
    };
    Ok([
        s.f_bsize as u64,
        s.f_frsize as u64,
        s.f_blocks as u64,
        s.f_bfree as u64,
        s.f_bavail as u64,
        s.f_files as u64,
        s.f_ffree as u64,
        s.f_favail as u64,
        s.f_flag as u64,
        s.f_namemax as u64,
        s.f_fsid as u64,
    ])
}

/// The CPUs `pid` (0: this process) may run on.
pub fn sched_getaffinity(pid: i32) -> Res<Vec<usize>> {
    // SAFETY: an all-zero cpu_set_t is the empty set; the call fills it.
    let mut set: libc::cpu_set_t = unsafe { std::mem::zeroed() };
    // SAFETY: set is a live cpu_set_t of the size passed.
    check(unsafe { libc::sched_getaffinity(pid, std::mem::size_of::<libc::cpu_set_t>(), &mut set) })?;
    // SAFETY: CPU_ISSET reads the set within its size.
    Ok((0..libc::CPU_SETSIZE as usize).filter(|&i| unsafe { libc::CPU_ISSET(i, &set) }).collect())
}
