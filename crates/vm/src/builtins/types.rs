//! object, type, and the descriptor/iterator/generator classes; special attributes.

use std::cell::Cell;

use crate::heap::{ObjKind, Value};
use crate::interp::{Exit, PyErr, PyResult, Vm};
use crate::objects::*;

use super::{arg, arity, getset, getset_del, method, split_kw, static_method};

// ---- object ----

fn object_new(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let cls = arg(vm, args, 0, "object.__new__")?;
    if !vm.is_type(cls) {
        return Err(vm.type_error("object.__new__(X): X is not a type object"));
    }
    let t = cls.get::<TypeObj>().expect("type");
    if t.has_flag(type_flags::ABSTRACT) {
        let n = t.name.borrow().clone();
        // CPython names the abstract methods, sorted
        let mut names: Vec<String> = match vm.dict_get_by_str(t.dict, "__abstractmethods__") {
            Some(am) => vm.to_vec(am)?.1.iter().map(|m| vm.str_of(*m)).collect(),
            None => vec![],
        };
        names.sort();
        let s = if names.len() == 1 { "" } else { "s" };
        return Err(vm.type_error(&format!("Can't instantiate abstract class {n} with abstract method{s} {}", names.join(", "))));
    }
    if args.len() > 1 {
        // excess arguments are an error only when __init__ is not overridden
        let init = vm.intern("__init__");
        let new = vm.intern("__new__");
        let obj_t = vm.types.object;
        let init_over = vm.lookup(cls, init) != vm.lookup(obj_t, init);
        let new_over = vm.lookup(cls, new) != vm.lookup(obj_t, new);
        if new_over {
            return Err(vm.type_error("object.__new__() takes exactly one argument (the type to instantiate)"));
        }
        if !init_over {
            let n = t.name.borrow().clone();
            return Err(vm.type_error(&format!("{n}() takes no arguments")));
        }
    }
    match t.instance_kind {
        ObjKind::Instance => Ok(vm.new_instance(cls)),
        ObjKind::Exception => Ok(vm.new_exc_args(cls, vm.empty_tuple)),
        _ => {
            let n = t.name.borrow().clone();
            Err(vm.type_error(&format!("object.__new__({n}) is not safe, use {n}.__new__()")))
        }
    }
}

fn object_init(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    let s = args[0];
    let extra = args.len() > 1 || !kw.is_null();
    if extra {
        let ty = vm.type_of(s);
        let init = vm.intern("__init__");
        let new = vm.intern("__new__");
        let obj_t = vm.types.object;
        let init_over = vm.lookup(ty, init) != vm.lookup(obj_t, init);
        let new_over = vm.lookup(ty, new) != vm.lookup(obj_t, new);
        if init_over || !new_over {
            let n = vm.type_name(ty);
            let msg = if init_over { "object.__init__() takes exactly one argument (the instance to initialize)".to_string() } else { format!("{n}.__init__() takes exactly one argument (the instance to initialize)") };
            return Err(vm.type_error(&msg));
        }
    }
    Ok(vm.none)
}

fn object_repr(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let s = super::repr::default_repr(vm, args[0]);
    Ok(vm.new_string(s))
}

fn object_str(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    vm.repr_value(args[0])
}

fn object_eq(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    Ok(if args[0] == args[1] { vm.true_ } else { vm.not_implemented })
}

fn object_ne(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    // __ne__ delegates to __eq__
    let ty = vm.type_of(args[0]);
    let n = vm.intern("__eq__");
    if let Some(f) = vm.lookup(ty, n) {
        let r = vm.call(f, &[args[0], args[1]])?;
        if r == vm.not_implemented {
            return Ok(r);
        }
        let b = vm.truthy(r)?;
        return Ok(vm.bool_val(!b));
    }
    Ok(vm.not_implemented)
}

fn object_cmp_ni(vm: &mut Vm, _args: &[Value], _kw: Value) -> PyResult<Value> {
    Ok(vm.not_implemented)
}

fn object_hash(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    Ok(vm.new_int((args[0].raw() >> 4) as i64))
}

fn object_format(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let spec = arg(vm, args, 1, "__format__")?;
    if spec.kind() != Some(ObjKind::Str) {
        let tn = if spec == vm.none { "None".to_string() } else { vm.type_name_of(spec) };
        return Err(vm.type_error(&format!("__format__() argument must be str, not {tn}")));
    }
    if !vm.str_of(spec).is_empty() {
        let tn = vm.type_name_of(args[0]);
        return Err(vm.type_error(&format!("unsupported format string passed to {tn}.__format__")));
    }
    vm.str_value(args[0])
}

fn object_getattribute(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let name = arg(vm, args, 1, "__getattribute__")?;
    if name.kind() != Some(ObjKind::Str) {
        let tn = vm.type_name_of(name);
        return Err(vm.type_error(&format!("attribute name must be string, not '{tn}'")));
    }
    let n = vm.intern_value(name);
    match vm.generic_getattr(args[0], n)? {
        Some(v) => Ok(v),
        None => Err(vm.no_attribute(args[0], n)),
    }
}

fn object_setattr(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    arity(vm, args, 3, 3, "__setattr__")?;
    if args[1].kind() != Some(ObjKind::Str) {
        let tn = vm.type_name_of(args[1]);
        return Err(vm.type_error(&format!("attribute name must be string, not '{tn}'")));
    }
    let n = vm.intern_value(args[1]);
    vm.generic_setattr(args[0], n, args[2])?;
    Ok(vm.none)
}

fn object_delattr(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    arity(vm, args, 2, 2, "__delattr__")?;
    if args[1].kind() != Some(ObjKind::Str) {
        let tn = vm.type_name_of(args[1]);
        return Err(vm.type_error(&format!("attribute name must be string, not '{tn}'")));
    }
    let n = vm.intern_value(args[1]);
    let ty = vm.type_of(args[0]);
    // skip a Python-level __delattr__ (we are it)
    let flags = ty.get::<TypeObj>().map(|t| t.flags.get()).unwrap_or(0);
    if let Some(t) = ty.get::<TypeObj>() {
        t.flags.set(flags & !type_flags::CUSTOM_SETATTR);
    }
    let r = vm.delattr(args[0], n);
    if let Some(t) = ty.get::<TypeObj>() {
        t.flags.set(flags);
    }
    r?;
    Ok(vm.none)
}

fn object_dir(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let names = vm.dir_names(args[0])?;
    Ok(vm.new_list(names))
}

fn object_init_subclass(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    let (_, kws) = split_kw(vm, args, kw);
    if !kws.is_empty() {
        let tn = vm.type_name(args[0]);
        return Err(vm.type_error(&format!("{tn}.__init_subclass__() takes no keyword arguments")));
    }
    Ok(vm.none)
}

fn object_subclasshook(vm: &mut Vm, _args: &[Value], _kw: Value) -> PyResult<Value> {
    Ok(vm.not_implemented)
}

fn object_class_get(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    Ok(vm.type_of(args[0]))
}

pub(super) fn set_class(vm: &mut Vm, obj: Value, cls: Value) -> PyResult<Value> {
    object_class_set(vm, &[obj, cls], Value::NULL)
}

fn object_class_set(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let (obj, cls) = (args[0], args[1]);
    if !vm.is_type(cls) {
        let tn = vm.type_name_of(cls);
        return Err(vm.type_error(&format!("__class__ must be set to a class, not '{tn}' object")));
    }
    let old = vm.type_of(obj);
    let (ok, ok2) = (
        old.get::<TypeObj>().map(|t| t.instance_kind) == cls.get::<TypeObj>().map(|t| t.instance_kind),
        cls.get::<TypeObj>().map(|t| t.has_flag(type_flags::HEAPTYPE)).unwrap_or(false),
    );
    if !ok || !ok2 || obj.kind() != Some(ObjKind::Instance) {
        return Err(vm.type_error("__class__ assignment only supported for mutable types or ModuleType subclasses"));
    }
    if let Some(h) = obj.header() {
        h.ty.set(cls);
    }
    if let Some(i) = obj.get::<InstanceObj>() {
        // the map belonged to the old class's layout; keep attributes via a dict
        let _ = vm.instance_dict(obj, true);
        let _ = i;
    }
    Ok(vm.none)
}

fn object_dict_get(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    match vm.instance_dict(args[0], true) {
        Some(d) => Ok(d),
        None => {
            let tn = vm.type_name_of(args[0]);
            Err(vm.attribute_error(&format!("'{tn}' object has no attribute '__dict__'")))
        }
    }
}

// ---- type ----

fn type_new(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    let (pos, kws) = split_kw(vm, args, kw);
    if pos.len() == 2 && pos[0] == vm.types.type_ {
        return Ok(vm.type_of(pos[1]));
    }
    if pos.len() != 4 {
        return Err(vm.type_error("type() takes 1 or 3 arguments"));
    }
    let (meta, name, bases, ns) = (pos[0], pos[1], pos[2], pos[3]);
    if name.kind() != Some(ObjKind::Str) {
        let tn = vm.type_name_of(name);
        return Err(vm.type_error(&format!("type.__new__() argument 1 must be str, not {tn}")));
    }
    let Some(bt) = bases.get::<TupleObj>() else {
        let tn = vm.type_name_of(bases);
        return Err(vm.type_error(&format!("type.__new__() argument 2 must be tuple, not {tn}")));
    };
    let bases_v = bt.items.to_vec();
    if ns.kind() != Some(ObjKind::Dict) {
        let tn = vm.type_name_of(ns);
        return Err(vm.type_error(&format!("type.__new__() argument 3 must be dict, not {tn}")));
    }
    vm.create_class(meta, name, bases_v, ns, &kws)
}

fn type_init(vm: &mut Vm, _args: &[Value], _kw: Value) -> PyResult<Value> {
    Ok(vm.none)
}

fn type_call(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    let cls = arg(vm, args, 0, "type.__call__")?;
    vm.type_call_default(cls, &args[1..], kw)
}

fn type_repr(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    match super::repr::native_repr(vm, args[0])? {
        Some(s) => Ok(vm.new_string(s)),
        None => Ok(vm.empty_str),
    }
}

fn type_mro(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let Some(t) = args[0].get::<TypeObj>() else {
        return Err(vm.type_error("descriptor 'mro' requires a 'type' object"));
    };
    // a class's C3 linearization from its bases (a metaclass's mro() may call this while
    // the class is being made, before its MRO is set)
    let m = if t.has_flag(type_flags::HEAPTYPE) {
        let bases = t.bases.borrow().clone();
        vm.c3_mro(args[0], &bases)?
    } else {
        t.mro.borrow().clone()
    };
    Ok(vm.new_list(m))
}

fn type_subclasses(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let m = args[0].get::<TypeObj>().map(|t| t.subclasses.borrow().clone()).unwrap_or_default();
    Ok(vm.new_list(m))
}

fn type_instancecheck(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    super::marity(vm, args, 2, 2, "type.__instancecheck__")?;
    let r = vm.isinstance(args[1], args[0]);
    Ok(vm.bool_val(r))
}

fn type_subclasscheck(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    super::marity(vm, args, 2, 2, "type.__subclasscheck__")?;
    let r = vm.is_type(args[1]) && vm.is_subtype(args[1], args[0]);
    Ok(vm.bool_val(r))
}

fn type_prepare(vm: &mut Vm, _args: &[Value], _kw: Value) -> PyResult<Value> {
    Ok(vm.new_dict())
}

fn type_or(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    super::marity(vm, args, 2, 2, "__or__")?;
    vm.make_union(args[0], args[1])
}

fn type_ror(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    super::marity(vm, args, 2, 2, "__ror__")?;
    vm.make_union(args[1], args[0])
}

// ---- property, classmethod, staticmethod, super ----

fn property_new(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    let (pos, kws) = split_kw(vm, args, kw);
    let cls = pos[0];
    let none = vm.none;
    let mut parts = [none, none, none, none];
    for (i, &v) in pos[1..].iter().enumerate().take(4) {
        parts[i] = v;
    }
    for (k, v) in kws {
        match k.as_str() {
            "fget" => parts[0] = v,
            "fset" => parts[1] = v,
            "fdel" => parts[2] = v,
            "doc" => parts[3] = v,
            _ => return Err(vm.type_error(&format!("property() got an unexpected keyword argument '{k}'"))),
        }
    }
    let nul = |v: Value| if v == none { Value::NULL } else { v };
    let mut doc = parts[3];
    if doc == none && parts[0] != none {
        let d = vm.intern("__doc__");
        doc = vm.getattr_opt(parts[0], d)?.unwrap_or(none);
    }
    let p = PropertyObj { fget: nul(parts[0]), fset: nul(parts[1]), fdel: nul(parts[2]), doc: Cell::new(doc), name: Cell::new(Value::NULL) };
    if cls == vm.types.property {
        return Ok(vm.alloc(cls, p).value());
    }
    Ok(vm.alloc(cls, p).value())
}

fn property_copy(vm: &mut Vm, p: Value, which: usize, f: Value) -> PyResult<Value> {
    let pr = p.get::<PropertyObj>().ok_or_else(|| vm.type_error("descriptor requires a property"))?;
    let mut parts = [pr.fget, pr.fset, pr.fdel];
    parts[which] = if f == vm.none { Value::NULL } else { f };
    let ty = vm.type_of(p);
    let n = PropertyObj { fget: parts[0], fset: parts[1], fdel: parts[2], doc: Cell::new(pr.doc.get()), name: Cell::new(pr.name.get()) };
    Ok(vm.alloc(ty, n).value())
}

fn property_getter(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let f = arg(vm, args, 1, "getter")?;
    property_copy(vm, args[0], 0, f)
}
fn property_setter(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let f = arg(vm, args, 1, "setter")?;
    property_copy(vm, args[0], 1, f)
}
fn property_deleter(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let f = arg(vm, args, 1, "deleter")?;
    property_copy(vm, args[0], 2, f)
}
fn property_get(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let obj = arg(vm, args, 1, "__get__")?;
    let o = if obj == vm.none { Value::NULL } else { obj };
    let ty = vm.type_of(obj);
    vm.bind_descr(args[0], o, ty)
}
/// `property.__set__(obj, value)` and `__delete__(obj)`: the setter or deleter, or CPython's
/// AttributeError when the property has none.
fn property_set_or_delete(vm: &mut Vm, args: &[Value], set: bool) -> PyResult<Value> {
    let Some(p) = args[0].get::<PropertyObj>() else { return Err(vm.type_error("descriptor requires a 'property' object")) };
    let f = if set { p.fset } else { p.fdel };
    let obj = args[1];
    if f.is_null() || f == vm.none {
        let tn = vm.type_name_of(obj);
        let pname = vm.property_name(args[0]);
        let what = if set { "setter" } else { "deleter" };
        return Err(vm.attribute_error(&format!("property {pname}of '{tn}' object has no {what}")));
    }
    if set {
        vm.call(f, &[obj, args[2]])?;
    } else {
        vm.call(f, &[obj])?;
    }
    Ok(vm.none)
}
fn property_set(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    super::slot_args(vm, args, 2)?;
    property_set_or_delete(vm, args, true)
}
fn property_delete(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    super::slot_args(vm, args, 1)?;
    property_set_or_delete(vm, args, false)
}
fn property_set_name(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    if let Some(p) = args[0].get::<PropertyObj>() {
        if p.name.get().is_null() {
            p.name.set(args.get(2).copied().unwrap_or(Value::NULL));
        }
    }
    Ok(vm.none)
}

/// The dict of a new classmethod/staticmethod: the wrapped callable's `__module__`,
/// `__name__`, `__qualname__`, `__doc__` and `__annotations__` (those it has), as CPython's.
fn wrapper_dict(vm: &mut Vm, f: Value) -> PyResult<Value> {
    let d = vm.new_dict();
    for name in ["__module__", "__name__", "__qualname__", "__doc__", "__annotations__"] {
        let n = vm.intern(name);
        if let Some(v) = vm.getattr_opt(f, n)? {
            vm.dict_set(d, n, v)?;
        }
    }
    Ok(d)
}

fn classmethod_new(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    super::no_kw(vm, kw, "classmethod")?;
    arity(vm, args, 2, 2, "classmethod")?;
    let d = wrapper_dict(vm, args[1])?;
    Ok(vm.alloc(args[0], ClassMethodObj { f: args[1], dict: Cell::new(d) }).value())
}

fn staticmethod_new(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    super::no_kw(vm, kw, "staticmethod")?;
    arity(vm, args, 2, 2, "staticmethod")?;
    let d = wrapper_dict(vm, args[1])?;
    Ok(vm.alloc(args[0], StaticMethodObj { f: args[1], dict: Cell::new(d) }).value())
}

fn staticmethod_call(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    let f = args[0].get::<StaticMethodObj>().map(|s| s.f).unwrap_or(vm.none);
    vm.call_kw(f, &args[1..], kw)
}

/// staticmethod objects do not pickle ("cannot pickle 'staticmethod' object"), except one
/// that is a module's attribute under its function's name: the Python-written functions of
/// pyjit's native modules (`_thread.allocate_lock`), builtin functions in CPython, pickle
/// by reference as those do (a multiprocessing Manager sends `threading.Lock`).
fn staticmethod_reduce(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    arity(vm, args, 1, 1, "__reduce__")?;
    let me = args[0];
    let f = me.get::<StaticMethodObj>().map(|s| s.f).unwrap_or(vm.none);
    let module = vm.getattr_str(f, "__module__").ok().filter(|m| m.get::<crate::objects::StrObj>().is_some());
    let name = vm.getattr_str(f, "__qualname__").ok().filter(|m| m.get::<crate::objects::StrObj>().is_some());
    if let (Some(module), Some(name)) = (module, name) {
        let mods = vm.modules;
        if let Some(m) = vm.dict_get(mods, module)? {
            let n = vm.str_of(name);
            if let Some(d) = m.get::<crate::objects::ModuleObj>().map(|m| m.dict) {
                if vm.dict_get_by_str(d, &n) == Some(me) {
                    return Ok(name);
                }
            }
        }
    }
    Err(vm.type_error("cannot pickle 'staticmethod' object"))
}

fn cm_get(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let obj = args.get(1).copied().unwrap_or(vm.none);
    let ty = match args.get(2) {
        Some(&t) if t != vm.none => t,
        _ => vm.type_of(obj),
    };
    vm.bind_descr(args[0], obj, ty)
}

fn super_new(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let cls = args[0];
    let (ty, obj) = match args.len() {
        1 => {
            // zero-argument form: __class__ cell and the first argument of the caller
            let Some(f) = vm.frames.last() else { return Err(vm.runtime_error("super(): no current frame")) };
            let code = f.code;
            let base = f.base;
            if code.code.argcount == 0 && code.code.flags & pyjit_compiler::code::flags::VARARGS == 0 {
                return Err(vm.runtime_error("super(): no arguments"));
            }
            let mut first = vm.stack[base];
            // the first argument may have been moved into a cell
            if let Some(&(ci, _)) = code.code.cell_params.iter().find(|(_, pi)| *pi == 0) {
                let c = vm.stack[base + code.code.nlocals() + ci as usize];
                if let Some(cell) = c.get::<CellObj>() {
                    first = cell.v.get();
                }
            }
            if code.code.flags & pyjit_compiler::code::flags::VARARGS != 0 && code.code.argcount == 0 {
                first = vm.stack[base].get::<TupleObj>().and_then(|t| t.items.first().copied()).unwrap_or(Value::NULL);
            }
            let Some(ci) = code.code.freevars.iter().position(|n| n == "__class__") else {
                return Err(vm.runtime_error("super(): __class__ cell not found"));
            };
            let idx = base + code.code.nlocals() + code.code.cellvars.len() + ci;
            let cell = vm.stack[idx];
            let t = cell.get::<CellObj>().map(|c| c.v.get()).unwrap_or(Value::NULL);
            if t.is_null() {
                return Err(vm.runtime_error("super(): empty __class__ cell"));
            }
            if first.is_null() {
                return Err(vm.runtime_error("super(): arg[0] deleted"));
            }
            (t, first)
        }
        2 => (args[1], Value::NULL),
        _ => (args[1], args[2]),
    };
    if !vm.is_type(ty) {
        let tn = vm.type_name_of(ty);
        return Err(vm.type_error(&format!("super() argument 1 must be a type, not {tn}")));
    }
    let obj_type = if obj.is_null() { Value::NULL } else { super_check(vm, ty, obj)? };
    Ok(vm.alloc(cls, SuperObj { ty, obj, obj_type }).value())
}

/// CPython's supercheck: the type whose MRO super(ty, obj) walks (obj itself for a class,
/// else its type, else a proxy's `__class__`).
fn super_check(vm: &mut Vm, ty: Value, obj: Value) -> PyResult<Value> {
    if vm.is_type(obj) && vm.is_subtype(obj, ty) {
        return Ok(obj);
    }
    let ot = vm.type_of(obj);
    if vm.is_subtype(ot, ty) {
        return Ok(ot);
    }
    let n = vm.intern("__class__");
    if let Some(c) = vm.getattr_opt(obj, n)? {
        if c != ot && vm.is_type(c) && vm.is_subtype(c, ty) {
            return Ok(c);
        }
    }
    Err(vm.type_error("super(type, obj): obj must be an instance or subtype of type"))
}

/// super.__get__: an unbound super(T) stored in a class binds to the instance it is read from.
pub fn super_descr_get(vm: &mut Vm, descr: Value, obj: Value) -> PyResult<Value> {
    let Some(s) = descr.get::<SuperObj>() else { return Ok(descr) };
    if obj.is_null() || obj == vm.none || !s.obj.is_null() {
        return Ok(descr);
    }
    let ty = s.ty;
    let st = vm.type_of(descr);
    if st != vm.types.super_ {
        return vm.call(st, &[ty, obj]);
    }
    let obj_type = super_check(vm, ty, obj)?;
    Ok(vm.alloc(st, SuperObj { ty, obj, obj_type }).value())
}

fn super_get(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let obj = args.get(1).copied().unwrap_or(Value::NULL);
    super_descr_get(vm, args[0], obj)
}

fn super_getattribute(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let s = args[0].get::<SuperObj>().ok_or_else(|| vm.type_error("expected super"))?;
    let name = vm.intern_value(args[1]);
    let (ty, obj, obj_type) = (s.ty, s.obj, s.obj_type);
    if vm.str_of(name) == "__class__" {
        return Ok(vm.type_of(args[0]));
    }
    if !obj_type.is_null() {
        let mro = obj_type.get::<TypeObj>().map(|t| t.mro.borrow().clone()).unwrap_or_default();
        let start = mro.iter().position(|&c| c == ty).map(|i| i + 1).unwrap_or(mro.len());
        for &c in &mro[start..] {
            let d = c.get::<TypeObj>().map(|t| t.dict).unwrap_or(Value::NULL);
            if let Some(v) = vm.dict_get_str(d, name) {
                let inst = if obj == obj_type { Value::NULL } else { obj };
                if v.kind() == Some(ObjKind::ClassMethod) {
                    return vm.bind_descr(v, obj, obj_type);
                }
                if inst.is_null() && v.kind() == Some(ObjKind::Function) {
                    return Ok(v);
                }
                return vm.bind_descr(v, inst, obj_type);
            }
        }
    }
    match vm.generic_getattr(args[0], name)? {
        Some(v) => Ok(v),
        None => {
            let n = vm.str_of(name);
            Err(vm.attribute_error(&format!("'super' object has no attribute '{n}'")))
        }
    }
}

// ---- range, slice, iterator constructors ----

fn range_new(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    super::no_kw(vm, kw, "range")?;
    let a = &args[1..];
    let (start, stop, step) = match a.len() {
        1 => (Value::small(0).unwrap_or(Value::NULL), a[0], Value::small(1).unwrap_or(Value::NULL)),
        2 => (a[0], a[1], Value::small(1).unwrap_or(Value::NULL)),
        3 => (a[0], a[1], a[2]),
        0 => return Err(vm.type_error("range expected at least 1 argument, got 0")),
        n => return Err(vm.type_error(&format!("range expected at most 3 arguments, got {n}"))),
    };
    let start = vm.index_of(start)?;
    let stop = vm.index_of(stop)?;
    let step = vm.index_of(step)?;
    if vm.as_i64(step) == Some(0) {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    let t = vm.types.range;
    Ok(vm.alloc(t, RangeObj { start, stop, step }).value())
}

fn slice_new(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let a = &args[1..];
    let none = vm.none;
    let (start, stop, step) = match a.len() {
        1 => (none, a[0], none),
        2 => (a[0], a[1], none),
        3 => (a[0], a[1], a[2]),
        n => return Err(vm.type_error(&format!("slice expected at least 1 argument, got {n}"))),
    };
    let t = vm.types.slice;
    Ok(vm.alloc(t, SliceObj { start, stop, step }).value())
}

fn enumerate_new(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    let (pos, kws) = split_kw(vm, args, kw);
    let it = pos.get(1).copied().or_else(|| kws.iter().find(|k| k.0 == "iterable").map(|k| k.1));
    let Some(it) = it else { return Err(vm.type_error("enumerate() missing required argument 'iterable' (pos 1)")) };
    let start = pos.get(2).copied().or_else(|| kws.iter().find(|k| k.0 == "start").map(|k| k.1)).unwrap_or(Value::small(0).unwrap_or(Value::NULL));
    if !vm.is_int(start) {
        let tn = vm.type_name_of(start);
        return Err(vm.type_error(&format!("'{tn}' object cannot be interpreted as an integer")));
    }
    let iter = vm.iter(it)?;
    Ok(vm.new_iter(pos[0], IterState::Enumerate { it: iter, count: start }))
}

fn zip_new(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    let (pos, kws) = split_kw(vm, args, kw);
    let mut strict = false;
    for (k, v) in kws {
        if k == "strict" {
            strict = vm.truthy(v)?;
        } else {
            return Err(vm.type_error(&format!("zip() got an unexpected keyword argument '{k}'")));
        }
    }
    let mut iters = Vec::new();
    for &a in &pos[1..] {
        // an error from __iter__ propagates unchanged, as from PyObject_GetIter
        let it = vm.iter(a)?;
        // only the Rust vector holds it while the next __iter__ runs
        vm.keep(it);
        iters.push(it)
    }
    Ok(vm.new_iter(pos[0], IterState::Zip { iters, strict }))
}

fn map_new(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    super::no_kw_unless_init(vm, kw, args[0], "map")?;
    let args = &args[..args.len() - kw.get::<TupleObj>().map_or(0, |t| t.items.len())];
    if args.len() < 3 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let mut iters = Vec::new();
    for &a in &args[2..] {
        let it = vm.iter(a)?;
        vm.keep(it);
        iters.push(it);
    }
    Ok(vm.new_iter(args[0], IterState::Map { func: args[1], iters }))
}

fn filter_new(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    super::no_kw_unless_init(vm, kw, args[0], "filter")?;
    let args = &args[..args.len() - kw.get::<TupleObj>().map_or(0, |t| t.items.len())];
    if args.len() != 3 {
        return Err(vm.type_error(&format!("filter expected 2 arguments, got {}", args.len() - 1)));
    }
    let it = vm.iter(args[2])?;
    Ok(vm.new_iter(args[0], IterState::Filter { func: args[1], it }))
}

fn reversed_new(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    super::no_kw(vm, kw, "reversed")?;
    if args.len() != 2 {
        return Err(vm.type_error(&format!("reversed expected 1 argument, got {}", args.len() - 1)));
    }
    let seq = args[1];
    let ty = vm.type_of(seq);
    let rn = vm.intern("__reversed__");
    if let Some(f) = vm.lookup(ty, rn) {
        if f == vm.none {
            let tn = vm.type_name(ty);
            return Err(vm.type_error(&format!("'{tn}' object is not reversible")));
        }
        return vm.call(f, &[seq]);
    }
    if seq.kind() == Some(ObjKind::Dict) {
        let keys = vm.dict_keys(seq);
        let l = vm.new_list(keys);
        let n = l.get::<ListObj>().map(|l| l.len()).unwrap_or(0);
        let t = vm.types.reversed;
        return Ok(vm.new_iter(t, IterState::Reversed { seq: l, index: n as isize - 1 }));
    }
    let gi = vm.intern("__getitem__");
    let has_getitem = matches!(seq.kind(), Some(ObjKind::List) | Some(ObjKind::Tuple) | Some(ObjKind::Str) | Some(ObjKind::Range) | Some(ObjKind::Bytes) | Some(ObjKind::ByteArray)) || vm.lookup(ty, gi).is_some();
    if !has_getitem || seq.kind() == Some(ObjKind::Set) {
        let tn = vm.type_name(ty);
        return Err(vm.type_error(&format!("'{tn}' object is not reversible")));
    }
    let n = vm.len(seq)?;
    let t = if seq.kind() == Some(ObjKind::List) { vm.types.list_reverseiterator } else { vm.types.reversed };
    Ok(vm.new_iter(t, IterState::Reversed { seq, index: n as isize - 1 }))
}

fn iter_iter(_vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    Ok(args[0])
}

fn iter_next_m(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let it = args[0];
    let r = match it.get::<IterObj>() {
        Some(io) => super::iters::iter_next(vm, io, it)?,
        None => vm.next(it)?,
    };
    match r {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::NULL)),
    }
}

fn iter_length_hint(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let n = match args[0].get::<IterObj>().map(|io| match &*io.state.borrow() {
        IterState::Seq { seq, index } => seq.get::<ListObj>().map(|l| l.len()).or_else(|| seq.get::<TupleObj>().map(|t| t.items.len())).unwrap_or(0).saturating_sub(*index),
        IterState::Range { cur, stop, step } => super::seqops::range_len(*cur, *stop, *step),
        IterState::Reversed { index, .. } => (*index + 1).max(0) as usize,
        IterState::Dict { dict, len, left, .. } => match dict.get::<DictObj>() {
            Some(d) if d.len() == *len => *left,
            _ => 0,
        },
        IterState::Set { set, pos, len } => match set.get::<SetObj>() {
            Some(s) if s.len() == *len => {
                let t = s.table.borrow();
                let mut n = 0;
                let mut p = *pos;
                while let Some((q, _)) = t.next_from(p) {
                    n += 1;
                    p = q + 1;
                }
                n
            }
            _ => 0,
        },
        _ => 0,
    }) {
        Some(n) => n,
        None => 0,
    };
    Ok(vm.new_int(n as i64))
}

// ---- generators and coroutines ----

/// The exception `gen.throw(t, v)` raises: `t` itself, or an instance of class `t` made from `v`.
fn throw_instance(vm: &mut Vm, t: Value, v: Option<Value>) -> PyResult<Value> {
    if !vm.is_type(t) {
        return Ok(t);
    }
    let e = match v {
        Some(v) if v != vm.none && vm.isinstance(v, t) => v,
        Some(v) if v != vm.none => {
            let a = if v.kind() == Some(ObjKind::Tuple) { v } else { vm.new_tuple(vec![v]) };
            let items = a.get::<TupleObj>().map(|t| t.items.to_vec()).unwrap_or_default();
            vm.call(t, &items)?
        }
        _ => vm.call(t, &[])?,
    };
    if !vm.isinstance(e, vm.types.base_exception) {
        let (r, tn) = (vm.repr(t)?, vm.type_name_of(e));
        return Err(vm.type_error(&format!("calling {r} should have returned an instance of BaseException, not {tn}")));
    }
    Ok(e)
}

fn gen_send(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let v = arg(vm, args, 1, "send")?;
    match vm.gen_send_delegating(args[0], v, None)? {
        Exit::Yield(y) => Ok(y),
        Exit::Return(r) => Err(vm.stop_iteration(r)),
    }
}

fn gen_throw(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let t = arg(vm, args, 1, "throw")?;
    if vm.is_type(t) && !vm.is_subtype(t, vm.types.base_exception) || !vm.is_type(t) && !vm.isinstance(t, vm.types.base_exception) {
        let tn = vm.type_name_of(t);
        return Err(vm.type_error(&format!("exceptions must be classes or instances deriving from BaseException, not {tn}")));
    }
    // instantiating the class: an error doing so is what is thrown into the generator
    let e = match throw_instance(vm, t, args.get(2).copied()) {
        Ok(e) => e,
        Err(err) => err.0,
    };
    match vm.gen_send_delegating(args[0], vm.none, Some(PyErr(e)))? {
        Exit::Yield(y) => Ok(y),
        Exit::Return(r) => Err(vm.stop_iteration(r)),
    }
}

fn gen_close(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let g = args[0];
    let state = g.get::<GeneratorObj>().map(|g| g.state.get()).unwrap_or(3);
    if state == 0 || state == 3 {
        if let Some(go) = g.get::<GeneratorObj>() {
            go.state.set(3);
            *go.frame.borrow_mut() = None;
        }
        return Ok(vm.none);
    }
    let t = vm.types.generator_exit;
    let e = vm.new_exc_args(t, vm.empty_tuple);
    match vm.gen_send_delegating(g, vm.none, Some(PyErr(e))) {
        Ok(Exit::Yield(_)) => Err(vm.runtime_error("generator ignored GeneratorExit")),
        Ok(Exit::Return(_)) => Ok(vm.none),
        Err(x) if vm.isinstance(x.0, vm.types.generator_exit) || vm.isinstance(x.0, vm.types.stop_iteration) => Ok(vm.none),
        Err(x) => Err(x),
    }
}

fn gen_next_m(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    match vm.gen_send_delegating(args[0], vm.none, None)? {
        Exit::Yield(y) => Ok(y),
        Exit::Return(r) => Err(vm.stop_iteration(r)),
    }
}

fn coro_await(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    // a coroutine is its own awaitable iterator in pyjit
    let _ = vm;
    Ok(args[0])
}

fn agen_awaitable(vm: &mut Vm, gen: Value, value: Value, mode: u8) -> PyResult<Value> {
    crate::modules::sys_hooks::asyncgen_first_use(vm, gen)?;
    let t = vm.types.async_gen_asend;
    Ok(vm.new_iter(t, IterState::AsyncGen { gen, value, mode, started: false }))
}

fn agen_anext(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let none = vm.none;
    agen_awaitable(vm, args[0], none, 0)
}

fn agen_asend(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let v = arg(vm, args, 1, "asend")?;
    agen_awaitable(vm, args[0], v, 0)
}

fn agen_athrow(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let t = arg(vm, args, 1, "athrow")?;
    let e = if vm.is_type(t) { vm.call(t, &args[2..args.len().min(3)])? } else { t };
    agen_awaitable(vm, args[0], e, 1)
}

fn agen_aclose(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let none = vm.none;
    agen_awaitable(vm, args[0], none, 2)
}

fn asend_result(vm: &mut Vm, r: PyResult<Exit>) -> PyResult<Value> {
    match r? {
        Exit::Yield(v) => Ok(v),
        Exit::Return(v) => Err(vm.stop_iteration(v)),
    }
}

fn asend_next(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let none = vm.none;
    let r = vm.asend_step(args[0], none, None);
    asend_result(vm, r)
}

fn asend_send(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let v = arg(vm, args, 1, "send")?;
    let r = vm.asend_step(args[0], v, None);
    asend_result(vm, r)
}

fn asend_throw(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let t = arg(vm, args, 1, "throw")?;
    let e = if vm.is_type(t) { vm.call(t, &[])? } else { t };
    let none = vm.none;
    let r = vm.asend_step(args[0], none, Some(PyErr(e)));
    asend_result(vm, r)
}

// ---- function / method ----

fn function_get(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let obj = args.get(1).copied().unwrap_or(vm.none);
    if obj == vm.none {
        return Ok(args[0]);
    }
    Ok(vm.new_method(args[0], obj))
}

fn function_call(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    vm.call_kw(args[0], &args[1..], kw)
}

fn method_eq(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let (Some(a), Some(b)) = (args[0].get::<MethodObj>(), args[1].get::<MethodObj>()) else { return Ok(vm.not_implemented) };
    Ok(vm.bool_val(a.func == b.func && a.self_ == b.self_))
}

fn method_hash(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let Some(m) = args[0].get::<MethodObj>() else { return Err(vm.type_error("descriptor '__hash__' requires a 'method' object")) };
    Ok(vm.new_int(((m.func.raw() ^ m.self_.raw()) >> 4) as i64))
}

/// Bound native methods are equal when they bind the same object to the same function
/// (`l.append == l.append`), as CPython's builtin methods and method-wrappers.
fn builtin_eq(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let (Some(a), Some(b)) = (args[0].get::<BuiltinObj>(), args.get(1).and_then(|v| v.get::<BuiltinObj>())) else { return Ok(vm.not_implemented) };
    let same = a.func as usize == b.func as usize && a.name == b.name && a.self_ == b.self_ && a.owner == b.owner;
    Ok(vm.bool_val(same || args[0] == args[1]))
}

fn builtin_hash(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let Some(b) = args[0].get::<BuiltinObj>() else { return Err(vm.type_error("descriptor '__hash__' requires a 'builtin_function_or_method' object")) };
    Ok(vm.new_int((((b.func as usize as u64) ^ b.self_.raw() as u64) >> 4) as i64))
}

fn noneish_bool(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    Ok(vm.bool_val(args[0] != vm.none))
}

fn none_new(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    if args.len() > 1 {
        return Err(vm.type_error("NoneType takes no arguments"));
    }
    Ok(vm.none)
}

/// `type(Ellipsis)()` and `type(NotImplemented)()`: the singleton.
fn singleton_new(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let (v, name) = if args.first() == Some(&vm.types.ellipsis_type) { (vm.ellipsis, "EllipsisType") } else { (vm.not_implemented, "NotImplementedType") };
    if args.len() > 1 {
        return Err(vm.type_error(&format!("{name} takes no arguments")));
    }
    Ok(v)
}

fn cell_contents(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let v = args[0].get::<CellObj>().map(|c| c.v.get()).unwrap_or(Value::NULL);
    if v.is_null() {
        return Err(vm.value_error("Cell is empty"));
    }
    Ok(v)
}

/// property.fget / fset / fdel (read-only members of the property object).
fn property_part(vm: &mut Vm, p: Value, i: usize) -> Value {
    let v = p.get::<PropertyObj>().map(|p| [p.fget, p.fset, p.fdel][i]).unwrap_or(Value::NULL);
    if v.is_null() {
        vm.none
    } else {
        v
    }
}
fn property_fget(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    Ok(property_part(vm, args[0], 0))
}
fn property_fset(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    Ok(property_part(vm, args[0], 1))
}
fn property_fdel(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    Ok(property_part(vm, args[0], 2))
}

fn cell_set_contents(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    if let Some(c) = args[0].get::<CellObj>() {
        c.v.set(args.get(1).copied().unwrap_or(Value::NULL));
    }
    Ok(vm.none)
}

fn cell_del_contents(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    if let Some(c) = args[0].get::<CellObj>() {
        if c.v.get().is_null() {
            return Err(vm.value_error("Cell is empty"));
        }
        c.v.set(Value::NULL);
    }
    Ok(vm.none)
}

/// cell([contents]): types.CellType, empty without an argument.
fn cell_new(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    super::no_kw(vm, kw, "cell")?;
    if args.len() > 2 {
        return Err(vm.type_error(&format!("cell expected at most 1 argument, got {}", args.len() - 1)));
    }
    Ok(vm.new_cell(args.get(1).copied().unwrap_or(Value::NULL)))
}

fn module_new(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let d = vm.new_dict();
    let mt = args[0];
    if args.len() < 2 {
        // module.__new__(M): an uninitialized module, with an empty namespace
        let none = vm.none;
        return Ok(vm.alloc(mt, ModuleObj { name: none, dict: d }).value());
    }
    let name = args[1];
    let m = vm.alloc(mt, ModuleObj { name, dict: d }).value();
    vm.dict_set_str(d, "__name__", name);
    let doc = args.get(2).copied().unwrap_or(vm.none);
    vm.dict_set_str(d, "__doc__", doc);
    // module.__init__ also sets these three to None
    let none = vm.none;
    for k in ["__package__", "__loader__", "__spec__"] {
        vm.dict_set_str(d, k, none);
    }
    Ok(m)
}

/// types.MethodType(function, instance): a bound method.
fn method_new(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    super::no_kw(vm, kw, "method")?;
    if args.len() != 3 {
        let n = args.len().saturating_sub(1);
        return Err(vm.type_error(&format!("method expected 2 arguments, got {n}")));
    }
    let (func, obj) = (args[1], args[2]);
    let callable = matches!(func.kind(), Some(ObjKind::Function | ObjKind::Builtin | ObjKind::Method | ObjKind::Type)) || {
        let ty = vm.type_of(func);
        vm.lookup_str(ty, "__call__").is_some()
    };
    if !callable {
        return Err(vm.type_error("first argument must be callable"));
    }
    if obj == vm.none {
        return Err(vm.type_error("instance must not be None"));
    }
    Ok(vm.new_method(func, obj))
}

pub fn register(vm: &mut Vm) {
    let o = vm.types.object;
    static_method(vm, o, "__new__", object_new);
    method(vm, o, "__init__", object_init);
    method(vm, o, "__repr__", object_repr);
    method(vm, o, "__str__", object_str);
    method(vm, o, "__eq__", object_eq);
    method(vm, o, "__ne__", object_ne);
    for n in ["__lt__", "__le__", "__gt__", "__ge__"] {
        method(vm, o, n, object_cmp_ni);
    }
    method(vm, o, "__hash__", object_hash);
    method(vm, o, "__format__", object_format);
    method(vm, o, "__getattribute__", object_getattribute);
    method(vm, o, "__setattr__", object_setattr);
    method(vm, o, "__delattr__", object_delattr);
    method(vm, o, "__dir__", object_dir);
    super::class_method(vm, o, "__init_subclass__", object_init_subclass);
    super::class_method(vm, o, "__subclasshook__", object_subclasshook);
    getset(vm, o, "__class__", object_class_get, Some(object_class_set));
    let _ = object_dict_get;

    let t = vm.types.type_;
    static_method(vm, t, "__new__", type_new);
    method(vm, t, "__init__", type_init);
    method(vm, t, "__call__", type_call);
    method(vm, t, "__repr__", type_repr);
    method(vm, t, "mro", type_mro);
    method(vm, t, "__subclasses__", type_subclasses);
    method(vm, t, "__instancecheck__", type_instancecheck);
    method(vm, t, "__subclasscheck__", type_subclasscheck);
    method(vm, t, "__or__", type_or);
    method(vm, t, "__ror__", type_ror);
    super::class_method(vm, t, "__prepare__", type_prepare);

    let p = vm.types.property;
    static_method(vm, p, "__new__", property_new);
    getset(vm, p, "fget", property_fget, None);
    getset(vm, p, "fset", property_fset, None);
    getset(vm, p, "fdel", property_fdel, None);
    method(vm, p, "__init__", |vm, _a, _k| Ok(vm.none));
    method(vm, p, "getter", property_getter);
    method(vm, p, "setter", property_setter);
    method(vm, p, "deleter", property_deleter);
    method(vm, p, "__get__", property_get);
    method(vm, p, "__set__", property_set);
    method(vm, p, "__delete__", property_delete);
    method(vm, p, "__set_name__", property_set_name);
    let cm = vm.types.classmethod;
    static_method(vm, cm, "__new__", classmethod_new);
    method(vm, cm, "__init__", |vm, _a, _k| Ok(vm.none));
    method(vm, cm, "__get__", cm_get);
    let sm = vm.types.staticmethod;
    static_method(vm, sm, "__new__", staticmethod_new);
    method(vm, sm, "__init__", |vm, _a, _k| Ok(vm.none));
    method(vm, sm, "__get__", cm_get);
    method(vm, sm, "__call__", staticmethod_call);
    method(vm, sm, "__reduce__", staticmethod_reduce);
    let sp = vm.types.super_;
    static_method(vm, sp, "__new__", super_new);
    method(vm, sp, "__get__", super_get);
    method(vm, sp, "__init__", |vm, _a, _k| Ok(vm.none));
    method(vm, sp, "__getattribute__", super_getattribute);
    if let Some(tt) = sp.get::<TypeObj>() {
        tt.flags.set(tt.flags.get() | type_flags::CUSTOM_GETATTR);
    }

    let r = vm.types.range;
    static_method(vm, r, "__new__", range_new);
    method(vm, r, "__len__", super::range::range_len);
    method(vm, r, "index", super::range::range_index);
    method(vm, r, "count", super::range::range_count);
    method(vm, r, "__reversed__", super::range::range_reversed);
    method(vm, r, "__hash__", super::range::range_hash);
    let s = vm.types.slice;
    static_method(vm, s, "__new__", slice_new);
    method(vm, s, "indices", super::range::slice_indices);
    if let Some(d) = s.get::<TypeObj>().map(|t| t.dict) {
        let none = vm.none;
        vm.dict_set_str(d, "__hash__", none);
    }
    let e = vm.types.enumerate;
    static_method(vm, e, "__new__", enumerate_new);
    let z = vm.types.zip;
    static_method(vm, z, "__new__", zip_new);
    let m = vm.types.map;
    static_method(vm, m, "__new__", map_new);
    let f = vm.types.filter;
    static_method(vm, f, "__new__", filter_new);
    let rv = vm.types.reversed;
    static_method(vm, rv, "__new__", reversed_new);
    let iter_types = [
        vm.types.list_iterator,
        vm.types.list_reverseiterator,
        vm.types.tuple_iterator,
        vm.types.range_iterator,
        vm.types.str_iterator,
        vm.types.bytes_iterator,
        vm.types.dict_keyiterator,
        vm.types.dict_valueiterator,
        vm.types.dict_itemiterator,
        vm.types.set_iterator,
        vm.types.seq_iterator,
        vm.types.callable_iterator,
        e,
        z,
        m,
        f,
        rv,
    ];
    for it in iter_types {
        method(vm, it, "__iter__", iter_iter);
        method(vm, it, "__next__", iter_next_m);
        method(vm, it, "__length_hint__", iter_length_hint);
    }
    let g = vm.types.generator;
    method(vm, g, "__iter__", iter_iter);
    method(vm, g, "__next__", gen_next_m);
    method(vm, g, "send", gen_send);
    method(vm, g, "throw", gen_throw);
    method(vm, g, "close", gen_close);
    let c = vm.types.coroutine;
    method(vm, c, "send", gen_send);
    method(vm, c, "throw", gen_throw);
    method(vm, c, "close", gen_close);
    method(vm, c, "__await__", coro_await);
    let ag = vm.types.async_generator;
    method(vm, ag, "__aiter__", iter_iter);
    method(vm, ag, "__anext__", agen_anext);
    method(vm, ag, "asend", agen_asend);
    method(vm, ag, "athrow", agen_athrow);
    method(vm, ag, "aclose", agen_aclose);
    let asend = vm.types.async_gen_asend;
    method(vm, asend, "__await__", iter_iter);
    method(vm, asend, "__iter__", iter_iter);
    method(vm, asend, "__next__", asend_next);
    method(vm, asend, "send", asend_send);
    method(vm, asend, "throw", asend_throw);
    method(vm, asend, "close", |vm, _a, _k| Ok(vm.none));
    let func = vm.types.function;
    method(vm, func, "__get__", function_get);
    method(vm, func, "__call__", function_call);
    let meth = vm.types.method;
    static_method(vm, meth, "__new__", method_new);
    method(vm, meth, "__eq__", method_eq);
    method(vm, meth, "__hash__", method_hash);
    method(vm, meth, "__call__", function_call);
    let bf = vm.types.builtin_function;
    method(vm, bf, "__call__", function_call);
    let md = vm.types.method_descriptor;
    method(vm, md, "__call__", function_call);
    method(vm, bf, "__eq__", builtin_eq);
    method(vm, bf, "__hash__", builtin_hash);
    let nt = vm.types.none_type;
    method(vm, nt, "__bool__", noneish_bool);
    static_method(vm, nt, "__new__", none_new);
    for t in [vm.types.ellipsis_type, vm.types.not_implemented_type] {
        static_method(vm, t, "__new__", singleton_new);
    }
    let cell = vm.types.cell;
    getset_del(vm, cell, "cell_contents", cell_contents, Some(cell_set_contents), Some(cell_del_contents));
    static_method(vm, cell, "__new__", cell_new);
    let md = vm.types.module;
    static_method(vm, md, "__new__", module_new);
    method(vm, md, "__init__", |vm, _a, _k| Ok(vm.none));
}
