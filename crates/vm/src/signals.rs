//! OS signals as CPython delivers them: a C handler only records which signal arrived; the
//! interpreter runs the Python handler (for SIGINT, `default_int_handler`, which raises
//! KeyboardInterrupt) at its next check: backward jumps, and blocking calls that the signal
//! interrupted (sleep, reads).
#![allow(unsafe_code)]

use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};

use crate::heap::Value;
use crate::interp::{PyResult, Vm};
use crate::objects::ModuleObj;

/// Signal numbers run from 1 to NSIG - 1 (Linux: 64).
pub const NSIG: usize = 65;

#[allow(clippy::declare_interior_mutable_const)]
const NOT_PENDING: AtomicBool = AtomicBool::new(false);
static PENDING: [AtomicBool; NSIG] = [NOT_PENDING; NSIG];
/// Set by the C handler when any signal waits for its Python handler; the interpreter's
/// check is one load of this flag.
static ANY_PENDING: AtomicBool = AtomicBool::new(false);
/// The program ended by an uncaught KeyboardInterrupt: the process should die by SIGINT.
static EXIT_BY_SIGINT: AtomicBool = AtomicBool::new(false);

/// `signal.set_wakeup_fd`: the descriptor the C handler writes each signal's number to
/// (-1: none), so that a loop waiting in select/poll wakes (asyncio, multiprocessing's
/// forkserver).
static WAKEUP_FD: AtomicI32 = AtomicI32::new(-1);

extern "C" fn on_signal(sig: libc::c_int) {
    // only async-signal-safe work here: atomic stores and write(2)
    if let Some(p) = usize::try_from(sig).ok().and_then(|s| PENDING.get(s)) {
        p.store(true, Ordering::SeqCst);
        ANY_PENDING.store(true, Ordering::SeqCst);
    }
    let fd = WAKEUP_FD.load(Ordering::SeqCst);
    if fd >= 0 {
        let b = sig as u8;
        // SAFETY: errno is thread-local and put back; write(2) is async-signal-safe and
        // reads one byte from this frame (a full pipe drops it, as in CPython).
        unsafe {
            let e = *libc::__errno_location();
            libc::write(fd, &b as *const u8 as *const libc::c_void, 1);
            *libc::__errno_location() = e;
        }
    }
}

/// Sets the wakeup descriptor (-1: none) and returns the previous one.
pub fn set_wakeup_fd(fd: i32) -> i32 {
    WAKEUP_FD.swap(fd, Ordering::SeqCst)
}

/// The address of the flag `pending` reads (one byte, non-zero when a signal waits), for
/// compiled code: a loop the JIT compiled must test it on its back edge and leave to the
/// interpreter (whose JumpBackward runs the handler), or Ctrl-C cannot stop it.
pub fn pending_flag_addr() -> usize {
    ANY_PENDING.as_ptr() as usize
}

/// Asks the next check to run the queued `__del__` methods (slot 0 of the pending flags,
/// which no signal uses).
pub fn request_finalizers() {
    PENDING[0].store(true, Ordering::SeqCst);
    ANY_PENDING.store(true, Ordering::SeqCst);
}

/// Makes the next check run (a thread waiting for the GIL asks the holder to drop it).
pub fn request_check() {
    ANY_PENDING.store(true, Ordering::SeqCst);
}

/// Records `sig` as if it had arrived (`_thread.interrupt_main`); false if out of range.
pub fn trip(sig: i32) -> bool {
    match usize::try_from(sig) {
        Ok(s) if (1..NSIG).contains(&s) => {
            on_signal(sig);
            true
        }
        _ => false,
    }
}

/// Whether a signal waits for its Python handler.
#[inline(always)]
pub fn pending() -> bool {
    ANY_PENDING.load(Ordering::Relaxed)
}

/// Whether a signal (not just a request to run finalizers) waits for its Python handler:
/// a blocking call gives way to it (`EINTR`), where queued `__del__` methods can wait for
/// the next check.
pub fn signal_pending() -> bool {
    pending() && PENDING[1..].iter().any(|p| p.load(Ordering::SeqCst))
}

/// What the OS does on a signal.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Action {
    Default,
    Ignore,
    /// pyjit's recording handler (the Python handler runs later).
    Python,
    /// Something else (a handler pyjit did not install).
    Other,
}

/// The action the OS takes on `sig` now.
pub fn current_action(sig: i32) -> Option<Action> {
    // SAFETY: sigaction with a null new action only reads the current one into `old`, a
    // zeroed sigaction owned by this frame.
    let mut old: libc::sigaction = unsafe { std::mem::zeroed() };
    // SAFETY: as above; a bad signal number makes sigaction fail with EINVAL.
    let r = unsafe { libc::sigaction(sig, std::ptr::null(), &mut old) };
    if r != 0 {
        return None;
    }
    Some(match old.sa_sigaction {
        libc::SIG_DFL => Action::Default,
        libc::SIG_IGN => Action::Ignore,
        h if h == on_signal as *const () as usize => Action::Python,
        _ => Action::Other,
    })
}

/// Sets the OS action for `sig`; Err(errno) when the OS refuses (SIGKILL, SIGSTOP, range).
pub fn set_action(sig: i32, action: Action) -> Result<(), i32> {
    let handler = match action {
        Action::Default => libc::SIG_DFL,
        Action::Ignore => libc::SIG_IGN,
        Action::Python | Action::Other => on_signal as *const () as usize,
    };
    // SAFETY: a zeroed sigaction is a valid "no flags, empty mask" value; the handler is
    // SIG_DFL, SIG_IGN or `on_signal`, an extern "C" fn(c_int) that only stores atomics.
    // No SA_RESTART: a blocking call returns EINTR so the interpreter can run the handler.
    let r = unsafe {
        let mut act: libc::sigaction = std::mem::zeroed();
        act.sa_sigaction = handler;
        act.sa_flags = libc::SA_ONSTACK;
        libc::sigemptyset(&mut act.sa_mask);
        libc::sigaction(sig, &act, std::ptr::null_mut())
    };
    if r != 0 {
        return Err(std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EINVAL));
    }
    Ok(())
}

/// What the `pyjit` command does at start-up, as CPython: SIGINT raises KeyboardInterrupt
/// unless the parent made the process ignore it; SIGPIPE and SIGXFSZ are ignored (a failed
/// write is an OSError instead).
pub fn install_startup_handlers() {
    if current_action(libc::SIGINT) == Some(Action::Default) {
        let _ = set_action(libc::SIGINT, Action::Python);
    }
    let _ = set_action(libc::SIGPIPE, Action::Ignore);
    let _ = set_action(libc::SIGXFSZ, Action::Ignore);
}

/// Makes the calling thread leave signals to the others (the `pyjit` command's first thread
/// only waits for the interpreter thread, whose blocking calls must see EINTR).
pub fn block_in_this_thread() {
    // SAFETY: the set is initialised by sigfillset before use; pthread_sigmask changes only
    // the calling thread's mask.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigfillset(&mut set);
        libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut());
    }
}

/// Sends `sig` to this process (signal.raise_signal); the caller then runs `check`.
pub fn raise(sig: i32) -> Result<(), i32> {
    // SAFETY: raise() takes any int; a bad number fails with EINVAL.
    let r = unsafe { libc::raise(sig) };
    if r != 0 {
        return Err(std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EINVAL));
    }
    Ok(())
}

/// alarm(2): seconds left on the previous alarm.
pub fn alarm(seconds: u32) -> u32 {
    // SAFETY: alarm has no memory arguments.
    unsafe { libc::alarm(seconds) }
}

fn to_timeval(s: f64) -> libc::timeval {
    let s = s.max(0.0);
    let whole = s.trunc();
    // CPython rounds the microseconds up, so that a tiny positive time still arms the timer
    let mut usec = ((s - whole) * 1e6).ceil() as i64;
    let mut sec = whole as i64;
    if usec >= 1_000_000 {
        sec += 1;
        usec -= 1_000_000;
    }
    libc::timeval { tv_sec: sec as libc::time_t, tv_usec: usec as libc::suseconds_t }
}

fn from_timeval(t: &libc::timeval) -> f64 {
    t.tv_sec as f64 + t.tv_usec as f64 / 1e6
}

/// setitimer(2): arms timer `which` (0 real, 1 virtual, 2 profiling); returns the previous
/// (delay, interval), or the errno.
pub fn setitimer(which: i32, seconds: f64, interval: f64) -> Result<(f64, f64), i32> {
    let new = libc::itimerval { it_value: to_timeval(seconds), it_interval: to_timeval(interval) };
    let mut old = libc::itimerval { it_value: to_timeval(0.0), it_interval: to_timeval(0.0) };
    // SAFETY: both itimervals live in this frame; a bad `which` fails with EINVAL.
    let r = unsafe { libc::setitimer(which as libc::c_int, &new, &mut old) };
    if r != 0 {
        return Err(std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EINVAL));
    }
    Ok((from_timeval(&old.it_value), from_timeval(&old.it_interval)))
}

/// getitimer(2): the (delay, interval) of timer `which`, or the errno.
pub fn getitimer(which: i32) -> Result<(f64, f64), i32> {
    let mut cur = libc::itimerval { it_value: to_timeval(0.0), it_interval: to_timeval(0.0) };
    // SAFETY: the itimerval lives in this frame; a bad `which` fails with EINVAL.
    let r = unsafe { libc::getitimer(which as libc::c_int, &mut cur) };
    if r != 0 {
        return Err(std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EINVAL));
    }
    Ok((from_timeval(&cur.it_value), from_timeval(&cur.it_interval)))
}

/// pause(2): waits for a signal.
pub fn pause() {
    // SAFETY: pause has no arguments; it returns when a handler ran.
    unsafe {
        libc::pause();
    }
}

/// Sleeps for `d` unless a signal arrives first; then returns the time left.
pub fn sleep(d: std::time::Duration) -> Option<std::time::Duration> {
    let ts = libc::timespec { tv_sec: d.as_secs().min(i64::MAX as u64) as libc::time_t, tv_nsec: d.subsec_nanos() as _ };
    let mut left = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: both timespecs live in this frame; nanosleep writes the time left into `left`.
    let r = unsafe { libc::nanosleep(&ts, &mut left) };
    if r == 0 {
        return None;
    }
    Some(std::time::Duration::new(left.tv_sec.max(0) as u64, left.tv_nsec.clamp(0, 999_999_999) as u32))
}

/// Records that the program ended by an uncaught KeyboardInterrupt.
pub fn set_exit_by_sigint() {
    EXIT_BY_SIGINT.store(true, Ordering::SeqCst);
}

/// Forgets an uncaught KeyboardInterrupt (-i: the prompt opens after it).
pub fn clear_exit_by_sigint() {
    EXIT_BY_SIGINT.store(false, Ordering::SeqCst);
}

/// Whether the program ended by an uncaught KeyboardInterrupt.
pub fn exit_by_sigint() -> bool {
    EXIT_BY_SIGINT.load(Ordering::SeqCst)
}

/// Ends the process by SIGINT with its default action, as CPython does after an uncaught
/// KeyboardInterrupt (a shell then sees status 130 and stops a script it runs).
pub fn die_by_sigint() -> ! {
    let _ = set_action(libc::SIGINT, Action::Default);
    // SAFETY: the set is initialised by sigemptyset/sigaddset before use; unblocking SIGINT
    // in this thread lets the kill below be delivered here.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, libc::SIGINT);
        libc::pthread_sigmask(libc::SIG_UNBLOCK, &set, std::ptr::null_mut());
        libc::kill(libc::getpid(), libc::SIGINT);
    }
    // the default action ended the process; if something kept it alive, exit as CPython
    // does when it cannot kill itself
    std::process::exit(130)
}

/// Runs the Python handlers of the signals that arrived since the last check; the first
/// exception a handler raises is returned (the other signals stay pending).
#[cold]
#[inline(never)]
pub fn check(vm: &mut Vm) -> PyResult<()> {
    if !ANY_PENDING.swap(false, Ordering::SeqCst) {
        return Ok(());
    }
    if PENDING[0].swap(false, Ordering::SeqCst) {
        vm.run_finalizers();
    }
    if crate::threads::is_worker() {
        // handlers run in the main thread: the flag stays up for it, and this thread lets
        // it have the GIL if it waits
        let signals = PENDING[1..].iter().any(|p| p.load(Ordering::SeqCst));
        if signals {
            ANY_PENDING.store(true, Ordering::SeqCst);
        }
        crate::threads::check(vm, signals);
        return Ok(());
    }
    crate::threads::check(vm, false);
    for sig in 1..NSIG {
        if !PENDING[sig].swap(false, Ordering::SeqCst) {
            continue;
        }
        if let Err(e) = run_handler(vm, sig as i32) {
            // signals after this one wait for the next check
            if PENDING[sig + 1..].iter().any(|p| p.load(Ordering::SeqCst)) {
                ANY_PENDING.store(true, Ordering::SeqCst);
            }
            return Err(e);
        }
    }
    Ok(())
}

/// Calls `_signal._handlers[sig]` with (signum, frame); with no Python handler recorded,
/// SIGINT raises KeyboardInterrupt.
fn run_handler(vm: &mut Vm, sig: i32) -> PyResult<()> {
    let (handler, default_int) = handler_of(vm, sig);
    match handler {
        // CPython's default_int_handler is C: no frame of it in the traceback
        Some(h) if Some(h) == default_int => keyboard_interrupt(vm),
        // SIG_DFL and SIG_IGN are ints, a handler pyjit did not install is None
        Some(h) if vm.as_i64(h).is_none() && h != vm.none => {
            let frame = if vm.frames.is_empty() { vm.none } else { crate::modules::sys::frame_object(vm, 0)? };
            let n = vm.new_int(sig as i64);
            vm.call(h, &[n, frame])?;
            Ok(())
        }
        Some(_) => Ok(()),
        None if sig == libc::SIGINT => keyboard_interrupt(vm),
        None => Ok(()),
    }
}

fn keyboard_interrupt(vm: &mut Vm) -> PyResult<()> {
    let t = vm.types.keyboard_interrupt;
    let e = vm.empty_tuple;
    Err(crate::interp::PyErr(vm.new_exc_args(t, e)))
}

/// `_signal._handlers[sig]` and `_signal.default_int_handler`.
fn handler_of(vm: &mut Vm, sig: i32) -> (Option<Value>, Option<Value>) {
    let mods = vm.modules;
    let Some(d) = vm.dict_get_by_str(mods, "_signal").and_then(|m| m.get::<ModuleObj>().map(|m| m.dict)) else { return (None, None) };
    let default_int = vm.dict_get_by_str(d, "default_int_handler");
    let Some(hs) = vm.dict_get_by_str(d, "_handlers") else { return (None, default_int) };
    let k = vm.new_int(sig as i64);
    (vm.getitem(hs, k).ok(), default_int)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recorded_signal_is_pending_until_checked() {
        on_signal(libc::SIGUSR2);
        assert!(pending());
        assert!(PENDING[libc::SIGUSR2 as usize].swap(false, Ordering::SeqCst));
        ANY_PENDING.store(false, Ordering::SeqCst);
        on_signal(1000);
        assert!(!pending());
    }
}
