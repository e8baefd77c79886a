//! memoryview over bytes, bytearray and native objects exporting a buffer (array.array):
//! one-dimensional views, possibly strided, that read and write through to the viewed
//! object; unsigned bytes (format 'B') unless the object's items (an array's typecode) or
//! `cast` give them another native single-item format.

use std::cell::Cell;

use crate::heap::{ObjKind, Value};
use crate::interp::{PyResult, Vm};
use crate::objects::*;

use super::{arg, getset, marity, method, static_method};

/// The memoryview object behind `v`, or an error when it was released.
fn view(vm: &mut Vm, v: Value) -> PyResult<crate::heap::Gc<MemoryViewObj>> {
    let Some(m) = v.get::<MemoryViewObj>() else {
        let tn = vm.type_name_of(v);
        return Err(vm.type_error(&format!("descriptor requires a 'memoryview' object but received a '{tn}'")));
    };
    if m.released.get() {
        return Err(vm.value_error("operation forbidden on released memoryview object"));
    }
    Ok(m)
}

/// Source byte offset of each item of the view.
fn indices(m: &MemoryViewObj) -> impl Iterator<Item = usize> + '_ {
    (0..m.len).map(move |i| (m.start as isize + i as isize * m.step) as usize)
}

/// The size of one item of format `fmt`.
pub fn itemsize(fmt: u8) -> usize {
    match fmt {
        b'H' | b'h' => 2,
        b'I' | b'i' | b'f' | b'w' => 4,
        b'L' | b'l' | b'Q' | b'q' | b'N' | b'n' | b'P' | b'd' => 8,
        _ => 1,
    }
}

/// The bytes a memoryview shows.
pub fn view_bytes(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    let m = view(vm, v)?;
    let src = m.obj;
    let isz = itemsize(m.fmt);
    let pick = |d: &[u8]| {
        let mut out = Vec::with_capacity(m.len * isz);
        for i in indices(&m) {
            for k in 0..isz {
                out.push(d.get(i + k).copied().unwrap_or(0));
            }
        }
        out
    };
    Ok(match src.get::<BytesObj>() {
        Some(b) => pick(&b.data),
        None => match src.get::<ByteArrayObj>() {
            Some(b) => pick(&b.data.borrow()),
            None => src.get::<NativeObj>().and_then(|o| o.with_buffer(pick)).unwrap_or_default(),
        },
    })
}

fn new_view(vm: &mut Vm, obj: Value, start: usize, len: usize, step: isize) -> Value {
    new_view_fmt(vm, obj, start, len, step, b'B')
}

fn new_view_fmt(vm: &mut Vm, obj: Value, start: usize, len: usize, step: isize, fmt: u8) -> Value {
    let t = vm.types.memoryview;
    vm.alloc(t, MemoryViewObj { obj, start, len, step, released: Cell::new(false), fmt }).value()
}

/// The item at `bytes` (native byte order) as a Python value.
fn unpack(vm: &mut Vm, fmt: u8, b: &[u8]) -> Value {
    let mut w = [0u8; 8];
    let n = b.len().min(8);
    w[..n].copy_from_slice(&b[..n]);
    match fmt {
        b'b' => vm.new_int(b[0] as i8 as i64),
        b'c' => vm.new_bytes(vec![b[0]]),
        b'?' => vm.bool_val(b[0] != 0),
        b'H' => vm.new_int(u16::from_ne_bytes([w[0], w[1]]) as i64),
        b'h' => vm.new_int(i16::from_ne_bytes([w[0], w[1]]) as i64),
        b'I' => vm.new_int(u32::from_ne_bytes([w[0], w[1], w[2], w[3]]) as i64),
        b'i' => vm.new_int(i32::from_ne_bytes([w[0], w[1], w[2], w[3]]) as i64),
        b'f' => vm.new_float(f32::from_ne_bytes([w[0], w[1], w[2], w[3]]) as f64),
        b'd' => vm.new_float(f64::from_ne_bytes(w)),
        b'L' | b'Q' | b'N' | b'P' => {
            let x = u64::from_ne_bytes(w);
            match i64::try_from(x) {
                Ok(i) => vm.new_int(i),
                Err(_) => vm.new_bigint(num_bigint::BigInt::from(x)),
            }
        }
        b'l' | b'q' | b'n' => vm.new_int(i64::from_ne_bytes(w)),
        _ => vm.new_int(b[0] as i64),
    }
}

/// The NotImplementedError for items of a format memoryview cannot convert ('w').
fn check_format(vm: &mut Vm, fmt: u8) -> PyResult<()> {
    if fmt == b'w' {
        let t = vm.types.not_implemented_error;
        return Err(vm.err(t, "memoryview: format w not supported"));
    }
    Ok(())
}

/// The bytes of `v` as an item of format `fmt` (native byte order), with memoryview's
/// errors for a value of the wrong type or out of range.
fn pack(vm: &mut Vm, fmt: u8, v: Value) -> PyResult<Vec<u8>> {
    check_format(vm, fmt)?;
    let fc = fmt as char;
    let bad_type = |vm: &mut Vm| vm.type_error(&format!("memoryview: invalid type for format '{fc}'"));
    let bad_value = |vm: &mut Vm| vm.value_error(&format!("memoryview: invalid value for format '{fc}'"));
    match fmt {
        b'f' | b'd' => {
            let x = match vm.as_num(v) {
                Some(crate::builtins::num::Num::Float(f)) => f,
                Some(crate::builtins::num::Num::Small(i)) => i as f64,
                Some(crate::builtins::num::Num::Int(b)) => vm.int_to_f64(&b)?,
                _ => return Err(bad_type(vm)),
            };
            Ok(if fmt == b'f' { (x as f32).to_ne_bytes().to_vec() } else { x.to_ne_bytes().to_vec() })
        }
        b'?' => Ok(vec![vm.truthy(v)? as u8]),
        b'c' => match v.get::<BytesObj>() {
            Some(b) if b.data.len() == 1 => Ok(vec![b.data[0]]),
            Some(_) => Err(bad_value(vm)),
            None => Err(bad_type(vm)),
        },
        _ => {
            if !vm.is_int(v) {
                return Err(bad_type(vm));
            }
            let size = itemsize(fmt);
            let signed = matches!(fmt, b'b' | b'h' | b'i' | b'l' | b'q' | b'n');
            let x = match vm.as_num(v) {
                Some(crate::builtins::num::Num::Small(i)) => i as i128,
                Some(crate::builtins::num::Num::Int(b)) => match i128::try_from(&b) {
                    Ok(x) => x,
                    Err(_) => return Err(bad_value(vm)),
                },
                _ => return Err(bad_type(vm)),
            };
            let bits = size as u32 * 8;
            let (lo, hi) = if signed { (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1) } else { (0, (1i128 << bits) - 1) };
            if x < lo || x > hi {
                return Err(bad_value(vm));
            }
            Ok((x as u64).to_ne_bytes()[..size].to_vec())
        }
    }
}

/// The format of the items of a bytes-like object (memoryview's for a view).
fn format_of(v: Value) -> u8 {
    if let Some(m) = v.get::<MemoryViewObj>() {
        return m.fmt;
    }
    v.get::<NativeObj>().and_then(|o| o.buffer_info()).map(|(f, _)| f).unwrap_or(b'B')
}

/// Runs `f` on the writable bytes behind a view, or TypeError for read-only memory.
fn with_target<R>(vm: &mut Vm, obj: Value, f: impl FnOnce(&mut [u8]) -> R) -> PyResult<R> {
    if let Some(t) = obj.get::<ByteArrayObj>() {
        return Ok(f(&mut t.data.borrow_mut()));
    }
    match obj.get::<NativeObj>().and_then(|o| o.with_buffer_mut(f)) {
        Some(r) => Ok(r),
        None => Err(vm.type_error("cannot modify read-only memory")),
    }
}

/// Whether a view's memory can be written.
fn writable(obj: Value) -> bool {
    obj.kind() == Some(ObjKind::ByteArray) || obj.get::<NativeObj>().is_some_and(|o| o.with_buffer_mut(|_| ()).is_some())
}

/// The items of a view as Python values.
fn items(vm: &mut Vm, v: Value) -> PyResult<Vec<Value>> {
    let fmt = view(vm, v)?.fmt;
    check_format(vm, fmt)?;
    let b = view_bytes(vm, v)?;
    let isz = itemsize(fmt);
    Ok(b.chunks(isz).map(|c| unpack(vm, fmt, c)).collect())
}

/// memoryview.cast(format[, shape]): a view of the same bytes as items of `format`.
fn m_cast(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = crate::modules::io::bind(vm, a.get(1..).unwrap_or(&[]), k, "cast", &["format", "shape"], 1, 0)?;
    let m = view(vm, a[0])?;
    let f = args.get(0).unwrap_or(Value::NULL);
    let Some(fs) = f.get::<StrObj>() else {
        let tn = vm.type_name_of(f);
        return Err(vm.type_error(&format!("cast() argument 'format' must be str, not {tn}")));
    };
    let spec = fs.s.strip_prefix('@').unwrap_or(&fs.s);
    let fmt = match spec.as_bytes() {
        [c] if b"BbcHhIiLlQqNnP?fd".contains(c) => *c,
        _ => {
            return Err(vm.value_error("memoryview: destination format must be a native single character format prefixed with an optional '@'"));
        }
    };
    let isz_from = itemsize(m.fmt);
    if !(m.step == isz_from as isize || m.len <= 1) {
        return Err(vm.type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    let byte_fmt = |c: u8| matches!(c, b'B' | b'b' | b'c');
    if !byte_fmt(m.fmt) && !byte_fmt(fmt) {
        return Err(vm.type_error("memoryview: cannot cast between two non-byte formats"));
    }
    let nbytes = m.len * isz_from;
    let isz = itemsize(fmt);
    if nbytes % isz != 0 {
        return Err(vm.type_error("memoryview: length is not a multiple of itemsize"));
    }
    let n = nbytes / isz;
    if let Some(shape) = args.get(1) {
        let (_h, dims) = vm.to_vec(shape)?;
        let ok = dims.len() == 1 && vm.as_i64(dims[0]) == Some(n as i64);
        if !ok {
            return Err(vm.type_error("memoryview: product(shape) * itemsize != buffer size"));
        }
    }
    Ok(new_view_fmt(vm, m.obj, m.start, n, isz as isize, fmt))
}

fn mv_new(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let obj = arg(vm, args, 1, "memoryview")?;
    match obj.kind() {
        Some(ObjKind::Bytes) => Ok(new_view(vm, obj, 0, obj.get::<BytesObj>().map(|b| b.data.len()).unwrap_or(0), 1)),
        Some(ObjKind::ByteArray) => Ok(new_view(vm, obj, 0, obj.get::<ByteArrayObj>().map(|b| b.data.borrow().len()).unwrap_or(0), 1)),
        Some(ObjKind::MemoryView) => {
            let m = view(vm, obj)?;
            Ok(new_view_fmt(vm, m.obj, m.start, m.len, m.step, m.fmt))
        }
        Some(ObjKind::Native) if obj.get::<NativeObj>().and_then(|o| o.buffer_info()).is_some() => {
            let (fmt, nbytes) = obj.get::<NativeObj>().and_then(|o| o.buffer_info()).unwrap_or((b'B', 0));
            let isz = itemsize(fmt);
            Ok(new_view_fmt(vm, obj, 0, nbytes / isz, isz as isize, fmt))
        }
        _ => {
            let tn = vm.type_name_of(obj);
            Err(vm.type_error(&format!("memoryview: a bytes-like object is required, not '{tn}'")))
        }
    }
}

/// memoryview[key]: an int for an index, a view for a slice.
pub fn getitem(vm: &mut Vm, obj: Value, key: Value) -> PyResult<Value> {
    let m = view(vm, obj)?;
    if key.kind() == Some(ObjKind::Slice) {
        let b = vm.slice_bounds(key, m.len)?;
        let start = m.start as isize + b.start as isize * m.step;
        let start = if b.len == 0 { m.start } else { start as usize };
        return Ok(new_view_fmt(vm, m.obj, start, b.len, m.step * b.step as isize, m.fmt));
    }
    let i = item_index(vm, &m, key)?;
    check_format(vm, m.fmt)?;
    let d = view_bytes(vm, obj)?;
    let isz = itemsize(m.fmt);
    let Some(item) = d.get(i * isz..(i + 1) * isz) else { return Err(vm.index_error("index out of bounds on dimension 1")) };
    let item = item.to_vec();
    Ok(unpack(vm, m.fmt, &item))
}

fn item_index(vm: &mut Vm, m: &MemoryViewObj, key: Value) -> PyResult<usize> {
    let has_index = vm.is_int(key) || {
        let ty = vm.type_of(key);
        let n = vm.intern("__index__");
        vm.lookup(ty, n).is_some()
    };
    if !has_index {
        return Err(vm.type_error("memoryview: invalid slice key"));
    }
    let k = vm.index_of(key)?;
    let Some(i) = vm.as_i64(k) else {
        return Err(vm.index_error("cannot fit 'int' into an index-sized integer"));
    };
    let n = m.len as i64;
    let j = if i < 0 { i.saturating_add(n) } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("index out of bounds on dimension 1"));
    }
    Ok(j as usize)
}

/// memoryview[key] = v, written through to the viewed bytearray or array.
pub fn setitem(vm: &mut Vm, obj: Value, key: Value, v: Value) -> PyResult<()> {
    let m = view(vm, obj)?;
    if !writable(m.obj) {
        return Err(vm.type_error("cannot modify read-only memory"));
    }
    let isz = itemsize(m.fmt);
    if key.kind() == Some(ObjKind::Slice) {
        let b = vm.slice_bounds(key, m.len)?;
        let is_buffer = matches!(v.kind(), Some(ObjKind::Bytes) | Some(ObjKind::ByteArray) | Some(ObjKind::MemoryView))
            || v.get::<NativeObj>().and_then(|o| o.buffer_info()).is_some();
        if !is_buffer {
            let tn = vm.type_name_of(v);
            return Err(vm.type_error(&format!("a bytes-like object is required, not '{tn}'")));
        }
        let new = super::bytes::bytes_from(vm, v)?;
        if format_of(v) != m.fmt || new.len() != b.len * isz {
            return Err(vm.value_error("memoryview assignment: lvalue and rvalue have different structures"));
        }
        let idx: Vec<usize> = indices(&m).collect();
        with_target(vm, m.obj, |d| {
            for (k, item) in new.chunks(isz).enumerate() {
                let at = idx[(b.start + k as i64 * b.step) as usize];
                if let Some(slot) = d.get_mut(at..at + isz) {
                    slot.copy_from_slice(item);
                }
            }
        })?;
        return Ok(());
    }
    let i = item_index(vm, &m, key)?;
    let bytes = pack(vm, m.fmt, v)?;
    let at = indices(&m).nth(i).unwrap_or(usize::MAX);
    with_target(vm, m.obj, |d| {
        if let Some(slot) = d.get_mut(at..at.saturating_add(isz)) {
            slot.copy_from_slice(&bytes);
        }
    })
}

fn m_getitem(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 2, "__getitem__")?;
    getitem(vm, a[0], a[1])
}
fn m_setitem(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 3, 3, "__setitem__")?;
    setitem(vm, a[0], a[1], a[2])?;
    Ok(vm.none)
}
fn m_tobytes(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let b = view_bytes(vm, a[0])?;
    Ok(vm.new_bytes(b))
}
fn m_tolist(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let items = items(vm, a[0])?;
    Ok(vm.new_list(items))
}
fn m_hex(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let (this, sep, per) = super::bytes_methods::hex_args(vm, a, k)?;
    let b = view_bytes(vm, this)?;
    let s = super::bytes_methods::hex_string(vm, &b, sep, per)?;
    Ok(vm.new_string(s))
}
fn m_len(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let m = view(vm, a[0])?;
    Ok(vm.new_int(m.len as i64))
}
fn m_release(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    if let Some(m) = a[0].get::<MemoryViewObj>() {
        m.released.set(true);
    }
    Ok(vm.none)
}
fn m_enter(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    view(vm, a[0])?;
    Ok(a[0])
}
fn m_eq(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 2, "__eq__")?;
    if a[0] == a[1] {
        return Ok(vm.true_);
    }
    let released = |v: Value| v.get::<MemoryViewObj>().map(|m| m.released.get()).unwrap_or(false);
    if released(a[0]) || released(a[1]) {
        return Ok(vm.false_);
    }
    if a[1].get::<NativeObj>().and_then(|o| o.buffer_info()).is_some() {
        // an array compares as a view of its items
        let other = mv_new(vm, &[vm.none, a[1]], Value::NULL)?;
        return m_eq(vm, &[a[0], other], Value::NULL);
    }
    if !matches!(a[1].kind(), Some(ObjKind::Bytes) | Some(ObjKind::ByteArray) | Some(ObjKind::MemoryView)) {
        return Ok(vm.not_implemented);
    }
    let fmt_of = |v: Value| v.get::<MemoryViewObj>().map(|m| m.fmt).unwrap_or(b'B');
    if fmt_of(a[0]) != fmt_of(a[1]) {
        // items of different formats are compared as values
        let xs = items(vm, a[0])?;
        let ys = match a[1].kind() {
            Some(ObjKind::MemoryView) => items(vm, a[1])?,
            _ => super::bytes::bytes_from(vm, a[1])?.into_iter().map(|b| vm.new_int(b as i64)).collect(),
        };
        if xs.len() != ys.len() {
            return Ok(vm.false_);
        }
        for (x, y) in xs.into_iter().zip(ys) {
            if !vm.eq(x, y)? {
                return Ok(vm.false_);
            }
        }
        return Ok(vm.true_);
    }
    let x = view_bytes(vm, a[0])?;
    let y = super::bytes::bytes_from(vm, a[1])?;
    Ok(vm.bool_val(x == y))
}
fn m_ne(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let r = m_eq(vm, a, k)?;
    if r == vm.not_implemented {
        return Ok(r);
    }
    Ok(vm.bool_val(r != vm.true_))
}
fn m_hash(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let m = view(vm, a[0])?;
    if m.obj.kind() != Some(ObjKind::Bytes) {
        return Err(vm.value_error("cannot hash writable memoryview object"));
    }
    if !matches!(m.fmt, b'B' | b'b' | b'c') {
        return Err(vm.value_error("memoryview: hashing is restricted to formats 'B', 'b' or 'c'"));
    }
    let b = view_bytes(vm, a[0])?;
    let h = super::hash::bytes_hash(vm.hash_key, &b);
    Ok(vm.new_int(h))
}
fn m_toreadonly(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let fmt = view(vm, a[0])?.fmt;
    let b = view_bytes(vm, a[0])?;
    let isz = itemsize(fmt);
    let n = b.len() / isz;
    let obj = vm.new_bytes(b);
    Ok(new_view_fmt(vm, obj, 0, n, isz as isize, fmt))
}

fn g_readonly(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let m = view(vm, a[0])?;
    Ok(vm.bool_val(!writable(m.obj)))
}
fn g_nbytes(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let m = view(vm, a[0])?;
    Ok(vm.new_int((m.len * itemsize(m.fmt)) as i64))
}
fn g_one(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    view(vm, a[0])?;
    Ok(vm.new_int(1))
}
fn g_itemsize(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let m = view(vm, a[0])?;
    Ok(vm.new_int(itemsize(m.fmt) as i64))
}
fn g_format(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let m = view(vm, a[0])?;
    let f = (m.fmt as char).to_string();
    Ok(vm.new_string(f))
}
fn g_shape(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let m = view(vm, a[0])?;
    let n = vm.new_int(m.len as i64);
    Ok(vm.new_tuple(vec![n]))
}
fn g_strides(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let m = view(vm, a[0])?;
    let n = vm.new_int(m.step as i64);
    Ok(vm.new_tuple(vec![n]))
}
fn g_obj(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let m = view(vm, a[0])?;
    Ok(m.obj)
}
fn g_contiguous(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let m = view(vm, a[0])?;
    Ok(vm.bool_val(m.step == itemsize(m.fmt) as isize || m.len <= 1))
}
fn g_released(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let r = a[0].get::<MemoryViewObj>().map(|m| m.released.get()).unwrap_or(false);
    Ok(vm.bool_val(r))
}

pub fn register(vm: &mut Vm) {
    let t = vm.types.memoryview;
    static_method(vm, t, "__new__", mv_new);
    let ms: &[(&'static str, crate::interp::NativeFn)] = &[
        ("__getitem__", m_getitem),
        ("__setitem__", m_setitem),
        ("__len__", m_len),
        ("__eq__", m_eq),
        ("__ne__", m_ne),
        ("__hash__", m_hash),
        ("__enter__", m_enter),
        ("__exit__", m_release),
        ("release", m_release),
        ("tobytes", m_tobytes),
        ("tolist", m_tolist),
        ("toreadonly", m_toreadonly),
        ("hex", m_hex),
        ("cast", m_cast),
    ];
    for &(n, f) in ms {
        method(vm, t, n, f);
    }
    let gs: &[(&'static str, crate::interp::NativeFn)] = &[
        ("readonly", g_readonly),
        ("nbytes", g_nbytes),
        ("itemsize", g_itemsize),
        ("ndim", g_one),
        ("format", g_format),
        ("shape", g_shape),
        ("strides", g_strides),
        ("obj", g_obj),
        ("contiguous", g_contiguous),
        ("c_contiguous", g_contiguous),
        ("f_contiguous", g_contiguous),
        ("released", g_released),
    ];
    for &(n, f) in gs {
        getset(vm, t, n, f, None);
    }
}
