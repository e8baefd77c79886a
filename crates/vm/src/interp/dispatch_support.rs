//! Support for the dispatch loop: inline caches, method loading, calls from the value
//! stack, unpacking, exception matching and the send protocol of `yield from`/`await`.

use std::cell::Cell;

use crate::heap::cell_read::vec_get;
use crate::heap::{Gc, ObjKind, Value};
use crate::objects::*;

use super::eval::Exit;
use super::{Cache, MethodEntry, PyErr, PyResult, Vm};

impl Vm {
    pub(super) fn deref_name(&self, code: Gc<CodeObj>, i: usize) -> String {
        code.code.cellvars.iter().chain(code.code.freevars.iter()).nth(i).cloned().unwrap_or_default()
    }

    pub(super) fn type_version(&self, obj: Value) -> u64 {
        self.type_of(obj).get::<TypeObj>().map(|t| t.version.get()).unwrap_or(0)
    }

    /// An instance attribute read through the per-instruction cache.
    #[inline(always)]
    pub(super) fn attr_cache_get(&self, code: Gc<CodeObj>, at: usize, obj: Value) -> Option<Value> {
        let inst = obj.get::<InstanceObj>()?;
        let Some(Cache::Slot(es)) = vec_get(&code.caches, at) else { return None };
        let map = inst.map.get();
        let e = if es[0].map == map {
            es[0]
        } else if es[1].map == map {
            es[1]
        } else {
            return None;
        };
        if map.is_null() || instance_type_version(inst) != e.ty_ver {
            return None;
        }
        let v = vec_get(&inst.slots, e.index as usize)?;
        (!v.is_null()).then_some(v)
    }

    /// The method a `LoadMethod` cache holds for an instance whose class version and map
    /// it recorded (the map proves the instance has no attribute shadowing the method).
    #[inline(always)]
    pub(super) fn method_cache_hit(&self, code: Gc<CodeObj>, at: usize, obj: Value) -> Option<Value> {
        let inst = obj.get::<InstanceObj>()?;
        let Some(Cache::Method(es)) = vec_get(&code.caches, at) else { return None };
        let ty = inst.hdr().ty.get();
        let map = inst.map.get();
        let e = if es[0].ty == ty {
            es[0]
        } else if es[1].ty == ty {
            es[1]
        } else {
            return None;
        };
        if map.is_null() || e.map != map || instance_type_version(inst) != e.ty_ver {
            return None;
        }
        Some(e.func)
    }

    /// After a store: caches the slot written, or the map transition when the store added
    /// the attribute to an instance whose map was `before`.
    pub(super) fn attr_cache_fill_store(&mut self, code: Gc<CodeObj>, at: usize, obj: Value, name: Value, before: Value) {
        let Some(inst) = obj.get::<InstanceObj>() else { return };
        let after = inst.map.get();
        if after == before || before.is_null() {
            return self.attr_cache_fill(code, at, obj, name);
        }
        let (Some(bm), Some(am)) = (before.get::<MapObj>(), after.get::<MapObj>()) else { return };
        let index = bm.names.len();
        if am.names.len() != index + 1 || am.lookup(name) != Some(index) || !inst.dict.get().is_null() {
            return;
        }
        if !self.plain_attr_type(obj, name) {
            return;
        }
        let ty_ver = self.type_version(obj);
        if let Some(c) = code.caches.borrow_mut().get_mut(at) {
            *c = Cache::AddSlot { ty_ver, from: before, to: after, index: index as u32 };
        }
    }

    /// Whether attribute `name` of instances of `obj`'s type is a plain slot: no custom
    /// __getattribute__/__setattr__, no data descriptor of that name on the class.
    fn plain_attr_type(&mut self, obj: Value, name: Value) -> bool {
        let ty = self.type_of(obj);
        if ty.get::<TypeObj>().map(|t| t.has_flag(type_flags::CUSTOM_GETATTR | type_flags::CUSTOM_SETATTR)).unwrap_or(true) {
            return false;
        }
        if let Some(d) = self.lookup(ty, name) {
            // (a `__slots__` member stores its value in the map slot itself)
            if !matches!(d.kind(), Some(ObjKind::Function) | None | Some(ObjKind::Str) | Some(ObjKind::Float) | Some(ObjKind::BigInt) | Some(ObjKind::MemberDescr)) {
                return false;
            }
        }
        true
    }

    pub(super) fn attr_cache_fill(&mut self, code: Gc<CodeObj>, at: usize, obj: Value, name: Value) {
        let Some(inst) = obj.get::<InstanceObj>() else { return };
        let map = inst.map.get();
        let Some(m) = map.get::<MapObj>() else { return };
        let Some(index) = m.lookup(name) else { return };
        if !self.plain_attr_type(obj, name) {
            return;
        }
        let ty_ver = self.type_version(obj);
        if let Some(c) = code.caches.borrow_mut().get_mut(at) {
            *c = Cache::with_slot(*c, super::SlotEntry { ty_ver, map, index: index as u32 });
        }
    }

    /// LoadMethod: (function, self) when `name` is a plain method of the type, else
    /// (NULL, attribute).
    pub(super) fn load_method(&mut self, code: Gc<CodeObj>, at: usize, obj: Value, name: Value) -> PyResult<(Value, Value)> {
        let ty = self.type_of(obj);
        let tver = self.type_version(obj);
        if let Some(Cache::Method(es)) = vec_get(&code.caches, at) {
            for e in es {
                if e.ty == ty && e.ty_ver == tver {
                    let map = obj.get::<InstanceObj>().map(|i| i.map.get()).unwrap_or(Value::NULL);
                    if !map.is_null() && map == e.map {
                        return Ok((e.func, obj));
                    }
                    if map.is_null() && Self::holds_no_attributes(obj, ty) {
                        return Ok((e.func, obj));
                    }
                    if !self.shadowed(obj, name) {
                        if !map.is_null() && map.get::<MapObj>().is_some() {
                            if let Some(c) = code.caches.borrow_mut().get_mut(at) {
                                *c = Cache::with_method(*c, MethodEntry { ty, ty_ver: tver, func: e.func, map });
                            }
                        }
                        return Ok((e.func, obj));
                    }
                    break;
                }
            }
        }
        if ty == self.types.module {
            // `mod.f(...)`: a module's own globals come first (generic_getattr's order)
            if let Some(d) = obj.get::<ModuleObj>().map(|m| m.dict) {
                if let Some(v) = self.dict_get_str(d, name) {
                    return Ok((Value::NULL, v));
                }
            }
        }
        let custom = ty.get::<TypeObj>().map(|t| t.has_flag(type_flags::CUSTOM_GETATTR)).unwrap_or(false);
        if !custom && obj.kind() != Some(ObjKind::Type) && obj.kind() != Some(ObjKind::Module) {
            if let Some(f) = self.lookup(ty, name) {
                let plain = match f.kind() {
                    Some(ObjKind::Function) => true,
                    Some(ObjKind::Builtin) => f.get::<BuiltinObj>().map(|b| b.self_.is_null() && !b.owner.is_null()).unwrap_or(false),
                    _ => false,
                };
                if plain && !self.shadowed(obj, name) {
                    if let Some(c) = code.caches.borrow_mut().get_mut(at) {
                        *c = Cache::with_method(*c, MethodEntry { ty, ty_ver: tver, func: f, map: Value::NULL });
                    }
                    return Ok((f, obj));
                }
            }
        }
        let v = self.getattr(obj, name)?;
        Ok((Value::NULL, v))
    }

    /// Whether `obj`, of class `ty`, can hold no attributes of its own (`shadowed` is false
    /// for it): an instance of a builtin class without an instance dict. Functions,
    /// exceptions, class and static methods, modules, classes, io objects and the native
    /// objects that ask for one have a dict (an attribute set on a BytesIO hides the method
    /// of that name, as in CPython).
    #[inline]
    pub fn holds_no_attributes(obj: Value, ty: Value) -> bool {
        let dict_kind = match obj.kind() {
            None
            | Some(ObjKind::Instance)
            | Some(ObjKind::Function)
            | Some(ObjKind::Exception)
            | Some(ObjKind::ClassMethod)
            | Some(ObjKind::StaticMethod)
            | Some(ObjKind::Module)
            | Some(ObjKind::Type)
            | Some(ObjKind::Io) => true,
            Some(ObjKind::Native) => obj.get::<NativeObj>().is_some_and(|o| o.has_dict()),
            _ => false,
        };
        !dict_kind && ty.get::<TypeObj>().is_some_and(|t| !t.has_flag(type_flags::HEAPTYPE) && !t.has_flag(type_flags::INSTANCE_DICT))
    }

    /// Does the instance itself hold an attribute `name`?
    pub(super) fn shadowed(&mut self, obj: Value, name: Value) -> bool {
        if let Some(inst) = obj.get::<InstanceObj>() {
            let map = inst.map.get();
            if let Some(m) = map.get::<MapObj>() {
                if m.lookup(name).is_some() {
                    return true;
                }
            }
            let d = inst.dict.get();
            return !d.is_null() && self.dict_get_str(d, name).is_some();
        }
        match obj.kind() {
            Some(ObjKind::Instance) | None => false,
            _ => {
                let ty = self.type_of(obj);
                if Self::holds_no_attributes(obj, ty) {
                    false
                } else {
                    self.instance_dict(obj, false).map(|d| self.dict_get_str(d, name).is_some()).unwrap_or(false)
                }
            }
        }
    }

    /// Calls `func` with `argc` arguments starting at stack index `first` (and keyword
    /// values named by `kwnames`), popping `pop` slots plus the arguments' keyword values.
    /// Returns true when a Python frame was pushed (the loop continues in it).
    pub(super) fn call_from_stack(&mut self, func: Value, first: usize, argc: usize, kwnames: Value, pop: usize) -> PyResult<bool> {
        if kwnames.is_null() && self.push_simple_frame(func, first, argc, pop) {
            return Ok(true);
        }
        if kwnames.is_null() && argc <= 8 {
            if let Some((f, native)) = self.plain_native_call(func, first, argc) {
                let mut buf = [Value::NULL; 8];
                buf[..argc].copy_from_slice(&self.stack[first..first + argc]);
                let r = self.call_native_checked(f, native, &buf[..argc]);
                self.sp -= pop;
                let r = r?;
                self.push(r);
                return Ok(false);
            }
        }
        let mut buf = [Value::NULL; 16];
        let heap_args;
        let args: &[Value] = if argc <= 16 {
            buf[..argc].copy_from_slice(&self.stack[first..first + argc]);
            &buf[..argc]
        } else {
            heap_args = self.stack[first..first + argc].to_vec();
            &heap_args
        };
        if func.kind() == Some(ObjKind::Type) && argc < 16 {
            if let Some(init) = self.plain_init(func) {
                // Instantiating a plain class: allocate, then run __init__ as a frame of this
                // loop (no nested dispatch loop); its return value is replaced by the instance.
                let obj = self.new_instance(func);
                let mut buf2 = [Value::NULL; 17];
                buf2[0] = obj;
                buf2[1..argc + 1].copy_from_slice(args);
                let saved_sp = self.sp;
                self.sp -= pop;
                if let Err(e) = self.push_function_frame(init, &buf2[..argc + 1], kwnames, false) {
                    self.sp = saved_sp;
                    return Err(e);
                }
                if let Some(fr) = self.frames.last_mut() {
                    fr.init_self = obj;
                }
                return Ok(true);
            }
        }
        if let Some(f) = func.get::<FunctionObj>() {
            let is_gen = f.code.get().get::<CodeObj>().map(|c| c.code.is_generator_like()).unwrap_or(false);
            if !is_gen {
                let args_copy: Vec<Value>;
                let args = if argc <= 16 {
                    args
                } else {
                    args_copy = args.to_vec();
                    &args_copy
                };
                let saved_sp = self.sp;
                self.sp -= pop;
                if let Err(e) = self.push_function_frame(func, args, kwnames, false) {
                    self.sp = saved_sp;
                    return Err(e);
                }
                return Ok(true);
            }
        }
        let r = self.call_kw(func, args, kwnames);
        self.sp -= pop;
        let r = r?;
        self.push(r);
        Ok(false)
    }

    /// The native function of a method of a builtin class (`str.isdigit`) called with
    /// `argc` positional arguments at `first` whose first, self, is an instance of exactly
    /// that class, in the number the method's slot declares: the call `call_builtin` would
    /// make after its checks, which all pass. None for every other call.
    /// A plain builtin function (`len`: no self, no owner) qualifies as well: `call_builtin`
    /// calls it with the arguments as they are.
    #[inline]
    fn plain_native_call(&self, func: Value, first: usize, argc: usize) -> Option<(Value, super::NativeFn)> {
        let b = func.get::<BuiltinObj>()?;
        if !b.self_.is_null() {
            return None;
        }
        if b.owner.is_null() {
            return Some((func, b.func));
        }
        if argc == 0 || self.type_of(self.stack[first]) != b.owner {
            return None;
        }
        let n = argc - 1;
        let fits = match b.slot_args {
            NO_SLOT => true,
            SLOT_NOARGS => n == 0,
            k if k > SLOT_NOARGS => n == 1,
            k => n == k as usize,
        };
        // `X.__new__` (a builtin function, not a method descriptor) has its own checks
        (fits && self.type_of(func) != self.types.builtin_function).then_some((func, b.func))
    }

    /// The Python `__init__` of a class instantiated the default way (metaclass `type`,
    /// `object.__new__`, instances laid out by maps), if it has one.
    pub(super) fn plain_init(&mut self, cls: Value) -> Option<Value> {
        if self.type_of(cls) != self.types.type_ {
            return None;
        }
        let t = cls.get::<TypeObj>()?;
        if t.instance_kind != ObjKind::Instance || t.has_flag(type_flags::ABSTRACT) || t.has_flag(type_flags::EXCEPTION) {
            return None;
        }
        let new_name = self.hot_name(0);
        let obj_new = self.types.object.get::<TypeObj>().map(|o| o.dict).and_then(|d| self.dict_get_str(d, new_name));
        if self.lookup(cls, new_name) != obj_new {
            return None;
        }
        let init_name = self.hot_name(1);
        let init = self.lookup(cls, init_name)?;
        let f = init.get::<FunctionObj>()?;
        let is_gen = f.code.get().get::<CodeObj>().map(|c| c.code.is_generator_like()).unwrap_or(true);
        (!is_gen).then_some(init)
    }

    pub(super) fn call_ex(&mut self, func: Value, args: Value, kwargs: Value) -> PyResult<Value> {
        let pos: Vec<Value> = match args.get::<TupleObj>() {
            Some(t) => t.items.to_vec(),
            None => {
                if !self.is_iterable(args) {
                    let (fs, tn) = (self.function_str(func)?, self.type_name_of(args));
                    return Err(self.type_error(&format!("{fs} argument after * must be an iterable, not {tn}")));
                }
                let (_, v) = self.to_vec(args)?;
                v
            }
        };
        if kwargs.is_null() {
            return self.call(func, &pos);
        }
        let mut all = pos;
        let mut names = Vec::new();
        for (k, v) in self.dict_items(kwargs) {
            if k.kind() != Some(ObjKind::Str) {
                return Err(self.type_error("keywords must be strings"));
            }
            names.push(k);
            all.push(v);
        }
        let kwn = if names.is_empty() { Value::NULL } else { self.new_tuple(names) };
        self.call_kw(func, &all, kwn)
    }

    pub fn make_function(&mut self, codev: Value, globals: Value, defaults: Value, kwdefaults: Value, ann: Value, closure: Value) -> Value {
        let code = codev.get::<CodeObj>().expect("MakeFunction takes a code object");
        let doc = match &code.code.doc {
            Some(d) => self.new_str(d),
            None => self.none,
        };
        let modname = self.intern_static("__name__");
        let module = self.dict_get_str(globals, modname).unwrap_or(self.none);
        let t = self.types.function;
        self.alloc(
            t,
            FunctionObj {
                code: Cell::new(codev),
                globals,
                name: Cell::new(code.name),
                qualname: Cell::new(code.qualname),
                defaults: Cell::new(defaults),
                kwdefaults: Cell::new(kwdefaults),
                closure,
                doc: Cell::new(doc),
                dict: Cell::new(Value::NULL),
                annotations: Cell::new(ann),
                module: Cell::new(module),
            },
        )
        .value()
    }

    /// The sequence's items for unpacking into `n` targets (or n before a star and `after`).
    pub(super) fn unpack(&mut self, seq: Value, n: usize, after: Option<usize>) -> PyResult<Vec<Value>> {
        let items = match (seq.get::<ListObj>(), seq.get::<TupleObj>()) {
            (Some(l), _) => l.snapshot(),
            (_, Some(t)) => t.items.to_vec(),
            _ => {
                let it = match self.iter(seq) {
                    Ok(it) => it,
                    Err(e) => {
                        if self.isinstance(e.0, self.types.type_error) {
                            let tn = self.type_name_of(seq);
                            return Err(self.type_error(&format!("cannot unpack non-iterable {tn} object")));
                        }
                        return Err(e);
                    }
                };
                let holder = self.new_list(vec![]);
                let limit = if after.is_none() { Some(n + 1) } else { None };
                loop {
                    if let Some(l) = limit {
                        if holder.get::<ListObj>().map(|h| h.len()).unwrap_or(0) >= l {
                            break;
                        }
                    }
                    match self.next(it)? {
                        Some(v) => {
                            if let Some(h) = holder.get::<ListObj>() {
                                h.items.borrow_mut().push(v);
                            }
                        }
                        None => break,
                    }
                }
                holder.get::<ListObj>().map(|h| h.snapshot()).unwrap_or_default()
            }
        };
        match after {
            None => {
                if items.len() < n {
                    return Err(self.value_error(&format!("not enough values to unpack (expected {n}, got {})", items.len())));
                }
                if items.len() > n {
                    let msg = format!("too many values to unpack (expected {n})");
                    return Err(self.value_error(&msg));
                }
                Ok(items)
            }
            Some(after) => {
                if items.len() < n + after {
                    return Err(self.value_error(&format!(
                        "not enough values to unpack (expected at least {}, got {})",
                        n + after,
                        items.len()
                    )));
                }
                let mut out = items[..n].to_vec();
                let mid = items[n..items.len() - after].to_vec();
                let l = self.new_list(mid);
                out.push(l);
                out.extend_from_slice(&items[items.len() - after..]);
                Ok(out)
            }
        }
    }

    pub(super) fn list_extend(&mut self, l: Value, it: Value) -> PyResult<()> {
        let items = match (it.get::<ListObj>(), it.get::<TupleObj>()) {
            (Some(x), _) => x.snapshot(),
            (_, Some(t)) => t.items.to_vec(),
            _ => {
                let iter = match self.iter(it) {
                    Ok(i) => i,
                    Err(e) => {
                        if self.isinstance(e.0, self.types.type_error) {
                            let tn = self.type_name_of(it);
                            return Err(self.type_error(&format!("Value after * must be an iterable, not {tn}")));
                        }
                        return Err(e);
                    }
                };
                while let Some(v) = self.next(iter)? {
                    if let Some(l) = l.get::<ListObj>() {
                        l.items.borrow_mut().push(v);
                    }
                }
                return Ok(());
            }
        };
        if let Some(l) = l.get::<ListObj>() {
            l.items.borrow_mut().extend(items);
        }
        Ok(())
    }

    /// How CPython names a callable in call errors: `module.qualname()` (`qualname()` for
    /// builtins).
    pub fn function_str(&mut self, func: Value) -> PyResult<String> {
        let qn = self.intern_static("__qualname__");
        let q = match self.getattr_opt(func, qn)? {
            Some(q) if q.kind() == Some(ObjKind::Str) => self.str_of(q),
            _ => return self.str(func),
        };
        let mn = self.intern_static("__module__");
        match self.getattr_opt(func, mn)? {
            Some(m) if m.kind() == Some(ObjKind::Str) && self.str_of(m) != "builtins" => Ok(format!("{}.{q}()", self.str_of(m))),
            _ => Ok(format!("{q}()")),
        }
    }

    /// `f(**other)`: merges a mapping into the keyword dict of a call, refusing duplicates.
    pub fn dict_merge_kwargs(&mut self, d: Value, other: Value, func: Value) -> PyResult<()> {
        if other.kind() != Some(ObjKind::Dict) {
            let keys_name = self.intern_static("keys");
            if self.getattr_opt(other, keys_name)?.is_none() {
                let (fs, tn) = (self.function_str(func)?, self.type_name_of(other));
                return Err(self.type_error(&format!("{fs} argument after ** must be a mapping, not {tn}")));
            }
        }
        let Some(k) = self.dict_update_items(d, other, true)? else { return Ok(()) };
        let fs = self.function_str(func)?;
        if k.kind() == Some(ObjKind::Str) {
            let ks = self.repr(k)?;
            Err(self.type_error(&format!("{fs} got multiple values for keyword argument {ks}")))
        } else {
            Err(self.key_error(k))
        }
    }

    /// Adds the items of a mapping to dict `d` (`merge`: duplicate keys are an error).
    pub fn dict_update_from(&mut self, d: Value, other: Value, merge: bool) -> PyResult<()> {
        match self.dict_update_items(d, other, merge)? {
            None => Ok(()),
            Some(k) => {
                let ks = self.repr(k)?;
                Err(self.type_error(&format!("got multiple values for keyword argument {ks}")))
            }
        }
    }

    /// Adds the items of a mapping to `d`; with `merge`, stops at the first key already
    /// present and returns it.
    fn dict_update_items(&mut self, d: Value, other: Value, merge: bool) -> PyResult<Option<Value>> {
        // a dict whose class keeps dict's own __iter__ is copied in storage order; one that
        // iterates otherwise (OrderedDict) goes through keys(), as CPython's dict_merge
        let ot = self.type_of(other);
        let plain = other.kind() == Some(ObjKind::Dict) && (ot == self.types.dict || {
            let it = self.intern("__iter__");
            let dt = self.types.dict;
            self.lookup(ot, it) == self.lookup(dt, it)
        });
        if plain {
            for (k, v) in self.dict_items(other) {
                if merge && self.dict_get(d, k)?.is_some() {
                    return Ok(Some(k));
                }
                self.dict_set(d, k, v)?;
            }
            return Ok(None);
        }
        let keys_name = self.intern_static("keys");
        let Some(keys) = self.getattr_opt(other, keys_name)? else {
            let tn = self.type_name_of(other);
            return Err(self.type_error(&format!("'{tn}' object is not a mapping")));
        };
        let ks = self.call(keys, &[])?;
        let (_holder, ks) = self.to_vec(ks)?;
        for k in ks {
            let v = self.getitem(other, k)?;
            if merge && self.dict_get(d, k)?.is_some() {
                return Ok(Some(k));
            }
            self.dict_set(d, k, v)?;
        }
        Ok(None)
    }

    /// An exception instance from `raise X` (a class is instantiated).
    /// SETUP_ANNOTATIONS: an `__annotations__` dict in the namespace unless it has one
    /// (a mapping namespace is read and written through its item methods).
    pub fn setup_annotations(&mut self, ns: Value, n: Value) -> PyResult<()> {
        if ns.kind() == Some(ObjKind::Dict) && !self.is_heap_type(ns) {
            if self.dict_get_str(ns, n).is_none() {
                let d = self.new_dict();
                self.dict_set(ns, n, d)?;
            }
            return Ok(());
        }
        match self.getitem(ns, n) {
            Ok(_) => Ok(()),
            Err(e) if self.isinstance(e.0, self.types.key_error) => {
                let d = self.new_dict();
                self.setitem(ns, n, d)
            }
            Err(e) => Err(e),
        }
    }

    pub fn make_exception(&mut self, v: Value) -> PyResult<PyErr> {
        if self.is_type(v) && self.is_subtype(v, self.types.base_exception) {
            let e = self.call(v, &[])?;
            if !self.isinstance(e, self.types.base_exception) {
                let tn = self.type_name_of(e);
                return Err(self.type_error(&format!("calling {} should have returned an instance of BaseException, not {tn}", self.type_name(v))));
            }
            return Ok(PyErr(e));
        }
        if self.isinstance(v, self.types.base_exception) {
            return Ok(PyErr(v));
        }
        Err(self.type_error("exceptions must derive from BaseException"))
    }

    /// An `except` clause's class, or each class of its tuple (no nesting), must derive
    /// from BaseException, checked before matching (3.11's check_except_type_valid).
    pub fn except_match(&mut self, exc: Value, ty: Value) -> PyResult<bool> {
        if let Some(t) = ty.get::<TupleObj>() {
            let base = self.types.base_exception;
            if t.items.iter().any(|&x| !(self.is_type(x) && self.is_subtype(x, base))) {
                return Err(self.type_error("catching classes that do not inherit from BaseException is not allowed"));
            }
        }
        self.exception_matches(exc, ty)
    }

    pub fn exception_matches(&mut self, exc: Value, ty: Value) -> PyResult<bool> {
        if let Some(t) = ty.get::<TupleObj>() {
            for &x in t.items.iter() {
                if self.exception_matches(exc, x)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        if !self.is_type(ty) || !self.is_subtype(ty, self.types.base_exception) {
            return Err(self.type_error("catching classes that do not inherit from BaseException is not allowed"));
        }
        Ok(self.isinstance(exc, ty))
    }

    /// Sends into a sub-iterator of `yield from`/`await`.
    pub(super) fn send_to(&mut self, recv: Value, value: Value) -> PyResult<Exit> {
        if recv.kind() == Some(ObjKind::Generator) {
            return self.gen_send_delegating(recv, value, None);
        }
        if self.type_of(recv) == self.types.async_gen_asend {
            return self.asend_step(recv, value, None);
        }
        let r = if value == self.none {
            match self.next(recv)? {
                Some(v) => return Ok(Exit::Yield(v)),
                None => return Ok(Exit::Return(self.none)),
            }
        } else {
            self.call_method_str(recv, "send", &[value])
        };
        match r {
            Ok(v) => Ok(Exit::Yield(v)),
            Err(e) if self.isinstance(e.0, self.types.stop_iteration) => {
                let v = self.exc_args(e.0).first().copied().unwrap_or(self.none);
                Ok(Exit::Return(v))
            }
            Err(e) => Err(e),
        }
    }

    pub fn call_method_str(&mut self, obj: Value, name: &str, args: &[Value]) -> PyResult<Value> {
        let f = self.getattr_str(obj, name)?;
        self.call(f, args)
    }

    pub fn get_awaitable(&mut self, v: Value) -> PyResult<Value> {
        if v.kind() == Some(ObjKind::Generator) && self.type_of(v) == self.types.coroutine {
            return Ok(v);
        }
        // a generator whose code types.coroutine marked CO_ITERABLE_COROUTINE
        if let Some(g) = v.get::<GeneratorObj>() {
            let flags = g.code.get::<CodeObj>().map(|c| c.code.flags).unwrap_or(0);
            if self.type_of(v) == self.types.generator && flags & 0x100 != 0 {
                return Ok(v);
            }
        }
        let ty = self.type_of(v);
        let n = self.intern_static("__await__");
        match self.lookup(ty, n) {
            Some(f) => {
                let it = self.call(f, &[v])?;
                if it.kind() == Some(ObjKind::Generator) && self.type_of(it) == self.types.coroutine {
                    return Err(self.type_error("__await__() returned a coroutine"));
                }
                Ok(it)
            }
            None => {
                let tn = self.type_name(ty);
                Err(self.type_error(&format!("object {tn} can't be used in 'await' expression")))
            }
        }
    }

    /// Async generators wrap yielded values so `asend` can tell them from awaits.
    pub(super) fn wrap_async_yield(&mut self, gen: Value, v: Value) -> Value {
        match gen.get::<GeneratorObj>() {
            Some(g) if g.flavor == 2 => {
                let t = self.types.async_gen_wrapped;
                self.alloc(t, TupleObj { items: vec![v].into_boxed_slice() }).value()
            }
            _ => v,
        }
    }

    /// One step of an async generator's asend/athrow/aclose awaitable.
    pub fn asend_step(&mut self, obj: Value, sent: Value, exc: Option<PyErr>) -> PyResult<Exit> {
        let Some(io) = obj.get::<IterObj>() else { return Err(self.type_error("expected an async generator awaitable")) };
        let (gen, mut value, mut mode, started) = match &*io.state.borrow() {
            IterState::AsyncGen { gen, value, mode, started } => (*gen, *value, *mode, *started),
            _ => return Err(self.runtime_error("cannot reuse already awaited __anext__()/asend()")),
        };
        if let IterState::AsyncGen { started, .. } = &mut *io.state.borrow_mut() {
            *started = true;
        }
        // mode 3: anext(it, default) — an asend whose exhaustion returns `default`
        let default = if mode == 3 { Some(value) } else { None };
        if mode == 3 {
            mode = 0;
            value = self.none;
        }
        let r = if exc.is_some() {
            self.gen_send_delegating(gen, self.none, exc)
        } else if !started && mode != 0 {
            let e = if mode == 2 {
                let t = self.types.generator_exit;
                PyErr(self.new_exc_args(t, self.empty_tuple))
            } else {
                PyErr(value)
            };
            self.gen_send_delegating(gen, self.none, Some(e))
        } else {
            let v = if !started && sent == self.none { value } else { sent };
            let v = if v.is_null() { self.none } else { v };
            self.gen_send_delegating(gen, v, None)
        };
        let wrapped = self.types.async_gen_wrapped;
        let finish = |vm: &mut Vm| {
            if let Some(io) = obj.get::<IterObj>() {
                *io.state.borrow_mut() = IterState::Done;
            }
            let _ = vm;
        };
        match r {
            Ok(Exit::Yield(v)) if self.type_of(v) == wrapped => {
                finish(self);
                if mode == 2 {
                    return Err(self.runtime_error("async generator ignored GeneratorExit"));
                }
                let inner = v.get::<TupleObj>().map(|t| t.items[0]).unwrap_or(self.none);
                Ok(Exit::Return(inner))
            }
            Ok(Exit::Yield(v)) => Ok(Exit::Yield(v)),
            Ok(Exit::Return(_)) => {
                finish(self);
                if mode == 2 {
                    return Ok(Exit::Return(self.none));
                }
                if let Some(d) = default {
                    return Ok(Exit::Return(d));
                }
                let t = self.types.stop_async_iteration;
                Err(PyErr(self.new_exc_args(t, self.empty_tuple)))
            }
            Err(e) => {
                finish(self);
                if mode == 2 && (self.isinstance(e.0, self.types.generator_exit) || self.isinstance(e.0, self.types.stop_async_iteration)) {
                    return Ok(Exit::Return(self.none));
                }
                Err(e)
            }
        }
    }
}

/// The version of an instance's class (what attribute caches check): one load through the
/// header instead of `type_of`'s tag tests.
#[inline(always)]
pub(super) fn instance_type_version(inst: Gc<InstanceObj>) -> u64 {
    inst.hdr().ty.get().get::<TypeObj>().map(|t| t.version.get()).unwrap_or(0)
}
