//! `collections.deque`: a double-ended queue over a ring buffer, optionally bounded by
//! maxlen, with CPython's methods, messages and "mutated during iteration" checks. Its
//! iterators are in deque_iter.rs.

use std::collections::VecDeque;

use pyjit_compiler::opcode::CmpOp;

use crate::util::*;
use crate::class_slot;

pub struct Deque {
    pub items: VecDeque<Value>,
    pub maxlen: Option<usize>,
    /// Bumped by every change of length or order, so iterators notice.
    pub state: u64,
}
impl NativeData for Deque {
    fn trace(&self, t: &mut Tracer) {
        let (a, b) = self.items.as_slices();
        t.visit_all(a);
        t.visit_all(b);
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }
    fn len(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

impl Deque {
    pub fn new(maxlen: Option<usize>) -> Deque {
        Deque { items: VecDeque::new(), maxlen, state: 0 }
    }

    /// Appends on the right, dropping from the left past maxlen.
    #[inline]
    pub fn push_back(&mut self, v: Value) {
        self.items.push_back(v);
        self.state += 1;
        if let Some(m) = self.maxlen {
            if self.items.len() > m {
                self.items.pop_front();
            }
        }
    }

    #[inline]
    pub fn push_front(&mut self, v: Value) {
        self.items.push_front(v);
        self.state += 1;
        if let Some(m) = self.maxlen {
            if self.items.len() > m {
                self.items.pop_back();
            }
        }
    }

    pub fn rotate(&mut self, n: i64) {
        let len = self.items.len() as i64;
        if len <= 1 {
            return;
        }
        let mut n = n % len;
        if n < 0 {
            n += len;
        }
        self.items.rotate_right(n as usize);
        self.state += 1;
    }
}

class_slot!(DEQUE);

pub fn deque_type() -> Value {
    DEQUE.with(|c| c.get())
}

#[inline]
pub fn dq<R>(vm: &mut Vm, v: Value, f: impl FnOnce(&mut Deque) -> R) -> PyResult<R> {
    with_state::<Deque, R>(vm, v, "collections.deque", f)
}

fn deque_new(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    Ok(new_native(vm, a[0], Deque::new(None)))
}

/// The maxlen argument: None or a non-negative int.
fn maxlen_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<Option<usize>> {
    let Some(v) = v else { return Ok(None) };
    if v == vm.none {
        return Ok(None);
    }
    if !vm.is_int(v) {
        return Err(vm.type_error("an integer is required"));
    }
    match vm.as_i64(v) {
        Some(n) if n < 0 => Err(vm.value_error("maxlen must be non-negative")),
        Some(n) => Ok(Some(n as usize)),
        None => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
    }
}

fn deque_init(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let me = a[0];
    let args = parse(vm, &a[1..], kw, "deque", &["iterable", "maxlen"], &[], 0)?;
    let maxlen = maxlen_arg(vm, args[1])?;
    dq(vm, me, |d| {
        d.maxlen = maxlen;
        if !d.items.is_empty() {
            d.items.clear();
            d.state += 1;
        }
    })?;
    if let Some(it) = args[0] {
        extend(vm, me, it, false)?;
    }
    Ok(vm.none)
}

/// extend / extendleft.
pub fn extend(vm: &mut Vm, me: Value, iterable: Value, left: bool) -> PyResult<()> {
    if iterable == me {
        let items: Vec<Value> = dq(vm, me, |d| d.items.iter().copied().collect())?;
        let tmp = vm.new_list(items);
        return extend(vm, me, tmp, left);
    }
    // lists and tuples without an iterator
    let direct: Option<Vec<Value>> = match iterable.kind() {
        Some(ObjKind::List) if !vm.is_heap_type(iterable) => iterable.get::<pyjit_vm::objects::ListObj>().map(|l| l.snapshot()),
        Some(ObjKind::Tuple) => iterable.get::<TupleObj>().map(|t| t.items.to_vec()),
        _ => None,
    };
    if let Some(items) = direct {
        dq(vm, me, |d| {
            for v in items {
                if left {
                    d.push_front(v)
                } else {
                    d.push_back(v)
                }
            }
        })?;
        return Ok(());
    }
    let it = vm.iter(iterable)?;
    while let Some(v) = vm.next(it)? {
        dq(vm, me, |d| if left { d.push_front(v) } else { d.push_back(v) })?;
    }
    Ok(())
}

fn d_append(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    if a.len() != 2 || nkw(kw) != 0 {
        onearg(vm, a, kw, "deque.append")?;
    }
    let v = a[1];
    dq(vm, a[0], |d| d.push_back(v))?;
    Ok(vm.none)
}

fn d_appendleft(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    if a.len() != 2 || nkw(kw) != 0 {
        onearg(vm, a, kw, "deque.appendleft")?;
    }
    let v = a[1];
    dq(vm, a[0], |d| d.push_front(v))?;
    Ok(vm.none)
}

fn d_extend(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let x = onearg(vm, a, kw, "deque.extend")?;
    extend(vm, a[0], x, false)?;
    Ok(vm.none)
}

fn d_extendleft(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let x = onearg(vm, a, kw, "deque.extendleft")?;
    extend(vm, a[0], x, true)?;
    Ok(vm.none)
}

fn d_pop(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    if a.len() != 1 || nkw(kw) != 0 {
        noargs(vm, a, kw, "deque.pop")?;
    }
    let r = dq(vm, a[0], |d| {
        let v = d.items.pop_back();
        d.state += 1;
        v
    })?;
    r.ok_or_else(|| vm.index_error("pop from an empty deque"))
}

fn d_popleft(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    if a.len() != 1 || nkw(kw) != 0 {
        noargs(vm, a, kw, "deque.popleft")?;
    }
    let r = dq(vm, a[0], |d| {
        let v = d.items.pop_front();
        d.state += 1;
        v
    })?;
    r.ok_or_else(|| vm.index_error("pop from an empty deque"))
}

fn d_clear(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "deque.clear")?;
    dq(vm, a[0], |d| {
        d.items.clear();
        d.state += 1;
    })?;
    Ok(vm.none)
}

fn d_rotate(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    check_pos(vm, &a[1..], kw, "deque.rotate", 0, 1)?;
    let n = match a.get(1) {
        Some(&v) => ssize(vm, v)?,
        None => 1,
    };
    dq(vm, a[0], |d| d.rotate(n))?;
    Ok(vm.none)
}

fn d_reverse(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "deque.reverse")?;
    dq(vm, a[0], |d| {
        d.items.make_contiguous().reverse();
        d.state += 1;
    })?;
    Ok(vm.none)
}

/// Compares each item with `x` in order, failing if the deque changes meanwhile; the
/// position of the first equal item in `start..stop`.
fn find(vm: &mut Vm, me: Value, x: Value, start: usize, stop: usize) -> PyResult<Option<usize>> {
    let state = dq(vm, me, |d| d.state)?;
    for i in start..stop {
        let item = dq(vm, me, |d| d.items.get(i).copied())?;
        let Some(item) = item else { break };
        let eq = item == x || vm.eq(item, x)?;
        if dq(vm, me, |d| d.state)? != state {
            return Err(vm.runtime_error("deque mutated during iteration"));
        }
        if eq {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn d_count(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let x = onearg(vm, a, kw, "deque.count")?;
    let (len, state) = dq(vm, a[0], |d| (d.items.len(), d.state))?;
    let mut n = 0i64;
    for i in 0..len {
        let item = dq(vm, a[0], |d| d.items.get(i).copied())?;
        let Some(item) = item else { break };
        if item == x || vm.eq(item, x)? {
            n += 1;
        }
        if dq(vm, a[0], |d| d.state)? != state {
            return Err(vm.runtime_error("deque mutated during iteration"));
        }
    }
    Ok(vm.new_int(n))
}

/// A slice index of index(): an int (clamped) or "slice indices must be integers...".
fn slice_index(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match vm.index_opt(v)? {
        Some(i) => Ok(match vm.as_bigint(i) {
            Some(b) => num_traits::ToPrimitive::to_i64(&b).unwrap_or(if b.sign() == num_bigint::Sign::Minus { i64::MIN } else { i64::MAX }),
            None => 0,
        }),
        None => Err(vm.type_error("slice indices must be integers or have an __index__ method")),
    }
}

fn d_index(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    no_kw(vm, kw, "index")?;
    let n = a.len() - 1;
    if n < 1 {
        return Err(vm.type_error(&format!("index() takes at least 1 argument ({n} given)")));
    }
    if n > 3 {
        return Err(vm.type_error(&format!("index() takes at most 3 arguments ({n} given)")));
    }
    let x = a[1];
    let len = dq(vm, a[0], |d| d.items.len())? as i64;
    let mut start = match a.get(2) {
        Some(&v) => slice_index(vm, v)?,
        None => 0,
    };
    let mut stop = match a.get(3) {
        Some(&v) => slice_index(vm, v)?,
        None => len,
    };
    if start < 0 {
        start = (start.saturating_add(len)).max(0);
    }
    if stop < 0 {
        stop = (stop.saturating_add(len)).max(0);
    }
    stop = stop.min(len);
    if start < stop {
        if let Some(i) = find(vm, a[0], x, start as usize, stop as usize)? {
            return Ok(vm.new_int(i as i64));
        }
    }
    let r = vm.repr(x)?;
    Err(vm.value_error(&format!("{r} is not in deque")))
}

fn d_insert(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    no_kw(vm, kw, "insert")?;
    check_count(vm, a.len() - 1, "insert", 2, 2)?;
    let i = ssize(vm, a[1])?;
    let v = a[2];
    let full = dq(vm, a[0], |d| d.maxlen.map(|m| d.items.len() >= m).unwrap_or(false))?;
    if full {
        return Err(vm.index_error("deque already at its maximum size"));
    }
    dq(vm, a[0], |d| {
        let n = d.items.len() as i64;
        let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
        d.items.insert(at as usize, v);
        d.state += 1;
    })?;
    Ok(vm.none)
}

fn d_remove(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let x = onearg(vm, a, kw, "deque.remove")?;
    let len = dq(vm, a[0], |d| d.items.len())?;
    match find(vm, a[0], x, 0, len) {
        Ok(Some(i)) => {
            dq(vm, a[0], |d| {
                d.items.remove(i);
                d.state += 1;
            })?;
            Ok(vm.none)
        }
        Ok(None) => {
            let r = vm.repr(x)?;
            Err(vm.value_error(&format!("{r} is not in deque")))
        }
        Err(e) if vm.isinstance(e.0, vm.types.runtime_error) => Err(vm.index_error("deque mutated during iteration")),
        Err(e) => Err(e),
    }
}

/// A sequence index of d[i] against length `len`.
fn seq_index(vm: &mut Vm, key: Value, len: usize) -> PyResult<usize> {
    let i = if key.is_small() {
        key.small_value()
    } else {
        match vm.index_opt(key)? {
            Some(i) => match vm.as_i64(i) {
                Some(n) => n,
                None => return Err(vm.index_error("cannot fit 'int' into an index-sized integer")),
            },
            None => {
                let tn = vm.type_name_of(key);
                return Err(vm.type_error(&format!("sequence index must be integer, not '{tn}'")));
            }
        }
    };
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(vm.index_error("deque index out of range"));
    }
    Ok(j as usize)
}

fn d_getitem(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let len = dq(vm, a[0], |d| d.items.len())?;
    let i = seq_index(vm, a[1], len)?;
    let v = dq(vm, a[0], |d| d.items.get(i).copied())?;
    v.ok_or_else(|| vm.index_error("deque index out of range"))
}

fn d_setitem(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let len = dq(vm, a[0], |d| d.items.len())?;
    let i = seq_index(vm, a[1], len)?;
    let v = a[2];
    dq(vm, a[0], |d| {
        if let Some(slot) = d.items.get_mut(i) {
            *slot = v;
        }
    })?;
    Ok(vm.none)
}

fn d_delitem(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let len = dq(vm, a[0], |d| d.items.len())?;
    let i = seq_index(vm, a[1], len)?;
    dq(vm, a[0], |d| {
        d.items.remove(i);
        d.state += 1;
    })?;
    Ok(vm.none)
}

fn d_len(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let n = dq(vm, a[0], |d| d.items.len())?;
    Ok(vm.new_int(n as i64))
}

fn d_contains(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let len = dq(vm, a[0], |d| d.items.len())?;
    let found = find(vm, a[0], a[1], 0, len)?.is_some();
    Ok(vm.bool_val(found))
}

/// A copy of `me` (of its class; through a call for subclasses, as CPython does).
fn copy_of(vm: &mut Vm, me: Value) -> PyResult<Value> {
    let ty = vm.type_of(me);
    let (items, maxlen) = dq(vm, me, |d| (d.items.clone(), d.maxlen))?;
    if ty == deque_type() {
        return Ok(new_native(vm, ty, Deque { items, maxlen, state: 0 }));
    }
    match maxlen {
        Some(m) => {
            let mv = vm.new_int(m as i64);
            vm.call(ty, &[me, mv])
        }
        None => vm.call(ty, &[me]),
    }
}

fn d_copy(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "deque.copy")?;
    copy_of(vm, a[0])
}

fn d_add(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    if !has_state::<Deque>(a[1]) {
        let tn = vm.type_name_of(a[1]);
        return Err(vm.type_error(&format!("can only concatenate deque (not \"{tn}\") to deque")));
    }
    let new = copy_of(vm, a[0])?;
    extend(vm, new, a[1], false)?;
    Ok(new)
}

fn d_iadd(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    extend(vm, a[0], a[1], false)?;
    Ok(a[0])
}

/// The repeat count of `*`.
fn repeat_count(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match vm.index_opt(v)? {
        Some(i) => match vm.as_i64(i) {
            Some(n) => Ok(n),
            None => Err(vm.overflow_error("cannot fit 'int' into an index-sized integer")),
        },
        None => {
            let tn = vm.type_name_of(v);
            Err(vm.type_error(&format!("can't multiply sequence by non-int of type '{tn}'")))
        }
    }
}

fn repeat_in_place(vm: &mut Vm, me: Value, n: i64) -> PyResult<()> {
    let (len, maxlen) = dq(vm, me, |d| (d.items.len(), d.maxlen))?;
    if n <= 0 || len == 0 {
        dq(vm, me, |d| {
            d.items.clear();
            d.state += 1;
        })?;
        return Ok(());
    }
    if n == 1 {
        return Ok(());
    }
    // a bounded deque only ever keeps its last maxlen items
    let total = (len as u128) * (n as u128);
    let keep = match maxlen {
        Some(m) => total.min(m as u128),
        None => total,
    };
    vm.checked_len(keep)?;
    // the last `keep` items of the items repeated n times
    let start = ((total - keep) % len as u128) as usize;
    dq(vm, me, |d| {
        let src: Vec<Value> = d.items.iter().copied().collect();
        d.items = (0..keep as usize).map(|k| src[(start + k) % src.len()]).collect();
        d.state += 1;
    })?;
    Ok(())
}

fn d_mul(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let n = repeat_count(vm, a[1])?;
    let new = copy_of(vm, a[0])?;
    repeat_in_place(vm, new, n)?;
    Ok(new)
}

fn d_imul(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let n = repeat_count(vm, a[1])?;
    repeat_in_place(vm, a[0], n)?;
    Ok(a[0])
}

fn d_repr(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let me = a[0];
    if vm.repr_stack.contains(&me) {
        return Ok(vm.new_str("[...]"));
    }
    let (items, maxlen) = dq(vm, me, |d| (d.items.iter().copied().collect::<Vec<Value>>(), d.maxlen))?;
    let name = vm.type_name_of(me);
    let list = vm.new_list(items);
    vm.repr_stack.push(me);
    let r = vm.repr(list);
    vm.repr_stack.pop();
    let r = r?;
    let s = match maxlen {
        Some(m) => format!("{name}({r}, maxlen={m})"),
        None => format!("{name}({r})"),
    };
    Ok(vm.new_string(s))
}

fn compare(vm: &mut Vm, a: &[Value], op: CmpOp) -> PyResult<Value> {
    let (me, other) = (a[0], a[1]);
    if !has_state::<Deque>(other) {
        return Ok(vm.not_implemented);
    }
    let x: Vec<Value> = dq(vm, me, |d| d.items.iter().copied().collect())?;
    let y: Vec<Value> = dq(vm, other, |d| d.items.iter().copied().collect())?;
    if matches!(op, CmpOp::Eq | CmpOp::Ne) && x.len() != y.len() {
        return Ok(vm.bool_val(op == CmpOp::Ne));
    }
    // the snapshots are what is compared: keep their items alive while Python code runs
    let hold_x = vm.new_list(x.clone());
    let hold_y = vm.new_list(y.clone());
    let r = pyjit_vm::builtins::compare::seq_compare(vm, &x, &y, op);
    vm.keep(hold_x);
    vm.keep(hold_y);
    r
}

fn d_eq(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    compare(vm, a, CmpOp::Eq)
}
fn d_ne(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    compare(vm, a, CmpOp::Ne)
}
fn d_lt(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    compare(vm, a, CmpOp::Lt)
}
fn d_le(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    compare(vm, a, CmpOp::Le)
}
fn d_gt(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    compare(vm, a, CmpOp::Gt)
}
fn d_ge(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    compare(vm, a, CmpOp::Ge)
}

fn d_maxlen(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let m = dq(vm, a[0], |d| d.maxlen)?;
    Ok(match m {
        Some(m) => vm.new_int(m as i64),
        None => vm.none,
    })
}

fn d_reduce(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let me = a[0];
    let ty = vm.type_of(me);
    let maxlen = dq(vm, me, |d| d.maxlen)?;
    let state = vm.instance_dict(me, false).filter(|d| vm.len(*d).map(|n| n > 0).unwrap_or(false)).unwrap_or(vm.none);
    let it = vm.iter(me)?;
    let empty = vm.empty_tuple;
    let args = match maxlen {
        Some(m) => {
            let mv = vm.new_int(m as i64);
            vm.new_tuple(vec![empty, mv])
        }
        None => empty,
    };
    Ok(vm.new_tuple(vec![ty, args, state, it]))
}

fn d_sizeof(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let n = dq(vm, a[0], |d| d.items.capacity())?;
    Ok(vm.new_int(48 + 8 * n as i64))
}

pub fn register(vm: &mut Vm, m: Value) -> Value {
    let t = new_class(vm, "collections", "deque", None, ObjKind::Native, true);
    DEQUE.with(|c| c.set(t));
    set_new(vm, t, deque_new);
    add_methods(
        vm,
        t,
        &[
            ("__init__", deque_init),
            ("append", d_append),
            ("appendleft", d_appendleft),
            ("extend", d_extend),
            ("extendleft", d_extendleft),
            ("pop", d_pop),
            ("popleft", d_popleft),
            ("clear", d_clear),
            ("rotate", d_rotate),
            ("reverse", d_reverse),
            ("count", d_count),
            ("index", d_index),
            ("insert", d_insert),
            ("remove", d_remove),
            ("copy", d_copy),
            ("__copy__", d_copy),
            ("__getitem__", d_getitem),
            ("__setitem__", d_setitem),
            ("__delitem__", d_delitem),
            ("__len__", d_len),
            ("__contains__", d_contains),
            ("__add__", d_add),
            ("__iadd__", d_iadd),
            ("__mul__", d_mul),
            ("__rmul__", d_mul),
            ("__imul__", d_imul),
            ("__repr__", d_repr),
            ("__eq__", d_eq),
            ("__ne__", d_ne),
            ("__lt__", d_lt),
            ("__le__", d_le),
            ("__gt__", d_gt),
            ("__ge__", d_ge),
            ("__reduce__", d_reduce),
            ("__sizeof__", d_sizeof),
        ],
    );
    add_getsets(vm, t, &[("maxlen", d_maxlen, None)]);
    let none = vm.none;
    set_class_attr(vm, t, "__hash__", none);
    if let Some(cg) = vm.lookup_str(vm.types.list, "__class_getitem__") {
        set_class_attr(vm, t, "__class_getitem__", cg);
    }
    super::deque_iter::register(vm, t, m);
    set_attr(vm, m, "deque", t);
    t
}
