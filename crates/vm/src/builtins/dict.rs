//! dict, set, frozenset, bytes and bytearray: constructors and methods.

use pyjit_compiler::opcode::{BinOp, CmpOp};

use crate::heap::{ObjKind, Value};
use crate::interp::{PyResult, Vm};
use crate::objects::*;

use super::{marity, method, split_kw, static_method};

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

/// A view method takes no arguments (CPython's METH_NOARGS message).
fn view_noargs(vm: &mut Vm, a: &[Value], k: Value, name: &str) -> PyResult<()> {
    let n = a.len().saturating_sub(1);
    if n > 0 {
        let kwn = k.get::<TupleObj>().map(|t| t.items.len()).unwrap_or(0);
        return Err(if kwn > 0 && kwn == n {
            vm.type_error(&format!("dict.{name}() takes no keyword arguments"))
        } else {
            vm.type_error(&format!("dict.{name}() takes no arguments ({n} given)"))
        });
    }
    Ok(())
}
fn d_keys(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    view_noargs(vm, a, k, "keys")?;
    Ok(view(vm, a[0], 0))
}
fn d_values(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    view_noargs(vm, a, k, "values")?;
    Ok(view(vm, a[0], 1))
}
fn d_items(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    view_noargs(vm, a, k, "items")?;
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
            let e = {
                let mut t = d.table.borrow_mut();
                let e = t.remove_at(i);
                t.trim_deleted_tail();
                e
            };
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
    // one hash and one lookup (CPython calls the key's __hash__ and __eq__ once)
    let h = vm.hash(a[1])?;
    if let Some(v) = vm.dict_get_h(a[0], a[1], h)? {
        return Ok(v);
    }
    let d = a.get(2).copied().unwrap_or(vm.none);
    if let Some(dict) = a[0].get::<DictObj>() {
        dict.table.borrow_mut().insert_new(h, a[1], d);
    }
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
    if d.kind() == Some(ObjKind::Dict) && vm.type_of(d) == vm.types.dict && (a[1].kind() == Some(ObjKind::Set) || vm.type_of(a[1]) == vm.types.dict) {
        // the keys' stored hashes serve (CPython's fast path for a dict, set or frozenset)
        for (h, k) in vm.hashed_keys(a[1]).unwrap_or_default() {
            vm.dict_set_h(d, k, v, h)?;
        }
        return Ok(d);
    }
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
    marity(vm, a, 2, 2, "dict.__getitem__")?;
    match vm.dict_get(a[0], a[1])? {
        Some(v) => Ok(v),
        None => {
            // dict.__getitem__ of a subclass calls its __missing__
            let ty = vm.type_of(a[0]);
            if ty != vm.types.dict {
                let missing = vm.intern("__missing__");
                if let Some(f) = vm.lookup(ty, missing) {
                    return vm.call(f, &[a[0], a[1]]);
                }
            }
            Err(vm.key_error(a[1]))
        }
    }
}
fn d_setitem(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    super::slot_args(vm, a, 2)?;
    vm.dict_set(a[0], a[1], a[2])?;
    Ok(vm.none)
}
fn d_delitem(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    super::slot_args(vm, a, 1)?;
    if vm.dict_del(a[0], a[1])?.is_none() {
        return Err(vm.key_error(a[1]));
    }
    Ok(vm.none)
}
fn d_contains(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 2, "dict.__contains__")?;
    let r = vm.dict_get(a[0], a[1])?.is_some();
    Ok(vm.bool_val(r))
}
fn d_iter(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let len = a[0].get::<DictObj>().map(|d| d.len()).unwrap_or(0);
    let t = vm.types.dict_keyiterator;
    Ok(vm.new_iter(t, IterState::Dict { dict: a[0], pos: 0, which: 0, len, left: len }))
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
    let d = a[0].get::<DictViewObj>().map(|v| v.dict).unwrap_or(Value::NULL);
    // a read-only proxy of the dict, as CPython's view.mapping
    Ok(vm.new_mappingproxy(d))
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
        super::no_kw_unless_init(vm, kw, cls, "frozenset")?;
        let args = &args[..args.len() - kw.get::<TupleObj>().map_or(0, |t| t.items.len())];
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
    if vm.type_of(a[0]) == vm.types.frozenset {
        return Ok(a[0]);
    }
    let frozen = vm.isinstance(a[0], vm.types.frozenset);
    super::set::set_copy(vm, a[0], frozen)
}

fn multi(vm: &mut Vm, a: &[Value], op: BinOp) -> PyResult<Value> {
    let mut r = a[0];
    if a.len() == 1 {
        let frozen = vm.isinstance(a[0], vm.types.frozenset);
        return super::set::set_copy(vm, a[0], frozen);
    }
    // As CPython: union copies once and updates in place, difference computes the first
    // difference and discards the rest in place (the table layouts, and so the iteration
    // orders, follow from this); intersection chains new sets.
    if op == BinOp::Or || op == BinOp::Sub {
        let r = if op == BinOp::Or {
            let frozen = vm.isinstance(a[0], vm.types.frozenset);
            super::set::set_copy(vm, a[0], frozen)?
        } else {
            super::set::set_difference(vm, a[0], a[1])?
        };
        let rest = if op == BinOp::Or { &a[1..] } else { &a[2..] };
        for &o in rest {
            if op == BinOp::Or {
                vm.set_update(r, o)?;
            } else {
                let (_h, items) = vm.to_vec(o)?;
                for it in items {
                    vm.set_discard(r, it)?;
                }
            }
        }
        return Ok(r);
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
    for (h, k) in vm.hashed_keys(other).unwrap_or_default() {
        if !vm.set_discard_h(a[0], k, h)? {
            vm.set_add_h(a[0], k, h)?;
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
    if a.len() != 2 {
        let fs = vm.types.frozenset;
        let tn = if a.first().is_some_and(|&s| vm.isinstance(s, fs)) { "frozenset" } else { "set" };
        marity(vm, a, 2, 2, &format!("{tn}.__contains__"))?;
    }
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
/// frozenset.__hash__ (computed here: `hash()` of a subclass instance calls this method).
fn s_hash(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 1, 1, "__hash__")?;
    let h = vm.frozenset_hash(a[0]);
    Ok(vm.new_int(h))
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
            // frozenset has object's __init__ (its __new__ does the work)
            if !(frozen && n == "__init__") {
                method(vm, t, n, f);
            }
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
}
