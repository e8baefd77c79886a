//! dict, set, frozenset, bytes and bytearray: constructors and methods.

use pyjit_compiler::opcode::{BinOp, CmpOp};

use crate::heap::{ObjKind, Value};
use crate::interp::{PyResult, Vm};
use crate::objects::*;

use super::{arg, marity, method, split_kw, static_method};

fn dict_new(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let cls = args[0];
    if cls == vm.types.dict {
        return Ok(vm.new_dict());
    }
    Ok(vm.alloc(cls, DictObj::new()).value())
}

fn update_from_args(vm: &mut Vm, d: Value, args: &[Value], kw: Value, name: &str) -> PyResult<()> {
    let (pos, kws) = split_kw(vm, args, kw);
    if pos.len() > 1 {
        return Err(vm.type_error(&format!("{name} expected at most 1 argument, got {}", pos.len())));
    }
    if let Some(&src) = pos.first() {
        let keys = vm.intern("keys");
        if src.kind() == Some(ObjKind::Dict) || vm.getattr_opt(src, keys)?.is_some() {
            vm.dict_update_from(d, src, false)?;
        } else {
            let it = vm.iter(src)?;
            let mut i = 0;
            while let Some(pair) = vm.next(it)? {
                let (_h, kv) = match vm.to_vec(pair) {
                    Ok(x) => x,
                    Err(_) => {
                        return Err(vm.type_error(&format!("cannot convert dictionary update sequence element #{i} to a sequence")));
                    }
                };
                if kv.len() != 2 {
                    return Err(vm.value_error(&format!("dictionary update sequence element #{i} has length {}; 2 is required", kv.len())));
                }
                vm.dict_set(d, kv[0], kv[1])?;
                i += 1;
            }
        }
    }
    for (k, v) in kws {
        let kv = vm.new_string(k);
        vm.dict_set(d, kv, v)?;
    }
    Ok(())
}

fn dict_init(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    update_from_args(vm, args[0], &args[1..], kw, "dict")?;
    Ok(vm.none)
}

fn d_update(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    update_from_args(vm, args[0], &args[1..], kw, "update")?;
    Ok(vm.none)
}

fn view(vm: &mut Vm, d: Value, which: u8) -> Value {
    let t = match which {
        0 => vm.types.dict_keys,
        1 => vm.types.dict_values,
        _ => vm.types.dict_items,
    };
    vm.alloc(t, DictViewObj { dict: d, which }).value()
}

fn d_keys(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    Ok(view(vm, a[0], 0))
}
fn d_values(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    Ok(view(vm, a[0], 1))
}
fn d_items(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    Ok(view(vm, a[0], 2))
}

fn d_get(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 3, "get")?;
    Ok(vm.dict_get(a[0], a[1])?.unwrap_or(a.get(2).copied().unwrap_or(vm.none)))
}

fn d_pop(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 3, "pop")?;
    match vm.dict_del(a[0], a[1])? {
        Some(v) => Ok(v),
        None => match a.get(2) {
            Some(&d) => Ok(d),
            None => Err(vm.key_error(a[1])),
        },
    }
}

fn d_popitem(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let d = a[0].get::<DictObj>().ok_or_else(|| vm.type_error("expected dict"))?;
    let last = d.table.borrow().entries.iter().rposition(|e| !e.key.is_null());
    match last {
        Some(i) => {
            let e = d.table.borrow_mut().remove_at(i);
            Ok(vm.new_tuple(vec![e.key, e.value]))
        }
        None => {
            let t = vm.types.key_error;
            Err(vm.err(t, "popitem(): dictionary is empty"))
        }
    }
}

fn d_setdefault(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 3, "setdefault")?;
    if let Some(v) = vm.dict_get(a[0], a[1])? {
        return Ok(v);
    }
    let d = a.get(2).copied().unwrap_or(vm.none);
    vm.dict_set(a[0], a[1], d)?;
    Ok(d)
}

fn d_clear(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    if let Some(d) = a[0].get::<DictObj>() {
        d.table.borrow_mut().clear();
    }
    Ok(vm.none)
}

fn d_copy(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let n = vm.new_dict();
    if let (Some(src), Some(dst)) = (a[0].get::<DictObj>(), n.get::<DictObj>()) {
        let t = src.table.borrow().clone();
        *dst.table.borrow_mut() = t;
    }
    Ok(n)
}

fn d_fromkeys(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 3, "fromkeys")?;
    let cls = a[0];
    let d = vm.call(cls, &[])?;
    let v = a.get(2).copied().unwrap_or(vm.none);
    let (_h, keys) = vm.to_vec(a[1])?;
    for k in keys {
        vm.setitem(d, k, v)?;
    }
    Ok(d)
}

fn d_len(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let n = a[0].get::<DictObj>().map(|d| d.len()).unwrap_or(0);
    Ok(vm.new_int(n as i64))
}

fn d_getitem(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 2, "__getitem__")?;
    match vm.dict_get(a[0], a[1])? {
        Some(v) => Ok(v),
        None => {
            // subclasses may define __missing__
            let ty = vm.type_of(a[0]);
            if ty != vm.types.dict {
                let n = vm.intern("__missing__");
                if let Some(f) = vm.lookup(ty, n) {
                    return vm.call(f, &[a[0], a[1]]);
                }
            }
            Err(vm.key_error(a[1]))
        }
    }
}
fn d_setitem(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    vm.dict_set(a[0], a[1], a[2])?;
    Ok(vm.none)
}
fn d_delitem(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    if vm.dict_del(a[0], a[1])?.is_none() {
        return Err(vm.key_error(a[1]));
    }
    Ok(vm.none)
}
fn d_contains(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let r = vm.dict_get(a[0], a[1])?.is_some();
    Ok(vm.bool_val(r))
}
fn d_iter(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let len = a[0].get::<DictObj>().map(|d| d.len()).unwrap_or(0);
    let t = vm.types.dict_keyiterator;
    Ok(vm.new_iter(t, IterState::Dict { dict: a[0], pos: 0, which: 0, len }))
}
fn d_eq(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    if a[1].kind() != Some(ObjKind::Dict) {
        return Ok(vm.not_implemented);
    }
    Ok(super::compare::native_compare(vm, a[0], a[1], CmpOp::Eq)?.unwrap_or(vm.not_implemented))
}
fn d_ne(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    if a[1].kind() != Some(ObjKind::Dict) {
        return Ok(vm.not_implemented);
    }
    Ok(super::compare::native_compare(vm, a[0], a[1], CmpOp::Ne)?.unwrap_or(vm.not_implemented))
}
fn d_or(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    if a[1].kind() != Some(ObjKind::Dict) {
        return Ok(vm.not_implemented);
    }
    Ok(super::seqops::seq_binop(vm, a[0], a[1], BinOp::Or, false)?.unwrap_or(vm.not_implemented))
}
fn d_ior(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    update_from_args(vm, a[0], &a[1..2], Value::NULL, "update")?;
    Ok(a[0])
}
fn d_repr(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    match super::repr::native_repr(vm, a[0])? {
        Some(s) => Ok(vm.new_string(s)),
        None => Ok(vm.empty_str),
    }
}
fn d_reversed(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let keys = vm.dict_keys(a[0]);
    let l = vm.new_list(keys);
    let n = l.get::<ListObj>().map(|l| l.len()).unwrap_or(0);
    let t = vm.types.reversed;
    Ok(vm.new_iter(t, IterState::Reversed { seq: l, index: n as isize - 1 }))
}

fn view_len(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let d = a[0].get::<DictViewObj>().map(|v| v.dict).unwrap_or(Value::NULL);
    let n = d.get::<DictObj>().map(|d| d.len()).unwrap_or(0);
    Ok(vm.new_int(n as i64))
}
fn view_iter(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    vm.iter(a[0])
}
fn view_contains(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let r = super::seqops::native_contains(vm, a[0], a[1])?.unwrap_or(false);
    Ok(vm.bool_val(r))
}
/// Is every item of `x` in `y` (set-like containment, as views compare)?
fn all_contained_in(vm: &mut Vm, x: Value, y: Value) -> PyResult<bool> {
    let it = vm.iter(x)?;
    while let Some(v) = vm.next(it)? {
        if !vm.contains(y, v)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Comparisons of keys and items views with sets and other set-like views.
fn view_cmp(vm: &mut Vm, a: &[Value], op: CmpOp) -> PyResult<Value> {
    marity(vm, a, 2, 2, op.dunders().0)?;
    let (x, y) = (a[0], a[1]);
    let which = x.get::<DictViewObj>().map(|v| v.which).unwrap_or(1);
    let set_like = match y.get::<DictViewObj>() {
        Some(v) => v.which != 1,
        None => y.kind() == Some(ObjKind::Set),
    };
    if which == 1 || !set_like {
        return Ok(vm.not_implemented);
    }
    let (lx, ly) = (vm.len(x)?, vm.len(y)?);
    let r = match op {
        CmpOp::Eq => lx == ly && all_contained_in(vm, x, y)?,
        CmpOp::Ne => !(lx == ly && all_contained_in(vm, x, y)?),
        CmpOp::Lt => lx < ly && all_contained_in(vm, x, y)?,
        CmpOp::Le => lx <= ly && all_contained_in(vm, x, y)?,
        CmpOp::Gt => lx > ly && all_contained_in(vm, y, x)?,
        CmpOp::Ge => lx >= ly && all_contained_in(vm, y, x)?,
    };
    Ok(vm.bool_val(r))
}
fn view_eq(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    view_cmp(vm, a, CmpOp::Eq)
}
fn view_ne(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    view_cmp(vm, a, CmpOp::Ne)
}
fn view_lt(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    view_cmp(vm, a, CmpOp::Lt)
}
fn view_le(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    view_cmp(vm, a, CmpOp::Le)
}
fn view_gt(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    view_cmp(vm, a, CmpOp::Gt)
}
fn view_ge(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    view_cmp(vm, a, CmpOp::Ge)
}
fn view_reversed(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let (_h, items) = vm.to_vec(a[0])?;
    let l = vm.new_list(items);
    let n = l.get::<ListObj>().map(|l| l.len()).unwrap_or(0);
    let t = vm.types.reversed;
    Ok(vm.new_iter(t, IterState::Reversed { seq: l, index: n as isize - 1 }))
}
fn view_mapping(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let _ = vm;
    Ok(a[0].get::<DictViewObj>().map(|v| v.dict).unwrap_or(Value::NULL))
}
fn view_isdisjoint(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let (_h, items) = vm.to_vec(a[1])?;
    for it in items {
        if super::seqops::native_contains(vm, a[0], it)?.unwrap_or(false) {
            return Ok(vm.false_);
        }
    }
    Ok(vm.true_)
}

// ---- sets ----

fn set_new(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    let cls = args[0];
    if cls == vm.types.frozenset || vm.is_subtype(cls, vm.types.frozenset) {
        super::no_kw(vm, kw, "frozenset")?;
        if args.len() > 2 {
            return Err(vm.type_error(&format!("frozenset expected at most 1 argument, got {}", args.len() - 1)));
        }
        if cls == vm.types.frozenset {
            if let Some(&src) = args.get(1) {
                if vm.type_of(src) == vm.types.frozenset {
                    return Ok(src);
                }
            }
        }
        let s = vm.alloc(cls, SetObj::new()).value();
        if let Some(&src) = args.get(1) {
            vm.set_update(s, src)?;
        }
        return Ok(s);
    }
    Ok(vm.alloc(cls, SetObj::new()).value())
}

fn set_init(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    super::no_kw(vm, kw, "set")?;
    if args.len() > 2 {
        return Err(vm.type_error(&format!("set expected at most 1 argument, got {}", args.len() - 1)));
    }
    let s = args[0];
    if vm.type_of(s) == vm.types.frozenset {
        return Ok(vm.none);
    }
    if let Some(so) = s.get::<SetObj>() {
        so.table.borrow_mut().clear();
    }
    if let Some(&src) = args.get(1) {
        vm.set_update(s, src)?;
    }
    Ok(vm.none)
}

fn s_add(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 2, "add")?;
    vm.set_add(a[0], a[1])?;
    Ok(vm.none)
}
fn s_remove(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 2, "remove")?;
    if !vm.set_discard(a[0], a[1])? {
        return Err(vm.key_error(a[1]));
    }
    Ok(vm.none)
}
fn s_discard(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 2, "discard")?;
    vm.set_discard(a[0], a[1])?;
    Ok(vm.none)
}
fn s_pop(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let s = a[0].get::<SetObj>().ok_or_else(|| vm.type_error("expected set"))?;
    let first = s.table.borrow().next_from(0);
    match first {
        Some((slot, e)) => {
            s.table.borrow_mut().remove_at(slot);
            Ok(e.key)
        }
        None => {
            let t = vm.types.key_error;
            Err(vm.err(t, "pop from an empty set"))
        }
    }
}
fn s_clear(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    if let Some(s) = a[0].get::<SetObj>() {
        s.table.borrow_mut().clear();
    }
    Ok(vm.none)
}
fn s_copy(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let frozen = vm.type_of(a[0]) == vm.types.frozenset;
    if frozen {
        return Ok(a[0]);
    }
    super::set::set_copy(vm, a[0], false)
}

fn multi(vm: &mut Vm, a: &[Value], op: BinOp) -> PyResult<Value> {
    let mut r = a[0];
    if a.len() == 1 {
        let frozen = vm.type_of(a[0]) == vm.types.frozenset;
        return super::set::set_copy(vm, a[0], frozen);
    }
    for &o in &a[1..] {
        r = match op {
            BinOp::Or => super::set::set_union(vm, r, o)?,
            BinOp::And => super::set::set_intersection(vm, r, o)?,
            BinOp::Sub => super::set::set_difference(vm, r, o)?,
            _ => super::set::set_symmetric_difference(vm, r, o)?,
        };
    }
    Ok(r)
}
fn s_union(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    multi(vm, a, BinOp::Or)
}
fn s_intersection(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    multi(vm, a, BinOp::And)
}
fn s_difference(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    multi(vm, a, BinOp::Sub)
}
fn s_symdiff(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 2, "symmetric_difference")?;
    multi(vm, a, BinOp::Xor)
}
fn replace_contents(vm: &mut Vm, dst: Value, src: Value) -> PyResult<Value> {
    if let (Some(d), Some(s)) = (dst.get::<SetObj>(), src.get::<SetObj>()) {
        let t = s.table.borrow().clone();
        *d.table.borrow_mut() = t;
    }
    Ok(vm.none)
}
fn s_update(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    for &o in &a[1..] {
        vm.set_update(a[0], o)?;
    }
    Ok(vm.none)
}
fn s_intersection_update(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let r = multi(vm, a, BinOp::And)?;
    replace_contents(vm, a[0], r)
}
fn s_difference_update(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    for &o in &a[1..] {
        let (_h, items) = vm.to_vec(o)?;
        for it in items {
            vm.set_discard(a[0], it)?;
        }
    }
    Ok(vm.none)
}
fn s_symdiff_update(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let other = vm.new_set();
    vm.set_update(other, a[1])?;
    for k in vm.set_items(other) {
        if !vm.set_discard(a[0], k)? {
            vm.set_add(a[0], k)?;
        }
    }
    Ok(vm.none)
}
fn as_set(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if v.kind() == Some(ObjKind::Set) {
        return Ok(v);
    }
    let s = vm.new_set();
    vm.set_update(s, v)?;
    Ok(s)
}
fn s_issubset(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let o = as_set(vm, a[1])?;
    for k in vm.set_items(a[0]) {
        if !vm.set_contains(o, k)? {
            return Ok(vm.false_);
        }
    }
    Ok(vm.true_)
}
fn s_issuperset(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let o = as_set(vm, a[1])?;
    for k in vm.set_items(o) {
        if !vm.set_contains(a[0], k)? {
            return Ok(vm.false_);
        }
    }
    Ok(vm.true_)
}
fn s_isdisjoint(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let (_h, items) = vm.to_vec(a[1])?;
    for k in items {
        if vm.set_contains(a[0], k)? {
            return Ok(vm.false_);
        }
    }
    Ok(vm.true_)
}
fn s_len(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let n = a[0].get::<SetObj>().map(|s| s.len()).unwrap_or(0);
    Ok(vm.new_int(n as i64))
}
fn s_contains(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let r = vm.set_contains(a[0], a[1])?;
    Ok(vm.bool_val(r))
}
fn s_iter(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let len = a[0].get::<SetObj>().map(|s| s.len()).unwrap_or(0);
    let t = vm.types.set_iterator;
    Ok(vm.new_iter(t, IterState::Set { set: a[0], pos: 0, len }))
}
fn s_binop(vm: &mut Vm, a: &[Value], op: BinOp, inplace: bool) -> PyResult<Value> {
    if a[1].kind() != Some(ObjKind::Set) {
        return Ok(vm.not_implemented);
    }
    super::set::set_binop(vm, a[0], a[1], op, inplace)
}
fn s_or(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    s_binop(vm, a, BinOp::Or, false)
}
fn s_and(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    s_binop(vm, a, BinOp::And, false)
}
fn s_sub(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    s_binop(vm, a, BinOp::Sub, false)
}
fn s_xor(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    s_binop(vm, a, BinOp::Xor, false)
}
fn s_ior(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    s_binop(vm, a, BinOp::Or, true)
}
fn s_iand(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    s_binop(vm, a, BinOp::And, true)
}
fn s_isub(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    s_binop(vm, a, BinOp::Sub, true)
}
fn s_ixor(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    s_binop(vm, a, BinOp::Xor, true)
}
macro_rules! set_cmp {
    ($name:ident, $op:expr) => {
        fn $name(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
            if a[1].kind() != Some(ObjKind::Set) {
                return Ok(vm.not_implemented);
            }
            Ok(super::compare::native_compare(vm, a[0], a[1], $op)?.unwrap_or(vm.not_implemented))
        }
    };
}
set_cmp!(s_eq, CmpOp::Eq);
set_cmp!(s_ne, CmpOp::Ne);
set_cmp!(s_lt, CmpOp::Lt);
set_cmp!(s_le, CmpOp::Le);
set_cmp!(s_gt, CmpOp::Gt);
set_cmp!(s_ge, CmpOp::Ge);
fn s_hash(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let h = vm.hash(a[0])?;
    Ok(vm.new_int(h))
}

// ---- bytes ----

fn bytes_new(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    let (pos, kws) = split_kw(vm, args, kw);
    let cls = pos[0];
    let mut src = pos.get(1).copied();
    let mut enc = pos.get(2).copied();
    for (k, v) in kws {
        match k.as_str() {
            "source" => src = Some(v),
            "encoding" => enc = Some(v),
            "errors" => {}
            _ => return Err(vm.type_error(&format!("'{k}' is an invalid keyword argument for bytes()"))),
        }
    }
    let what = if cls == vm.types.bytearray || vm.is_subtype(cls, vm.types.bytearray) { "bytearray" } else { "bytes" };
    let data = match src {
        Some(s) => {
            if enc.is_none() && s.kind() != Some(ObjKind::Bytes) && !vm.is_int(s) && s.kind() != Some(ObjKind::Str) {
                let ty = vm.type_of(s);
                let n = vm.intern("__bytes__");
                if let Some(f) = vm.lookup(ty, n) {
                    let r = vm.call(f, &[s])?;
                    super::bytes::bytes_from(vm, r)?
                } else {
                    super::bytes::bytes_ctor_data_for(vm, s, enc, what)?
                }
            } else {
                super::bytes::bytes_ctor_data_for(vm, s, enc, what)?
            }
        }
        None => vec![],
    };
    if cls == vm.types.bytearray || vm.is_subtype(cls, vm.types.bytearray) {
        return Ok(vm.alloc(cls, ByteArrayObj { data: std::cell::RefCell::new(data) }).value());
    }
    if cls == vm.types.bytes {
        return Ok(vm.new_bytes(data));
    }
    Ok(vm.alloc(cls, BytesObj { data: data.into_boxed_slice(), hash: std::cell::Cell::new(-1) }).value())
}

fn bytearray_init(vm: &mut Vm, _args: &[Value], _kw: Value) -> PyResult<Value> {
    Ok(vm.none)
}

fn b_data(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    super::bytes::bytes_from(vm, v)
}

fn b_make(vm: &mut Vm, like: Value, data: Vec<u8>) -> Value {
    if like.kind() == Some(ObjKind::ByteArray) {
        vm.new_bytearray(data)
    } else {
        vm.new_bytes(data)
    }
}

fn b_decode(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let (pos, kws) = split_kw(vm, a, k);
    let d = b_data(vm, pos[0])?;
    let mut enc = pos.get(1).map(|v| vm.str_of(*v)).unwrap_or_else(|| "utf-8".into());
    let mut err = pos.get(2).map(|v| vm.str_of(*v)).unwrap_or_else(|| "strict".into());
    for (n, v) in kws {
        match n.as_str() {
            "encoding" => enc = vm.str_of(v),
            "errors" => err = vm.str_of(v),
            _ => {}
        }
    }
    let s = super::bytes::decode(vm, &d, &enc, &err)?;
    Ok(vm.new_string(s))
}

fn b_hex(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let d = b_data(vm, a[0])?;
    let sep = match a.get(1) {
        Some(&s) if s.kind() == Some(ObjKind::Str) => vm.str_of(s),
        Some(&s) if matches!(s.kind(), Some(ObjKind::Bytes)) => b_data(vm, s)?.iter().map(|&c| c as char).collect(),
        _ => String::new(),
    };
    let per = a.get(2).and_then(|v| vm.as_i64(*v)).unwrap_or(1);
    if sep.is_empty() || per == 0 {
        let s: String = d.iter().map(|b| format!("{b:02x}")).collect();
        return Ok(vm.new_string(s));
    }
    let group = per.unsigned_abs() as usize;
    // groups count from the right for a positive bytes_per_sep, from the left for negative
    let mut chunks: Vec<String> = Vec::new();
    if per > 0 {
        let mut end = d.len();
        while end > 0 {
            let start = end.saturating_sub(group);
            chunks.push(d[start..end].iter().map(|b| format!("{b:02x}")).collect());
            end = start;
        }
        chunks.reverse();
    } else {
        for c in d.chunks(group) {
            chunks.push(c.iter().map(|b| format!("{b:02x}")).collect());
        }
    }
    Ok(vm.new_string(chunks.join(&sep)))
}

fn b_fromhex(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let arg_v = arg(vm, a, 1, "fromhex")?;
    let s = vm.str_of(arg_v);
    let clean: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
    if clean.len() % 2 != 0 {
        return Err(vm.value_error("non-hexadecimal number found in fromhex() arg at position ".to_string().as_str()));
    }
    let mut out = Vec::new();
    for pair in clean.chunks(2) {
        let h: String = pair.iter().collect();
        match u8::from_str_radix(&h, 16) {
            Ok(b) => out.push(b),
            Err(_) => return Err(vm.value_error("non-hexadecimal number found in fromhex() arg")),
        }
    }
    let cls = a[0];
    if cls == vm.types.bytearray {
        return Ok(vm.new_bytearray(out));
    }
    Ok(vm.new_bytes(out))
}

fn b_join(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let sep = b_data(vm, a[0])?;
    let (_h, items) = vm.to_vec(a[1])?;
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend(b_data(vm, *it).map_err(|_| {
            let tn = vm.type_name_of(*it);
            vm.type_error(&format!("sequence item {i}: expected a bytes-like object, {tn} found"))
        })?);
    }
    Ok(b_make(vm, a[0], out))
}

fn b_str_method(vm: &mut Vm, a: &[Value], k: Value, f: crate::interp::NativeFn, to_bytes: bool) -> PyResult<Value> {
    // run the str method on a latin-1 view of the bytes
    let d = b_data(vm, a[0])?;
    let s: String = d.iter().map(|&c| c as char).collect();
    let sv = vm.new_string(s);
    let mut args = vec![sv];
    for &x in &a[1..] {
        if matches!(x.kind(), Some(ObjKind::Bytes) | Some(ObjKind::ByteArray)) {
            let xs: String = b_data(vm, x)?.iter().map(|&c| c as char).collect();
            args.push(vm.new_string(xs));
        } else if let Some(t) = x.get::<TupleObj>() {
            let mut items = Vec::new();
            for &y in t.items.to_vec().iter() {
                let ys: String = b_data(vm, y)?.iter().map(|&c| c as char).collect();
                items.push(vm.new_string(ys));
            }
            args.push(vm.new_tuple(items));
        } else {
            args.push(x);
        }
    }
    let r = f(vm, &args, k)?;
    if !to_bytes {
        return Ok(r);
    }
    let conv = |vm: &mut Vm, v: Value| -> Value {
        match v.get::<StrObj>() {
            Some(s) => {
                let data: Vec<u8> = s.s.chars().map(|c| c as u32 as u8).collect();
                b_make(vm, a[0], data)
            }
            None => v,
        }
    };
    if let Some(l) = r.get::<ListObj>() {
        let items: Vec<Value> = l.snapshot().into_iter().map(|x| conv(vm, x)).collect();
        return Ok(vm.new_list(items));
    }
    if let Some(t) = r.get::<TupleObj>() {
        let items: Vec<Value> = t.items.to_vec().into_iter().map(|x| conv(vm, x)).collect();
        return Ok(vm.new_tuple(items));
    }
    Ok(conv(vm, r))
}

macro_rules! bytes_via_str {
    ($name:ident, $strname:expr, $to_bytes:expr) => {
        fn $name(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
            let d = vm.types.str;
            let dict = d.get::<TypeObj>().map(|t| t.dict).unwrap_or(Value::NULL);
            let m = vm.dict_get_by_str(dict, $strname).ok_or_else(|| vm.type_error("missing str method"))?;
            let f = m.get::<BuiltinObj>().map(|b| b.func).ok_or_else(|| vm.type_error("bad str method"))?;
            b_str_method(vm, a, k, f, $to_bytes)
        }
    };
}
bytes_via_str!(b_upper, "upper", true);
bytes_via_str!(b_lower, "lower", true);
bytes_via_str!(b_strip, "strip", true);
bytes_via_str!(b_lstrip, "lstrip", true);
bytes_via_str!(b_rstrip, "rstrip", true);
bytes_via_str!(b_split, "split", true);
bytes_via_str!(b_rsplit, "rsplit", true);
bytes_via_str!(b_replace, "replace", true);
bytes_via_str!(b_startswith, "startswith", false);
bytes_via_str!(b_endswith, "endswith", false);
bytes_via_str!(b_find, "find", false);
bytes_via_str!(b_rfind, "rfind", false);
bytes_via_str!(b_index, "index", false);
bytes_via_str!(b_count, "count", false);
bytes_via_str!(b_isdigit, "isdigit", false);
bytes_via_str!(b_isalpha, "isalpha", false);
bytes_via_str!(b_isspace, "isspace", false);
bytes_via_str!(b_partition, "partition", true);
bytes_via_str!(b_center, "center", true);
bytes_via_str!(b_ljust, "ljust", true);
bytes_via_str!(b_rjust, "rjust", true);
bytes_via_str!(b_title, "title", true);
bytes_via_str!(b_capitalize, "capitalize", true);
bytes_via_str!(b_splitlines, "splitlines", true);
bytes_via_str!(b_zfill, "zfill", true);
bytes_via_str!(b_expandtabs, "expandtabs", true);
bytes_via_str!(b_rpartition, "rpartition", true);
bytes_via_str!(b_isalnum, "isalnum", false);
bytes_via_str!(b_islower, "islower", false);
bytes_via_str!(b_isupper, "isupper", false);
bytes_via_str!(b_istitle, "istitle", false);
bytes_via_str!(b_isascii, "isascii", false);
bytes_via_str!(b_swapcase, "swapcase", true);
bytes_via_str!(b_rindex, "rindex", false);
bytes_via_str!(b_removeprefix, "removeprefix", true);
bytes_via_str!(b_removesuffix, "removesuffix", true);

fn b_len(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let n = b_data(vm, a[0])?.len();
    Ok(vm.new_int(n as i64))
}

fn ba_append(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let arg_v = arg(vm, a, 1, "append")?;
    let v = vm.index_of(arg_v)?;
    let b = vm.as_i64(v).filter(|b| (0..256).contains(b)).ok_or_else(|| vm.value_error("byte must be in range(0, 256)"))?;
    if let Some(ba) = a[0].get::<ByteArrayObj>() {
        ba.data.borrow_mut().push(b as u8);
    }
    Ok(vm.none)
}
fn ba_extend(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let arg_v = arg(vm, a, 1, "extend")?;
    let d = super::bytes::bytes_ctor_data(vm, arg_v, None)?;
    if let Some(ba) = a[0].get::<ByteArrayObj>() {
        ba.data.borrow_mut().extend(d);
    }
    Ok(vm.none)
}
fn ba_pop(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let ba = a[0].get::<ByteArrayObj>().ok_or_else(|| vm.type_error("expected bytearray"))?;
    let n = ba.data.borrow().len();
    if n == 0 {
        return Err(vm.index_error("pop from empty bytearray"));
    }
    let i = a.get(1).and_then(|v| vm.as_i64(*v)).unwrap_or(-1);
    let j = if i < 0 { i + n as i64 } else { i };
    if j < 0 || j >= n as i64 {
        return Err(vm.index_error("pop index out of range"));
    }
    let b = ba.data.borrow_mut().remove(j as usize);
    Ok(vm.new_int(b as i64))
}
fn ba_insert(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 3, 3, "insert")?;
    let ba = a[0].get::<ByteArrayObj>().ok_or_else(|| vm.type_error("expected bytearray"))?;
    let n = ba.data.borrow().len() as i64;
    let i = vm.as_i64(a[1]).unwrap_or(0);
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    let b = vm.as_i64(a[2]).filter(|b| (0..256).contains(b)).ok_or_else(|| vm.value_error("byte must be in range(0, 256)"))?;
    ba.data.borrow_mut().insert(j as usize, b as u8);
    Ok(vm.none)
}
fn ba_reverse(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    if let Some(ba) = a[0].get::<ByteArrayObj>() {
        ba.data.borrow_mut().reverse();
    }
    Ok(vm.none)
}
fn ba_clear(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    if let Some(ba) = a[0].get::<ByteArrayObj>() {
        ba.data.borrow_mut().clear();
    }
    Ok(vm.none)
}
fn ba_copy(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let d = b_data(vm, a[0])?;
    Ok(vm.new_bytearray(d))
}
fn ba_remove(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let ba = a[0].get::<ByteArrayObj>().ok_or_else(|| vm.type_error("expected bytearray"))?;
    let arg_v = arg(vm, a, 1, "remove")?;
    let b = vm.as_i64(arg_v).unwrap_or(-1);
    let pos = ba.data.borrow().iter().position(|&x| x as i64 == b);
    match pos {
        Some(p) => {
            ba.data.borrow_mut().remove(p);
            Ok(vm.none)
        }
        None => Err(vm.value_error("value not found in bytearray")),
    }
}

pub fn register(vm: &mut Vm) {
    let d = vm.types.dict;
    static_method(vm, d, "__new__", dict_new);
    let ms: &[(&'static str, crate::interp::NativeFn)] = &[
        ("__init__", dict_init),
        ("keys", d_keys),
        ("values", d_values),
        ("items", d_items),
        ("get", d_get),
        ("pop", d_pop),
        ("popitem", d_popitem),
        ("setdefault", d_setdefault),
        ("update", d_update),
        ("clear", d_clear),
        ("copy", d_copy),
        ("__len__", d_len),
        ("__getitem__", d_getitem),
        ("__setitem__", d_setitem),
        ("__delitem__", d_delitem),
        ("__contains__", d_contains),
        ("__iter__", d_iter),
        ("__eq__", d_eq),
        ("__ne__", d_ne),
        ("__or__", d_or),
        ("__ior__", d_ior),
        ("__repr__", d_repr),
        ("__reversed__", d_reversed),
    ];
    for &(n, f) in ms {
        method(vm, d, n, f);
    }
    super::class_method(vm, d, "fromkeys", d_fromkeys);
    let none = vm.none;
    if let Some(dd) = d.get::<TypeObj>().map(|t| t.dict) {
        vm.dict_set_str(dd, "__hash__", none);
    }
    for v in [vm.types.dict_keys, vm.types.dict_values, vm.types.dict_items] {
        method(vm, v, "__len__", view_len);
        method(vm, v, "__iter__", view_iter);
        method(vm, v, "__contains__", view_contains);
        if v != vm.types.dict_values {
            let cmps: &[(&'static str, crate::interp::NativeFn)] =
                &[("__eq__", view_eq), ("__ne__", view_ne), ("__lt__", view_lt), ("__le__", view_le), ("__gt__", view_gt), ("__ge__", view_ge)];
            for &(n, f) in cmps {
                method(vm, v, n, f);
            }
            let none = vm.none;
            if let Some(d) = v.get::<TypeObj>().map(|t| t.dict) {
                vm.dict_set_str(d, "__hash__", none);
            }
        }
        method(vm, v, "__reversed__", view_reversed);
        method(vm, v, "isdisjoint", view_isdisjoint);
        super::getset(vm, v, "mapping", view_mapping, None);
    }
    for (t, frozen) in [(vm.types.set, false), (vm.types.frozenset, true)] {
        static_method(vm, t, "__new__", set_new);
        let ms: &[(&'static str, crate::interp::NativeFn)] = &[
            ("__init__", set_init),
            ("copy", s_copy),
            ("union", s_union),
            ("intersection", s_intersection),
            ("difference", s_difference),
            ("symmetric_difference", s_symdiff),
            ("issubset", s_issubset),
            ("issuperset", s_issuperset),
            ("isdisjoint", s_isdisjoint),
            ("__len__", s_len),
            ("__contains__", s_contains),
            ("__iter__", s_iter),
            ("__or__", s_or),
            ("__and__", s_and),
            ("__sub__", s_sub),
            ("__xor__", s_xor),
            ("__ror__", s_or),
            ("__rand__", s_and),
            ("__rxor__", s_xor),
            ("__eq__", s_eq),
            ("__ne__", s_ne),
            ("__lt__", s_lt),
            ("__le__", s_le),
            ("__gt__", s_gt),
            ("__ge__", s_ge),
            ("__repr__", d_repr),
        ];
        for &(n, f) in ms {
            method(vm, t, n, f);
        }
        if frozen {
            method(vm, t, "__hash__", s_hash);
        } else {
            let ms: &[(&'static str, crate::interp::NativeFn)] = &[
                ("add", s_add),
                ("remove", s_remove),
                ("discard", s_discard),
                ("pop", s_pop),
                ("clear", s_clear),
                ("update", s_update),
                ("intersection_update", s_intersection_update),
                ("difference_update", s_difference_update),
                ("symmetric_difference_update", s_symdiff_update),
                ("__ior__", s_ior),
                ("__iand__", s_iand),
                ("__isub__", s_isub),
                ("__ixor__", s_ixor),
            ];
            for &(n, f) in ms {
                method(vm, t, n, f);
            }
            if let Some(dd) = t.get::<TypeObj>().map(|t| t.dict) {
                vm.dict_set_str(dd, "__hash__", none);
            }
        }
    }
    for t in [vm.types.bytes, vm.types.bytearray] {
        static_method(vm, t, "__new__", bytes_new);
        let ms: &[(&'static str, crate::interp::NativeFn)] = &[
            ("decode", b_decode),
            ("hex", b_hex),
            ("join", b_join),
            ("upper", b_upper),
            ("lower", b_lower),
            ("strip", b_strip),
            ("lstrip", b_lstrip),
            ("rstrip", b_rstrip),
            ("split", b_split),
            ("rsplit", b_rsplit),
            ("replace", b_replace),
            ("startswith", b_startswith),
            ("endswith", b_endswith),
            ("find", b_find),
            ("rfind", b_rfind),
            ("index", b_index),
            ("count", b_count),
            ("isdigit", b_isdigit),
            ("isalpha", b_isalpha),
            ("isspace", b_isspace),
            ("partition", b_partition),
            ("center", b_center),
            ("ljust", b_ljust),
            ("rjust", b_rjust),
            ("title", b_title),
            ("capitalize", b_capitalize),
            ("splitlines", b_splitlines),
            ("zfill", b_zfill),
            ("expandtabs", b_expandtabs),
            ("rpartition", b_rpartition),
            ("isalnum", b_isalnum),
            ("islower", b_islower),
            ("isupper", b_isupper),
            ("istitle", b_istitle),
            ("isascii", b_isascii),
            ("swapcase", b_swapcase),
            ("rindex", b_rindex),
            ("removeprefix", b_removeprefix),
            ("removesuffix", b_removesuffix),
            ("__len__", b_len),
        ];
        for &(n, f) in ms {
            method(vm, t, n, f);
        }
        super::class_method(vm, t, "fromhex", b_fromhex);
    }
    let ba = vm.types.bytearray;
    method(vm, ba, "__init__", bytearray_init);
    let ms: &[(&'static str, crate::interp::NativeFn)] = &[
        ("append", ba_append),
        ("extend", ba_extend),
        ("pop", ba_pop),
        ("insert", ba_insert),
        ("reverse", ba_reverse),
        ("clear", ba_clear),
        ("copy", ba_copy),
        ("remove", ba_remove),
    ];
    for &(n, f) in ms {
        method(vm, ba, n, f);
    }
    if let Some(dd) = ba.get::<TypeObj>().map(|t| t.dict) {
        vm.dict_set_str(dd, "__hash__", none);
    }
}
