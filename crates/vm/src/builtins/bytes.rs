//! bytes and bytearray: conversion helpers and methods.

use crate::heap::{ObjKind, Value};
use crate::interp::{PyResult, Vm};
use crate::objects::*;

/// The bytes of a bytes-like object (bytes, bytearray, memoryview).
pub fn bytes_from(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    match v.kind() {
        Some(ObjKind::Bytes) => Ok(v.get::<BytesObj>().expect("bytes").data.to_vec()),
        Some(ObjKind::ByteArray) => Ok(v.get::<ByteArrayObj>().expect("bytearray").data.borrow().clone()),
        Some(ObjKind::MemoryView) => super::memoryview::view_bytes(vm, v),
        // native library objects that export a buffer (array.array)
        Some(ObjKind::Native) => match v.get::<NativeObj>().and_then(|o| o.with_buffer(|b| b.to_vec())) {
            Some(b) => Ok(b),
            None => {
                let tn = vm.type_name_of(v);
                Err(vm.type_error(&format!("a bytes-like object is required, not '{tn}'")))
            }
        },
        _ => {
            let tn = vm.type_name_of(v);
            Err(vm.type_error(&format!("a bytes-like object is required, not '{tn}'")))
        }
    }
}

/// bytes(x) / bytearray(x) contents from an int count, bytes-like or iterable of ints.
pub fn bytes_ctor_data(vm: &mut Vm, x: Value, encoding: Option<Value>) -> PyResult<Vec<u8>> {
    bytes_ctor_data_for(vm, x, encoding, "bytes")
}

/// The data of `bytes(x)` / `bytearray(x)` (`what` names the class in errors).
/// `bytes(n)`: n zero bytes, with CPython's errors for a negative or huge count.
pub fn zeroed(vm: &mut Vm, count: Value) -> PyResult<Vec<u8>> {
    let n = vm.as_i64(count).ok_or_else(|| vm.overflow_error("cannot fit 'int' into an index-sized integer"))?;
    if n < 0 {
        return Err(vm.value_error("negative count"));
    }
    let n = vm.checked_len(n as u128)?;
    let mut v = Vec::new();
    if v.try_reserve(n).is_err() {
        return Err(vm.memory_error());
    }
    v.resize(n, 0);
    Ok(v)
}

pub fn bytes_ctor_data_for(vm: &mut Vm, x: Value, encoding: Option<Value>, what: &str) -> PyResult<Vec<u8>> {
    if let Some(enc) = encoding {
        if x.get::<StrObj>().is_none() {
            return Err(vm.type_error("encoding without a string argument"));
        }
        let e = vm.str_of(enc);
        return encode(vm, x, &e, "strict");
    }
    if x.kind() == Some(ObjKind::Str) {
        return Err(vm.type_error("string argument without an encoding"));
    }
    let x = if vm.is_int(x) || x.kind() == Some(ObjKind::Bytes) || x.kind() == Some(ObjKind::ByteArray) {
        x
    } else {
        match vm.index_opt(x)? {
            Some(n) => n,
            None => x,
        }
    };
    if vm.is_int(x) {
        return zeroed(vm, x);
    }
    if let Ok(b) = bytes_from(vm, x) {
        return Ok(b);
    }
    if !vm.is_iterable(x) {
        let tn = vm.type_name_of(x);
        return Err(vm.type_error(&format!("cannot convert '{tn}' object to {what}")));
    }
    let (_h, items) = vm.to_vec(x)?;
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        let i = vm.index_of(it)?;
        match vm.as_i64(i) {
            Some(b) if (0..256).contains(&b) => out.push(b as u8),
            _ => return Err(vm.value_error("bytes must be in range(0, 256)")),
        }
    }
    Ok(out)
}

pub use super::codecs::{decode, decode_str, encode};
