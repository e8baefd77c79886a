//! `_heapq`: the heap operations on lists, with CPython's sift order (including its
//! cache-friendly heapify for large lists) so heaps come out item for item the same.

use pyjit_compiler::opcode::CmpOp;
use pyjit_vm::objects::{FloatObj, ListObj};

use crate::util::*;

/// a < b, without a call for ints and floats.
#[inline]
fn less(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    if a.is_small() && b.is_small() {
        return Ok(a.small_value() < b.small_value());
    }
    if let (Some(x), Some(y)) = (a.get::<FloatObj>(), b.get::<FloatObj>()) {
        if vm.type_of(a) == vm.types.float && vm.type_of(b) == vm.types.float {
            return Ok(x.0 < y.0);
        }
    }
    vm.compare_bool(a, b, CmpOp::Lt)
}

/// The list argument `v`, or "`name`() argument[ 1] must be list" (`what`: the part
/// after the name, put together only for the error).
fn list_of(vm: &mut Vm, v: Value, name: &str, what: &str) -> PyResult<pyjit_vm::heap::Gc<ListObj>> {
    match v.get::<ListObj>() {
        Some(l) => Ok(l),
        None => {
            let tn = vm.type_name_of(v);
            Err(vm.type_error(&format!("{name}{what} must be list, not {tn}")))
        }
    }
}

fn changed(vm: &mut Vm) -> PyErr {
    vm.runtime_error("list changed size during iteration")
}

fn item(l: &ListObj, i: usize) -> Value {
    l.items.borrow().get(i).copied().unwrap_or(Value::NULL)
}

fn swap(l: &ListObj, i: usize, j: usize) {
    let mut it = l.items.borrow_mut();
    if i < it.len() && j < it.len() {
        it.swap(i, j);
    }
}

/// Moves the item at `pos` up toward `start` while it is smaller than its parent (`max`:
/// larger).
fn siftdown(vm: &mut Vm, l: &ListObj, start: usize, mut pos: usize, max: bool) -> PyResult<()> {
    let size = l.len();
    if pos >= size {
        return Err(vm.index_error("index out of range"));
    }
    while pos > start {
        let parentpos = (pos - 1) >> 1;
        let (newitem, parent) = (item(l, pos), item(l, parentpos));
        let lt = if max { less(vm, parent, newitem)? } else { less(vm, newitem, parent)? };
        if size != l.len() {
            return Err(changed(vm));
        }
        if !lt {
            break;
        }
        swap(l, parentpos, pos);
        pos = parentpos;
    }
    Ok(())
}

/// Moves the smaller child up from `pos` to a leaf, then sifts the item back down.
fn siftup(vm: &mut Vm, l: &ListObj, mut pos: usize, max: bool) -> PyResult<()> {
    let end = l.len();
    let start = pos;
    if pos >= end {
        return Err(vm.index_error("index out of range"));
    }
    let limit = end >> 1;
    while pos < limit {
        let mut child = 2 * pos + 1;
        if child + 1 < end {
            let (a, b) = (item(l, child), item(l, child + 1));
            let lt = if max { less(vm, b, a)? } else { less(vm, a, b)? };
            if !lt {
                child += 1;
            }
            if end != l.len() {
                return Err(changed(vm));
            }
        }
        swap(l, child, pos);
        pos = child;
    }
    siftdown(vm, l, start, pos, max)
}

fn heappush(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    check_pos(vm, a, kw, "heappush", 2, 2)?;
    let l = list_of(vm, a[0], "heappush", "() argument 1")?;
    l.items.borrow_mut().push(a[1]);
    let n = l.len();
    siftdown(vm, &l, 0, n - 1, false)?;
    Ok(vm.none)
}

fn pop_common(vm: &mut Vm, heap: Value, name: &str, max: bool) -> PyResult<Value> {
    let l = list_of(vm, heap, name, "() argument")?;
    let last = l.items.borrow_mut().pop();
    let Some(last) = last else { return Err(vm.index_error("index out of range")) };
    if l.is_empty() {
        return Ok(last);
    }
    let ret = {
        let mut it = l.items.borrow_mut();
        std::mem::replace(&mut it[0], last)
    };
    siftup(vm, &l, 0, max)?;
    Ok(ret)
}

fn heappop(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let h = onearg_fn(vm, a, kw, "_heapq.heappop")?;
    pop_common(vm, h, "heappop", false)
}

fn heappop_max(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let h = onearg_fn(vm, a, kw, "_heapq._heappop_max")?;
    pop_common(vm, h, "_heappop_max", true)
}

fn replace_common(vm: &mut Vm, a: &[Value], kw: Value, name: &str, max: bool) -> PyResult<Value> {
    check_pos(vm, a, kw, name, 2, 2)?;
    let l = list_of(vm, a[0], name, "() argument 1")?;
    if l.is_empty() {
        return Err(vm.index_error("index out of range"));
    }
    let ret = {
        let mut it = l.items.borrow_mut();
        std::mem::replace(&mut it[0], a[1])
    };
    siftup(vm, &l, 0, max)?;
    Ok(ret)
}

fn heapreplace(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    replace_common(vm, a, kw, "heapreplace", false)
}

fn heapreplace_max(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    replace_common(vm, a, kw, "_heapreplace_max", true)
}

fn heappushpop(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    check_pos(vm, a, kw, "heappushpop", 2, 2)?;
    let l = list_of(vm, a[0], "heappushpop", "() argument 1")?;
    let x = a[1];
    if l.is_empty() {
        return Ok(x);
    }
    let top = item(&l, 0);
    if !less(vm, top, x)? {
        return Ok(x);
    }
    if l.is_empty() {
        return Err(vm.index_error("index out of range"));
    }
    let ret = {
        let mut it = l.items.borrow_mut();
        std::mem::replace(&mut it[0], x)
    };
    siftup(vm, &l, 0, false)?;
    Ok(ret)
}

fn keep_top_bit(mut n: usize) -> usize {
    let mut i = 0;
    while n > 1 {
        n >>= 1;
        i += 1;
    }
    n << i
}

fn heapify_common(vm: &mut Vm, heap: Value, name: &str, max: bool) -> PyResult<Value> {
    let l = list_of(vm, heap, name, "() argument")?;
    let n = l.len();
    if n > 2500 {
        // CPython's cache-friendly order
        let m = n >> 1;
        let leftmost = keep_top_bit(m + 1) - 1;
        let mhalf = m >> 1;
        let run = |vm: &mut Vm, from: usize, to: usize| -> PyResult<()> {
            let mut i = from;
            while i > to {
                i -= 1;
                let mut j = i;
                loop {
                    siftup(vm, &l, j, max)?;
                    if j & 1 == 0 {
                        break;
                    }
                    j >>= 1;
                }
            }
            Ok(())
        };
        run(vm, leftmost, mhalf)?;
        run(vm, m, leftmost)?;
        return Ok(vm.none);
    }
    for i in (0..n / 2).rev() {
        siftup(vm, &l, i, max)?;
    }
    Ok(vm.none)
}

fn heapify(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let h = onearg_fn(vm, a, kw, "_heapq.heapify")?;
    heapify_common(vm, h, "heapify", false)
}

fn heapify_max(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let h = onearg_fn(vm, a, kw, "_heapq._heapify_max")?;
    heapify_common(vm, h, "_heapify_max", true)
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    add_fns(
        vm,
        m,
        &[
            ("heappush", heappush),
            ("heappop", heappop),
            ("heapreplace", heapreplace),
            ("heappushpop", heappushpop),
            ("heapify", heapify),
            ("_heappop_max", heappop_max),
            ("_heapreplace_max", heapreplace_max),
            ("_heapify_max", heapify_max),
        ],
    );
    let about = vm.new_str("Heap queues");
    set_attr(vm, m, "__about__", about);
    let doc = vm.new_str("Heap queue algorithm (a.k.a. priority queue).");
    set_attr(vm, m, "__doc__", doc);
    Ok(())
}
