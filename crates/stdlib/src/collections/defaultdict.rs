//! `collections.defaultdict`: a dict subclass (dict layout) whose `__missing__` calls
//! `default_factory`. The factory lives in the VM's side table of members of builtin
//! subclass instances, under its own name.

use crate::util::*;

const KEY: &str = "default_factory";

fn factory(vm: &mut Vm, d: Value) -> Value {
    let none = vm.none;
    match vm.member_dicts.get(&d.raw()).copied() {
        Some(md) => vm.dict_get_by_str(md, KEY).unwrap_or(none),
        None => none,
    }
}

fn set_factory(vm: &mut Vm, d: Value, f: Value) {
    let md = match vm.member_dicts.get(&d.raw()).copied() {
        Some(md) => md,
        None => {
            let md = vm.new_dict();
            vm.member_dicts.insert(d.raw(), md);
            md
        }
    };
    vm.dict_set_str(md, KEY, f);
}

fn dd_init(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let me = a[0];
    let npos = positional(&a[1..], kw).len();
    let mut rest_from = 1;
    if npos > 0 {
        let f = a[1];
        if f != vm.none && !is_callable(vm, f) {
            return Err(vm.type_error("first argument must be callable or None"));
        }
        set_factory(vm, me, f);
        rest_from = 2;
    } else {
        let none = vm.none;
        set_factory(vm, me, none);
    }
    let dict_init = vm.lookup_str(vm.types.dict, "__init__");
    if let Some(init) = dict_init {
        let mut args = vec![me];
        args.extend_from_slice(&a[rest_from..]);
        vm.call_kw(init, &args, kw)?;
    }
    Ok(vm.none)
}

fn dd_missing(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let key = onearg(vm, a, kw, "defaultdict.__missing__")?;
    let f = factory(vm, a[0]);
    if f == vm.none {
        return Err(vm.key_error(key));
    }
    let v = vm.call(f, &[])?;
    vm.setitem(a[0], key, v)?;
    Ok(v)
}

fn dd_repr(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let me = a[0];
    let f = factory(vm, me);
    let fr = if f == vm.none {
        "None".to_string()
    } else if vm.repr_stack.contains(&f) {
        "...".to_string()
    } else {
        vm.repr_stack.push(f);
        let r = vm.repr(f);
        vm.repr_stack.pop();
        r?
    };
    let base = match pyjit_vm::builtins::repr::native_repr(vm, me)? {
        Some(s) => s,
        None => "{}".to_string(),
    };
    let name = vm.type_name_of(me);
    Ok(vm.new_string(format!("{name}({fr}, {base})")))
}

/// type(dd)(dd.default_factory, arg), as copy() and | make new defaultdicts.
fn new_like(vm: &mut Vm, dd: Value, arg: Value) -> PyResult<Value> {
    let ty = vm.type_of(dd);
    let f = factory(vm, dd);
    vm.call(ty, &[f, arg])
}

fn dd_copy(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "defaultdict.copy")?;
    new_like(vm, a[0], a[0])
}

fn dd_reduce(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let me = a[0];
    let f = factory(vm, me);
    let args = if f == vm.none { vm.empty_tuple } else { vm.new_tuple(vec![f]) };
    let items = vm.call_method_str(me, "items", &[])?;
    let it = vm.iter(items)?;
    let ty = vm.type_of(me);
    let none = vm.none;
    Ok(vm.new_tuple(vec![ty, args, none, none, it]))
}

fn or_common(vm: &mut Vm, left: Value, right: Value, dd_type: bool) -> PyResult<Value> {
    let (me, other) = if dd_type { (left, right) } else { (right, left) };
    if other.kind() != Some(ObjKind::Dict) {
        return Ok(vm.not_implemented);
    }
    let new = new_like(vm, me, left)?;
    vm.call_method_str(new, "update", &[right])?;
    Ok(new)
}

fn dd_or(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    or_common(vm, a[0], a[1], true)
}

fn dd_ror(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    or_common(vm, a[1], a[0], false)
}

fn dd_get_factory(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    Ok(factory(vm, a[0]))
}

fn dd_set_factory(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let v = a.get(1).copied().unwrap_or(vm.none);
    set_factory(vm, a[0], v);
    Ok(vm.none)
}

pub fn register(vm: &mut Vm, m: Value) {
    let dict = vm.types.dict;
    let t = new_class(vm, "collections", "defaultdict", Some(dict), ObjKind::Dict, true);
    add_methods(
        vm,
        t,
        &[
            ("__init__", dd_init),
            ("__missing__", dd_missing),
            ("__repr__", dd_repr),
            ("copy", dd_copy),
            ("__copy__", dd_copy),
            ("__reduce__", dd_reduce),
            ("__or__", dd_or),
            ("__ror__", dd_ror),
        ],
    );
    add_getsets(vm, t, &[("default_factory", dd_get_factory, Some(dd_set_factory))]);
    set_attr(vm, m, "defaultdict", t);
}
