//! types.SimpleNamespace (the class of sys.implementation and of time.get_clock_info()'s
//! results): an object whose attributes are the keyword arguments it was built with.

use crate::heap::{ObjKind, Value};
use crate::interp::{PyResult, Vm};
use crate::objects::*;

/// The SimpleNamespace class, created once and kept in the VM's sys state.
pub fn namespace_type(vm: &mut Vm) -> Value {
    let st = vm.sys_state;
    if let Some(t) = vm.dict_get_by_str(st, "namespace_type") {
        return t;
    }
    let ot = vm.types.object;
    let ty = vm.make_type("SimpleNamespace", ot, ObjKind::Instance, crate::objects::type_flags::BASETYPE);
    let d = ty.get::<TypeObj>().map(|t| t.dict).unwrap_or(Value::NULL);
    let m = vm.new_str("types");
    vm.dict_set_str(d, "__module__", m);
    let doc = vm.new_str("A simple attribute-based namespace.\n\nSimpleNamespace(**kwargs)");
    vm.dict_set_str(d, "__doc__", doc);
    crate::builtins::method(vm, ty, "__init__", ns_init);
    crate::builtins::method(vm, ty, "__repr__", ns_repr);
    crate::builtins::method(vm, ty, "__eq__", ns_eq);
    crate::builtins::method(vm, ty, "__ne__", ns_ne);
    vm.dict_set_str(st, "namespace_type", ty);
    ty
}

/// A new namespace with the given attributes, in order.
pub fn new_namespace(vm: &mut Vm, attrs: &[(&str, Value)]) -> Value {
    let ty = namespace_type(vm);
    let ns = vm.new_instance(ty);
    for &(k, v) in attrs {
        let _ = vm.setattr_str(ns, k, v);
    }
    ns
}

fn ns_init(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let (pos, kws) = crate::builtins::split_kw(vm, a, k);
    if pos.len() > 1 {
        return Err(vm.type_error("no positional arguments expected"));
    }
    for (name, v) in kws {
        let n = vm.intern(&name);
        vm.setattr(a[0], n, v)?;
    }
    Ok(vm.none)
}

fn ns_repr(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let me = a[0];
    let ty = vm.type_of(me);
    let base = namespace_type(vm);
    let name = if ty == base { "namespace".to_string() } else { vm.type_name(ty) };
    if vm.repr_stack.contains(&me) {
        return Ok(vm.new_string(format!("{name}(...)")));
    }
    let d = vm.instance_dict(me, true).unwrap_or(Value::NULL);
    let items = vm.dict_items(d);
    vm.repr_stack.push(me);
    let mut parts = Vec::new();
    let mut result = Ok(());
    for (key, v) in items {
        if key.kind() != Some(ObjKind::Str) {
            continue;
        }
        match vm.repr(v) {
            Ok(r) => parts.push(format!("{}={r}", vm.str_of(key))),
            Err(e) => {
                result = Err(e);
                break;
            }
        }
    }
    vm.repr_stack.retain(|x| *x != me);
    result?;
    Ok(vm.new_string(format!("{name}({})", parts.join(", "))))
}

fn ns_compare(vm: &mut Vm, a: &[Value]) -> PyResult<Option<bool>> {
    let base = namespace_type(vm);
    let (Some(&x), Some(&y)) = (a.first(), a.get(1)) else {
        return Ok(None);
    };
    if !vm.isinstance(x, base) || !vm.isinstance(y, base) {
        return Ok(None);
    }
    let dx = vm.instance_dict(x, true).unwrap_or(Value::NULL);
    let dy = vm.instance_dict(y, true).unwrap_or(Value::NULL);
    Ok(Some(vm.eq(dx, dy)?))
}

fn ns_eq(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    Ok(match ns_compare(vm, a)? {
        Some(b) => vm.bool_val(b),
        None => vm.not_implemented,
    })
}

fn ns_ne(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    Ok(match ns_compare(vm, a)? {
        Some(b) => vm.bool_val(!b),
        None => vm.not_implemented,
    })
}
