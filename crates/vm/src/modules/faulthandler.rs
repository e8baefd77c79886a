//! faulthandler's natives: tracebacks written straight to a file descriptor, from a fatal
//! signal's handler (SIGSEGV, SIGFPE, SIGABRT, SIGBUS, SIGILL), from a user signal's
//! (`register`), from a watchdog thread (`dump_traceback_later`) or on request. The
//! writers format into a buffer on the stack and call write(2): no allocation, so a
//! handler may run while the allocator's lock is held. The module's Python half
//! (py/faulthandler_mod.py) checks arguments and keeps the file objects alive.
#![allow(unsafe_code)]

use std::fmt::Write as _;
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicPtr, Ordering};
use std::sync::{Condvar, Mutex};
use std::time::Duration;

use crate::heap::Value;
use crate::interp::{Frame, NativeFn, PyResult, Vm};
use crate::objects::StrObj;

/// The VM whose frames the handlers list (set by every call that installs a handler).
static VM_PTR: AtomicPtr<Vm> = AtomicPtr::new(std::ptr::null_mut());

/// Frames listed per thread, and threads per dump, as CPython.
const MAX_FRAMES: usize = 100;
const MAX_THREADS: usize = 100;
/// Longest file or function name written (longer ones end in "...").
const MAX_STRING: usize = 500;

/// A write(2) to `fd` through a buffer on the stack.
struct FdWriter {
    fd: i32,
    buf: [u8; 512],
    len: usize,
}

impl FdWriter {
    fn new(fd: i32) -> FdWriter {
        FdWriter { fd, buf: [0; 512], len: 0 }
    }

    fn bytes(&mut self, mut b: &[u8]) {
        while !b.is_empty() {
            if self.len == self.buf.len() {
                self.flush();
            }
            let n = b.len().min(self.buf.len() - self.len);
            self.buf[self.len..self.len + n].copy_from_slice(&b[..n]);
            self.len += n;
            b = &b[n..];
        }
    }

    fn flush(&mut self) {
        let mut off = 0;
        while off < self.len {
            // SAFETY: the range lies within `buf`; write(2) is async-signal-safe.
            let r = unsafe { libc::write(self.fd, self.buf[off..self.len].as_ptr().cast(), self.len - off) };
            if r <= 0 {
                // EINTR: again; any other error: the text is lost, as in CPython
                if r < 0 && std::io::Error::last_os_error().raw_os_error() == Some(libc::EINTR) {
                    continue;
                }
                break;
            }
            off += r as usize;
        }
        self.len = 0;
    }

    /// A str value as CPython's faulthandler writes it: ASCII kept, other characters as
    /// \xNN, \uNNNN or \UNNNNNNNN, cut at MAX_STRING characters with "...".
    fn py_str(&mut self, v: Value) {
        let Some(s) = v.get::<StrObj>() else {
            self.bytes(b"???");
            return;
        };
        for (i, c) in s.s.chars().enumerate() {
            if i == MAX_STRING {
                self.bytes(b"...");
                break;
            }
            let n = c as u32;
            if n < 0x80 {
                self.bytes(&[n as u8]);
            } else if n <= 0xff {
                let _ = write!(self, "\\x{n:02x}");
            } else if n <= 0xffff {
                let _ = write!(self, "\\u{n:04x}");
            } else {
                let _ = write!(self, "\\U{n:08x}");
            }
        }
    }
}

impl std::fmt::Write for FdWriter {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.bytes(s.as_bytes());
        Ok(())
    }
}

/// Whether a frame runs the Python half of one of pyjit's native modules (`<frozen
/// _thread>`, `<frozen faulthandler>`...), which CPython writes in C: not listed. The
/// library's frozen modules (`<frozen importlib._bootstrap>`) are, as in CPython.
fn own_module_frame(f: &Frame) -> bool {
    f.code.filename.get::<StrObj>().is_some_and(|s| s.s.starts_with("<frozen ") && !s.s.starts_with("<frozen importlib"))
}

/// `  File "name", line N in func` for each frame, most recent first.
fn write_frames(w: &mut FdWriter, frames: &[Frame]) {
    let mut shown = frames.iter().rev().filter(|f| !own_module_frame(f)).peekable();
    if shown.peek().is_none() {
        w.bytes(b"  <no Python frame>\n");
        return;
    }
    for (depth, f) in shown.enumerate() {
        if depth == MAX_FRAMES {
            w.bytes(b"  ...\n");
            break;
        }
        w.bytes(b"  File \"");
        w.py_str(f.code.filename);
        let _ = write!(w, "\", line {} in ", f.line());
        w.py_str(f.code.name);
        w.bytes(b"\n");
    }
}

/// The tracebacks of every thread (`all`) or of the calling one, as CPython lays them out.
///
/// # Safety
/// As `threads::each_thread`: the GIL is held, or this runs in a signal handler
/// (`in_handler`), or on the watchdog inside `with_gil_for`.
unsafe fn dump(w: &mut FdWriter, vm: *const Vm, all: bool, in_handler: bool) {
    if vm.is_null() {
        w.bytes(b"<no Python frame>\n");
        return;
    }
    if !all {
        w.bytes(b"Stack (most recent call first):\n");
        let mut done = false;
        // SAFETY: the caller's contract.
        unsafe {
            crate::threads::each_thread(vm, in_handler, &mut |_, frames, current| {
                if current && !done {
                    done = true;
                    write_frames(w, frames);
                }
            })
        };
        if !done {
            w.bytes(b"  <no Python frame>\n");
        }
        return;
    }
    let mut n = 0;
    // SAFETY: the caller's contract.
    unsafe {
        crate::threads::each_thread(vm, in_handler, &mut |ident, frames, current| {
            if n == MAX_THREADS {
                if n == MAX_THREADS {
                    w.bytes(b"...\n");
                }
                n += 1;
                return;
            }
            if n > MAX_THREADS {
                return;
            }
            if n > 0 {
                w.bytes(b"\n");
            }
            n += 1;
            let what = if current { "Current thread" } else { "Thread" };
            let _ = write!(w, "{what} 0x{ident:016x} (most recent call first):\n");
            write_frames(w, frames);
        })
    };
}

// ---- fatal signals ---------------------------------------------------------------------

const FATAL: [(i32, &str); 5] = [
    (libc::SIGBUS, "Bus error"),
    (libc::SIGILL, "Illegal instruction"),
    (libc::SIGFPE, "Floating point exception"),
    (libc::SIGABRT, "Aborted"),
    (libc::SIGSEGV, "Segmentation fault"),
];

static ENABLED: AtomicBool = AtomicBool::new(false);
static FATAL_FD: AtomicI32 = AtomicI32::new(2);
static FATAL_ALL: AtomicBool = AtomicBool::new(true);

/// The actions our handlers replaced: index = signal number.
struct Saved([Option<libc::sigaction>; 65]);
// SAFETY: sigaction structs are plain data (a handler address, a mask, flags).
unsafe impl Send for Saved {}
static SAVED_FATAL: Mutex<Saved> = Mutex::new(Saved([None; 65]));

fn install(sig: i32, handler: extern "C" fn(libc::c_int), extra_flags: i32) -> Result<libc::sigaction, i32> {
    // SAFETY: an all-zero sigaction is valid; the fields are set before use, and both
    // structs live across the call.
    unsafe {
        let mut act: libc::sigaction = std::mem::zeroed();
        let mut old: libc::sigaction = std::mem::zeroed();
        act.sa_sigaction = handler as usize;
        libc::sigemptyset(&mut act.sa_mask);
        act.sa_flags = libc::SA_ONSTACK | extra_flags;
        if libc::sigaction(sig, &act, &mut old) != 0 {
            return Err(std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EINVAL));
        }
        Ok(old)
    }
}

fn restore(sig: i32, old: &libc::sigaction) {
    // SAFETY: `old` is an action sigaction returned for this signal.
    unsafe { libc::sigaction(sig, old, std::ptr::null_mut()) };
}

extern "C" fn fatal_handler(sig: libc::c_int) {
    // SAFETY: errno is thread-local; it is put back before the handler returns.
    let saved_errno = unsafe { *libc::__errno_location() };
    let name = FATAL.iter().find(|(s, _)| *s == sig).map(|(_, n)| *n).unwrap_or("Unknown signal");
    let mut w = FdWriter::new(FATAL_FD.load(Ordering::SeqCst));
    if ENABLED.swap(false, Ordering::SeqCst) {
        // put the previous handlers back first: a second fault then ends the process
        if let Ok(saved) = SAVED_FATAL.try_lock() {
            for (s, _) in FATAL {
                if let Some(old) = saved.0[s as usize] {
                    restore(s, &old);
                }
            }
        }
        let _ = write!(w, "Fatal Python error: {name}\n\n");
        // SAFETY: in a signal handler, best effort (see `dump`).
        unsafe { dump(&mut w, VM_PTR.load(Ordering::SeqCst), FATAL_ALL.load(Ordering::SeqCst), true) };
        w.flush();
    }
    // SAFETY: as above.
    unsafe { *libc::__errno_location() = saved_errno };
    // the previous action runs now (SA_NODEFER lets the signal in at once); when it
    // returns (std's SIGSEGV handler only reports stack overflows, then returns expecting
    // the fault to repeat, which a signal sent by kill does not), the default action ends
    // the process as it ends CPython
    // SAFETY: raise has no preconditions; SIG_DFL is a valid disposition.
    unsafe {
        libc::raise(sig);
        libc::signal(sig, libc::SIG_DFL);
        libc::raise(sig);
    }
}

fn f_enable(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    crate::builtins::arity(vm, a, 2, 2, "_enable")?;
    let fd = vm.as_i64(a[0]).unwrap_or(2) as i32;
    let all = vm.truthy(a[1])?;
    VM_PTR.store(vm as *mut Vm, Ordering::SeqCst);
    FATAL_FD.store(fd, Ordering::SeqCst);
    FATAL_ALL.store(all, Ordering::SeqCst);
    if ENABLED.load(Ordering::SeqCst) {
        return Ok(vm.none);
    }
    let mut saved = SAVED_FATAL.lock().unwrap_or_else(|e| e.into_inner());
    for (s, _) in FATAL {
        match install(s, fatal_handler, libc::SA_NODEFER) {
            Ok(old) => saved.0[s as usize] = Some(old),
            Err(code) => {
                for (t, _) in FATAL {
                    if let Some(old) = saved.0[t as usize].take() {
                        restore(t, &old);
                    }
                }
                drop(saved);
                return Err(crate::modules::io::os_error(vm, &std::io::Error::from_raw_os_error(code), None));
            }
        }
    }
    ENABLED.store(true, Ordering::SeqCst);
    Ok(vm.none)
}

fn f_disable(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    if !ENABLED.swap(false, Ordering::SeqCst) {
        return Ok(vm.false_);
    }
    let mut saved = SAVED_FATAL.lock().unwrap_or_else(|e| e.into_inner());
    for (s, _) in FATAL {
        if let Some(old) = saved.0[s as usize].take() {
            restore(s, &old);
        }
    }
    Ok(vm.true_)
}

fn f_is_enabled(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    Ok(if ENABLED.load(Ordering::SeqCst) { vm.true_ } else { vm.false_ })
}

fn f_dump(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    crate::builtins::arity(vm, a, 2, 2, "_dump")?;
    let fd = vm.as_i64(a[0]).unwrap_or(2) as i32;
    let all = vm.truthy(a[1])?;
    let mut w = FdWriter::new(fd);
    // SAFETY: the caller holds the GIL.
    unsafe { dump(&mut w, vm as *const Vm, all, false) };
    w.flush();
    Ok(vm.none)
}

// ---- user signals (register) -------------------------------------------------------------

#[derive(Clone, Copy)]
struct User {
    fd: i32,
    all: bool,
    chain: bool,
    old: libc::sigaction,
}

struct Users([Option<User>; 65]);
// SAFETY: as `Saved`.
unsafe impl Send for Users {}
static USERS: Mutex<Users> = Mutex::new(Users([None; 65]));

extern "C" fn user_handler(sig: libc::c_int) {
    // SAFETY: errno is thread-local; it is put back before the handler returns.
    let saved_errno = unsafe { *libc::__errno_location() };
    let Ok(users) = USERS.try_lock() else { return };
    let Some(u) = users.0.get(sig as usize).copied().flatten() else { return };
    drop(users);
    let mut w = FdWriter::new(u.fd);
    // SAFETY: in a signal handler, best effort (see `dump`).
    unsafe { dump(&mut w, VM_PTR.load(Ordering::SeqCst), u.all, true) };
    w.flush();
    if u.chain {
        let h = u.old.sa_sigaction;
        if h == libc::SIG_DFL || h == libc::SIG_IGN {
            // the default action: run it with our handler out of the way, then put ours back
            restore(sig, &u.old);
            // SAFETY: raise has no preconditions.
            unsafe { libc::raise(sig) };
            let _ = install(sig, user_handler, if u.chain { libc::SA_NODEFER } else { libc::SA_RESTART });
        } else {
            // SAFETY: a handler installed with sigaction for this signal; one taking
            // siginfo gets none, as CPython calls it too.
            let f: extern "C" fn(libc::c_int) = unsafe { std::mem::transmute(h) };
            f(sig);
        }
    }
    // SAFETY: as above.
    unsafe { *libc::__errno_location() = saved_errno };
}

fn f_register(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    crate::builtins::arity(vm, a, 4, 4, "_register")?;
    let sig = vm.as_i64(a[0]).unwrap_or(0) as i32;
    let fd = vm.as_i64(a[1]).unwrap_or(2) as i32;
    let all = vm.truthy(a[2])?;
    let chain = vm.truthy(a[3])?;
    VM_PTR.store(vm as *mut Vm, Ordering::SeqCst);
    let mut users = USERS.lock().unwrap_or_else(|e| e.into_inner());
    let old = match users.0[sig as usize] {
        Some(u) => u.old,
        None => match install(sig, user_handler, if chain { libc::SA_NODEFER } else { libc::SA_RESTART }) {
            Ok(old) => old,
            Err(code) => {
                drop(users);
                return Err(crate::modules::io::os_error(vm, &std::io::Error::from_raw_os_error(code), None));
            }
        },
    };
    users.0[sig as usize] = Some(User { fd, all, chain, old });
    Ok(vm.none)
}

fn f_unregister(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    crate::builtins::arity(vm, a, 1, 1, "_unregister")?;
    let sig = vm.as_i64(a[0]).unwrap_or(0) as i32;
    let mut users = USERS.lock().unwrap_or_else(|e| e.into_inner());
    match users.0.get_mut(sig as usize).and_then(|u| u.take()) {
        Some(u) => {
            restore(sig, &u.old);
            Ok(vm.true_)
        }
        None => Ok(vm.false_),
    }
}

// ---- the watchdog (dump_traceback_later) ---------------------------------------------------

struct Later {
    /// Bumped by every arming and cancelling: a watchdog whose generation is gone stops.
    generation: u64,
}

static LATER: Mutex<Later> = Mutex::new(Later { generation: 0 });
static LATER_CV: Condvar = Condvar::new();
static LATER_THREAD: Mutex<Option<std::thread::JoinHandle<()>>> = Mutex::new(None);

fn watchdog(generation: u64, us: u64, repeat: bool, fd: i32, exit: bool) {
    let period = Duration::from_micros(us);
    loop {
        let mut g = LATER.lock().unwrap_or_else(|e| e.into_inner());
        let deadline = std::time::Instant::now() + period;
        while g.generation == generation {
            let now = std::time::Instant::now();
            if now >= deadline {
                break;
            }
            g = LATER_CV.wait_timeout(g, deadline - now).unwrap_or_else(|e| e.into_inner()).0;
        }
        if g.generation != generation {
            return;
        }
        drop(g);
        let mut w = FdWriter::new(fd);
        let (sec, frac) = (us / 1_000_000, us % 1_000_000);
        let (h, m, s) = (sec / 3600, (sec / 60) % 60, sec % 60);
        if frac != 0 {
            let _ = write!(w, "Timeout ({h}:{m:02}:{s:02}.{frac:06})!\n");
        } else {
            let _ = write!(w, "Timeout ({h}:{m:02}:{s:02})!\n");
        }
        let vm = VM_PTR.load(Ordering::SeqCst);
        let got = crate::threads::with_gil_for(Duration::from_secs(2), || {
            // SAFETY: this thread holds the GIL: every Python thread is parked.
            unsafe { dump(&mut w, vm, true, false) };
        });
        if !got {
            w.bytes(b"<the interpreter lock was not released: no traceback>\n");
        }
        w.flush();
        if exit {
            // SAFETY: _exit ends the process at once, as CPython's `exit=True` does.
            unsafe { libc::_exit(1) };
        }
        if !repeat {
            return;
        }
    }
}

fn cancel_later() {
    {
        let mut g = LATER.lock().unwrap_or_else(|e| e.into_inner());
        g.generation += 1;
    }
    LATER_CV.notify_all();
    let h = LATER_THREAD.lock().unwrap_or_else(|e| e.into_inner()).take();
    if let Some(h) = h {
        let _ = h.join();
    }
}

fn f_later(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    crate::builtins::arity(vm, a, 4, 4, "_later")?;
    let us = vm.as_i64(a[0]).unwrap_or(1).max(1) as u64;
    let repeat = vm.truthy(a[1])?;
    let fd = vm.as_i64(a[2]).unwrap_or(2) as i32;
    let exit = vm.truthy(a[3])?;
    VM_PTR.store(vm as *mut Vm, Ordering::SeqCst);
    crate::threads::allow_threads(vm, cancel_later);
    // the watchdog takes the GIL to read the threads' frames: make it exist
    crate::threads::make_threaded(vm);
    let generation = LATER.lock().unwrap_or_else(|e| e.into_inner()).generation;
    let h = std::thread::Builder::new()
        .name("faulthandler watchdog".into())
        .spawn(move || {
            crate::signals::block_in_this_thread();
            watchdog(generation, us, repeat, fd, exit)
        })
        .map_err(|_| vm.runtime_error("unable to start watchdog thread"))?;
    *LATER_THREAD.lock().unwrap_or_else(|e| e.into_inner()) = Some(h);
    Ok(vm.none)
}

fn f_cancel(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    crate::threads::allow_threads(vm, cancel_later);
    Ok(vm.none)
}

// ---- the helpers CPython's tests use ---------------------------------------------------

fn f_sigsegv(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    // SAFETY: raise has no preconditions. std's SIGSEGV handler (for stack overflows)
    // returns from a signal no fault caused: then the default action ends the process.
    unsafe {
        libc::raise(libc::SIGSEGV);
        libc::signal(libc::SIGSEGV, libc::SIG_DFL);
        libc::raise(libc::SIGSEGV);
    }
    Ok(vm.none)
}

fn f_sigabrt(_vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    // SAFETY: abort ends the process.
    unsafe { libc::abort() }
}

fn f_sigfpe(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    // SAFETY: raise has no preconditions.
    unsafe { libc::raise(libc::SIGFPE) };
    Ok(vm.none)
}

fn f_read_null(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    // SAFETY: none: this reads address 0 on purpose, to fault (faulthandler._read_null).
    let v = unsafe { std::ptr::read_volatile(std::ptr::null::<u8>().wrapping_add(std::hint::black_box(0))) };
    Ok(vm.new_int(v as i64))
}

fn f_fatal_error(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    crate::builtins::arity(vm, a, 1, 2, "_fatal_error")?;
    let msg = vm.str_of(a[0]);
    let mut w = FdWriter::new(2);
    let _ = write!(w, "Fatal Python error: _fatal_error: {msg}\n\n");
    let all = ENABLED.load(Ordering::SeqCst) && FATAL_ALL.load(Ordering::SeqCst);
    // SAFETY: the caller holds the GIL.
    unsafe { dump(&mut w, vm as *const Vm, all, false) };
    w.flush();
    ENABLED.store(false, Ordering::SeqCst);
    // SAFETY: abort ends the process.
    unsafe { libc::abort() }
}

pub const NATIVES: [(&str, NativeFn); 13] = [
    ("_enable", f_enable),
    ("_disable", f_disable),
    ("_is_enabled", f_is_enabled),
    ("_dump", f_dump),
    ("_register", f_register),
    ("_unregister", f_unregister),
    ("_later", f_later),
    ("_cancel", f_cancel),
    ("_sigsegv", f_sigsegv),
    ("_sigabrt", f_sigabrt),
    ("_sigfpe", f_sigfpe),
    ("_read_null", f_read_null),
    ("_fatal_error", f_fatal_error),
];
