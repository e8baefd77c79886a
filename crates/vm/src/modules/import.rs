//! The import statement: sys.modules, then .py files and packages found on sys.path.

use crate::heap::{ObjKind, Value};
use crate::interp::{PyResult, Vm};
use crate::objects::*;

fn module_dict(m: Value) -> Value {
    m.get::<ModuleObj>().map(|m| m.dict).unwrap_or(Value::NULL)
}

/// The absolute name for a relative import at `level` from a module with `globals`.
fn resolve_name(vm: &mut Vm, name: &str, globals: Value, level: usize) -> PyResult<String> {
    if level == 0 {
        return Ok(name.to_string());
    }
    let package = if globals.kind() == Some(ObjKind::Dict) {
        let spec = vm.dict_get_by_str(globals, "__spec__").filter(|s| *s != vm.none);
        match vm.dict_get_by_str(globals, "__package__") {
            Some(p) if p.kind() == Some(ObjKind::Str) && !vm.str_of(p).is_empty() => vm.str_of(p),
            Some(p) if p != vm.none && p.kind() != Some(ObjKind::Str) => {
                return Err(vm.type_error("package must be a string"));
            }
            None | Some(_) if spec.is_some() => {
                let spec = spec.unwrap_or(Value::NULL);
                let parent = vm.intern("parent");
                match vm.getattr_opt(spec, parent)? {
                    Some(p) if p.kind() == Some(ObjKind::Str) => vm.str_of(p),
                    _ => return Err(vm.type_error("__spec__.parent must be a string")),
                }
            }
            _ => {
                let w = vm.types.exceptions.iter().find(|e| e.0 == "ImportWarning").map(|e| e.1).unwrap_or(vm.types.warning);
                crate::modules::warnings::warn(vm, w, "can't resolve package from __spec__ or __package__, falling back on __name__ and __path__", 1)?;
                let n = vm.dict_get_by_str(globals, "__name__").map(|n| vm.str_of(n)).unwrap_or_default();
                if vm.dict_get_by_str(globals, "__path__").is_some() {
                    n
                } else {
                    n.rsplit_once('.').map(|(p, _)| p.to_string()).unwrap_or_default()
                }
            }
        }
    } else {
        String::new()
    };
    if package.is_empty() {
        let t = vm.types.import_error;
        return Err(vm.err(t, "attempted relative import with no known parent package"));
    }
    let parts: Vec<&str> = package.split('.').collect();
    if level - 1 > parts.len() - 1 && level > parts.len() {
        let t = vm.types.import_error;
        return Err(vm.err(t, "attempted relative import beyond top-level package"));
    }
    let base = parts[..parts.len() + 1 - level].join(".");
    Ok(if name.is_empty() { base } else { format!("{base}.{name}") })
}

pub fn import_name(vm: &mut Vm, name: Value, globals: Value, fromlist: Value, level: Value) -> PyResult<Value> {
    let n = vm.str_of(name);
    let level = vm.as_i64(level).unwrap_or(0).max(0) as usize;
    let full = resolve_name(vm, &n, globals, level)?;
    if full.is_empty() {
        return Err(vm.value_error("Empty module name"));
    }
    // import every prefix
    let parts: Vec<&str> = full.split('.').collect();
    let mut module = Value::NULL;
    for i in 0..parts.len() {
        let prefix = parts[..=i].join(".");
        module = import_one(vm, &prefix, if i > 0 { Some(module) } else { None })?;
    }
    let has_from = fromlist != vm.none && !fromlist.is_null() && vm.truthy(fromlist)?;
    if has_from {
        // submodules named in the fromlist are imported too
        let (_h, items) = vm.to_vec(fromlist)?;
        for it in items {
            let s = vm.str_of(it);
            if s == "*" {
                continue;
            }
            let d = module_dict(module);
            if vm.dict_get_by_str(d, "__path__").is_some() && vm.dict_get_by_str(d, &s).is_none() {
                let sub = format!("{full}.{s}");
                match import_one(vm, &sub, Some(module)) {
                    Ok(_) => {}
                    // only the submodule itself may be missing (importlib's _handle_fromlist):
                    // an import failing inside it is the caller's error
                    Err(e) if vm.isinstance(e.0, vm.types.module_not_found_error) && exc_name_is(vm, e.0, &sub) => {}
                    Err(e) => return Err(e),
                }
            }
        }
        return Ok(module);
    }
    if level > 0 {
        // `from . import x` handled above; `import .x` is not valid syntax
        return Ok(module);
    }
    let top = parts[0];
    let mods = vm.modules;
    let k = vm.new_str(top);
    Ok(vm.dict_get(mods, k)?.unwrap_or(module))
}

/// True when ImportError `e` names module `name` (its `name` attribute).
fn exc_name_is(vm: &mut Vm, e: Value, name: &str) -> bool {
    let k = vm.intern("name");
    match vm.getattr_opt(e, k) {
        Ok(Some(n)) if n.kind() == Some(ObjKind::Str) => vm.str_of(n) == name,
        _ => false,
    }
}

fn import_one(vm: &mut Vm, full: &str, parent: Option<Value>) -> PyResult<Value> {
    let mods = vm.modules;
    let key = vm.new_str(full);
    if let Some(m) = vm.dict_get(mods, key)? {
        if m == vm.none {
            let t = vm.types.module_not_found_error;
            return Err(vm.err(t, &format!("import of {full} halted; None in sys.modules")));
        }
        return Ok(m);
    }
    if let Some(p) = parent {
        if vm.dict_get_by_str(module_dict(p), "__path__").is_none() {
            let pn = full.rsplit_once('.').map(|x| x.0).unwrap_or("");
            let t = vm.types.module_not_found_error;
            return Err(vm.err(t, &format!("No module named '{full}'; '{pn}' is not a package")));
        }
    }
    // sys.meta_path, in order: pyjit's own finders search at their place, others are asked
    // for a spec (PEP 451)
    let sd = vm.sys.get::<ModuleObj>().map(|m| m.dict).unwrap_or(Value::NULL);
    let finders = match vm.dict_get_by_str(sd, "meta_path") {
        Some(mp) if mp.kind() == Some(ObjKind::List) => mp.get::<ListObj>().map(|l| l.snapshot()).unwrap_or_default(),
        Some(mp) if mp == vm.none => return Err(vm.value_error("sys.meta_path is None, Python is likely shutting down")),
        _ => return Err(vm.runtime_error("lost sys.meta_path")),
    };
    let st = vm.sys_state;
    let path_finder = vm.dict_get_by_str(st, "path_finder").unwrap_or(Value::NULL);
    let builtin_importer = vm.dict_get_by_str(st, "builtin_importer").unwrap_or(Value::NULL);
    for finder in finders {
        if finder == builtin_importer {
            // builtin modules are created at start-up and live in sys.modules, except the
            // native library's, created now
            if parent.is_none() {
                if let Some(m) = super::create_library_module(vm, full)? {
                    return Ok(m);
                }
            }
            continue;
        }
        if finder == path_finder {
            if let Some(m) = path_search(vm, full, parent)? {
                return Ok(m);
            }
            continue;
        }
        if let Some(m) = find_with(vm, finder, full, parent)? {
            return Ok(m);
        }
    }
    let t = vm.types.module_not_found_error;
    // a library module when no library was found: say why
    let top = full.split('.').next().unwrap_or(full);
    let why = match super::stdlib::missing_reason(vm) {
        Some(r) if super::stdlib_names::STDLIB_MODULE_NAMES.contains(&top) => format!(" ({r})"),
        _ => String::new(),
    };
    let e = vm.err(t, &format!("No module named '{full}'{why}"));
    let nv = vm.new_str(full);
    let nk = vm.intern("name");
    let _ = vm.set_exc_attr(e.0, nk, nv);
    Err(e)
}

/// Asks a sys.meta_path finder for `full`'s spec and loads the module from it, the way
/// importlib's _find_spec and _load_unlocked do.
fn find_with(vm: &mut Vm, finder: Value, full: &str, parent: Option<Value>) -> PyResult<Option<Value>> {
    let fs = vm.intern("find_spec");
    let Some(find_spec) = vm.getattr_opt(finder, fs)? else { return Ok(None) };
    let path = match parent {
        Some(p) => vm.dict_get_by_str(module_dict(p), "__path__").unwrap_or(vm.none),
        None => vm.none,
    };
    let name = vm.new_str(full);
    let none = vm.none;
    let spec = vm.call(find_spec, &[name, path, none])?;
    if spec == vm.none {
        return Ok(None);
    }
    let loader = vm.getattr_str(spec, "loader")?;
    if loader == vm.none {
        // a namespace package (a spec with search locations and no loader): importlib's own
        // _load_unlocked gives it its NamespaceLoader, as CPython's import does
        let ssl = vm.intern("submodule_search_locations");
        let has_locs = vm.getattr_opt(spec, ssl)?.is_some_and(|l| l != vm.none);
        let mods = vm.modules;
        let bootstrap = vm.dict_get_by_str(mods, "_frozen_importlib");
        if let (true, Some(b)) = (has_locs, bootstrap) {
            let lu = vm.intern("_load_unlocked");
            if let Some(load) = vm.getattr_opt(b, lu)? {
                let m = vm.call(load, &[spec])?;
                if let Some(p) = parent {
                    let short = full.rsplit('.').next().unwrap_or(full);
                    let pd = module_dict(p);
                    vm.dict_set_str(pd, short, m);
                }
                return Ok(Some(m));
            }
        }
        let t = vm.types.import_error;
        let e = vm.err(t, "missing loader");
        let nk = vm.intern("name");
        let _ = vm.set_exc_attr(e.0, nk, name);
        return Err(e);
    }
    let cm = vm.intern("create_module");
    let em = vm.intern("exec_module");
    let exec_module = vm.getattr_opt(loader, em)?;
    let mut module = none;
    if let Some(create) = vm.getattr_opt(loader, cm)? {
        module = vm.call(create, &[spec])?;
    } else if exec_module.is_some() {
        let t = vm.types.import_error;
        return Err(vm.err(t, "loaders that define exec_module() must also define create_module()"));
    }
    if module == none {
        module = super::new_module(vm, full);
        let mods = vm.modules;
        let _ = vm.dict_del(mods, name);
    }
    // _init_module_attrs
    let spec_name = vm.getattr_str(spec, "name")?;
    let attrs = [("__name__", spec_name), ("__loader__", loader), ("__spec__", spec)];
    for (k, v) in attrs {
        let kn = vm.intern(k);
        let _ = vm.setattr(module, kn, v);
    }
    let parent_key = vm.intern("parent");
    if let Some(pkg) = vm.getattr_opt(spec, parent_key)? {
        let _ = vm.setattr_str(module, "__package__", pkg);
    }
    let ssl = vm.intern("submodule_search_locations");
    if let Some(locs) = vm.getattr_opt(spec, ssl)? {
        if locs != none {
            let _ = vm.setattr_str(module, "__path__", locs);
        }
    }
    let hl = vm.intern("has_location");
    if let Some(h) = vm.getattr_opt(spec, hl)? {
        if vm.truthy(h)? {
            let origin = vm.getattr_str(spec, "origin")?;
            let _ = vm.setattr_str(module, "__file__", origin);
            // the bytecode file's path (None without a cache tag)
            let cached = vm.getattr_str(spec, "cached")?;
            if cached != none {
                let _ = vm.setattr_str(module, "__cached__", cached);
            }
        }
    }
    let mods = vm.modules;
    vm.dict_set(mods, spec_name, module)?;
    vm.importing.push(full.to_string());
    let r = match exec_module {
        Some(exec) => vm.call(exec, &[module]).map(|_| ()),
        None => {
            let lm = vm.intern("load_module");
            match vm.getattr_opt(loader, lm)? {
                Some(load) => vm.call(load, &[spec_name]).map(|_| ()),
                None => Ok(()),
            }
        }
    };
    vm.importing.pop();
    if let Err(e) = r {
        let _ = vm.dict_del(mods, spec_name);
        return Err(e);
    }
    let m = match vm.dict_get(mods, spec_name)? {
        Some(m) => m,
        None => {
            let t = vm.types.key_error;
            let n = vm.str_of(spec_name);
            return Err(vm.err(t, &format!("'{n}'")));
        }
    };
    if let Some(p) = parent {
        let short = full.rsplit('.').next().unwrap_or(full);
        let pd = module_dict(p);
        vm.dict_set_str(pd, short, m);
    }
    Ok(Some(m))
}

/// The path finder: `full` as a package directory or a .py file on sys.path (or on the
/// parent package's __path__).
fn path_search(vm: &mut Vm, full: &str, parent: Option<Value>) -> PyResult<Option<Value>> {
    let search: Vec<String> = match parent {
        Some(p) => {
            let d = module_dict(p);
            match vm.dict_get_by_str(d, "__path__") {
                Some(path) => {
                    let (_h, items) = vm.to_vec(path)?;
                    items.iter().map(|v| vm.str_of(*v)).collect()
                }
                None => {
                    let pn = full.rsplit_once('.').map(|x| x.0).unwrap_or("");
                    let t = vm.types.module_not_found_error;
                    return Err(vm.err(t, &format!("No module named '{full}'; '{pn}' is not a package")));
                }
            }
        }
        None => {
            let sd = vm.sys.get::<ModuleObj>().map(|m| m.dict).unwrap_or(Value::NULL);
            match vm.dict_get_by_str(sd, "path") {
                Some(p) => {
                    let (_h, items) = vm.to_vec(p)?;
                    items.iter().map(|v| vm.str_of(*v)).collect()
                }
                None => vec![],
            }
        }
    };
    let short = full.rsplit('.').next().unwrap_or(full);
    for dir in search {
        let base = abs_dir(&dir);
        let pkg_dir = format!("{base}/{short}");
        let pkg_init = format!("{pkg_dir}/__init__.py");
        if std::path::Path::new(&pkg_init).is_file() {
            return load_module(vm, full, &pkg_init, Some(&pkg_dir), parent).map(Some);
        }
        let file = format!("{base}/{short}.py");
        if std::path::Path::new(&file).is_file() {
            return load_module(vm, full, &file, None, parent).map(Some);
        }
    }
    Ok(None)
}

/// A sys.path entry made absolute the way CPython's FileFinder does it: '' and '.' are the
/// current directory, other relative entries are joined to it (without normalising).
fn abs_dir(dir: &str) -> String {
    let cwd = || std::env::current_dir().map(|p| p.to_string_lossy().into_owned()).unwrap_or_else(|_| ".".into());
    let joined = if dir.is_empty() || dir == "." {
        cwd()
    } else if dir.starts_with('/') {
        dir.to_string()
    } else {
        format!("{}/{}", cwd().trim_end_matches('/'), dir)
    };
    let t = joined.trim_end_matches('/');
    if t.is_empty() { "/".into() } else { t.to_string() }
}

/// Where CPython would cache the bytecode of `file`.
fn cached_path(file: &str) -> String {
    let (dir, name) = file.rsplit_once('/').unwrap_or(("", file));
    let stem = name.strip_suffix(".py").unwrap_or(name);
    format!("{dir}/__pycache__/{stem}.cpython-311.pyc")
}

const IMPORTLIB_EXTERNAL: &str = include_str!("py/importlib_external.py");

/// The `_frozen_importlib_external` module (specs and loaders), created on first use.
fn importlib_external(vm: &mut Vm) -> PyResult<Value> {
    let mods = vm.modules;
    let k = vm.new_str("_frozen_importlib_external");
    if let Some(m) = vm.dict_get(mods, k)? {
        if m.get::<ModuleObj>().is_some() {
            return Ok(m);
        }
    }
    let m = super::new_module(vm, "_frozen_importlib_external");
    let d = module_dict(m);
    let b = vm.builtins;
    vm.dict_set_str(d, "__builtins__", b);
    let code = vm.compile_source(IMPORTLIB_EXTERNAL, "<frozen importlib._bootstrap_external>", pyjit_compiler::Mode::Exec)?;
    vm.run_code(code, d, d)?;
    Ok(m)
}

/// Sets `__spec__`, `__loader__` and `__cached__` of a module loaded from `file`.
fn set_spec(vm: &mut Vm, d: Value, full: &str, file: &str, is_package: bool) -> PyResult<()> {
    let ext = importlib_external(vm)?;
    let f = vm.dict_get_by_str(module_dict(ext), "spec_for_file").unwrap_or(vm.none);
    let name = vm.new_str(full);
    let path = vm.new_str(file);
    let pkg = vm.bool_val(is_package);
    let cached = vm.new_string(cached_path(file));
    let spec = vm.call(f, &[name, path, pkg, cached])?;
    vm.dict_set_str(d, "__spec__", spec);
    let lk = vm.intern("loader");
    let loader = vm.getattr(spec, lk)?;
    vm.dict_set_str(d, "__loader__", loader);
    vm.dict_set_str(d, "__cached__", cached);
    Ok(())
}

fn load_module(vm: &mut Vm, full: &str, file: &str, pkg_dir: Option<&str>, parent: Option<Value>) -> PyResult<Value> {
    let source = match std::fs::read(file) {
        Ok(b) => crate::source::decode(vm, b),
        Err(e) => {
            let t = vm.types.import_error;
            return Err(vm.err(t, &e.to_string()));
        }
    };
    let fname = file.to_string();
    let m = super::new_module(vm, full);
    let d = module_dict(m);
    let fv = vm.new_str(&fname);
    vm.dict_set_str(d, "__file__", fv);
    let b = vm.builtins;
    vm.dict_set_str(d, "__builtins__", b);
    let package = match pkg_dir {
        Some(dir) => {
            let p = vm.new_str(dir);
            let l = vm.new_list(vec![p]);
            vm.dict_set_str(d, "__path__", l);
            full.to_string()
        }
        None => full.rsplit_once('.').map(|x| x.0.to_string()).unwrap_or_default(),
    };
    let pv = vm.new_str(&package);
    vm.dict_set_str(d, "__package__", pv);
    if let Err(e) = set_spec(vm, d, full, &fname, pkg_dir.is_some()) {
        let mods = vm.modules;
        let k = vm.new_str(full);
        let _ = vm.dict_del(mods, k);
        return Err(e);
    }
    let code = match vm.compile_source(&source, &fname, pyjit_compiler::Mode::Exec) {
        Ok(c) => c,
        Err(e) => {
            let mods = vm.modules;
            let k = vm.new_str(full);
            let _ = vm.dict_del(mods, k);
            return Err(e);
        }
    };
    vm.importing.push(full.to_string());
    let r = vm.run_code(code, d, d);
    vm.importing.pop();
    if let Err(e) = r {
        let mods = vm.modules;
        let k = vm.new_str(full);
        let _ = vm.dict_del(mods, k);
        return Err(e);
    }
    // the module object in sys.modules may have been replaced
    let mods = vm.modules;
    let k = vm.new_str(full);
    let m = vm.dict_get(mods, k)?.unwrap_or(m);
    if let Some(p) = parent {
        let short = full.rsplit('.').next().unwrap_or(full);
        let pd = module_dict(p);
        vm.dict_set_str(pd, short, m);
    }
    Ok(m)
}

pub fn import_from(vm: &mut Vm, m: Value, name: Value) -> PyResult<Value> {
    if let Some(v) = vm.getattr_opt(m, name)? {
        return Ok(v);
    }
    // a submodule not imported yet
    let d = module_dict(m);
    let mname = vm.dict_get_by_str(d, "__name__").map(|n| vm.str_of(n)).unwrap_or_default();
    let n = vm.str_of(name);
    let full = format!("{mname}.{n}");
    let mods = vm.modules;
    let k = vm.new_str(&full);
    if let Some(v) = vm.dict_get(mods, k)? {
        return Ok(v);
    }
    let file = vm.dict_get_by_str(d, "__file__").filter(|f| f.kind() == Some(ObjKind::Str));
    let t = vm.types.import_error;
    let initializing = vm.importing.iter().any(|m| *m == mname);
    let loc = match file {
        Some(f) => vm.str_of(f),
        None => "unknown location".to_string(),
    };
    let msg = if initializing {
        format!("cannot import name '{n}' from partially initialized module '{mname}' (most likely due to a circular import) ({loc})")
    } else {
        format!("cannot import name '{n}' from '{mname}' ({loc})")
    };
    let e = vm.err(t, &msg);
    let key = vm.intern("name");
    let mv = vm.new_string(mname);
    let _ = vm.set_exc_attr(e.0, key, mv);
    if let Some(f) = file {
        let key = vm.intern("path");
        let _ = vm.set_exc_attr(e.0, key, f);
    }
    Err(e)
}

pub fn import_star(vm: &mut Vm, m: Value, ns: Value) -> PyResult<()> {
    let d = module_dict(m);
    let names: Vec<Value> = match vm.dict_get_by_str(d, "__all__") {
        Some(all) => vm.to_vec(all)?.1,
        None => vm.dict_keys(d).into_iter().filter(|k| !vm.str_of(*k).starts_with('_')).collect(),
    };
    for n in names {
        let n = vm.intern_value(n);
        let v = vm.getattr(m, n)?;
        vm.setitem(ns, n, v)?;
    }
    Ok(())
}
