//! Runtime support for match statements.

use crate::heap::{ObjKind, Value};
use crate::interp::{PyResult, Vm};
use crate::objects::*;

pub fn is_sequence(vm: &mut Vm, v: Value) -> bool {
    match v.kind() {
        Some(ObjKind::List) | Some(ObjKind::Tuple) | Some(ObjKind::Range) | Some(ObjKind::MemoryView) => true,
        Some(ObjKind::Str) | Some(ObjKind::Bytes) | Some(ObjKind::ByteArray) | Some(ObjKind::Dict) => false,
        _ => {
            // collections.abc.Sequence registration is not available: honour __getitem__+__len__
            // only for classes that say so through a _pyjit_sequence marker.
            let ty = vm.type_of(v);
            let n = vm.intern("__match_sequence__");
            vm.lookup(ty, n).is_some()
        }
    }
}

pub fn is_mapping(vm: &mut Vm, v: Value) -> bool {
    match v.kind() {
        Some(ObjKind::Dict) => true,
        _ => {
            let ty = vm.type_of(v);
            let n = vm.intern("__match_mapping__");
            vm.lookup(ty, n).is_some()
        }
    }
}

/// The values of `keys` in `subject`, as a tuple, or None when one is missing.
pub fn match_keys(vm: &mut Vm, subject: Value, keys: Value) -> PyResult<Value> {
    let ks = keys.get::<TupleObj>().map(|t| t.items.to_vec()).unwrap_or_default();
    let mut out = Vec::with_capacity(ks.len());
    for (i, &k) in ks.iter().enumerate() {
        if ks[..i].iter().any(|&p| p == k) {
            let r = vm.repr(k)?;
            return Err(vm.value_error(&format!("mapping pattern checks duplicate key ({r})")));
        }
        let v = if subject.kind() == Some(ObjKind::Dict) && vm.type_of(subject) == vm.types.dict {
            vm.dict_get(subject, k)?
        } else {
            let get = vm.intern("get");
            let g = vm.getattr(subject, get)?;
            let sentinel = vm.new_list(vec![]);
            let r = vm.call(g, &[k, sentinel])?;
            if r == sentinel {
                None
            } else {
                Some(r)
            }
        };
        match v {
            Some(v) => out.push(v),
            None => return Ok(vm.none),
        }
    }
    Ok(vm.new_tuple(out))
}

/// Class pattern: isinstance check, then positional (via __match_args__) and keyword attributes.
pub fn match_class(vm: &mut Vm, subject: Value, cls: Value, names: Value, npos: usize) -> PyResult<Value> {
    if !vm.is_type(cls) {
        return Err(vm.type_error("called match pattern must be a class"));
    }
    if !vm.isinstance(subject, cls) {
        return Ok(vm.none);
    }
    let mut out = Vec::new();
    // Builtins that match themselves with one positional pattern.
    let self_match = [vm.types.bool, vm.types.bytearray, vm.types.bytes, vm.types.dict, vm.types.float, vm.types.frozenset, vm.types.int, vm.types.list, vm.types.set, vm.types.str, vm.types.tuple];
    let mut seen: Vec<String> = Vec::new();
    if npos > 0 {
        let ma = vm.intern("__match_args__");
        match vm.getattr_opt(cls, ma)? {
            Some(args) => {
                let Some(t) = args.get::<TupleObj>() else {
                    let tn = vm.type_name_of(args);
                    return Err(vm.type_error(&format!("{}.__match_args__ must be a tuple (got {tn})", vm.type_name(cls))));
                };
                let items = t.items.to_vec();
                if npos > items.len() {
                    let cn = vm.type_name(cls);
                    return Err(vm.type_error(&format!("{cn}() accepts {} positional sub-pattern{} ({npos} given)", items.len(), if items.len() == 1 { "" } else { "s" })));
                }
                for &name in &items[..npos] {
                    let n = vm.intern_value(name);
                    seen.push(vm.str_of(n));
                    match vm.getattr_opt(subject, n)? {
                        Some(v) => out.push(v),
                        None => return Ok(vm.none),
                    }
                }
            }
            None => {
                if self_match.iter().any(|&t| vm.is_subtype(cls, t)) && npos == 1 {
                    out.push(subject);
                } else {
                    let cn = vm.type_name(cls);
                    return Err(vm.type_error(&format!("{cn}() accepts 0 positional sub-patterns ({npos} given)")));
                }
            }
        }
    }
    for name in names.get::<TupleObj>().map(|t| t.items.to_vec()).unwrap_or_default() {
        let n = vm.intern_value(name);
        let s = vm.str_of(n);
        if seen.contains(&s) {
            let cn = vm.type_name(cls);
            return Err(vm.type_error(&format!("{cn}() got multiple sub-patterns for attribute '{s}'")));
        }
        seen.push(s);
        match vm.getattr_opt(subject, n)? {
            Some(v) => out.push(v),
            None => return Ok(vm.none),
        }
    }
    Ok(vm.new_tuple(out))
}
