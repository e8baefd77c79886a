//! int, bool, float and complex: constructors and methods.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};
use pyjit_compiler::opcode::{BinOp, CmpOp};

use crate::heap::{ObjKind, Value};
use crate::interp::{PyResult, Vm};
use crate::objects::*;

use super::num::{float_repr, Num};
use super::{arg, arity, method, split_kw, static_method};

fn int_new(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    let (pos, kws) = split_kw(vm, args, kw);
    let cls = pos[0];
    if pos.len() + kws.len() > 3 {
        return Err(vm.type_error(&format!("int() takes at most 2 arguments ({} given)", pos.len() + kws.len() - 1)));
    }
    let x = pos.get(1).copied();
    let mut base = pos.get(2).copied();
    for (k, v) in kws {
        match k.as_str() {
            "base" => base = Some(v),
            _ => return Err(vm.type_error(&format!("'{k}' is an invalid keyword argument for int()"))),
        }
    }
    let v = match (x, base) {
        (None, None) => Value::small(0).unwrap_or(Value::NULL),
        (None, Some(_)) => return Err(vm.type_error("int() missing string argument")),
        (Some(x), Some(b)) => {
            let b = vm.index_of(b)?;
            let b = vm.as_i64(b).unwrap_or(-1);
            if b != 0 && !(2..=36).contains(&b) {
                return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
            }
            match x.kind() {
                Some(ObjKind::Str) => {
                    let text = vm.str_of(x);
                    vm.parse_int(&text, b as u32)?
                }
                Some(ObjKind::Bytes) | Some(ObjKind::ByteArray) => {
                    let data = super::bytes::bytes_from(vm, x)?;
                    vm.parse_int_bytes(&data, b as u32)?
                }
                _ => return Err(vm.type_error("int() can't convert non-string with explicit base")),
            }
        }
        (Some(x), None) => int_from(vm, x)?,
    };
    if cls == vm.types.int {
        return Ok(v);
    }
    // subclass of int: a BigInt payload with the subclass as type
    let b = vm.as_bigint(v).unwrap_or_default();
    if cls == vm.types.bool {
        return Ok(vm.bool_val(!b.is_zero()));
    }
    vm.heap.note_external((b.bits() / 8) as usize);
    Ok(vm.alloc(cls, IntObj(b)).value())
}

/// int(x) for one argument.
pub fn int_from(vm: &mut Vm, x: Value) -> PyResult<Value> {
    if x.is_small() {
        return Ok(x);
    }
    match x.kind() {
        Some(ObjKind::BigInt) | Some(ObjKind::Bool) if !vm.is_heap_type(x) => {
            let b = vm.as_bigint(x).unwrap_or_default();
            return Ok(vm.new_bigint(b));
        }
        Some(ObjKind::Float) if !vm.is_heap_type(x) => {
            let f = x.get::<FloatObj>().map(|f| f.0).unwrap_or(0.0);
            return float_to_int(vm, f);
        }
        Some(ObjKind::Str) => {
            let s = vm.str_of(x);
            return vm.parse_int(&s, 10);
        }
        Some(ObjKind::Bytes) | Some(ObjKind::ByteArray) => {
            let data = super::bytes::bytes_from(vm, x)?;
            return vm.parse_int_bytes(&data, 10);
        }
        _ => {}
    }
    let ty = vm.type_of(x);
    for name in ["__int__", "__index__"] {
        let n = vm.intern(name);
        if let Some(f) = vm.lookup(ty, n) {
            let r = vm.call(f, &[x])?;
            return exact_int(vm, r, name);
        }
    }
    let n = vm.intern("__trunc__");
    if let Some(f) = vm.lookup(ty, n) {
        let dw = vm.types.deprecation_warning;
        crate::modules::warnings::warn(vm, dw, "The delegation of int() to __trunc__ is deprecated.", 1)?;
        let r = vm.call(f, &[x])?;
        if vm.is_int(r) {
            let b = vm.as_bigint(r).unwrap_or_default();
            return Ok(vm.new_bigint(b));
        }
        let rt = vm.type_of(r);
        let idx = vm.intern("__index__");
        let Some(g) = vm.lookup(rt, idx) else {
            let tn = vm.type_name(rt);
            return Err(vm.type_error(&format!("__trunc__ returned non-Integral (type {tn})")));
        };
        let r = vm.call(g, &[r])?;
        return exact_int(vm, r, "__index__");
    }
    if let Some(Num::Float(f)) = vm.as_num(x) {
        return float_to_int(vm, f);
    }
    if matches!(x.kind(), Some(ObjKind::MemoryView)) || x.get::<NativeObj>().is_some_and(|o| o.with_buffer(|_| ()).is_some()) {
        let data = super::bytes::bytes_from(vm, x)?;
        return vm.parse_int_bytes(&data, 10);
    }
    let tn = vm.type_name(ty);
    Err(vm.type_error(&format!("int() argument must be a string, a bytes-like object or a real number, not '{tn}'")))
}

/// The exact int of what `__int__` or `__index__` returned: TypeError for a non-int, a
/// DeprecationWarning (then its value) for an instance of a strict subclass of int.
fn exact_int(vm: &mut Vm, r: Value, name: &str) -> PyResult<Value> {
    if !vm.is_int(r) {
        let tn = vm.type_name_of(r);
        return Err(vm.type_error(&format!("{name} returned non-int (type {tn})")));
    }
    let rt = vm.type_of(r);
    if rt != vm.types.int {
        let tn = vm.type_name(rt);
        let dw = vm.types.deprecation_warning;
        let msg = format!("{name} returned non-int (type {tn}).  The ability to return an instance of a strict subclass of int is deprecated, and may be removed in a future version of Python.");
        crate::modules::warnings::warn(vm, dw, &msg, 1)?;
    }
    let b = vm.as_bigint(r).unwrap_or_default();
    Ok(vm.new_bigint(b))
}

pub fn float_to_int(vm: &mut Vm, f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    let t = f.trunc();
    if t.abs() < 9.0e18 {
        return Ok(vm.new_int(t as i64));
    }
    let b = num_bigint::BigInt::from(t as i128);
    if t.abs() < 1.0e38 {
        return Ok(vm.new_bigint(b));
    }
    // exact conversion through the bits
    let bits = t.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mant = (bits & ((1 << 52) - 1)) | (1 << 52);
    let mut v = BigInt::from(mant) << exp as usize;
    if t < 0.0 {
        v = -v;
    }
    Ok(vm.new_bigint(v))
}

fn float_new(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    super::no_kw_unless_init(vm, kw, args[0], "float")?;
    let args = &args[..args.len() - kw.get::<TupleObj>().map_or(0, |t| t.items.len())];
    if args.len() > 2 {
        return Err(vm.type_error(&format!("float expected at most 1 argument, got {}", args.len() - 1)));
    }
    let cls = args[0];
    let f = match args.get(1) {
        None => 0.0,
        Some(&x) => float_from(vm, x)?,
    };
    if cls == vm.types.float {
        return Ok(vm.new_float(f));
    }
    Ok(vm.alloc(cls, FloatObj(f)).value())
}

/// float(text) for a str: digits of other scripts and Unicode spaces allowed.
pub fn parse_float(s: &str) -> Option<f64> {
    super::numparse::parse_float_ascii(&super::numparse::to_ascii_number(s))
}

pub fn float_from(vm: &mut Vm, x: Value) -> PyResult<f64> {
    match vm.as_num(x) {
        Some(Num::Float(f)) if !vm.is_heap_type(x) => return Ok(f),
        Some(Num::Small(i)) if !vm.is_heap_type(x) => return Ok(i as f64),
        Some(Num::Int(b)) if !vm.is_heap_type(x) => return vm.int_to_f64(&b),
        _ => {}
    }
    if let Some(s) = x.get::<StrObj>() {
        return parse_float(&s.s).ok_or_else(|| {
            let r = super::strfmt::repr_str(&s.s);
            vm.value_error(&format!("could not convert string to float: {r}"))
        });
    }
    if matches!(x.kind(), Some(ObjKind::Bytes) | Some(ObjKind::ByteArray)) {
        let b = super::bytes::bytes_from(vm, x)?;
        let s: String = b.iter().map(|&c| c as char).collect();
        return super::numparse::parse_float_ascii(&s).filter(|_| b.is_ascii()).ok_or_else(|| vm.value_error(&format!("could not convert string to float: {}", super::strfmt::repr_bytes(&b, "b"))));
    }
    let ty = vm.type_of(x);
    let n = vm.intern("__float__");
    if let Some(f) = vm.lookup(ty, n) {
        let r = vm.call(f, &[x])?;
        return match vm.as_num(r) {
            Some(Num::Float(f)) => {
                let rt = vm.type_of(r);
                if rt != vm.types.float {
                    let msg = format!("{}.__float__ returned non-float (type {}).  The ability to return an instance of a strict subclass of float is deprecated, and may be removed in a future version of Python.", vm.type_name(ty), vm.type_name(rt));
                    let dw = vm.types.deprecation_warning;
                    crate::modules::warnings::warn(vm, dw, &msg, 1)?;
                }
                Ok(f)
            }
            _ => {
                let tn = vm.type_name_of(r);
                Err(vm.type_error(&format!("{}.__float__ returned non-float (type {tn})", vm.type_name(ty))))
            }
        };
    }
    let n = vm.intern("__index__");
    if let Some(f) = vm.lookup(ty, n) {
        let r = vm.call(f, &[x])?;
        let b = vm.as_bigint(r).unwrap_or_default();
        return vm.int_to_f64(&b);
    }
    match vm.as_num(x) {
        Some(Num::Float(f)) => Ok(f),
        Some(Num::Small(i)) => Ok(i as f64),
        Some(Num::Int(b)) => vm.int_to_f64(&b),
        _ if matches!(x.kind(), Some(ObjKind::MemoryView)) || x.get::<NativeObj>().is_some_and(|o| o.with_buffer(|_| ()).is_some()) => {
            // a buffer's bytes, as PyFloat_FromString reads them
            let b = super::bytes::bytes_from(vm, x)?;
            let s: String = b.iter().map(|&c| c as char).collect();
            match super::numparse::parse_float_ascii(&s).filter(|_| b.is_ascii()) {
                Some(f) => Ok(f),
                None => {
                    let r = vm.repr(x)?;
                    Err(vm.value_error(&format!("could not convert string to float: {r}")))
                }
            }
        }
        _ => {
            let tn = vm.type_name(ty);
            Err(vm.type_error(&format!("float() argument must be a string or a real number, not '{tn}'")))
        }
    }
}

fn complex_new(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    let (pos, kws) = split_kw(vm, args, kw);
    let mut re = pos.get(1).copied();
    let mut im = pos.get(2).copied();
    for (k, v) in kws {
        match k.as_str() {
            "real" => re = Some(v),
            "imag" => im = Some(v),
            _ => return Err(vm.type_error(&format!("'{k}' is an invalid keyword argument for complex()"))),
        }
    }
    // (real, imag, whether the value was complex)
    let parts = |vm: &mut Vm, v: Value, first: bool| -> PyResult<(f64, f64, bool)> {
        match vm.as_num(v) {
            Some(Num::Complex(r, i)) => Ok((r, i, true)),
            Some(_) => Ok((float_from(vm, v)?, 0.0, false)),
            None => {
                if let Some(s) = v.get::<StrObj>() {
                    use super::numparse::{parse_complex_ascii, to_ascii_number, ComplexParseError};
                    return match parse_complex_ascii(&to_ascii_number(&s.s)) {
                        Ok((r, i)) => Ok((r, i, true)),
                        Err(ComplexParseError::Malformed) => Err(vm.value_error("complex() arg is a malformed string")),
                        Err(ComplexParseError::Underscore) => {
                            let r = super::strfmt::repr_str(&s.s);
                            Err(vm.value_error(&format!("could not convert string to complex: {r}")))
                        }
                    };
                }
                let ty = vm.type_of(v);
                if first {
                    let n = vm.intern("__complex__");
                    if let Some(f) = vm.lookup(ty, n) {
                        let r = vm.call(f, &[v])?;
                        return match r.get::<ComplexObj>() {
                            Some(c) => Ok((c.re, c.im, true)),
                            None => {
                                let tn = vm.type_name_of(r);
                                Err(vm.type_error(&format!("__complex__ returned non-complex (type {tn})")))
                            }
                        };
                    }
                }
                let (fl, ix) = (vm.intern("__float__"), vm.intern("__index__"));
                if vm.lookup(ty, fl).is_some() || vm.lookup(ty, ix).is_some() {
                    return Ok((float_from(vm, v)?, 0.0, false));
                }
                let tn = vm.type_name_of(v);
                let which = if first { "first argument must be a string or a number" } else { "second argument must be a number" };
                Err(vm.type_error(&format!("complex() {which}, not '{tn}'")))
            }
        }
    };
    if let (Some(r), Some(_)) = (re, im) {
        if r.kind() == Some(ObjKind::Str) {
            return Err(vm.type_error("complex() can't take second arg if first is a string"));
        }
    }
    let (cr, cr_complex) = match re {
        Some(v) => {
            let (r, i, c) = parts(vm, v, true)?;
            ((r, i), c)
        }
        None => ((0.0, 0.0), false),
    };
    // CPython's correction for non-real parts: (a+bj) + (c+dj)*1j
    let (real, imag) = match im {
        Some(v) => {
            if v.kind() == Some(ObjKind::Str) {
                return Err(vm.type_error("complex() second arg can't be a string"));
            }
            let (ci0, ci1, ci_complex) = parts(vm, v, false)?;
            let ci = (ci0, ci1);
            let mut real = cr.0;
            if ci_complex {
                real -= ci.1;
            }
            let imag = if cr_complex { ci.0 + cr.1 } else { ci.0 };
            (real, imag)
        }
        None => (cr.0, cr.1),
    };
    let cls = args[0];
    if cls.get::<TypeObj>().is_some() && cls != vm.types.complex {
        return Ok(vm.alloc(cls, ComplexObj { re: real, im: imag }).value());
    }
    Ok(vm.new_complex(real, imag))
}

pub fn round_float(vm: &mut Vm, f: f64, nd: Option<Value>) -> PyResult<Value> {
    match nd {
        None => {
            let r = f.round();
            // round half to even
            let r = if (f - f.trunc()).abs() == 0.5 { 2.0 * (f / 2.0).round() } else { r };
            float_to_int(vm, r)
        }
        Some(n) => {
            let n = vm.index_of(n)?;
            // clipped to the ssize_t range, as PyNumber_AsSsize_t(.., NULL) does
            let n = vm.as_i64(n).unwrap_or(if vm.as_bigint(n).map(|b| b.is_negative()).unwrap_or(false) { i64::MIN } else { i64::MAX });
            if !f.is_finite() || n > 323 {
                return Ok(vm.new_float(f));
            }
            if n < -308 {
                return Ok(vm.new_float(0.0 * f));
            }
            match super::floatconv::round_float_digits(f, n) {
                Some(r) => Ok(vm.new_float(r)),
                None => Err(vm.overflow_error("rounded value too large to represent")),
            }
        }
    }
}

pub fn round_int(vm: &mut Vm, x: Value, nd: Option<Value>) -> PyResult<Value> {
    let b = vm.as_bigint(x).unwrap_or_default();
    let Some(n) = nd else { return Ok(vm.new_bigint(b)) };
    let n = vm.index_of(n)?;
    let n = vm.as_bigint(n).unwrap_or_default();
    if !n.is_negative() {
        return Ok(vm.new_bigint(b));
    }
    // 10**-n has more digits than b: the result is 0
    let Some(k) = (-&n).to_u64().filter(|&k| k <= b.bits() / 3 + 1) else { return Ok(vm.new_int(0)) };
    let p = num_traits::pow(BigInt::from(10), k as usize);
    let (q, r) = b.div_mod_floor(&p);
    let twice = &r * 2;
    let q = if twice > p || (twice == p && q.is_odd()) { q + 1 } else { q };
    Ok(vm.new_bigint(q * p))
}

// ---- int methods ----

fn self_int(vm: &mut Vm, v: Value) -> PyResult<BigInt> {
    vm.as_bigint(v).ok_or_else(|| vm.type_error("descriptor requires an 'int' object"))
}

fn int_bit_length(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    if let Some(&v) = args.first().filter(|v| v.is_small()) {
        let n = v.small_value().unsigned_abs();
        return Ok(vm.new_int((u64::BITS - n.leading_zeros()) as i64));
    }
    let b = self_int(vm, args[0])?;
    Ok(vm.new_int(b.bits() as i64))
}

fn int_bit_count(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let b = self_int(vm, args[0])?;
    let n: u64 = b.magnitude().iter_u64_digits().map(|d| d.count_ones() as u64).sum();
    Ok(vm.new_int(n as i64))
}

fn int_to_bytes(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    let (pos, kws) = split_kw(vm, args, kw);
    let b = self_int(vm, pos[0])?;
    let mut length = pos.get(1).copied();
    let mut order = pos.get(2).copied();
    let mut signed = false;
    for (k, v) in kws {
        match k.as_str() {
            "length" => length = Some(v),
            "byteorder" => order = Some(v),
            "signed" => signed = vm.truthy(v)?,
            _ => return Err(vm.type_error(&format!("'{k}' is an invalid keyword argument for to_bytes()"))),
        }
    }
    let length = match length {
        Some(l) => vm.ssize_arg(l)?,
        None => 1,
    };
    if length < 0 {
        return Err(vm.value_error("length argument must be non-negative"));
    }
    vm.check_alloc(length as usize)?;
    let order = order.map(|o| vm.str_of(o)).unwrap_or_else(|| "big".into());
    if order != "big" && order != "little" {
        return Err(vm.value_error("byteorder must be either 'little' or 'big'"));
    }
    if !signed && b.is_negative() {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    let mut bytes = if signed { b.to_signed_bytes_le() } else { b.to_bytes_le().1 };
    if b.is_zero() {
        bytes.clear();
    }
    if bytes.len() > length as usize {
        return Err(vm.overflow_error("int too big to convert"));
    }
    let fill = if b.is_negative() { 0xff } else { 0 };
    bytes.resize(length as usize, fill);
    if order == "big" {
        bytes.reverse();
    }
    Ok(vm.new_bytes(bytes))
}

fn int_from_bytes(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    let (pos, kws) = split_kw(vm, args, kw);
    let cls = pos[0];
    let mut data = pos.get(1).copied();
    let mut order = pos.get(2).copied();
    let mut signed = false;
    for (k, v) in kws {
        match k.as_str() {
            "bytes" => data = Some(v),
            "byteorder" => order = Some(v),
            "signed" => signed = vm.truthy(v)?,
            _ => return Err(vm.type_error(&format!("'{k}' is an invalid keyword argument for from_bytes()"))),
        }
    }
    if pos.len() > 3 {
        return Err(vm.type_error(&format!("from_bytes() takes at most 2 positional arguments ({} given)", pos.len() - 1)));
    }
    let data = data.ok_or_else(|| vm.type_error("from_bytes() missing required argument 'bytes' (pos 1)"))?;
    if vm.is_int(data) {
        // PyObject_Bytes: an int is not a length here
        let tn = vm.type_name_of(data);
        return Err(vm.type_error(&format!("cannot convert '{tn}' object to bytes")));
    }
    // PyObject_Bytes: __bytes__ first
    let data = match vm.lookup_str(vm.type_of(data), "__bytes__") {
        Some(f) if !matches!(data.kind(), Some(ObjKind::Bytes)) => {
            let r = vm.call(f, &[data])?;
            if r.kind() != Some(ObjKind::Bytes) {
                let tn = vm.type_name_of(r);
                return Err(vm.type_error(&format!("__bytes__ returned non-bytes (type {tn})")));
            }
            r
        }
        _ => data,
    };
    let mut b = super::bytes::bytes_ctor_data(vm, data, None)?;
    let order = order.map(|o| vm.str_of(o)).unwrap_or_else(|| "big".into());
    if order != "big" && order != "little" {
        return Err(vm.value_error("byteorder must be either 'little' or 'big'"));
    }
    if order == "big" {
        b.reverse();
    }
    let v = if signed { BigInt::from_signed_bytes_le(&b) } else { BigInt::from_bytes_le(num_bigint::Sign::Plus, &b) };
    let r = vm.new_bigint(v);
    if cls != vm.types.int {
        return vm.call(cls, &[r]);
    }
    Ok(r)
}

fn int_as_integer_ratio(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let b = self_int(vm, args[0])?;
    let v = vm.new_bigint(b);
    let one = vm.new_int(1);
    Ok(vm.new_tuple(vec![v, one]))
}

fn int_conjugate(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let b = self_int(vm, args[0])?;
    Ok(vm.new_bigint(b))
}

fn int_denominator(vm: &mut Vm, _args: &[Value], _kw: Value) -> PyResult<Value> {
    Ok(vm.new_int(1))
}

fn int_imag(vm: &mut Vm, _args: &[Value], _kw: Value) -> PyResult<Value> {
    Ok(vm.new_int(0))
}

/// Position of a number in the tower int < float < complex; not a number ranks above all.
fn num_rank(vm: &Vm, v: Value) -> u8 {
    match vm.as_num(v) {
        Some(Num::Small(_)) | Some(Num::Int(_)) => 0,
        Some(Num::Float(_)) => 1,
        Some(Num::Complex(..)) => 2,
        None => 3,
    }
}

macro_rules! num_dunder {
    ($name:ident, $op:expr, $rev:expr) => {
        fn $name(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
            arity(vm, args, 2, 2, stringify!($name))?;
            let (a, b) = if $rev { (args[1], args[0]) } else { (args[0], args[1]) };
            if num_rank(vm, args[1]) > num_rank(vm, args[0]) {
                // int.__add__(1.5) and float.__mul__(1j) leave it to the wider type
                return Ok(vm.not_implemented);
            }
            match vm.num_binop(a, b, $op)? {
                Some(r) => Ok(r),
                None => Ok(vm.not_implemented),
            }
        }
    };
}

num_dunder!(n_add, BinOp::Add, false);
num_dunder!(n_radd, BinOp::Add, true);
num_dunder!(n_sub, BinOp::Sub, false);
num_dunder!(n_rsub, BinOp::Sub, true);
num_dunder!(n_mul, BinOp::Mul, false);
num_dunder!(n_rmul, BinOp::Mul, true);
num_dunder!(n_truediv, BinOp::TrueDiv, false);
num_dunder!(n_rtruediv, BinOp::TrueDiv, true);
num_dunder!(n_floordiv, BinOp::FloorDiv, false);
num_dunder!(n_rfloordiv, BinOp::FloorDiv, true);
num_dunder!(n_mod, BinOp::Mod, false);
num_dunder!(n_rmod, BinOp::Mod, true);
fn n_pow(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    if args.len() == 3 && args[2] != vm.none {
        let pow = vm.dict_get_by_str(vm.builtins_dict, "pow").ok_or_else(|| vm.type_error("pow missing"))?;
        return vm.call(pow, args);
    }
    arity(vm, args, 2, 3, "__pow__")?;
    if num_rank(vm, args[1]) > num_rank(vm, args[0]) {
        return Ok(vm.not_implemented);
    }
    Ok(vm.num_binop(args[0], args[1], BinOp::Pow)?.unwrap_or(vm.not_implemented))
}
num_dunder!(n_rpow, BinOp::Pow, true);
num_dunder!(n_lshift, BinOp::LShift, false);
num_dunder!(n_rlshift, BinOp::LShift, true);
num_dunder!(n_rshift, BinOp::RShift, false);
num_dunder!(n_rrshift, BinOp::RShift, true);
num_dunder!(n_and, BinOp::And, false);
num_dunder!(n_rand, BinOp::And, true);
num_dunder!(n_or, BinOp::Or, false);
num_dunder!(n_ror, BinOp::Or, true);
num_dunder!(n_xor, BinOp::Xor, false);
num_dunder!(n_rxor, BinOp::Xor, true);

macro_rules! cmp_dunder {
    ($name:ident, $op:expr) => {
        fn $name(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
            arity(vm, args, 2, 2, stringify!($name))?;
            if num_rank(vm, args[1]) > num_rank(vm, args[0]) {
                return Ok(vm.not_implemented);
            }
            match super::compare::native_compare(vm, args[0], args[1], $op)? {
                Some(r) => Ok(r),
                None => Ok(vm.not_implemented),
            }
        }
    };
}

cmp_dunder!(c_lt, CmpOp::Lt);
cmp_dunder!(c_le, CmpOp::Le);
cmp_dunder!(c_eq, CmpOp::Eq);
cmp_dunder!(c_ne, CmpOp::Ne);
cmp_dunder!(c_gt, CmpOp::Gt);
cmp_dunder!(c_ge, CmpOp::Ge);

fn n_neg(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let v = as_base_num(vm, args[0])?;
    vm.unary_op(v, "__neg__")
}
fn n_pos(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let v = as_base_num(vm, args[0])?;
    vm.unary_op(v, "__pos__")
}
fn n_invert(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let v = as_base_num(vm, args[0])?;
    vm.unary_op(v, "__invert__")
}
fn n_abs(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    Ok(match vm.as_num(args[0]) {
        Some(Num::Small(i)) => vm.new_bigint(BigInt::from(i).abs()),
        Some(Num::Int(b)) => vm.new_bigint(b.abs()),
        Some(Num::Float(f)) => vm.new_float(f.abs()),
        Some(Num::Complex(r, i)) => crate::builtins::num::complex_abs(vm, r, i)?,
        None => vm.not_implemented,
    })
}
fn n_bool(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let r = match vm.as_num(args[0]) {
        Some(Num::Small(i)) => i != 0,
        Some(Num::Int(b)) => !b.is_zero(),
        Some(Num::Float(f)) => f != 0.0,
        Some(Num::Complex(r, i)) => r != 0.0 || i != 0.0,
        None => true,
    };
    Ok(vm.bool_val(r))
}
fn n_int(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    match vm.as_num(args[0]) {
        Some(Num::Float(f)) => float_to_int(vm, f),
        Some(Num::Small(i)) => Ok(vm.new_int(i)),
        Some(Num::Int(b)) => Ok(vm.new_bigint(b)),
        _ => Err(vm.type_error("int() argument must be a number")),
    }
}
fn n_float(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let f = match vm.as_num(args[0]) {
        Some(Num::Float(f)) => f,
        Some(Num::Small(i)) => i as f64,
        Some(Num::Int(b)) => vm.int_to_f64(&b)?,
        _ => return Err(vm.type_error("float() argument must be a number")),
    };
    Ok(vm.new_float(f))
}
fn n_hash(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    // a NaN hashes by the identity of the object itself (not of a base-type copy)
    if args.first().and_then(|a| a.get::<FloatObj>()).is_some_and(|f| f.0.is_nan()) {
        return Ok(vm.new_int((args[0].raw() >> 4) as i64));
    }
    let v = as_base_num(vm, args[0])?;
    let h = vm.hash(v)?;
    Ok(vm.new_int(h))
}
fn n_repr(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let v = as_base_num(vm, args[0])?;
    vm.repr_value(v)
}
fn n_format(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let v = as_base_num(vm, args[0])?;
    let spec = arg(vm, args, 1, "__format__")?;
    match vm.native_format(v, spec)? {
        Some(s) => Ok(vm.new_string(s)),
        None => vm.str_value(v),
    }
}
fn n_index(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let b = self_int(vm, args[0])?;
    Ok(vm.new_bigint(b))
}
fn n_round(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let nd = args.get(1).copied().filter(|v| *v != vm.none);
    match vm.as_num(args[0]) {
        Some(Num::Float(f)) => round_float(vm, f, nd),
        _ => round_int(vm, args[0], nd),
    }
}
fn n_trunc(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    n_int(vm, args, Value::NULL)
}
fn n_divmod(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    arity(vm, args, 2, 2, "__divmod__")?;
    if num_rank(vm, args[1]) > num_rank(vm, args[0]) {
        return Ok(vm.not_implemented);
    }
    Ok(vm.num_divmod(args[0], args[1])?.unwrap_or(vm.not_implemented))
}
fn n_rdivmod(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    arity(vm, args, 2, 2, "__rdivmod__")?;
    if num_rank(vm, args[1]) > num_rank(vm, args[0]) {
        return Ok(vm.not_implemented);
    }
    Ok(vm.num_divmod(args[1], args[0])?.unwrap_or(vm.not_implemented))
}
fn n_getnewargs(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    // complex gives (real, imag), bool its int value, as CPython
    match vm.as_num(args[0]) {
        Some(Num::Complex(r, i)) => {
            let (r, i) = (vm.new_float(r), vm.new_float(i));
            return Ok(vm.new_tuple(vec![r, i]));
        }
        Some(Num::Small(i)) if vm.isinstance(args[0], vm.types.bool) => {
            let v = vm.new_int(i);
            return Ok(vm.new_tuple(vec![v]));
        }
        _ => {}
    }
    let v = as_base_num(vm, args[0])?;
    Ok(vm.new_tuple(vec![v]))
}

/// The plain int/float/complex value of a (possibly subclassed) number.
fn as_base_num(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if !vm.is_heap_type(v) {
        return Ok(v);
    }
    Ok(match vm.as_num(v) {
        Some(Num::Small(i)) => vm.new_int(i),
        Some(Num::Int(b)) => vm.new_bigint(b),
        Some(Num::Float(f)) => vm.new_float(f),
        Some(Num::Complex(r, i)) => vm.new_complex(r, i),
        None => v,
    })
}

// ---- float methods ----

fn self_float(vm: &mut Vm, v: Value) -> PyResult<f64> {
    match vm.as_num(v) {
        Some(Num::Float(f)) => Ok(f),
        _ => Err(vm.type_error("descriptor requires a 'float' object")),
    }
}

fn float_is_integer(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let f = self_float(vm, args[0])?;
    Ok(vm.bool_val(f.is_finite() && f.fract() == 0.0))
}

fn float_as_integer_ratio(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let f = self_float(vm, args[0])?;
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert Infinity to integer ratio"));
    }
    if f.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio"));
    }
    let (m, e) = super::hash::frexp(f);
    let mut m = m;
    let mut e = e;
    for _ in 0..300 {
        if m == m.floor() {
            break;
        }
        m *= 2.0;
        e -= 1;
    }
    let mut num = BigInt::from(m as i64);
    let mut den = BigInt::from(1);
    if e > 0 {
        num <<= e as usize;
    } else {
        den <<= (-e) as usize;
    }
    let g = num.gcd(&den);
    let (n, d) = (vm.new_bigint(num / &g), vm.new_bigint(den / &g));
    Ok(vm.new_tuple(vec![n, d]))
}

fn float_hex(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let f = self_float(vm, args[0])?;
    let s = if f.is_nan() {
        "nan".to_string()
    } else if f.is_infinite() {
        if f > 0.0 { "inf".into() } else { "-inf".into() }
    } else if f == 0.0 {
        if f.is_sign_negative() { "-0x0.0p+0".into() } else { "0x0.0p+0".into() }
    } else {
        let bits = f.to_bits();
        let sign = if f < 0.0 { "-" } else { "" };
        let exp = ((bits >> 52) & 0x7ff) as i64;
        let mant = bits & ((1 << 52) - 1);
        let (lead, e) = if exp == 0 { (0, -1022) } else { (1, exp - 1023) };
        let hex = format!("{mant:013x}");
        format!("{sign}0x{lead}.{hex}p{}{}", if e >= 0 { "+" } else { "-" }, e.abs())
    };
    Ok(vm.new_string(s))
}

/// `float.__getformat__(typestr)`: the layout of C's double and float (IEEE on every target).
fn float_getformat(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    super::marity(vm, args, 2, 2, "float.__getformat__")?;
    let Some(s) = args[1].get::<StrObj>() else {
        let t = if args[1] == vm.none { "None".to_string() } else { vm.type_name_of(args[1]) };
        return Err(vm.type_error(&format!("__getformat__() argument must be str, not {t}")));
    };
    match &*s.s {
        "double" | "float" => {
            let order = if cfg!(target_endian = "little") { "little" } else { "big" };
            Ok(vm.new_string(format!("IEEE, {order}-endian")))
        }
        _ => Err(vm.value_error("__getformat__() argument 1 must be 'double' or 'float'")),
    }
}

fn float_fromhex(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let arg_v = arg(vm, args, 1, "fromhex")?;
    let s = vm.str_of(arg_v);
    let r = match super::floatconv::parse_hex_float(&s) {
        Ok(r) => r,
        Err(true) => return Err(vm.overflow_error("hexadecimal value too large to represent as a float")),
        Err(false) => None,
    };
    match r {
        Some(f) => {
            let cls = args[0];
            if cls == vm.types.float {
                Ok(vm.new_float(f))
            } else {
                let fv = vm.new_float(f);
                vm.call(cls, &[fv])
            }
        }
        None => Err(vm.value_error("invalid hexadecimal floating-point string")),
    }
}

fn float_conjugate(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let f = self_float(vm, args[0])?;
    Ok(vm.new_float(f))
}

fn float_real(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let f = self_float(vm, args[0])?;
    Ok(vm.new_float(f))
}

fn float_imag(vm: &mut Vm, _args: &[Value], _kw: Value) -> PyResult<Value> {
    Ok(vm.new_float(0.0))
}

fn float_floor(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let f = self_float(vm, args[0])?;
    float_to_int(vm, f.floor())
}

fn float_ceil(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let f = self_float(vm, args[0])?;
    float_to_int(vm, f.ceil())
}

fn complex_conjugate(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    match vm.as_num(args[0]) {
        Some(Num::Complex(r, i)) => Ok(vm.new_complex(r, -i)),
        _ => Err(vm.type_error("descriptor requires a 'complex' object")),
    }
}

fn bool_new(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    super::no_kw(vm, kw, "bool")?;
    super::marity(vm, args, 1, 2, "bool")?;
    match args.get(1) {
        Some(&v) => {
            let b = vm.truthy(v)?;
            Ok(vm.bool_val(b))
        }
        None => Ok(vm.false_),
    }
}

fn bool_repr(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    Ok(vm.new_str(if args[0] == vm.true_ { "True" } else { "False" }))
}

fn bool_and(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    bool_bitop(vm, args, BinOp::And)
}
fn bool_or(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    bool_bitop(vm, args, BinOp::Or)
}
fn bool_xor(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    bool_bitop(vm, args, BinOp::Xor)
}
fn bool_bitop(vm: &mut Vm, args: &[Value], op: BinOp) -> PyResult<Value> {
    let (a, b) = (args[0], args[1]);
    let is_b = |vm: &Vm, v: Value| v == vm.true_ || v == vm.false_;
    if is_b(vm, a) && is_b(vm, b) {
        let (x, y) = (a == vm.true_, b == vm.true_);
        let r = match op {
            BinOp::And => x & y,
            BinOp::Or => x | y,
            _ => x ^ y,
        };
        return Ok(vm.bool_val(r));
    }
    match vm.num_binop(a, b, op)? {
        Some(r) => Ok(r),
        None => Ok(vm.not_implemented),
    }
}

pub fn register(vm: &mut Vm) {
    let num_types = [vm.types.int, vm.types.float, vm.types.complex];
    for t in num_types {
        let bin: &[(&'static str, crate::interp::NativeFn)] = &[
            ("__add__", n_add),
            ("__radd__", n_radd),
            ("__sub__", n_sub),
            ("__rsub__", n_rsub),
            ("__mul__", n_mul),
            ("__rmul__", n_rmul),
            ("__truediv__", n_truediv),
            ("__rtruediv__", n_rtruediv),
            ("__pow__", n_pow),
            ("__rpow__", n_rpow),
            ("__eq__", c_eq),
            ("__ne__", c_ne),
            ("__neg__", n_neg),
            ("__pos__", n_pos),
            ("__abs__", n_abs),
            ("__bool__", n_bool),
            ("__hash__", n_hash),
            ("__repr__", n_repr),
            ("__format__", n_format),
            ("__getnewargs__", n_getnewargs),
        ];
        for &(n, f) in bin {
            method(vm, t, n, f);
        }
        if t != vm.types.complex {
            let more: &[(&'static str, crate::interp::NativeFn)] = &[
                ("__floordiv__", n_floordiv),
                ("__rfloordiv__", n_rfloordiv),
                ("__mod__", n_mod),
                ("__rmod__", n_rmod),
                ("__divmod__", n_divmod),
                ("__rdivmod__", n_rdivmod),
                ("__lt__", c_lt),
                ("__le__", c_le),
                ("__gt__", c_gt),
                ("__ge__", c_ge),
                ("__int__", n_int),
                ("__float__", n_float),
                ("__round__", n_round),
                ("__trunc__", n_trunc),
            ];
            for &(n, f) in more {
                method(vm, t, n, f);
            }
        }
    }
    let i = vm.types.int;
    static_method(vm, i, "__new__", int_new);
    let ibin: &[(&'static str, crate::interp::NativeFn)] = &[
        ("__lshift__", n_lshift),
        ("__rlshift__", n_rlshift),
        ("__rshift__", n_rshift),
        ("__rrshift__", n_rrshift),
        ("__and__", n_and),
        ("__rand__", n_rand),
        ("__or__", n_or),
        ("__ror__", n_ror),
        ("__xor__", n_xor),
        ("__rxor__", n_rxor),
        ("__invert__", n_invert),
        ("__index__", n_index),
        ("bit_length", int_bit_length),
        ("bit_count", int_bit_count),
        ("to_bytes", int_to_bytes),
        ("as_integer_ratio", int_as_integer_ratio),
        ("conjugate", int_conjugate),
        ("__floor__", int_conjugate),
        ("__ceil__", int_conjugate),
    ];
    for &(n, f) in ibin {
        method(vm, i, n, f);
    }
    super::class_method(vm, i, "from_bytes", int_from_bytes);
    super::getset(vm, i, "real", int_conjugate, None);
    super::getset(vm, i, "imag", int_imag, None);
    super::getset(vm, i, "numerator", int_conjugate, None);
    super::getset(vm, i, "denominator", int_denominator, None);
    let b = vm.types.bool;
    static_method(vm, b, "__new__", bool_new);
    method(vm, b, "__repr__", bool_repr);
    method(vm, b, "__and__", bool_and);
    method(vm, b, "__rand__", bool_and);
    method(vm, b, "__or__", bool_or);
    method(vm, b, "__ror__", bool_or);
    method(vm, b, "__xor__", bool_xor);
    method(vm, b, "__rxor__", bool_xor);
    let f = vm.types.float;
    static_method(vm, f, "__new__", float_new);
    method(vm, f, "is_integer", float_is_integer);
    method(vm, f, "as_integer_ratio", float_as_integer_ratio);
    method(vm, f, "hex", float_hex);
    method(vm, f, "conjugate", float_conjugate);
    method(vm, f, "__floor__", float_floor);
    method(vm, f, "__ceil__", float_ceil);
    super::class_method(vm, f, "fromhex", float_fromhex);
    super::class_method(vm, f, "__getformat__", float_getformat);
    super::getset(vm, f, "real", float_real, None);
    super::getset(vm, f, "imag", float_imag, None);
    let c = vm.types.complex;
    static_method(vm, c, "__new__", complex_new);
    method(vm, c, "conjugate", complex_conjugate);
    let _ = float_repr;
    let _ = ToPrimitive::to_f64(&BigInt::from(0));
}
