//! Packing and unpacking the items of a struct layout, with CPython's range checks and
//! messages (which differ between native pack functions and standard ones: on a
//! little-endian machine '<' and '=' use the native functions where sizes agree).

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};
use pyjit_vm::objects::{ByteArrayObj, BytesObj, FloatObj};

use super::format::{Layout, Mode};
use super::half;
use crate::util::*;

/// A struct.error.
pub fn err(vm: &mut Vm, msg: &str) -> PyErr {
    let t = super::error_type();
    vm.err(t, msg)
}

/// get_pylong: an int, or an object with `__index__`.
fn int_of(vm: &mut Vm, v: Value) -> PyResult<BigInt> {
    if v.is_small() {
        return Ok(BigInt::from(v.small_value()));
    }
    if !vm.is_int(v) {
        let ty = vm.type_of(v);
        if vm.lookup_str(ty, "__index__").is_none() {
            return Err(err(vm, "required argument is not an integer"));
        }
    }
    let i = vm.index_of(v)?;
    Ok(vm.as_bigint(i).unwrap_or_default())
}

fn out_of_range(vm: &mut Vm) -> PyErr {
    err(vm, "argument out of range")
}

/// CPython's _range_error for a code of `size` bytes.
fn range_error(vm: &mut Vm, c: u8, size: usize, unsigned: bool) -> PyErr {
    let ulargest: u64 = u64::MAX >> ((8 - size) * 8);
    let msg = if unsigned {
        format!("'{}' format requires 0 <= number <= {ulargest}", c as char)
    } else {
        let largest = (ulargest >> 1) as i64;
        format!("'{}' format requires {} <= number <= {largest}", c as char, !largest)
    };
    err(vm, &msg)
}

/// An integer item: the two's-complement bits to store (range checked).
fn int_bits(vm: &mut Vm, c: u8, size: usize, mode: Mode, v: Value) -> PyResult<u64> {
    // small ints in range skip the BigInt
    if v.is_small() {
        let x = v.small_value();
        let fits = match c {
            b'b' => (-128..=127).contains(&x),
            b'B' => (0..=255).contains(&x),
            b'h' => (-32768..=32767).contains(&x),
            b'H' => (0..=65535).contains(&x),
            b'i' | b'l' if size == 4 => (i32::MIN as i64..=i32::MAX as i64).contains(&x),
            b'I' | b'L' if size == 4 => (0..=u32::MAX as i64).contains(&x),
            b'q' | b'n' | b'l' | b'P' => true,
            _ => x >= 0,
        };
        if fits {
            return Ok(x as u64);
        }
    }
    let b = int_of(vm, v)?;
    let signed = matches!(c, b'b' | b'h' | b'i' | b'l' | b'q' | b'n');
    // the native pack functions (also used for '<'/'=' where the sizes agree)
    let native_fn = mode == Mode::Native || (mode == Mode::Little && !matches!(c, b'l' | b'L'));
    match c {
        b'b' | b'B' | b'h' | b'H' if native_fn || matches!(c, b'b' | b'B') => {
            let x = b.to_i64().ok_or_else(|| out_of_range(vm))?;
            let (lo, hi, name) = match c {
                b'b' => (-128, 127, "byte format requires -128 <= number <= 127"),
                b'B' => (0, 255, "ubyte format requires 0 <= number <= 255"),
                b'h' => (-32768, 32767, "short format requires -32768 <= number <= 32767"),
                _ => (0, 65535, "ushort format requires 0 <= number <= 65535"),
            };
            if x < lo || x > hi {
                return Err(err(vm, name));
            }
            Ok(x as u64)
        }
        b'q' | b'Q' if mode == Mode::Big => {
            // _PyLong_AsByteArray
            let x = if c == b'q' { b.to_i64().map(|x| x as u64) } else { b.to_u64() };
            x.ok_or_else(|| err(vm, "int too large to convert"))
        }
        _ if signed => {
            let x = b.to_i64().ok_or_else(|| out_of_range(vm))?;
            if size < 8 {
                let max = (1i64 << (size * 8 - 1)) - 1;
                if x < !max || x > max {
                    return Err(range_error(vm, c, size, false));
                }
            }
            Ok(x as u64)
        }
        b'P' => {
            // PyLong_AsVoidPtr
            let x = if b.is_negative() { b.to_i64().map(|x| x as u64) } else { b.to_u64() };
            x.ok_or_else(|| err(vm, "int too large to convert"))
        }
        _ => {
            if b.is_negative() {
                return Err(out_of_range(vm));
            }
            let x = b.to_u64().ok_or_else(|| out_of_range(vm))?;
            if size < 8 && x >> (size * 8) != 0 {
                return Err(range_error(vm, c, size, true));
            }
            Ok(x)
        }
    }
}

/// A float item (PyFloat_AsDouble: a float, or an object with __float__ / __index__).
fn float_of(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if let Some(f) = v.get::<FloatObj>() {
        return Ok(f.0);
    }
    if v.is_small() {
        return Ok(v.small_value() as f64);
    }
    match pyjit_vm::builtins::numfloat(vm, v) {
        Ok(f) => Ok(f),
        Err(e) if vm.isinstance(e.0, vm.types.type_error) => Err(err(vm, "required argument is not a float")),
        Err(e) => Err(e),
    }
}

fn put(out: &mut [u8], bits: u64, size: usize, big: bool) {
    let le = bits.to_le_bytes();
    if big {
        for i in 0..size {
            out[i] = le[size - 1 - i];
        }
    } else {
        out[..size].copy_from_slice(&le[..size]);
    }
}

fn get(data: &[u8], size: usize, big: bool) -> u64 {
    let mut x = 0u64;
    for i in 0..size {
        let b = if big { data[i] } else { data[size - 1 - i] };
        x = (x << 8) | b as u64;
    }
    x
}

/// Packs `args` (exactly `layout.items` of them) into `out` (`layout.size` bytes).
pub fn pack(vm: &mut Vm, layout: &Layout, args: &[Value], out: &mut [u8]) -> PyResult<()> {
    let big = layout.mode == Mode::Big;
    let mut ai = 0;
    for code in &layout.codes {
        let c = code.c;
        match c {
            b'x' => continue,
            b's' | b'p' => {
                let v = args[ai];
                ai += 1;
                let field = &mut out[code.offset..code.offset + code.count];
                // the bytes are copied straight from the argument into the field
                let fill = |data: &[u8], field: &mut [u8]| {
                    if c == b's' {
                        let n = data.len().min(field.len());
                        field[..n].copy_from_slice(&data[..n]);
                    } else if !field.is_empty() {
                        let n = data.len().min(field.len() - 1).min(255);
                        field[1..1 + n].copy_from_slice(&data[..n]);
                        field[0] = n as u8;
                    }
                };
                match (v.get::<BytesObj>(), v.get::<ByteArrayObj>()) {
                    (Some(b), _) => fill(&b.data, field),
                    (_, Some(b)) => fill(&b.data.borrow(), field),
                    _ => {
                        let msg = format!("argument for '{}' must be a bytes object", c as char);
                        return Err(err(vm, &msg));
                    }
                }
            }
            _ => {
                for k in 0..code.count {
                    let v = args[ai];
                    ai += 1;
                    let at = code.offset + k * code.size;
                    let slot = &mut out[at..at + code.size];
                    match c {
                        b'c' => match v.get::<BytesObj>() {
                            Some(b) if b.data.len() == 1 => slot[0] = b.data[0],
                            _ => return Err(err(vm, "char format requires a bytes object of length 1")),
                        },
                        b'?' => slot[0] = vm.truthy(v)? as u8,
                        b'e' => {
                            let x = float_of(vm, v)?;
                            let h = half::pack(x).ok_or_else(|| vm.overflow_error("float too large to pack with e format"))?;
                            put(slot, h as u64, 2, big);
                        }
                        b'f' => {
                            let x = float_of(vm, v)?;
                            let y = x as f32;
                            // the native pack function does not check (3.11)
                            if y.is_infinite() && x.is_finite() && layout.mode != Mode::Native {
                                return Err(vm.overflow_error("float too large to pack with f format"));
                            }
                            put(slot, y.to_bits() as u64, 4, big);
                        }
                        b'd' => {
                            let x = float_of(vm, v)?;
                            put(slot, x.to_bits(), 8, big);
                        }
                        _ => {
                            let bits = int_bits(vm, c, code.size, layout.mode, v)?;
                            put(slot, bits, code.size, big);
                        }
                    }
                }
            }
        }
    }
    Ok(())
}

/// The values of `data` (exactly `layout.size` bytes).
pub fn unpack(vm: &mut Vm, layout: &Layout, data: &[u8]) -> Vec<Value> {
    let big = layout.mode == Mode::Big;
    let mut out = Vec::with_capacity(layout.items);
    for code in &layout.codes {
        let c = code.c;
        match c {
            b'x' => {}
            b's' => out.push(vm.new_bytes(data[code.offset..code.offset + code.count].to_vec())),
            b'p' => {
                let field = &data[code.offset..code.offset + code.count];
                let v = match field.first() {
                    Some(&n) => field[1..1 + (n as usize).min(field.len() - 1)].to_vec(),
                    None => Vec::new(),
                };
                out.push(vm.new_bytes(v));
            }
            _ => {
                for k in 0..code.count {
                    let at = code.offset + k * code.size;
                    let slot = &data[at..at + code.size];
                    let v = match c {
                        b'c' => vm.new_bytes(vec![slot[0]]),
                        b'?' => vm.bool_val(slot[0] != 0),
                        b'e' => vm.new_float(half::unpack(get(slot, 2, big) as u16)),
                        b'f' => vm.new_float(f32::from_bits(get(slot, 4, big) as u32) as f64),
                        b'd' => vm.new_float(f64::from_bits(get(slot, 8, big))),
                        b'b' | b'h' | b'i' | b'l' | b'q' | b'n' => {
                            let x = get(slot, code.size, big);
                            let shift = 64 - code.size * 8;
                            vm.new_int(((x << shift) as i64) >> shift)
                        }
                        _ => {
                            let x = get(slot, code.size, big);
                            match i64::try_from(x) {
                                Ok(i) => vm.new_int(i),
                                Err(_) => vm.new_bigint(BigInt::from(x)),
                            }
                        }
                    };
                    out.push(v);
                }
            }
        }
    }
    out
}
