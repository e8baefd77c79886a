//! `_collections._count_elements` (Counter's counting loop) and `_tuplegetter` (the field
//! descriptors of namedtuple classes).

use crate::native_state;
use crate::util::*;

use pyjit_compiler::opcode::BinOp;

fn count_elements(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    no_kw(vm, kw, "_collections._count_elements")?;
    check_count(vm, a.len(), "_count_elements", 2, 2)?;
    let (mapping, iterable) = (a[0], a[1]);
    let it = vm.iter(iterable)?;
    // a dict (or subclass) whose get and __setitem__ are dict's is counted directly
    let ty = vm.type_of(mapping);
    let dt = vm.types.dict;
    let direct = mapping.kind() == Some(ObjKind::Dict)
        && vm.lookup_str(ty, "get") == vm.lookup_str(dt, "get")
        && vm.lookup_str(ty, "__setitem__") == vm.lookup_str(dt, "__setitem__");
    let one = vm.new_int(1);
    let zero = vm.new_int(0);
    if direct {
        while let Some(x) = vm.next(it)? {
            let h = vm.hash(x)?;
            let old = vm.dict_get_h(mapping, x, h)?;
            let new = match old {
                None => one,
                Some(o) if o.is_small() && o.small_value() < i64::MAX / 4 => vm.new_int(o.small_value() + 1),
                Some(o) => vm.binary_op(o, one, BinOp::Add, false)?,
            };
            vm.dict_set_h(mapping, x, new, h)?;
        }
        return Ok(vm.none);
    }
    let get = vm.getattr_str(mapping, "get")?;
    while let Some(x) = vm.next(it)? {
        let old = vm.call(get, &[x, zero])?;
        let new = vm.binary_op(old, one, BinOp::Add, false)?;
        vm.setitem(mapping, x, new)?;
    }
    Ok(vm.none)
}

struct TupleGetter {
    index: usize,
    doc: Value,
}
native_state!(TupleGetter, |s, t| {
    t.visit(s.doc);
});

fn tg_new(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    no_kw(vm, kw, "_tuplegetter")?;
    check_count(vm, a.len() - 1, "_tuplegetter", 2, 2)?;
    let index = ssize(vm, a[1])?;
    if index < 0 {
        return Err(vm.index_error("tuple index out of range"));
    }
    Ok(new_native(vm, a[0], TupleGetter { index: index as usize, doc: a[2] }))
}

fn tg_get(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let me = a[0];
    let obj = a.get(1).copied().unwrap_or(vm.none);
    if obj == vm.none {
        return Ok(me);
    }
    let index = with_state::<TupleGetter, _>(vm, me, "_tuplegetter", |s| s.index)?;
    let Some(t) = obj.get::<TupleObj>() else {
        let tn = vm.type_name_of(obj);
        return Err(vm.type_error(&format!("descriptor for index '{index}' for tuple subclasses doesn't apply to '{tn}' object")));
    };
    match t.items.get(index) {
        Some(&v) => Ok(v),
        None => Err(vm.index_error("tuple index out of range")),
    }
}

fn tg_set(vm: &mut Vm, _a: &[Value], _kw: Value) -> PyResult<Value> {
    Err(vm.attribute_error("can't set attribute"))
}

fn tg_delete(vm: &mut Vm, _a: &[Value], _kw: Value) -> PyResult<Value> {
    Err(vm.attribute_error("can't delete attribute"))
}

fn tg_doc(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    with_state::<TupleGetter, _>(vm, a[0], "_tuplegetter", |s| s.doc)
}

fn tg_set_doc(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let v = a.get(1).copied().unwrap_or(vm.none);
    with_state::<TupleGetter, _>(vm, a[0], "_tuplegetter", |s| s.doc = v)?;
    Ok(vm.none)
}

fn tg_reduce(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let (index, doc) = with_state::<TupleGetter, _>(vm, a[0], "_tuplegetter", |s| (s.index, s.doc))?;
    let ty = vm.type_of(a[0]);
    let iv = vm.new_int(index as i64);
    let args = vm.new_tuple(vec![iv, doc]);
    Ok(vm.new_tuple(vec![ty, args]))
}

pub fn register(vm: &mut Vm, m: Value) {
    add_fns(vm, m, &[("_count_elements", count_elements)]);
    let t = new_class(vm, "_collections", "_tuplegetter", None, ObjKind::Native, false);
    set_new(vm, t, tg_new);
    add_methods(vm, t, &[("__get__", tg_get), ("__set__", tg_set), ("__delete__", tg_delete), ("__reduce__", tg_reduce)]);
    add_getsets(vm, t, &[("__doc__", tg_doc, Some(tg_set_doc))]);
    set_attr(vm, m, "_tuplegetter", t);
}
