//! Set algebra with CPython's result layouts (so results iterate in CPython's order).

use pyjit_compiler::opcode::BinOp;

use crate::heap::{ObjKind, Value};
use crate::interp::{PyResult, Vm};
use crate::objects::*;

fn same_flavor(vm: &mut Vm, a: Value) -> Value {
    let ty = vm.type_of(a);
    if vm.is_subtype(ty, vm.types.frozenset) {
        vm.new_frozenset()
    } else {
        vm.new_set()
    }
}

fn entries(v: Value) -> Vec<(i64, Value)> {
    v.get::<SetObj>().map(|s| s.table.borrow().iter().map(|e| (e.hash, e.key)).collect()).unwrap_or_default()
}

/// A copy with the same table layout.
pub fn set_copy(vm: &mut Vm, a: Value, frozen: bool) -> PyResult<Value> {
    let r = if frozen { vm.new_frozenset() } else { vm.new_set() };
    vm.set_update(r, a)?;
    Ok(r)
}

pub fn set_union(vm: &mut Vm, a: Value, b: Value) -> PyResult<Value> {
    let r = same_flavor(vm, a);
    vm.set_update(r, a)?;
    vm.set_update(r, b)?;
    Ok(r)
}

pub fn set_intersection(vm: &mut Vm, a: Value, b: Value) -> PyResult<Value> {
    let r = same_flavor(vm, a);
    if b.kind() == Some(ObjKind::Set) {
        let (mut so, mut other) = (a, b);
        if other.get::<SetObj>().map(|s| s.len()).unwrap_or(0) > so.get::<SetObj>().map(|s| s.len()).unwrap_or(0) {
            std::mem::swap(&mut so, &mut other);
        }
        for (h, k) in entries(other) {
            if vm.set_contains(so, k)? {
                vm.set_add_h(r, k, h)?;
            }
        }
        return Ok(r);
    }
    let it = vm.iter(b)?;
    while let Some(k) = vm.next(it)? {
        if vm.set_contains(a, k)? {
            vm.set_add(r, k)?;
        }
    }
    Ok(r)
}

pub fn set_difference(vm: &mut Vm, a: Value, b: Value) -> PyResult<Value> {
    let other_size = match b.kind() {
        Some(ObjKind::Set) => b.get::<SetObj>().map(|s| s.len()).unwrap_or(0),
        Some(ObjKind::Dict) => b.get::<DictObj>().map(|d| d.len()).unwrap_or(0),
        _ => usize::MAX,
    };
    let so_size = a.get::<SetObj>().map(|s| s.len()).unwrap_or(0);
    if other_size == usize::MAX || (so_size >> 2) > other_size {
        let frozen = vm.is_subtype(vm.type_of(a), vm.types.frozenset);
        let r = set_copy(vm, a, frozen)?;
        if b.kind() == Some(ObjKind::Set) {
            for (_, k) in entries(b) {
                vm.set_discard(r, k)?;
            }
        } else {
            let it = vm.iter(b)?;
            while let Some(k) = vm.next(it)? {
                vm.set_discard(r, k)?;
            }
        }
        return Ok(r);
    }
    let r = same_flavor(vm, a);
    for (h, k) in entries(a) {
        let inside = if b.kind() == Some(ObjKind::Set) { vm.set_contains_h(b, k, h)? } else { vm.dict_get_h(b, k, h)?.is_some() };
        if !inside {
            vm.set_add_h(r, k, h)?;
        }
    }
    Ok(r)
}

pub fn set_symmetric_difference(vm: &mut Vm, a: Value, b: Value) -> PyResult<Value> {
    let frozen = vm.is_subtype(vm.type_of(a), vm.types.frozenset);
    let other = if b.kind() == Some(ObjKind::Set) { set_copy(vm, b, frozen)? } else {
        let s = if frozen { vm.new_frozenset() } else { vm.new_set() };
        vm.set_update(s, b)?;
        s
    };
    for (h, k) in entries(a) {
        if !vm.set_discard(other, k)? {
            vm.set_add_h(other, k, h)?;
        }
    }
    Ok(other)
}

pub fn set_binop(vm: &mut Vm, a: Value, b: Value, op: BinOp, inplace: bool) -> PyResult<Value> {
    let r = match op {
        BinOp::Or => set_union(vm, a, b)?,
        BinOp::And => set_intersection(vm, a, b)?,
        BinOp::Sub => set_difference(vm, a, b)?,
        _ => set_symmetric_difference(vm, a, b)?,
    };
    if inplace && vm.type_of(a) == vm.types.set {
        if let (Some(dst), Some(src)) = (a.get::<SetObj>(), r.get::<SetObj>()) {
            let t = src.table.borrow().clone();
            *dst.table.borrow_mut() = t;
        }
        return Ok(a);
    }
    Ok(r)
}

/// dict views combined with sets: keys() & other, etc.
pub fn view_binop(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
    let s = vm.new_set();
    vm.set_update(s, a)?;
    let other = if b.kind() == Some(ObjKind::Set) { b } else {
        let t = vm.new_set();
        vm.set_update(t, b)?;
        t
    };
    set_binop(vm, s, other, op, false)
}
