//! Creating classes (`type.__new__`), special attributes of builtin objects, `dir()` and
//! `locals()`.

use std::cell::Cell;

use crate::heap::{ObjKind, Value};
use crate::interp::{PyResult, Vm};
use crate::objects::*;

impl Vm {
    /// A class name must encode to UTF-8 without a NUL (CPython keeps it as a C string).
    pub fn check_type_name(&mut self, name: Value) -> PyResult<()> {
        let Some(s) = name.get::<StrObj>() else { return Ok(()) };
        if let Some(w) = s.wide() {
            if let Some(i) = w.iter().position(|&c| (0xd800..0xe000).contains(&c)) {
                let args = [self.new_str("utf-8"), name, self.new_int(i as i64), self.new_int(i as i64 + 1), self.new_str("surrogates not allowed")];
                let t = self.types.unicode_encode_error;
                let e = self.call(t, &args)?;
                return Err(crate::interp::PyErr(e));
            }
        }
        if s.s.contains('\0') {
            return Err(self.value_error("type name must not contain null characters"));
        }
        Ok(())
    }

    /// type.__new__(meta, name, bases, ns): a new class.
    pub fn create_class(&mut self, meta: Value, name: Value, mut bases: Vec<Value>, ns: Value, kws: &[(String, Value)]) -> PyResult<Value> {
        let winner = self.calculate_meta(meta, &bases)?;
        let mut meta = meta;
        if winner != meta {
            // a more derived metaclass with its own __new__ makes the class
            let nn = self.intern("__new__");
            let (wn, tn) = (self.lookup(winner, nn), self.lookup(self.types.type_, nn));
            if wn != tn {
                if let Some(f) = wn {
                    let f = self.bind_descr(f, Value::NULL, winner)?;
                    let bt = self.new_tuple(bases.clone());
                    let mut a = vec![winner, name, bt, ns];
                    let names: Vec<Value> = kws.iter().map(|(k, _)| self.intern(k)).collect();
                    a.extend(kws.iter().map(|(_, v)| *v));
                    let kwn = if names.is_empty() { Value::NULL } else { self.new_tuple(names) };
                    return self.call_kw(f, &a, kwn);
                }
            }
            meta = winner;
        }
        self.check_type_name(name)?;
        if bases.is_empty() {
            bases.push(self.types.object);
        }
        for &b in &bases {
            let Some(bt) = b.get::<TypeObj>() else {
                return Err(self.type_error("bases must be types"));
            };
            if !bt.has_flag(type_flags::BASETYPE) {
                // tp_name: qualified by the module for a library class ('_bz2.BZ2Decompressor')
                let n = self.type_name_qualified(b);
                return Err(self.type_error(&format!("type '{n}' is not an acceptable base type")));
            }
        }
        for (i, &b) in bases.iter().enumerate() {
            if bases[..i].contains(&b) {
                let bn = self.type_name(b);
                return Err(self.type_error(&format!("duplicate base class {bn}")));
            }
        }
        // the layout: the bases' solid bases (the classes that fix their instance layout)
        // must form a chain
        let mut kind = ObjKind::Instance;
        let mut winner = Value::NULL;
        for &b in &bases {
            let k = b.get::<TypeObj>().map(|t| t.instance_kind).unwrap_or(ObjKind::Instance);
            if k != ObjKind::Instance {
                kind = k;
            }
            let sb = self.solid_base(b);
            if winner.is_null() || self.is_subtype(sb, winner) {
                winner = sb;
            } else if !self.is_subtype(winner, sb) {
                return Err(self.type_error("multiple bases have instance lay-out conflict"));
            }
        }
        let dict = self.new_dict();
        self.dict_update_from(dict, ns, false)?;
        let name_s = self.str_of(name);
        let qualname = match self.dict_get_by_str(dict, "__qualname__") {
            Some(q) => {
                if q.kind() != Some(ObjKind::Str) {
                    let tn = self.type_name_of(q);
                    return Err(self.type_error(&format!("type __qualname__ must be a str, not {tn}")));
                }
                let s = self.str_of(q);
                let k = self.intern("__qualname__");
                self.dict_del(dict, k)?;
                s
            }
            None => name_s.clone(),
        };
        if self.dict_get_by_str(dict, "__module__").is_none() {
            let g = self.frames.last().map(|f| f.globals).unwrap_or(Value::NULL);
            if let Some(m) = (!g.is_null()).then(|| self.dict_get_by_str(g, "__name__")).flatten() {
                self.dict_set_str(dict, "__module__", m);
            }
        }
        // __init_subclass__ and __class_getitem__ are implicit classmethods, __new__ static
        for (n, is_static) in [("__init_subclass__", false), ("__class_getitem__", false), ("__new__", true)] {
            if let Some(f) = self.dict_get_by_str(dict, n) {
                if f.kind() == Some(ObjKind::Function) {
                    let w = if is_static {
                        let st = self.types.staticmethod;
                        self.alloc(st, StaticMethodObj { f, dict: Cell::new(Value::NULL) }).value()
                    } else {
                        let ct = self.types.classmethod;
                        self.alloc(ct, ClassMethodObj { f, dict: Cell::new(Value::NULL) }).value()
                    };
                    self.dict_set_str(dict, n, w);
                }
            }
        }
        // __eq__ without __hash__ makes instances unhashable
        if self.dict_get_by_str(dict, "__eq__").is_some() && self.dict_get_by_str(dict, "__hash__").is_none() {
            let none = self.none;
            self.dict_set_str(dict, "__hash__", none);
        }
        if self.dict_get_by_str(dict, "__del__").is_some() {
            self.has_del_classes = true;
        }
        let mut flags = type_flags::HEAPTYPE | type_flags::BASETYPE;
        if bases.iter().any(|b| b.get::<TypeObj>().map(|t| t.has_flag(type_flags::EXCEPTION)).unwrap_or(false)) {
            flags |= type_flags::EXCEPTION;
        }
        let mut slot_names = Vec::new();
        let bases_have_dict = bases.iter().any(|b| {
            b.get::<TypeObj>()
                .map(|t| {
                    (t.has_flag(type_flags::HEAPTYPE) && !t.has_flag(type_flags::NO_DICT))
                        || matches!(t.instance_kind, ObjKind::Exception | ObjKind::Type | ObjKind::Module | ObjKind::Io | ObjKind::Native)
                })
                .unwrap_or(false)
        });
        // the `__dict__` and `__weakref__` descriptors this class adds
        let mut add_dict = !bases_have_dict;
        let mut add_weakref = self.weakref_addable(&bases);
        if let Some(slots) = self.dict_get_by_str(dict, "__slots__") {
            let (_h, items) = if slots.kind() == Some(ObjKind::Str) { (slots, vec![slots]) } else { self.to_vec(slots)? };
            let mut has_dict = false;
            let mut has_weakref = false;
            for s in items {
                if s.kind() != Some(ObjKind::Str) {
                    let tn = self.type_name_of(s);
                    return Err(self.type_error(&format!("__slots__ items must be strings, not '{tn}'")));
                }
                let sn = self.str_of(s);
                let ident = sn.chars().next().map(|c| c == '_' || c.is_alphabetic()).unwrap_or(false)
                    && sn.chars().all(|c| c == '_' || c.is_alphanumeric());
                if !ident {
                    return Err(self.type_error("__slots__ must be identifiers"));
                }
                if sn == "__dict__" {
                    if has_dict || bases_have_dict {
                        return Err(self.type_error("__dict__ slot disallowed: we already got one"));
                    }
                    has_dict = true;
                    continue;
                }
                if sn == "__weakref__" {
                    has_weakref = true;
                    continue;
                }
                let m = pyjit_compiler::symtable::mangle(Some(&name_s), &sn);
                let iv = self.intern(&m);
                if self.dict_get_str(dict, iv).is_some() {
                    let r = self.repr(iv)?;
                    return Err(self.value_error(&format!("{r} in __slots__ conflicts with class variable")));
                }
                if !slot_names.contains(&iv) {
                    slot_names.push(iv);
                }
            }
            if !slot_names.is_empty() && matches!(kind, ObjKind::BigInt | ObjKind::Tuple | ObjKind::Bytes) {
                let base = bases.iter().copied().find(|b| b.get::<TypeObj>().map(|t| t.instance_kind) == Some(kind)).unwrap_or(bases[0]);
                let bn = self.type_name(base);
                return Err(self.type_error(&format!("nonempty __slots__ not supported for subtype of '{bn}'")));
            }
            if !has_dict && !bases_have_dict {
                flags |= type_flags::NO_DICT;
            }
            add_dict = has_dict;
            add_weakref = add_weakref && has_weakref;
        }
        let t = TypeObj::new(name_s.clone(), qualname, bases.clone(), dict, kind, flags);
        let cls = self.alloc(meta, t).value();
        for &b in &bases {
            if b.get::<TypeObj>().is_some_and(|bt| bt.mro.borrow().is_empty()) {
                let bn = self.type_name(b);
                return Err(self.type_error(&format!("Cannot extend an incomplete type '{bn}'")));
            }
        }
        let mro = self.compute_mro(cls)?;
        if let Some(tt) = cls.get::<TypeObj>() {
            *tt.mro.borrow_mut() = mro.clone();
            let mut all_slots = slot_names.clone();
            for b in &mro[1..] {
                if let Some(bt) = b.get::<TypeObj>() {
                    all_slots.extend(bt.slots.borrow().iter().copied());
                }
            }
            *tt.slots.borrow_mut() = all_slots;
        }
        for &b in &bases {
            if let Some(bt) = b.get::<TypeObj>() {
                bt.subclasses.borrow_mut().push(cls);
            }
        }
        // one member descriptor per slot, then `__dict__`, `__weakref__` and `__doc__`
        for &s in &slot_names {
            let md = self.new_member_descr(s, cls);
            self.dict_set(dict, s, md)?;
        }
        for (add, n) in [(add_dict, "__dict__"), (add_weakref, "__weakref__")] {
            if add {
                let k = self.intern(n);
                if self.dict_get_str(dict, k).is_none() {
                    let gt = self.types.getset_descriptor;
                    let gd = self.alloc(gt, MemberDescrObj { name: k, owner: cls }).value();
                    self.dict_set(dict, k, gd)?;
                }
            }
        }
        if self.dict_get_by_str(dict, "__doc__").is_none() {
            let none = self.none;
            self.dict_set_str(dict, "__doc__", none);
        }
        let cc = self.intern("__classcell__");
        if let Some(cell) = self.dict_get_str(dict, cc) {
            if let Some(c) = cell.get::<CellObj>() {
                c.v.set(cls);
            }
            self.dict_del(dict, cc)?;
        }
        self.update_type_flags(cls);
        // __set_name__
        for (k, v) in self.dict_items(dict) {
            let vt = self.type_of(v);
            let sn = self.intern("__set_name__");
            if let Some(f) = self.lookup(vt, sn) {
                if let Err(e) = self.call(f, &[v, cls, k]) {
                    // 3.11 wraps the error (it becomes the new error's __context__)
                    let (vn, kr, cn) = (self.type_name_of(v), self.repr(k)?, self.type_name(cls));
                    let msg = format!("Error calling __set_name__ on '{vn}' instance {kr} in '{cn}'");
                    let rt = self.types.runtime_error;
                    let m = self.new_string(msg);
                    let r = self.call(rt, &[m])?;
                    if let Some(x) = r.get::<ExceptionObj>() {
                        x.context.set(e.0);
                    }
                    return Err(crate::interp::PyErr(r));
                }
            }
        }
        // __init_subclass__ of the parent, through super(cls, cls): a custom MRO without
        // the class itself fails that super's check, as in CPython
        if !cls.get::<TypeObj>().is_some_and(|t| t.mro.borrow().contains(&cls)) {
            return Err(self.type_error("super(type, obj): obj must be an instance or subtype of type"));
        }
        let isc = self.intern("__init_subclass__");
        let sup = self.alloc(self.types.super_, SuperObj { ty: cls, obj: cls, obj_type: cls }).value();
        if let Some(f) = self.getattr_opt(sup, isc)? {
            let names: Vec<Value> = kws.iter().map(|(k, _)| self.intern(k)).collect();
            let vals: Vec<Value> = kws.iter().map(|(_, v)| *v).collect();
            let kwn = if names.is_empty() { Value::NULL } else { self.new_tuple(names) };
            self.call_kw(f, &vals, kwn)?;
        }
        Ok(cls)
    }

    /// Does a new class with `bases` get a `__weakref__` descriptor (no base supports weak
    /// references yet, and none has a variable-size layout)?
    fn weakref_addable(&mut self, bases: &[Value]) -> bool {
        let wr = self.intern("__weakref__");
        for &b in bases {
            let Some(t) = b.get::<TypeObj>() else { continue };
            if t.has_flag(type_flags::HEAPTYPE) {
                if self.lookup(b, wr).is_some() {
                    return false;
                }
            } else if matches!(
                t.instance_kind,
                ObjKind::BigInt | ObjKind::Bool | ObjKind::Tuple | ObjKind::Bytes | ObjKind::Set | ObjKind::Type | ObjKind::Function | ObjKind::Module
            ) {
                return false;
            }
        }
        true
    }

    /// The most derived of `meta` and the metaclasses of `bases` (TypeError on a conflict).
    pub fn calculate_meta(&mut self, meta: Value, bases: &[Value]) -> PyResult<Value> {
        let mut winner = meta;
        for &b in bases {
            let bt = self.type_of(b);
            if self.is_subtype(winner, bt) {
                continue;
            }
            if self.is_subtype(bt, winner) {
                winner = bt;
                continue;
            }
            return Err(self.type_error(
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
            ));
        }
        Ok(winner)
    }

    /// The class that fixes the instance layout of `ty`: the nearest class (itself or an
    /// ancestor) that declares `__slots__` members or has its own builtin layout.
    fn solid_base(&mut self, ty: Value) -> Value {
        let Some(t) = ty.get::<TypeObj>() else { return ty };
        let base = t.bases.borrow().first().copied();
        let Some(base) = base else { return ty };
        if t.has_flag(type_flags::HEAPTYPE) {
            let md = self.types.member_descriptor;
            let own = self
                .dict_items(t.dict)
                .iter()
                .any(|(_, v)| self.type_of(*v) == md && v.get::<MemberDescrObj>().map(|m| m.owner == ty).unwrap_or(false));
            if own {
                return ty;
            }
            return self.solid_base(base);
        }
        // builtin classes: the topmost ancestor with the same layout (object for plain ones)
        let same = base.get::<TypeObj>().map(|b| b.instance_kind == t.instance_kind).unwrap_or(false);
        if same {
            self.solid_base(base)
        } else {
            ty
        }
    }

    /// Attribute names for dir().
    pub fn dir_names(&mut self, v: Value) -> PyResult<Vec<Value>> {
        // module.__dir__: the module's namespace, or what its own __dir__ returns
        if let Some(m) = v.get::<ModuleObj>() {
            let mut d = m.dict;
            let ty = self.type_of(v);
            let n = self.intern("__dict__");
            if let Some(x) = self.lookup(ty, n).filter(|_| ty != self.types.module) {
                // a subclass may shadow __dict__ (CPython reads the attribute)
                d = self.bind_descr(x, v, ty)?;
                if d.kind() != Some(ObjKind::Dict) {
                    return Err(self.type_error("<module>.__dict__ is not a dictionary"));
                }
            }
            if let Some(f) = self.dict_get_by_str(d, "__dir__") {
                let r = self.call(f, &[])?;
                let (_h, items) = self.to_vec(r)?;
                return Ok(items);
            }
            return Ok(self.dict_keys(d));
        }
        let mut names: Vec<Value> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut add = |vm: &mut Vm, d: Value| {
            for k in vm.dict_keys(d) {
                let s = vm.str_of(k);
                if seen.insert(s) {
                    names.push(k);
                }
            }
        };
        if let Some(d) = self.instance_dict(v, false) {
            add(self, d);
        }
        let classes = if self.is_type(v) {
            v.get::<TypeObj>().map(|t| t.mro.borrow().clone()).unwrap_or_default()
        } else {
            let ty = self.type_of(v);
            ty.get::<TypeObj>().map(|t| t.mro.borrow().clone()).unwrap_or_default()
        };
        for c in classes {
            if let Some(ct) = c.get::<TypeObj>() {
                add(self, ct.dict);
            }
        }
        if let Some(inst) = v.get::<InstanceObj>() {
            if let Some(m) = inst.map.get().get::<MapObj>() {
                let ns = m.names.clone();
                for n in ns {
                    let s = self.str_of(n);
                    if !names.iter().any(|x| self.str_of(*x) == s) {
                        names.push(n);
                    }
                }
            }
        }
        Ok(names)
    }

    /// Attributes every object of a kind has (`__class__`, `__name__` of functions, ...).
    pub fn special_attr(&mut self, obj: Value, name: Value) -> PyResult<Option<Value>> {
        let Some(name_obj) = name.get::<StrObj>() else { return Ok(None) };
        let n: &str = &name_obj.s;
        // every special attribute is a dunder or starts with a short prefix
        let maybe = n.starts_with("__")
            || matches!(obj.kind(), Some(ObjKind::Code) | Some(ObjKind::Exception) | Some(ObjKind::Generator) | Some(ObjKind::Range)
                | Some(ObjKind::Slice) | Some(ObjKind::Property) | Some(ObjKind::Complex) | Some(ObjKind::Traceback) | Some(ObjKind::Frame) | Some(ObjKind::MemoryView)
                | Some(ObjKind::CellK) | Some(ObjKind::Method));
        if !maybe {
            return Ok(None);
        }
        if n == "__class__" {
            return Ok(Some(self.type_of(obj)));
        }
        if n == "__dict__" {
            if let Some(t) = obj.get::<TypeObj>() {
                let d = t.dict;
                return Ok(Some(self.new_mappingproxy(d)));
            }
            return Ok(self.instance_dict(obj, true));
        }
        match obj.kind() {
            Some(ObjKind::Type) => {
                let t = obj.get::<TypeObj>().expect("type");
                Ok(match n {
                    "__name__" => Some(self.new_str(&t.name.borrow().clone())),
                    "__qualname__" => Some(self.new_str(&t.qualname.borrow().clone())),
                    "__mro__" => {
                        let m = t.mro.borrow().clone();
                        // None while a metaclass's mro() runs for a class being made
                        Some(if m.is_empty() { self.none } else { self.new_tuple(m) })
                    }
                    "__bases__" => {
                        let b = t.bases.borrow().clone();
                        Some(self.new_tuple(b))
                    }
                    "__base__" => Some(t.bases.borrow().first().copied().unwrap_or(self.none)),
                    "__flags__" => Some(Value::small(self.cpython_type_flags(obj)).unwrap_or(self.none)),
                    "__doc__" => {
                        let builtin = !t.has_flag(crate::objects::type_flags::HEAPTYPE);
                        match super::type_docs::type_doc(&t.name.borrow()).filter(|_| builtin) {
                            Some(d) => Some(self.new_str(d)),
                            None => Some(self.none),
                        }
                    }
                    "__module__" => Some(self.intern("builtins")),
                    // the class's own annotations, never a base's (a new dict for a heap class)
                    "__annotations__" => match self.dict_get_by_str(t.dict, "__annotations__") {
                        Some(d) => Some(d),
                        None if t.has_flag(crate::objects::type_flags::HEAPTYPE) => {
                            let d = self.new_dict();
                            self.dict_set_str(t.dict, "__annotations__", d);
                            Some(d)
                        }
                        None => None,
                    },
                    _ => None,
                })
            }
            Some(ObjKind::Function) => {
                let f = obj.get::<FunctionObj>().expect("function");
                Ok(match n {
                    "__name__" => Some(f.name.get()),
                    "__qualname__" => Some(f.qualname.get()),
                    "__doc__" => Some(f.doc.get()),
                    "__module__" => Some(f.module.get()),
                    "__code__" => Some(f.code.get()),
                    "__globals__" => Some(f.globals),
                    "__defaults__" => Some(if f.defaults.get().is_null() { self.none } else { f.defaults.get() }),
                    "__kwdefaults__" => Some(if f.kwdefaults.get().is_null() { self.none } else { f.kwdefaults.get() }),
                    "__closure__" => Some(if f.closure.is_null() { self.none } else { f.closure }),
                    "__annotations__" => {
                        if f.annotations.get().is_null() {
                            let d = self.new_dict();
                            f.annotations.set(d);
                        }
                        Some(f.annotations.get())
                    }
                    "__builtins__" => Some(self.builtins_dict),
                    _ => None,
                })
            }
            Some(ObjKind::Builtin) => {
                let b = obj.get::<BuiltinObj>().expect("builtin");
                Ok(match n {
                    "__name__" => Some(self.intern(b.name)),
                    "__qualname__" => {
                        let q = if b.owner.is_null() { b.name.to_string() } else { format!("{}.{}", self.type_name(b.owner), b.name) };
                        Some(self.new_string(q))
                    }
                    "__self__" => Some(if !b.self_.is_null() {
                        b.self_
                    } else if !b.module.is_null() {
                        b.module
                    } else {
                        self.builtins
                    }),
                    "__doc__" => Some(match super::type_docs::builtin_function_doc(&b.name) {
                        // a function of the builtins module (not a method, not another module's)
                        Some(d) if b.owner.is_null() && b.self_.is_null() && b.module.is_null() => self.new_str(d),
                        _ => self.none,
                    }),
                    "__module__" => Some(match b.module.get::<ModuleObj>() {
                        Some(m) => m.name,
                        None if b.owner.is_null() => self.intern("builtins"),
                        None => self.none,
                    }),
                    "__objclass__" => Some(b.owner),
                    _ => None,
                })
            }
            Some(ObjKind::Method) => {
                let m = obj.get::<MethodObj>().expect("method");
                let (func, self_) = (m.func, m.self_);
                Ok(match n {
                    "__func__" => Some(func),
                    "__self__" => Some(self_),
                    _ => self.getattr_opt(func, name)?,
                })
            }
            Some(ObjKind::Code) => {
                let c = obj.get::<CodeObj>().expect("code");
                Ok(match n {
                    "co_name" => Some(c.name),
                    "co_qualname" => Some(c.qualname),
                    "co_filename" => Some(c.filename),
                    "co_argcount" => Some(self.new_int(c.code.argcount as i64)),
                    "co_posonlyargcount" => Some(self.new_int(c.code.posonlyargcount as i64)),
                    "co_kwonlyargcount" => Some(self.new_int(c.code.kwonlyargcount as i64)),
                    "co_nlocals" => Some(self.new_int(c.code.varnames.len() as i64)),
                    "co_flags" => Some(self.new_int((c.code.flags & 0xffff) as i64)),
                    "co_firstlineno" => Some(self.new_int(c.code.first_line as i64)),
                    "co_varnames" => {
                        let v = c.varnames.to_vec();
                        Some(self.new_tuple(v))
                    }
                    "co_names" => {
                        let v = c.names.to_vec();
                        Some(self.new_tuple(v))
                    }
                    "co_consts" => {
                        let v = c.consts.to_vec();
                        Some(self.new_tuple(v))
                    }
                    "co_cellvars" | "co_freevars" => {
                        let src = if n == "co_cellvars" { c.code.cellvars.clone() } else { c.code.freevars.clone() };
                        let v: Vec<Value> = src.iter().map(|s| self.intern(s)).collect();
                        Some(self.new_tuple(v))
                    }
                    _ => None,
                })
            }
            Some(ObjKind::Module) => Ok(None),
            Some(ObjKind::Exception) => {
                let e = obj.get::<ExceptionObj>().expect("exception");
                // attributes set on the instance (ImportError.name, ...) come first
                let d = e.dict.get();
                if !d.is_null() && !matches!(n, "args" | "__traceback__" | "__cause__" | "__context__" | "__suppress_context__") {
                    if let Some(v) = self.dict_get_str(d, name) {
                        return Ok(Some(v));
                    }
                }
                let none = self.none;
                let or_none = |v: Value| if v.is_null() { none } else { v };
                Ok(match n {
                    "args" => Some(e.args.get()),
                    "__traceback__" => Some(or_none(e.traceback.get())),
                    "__cause__" => Some(or_none(e.cause.get())),
                    "__context__" => Some(or_none(e.context.get())),
                    "__suppress_context__" => Some(self.bool_val(e.suppress_context.get())),
                    "value" if self.isinstance(obj, self.types.stop_iteration) => {
                        Some(self.exc_args(obj).first().copied().unwrap_or(none))
                    }
                    "code" if self.isinstance(obj, self.types.system_exit) => {
                        let a = self.exc_args(obj);
                        Some(match a.len() {
                            0 => none,
                            1 => a[0],
                            _ => self.new_tuple(a),
                        })
                    }
                    "errno" | "strerror" | "filename" | "filename2" if self.isinstance(obj, self.types.os_error) => {
                        Some(self.exc_field(obj, n).unwrap_or(none))
                    }
                    "msg" | "lineno" | "offset" | "text" | "filename" | "end_lineno" | "end_offset" | "print_file_and_line"
                        if self.isinstance(obj, self.types.syntax_error) =>
                    {
                        let a = self.exc_args(obj);
                        let details = a.get(1).and_then(|d| d.get::<TupleObj>().map(|t| t.items.to_vec())).unwrap_or_default();
                        Some(match n {
                            "msg" => a.first().copied().unwrap_or(none),
                            "filename" => details.first().copied().unwrap_or(none),
                            "lineno" => details.get(1).copied().unwrap_or(none),
                            "offset" => details.get(2).copied().unwrap_or(none),
                            "text" => details.get(3).copied().unwrap_or(none),
                            "end_lineno" => details.get(4).copied().unwrap_or(none),
                            "end_offset" => details.get(5).copied().unwrap_or(none),
                            _ => none,
                        })
                    }
                    "name" if self.isinstance(obj, self.types.name_error)
                        || self.isinstance(obj, self.types.import_error)
                        || self.isinstance(obj, self.types.attribute_error) =>
                    {
                        Some(self.exc_field(obj, n).unwrap_or(none))
                    }
                    "obj" if self.isinstance(obj, self.types.attribute_error) => Some(self.exc_field(obj, n).unwrap_or(none)),
                    "path" | "msg" if self.isinstance(obj, self.types.import_error) => {
                        let made_by_runtime = !self.member_dicts.contains_key(&obj.raw());
                        let a = self.exc_args(obj);
                        match self.exc_field(obj, n) {
                            Some(v) => Some(v),
                            // errors raised by the import system carry their message as msg
                            None if n == "msg" && made_by_runtime && a.len() == 1 => Some(a[0]),
                            None => Some(none),
                        }
                    }
                    _ => None,
                })
            }
            Some(ObjKind::Generator) => {
                let g = obj.get::<GeneratorObj>().expect("generator");
                Ok(match n {
                    "__name__" => Some(g.name.get()),
                    "__qualname__" => Some(g.qualname.get()),
                    "gi_running" | "cr_running" | "ag_running" => Some(self.bool_val(g.state.get() == 2)),
                    "gi_code" | "cr_code" | "ag_code" => Some(g.code),
                    "gi_frame" | "cr_frame" | "ag_frame" => Some(crate::modules::sys::gen_frame_object(self, obj)?),
                    "gi_yieldfrom" | "cr_await" => Some(self.gen_delegate(obj).unwrap_or(self.none)),
                    "gi_suspended" | "cr_suspended" => Some(self.bool_val(g.state.get() == 1)),
                    _ => None,
                })
            }
            Some(ObjKind::Range) => {
                let r = obj.get::<RangeObj>().expect("range");
                Ok(match n {
                    "start" => Some(r.start),
                    "stop" => Some(r.stop),
                    "step" => Some(r.step),
                    _ => None,
                })
            }
            Some(ObjKind::Slice) => {
                let r = obj.get::<SliceObj>().expect("slice");
                Ok(match n {
                    "start" => Some(r.start),
                    "stop" => Some(r.stop),
                    "step" => Some(r.step),
                    _ => None,
                })
            }
            Some(ObjKind::Property) => {
                let p = obj.get::<PropertyObj>().expect("property");
                let none = self.none;
                let or_none = |v: Value| if v.is_null() { none } else { v };
                Ok(match n {
                    "fget" => Some(or_none(p.fget)),
                    "fset" => Some(or_none(p.fset)),
                    "fdel" => Some(or_none(p.fdel)),
                    "__doc__" => Some(or_none(p.doc.get())),
                    _ => None,
                })
            }
            Some(ObjKind::ClassMethod) | Some(ObjKind::StaticMethod) => {
                let f = obj.get::<ClassMethodObj>().map(|c| c.f).or_else(|| obj.get::<StaticMethodObj>().map(|s| s.f)).unwrap_or(Value::NULL);
                Ok(match n {
                    "__func__" | "__wrapped__" => Some(f),
                    "__isabstractmethod__" => Some(self.false_),
                    _ => self.getattr_opt(f, name).ok().flatten().filter(|_| matches!(n, "__name__" | "__qualname__" | "__doc__")),
                })
            }
            Some(ObjKind::Complex) => {
                let c = obj.get::<ComplexObj>().expect("complex");
                let (re, im) = (c.re, c.im);
                Ok(match n {
                    "real" => Some(self.new_float(re)),
                    "imag" => Some(self.new_float(im)),
                    _ => None,
                })
            }
            Some(ObjKind::Frame) => {
                let f = obj.get::<FrameObj>().expect("frame");
                Ok(match n {
                    "f_code" => Some(f.code),
                    "f_globals" => Some(f.globals),
                    "f_builtins" => {
                        let b = if f.globals.is_null() { None } else { self.dict_get_by_str(f.globals, "__builtins__") };
                        Some(match b {
                            Some(m) if m.get::<ModuleObj>().is_some() => m.get::<ModuleObj>().map(|m| m.dict).unwrap_or(self.builtins_dict),
                            Some(d) if d.kind() == Some(ObjKind::Dict) => d,
                            _ => self.builtins_dict,
                        })
                    }
                    "f_lineno" => {
                        let line = match crate::modules::sys::live_frame(self, obj) {
                            Some(level) => self.frames[level].line(),
                            None => f.lineno.get(),
                        };
                        Some(self.new_int(line as i64))
                    }
                    "f_locals" => Some(crate::modules::sys::frame_locals(self, obj)?),
                    "f_back" => {
                        if f.back.get().is_null() {
                            if let Some(level) = crate::modules::sys::live_frame(self, obj) {
                                if level > 0 {
                                    let depth = self.frames.len() - level;
                                    let back = crate::modules::sys::frame_object(self, depth)?;
                                    f.back.set(back);
                                }
                            }
                        }
                        Some(if f.back.get().is_null() { self.none } else { f.back.get() })
                    }
                    "f_trace" => Some(self.none),
                    "f_lasti" => Some(self.new_int(-1)),
                    _ => None,
                })
            }
            Some(ObjKind::Traceback) => {
                let t = obj.get::<TracebackObj>().expect("traceback");
                Ok(match n {
                    "tb_next" => Some(if t.next.get().is_null() { self.none } else { t.next.get() }),
                    "tb_lineno" => Some(self.new_int(t.lineno as i64)),
                    "tb_lasti" => Some(self.new_int(t.ip as i64 * 2)),
                    "tb_frame" => {
                        // a frame that has finished: its code, globals and the line
                        let (code, globals, line) = (t.code, t.globals, t.lineno);
                        let ft = self.types.frame;
                        let none = self.none;
                        let fo = FrameObj { code, globals, locals: Cell::new(none), lineno: Cell::new(line), back: Cell::new(Value::NULL), level: Cell::new(-1) };
                        Some(self.alloc(ft, fo).value())
                    }
                    _ => None,
                })
            }
            Some(ObjKind::Super) => {
                let s = obj.get::<SuperObj>().expect("super");
                Ok(match n {
                    "__thisclass__" => Some(s.ty),
                    "__self__" => Some(s.obj),
                    "__self_class__" => Some(s.obj_type),
                    _ => None,
                })
            }
            _ => Ok(None),
        }
    }

    /// Assignments to special attributes; true when handled.
    pub fn set_special_attr(&mut self, obj: Value, name: Value, v: Value) -> PyResult<bool> {
        let n = self.str_of(name);
        match obj.kind() {
            Some(ObjKind::Traceback) if n == "tb_next" => {
                if v != self.none && v.kind() != Some(ObjKind::Traceback) {
                    let tn = self.type_name_of(v);
                    return Err(self.type_error(&format!("expected traceback object, got '{tn}'")));
                }
                // a new next must not lead back to this entry
                let mut cur = v;
                while let Some(t) = cur.get::<TracebackObj>() {
                    if cur == obj {
                        return Err(self.value_error("traceback loop detected"));
                    }
                    cur = t.next.get();
                }
                let next = if v == self.none { Value::NULL } else { v };
                if let Some(t) = obj.get::<TracebackObj>() {
                    t.next.set(next);
                }
                Ok(true)
            }
            Some(ObjKind::Function) => {
                let f = obj.get::<FunctionObj>().expect("function");
                // the type each settable attribute requires (None allowed where noted)
                let need = |kind: ObjKind, none_ok: bool| v.kind() == Some(kind) || (none_ok && v == self.none);
                let bad = match n.as_str() {
                    "__name__" | "__qualname__" if !need(ObjKind::Str, false) => Some("a string"),
                    "__defaults__" if !need(ObjKind::Tuple, true) => Some("a tuple"),
                    "__kwdefaults__" | "__annotations__" if !need(ObjKind::Dict, true) => Some("a dict"),
                    "__code__" if !need(ObjKind::Code, false) => Some("a code"),
                    _ => None,
                };
                if let Some(what) = bad {
                    return Err(self.type_error(&format!("{n} must be set to {what} object")));
                }
                match n.as_str() {
                    "__name__" => f.name.set(v),
                    "__qualname__" => f.qualname.set(v),
                    "__doc__" => f.doc.set(v),
                    "__module__" => f.module.set(v),
                    "__defaults__" => f.defaults.set(if v == self.none { Value::NULL } else { v }),
                    "__kwdefaults__" => f.kwdefaults.set(if v == self.none { Value::NULL } else { v }),
                    "__annotations__" => f.annotations.set(if v == self.none { Value::NULL } else { v }),
                    "__code__" => {
                        let nfree = v.get::<CodeObj>().map_or(0, |c| c.code.freevars.len());
                        let nclosure = f.closure.get::<TupleObj>().map_or(0, |t| t.items.len());
                        if nfree != nclosure {
                            let fname = self.str_of(f.name.get());
                            return Err(self.value_error(&format!("{fname}() requires a code object with {nclosure} free vars, not {nfree}")));
                        }
                        f.code.set(v)
                    }
                    "__globals__" | "__closure__" | "__builtins__" => return Err(self.attribute_error("readonly attribute")),
                    _ => return Ok(false),
                }
                Ok(true)
            }
            Some(ObjKind::Exception) => {
                let e = obj.get::<ExceptionObj>().expect("exception");
                let nv = if v == self.none { Value::NULL } else { v };
                match n.as_str() {
                    "args" => {
                        let (_h, items) = self.to_vec(v)?;
                        let t = self.new_tuple(items);
                        e.args.set(t)
                    }
                    "__traceback__" => {
                        if v != self.none && v.kind() != Some(ObjKind::Traceback) {
                            return Err(self.type_error("__traceback__ must be a traceback or None"));
                        }
                        e.traceback.set(nv)
                    }
                    "__cause__" | "__context__" => {
                        if v != self.none && !self.isinstance(v, self.types.base_exception) {
                            let what = &n[2..n.len() - 2];
                            return Err(self.type_error(&format!("exception {what} must be None or derive from BaseException")));
                        }
                        if n == "__cause__" {
                            e.cause.set(nv);
                            e.suppress_context.set(true);
                        } else {
                            e.context.set(nv);
                        }
                    }
                    "__suppress_context__" => e.suppress_context.set(self.truthy(v)?),
                    _ => return Ok(false),
                }
                Ok(true)
            }
            Some(ObjKind::Generator) => {
                let g = obj.get::<GeneratorObj>().expect("generator");
                match n.as_str() {
                    "__name__" | "__qualname__" => {
                        if v.kind() != Some(ObjKind::Str) {
                            return Err(self.type_error(&format!("{n} must be set to a string object")));
                        }
                        if n == "__name__" {
                            g.name.set(v);
                        } else {
                            g.qualname.set(v);
                        }
                        Ok(true)
                    }
                    _ => Ok(false),
                }
            }
            Some(ObjKind::Traceback) if matches!(n.as_str(), "tb_frame" | "tb_lasti" | "tb_lineno") => {
                Err(self.attribute_error(&format!("attribute '{n}' of 'traceback' objects is not writable")))
            }
            Some(ObjKind::Property) => {
                let p = obj.get::<PropertyObj>().expect("property");
                if n == "__doc__" {
                    p.doc.set(v);
                    return Ok(true);
                }
                Ok(false)
            }
            _ => {
                if n == "__class__" {
                    super::types::set_class(self, obj, v)?;
                    return Ok(true);
                }
                Ok(false)
            }
        }
    }

    /// locals() of the running frame.
    pub fn frame_locals(&mut self) -> PyResult<Value> {
        let Some(f) = self.frames.last() else { return Ok(self.new_dict()) };
        if !f.locals.is_null() {
            return Ok(f.locals);
        }
        let code = f.code;
        let base = f.base;
        let d = self.new_dict();
        let nl = code.code.nlocals();
        for i in 0..nl {
            let v = self.stack[base + i];
            if !v.is_null() {
                let n = code.varnames[i];
                self.dict_set(d, n, v)?;
            }
        }
        let cells: Vec<String> = code.code.cellvars.iter().chain(code.code.freevars.iter()).cloned().collect();
        for (i, name) in cells.iter().enumerate() {
            let c = self.stack[base + nl + i];
            if let Some(cell) = c.get::<CellObj>() {
                let v = cell.v.get();
                if !v.is_null() {
                    let k = self.intern(name);
                    self.dict_set(d, k, v)?;
                }
            }
        }
        Ok(d)
    }
}


impl Vm {
    /// `type.__flags__` with CPython's bit values, for the library code that tests them
    /// (copyreg: HEAPTYPE; inspect.isabstract: IS_ABSTRACT; the *_SUBCLASS bits).
    pub fn cpython_type_flags(&self, ty: Value) -> i64 {
        let Some(t) = ty.get::<TypeObj>() else { return 0 };
        let heap = t.has_flag(type_flags::HEAPTYPE);
        // READY | HAVE_GC | VALID_VERSION_TAG
        let mut f: i64 = (1 << 12) | (1 << 14) | (1 << 19);
        if heap {
            f |= 1 << 9;
        } else {
            f |= 1 << 8; // IMMUTABLETYPE
        }
        if t.has_flag(type_flags::BASETYPE) {
            f |= 1 << 10;
        }
        if t.has_flag(type_flags::ABSTRACT) {
            f |= 1 << 20;
        }
        let ts = &self.types;
        let subclass_bits = [
            (ts.int, 24),
            (ts.list, 25),
            (ts.tuple, 26),
            (ts.bytes, 27),
            (ts.str, 28),
            (ts.dict, 29),
            (ts.base_exception, 30),
            (ts.type_, 31),
        ];
        for (base, bit) in subclass_bits {
            if self.is_subtype(ty, base) {
                f |= 1 << bit;
            }
        }
        if self.is_subtype(ty, ts.list) || self.is_subtype(ty, ts.tuple) {
            f |= 1 << 5; // SEQUENCE
        }
        if self.is_subtype(ty, ts.dict) {
            f |= 1 << 6; // MAPPING
        }
        f
    }
}
