//! The gc module: collection on demand, on/off, and CPython's introspection API
//! (thresholds, garbage, callbacks, is_tracked) as far as a tracing collector has them.

use crate::heap::{ObjKind, Value};
use crate::interp::{NativeFn, PyResult, Vm};
use crate::objects::*;

use super::{add_fn, new_module, set_attr};

fn gc_collect(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    let c = vm.collect();
    vm.run_finalizers();
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

/// The gc module's namespace.
fn gc_dict(vm: &mut Vm) -> Value {
    let mods = vm.modules;
    vm.dict_get_by_str(mods, "gc").and_then(|m| m.get::<ModuleObj>().map(|m| m.dict)).unwrap_or(Value::NULL)
}

/// The thresholds live in the module as `_thresholds` (the collector is driven by bytes
/// allocated, so they are only reported back).
fn gc_get_threshold(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    let d = gc_dict(vm);
    if let Some(t) = vm.dict_get_by_str(d, "_thresholds") {
        return Ok(t);
    }
    let v: Vec<Value> = [700, 10, 10].iter().map(|&n| vm.new_int(n)).collect();
    Ok(vm.new_tuple(v))
}

fn gc_set_threshold(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    if a.is_empty() || a.len() > 3 {
        return Err(vm.type_error(&format!("set_threshold() takes from 1 to 3 positional arguments but {} were given", a.len())));
    }
    let mut v = vec![700i64, 10, 10];
    for (i, x) in a.iter().enumerate() {
        v[i] = super::io::int_arg(vm, *x)?;
    }
    let items: Vec<Value> = v.iter().map(|&n| vm.new_int(n)).collect();
    let t = vm.new_tuple(items);
    let d = gc_dict(vm);
    vm.dict_set_str(d, "_thresholds", t);
    Ok(vm.none)
}

/// Whether CPython's collector would track `v`: atomic objects are never tracked, and a
/// dict only while it holds something tracked.
fn tracked(vm: &Vm, v: Value, depth: usize) -> bool {
    if !v.is_ptr() || depth > 50 {
        return false;
    }
    let heap_type = vm.type_of(v).get::<TypeObj>().is_some_and(|t| t.has_flag(type_flags::HEAPTYPE));
    if heap_type {
        return true;
    }
    match v.kind() {
        Some(ObjKind::Str | ObjKind::Bytes | ObjKind::Float | ObjKind::Complex | ObjKind::BigInt | ObjKind::Range) => false,
        Some(ObjKind::Dict) => vm.dict_items(v).iter().any(|&(k, x)| tracked(vm, k, depth + 1) || tracked(vm, x, depth + 1)),
        // a fresh tuple is tracked (CPython untracks atomic-only ones lazily, in a collection)
        Some(ObjKind::Tuple) => v.get::<TupleObj>().is_some_and(|t| !t.items.is_empty()),
        _ => !(v == vm.none || v == vm.true_ || v == vm.false_ || v == vm.ellipsis || v == vm.not_implemented),
    }
}

fn gc_is_tracked(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let v = a.first().copied().unwrap_or(vm.none);
    Ok(vm.bool_val(tracked(vm, v, 0)))
}

fn gc_is_finalized(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    Ok(vm.false_)
}

fn gc_noop(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    Ok(vm.none)
}

fn gc_zero(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    Ok(vm.new_int(0))
}

pub fn register(vm: &mut Vm) {
    let g = new_module(vm, "gc");
    let fns: &[(&'static str, NativeFn)] = &[
        ("collect", gc_collect),
        ("enable", gc_enable),
        ("disable", gc_disable),
        ("isenabled", gc_isenabled),
        ("get_count", gc_get_count),
        ("get_threshold", gc_get_threshold),
        ("set_threshold", gc_set_threshold),
        ("is_tracked", gc_is_tracked),
        ("is_finalized", gc_is_finalized),
        ("freeze", gc_noop),
        ("unfreeze", gc_noop),
        ("get_freeze_count", gc_zero),
    ];
    for &(n, f) in fns {
        add_fn(vm, g, n, f);
    }
    let garbage = vm.new_list(Vec::new());
    set_attr(vm, g, "garbage", garbage);
    let callbacks = vm.new_list(Vec::new());
    set_attr(vm, g, "callbacks", callbacks);
    for (n, v) in [("DEBUG_STATS", 1), ("DEBUG_COLLECTABLE", 2), ("DEBUG_UNCOLLECTABLE", 4), ("DEBUG_SAVEALL", 32), ("DEBUG_LEAK", 38)] {
        let x = vm.new_int(v);
        set_attr(vm, g, n, x);
    }
}
