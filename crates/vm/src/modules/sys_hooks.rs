//! The replaceable hooks of sys (displayhook, excepthook, breakpointhook, unraisablehook,
//! audit hooks, async generator hooks) and the interpreter settings sys reads and writes
//! (trace and profile functions, switch interval, dlopen flags, coroutine origin tracking).
//!
//! Settings live in `Vm::sys_state`, a dict that is a GC root and that Python code cannot
//! reach, the way CPython keeps them in its interpreter and thread state.

use crate::heap::{ObjKind, Value};
use crate::interp::{NativeFn, PyErr, PyResult, Vm};
use crate::objects::*;

use super::{add_fn, set_attr};

fn state_get(vm: &mut Vm, key: &str) -> Option<Value> {
    let st = vm.sys_state;
    vm.dict_get_by_str(st, key)
}

fn state_set(vm: &mut Vm, key: &str, v: Value) {
    let st = vm.sys_state;
    vm.dict_set_str(st, key, v);
}

fn sys_attr(vm: &mut Vm, name: &str) -> Option<Value> {
    let d = vm.sys.get::<ModuleObj>().map(|m| m.dict)?;
    vm.dict_get_by_str(d, name)
}

// ---- displayhook ----------------------------------------------------------------------

/// What the REPL's PRINT_EXPR does: calls sys.displayhook(value).
pub fn call_displayhook(vm: &mut Vm, v: Value) -> PyResult<()> {
    match sys_attr(vm, "displayhook") {
        Some(h) => {
            vm.call(h, &[v])?;
            Ok(())
        }
        None => Err(vm.runtime_error("lost sys.displayhook")),
    }
}

fn sys_displayhook(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    crate::builtins::no_kw(vm, k, "sys.displayhook")?;
    if a.len() != 1 {
        return Err(vm.type_error(&format!("sys.displayhook() takes exactly one argument ({} given)", a.len())));
    }
    let v = a[0];
    if v == vm.none {
        return Ok(vm.none);
    }
    // builtins._ is None while repr runs, so a repr that fails leaves no stale value
    let (b, none) = (vm.builtins_dict, vm.none);
    vm.dict_set_str(b, "_", none);
    let out = match sys_attr(vm, "stdout") {
        Some(o) if o != vm.none => o,
        _ => return Err(vm.runtime_error("lost sys.stdout")),
    };
    let r = vm.repr(v)?;
    super::sys::write_to(vm, out, &r)?;
    super::sys::write_to(vm, out, "\n")?;
    vm.dict_set_str(b, "_", v);
    Ok(vm.none)
}

// ---- excepthook -----------------------------------------------------------------------

fn callable(vm: &mut Vm, v: Value) -> bool {
    match v.kind() {
        Some(ObjKind::Function) | Some(ObjKind::Builtin) | Some(ObjKind::Method) | Some(ObjKind::Type) => true,
        _ => {
            let ty = vm.type_of(v);
            let n = vm.intern("__call__");
            vm.lookup(ty, n).is_some()
        }
    }
}

/// Reports an uncaught exception the way CPython's PyErr_Print does: sets sys.last_type,
/// sys.last_value and sys.last_traceback, raises the "sys.excepthook" audit event, then
/// calls sys.excepthook. Returns the SystemExit the hook raised, if it did: the process
/// then exits with that status.
pub fn report_uncaught(vm: &mut Vm, exc: Value) -> Option<Value> {
    super::sys::flush_stdout(vm);
    let ty = vm.type_of(exc);
    let tb = exc.get::<ExceptionObj>().map(|e| e.traceback.get()).filter(|t| !t.is_null()).unwrap_or(vm.none);
    let s = vm.sys;
    set_attr(vm, s, "last_type", ty);
    set_attr(vm, s, "last_value", exc);
    set_attr(vm, s, "last_traceback", tb);
    let hook = sys_attr(vm, "excepthook");
    let hv = hook.unwrap_or(vm.none);
    if let Err(e) = audit(vm, "sys.excepthook", &[hv, ty, exc, tb]) {
        if vm.isinstance(e.0, vm.types.runtime_error) {
            return None;
        }
        write_unraisable(vm, e.0, Some("Exception ignored in audit hook"), Value::NULL);
    }
    let Some(hook) = hook else {
        let err = super::sys::stderr(vm);
        let _ = super::sys::write_to(vm, err, "sys.excepthook is missing\n");
        display_exception(vm, exc);
        return None;
    };
    if let Err(e) = vm.call(hook, &[ty, exc, tb]) {
        if vm.isinstance(e.0, vm.types.system_exit) {
            return Some(e.0);
        }
        let err = super::sys::stderr(vm);
        let _ = super::sys::write_to(vm, err, "Error in sys.excepthook:\n");
        display_exception(vm, e.0);
        let _ = super::sys::write_to(vm, err, "\nOriginal exception was:\n");
        display_exception(vm, exc);
    }
    super::sys::flush_stdout(vm);
    None
}

/// Writes the traceback and the exception to sys.stderr (CPython's PyErr_Display).
fn display_exception(vm: &mut Vm, exc: Value) {
    super::sys::flush_stdout(vm);
    let text = crate::traceback::format_exception(vm, exc);
    let err = super::sys::stderr(vm);
    if err == vm.none {
        return;
    }
    let _ = super::sys::write_to(vm, err, &text);
    let _ = super::sys::flush_file(vm, err);
}

fn sys_excepthook(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    crate::builtins::no_kw(vm, k, "excepthook")?;
    crate::builtins::arity(vm, a, 3, 3, "excepthook")?;
    let (value, tb) = (a[1], a[2]);
    if value.kind() != Some(ObjKind::Exception) {
        let tn = vm.type_name_of(value);
        let err = super::sys::stderr(vm);
        super::sys::write_to(vm, err, &format!("TypeError: print_exception(): Exception expected for value, {tn} found\n"))?;
        return Ok(vm.none);
    }
    if let Some(e) = value.get::<ExceptionObj>() {
        if e.traceback.get().is_null() && tb.kind() == Some(ObjKind::Traceback) {
            e.traceback.set(tb);
        }
    }
    display_exception(vm, value);
    Ok(vm.none)
}

// ---- breakpointhook -------------------------------------------------------------------

/// An environment variable as the program sees it: from os.environ (pyjit's os.environ does
/// not write to the process environment, so what C code would getenv is read from there),
/// else from the process environment.
pub fn environ_get(vm: &mut Vm, key: &str) -> Option<String> {
    let os = vm.dict_get_by_str(vm.modules, "os");
    let env = os.and_then(|m| m.get::<ModuleObj>().map(|m| m.dict)).and_then(|d| vm.dict_get_by_str(d, "environ"));
    match env {
        Some(e) if e.kind() == Some(ObjKind::Dict) => vm.dict_get_by_str(e, key).map(|v| vm.str_of(v)),
        _ => std::env::var(key).ok(),
    }
}

/// A RuntimeWarning for the innermost Python frame, through the warnings filters.
fn warn_runtime(vm: &mut Vm, msg: &str) -> PyResult<()> {
    let w = vm.types.runtime_warning;
    super::warnings::warn(vm, w, msg, 1)
}

fn sys_breakpointhook(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let env = if vm.config.ignore_env { None } else { environ_get(vm, "PYTHONBREAKPOINT") };
    let hookname = match env.as_deref() {
        None | Some("") => "pdb.set_trace".to_string(),
        Some("0") => return Ok(vm.none),
        Some(s) => s.to_string(),
    };
    let (modname, attr) = match hookname.rsplit_once('.') {
        Some((m, a)) => (m.to_string(), a.to_string()),
        None => ("builtins".to_string(), hookname.clone()),
    };
    let found = (|| -> PyResult<Value> {
        if modname.is_empty() {
            // a leading dot names no module (CPython warns without importing)
            let t = vm.types.import_error;
            return Err(vm.err(t, "empty module name"));
        }
        let n = vm.new_str(&modname);
        let (none, zero) = (vm.none, vm.new_int(0));
        let m = super::import::import_name(vm, n, none, none, zero)?;
        // import_name returns the top package; walk down to the module itself
        let mut obj = m;
        for part in modname.split('.').skip(1) {
            obj = vm.getattr_str(obj, part)?;
        }
        vm.getattr_str(obj, &attr)
    })();
    let hook = match found {
        Ok(h) => h,
        Err(e) if vm.isinstance(e.0, vm.types.import_error) || vm.isinstance(e.0, vm.types.attribute_error) => {
            warn_runtime(vm, &format!("Ignoring unimportable $PYTHONBREAKPOINT: \"{hookname}\""))?;
            return Ok(vm.none);
        }
        Err(e) => return Err(e),
    };
    vm.call_kw(hook, a, k)
}

// ---- unraisablehook -------------------------------------------------------------------

const UNRAISABLE_FIELDS: [&str; 5] = ["exc_type", "exc_value", "exc_traceback", "err_msg", "object"];

fn unraisable_type(vm: &mut Vm) -> Value {
    if let Some(t) = state_get(vm, "unraisable_type") {
        return t;
    }
    let t = super::sys::structseq_type(vm, "UnraisableHookArgs", &UNRAISABLE_FIELDS);
    state_set(vm, "unraisable_type", t);
    t
}

/// Reports an exception that cannot be raised (CPython's PyErr_WriteUnraisable) through
/// sys.unraisablehook.
pub fn write_unraisable(vm: &mut Vm, exc: Value, err_msg: Option<&str>, obj: Value) {
    let ty = unraisable_type(vm);
    let et = vm.type_of(exc);
    let tb = exc.get::<ExceptionObj>().map(|e| e.traceback.get()).filter(|t| !t.is_null()).unwrap_or(vm.none);
    let msg = match err_msg {
        Some(m) => vm.new_str(m),
        None => vm.none,
    };
    let obj = if obj.is_null() { vm.none } else { obj };
    let args = vm.alloc(ty, TupleObj { items: vec![et, exc, tb, msg, obj].into_boxed_slice() }).value();
    let r = match sys_attr(vm, "unraisablehook") {
        Some(h) if h != vm.none => vm.call(h, &[args]).map(|_| ()),
        _ => sys_unraisablehook(vm, &[args], Value::NULL).map(|_| ()),
    };
    if r.is_err() {
        let _ = sys_unraisablehook(vm, &[args], Value::NULL);
    }
}

fn sys_unraisablehook(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    crate::builtins::no_kw(vm, k, "sys.unraisablehook")?;
    if a.len() != 1 {
        return Err(vm.type_error(&format!("sys.unraisablehook() takes exactly one argument ({} given)", a.len())));
    }
    let ty = unraisable_type(vm);
    if vm.type_of(a[0]) != ty {
        return Err(vm.type_error("sys.unraisablehook argument type must be UnraisableHookArgs"));
    }
    let items = a[0].get::<TupleObj>().map(|t| t.items.to_vec()).unwrap_or_default();
    let [et, ev, tb, msg, obj] = [0, 1, 2, 3, 4].map(|i| items.get(i).copied().unwrap_or(vm.none));
    let none = vm.none;
    let mut out = String::new();
    if obj != none {
        if msg != none {
            out.push_str(&vm.str(msg).unwrap_or_default());
            out.push_str(": ");
        } else {
            out.push_str("Exception ignored in: ");
        }
        out.push_str(&vm.repr(obj).unwrap_or_else(|_| "<object repr() failed>".into()));
        out.push('\n');
    } else if msg != none {
        out.push_str(&vm.str(msg).unwrap_or_default());
        out.push_str(":\n");
    }
    out.push_str(&crate::traceback::format_tb(vm, tb));
    if et != none {
        let name = if vm.is_type(et) { vm.type_name_qualified(et) } else { "<unknown>".into() };
        out.push_str(&name);
        if ev != none {
            out.push_str(": ");
            out.push_str(&vm.str(ev).unwrap_or_else(|_| "<exception str() failed>".into()));
        }
        out.push('\n');
    }
    super::sys::flush_stdout(vm);
    let err = super::sys::stderr(vm);
    if err != none {
        super::sys::write_to(vm, err, &out)?;
        super::sys::flush_file(vm, err)?;
    }
    Ok(none)
}

// ---- audit hooks ----------------------------------------------------------------------

fn audit_hooks(vm: &mut Vm) -> Value {
    if let Some(l) = state_get(vm, "audit_hooks") {
        return l;
    }
    let l = vm.new_list(vec![]);
    state_set(vm, "audit_hooks", l);
    l
}

/// Raises an audit event: calls every hook added by sys.addaudithook with (event, args).
pub fn audit(vm: &mut Vm, event: &str, args: &[Value]) -> PyResult<()> {
    let hooks = audit_hooks(vm);
    let list = hooks.get::<ListObj>().map(|l| l.snapshot()).unwrap_or_default();
    if list.is_empty() {
        return Ok(());
    }
    let ev = vm.new_str(event);
    let t = vm.new_tuple(args.to_vec());
    for h in list {
        vm.call(h, &[ev, t])?;
    }
    Ok(())
}

fn sys_audit(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    crate::builtins::no_kw(vm, k, "audit")?;
    let Some(&event) = a.first() else {
        return Err(vm.type_error("audit() missing 1 required positional argument: 'event'"));
    };
    let hooks = audit_hooks(vm);
    if hooks.get::<ListObj>().map(|l| l.snapshot().is_empty()).unwrap_or(true) {
        return Ok(vm.none);
    }
    if event.kind() != Some(ObjKind::Str) {
        let tn = vm.type_name_of(event);
        return Err(vm.type_error(&format!("expected str for argument 'event', not {tn}")));
    }
    let ev = vm.str_of(event);
    audit(vm, &ev, &a[1..])?;
    Ok(vm.none)
}

fn sys_addaudithook(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let (pos, kws) = crate::builtins::split_kw(vm, a, k);
    let hook = match (pos.first(), kws.first()) {
        (Some(&h), None) if pos.len() == 1 => h,
        (None, Some((n, h))) if n == "hook" && kws.len() == 1 => *h,
        (None, None) => return Err(vm.type_error("addaudithook() missing required argument 'hook' (pos 1)")),
        _ => {
            let n = pos.len() + kws.len();
            return Err(vm.type_error(&format!("addaudithook() takes at most 1 argument ({n} given)")));
        }
    };
    // existing hooks may veto the new one; an Exception from them is not reported
    if let Err(e) = audit(vm, "sys.addaudithook", &[]) {
        if vm.isinstance(e.0, vm.types.exception) {
            return Ok(vm.none);
        }
        return Err(e);
    }
    let hooks = audit_hooks(vm);
    if let Some(l) = hooks.get::<ListObj>() {
        l.items.borrow_mut().push(hook);
    }
    Ok(vm.none)
}

// ---- trace and profile functions ------------------------------------------------------

fn one_arg(vm: &mut Vm, a: &[Value], k: Value, name: &str) -> PyResult<Value> {
    crate::builtins::no_kw(vm, k, name)?;
    if a.len() != 1 {
        return Err(vm.type_error(&format!("{name}() takes exactly one argument ({} given)", a.len())));
    }
    Ok(a[0])
}

fn no_args(vm: &mut Vm, a: &[Value], k: Value, name: &str) -> PyResult<()> {
    crate::builtins::no_kw(vm, k, name)?;
    if !a.is_empty() {
        return Err(vm.type_error(&format!("{name}() takes no arguments ({} given)", a.len())));
    }
    Ok(())
}

/// Stores a function set by sys.settrace/sys.setprofile (None clears it). The interpreter
/// does not deliver events to it yet (see docs/architecture.md).
fn set_fn(vm: &mut Vm, a: &[Value], k: Value, name: &str, key: &str) -> PyResult<Value> {
    let f = one_arg(vm, a, k, name)?;
    state_set(vm, key, f);
    Ok(vm.none)
}

fn get_fn(vm: &mut Vm, a: &[Value], k: Value, name: &str, key: &str) -> PyResult<Value> {
    no_args(vm, a, k, name)?;
    Ok(state_get(vm, key).unwrap_or(vm.none))
}

fn sys_settrace(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    set_fn(vm, a, k, "sys.settrace", "trace")
}

fn sys_gettrace(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    get_fn(vm, a, k, "sys.gettrace", "trace")
}

fn sys_setprofile(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    set_fn(vm, a, k, "sys.setprofile", "profile")
}

fn sys_getprofile(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    get_fn(vm, a, k, "sys.getprofile", "profile")
}

fn sys_call_tracing(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    crate::builtins::no_kw(vm, k, "call_tracing")?;
    crate::builtins::arity(vm, a, 2, 2, "call_tracing")?;
    if a[1].kind() != Some(ObjKind::Tuple) || !vm.isinstance(a[1], vm.types.tuple) {
        let tn = vm.type_name_of(a[1]);
        return Err(vm.type_error(&format!("call_tracing() argument 2 must be tuple, not {tn}")));
    }
    let args = a[1].get::<TupleObj>().map(|t| t.items.to_vec()).unwrap_or_default();
    vm.call(a[0], &args)
}

// ---- numeric interpreter settings -----------------------------------------------------

/// An argument converted like a C int (PyLong_AsInt after __index__).
fn c_int(vm: &mut Vm, v: Value) -> PyResult<i64> {
    let i = vm.index_of(v)?;
    match vm.as_i64(i) {
        Some(n) if i32::try_from(n).is_ok() => Ok(n),
        _ => Err(vm.overflow_error("Python int too large to convert to C int")),
    }
}

fn sys_setswitchinterval(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let v = one_arg(vm, a, k, "sys.setswitchinterval")?;
    let f = crate::builtins::numfloat(vm, v)?;
    if f <= 0.0 {
        return Err(vm.value_error("switch interval must be strictly positive"));
    }
    // CPython keeps it in whole microseconds
    let us = (f * 1e6) as u64;
    let fv = vm.new_float(us.max(1) as f64 / 1e6);
    crate::threads::set_switch_interval(us.max(1) as f64 / 1e6);
    state_set(vm, "switch_interval", fv);
    Ok(vm.none)
}

fn sys_getswitchinterval(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    no_args(vm, a, k, "sys.getswitchinterval")?;
    Ok(match state_get(vm, "switch_interval") {
        Some(v) => v,
        None => vm.new_float(0.005),
    })
}

fn sys_setdlopenflags(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let v = one_arg(vm, a, k, "sys.setdlopenflags")?;
    let n = c_int(vm, v)?;
    let nv = vm.new_int(n);
    state_set(vm, "dlopenflags", nv);
    Ok(vm.none)
}

fn sys_getdlopenflags(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    no_args(vm, a, k, "sys.getdlopenflags")?;
    // RTLD_NOW, CPython's default; pyjit loads no extension modules, so nothing reads it
    Ok(state_get(vm, "dlopenflags").unwrap_or_else(|| Value::small(2).unwrap_or(Value::NULL)))
}

fn sys_set_coro_depth(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let (pos, kws) = crate::builtins::split_kw(vm, a, k);
    let name = "set_coroutine_origin_tracking_depth";
    let v = match (pos.as_slice(), kws.as_slice()) {
        ([v], []) => *v,
        ([], [(n, v)]) if n == "depth" => *v,
        ([], []) => return Err(vm.type_error(&format!("{name}() missing required argument 'depth' (pos 1)"))),
        (_, [(n, _), ..]) if n != "depth" => return Err(vm.type_error(&format!("{name}() got an unexpected keyword argument '{n}'"))),
        _ => return Err(vm.type_error(&format!("{name}() takes at most 1 argument ({} given)", pos.len() + kws.len()))),
    };
    let n = c_int(vm, v)?;
    if n < 0 {
        return Err(vm.value_error("depth must be >= 0"));
    }
    let nv = vm.new_int(n);
    state_set(vm, "coro_depth", nv);
    Ok(vm.none)
}

fn sys_get_coro_depth(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    no_args(vm, a, k, "get_coroutine_origin_tracking_depth")?;
    Ok(state_get(vm, "coro_depth").unwrap_or_else(|| Value::small(0).unwrap_or(Value::NULL)))
}

// ---- async generator hooks ------------------------------------------------------------

fn sys_set_asyncgen_hooks(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let (pos, kws) = crate::builtins::split_kw(vm, a, k);
    if pos.len() + kws.len() > 2 {
        return Err(vm.type_error(&format!("function takes at most 2 arguments ({} given)", pos.len() + kws.len())));
    }
    let mut slots: [Option<Value>; 2] = [pos.first().copied(), pos.get(1).copied()];
    for (n, v) in kws {
        let i = match n.as_str() {
            "firstiter" => 0,
            "finalizer" => 1,
            _ => return Err(vm.type_error(&format!("'{n}' is an invalid keyword argument for set_asyncgen_hooks()"))),
        };
        if slots[i].is_some() {
            return Err(vm.type_error(&format!("argument for set_asyncgen_hooks() given by name ('{n}') and position ({})", i + 1)));
        }
        slots[i] = Some(v);
    }
    // CPython checks the finalizer first
    for (i, key) in [(1, "finalizer"), (0, "firstiter")] {
        if let Some(v) = slots[i] {
            if v != vm.none && !callable(vm, v) {
                let tn = vm.type_name_of(v);
                return Err(vm.type_error(&format!("callable {key} expected, got {tn}")));
            }
        }
    }
    for (i, key) in [(0, "asyncgen_firstiter"), (1, "asyncgen_finalizer")] {
        if let Some(v) = slots[i] {
            state_set(vm, key, v);
        }
    }
    Ok(vm.none)
}

fn sys_get_asyncgen_hooks(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    no_args(vm, a, k, "get_asyncgen_hooks")?;
    let ty = match state_get(vm, "asyncgen_hooks_type") {
        Some(t) => t,
        None => {
            let t = super::sys::structseq_type(vm, "asyncgen_hooks", &["firstiter", "finalizer"]);
            state_set(vm, "asyncgen_hooks_type", t);
            t
        }
    };
    let f = state_get(vm, "asyncgen_firstiter").unwrap_or(vm.none);
    let g = state_get(vm, "asyncgen_finalizer").unwrap_or(vm.none);
    Ok(vm.alloc(ty, TupleObj { items: vec![f, g].into_boxed_slice() }).value())
}

/// Called on the first __anext__/asend/athrow/aclose of an async generator: runs the
/// firstiter hook set by sys.set_asyncgen_hooks, as CPython's async_gen_init_hooks does.
pub fn asyncgen_first_use(vm: &mut Vm, gen: Value) -> PyResult<()> {
    let Some(g) = gen.get::<GeneratorObj>() else { return Ok(()) };
    if g.hooks_inited.get() {
        return Ok(());
    }
    g.hooks_inited.set(true);
    match state_get(vm, "asyncgen_firstiter") {
        Some(f) if f != vm.none => {
            vm.call(f, &[gen])?;
            Ok(())
        }
        _ => Ok(()),
    }
}

// ---- introspection --------------------------------------------------------------------

/// The identifier of the interpreter's thread (what threading.get_ident would return): the
/// kernel thread id, read from /proc/thread-self.
pub fn thread_ident() -> i64 {
    std::fs::read_link("/proc/thread-self")
        .ok()
        .and_then(|p| p.file_name().and_then(|n| n.to_str()).and_then(|s| s.parse().ok()))
        .unwrap_or(std::process::id() as i64)
}

fn sys_current_frames(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    no_args(vm, a, k, "_current_frames")?;
    let d = vm.new_dict();
    if !vm.frames.is_empty() {
        let f = super::sys::frame_object(vm, 0)?;
        let id = vm.new_int(thread_ident());
        vm.dict_set(d, id, f)?;
    }
    Ok(d)
}

fn sys_current_exceptions(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    no_args(vm, a, k, "_current_exceptions")?;
    let d = vm.new_dict();
    let info = super::sys::exc_info_tuple(vm);
    let id = vm.new_int(thread_ident());
    vm.dict_set(d, id, info)?;
    Ok(d)
}

fn sys_getrefcount(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    one_arg(vm, a, k, "sys.getrefcount")?;
    // pyjit traces reachability instead of counting references; 2 is what CPython reports
    // for an object held by one variable (the variable plus the argument).
    Ok(vm.new_int(2))
}

fn sys_getallocatedblocks(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    no_args(vm, a, k, "sys.getallocatedblocks")?;
    // documented as allowed when an implementation cannot count its memory blocks
    Ok(vm.new_int(0))
}

fn sys_getquickenedcount(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    no_args(vm, a, k, "_getquickenedcount")?;
    // pyjit specialises through inline caches, never by rewriting code objects
    Ok(vm.new_int(0))
}

fn sys_debugmallocstats(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    no_args(vm, a, k, "_debugmallocstats")?;
    super::sys::flush_stdout(vm);
    let h = &vm.heap;
    eprintln!(
        "pyjit heap: {} collections, {} bytes live after the last one, {} bytes allocated since, next collection after {} bytes",
        h.collections, h.live_bytes, h.bytes_since_gc, h.threshold
    );
    Ok(vm.none)
}

fn sys_clear_type_cache(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    no_args(vm, a, k, "_clear_type_cache")?;
    vm.lookup_cache.clear();
    Ok(vm.none)
}

fn sys_is_finalizing(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    no_args(vm, a, k, "is_finalizing")?;
    // pyjit runs no Python code after the main module finishes
    Ok(vm.false_)
}

fn sys_interactivehook(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    no_args(vm, a, k, "__interactivehook__")?;
    // the REPL keeps its history in ~/.python_history only when this hook ran, as CPython's
    // site.register_readline does
    let t = vm.true_;
    state_set(vm, "interactive_history", t);
    Ok(vm.none)
}

/// Whether sys.__interactivehook__ asked the REPL to load and save its history file.
pub fn interactive_history_enabled(vm: &mut Vm) -> bool {
    state_get(vm, "interactive_history") == Some(vm.true_)
}

/// What the REPL does on start-up, like CPython's pymain_repl: calls sys.__interactivehook__
/// if there is one; errors are reported like uncaught exceptions.
pub fn run_interactivehook(vm: &mut Vm) {
    if let Some(h) = sys_attr(vm, "__interactivehook__") {
        if let Err(PyErr(e)) = vm.call(h, &[]) {
            let err = super::sys::stderr(vm);
            let _ = super::sys::write_to(vm, err, "Failed calling sys.__interactivehook__\n");
            display_exception(vm, e);
        }
    }
}

pub fn register(vm: &mut Vm, s: Value) {
    let hooks: &[(&'static str, &'static str, NativeFn)] = &[
        ("displayhook", "__displayhook__", sys_displayhook),
        ("excepthook", "__excepthook__", sys_excepthook),
        ("breakpointhook", "__breakpointhook__", sys_breakpointhook),
        ("unraisablehook", "__unraisablehook__", sys_unraisablehook),
    ];
    for &(name, dunder, f) in hooks {
        add_fn(vm, s, name, f);
        let d = s.get::<ModuleObj>().map(|m| m.dict).unwrap_or(Value::NULL);
        if let Some(v) = vm.dict_get_by_str(d, name) {
            vm.dict_set_str(d, dunder, v);
        }
    }
    let fns: &[(&'static str, NativeFn)] = &[
        ("__interactivehook__", sys_interactivehook),
        ("audit", sys_audit),
        ("addaudithook", sys_addaudithook),
        ("settrace", sys_settrace),
        ("gettrace", sys_gettrace),
        ("setprofile", sys_setprofile),
        ("getprofile", sys_getprofile),
        ("call_tracing", sys_call_tracing),
        ("setswitchinterval", sys_setswitchinterval),
        ("getswitchinterval", sys_getswitchinterval),
        ("setdlopenflags", sys_setdlopenflags),
        ("getdlopenflags", sys_getdlopenflags),
        ("set_coroutine_origin_tracking_depth", sys_set_coro_depth),
        ("get_coroutine_origin_tracking_depth", sys_get_coro_depth),
        ("set_asyncgen_hooks", sys_set_asyncgen_hooks),
        ("get_asyncgen_hooks", sys_get_asyncgen_hooks),
        ("_current_frames", sys_current_frames),
        ("_current_exceptions", sys_current_exceptions),
        ("getrefcount", sys_getrefcount),
        ("getallocatedblocks", sys_getallocatedblocks),
        ("_clear_type_cache", sys_clear_type_cache),
        ("_getquickenedcount", sys_getquickenedcount),
        ("_debugmallocstats", sys_debugmallocstats),
        ("is_finalizing", sys_is_finalizing),
    ];
    for &(n, f) in fns {
        add_fn(vm, s, n, f);
    }
}
