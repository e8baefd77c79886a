//! The one-word value representation and typed pointers to heap objects.
#![allow(unsafe_code)]

use std::fmt;
use std::marker::PhantomData;
use std::ptr::NonNull;

use super::object::{Header, ObjKind, Payload};

/// A Python value in one machine word: a tagged small int (low bit 1), a pointer to a heap
/// object (8-aligned, non-zero), or `NULL` (0, never visible to Python).
#[derive(Copy, Clone, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct Value(u64);

pub const SMALL_MIN: i64 = -(1 << 62);
pub const SMALL_MAX: i64 = (1 << 62) - 1;

impl Default for Value {
    fn default() -> Value {
        Value::NULL
    }
}

impl Value {
    pub const NULL: Value = Value(0);

    #[inline]
    pub fn raw(self) -> u64 {
        self.0
    }
    #[inline]
    pub fn from_raw(bits: u64) -> Value {
        Value(bits)
    }
    #[inline]
    pub fn is_null(self) -> bool {
        self.0 == 0
    }
    /// A small int, or None when `i` needs a big int.
    #[inline]
    pub fn small(i: i64) -> Option<Value> {
        if (SMALL_MIN..=SMALL_MAX).contains(&i) {
            Some(Value(((i << 1) | 1) as u64))
        } else {
            None
        }
    }
    #[inline]
    pub fn is_small(self) -> bool {
        self.0 & 1 == 1
    }
    /// The small int; meaningful only when `is_small()`.
    #[inline]
    pub fn small_value(self) -> i64 {
        (self.0 as i64) >> 1
    }
    #[inline]
    pub fn is_ptr(self) -> bool {
        self.0 & 1 == 0 && self.0 != 0
    }
    #[inline]
    pub fn header(self) -> Option<&'static Header> {
        if self.is_ptr() {
            // SAFETY: a pointer-tagged value always points at a live heap object: values are
            // only made from objects the GC allocated, and the GC keeps every object reachable
            // from a root (including conservatively from the native stack) alive.
            Some(unsafe { &*(self.0 as *const Header) })
        } else {
            None
        }
    }
    #[inline]
    pub fn kind(self) -> Option<ObjKind> {
        self.header().map(|h| h.kind)
    }
    /// The object as payload `T`, when its kind is `T::KIND`.
    #[inline]
    pub fn get<T: Payload>(self) -> Option<Gc<T>> {
        match self.header() {
            Some(h) if h.kind == T::KIND => Some(Gc { ptr: NonNull::from(h).cast(), _t: PhantomData }),
            _ => None,
        }
    }
    pub fn addr(self) -> usize {
        self.0 as usize
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_small() {
            write!(f, "Int({})", self.small_value())
        } else if self.is_null() {
            write!(f, "NULL")
        } else {
            write!(f, "Obj({:?}@{:#x})", self.kind(), self.0)
        }
    }
}

/// A heap object: the common header followed by a payload.
#[repr(C)]
pub struct Obj<T> {
    pub hdr: Header,
    pub data: T,
}

/// A typed pointer to a heap object whose kind is `T::KIND`.
pub struct Gc<T: Payload> {
    ptr: NonNull<Obj<T>>,
    _t: PhantomData<T>,
}

impl<T: Payload> Clone for Gc<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Payload> Copy for Gc<T> {}
impl<T: Payload> PartialEq for Gc<T> {
    fn eq(&self, o: &Self) -> bool {
        self.ptr == o.ptr
    }
}

impl<T: Payload> Gc<T> {
    pub(super) fn from_ptr(ptr: NonNull<Obj<T>>) -> Gc<T> {
        Gc { ptr, _t: PhantomData }
    }
    #[inline]
    pub fn value(self) -> Value {
        Value(self.ptr.as_ptr() as u64)
    }
    #[inline]
    pub fn hdr(&self) -> &'static Header {
        // SAFETY: see `Value::header`; a Gc is only built from a live object of kind T.
        unsafe { &(*self.ptr.as_ptr()).hdr }
    }
}

impl<T: Payload> std::ops::Deref for Gc<T> {
    type Target = T;
    #[inline]
    fn deref(&self) -> &T {
        // SAFETY: a Gc<T> is only made from a live object whose kind is T::KIND, so the
        // memory holds an initialised Obj<T>; the GC does not free or move it while the Gc
        // is reachable (the native stack is scanned conservatively, interior pointers included).
        unsafe { &(*self.ptr.as_ptr()).data }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_ints_roundtrip() {
        for i in [0, 1, -1, SMALL_MAX, SMALL_MIN, 12345, -98765] {
            let v = Value::small(i).unwrap();
            assert!(v.is_small());
            assert!(!v.is_ptr());
            assert_eq!(v.small_value(), i);
        }
        assert!(Value::small(SMALL_MAX + 1).is_none());
        assert!(Value::small(SMALL_MIN - 1).is_none());
        assert!(Value::NULL.is_null());
        assert!(!Value::NULL.is_ptr());
    }
}
