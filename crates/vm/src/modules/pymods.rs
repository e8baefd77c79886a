//! Built-in modules written mostly in Python (`py/*.py`, pyjit's own code) over a few Rust
//! helpers: _thread, _weakref, _imp, _warnings, atexit, _string, _signal, _locale, _codecs,
//! _contextvars. Each runs once at start-up in a new module's namespace.

use crate::heap::Value;
use crate::interp::{NativeFn, PyResult, Vm};
use crate::objects::*;

/// A module made of Rust functions and a Python body; an error in the body is a pyjit bug
/// and is shown on stderr (the module then lacks what followed the error).
pub fn py_module(vm: &mut Vm, name: &str, natives: &[(&'static str, NativeFn)], source: &str, filename: &str) -> Value {
    let m = super::new_module(vm, name);
    for &(n, f) in natives {
        super::add_fn(vm, m, n, f);
    }
    let d = m.get::<ModuleObj>().map(|m| m.dict).unwrap_or(Value::NULL);
    let b = vm.builtins;
    vm.dict_set_str(d, "__builtins__", b);
    let r = vm.compile_source(source, filename, pyjit_compiler::Mode::Exec).and_then(|c| vm.run_code(c, d, d));
    if let Err(e) = r {
        let msg = vm.repr(e.0).unwrap_or_default();
        eprintln!("pyjit: internal error while creating module {name}: {msg}");
    }
    m
}

/// `_thread._interrupt(signum)`: the signal as if it had arrived (the main thread runs its
/// handler at its next check).
fn interrupt(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    crate::builtins::arity(vm, a, 1, 1, "interrupt_main")?;
    let i = vm.index_of(a[0])?;
    let n = vm.as_i64(i).unwrap_or(-1);
    if !crate::signals::trip(n.clamp(-1, 1 << 20) as i32) {
        return Err(vm.value_error("signal number out of range"));
    }
    if !crate::threads::is_worker() {
        // in the main thread the handler runs at once, as CPython's eval breaker runs it
        crate::signals::check(vm)?;
    }
    Ok(vm.none)
}

fn native_id(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    let tid = std::fs::read_link("/proc/thread-self")
        .ok()
        .and_then(|p| p.file_name().and_then(|n| n.to_str()).and_then(|s| s.parse::<i64>().ok()))
        .unwrap_or(std::process::id() as i64);
    Ok(vm.new_int(tid))
}

/// _codecs._encode(str, encoding, errors) -> bytes.
/// `_imp._code_with_filename(code, path)`: a copy of `code` whose `co_filename`, and its
/// nested code objects', is `path` (what CPython's `_fix_co_filename` does in place to a
/// code object read from a bytecode file compiled under another path).
fn code_with_filename(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    fn retarget(c: &pyjit_compiler::code::CodeObject, f: &std::rc::Rc<str>) -> pyjit_compiler::code::CodeObject {
        use pyjit_compiler::code::Const;
        let mut n = c.clone();
        n.filename = f.clone();
        for k in n.consts.iter_mut() {
            if let Const::Code(inner) = k {
                *k = Const::Code(std::rc::Rc::new(retarget(inner, f)));
            }
        }
        n
    }
    let (Some(&code), Some(&path)) = (a.first(), a.get(1)) else {
        return Err(vm.type_error("_code_with_filename() takes 2 arguments"));
    };
    let Some(rc) = code.get::<CodeObj>().map(|c| c.code.clone()) else {
        return Err(vm.type_error("_code_with_filename() argument 1 must be code"));
    };
    let f: std::rc::Rc<str> = vm.str_of(path).as_str().into();
    let n = retarget(&rc, &f);
    Ok(vm.load_code(std::rc::Rc::new(n)))
}

fn codecs_encode(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    crate::builtins::arity(vm, a, 3, 3, "_encode")?;
    let (enc, errors) = (vm.str_of(a[1]), vm.str_of(a[2]));
    let b = crate::builtins::codecs::encode(vm, a[0], &enc, &errors)?;
    Ok(vm.new_bytes(b))
}

/// _codecs._decode(bytes, encoding, errors, final) -> (str, bytes consumed).
fn codecs_decode(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    crate::builtins::arity(vm, a, 4, 4, "_decode")?;
    let data = a[0].get::<BytesObj>().map(|b| b.data.to_vec()).unwrap_or_default();
    let (enc, errors) = (vm.str_of(a[1]), vm.str_of(a[2]));
    let last = vm.truthy(a[3])?;
    let codec = crate::builtins::codecs::lookup(vm, &enc)?;
    let (cps, used) = crate::builtins::codecs::decode_prefix(vm, &data, codec, &errors, last)?;
    let s = vm.new_str_cps(&cps);
    let n = vm.new_int(used as i64);
    Ok(vm.new_tuple(vec![s, n]))
}

/// The extension module suffixes of CPython 3.11 on this architecture (for the ImportError
/// that names a compiled module pyjit cannot load).
fn extension_suffixes() -> Vec<String> {
    let triple = match std::env::consts::ARCH {
        "x86_64" => "x86_64-linux-gnu",
        "aarch64" => "aarch64-linux-gnu",
        other => other,
    };
    vec![format!(".cpython-311-{triple}.so"), ".abi3.so".into(), ".so".into()]
}

pub fn register(vm: &mut Vm) {
    let mut natives = vec![("_native_id", native_id as NativeFn), ("_interrupt", interrupt)];
    natives.extend_from_slice(&crate::threads::NATIVES);
    super::weakref::register_module(vm);
    py_module(vm, "_thread", &natives, include_str!("py/thread.py"), "<frozen _thread>");
    py_module(vm, "_warnings", &[], include_str!("py/warnings_mod.py"), "<frozen _warnings>");
    py_module(vm, "atexit", &[], include_str!("py/atexit.py"), "<frozen atexit>");
    py_module(vm, "_string", &[], include_str!("py/string_mod.py"), "<frozen _string>");
    py_module(vm, "_signal", &super::signal_natives::NATIVES, include_str!("py/signal_mod.py"), "<frozen _signal>");
    py_module(vm, "faulthandler", &super::faulthandler::NATIVES, include_str!("py/faulthandler_mod.py"), "<frozen faulthandler>");
    py_module(vm, "_locale", &[], include_str!("py/locale_mod.py"), "<frozen _locale>");
    py_module(vm, "_codecs", &[("_encode", codecs_encode), ("_decode", codecs_decode)], include_str!("py/codecs_mod.py"), "<frozen _codecs>");
    py_module(vm, "_contextvars", &[], include_str!("py/contextvars_mod.py"), "<frozen _contextvars>");
    let imp = py_module(vm, "_imp", &[("_code_with_filename", code_with_filename)], include_str!("py/imp.py"), "<frozen _imp>");
    let sfx: Vec<Value> = extension_suffixes().into_iter().map(|s| vm.new_string(s)).collect();
    let t = vm.new_tuple(sfx);
    super::set_attr(vm, imp, "_EXTENSION_SUFFIXES", t);
}

/// At interpreter exit, before the atexit callbacks: `threading._shutdown()` joins the
/// threads that are not daemons, if the program imported threading (as CPython does).
pub fn threading_shutdown(vm: &mut Vm) {
    let mods = vm.modules;
    let Some(m) = vm.dict_get_by_str(mods, "threading") else { return };
    let Ok(f) = vm.getattr_str(m, "_shutdown") else { return };
    if let Err(e) = vm.call(f, &[]) {
        super::sys_hooks::write_unraisable(vm, e.0, None, f);
    }
}

/// Runs the atexit callbacks (at interpreter exit).
pub fn run_atexit(vm: &mut Vm) {
    let mods = vm.modules;
    let Some(m) = vm.dict_get_by_str(mods, "atexit") else { return };
    let Some(d) = m.get::<ModuleObj>().map(|m| m.dict) else { return };
    if let Some(f) = vm.dict_get_by_str(d, "_run_exitfuncs") {
        let _ = vm.call(f, &[]);
    }
}

/// sys.builtin_module_names: every module created natively at start-up, sorted.
pub fn builtin_module_names(vm: &mut Vm) {
    let mods = vm.modules;
    let mut names: Vec<String> = vm.dict_keys(mods).into_iter().map(|k| vm.str_of(k)).filter(|n| !n.contains('.')).collect();
    // native library modules are made on their first import, but are built in all the same
    names.extend(super::library_names().into_iter().map(str::to_string));
    names.sort();
    names.dedup();
    let vals: Vec<Value> = names.iter().map(|n| vm.new_str(n)).collect();
    let t = vm.new_tuple(vals);
    let s = vm.sys;
    super::set_attr(vm, s, "builtin_module_names", t);
}
