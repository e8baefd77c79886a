//! The `_weakref` module: weak references. A reference object is an instance of a Python
//! class (`py/weakref.py`); the referent's address lives in a side table the GC does not
//! trace. After each mark phase `after_mark` forgets the entries of dead reference objects
//! and clears those whose referent was not reached, so `ref()` then returns None. Callbacks
//! are kept but not called yet.

use std::cell::RefCell;
use std::collections::HashMap;

use crate::heap::gc::Heap;
use crate::heap::{ObjKind, Value};
use crate::interp::{NativeFn, PyResult, Vm};

crate::gil_local! {
    /// weak reference object → referent (0 once the referent died).
    static TABLE: RefCell<HashMap<u64, u64>> = RefCell::new(HashMap::new());
}

/// Called by the collector between marking and sweeping.
pub fn after_mark() {
    TABLE.with(|t| {
        let mut t = t.borrow_mut();
        if t.is_empty() {
            return;
        }
        t.retain(|&r, _| Heap::is_marked(Value::from_raw(r)));
        for target in t.values_mut() {
            if *target != 0 && !Heap::is_marked(Value::from_raw(*target)) {
                *target = 0;
            }
        }
    });
}

fn weakrefable(vm: &Vm, v: Value) -> bool {
    if v.is_small() {
        return false;
    }
    let t = vm.type_of(v);
    let ty = &vm.types;
    let exact_builtin = [ty.int, ty.str, ty.tuple, ty.list, ty.dict, ty.bytes, ty.float, ty.bool, ty.none_type, ty.complex, ty.bytearray];
    !exact_builtin.contains(&t) && v.kind() != Some(ObjKind::BigInt)
}

/// _register(ref_obj, referent): remembers the referent of a new reference object.
fn register(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    crate::builtins::arity(vm, a, 2, 2, "_register")?;
    let (r, target) = (a[0], a[1]);
    if !weakrefable(vm, target) {
        let tn = vm.type_name_of(target);
        return Err(vm.type_error(&format!("cannot create weak reference to '{tn}' object")));
    }
    TABLE.with(|t| t.borrow_mut().insert(r.raw(), target.raw()));
    Ok(vm.none)
}

/// _get(ref_obj): the referent, or None once it died.
fn get(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    crate::builtins::arity(vm, a, 1, 1, "_get")?;
    let raw = TABLE.with(|t| t.borrow().get(&a[0].raw()).copied()).unwrap_or(0);
    Ok(if raw == 0 { vm.none } else { Value::from_raw(raw) })
}

fn refs_to(target: Value) -> Vec<u64> {
    TABLE.with(|t| t.borrow().iter().filter(|(_, &v)| v == target.raw()).map(|(&k, _)| k).collect())
}

fn getweakrefcount(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    crate::builtins::arity(vm, a, 1, 1, "getweakrefcount")?;
    Ok(vm.new_int(refs_to(a[0]).len() as i64))
}

fn getweakrefs(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    crate::builtins::arity(vm, a, 1, 1, "getweakrefs")?;
    let items: Vec<Value> = refs_to(a[0]).into_iter().map(Value::from_raw).collect();
    Ok(vm.new_list(items))
}

const PRELUDE: &str = include_str!("py/weakref.py");

pub fn register_module(vm: &mut Vm) {
    let fns: &[(&'static str, NativeFn)] = &[
        ("_register", register),
        ("_get", get),
        ("getweakrefcount", getweakrefcount),
        ("getweakrefs", getweakrefs),
    ];
    super::pymods::py_module(vm, "_weakref", fns, PRELUDE, "<frozen _weakref>");
}
