//! Comparisons among builtin types.

use pyjit_compiler::opcode::CmpOp;

use crate::heap::{ObjKind, Value};
use crate::interp::{PyResult, Vm};
use crate::objects::*;

use super::num::Num;
use crate::interp::ops_cmp_ord as cmp_ord;

/// a op b for builtin operands; None when the types do not compare natively.
pub fn native_compare(vm: &mut Vm, a: Value, b: Value, op: CmpOp) -> PyResult<Option<Value>> {
    if let (Some(ObjKind::Str), Some(ObjKind::Str)) = (a.kind(), b.kind()) {
        if let (Some(x), Some(y)) = (a.get::<StrObj>(), b.get::<StrObj>()) {
            return Ok(Some(vm.bool_val(cmp_ord(x.cmp_str(&y), op))));
        }
    }
    if let (Some(x), Some(y)) = (vm.as_num(a), vm.as_num(b)) {
        let r = match num_cmp(x, y) {
            NumOrd::Ord(o) => cmp_ord(o, op),
            NumOrd::Unordered => op == CmpOp::Ne,
            NumOrd::ComplexEq(eq) => match op {
                CmpOp::Eq => eq,
                CmpOp::Ne => !eq,
                _ => return Ok(None),
            },
        };
        return Ok(Some(vm.bool_val(r)));
    }
    match (a.kind(), b.kind()) {
        (Some(ObjKind::Str), Some(ObjKind::Str)) => {
            let (x, y) = (a.get::<StrObj>().expect("str"), b.get::<StrObj>().expect("str"));
            Ok(Some(vm.bool_val(cmp_ord(x.cmp_str(&y), op))))
        }
        (Some(ObjKind::Bytes), Some(ObjKind::Bytes)) => {
            let (x, y) = (a.get::<BytesObj>().expect("bytes"), b.get::<BytesObj>().expect("bytes"));
            Ok(Some(vm.bool_val(cmp_ord(x.data.cmp(&y.data), op))))
        }
        (Some(ObjKind::ByteArray) | Some(ObjKind::Bytes), Some(ObjKind::ByteArray) | Some(ObjKind::Bytes)) => {
            let x = bytes_of(a);
            let y = bytes_of(b);
            Ok(Some(vm.bool_val(cmp_ord(x.cmp(&y), op))))
        }
        (Some(ObjKind::List), Some(ObjKind::List)) => {
            let x = a.get::<ListObj>().expect("list").snapshot();
            let y = b.get::<ListObj>().expect("list").snapshot();
            seq_compare(vm, &x, &y, op).map(Some)
        }
        (Some(ObjKind::Tuple), Some(ObjKind::Tuple)) => {
            // tuples never change once built, and the caller keeps both alive
            let (Some(x), Some(y)) = (a.get::<TupleObj>(), b.get::<TupleObj>()) else { return Ok(None) };
            seq_compare(vm, &x.items, &y.items, op).map(Some)
        }
        (Some(ObjKind::Dict), Some(ObjKind::Dict)) => match op {
            CmpOp::Eq | CmpOp::Ne => {
                let eq = dict_eq(vm, a, b)?;
                Ok(Some(vm.bool_val(eq == (op == CmpOp::Eq))))
            }
            _ => Ok(None),
        },
        (Some(ObjKind::Set), Some(ObjKind::Set)) => {
            let (la, lb) = (vm.set_items(a).len(), vm.set_items(b).len());
            let sub = |vm: &mut Vm, x: Value, y: Value| -> PyResult<bool> {
                for k in vm.set_items(x) {
                    if !vm.set_contains(y, k)? {
                        return Ok(false);
                    }
                }
                Ok(true)
            };
            let r = match op {
                CmpOp::Eq => la == lb && sub(vm, a, b)?,
                CmpOp::Ne => !(la == lb && sub(vm, a, b)?),
                CmpOp::Le => la <= lb && sub(vm, a, b)?,
                CmpOp::Lt => la < lb && sub(vm, a, b)?,
                CmpOp::Ge => la >= lb && sub(vm, b, a)?,
                CmpOp::Gt => la > lb && sub(vm, b, a)?,
            };
            Ok(Some(vm.bool_val(r)))
        }
        (Some(ObjKind::Slice), Some(ObjKind::Slice)) => {
            // slices compare as (start, stop, step) tuples
            let parts = |v: Value| v.get::<SliceObj>().map(|s| [s.start, s.stop, s.step]).unwrap_or_default();
            let (x, y) = (parts(a), parts(b));
            seq_compare(vm, &x, &y, op).map(Some)
        }
        (Some(ObjKind::Range), Some(ObjKind::Range)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
            let x = super::range::items_key(vm, a)?;
            let y = super::range::items_key(vm, b)?;
            let eq = x == y;
            Ok(Some(vm.bool_val(eq == (op == CmpOp::Eq))))
        }
        _ => Ok(None),
    }
}

fn bytes_of(v: Value) -> Vec<u8> {
    if let Some(b) = v.get::<BytesObj>() {
        return b.data.to_vec();
    }
    if let Some(b) = v.get::<ByteArrayObj>() {
        return b.data.borrow().clone();
    }
    Vec::new()
}

enum NumOrd {
    Ord(std::cmp::Ordering),
    Unordered,
    ComplexEq(bool),
}

fn num_cmp(x: Num, y: Num) -> NumOrd {
    use num_bigint::BigInt;
    use Num::*;
    match (x, y) {
        (Small(a), Small(b)) => NumOrd::Ord(a.cmp(&b)),
        (Small(a), Int(b)) => NumOrd::Ord(BigInt::from(a).cmp(&b)),
        (Int(a), Small(b)) => NumOrd::Ord(a.cmp(&BigInt::from(b))),
        (Int(a), Int(b)) => NumOrd::Ord(a.cmp(&b)),
        (Float(a), Float(b)) => a.partial_cmp(&b).map(NumOrd::Ord).unwrap_or(NumOrd::Unordered),
        (Float(a), Small(b)) => float_int_cmp(a, &BigInt::from(b)),
        (Float(a), Int(b)) => float_int_cmp(a, &b),
        (Small(a), Float(b)) => rev(float_int_cmp(b, &BigInt::from(a))),
        (Int(a), Float(b)) => rev(float_int_cmp(b, &a)),
        (Complex(r1, i1), other) | (other, Complex(r1, i1)) => {
            let (r2, i2) = match other {
                Complex(r, i) => (r, i),
                Float(f) => (f, 0.0),
                Small(s) => (s as f64, 0.0),
                Int(b) => (num_traits::ToPrimitive::to_f64(&b).unwrap_or(f64::INFINITY), 0.0),
            };
            NumOrd::ComplexEq(r1 == r2 && i1 == i2)
        }
    }
}

fn rev(o: NumOrd) -> NumOrd {
    match o {
        NumOrd::Ord(o) => NumOrd::Ord(o.reverse()),
        x => x,
    }
}

/// Exact comparison of a float with an int.
fn float_int_cmp(f: f64, i: &num_bigint::BigInt) -> NumOrd {
    use num_traits::{FromPrimitive, ToPrimitive};
    if f.is_nan() {
        return NumOrd::Unordered;
    }
    if f.is_infinite() {
        return NumOrd::Ord(if f > 0.0 { std::cmp::Ordering::Greater } else { std::cmp::Ordering::Less });
    }
    if let Some(small) = i.to_i64() {
        if small.unsigned_abs() < (1 << 53) {
            return f.partial_cmp(&(small as f64)).map(NumOrd::Ord).unwrap_or(NumOrd::Unordered);
        }
    }
    let fl = f.floor();
    let fb = num_bigint::BigInt::from_f64(fl).unwrap_or_default();
    match fb.cmp(i) {
        std::cmp::Ordering::Equal => {
            if f > fl {
                NumOrd::Ord(std::cmp::Ordering::Greater)
            } else {
                NumOrd::Ord(std::cmp::Ordering::Equal)
            }
        }
        o => NumOrd::Ord(o),
    }
}

/// Lexicographic comparison with Python equality on items.
pub fn seq_compare(vm: &mut Vm, x: &[Value], y: &[Value], op: CmpOp) -> PyResult<Value> {
    let n = x.len().min(y.len());
    for i in 0..n {
        if !vm.eq(x[i], y[i])? {
            return match op {
                CmpOp::Eq => Ok(vm.false_),
                CmpOp::Ne => Ok(vm.true_),
                _ => vm.rich_compare(x[i], y[i], op),
            };
        }
    }
    Ok(vm.bool_val(cmp_ord(x.len().cmp(&y.len()), op)))
}

fn dict_eq(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    let ia: Vec<(i64, Value, Value)> = a.get::<DictObj>().map(|d| d.table.borrow().iter().map(|e| (e.hash, e.key, e.value)).collect()).unwrap_or_default();
    if ia.len() != vm.dict_items(b).len() {
        return Ok(false);
    }
    // each key is looked up by its stored hash (no __hash__ call), as CPython's dict_equal
    for (h, k, v) in ia {
        match vm.dict_get_h(b, k, h)? {
            Some(w) => {
                if !vm.eq(v, w)? {
                    return Ok(false);
                }
            }
            None => return Ok(false),
        }
    }
    Ok(true)
}
