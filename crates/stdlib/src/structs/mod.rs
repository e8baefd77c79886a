//! `_struct`: pack/unpack of C structs (every format code, byte order and native
//! alignment as CPython), the Struct class, iter_unpack's iterator and struct.error.
//! Parsed formats are cached per thread.

mod codec;
mod format;
mod half;

use std::collections::HashMap;
use std::rc::Rc;

use format::Layout;

use crate::util::*;
use crate::{class_slot, native_state};

class_slot!(ERROR);
class_slot!(STRUCT);
class_slot!(UNPACK_ITER);

pub fn error_type() -> Value {
    ERROR.with(|c| c.get())
}

thread_local! {
    static CACHE: std::cell::RefCell<HashMap<Vec<u8>, Rc<Layout>>> = std::cell::RefCell::new(HashMap::new());
}

const CACHE_MAX: usize = 100;

/// The bytes of a format argument (str, ASCII only, or bytes).
fn format_bytes(vm: &mut Vm, fmt: Value) -> PyResult<Vec<u8>> {
    if is_str(fmt) {
        let s = vm.str_of(fmt);
        if !s.is_ascii() {
            pyjit_vm::builtins::codecs::encode(vm, fmt, "ascii", "strict")?;
        }
        return Ok(s.into_bytes());
    }
    if let Some(b) = fmt.get::<pyjit_vm::objects::BytesObj>() {
        return Ok(b.data.to_vec());
    }
    let tn = vm.type_name_of(fmt);
    Err(vm.type_error(&format!("Struct() argument 1 must be a str or bytes object, not {tn}")))
}

thread_local! {
    /// The last formats looked up, by object: (format object, its bytes, layout).
    static RECENT: std::cell::RefCell<Vec<(u64, Vec<u8>, Rc<Layout>)>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn layout_of(vm: &mut Vm, fmt: &[u8]) -> PyResult<Rc<Layout>> {
    if let Some(l) = CACHE.with(|c| c.borrow().get(fmt).cloned()) {
        return Ok(l);
    }
    if fmt.contains(&0) {
        return Err(codec::err(vm, "embedded null character"));
    }
    let l = match format::parse(fmt) {
        Ok(l) => Rc::new(l),
        Err(e) => return Err(codec::err(vm, e.message())),
    };
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= CACHE_MAX {
            c.clear();
        }
        c.insert(fmt.to_vec(), Rc::clone(&l));
    });
    Ok(l)
}

/// A format argument's layout.
fn layout_arg(vm: &mut Vm, fmt: Value) -> PyResult<Rc<Layout>> {
    // the same format object as a recent call (its text checked: objects are reused)
    if let Some(s) = fmt.get::<pyjit_vm::objects::StrObj>() {
        let hit = RECENT.with(|r| r.borrow().iter().find(|e| e.0 == fmt.raw() && e.1 == s.s.as_bytes()).map(|e| Rc::clone(&e.2)));
        if let Some(l) = hit {
            return Ok(l);
        }
    }
    let b = format_bytes(vm, fmt)?;
    let l = layout_of(vm, &b)?;
    if is_str(fmt) {
        RECENT.with(|r| {
            let mut r = r.borrow_mut();
            if r.len() >= 8 {
                r.remove(0);
            }
            r.push((fmt.raw(), b, Rc::clone(&l)));
        });
    }
    Ok(l)
}

/// The Struct object: its format (a str) and layout.
struct StructState {
    format: Value,
    layout: Rc<Layout>,
}
native_state!(StructState, |s, t| {
    t.visit(s.format);
});

fn pack_values(vm: &mut Vm, l: &Layout, args: &[Value]) -> PyResult<Vec<u8>> {
    if args.len() != l.items {
        return Err(codec::err(vm, &format!("pack expected {} items for packing (got {})", l.items, args.len())));
    }
    vm.check_alloc(l.size)?;
    let mut out = vec![0u8; l.size];
    codec::pack(vm, l, args, &mut out)?;
    Ok(out)
}

fn unpack_values(vm: &mut Vm, l: &Layout, buf: Value) -> PyResult<Value> {
    let size = l.size;
    if let Some(b) = buf.get::<pyjit_vm::objects::BytesObj>() {
        if b.data.len() != size {
            return Err(codec::err(vm, &format!("unpack requires a buffer of {size} bytes")));
        }
        let items = codec::unpack(vm, l, &b.data);
        return Ok(vm.new_tuple(items));
    }
    let r = with_buffer(vm, buf, |d| if d.len() == size { Some(d.to_vec()) } else { None })?;
    match r {
        None => {
            let tn = vm.type_name_of(buf);
            Err(vm.type_error(&format!("a bytes-like object is required, not '{tn}'")))
        }
        Some(None) => Err(codec::err(vm, &format!("unpack requires a buffer of {size} bytes"))),
        Some(Some(d)) => {
            let items = codec::unpack(vm, l, &d);
            Ok(vm.new_tuple(items))
        }
    }
}

fn unpack_from_values(vm: &mut Vm, l: &Layout, buf: Value, offset: i64) -> PyResult<Value> {
    // the buffer's length and the record's bytes (when the offset leaves room for it):
    // only the record is copied
    let size_u = l.size;
    let got = with_buffer(vm, buf, |d| {
        let len = d.len() as i64;
        let at = if offset < 0 { offset.saturating_add(len) } else { offset };
        let record = (at >= 0 && len - at >= size_u as i64).then(|| d[at as usize..at as usize + size_u].to_vec());
        (d.len(), record)
    })?;
    let Some((len, record)) = got else {
        let tn = vm.type_name_of(buf);
        return Err(vm.type_error(&format!("a bytes-like object is required, not '{tn}'")));
    };
    let len = len as i64;
    let mut offset = offset;
    if offset < 0 {
        if offset + len < 0 {
            return Err(codec::err(vm, &format!("offset {offset} out of range for {len}-byte buffer")));
        }
        offset += len;
    }
    let size = l.size as i64;
    if len - offset < size {
        let msg = format!(
            "unpack_from requires a buffer of at least {} bytes for unpacking {size} bytes at offset {offset} (actual buffer size is {len})",
            size as u64 + offset as u64
        );
        return Err(codec::err(vm, &msg));
    }
    let Some(record) = record else {
        return Err(codec::err(vm, &format!("unpack_from requires a buffer of at least {size} bytes")));
    };
    let items = codec::unpack(vm, l, &record);
    Ok(vm.new_tuple(items))
}

fn pack_into_buffer(vm: &mut Vm, l: &Layout, buf: Value, offset: Value, args: &[Value]) -> PyResult<()> {
    if args.len() != l.items {
        return Err(codec::err(vm, &format!("pack_into expected {} items for packing (got {})", l.items, args.len())));
    }
    let Some(len) = with_buffer_mut(vm, buf, |d| d.len())? else {
        let tn = vm.type_name_of(buf);
        return Err(vm.type_error(&format!("argument must be read-write bytes-like object, not {tn}")));
    };
    let mut offset = ssize(vm, offset)?;
    let (size, len) = (l.size as i64, len as i64);
    if offset < 0 {
        if offset + size > 0 {
            return Err(codec::err(vm, &format!("no space to pack {size} bytes at offset {offset}")));
        }
        if offset + len < 0 {
            return Err(codec::err(vm, &format!("offset {offset} out of range for {len}-byte buffer")));
        }
        offset += len;
    }
    if len - offset < size {
        let msg = format!(
            "pack_into requires a buffer of at least {} bytes for packing {size} bytes at offset {offset} (actual buffer size is {len})",
            size as u64 + offset as u64
        );
        return Err(codec::err(vm, &msg));
    }
    // a small record is packed on the stack, then copied into the buffer
    let mut small = [0u8; 128];
    let mut big = Vec::new();
    let data: &mut [u8] = if l.size <= small.len() {
        &mut small[..l.size]
    } else {
        vm.check_alloc(l.size)?;
        big.resize(l.size, 0);
        &mut big
    };
    // CPython zeroes the record and packs in place, so an item that fails leaves the
    // ones before it written and the rest zero: the buffer gets the record either way
    let packed = codec::pack(vm, l, args, data);
    let at = offset as usize;
    with_buffer_mut(vm, buf, |d| {
        if at + data.len() <= d.len() {
            d[at..at + data.len()].copy_from_slice(data);
        }
    })?;
    packed
}

/// iter_unpack's data: a bytes object is immutable and read in place; any other buffer
/// is copied when the iterator is made.
enum UnpackData {
    Bytes(Value),
    /// Shared with each step, which unpacks from it without copying its record.
    Copy(Rc<[u8]>),
}

/// iter_unpack's iterator: the layout, the data, the next offset.
struct UnpackIter {
    layout: Rc<Layout>,
    data: UnpackData,
    len: usize,
    at: usize,
}
native_state!(UnpackIter, |s, t| {
    if let UnpackData::Bytes(v) = s.data {
        t.visit(v);
    }
});

fn iter_unpack_of(vm: &mut Vm, l: Rc<Layout>, buf: Value) -> PyResult<Value> {
    let data = if buf.get::<pyjit_vm::objects::BytesObj>().is_some() {
        Some(UnpackData::Bytes(buf))
    } else {
        with_buffer(vm, buf, |d| UnpackData::Copy(d.into()))?
    };
    let Some(data) = data else {
        let tn = vm.type_name_of(buf);
        return Err(vm.type_error(&format!("a bytes-like object is required, not '{tn}'")));
    };
    let len = match &data {
        UnpackData::Bytes(v) => v.get::<pyjit_vm::objects::BytesObj>().map(|b| b.data.len()).unwrap_or(0),
        UnpackData::Copy(d) => d.len(),
    };
    if l.size == 0 {
        return Err(codec::err(vm, "cannot iteratively unpack with a struct of length 0"));
    }
    if len % l.size != 0 {
        return Err(codec::err(vm, &format!("iterative unpacking requires a buffer of a multiple of {} bytes", l.size)));
    }
    let t = UNPACK_ITER.with(|c| c.get());
    Ok(new_native_iter(vm, t, UnpackIter { layout: l, data, len, at: 0 }, unpack_iter_next))
}

fn unpack_iter_next(vm: &mut Vm, me: Value) -> PyResult<Option<Value>> {
    let chunk = with_state::<UnpackIter, _>(vm, me, "unpack_iterator", |s| {
        let n = s.layout.size;
        if s.at + n > s.len {
            return None;
        }
        let at = s.at;
        s.at += n;
        let data = match &s.data {
            UnpackData::Bytes(v) => UnpackData::Bytes(*v),
            UnpackData::Copy(d) => UnpackData::Copy(Rc::clone(d)),
        };
        Some((Rc::clone(&s.layout), data, at))
    })?;
    Ok(chunk.map(|(l, d, at)| {
        let items = match &d {
            UnpackData::Bytes(v) => match v.get::<pyjit_vm::objects::BytesObj>() {
                Some(b) => codec::unpack(vm, &l, &b.data[at..at + l.size]),
                None => Vec::new(),
            },
            UnpackData::Copy(d) => codec::unpack(vm, &l, &d[at..at + l.size]),
        };
        vm.new_tuple(items)
    }))
}

fn unpack_iter_length_hint(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    slot(vm, a, 0)?;
    let n = with_state::<UnpackIter, _>(vm, a[0], "unpack_iterator", |s| (s.len - s.at.min(s.len)) / s.layout.size.max(1))?;
    Ok(vm.new_int(n as i64))
}

fn unpack_iter_new(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let tn = vm.type_name_qualified(a[0]);
    Err(vm.type_error(&format!("cannot create '{tn}' instances")))
}

// ---- module functions

fn m_pack(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    no_kw(vm, kw, "pack")?;
    if a.is_empty() {
        return Err(vm.type_error("missing format argument"));
    }
    let l = layout_arg(vm, a[0])?;
    let d = pack_values(vm, &l, &a[1..])?;
    Ok(vm.new_bytes(d))
}

/// pack_into's buffer, offset and values after the format (or the Struct).
fn pack_into_args(vm: &mut Vm, l: &Layout, rest: &[Value]) -> PyResult<Value> {
    match rest.len() {
        0 => Err(codec::err(vm, "pack_into expected buffer argument")),
        1 => Err(codec::err(vm, "pack_into expected offset argument")),
        _ => {
            pack_into_buffer(vm, l, rest[0], rest[1], &rest[2..])?;
            Ok(vm.none)
        }
    }
}

fn m_pack_into(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    no_kw(vm, kw, "pack_into")?;
    if a.is_empty() {
        return Err(vm.type_error("missing format argument"));
    }
    let l = layout_arg(vm, a[0])?;
    pack_into_args(vm, &l, &a[1..])
}

fn m_unpack(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    check_pos(vm, a, kw, "unpack", 2, 2)?;
    let l = layout_arg(vm, a[0])?;
    unpack_values(vm, &l, a[1])
}

fn m_unpack_from(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    if positional(a, kw).is_empty() {
        return Err(vm.type_error("unpack_from() takes at least 1 positional argument (0 given)"));
    }
    let args = parse(vm, a, kw, "unpack_from", &["format", "buffer", "offset"], &[], 2)?;
    if kw_has(vm, kw, "format") {
        return Err(vm.type_error("'format' is an invalid keyword argument for unpack_from()"));
    }
    let none = vm.none;
    let l = layout_arg(vm, args[0].unwrap_or(none))?;
    let offset = match args[2] {
        Some(o) => ssize(vm, o)?,
        None => 0,
    };
    unpack_from_values(vm, &l, args[1].unwrap_or(none), offset)
}

fn kw_has(vm: &Vm, kw: Value, name: &str) -> bool {
    kw.get::<TupleObj>().map(|t| t.items.iter().any(|k| vm.str_of(*k) == name)).unwrap_or(false)
}

fn m_iter_unpack(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    check_pos(vm, a, kw, "iter_unpack", 2, 2)?;
    let l = layout_arg(vm, a[0])?;
    iter_unpack_of(vm, l, a[1])
}

fn m_calcsize(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let f = onearg_fn(vm, a, kw, "_struct.calcsize")?;
    let l = layout_arg(vm, f)?;
    Ok(vm.new_int(l.size as i64))
}

fn m_clearcache(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    check_pos(vm, a, kw, "_clearcache", 0, 0)?;
    CACHE.with(|c| c.borrow_mut().clear());
    Ok(vm.none)
}

// ---- Struct

fn st<R>(vm: &mut Vm, v: Value, f: impl FnOnce(&mut StructState) -> R) -> PyResult<R> {
    with_state::<StructState, R>(vm, v, "_struct.Struct", f)
}

fn struct_new(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let l = layout_of(vm, b"")?;
    let f = vm.new_str("");
    Ok(new_native(vm, a[0], StructState { format: f, layout: l }))
}

fn struct_init(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let args = parse(vm, &a[1..], kw, "Struct", &["format"], &[], 1)?;
    let fmt = args[0].unwrap_or(vm.none);
    let bytes = format_bytes(vm, fmt)?;
    let l = layout_of(vm, &bytes)?;
    let text = vm.new_string(String::from_utf8_lossy(&bytes).into_owned());
    st(vm, a[0], |s| {
        s.format = text;
        s.layout = l;
    })?;
    Ok(vm.none)
}

fn layout_self(vm: &mut Vm, me: Value) -> PyResult<Rc<Layout>> {
    st(vm, me, |s| Rc::clone(&s.layout))
}

fn s_pack(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    no_kw(vm, kw, "Struct.pack")?;
    let l = layout_self(vm, a[0])?;
    let d = pack_values(vm, &l, &a[1..])?;
    Ok(vm.new_bytes(d))
}

fn s_pack_into(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    no_kw(vm, kw, "Struct.pack_into")?;
    let l = layout_self(vm, a[0])?;
    pack_into_args(vm, &l, &a[1..])
}

fn s_unpack(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let buf = onearg(vm, a, kw, "Struct.unpack")?;
    let l = layout_self(vm, a[0])?;
    unpack_values(vm, &l, buf)
}

fn s_unpack_from(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let args = parse(vm, &a[1..], kw, "unpack_from", &["buffer", "offset"], &[], 1)?;
    let l = layout_self(vm, a[0])?;
    let offset = match args[1] {
        Some(o) => ssize(vm, o)?,
        None => 0,
    };
    let none = vm.none;
    unpack_from_values(vm, &l, args[0].unwrap_or(none), offset)
}

fn s_iter_unpack(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let buf = onearg(vm, a, kw, "Struct.iter_unpack")?;
    let l = layout_self(vm, a[0])?;
    iter_unpack_of(vm, l, buf)
}

fn s_format(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    st(vm, a[0], |s| s.format)
}

fn s_size(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let n = st(vm, a[0], |s| s.layout.size)?;
    Ok(vm.new_int(n as i64))
}

fn s_sizeof(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    slot(vm, a, 0)?;
    let n = st(vm, a[0], |s| s.layout.codes.len())?;
    Ok(vm.new_int(64 + 24 * (n as i64 + 1)))
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    // struct.error, made as a class statement would
    let err = {
        let name = vm.new_str("error");
        let base = vm.types.exceptions.iter().find(|e| e.0 == "Exception").map(|e| e.1).unwrap_or(vm.types.value_error);
        let bases = vm.new_tuple(vec![base]);
        let ns = vm.new_dict();
        let mn = vm.new_str("struct");
        vm.dict_set_str(ns, "__module__", mn);
        let tt = vm.types.type_;
        vm.call(tt, &[name, bases, ns])?
    };
    vm.permanent.push(err);
    ERROR.with(|c| c.set(err));
    set_attr(vm, m, "error", err);
    add_fns(
        vm,
        m,
        &[
            ("pack", m_pack),
            ("pack_into", m_pack_into),
            ("unpack", m_unpack),
            ("unpack_from", m_unpack_from),
            ("iter_unpack", m_iter_unpack),
            ("calcsize", m_calcsize),
            ("_clearcache", m_clearcache),
        ],
    );
    let s = new_class(vm, "_struct", "Struct", None, ObjKind::Native, true);
    STRUCT.with(|c| c.set(s));
    set_new(vm, s, struct_new);
    add_methods(
        vm,
        s,
        &[
            ("__init__", struct_init),
            ("pack", s_pack),
            ("pack_into", s_pack_into),
            ("unpack", s_unpack),
            ("unpack_from", s_unpack_from),
            ("iter_unpack", s_iter_unpack),
            ("__sizeof__", s_sizeof),
        ],
    );
    add_getsets(vm, s, &[("format", s_format, None), ("size", s_size, None)]);
    set_attr(vm, m, "Struct", s);
    let it = iter_class(vm, "_struct", "unpack_iterator", Some(unpack_iter_new), false);
    add_methods(vm, it, &[("__length_hint__", unpack_iter_length_hint)]);
    UNPACK_ITER.with(|c| c.set(it));
    Ok(())
}
