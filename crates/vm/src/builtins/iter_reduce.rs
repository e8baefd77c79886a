//! Pickling of the builtin iterators: `__reduce__` and `__setstate__` as CPython's (list,
//! tuple, str, bytes, range, dict, set, reversed, enumerate, zip, map, filter, iter(f, s)).

use super::{marity, method};
use crate::heap::{ObjKind, Value};
use crate::interp::{PyResult, Vm};
use crate::objects::*;

fn builtin(vm: &mut Vm, name: &str) -> Value {
    let d = vm.builtins_dict;
    vm.dict_get_by_str(d, name).unwrap_or(vm.none)
}

/// The remaining items of a dict or set iterator, taken from a copy of its state.
fn remaining(vm: &mut Vm, st: &IterState) -> PyResult<Value> {
    let ty = vm.types.list_iterator;
    let copy = vm.new_iter(ty, st.clone());
    let mut items = Vec::new();
    while let Some(v) = vm.next(copy)? {
        items.push(v);
    }
    Ok(vm.new_list(items))
}

fn iter_reduce(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 1, 1, "__reduce__")?;
    let it = a[0];
    let Some(io) = it.get::<IterObj>() else { return Err(vm.type_error("__reduce__ needs an iterator")) };
    let st = io.state.borrow().clone();
    let ty = vm.type_of(it);
    let iter_f = builtin(vm, "iter");
    let r = match st {
        IterState::Seq { seq, index } => {
            // a str iterator counts code points (pyjit's counts bytes of a non-ASCII str)
            let index = match seq.get::<StrObj>() {
                Some(s) if !s.is_ascii() => s.s[..index.min(s.s.len())].chars().count(),
                _ => index,
            };
            let args = vm.new_tuple(vec![seq]);
            let i = vm.new_int(index as i64);
            vec![iter_f, args, i]
        }
        IterState::GetItem { obj, index } => {
            let args = vm.new_tuple(vec![obj]);
            let i = vm.new_int(index as i64);
            vec![iter_f, args, i]
        }
        IterState::Range { cur, stop, step } => {
            let rt = vm.types.range;
            let (c, s, st) = (vm.new_int(cur), vm.new_int(stop), vm.new_int(step));
            let r = vm.call(rt, &[c, s, st])?;
            let args = vm.new_tuple(vec![r]);
            let zero = vm.new_int(0);
            vec![iter_f, args, zero]
        }
        IterState::BigRange { cur, stop, step } => {
            let rt = vm.types.range;
            let r = vm.call(rt, &[cur, stop, step])?;
            let args = vm.new_tuple(vec![r]);
            let zero = vm.new_int(0);
            vec![iter_f, args, zero]
        }
        IterState::Dict { .. } | IterState::Set { .. } => {
            let l = remaining(vm, &st)?;
            let args = vm.new_tuple(vec![l]);
            vec![iter_f, args]
        }
        IterState::Callable { func, sentinel } => {
            let args = vm.new_tuple(vec![func, sentinel]);
            vec![iter_f, args]
        }
        IterState::Enumerate { it, count } => {
            let args = vm.new_tuple(vec![it, count]);
            vec![ty, args]
        }
        IterState::Zip { iters, strict } => {
            let args = vm.new_tuple(iters);
            if strict {
                let t = vm.true_;
                vec![ty, args, t]
            } else {
                vec![ty, args]
            }
        }
        IterState::Map { func, iters } => {
            let mut all = vec![func];
            all.extend(iters);
            let args = vm.new_tuple(all);
            vec![ty, args]
        }
        IterState::Filter { func, it } => {
            let f = if func.is_null() { vm.none } else { func };
            let args = vm.new_tuple(vec![f, it]);
            vec![ty, args]
        }
        IterState::Reversed { seq, index } => {
            let rt = vm.types.reversed;
            let args = vm.new_tuple(vec![seq]);
            let i = vm.new_int(index as i64);
            vec![rt, args, i]
        }
        IterState::AsyncGen { .. } => {
            let tn = vm.type_name(ty);
            return Err(vm.type_error(&format!("cannot pickle '{tn}' object")));
        }
        IterState::Done => {
            // an exhausted iterator: an empty one of the same kind where CPython keeps one
            let empty = if ty == vm.types.list_iterator || ty == vm.types.list_reverseiterator {
                vm.new_list(vec![])
            } else if ty == vm.types.str_iterator {
                vm.empty_str
            } else {
                vm.empty_tuple
            };
            let f = if ty == vm.types.reversed { ty } else { iter_f };
            let args = vm.new_tuple(vec![empty]);
            vec![f, args]
        }
    };
    Ok(vm.new_tuple(r))
}

fn iter_setstate(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 2, "__setstate__")?;
    let Some(io) = a[0].get::<IterObj>() else { return Err(vm.type_error("__setstate__ needs an iterator")) };
    let state = a[1];
    let mut st = io.state.borrow().clone();
    match &mut st {
        IterState::Zip { strict, .. } => *strict = vm.truthy(state)?,
        IterState::Seq { seq, index } => {
            let n = vm.ssize_arg(state)?.max(0) as usize;
            *index = match seq.kind() {
                Some(ObjKind::Str) => {
                    let s = seq.get::<StrObj>().expect("str");
                    if s.is_ascii() {
                        n.min(s.s.len())
                    } else {
                        s.s.char_indices().nth(n).map_or(s.s.len(), |(b, _)| b)
                    }
                }
                _ => n.min(vm.len(*seq)?),
            };
        }
        IterState::GetItem { index, .. } => *index = vm.ssize_arg(state)?.max(0) as usize,
        IterState::Range { cur, stop, step } => {
            let n = vm.ssize_arg(state)?.max(0);
            let next = cur.saturating_add(n.saturating_mul(*step));
            *cur = if *step > 0 { next.min(*stop) } else { next.max(*stop) };
        }
        IterState::Reversed { seq, index } => {
            let n = vm.ssize_arg(state)?;
            let len = vm.len(*seq)? as i64;
            *index = n.clamp(-1, len - 1) as isize;
        }
        IterState::Done => {}
        _ => {
            let tn = vm.type_name_of(a[0]);
            return Err(vm.attribute_error(&format!("'{tn}' object has no attribute '__setstate__'")));
        }
    }
    *io.state.borrow_mut() = st;
    Ok(vm.none)
}

pub fn register(vm: &mut Vm) {
    let t = &vm.types;
    let with_state = [
        t.list_iterator,
        t.list_reverseiterator,
        t.tuple_iterator,
        t.range_iterator,
        t.str_iterator,
        t.bytes_iterator,
        t.seq_iterator,
        t.reversed,
        t.zip,
    ];
    let plain = [t.dict_keyiterator, t.dict_valueiterator, t.dict_itemiterator, t.set_iterator, t.callable_iterator, t.enumerate, t.map, t.filter];
    for ty in with_state {
        method(vm, ty, "__reduce__", iter_reduce);
        method(vm, ty, "__setstate__", iter_setstate);
    }
    for ty in plain {
        method(vm, ty, "__reduce__", iter_reduce);
    }
}
