//! The string a pattern runs over: a str (its UTF-8 bytes when ASCII, else its code points,
//! kept in a one-entry cache so repeated calls on one long str convert it once) or a
//! bytes-like object (bytes read in place; bytearray and memoryview copied, as their
//! contents may change while a callback runs). Slices of it become str or bytes again.

use std::cell::RefCell;
use std::rc::Rc;

use crate::heap::{Gc, ObjKind, Value};
use crate::interp::{PyResult, Vm};
use crate::objects::*;

/// Where a subject's characters are.
#[derive(Clone)]
pub enum SubjData {
    /// An ASCII str: its bytes are its characters.
    Ascii(Gc<StrObj>),
    /// A str with non-ASCII characters: its code points.
    Wide(Rc<[u32]>),
    Bytes(Gc<BytesObj>),
    /// A copy of a bytearray's or memoryview's bytes.
    Owned(Rc<[u8]>),
}

/// A subject: the object and its characters.
#[derive(Clone)]
pub struct Subject {
    pub value: Value,
    pub data: SubjData,
}

/// The characters of a subject as the engine reads them.
pub enum TextRef<'a> {
    Narrow(&'a [u8]),
    Wide(&'a [u32]),
}

impl Subject {
    pub fn is_bytes(&self) -> bool {
        matches!(self.data, SubjData::Bytes(_) | SubjData::Owned(_))
    }

    pub fn text(&self) -> TextRef<'_> {
        match &self.data {
            SubjData::Ascii(s) => TextRef::Narrow(s.s.as_bytes()),
            SubjData::Wide(w) => TextRef::Wide(w),
            SubjData::Bytes(b) => TextRef::Narrow(&b.data),
            SubjData::Owned(o) => TextRef::Narrow(o),
        }
    }

    pub fn len(&self) -> usize {
        match self.text() {
            TextRef::Narrow(b) => b.len(),
            TextRef::Wide(w) => w.len(),
        }
    }

    /// `string[i:j]` as a new str or bytes (CPython's getslice: the subject itself when it
    /// is an exact str or bytes and the slice is all of it).
    pub fn slice(&self, vm: &mut Vm, i: usize, j: usize) -> Value {
        let n = self.len();
        let (i, j) = (i.min(n), j.min(n).max(i.min(n)));
        let exact = match &self.data {
            SubjData::Ascii(_) | SubjData::Wide(_) => vm.type_of(self.value) == vm.types.str,
            SubjData::Bytes(_) => vm.type_of(self.value) == vm.types.bytes,
            SubjData::Owned(_) => false,
        };
        if exact && i == 0 && j == n {
            return self.value;
        }
        match &self.data {
            SubjData::Ascii(s) => {
                let t = &s.s[i..j];
                vm.new_str(t)
            }
            SubjData::Wide(w) => vm.new_str_cps(&w[i..j]),
            SubjData::Bytes(b) => vm.new_bytes(b.data[i..j].to_vec()),
            SubjData::Owned(o) => vm.new_bytes(o[i..j].to_vec()),
        }
    }

    /// An empty str or bytes of the subject's kind.
    pub fn empty(&self, vm: &mut Vm) -> Value {
        if self.is_bytes() {
            vm.new_bytes(Vec::new())
        } else {
            vm.empty_str
        }
    }
}

crate::gil_local! {
    /// The last non-ASCII str converted to code points (its object is kept alive by the
    /// `_sre` module's holder, so its address cannot be reused while it is here).
    static WIDE_CACHE: RefCell<Option<(Value, Rc<[u32]>)>> = const { RefCell::new(None) };
}

/// The str the wide cache holds, for the holder to keep alive.
pub fn cached_wide() -> Value {
    WIDE_CACHE.with(|c| c.borrow().as_ref().map(|e| e.0).unwrap_or(Value::NULL))
}

fn wide_of(v: Value, s: &StrObj) -> Rc<[u32]> {
    if let Some(w) = WIDE_CACHE.with(|c| c.borrow().as_ref().filter(|e| e.0 == v).map(|e| e.1.clone())) {
        return w;
    }
    let w: Rc<[u32]> = s.code_points().into();
    super::set_cache_holder(v);
    WIDE_CACHE.with(|c| *c.borrow_mut() = Some((v, w.clone())));
    w
}

/// The subject behind `v`: str, bytes, bytearray or memoryview, else CPython's TypeError.
pub fn subject(vm: &mut Vm, v: Value) -> PyResult<Subject> {
    if let Some(s) = v.get::<StrObj>() {
        if s.is_ascii() && !s.has_surrogates() {
            return Ok(Subject { value: v, data: SubjData::Ascii(s) });
        }
        let w = wide_of(v, &s);
        return Ok(Subject { value: v, data: SubjData::Wide(w) });
    }
    match v.kind() {
        Some(ObjKind::Bytes) => {
            if let Some(b) = v.get::<BytesObj>() {
                return Ok(Subject { value: v, data: SubjData::Bytes(b) });
            }
        }
        Some(ObjKind::ByteArray) | Some(ObjKind::MemoryView) => {
            let data = crate::builtins::bytes::bytes_from(vm, v)?;
            return Ok(Subject { value: v, data: SubjData::Owned(data.into()) });
        }
        // a native object exporting a buffer (array.array)
        Some(ObjKind::Native) => {
            if let Some(data) = v.get::<NativeObj>().and_then(|o| o.with_buffer(|b| b.to_vec())) {
                return Ok(Subject { value: v, data: SubjData::Owned(data.into()) });
            }
        }
        _ => {}
    }
    let tn = vm.type_name_of(v);
    Err(vm.type_error(&format!("expected string or bytes-like object, got '{tn}'")))
}

/// The bytes of a bytes-like object (bytes, bytearray, memoryview, a native object with a
/// buffer); None for others.
pub fn bytes_like(vm: &mut Vm, v: Value) -> Option<Vec<u8>> {
    match v.kind() {
        Some(ObjKind::Bytes) | Some(ObjKind::ByteArray) | Some(ObjKind::MemoryView) => crate::builtins::bytes::bytes_from(vm, v).ok(),
        Some(ObjKind::Native) => v.get::<NativeObj>().and_then(|o| o.with_buffer(|b| b.to_vec())),
        _ => None,
    }
}
