//! The typecodes of array.array: item sizes, and conversion of Python values to and from
//! the machine representation with CPython's (per-typecode) overflow messages.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};
use pyjit_vm::objects::FloatObj;

use crate::util::*;

pub const TYPECODES: &str = "bBuhHiIlLqQfd";

pub fn itemsize(tc: u8) -> usize {
    match tc {
        b'b' | b'B' => 1,
        b'h' | b'H' => 2,
        b'u' | b'i' | b'I' | b'f' => 4,
        _ => 8,
    }
}

/// The int value of an integer item (through __index__).
fn int_item(vm: &mut Vm, v: Value) -> PyResult<BigInt> {
    if v.is_small() {
        return Ok(BigInt::from(v.small_value()));
    }
    if v.kind() == Some(ObjKind::Float) {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let i = vm.index_of(v)?;
    Ok(vm.as_bigint(i).unwrap_or_default())
}

fn ovf(vm: &mut Vm, msg: &str) -> PyErr {
    vm.overflow_error(msg)
}

/// A C long from an item (PyArg's "l"): "Python int too large to convert to C long".
fn as_long(vm: &mut Vm, b: &BigInt) -> PyResult<i64> {
    b.to_i64().ok_or_else(|| ovf(vm, "Python int too large to convert to C long"))
}

/// Range checks of PyArg's "h" and "i" formats.
fn check_range(vm: &mut Vm, x: i64, lo: i64, hi: i64, what: &str) -> PyResult<()> {
    if x < lo {
        return Err(ovf(vm, &format!("{what} is less than minimum")));
    }
    if x > hi {
        return Err(ovf(vm, &format!("{what} is greater than maximum")));
    }
    Ok(())
}

/// The machine bytes of item `v` for typecode `tc` (native byte order).
pub fn to_bytes(vm: &mut Vm, tc: u8, v: Value, out: &mut Vec<u8>) -> PyResult<()> {
    match tc {
        b'f' | b'd' => {
            let x = match v.get::<FloatObj>() {
                Some(f) => f.0,
                None if v.is_small() => v.small_value() as f64,
                None => match pyjit_vm::builtins::numfloat(vm, v) {
                    Ok(f) => f,
                    Err(e) if vm.isinstance(e.0, vm.types.type_error) => {
                        let tn = vm.type_name_of(v);
                        return Err(vm.type_error(&format!("must be real number, not {tn}")));
                    }
                    Err(e) => return Err(e),
                },
            };
            if tc == b'f' {
                out.extend_from_slice(&(x as f32).to_ne_bytes());
            } else {
                out.extend_from_slice(&x.to_ne_bytes());
            }
        }
        b'u' => {
            let c = if is_str(v) {
                let s = vm.str_of(v);
                let mut it = s.chars();
                match (it.next(), it.next()) {
                    (Some(c), None) => Some(c as u32),
                    _ => None,
                }
            } else {
                None
            };
            match c {
                Some(c) => out.extend_from_slice(&c.to_ne_bytes()),
                None => return Err(vm.type_error("array item must be unicode character")),
            }
        }
        _ => {
            let b = int_item(vm, v)?;
            match tc {
                b'b' => {
                    let x = as_long(vm, &b)?;
                    check_range(vm, x, i16::MIN as i64, i16::MAX as i64, "signed short integer")?;
                    if x < -128 {
                        return Err(ovf(vm, "signed char is less than minimum"));
                    }
                    if x > 127 {
                        return Err(ovf(vm, "signed char is greater than maximum"));
                    }
                    out.push(x as i8 as u8);
                }
                b'B' => {
                    let x = as_long(vm, &b)?;
                    check_range(vm, x, 0, 255, "unsigned byte integer")?;
                    out.push(x as u8);
                }
                b'h' => {
                    let x = as_long(vm, &b)?;
                    check_range(vm, x, i16::MIN as i64, i16::MAX as i64, "signed short integer")?;
                    out.extend_from_slice(&(x as i16).to_ne_bytes());
                }
                b'H' => {
                    let x = as_long(vm, &b)?;
                    check_range(vm, x, i32::MIN as i64, i32::MAX as i64, "signed integer")?;
                    check_range(vm, x, 0, u16::MAX as i64, "unsigned short")?;
                    out.extend_from_slice(&(x as u16).to_ne_bytes());
                }
                b'i' => {
                    let x = as_long(vm, &b)?;
                    check_range(vm, x, i32::MIN as i64, i32::MAX as i64, "signed integer")?;
                    out.extend_from_slice(&(x as i32).to_ne_bytes());
                }
                b'l' => {
                    let x = as_long(vm, &b)?;
                    out.extend_from_slice(&x.to_ne_bytes());
                }
                b'I' | b'L' => {
                    if b.is_negative() {
                        return Err(ovf(vm, "can't convert negative value to unsigned int"));
                    }
                    let x = b.to_u64().ok_or_else(|| ovf(vm, "Python int too large to convert to C unsigned long"))?;
                    if tc == b'I' {
                        if x > u32::MAX as u64 {
                            return Err(ovf(vm, "unsigned int is greater than maximum"));
                        }
                        out.extend_from_slice(&(x as u32).to_ne_bytes());
                    } else {
                        out.extend_from_slice(&x.to_ne_bytes());
                    }
                }
                b'q' => {
                    let x = b.to_i64().ok_or_else(|| ovf(vm, "int too big to convert"))?;
                    out.extend_from_slice(&x.to_ne_bytes());
                }
                _ => {
                    if b.is_negative() {
                        return Err(ovf(vm, "can't convert negative int to unsigned"));
                    }
                    let x = b.to_u64().ok_or_else(|| ovf(vm, "int too big to convert"))?;
                    out.extend_from_slice(&x.to_ne_bytes());
                }
            }
        }
    }
    Ok(())
}

/// The Python value of the item in `d` (exactly one item's bytes).
pub fn from_bytes(vm: &mut Vm, tc: u8, d: &[u8]) -> Value {
    let mut b8 = [0u8; 8];
    b8[..d.len()].copy_from_slice(d);
    let u = u64::from_ne_bytes(b8);
    match tc {
        b'b' => vm.new_int(d[0] as i8 as i64),
        b'B' => vm.new_int(d[0] as i64),
        b'h' => vm.new_int(i16::from_ne_bytes([d[0], d[1]]) as i64),
        b'H' => vm.new_int(u16::from_ne_bytes([d[0], d[1]]) as i64),
        b'i' => vm.new_int(i32::from_ne_bytes([d[0], d[1], d[2], d[3]]) as i64),
        b'I' => vm.new_int(u32::from_ne_bytes([d[0], d[1], d[2], d[3]]) as i64),
        b'l' | b'q' => vm.new_int(u as i64),
        b'L' | b'Q' => match i64::try_from(u) {
            Ok(i) => vm.new_int(i),
            Err(_) => vm.new_bigint(BigInt::from(u)),
        },
        b'f' => vm.new_float(f32::from_ne_bytes([d[0], d[1], d[2], d[3]]) as f64),
        b'd' => vm.new_float(f64::from_ne_bytes(b8)),
        _ => {
            let cp = u32::from_ne_bytes([d[0], d[1], d[2], d[3]]);
            vm.new_str_cps(&[cp])
        }
    }
}
