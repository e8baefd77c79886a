//! `collections.OrderedDict`: a dict subclass (dict layout, whose entries already keep
//! insertion order) adding move_to_end, popitem(last=), order-sensitive equality between
//! OrderedDicts and CPython's repr and pickling. A subclass's `__init__` and `update` go
//! through `__setitem__`, as CPython's MutableMapping-based update does.

use pyjit_vm::objects::{type_flags, DictObj};

use crate::util::*;

/// A module (sys.modules first, else imported).
fn module(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let n = vm.intern(name);
    let mods = vm.modules;
    if let Some(m) = vm.dict_get(mods, n)? {
        return Ok(m);
    }
    let none = vm.none;
    let zero = vm.new_int(0);
    pyjit_vm::modules::import::import_name(vm, n, Value::NULL, none, zero)
}

/// Whether `v` is an OrderedDict: its class or a base is this native class (a module
/// imported afresh makes another such class, so the test is by kind and name).
fn is_od(vm: &mut Vm, v: Value) -> bool {
    if v.kind() != Some(ObjKind::Dict) {
        return false;
    }
    let t = vm.type_of(v);
    let mro: Vec<Value> = t.get::<TypeObj>().map(|x| x.mro.borrow().clone()).unwrap_or_default();
    mro.into_iter().any(|c| {
        c.get::<TypeObj>().is_some_and(|x| x.has_flag(type_flags::INSTANCE_DICT) && !x.has_flag(type_flags::HEAPTYPE) && &*x.name.borrow() == "OrderedDict")
    })
}

/// The method was called on something (`OrderedDict.update()` alone is a TypeError).
fn receiver(vm: &mut Vm, a: &[Value]) -> PyResult<()> {
    if a.is_empty() {
        return Err(vm.type_error("descriptor needs an argument"));
    }
    Ok(())
}

/// Whether `me`'s class keeps dict's `__setitem__` (then dict.update does what
/// MutableMapping.update would).
fn plain_setitem(vm: &mut Vm, me: Value) -> bool {
    let t = vm.type_of(me);
    let mine = vm.lookup_str(t, "__setitem__");
    let dicts = vm.lookup_str(vm.types.dict, "__setitem__");
    mine == dicts
}

fn od_init(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    receiver(vm, a)?;
    let npos = positional(&a[1..], kw).len();
    if npos > 1 {
        return Err(vm.type_error(&format!("expected at most 1 arguments, got {npos}")));
    }
    od_update(vm, a, kw)?;
    Ok(vm.none)
}

/// update(): dict's for an exact OrderedDict; MutableMapping.update (through
/// `__setitem__`) for subclasses.
fn od_update(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    receiver(vm, a)?;
    let me = a[0];
    let f = if plain_setitem(vm, me) {
        vm.lookup_str(vm.types.dict, "update")
    } else {
        let abc = module(vm, "_collections_abc")?;
        let mm = vm.getattr_str(abc, "MutableMapping")?;
        Some(vm.getattr_str(mm, "update")?)
    };
    match f {
        Some(f) => vm.call_kw(f, a, kw),
        None => Ok(vm.none),
    }
}

fn table_of(vm: &mut Vm, me: Value) -> PyResult<pyjit_vm::heap::Gc<DictObj>> {
    match me.get::<DictObj>() {
        Some(d) => Ok(d),
        None => {
            let tn = vm.type_name_of(me);
            Err(vm.type_error(&format!("descriptor requires a 'collections.OrderedDict' object but received a '{tn}'")))
        }
    }
}

/// The `last` argument of move_to_end and popitem (positional or keyword).
fn last_arg(vm: &mut Vm, a: &[Value], kw: Value, name: &str, pos: &[&str]) -> PyResult<Vec<Option<Value>>> {
    parse(vm, &a[1..], kw, name, pos, &[], pos.len() - 1)
}

fn od_move_to_end(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    receiver(vm, a)?;
    let me = a[0];
    let v = last_arg(vm, a, kw, "move_to_end", &["key", "last"])?;
    let none = vm.none;
    let key = v[0].unwrap_or(none);
    let last = match v[1] {
        Some(l) => vm.truthy(l)?,
        None => true,
    };
    let d = table_of(vm, me)?;
    let Some(ei) = vm.dict_entry_index(me, key)? else {
        return Err(vm.key_error(key));
    };
    let mut t = d.table.borrow_mut();
    if ei < t.entries.len() && !t.entries[ei].key.is_null() {
        t.move_entry(ei, last);
    }
    Ok(vm.none)
}

fn od_popitem(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    receiver(vm, a)?;
    let me = a[0];
    let v = last_arg(vm, a, kw, "popitem", &["last"])?;
    let last = match v[0] {
        Some(l) => vm.truthy(l)?,
        None => true,
    };
    let d = table_of(vm, me)?;
    let entry = {
        let mut t = d.table.borrow_mut();
        match t.end_entry(last) {
            Some(ei) => {
                let e = t.remove_at(ei);
                t.trim_deleted_tail();
                Some(e)
            }
            None => None,
        }
    };
    match entry {
        Some(e) => Ok(vm.new_tuple(vec![e.key, e.value])),
        None => {
            let m = vm.new_str("dictionary is empty");
            Err(vm.key_error(m))
        }
    }
}

fn od_repr(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    slot(vm, a, 0)?;
    let me = a[0];
    let name = vm.type_name_of(me);
    if vm.repr_stack.contains(&me) {
        return Ok(vm.new_str("..."));
    }
    let items = vm.dict_items(me);
    if items.is_empty() {
        return Ok(vm.new_string(format!("{name}()")));
    }
    let pairs: Vec<Value> = items.into_iter().map(|(k, v)| vm.new_tuple(vec![k, v])).collect();
    let list = vm.new_list(pairs);
    vm.repr_stack.push(me);
    let r = vm.repr(list);
    vm.repr_stack.pop();
    Ok(vm.new_string(format!("{name}({})", r?)))
}

/// ==: dict equality, and for two OrderedDicts the same order of keys as well.
fn od_eq_common(vm: &mut Vm, a: &[Value], ne: bool) -> PyResult<Value> {
    slot(vm, a, 1)?;
    let (me, other) = (a[0], a[1]);
    let Some(f) = vm.lookup_str(vm.types.dict, if ne { "__ne__" } else { "__eq__" }) else { return Ok(vm.not_implemented) };
    let r = vm.call(f, &[me, other])?;
    if r == vm.not_implemented || !is_od(vm, other) {
        return Ok(r);
    }
    let equal_dicts = if ne { r == vm.false_ } else { r == vm.true_ };
    if !equal_dicts {
        return Ok(r);
    }
    let (ka, kb) = (vm.dict_keys(me), vm.dict_keys(other));
    let mut same = ka.len() == kb.len();
    if same {
        for (x, y) in ka.into_iter().zip(kb) {
            if !vm.eq(x, y)? {
                same = false;
                break;
            }
        }
    }
    Ok(vm.bool_val(same != ne))
}

fn od_eq(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    od_eq_common(vm, a, false)
}

fn od_ne(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    od_eq_common(vm, a, true)
}

fn od_reduce(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    slot(vm, a, 0)?;
    let me = a[0];
    let state = match vm.call_method_str(me, "__getstate__", &[]) {
        Ok(s) => s,
        Err(_) => vm.none,
    };
    let items = vm.call_method_str(me, "items", &[])?;
    let it = vm.iter(items)?;
    let ty = vm.type_of(me);
    let (empty, none) = (vm.empty_tuple, vm.none);
    Ok(vm.new_tuple(vec![ty, empty, state, none, it]))
}

fn od_copy(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "OrderedDict.copy")?;
    let ty = vm.type_of(a[0]);
    vm.call(ty, &[a[0]])
}

fn od_or(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    slot(vm, a, 1)?;
    if a[1].kind() != Some(ObjKind::Dict) {
        return Ok(vm.not_implemented);
    }
    let ty = vm.type_of(a[0]);
    let new = vm.call(ty, &[a[0]])?;
    vm.call_method_str(new, "update", &[a[1]])?;
    Ok(new)
}

fn od_ror(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    slot(vm, a, 1)?;
    if a[1].kind() != Some(ObjKind::Dict) {
        return Ok(vm.not_implemented);
    }
    let ty = vm.type_of(a[0]);
    let new = vm.call(ty, &[a[1]])?;
    vm.call_method_str(new, "update", &[a[0]])?;
    Ok(new)
}

fn od_ior(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    slot(vm, a, 1)?;
    vm.call_method_str(a[0], "update", &[a[1]])?;
    Ok(a[0])
}

pub fn register(vm: &mut Vm, m: Value) {
    let dict = vm.types.dict;
    let t = new_class(vm, "collections", "OrderedDict", Some(dict), ObjKind::Dict, true);
    if let Some(ty) = t.get::<TypeObj>() {
        ty.flags.set(ty.flags.get() | type_flags::INSTANCE_DICT);
    }
    add_methods(
        vm,
        t,
        &[
            ("__init__", od_init),
            ("update", od_update),
            ("move_to_end", od_move_to_end),
            ("popitem", od_popitem),
            ("__repr__", od_repr),
            ("__eq__", od_eq),
            ("__ne__", od_ne),
            ("__reduce__", od_reduce),
            ("copy", od_copy),
            ("__or__", od_or),
            ("__ror__", od_ror),
            ("__ior__", od_ior),
        ],
    );
    let doc = vm.new_str("Dictionary that remembers insertion order");
    set_class_attr(vm, t, "__doc__", doc);
    // equality is order-sensitive, so instances are unhashable like dicts
    let none = vm.none;
    set_class_attr(vm, t, "__hash__", none);
    set_attr(vm, m, "OrderedDict", t);
}
