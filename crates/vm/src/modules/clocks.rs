//! The clocks of the time module: time, monotonic/perf_counter, process and thread CPU time,
//! clock_gettime and friends, get_clock_info.
//!
//! Without libc, the clocks come from std and /proc: CLOCK_REALTIME is SystemTime;
//! CLOCK_MONOTONIC is std's Instant (which is CLOCK_MONOTONIC on Linux; its absolute value is
//! read once from the start Instant so that it matches other processes' clock_gettime);
//! CPU times are the nanosecond run times of /proc/thread-self/schedstat and of every task of
//! /proc/self/task. CLOCK_BOOTTIME comes from /proc/uptime (centisecond resolution).
//! Setting a clock needs the clock_settime system call, which pyjit does not make.

use std::time::{Instant, SystemTime, UNIX_EPOCH};

use num_bigint::BigInt;

use crate::heap::Value;
use crate::interp::{PyResult, Vm};

pub const CLOCK_REALTIME: i64 = 0;
pub const CLOCK_MONOTONIC: i64 = 1;
pub const CLOCK_PROCESS_CPUTIME_ID: i64 = 2;
pub const CLOCK_THREAD_CPUTIME_ID: i64 = 3;
pub const CLOCK_MONOTONIC_RAW: i64 = 4;
pub const CLOCK_BOOTTIME: i64 = 7;
pub const CLOCK_TAI: i64 = 11;

pub const CONSTANTS: [(&str, i64); 7] = [
    ("CLOCK_BOOTTIME", CLOCK_BOOTTIME),
    ("CLOCK_MONOTONIC", CLOCK_MONOTONIC),
    ("CLOCK_MONOTONIC_RAW", CLOCK_MONOTONIC_RAW),
    ("CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID),
    ("CLOCK_REALTIME", CLOCK_REALTIME),
    ("CLOCK_TAI", CLOCK_TAI),
    ("CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID),
];

/// The start Instant and its CLOCK_MONOTONIC value in nanoseconds.
fn monotonic_anchor() -> (Instant, i128) {
    static ANCHOR: std::sync::OnceLock<(Instant, i128)> = std::sync::OnceLock::new();
    *ANCHOR.get_or_init(|| {
        let now = Instant::now();
        // std prints a Linux Instant as its timespec: "Instant { tv_sec: S, tv_nsec: N }"
        let text = format!("{now:?}");
        let field = |name: &str| -> Option<i128> {
            let rest = &text[text.find(name)? + name.len()..];
            rest.trim_start_matches([':', ' ']).split(|c: char| !c.is_ascii_digit()).next()?.parse().ok()
        };
        let base = match (field("tv_sec"), field("tv_nsec")) {
            (Some(s), Some(n)) => s * 1_000_000_000 + n,
            _ => 0,
        };
        (now, base)
    })
}

pub fn init() {
    let _ = monotonic_anchor();
}

fn realtime_ns() -> i128 {
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_nanos() as i128,
        Err(e) => -(e.duration().as_nanos() as i128),
    }
}

pub fn monotonic_ns() -> i128 {
    let (start, base) = monotonic_anchor();
    base + start.elapsed().as_nanos() as i128
}

fn schedstat_ns(path: &std::path::Path) -> Option<i128> {
    std::fs::read_to_string(path).ok()?.split_whitespace().next()?.parse().ok()
}

fn thread_cpu_ns() -> i128 {
    schedstat_ns(std::path::Path::new("/proc/thread-self/schedstat")).unwrap_or(0)
}

fn process_cpu_ns() -> i128 {
    let Ok(dir) = std::fs::read_dir("/proc/self/task") else { return 0 };
    dir.filter_map(|e| e.ok()).filter_map(|e| schedstat_ns(&e.path().join("schedstat"))).sum()
}

fn boottime_ns() -> Option<i128> {
    let text = std::fs::read_to_string("/proc/uptime").ok()?;
    let secs = text.split_whitespace().next()?;
    let (whole, frac) = secs.split_once('.').unwrap_or((secs, "0"));
    let frac = format!("{frac:0<9}");
    Some(whole.parse::<i128>().ok()? * 1_000_000_000 + frac[..9].parse::<i128>().ok()?)
}

/// The current value of a clock in nanoseconds, or None for an unknown clock id.
pub fn clock_ns(id: i64) -> Option<i128> {
    Some(match id {
        CLOCK_REALTIME | CLOCK_TAI => realtime_ns(),
        CLOCK_MONOTONIC | CLOCK_MONOTONIC_RAW => monotonic_ns(),
        CLOCK_PROCESS_CPUTIME_ID => process_cpu_ns(),
        CLOCK_THREAD_CPUTIME_ID => thread_cpu_ns(),
        CLOCK_BOOTTIME => boottime_ns()?,
        _ if id == thread_clock_id(super::sys_hooks::thread_ident()) => thread_cpu_ns(),
        _ => return None,
    })
}

fn os_error(vm: &mut Vm, errno: i64, msg: &str) -> crate::interp::PyErr {
    let t = vm.types.os_error;
    let e = vm.new_int(errno);
    let m = vm.new_str(msg);
    match vm.call(t, &[e, m]) {
        Ok(exc) => crate::interp::PyErr(exc),
        Err(e) => e,
    }
}

/// PyArg_ParseTuple's count check.
fn exact_args(vm: &mut Vm, a: &[Value], n: usize, name: &str) -> PyResult<()> {
    if a.len() != n {
        return Err(vm.type_error(&format!("{name}() takes exactly {n} argument{} ({} given)", if n == 1 { "" } else { "s" }, a.len())));
    }
    Ok(())
}

fn clk_arg(vm: &mut Vm, a: &[Value], n: usize, name: &str) -> PyResult<i64> {
    exact_args(vm, a, n, name)?;
    let i = vm.index_of(a[0])?;
    match vm.as_i64(i) {
        Some(v) if i32::try_from(v).is_ok() => Ok(v),
        _ => Err(vm.overflow_error("Python int too large to convert to C int")),
    }
}

fn ns_value(vm: &mut Vm, ns: i128) -> Value {
    match i64::try_from(ns) {
        Ok(n) => vm.new_int(n),
        Err(_) => vm.new_bigint(BigInt::from(ns)),
    }
}

fn secs_value(vm: &mut Vm, ns: i128) -> Value {
    vm.new_float(ns as f64 / 1e9)
}

pub fn time_clock_gettime(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let id = clk_arg(vm, a, 1, "clock_gettime")?;
    match clock_ns(id) {
        Some(ns) => Ok(secs_value(vm, ns)),
        None => Err(os_error(vm, 22, "Invalid argument")),
    }
}

pub fn time_clock_gettime_ns(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let id = clk_arg(vm, a, 1, "clock_gettime_ns")?;
    match clock_ns(id) {
        Some(ns) => Ok(ns_value(vm, ns)),
        None => Err(os_error(vm, 22, "Invalid argument")),
    }
}

/// The resolution pyjit's source for a clock has, in seconds.
fn resolution(id: i64) -> f64 {
    if id == CLOCK_BOOTTIME {
        0.01
    } else {
        1e-9
    }
}

pub fn time_clock_getres(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let id = clk_arg(vm, a, 1, "clock_getres")?;
    if clock_ns(id).is_none() {
        return Err(os_error(vm, 22, "Invalid argument"));
    }
    Ok(vm.new_float(resolution(id)))
}

fn settime(vm: &mut Vm, a: &[Value], name: &str) -> PyResult<Value> {
    exact_args(vm, a, 2, name)?;
    let id = clk_arg(vm, &a[..1], 1, name)?;
    if name == "clock_settime_ns" {
        vm.index_of(a[1])?;
    } else {
        crate::builtins::numfloat(vm, a[1])?;
    }
    match id {
        // the kernel refuses to set these
        CLOCK_MONOTONIC | CLOCK_MONOTONIC_RAW | CLOCK_BOOTTIME | CLOCK_PROCESS_CPUTIME_ID | CLOCK_THREAD_CPUTIME_ID => Err(os_error(vm, 22, "Invalid argument")),
        CLOCK_REALTIME | CLOCK_TAI => Err(os_error(vm, 38, "Function not implemented")),
        _ => Err(os_error(vm, 22, "Invalid argument")),
    }
}

pub fn time_clock_settime(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    settime(vm, a, "clock_settime")
}

pub fn time_clock_settime_ns(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    settime(vm, a, "clock_settime_ns")
}

pub fn time_time(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    let ns = realtime_ns();
    Ok(secs_value(vm, ns))
}

pub fn time_time_ns(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    let ns = realtime_ns();
    Ok(ns_value(vm, ns))
}

pub fn time_monotonic(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    let ns = monotonic_ns();
    Ok(secs_value(vm, ns))
}

pub fn time_monotonic_ns(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    let ns = monotonic_ns();
    Ok(ns_value(vm, ns))
}

pub fn time_process_time(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    let ns = process_cpu_ns();
    Ok(secs_value(vm, ns))
}

pub fn time_process_time_ns(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    let ns = process_cpu_ns();
    Ok(ns_value(vm, ns))
}

pub fn time_thread_time(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    let ns = thread_cpu_ns();
    Ok(secs_value(vm, ns))
}

pub fn time_thread_time_ns(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    let ns = thread_cpu_ns();
    Ok(ns_value(vm, ns))
}

pub fn time_pthread_getcpuclockid(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    crate::builtins::arity(vm, a, 1, 1, "pthread_getcpuclockid")?;
    let i = vm.index_of(a[0])?;
    let Some(id) = vm.as_i64(i) else {
        return Err(vm.overflow_error("Python int too large to convert to C unsigned long"));
    };
    if id != super::sys_hooks::thread_ident() {
        return Err(os_error(vm, 3, "No such process"));
    }
    Ok(vm.new_int(thread_clock_id(id)))
}

/// The Linux clock id of a thread's CPU clock: ~tid << 3 | CPUCLOCK_SCHED | CPUCLOCK_PERTHREAD.
fn thread_clock_id(tid: i64) -> i64 {
    ((!tid) << 3) | 6
}

pub fn time_get_clock_info(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    crate::builtins::arity(vm, a, 1, 1, "get_clock_info")?;
    if a[0].kind() != Some(crate::heap::ObjKind::Str) {
        let tn = vm.type_name_of(a[0]);
        return Err(vm.type_error(&format!("get_clock_info() argument 1 must be str, not {tn}")));
    }
    let name = vm.str_of(a[0]);
    let (imp, monotonic, adjustable) = match name.as_str() {
        "time" => ("clock_gettime(CLOCK_REALTIME)", false, true),
        "monotonic" | "perf_counter" => ("clock_gettime(CLOCK_MONOTONIC)", true, false),
        "process_time" => ("clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", true, false),
        "thread_time" => ("clock_gettime(CLOCK_THREAD_CPUTIME_ID)", true, false),
        _ => return Err(vm.value_error("unknown clock")),
    };
    let iv = vm.new_str(imp);
    let mv = vm.bool_val(monotonic);
    let av = vm.bool_val(adjustable);
    let rv = vm.new_float(1e-9);
    Ok(super::namespace::new_namespace(vm, &[("implementation", iv), ("monotonic", mv), ("adjustable", av), ("resolution", rv)]))
}
