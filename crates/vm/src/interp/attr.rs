//! Classes and attributes: type lookup along the MRO, descriptors, hidden-class instance
//! attributes, C3 linearisation.

use std::cell::{Cell, RefCell};
use crate::fxhash::FxHashMap as HashMap;

use crate::heap::{ObjKind, Value};
use crate::objects::*;

use super::{PyResult, Vm};

/// Attribute-set transitions beyond this many slots give up the map for a dict.
const MAX_SLOTS: usize = 64;

impl Vm {
    #[inline]
    pub fn type_of(&self, v: Value) -> Value {
        match v.header() {
            Some(h) => h.ty.get(),
            None => self.types.int,
        }
    }

    pub fn type_name(&self, ty: Value) -> String {
        ty.get::<TypeObj>().map(|t| t.name.borrow().clone()).unwrap_or_else(|| "?".into())
    }

    pub fn type_name_of(&self, v: Value) -> String {
        self.type_name(self.type_of(v))
    }

    /// A name in one class's own namespace.
    pub fn type_dict_get(&mut self, ty: Value, name: Value) -> Option<Value> {
        let t = ty.get::<TypeObj>()?;
        self.dict_get_str(t.dict, name)
    }

    /// Looks `name` (an interned str) up along the MRO of `ty`.
    pub fn lookup(&mut self, ty: Value, name: Value) -> Option<Value> {
        let t = ty.get::<TypeObj>()?;
        let ver = t.version.get();
        if let Some(r) = self.lookup_cache.get(ty, name, ver) {
            return if r.is_null() { None } else { Some(r) };
        }
        let r = self.lookup_uncached(ty, name);
        self.lookup_cache.insert(ty, name, ver, r.unwrap_or(Value::NULL));
        r
    }

    fn lookup_uncached(&mut self, ty: Value, name: Value) -> Option<Value> {
        let t = ty.get::<TypeObj>()?;
        let n = t.mro.borrow().len();
        for i in 0..n {
            let Some(c) = t.mro.borrow().get(i).copied() else { break };
            if let Some(ct) = c.get::<TypeObj>() {
                if let Some(v) = self.dict_get_str(ct.dict, name) {
                    return Some(v);
                }
            }
        }
        None
    }

    pub fn lookup_str(&mut self, ty: Value, name: &str) -> Option<Value> {
        let n = self.intern(name);
        self.lookup(ty, n)
    }

    pub fn is_subtype(&self, a: Value, b: Value) -> bool {
        if a == b {
            return true;
        }
        match a.get::<TypeObj>() {
            Some(t) => t.mro.borrow().contains(&b),
            None => false,
        }
    }

    #[inline]
    pub fn isinstance(&self, v: Value, ty: Value) -> bool {
        let t = self.type_of(v);
        t == ty || self.is_subtype(t, ty)
    }

    pub fn is_type(&self, v: Value) -> bool {
        v.kind() == Some(ObjKind::Type)
    }

    /// Is `descr` a data descriptor (defines `__set__` or `__delete__`)?
    fn is_data_descr(&mut self, descr: Value) -> bool {
        match descr.kind() {
            Some(ObjKind::Property) | Some(ObjKind::MemberDescr) => true,
            Some(ObjKind::Function) | Some(ObjKind::Builtin) | Some(ObjKind::ClassMethod) | Some(ObjKind::StaticMethod) | None => false,
            _ => {
                let dt = self.type_of(descr);
                // descriptors are Python classes or native library classes (their kind)
                if dt.get::<TypeObj>().map(|t| t.has_flag(type_flags::HEAPTYPE)) != Some(true) && descr.kind() != Some(ObjKind::Native) {
                    return false;
                }
                let s = self.intern_static("__set__");
                let d = self.intern_static("__delete__");
                self.lookup(dt, s).is_some() || self.lookup(dt, d).is_some()
            }
        }
    }

    /// Whether a data descriptor defines `__get__` (one with only `__set__` leaves reads to
    /// the instance dict, as CPython's generic getattr).
    fn descr_has_get(&mut self, descr: Value) -> bool {
        match descr.kind() {
            Some(ObjKind::Property) | Some(ObjKind::MemberDescr) => true,
            _ => {
                let dt = self.type_of(descr);
                let g = self.intern_static("__get__");
                self.lookup(dt, g).is_some()
            }
        }
    }

    /// Binds a class attribute found for `obj` (None for access through the class).
    pub fn bind_descr(&mut self, descr: Value, obj: Value, ty: Value) -> PyResult<Value> {
        match descr.kind() {
            Some(ObjKind::Function) => Ok(if obj.is_null() { descr } else { self.new_method(descr, obj) }),
            Some(ObjKind::Builtin) => {
                let b = descr.get::<BuiltinObj>().expect("kind checked");
                if obj.is_null() || !b.self_.is_null() || b.owner.is_null() {
                    Ok(descr)
                } else {
                    let (name, func, owner, slot_args) = (b.name, b.func, b.owner, b.slot_args);
                    let t = self.types.builtin_function;
                    Ok(self.alloc(t, BuiltinObj { name, func, self_: obj, owner, slot_args, module: Value::NULL }).value())
                }
            }
            Some(ObjKind::ClassMethod) => {
                let f = descr.get::<ClassMethodObj>().expect("kind checked").f;
                Ok(self.new_method(f, ty))
            }
            Some(ObjKind::StaticMethod) => Ok(descr.get::<StaticMethodObj>().expect("kind checked").f),
            Some(ObjKind::MemberDescr) => {
                if obj.is_null() {
                    return Ok(descr);
                }
                self.member_descr_get(descr, obj)
            }
            Some(ObjKind::Property) => {
                if obj.is_null() {
                    return Ok(descr);
                }
                let p = descr.get::<PropertyObj>().expect("kind checked");
                if p.fget.is_null() || p.fget == self.none {
                    let name = self.property_name(descr);
                    let tn = self.type_name_of(obj);
                    return Err(self.attribute_error(&format!("property {name}of '{tn}' object has no getter")));
                }
                let f = p.fget;
                self.call(f, &[obj])
            }
            None => Ok(descr),
            Some(ObjKind::Super) => crate::builtins::types::super_descr_get(self, descr, obj),
            _ => {
                let dt = self.type_of(descr);
                if dt.get::<TypeObj>().map(|t| t.has_flag(type_flags::HEAPTYPE)) == Some(true) || descr.kind() == Some(ObjKind::Native) {
                    let g = self.intern_static("__get__");
                    if let Some(get) = self.lookup(dt, g) {
                        let o = if obj.is_null() { self.none } else { obj };
                        return self.call(get, &[descr, o, ty]);
                    }
                }
                Ok(descr)
            }
        }
    }

    pub(crate) fn property_name(&mut self, p: Value) -> String {
        let Some(pr) = p.get::<PropertyObj>() else { return String::new() };
        let n = pr.name.get();
        if n.is_null() {
            return String::new();
        }
        match self.repr(n) {
            Ok(s) => format!("{s} "),
            Err(_) => String::new(),
        }
    }

    /// The instance dict of `obj`, if it has one (created on demand where allowed).
    pub fn instance_dict(&mut self, obj: Value, create: bool) -> Option<Value> {
        match obj.kind()? {
            ObjKind::Instance => {
                let inst = obj.get::<InstanceObj>()?;
                if inst.dict.get().is_null() {
                    let ty = self.type_of(obj);
                    let Some(t) = ty.get::<TypeObj>() else { return None };
                    if !create || t.has_flag(type_flags::NO_DICT) {
                        return None;
                    }
                    // Leave the map: move attributes into a dict. `__slots__` members stay
                    // in the map (a layout holding only them) and never go into the dict.
                    let members = t.slots.borrow().clone();
                    let map = inst.map.get();
                    let names = map.get::<MapObj>().map(|m| m.names.clone()).unwrap_or_default();
                    let vals = inst.slots.borrow().clone();
                    let d = self.new_dict();
                    inst.dict.set(d);
                    if members.is_empty() {
                        inst.map.set(Value::NULL);
                    } else {
                        let root = self.root_map(ty);
                        inst.map.set(root);
                    }
                    inst.slots.borrow_mut().clear();
                    for (n, v) in names.iter().zip(vals.iter()) {
                        if members.contains(n) {
                            self.map_set(obj, *n, *v, true);
                        } else if !v.is_null() {
                            let _ = self.dict_set(d, *n, *v);
                        }
                    }
                }
                Some(inst.dict.get())
            }
            ObjKind::Function => {
                let f = obj.get::<FunctionObj>()?;
                if f.dict.get().is_null() && create {
                    let d = self.new_dict();
                    f.dict.set(d);
                }
                let d = f.dict.get();
                if d.is_null() {
                    None
                } else {
                    Some(d)
                }
            }
            ObjKind::Module => obj.get::<ModuleObj>().map(|m| m.dict),
            ObjKind::Type => obj.get::<TypeObj>().map(|t| t.dict),
            ObjKind::Io => {
                let o = obj.get::<IoObj>()?;
                if o.dict.get().is_null() && create {
                    let d = self.new_dict();
                    o.dict.set(d);
                }
                Some(o.dict.get()).filter(|d| !d.is_null())
            }
            ObjKind::Native => {
                // instances of Python subclasses have a dict, and those of the native
                // classes that ask for one
                let o = obj.get::<NativeObj>()?;
                if !self.is_heap_type(obj) && !o.has_dict() {
                    return None;
                }
                if o.dict.get().is_null() && create {
                    let d = self.new_dict();
                    o.dict.set(d);
                }
                Some(o.dict.get()).filter(|d| !d.is_null())
            }
            ObjKind::Exception => {
                let e = obj.get::<ExceptionObj>()?;
                if e.dict.get().is_null() && create {
                    let d = self.new_dict();
                    e.dict.set(d);
                }
                let d = e.dict.get();
                if d.is_null() {
                    None
                } else {
                    Some(d)
                }
            }
            ObjKind::ClassMethod => {
                let c = obj.get::<ClassMethodObj>()?;
                if c.dict.get().is_null() && create {
                    let d = self.new_dict();
                    c.dict.set(d);
                }
                Some(c.dict.get()).filter(|d| !d.is_null())
            }
            ObjKind::StaticMethod => {
                let c = obj.get::<StaticMethodObj>()?;
                if c.dict.get().is_null() && create {
                    let d = self.new_dict();
                    c.dict.set(d);
                }
                Some(c.dict.get()).filter(|d| !d.is_null())
            }
            _ => {
                let ty = self.type_of(obj);
                let heap = ty
                    .get::<TypeObj>()
                    .map(|t| (t.has_flag(type_flags::HEAPTYPE) || t.has_flag(type_flags::INSTANCE_DICT)) && !t.has_flag(type_flags::NO_DICT))
                    .unwrap_or(false);
                if !heap {
                    return None;
                }
                if let Some(&d) = self.ext_dicts.get(&obj.raw()) {
                    return Some(d);
                }
                if !create {
                    return None;
                }
                let d = self.new_dict();
                self.ext_dicts.insert(obj.raw(), d);
                Some(d)
            }
        }
    }

    /// Reads an instance attribute stored on the object itself.
    fn own_attr(&mut self, obj: Value, name: Value) -> Option<Value> {
        if let Some(inst) = obj.get::<InstanceObj>() {
            let map = inst.map.get();
            if let Some(m) = map.get::<MapObj>() {
                if let Some(i) = m.lookup(name) {
                    let v = inst.slots.borrow().get(i).copied()?;
                    return if v.is_null() { None } else { Some(v) };
                }
            }
            let d = inst.dict.get();
            return if d.is_null() { None } else { self.dict_get_str(d, name) };
        }
        let d = self.instance_dict(obj, false)?;
        self.dict_get_str(d, name)
    }

    pub fn getattr_str(&mut self, obj: Value, name: &str) -> PyResult<Value> {
        let n = self.intern(name);
        self.getattr(obj, n)
    }

    /// getattr(obj, name), name an interned str.
    pub fn getattr(&mut self, obj: Value, name: Value) -> PyResult<Value> {
        match self.getattr_inner(obj, name) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => Err(self.no_attribute(obj, name)),
            Err(e) => Err(self.attribute_error_context(e, obj, name)),
        }
    }

    /// An AttributeError raised while looking `name` up on `obj` (by a `__getattr__`, say)
    /// gets `name` and `obj` unless it has them, as CPython's PyObject_GetAttr does.
    #[cold]
    fn attribute_error_context(&mut self, e: super::PyErr, obj: Value, name: Value) -> super::PyErr {
        if self.isinstance(e.0, self.types.attribute_error) && self.exc_field(e.0, "name").is_none() && self.exc_field(e.0, "obj").is_none() {
            self.set_exc_field(e.0, "name", name);
            self.set_exc_field(e.0, "obj", obj);
        }
        e
    }

    /// CPython's AttributeError for a missing attribute, with its `name` and `obj`.
    pub fn no_attribute(&mut self, obj: Value, name: Value) -> super::PyErr {
        let n = self.str_of(name);
        let e = if let Some(t) = obj.get::<TypeObj>() {
            let tn = t.name.borrow().clone();
            self.attribute_error(&format!("type object '{tn}' has no attribute '{n}'"))
        } else if let Some(m) = obj.get::<ModuleObj>() {
            let mn = self.str_of(m.name);
            self.attribute_error(&format!("module '{mn}' has no attribute '{n}'"))
        } else {
            let tn = self.type_name_of(obj);
            self.attribute_error(&format!("'{tn}' object has no attribute '{n}'"))
        };
        self.set_exc_field(e.0, "name", name);
        self.set_exc_field(e.0, "obj", obj);
        e
    }

    /// getattr, with a missing attribute (AttributeError) as None.
    pub fn getattr_opt(&mut self, obj: Value, name: Value) -> PyResult<Option<Value>> {
        match self.getattr_inner(obj, name) {
            Err(e) if self.isinstance(e.0, self.types.attribute_error) => Ok(None),
            other => other,
        }
    }

    /// The attribute protocol: `__getattribute__`, then `__getattr__` when that raises
    /// AttributeError. Ok(None) means missing with no exception object made yet.
    fn getattr_inner(&mut self, obj: Value, name: Value) -> PyResult<Option<Value>> {
        let ty = self.type_of(obj);
        let custom = ty.get::<TypeObj>().map(|t| t.has_flag(type_flags::CUSTOM_GETATTR)).unwrap_or(false);
        if !custom {
            return self.generic_getattr(obj, name);
        }
        let ga = self.intern_static("__getattribute__");
        let gf = self.lookup(ty, ga);
        let obj_ga = self.types.object.get::<TypeObj>().map(|t| t.dict).and_then(|d| self.dict_get_str(d, ga));
        let r = match gf {
            Some(f) if Some(f) != obj_ga => self.call(f, &[obj, name]).map(Some),
            _ => self.generic_getattr(obj, name),
        };
        let pending = match r {
            Ok(Some(v)) => return Ok(Some(v)),
            Ok(None) => None,
            Err(e) if self.isinstance(e.0, self.types.attribute_error) => Some(e),
            Err(e) => return Err(e),
        };
        let gattr = self.intern_static("__getattr__");
        if let Some(f) = self.lookup(ty, gattr) {
            return self.call(f, &[obj, name]).map(Some);
        }
        match pending {
            Some(e) => Err(e),
            None => Ok(None),
        }
    }

    /// object.__getattribute__ (and type.__getattribute__ for classes).
    pub fn generic_getattr(&mut self, obj: Value, name: Value) -> PyResult<Option<Value>> {
        match obj.kind() {
            Some(ObjKind::Type) => return self.type_getattr(obj, name),
            Some(ObjKind::Module) => {
                // module globals dominate; the module class only has dunders
                if let Some(d) = obj.get::<ModuleObj>().map(|m| m.dict) {
                    if let Some(v) = self.dict_get_str(d, name) {
                        return Ok(Some(v));
                    }
                }
            }
            _ => {}
        }
        let ty = self.type_of(obj);
        let descr = self.lookup(ty, name);
        if let Some(d) = descr {
            // a data descriptor wins over the instance's dict only if it has a __get__
            if self.is_data_descr(d) && self.descr_has_get(d) {
                return self.bind_descr(d, obj, ty).map(Some);
            }
        }
        if obj.kind() != Some(ObjKind::Instance) {
            if let Some(v) = self.special_attr(obj, name)? {
                return Ok(Some(v));
            }
        }
        if let Some(v) = self.own_attr(obj, name) {
            return Ok(Some(v));
        }
        if let Some(d) = descr {
            return self.bind_descr(d, obj, ty).map(Some);
        }
        if obj.kind() == Some(ObjKind::Instance) {
            if let Some(v) = self.special_attr(obj, name)? {
                return Ok(Some(v));
            }
        }
        if obj.kind() == Some(ObjKind::Module) {
            return self.module_getattr_hook(obj, name);
        }
        Ok(None)
    }

    /// PEP 562: a module's own `__getattr__(name)` for a name it lacks (concurrent.futures
    /// makes its executors so, sqlite3 its deprecated names).
    #[cold]
    fn module_getattr_hook(&mut self, m: Value, name: Value) -> PyResult<Option<Value>> {
        let Some(d) = m.get::<ModuleObj>().map(|m| m.dict) else { return Ok(None) };
        let k = self.intern_static("__getattr__");
        match self.dict_get_str(d, k) {
            Some(f) => self.call(f, &[name]).map(Some),
            None => Ok(None),
        }
    }

    fn type_getattr(&mut self, cls: Value, name: Value) -> PyResult<Option<Value>> {
        let meta = self.type_of(cls);
        let meta_attr = self.lookup(meta, name);
        if let Some(d) = meta_attr {
            if self.is_data_descr(d) {
                return self.bind_descr(d, cls, meta).map(Some);
            }
        }
        // the data descriptors of `type` itself win over the class's own namespace
        if let Some(n) = name.get::<StrObj>() {
            if matches!(&*n.s, "__name__" | "__qualname__" | "__mro__" | "__bases__" | "__base__" | "__dict__" | "__flags__" | "__annotations__") && meta_attr.is_none() {
                if let Some(v) = self.special_attr(cls, name)? {
                    return Ok(Some(v));
                }
            }
        }
        if let Some(v) = self.lookup(cls, name) {
            return match v.kind() {
                Some(ObjKind::Function) => Ok(Some(v)),
                Some(ObjKind::Builtin) => Ok(Some(v)),
                Some(ObjKind::Property) => Ok(Some(v)),
                _ => self.bind_descr(v, Value::NULL, cls).map(Some),
            };
        }
        if let Some(v) = self.special_attr(cls, name)? {
            return Ok(Some(v));
        }
        if let Some(d) = meta_attr {
            return self.bind_descr(d, cls, meta).map(Some);
        }
        Ok(None)
    }

    pub fn setattr_str(&mut self, obj: Value, name: &str, v: Value) -> PyResult<()> {
        let n = self.intern(name);
        self.setattr(obj, n, v)
    }

    pub fn setattr(&mut self, obj: Value, name: Value, v: Value) -> PyResult<()> {
        let ty = self.type_of(obj);
        let custom = ty.get::<TypeObj>().map(|t| t.has_flag(type_flags::CUSTOM_SETATTR)).unwrap_or(false);
        if custom {
            let sa = self.intern_static("__setattr__");
            if let Some(f) = self.lookup(ty, sa) {
                if f.kind() == Some(ObjKind::Function) {
                    self.call(f, &[obj, name, v])?;
                    return Ok(());
                }
            }
        }
        self.generic_setattr(obj, name, v)
    }

    pub fn generic_setattr(&mut self, obj: Value, name: Value, v: Value) -> PyResult<()> {
        let ty = self.type_of(obj);
        if let Some(d) = self.lookup(ty, name) {
            if let Some(p) = d.get::<PropertyObj>() {
                if p.fset.is_null() || p.fset == self.none {
                    let tn = self.type_name_of(obj);
                    if p.fget.kind() == Some(ObjKind::Builtin) {
                        let n = self.str_of(name);
                        // property's fget/fset/fdel are members in CPython, not getsets
                        if ty == self.types.property && matches!(n.as_str(), "fget" | "fset" | "fdel") {
                            return Err(self.attribute_error("readonly attribute"));
                        }
                        return Err(self.attribute_error(&format!("attribute '{n}' of '{tn}' objects is not writable")));
                    }
                    let pname = self.property_name(d);
                    return Err(self.attribute_error(&format!("property {pname}of '{tn}' object has no setter")));
                }
                let f = p.fset;
                self.call(f, &[obj, v])?;
                return Ok(());
            }
            if d.kind() == Some(ObjKind::MemberDescr) {
                return self.member_descr_set(d, obj, v);
            }
            if self.is_data_descr(d) {
                let dt = self.type_of(d);
                let s = self.intern_static("__set__");
                if let Some(set) = self.lookup(dt, s) {
                    self.call(set, &[d, obj, v])?;
                    return Ok(());
                }
                let tn = self.type_name_of(obj);
                let n = self.str_of(name);
                return Err(self.attribute_error(&format!("'{tn}' object attribute '{n}' is read-only")));
            }
        }
        match obj.kind() {
            Some(ObjKind::Instance) if ty == self.types.object => {
                let n = self.str_of(name);
                Err(self.attribute_error(&format!("'object' object has no attribute '{n}'")))
            }
            Some(ObjKind::Instance) => {
                let inst = obj.get::<InstanceObj>().expect("kind checked");
                if inst.dict.get().is_null() && self.map_set(obj, name, v, false) {
                    return Ok(());
                }
                match self.instance_dict(obj, true) {
                    Some(d) => self.dict_set(d, name, v),
                    // no __dict__: a class attribute of that name is "read-only"
                    None if self.lookup(ty, name).is_some() => {
                        let (tn, n) = (self.type_name_of(obj), self.str_of(name));
                        Err(self.attribute_error(&format!("'{tn}' object attribute '{n}' is read-only")))
                    }
                    None => Err(self.no_attribute(obj, name)),
                }
            }
            Some(ObjKind::Type) => self.type_setattr(obj, name, v),
            _ => match self.set_special_attr(obj, name, v)? {
                true => Ok(()),
                false => match self.instance_dict(obj, true) {
                    Some(d) => self.dict_set(d, name, v),
                    None => {
                        let tn = self.type_name_of(obj);
                        let n = self.str_of(name);
                        if self.lookup(ty, name).is_some() {
                            Err(self.attribute_error(&format!("'{tn}' object attribute '{n}' is read-only")))
                        } else {
                            Err(self.attribute_error(&format!("'{tn}' object has no attribute '{n}'")))
                        }
                    }
                },
            },
        }
    }

    /// Stores through the hidden class; false when the instance must use a dict. `member`:
    /// a `__slots__` member, always kept in the map (however many attributes it has).
    pub(crate) fn map_set(&mut self, obj: Value, name: Value, v: Value, member: bool) -> bool {
        let Some(inst) = obj.get::<InstanceObj>() else { return false };
        let ty = self.type_of(obj);
        if !member && ty.get::<TypeObj>().map(|t| t.has_flag(type_flags::NO_DICT)).unwrap_or(false) {
            return false;
        }
        let mut map = inst.map.get();
        if map.is_null() {
            map = self.root_map(ty);
            inst.map.set(map);
        }
        let Some(m) = map.get::<MapObj>() else { return false };
        if let Some(i) = m.lookup(name) {
            let mut s = inst.slots.borrow_mut();
            if i < s.len() {
                s[i] = v;
                return true;
            }
            return false;
        }
        if m.names.len() >= MAX_SLOTS && !member {
            return false;
        }
        let name = self.intern_value(name);
        let next = m.transitions.borrow().get(&name.raw()).copied();
        let next = match next {
            Some(n) => n,
            None => {
                let mut names = m.names.clone();
                let mut index = m.index.clone();
                index.insert(name.raw(), names.len() as u32);
                names.push(name);
                let mt = self.types.map_type;
                let nm = self.alloc(mt, MapObj { names, index, transitions: RefCell::new(HashMap::default()) }).value();
                m.transitions.borrow_mut().insert(name.raw(), nm);
                nm
            }
        };
        inst.map.set(next);
        inst.slots.borrow_mut().push(v);
        true
    }

    pub fn root_map(&mut self, ty: Value) -> Value {
        let Some(t) = ty.get::<TypeObj>() else { return Value::NULL };
        let m = t.root_map.get();
        if !m.is_null() {
            return m;
        }
        let mt = self.types.map_type;
        let m = self.alloc(mt, MapObj { names: vec![], index: HashMap::default(), transitions: RefCell::new(HashMap::default()) }).value();
        t.root_map.set(m);
        m
    }

    pub fn new_instance(&mut self, ty: Value) -> Value {
        let map = self.root_map(ty);
        self.alloc(ty, InstanceObj { map: Cell::new(map), slots: RefCell::new(Vec::new()), dict: Cell::new(Value::NULL) })
            .value()
    }

    fn type_setattr(&mut self, cls: Value, name: Value, v: Value) -> PyResult<()> {
        let t = cls.get::<TypeObj>().expect("kind checked");
        if !t.has_flag(type_flags::HEAPTYPE) {
            let tn = t.name.borrow().clone();
            let n = self.str_of(name);
            return Err(self.type_error(&format!("cannot set '{n}' attribute of immutable type '{tn}'")));
        }
        let nm = self.str_of(name);
        if nm == "__del__" {
            self.has_del_classes = true;
        }
        if nm == "__name__" || nm == "__qualname__" {
            if v.kind() != Some(ObjKind::Str) {
                let (cn, tn) = (t.name.borrow().clone(), self.type_name_of(v));
                return Err(self.type_error(&format!("can only assign string to {cn}.{nm}, not '{tn}'")));
            }
            if nm == "__name__" {
                self.check_type_name(v)?;
                *t.name.borrow_mut() = self.str_of(v);
                return Ok(());
            }
            *t.qualname.borrow_mut() = self.str_of(v);
        }
        if nm == "__bases__" {
            return self.set_type_bases(cls, v);
        }
        if nm == "__abstractmethods__" {
            // abc sets it; object.__new__ then refuses to instantiate (Py_TPFLAGS_IS_ABSTRACT)
            let abstract_ = self.truthy(v)?;
            let f = t.flags.get();
            t.flags.set(if abstract_ { f | type_flags::ABSTRACT } else { f & !type_flags::ABSTRACT });
        }
        let d = t.dict;
        self.dict_set(d, name, v)?;
        self.type_modified(cls);
        self.update_type_flags(cls);
        Ok(())
    }

    /// Bumps the version of a class and its subclasses (their caches become stale).
    pub fn type_modified(&mut self, cls: Value) {
        let Some(t) = cls.get::<TypeObj>() else { return };
        t.version.set(t.version.get() + 1);
        let subs = t.subclasses.borrow().clone();
        for s in subs {
            self.type_modified(s);
        }
    }

    /// Recomputes the flags that depend on dunder methods of the class and its bases.
    pub fn update_type_flags(&mut self, cls: Value) {
        let ga = self.intern_static("__getattribute__");
        let gattr = self.intern_static("__getattr__");
        let sa = self.intern_static("__setattr__");
        let da = self.intern_static("__delattr__");
        // a builtin base with its own __getattribute__ (super, GenericAlias) keeps it in subclasses
        let builtin_custom = cls.get::<TypeObj>().is_some_and(|t| {
            t.mro.borrow().iter().skip(1).any(|b| b.get::<TypeObj>().is_some_and(|bt| !bt.has_flag(type_flags::HEAPTYPE) && bt.has_flag(type_flags::CUSTOM_GETATTR)))
        });
        let custom_get = builtin_custom
            || self.lookup(cls, gattr).is_some()
            || self.lookup(cls, ga).map(|f| f.kind() == Some(ObjKind::Function)).unwrap_or(false);
        let custom_set = [sa, da].iter().any(|n| self.lookup(cls, *n).map(|f| f.kind() == Some(ObjKind::Function)).unwrap_or(false));
        let Some(t) = cls.get::<TypeObj>() else { return };
        let mut f = t.flags.get() & !(type_flags::CUSTOM_GETATTR | type_flags::CUSTOM_SETATTR);
        if custom_get {
            f |= type_flags::CUSTOM_GETATTR;
        }
        if custom_set {
            f |= type_flags::CUSTOM_SETATTR;
        }
        t.flags.set(f);
        let subs = t.subclasses.borrow().clone();
        for s in subs {
            self.update_type_flags(s);
        }
    }

    pub fn delattr(&mut self, obj: Value, name: Value) -> PyResult<()> {
        let ty = self.type_of(obj);
        let custom = ty.get::<TypeObj>().map(|t| t.has_flag(type_flags::CUSTOM_SETATTR)).unwrap_or(false);
        if custom {
            let da = self.intern_static("__delattr__");
            if let Some(f) = self.lookup(ty, da) {
                if f.kind() == Some(ObjKind::Function) {
                    self.call(f, &[obj, name])?;
                    return Ok(());
                }
            }
        }
        if let Some(d) = self.lookup(ty, name) {
            if let Some(p) = d.get::<PropertyObj>() {
                if p.fdel.is_null() || p.fdel == self.none {
                    let tn = self.type_name_of(obj);
                    if p.fget.kind() == Some(ObjKind::Builtin) {
                        let n = self.str_of(name);
                        return Err(self.attribute_error(&format!("attribute '{n}' of '{tn}' objects is not writable")));
                    }
                    let pname = self.property_name(d);
                    return Err(self.attribute_error(&format!("property {pname}of '{tn}' object has no deleter")));
                }
                let f = p.fdel;
                self.call(f, &[obj])?;
                return Ok(());
            }
            if d.kind() == Some(ObjKind::MemberDescr) {
                return self.member_descr_delete(d, obj);
            }
            if self.is_data_descr(d) {
                let dt = self.type_of(d);
                let s = self.intern_static("__delete__");
                if let Some(del) = self.lookup(dt, s) {
                    self.call(del, &[d, obj])?;
                    return Ok(());
                }
            }
        }
        if obj.kind() == Some(ObjKind::Exception) {
            let n = self.str_of(name);
            if matches!(n.as_str(), "__cause__" | "__context__" | "__traceback__" | "args") {
                let msg = if n == "__traceback__" { "__traceback__ may not be deleted".to_string() } else if n == "args" { "args may not be deleted".to_string() } else { format!("{n} may not be deleted") };
                return Err(self.type_error(&msg));
            }
        }
        if obj.kind() == Some(ObjKind::Type) {
            let t = obj.get::<TypeObj>().expect("kind checked");
            if !t.has_flag(type_flags::HEAPTYPE) {
                let tn = t.name.borrow().clone();
                let n = self.str_of(name);
                return Err(self.type_error(&format!("cannot delete '{n}' attribute of immutable type '{tn}'")));
            }
            let d = t.dict;
            if self.dict_del(d, name)?.is_none() {
                return Err(self.no_attribute(obj, name));
            }
            self.type_modified(obj);
            self.update_type_flags(obj);
            return Ok(());
        }
        if obj.kind() == Some(ObjKind::Generator) {
            let n = self.str_of(name);
            if n == "__name__" || n == "__qualname__" {
                return Err(self.type_error(&format!("{n} must be set to a string object")));
            }
        }
        match self.instance_dict(obj, true) {
            Some(d) => {
                if self.dict_del(d, name)?.is_none() {
                    return Err(self.no_attribute(obj, name));
                }
                Ok(())
            }
            None if obj.kind() == Some(ObjKind::Instance) && self.lookup(self.type_of(obj), name).is_some() => {
                let (tn, n) = (self.type_name_of(obj), self.str_of(name));
                Err(self.attribute_error(&format!("'{tn}' object attribute '{n}' is read-only")))
            }
            None => Err(self.no_attribute(obj, name)),
        }
    }

    /// C3 linearisation of a new class with `bases`.
    pub fn c3_mro(&mut self, cls: Value, bases: &[Value]) -> PyResult<Vec<Value>> {
        let mut seqs: Vec<Vec<Value>> = bases
            .iter()
            .map(|b| b.get::<TypeObj>().map(|t| t.mro.borrow().clone()).unwrap_or_default())
            .collect();
        seqs.push(bases.to_vec());
        let mut out = vec![cls];
        loop {
            seqs.retain(|s| !s.is_empty());
            if seqs.is_empty() {
                return Ok(out);
            }
            let mut found = None;
            for s in &seqs {
                let cand = s[0];
                if !seqs.iter().any(|t| t[1..].contains(&cand)) {
                    found = Some(cand);
                    break;
                }
            }
            let Some(c) = found else {
                let mut heads: Vec<Value> = Vec::new();
                for s in &seqs {
                    if !heads.contains(&s[0]) {
                        heads.push(s[0]);
                    }
                }
                if heads.is_empty() {
                    heads = bases.to_vec();
                }
                let names: Vec<String> = heads.iter().map(|b| self.type_name(*b)).collect();
                return Err(self.type_error(&format!(
                    "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                    names.join(", ")
                )));
            };
            out.push(c);
            for s in seqs.iter_mut() {
                if s[0] == c {
                    s.remove(0);
                }
            }
        }
    }
}
