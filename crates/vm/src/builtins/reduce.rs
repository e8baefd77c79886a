//! object.__reduce_ex__, object.__reduce__ and object.__getstate__: the default pickle and
//! copy protocol of CPython's typeobject.c (copyreg's __newobj__ for protocol 2 and up,
//! copyreg._reduce_ex below it), and the `__reduce__` of the builtin classes that have their own.

use crate::heap::{ObjKind, Value};
use crate::interp::{PyResult, Vm};
use crate::objects::*;

use super::{marity, method, no_kw};

fn copyreg(vm: &mut Vm) -> PyResult<Value> {
    let n = vm.new_str("copyreg");
    let (none, zero) = (vm.none, Value::small(0).unwrap_or(Value::NULL));
    crate::modules::import::import_name(vm, n, Value::NULL, none, zero)
}

fn object_reduce_ex(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    no_kw(vm, kw, "object.__reduce_ex__")?;
    marity(vm, args, 2, 2, "object.__reduce_ex__")?;
    let obj = args[0];
    let p = vm.index_of(args[1])?;
    let proto = match vm.as_i64(p) {
        Some(v) if i32::try_from(v).is_ok() => v,
        _ => {
            let t = vm.types.overflow_error;
            return Err(vm.err(t, "Python int too large to convert to C int"));
        }
    };
    // a class that overrides __reduce__ decides alone
    let name = vm.intern("__reduce__");
    if let Some(reduce) = vm.getattr_opt(obj, name)? {
        let cls = vm.type_of(obj);
        let clsreduce = vm.getattr(cls, name)?;
        let object_t = vm.types.object;
        let objreduce = vm.dict_get_by_str(object_dict(object_t), "__reduce__");
        if Some(clsreduce) != objreduce {
            return vm.call(reduce, &[]);
        }
    }
    common_reduce(vm, obj, proto)
}

fn object_reduce(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    no_kw(vm, kw, "object.__reduce__")?;
    marity(vm, args, 1, 1, "object.__reduce__")?;
    common_reduce(vm, args[0], 0)
}

fn object_getstate(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    no_kw(vm, kw, "object.__getstate__")?;
    marity(vm, args, 1, 1, "object.__getstate__")?;
    getstate_default(vm, args[0], false)
}

fn object_dict(ty: Value) -> Value {
    ty.get::<TypeObj>().map(|t| t.dict).unwrap_or(Value::NULL)
}

fn common_reduce(vm: &mut Vm, obj: Value, proto: i64) -> PyResult<Value> {
    if proto >= 2 {
        return reduce_newobj(vm, obj);
    }
    let cr = copyreg(vm)?;
    let f = vm.getattr_str(cr, "_reduce_ex")?;
    let p = Value::small(proto).unwrap_or(Value::NULL);
    vm.call(f, &[obj, p])
}

/// A special method looked up on the type and bound to `obj`, as `_PyObject_LookupSpecial`.
fn lookup_special(vm: &mut Vm, obj: Value, name: &str) -> PyResult<Option<Value>> {
    let ty = vm.type_of(obj);
    match vm.lookup_str(ty, name) {
        Some(d) => Ok(Some(vm.bind_descr(d, obj, ty)?)),
        None => Ok(None),
    }
}

/// (args, kwargs) from `__getnewargs_ex__` or `__getnewargs__`, checked as CPython does.
fn getnewargs_ex(vm: &mut Vm, obj: Value) -> PyResult<(Option<Value>, Option<Value>)> {
    if let Some(f) = lookup_special(vm, obj, "__getnewargs_ex__")? {
        let r = vm.call(f, &[])?;
        if r.kind() != Some(ObjKind::Tuple) || !vm.isinstance(r, vm.types.tuple) {
            let tn = vm.type_name_of(r);
            return Err(vm.type_error(&format!("__getnewargs_ex__ should return a tuple, not '{tn}'")));
        }
        let items = r.get::<TupleObj>().map(|t| t.items.to_vec()).unwrap_or_default();
        if items.len() != 2 {
            let n = items.len();
            let t = vm.types.value_error;
            return Err(vm.err(t, &format!("__getnewargs_ex__ should return a tuple of length 2, not {n}")));
        }
        let (a, k) = (items[0], items[1]);
        if !vm.isinstance(a, vm.types.tuple) {
            let tn = vm.type_name_of(a);
            return Err(vm.type_error(&format!("first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '{tn}'")));
        }
        if !vm.isinstance(k, vm.types.dict) {
            let tn = vm.type_name_of(k);
            return Err(vm.type_error(&format!("second item of the tuple returned by __getnewargs_ex__ must be a dict, not '{tn}'")));
        }
        return Ok((Some(a), Some(k)));
    }
    if let Some(f) = lookup_special(vm, obj, "__getnewargs__")? {
        let r = vm.call(f, &[])?;
        if !vm.isinstance(r, vm.types.tuple) {
            let tn = vm.type_name_of(r);
            return Err(vm.type_error(&format!("__getnewargs__ should return a tuple, not '{tn}'")));
        }
        return Ok((Some(r), None));
    }
    Ok((None, None))
}

fn reduce_newobj(vm: &mut Vm, obj: Value) -> PyResult<Value> {
    let cls = vm.type_of(obj);
    let (args, kwargs) = getnewargs_ex(vm, obj)?;
    let cr = copyreg(vm)?;
    let kw_empty = match kwargs {
        None => true,
        Some(k) => vm.len(k)? == 0,
    };
    let (newobj, newargs) = if kw_empty {
        let f = vm.getattr_str(cr, "__newobj__")?;
        let mut items = vec![cls];
        if let Some(a) = args {
            items.extend(a.get::<TupleObj>().map(|t| t.items.to_vec()).unwrap_or_default());
        }
        (f, vm.new_tuple(items))
    } else {
        let f = vm.getattr_str(cr, "__newobj_ex__")?;
        let a = args.unwrap_or(vm.empty_tuple);
        let k = kwargs.unwrap_or(vm.none);
        (f, vm.new_tuple(vec![cls, a, k]))
    };
    let is_list = vm.isinstance(obj, vm.types.list);
    let is_dict = vm.isinstance(obj, vm.types.dict);
    let state = getstate(vm, obj, !(args.is_some() || is_list || is_dict))?;
    let listitems = if is_list { vm.iter(obj)? } else { vm.none };
    let dictitems = if is_dict {
        let items = vm.call_method_str(obj, "items", &[])?;
        vm.iter(items)?
    } else {
        vm.none
    };
    Ok(vm.new_tuple(vec![newobj, newargs, state, listitems, dictitems]))
}

/// `obj.__getstate__()`, or the default state when it is object's own (which then knows
/// whether a state is required).
fn getstate(vm: &mut Vm, obj: Value, required: bool) -> PyResult<Value> {
    let gs = vm.getattr_str(obj, "__getstate__")?;
    let object_t = vm.types.object;
    let is_default = gs
        .get::<BuiltinObj>()
        .map(|b| b.self_ == obj && b.owner == object_t && b.name == "__getstate__")
        .unwrap_or(false);
    if is_default {
        getstate_default(vm, obj, required)
    } else {
        vm.call(gs, &[])
    }
}

/// Whether instances of `obj`'s class hold only what `object` and `__dict__`/`__slots__`
/// hold (CPython compares the instance size with object's plus dict and slots).
fn plain_layout(vm: &Vm, obj: Value) -> bool {
    matches!(obj.kind(), Some(ObjKind::Instance | ObjKind::Singleton)) || vm.type_of(obj) == vm.types.object
}

fn getstate_default(vm: &mut Vm, obj: Value, required: bool) -> PyResult<Value> {
    let cls = vm.type_of(obj);
    let var_sized = matches!(obj.kind(), Some(ObjKind::Tuple | ObjKind::BigInt | ObjKind::Bytes));
    if required && var_sized {
        let tn = vm.type_name(cls);
        return Err(vm.type_error(&format!("cannot pickle {tn} objects")));
    }
    let mut state = vm.none;
    if let Some(d) = attribute_dict(vm, obj) {
        if vm.len(d)? > 0 {
            state = d;
        }
    }
    let slotnames = slot_names(vm, cls)?;
    if required && !plain_layout(vm, obj) {
        let tn = vm.type_name(cls);
        return Err(vm.type_error(&format!("cannot pickle '{tn}' object")));
    }
    if !slotnames.is_empty() {
        let slots = vm.new_dict();
        for name in slotnames {
            if let Some(v) = vm.getattr_opt(obj, name)? {
                vm.dict_set(slots, name, v)?;
            }
        }
        if vm.len(slots)? > 0 {
            state = vm.new_tuple(vec![state, slots]);
        }
    }
    Ok(state)
}

/// The instance's `__dict__`; for an instance whose attributes live in its hidden class,
/// a new dict of them (making the real one would move the instance off its map for good).
fn attribute_dict(vm: &mut Vm, obj: Value) -> Option<Value> {
    let Some(inst) = obj.get::<InstanceObj>() else { return vm.instance_dict(obj, false) };
    if !inst.dict.get().is_null() {
        return Some(inst.dict.get());
    }
    let ty = vm.type_of(obj);
    if ty.get::<TypeObj>().map(|t| t.has_flag(type_flags::NO_DICT)).unwrap_or(true) {
        return None;
    }
    let map = inst.map.get();
    let names = map.get::<MapObj>().map(|m| m.names.clone()).unwrap_or_default();
    let vals = inst.slots.borrow().clone();
    let mro = ty.get::<TypeObj>().map(|t| t.mro.borrow().clone()).unwrap_or_default();
    let members: Vec<Value> = mro.iter().filter_map(|c| c.get::<TypeObj>()).flat_map(|t| t.slots.borrow().clone()).collect();
    let d = vm.new_dict();
    for (n, v) in names.iter().zip(vals.iter()) {
        if !v.is_null() && !members.contains(n) {
            let _ = vm.dict_set(d, *n, *v);
        }
    }
    Some(d)
}

/// `cls.__slotnames__`, computed by copyreg._slotnames when the class has none yet.
fn slot_names(vm: &mut Vm, cls: Value) -> PyResult<Vec<Value>> {
    let cached = vm.dict_get_by_str(object_dict(cls), "__slotnames__");
    let names = match cached {
        Some(v) if v == vm.none || v.kind() == Some(ObjKind::List) => v,
        _ => {
            let cr = copyreg(vm)?;
            let f = vm.getattr_str(cr, "_slotnames")?;
            let v = vm.call(f, &[cls])?;
            if v != vm.none && !vm.isinstance(v, vm.types.list) {
                return Err(vm.type_error("copyreg._slotnames didn't return a list or None"));
            }
            v
        }
    };
    if names == vm.none {
        return Ok(Vec::new());
    }
    Ok(names.get::<ListObj>().map(|l| l.items.borrow().to_vec()).unwrap_or_default())
}

/// `obj.__getstate__()` with no state required (CPython's `_PyObject_GetState`).
pub fn object_state(vm: &mut Vm, obj: Value) -> PyResult<Value> {
    getstate(vm, obj, false)
}

fn set_reduce(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    no_kw(vm, kw, "__reduce__")?;
    marity(vm, args, 1, 1, "__reduce__")?;
    let s = args[0];
    let items = vm.set_items(s);
    let keys = vm.new_list(items);
    let a = vm.new_tuple(vec![keys]);
    let state = object_state(vm, s)?;
    let cls = vm.type_of(s);
    Ok(vm.new_tuple(vec![cls, a, state]))
}

fn bytearray_reduce_common(vm: &mut Vm, obj: Value, proto: i64) -> PyResult<Value> {
    let data = obj.get::<ByteArrayObj>().map(|b| b.data.borrow().clone()).unwrap_or_default();
    let cls = vm.type_of(obj);
    let state = match vm.instance_dict(obj, false) {
        Some(d) if vm.len(d)? > 0 => d,
        _ => vm.none,
    };
    let a = if proto < 3 {
        if data.is_empty() {
            vm.empty_tuple
        } else {
            // latin-1 keeps every byte as one code point
            let text: String = data.iter().map(|&b| char::from(b)).collect();
            let t = vm.new_string(text);
            let enc = vm.new_str("latin-1");
            vm.new_tuple(vec![t, enc])
        }
    } else {
        let b = vm.new_bytes(data);
        vm.new_tuple(vec![b])
    };
    Ok(vm.new_tuple(vec![cls, a, state]))
}

fn bytearray_reduce(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    no_kw(vm, kw, "__reduce__")?;
    marity(vm, args, 1, 1, "__reduce__")?;
    bytearray_reduce_common(vm, args[0], 2)
}

fn bytearray_reduce_ex(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    no_kw(vm, kw, "__reduce_ex__")?;
    marity(vm, args, 1, 2, "__reduce_ex__")?;
    let proto = match args.get(1) {
        Some(&p) => {
            let p = vm.index_of(p)?;
            vm.as_i64(p).unwrap_or(0)
        }
        None => 0,
    };
    bytearray_reduce_common(vm, args[0], proto)
}

/// range and slice: (type, (start, stop, step)).
fn range_slice_reduce(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    no_kw(vm, kw, "__reduce__")?;
    marity(vm, args, 1, 1, "__reduce__")?;
    let o = args[0];
    let parts = if let Some(r) = o.get::<RangeObj>() {
        vec![r.start, r.stop, r.step]
    } else if let Some(s) = o.get::<SliceObj>() {
        vec![s.start, s.stop, s.step]
    } else {
        return Err(vm.type_error("__reduce__ expects a range or slice"));
    };
    let cls = vm.type_of(o);
    let a = vm.new_tuple(parts);
    Ok(vm.new_tuple(vec![cls, a]))
}

/// BaseException: (type, args[, __dict__]); OSError puts the file names back in args and
/// ImportError its name and path in the state, as CPython does.
fn exc_reduce(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    no_kw(vm, kw, "__reduce__")?;
    marity(vm, args, 1, 1, "__reduce__")?;
    let e = args[0];
    let cls = vm.type_of(e);
    let mut a = e.get::<ExceptionObj>().map(|x| x.args.get()).unwrap_or(vm.empty_tuple);
    let none = vm.none;
    if vm.isinstance(e, vm.types.os_error) {
        let items = vm.exc_args(e);
        let filename = vm.exc_field(e, "filename").filter(|v| *v != none);
        if let (2, Some(f)) = (items.len(), filename) {
            let mut v = vec![items[0], items[1], f];
            if let Some(f2) = vm.exc_field(e, "filename2").filter(|v| *v != none) {
                v.push(none);
                v.push(f2);
            }
            a = vm.new_tuple(v);
        }
    }
    let mut dict = e.get::<ExceptionObj>().map(|x| x.dict.get()).unwrap_or(Value::NULL);
    if !dict.is_null() && vm.len(dict)? == 0 {
        dict = Value::NULL;
    }
    if vm.isinstance(e, vm.types.import_error) {
        let mut extra = Vec::new();
        for k in ["name", "path"] {
            if let Some(v) = vm.exc_field(e, k).filter(|v| *v != none) {
                extra.push((k, v));
            }
        }
        if !extra.is_empty() {
            let d = vm.new_dict();
            if !dict.is_null() {
                vm.dict_update_from(d, dict, false)?;
            }
            for (k, v) in extra {
                vm.dict_set_str(d, k, v);
            }
            dict = d;
        }
    }
    Ok(if dict.is_null() { vm.new_tuple(vec![cls, a]) } else { vm.new_tuple(vec![cls, a, dict]) })
}

fn exc_setstate(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    no_kw(vm, kw, "__setstate__")?;
    marity(vm, args, 2, 2, "__setstate__")?;
    let (e, state) = (args[0], args[1]);
    if state != vm.none {
        if !vm.isinstance(state, vm.types.dict) {
            return Err(vm.type_error("state is not a dictionary"));
        }
        for (k, v) in vm.dict_items(state) {
            vm.setattr(e, k, v)?;
        }
    }
    Ok(vm.none)
}

/// Builtin functions pickle by name: their qualified name, or (getattr, (self, name)) when
/// bound to an object that is not a module.
fn builtin_reduce(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    no_kw(vm, kw, "__reduce__")?;
    marity(vm, args, 1, 1, "__reduce__")?;
    let f = args[0];
    let Some(b) = f.get::<BuiltinObj>() else {
        return Err(vm.type_error("__reduce__ expects a builtin function"));
    };
    let (name, self_) = (b.name, b.self_);
    if self_.is_null() || self_.kind() == Some(ObjKind::Module) {
        return Ok(vm.new_str(name));
    }
    let builtins = vm.builtins_dict;
    let getattr = vm.dict_get_by_str(builtins, "getattr").unwrap_or(vm.none);
    let n = vm.new_str(name);
    let a = vm.new_tuple(vec![self_, n]);
    Ok(vm.new_tuple(vec![getattr, a]))
}

fn singleton_reduce(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    no_kw(vm, kw, "__reduce__")?;
    marity(vm, args, 1, 1, "__reduce__")?;
    Ok(vm.new_str(if args[0] == vm.ellipsis { "Ellipsis" } else { "NotImplemented" }))
}

pub fn register(vm: &mut Vm) {
    let o = vm.types.object;
    method(vm, o, "__reduce_ex__", object_reduce_ex);
    method(vm, o, "__reduce__", object_reduce);
    method(vm, o, "__getstate__", object_getstate);
    for t in [vm.types.set, vm.types.frozenset] {
        method(vm, t, "__reduce__", set_reduce);
    }
    let ba = vm.types.bytearray;
    method(vm, ba, "__reduce__", bytearray_reduce);
    method(vm, ba, "__reduce_ex__", bytearray_reduce_ex);
    for t in [vm.types.range, vm.types.slice] {
        method(vm, t, "__reduce__", range_slice_reduce);
    }
    let be = vm.types.base_exception;
    method(vm, be, "__reduce__", exc_reduce);
    method(vm, be, "__setstate__", exc_setstate);
    let bf = vm.types.builtin_function;
    method(vm, bf, "__reduce__", builtin_reduce);
    for t in [vm.types.ellipsis_type, vm.types.not_implemented_type] {
        method(vm, t, "__reduce__", singleton_reduce);
    }
}
