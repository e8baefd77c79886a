//! iter() and next() for the builtin iterators.

use crate::heap::{ObjKind, Value};
use crate::interp::{PyResult, Vm};
use crate::objects::*;

/// iter(v) for builtin containers; None when `v` needs the generic protocol.
pub fn native_iter(vm: &mut Vm, v: Value) -> PyResult<Option<Value>> {
    let t = match v.kind() {
        Some(ObjKind::List) => vm.types.list_iterator,
        Some(ObjKind::Tuple) => vm.types.tuple_iterator,
        Some(ObjKind::Str) => vm.types.str_iterator,
        Some(ObjKind::Bytes) | Some(ObjKind::ByteArray) => vm.types.bytes_iterator,
        Some(ObjKind::Range) => {
            if let Some((start, stop, step, _)) = super::seqops::range_small(vm, v) {
                let t = vm.types.range_iterator;
                return Ok(Some(vm.new_iter(t, IterState::Range { cur: start, stop, step })));
            }
            let (a, b, c) = super::range::range_big(vm, v)?;
            return Ok(Some(super::range::range_iter(vm, a, b, c)));
        }
        Some(ObjKind::Dict) => {
            let len = v.get::<DictObj>().map(|d| d.len()).unwrap_or(0);
            let t = vm.types.dict_keyiterator;
            return Ok(Some(vm.new_iter(t, IterState::Dict { dict: v, pos: 0, which: 0, len, left: len })));
        }
        Some(ObjKind::DictView) => {
            let dv = v.get::<DictViewObj>().expect("view");
            let (d, which) = (dv.dict, dv.which);
            let len = d.get::<DictObj>().map(|d| d.len()).unwrap_or(0);
            let t = match which {
                0 => vm.types.dict_keyiterator,
                1 => vm.types.dict_valueiterator,
                _ => vm.types.dict_itemiterator,
            };
            return Ok(Some(vm.new_iter(t, IterState::Dict { dict: d, pos: 0, which, len, left: len })));
        }
        Some(ObjKind::Set) => {
            let len = v.get::<SetObj>().map(|s| s.len()).unwrap_or(0);
            let t = vm.types.set_iterator;
            return Ok(Some(vm.new_iter(t, IterState::Set { set: v, pos: 0, len })));
        }
        Some(ObjKind::Iter) => return Ok(Some(v)),
        Some(ObjKind::Generator) if vm.type_of(v) == vm.types.generator => return Ok(Some(v)),
        Some(ObjKind::MemoryView) => {
            let slice = super::memoryview::view_bytes(vm, v)?;
            let b = vm.new_bytes(slice);
            let t = vm.types.bytes_iterator;
            return Ok(Some(vm.new_iter(t, IterState::Seq { seq: b, index: 0 })));
        }
        _ => return Ok(None),
    };
    Ok(Some(vm.new_iter(t, IterState::Seq { seq: v, index: 0 })))
}

/// next() of a builtin iterator.
pub fn iter_next(vm: &mut Vm, io: crate::heap::Gc<IterObj>, it: Value) -> PyResult<Option<Value>> {
    let _ = it;
    // An item of a list or tuple: stepped in place (no code runs, nothing to copy).
    if let Ok(mut st) = io.state.try_borrow_mut() {
        if let IterState::Seq { seq, index } = &mut *st {
            let v = match seq.kind() {
                Some(ObjKind::List) => seq.get::<ListObj>().and_then(|l| l.get(*index)),
                Some(ObjKind::Tuple) => seq.get::<TupleObj>().and_then(|t| t.items.get(*index).copied()),
                _ => None,
            };
            if let Some(v) = v {
                *index += 1;
                return Ok(Some(v));
            }
        }
    }
    // Step a copy, so no borrow is held while Python code runs, and the object keeps
    // rooting everything its state refers to meanwhile.
    let mut st = io.state.borrow().clone();
    let r = step(vm, &mut st);
    let done = matches!(r, Ok(None));
    *io.state.borrow_mut() = if done { IterState::Done } else { st };
    r
}

fn step(vm: &mut Vm, st: &mut IterState) -> PyResult<Option<Value>> {
    match st {
        IterState::Seq { seq, index } => {
            let i = *index;
            let v = match seq.kind() {
                Some(ObjKind::List) => seq.get::<ListObj>().and_then(|l| l.get(i)),
                Some(ObjKind::Tuple) => seq.get::<TupleObj>().and_then(|t| t.items.get(i).copied()),
                Some(ObjKind::Str) => {
                    let s = seq.get::<StrObj>().expect("str");
                    if s.is_ascii() {
                        s.s.as_bytes().get(i).map(|&b| vm.new_char(b as char))
                    } else {
                        // walk by byte offset: `index` counts bytes for non-ASCII strings
                        let rest = &s.s[i.min(s.s.len())..];
                        match rest.chars().next() {
                            Some(c) => {
                                *index += c.len_utf8() - 1;
                                // a U+FFFD may stand for a lone surrogate
                                let sur = match s.wide() {
                                    Some(w) if c == '\u{fffd}' => w.get(s.s[..i.min(s.s.len())].chars().count()).copied(),
                                    _ => None,
                                };
                                match sur {
                                    Some(cp) => Some(vm.new_str_cps(&[cp])),
                                    None => Some(vm.new_char(c)),
                                }
                            }
                            None => None,
                        }
                    }
                }
                Some(ObjKind::Bytes) => seq.get::<BytesObj>().and_then(|b| b.data.get(i).map(|&x| Value::small(x as i64).unwrap_or(Value::NULL))),
                Some(ObjKind::ByteArray) => seq.get::<ByteArrayObj>().and_then(|b| b.data.borrow().get(i).map(|&x| Value::small(x as i64).unwrap_or(Value::NULL))),
                _ => None,
            };
            if v.is_some() {
                *index += 1;
            }
            Ok(v)
        }
        IterState::GetItem { obj, index } => {
            let k = vm.new_int(*index as i64);
            match vm.getitem(*obj, k) {
                Ok(v) => {
                    *index += 1;
                    Ok(Some(v))
                }
                Err(e) if vm.isinstance(e.0, vm.types.index_error) || vm.isinstance(e.0, vm.types.stop_iteration) => Ok(None),
                Err(e) => Err(e),
            }
        }
        IterState::Range { cur, stop, step } => {
            let more = if *step > 0 { *cur < *stop } else { *cur > *stop };
            if !more {
                return Ok(None);
            }
            let v = *cur;
            *cur = cur.saturating_add(*step);
            Ok(Some(vm.new_int(v)))
        }
        IterState::BigRange { cur, stop, step } => Ok(super::range::big_range_next(vm, cur, *stop, *step)),
        IterState::Dict { dict, pos, which, len, left } => {
            let Some(d) = dict.get::<DictObj>() else { return Ok(None) };
            if d.len() != *len {
                *len = usize::MAX;
                return Err(vm.runtime_error("dictionary changed size during iteration"));
            }
            let next = d.table.borrow().next_from(*pos);
            match next {
                Some(_) if *left == 0 => {
                    *len = usize::MAX;
                    Err(vm.runtime_error("dictionary keys changed during iteration"))
                }
                Some((p, e)) => {
                    *pos = p + 1;
                    *left -= 1;
                    Ok(Some(match which {
                        0 => e.key,
                        1 => e.value,
                        _ => vm.new_tuple(vec![e.key, e.value]),
                    }))
                }
                None => Ok(None),
            }
        }
        IterState::Set { set, pos, len } => {
            let Some(s) = set.get::<SetObj>() else { return Ok(None) };
            if s.len() != *len {
                *len = usize::MAX;
                return Err(vm.runtime_error("Set changed size during iteration"));
            }
            let next = s.table.borrow().next_from(*pos);
            match next {
                Some((p, e)) => {
                    *pos = p + 1;
                    Ok(Some(e.key))
                }
                None => Ok(None),
            }
        }
        IterState::Callable { func, sentinel } => {
            let v = vm.call(*func, &[])?;
            if vm.eq(v, *sentinel)? {
                return Ok(None);
            }
            Ok(Some(v))
        }
        IterState::Enumerate { it, count } => match vm.next(*it)? {
            Some(v) => {
                let c = *count;
                let one = Value::small(1).unwrap_or(Value::NULL);
                *count = vm.binary_op(c, one, pyjit_compiler::opcode::BinOp::Add, false)?;
                Ok(Some(vm.new_tuple(vec![c, v])))
            }
            None => Ok(None),
        },
        IterState::Zip { iters, strict } => {
            if iters.is_empty() {
                return Ok(None);
            }
            let mut out = Vec::with_capacity(iters.len());
            for (i, &it) in iters.iter().enumerate() {
                match vm.next(it)? {
                    Some(v) => out.push(v),
                    None => {
                        if *strict {
                            if i > 0 {
                                let msg = if i == 1 { "zip() argument 2 is shorter than argument 1".to_string() } else { format!("zip() argument {} is shorter than arguments 1-{}", i + 1, i) };
                                return Err(vm.value_error(&msg));
                            }
                            for (j, &rest) in iters.iter().enumerate().skip(1) {
                                if vm.next(rest)?.is_some() {
                                    let msg = if j == 1 { "zip() argument 2 is longer than argument 1".to_string() } else { format!("zip() argument {} is longer than arguments 1-{}", j + 1, j) };
                                    return Err(vm.value_error(&msg));
                                }
                            }
                        }
                        return Ok(None);
                    }
                }
            }
            Ok(Some(vm.new_tuple(out)))
        }
        IterState::Map { func, iters } => {
            let mut args = Vec::with_capacity(iters.len());
            for &it in iters.iter() {
                match vm.next(it)? {
                    Some(v) => args.push(v),
                    None => return Ok(None),
                }
            }
            let holder = vm.new_tuple(args.clone());
            let r = vm.call(*func, &args);
            let _ = holder;
            r.map(Some)
        }
        IterState::Filter { func, it } => loop {
            let Some(v) = vm.next(*it)? else { return Ok(None) };
            let keep = if *func == vm.none {
                vm.truthy(v)?
            } else {
                let r = vm.call(*func, &[v])?;
                vm.truthy(r)?
            };
            if keep {
                return Ok(Some(v));
            }
        },
        IterState::Reversed { seq, index } => {
            if *index < 0 {
                return Ok(None);
            }
            let i = *index as usize;
            *index -= 1;
            let v = match seq.kind() {
                Some(ObjKind::List) => {
                    let l = seq.get::<ListObj>().expect("list");
                    if i >= l.len() {
                        *index = -1;
                        return Ok(None);
                    }
                    l.get(i)
                }
                _ => {
                    let k = vm.new_int(i as i64);
                    Some(vm.getitem(*seq, k)?)
                }
            };
            Ok(v)
        }
        IterState::AsyncGen { .. } => Ok(None),
        IterState::Done => Ok(None),
    }
}
