//! Modules written in Rust (sys, math, time, gc, _sre, ...) and the import system.

mod clocks;
mod errno;
mod gc;
pub mod import;
pub mod io;
mod math;
mod os;
pub mod posix;
pub mod sre;
mod pymods;
mod signal_natives;
mod faulthandler;
pub mod stdlib;
mod weakref;
mod abc;
mod namespace;
pub mod sys;
pub mod sys_hooks;
mod sys_info;
mod stdlib_names;
mod strptime;
mod time;
mod tz;
pub mod warnings;

use std::sync::OnceLock;

use crate::heap::Value;
use crate::interp::{NativeFn, PyResult, Vm};
use crate::objects::{BuiltinObj, ModuleObj, NO_SLOT};

/// Fills a new module object (already in sys.modules) of the native library.
pub type ModuleInit = fn(&mut Vm, Value) -> PyResult<()>;

/// The native library modules (pyjit-stdlib's `_random`, `itertools`, ...): built into the
/// executable, created when first imported.
static LIBRARY: OnceLock<&'static [(&'static str, ModuleInit)]> = OnceLock::new();

/// Installs the table of native library modules (once per process, before `Vm::new`).
pub fn install_library(table: &'static [(&'static str, ModuleInit)]) {
    let _ = LIBRARY.set(table);
}

/// The names of the native library modules.
pub fn library_names() -> Vec<&'static str> {
    LIBRARY.get().map(|t| t.iter().map(|e| e.0).collect()).unwrap_or_default()
}

/// Creates native library module `name` on its first import; None when there is none.
pub fn create_library_module(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    let Some(&(_, init)) = LIBRARY.get().and_then(|t| t.iter().find(|e| e.0 == name)) else { return Ok(None) };
    let m = new_module(vm, name);
    if let Err(e) = init(vm, m) {
        let mods = vm.modules;
        let k = vm.new_str(name);
        let _ = vm.dict_del(mods, k);
        return Err(e);
    }
    Ok(Some(m))
}

/// A new module object registered in sys.modules.
pub fn new_module(vm: &mut Vm, name: &str) -> Value {
    let d = vm.new_dict();
    let n = vm.intern(name);
    let mt = vm.types.module;
    let m = vm.alloc(mt, ModuleObj { name: n, dict: d }).value();
    vm.dict_set_str(d, "__name__", n);
    let none = vm.none;
    vm.dict_set_str(d, "__doc__", none);
    vm.dict_set_str(d, "__package__", vm.empty_str);
    vm.dict_set_str(d, "__spec__", none);
    vm.dict_set_str(d, "__loader__", none);
    if !vm.modules.is_null() {
        let mods = vm.modules;
        let _ = vm.dict_set(mods, n, m);
    }
    m
}

pub fn add_fn(vm: &mut Vm, m: Value, name: &'static str, f: NativeFn) {
    let d = m.get::<ModuleObj>().map(|m| m.dict).unwrap_or(Value::NULL);
    let t = vm.types.builtin_function;
    let b = vm.alloc(t, BuiltinObj { name, func: f, self_: Value::NULL, owner: Value::NULL, slot_args: NO_SLOT, module: m }).value();
    vm.dict_set_str(d, name, b);
}

pub fn set_attr(vm: &mut Vm, m: Value, name: &str, v: Value) {
    let d = m.get::<ModuleObj>().map(|m| m.dict).unwrap_or(Value::NULL);
    vm.dict_set_str(d, name, v);
}

pub fn register(vm: &mut Vm) {
    vm.modules = vm.new_dict();
    let mods = vm.modules;
    let b = vm.builtins;
    let bn = vm.intern("builtins");
    let _ = vm.dict_set(mods, bn, b);
    sys::register(vm);
    math::register(vm);
    posix::register(vm);
    errno::register(vm);
    pymods::register(vm);
    if stdlib::stdlib_dir(vm).is_none() {
        // without the library, a small os module of pyjit's own
        os::register(vm);
    }
    io::register(vm);
    sre::register(vm);
    time::register(vm);
    gc::register(vm);
    warnings::register(vm);
    abc::register(vm);
    pymods::builtin_module_names(vm);
}

pub use pymods::{run_atexit, threading_shutdown};
pub use weakref::after_mark as weakref_after_mark;
pub use abc::after_mark as abc_after_mark;
