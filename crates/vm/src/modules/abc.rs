//! The `_abc` module: the machinery behind abc.ABCMeta (registration, isinstance and
//! issubclass with their caches), as CPython's Modules/_abc.c. Each ABC's `_abc_impl`
//! holds its registry and its positive and negative caches as sets of class addresses,
//! weak as CPython's WeakSets: `after_mark` drops the classes the collector found dead,
//! before their memory can be reused.

use std::cell::{Cell, RefCell};
use std::collections::HashSet;
use std::rc::{Rc, Weak};

use crate::heap::gc::Heap;
use crate::heap::{ObjKind, Tracer, Value};
use crate::interp::{NativeFn, PyResult, Vm};
use crate::objects::{NativeData, NativeObj, TupleObj, TypeObj};

type ClassSet = Rc<RefCell<HashSet<u64>>>;

crate::gil_local! {
    /// Every set of every ABC, for the purge after marking.
    static SETS: RefCell<Vec<Weak<RefCell<HashSet<u64>>>>> = const { RefCell::new(Vec::new()) };
    /// Bumped by every registration: negative caches older than it are stale.
    static INVALIDATION: Cell<u64> = const { Cell::new(0) };
    /// The `_abc_data` class.
    static DATA_TYPE: Cell<Value> = const { Cell::new(Value::NULL) };
}

/// Called by the collector between marking and sweeping: forgets dead classes.
pub fn after_mark() {
    SETS.with(|s| {
        s.borrow_mut().retain(|w| match w.upgrade() {
            Some(set) => {
                set.borrow_mut().retain(|&a| Heap::is_marked(Value::from_raw(a)));
                true
            }
            None => false,
        })
    });
}

fn new_set() -> ClassSet {
    let s: ClassSet = Rc::new(RefCell::new(HashSet::new()));
    SETS.with(|v| v.borrow_mut().push(Rc::downgrade(&s)));
    s
}

/// The state of one ABC (`cls._abc_impl`).
struct AbcData {
    registry: ClassSet,
    cache: ClassSet,
    negative: ClassSet,
    negative_version: Cell<u64>,
}

impl NativeData for AbcData {
    fn trace(&self, _t: &mut Tracer) {}
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }
}

/// The sets of `cls` (registry, cache, negative cache, negative version).
fn impl_of(vm: &mut Vm, cls: Value) -> PyResult<(ClassSet, ClassSet, ClassSet, u64)> {
    let d = vm.getattr_str(cls, "_abc_impl")?;
    let r = d.get::<NativeObj>().and_then(|o| o.with(|s: &mut AbcData| (s.registry.clone(), s.cache.clone(), s.negative.clone(), s.negative_version.get())));
    r.ok_or_else(|| vm.type_error("_abc_impl is set to a wrong type"))
}

fn set_negative_version(vm: &mut Vm, cls: Value, v: u64) -> PyResult<()> {
    let d = vm.getattr_str(cls, "_abc_impl")?;
    if let Some(o) = d.get::<NativeObj>() {
        o.with(|s: &mut AbcData| s.negative_version.set(v));
    }
    Ok(())
}

fn arg2(vm: &mut Vm, a: &[Value], name: &str) -> PyResult<(Value, Value)> {
    if a.len() != 2 {
        return Err(vm.type_error(&format!("{name} expected 2 arguments, got {}", a.len())));
    }
    Ok((a[0], a[1]))
}

fn arg1(vm: &mut Vm, a: &[Value], name: &str) -> PyResult<Value> {
    if a.len() != 1 {
        return Err(vm.type_error(&format!("{name}() takes exactly one argument ({} given)", a.len())));
    }
    Ok(a[0])
}

fn is_abstract(vm: &mut Vm, v: Value) -> PyResult<bool> {
    let n = vm.intern("__isabstractmethod__");
    match vm.getattr_opt(v, n)? {
        Some(x) => vm.truthy(x),
        None => Ok(false),
    }
}

/// _abc_init(cls): computes `__abstractmethods__` and gives the class its `_abc_impl`.
fn abc_init(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let cls = arg1(vm, a, "_abc_init")?;
    let mut abstracts: Vec<Value> = Vec::new();
    let ns = vm.getattr_str(cls, "__dict__")?;
    let items = vm.call_method_str(ns, "items", &[])?;
    let (_h, pairs) = vm.to_vec(items)?;
    for p in pairs {
        let (k, v) = match p.get::<TupleObj>() {
            Some(t) if t.items.len() == 2 => (t.items[0], t.items[1]),
            _ => return Err(vm.type_error("items() returned item which is not a 2-tuple")),
        };
        if is_abstract(vm, v)? {
            abstracts.push(k);
        }
    }
    let bases = vm.getattr_str(cls, "__bases__")?;
    let Some(bt) = bases.get::<TupleObj>() else { return Err(vm.type_error("__bases__ is not tuple")) };
    let bases: Vec<Value> = bt.items.to_vec();
    let am = vm.intern("__abstractmethods__");
    for base in bases {
        let Some(names) = vm.getattr_opt(base, am)? else { continue };
        let (_h2, names) = vm.to_vec(names)?;
        for n in names {
            let Some(v) = vm.getattr_opt(cls, n)? else { continue };
            if is_abstract(vm, v)? {
                abstracts.push(n);
            }
        }
    }
    let fs = vm.types.frozenset;
    let list = vm.new_list(abstracts);
    let frozen = vm.call(fs, &[list])?;
    vm.setattr(cls, am, frozen)?;
    let t = DATA_TYPE.with(|c| c.get());
    let data = AbcData { registry: new_set(), cache: new_set(), negative: new_set(), negative_version: Cell::new(INVALIDATION.with(|c| c.get())) };
    let d = vm.alloc(t, NativeObj::new(Box::new(data), None)).value();
    let n = vm.intern("_abc_impl");
    vm.setattr(cls, n, d)?;
    Ok(vm.none)
}

fn issubclass(vm: &mut Vm, sub: Value, cls: Value) -> PyResult<bool> {
    crate::builtins::funcs::class_check(vm, sub, cls, false)
}

/// _abc_register(cls, subclass).
fn abc_register(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let (cls, sub) = arg2(vm, a, "_abc_register")?;
    if !vm.is_type(sub) {
        return Err(vm.type_error("Can only register classes"));
    }
    if issubclass(vm, sub, cls)? {
        return Ok(sub);
    }
    if issubclass(vm, cls, sub)? {
        return Err(vm.runtime_error("Refusing to create an inheritance cycle"));
    }
    let (registry, ..) = impl_of(vm, cls)?;
    registry.borrow_mut().insert(sub.raw());
    INVALIDATION.with(|c| c.set(c.get() + 1));
    Ok(sub)
}

/// The class of an object as `__class__` says (the type itself for builtin types).
fn class_of(vm: &mut Vm, obj: Value) -> PyResult<Value> {
    if !vm.is_heap_type(obj) {
        return Ok(vm.type_of(obj));
    }
    vm.getattr_str(obj, "__class__")
}

fn call_subclasscheck(vm: &mut Vm, cls: Value, sub: Value) -> PyResult<Value> {
    vm.call_method_str(cls, "__subclasscheck__", &[sub])
}

/// _abc_instancecheck(cls, instance).
fn abc_instancecheck(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let (cls, inst) = arg2(vm, a, "_abc_instancecheck")?;
    let (_, cache, negative, neg_version) = impl_of(vm, cls)?;
    let subclass = class_of(vm, inst)?;
    if cache.borrow().contains(&subclass.raw()) {
        return Ok(vm.true_);
    }
    let subtype = vm.type_of(inst);
    if subtype == subclass {
        if neg_version == INVALIDATION.with(|c| c.get()) && negative.borrow().contains(&subclass.raw()) {
            return Ok(vm.false_);
        }
        return call_subclasscheck(vm, cls, subclass);
    }
    let r = call_subclasscheck(vm, cls, subclass)?;
    if vm.truthy(r)? {
        return Ok(r);
    }
    call_subclasscheck(vm, cls, subtype)
}

/// _abc_subclasscheck(cls, subclass).
fn abc_subclasscheck(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let (cls, sub) = arg2(vm, a, "_abc_subclasscheck")?;
    if !vm.is_type(sub) {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    }
    let (registry, cache, negative, neg_version) = impl_of(vm, cls)?;
    let key = sub.raw();
    if cache.borrow().contains(&key) {
        return Ok(vm.true_);
    }
    let counter = INVALIDATION.with(|c| c.get());
    if neg_version < counter {
        negative.borrow_mut().clear();
        set_negative_version(vm, cls, counter)?;
    } else if negative.borrow().contains(&key) {
        return Ok(vm.false_);
    }
    // the subclass hook
    let ok = vm.call_method_str(cls, "__subclasshook__", &[sub])?;
    if ok == vm.true_ {
        cache.borrow_mut().insert(key);
        return Ok(vm.true_);
    }
    if ok == vm.false_ {
        negative.borrow_mut().insert(key);
        return Ok(vm.false_);
    }
    if ok != vm.not_implemented {
        let t = vm.types.assertion_error;
        return Err(vm.err(t, "__subclasshook__ must return either False, True, or NotImplemented"));
    }
    // a direct subclass
    let mro: Vec<Value> = sub.get::<TypeObj>().map(|t| t.mro.borrow().clone()).unwrap_or_default();
    if mro.contains(&cls) {
        cache.borrow_mut().insert(key);
        return Ok(vm.true_);
    }
    // a registered class (not cached, as CPython's fast path), or a subclass of one
    if registry.borrow().contains(&key) {
        return Ok(vm.true_);
    }
    let registered: Vec<Value> = registry.borrow().iter().map(|&r| Value::from_raw(r)).collect();
    for r in registered {
        if issubclass(vm, sub, r)? {
            cache.borrow_mut().insert(key);
            return Ok(vm.true_);
        }
    }
    // a subclass of a subclass
    let subs = vm.call_method_str(cls, "__subclasses__", &[])?;
    let (_h, subs) = vm.to_vec(subs)?;
    for s in subs {
        if issubclass(vm, sub, s)? {
            cache.borrow_mut().insert(key);
            return Ok(vm.true_);
        }
    }
    negative.borrow_mut().insert(key);
    Ok(vm.false_)
}

/// A set of weak references to the classes, as CPython's WeakSet internals.
fn set_of(vm: &mut Vm, s: &ClassSet) -> PyResult<Value> {
    let classes: Vec<Value> = s.borrow().iter().map(|&r| Value::from_raw(r)).collect();
    let n = vm.intern("_weakref");
    let mods = vm.modules;
    let wr = match vm.dict_get(mods, n)? {
        Some(m) => m,
        None => {
            let (none, zero) = (vm.none, vm.new_int(0));
            super::import::import_name(vm, n, Value::NULL, none, zero)?
        }
    };
    let make = vm.getattr_str(wr, "ref")?;
    let mut items = Vec::with_capacity(classes.len());
    for c in classes {
        items.push(vm.call(make, &[c])?);
    }
    let list = vm.new_list(items);
    let st = vm.types.set;
    vm.call(st, &[list])
}

/// _get_dump(cls): (registry, cache, negative cache, negative cache version).
fn get_dump(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let cls = arg1(vm, a, "_get_dump")?;
    let (registry, cache, negative, version) = impl_of(vm, cls)?;
    let r = set_of(vm, &registry)?;
    let c = set_of(vm, &cache)?;
    let n = set_of(vm, &negative)?;
    let v = vm.new_int(version as i64);
    Ok(vm.new_tuple(vec![r, c, n, v]))
}

fn reset_registry(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let cls = arg1(vm, a, "_reset_registry")?;
    let (registry, ..) = impl_of(vm, cls)?;
    registry.borrow_mut().clear();
    Ok(vm.none)
}

fn reset_caches(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let cls = arg1(vm, a, "_reset_caches")?;
    let (_, cache, negative, _) = impl_of(vm, cls)?;
    cache.borrow_mut().clear();
    negative.borrow_mut().clear();
    Ok(vm.none)
}

fn get_cache_token(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    let t = INVALIDATION.with(|c| c.get());
    Ok(vm.new_int(t as i64))
}

pub fn register(vm: &mut Vm) {
    let m = super::new_module(vm, "_abc");
    let fns: &[(&'static str, NativeFn)] = &[
        ("get_cache_token", get_cache_token),
        ("_abc_init", abc_init),
        ("_abc_register", abc_register),
        ("_abc_instancecheck", abc_instancecheck),
        ("_abc_subclasscheck", abc_subclasscheck),
        ("_get_dump", get_dump),
        ("_reset_registry", reset_registry),
        ("_reset_caches", reset_caches),
    ];
    for &(n, f) in fns {
        super::add_fn(vm, m, n, f);
    }
    let object = vm.types.object;
    let t = vm.make_type("_abc_data", object, ObjKind::Native, 0);
    if let Some(d) = t.get::<TypeObj>().map(|t| t.dict) {
        let mn = vm.new_str("_abc");
        vm.dict_set_str(d, "__module__", mn);
    }
    vm.permanent.push(t);
    DATA_TYPE.with(|c| c.set(t));
    let doc = vm.new_str("Module contains faster C implementation of abc.ABCMeta");
    super::set_attr(vm, m, "__doc__", doc);
}
