//! Modules written in Rust (sys, math, time, gc) and the import system.

pub mod import;
mod math;
mod os;
pub mod sys;

use crate::heap::Value;
use crate::interp::{NativeFn, PyResult, Vm};
use crate::objects::ModuleObj;

/// A new module object registered in sys.modules.
pub fn new_module(vm: &mut Vm, name: &str) -> Value {
    let d = vm.new_dict();
    let n = vm.intern(name);
    let mt = vm.types.module;
    let m = vm.alloc(mt, ModuleObj { name: n, dict: d }).value();
    vm.dict_set_str(d, "__name__", n);
    let none = vm.none;
    vm.dict_set_str(d, "__doc__", none);
    vm.dict_set_str(d, "__package__", vm.empty_str);
    vm.dict_set_str(d, "__spec__", none);
    vm.dict_set_str(d, "__loader__", none);
    if !vm.modules.is_null() {
        let mods = vm.modules;
        let _ = vm.dict_set(mods, n, m);
    }
    m
}

pub fn add_fn(vm: &mut Vm, m: Value, name: &'static str, f: NativeFn) {
    let d = m.get::<ModuleObj>().map(|m| m.dict).unwrap_or(Value::NULL);
    let b = vm.new_builtin(name, f, Value::NULL);
    vm.dict_set_str(d, name, b);
}

pub fn set_attr(vm: &mut Vm, m: Value, name: &str, v: Value) {
    let d = m.get::<ModuleObj>().map(|m| m.dict).unwrap_or(Value::NULL);
    vm.dict_set_str(d, name, v);
}

fn time_time(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs_f64()).unwrap_or(0.0);
    Ok(vm.new_float(t))
}

fn time_time_ns(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
    Ok(vm.new_bigint(num_bigint::BigInt::from(t)))
}

fn monotonic_start() -> std::time::Instant {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    *START.get_or_init(std::time::Instant::now)
}

fn time_perf_counter(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    Ok(vm.new_float(monotonic_start().elapsed().as_secs_f64()))
}

fn time_perf_counter_ns(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    let n = monotonic_start().elapsed().as_nanos() as i64;
    Ok(vm.new_int(n))
}

fn time_process_time(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    Ok(vm.new_float(monotonic_start().elapsed().as_secs_f64()))
}

fn time_sleep(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let s = crate::builtins::numfloat(vm, a.first().copied().unwrap_or(vm.none))?;
    if s < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    std::thread::sleep(std::time::Duration::from_secs_f64(s));
    Ok(vm.none)
}

fn gc_collect(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    let c = vm.collect();
    Ok(vm.new_int(c.objects as i64))
}

fn gc_enable(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    vm.heap.enabled = true;
    Ok(vm.none)
}

fn gc_disable(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    vm.heap.enabled = false;
    Ok(vm.none)
}

fn gc_isenabled(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    Ok(vm.bool_val(vm.heap.enabled))
}

fn gc_get_count(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    let n = vm.new_int(vm.heap.bytes_since_gc as i64 / 64);
    let z = vm.new_int(0);
    Ok(vm.new_tuple(vec![n, z, z]))
}

pub fn register(vm: &mut Vm) {
    vm.modules = vm.new_dict();
    let mods = vm.modules;
    let b = vm.builtins;
    let bn = vm.intern("builtins");
    let _ = vm.dict_set(mods, bn, b);
    sys::register(vm);
    math::register(vm);
    os::register(vm);
    let t = new_module(vm, "time");
    let fns: &[(&'static str, NativeFn)] = &[
        ("time", time_time),
        ("time_ns", time_time_ns),
        ("perf_counter", time_perf_counter),
        ("perf_counter_ns", time_perf_counter_ns),
        ("monotonic", time_perf_counter),
        ("monotonic_ns", time_perf_counter_ns),
        ("process_time", time_process_time),
        ("sleep", time_sleep),
    ];
    for &(n, f) in fns {
        add_fn(vm, t, n, f);
    }
    let g = new_module(vm, "gc");
    let fns: &[(&'static str, NativeFn)] = &[
        ("collect", gc_collect),
        ("enable", gc_enable),
        ("disable", gc_disable),
        ("isenabled", gc_isenabled),
        ("get_count", gc_get_count),
    ];
    for &(n, f) in fns {
        add_fn(vm, g, n, f);
    }
    let _ = monotonic_start();
}
