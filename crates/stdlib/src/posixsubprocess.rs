//! `_posixsubprocess.fork_exec`: starts a child process for subprocess.Popen (fork, set up
//! the standard descriptors, working directory, session and umask, close the other
//! descriptors, exec), reporting a failure before or at exec through the error pipe in
//! the "OSError:<hex errno>:<noexec...>" form subprocess.py reads.
#![allow(unsafe_code)]

use std::ffi::CString;

use crate::util::*;

/// os.fsencode: bytes as they are, str as UTF-8 with surrogateescape, or a PathLike's path.
fn fs_bytes(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if let Some(b) = with_buffer(vm, v, |b| b.to_vec())? {
        return Ok(b);
    }
    if is_str(v) {
        return pyjit_vm::builtins::codecs::encode(vm, v, "utf-8", "surrogateescape");
    }
    let n = vm.intern("__fspath__");
    let ty = vm.type_of(v);
    if let Some(f) = vm.lookup(ty, n) {
        let p = vm.call(f, &[v])?;
        if is_str(p) || p.kind() == Some(ObjKind::Bytes) {
            return fs_bytes(vm, p);
        }
    }
    let tn = tname(vm, v);
    Err(vm.type_error(&format!("expected str, bytes or os.PathLike object, not {tn}")))
}

fn cstring(vm: &mut Vm, b: Vec<u8>) -> PyResult<CString> {
    CString::new(b).map_err(|_| vm.value_error("embedded null byte"))
}

fn cstrings(vm: &mut Vm, seq: Value) -> PyResult<Vec<CString>> {
    let (_h, items) = vm.to_vec(seq)?;
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        let b = fs_bytes(vm, it)?;
        out.push(cstring(vm, b)?);
    }
    Ok(out)
}

fn int_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if is_none(vm, v) {
        return Ok(-1);
    }
    c_long(vm, v)
}

/// Everything the child needs, converted before fork so that it does not allocate.
struct Plan {
    argv: Vec<CString>,
    exes: Vec<CString>,
    env: Option<Vec<CString>>,
    cwd: Option<CString>,
    keep: Vec<i32>,
    close_fds: bool,
    open_fds: Vec<i32>,
    p2c: (i32, i32),
    c2p: (i32, i32),
    err: (i32, i32),
    errpipe_write: i32,
    restore_signals: bool,
    setsid: bool,
    pgid: i64,
    umask: i64,
}

fn write_all(fd: i32, b: &[u8]) {
    // SAFETY: b is a live byte slice; a failed write cannot be reported anyway.
    let _ = unsafe { libc::write(fd, b.as_ptr() as *const libc::c_void, b.len()) };
}

fn report(fd: i32, errno: i32, tail: &[u8]) {
    let mut buf = [0u8; 40];
    let mut n = buf.len();
    let mut e = errno as u32;
    while e != 0 && n > 0 {
        n -= 1;
        buf[n] = b"0123456789ABCDEF"[(e % 16) as usize];
        e /= 16;
    }
    write_all(fd, b"OSError:");
    write_all(fd, &buf[n..]);
    write_all(fd, b":");
    write_all(fd, tail);
}

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EINVAL)
}

/// Makes `fd` survive exec.
fn inheritable(fd: i32) -> bool {
    // SAFETY: fcntl on an integer descriptor with integer arguments.
    unsafe {
        let f = libc::fcntl(fd, libc::F_GETFD);
        f >= 0 && libc::fcntl(fd, libc::F_SETFD, f & !libc::FD_CLOEXEC) >= 0
    }
}

/// The child's side: never returns.
fn child(p: &Plan, preexec: Option<&mut dyn FnMut() -> bool>) -> ! {
    let fail = |tail: &[u8]| -> ! {
        report(p.errpipe_write, errno(), tail);
        // SAFETY: leaving the child without running the parent's cleanup.
        unsafe { libc::_exit(255) }
    };
    for &fd in &p.keep {
        if fd != p.errpipe_write && !inheritable(fd) {
            fail(b"noexec");
        }
    }
    // SAFETY (this block): close/dup/dup2 on integer descriptors.
    unsafe {
        for fd in [p.p2c.1, p.c2p.0, p.err.0] {
            if fd != -1 {
                libc::close(fd);
            }
        }
    }
    let (p2cread, mut c2pwrite, mut errwrite) = (p.p2c.0, p.c2p.1, p.err.1);
    // a descriptor that is about to be replaced must be moved out of the way first
    // SAFETY: dup on integer descriptors.
    unsafe {
        if c2pwrite == 0 {
            c2pwrite = libc::dup(c2pwrite);
            if c2pwrite < 0 {
                fail(b"noexec");
            }
        }
        while errwrite == 0 || errwrite == 1 {
            errwrite = libc::dup(errwrite);
            if errwrite < 0 {
                fail(b"noexec");
            }
        }
    }
    for (fd, target) in [(p2cread, 0), (c2pwrite, 1), (errwrite, 2)] {
        if fd == target {
            if !inheritable(fd) {
                fail(b"noexec");
            }
        } else if fd != -1 {
            // SAFETY: dup2 on integer descriptors.
            if unsafe { libc::dup2(fd, target) } < 0 {
                fail(b"noexec");
            }
        }
    }
    if let Some(cwd) = &p.cwd {
        // SAFETY: cwd is a NUL-terminated string that outlives the call.
        if unsafe { libc::chdir(cwd.as_ptr()) } < 0 {
            fail(b"noexec");
        }
    }
    // SAFETY (this block): process attribute calls with integer arguments.
    unsafe {
        if p.umask >= 0 {
            libc::umask(p.umask as libc::mode_t);
        }
        if p.restore_signals {
            libc::signal(libc::SIGPIPE, libc::SIG_DFL);
            libc::signal(libc::SIGXFSZ, libc::SIG_DFL);
        }
        if p.setsid && libc::setsid() < 0 {
            fail(b"noexec");
        }
        if p.pgid >= 0 && libc::setpgid(0, p.pgid as libc::pid_t) < 0 {
            fail(b"noexec");
        }
    }
    if let Some(f) = preexec {
        if !f() {
            write_all(p.errpipe_write, b"SubprocessError:0:Exception occurred in preexec_fn.");
            // SAFETY: leaving the child.
            unsafe { libc::_exit(255) }
        }
    }
    if p.close_fds {
        for &fd in &p.open_fds {
            if fd > 2 && !p.keep.contains(&fd) {
                // SAFETY: closing an integer descriptor.
                unsafe { libc::close(fd) };
            }
        }
    }
    let mut argv: Vec<*const libc::c_char> = p.argv.iter().map(|c| c.as_ptr()).collect();
    argv.push(std::ptr::null());
    let envp: Option<Vec<*const libc::c_char>> = p.env.as_ref().map(|e| {
        let mut v: Vec<*const libc::c_char> = e.iter().map(|c| c.as_ptr()).collect();
        v.push(std::ptr::null());
        v
    });
    let mut saved = 0;
    for exe in &p.exes {
        // SAFETY: exe, argv and envp are NUL-terminated and outlive the call.
        unsafe {
            match &envp {
                Some(e) => libc::execve(exe.as_ptr(), argv.as_ptr(), e.as_ptr()),
                None => libc::execv(exe.as_ptr(), argv.as_ptr()),
            };
        }
        let e = errno();
        if e != libc::ENOENT && e != libc::ENOTDIR && saved == 0 {
            saved = e;
        }
    }
    let e = if saved != 0 { saved } else { errno() };
    report(p.errpipe_write, e, b"");
    // SAFETY: leaving the child.
    unsafe { libc::_exit(255) }
}

/// The descriptors open in this process (for close_fds).
fn open_fds() -> Vec<i32> {
    match std::fs::read_dir("/proc/self/fd") {
        Ok(d) => d.filter_map(|e| e.ok()).filter_map(|e| e.file_name().to_str().and_then(|s| s.parse().ok())).collect(),
        // without /proc, every descriptor below a common limit
        Err(_) => (3..1024).collect(),
    }
}

fn fork_exec(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    no_kw(vm, kw, "fork_exec")?;
    if a.len() != 23 {
        return Err(vm.type_error(&format!("fork_exec() takes exactly 23 arguments ({} given)", a.len())));
    }
    let argv = if is_none(vm, a[0]) { Vec::new() } else { cstrings(vm, a[0])? };
    let exes = cstrings(vm, a[1])?;
    let close_fds = vm.truthy(a[2])?;
    let (_h, keep_v) = vm.to_vec(a[3])?;
    let mut keep = Vec::new();
    for k in keep_v {
        let fd = c_int(vm, k)?;
        if fd < 0 {
            return Err(vm.value_error("bad value(s) in fds_to_keep"));
        }
        keep.push(fd);
    }
    let cwd = if is_none(vm, a[4]) {
        None
    } else {
        let b = fs_bytes(vm, a[4])?;
        Some(cstring(vm, b)?)
    };
    let env = if is_none(vm, a[5]) { None } else { Some(cstrings(vm, a[5])?) };
    let mut fds = [0i32; 8];
    for (i, slot) in fds.iter_mut().enumerate() {
        *slot = int_arg(vm, a[6 + i])? as i32;
    }
    let restore_signals = vm.truthy(a[14])?;
    let setsid = vm.truthy(a[15])?;
    let pgid = int_arg(vm, a[16])?;
    for (i, what) in [(17, "gid"), (18, "extra_groups"), (19, "uid")] {
        if !is_none(vm, a[i]) {
            let t = vm.types.not_implemented_error;
            return Err(vm.err(t, &format!("pyjit's subprocess cannot set {what} yet")));
        }
    }
    let umask = int_arg(vm, a[20])?;
    let preexec_fn = a[21];
    let plan = Plan {
        argv,
        exes,
        env,
        cwd,
        keep,
        close_fds,
        open_fds: if close_fds { open_fds() } else { Vec::new() },
        p2c: (fds[0], fds[1]),
        c2p: (fds[2], fds[3]),
        err: (fds[4], fds[5]),
        errpipe_write: fds[7],
        restore_signals,
        setsid,
        pgid,
        umask,
    };
    pyjit_vm::modules::sys::flush_stdout(vm);
    // SAFETY: the interpreter runs on one thread; the child only calls async-signal-safe
    // functions on data prepared above (and preexec_fn, as CPython allows) before exec.
    let pid = unsafe { libc::fork() };
    if pid < 0 {
        let e = std::io::Error::last_os_error();
        return Err(pyjit_vm::modules::io::os_error(vm, &e, None));
    }
    if pid == 0 {
        if is_none(vm, preexec_fn) {
            child(&plan, None);
        }
        let mut run = || vm.call(preexec_fn, &[]).is_ok();
        child(&plan, Some(&mut run));
    }
    Ok(vm.new_int(pid as i64))
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    add_fns(vm, m, &[("fork_exec", fork_exec)]);
    Ok(())
}
