//! Sequence and mapping operations of the builtin types: concatenation, repetition,
//! indexing, slicing, item assignment and membership.

use pyjit_compiler::opcode::BinOp;

use crate::heap::{ObjKind, Value};
use crate::interp::{PyResult, Vm};
use crate::objects::*;

/// Resolved slice bounds for a sequence of length `len`.
pub struct Bounds {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub len: usize,
}

impl Vm {
    pub(crate) fn slice_part(&mut self, v: Value) -> PyResult<Option<i64>> {
        if v.is_small() {
            return Ok(Some(v.small_value()));
        }
        if v == self.none {
            return Ok(None);
        }
        let Some(i) = self.index_opt(v)? else {
            return Err(self.type_error("slice indices must be integers or None or have an __index__ method"));
        };
        Ok(Some(match self.as_i64(i) {
            Some(x) => x,
            None => {
                if self.as_bigint(i).map(|b| b.sign() == num_bigint::Sign::Minus).unwrap_or(false) {
                    i64::MIN / 2
                } else {
                    i64::MAX / 2
                }
            }
        }))
    }

    /// slice.indices(len) semantics.
    pub fn slice_bounds(&mut self, s: Value, len: usize) -> PyResult<Bounds> {
        let sl = s.get::<SliceObj>().ok_or_else(|| self.type_error("expected a slice"))?;
        let (a, b, c) = (sl.start, sl.stop, sl.step);
        let step = self.slice_part(c)?.unwrap_or(1);
        if step == 0 {
            return Err(self.value_error("slice step cannot be zero"));
        }
        let n = len as i64;
        let fix = |v: Option<i64>, default: i64, lo: i64, hi: i64| -> i64 {
            match v {
                None => default,
                Some(x) => {
                    let x = if x < 0 { x + n } else { x };
                    x.clamp(lo, hi)
                }
            }
        };
        let (start, stop) = if step > 0 {
            (fix(self.slice_part(a)?, 0, 0, n), fix(self.slice_part(b)?, n, 0, n))
        } else {
            (fix(self.slice_part(a)?, n - 1, -1, n - 1), fix(self.slice_part(b)?, -1, -1, n - 1))
        };
        let count = if step > 0 {
            if stop > start { ((stop - start - 1) / step + 1) as usize } else { 0 }
        } else if start > stop {
            ((start - stop - 1) / (-step) + 1) as usize
        } else {
            0
        };
        Ok(Bounds { start, stop, step, len: count })
    }

    /// A normalised index into a sequence of length `len`, or IndexError
    /// ("{what} index out of range").
    pub fn seq_index(&mut self, key: Value, len: usize, what: &str) -> PyResult<usize> {
        let msg = format!("{what} index out of range");
        self.seq_index_msg(key, len, what, &msg)
    }

    /// `seq_index` with the message of the out-of-range IndexError given. An index beyond
    /// Py_ssize_t is CPython's IndexError "cannot fit 'int' into an index-sized integer".
    pub fn seq_index_msg(&mut self, key: Value, len: usize, what: &str, out_of_range: &str) -> PyResult<usize> {
        let Some(k) = self.index_opt(key)? else {
            let tn = self.type_name_of(key);
            return Err(if what == "string" {
                self.type_error(&format!("string indices must be integers, not '{tn}'"))
            } else {
                self.type_error(&format!("{what} indices must be integers or slices, not {tn}"))
            });
        };
        let Some(i) = self.as_i64(k) else {
            return Err(self.index_error("cannot fit 'int' into an index-sized integer"));
        };
        let n = len as i64;
        let j = if i < 0 { i.saturating_add(n) } else { i };
        if j < 0 || j >= n {
            return Err(self.index_error(out_of_range));
        }
        Ok(j as usize)
    }
}

fn pick<T: Copy>(items: &[T], b: &Bounds) -> Vec<T> {
    if b.step == 1 {
        let start = b.start as usize;
        return items[start..start + b.len].to_vec();
    }
    let mut out = Vec::with_capacity(b.len);
    let mut i = b.start;
    for _ in 0..b.len {
        out.push(items[i as usize]);
        i += b.step;
    }
    out
}

/// `data[slice]` for bounds already clipped to `data`.
fn pick_bytes(data: &[u8], b: &Bounds) -> Vec<u8> {
    if b.step == 1 {
        let i = b.start as usize;
        return data.get(i..i + b.len).map(|d| d.to_vec()).unwrap_or_default();
    }
    pick(data, b)
}

pub fn native_getitem(vm: &mut Vm, obj: Value, key: Value) -> PyResult<Option<Value>> {
    let is_slice = key.kind() == Some(ObjKind::Slice);
    match obj.kind() {
        Some(ObjKind::List) => {
            let l = obj.get::<ListObj>().expect("list");
            let n = l.len();
            if is_slice {
                let b = vm.slice_bounds(key, n)?;
                let v = pick(&l.items.borrow(), &b);
                return Ok(Some(vm.new_list(v)));
            }
            let i = vm.seq_index(key, n, "list")?;
            let v = l.get(i);
            Ok(Some(v.unwrap_or(vm.none)))
        }
        Some(ObjKind::Tuple) => {
            let t = obj.get::<TupleObj>().expect("tuple");
            if is_slice {
                let b = vm.slice_bounds(key, t.items.len())?;
                // only an exact tuple is its own full slice (struct sequences copy)
                if b.step == 1 && b.len == t.items.len() && vm.type_of(obj) == vm.types.tuple {
                    return Ok(Some(obj));
                }
                let v = pick(&t.items, &b);
                return Ok(Some(vm.new_tuple(v)));
            }
            let i = vm.seq_index(key, t.items.len(), "tuple")?;
            Ok(Some(t.items[i]))
        }
        Some(ObjKind::Str) => {
            let s = obj.get::<StrObj>().expect("str");
            if let Some(w) = s.wide() {
                // a str holding lone surrogates: work on its code points
                let cps: Vec<u32> = w.to_vec();
                if is_slice {
                    let b = vm.slice_bounds(key, cps.len())?;
                    return Ok(Some(vm.new_str_cps(&pick(&cps, &b))));
                }
                let i = vm.seq_index(key, cps.len(), "string")?;
                return Ok(Some(vm.new_str_cps(cps.get(i..i + 1).unwrap_or(&[]))));
            }
            if is_slice {
                let b = vm.slice_bounds(key, s.nchars())?;
                let out: String = if s.is_ascii() {
                    let bytes = s.s.as_bytes();
                    if b.step == 1 {
                        s.s[b.start as usize..(b.start as usize + b.len)].to_string()
                    } else {
                        pick(bytes, &b).into_iter().map(|c| c as char).collect()
                    }
                } else if b.step == 1 {
                    let from = s.byte_offset(b.start as usize);
                    let to = s.byte_offset(b.start as usize + b.len);
                    s.s[from..to].to_string()
                } else {
                    let chars: Vec<char> = s.s.chars().collect();
                    pick(&chars, &b).into_iter().collect()
                };
                return Ok(Some(vm.new_string(out)));
            }
            let i = vm.seq_index(key, s.nchars(), "string")?;
            let c = s.char_at(i).unwrap_or(' ');
            Ok(Some(vm.new_char(c)))
        }
        Some(ObjKind::Bytes) | Some(ObjKind::ByteArray) => {
            let is_bytes = obj.kind() == Some(ObjKind::Bytes);
            if is_slice {
                // the bounds first (they may run __index__), then a copy of the slice only
                let n = match obj.get::<BytesObj>() {
                    Some(b) => b.data.len(),
                    None => obj.get::<ByteArrayObj>().expect("bytearray").data.borrow().len(),
                };
                let b = vm.slice_bounds(key, n)?;
                let v = match obj.get::<BytesObj>() {
                    Some(x) => pick_bytes(&x.data, &b),
                    None => pick_bytes(&obj.get::<ByteArrayObj>().expect("bytearray").data.borrow(), &b),
                };
                return Ok(Some(if is_bytes { vm.new_bytes(v) } else { vm.new_bytearray(v) }));
            }
            let data: Vec<u8> = match obj.get::<BytesObj>() {
                Some(b) => b.data.to_vec(),
                None => obj.get::<ByteArrayObj>().expect("bytearray").data.borrow().clone(),
            };
            let what = if is_bytes { "byte" } else { "bytearray" };
            let msg = if is_bytes { "index out of range" } else { "bytearray index out of range" };
            let i = vm.seq_index_msg(key, data.len(), what, msg)?;
            Ok(Some(Value::small(data[i] as i64).unwrap_or(Value::NULL)))
        }
        Some(ObjKind::Dict) => {
            match vm.dict_get(obj, key)? {
                Some(v) => Ok(Some(v)),
                None => {
                    if vm.type_of(obj) != vm.types.dict {
                        let missing = vm.intern("__missing__");
                        let ty = vm.type_of(obj);
                        if let Some(f) = vm.lookup(ty, missing) {
                            return vm.call(f, &[obj, key]).map(Some);
                        }
                    }
                    Err(vm.key_error(key))
                }
            }
        }
        Some(ObjKind::Range) => {
            if let (false, true, Some((start, _, step, len))) = (is_slice, key.is_small(), range_small(vm, obj)) {
                let i = vm.seq_index(key, len, "range object")?;
                return Ok(Some(vm.new_int(start + i as i64 * step)));
            }
            super::range::getitem(vm, obj, key).map(Some)
        }
        Some(ObjKind::MemoryView) => super::memoryview::getitem(vm, obj, key).map(Some),
        _ => Ok(None),
    }
}

/// (start, stop, step, len) of a range whose bounds and length fit in i64.
pub fn range_small(vm: &Vm, r: Value) -> Option<(i64, i64, i64, usize)> {
    let ro = r.get::<RangeObj>()?;
    let (a, b, c) = (vm.as_i64(ro.start)?, vm.as_i64(ro.stop)?, vm.as_i64(ro.step)?);
    let len = range_len(a, b, c);
    (len <= i64::MAX as usize).then_some((a, b, c, len))
}

pub fn range_len(start: i64, stop: i64, step: i64) -> usize {
    let (start, stop, step) = (start as i128, stop as i128, step as i128);
    if step > 0 && stop > start {
        ((stop - start - 1) / step + 1) as usize
    } else if step < 0 && start > stop {
        ((start - stop - 1) / (-step) + 1) as usize
    } else {
        0
    }
}

pub fn native_setitem(vm: &mut Vm, obj: Value, key: Value, v: Value) -> PyResult<bool> {
    match obj.kind() {
        Some(ObjKind::List) => {
            let l = obj.get::<ListObj>().expect("list");
            if key.kind() == Some(ObjKind::Slice) {
                let len = l.len();
                let b = vm.slice_bounds(key, len)?;
                // Lists and tuples give their items directly (CPython's PySequence_Fast).
                let (_holder, new) = if let Some(src) = v.get::<ListObj>() {
                    (Value::NULL, src.snapshot())
                } else if let Some(src) = v.get::<TupleObj>() {
                    (Value::NULL, src.items.to_vec())
                } else {
                    if vm.iter(v).is_err() {
                        return Err(vm.type_error("can only assign an iterable"));
                    }
                    vm.to_vec(v)?
                };
                if b.step == 1 {
                    let start = b.start as usize;
                    let stop = (b.stop.max(b.start)) as usize;
                    l.items.borrow_mut().splice(start..stop, new);
                } else {
                    if new.len() != b.len {
                        return Err(vm.value_error(&format!(
                            "attempt to assign sequence of size {} to extended slice of size {}",
                            new.len(),
                            b.len
                        )));
                    }
                    let mut items = l.items.borrow_mut();
                    let mut i = b.start;
                    for x in new {
                        items[i as usize] = x;
                        i += b.step;
                    }
                }
                return Ok(true);
            }
            let n = l.len();
            let i = vm.seq_index_msg(key, n, "list", "list assignment index out of range")?;
            l.items.borrow_mut()[i] = v;
            Ok(true)
        }
        Some(ObjKind::Dict) => {
            vm.dict_set(obj, key, v)?;
            Ok(true)
        }
        Some(ObjKind::MemoryView) => {
            super::memoryview::setitem(vm, obj, key, v)?;
            Ok(true)
        }
        Some(ObjKind::ByteArray) => {
            let ba = obj.get::<ByteArrayObj>().expect("bytearray");
            if key.kind() == Some(ObjKind::Slice) {
                let len = ba.data.borrow().len();
                let b = vm.slice_bounds(key, len)?;
                let new = if matches!(v.kind(), Some(ObjKind::Bytes) | Some(ObjKind::ByteArray) | Some(ObjKind::MemoryView)) {
                    super::bytes::bytes_from(vm, v)?
                } else if vm.is_int(v) || v.kind() == Some(ObjKind::Str) || vm.iter(v).is_err() {
                    let tn = vm.type_name_of(v);
                    return Err(vm.type_error(&format!("can assign only bytes, buffers, or iterables of ints in range(0, 256), not {tn}")));
                } else {
                    let (_h, items) = vm.to_vec(v)?;
                    let mut out = Vec::with_capacity(items.len());
                    for it in items {
                        out.push(super::bytes_methods::byte_value(vm, it)?);
                    }
                    out
                };
                if b.step != 1 && new.len() != b.len {
                    return Err(vm.value_error(&format!("attempt to assign bytes of size {} to extended slice of size {}", new.len(), b.len)));
                }
                if b.step == 1 {
                    let start = b.start as usize;
                    let stop = (b.stop.max(b.start)) as usize;
                    ba.data.borrow_mut().splice(start..stop, new);
                } else {
                    let mut d = ba.data.borrow_mut();
                    let mut i = b.start;
                    for x in new {
                        d[i as usize] = x;
                        i += b.step;
                    }
                }
                return Ok(true);
            }
            let n = ba.data.borrow().len();
            let i = vm.seq_index(key, n, "bytearray")?;
            let byte = super::bytes_methods::byte_value(vm, v)?;
            ba.data.borrow_mut()[i] = byte;
            Ok(true)
        }
        _ => Ok(false),
    }
}

pub fn native_delitem(vm: &mut Vm, obj: Value, key: Value) -> PyResult<bool> {
    match obj.kind() {
        Some(ObjKind::List) => {
            let l = obj.get::<ListObj>().expect("list");
            if key.kind() == Some(ObjKind::Slice) {
                let b = vm.slice_bounds(key, l.len())?;
                let mut idx: Vec<usize> = (0..b.len).map(|k| (b.start + k as i64 * b.step) as usize).collect();
                idx.sort_unstable();
                let mut items = l.items.borrow_mut();
                for i in idx.into_iter().rev() {
                    items.remove(i);
                }
                return Ok(true);
            }
            let n = l.len();
            let i = vm.seq_index_msg(key, n, "list", "list assignment index out of range")?;
            l.items.borrow_mut().remove(i);
            Ok(true)
        }
        Some(ObjKind::Dict) => {
            if vm.dict_del(obj, key)?.is_none() {
                return Err(vm.key_error(key));
            }
            Ok(true)
        }
        Some(ObjKind::ByteArray) => {
            let ba = obj.get::<ByteArrayObj>().expect("bytearray");
            let n = ba.data.borrow().len();
            if key.kind() == Some(ObjKind::Slice) {
                let b = vm.slice_bounds(key, n)?;
                let mut idx: Vec<usize> = (0..b.len).map(|k| (b.start + k as i64 * b.step) as usize).collect();
                idx.sort_unstable();
                let mut d = ba.data.borrow_mut();
                for i in idx.into_iter().rev() {
                    d.remove(i);
                }
                return Ok(true);
            }
            let i = vm.seq_index(key, n, "bytearray")?;
            ba.data.borrow_mut().remove(i);
            Ok(true)
        }
        _ => Ok(false),
    }
}

pub fn native_contains(vm: &mut Vm, c: Value, v: Value) -> PyResult<Option<bool>> {
    match c.kind() {
        Some(ObjKind::Str) => {
            let Some(needle) = v.get::<StrObj>() else {
                let tn = vm.type_name_of(v);
                return Err(vm.type_error(&format!("'in <string>' requires string as left operand, not {tn}")));
            };
            Ok(Some(c.get::<StrObj>().expect("str").s.contains(&*needle.s)))
        }
        Some(ObjKind::List) => {
            let items = c.get::<ListObj>().expect("list").snapshot();
            for x in items {
                if vm.eq(x, v)? {
                    return Ok(Some(true));
                }
            }
            Ok(Some(false))
        }
        Some(ObjKind::Tuple) => {
            let items = c.get::<TupleObj>().expect("tuple").items.to_vec();
            for x in items {
                if vm.eq(x, v)? {
                    return Ok(Some(true));
                }
            }
            Ok(Some(false))
        }
        Some(ObjKind::Dict) => Ok(Some(vm.dict_get(c, v)?.is_some())),
        Some(ObjKind::Set) => Ok(Some(vm.set_contains(c, v)?)),
        Some(ObjKind::DictView) => {
            let dv = c.get::<DictViewObj>().expect("view");
            let (d, which) = (dv.dict, dv.which);
            match which {
                0 => Ok(Some(vm.dict_get(d, v)?.is_some())),
                1 => {
                    for (_, x) in vm.dict_items(d) {
                        if vm.eq(x, v)? {
                            return Ok(Some(true));
                        }
                    }
                    Ok(Some(false))
                }
                _ => {
                    let Some(t) = v.get::<TupleObj>() else { return Ok(Some(false)) };
                    if t.items.len() != 2 {
                        return Ok(Some(false));
                    }
                    let (k, x) = (t.items[0], t.items[1]);
                    match vm.dict_get(d, k)? {
                        Some(y) => Ok(Some(vm.eq(x, y)?)),
                        None => Ok(Some(false)),
                    }
                }
            }
        }
        Some(ObjKind::Range) => {
            if vm.is_int(v) {
                if let (Some((start, stop, step, _)), Some(x)) = (range_small(vm, c), vm.as_i64(v)) {
                    let inside = if step > 0 { x >= start && x < stop } else { x <= start && x > stop };
                    return Ok(Some(inside && (x - start) % step == 0));
                }
                let x = vm.as_bigint(v).unwrap_or_default();
                return super::range::contains_int(vm, c, &x).map(Some);
            }
            Ok(None)
        }
        Some(ObjKind::Bytes) | Some(ObjKind::ByteArray) => {
            let hay: Vec<u8> = match c.get::<BytesObj>() {
                Some(b) => b.data.to_vec(),
                None => c.get::<ByteArrayObj>().expect("bytearray").data.borrow().clone(),
            };
            if let Some(i) = vm.as_i64(v) {
                if !(0..256).contains(&i) {
                    return Err(vm.value_error("byte must be in range(0, 256)"));
                }
                return Ok(Some(hay.contains(&(i as u8))));
            }
            let needle = super::bytes::bytes_from(vm, v)?;
            Ok(Some(needle.is_empty() || hay.windows(needle.len()).any(|w| w == &needle[..])))
        }
        _ => Ok(None),
    }
}

pub fn seq_binop(vm: &mut Vm, a: Value, b: Value, op: BinOp, inplace: bool) -> PyResult<Option<Value>> {
    match (op, a.kind(), b.kind()) {
        (BinOp::Add, Some(ObjKind::Str), Some(ObjKind::Str)) => {
            let (x, y) = (a.get::<StrObj>().expect("str"), b.get::<StrObj>().expect("str"));
            if x.has_surrogates() || y.has_surrogates() {
                let mut cps = x.code_points();
                cps.extend(y.code_points());
                return Ok(Some(vm.new_str_cps(&cps)));
            }
            let mut s = String::with_capacity(x.s.len() + y.s.len());
            s.push_str(&x.s);
            s.push_str(&y.s);
            Ok(Some(vm.new_string(s)))
        }
        (BinOp::Add, Some(ObjKind::List), Some(ObjKind::List)) => {
            if inplace {
                let items = b.get::<ListObj>().expect("list").snapshot();
                a.get::<ListObj>().expect("list").items.borrow_mut().extend(items);
                return Ok(Some(a));
            }
            let mut items = a.get::<ListObj>().expect("list").snapshot();
            items.extend(b.get::<ListObj>().expect("list").snapshot());
            Ok(Some(vm.new_list(items)))
        }
        (BinOp::Add, Some(ObjKind::List), _) if inplace => {
            let (_h, items) = vm.to_vec(b)?;
            a.get::<ListObj>().expect("list").items.borrow_mut().extend(items);
            Ok(Some(a))
        }
        (BinOp::Add, Some(ObjKind::Tuple), Some(ObjKind::Tuple)) => {
            let mut items = a.get::<TupleObj>().expect("tuple").items.to_vec();
            items.extend_from_slice(&b.get::<TupleObj>().expect("tuple").items);
            Ok(Some(vm.new_tuple(items)))
        }
        (BinOp::Add, Some(ObjKind::Bytes) | Some(ObjKind::ByteArray), Some(ObjKind::Bytes) | Some(ObjKind::ByteArray) | Some(ObjKind::MemoryView)) => {
            let mut x = super::bytes::bytes_from(vm, a)?;
            x.extend(super::bytes::bytes_from(vm, b)?);
            if a.kind() == Some(ObjKind::ByteArray) {
                if inplace {
                    *a.get::<ByteArrayObj>().expect("bytearray").data.borrow_mut() = x;
                    return Ok(Some(a));
                }
                return Ok(Some(vm.new_bytearray(x)));
            }
            Ok(Some(vm.new_bytes(x)))
        }
        (BinOp::Mul, _, _) => {
            let (seq, n) = if vm.is_int(b) && !vm.is_int(a) {
                (a, b)
            } else if vm.is_int(a) && !vm.is_int(b) {
                (b, a)
            } else {
                return Ok(None);
            };
            let count = vm.as_i64(n);
            let count = match count {
                Some(c) => c.max(0) as u128,
                None => {
                    if vm.as_bigint(n).map(|x| x.sign() == num_bigint::Sign::Minus).unwrap_or(false) {
                        0
                    } else {
                        return Err(vm.overflow_error("cannot fit 'int' into an index-sized integer"));
                    }
                }
            };
            // an exact str, bytes or tuple repeated once is itself
            if count == 1 && matches!(seq.kind(), Some(ObjKind::Str) | Some(ObjKind::Bytes) | Some(ObjKind::Tuple)) {
                let ty = self_type_exact(vm, seq);
                if ty {
                    return Ok(Some(seq));
                }
            }
            match seq.kind() {
                Some(ObjKind::Str) => {
                    let s = seq.get::<StrObj>().expect("str");
                    if s.nchars() as u128 * count > i64::MAX as u128 {
                        return Err(vm.overflow_error("repeated string is too long"));
                    }
                    if let Some(w) = s.wide() {
                        let total = vm.checked_len(w.len() as u128 * count)?;
                        let mut cps: Vec<u32> = Vec::new();
                        if cps.try_reserve(total).is_err() {
                            return Err(vm.memory_error());
                        }
                        for _ in 0..count {
                            cps.extend_from_slice(&w);
                        }
                        return Ok(Some(vm.new_str_cps(&cps)));
                    }
                    let total = vm.checked_len(s.s.len() as u128 * count)?;
                    let mut out = String::new();
                    if out.try_reserve(total).is_err() {
                        return Err(vm.memory_error());
                    }
                    for _ in 0..count {
                        out.push_str(&s.s);
                    }
                    Ok(Some(vm.new_string(out)))
                }
                Some(ObjKind::List) => {
                    let items = seq.get::<ListObj>().expect("list").snapshot();
                    let total = vm.checked_len(items.len() as u128 * count)?;
                    let mut out = Vec::new();
                    if out.try_reserve(total).is_err() {
                        return Err(vm.memory_error());
                    }
                    for _ in 0..count {
                        out.extend_from_slice(&items);
                    }
                    if inplace && seq == a {
                        *seq.get::<ListObj>().expect("list").items.borrow_mut() = out;
                        return Ok(Some(seq));
                    }
                    Ok(Some(vm.new_list(out)))
                }
                Some(ObjKind::Tuple) => {
                    let items = seq.get::<TupleObj>().expect("tuple").items.to_vec();
                    let total = vm.checked_len(items.len() as u128 * count)?;
                    let mut out = Vec::with_capacity(total);
                    for _ in 0..count {
                        out.extend_from_slice(&items);
                    }
                    Ok(Some(vm.new_tuple(out)))
                }
                Some(ObjKind::Bytes) | Some(ObjKind::ByteArray) => {
                    let data = super::bytes::bytes_from(vm, seq)?;
                    if seq.kind() == Some(ObjKind::Bytes) && data.len() as u128 * count > i64::MAX as u128 {
                        return Err(vm.overflow_error("repeated bytes are too long"));
                    }
                    let total = vm.checked_len(data.len() as u128 * count)?;
                    let mut out = Vec::new();
                    if out.try_reserve(total).is_err() {
                        return Err(vm.memory_error());
                    }
                    for _ in 0..count {
                        out.extend_from_slice(&data);
                    }
                    if seq.kind() == Some(ObjKind::ByteArray) {
                        if inplace && seq == a {
                            *seq.get::<ByteArrayObj>().expect("bytearray").data.borrow_mut() = out;
                            return Ok(Some(seq));
                        }
                        return Ok(Some(vm.new_bytearray(out)));
                    }
                    Ok(Some(vm.new_bytes(out)))
                }
                _ => Ok(None),
            }
        }
        (BinOp::Mod, Some(ObjKind::Str), _) => super::percent::percent_format(vm, a, b).map(Some),
        (BinOp::Mod, Some(ObjKind::Bytes) | Some(ObjKind::ByteArray), _) => super::percent::bytes_percent_format(vm, a, b).map(Some),
        (BinOp::Or, Some(ObjKind::Dict), Some(ObjKind::Dict)) => {
            if inplace {
                vm.dict_update_from(a, b, false)?;
                return Ok(Some(a));
            }
            let d = vm.new_dict();
            vm.dict_update_from(d, a, false)?;
            vm.dict_update_from(d, b, false)?;
            Ok(Some(d))
        }
        (BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor, Some(ObjKind::Set), Some(ObjKind::Set)) => {
            super::set::set_binop(vm, a, b, op, inplace).map(Some)
        }
        (BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor, Some(ObjKind::DictView), _) => {
            super::set::view_binop(vm, a, b, op).map(Some)
        }
        // the reflected operators of keys and items views: set(a) op set(b)
        (BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor, _, Some(ObjKind::DictView))
            if b.get::<DictViewObj>().is_some_and(|v| v.which != 1) =>
        {
            super::set::view_binop(vm, a, b, op).map(Some)
        }
        _ => Ok(None),
    }
}

/// Whether `v` is exactly a str, bytes or tuple (not an instance of a subclass).
fn self_type_exact(vm: &Vm, v: Value) -> bool {
    let t = vm.type_of(v);
    t == vm.types.str || t == vm.types.bytes || t == vm.types.tuple
}
