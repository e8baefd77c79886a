//! `_functools`: reduce, partial, cmp_to_key (KeyWrapper) and `_lru_cache_wrapper` (in
//! lru.rs), which functools.py prefers over its Python versions.

mod lru;

use pyjit_compiler::opcode::CmpOp;

use crate::util::*;
use crate::{class_slot, native_state};

fn reduce(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    no_kw(vm, kw, "reduce")?;
    check_count(vm, a.len(), "reduce", 2, 3)?;
    let func = a[0];
    let it = match vm.iter(a[1]) {
        Ok(it) => it,
        Err(e) if vm.isinstance(e.0, vm.types.type_error) => return Err(vm.type_error("reduce() arg 2 must support iteration")),
        Err(e) => return Err(e),
    };
    let mut acc = a.get(2).copied();
    while let Some(v) = vm.next(it)? {
        acc = Some(match acc {
            None => v,
            Some(x) => vm.call(func, &[x, v])?,
        });
    }
    acc.ok_or_else(|| vm.type_error("reduce() of empty iterable with no initial value"))
}

/// partial: the function, the positional arguments, the keyword arguments (a dict).
pub struct Partial {
    func: Value,
    args: Value,
    kw: Value,
}
native_state!(Partial, dict, |s, t| {
    t.visit_all(&[s.func, s.args, s.kw]);
});

fn partial_state(vm: &mut Vm, v: Value) -> PyResult<(Value, Value, Value)> {
    with_state::<Partial, _>(vm, v, "functools.partial", |p| (p.func, p.args, p.kw))
}

fn tuple_items(v: Value) -> Vec<Value> {
    v.get::<TupleObj>().map(|t| t.items.to_vec()).unwrap_or_default()
}

fn partial_new(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let cls = a[0];
    let pos = positional(&a[1..], kw).to_vec();
    if pos.is_empty() {
        return Err(vm.type_error("type 'partial' takes at least one argument"));
    }
    let mut func = pos[0];
    let mut args: Vec<Value> = Vec::new();
    let kwd = vm.new_dict();
    // a partial of a partial (without instance attributes) is flattened
    if has_state::<Partial>(func) && vm.instance_dict(func, false).map(|d| vm.len(d).unwrap_or(0) == 0).unwrap_or(true) {
        let (f, pa, pk) = partial_state(vm, func)?;
        func = f;
        args.extend(tuple_items(pa));
        for (k, v) in vm.dict_items(pk) {
            vm.dict_set(kwd, k, v)?;
        }
    }
    if !is_callable(vm, func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    args.extend_from_slice(&pos[1..]);
    for (k, v) in keywords(vm, &a[1..], kw) {
        let kv = vm.new_string(k);
        vm.dict_set(kwd, kv, v)?;
    }
    let args = vm.new_tuple(args);
    Ok(new_native(vm, cls, Partial { func, args, kw: kwd }))
}

fn partial_call(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let me = a[0];
    let (func, pargs, pkw) = partial_state(vm, me)?;
    let pos = positional(&a[1..], kw);
    let mut args = tuple_items(pargs);
    args.extend_from_slice(pos);
    let stored = vm.dict_items(pkw);
    let given = keywords(vm, &a[1..], kw);
    if stored.is_empty() && given.is_empty() {
        return vm.call(func, &args);
    }
    // the stored keywords, overridden by the call's
    let merged = vm.new_dict();
    for (k, v) in stored {
        vm.dict_set(merged, k, v)?;
    }
    for (k, v) in given {
        let kv = vm.new_string(k);
        vm.dict_set(merged, kv, v)?;
    }
    let mut names = Vec::new();
    for (k, v) in vm.dict_items(merged) {
        if k.kind() != Some(ObjKind::Str) {
            return Err(vm.type_error("keywords must be strings"));
        }
        names.push(k);
        args.push(v);
    }
    let kwn = vm.new_tuple(names);
    vm.call_kw(func, &args, kwn)
}

fn partial_repr(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    slot(vm, a, 0)?;
    let me = a[0];
    let name = if vm.is_heap_type(me) { vm.type_name_of(me) } else { "functools.partial".to_string() };
    if vm.repr_stack.contains(&me) {
        return Ok(vm.new_str("..."));
    }
    let (func, args, kwd) = partial_state(vm, me)?;
    vm.repr_stack.push(me);
    let r = (|| -> PyResult<String> {
        let mut parts = vec![vm.repr(func)?];
        for v in tuple_items(args) {
            parts.push(vm.repr(v)?);
        }
        for (k, v) in vm.dict_items(kwd) {
            let ks = vm.str(k)?;
            parts.push(format!("{ks}={}", vm.repr(v)?));
        }
        Ok(parts.join(", "))
    })();
    vm.repr_stack.pop();
    Ok(vm.new_string(format!("{name}({})", r?)))
}

fn partial_reduce(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    slot(vm, a, 0)?;
    let me = a[0];
    let (func, args, kwd) = partial_state(vm, me)?;
    let ty = vm.type_of(me);
    let d = vm.instance_dict(me, false).filter(|d| vm.len(*d).map(|n| n > 0).unwrap_or(false)).unwrap_or(vm.none);
    let first = vm.new_tuple(vec![func]);
    let state = vm.new_tuple(vec![func, args, kwd, d]);
    Ok(vm.new_tuple(vec![ty, first, state]))
}

fn partial_setstate(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let st = onearg(vm, a, kw, "partial.__setstate__")?;
    let items = match st.get::<TupleObj>() {
        Some(t) if t.items.len() == 4 => t.items.to_vec(),
        _ => return Err(vm.type_error("invalid partial state")),
    };
    let (func, args, kwd, d) = (items[0], items[1], items[2], items[3]);
    let none = vm.none;
    if !is_callable(vm, func) || args.kind() != Some(ObjKind::Tuple) || (kwd != none && kwd.kind() != Some(ObjKind::Dict)) {
        return Err(vm.type_error("invalid partial state"));
    }
    let args = if vm.type_of(args) == vm.types.tuple { args } else { vm.new_tuple(tuple_items(args)) };
    // an exact dict is kept (CPython shares it), a subclass's items are copied
    let kwd = if kwd == none {
        vm.new_dict()
    } else if vm.type_of(kwd) == vm.types.dict {
        kwd
    } else {
        let n = vm.new_dict();
        for (k, v) in vm.dict_items(kwd) {
            vm.dict_set(n, k, v)?;
        }
        n
    };
    with_state::<Partial, _>(vm, a[0], "functools.partial", |p| {
        p.func = func;
        p.args = args;
        p.kw = kwd;
    })?;
    replace_instance_dict(vm, a[0], d)?;
    Ok(vm.none)
}

fn partial_func(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    Ok(partial_state(vm, a[0])?.0)
}

fn partial_args(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    Ok(partial_state(vm, a[0])?.1)
}

fn partial_keywords(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    Ok(partial_state(vm, a[0])?.2)
}

/// `p.__dict__ = d`: the instance dict takes `d`'s items (a dict is required).
fn partial_dict_set(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let v = a.get(1).copied().unwrap_or(Value::NULL);
    if v.kind() != Some(ObjKind::Dict) {
        let tn = vm.type_name_of(v);
        return Err(vm.type_error(&format!("__dict__ must be set to a dictionary, not a '{tn}'")));
    }
    replace_instance_dict(vm, a[0], v)?;
    Ok(vm.none)
}

fn partial_dict_del(vm: &mut Vm, _a: &[Value], _kw: Value) -> PyResult<Value> {
    Err(vm.type_error("cannot delete __dict__"))
}

/// Makes the instance dict of `me` hold exactly the items of `d` (none when `d` is None).
fn replace_instance_dict(vm: &mut Vm, me: Value, d: Value) -> PyResult<()> {
    if let Some(own) = vm.instance_dict(me, true) {
        if own == d {
            return Ok(());
        }
        let items = if d == vm.none { Vec::new() } else { vm.dict_items(d) };
        if let Some(o) = own.get::<pyjit_vm::objects::DictObj>() {
            o.table.borrow_mut().clear();
        }
        for (k, v) in items {
            vm.dict_set(own, k, v)?;
        }
    }
    Ok(())
}

fn readonly(vm: &mut Vm, _a: &[Value], _kw: Value) -> PyResult<Value> {
    Err(vm.attribute_error("readonly attribute"))
}

/// `__dict__` of native objects that have one.
pub fn dict_get(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    match vm.instance_dict(a[0], true) {
        Some(d) => Ok(d),
        None => Err(vm.attribute_error("object has no __dict__")),
    }
}

/// KeyWrapper: the comparison function and the wrapped object (NULL for the factory
/// cmp_to_key returns).
struct Key {
    cmp: Value,
    obj: Value,
}
native_state!(Key, |s, t| {
    t.visit(s.cmp);
    t.visit(s.obj);
});

class_slot!(KEYWRAPPER);

fn cmp_to_key(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let args = parse(vm, a, kw, "cmp_to_key", &["mycmp"], &[], 1)?;
    let cmp = args[0].unwrap_or(vm.none);
    let t = KEYWRAPPER.with(|c| c.get());
    Ok(new_native(vm, t, Key { cmp, obj: Value::NULL }))
}

fn key_call(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let args = parse(vm, &a[1..], kw, "K", &["obj"], &[], 1)?;
    let obj = args[0].unwrap_or(vm.none);
    let cmp = with_state::<Key, _>(vm, a[0], "functools.KeyWrapper", |k| k.cmp)?;
    let t = KEYWRAPPER.with(|c| c.get());
    Ok(new_native(vm, t, Key { cmp, obj }))
}

fn key_compare(vm: &mut Vm, a: &[Value], op: CmpOp) -> PyResult<Value> {
    if !has_state::<Key>(a[1]) {
        return Err(vm.type_error("other argument must be K instance"));
    }
    let (cmp, x) = with_state::<Key, _>(vm, a[0], "functools.KeyWrapper", |k| (k.cmp, k.obj))?;
    let y = with_state::<Key, _>(vm, a[1], "functools.KeyWrapper", |k| k.obj)?;
    if x.is_null() || y.is_null() {
        return Err(vm.attribute_error("object"));
    }
    let res = vm.call(cmp, &[x, y])?;
    let zero = vm.new_int(0);
    vm.rich_compare(res, zero, op)
}

fn key_lt(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    slot(vm, a, 1)?;
    key_compare(vm, a, CmpOp::Lt)
}
fn key_le(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    slot(vm, a, 1)?;
    key_compare(vm, a, CmpOp::Le)
}
fn key_eq(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    slot(vm, a, 1)?;
    key_compare(vm, a, CmpOp::Eq)
}
fn key_ne(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    slot(vm, a, 1)?;
    key_compare(vm, a, CmpOp::Ne)
}
fn key_gt(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    slot(vm, a, 1)?;
    key_compare(vm, a, CmpOp::Gt)
}
fn key_ge(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    slot(vm, a, 1)?;
    key_compare(vm, a, CmpOp::Ge)
}

fn key_obj(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let o = with_state::<Key, _>(vm, a[0], "functools.KeyWrapper", |k| k.obj)?;
    if o.is_null() {
        return Err(vm.attribute_error("obj"));
    }
    Ok(o)
}

fn key_set_obj(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let v = a.get(1).copied().unwrap_or(Value::NULL);
    with_state::<Key, _>(vm, a[0], "functools.KeyWrapper", |k| k.obj = v)?;
    Ok(vm.none)
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    let doc = vm.new_str("Tools that operate on functions.");
    set_attr(vm, m, "__doc__", doc);
    add_fns(vm, m, &[("reduce", reduce), ("cmp_to_key", cmp_to_key)]);
    let p = new_class(vm, "functools", "partial", None, ObjKind::Native, true);
    set_new(vm, p, partial_new);
    add_methods(vm, p, &[("__call__", partial_call), ("__repr__", partial_repr), ("__reduce__", partial_reduce), ("__setstate__", partial_setstate)]);
    add_getsets(
        vm,
        p,
        &[
            ("func", partial_func, Some(readonly)),
            ("args", partial_args, Some(readonly)),
            ("keywords", partial_keywords, Some(readonly)),
        ],
    );
    pyjit_vm::builtins::getset_del(vm, p, "__dict__", dict_get, Some(partial_dict_set), Some(partial_dict_del));
    if let Some(cg) = vm.lookup_str(vm.types.list, "__class_getitem__") {
        set_class_attr(vm, p, "__class_getitem__", cg);
    }
    set_attr(vm, m, "partial", p);
    let k = new_class(vm, "functools", "KeyWrapper", None, ObjKind::Native, false);
    KEYWRAPPER.with(|c| c.set(k));
    add_methods(
        vm,
        k,
        &[("__call__", key_call), ("__lt__", key_lt), ("__le__", key_le), ("__eq__", key_eq), ("__ne__", key_ne), ("__gt__", key_gt), ("__ge__", key_ge)],
    );
    add_getsets(vm, k, &[("obj", key_obj, Some(key_set_obj))]);
    let none = vm.none;
    set_class_attr(vm, k, "__hash__", none);
    lru::register(vm, m);
    Ok(())
}
