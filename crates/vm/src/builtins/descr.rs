//! `__slots__` member descriptors and `mappingproxy` (the read-only `type.__dict__`).
//!
//! A member of an instance of a Python class (kind `Instance`) lives in the instance's
//! hidden-class map under its name, like any attribute, but it never moves into the
//! instance dict (see `Vm::instance_dict`), so the map slot is its storage and the
//! attribute caches may read it directly. Objects of other layouts (subclasses of builtin
//! classes) keep members in a side table, `Vm::member_dicts`.

use crate::heap::{ObjKind, Value};
use crate::interp::{PyResult, Vm};
use crate::objects::*;

use super::{getset, marity, method};

impl Vm {
    /// A new member descriptor for slot `name` of class `owner`.
    pub fn new_member_descr(&mut self, name: Value, owner: Value) -> Value {
        let t = self.types.member_descriptor;
        self.alloc(t, MemberDescrObj { name, owner }).value()
    }

    /// A read-only proxy of `mapping`.
    pub fn new_mappingproxy(&mut self, mapping: Value) -> Value {
        let t = self.types.mappingproxy;
        self.alloc(t, MappingProxyObj { mapping }).value()
    }

    /// The dict that holds members of an object that is not a plain instance.
    fn member_dict(&mut self, obj: Value, create: bool) -> Option<Value> {
        if let Some(&d) = self.member_dicts.get(&obj.raw()) {
            return Some(d);
        }
        if !create {
            return None;
        }
        let d = self.new_dict();
        self.member_dicts.insert(obj.raw(), d);
        Some(d)
    }

    /// Checks that a member descriptor applies to `obj`; (name, owner).
    fn member_check(&mut self, descr: Value, obj: Value) -> PyResult<(Value, Value)> {
        let m = descr.get::<MemberDescrObj>().ok_or_else(|| self.type_error("expected a member descriptor"))?;
        let (name, owner) = (m.name, m.owner);
        if !self.isinstance(obj, owner) {
            let (n, on, tn) = (self.str_of(name), self.type_name(owner), self.type_name_of(obj));
            return Err(self.type_error(&format!("descriptor '{n}' for '{on}' objects doesn't apply to a '{tn}' object")));
        }
        Ok((name, owner))
    }

    fn member_missing(&mut self, obj: Value, name: Value) -> crate::interp::PyErr {
        let (tn, n) = (self.type_name_of(obj), self.str_of(name));
        self.attribute_error(&format!("'{tn}' object has no attribute '{n}'"))
    }

    /// The `__dict__` and `__weakref__` descriptors of classes (a `getset_descriptor`).
    fn is_getset(&self, descr: Value) -> bool {
        self.type_of(descr) == self.types.getset_descriptor
    }

    fn getset_get(&mut self, obj: Value, name: Value) -> PyResult<Value> {
        if self.str_of(name) == "__weakref__" {
            return Ok(self.none);
        }
        match self.instance_dict(obj, true) {
            Some(d) => Ok(d),
            None => Err(self.member_missing(obj, name)),
        }
    }

    /// `obj.__dict__ = d` (None for `del obj.__dict__`).
    fn getset_set(&mut self, obj: Value, owner: Value, name: Value, v: Option<Value>) -> PyResult<()> {
        if self.str_of(name) == "__weakref__" {
            let on = self.type_name(owner);
            return Err(self.attribute_error(&format!("attribute '__weakref__' of '{on}' objects is not writable")));
        }
        let d = match v {
            Some(d) if d.kind() == Some(ObjKind::Dict) => d,
            Some(d) => {
                let tn = self.type_name_of(d);
                return Err(self.type_error(&format!("__dict__ must be set to a dictionary, not a '{tn}'")));
            }
            None => self.new_dict(),
        };
        if self.instance_dict(obj, true).is_none() {
            return Err(self.member_missing(obj, name));
        }
        if let Some(inst) = obj.get::<InstanceObj>() {
            inst.dict.set(d);
        } else if obj.kind() == Some(ObjKind::Exception) {
            if let Some(e) = obj.get::<ExceptionObj>() {
                e.dict.set(d);
            }
        } else {
            self.ext_dicts.insert(obj.raw(), d);
        }
        Ok(())
    }

    /// The value of a slot member of `obj` (AttributeError when unset).
    pub fn member_descr_get(&mut self, descr: Value, obj: Value) -> PyResult<Value> {
        let (name, _) = self.member_check(descr, obj)?;
        if self.is_native_attr(obj, name) {
            if let Some(v) = self.special_attr(obj, name)? {
                return Ok(v);
            }
        }
        if self.is_getset(descr) {
            return self.getset_get(obj, name);
        }
        let v = if let Some(inst) = obj.get::<InstanceObj>() {
            let i = inst.map.get().get::<MapObj>().and_then(|m| m.lookup(name));
            i.and_then(|i| inst.slots.borrow().get(i).copied()).unwrap_or(Value::NULL)
        } else {
            match self.member_dict(obj, false) {
                Some(d) => self.dict_get_str(d, name).unwrap_or(Value::NULL),
                None => Value::NULL,
            }
        };
        if v.is_null() {
            return Err(self.member_missing(obj, name));
        }
        Ok(v)
    }

    /// A descriptor of a builtin class standing for an attribute its objects keep natively
    /// (`function.__code__`): reads and writes go to the object's own field.
    fn is_native_attr(&self, obj: Value, name: Value) -> bool {
        !matches!(obj.kind(), Some(ObjKind::Instance) | None) && !matches!(self.str_of(name).as_str(), "__dict__" | "__weakref__")
    }

    pub fn member_descr_set(&mut self, descr: Value, obj: Value, v: Value) -> PyResult<()> {
        let (name, owner) = self.member_check(descr, obj)?;
        if self.is_native_attr(obj, name) && self.set_special_attr(obj, name, v)? {
            return Ok(());
        }
        if self.is_getset(descr) {
            return self.getset_set(obj, owner, name, Some(v));
        }
        if obj.kind() == Some(ObjKind::Instance) {
            if !self.map_set(obj, name, v, true) {
                return Err(self.member_missing(obj, name));
            }
            return Ok(());
        }
        match self.member_dict(obj, true) {
            Some(d) => self.dict_set(d, name, v),
            None => Err(self.member_missing(obj, name)),
        }
    }

    pub fn member_descr_delete(&mut self, descr: Value, obj: Value) -> PyResult<()> {
        let (name, owner) = self.member_check(descr, obj)?;
        if self.is_getset(descr) {
            return self.getset_set(obj, owner, name, None);
        }
        if let Some(inst) = obj.get::<InstanceObj>() {
            let i = inst.map.get().get::<MapObj>().and_then(|m| m.lookup(name));
            let mut slots = inst.slots.borrow_mut();
            if let Some(s) = i.and_then(|i| slots.get_mut(i)) {
                if !s.is_null() {
                    *s = Value::NULL;
                    return Ok(());
                }
            }
            drop(slots);
            // deleting an unset __slots__ member: 3.11's message is the bare name
            let n = self.str_of(name);
            return Err(self.attribute_error(&n));
        }
        if let Some(d) = self.member_dict(obj, false) {
            if self.dict_del(d, name)?.is_some() {
                return Ok(());
            }
        }
        Err(self.member_missing(obj, name))
    }
}

// ---- member_descriptor ----

fn md_get(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 3, "__get__")?;
    if a[1] == vm.none {
        return Ok(a[0]);
    }
    vm.member_descr_get(a[0], a[1])
}
fn md_set(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 3, 3, "__set__")?;
    vm.member_descr_set(a[0], a[1], a[2])?;
    Ok(vm.none)
}
fn md_delete(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 2, "__delete__")?;
    vm.member_descr_delete(a[0], a[1])?;
    Ok(vm.none)
}
fn md_parts(vm: &mut Vm, v: Value) -> PyResult<(Value, Value)> {
    v.get::<MemberDescrObj>().map(|m| (m.name, m.owner)).ok_or_else(|| vm.type_error("expected a member descriptor"))
}
fn md_repr(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let (name, owner) = md_parts(vm, a[0])?;
    let what = if vm.is_getset(a[0]) { "attribute" } else { "member" };
    let s = format!("<{what} '{}' of '{}' objects>", vm.str_of(name), vm.type_name(owner));
    Ok(vm.new_string(s))
}
fn md_name(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    Ok(md_parts(vm, a[0])?.0)
}
fn md_qualname(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let (name, owner) = md_parts(vm, a[0])?;
    let q = owner.get::<TypeObj>().map(|t| t.qualname.borrow().clone()).unwrap_or_default();
    let s = format!("{q}.{}", vm.str_of(name));
    Ok(vm.new_string(s))
}
fn md_objclass(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    Ok(md_parts(vm, a[0])?.1)
}

// ---- mappingproxy ----

fn proxied(vm: &mut Vm, v: Value) -> PyResult<Value> {
    v.get::<MappingProxyObj>().map(|p| p.mapping).ok_or_else(|| vm.type_error("expected a mappingproxy"))
}
/// `types.MappingProxyType(mapping)`.
fn mp_new(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = crate::modules::io::bind(vm, a.get(1..).unwrap_or(&[]), k, "mappingproxy", &["mapping"], 1, 0)?;
    let m = args.get(0).unwrap_or(vm.none);
    let ty = vm.type_of(m);
    let is_seq = matches!(m.kind(), Some(ObjKind::List) | Some(ObjKind::Tuple));
    if is_seq || vm.lookup_str(ty, "__getitem__").is_none() || vm.lookup_str(ty, "keys").is_none() {
        let tn = vm.type_name_of(m);
        return Err(vm.type_error(&format!("mappingproxy() argument must be a mapping, not {tn}")));
    }
    Ok(vm.new_mappingproxy(m))
}

fn mp_getitem(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 2, "__getitem__")?;
    let m = proxied(vm, a[0])?;
    vm.getitem(m, a[1])
}
fn mp_contains(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 2, "__contains__")?;
    let m = proxied(vm, a[0])?;
    let r = vm.contains(m, a[1])?;
    Ok(vm.bool_val(r))
}
fn mp_iter(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let m = proxied(vm, a[0])?;
    vm.iter(m)
}
fn mp_len(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let m = proxied(vm, a[0])?;
    let n = vm.len(m)?;
    Ok(vm.new_int(n as i64))
}
fn mp_repr(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let m = proxied(vm, a[0])?;
    let r = vm.repr(m)?;
    Ok(vm.new_string(format!("mappingproxy({r})")))
}
fn mp_str(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let m = proxied(vm, a[0])?;
    vm.str_value(m)
}
fn mp_eq(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 2, "__eq__")?;
    let m = proxied(vm, a[0])?;
    vm.rich_compare(m, a[1], pyjit_compiler::opcode::CmpOp::Eq)
}
fn mp_ne(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 2, "__ne__")?;
    let m = proxied(vm, a[0])?;
    vm.rich_compare(m, a[1], pyjit_compiler::opcode::CmpOp::Ne)
}
fn mp_or(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 2, "__or__")?;
    let m = proxied(vm, a[0])?;
    let other = match a[1].get::<MappingProxyObj>() {
        Some(p) => p.mapping,
        None => a[1],
    };
    vm.binary_op(m, other, pyjit_compiler::opcode::BinOp::Or, false)
}
fn mp_ror(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 2, "__ror__")?;
    let m = proxied(vm, a[0])?;
    vm.binary_op(a[1], m, pyjit_compiler::opcode::BinOp::Or, false)
}

/// A method of the proxy that calls the same method of the mapping.
macro_rules! forward {
    ($fname:ident, $name:expr, $min:expr, $max:expr) => {
        fn $fname(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
            marity(vm, a, $min, $max, $name)?;
            let m = proxied(vm, a[0])?;
            let f = vm.getattr_str(m, $name)?;
            vm.call(f, &a[1..])
        }
    };
}
forward!(mp_get, "get", 2, 3);
forward!(mp_keys, "keys", 1, 1);
forward!(mp_values, "values", 1, 1);
forward!(mp_items, "items", 1, 1);
forward!(mp_copy, "copy", 1, 1);
forward!(mp_reversed, "__reversed__", 1, 1);

/// The descriptors CPython's function class has for its fields (types.py takes
/// GetSetDescriptorType from `__code__` and MemberDescriptorType from `__globals__`).
fn function_descriptors(vm: &mut Vm) {
    let ft = vm.types.function;
    let d = ft.get::<TypeObj>().map(|t| t.dict).unwrap_or(Value::NULL);
    let getsets = ["__code__", "__defaults__", "__kwdefaults__", "__annotations__"];
    let members = ["__globals__", "__closure__", "__builtins__"];
    for (names, ty) in [(&getsets[..], vm.types.getset_descriptor), (&members[..], vm.types.member_descriptor)] {
        for n in names {
            let k = vm.intern(n);
            let gd = vm.alloc(ty, MemberDescrObj { name: k, owner: ft }).value();
            let _ = vm.dict_set(d, k, gd);
        }
    }
}

pub fn register(vm: &mut Vm) {
    function_descriptors(vm);
    for md in [vm.types.member_descriptor, vm.types.getset_descriptor] {
        let ms: &[(&'static str, crate::interp::NativeFn)] =
            &[("__get__", md_get), ("__set__", md_set), ("__delete__", md_delete), ("__repr__", md_repr)];
        for &(n, f) in ms {
            method(vm, md, n, f);
        }
        getset(vm, md, "__name__", md_name, None);
        getset(vm, md, "__qualname__", md_qualname, None);
        getset(vm, md, "__objclass__", md_objclass, None);
    }

    let mp = vm.types.mappingproxy;
    super::static_method(vm, mp, "__new__", mp_new);
    let ms: &[(&'static str, crate::interp::NativeFn)] = &[
        ("__getitem__", mp_getitem),
        ("__contains__", mp_contains),
        ("__iter__", mp_iter),
        ("__len__", mp_len),
        ("__repr__", mp_repr),
        ("__str__", mp_str),
        ("__eq__", mp_eq),
        ("__ne__", mp_ne),
        ("__or__", mp_or),
        ("__ror__", mp_ror),
        ("__reversed__", mp_reversed),
        ("get", mp_get),
        ("keys", mp_keys),
        ("values", mp_values),
        ("items", mp_items),
        ("copy", mp_copy),
    ];
    for &(n, f) in ms {
        method(vm, mp, n, f);
    }
    let none = vm.none;
    if let Some(d) = mp.get::<TypeObj>().map(|t| t.dict) {
        vm.dict_set_str(d, "__hash__", none);
    }
}
