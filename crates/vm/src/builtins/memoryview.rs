//! memoryview over bytes and bytearray: one-dimensional views of unsigned bytes (format
//! 'B'), possibly strided, that read and write through to the viewed object.

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

/// Source index of each item of the view.
fn indices(m: &MemoryViewObj) -> impl Iterator<Item = usize> + '_ {
    (0..m.len).map(move |i| (m.start as isize + i as isize * m.step) as usize)
}

/// The bytes a memoryview shows.
pub fn view_bytes(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    let m = view(vm, v)?;
    let src = m.obj;
    let pick = |d: &[u8]| indices(&m).map(|i| d.get(i).copied().unwrap_or(0)).collect::<Vec<u8>>();
    Ok(match src.get::<BytesObj>() {
        Some(b) => pick(&b.data),
        None => match src.get::<ByteArrayObj>() {
            Some(b) => pick(&b.data.borrow()),
            None => vec![],
        },
    })
}

fn new_view(vm: &mut Vm, obj: Value, start: usize, len: usize, step: isize) -> Value {
    let t = vm.types.memoryview;
    vm.alloc(t, MemoryViewObj { obj, start, len, step, released: Cell::new(false) }).value()
}

fn mv_new(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let obj = arg(vm, args, 1, "memoryview")?;
    match obj.kind() {
        Some(ObjKind::Bytes) => Ok(new_view(vm, obj, 0, obj.get::<BytesObj>().map(|b| b.data.len()).unwrap_or(0), 1)),
        Some(ObjKind::ByteArray) => Ok(new_view(vm, obj, 0, obj.get::<ByteArrayObj>().map(|b| b.data.borrow().len()).unwrap_or(0), 1)),
        Some(ObjKind::MemoryView) => {
            let m = view(vm, obj)?;
            Ok(new_view(vm, m.obj, m.start, m.len, m.step))
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
        return Ok(new_view(vm, m.obj, start, b.len, m.step * b.step as isize));
    }
    let i = item_index(vm, &m, key)?;
    let d = view_bytes(vm, obj)?;
    Ok(vm.new_int(d[i] as i64))
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
    let i = vm.as_i64(k).unwrap_or(i64::MAX);
    let n = m.len as i64;
    let j = if i < 0 { i.saturating_add(n) } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("index out of bounds on dimension 1"));
    }
    Ok(j as usize)
}

/// memoryview[key] = v, written through to the bytearray.
pub fn setitem(vm: &mut Vm, obj: Value, key: Value, v: Value) -> PyResult<()> {
    let m = view(vm, obj)?;
    let Some(target) = m.obj.get::<ByteArrayObj>() else {
        return Err(vm.type_error("cannot modify read-only memory"));
    };
    if key.kind() == Some(ObjKind::Slice) {
        let b = vm.slice_bounds(key, m.len)?;
        let new = match v.kind() {
            Some(ObjKind::Bytes) | Some(ObjKind::ByteArray) | Some(ObjKind::MemoryView) => super::bytes::bytes_from(vm, v)?,
            _ => {
                let tn = vm.type_name_of(v);
                return Err(vm.type_error(&format!("a bytes-like object is required, not '{tn}'")));
            }
        };
        if new.len() != b.len {
            return Err(vm.value_error("memoryview assignment: lvalue and rvalue have different structures"));
        }
        let idx: Vec<usize> = indices(&m).collect();
        let mut d = target.data.borrow_mut();
        for (k, x) in new.into_iter().enumerate() {
            let i = idx[(b.start + k as i64 * b.step) as usize];
            if let Some(slot) = d.get_mut(i) {
                *slot = x;
            }
        }
        return Ok(());
    }
    let i = item_index(vm, &m, key)?;
    if !vm.is_int(v) {
        return Err(vm.type_error("memoryview: invalid type for format 'B'"));
    }
    let x = match vm.as_i64(v) {
        Some(x) if (0..256).contains(&x) => x as u8,
        _ => return Err(vm.value_error("memoryview: invalid value for format 'B'")),
    };
    let src_i = indices(&m).nth(i).unwrap_or(usize::MAX);
    if let Some(slot) = target.data.borrow_mut().get_mut(src_i) {
        *slot = x;
    }
    Ok(())
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
    let b = view_bytes(vm, a[0])?;
    let items = b.into_iter().map(|x| vm.new_int(x as i64)).collect();
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
    if !matches!(a[1].kind(), Some(ObjKind::Bytes) | Some(ObjKind::ByteArray) | Some(ObjKind::MemoryView)) {
        return Ok(vm.not_implemented);
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
    let b = view_bytes(vm, a[0])?;
    let h = super::hash::bytes_hash(vm.hash_key, &b);
    Ok(vm.new_int(h))
}
fn m_toreadonly(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let b = view_bytes(vm, a[0])?;
    let n = b.len();
    let obj = vm.new_bytes(b);
    Ok(new_view(vm, obj, 0, n, 1))
}

fn g_readonly(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let m = view(vm, a[0])?;
    Ok(vm.bool_val(m.obj.kind() != Some(ObjKind::ByteArray)))
}
fn g_nbytes(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let m = view(vm, a[0])?;
    Ok(vm.new_int(m.len as i64))
}
fn g_one(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    view(vm, a[0])?;
    Ok(vm.new_int(1))
}
fn g_format(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    view(vm, a[0])?;
    Ok(vm.new_str("B"))
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
    Ok(vm.bool_val(m.step == 1 || m.len <= 1))
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
    ];
    for &(n, f) in ms {
        method(vm, t, n, f);
    }
    let gs: &[(&'static str, crate::interp::NativeFn)] = &[
        ("readonly", g_readonly),
        ("nbytes", g_nbytes),
        ("itemsize", g_one),
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
