//! Shared helpers of the native modules: classes with a Rust state, argument checks with
//! CPython's messages, integer conversions.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

pub use pyjit_vm::heap::{ObjKind, Tracer, Value};
pub use pyjit_vm::interp::NativeFn;
pub use pyjit_vm::objects::{NativeData, NativeNext, NativeObj, TupleObj, TypeObj};
pub use pyjit_vm::{PyErr, PyResult, Vm};

/// Implements `NativeData` for a state type: `native_state!(T)` for a state holding no
/// values, `native_state!(T, |s, t| { t.visit(s.x); })` to trace the values it holds,
/// `native_state!(T, dict, |s, t| ...)` when instances have a `__dict__`.
#[macro_export]
macro_rules! native_state {
    ($t:ty) => {
        $crate::native_state!($t, |_s, _t| {});
    };
    ($t:ty, dict, |$s:ident, $tr:ident| $body:block) => {
        impl pyjit_vm::objects::NativeData for $t {
            fn trace(&self, $tr: &mut pyjit_vm::heap::Tracer) {
                let $s = self;
                $body
            }
            fn as_any(&self) -> &dyn std::any::Any {
                self
            }
            fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
                self
            }
            fn has_dict(&self) -> bool {
                true
            }
        }
    };
    ($t:ty, |$s:ident, $tr:ident| $body:block) => {
        impl pyjit_vm::objects::NativeData for $t {
            fn trace(&self, $tr: &mut pyjit_vm::heap::Tracer) {
                let $s = self;
                $body
            }
            fn as_any(&self) -> &dyn std::any::Any {
                self
            }
            fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
                self
            }
        }
    };
}

/// A class of module `module` whose instances are native objects (or another kind);
/// `subclassable` sets BASETYPE. The class stays alive for the VM's lifetime.
pub fn new_class(vm: &mut Vm, module: &str, name: &str, base: Option<Value>, kind: ObjKind, subclassable: bool) -> Value {
    let base = base.unwrap_or(vm.types.object);
    let flags = if subclassable { pyjit_vm::objects::type_flags::BASETYPE } else { 0 };
    let t = vm.make_type(name, base, kind, flags);
    if let Some(d) = t.get::<TypeObj>().map(|t| t.dict) {
        let mn = vm.new_str(module);
        vm.dict_set_str(d, "__module__", mn);
        let none = vm.none;
        vm.dict_set_str(d, "__doc__", none);
    }
    vm.permanent.push(t);
    t
}

/// A new native object of class `ty`.
pub fn new_native<T: NativeData>(vm: &mut Vm, ty: Value, state: T) -> Value {
    vm.alloc(ty, NativeObj::new(Box::new(state), None)).value()
}

/// A new native iterator of class `ty`, advanced by `next`.
pub fn new_native_iter<T: NativeData>(vm: &mut Vm, ty: Value, state: T, next: NativeNext) -> Value {
    vm.alloc(ty, NativeObj::new(Box::new(state), Some(next))).value()
}

/// Runs `f` on the `T` state of `v`; a TypeError naming `what` when `v` has none. `f` must
/// not allocate or call Python code.
#[inline]
pub fn with_state<T: NativeData, R>(vm: &mut Vm, v: Value, what: &str, f: impl FnOnce(&mut T) -> R) -> PyResult<R> {
    if let Some(o) = v.get::<NativeObj>() {
        if let Some(r) = o.with(f) {
            return Ok(r);
        }
    }
    let tn = vm.type_name_of(v);
    Err(vm.type_error(&format!("descriptor requires a '{what}' object but received a '{tn}'")))
}

/// Whether `v` is a native object with a `T` state.
pub fn has_state<T: NativeData>(v: Value) -> bool {
    v.get::<NativeObj>().map(|o| o.is::<T>()).unwrap_or(false)
}

/// Adds module functions.
pub fn add_fns(vm: &mut Vm, m: Value, fns: &[(&'static str, NativeFn)]) {
    for &(n, f) in fns {
        pyjit_vm::modules::add_fn(vm, m, n, f);
    }
}

/// Sets a module attribute.
pub fn set_attr(vm: &mut Vm, m: Value, name: &str, v: Value) {
    pyjit_vm::modules::set_attr(vm, m, name, v);
}

/// Sets int module attributes (a C module's constants).
pub fn set_int_consts(vm: &mut Vm, m: Value, consts: &[(&str, i64)]) {
    for &(n, v) in consts {
        let val = vm.new_int(v);
        set_attr(vm, m, n, val);
    }
}

/// Adds methods to a class.
pub fn add_methods(vm: &mut Vm, ty: Value, ms: &[(&'static str, NativeFn)]) {
    for &(n, f) in ms {
        pyjit_vm::builtins::method(vm, ty, n, f);
    }
}

/// Adds computed attributes (getter, optional setter) to a class.
pub fn add_getsets(vm: &mut Vm, ty: Value, gs: &[(&'static str, NativeFn, Option<NativeFn>)]) {
    for &(n, g, s) in gs {
        pyjit_vm::builtins::getset(vm, ty, n, g, s);
    }
}

/// Sets `__new__` of a class.
pub fn set_new(vm: &mut Vm, ty: Value, f: NativeFn) {
    pyjit_vm::builtins::static_method(vm, ty, "__new__", f);
}

/// Adds a classmethod.
pub fn add_classmethod(vm: &mut Vm, ty: Value, name: &'static str, f: NativeFn) {
    pyjit_vm::builtins::class_method(vm, ty, name, f);
}

/// Sets a class attribute.
pub fn set_class_attr(vm: &mut Vm, ty: Value, name: &str, v: Value) {
    if let Some(d) = ty.get::<TypeObj>().map(|t| t.dict) {
        vm.dict_set_str(d, name, v);
    }
}

/// How many keyword arguments a call passed (their names are the tuple `kw`).
#[inline]
pub fn nkw(kw: Value) -> usize {
    kw.get::<TupleObj>().map(|t| t.items.len()).unwrap_or(0)
}

/// The positional arguments of a call (the keyword values follow them in `args`).
#[inline]
pub fn positional(args: &[Value], kw: Value) -> &[Value] {
    &args[..args.len() - nkw(kw).min(args.len())]
}

/// The keyword arguments of a call as (name, value).
pub fn keywords(vm: &Vm, args: &[Value], kw: Value) -> Vec<(String, Value)> {
    let names: Vec<Value> = kw.get::<TupleObj>().map(|t| t.items.to_vec()).unwrap_or_default();
    let npos = args.len() - names.len();
    names.iter().enumerate().map(|(i, n)| (vm.str_of(*n), args[npos + i])).collect()
}

/// "NAME() takes no keyword arguments" when keywords were passed.
pub fn no_kw(vm: &mut Vm, kw: Value, name: &str) -> PyResult<()> {
    if nkw(kw) == 0 {
        return Ok(());
    }
    Err(vm.type_error(&format!("{name}() takes no keyword arguments")))
}

/// A class's `__new__` taking no keywords, unless `cls` is a subclass with its own
/// `__init__` (CPython's `type->tp_init == Base.tp_init` check).
pub fn no_kw_new(vm: &mut Vm, kw: Value, cls: Value, name: &str) -> PyResult<()> {
    pyjit_vm::builtins::no_kw_unless_init(vm, kw, cls, name)
}

/// A METH_NOARGS method (args[0] is self): `qual` is "Class.method".
pub fn noargs(vm: &mut Vm, args: &[Value], kw: Value, qual: &str) -> PyResult<()> {
    no_kw(vm, kw, qual)?;
    if args.len() != 1 {
        return Err(vm.type_error(&format!("{qual}() takes no arguments ({} given)", args.len().saturating_sub(1))));
    }
    Ok(())
}

/// A METH_O method (args[0] is self): its one argument.
pub fn onearg(vm: &mut Vm, args: &[Value], kw: Value, qual: &str) -> PyResult<Value> {
    no_kw(vm, kw, qual)?;
    if args.len() != 2 {
        return Err(vm.type_error(&format!("{qual}() takes exactly one argument ({} given)", args.len().saturating_sub(1))));
    }
    Ok(args[1])
}

/// A module-level METH_O function: its one argument.
pub fn onearg_fn(vm: &mut Vm, args: &[Value], kw: Value, name: &str) -> PyResult<Value> {
    no_kw(vm, kw, name)?;
    if args.len() != 1 {
        return Err(vm.type_error(&format!("{name}() takes exactly one argument ({} given)", args.len())));
    }
    Ok(args[0])
}

/// Argument clinic's positional count check (`_PyArg_CheckPositional`), keywords refused.
pub fn check_pos(vm: &mut Vm, args: &[Value], kw: Value, name: &str, min: usize, max: usize) -> PyResult<()> {
    no_kw(vm, kw, name)?;
    check_count(vm, args.len(), name, min, max)
}

/// The count part of `check_pos`.
pub fn check_count(vm: &mut Vm, n: usize, name: &str, min: usize, max: usize) -> PyResult<()> {
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    if n < min {
        let msg = if min == max {
            format!("{name} expected {min} argument{}, got {n}", plural(min))
        } else {
            format!("{name} expected at least {min} argument{}, got {n}", plural(min))
        };
        return Err(vm.type_error(&msg));
    }
    if n > max {
        let msg = if min == max {
            format!("{name} expected {max} argument{}, got {n}", plural(max))
        } else {
            format!("{name} expected at most {max} argument{}, got {n}", plural(max))
        };
        return Err(vm.type_error(&msg));
    }
    Ok(())
}

/// Binds arguments to parameter names with argument clinic's messages (see
/// `pyjit_vm::modules::io::bind`).
pub fn bind(vm: &mut Vm, args: &[Value], kw: Value, fname: &str, names: &[&str], required: usize, posonly: usize) -> PyResult<Vec<Option<Value>>> {
    pyjit_vm::modules::io::bind(vm, args, kw, fname, names, required, posonly).map(|a| a.vals)
}

/// An int argument through `__index__` ("'float' object cannot be interpreted as an integer").
pub fn index(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if v.is_small() {
        return Ok(v);
    }
    vm.index_of(v)
}

/// An index-sized integer (Py_ssize_t) through `__index__`: OverflowError "Python int too
/// large to convert to C ssize_t" beyond it.
pub fn ssize(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if v.is_small() {
        return Ok(v.small_value());
    }
    let i = vm.index_of(v)?;
    match vm.as_i64(i) {
        Some(n) => Ok(n),
        None => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
    }
}

/// A C int argument (argument clinic's `int`): OverflowError beyond 32 bits.
pub fn c_int(vm: &mut Vm, v: Value) -> PyResult<i32> {
    if v.is_small() {
        if let Ok(n) = i32::try_from(v.small_value()) {
            return Ok(n);
        }
    }
    if v.kind() == Some(ObjKind::Float) {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let i = index(vm, v)?;
    match vm.as_i64(i) {
        Some(n) if n > i32::MAX as i64 => Err(vm.overflow_error("signed integer is greater than maximum")),
        Some(n) if n < i32::MIN as i64 => Err(vm.overflow_error("signed integer is less than minimum")),
        Some(n) => Ok(n as i32),
        None => Err(vm.overflow_error("Python int too large to convert to C int")),
    }
}

/// A C long argument: OverflowError "Python int too large to convert to C long".
pub fn c_long(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if v.is_small() {
        return Ok(v.small_value());
    }
    let i = vm.index_of(v)?;
    match vm.as_i64(i) {
        Some(n) => Ok(n),
        None => Err(vm.overflow_error("Python int too large to convert to C long")),
    }
}

/// The value of an int object as a BigInt (None when `v` is not an int).
pub fn bigint(vm: &Vm, v: Value) -> Option<BigInt> {
    vm.as_bigint(v)
}

/// An int object from a BigInt (small when it fits).
pub fn int_value(vm: &mut Vm, b: BigInt) -> Value {
    match b.to_i64() {
        Some(i) => vm.new_int(i),
        None => vm.new_bigint(b),
    }
}

/// The absolute value of a BigInt as little-endian 32-bit words (at least one word).
pub fn u32_words(b: &BigInt) -> Vec<u32> {
    let mut w = b.abs().to_u32_digits().1;
    if w.is_empty() {
        w.push(0);
    }
    w
}

/// The class name of `v` for messages.
pub fn tname(vm: &Vm, v: Value) -> String {
    vm.type_name_of(v)
}

/// Whether `v` is None.
#[inline]
pub fn is_none(vm: &Vm, v: Value) -> bool {
    v == vm.none
}

/// The class stored in a per-thread slot, for code that makes instances of a module's
/// classes without being given the class.
#[macro_export]
macro_rules! class_slot {
    ($name:ident) => {
        pyjit_vm::gil_local! {
            static $name: std::cell::Cell<pyjit_vm::heap::Value> = std::cell::Cell::new(pyjit_vm::heap::Value::NULL);
        }
    };
}

/// Binds a call's arguments like argument clinic's `_PyArg_UnpackKeywords`: `pos` are the
/// positional-or-keyword parameters (the first `required` required), `kwonly` the
/// keyword-only ones. Returns the values of `pos` then `kwonly`.
pub fn parse(vm: &mut Vm, args: &[Value], kw: Value, name: &str, pos: &[&str], kwonly: &[&str], required: usize) -> PyResult<Vec<Option<Value>>> {
    let kwn: Vec<Value> = kw.get::<TupleObj>().map(|t| t.items.to_vec()).unwrap_or_default();
    let nk = kwn.len().min(args.len());
    let npos = args.len() - nk;
    let maxargs = pos.len() + kwonly.len();
    let s = |k: usize| if k == 1 { "" } else { "s" };
    if npos + nk > maxargs {
        let kwd = if npos == 0 { "keyword " } else { "" };
        return Err(vm.type_error(&format!("{name}() takes at most {maxargs} {kwd}argument{} ({} given)", s(maxargs), npos + nk)));
    }
    if npos > pos.len() {
        let msg = if pos.is_empty() {
            format!("{name}() takes no positional arguments")
        } else {
            format!("{name}() takes at most {} positional argument{} ({npos} given)", pos.len(), s(pos.len()))
        };
        return Err(vm.type_error(&msg));
    }
    let mut vals: Vec<Option<Value>> = vec![None; maxargs];
    for (i, &a) in args[..npos].iter().enumerate() {
        vals[i] = Some(a);
    }
    let knames: Vec<String> = kwn.iter().map(|k| vm.str_of(*k)).collect();
    let mut used = vec![false; nk];
    for (i, p) in pos.iter().chain(kwonly.iter()).enumerate() {
        if i >= npos {
            if let Some(j) = knames.iter().position(|k| k == p) {
                vals[i] = Some(args[npos + j]);
                used[j] = true;
            }
        }
        if vals[i].is_none() && i < required {
            return Err(vm.type_error(&format!("{name}() missing required argument '{p}' (pos {})", i + 1)));
        }
    }
    for (j, k) in knames.iter().enumerate() {
        if used[j] {
            continue;
        }
        return Err(match pos.iter().position(|p| p == k) {
            Some(i) if i < npos => vm.type_error(&format!("argument for {name}() given by name ('{k}') and position ({})", i + 1)),
            _ => vm.type_error(&format!("'{k}' is an invalid keyword argument for {name}()")),
        });
    }
    Ok(vals)
}

/// `__iter__` returning self.
pub fn iter_self(_vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    Ok(a[0])
}

/// `__next__` of a native iterator: its `next` function, StopIteration at the end.
pub fn next_method(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let Some(&me) = a.first() else { return Err(vm.type_error("__next__ needs an argument")) };
    let next = me.get::<NativeObj>().and_then(|o| o.next);
    match next {
        Some(f) => match f(vm, me)? {
            Some(v) => Ok(v),
            None => {
                let none = vm.none;
                Err(vm.stop_iteration(none))
            }
        },
        None => {
            let tn = vm.type_name_of(me);
            Err(vm.type_error(&format!("'{tn}' object is not an iterator")))
        }
    }
}

/// A class of native iterators made by `new`, with `__iter__` and `__next__`.
pub fn iter_class(vm: &mut Vm, module: &str, name: &str, new: Option<NativeFn>, subclassable: bool) -> Value {
    let t = new_class(vm, module, name, None, ObjKind::Native, subclassable);
    if let Some(n) = new {
        set_new(vm, t, n);
    }
    add_methods(vm, t, &[("__iter__", iter_self), ("__next__", next_method)]);
    t
}

/// Reads a thread-local class slot.
#[macro_export]
macro_rules! class_of {
    ($slot:ident) => {
        $slot.with(|c| c.get())
    };
}

/// Runs `f` on the bytes of a bytes-like object (bytes, bytearray, memoryview, or a native
/// object exporting a buffer such as array.array); None when `v` is not one.
pub fn with_buffer<R>(vm: &mut Vm, v: Value, f: impl FnOnce(&[u8]) -> R) -> PyResult<Option<R>> {
    use pyjit_vm::objects::{ByteArrayObj, BytesObj};
    match v.kind() {
        Some(ObjKind::Bytes) => Ok(v.get::<BytesObj>().map(|b| f(&b.data))),
        Some(ObjKind::ByteArray) => Ok(v.get::<ByteArrayObj>().map(|b| f(&b.data.borrow()))),
        Some(ObjKind::MemoryView) => {
            let d = pyjit_vm::builtins::memoryview::view_bytes(vm, v)?;
            Ok(Some(f(&d)))
        }
        Some(ObjKind::Native) => Ok(v.get::<NativeObj>().and_then(|o| o.with_buffer(f))),
        _ => Ok(None),
    }
}

/// The bytes of a bytes-like argument, or TypeError "a bytes-like object is required, not
/// 'T'".
pub fn bytes_like(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    match with_buffer(vm, v, |b| b.to_vec())? {
        Some(b) => Ok(b),
        None => {
            let tn = vm.type_name_of(v);
            Err(vm.type_error(&format!("a bytes-like object is required, not '{tn}'")))
        }
    }
}

/// Whether `v` is a str.
pub fn is_str(v: Value) -> bool {
    v.kind() == Some(ObjKind::Str)
}

/// callable(v).
pub fn is_callable(vm: &mut Vm, v: Value) -> bool {
    match v.kind() {
        Some(ObjKind::Function | ObjKind::Builtin | ObjKind::Method | ObjKind::Type) => true,
        _ => {
            let ty = vm.type_of(v);
            vm.lookup_str(ty, "__call__").is_some()
        }
    }
}

/// Calls `f(*args)` with the keyword arguments of a call (`kw` names the last values).
pub fn call_with_kw(vm: &mut Vm, f: Value, args: &[Value], kw: Value) -> PyResult<Value> {
    vm.call_kw(f, args, kw)
}

/// Runs `f` on the writable bytes of a read-write buffer (bytearray, a memoryview of one,
/// or a native object exporting a writable buffer); None when `v` is not one.
pub fn with_buffer_mut<R>(vm: &mut Vm, v: Value, f: impl FnOnce(&mut [u8]) -> R) -> PyResult<Option<R>> {
    use pyjit_vm::objects::{ByteArrayObj, MemoryViewObj};
    match v.kind() {
        Some(ObjKind::ByteArray) => Ok(v.get::<ByteArrayObj>().map(|b| f(&mut b.data.borrow_mut()))),
        Some(ObjKind::MemoryView) => {
            let Some(m) = v.get::<MemoryViewObj>() else { return Ok(None) };
            if m.released.get() {
                return Err(vm.value_error("operation forbidden on released memoryview object"));
            }
            if m.step != 1 {
                return Ok(None);
            }
            if let Some(ba) = m.obj.get::<ByteArrayObj>() {
                let mut d = ba.data.borrow_mut();
                let end = (m.start + m.len).min(d.len());
                let start = m.start.min(end);
                return Ok(Some(f(&mut d[start..end])));
            }
            if let Some(o) = m.obj.get::<NativeObj>() {
                return Ok(o.with_buffer_mut(|d| {
                    let end = (m.start + m.len).min(d.len());
                    let start = m.start.min(end);
                    f(&mut d[start..end])
                }));
            }
            Ok(None)
        }
        Some(ObjKind::Native) => Ok(v.get::<NativeObj>().and_then(|o| o.with_buffer_mut(f))),
        _ => Ok(None),
    }
}

/// PyNumber_Check: an int, float or complex, or a class with __index__, __int__ or __float__.
pub fn is_number(vm: &mut Vm, v: Value) -> bool {
    if v.is_small() || matches!(v.kind(), Some(ObjKind::BigInt | ObjKind::Bool | ObjKind::Float | ObjKind::Complex)) {
        return true;
    }
    let ty = vm.type_of(v);
    ["__index__", "__int__", "__float__", "__complex__"].iter().any(|n| vm.lookup_str(ty, n).is_some())
}

/// The argument count of a slot method called directly (`d.__getitem__()`): CPython's
/// "expected N arguments, got M".
pub fn slot(vm: &mut Vm, a: &[Value], n: usize) -> PyResult<()> {
    let m = a.len().saturating_sub(1);
    if m != n || a.is_empty() {
        return Err(vm.type_error(&format!("expected {n} argument{}, got {m}", if n == 1 { "" } else { "s" })));
    }
    Ok(())
}
