//! Argument conversions of the posix functions: paths (str, bytes, os.PathLike, and for
//! some functions an open descriptor), descriptors and the OSError they raise.

use crate::heap::{ObjKind, Value};
use crate::interp::{PyErr, PyResult, Vm};
use crate::objects::*;

/// A path argument as the bytes the OS sees, remembering whether results should be bytes.
pub struct PathArg {
    pub bytes: Vec<u8>,
    pub is_bytes: bool,
    /// The object given, for the filename of an OSError.
    pub obj: Value,
}

/// A path or, where the function allows it, a descriptor.
pub enum PathOrFd {
    Path(PathArg),
    Fd(i32),
}

fn bytes_of(v: Value) -> Option<Vec<u8>> {
    if let Some(b) = v.get::<BytesObj>() {
        return Some(b.data.to_vec());
    }
    None
}

/// The OS bytes of a str: UTF-8 with lone surrogates as the bytes surrogateescape gives.
pub fn encode_str(vm: &mut Vm, s: Value) -> PyResult<Vec<u8>> {
    if s.get::<StrObj>().is_some_and(|o| o.has_surrogates()) {
        return crate::builtins::codecs::encode(vm, s, "utf-8", "surrogateescape");
    }
    Ok(vm.str_of(s).into_bytes())
}

/// A str from OS bytes (undecodable bytes become lone surrogates, as CPython's fs codec).
pub fn decode_os(vm: &mut Vm, b: &[u8]) -> PyResult<Value> {
    match std::str::from_utf8(b) {
        Ok(s) => Ok(vm.new_str(s)),
        Err(_) => crate::builtins::codecs::decode_str(vm, b, "utf-8", "surrogateescape"),
    }
}

/// A result path of the same type as the argument.
pub fn out_path(vm: &mut Vm, b: &[u8], as_bytes: bool) -> PyResult<Value> {
    if as_bytes {
        Ok(vm.new_bytes(b.to_vec()))
    } else {
        decode_os(vm, b)
    }
}

pub fn path(vm: &mut Vm, v: Value, fname: &str, argname: &str) -> PyResult<PathArg> {
    match path_or_fd(vm, v, fname, argname, false)? {
        PathOrFd::Path(p) => Ok(p),
        PathOrFd::Fd(_) => Err(vm.type_error("unreachable")),
    }
}

pub fn path_or_fd(vm: &mut Vm, v: Value, fname: &str, argname: &str, allow_fd: bool) -> PyResult<PathOrFd> {
    let kinds = if allow_fd { "string, bytes, os.PathLike or integer" } else { "string, bytes or os.PathLike" };
    let bad = |vm: &mut Vm, v: Value| {
        let tn = vm.type_name_of(v);
        vm.type_error(&format!("{fname}: {argname} should be {kinds}, not {tn}"))
    };
    let p = match v.kind() {
        Some(ObjKind::Str) | Some(ObjKind::Bytes) => v,
        _ => {
            if allow_fd && (v.is_small() || v.kind() == Some(ObjKind::BigInt) || vm.isinstance(v, vm.types.int)) && v.kind() != Some(ObjKind::Bool) {
                let i = vm.index_of(v)?;
                return match vm.as_i64(i) {
                    Some(n) if n >= i32::MIN as i64 && n <= i32::MAX as i64 => Ok(PathOrFd::Fd(n as i32)),
                    Some(n) if n < 0 => Err(vm.overflow_error("fd is less than minimum")),
                    _ => Err(vm.overflow_error("fd is greater than maximum")),
                };
            }
            let ty = vm.type_of(v);
            if vm.lookup_str(ty, "__fspath__").is_none() {
                return Err(bad(vm, v));
            }
            let r = super::super::io::fspath(vm, v)?;
            if !matches!(r.kind(), Some(ObjKind::Str) | Some(ObjKind::Bytes)) {
                return Err(bad(vm, v));
            }
            r
        }
    };
    let is_bytes = p.kind() == Some(ObjKind::Bytes);
    let bytes = if is_bytes { bytes_of(p).unwrap_or_default() } else { encode_str(vm, p)? };
    if bytes.contains(&0) {
        return Err(vm.value_error(&format!("{fname}: embedded null character in {argname}")));
    }
    Ok(PathOrFd::Path(PathArg { bytes, is_bytes, obj: v }))
}

/// An int argument that must fit a C int.
pub fn int(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if v.kind() == Some(ObjKind::Float) {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let i = vm.index_of(v)?;
    vm.as_i64(i).ok_or_else(|| vm.overflow_error("Python int too large to convert to C long"))
}

pub fn fd(vm: &mut Vm, v: Value) -> PyResult<i32> {
    let n = int(vm, v)?;
    if n > i32::MAX as i64 {
        return Err(vm.overflow_error("fd is greater than maximum"));
    }
    if n < i32::MIN as i64 {
        return Err(vm.overflow_error("fd is less than minimum"));
    }
    Ok(n as i32)
}

/// OSError (its errno subclass) for `code`, with the file name(s).
pub fn os_err(vm: &mut Vm, code: i32, filename: Option<Value>, filename2: Option<Value>) -> PyErr {
    let e = std::io::Error::from_raw_os_error(code);
    let err = super::super::io::os_error(vm, &e, filename);
    if let Some(f2) = filename2 {
        vm.set_exc_field(err.0, "filename2", f2);
        // str() of an OSError with two names shows both
        let n = vm.none;
        let f1 = filename.unwrap_or(n);
        let code_v = vm.new_int(code as i64);
        let msg = vm.new_string(super::sys_calls::strerror(code));
        let args = vm.new_tuple(vec![code_v, msg, f1, n, f2]);
        let ty = vm.type_of(err.0);
        if let Ok(e2) = vm.call(ty, &[code_v, msg, f1, n, f2]) {
            let _ = args;
            return PyErr(e2);
        }
    }
    err
}

pub fn io_err(vm: &mut Vm, e: &std::io::Error, filename: Option<Value>) -> PyErr {
    os_err(vm, e.raw_os_error().unwrap_or(libc::EIO), filename, None)
}

/// True when `v` is None or absent.
pub fn is_none(vm: &Vm, v: Option<Value>) -> bool {
    v.is_none_or(|v| v == vm.none)
}
