//! range objects with arbitrary-size bounds, and slice.indices(), as CPython's rangeobject.c
//! and sliceobject.c compute them (over big integers; the i64 fast paths live in seqops and
//! the iterators).

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::heap::Value;
use crate::interp::{PyResult, Vm};
use crate::objects::*;

use super::{arg, arity};

/// (start, stop, step) of a range object.
pub fn range_big(vm: &mut Vm, r: Value) -> PyResult<(BigInt, BigInt, BigInt)> {
    let ro = r.get::<RangeObj>().ok_or_else(|| vm.type_error("descriptor requires a 'range' object"))?;
    let (a, b, c) = (ro.start, ro.stop, ro.step);
    Ok((vm.as_bigint(a).unwrap_or_default(), vm.as_bigint(b).unwrap_or_default(), vm.as_bigint(c).unwrap_or_default()))
}

/// The number of items of range(start, stop, step).
pub fn big_len(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    let (lo, hi, step) = if step.is_positive() { (start, stop, step.clone()) } else { (stop, start, -step) };
    if lo >= hi {
        return BigInt::zero();
    }
    (hi - lo - 1u32).div_floor(&step) + 1u32
}

fn ssize(vm: &mut Vm, n: &BigInt) -> PyResult<i64> {
    n.to_i64().ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t"))
}

/// len(range).
pub fn range_len(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let (a, b, c) = range_big(vm, args[0])?;
    let n = big_len(&a, &b, &c);
    let n = ssize(vm, &n)?;
    Ok(vm.new_int(n))
}

/// What identifies a range's items (for == and hash): len, first item if any, step if more
/// than one item.
pub fn items_key(vm: &mut Vm, r: Value) -> PyResult<(BigInt, Option<BigInt>, Option<BigInt>)> {
    let (a, b, c) = range_big(vm, r)?;
    let n = big_len(&a, &b, &c);
    let first = (!n.is_zero()).then(|| a.clone());
    let step = (n > BigInt::one()).then_some(c);
    Ok((n, first, step))
}

pub fn range_hash(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let (n, a, c) = items_key(vm, args[0])?;
    let nv = vm.new_bigint(n);
    let av = match a {
        Some(a) => vm.new_bigint(a),
        None => vm.none,
    };
    let cv = match c {
        Some(c) => vm.new_bigint(c),
        None => vm.none,
    };
    let t = vm.new_tuple(vec![nv, av, cv]);
    let h = vm.hash(t)?;
    Ok(vm.new_int(h))
}

/// `x in range` for an int x.
pub fn contains_int(vm: &mut Vm, r: Value, x: &BigInt) -> PyResult<bool> {
    let (a, b, c) = range_big(vm, r)?;
    let inside = if c.is_positive() { *x >= a && *x < b } else { *x <= a && *x > b };
    Ok(inside && (x - &a).mod_floor(&c).is_zero())
}

/// range[key] for an integer or slice key.
pub fn getitem(vm: &mut Vm, r: Value, key: Value) -> PyResult<Value> {
    let (a, b, c) = range_big(vm, r)?;
    let len = big_len(&a, &b, &c);
    if key.get::<SliceObj>().is_some() {
        let (i, j, k) = slice_indices_big(vm, key, &len)?;
        let start = vm.new_bigint(&a + &i * &c);
        let stop = vm.new_bigint(&a + &j * &c);
        let step = vm.new_bigint(&c * &k);
        let t = vm.types.range;
        return Ok(vm.alloc(t, RangeObj { start, stop, step }).value());
    }
    let k = vm.index_of(key).map_err(|_| {
        let tn = vm.type_name_of(key);
        vm.type_error(&format!("range indices must be integers or slices, not {tn}"))
    })?;
    let mut i = vm.as_bigint(k).unwrap_or_default();
    if i.is_negative() {
        i += &len;
    }
    if i.is_negative() || i >= len {
        return Err(vm.index_error("range object index out of range"));
    }
    Ok(vm.new_bigint(a + i * c))
}

pub fn range_index(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    arity(vm, args, 2, 2, "index")?;
    let v = arg(vm, args, 1, "index")?;
    if vm.is_int(v) {
        let x = vm.as_bigint(v).unwrap_or_default();
        if contains_int(vm, args[0], &x)? {
            let (a, _, c) = range_big(vm, args[0])?;
            return Ok(vm.new_bigint((x - a) / c));
        }
        let r = vm.repr(v)?;
        return Err(vm.value_error(&format!("{r} is not in range")));
    }
    // other objects: by iteration and ==
    let it = vm.iter(args[0])?;
    let mut i = 0i64;
    while let Some(x) = vm.next(it)? {
        if vm.eq(x, v)? {
            return Ok(vm.new_int(i));
        }
        i += 1;
    }
    Err(vm.value_error("sequence.index(x): x not in sequence"))
}

pub fn range_count(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    arity(vm, args, 2, 2, "count")?;
    let v = arg(vm, args, 1, "count")?;
    if vm.is_int(v) {
        let x = vm.as_bigint(v).unwrap_or_default();
        let r = contains_int(vm, args[0], &x)?;
        return Ok(vm.new_int(r as i64));
    }
    let it = vm.iter(args[0])?;
    let mut n = 0i64;
    while let Some(x) = vm.next(it)? {
        if vm.eq(x, v)? {
            n += 1;
        }
    }
    Ok(vm.new_int(n))
}

/// An iterator over range(start, stop, step): i64 state when the bounds fit, else big ints.
pub fn range_iter(vm: &mut Vm, start: BigInt, stop: BigInt, step: BigInt) -> Value {
    let t = vm.types.range_iterator;
    if let (Some(a), Some(b), Some(c)) = (start.to_i64(), stop.to_i64(), step.to_i64()) {
        return vm.new_iter(t, IterState::Range { cur: a, stop: b, step: c });
    }
    let (cur, stop, step) = (vm.new_bigint(start), vm.new_bigint(stop), vm.new_bigint(step));
    vm.new_iter(t, IterState::BigRange { cur, stop, step })
}

pub fn range_reversed(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let (a, b, c) = range_big(vm, args[0])?;
    let n = big_len(&a, &b, &c);
    let last = &a + (n - 1u32) * &c;
    Ok(range_iter(vm, last, &a - &c, -c))
}

/// The next value of a big range iterator (advancing `cur`), or None when done.
pub fn big_range_next(vm: &mut Vm, cur: &mut Value, stop: Value, step: Value) -> Option<Value> {
    let c = vm.as_bigint(*cur).unwrap_or_default();
    let (s, st) = (vm.as_bigint(stop).unwrap_or_default(), vm.as_bigint(step).unwrap_or_default());
    let more = if st.is_positive() { c < s } else { c > s };
    if !more {
        return None;
    }
    let v = *cur;
    *cur = vm.new_bigint(c + st);
    Some(v)
}

fn slice_part(vm: &mut Vm, v: Value) -> PyResult<Option<BigInt>> {
    if v == vm.none {
        return Ok(None);
    }
    let i = vm.index_of(v).map_err(|_| vm.type_error("slice indices must be integers or None or have an __index__ method"))?;
    Ok(vm.as_bigint(i))
}

/// slice.indices(length) over big ints (CPython's _PySlice_GetLongIndices).
pub fn slice_indices_big(vm: &mut Vm, s: Value, length: &BigInt) -> PyResult<(BigInt, BigInt, BigInt)> {
    let sl = s.get::<SliceObj>().ok_or_else(|| vm.type_error("expected a slice"))?;
    let (a, b, c) = (sl.start, sl.stop, sl.step);
    let step = slice_part(vm, c)?.unwrap_or_else(BigInt::one);
    if step.is_zero() {
        return Err(vm.value_error("slice step cannot be zero"));
    }
    let neg = step.is_negative();
    let (lower, upper) = if neg { (BigInt::from(-1), length - 1u32) } else { (BigInt::zero(), length.clone()) };
    let fix = |v: Option<BigInt>, default: &BigInt| -> BigInt {
        match v {
            None => default.clone(),
            Some(mut x) => {
                if x.is_negative() {
                    x += length;
                    if x < lower {
                        x = lower.clone();
                    }
                } else if x > upper {
                    x = upper.clone();
                }
                x
            }
        }
    };
    let start = slice_part(vm, a)?;
    let stop = slice_part(vm, b)?;
    let start = fix(start, if neg { &upper } else { &lower });
    let stop = fix(stop, if neg { &lower } else { &upper });
    Ok((start, stop, step))
}

pub fn slice_indices(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    arity(vm, args, 2, 2, "indices")?;
    let n = vm.index_of(args[1])?;
    let len = vm.as_bigint(n).unwrap_or_default();
    if len.is_negative() {
        return Err(vm.value_error("length should not be negative"));
    }
    let (a, b, c) = slice_indices_big(vm, args[0], &len)?;
    let (a, b, c) = (vm.new_bigint(a), vm.new_bigint(b), vm.new_bigint(c));
    Ok(vm.new_tuple(vec![a, b, c]))
}
