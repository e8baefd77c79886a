//! `sqlite3.Row`: a row_factory whose rows are indexed by position, slice or column name
//! (case-insensitively), with keys(), len, iteration, equality and hashing.

use crate::util::*;
use crate::{class_slot, native_state};

class_slot!(ROW);

struct Row {
    description: Value,
    data: Value,
}
native_state!(Row, |s, t| {
    t.visit(s.description);
    t.visit(s.data);
});

const WHAT: &str = "sqlite3.Row";

fn parts(vm: &mut Vm, me: Value) -> PyResult<(Value, Value)> {
    with_state::<Row, _>(vm, me, WHAT, |r| (r.description, r.data))
}

fn items_of(v: Value) -> Vec<Value> {
    v.get::<TupleObj>().map(|t| t.items.to_vec()).unwrap_or_default()
}

fn row_new(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    no_kw_new(vm, kw, a[0], "Row")?;
    check_count(vm, a.len() - 1, "Row", 2, 2)?;
    let ct = super::cursor::class();
    if !vm.isinstance(a[1], ct) {
        let tn = tname(vm, a[1]);
        return Err(vm.type_error(&format!("Row() argument 1 must be sqlite3.Cursor, not {tn}")));
    }
    if a[2].kind() != Some(ObjKind::Tuple) {
        let tn = tname(vm, a[2]);
        return Err(vm.type_error(&format!("Row() argument 2 must be tuple, not {tn}")));
    }
    let description = vm.getattr_str(a[1], "description")?;
    Ok(new_native(vm, a[0], Row { description, data: a[2] }))
}

/// The column names of the row.
fn names(vm: &mut Vm, description: Value) -> Vec<String> {
    items_of(description).into_iter().map(|d| items_of(d).first().map(|n| vm.str_of(*n)).unwrap_or_default()).collect()
}

fn getitem(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    slot(vm, a, 1)?;
    let (desc, data) = parts(vm, a[0])?;
    let key = a[1];
    if is_str(key) {
        let k = vm.str_of(key);
        for (i, n) in names(vm, desc).iter().enumerate() {
            if n.eq_ignore_ascii_case(&k) {
                if let Some(&v) = items_of(data).get(i) {
                    return Ok(v);
                }
            }
        }
        return Err(vm.index_error("No item with that key"));
    }
    let int_t = vm.types.int;
    if !key.is_small() && vm.isinstance(key, int_t) && vm.as_i64(key).is_none() {
        return Err(vm.index_error("cannot fit 'int' into an index-sized integer"));
    }
    if key.is_small() || vm.isinstance(key, int_t) || key.kind() == Some(ObjKind::Slice) {
        return vm.getitem(data, key);
    }
    Err(vm.index_error("Index must be int or string"))
}

fn len(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let (_, data) = parts(vm, a[0])?;
    Ok(vm.new_int(items_of(data).len() as i64))
}

fn iter(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let (_, data) = parts(vm, a[0])?;
    vm.call_method_str(data, "__iter__", &[])
}

fn keys(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "keys")?;
    let (desc, _) = parts(vm, a[0])?;
    let ns = names(vm, desc);
    let vals: Vec<Value> = ns.iter().map(|n| vm.new_str(n)).collect();
    Ok(vm.new_list(vals))
}

fn eq_impl(vm: &mut Vm, a: &[Value]) -> PyResult<Option<bool>> {
    slot(vm, a, 1)?;
    let rt = ROW.with(|c| c.get());
    if !vm.isinstance(a[1], rt) {
        return Ok(None);
    }
    let (d1, x1) = parts(vm, a[0])?;
    let (d2, x2) = parts(vm, a[1])?;
    Ok(Some(vm.eq(d1, d2)? && vm.eq(x1, x2)?))
}

fn eq(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    match eq_impl(vm, a)? {
        Some(b) => Ok(vm.bool_val(b)),
        None => Ok(vm.not_implemented),
    }
}

fn ne(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    match eq_impl(vm, a)? {
        Some(b) => Ok(vm.bool_val(!b)),
        None => Ok(vm.not_implemented),
    }
}

fn hash(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let (d, x) = parts(vm, a[0])?;
    let h = vm.hash(d)? ^ vm.hash(x)?;
    Ok(vm.new_int(if h == -1 { -2 } else { h }))
}

pub fn register(vm: &mut Vm, m: Value) {
    let c = new_class(vm, "sqlite3", "Row", None, ObjKind::Native, true);
    set_new(vm, c, row_new);
    add_methods(
        vm,
        c,
        &[("__getitem__", getitem), ("__len__", len), ("__iter__", iter), ("keys", keys), ("__eq__", eq), ("__ne__", ne), ("__hash__", hash)],
    );
    ROW.with(|s| s.set(c));
    set_attr(vm, m, "Row", c);
}
