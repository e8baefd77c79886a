//! The sequence methods of bytes, bytearray and range as Python sees them (`__getitem__`,
//! `__iter__`, `__contains__`, `__add__`, `__mul__`, `__mod__`, `__repr__` ...): what an
//! instance of a subclass (and an explicit `bytes.__getitem__(b, 0)`) finds. Each works on
//! the object's builtin payload directly, so a subclass's lookup does not come back here.

use pyjit_compiler::opcode::BinOp;

use crate::heap::{ObjKind, Value};
use crate::interp::{PyResult, Vm};
use crate::objects::*;

use super::{marity, method};

fn is_bytes_like(v: Value) -> bool {
    matches!(v.kind(), Some(ObjKind::Bytes) | Some(ObjKind::ByteArray))
}

fn getitem(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 2, "__getitem__")?;
    match super::seqops::native_getitem(vm, a[0], a[1])? {
        Some(v) => Ok(v),
        None => {
            let kn = vm.type_name_of(a[1]);
            let what = match a[0].kind() {
                Some(ObjKind::Range) => "range",
                Some(ObjKind::ByteArray) => "bytearray",
                _ => "byte",
            };
            Err(vm.type_error(&format!("{what} indices must be integers or slices, not {kn}")))
        }
    }
}

fn contains(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 2, "__contains__")?;
    if let Some(r) = super::seqops::native_contains(vm, a[0], a[1])? {
        return Ok(vm.bool_val(r));
    }
    // other values: compare with each item (`3.0 in range(5)`)
    let Some(it) = super::iters::native_iter(vm, a[0])? else { return Ok(vm.false_) };
    while let Some(x) = vm.next(it)? {
        if x == a[1] || vm.eq(x, a[1])? {
            return Ok(vm.true_);
        }
    }
    Ok(vm.false_)
}

fn iter(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 1, 1, "__iter__")?;
    match super::iters::native_iter(vm, a[0])? {
        Some(it) => Ok(it),
        None => Err(vm.type_error("__iter__ requires a builtin sequence")),
    }
}

fn binop(vm: &mut Vm, a: &[Value], op: BinOp, inplace: bool, swap: bool, name: &str) -> PyResult<Value> {
    marity(vm, a, 2, 2, name)?;
    let (x, y) = if swap { (a[1], a[0]) } else { (a[0], a[1]) };
    // `+` of a bytes-like object, `%` on a bytes-like left operand, `*` by an int count
    if op == BinOp::Add && !(is_bytes_like(y) || y.kind() == Some(ObjKind::MemoryView)) {
        let (yt, xt) = (vm.type_name_of(y), vm.type_name(vm.type_of(x)));
        let xt = if x.kind() == Some(ObjKind::Bytes) { "bytes".to_string() } else if x.kind() == Some(ObjKind::ByteArray) { "bytearray".to_string() } else { xt };
        return Err(vm.type_error(&format!("can't concat {yt} to {xt}")));
    }
    if op == BinOp::Mod && !is_bytes_like(x) {
        return Ok(vm.not_implemented);
    }
    if op == BinOp::Mul && !vm.is_int(y) {
        match vm.index_opt(y)? {
            Some(i) => return binop_count(vm, x, i, inplace),
            None => {
                let tn = vm.type_name_of(y);
                return Err(vm.type_error(&format!("'{tn}' object cannot be interpreted as an integer")));
            }
        }
    }
    match super::seqops::seq_binop(vm, x, y, op, inplace)? {
        Some(r) => Ok(r),
        None => Ok(vm.not_implemented),
    }
}

fn binop_count(vm: &mut Vm, x: Value, n: Value, inplace: bool) -> PyResult<Value> {
    match super::seqops::seq_binop(vm, x, n, BinOp::Mul, inplace)? {
        Some(r) => Ok(r),
        None => Ok(vm.not_implemented),
    }
}

fn add(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    binop(vm, a, BinOp::Add, false, false, "__add__")
}
fn iadd(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    binop(vm, a, BinOp::Add, true, false, "__iadd__")
}
fn mul(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    binop(vm, a, BinOp::Mul, false, false, "__mul__")
}
fn imul(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    binop(vm, a, BinOp::Mul, true, false, "__imul__")
}
fn modulo(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    binop(vm, a, BinOp::Mod, false, false, "__mod__")
}
fn rmod(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    binop(vm, a, BinOp::Mod, false, true, "__rmod__")
}

fn repr(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 1, 1, "__repr__")?;
    let mut s = super::repr::native_repr(vm, a[0])?.unwrap_or_default();
    // a bytearray subclass shows its own name
    if a[0].kind() == Some(ObjKind::ByteArray) {
        let tn = vm.type_name_of(a[0]);
        if let Some(rest) = s.strip_prefix("bytearray") {
            s = format!("{tn}{rest}");
        }
    }
    Ok(vm.new_string(s))
}

/// bytes.__bytes__: the bytes themselves (a copy for a subclass instance).
fn to_bytes(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 1, 1, "__bytes__")?;
    if vm.type_of(a[0]) == vm.types.bytes {
        return Ok(a[0]);
    }
    let data = a[0].get::<BytesObj>().map(|b| b.data.to_vec()).unwrap_or_default();
    Ok(vm.new_bytes(data))
}

fn range_bool(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 1, 1, "__bool__")?;
    let n = vm.len(a[0])?;
    Ok(vm.bool_val(n > 0))
}

pub fn register(vm: &mut Vm) {
    let common: [(&'static str, crate::interp::NativeFn); 4] =
        [("__getitem__", getitem), ("__contains__", contains), ("__iter__", iter), ("__repr__", repr)];
    for t in [vm.types.bytes, vm.types.bytearray, vm.types.range] {
        for (n, f) in common {
            method(vm, t, n, f);
        }
    }
    let arith: [(&'static str, crate::interp::NativeFn); 5] =
        [("__add__", add), ("__mul__", mul), ("__rmul__", mul), ("__mod__", modulo), ("__rmod__", rmod)];
    for t in [vm.types.bytes, vm.types.bytearray] {
        for (n, f) in arith {
            method(vm, t, n, f);
        }
    }
    let t = vm.types.bytearray;
    method(vm, t, "__iadd__", iadd);
    method(vm, t, "__imul__", imul);
    let t = vm.types.bytes;
    method(vm, t, "__bytes__", to_bytes);
    let t = vm.types.range;
    method(vm, t, "__bool__", range_bool);
}
