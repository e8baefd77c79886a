//! The builtins module and the methods of the builtin types.

mod arity_table;
pub mod bytes;
pub mod bytes_methods;
mod classes;
mod code_methods;
mod richcmp;
mod seq_dunders;
pub mod codecs;
pub mod compare;
mod descr;
mod dict;
pub mod dtoa;
pub mod floatconv;
pub mod exceptions;
mod exc_group;
pub mod format;
pub(crate) mod funcs;
mod generic;
pub mod hash;
pub mod iters;
mod iter_reduce;
mod list;
mod listsort;
pub mod memoryview;
pub mod num;
pub mod numparse;
mod numtypes;
mod percent;
pub mod pattern;
pub mod range;
mod reduce;
pub mod repr;
pub mod seqops;
pub mod set;
mod str;
mod str_format;
pub(crate) mod str_search;
pub mod strfmt;
mod type_docs;
pub(crate) mod types;

use std::cell::Cell;

use crate::heap::Value;
use crate::interp::{NativeFn, PyResult, Vm};
use crate::objects::*;

/// Argument `i` or a TypeError naming the function.
pub fn arg(vm: &mut Vm, args: &[Value], i: usize, name: &str) -> PyResult<Value> {
    match args.get(i) {
        Some(&v) => Ok(v),
        None => Err(vm.type_error(&format!("{name}() missing required argument (pos {})", i + 1))),
    }
}

/// Checks the positional count for a function taking `min..=max` arguments.
#[inline]
pub fn arity(vm: &mut Vm, args: &[Value], min: usize, max: usize, name: &str) -> PyResult<()> {
    let n = args.len();
    if n >= min && n <= max {
        return Ok(());
    }
    arity_error(vm, n, min, max, name)
}

#[cold]
#[inline(never)]
fn arity_error(vm: &mut Vm, n: usize, min: usize, max: usize, name: &str) -> PyResult<()> {
    let msg = if min == max {
        match min {
            0 => format!("{name}() takes no arguments ({n} given)"),
            1 => format!("{name}() takes exactly one argument ({n} given)"),
            _ => format!("{name} expected {min} arguments, got {n}"),
        }
    } else if n < min {
        format!("{name} expected at least {min} argument{}, got {n}", if min == 1 { "" } else { "s" })
    } else {
        format!("{name} expected at most {max} argument{}, got {n}", if max == 1 { "" } else { "s" })
    };
    Err(vm.type_error(&msg))
}

/// Like `arity`, for methods: `args[0]` is self and is not counted in messages.
/// The argument count of a slot wrapper called directly (`list.__setitem__(l, 0)`): CPython's
/// "expected N arguments, got M" (`args` includes self).
pub fn slot_args(vm: &mut Vm, args: &[Value], n: usize) -> PyResult<()> {
    let m = args.len().saturating_sub(1);
    if m != n || args.is_empty() {
        // CPython's two-argument wrappers unpack with an empty function name: a leading space
        let lead = if n == 2 { " " } else { "" };
        return Err(vm.type_error(&format!("{lead}expected {n} argument{}, got {m}", if n == 1 { "" } else { "s" })));
    }
    Ok(())
}

#[inline]
pub fn marity(vm: &mut Vm, args: &[Value], min: usize, max: usize, name: &str) -> PyResult<()> {
    let n = args.len();
    if n >= min && n <= max {
        return Ok(());
    }
    marity_error(vm, n, min, max, name)
}

#[cold]
#[inline(never)]
fn marity_error(vm: &mut Vm, n: usize, min: usize, max: usize, name: &str) -> PyResult<()> {
    let (min, max, n) = (min - 1, max - 1, n - 1);
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    let msg = if min == max {
        match min {
            0 => format!("{name}() takes no arguments ({n} given)"),
            1 => format!("{name}() takes exactly one argument ({n} given)"),
            _ => format!("{name} expected {min} argument{}, got {n}", plural(min)),
        }
    } else if n < min {
        format!("{name} expected at least {min} argument{}, got {n}", plural(min))
    } else {
        format!("{name} expected at most {max} argument{}, got {n}", plural(max))
    };
    Err(vm.type_error(&msg))
}

/// Rejects keyword arguments of a builtin class's `__new__` taking none, unless `cls` is a
/// subclass with its own `__init__` (which gets them), as CPython's tuple, float, frozenset,
/// filter, map and the itertools classes do.
pub fn no_kw_unless_init(vm: &mut Vm, kw: Value, cls: Value, name: &str) -> PyResult<()> {
    if kw.is_null() || kw.get::<TupleObj>().map(|t| t.items.is_empty()).unwrap_or(true) {
        return Ok(());
    }
    let init = vm.intern("__init__");
    let object = vm.types.object;
    if vm.lookup(cls, init) != vm.lookup(object, init) {
        return Ok(());
    }
    no_kw(vm, kw, name)
}

/// Rejects keyword arguments of a builtin class's `__init__` taking none, unless the class
/// of `obj` overrides `__new__` of `base` (which gets them), as CPython's list and set do.
pub fn no_kw_unless_new(vm: &mut Vm, kw: Value, obj: Value, base: Value, name: &str) -> PyResult<()> {
    if kw.is_null() || kw.get::<TupleObj>().map(|t| t.items.is_empty()).unwrap_or(true) {
        return Ok(());
    }
    let new = vm.intern("__new__");
    let cls = vm.type_of(obj);
    if cls != base && vm.lookup(cls, new) != vm.lookup(base, new) {
        return Ok(());
    }
    no_kw(vm, kw, name)
}

/// Rejects keyword arguments for functions that take none.
#[inline]
pub fn no_kw(vm: &mut Vm, kw: Value, name: &str) -> PyResult<()> {
    if kw.is_null() || kw.get::<TupleObj>().map(|t| t.items.is_empty()).unwrap_or(true) {
        return Ok(());
    }
    no_kw_error(vm, name)
}

#[cold]
#[inline(never)]
fn no_kw_error(vm: &mut Vm, name: &str) -> PyResult<()> {
    Err(vm.type_error(&format!("{name}() takes no keyword arguments")))
}

/// Splits positional arguments from keyword ones: (positional, [(name, value)]).
pub fn split_kw(vm: &Vm, args: &[Value], kw: Value) -> (Vec<Value>, Vec<(String, Value)>) {
    let Some(names) = kw.get::<TupleObj>().filter(|t| !t.items.is_empty()) else { return (args.to_vec(), Vec::new()) };
    let npos = args.len().saturating_sub(names.items.len());
    let kws = names.items.iter().zip(&args[npos..]).map(|(n, &v)| (vm.str_of(*n), v)).collect();
    (args[..npos].to_vec(), kws)
}

/// Adds a method implemented in Rust to a class.
pub fn method(vm: &mut Vm, ty: Value, name: &'static str, f: NativeFn) {
    let bt = vm.types.method_descriptor;
    let mut slot_args = slot_arity(name);
    if slot_args == NO_SLOT {
        if let Some(t) = ty.get::<TypeObj>() {
            slot_args = arity_table::fixed_arity(&t.name.borrow(), name);
        }
    }
    let m = vm.alloc(bt, BuiltinObj { name, func: f, self_: Value::NULL, owner: ty, slot_args, module: Value::NULL }).value();
    let d = ty.get::<TypeObj>().map(|t| t.dict).unwrap_or(Value::NULL);
    vm.dict_set_str(d, name, m);
}

/// Adds a classmethod implemented in Rust.
pub fn class_method(vm: &mut Vm, ty: Value, name: &'static str, f: NativeFn) {
    let bt = vm.types.builtin_function;
    let m = vm.alloc(bt, BuiltinObj { name, func: f, self_: Value::NULL, owner: Value::NULL, slot_args: NO_SLOT, module: Value::NULL }).value();
    let ct = vm.types.classmethod;
    let c = vm.alloc(ct, ClassMethodObj { f: m, dict: Cell::new(Value::NULL) }).value();
    let d = ty.get::<TypeObj>().map(|t| t.dict).unwrap_or(Value::NULL);
    vm.dict_set_str(d, name, c);
}

/// Adds a static method (used for `__new__`).
pub fn static_method(vm: &mut Vm, ty: Value, name: &'static str, f: NativeFn) {
    let bt = vm.types.builtin_function;
    // a builtin `__new__` knows its class, for the checks of `X.__new__(Y)` (call_builtin)
    let owner = if name == "__new__" { ty } else { Value::NULL };
    let m = vm.alloc(bt, BuiltinObj { name, func: f, self_: Value::NULL, owner, slot_args: NO_SLOT, module: Value::NULL }).value();
    let st = vm.types.staticmethod;
    let s = vm.alloc(st, StaticMethodObj { f: m, dict: Cell::new(Value::NULL) }).value();
    let d = ty.get::<TypeObj>().map(|t| t.dict).unwrap_or(Value::NULL);
    vm.dict_set_str(d, name, s);
}

/// Adds a read-only (or settable) attribute computed in Rust.
pub fn getset(vm: &mut Vm, ty: Value, name: &'static str, get: NativeFn, set: Option<NativeFn>) {
    getset_del(vm, ty, name, get, set, None);
}

/// A getset descriptor with a deleter too (`del obj.name` calls it with the object).
pub fn getset_del(vm: &mut Vm, ty: Value, name: &'static str, get: NativeFn, set: Option<NativeFn>, del: Option<NativeFn>) {
    let bt = vm.types.builtin_function;
    let g = vm.alloc(bt, BuiltinObj { name, func: get, self_: Value::NULL, owner: Value::NULL, slot_args: NO_SLOT, module: Value::NULL }).value();
    let s = match set {
        Some(f) => vm.alloc(bt, BuiltinObj { name, func: f, self_: Value::NULL, owner: Value::NULL, slot_args: NO_SLOT, module: Value::NULL }).value(),
        None => Value::NULL,
    };
    let dl = match del {
        Some(f) => vm.alloc(bt, BuiltinObj { name, func: f, self_: Value::NULL, owner: Value::NULL, slot_args: NO_SLOT, module: Value::NULL }).value(),
        None => Value::NULL,
    };
    let pt = vm.types.property;
    let n = vm.intern(name);
    let p = vm.alloc(pt, PropertyObj { fget: g, fset: s, fdel: dl, doc: Cell::new(Value::NULL), name: Cell::new(n) }).value();
    let d = ty.get::<TypeObj>().map(|t| t.dict).unwrap_or(Value::NULL);
    vm.dict_set_str(d, name, p);
}

/// Creates the builtins module, the methods of the builtin types, and sys/math/time/gc.
pub fn register_all(vm: &mut Vm) {
    let bd = vm.new_dict();
    vm.builtins_dict = bd;
    let mt = vm.types.module;
    let name = vm.intern("builtins");
    vm.builtins = vm.alloc(mt, ModuleObj { name, dict: bd }).value();
    vm.dict_set_str(bd, "__name__", name);
    let none = vm.none;
    vm.dict_set_str(bd, "__doc__", none);
    // as for the other modules written in Rust (see modules::new_module)
    vm.dict_set_str(bd, "__package__", vm.empty_str);
    vm.dict_set_str(bd, "__loader__", none);
    vm.dict_set_str(bd, "__spec__", none);
    types::register(vm);
    reduce::register(vm);
    code_methods::register(vm);
    numtypes::register(vm);
    str::register(vm);
    list::register(vm);
    dict::register(vm);
    bytes_methods::register(vm);
    memoryview::register(vm);
    descr::register(vm);
    generic::register(vm);
    exceptions::register(vm);
    funcs::register(vm);
    richcmp::register(vm);
    iter_reduce::register(vm);
    seq_dunders::register(vm);
    // classes and constants visible in builtins
    let t = &vm.types;
    let named = [
        ("object", t.object),
        ("type", t.type_),
        ("int", t.int),
        ("bool", t.bool),
        ("float", t.float),
        ("complex", t.complex),
        ("str", t.str),
        ("bytes", t.bytes),
        ("bytearray", t.bytearray),
        ("tuple", t.tuple),
        ("list", t.list),
        ("dict", t.dict),
        ("set", t.set),
        ("frozenset", t.frozenset),
        ("range", t.range),
        ("slice", t.slice),
        ("property", t.property),
        ("classmethod", t.classmethod),
        ("staticmethod", t.staticmethod),
        ("super", t.super_),
        ("memoryview", t.memoryview),
        ("enumerate", t.enumerate),
        ("zip", t.zip),
        ("map", t.map),
        ("filter", t.filter),
        ("reversed", t.reversed),
    ];
    for (n, v) in named {
        vm.dict_set_str(bd, n, v);
    }
    let excs = vm.types.exceptions.clone();
    for (n, v) in excs {
        vm.dict_set_str(bd, n, v);
    }
    let os_error = vm.types.os_error;
    vm.dict_set_str(bd, "EnvironmentError", os_error);
    vm.dict_set_str(bd, "IOError", os_error);
    vm.dict_set_str(bd, "None", none);
    let (t, f, e, ni) = (vm.true_, vm.false_, vm.ellipsis, vm.not_implemented);
    vm.dict_set_str(bd, "True", t);
    vm.dict_set_str(bd, "False", f);
    vm.dict_set_str(bd, "Ellipsis", e);
    vm.dict_set_str(bd, "NotImplemented", ni);
    let debug = if pyjit_compiler::optimize() == 0 { t } else { f };
    vm.dict_set_str(bd, "__debug__", debug);
    // builtin classes have a __doc__ entry (CPython's text, or None); their __module__
    // ("builtins") is not stored
    let all = vm.types.all();
    for ty in all {
        if let Some(tt) = ty.get::<TypeObj>() {
            let d = tt.dict;
            if vm.dict_get_by_str(d, "__doc__").is_none() {
                let doc = match type_docs::type_doc(&tt.name.borrow()) {
                    Some(text) => vm.new_str(text),
                    None => none,
                };
                vm.dict_set_str(d, "__doc__", doc);
            }
        }
    }
    crate::modules::register(vm);
}

/// A float from a number argument (for math and time).
pub fn numfloat(vm: &mut Vm, v: Value) -> PyResult<f64> {
    numtypes_float(vm, v)
}

fn numtypes_float(vm: &mut Vm, v: Value) -> PyResult<f64> {
    match vm.as_num(v) {
        Some(num::Num::Float(f)) => Ok(f),
        Some(num::Num::Small(i)) => Ok(i as f64),
        Some(num::Num::Int(b)) => vm.int_to_f64(&b),
        Some(num::Num::Complex(..)) => Err(vm.type_error("must be real number, not complex")),
        None => {
            let ty = vm.type_of(v);
            let n = vm.intern("__float__");
            if let Some(f) = vm.lookup(ty, n) {
                let r = vm.call(f, &[v])?;
                if let Some(num::Num::Float(x)) = vm.as_num(r) {
                    return Ok(x);
                }
            }
            let n = vm.intern("__index__");
            if let Some(f) = vm.lookup(ty, n) {
                let r = vm.call(f, &[v])?;
                if let Some(b) = vm.as_bigint(r) {
                    return vm.int_to_f64(&b);
                }
            }
            let tn = vm.type_name(ty);
            Err(vm.type_error(&format!("must be real number, not {tn}")))
        }
    }
}

/// int(f) for a float, with CPython's errors for nan and inf.
pub fn float_to_int_pub(vm: &mut Vm, f: f64) -> PyResult<Value> {
    numtypes::float_to_int(vm, f)
}
