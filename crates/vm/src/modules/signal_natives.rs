//! The Rust half of `_signal` (py/signal_mod.py): the OS actions behind signal.signal,
//! raise_signal, alarm and pause (see signals.rs for how handlers run).

use crate::heap::Value;
use crate::interp::{PyResult, Vm};
use crate::signals::{self, Action};

fn int_arg(vm: &mut Vm, a: &[Value], i: usize) -> PyResult<i64> {
    match a.get(i).and_then(|v| vm.as_i64(*v)) {
        Some(n) => Ok(n),
        None => Err(vm.type_error("an integer is required")),
    }
}

fn os_err(vm: &mut Vm, errno: i32) -> crate::interp::PyErr {
    let e = std::io::Error::from_raw_os_error(errno);
    super::io::os_error(vm, &e, None)
}

/// _os_action(signum) -> 0 default, 1 ignore, 2 pyjit's handler, 3 another, None unknown.
fn os_action(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let sig = int_arg(vm, a, 0)?;
    Ok(match signals::current_action(sig as i32) {
        Some(Action::Default) => vm.new_int(0),
        Some(Action::Ignore) => vm.new_int(1),
        Some(Action::Python) => vm.new_int(2),
        Some(Action::Other) => vm.new_int(3),
        None => vm.none,
    })
}

/// _set_action(signum, kind): kind 0 SIG_DFL, 1 SIG_IGN, 2 a Python handler.
fn set_action(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let sig = int_arg(vm, a, 0)?;
    let action = match int_arg(vm, a, 1)? {
        0 => Action::Default,
        1 => Action::Ignore,
        _ => Action::Python,
    };
    signals::set_action(sig as i32, action).map_err(|e| os_err(vm, e))?;
    Ok(vm.none)
}

/// signal.raise_signal(signum): sends the signal to this process and runs its Python
/// handler (native, so that the handler's frame is the caller's, as in CPython).
fn raise(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    crate::builtins::arity(vm, a, 1, 1, "raise_signal")?;
    let v = vm.index_of(a[0])?;
    let sig = match vm.as_i64(v) {
        Some(n) if (1..signals::NSIG as i64).contains(&n) => n,
        _ => return Err(vm.value_error("signal number out of range")),
    };
    signals::raise(sig as i32).map_err(|e| os_err(vm, e))?;
    signals::check(vm)?;
    Ok(vm.none)
}

/// _alarm(seconds) -> seconds left on the previous alarm.
fn alarm(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let s = int_arg(vm, a, 0)?;
    let left = signals::alarm(s.clamp(0, u32::MAX as i64) as u32);
    Ok(vm.new_int(left as i64))
}

fn float_arg(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if let Some(f) = v.get::<crate::objects::FloatObj>() {
        return Ok(f.0);
    }
    // anything else is read as an int, as CPython's _PyTime_FromSecondsObject does
    let i = vm.index_of(v)?;
    match vm.as_i64(i) {
        Some(n) => Ok(n as f64),
        None => Err(vm.overflow_error("timestamp too large to convert to C _PyTime_t")),
    }
}

fn itimer_result(vm: &mut Vm, r: Result<(f64, f64), i32>) -> PyResult<Value> {
    match r {
        Ok((a, b)) => {
            let (a, b) = (vm.new_float(a), vm.new_float(b));
            Ok(vm.new_tuple(vec![a, b]))
        }
        Err(e) => Err(os_err(vm, e)),
    }
}

/// _setitimer(which, seconds, interval) -> the previous (delay, interval).
fn setitimer(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let which = int_arg(vm, a, 0)?;
    let secs = match a.get(1) {
        Some(&v) => float_arg(vm, v)?,
        None => 0.0,
    };
    let interval = match a.get(2) {
        Some(&v) => float_arg(vm, v)?,
        None => 0.0,
    };
    let r = signals::setitimer(which as i32, secs, interval);
    itimer_result(vm, r)
}

/// _getitimer(which) -> (delay, interval).
fn getitimer(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let which = int_arg(vm, a, 0)?;
    let r = signals::getitimer(which as i32);
    itimer_result(vm, r)
}

/// signal.pause(): waits for a signal, then runs its Python handler.
fn pause(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    crate::builtins::arity(vm, a, 0, 0, "pause")?;
    signals::pause();
    signals::check(vm)?;
    Ok(vm.none)
}

/// _check_signals(): runs the handlers of signals that arrived (PyErr_CheckSignals).
fn check(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    signals::check(vm)?;
    Ok(vm.none)
}

/// _set_wakeup_fd(fd) -> the previous descriptor (the checks are in signal_mod.py).
fn set_wakeup_fd(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let fd = int_arg(vm, a, 0)?;
    Ok(vm.new_int(signals::set_wakeup_fd(fd as i32) as i64))
}

pub const NATIVES: [(&str, crate::interp::NativeFn); 9] = [
    ("_set_wakeup_fd", set_wakeup_fd),
    ("_setitimer", setitimer),
    ("_getitimer", getitimer),
    ("_os_action", os_action),
    ("_set_action", set_action),
    ("raise_signal", raise),
    ("_alarm", alarm),
    ("pause", pause),
    ("_check_signals", check),
];
