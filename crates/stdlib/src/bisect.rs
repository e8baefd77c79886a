//! `_bisect`: bisect_left/right and insort_left/right, with the key argument.

use pyjit_compiler::opcode::CmpOp;
use pyjit_vm::objects::ListObj;

use crate::util::*;

struct Args {
    a: Value,
    x: Value,
    lo: i64,
    hi: Option<i64>,
    key: Value,
}

fn args(vm: &mut Vm, a: &[Value], kw: Value, name: &str) -> PyResult<Args> {
    if kw.is_null() && (2..=4).contains(&a.len()) {
        // the common calls: positional arguments only, checked as below
        let none = vm.none;
        let lo = match a.get(2) {
            Some(&l) => ssize(vm, l)?,
            None => 0,
        };
        let hi = match a.get(3) {
            Some(&h) if h != none => Some(hi_of(vm, h)?),
            _ => None,
        };
        return Ok(Args { a: a[0], x: a[1], lo, hi, key: none });
    }
    let v = parse(vm, a, kw, name, &["a", "x", "lo", "hi"], &["key"], 2)?;
    let none = vm.none;
    let lo = match v[2] {
        Some(l) => ssize(vm, l)?,
        None => 0,
    };
    let hi = match v[3] {
        Some(h) if h != none => Some(hi_of(vm, h)?),
        _ => None,
    };
    Ok(Args { a: v[0].unwrap_or(none), x: v[1].unwrap_or(none), lo, hi, key: v[4].unwrap_or(none) })
}

/// The `hi` argument (not None): an int, or CPython's message for anything else.
fn hi_of(vm: &mut Vm, h: Value) -> PyResult<i64> {
    if h.is_small() {
        return Ok(h.small_value());
    }
    match vm.index_opt(h)? {
        Some(i) => match vm.as_i64(i) {
            Some(n) => Ok(n),
            None => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
        },
        None => {
            let tn = vm.type_name_of(h);
            Err(vm.type_error(&format!("argument should be integer or None, not '{tn}'")))
        }
    }
}

/// a[i] (a list without a method call).
#[inline]
fn get(vm: &mut Vm, a: Value, i: i64) -> PyResult<Value> {
    if let Some(l) = a.get::<ListObj>() {
        if !vm.is_heap_type(a) {
            if let Some(v) = l.get(i as usize) {
                return Ok(v);
            }
        }
    }
    let k = vm.new_int(i);
    vm.getitem(a, k)
}

#[inline]
fn lt(vm: &mut Vm, x: Value, y: Value) -> PyResult<bool> {
    if x.is_small() && y.is_small() {
        return Ok(x.small_value() < y.small_value());
    }
    vm.compare_bool(x, y, CmpOp::Lt)
}

fn search(vm: &mut Vm, p: &Args, x: Value, right: bool) -> PyResult<i64> {
    let mut lo = p.lo;
    if lo < 0 {
        return Err(vm.value_error("lo must be non-negative"));
    }
    let mut hi = match p.hi {
        Some(h) => h,
        None => vm.len(p.a)? as i64,
    };
    let none = vm.none;
    while lo < hi {
        let mid = ((lo as u64 + hi as u64) / 2) as i64;
        let mut item = get(vm, p.a, mid)?;
        if p.key != none {
            item = vm.call(p.key, &[item])?;
        }
        if right {
            if lt(vm, x, item)? {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        } else if lt(vm, item, x)? {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    Ok(lo)
}

fn bisect_right(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let p = args(vm, a, kw, "bisect_right")?;
    let i = search(vm, &p, p.x, true)?;
    Ok(vm.new_int(i))
}

fn bisect_left(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let p = args(vm, a, kw, "bisect_left")?;
    let i = search(vm, &p, p.x, false)?;
    Ok(vm.new_int(i))
}

fn insort(vm: &mut Vm, a: &[Value], kw: Value, name: &str, right: bool) -> PyResult<Value> {
    let p = args(vm, a, kw, name)?;
    let x = if p.key == vm.none { p.x } else { vm.call(p.key, &[p.x])? };
    let i = search(vm, &p, x, right)?;
    if let Some(l) = p.a.get::<ListObj>() {
        if vm.type_of(p.a) == vm.types.list {
            let mut items = l.items.borrow_mut();
            let at = (i.max(0) as usize).min(items.len());
            items.insert(at, p.x);
            return Ok(vm.none);
        }
    }
    let iv = vm.new_int(i);
    vm.call_method_str(p.a, "insert", &[iv, p.x])?;
    Ok(vm.none)
}

fn insort_right(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    insort(vm, a, kw, "insort_right", true)
}

fn insort_left(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    insort(vm, a, kw, "insort_left", false)
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    add_fns(vm, m, &[("bisect_right", bisect_right), ("bisect_left", bisect_left), ("insort_right", insort_right), ("insort_left", insort_left)]);
    let doc = vm.new_str("Bisection algorithms.\n\nThis module provides support for maintaining a list in sorted order without\nhaving to sort the list after each insertion. For long lists of items with\nexpensive comparison operations, this can be an improvement over the more\ncommon approach.\n");
    set_attr(vm, m, "__doc__", doc);
    Ok(())
}
