//! Threads: OS threads that run Python one at a time under a global interpreter lock (GIL).
//!
//! There is one `Vm`; whichever thread holds the GIL uses it. What is per thread (value
//! stack, frames, handled exception, depth counters, allocation roots, native stack top) is
//! a `ThreadState` (interp/thread_state.rs): a thread releasing the GIL swaps the VM's
//! fields into its own slot, and the thread taking it swaps its own in, so the interpreter
//! keeps using `vm.stack`, `vm.frames` and the rest unchanged.
//!
//! The GIL changes hands around blocking calls (`allow_threads`: sleep, lock waits, reads
//! and writes, waitpid, select, sockets) and at the interpreter's periodic check: a thread
//! that waited a switch interval (5 ms, `sys.setswitchinterval`) for the GIL raises a drop
//! request through the pending-signal flag, which `JumpBackward` (and compiled loops, at
//! their header) tests, and the holder gives the GIL away until another thread took it.
//!
//! The collector runs on the holder; every other thread is parked here, so its slot's
//! state and its native stack from the stack pointer recorded when it released the GIL up
//! to its top (callee-saved registers spilled into the releasing frame) are roots.
//!
//! Until the first thread starts nothing here takes a lock: `allow_threads` is a call.
#![allow(unsafe_code)]

use std::cell::Cell;
use std::sync::atomic::{AtomicBool, AtomicPtr, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use crate::heap::Value;
use crate::interp::thread_state::ThreadState;
use crate::interp::{PyResult, Vm};

struct GilState {
    held: bool,
    /// Threads waiting in `gil_take`.
    waiters: usize,
    /// Times the GIL was taken (a waiter that sees no change in a switch interval asks the
    /// holder to drop it; a yielding holder waits for a change).
    switches: u64,
}

static GIL: Mutex<GilState> = Mutex::new(GilState { held: false, waiters: 0, switches: 0 });
static GIL_CV: Condvar = Condvar::new();
/// Set when the first thread starts (and never cleared).
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// A thread waited a whole switch interval: the holder should let it run.
static DROP_REQUEST: AtomicBool = AtomicBool::new(false);
static SWITCH_INTERVAL_NS: AtomicU64 = AtomicU64::new(5_000_000);
/// The VM every thread runs (set when the first thread starts; it outlives them all: the
/// main thread keeps the GIL when the program ends).
static VM: AtomicPtr<Vm> = AtomicPtr::new(std::ptr::null_mut());
/// Threads started by `start_new_thread` that have not finished (`_thread._count`).
static RUNNING: AtomicUsize = AtomicUsize::new(0);
/// `_thread.stack_size`: the size asked for new threads (0: the default).
static STACK_SIZE: AtomicUsize = AtomicUsize::new(0);
/// Native stack of a new thread when none was asked for, and the least pyjit uses: native
/// recursion (repr of nested data, callbacks) is bounded by counters sized for the main
/// thread's 1 GiB, and mapped pages cost only when touched.
const MIN_STACK: usize = 64 << 20;
/// Registered slots (addresses of boxed `Slot`s): every thread that started and has not
/// ended, the main thread included. Changed and read only by the GIL holder.
static REGISTRY: Mutex<Vec<usize>> = Mutex::new(Vec::new());

/// Python locks: a waiter sleeps until the generation changes (a release) or it times out.
static LOCK_GEN: Mutex<u64> = Mutex::new(0);
static LOCK_CV: Condvar = Condvar::new();
static LOCK_WAITERS: AtomicUsize = AtomicUsize::new(0);

/// A thread as the others see it.
struct Slot {
    /// Its interpreter state while it does not hold the GIL (the VM's placeholder while it does).
    ts: ThreadState,
    /// It released the GIL (or has not yet taken it): `ts` and its native stack are roots.
    parked: bool,
    /// Its native stack pointer when it released the GIL (0: nothing to scan).
    native_sp: usize,
    /// Locks released when the thread ends (`_thread._set_sentinel`), roots all along.
    sentinels: Vec<Value>,
    /// Its pthread_t (what `_thread.get_ident` gives it), for faulthandler's listings.
    ident: u64,
}

thread_local! {
    /// This thread's slot (null before threads start, on the main thread).
    static CURRENT: Cell<*mut Slot> = const { Cell::new(std::ptr::null_mut()) };
    /// The thread was started by `start_new_thread` (signals are the main thread's).
    static WORKER: Cell<bool> = const { Cell::new(false) };
}

fn lock<T>(m: &'static Mutex<T>) -> MutexGuard<'static, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Whether this is a thread `start_new_thread` started (not the main one).
pub fn is_worker() -> bool {
    WORKER.with(|w| w.get())
}

/// Whether threads started by `start_new_thread` are running (the JIT records no traces
/// then: see docs/architecture.md).
pub fn others_running() -> bool {
    RUNNING.load(Ordering::Relaxed) > 0
}

/// Whether a thread was ever started.
pub fn active() -> bool {
    ACTIVE.load(Ordering::Relaxed)
}

fn gil_take() {
    let mut g = lock(&GIL);
    g.waiters += 1;
    while g.held {
        let seen = g.switches;
        let interval = Duration::from_nanos(SWITCH_INTERVAL_NS.load(Ordering::Relaxed).max(1000));
        let (ng, to) = GIL_CV.wait_timeout(g, interval).unwrap_or_else(|e| e.into_inner());
        g = ng;
        if to.timed_out() && g.held && g.switches == seen {
            DROP_REQUEST.store(true, Ordering::SeqCst);
            crate::signals::request_check();
        }
    }
    g.waiters -= 1;
    g.held = true;
    g.switches += 1;
    DROP_REQUEST.store(false, Ordering::SeqCst);
    drop(g);
    // a holder that yielded waits for this switch
    GIL_CV.notify_all();
}

fn gil_give() {
    let mut g = lock(&GIL);
    g.held = false;
    drop(g);
    GIL_CV.notify_all();
}

/// Makes the calling thread the main thread of a threaded VM (the first `start_new_thread`).
fn activate(vm: &mut Vm) {
    if ACTIVE.load(Ordering::Relaxed) {
        return;
    }
    VM.store(vm as *mut Vm, Ordering::SeqCst);
    // SAFETY: pthread_self has no preconditions.
    let ident = unsafe { libc::pthread_self() } as u64;
    let slot = Box::into_raw(Box::new(Slot { ts: ThreadState::new(), parked: false, native_sp: 0, sentinels: Vec::new(), ident }));
    lock(&REGISTRY).push(slot as usize);
    CURRENT.with(|c| c.set(slot));
    {
        let mut g = lock(&GIL);
        g.held = true;
        g.switches += 1;
    }
    ACTIVE.store(true, Ordering::SeqCst);
}

/// Runs `f` (a blocking call that touches no Python object) with the GIL released, so
/// that other threads run meanwhile. Before any thread started it is a plain call.
#[inline(always)]
pub fn allow_threads<R>(vm: &mut Vm, f: impl FnOnce() -> R) -> R {
    if !ACTIVE.load(Ordering::Relaxed) {
        return f();
    }
    let slot = CURRENT.with(|c| c.get());
    if slot.is_null() {
        return f();
    }
    // values the callers keep in callee-saved registers: in this frame, above the stack
    // pointer `park` records, for the collector of another thread
    let mut regs = [0u64; 16];
    crate::heap::arch::spill_registers(&mut regs);
    park(vm as *mut Vm, slot);
    let r = f();
    unpark(vm as *mut Vm, slot);
    std::hint::black_box(&regs);
    r
}

#[inline(never)]
fn park(vm: *mut Vm, slot: *mut Slot) {
    let sp = crate::heap::arch::approx_sp();
    // SAFETY: the caller holds the GIL, so it is the only thread using the VM; `slot` is
    // this thread's own registered slot, alive until the thread ends, and read by other
    // threads only while they hold the GIL (after this thread gave it up below).
    unsafe {
        let vm = &mut *vm;
        vm.before_thread_switch();
        let s = &mut *slot;
        vm.swap_thread_state(&mut s.ts);
        s.native_sp = sp;
        s.parked = true;
    }
    gil_give();
}

#[inline(never)]
fn unpark(vm: *mut Vm, slot: *mut Slot) {
    gil_take();
    // SAFETY: this thread holds the GIL again (see `park`).
    unsafe {
        let s = &mut *slot;
        s.parked = false;
        s.native_sp = 0;
        (*vm).swap_thread_state(&mut s.ts);
    }
}

/// The periodic check (from `signals::check`): lets a thread waiting for the GIL run when
/// it asked to, or, on another thread than the main one, when a signal waits for the main
/// thread's handler.
pub fn check(vm: &mut Vm, signal_pending: bool) {
    if !ACTIVE.load(Ordering::Relaxed) {
        return;
    }
    let asked = DROP_REQUEST.swap(false, Ordering::SeqCst);
    if asked || signal_pending {
        yield_now(vm);
    }
}

/// Gives the GIL to a waiting thread, if any, and takes it back after that thread got it.
pub fn yield_now(vm: &mut Vm) {
    let seen = {
        let g = lock(&GIL);
        if g.waiters == 0 {
            return;
        }
        g.switches
    };
    allow_threads(vm, || {
        let mut g = lock(&GIL);
        while g.switches == seen && g.waiters > 0 {
            g = GIL_CV.wait(g).unwrap_or_else(|e| e.into_inner());
        }
    });
}

/// The collector's roots in other threads: the state of each parked thread, the words of
/// its native stack, and every thread's end-of-thread locks.
pub fn parked_roots(roots: &mut Vec<Value>, words: &mut Vec<usize>) {
    if !ACTIVE.load(Ordering::Relaxed) {
        return;
    }
    let reg = lock(&REGISTRY);
    for &p in reg.iter() {
        // SAFETY: registered slots are alive (a thread unregisters before freeing its slot),
        // and the caller holds the GIL, so no slot changes meanwhile.
        let s = unsafe { &*(p as *const Slot) };
        roots.extend_from_slice(&s.sentinels);
        if s.parked {
            s.ts.roots(roots);
            if s.native_sp != 0 && s.ts.stack_top > s.native_sp {
                crate::heap::gc::scan_stack(s.native_sp, s.ts.stack_top, words);
            }
        }
    }
}

/// `_thread._start(bootstrap, function, args, kwargs)`: a new thread that calls
/// `bootstrap(function, args, kwargs)`; returns its identity.
pub fn start(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    crate::builtins::arity(vm, a, 4, 4, "_start")?;
    activate(vm);
    let slot = Box::new(Slot { ts: ThreadState::new(), parked: true, native_sp: 0, sentinels: Vec::new(), ident: 0 });
    let p = Box::into_raw(slot);
    // SAFETY: `p` was just made and no other thread knows it yet.
    unsafe { (*p).ts.recent = a.to_vec() };
    lock(&REGISTRY).push(p as usize);
    RUNNING.fetch_add(1, Ordering::SeqCst);
    let size = STACK_SIZE.load(Ordering::Relaxed).max(MIN_STACK);
    let addr = p as usize;
    let spawned = std::thread::Builder::new().stack_size(size).spawn(move || thread_main(addr));
    match spawned {
        Ok(h) => {
            let ident = std::os::unix::thread::JoinHandleExt::as_pthread_t(&h) as u64;
            // SAFETY: the new thread reads its slot only once it has the GIL, which we hold.
            unsafe { (*p).ident = ident };
            Ok(vm.new_int((ident & (i64::MAX as u64)) as i64))
        }
        Err(_) => {
            RUNNING.fetch_sub(1, Ordering::SeqCst);
            lock(&REGISTRY).retain(|&q| q != addr);
            // SAFETY: the thread did not start, so `p` is still only ours.
            drop(unsafe { Box::from_raw(p) });
            Err(vm.runtime_error("can't start new thread"))
        }
    }
}

fn thread_main(addr: usize) {
    crate::signals::block_in_this_thread();
    let anchor = 0u64;
    let top = std::hint::black_box(&anchor) as *const u64 as usize;
    let slot = addr as *mut Slot;
    CURRENT.with(|c| c.set(slot));
    WORKER.with(|w| w.set(true));
    gil_take();
    // SAFETY: this thread holds the GIL; the VM outlives every thread (the main thread
    // keeps the GIL once the program ended) and `slot` is this thread's own.
    let vm = unsafe { &mut *VM.load(Ordering::SeqCst) };
    // SAFETY: as above.
    let s = unsafe { &mut *slot };
    s.ts.stack_top = top;
    s.parked = false;
    vm.swap_thread_state(&mut s.ts);
    let args: Vec<Value> = vm.recent.clone();
    if let [boot, f, fargs, kwargs] = args[..] {
        if let Err(e) = vm.call(boot, &[f, fargs, kwargs]) {
            crate::modules::sys_hooks::write_unraisable(vm, e.0, Some("Exception ignored in thread started by"), f);
        }
    }
    // the end: threading's join() waits for these locks
    for l in std::mem::take(&mut s.sentinels) {
        vm.keep(l);
        let locked = vm.getattr_str(l, "_locked").and_then(|v| vm.truthy(v)).unwrap_or(false);
        if locked {
            let _ = vm.call_method_str(l, "release", &[]);
        }
    }
    vm.recent.clear();
    vm.swap_thread_state(&mut s.ts);
    lock(&REGISTRY).retain(|&q| q != addr);
    // (a thread that forked is the child's main thread and was not counted there)
    let _ = RUNNING.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| Some(n.saturating_sub(1)));
    gil_give();
    // SAFETY: unregistered, so no other thread reads the slot any more.
    drop(unsafe { Box::from_raw(slot) });
}

/// `_thread._add_sentinel(lock)`: `lock` is released when the calling thread ends.
pub fn add_sentinel(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    crate::builtins::arity(vm, a, 1, 1, "_add_sentinel")?;
    let slot = CURRENT.with(|c| c.get());
    if !slot.is_null() && is_worker() {
        // SAFETY: the caller holds the GIL and `slot` is its own.
        unsafe { (*slot).sentinels.push(a[0]) };
    }
    Ok(vm.none)
}

/// The calling thread's identity as `_thread.get_ident()` gives it (no allocation).
pub fn ident() -> i64 {
    // SAFETY: pthread_self has no preconditions.
    let t = unsafe { libc::pthread_self() } as u64;
    (t & (i64::MAX as u64)) as i64
}

/// `_thread.get_ident()`.
pub fn get_ident(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    Ok(vm.new_int(ident()))
}

/// `_thread._count()`.
pub fn count(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    Ok(vm.new_int(RUNNING.load(Ordering::SeqCst) as i64))
}

/// `_thread.stack_size([size])`: the previous size; 0 or at least 32 KiB.
pub fn stack_size(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    crate::builtins::arity(vm, a, 0, 1, "stack_size")?;
    let old = STACK_SIZE.load(Ordering::SeqCst);
    if let Some(&v) = a.first() {
        let i = vm.index_of(v)?;
        let n = vm.as_i64(i).ok_or_else(|| vm.overflow_error("Python int too large to convert to C long"))?;
        if n != 0 && n < 32768 {
            return Err(vm.value_error("size not valid: 32768 bytes"));
        }
        if n < 0 {
            return Err(vm.value_error("size must be 0 or a positive value"));
        }
        STACK_SIZE.store(n as usize, Ordering::SeqCst);
    }
    Ok(vm.new_int(old as i64))
}

/// `_thread._notify()`: a Python lock was released; its waiters look again.
pub fn notify(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    if LOCK_WAITERS.load(Ordering::SeqCst) > 0 {
        *lock(&LOCK_GEN) += 1;
        LOCK_CV.notify_all();
    }
    Ok(vm.none)
}

/// `_thread._wait_free(obj, name, timeout)`: waits until `obj.name` is false, at most
/// `timeout` seconds (negative: no limit); returns whether it is. The GIL is released
/// while waiting; the main thread also wakes for signals and runs their handlers.
pub fn wait_free(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    crate::builtins::arity(vm, a, 3, 3, "_wait_free")?;
    let (obj, name) = (a[0], a[1]);
    let timeout = match a[2].get::<crate::objects::FloatObj>() {
        Some(f) => f.0,
        None => {
            let i = vm.index_of(a[2])?;
            vm.as_i64(i).unwrap_or(i64::MAX) as f64
        }
    };
    let deadline = (timeout >= 0.0).then(|| Instant::now() + Duration::from_secs_f64(timeout.min(1e10)));
    let main = !is_worker();
    loop {
        LOCK_WAITERS.fetch_add(1, Ordering::SeqCst);
        let gen = *lock(&LOCK_GEN);
        let v = vm.getattr(obj, name);
        let busy = match v {
            Ok(v) => vm.truthy(v),
            Err(e) => Err(e),
        };
        let busy = match busy {
            Ok(b) => b,
            Err(e) => {
                LOCK_WAITERS.fetch_sub(1, Ordering::SeqCst);
                return Err(e);
            }
        };
        if !busy {
            LOCK_WAITERS.fetch_sub(1, Ordering::SeqCst);
            return Ok(vm.true_);
        }
        let now = Instant::now();
        if deadline.is_some_and(|d| now >= d) || (!ACTIVE.load(Ordering::Relaxed) && deadline.is_none()) {
            LOCK_WAITERS.fetch_sub(1, Ordering::SeqCst);
            if deadline.is_none() {
                return Err(vm.runtime_error("deadlock: the lock is held and no other thread can release it"));
            }
            return Ok(vm.false_);
        }
        // the main thread looks at the signal flag every 20 ms
        let mut slice = deadline.map(|d| d - now).unwrap_or(Duration::from_secs(3600));
        if main {
            slice = slice.min(Duration::from_millis(20));
        }
        allow_threads(vm, || {
            let mut g = lock(&LOCK_GEN);
            let end = Instant::now() + slice;
            while *g == gen && !(main && crate::signals::pending()) {
                let left = end.saturating_duration_since(Instant::now());
                if left.is_zero() {
                    break;
                }
                g = LOCK_CV.wait_timeout(g, left).unwrap_or_else(|e| e.into_inner()).0;
            }
        });
        LOCK_WAITERS.fetch_sub(1, Ordering::SeqCst);
        if main && crate::signals::pending() {
            crate::signals::check(vm)?;
        }
    }
}

/// Runs `fork` (os.fork) holding the locks of this module, so that the child does not
/// inherit one locked by a thread it does not have; in the child the calling thread is the
/// only one and becomes the main thread (CPython's _PyEval_ReInitThreads).
pub fn around_fork<T>(fork: impl FnOnce() -> Result<i32, T>) -> Result<i32, T> {
    if !ACTIVE.load(Ordering::Relaxed) {
        return fork();
    }
    let mut g = lock(&GIL);
    let mut reg = lock(&REGISTRY);
    let gen = lock(&LOCK_GEN);
    let r = fork();
    if let Ok(0) = r {
        let me = CURRENT.with(|c| c.get()) as usize;
        reg.retain(|&p| p == me);
        g.waiters = 0;
        RUNNING.store(0, Ordering::SeqCst);
        LOCK_WAITERS.store(0, Ordering::SeqCst);
        DROP_REQUEST.store(false, Ordering::SeqCst);
        if WORKER.with(|w| w.replace(false)) {
            // the new main thread takes the signals
            // SAFETY: the set is initialised by sigfillset; the call changes this thread's mask.
            unsafe {
                let mut set: libc::sigset_t = std::mem::zeroed();
                libc::sigfillset(&mut set);
                libc::pthread_sigmask(libc::SIG_UNBLOCK, &set, std::ptr::null_mut());
            }
        }
    }
    drop(gen);
    drop(reg);
    drop(g);
    r
}

/// sys.setswitchinterval's value, in seconds.
pub fn set_switch_interval(seconds: f64) {
    SWITCH_INTERVAL_NS.store((seconds * 1e9) as u64, Ordering::Relaxed);
}

/// sys.getswitchinterval.
pub fn switch_interval() -> f64 {
    SWITCH_INTERVAL_NS.load(Ordering::Relaxed) as f64 / 1e9
}

/// Natives of `_thread`.
pub const NATIVES: [(&str, crate::interp::NativeFn); 7] = [
    ("_start", start),
    ("_add_sentinel", add_sentinel),
    ("get_ident", get_ident),
    ("_count", count),
    ("stack_size", stack_size),
    ("_notify", notify),
    ("_wait_free", wait_free),
];

/// Makes the VM threaded (the GIL exists from now on) without starting a thread, so that a
/// helper thread that is not Python's can take the GIL (faulthandler's watchdog).
pub fn make_threaded(vm: &mut Vm) {
    activate(vm);
}

/// Runs `f` holding the GIL from a thread that runs no Python (faulthandler's watchdog):
/// every Python thread is then parked, its frames in its slot. Gives up after `timeout`
/// (a thread holding the GIL in a blocking call never lets it go) and returns false.
pub fn with_gil_for(timeout: Duration, f: impl FnOnce()) -> bool {
    if !ACTIVE.load(Ordering::Relaxed) {
        return false;
    }
    let deadline = Instant::now() + timeout;
    let mut g = lock(&GIL);
    g.waiters += 1;
    while g.held {
        let now = Instant::now();
        if now >= deadline {
            g.waiters -= 1;
            return false;
        }
        let seen = g.switches;
        let interval = Duration::from_nanos(SWITCH_INTERVAL_NS.load(Ordering::Relaxed).max(1000)).min(deadline - now);
        let (ng, to) = GIL_CV.wait_timeout(g, interval).unwrap_or_else(|e| e.into_inner());
        g = ng;
        if to.timed_out() && g.held && g.switches == seen {
            DROP_REQUEST.store(true, Ordering::SeqCst);
            crate::signals::request_check();
        }
    }
    g.waiters -= 1;
    g.held = true;
    g.switches += 1;
    drop(g);
    f();
    gil_give();
    true
}

/// Calls `f(ident, frames, is_current)` for each Python thread, newest first: the calling
/// thread's frames are the VM's when it holds the GIL, a parked thread's are in its slot.
/// With `try_only` (in a signal handler) the registry is not waited for: when another
/// thread holds it, only the calling thread is listed.
///
/// # Safety
/// `vm` is the process's VM. Outside a signal handler the caller holds the GIL (or is the
/// watchdog inside `with_gil_for`); in a handler the frames are read as they are, which
/// is what faulthandler does in CPython too (best effort on a dying process).
pub unsafe fn each_thread(vm: *const Vm, try_only: bool, f: &mut dyn FnMut(u64, &[crate::interp::Frame], bool)) {
    let me = CURRENT.with(|c| c.get());
    // SAFETY: pthread_self has no preconditions.
    let my_ident = unsafe { libc::pthread_self() } as u64;
    // SAFETY: the caller's contract.
    let vm_frames: &[crate::interp::Frame] = unsafe { &(*vm).frames };
    if !ACTIVE.load(Ordering::Relaxed) {
        f(my_ident, vm_frames, true);
        return;
    }
    let reg = if try_only {
        match REGISTRY.try_lock() {
            Ok(r) => r,
            Err(std::sync::TryLockError::Poisoned(e)) => e.into_inner(),
            Err(std::sync::TryLockError::WouldBlock) => {
                if !me.is_null() {
                    // SAFETY: the calling thread's own slot lives while it runs.
                    let s = unsafe { &*me };
                    f(my_ident, if s.parked { &s.ts.frames } else { vm_frames }, true);
                }
                return;
            }
        }
    } else {
        lock(&REGISTRY)
    };
    for &p in reg.iter().rev() {
        // SAFETY: registered slots are alive (see `parked_roots`).
        let s = unsafe { &*(p as *const Slot) };
        let current = p as *mut Slot == me;
        // a slot not parked is the GIL holder's, whose frames are the VM's
        let frames = if s.parked { &s.ts.frames[..] } else { vm_frames };
        f(if current { my_ident } else { s.ident }, frames, current);
    }
}
