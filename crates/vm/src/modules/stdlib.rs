//! Finding CPython 3.11's pure-Python standard library and starting it: the library
//! directory (PYJIT_STDLIB, else `prefix/lib/python3.11` of the installation sys.prefix
//! names), its sys.path entries, importlib's own bootstrap (the library's
//! importlib/_bootstrap.py and _bootstrap_external.py become _frozen_importlib and
//! _frozen_importlib_external, installing sys.meta_path and sys.path_hooks as in CPython)
//! and the `site` module.

use crate::heap::Value;
use crate::interp::{PyResult, Vm};
use crate::objects::*;

/// The environment variable that names the library directory (the one holding os.py).
pub const STDLIB_VAR: &str = "PYJIT_STDLIB";

/// The library directory, or why there is none.
pub fn locate(prefix: &str) -> Result<String, String> {
    if let Ok(dir) = std::env::var(STDLIB_VAR) {
        if !dir.is_empty() {
            let d = dir.trim_end_matches('/').to_string();
            let d = if d.is_empty() { "/".to_string() } else { d };
            if std::path::Path::new(&d).join("os.py").is_file() {
                return Ok(d);
            }
            return Err(format!("{STDLIB_VAR}={dir} is not a CPython 3.11 library directory (it holds no os.py)"));
        }
    }
    let d = format!("{prefix}/lib/python3.11");
    if std::path::Path::new(&d).join("os.py").is_file() {
        return Ok(d);
    }
    Err(format!(
        "pyjit found no CPython 3.11 standard library (looked for {d}/os.py); install python3.11 or set {STDLIB_VAR} to its library directory"
    ))
}

fn sys_dict(vm: &Vm) -> Value {
    vm.sys.get::<ModuleObj>().map(|m| m.dict).unwrap_or(Value::NULL)
}

/// The library directory found at start-up, if any.
pub fn stdlib_dir(vm: &mut Vm) -> Option<String> {
    let st = vm.sys_state;
    vm.dict_get_by_str(st, "stdlib_dir").filter(|v| *v != vm.none).map(|v| vm.str_of(v))
}

/// Why there is no library (for the message of a failed import of a library module).
pub fn missing_reason(vm: &mut Vm) -> Option<String> {
    let st = vm.sys_state;
    vm.dict_get_by_str(st, "stdlib_missing").map(|v| vm.str_of(v))
}

/// Records the library directory and adds its entries to sys.path (after the script
/// directory and PYTHONPATH, as CPython's getpath does).
pub fn setup(vm: &mut Vm, prefix: &str) {
    let st = vm.sys_state;
    match locate(prefix) {
        Ok(dir) => {
            let dv = vm.new_str(&dir);
            vm.dict_set_str(st, "stdlib_dir", dv);
            let sd = sys_dict(vm);
            vm.dict_set_str(sd, "_stdlib_dir", dv);
            let parent = dir.rsplit_once('/').map(|p| p.0).unwrap_or("");
            let entries = [format!("{parent}/python311.zip"), dir.clone(), format!("{dir}/lib-dynload")];
            if let Some(path) = vm.dict_get_by_str(sd, "path") {
                if let Some(l) = path.get::<ListObj>() {
                    let vals: Vec<Value> = entries.iter().map(|e| vm.new_str(e)).collect();
                    l.items.borrow_mut().extend(vals);
                }
            }
        }
        Err(why) => {
            let w = vm.new_string(why);
            vm.dict_set_str(st, "stdlib_missing", w);
            let sd = sys_dict(vm);
            let none = vm.none;
            vm.dict_set_str(sd, "_stdlib_dir", none);
        }
    }
}

/// Runs a library file as a new module `name` (in sys.modules).
fn run_as_module(vm: &mut Vm, name: &str, path: &str, frozen_name: &str) -> PyResult<Value> {
    let src = std::fs::read(path).map_err(|e| {
        let t = vm.types.import_error;
        vm.err(t, &format!("{path}: {e}"))
    })?;
    let src = crate::source::decode(vm, src);
    let m = super::new_module(vm, name);
    let d = m.get::<ModuleObj>().map(|m| m.dict).unwrap_or(Value::NULL);
    let b = vm.builtins;
    vm.dict_set_str(d, "__builtins__", b);
    let code = vm.compile_source(&src, frozen_name, pyjit_compiler::Mode::Exec)?;
    vm.run_code(code, d, d)?;
    Ok(m)
}

fn module_fn(vm: &mut Vm, m: Value, name: &str) -> PyResult<Value> {
    let d = m.get::<ModuleObj>().map(|m| m.dict).unwrap_or(Value::NULL);
    match vm.dict_get_by_str(d, name) {
        Some(f) => Ok(f),
        None => Err(vm.runtime_error(&format!("importlib bootstrap: {name} is missing"))),
    }
}

/// Wraps importlib's `_compile_bytecode` (see `bootstrap_importlib`).
const FIX_FILENAME: &str = "
_pyjit_compile_bytecode = _compile_bytecode
def _compile_bytecode(data, name=None, bytecode_path=None, source_path=None):
    code = _pyjit_compile_bytecode(data, name, bytecode_path, source_path)
    if source_path is not None and code.co_filename != source_path:
        code = _imp._code_with_filename(code, source_path)
    return code
";

/// `sys.implementation.cache_tag`: names the bytecode files (`__pycache__/m.pyjit-311.pyc`).
pub const CACHE_TAG: &str = "pyjit-311";

/// Loads importlib's bootstrap from the library and installs its finders, as CPython's
/// start-up does with the frozen copies.
pub fn bootstrap_importlib(vm: &mut Vm, dir: &str) -> PyResult<()> {
    let sd = sys_dict(vm);
    let empty = vm.new_list(vec![]);
    vm.dict_set_str(sd, "meta_path", empty);
    let b = run_as_module(vm, "_frozen_importlib", &format!("{dir}/importlib/_bootstrap.py"), "<frozen importlib._bootstrap>")?;
    let install = module_fn(vm, b, "_install")?;
    let sys = vm.sys;
    let mods = vm.modules;
    let imp = vm.dict_get_by_str(mods, "_imp").unwrap_or(vm.none);
    vm.call(install, &[sys, imp])?;
    // _bootstrap_external imports marshal for bytecode files. With the native marshal
    // (pyjit-stdlib), which writes and reads pyjit's code objects, bytecode files work:
    // sys.implementation.cache_tag is "pyjit-311" and importlib's magic number is pyjit's
    // (`pyjit_compiler::serial::MAGIC`), so files of another pyjit or of CPython are
    // compiled again from source. Without it, a stand-in module serves and there is no
    // cache tag (no bytecode files).
    let have = vm.dict_get_by_str(mods, "marshal").is_some();
    let native = if have { None } else { super::create_library_module(vm, "marshal")? };
    let stub = !have && native.is_none();
    if stub {
        super::new_module(vm, "marshal");
    }
    let r = run_as_module(vm, "_frozen_importlib_external", &format!("{dir}/importlib/_bootstrap_external.py"), "<frozen importlib._bootstrap_external>");
    if stub {
        let k = vm.new_str("marshal");
        let _ = vm.dict_del(mods, k);
    }
    let ext_mod = r?;
    if native.is_some() {
        let m = pyjit_compiler::serial::MAGIC.to_le_bytes();
        let magic = vm.new_bytes(vec![m[0], m[1], b'\r', b'\n']);
        let raw = vm.new_int(i64::from(u32::from_le_bytes([m[0], m[1], b'\r', b'\n'])));
        vm.setattr_str(ext_mod, "MAGIC_NUMBER", magic)?;
        vm.setattr_str(ext_mod, "_RAW_MAGIC_NUMBER", raw)?;
        // a file compiled under another path names its source as importlib found it
        // (CPython's `_imp._fix_co_filename` changes the code object in place; pyjit's are
        // immutable, so the loader takes a renamed copy)
        let d = ext_mod.get::<crate::objects::ModuleObj>().map(|m| m.dict).unwrap_or(Value::NULL);
        let code = vm.compile_source(FIX_FILENAME, "<frozen importlib._bootstrap_external>", pyjit_compiler::Mode::Exec)?;
        vm.run_code(code, d, d)?;
        let sd = sys_dict(vm);
        if let Some(imp) = vm.dict_get_by_str(sd, "implementation") {
            let tag = vm.new_str(CACHE_TAG);
            vm.setattr_str(imp, "cache_tag", tag)?;
        }
    }
    let ext = module_fn(vm, b, "_install_external_importers")?;
    vm.call(ext, &[])?;
    // the import statement recognises the finders it can run natively
    let st = vm.sys_state;
    for (cls, key) in [("BuiltinImporter", "builtin_importer"), ("FrozenImporter", "frozen_importer")] {
        let c = module_fn(vm, b, cls)?;
        vm.dict_set_str(st, key, c);
    }
    Ok(())
}

/// Start-up with a library: importlib's bootstrap, then `site` (unless -S).
pub fn start(vm: &mut Vm, run_site: bool) {
    let Some(dir) = stdlib_dir(vm) else { return };
    if let Err(e) = bootstrap_importlib(vm, &dir) {
        let msg = vm.repr(e.0).unwrap_or_default();
        eprintln!("pyjit: the standard library's importlib in {dir} did not start: {msg}");
        return;
    }
    // CPython's start-up installs zipimport's hook before site runs (wheels and eggs on
    // sys.path, such as the pip wheel ensurepip runs from)
    vm.install_zipimport_hook();
    if run_site {
        let n = vm.new_str("site");
        let none = vm.none;
        let z = vm.new_int(0);
        if let Err(e) = super::import::import_name(vm, n, none, none, z) {
            // CPython reports a failing site import and goes on
            let msg = vm.repr(e.0).unwrap_or_default();
            eprintln!("Error in site: {msg}");
        }
    }
}
