//! `_collections._deque_iterator` and `_deque_reverse_iterator`: a position in a deque and
//! the deque's state when the iterator was made ("deque mutated during iteration" after a
//! change).

use crate::util::*;
use crate::{class_slot, native_state};

use super::deque::{dq, Deque};

struct DequeIter {
    deque: Value,
    index: usize,
    state: u64,
    /// Items left to produce.
    counter: usize,
    reverse: bool,
}
native_state!(DequeIter, |s, t| {
    t.visit(s.deque);
});

class_slot!(ITER);
class_slot!(REVITER);

fn make(vm: &mut Vm, ty: Value, deque: Value, reverse: bool, skip: usize) -> PyResult<Value> {
    let (len, state) = dq(vm, deque, |d| (d.items.len(), d.state))?;
    let skip = skip.min(len);
    let st = DequeIter { deque, index: skip, state, counter: len - skip, reverse };
    Ok(new_native_iter(vm, ty, st, iter_next))
}

fn iter_next(vm: &mut Vm, me: Value) -> PyResult<Option<Value>> {
    let (deque, index, state, counter, reverse) =
        with_state::<DequeIter, _>(vm, me, "_deque_iterator", |s| (s.deque, s.index, s.state, s.counter, s.reverse))?;
    if counter == 0 {
        return Ok(None);
    }
    let (now, item) = dq(vm, deque, |d| {
        let len = d.items.len();
        let at = if reverse { len.wrapping_sub(1 + index) } else { index };
        (d.state, d.items.get(at).copied())
    })?;
    if now != state {
        with_state::<DequeIter, _>(vm, me, "_deque_iterator", |s| s.counter = 0)?;
        return Err(vm.runtime_error("deque mutated during iteration"));
    }
    with_state::<DequeIter, _>(vm, me, "_deque_iterator", |s| {
        s.index += 1;
        s.counter -= 1;
    })?;
    Ok(item)
}

fn iter_length_hint(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let n = with_state::<DequeIter, _>(vm, a[0], "_deque_iterator", |s| s.counter)?;
    Ok(vm.new_int(n as i64))
}

fn iter_reduce(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let (deque, index, counter) = with_state::<DequeIter, _>(vm, a[0], "_deque_iterator", |s| (s.deque, s.index, s.counter))?;
    let ty = vm.type_of(a[0]);
    let len = dq(vm, deque, |d| d.items.len())?;
    let pos = vm.new_int(len.saturating_sub(counter).max(index.min(len)) as i64);
    let args = vm.new_tuple(vec![deque, pos]);
    Ok(vm.new_tuple(vec![ty, args]))
}

/// `_deque_iterator(deque, index=0)`.
fn iter_new_common(vm: &mut Vm, a: &[Value], kw: Value, name: &str, reverse: bool) -> PyResult<Value> {
    no_kw(vm, kw, name)?;
    check_count(vm, a.len() - 1, name, 1, 2)?;
    let deque = a[1];
    if !has_state::<Deque>(deque) {
        let tn = vm.type_name_of(deque);
        return Err(vm.type_error(&format!("{name}() argument 1 must be collections.deque, not {tn}")));
    }
    let skip = match a.get(2) {
        Some(&v) => ssize(vm, v)?.max(0) as usize,
        None => 0,
    };
    make(vm, a[0], deque, reverse, skip)
}

fn iter_new(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    iter_new_common(vm, a, kw, "_deque_iterator", false)
}

fn reviter_new(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    iter_new_common(vm, a, kw, "_deque_reverse_iterator", true)
}

fn deque_iter(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let t = ITER.with(|c| c.get());
    make(vm, t, a[0], false, 0)
}

fn deque_reversed(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let t = REVITER.with(|c| c.get());
    make(vm, t, a[0], true, 0)
}

pub fn register(vm: &mut Vm, deque: Value, m: Value) {
    let it = iter_class(vm, "_collections", "_deque_iterator", Some(iter_new), false);
    let rit = iter_class(vm, "_collections", "_deque_reverse_iterator", Some(reviter_new), false);
    for t in [it, rit] {
        add_methods(vm, t, &[("__length_hint__", iter_length_hint), ("__reduce__", iter_reduce)]);
    }
    ITER.with(|c| c.set(it));
    REVITER.with(|c| c.set(rit));
    add_methods(vm, deque, &[("__iter__", deque_iter), ("__reversed__", deque_reversed)]);
    set_attr(vm, m, "_deque_iterator", it);
    set_attr(vm, m, "_deque_reverse_iterator", rit);
}
