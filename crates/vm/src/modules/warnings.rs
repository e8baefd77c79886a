//! The warnings machinery of CPython's `_warnings` module for warnings that native code
//! issues (the compiler's SyntaxWarnings and DeprecationWarnings): the filter list, built
//! from the default filters and sys.warnoptions (-W options and PYTHONWARNINGS, as
//! warnings._processoptions reads them), and warn_explicit, which applies the first matching
//! filter and shows a warning in the warnings module's format. There is no registry of
//! warnings already shown: compile-time warnings have none in CPython either.
//!
//! The filters live in `Vm::sys_state` as a list of `(action, message, category, module,
//! lineno)` tuples, the layout of `warnings.filters`, with `message` a lower-cased prefix and
//! `module` an exact name (what -W options give).

use crate::heap::Value;
use crate::interp::{PyResult, Vm};
use crate::objects::*;

const STATE_KEY: &str = "warnings.filters";
const ACTIONS: [&str; 6] = ["default", "always", "ignore", "module", "once", "error"];

/// Builds the filters at startup and reports the -W options that are ignored.
pub fn register(vm: &mut Vm) {
    let list = vm.new_list(Vec::new());
    let st = vm.sys_state;
    vm.dict_set_str(st, STATE_KEY, list);
    // the defaults of a release build, lowest priority last
    let defaults: [(&str, &str, Option<&str>); 5] = [
        ("default", "DeprecationWarning", Some("__main__")),
        ("ignore", "DeprecationWarning", None),
        ("ignore", "PendingDeprecationWarning", None),
        ("ignore", "ImportWarning", None),
        ("ignore", "ResourceWarning", None),
    ];
    for (action, cat, module) in defaults {
        if let Some(c) = builtin_category(vm, cat) {
            let f = filter_tuple(vm, action, None, c, module, 0);
            push_filter(list, f, false);
        }
    }
    for opt in vm.config.warn_options.clone() {
        if let Err(msg) = set_option(vm, list, &opt) {
            let err = super::sys::stderr(vm);
            let _ = super::sys::write_to(vm, err, &format!("Invalid -W option ignored: {msg}\n"));
        }
    }
}

fn builtin_category(vm: &mut Vm, name: &str) -> Option<Value> {
    let b = vm.builtins_dict;
    vm.dict_get_by_str(b, name)
}

fn filter_tuple(vm: &mut Vm, action: &str, message: Option<&str>, category: Value, module: Option<&str>, lineno: u64) -> Value {
    let a = vm.new_str(action);
    let m = match message {
        Some(m) => vm.new_str(m),
        None => vm.none,
    };
    let md = match module {
        Some(m) => vm.new_str(m),
        None => vm.none,
    };
    let l = vm.new_int(lineno as i64);
    vm.new_tuple(vec![a, m, category, md, l])
}

fn py_repr(s: &str) -> String {
    if s.contains('\'') && !s.contains('"') {
        format!("\"{s}\"")
    } else {
        format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"))
    }
}

/// warnings._setoption: "action:message:category:module:lineno", inserted first.
fn set_option(vm: &mut Vm, list: Value, arg: &str) -> Result<(), String> {
    let mut parts: Vec<&str> = arg.split(':').collect();
    if parts.len() > 5 {
        return Err(format!("too many fields (max 5): {}", py_repr(arg)));
    }
    parts.resize(5, "");
    let [action, message, category, module, lineno] = [0, 1, 2, 3, 4].map(|i| parts[i].trim());
    let action = match action {
        "" => "default",
        "all" => "always",
        a => *ACTIONS.iter().find(|full| full.starts_with(a)).ok_or_else(|| format!("invalid action: {}", py_repr(a)))?,
    };
    let cat = if category.is_empty() {
        vm.types.warning
    } else {
        let found = if category.contains('.') { None } else { builtin_category(vm, category) };
        let c = found.ok_or_else(|| format!("unknown warning category: {}", py_repr(category)))?;
        if !vm.is_type(c) || !vm.is_subtype(c, vm.types.warning) {
            return Err(format!("invalid warning category: {}", py_repr(category)));
        }
        c
    };
    let lineno = if lineno.is_empty() {
        0
    } else {
        lineno.parse::<u64>().map_err(|_| format!("invalid lineno {}", py_repr(lineno)))?
    };
    let message = (!message.is_empty()).then(|| message.to_lowercase());
    let module = (!module.is_empty()).then_some(module);
    let f = filter_tuple(vm, action, message.as_deref(), cat, module, lineno);
    // an identical filter moves to the front
    let items = filters_of(list);
    if let Some(i) = items.iter().position(|old| vm.eq(*old, f).unwrap_or(false)) {
        if let Some(l) = list.get::<ListObj>() {
            l.items.borrow_mut().remove(i);
        }
    }
    push_filter(list, f, true);
    Ok(())
}

fn filters_of(list: Value) -> Vec<Value> {
    list.get::<ListObj>().map(|l| l.snapshot()).unwrap_or_default()
}

fn push_filter(list: Value, f: Value, first: bool) {
    if let Some(l) = list.get::<ListObj>() {
        let mut items = l.items.borrow_mut();
        if first {
            items.insert(0, f);
        } else {
            items.push(f);
        }
    }
}

/// The action of the first filter that matches (CPython's get_filter), "default" if none.
fn action_for(vm: &mut Vm, category: Value, text: &str, module: &str, lineno: u32) -> String {
    let st = vm.sys_state;
    let Some(list) = vm.dict_get_by_str(st, STATE_KEY) else { return "default".into() };
    let lower = text.to_lowercase();
    for f in filters_of(list) {
        let Some(t) = f.get::<TupleObj>().map(|t| t.items.to_vec()) else { continue };
        if t.len() != 5 {
            continue;
        }
        let none = vm.none;
        let msg_ok = t[1] == none || lower.starts_with(&vm.str_of(t[1]));
        let cat_ok = vm.is_type(t[2]) && vm.is_subtype(category, t[2]);
        let mod_ok = t[3] == none || vm.str_of(t[3]) == module;
        let line_ok = vm.as_i64(t[4]).map(|l| l == 0 || l == i64::from(lineno)).unwrap_or(false);
        if msg_ok && cat_ok && mod_ok && line_ok {
            return vm.str_of(t[0]);
        }
    }
    "default".into()
}

/// PyErr_WarnExplicitObject with no module and no registry: the module is the file name
/// without ".py". An "error" filter makes it the warning exception (`category(text)`);
/// otherwise it is ignored or written to sys.stderr with its source line.
pub fn warn_explicit(vm: &mut Vm, category: Value, text: &str, filename: &str, lineno: u32) -> PyResult<()> {
    if let Some(f) = python_warnings_fn(vm, "warn_explicit") {
        let args = [vm.new_str(text), category, vm.new_str(filename), vm.new_int(i64::from(lineno))];
        return vm.call(f, &args).map(|_| ());
    }
    let module = filename.strip_suffix(".py").unwrap_or(filename);
    act(vm, category, text, module, filename, lineno)
}

/// warnings._formatwarnmsg_impl: "file:line: Category: text", then the stripped source line.
/// Does what the first matching filter says with a warning: raise it ("error"), drop it
/// ("ignore"), or print it.
fn act(vm: &mut Vm, category: Value, text: &str, module: &str, filename: &str, lineno: u32) -> PyResult<()> {
    let action = action_for(vm, category, text, module, lineno);
    match action.as_str() {
        "error" => {
            let m = vm.new_str(text);
            let exc = vm.call(category, &[m])?;
            Err(crate::interp::PyErr(exc))
        }
        "ignore" => Ok(()),
        _ => show(vm, category, text, filename, lineno),
    }
}

fn show(vm: &mut Vm, category: Value, text: &str, filename: &str, lineno: u32) -> PyResult<()> {
    let name = vm.type_name(category);
    let mut out = format!("{filename}:{lineno}: {name}: {text}\n");
    if let Some(line) = crate::traceback::source_line_of(vm, filename, lineno) {
        // linecache reads a file with a byte order mark as utf-8-sig
        let line = line.trim_start_matches('\u{feff}').trim();
        if !line.is_empty() {
            out.push_str(&format!("  {line}\n"));
        }
    }
    let err = super::sys::stderr(vm);
    super::sys::write_to(vm, err, &out)
}

/// A function of the `warnings` module when a program has imported it: its filters (which
/// `catch_warnings` and `simplefilter` change) then decide, as CPython's `_warnings` shares
/// them with it. None before the import (the native filters above stand in) or while the
/// module is still being made.
fn python_warnings_fn(vm: &mut Vm, name: &str) -> Option<Value> {
    let mods = vm.modules;
    let m = vm.dict_get_by_str(mods, "warnings")?;
    let d = m.get::<ModuleObj>()?.dict;
    let f = vm.dict_get_by_str(d, name)?;
    (!f.is_null() && f != vm.none).then_some(f)
}

/// PyErr_WarnEx: a warning of `category` attributed to the running Python frame
/// `stacklevel - 1` levels up (1: the frame that called the native code). Through
/// `warnings.warn` once that module is imported, else through the native filters.
pub fn warn(vm: &mut Vm, category: Value, text: &str, stacklevel: usize) -> PyResult<()> {
    if let Some(f) = python_warnings_fn(vm, "warn") {
        let args = [vm.new_str(text), category, vm.new_int(stacklevel as i64)];
        return vm.call(f, &args).map(|_| ());
    }
    let n = vm.frames.len();
    let (filename, line) = match n.checked_sub(stacklevel.max(1)) {
        Some(i) => (vm.frames[i].code.code.filename.to_string(), vm.frames[i].line()),
        None => ("sys".to_string(), 1),
    };
    let module = filename.strip_suffix(".py").unwrap_or(&filename).to_string();
    let module = if n > 0 && stacklevel.max(1) <= n { module_name_of(vm, n - stacklevel.max(1)).unwrap_or(module) } else { module };
    act(vm, category, text, &module, &filename, line)
}

/// The `__name__` of a frame's globals (the module a warning is attributed to).
fn module_name_of(vm: &mut Vm, frame: usize) -> Option<String> {
    let g = vm.frames[frame].globals;
    let name = vm.dict_get_by_str(g, "__name__")?;
    name.get::<StrObj>().is_some().then(|| vm.str_of(name))
}
