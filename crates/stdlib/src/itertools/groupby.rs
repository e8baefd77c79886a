//! groupby and its _grouper: the groupby object holds the current key and value; the
//! grouper of the current group reads them until the key changes, and a grouper stops
//! once its groupby has moved on.

use crate::util::*;
use crate::{class_slot, native_state};
use super::MODULE;

struct GroupBy {
    it: Value,
    keyfunc: Value,
    tgtkey: Value,
    currkey: Value,
    currvalue: Value,
    currgrouper: Value,
}
native_state!(GroupBy, |s, t| {
    t.visit_all(&[s.it, s.keyfunc, s.tgtkey, s.currkey, s.currvalue, s.currgrouper]);
});

struct Grouper {
    parent: Value,
    tgtkey: Value,
}
native_state!(Grouper, |s, t| {
    t.visit(s.parent);
    t.visit(s.tgtkey);
});

class_slot!(GROUPER);

fn groupby_new(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let args = parse(vm, &a[1..], kw, "groupby", &["iterable", "key"], &[], 1)?;
    let none = vm.none;
    let it = vm.iter(args[0].unwrap_or(none))?;
    let keyfunc = args[1].unwrap_or(none);
    let st = GroupBy { it, keyfunc, tgtkey: Value::NULL, currkey: Value::NULL, currvalue: Value::NULL, currgrouper: Value::NULL };
    Ok(new_native_iter(vm, a[0], st, groupby_next))
}

fn gb<R>(vm: &mut Vm, me: Value, f: impl FnOnce(&mut GroupBy) -> R) -> PyResult<R> {
    with_state::<GroupBy, R>(vm, me, "groupby", f)
}

/// Reads the next value and its key into the groupby; false at the end.
fn step(vm: &mut Vm, me: Value) -> PyResult<bool> {
    let (it, keyfunc) = gb(vm, me, |s| (s.it, s.keyfunc))?;
    let Some(v) = vm.next(it)? else { return Ok(false) };
    let key = if keyfunc == vm.none { v } else { vm.call(keyfunc, &[v])? };
    gb(vm, me, |s| {
        s.currvalue = v;
        s.currkey = key;
    })?;
    Ok(true)
}

fn groupby_next(vm: &mut Vm, me: Value) -> PyResult<Option<Value>> {
    gb(vm, me, |s| s.currgrouper = Value::NULL)?;
    loop {
        let (tgt, cur) = gb(vm, me, |s| (s.tgtkey, s.currkey))?;
        if !cur.is_null() {
            if tgt.is_null() || !vm.eq(tgt, cur)? {
                break;
            }
        }
        if !step(vm, me)? {
            return Ok(None);
        }
    }
    let key = gb(vm, me, |s| {
        s.tgtkey = s.currkey;
        s.currkey
    })?;
    let gt = GROUPER.with(|c| c.get());
    let g = new_native_iter(vm, gt, Grouper { parent: me, tgtkey: key }, grouper_next);
    gb(vm, me, |s| s.currgrouper = g)?;
    Ok(Some(vm.new_tuple(vec![key, g])))
}

fn grouper_next(vm: &mut Vm, me: Value) -> PyResult<Option<Value>> {
    let (parent, tgtkey) = with_state::<Grouper, _>(vm, me, "_grouper", |s| (s.parent, s.tgtkey))?;
    let (current, value) = gb(vm, parent, |s| (s.currgrouper, s.currvalue))?;
    if current != me {
        return Ok(None);
    }
    if value.is_null() && !step(vm, parent)? {
        return Ok(None);
    }
    let cur = gb(vm, parent, |s| s.currkey)?;
    if !vm.eq(tgtkey, cur)? {
        return Ok(None);
    }
    let r = gb(vm, parent, |s| {
        let r = s.currvalue;
        s.currvalue = Value::NULL;
        s.currkey = Value::NULL;
        r
    })?;
    Ok(Some(r))
}

// ---- pickling: __reduce__ and __setstate__ as CPython's ----

fn groupby_reduce(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "groupby.__reduce__")?;
    let (it, keyfunc, tgt, cur, val) = gb(vm, a[0], |s| (s.it, s.keyfunc, s.tgtkey, s.currkey, s.currvalue))?;
    let ty = vm.type_of(a[0]);
    let args = vm.new_tuple(vec![it, keyfunc]);
    if !tgt.is_null() && !cur.is_null() && !val.is_null() {
        let state = vm.new_tuple(vec![cur, val, tgt]);
        return Ok(vm.new_tuple(vec![ty, args, state]));
    }
    Ok(vm.new_tuple(vec![ty, args]))
}

fn groupby_setstate(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let state = onearg(vm, a, kw, "groupby.__setstate__")?;
    let items = match state.get::<TupleObj>() {
        Some(t) if state.kind() == Some(ObjKind::Tuple) => t.items.to_vec(),
        _ => return Err(vm.type_error("state is not a tuple")),
    };
    if items.len() != 3 {
        let n = items.len();
        return Err(vm.type_error(&format!("function takes exactly 3 arguments ({n} given)")));
    }
    gb(vm, a[0], |s| {
        s.currkey = items[0];
        s.currvalue = items[1];
        s.tgtkey = items[2];
    })?;
    Ok(vm.none)
}

/// `_grouper(parent, tgtkey)`: a grouper that becomes its groupby's current one.
fn grouper_new(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    no_kw(vm, kw, "_grouper")?;
    check_count(vm, a.len() - 1, "_grouper", 2, 2)?;
    let (parent, tgtkey) = (a[1], a[2]);
    if !has_state::<GroupBy>(parent) {
        let tn = vm.type_name_of(parent);
        return Err(vm.type_error(&format!("_grouper() argument 1 must be itertools.groupby, not {tn}")));
    }
    let g = new_native_iter(vm, a[0], Grouper { parent, tgtkey }, grouper_next);
    gb(vm, parent, |s| s.currgrouper = g)?;
    Ok(g)
}

fn grouper_reduce(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "_grouper.__reduce__")?;
    let (parent, tgtkey) = with_state::<Grouper, _>(vm, a[0], "_grouper", |s| (s.parent, s.tgtkey))?;
    let current = gb(vm, parent, |s| s.currgrouper)?;
    if current != a[0] {
        // a grouper its groupby has left behind is exhausted: an empty iterator
        let d = vm.builtins_dict;
        let iter_f = vm.dict_get_by_str(d, "iter").unwrap_or(vm.none);
        let empty = vm.empty_tuple;
        let args = vm.new_tuple(vec![empty]);
        return Ok(vm.new_tuple(vec![iter_f, args]));
    }
    let ty = vm.type_of(a[0]);
    let args = vm.new_tuple(vec![parent, tgtkey]);
    Ok(vm.new_tuple(vec![ty, args]))
}

pub fn register(vm: &mut Vm, m: Value) {
    let g = iter_class(vm, MODULE, "groupby", Some(groupby_new), true);
    add_methods(vm, g, &[("__reduce__", groupby_reduce), ("__setstate__", groupby_setstate)]);
    set_attr(vm, m, "groupby", g);
    let gr = iter_class(vm, MODULE, "_grouper", Some(grouper_new), false);
    add_methods(vm, gr, &[("__reduce__", grouper_reduce)]);
    GROUPER.with(|c| c.set(gr));
    set_attr(vm, m, "_grouper", gr);
}
