//! The sys module and the standard streams.

use std::cell::Cell;
use std::io::Write;

use crate::heap::{ObjKind, Value};
use crate::interp::{NativeFn, PyResult, Vm};
use crate::objects::*;

use super::{add_fn, new_module, set_attr};

crate::gil_local! {
    /// The original standard streams while print() may write to them directly (0 once a
    /// stream was closed, detached or reconfigured away from the fast path).
    static STDOUT: Cell<u64> = const { Cell::new(0) };
    static STDERR: Cell<u64> = const { Cell::new(0) };
    /// The objects themselves (for sys.stdout lookups when sys has none).
    static STDOUT_OBJ: Cell<u64> = const { Cell::new(0) };
    static STDERR_OBJ: Cell<u64> = const { Cell::new(0) };
    /// sys.stdout is line buffered (a terminal, or reconfigured so).
    static STDOUT_LINEBUF: Cell<bool> = const { Cell::new(false) };
}

/// The current sys.stdout.
pub fn stdout(vm: &mut Vm) -> Value {
    let sys = vm.sys;
    let d = sys.get::<ModuleObj>().map(|m| m.dict).unwrap_or(Value::NULL);
    vm.dict_get_by_str(d, "stdout").unwrap_or(Value::from_raw(STDOUT_OBJ.with(|c| c.get())))
}

pub fn stderr(vm: &mut Vm) -> Value {
    let sys = vm.sys;
    let d = sys.get::<ModuleObj>().map(|m| m.dict).unwrap_or(Value::NULL);
    vm.dict_get_by_str(d, "stderr").unwrap_or(Value::from_raw(STDERR_OBJ.with(|c| c.get())))
}

/// Installs the standard stream objects (built by `io::stdio`) in sys.
pub fn set_std_streams(vm: &mut Vm, inp: Value, out: Value, err: Value, stdout_tty: bool) {
    STDOUT.with(|c| c.set(out.raw()));
    STDERR.with(|c| c.set(err.raw()));
    STDOUT_OBJ.with(|c| c.set(out.raw()));
    STDERR_OBJ.with(|c| c.set(err.raw()));
    STDOUT_LINEBUF.with(|c| c.set(stdout_tty));
    vm.permanent.extend_from_slice(&[inp, out, err]);
    let s = vm.sys;
    for (n, v) in [("stdout", out), ("stderr", err), ("stdin", inp), ("__stdout__", out), ("__stderr__", err), ("__stdin__", inp)] {
        set_attr(vm, s, n, v);
    }
}

pub fn disable_fast_path(v: Value) {
    for c in [&STDOUT, &STDERR] {
        c.with(|c| {
            if c.get() == v.raw() {
                c.set(0)
            }
        });
    }
}

pub fn set_stdout_line_buffering(on: bool) {
    STDOUT_LINEBUF.with(|c| c.set(on));
}

/// Writes the buffered standard output to the process's stdout.
pub fn flush_stdout(vm: &mut Vm) {
    if !vm.stdout_buf.is_empty() {
        let mut out = std::io::stdout().lock();
        let _ = out.write_all(&vm.stdout_buf);
        let _ = out.flush();
        vm.stdout_buf.clear();
    }
}

fn raw_write(vm: &mut Vm, fd: u64, s: &str) {
    write_std_bytes(vm, fd as i32, s.as_bytes());
}

/// Bytes for fd 1 (buffered in `Vm::stdout_buf`) or fd 2 (written at once, after stdout).
pub fn write_std_bytes(vm: &mut Vm, fd: i32, s: &[u8]) {
    if fd == 1 {
        vm.stdout_buf.extend_from_slice(s);
        if vm.config.unbuffered
            || vm.stdout_buf.len() > 1 << 16
            || ((vm.config.interactive || STDOUT_LINEBUF.with(|c| c.get())) && s.contains(&b'\n'))
        {
            flush_stdout(vm);
        }
    } else {
        flush_stdout(vm);
        let mut e = std::io::stderr().lock();
        let _ = e.write_all(s);
        let _ = e.flush();
    }
}

/// The error handler of sys.stdout, chosen as CPython 3.11 does on Unix: the one
/// PYTHONIOENCODING names after a colon ("strict" when it names only an encoding), else
/// surrogateescape in the C, POSIX and C.UTF-8 locales, else strict.
pub fn stdout_errors() -> String {
    if let Ok(io) = std::env::var("PYTHONIOENCODING") {
        if !io.is_empty() {
            return match io.split_once(':') {
                Some((_, e)) if !e.is_empty() => e.to_string(),
                _ => "strict".into(),
            };
        }
    }
    let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    let loc = var("LC_ALL").or_else(|| var("LC_CTYPE")).or_else(|| var("LANG")).unwrap_or_else(|| "C".into());
    match loc.as_str() {
        "C" | "POSIX" | "C.UTF-8" | "C.utf8" | "C.UTF8" | "C.utf-8" => "surrogateescape".into(),
        _ => "strict".into(),
    }
}

/// Writes a str object to a standard stream: a str holding lone surrogates is encoded
/// with the stream's error handler (stdout: see `stdout_errors`, stderr: backslashreplace),
/// raising UnicodeEncodeError as CPython's TextIOWrapper does.
fn std_write_value(vm: &mut Vm, fd: u64, sv: Value) -> PyResult<()> {
    if sv.get::<StrObj>().is_some_and(|o| o.has_surrogates()) {
        let errors = if fd == 1 { stdout_errors() } else { "backslashreplace".into() };
        let b = crate::builtins::codecs::encode(vm, sv, "utf-8", &errors)?;
        write_std_bytes(vm, fd as i32, &b);
    } else {
        let text = vm.str_of(sv);
        raw_write(vm, fd, &text);
    }
    Ok(())
}

/// Writes a str object to `file` (print's per-argument write).
pub fn write_value_to(vm: &mut Vm, file: Value, sv: Value) -> PyResult<()> {
    if let Some(fd) = fd_of(file) {
        return std_write_value(vm, fd, sv);
    }
    vm.call_method_str(file, "write", &[sv])?;
    Ok(())
}

fn fd_of(v: Value) -> Option<u64> {
    if v.raw() == STDOUT.with(|c| c.get()) {
        Some(1)
    } else if v.raw() == STDERR.with(|c| c.get()) {
        Some(2)
    } else {
        None
    }
}

pub fn is_std_stream(v: Value) -> bool {
    fd_of(v).is_some()
}

/// file.write(s), with a fast path for the standard streams.
pub fn write_to(vm: &mut Vm, file: Value, s: &str) -> PyResult<()> {
    if let Some(fd) = fd_of(file) {
        raw_write(vm, fd, s);
        return Ok(());
    }
    let sv = vm.new_str(s);
    vm.call_method_str(file, "write", &[sv])?;
    Ok(())
}

pub fn flush_file(vm: &mut Vm, file: Value) -> PyResult<()> {
    if fd_of(file).is_some() {
        flush_stdout(vm);
        return Ok(());
    }
    let f = vm.intern("flush");
    if let Some(m) = vm.getattr_opt(file, f)? {
        vm.call(m, &[])?;
    }
    Ok(())
}

fn sys_exit(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    crate::builtins::no_kw(vm, k, "exit")?;
    crate::builtins::arity(vm, a, 0, 1, "exit")?;
    let t = vm.types.system_exit;
    // the argument becomes the exception's args as PyErr_SetObject makes them
    let args = match a.first() {
        Some(&v) if v == vm.none => vm.empty_tuple,
        Some(&v) if vm.type_of(v) == vm.types.tuple => v,
        Some(&v) => vm.new_tuple(vec![v]),
        None => vm.empty_tuple,
    };
    Err(crate::interp::PyErr(vm.new_exc_args(t, args)))
}

fn sys_getrecursionlimit(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    Ok(vm.new_int(vm.recursion_limit as i64))
}

fn sys_setrecursionlimit(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let n = a.first().and_then(|v| vm.as_i64(*v));
    match n {
        Some(n) if n > i32::MAX as i64 => Err(vm.overflow_error("Python int too large to convert to C int")),
        Some(n) if n >= 1 => {
            if (n as usize) <= vm.frames.len() {
                let t = vm.types.recursion_error;
                return Err(vm.err(t, &format!("cannot set the recursion limit to {n} at the recursion depth {}: the limit is too low", vm.frames.len())));
            }
            vm.recursion_limit = (n as usize).min(1 << 20);
            Ok(vm.none)
        }
        Some(_) => Err(vm.value_error("recursion limit must be greater or equal than 1")),
        None => {
            let tn = a.first().map(|v| vm.type_name_of(*v)).unwrap_or_else(|| "NoneType".into());
            Err(vm.type_error(&format!("'{tn}' object cannot be interpreted as an integer")))
        }
    }
}

/// sys.exc_info() of the exception being handled.
pub fn exc_info_tuple(vm: &mut Vm) -> Value {
    let e = vm.handled();
    if e.is_null() {
        let n = vm.none;
        return vm.new_tuple(vec![n, n, n]);
    }
    let t = vm.type_of(e);
    let tb = e.get::<ExceptionObj>().map(|x| x.traceback.get()).unwrap_or(Value::NULL);
    let tb = if tb.is_null() { vm.none } else { tb };
    vm.new_tuple(vec![t, e, tb])
}

fn sys_exc_info(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    Ok(exc_info_tuple(vm))
}

fn sys_exception(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    let e = vm.handled();
    Ok(if e.is_null() { vm.none } else { e })
}

fn sys_intern(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let s = a.first().copied().unwrap_or(vm.none);
    if s.kind() != Some(ObjKind::Str) {
        let tn = vm.type_name_of(s);
        return Err(vm.type_error(&format!("intern() argument 1 must be str, not {tn}")));
    }
    Ok(vm.intern_value(s))
}

fn sys_getsizeof(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let v = a.first().copied().unwrap_or(vm.none);
    let n = v.kind().map(crate::heap::gc::object_size).unwrap_or(28);
    Ok(vm.new_int(n as i64))
}

fn sys_getdefaultencoding(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    Ok(vm.new_str("utf-8"))
}

fn sys_getfilesystemencodeerrors(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    Ok(vm.new_str("surrogateescape"))
}

fn sys_int_digits_get(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    Ok(vm.new_int(vm.int_max_str_digits as i64))
}

fn sys_int_digits_set(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let (pos, kws) = crate::builtins::split_kw(vm, a, k);
    let mut arg = pos.first().copied();
    for (name, v) in kws {
        if name != "maxdigits" || arg.is_some() {
            let msg = if name == "maxdigits" {
                "argument for set_int_max_str_digits() given by name ('maxdigits') and position (1)".to_string()
            } else {
                format!("set_int_max_str_digits() got an unexpected keyword argument '{name}'")
            };
            return Err(vm.type_error(&msg));
        }
        arg = Some(v);
    }
    if pos.len() > 1 {
        return Err(vm.type_error(&format!("set_int_max_str_digits() takes at most 1 argument ({} given)", pos.len())));
    }
    let Some(v) = arg else {
        return Err(vm.type_error("set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)"));
    };
    let i = vm.index_of(v)?;
    let n = vm.as_i64(i).ok_or_else(|| vm.overflow_error("Python int too large to convert to C int"))?;
    if n > i32::MAX as i64 || n < i32::MIN as i64 {
        return Err(vm.overflow_error("Python int too large to convert to C int"));
    }
    if n != 0 && n < crate::builtins::num::MAX_STR_DIGITS_THRESHOLD as i64 {
        let t = crate::builtins::num::MAX_STR_DIGITS_THRESHOLD;
        return Err(vm.value_error(&format!("maxdigits must be 0 or larger than {t}")));
    }
    vm.int_max_str_digits = n as usize;
    Ok(vm.none)
}

fn sys_getframe(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let depth = a.first().and_then(|v| vm.as_i64(*v)).unwrap_or(0) as usize;
    frame_object(vm, depth)
}

/// The frame object for the Python frame `depth` levels below the innermost one: the same
/// object each time for one frame, reading the frame's line and locals live while it runs.
pub fn frame_object(vm: &mut Vm, depth: usize) -> PyResult<Value> {
    let n = vm.frames.len();
    if depth >= n {
        return Err(vm.value_error("call stack is not deep enough"));
    }
    let level = n - 1 - depth;
    if let Some(&(_, existing)) = vm.frame_objects.iter().find(|&&(l, _)| l == level) {
        return Ok(existing);
    }
    let (code, globals, line) = (vm.frames[level].code, vm.frames[level].globals, vm.frames[level].line());
    let ft = vm.types.frame;
    let fo = FrameObj { code: code.value(), globals, locals: Cell::new(Value::NULL), lineno: Cell::new(line), back: Cell::new(Value::NULL), level: Cell::new(level as i64) };
    let v = vm.alloc(ft, fo).value();
    let at = vm.frame_objects.partition_point(|&(l, _)| l < level);
    vm.frame_objects.insert(at, (level, v));
    Ok(v)
}

/// The VM frame a frame object still reads, if that frame is running.
/// `gen.gi_frame`: None once the generator finished; the live frame while it runs; else a
/// frame whose `f_locals` and `f_lineno` are those of its saved state (where it is
/// suspended, or its first line before it starts).
pub fn gen_frame_object(vm: &mut Vm, gen: Value) -> PyResult<Value> {
    let Some(g) = gen.get::<GeneratorObj>() else { return Ok(vm.none) };
    match g.state.get() {
        3 => return Ok(vm.none),
        2 => {
            if let Some(level) = vm.frames.iter().rposition(|f| f.gen == gen) {
                let depth = vm.frames.len() - 1 - level;
                return frame_object(vm, depth);
            }
        }
        _ => {}
    }
    let Some(code) = g.code.get::<CodeObj>() else { return Ok(vm.none) };
    let (globals, ip, slots) = match g.frame.try_borrow() {
        Ok(f) => match f.as_ref() {
            Some(saved) => (saved.globals, saved.ip, saved.slots.clone()),
            None => (Value::NULL, 0, Vec::new()),
        },
        Err(_) => (Value::NULL, 0, Vec::new()),
    };
    let line = if g.state.get() == 0 { code.code.first_line } else { code.code.line_at(ip.saturating_sub(1)) };
    let d = vm.new_dict();
    let nl = code.code.nlocals();
    let names: Vec<Value> = code.varnames.to_vec();
    for (i, &name) in names.iter().enumerate().take(nl) {
        if let Some(&v) = slots.get(i).filter(|v| !v.is_null()) {
            vm.dict_set(d, name, v)?;
        }
    }
    let cell_names: Vec<String> = code.code.cellvars.iter().chain(code.code.freevars.iter()).cloned().collect();
    for (i, name) in cell_names.iter().enumerate() {
        let v = slots.get(nl + i).and_then(|c| c.get::<CellObj>()).map(|c| c.v.get()).unwrap_or(Value::NULL);
        if !v.is_null() {
            let k = vm.intern(name);
            vm.dict_set(d, k, v)?;
        }
    }
    let ft = vm.types.frame;
    Ok(vm.alloc(ft, FrameObj { code: code.value(), globals, locals: Cell::new(d), lineno: Cell::new(line), back: Cell::new(Value::NULL), level: Cell::new(-1) }).value())
}

pub fn live_frame(vm: &Vm, fobj: Value) -> Option<usize> {
    let level = fobj.get::<FrameObj>()?.level.get();
    (level >= 0 && (level as usize) < vm.frames.len() && vm.frame_objects.iter().any(|&(l, f)| l == level as usize && f == fobj))
        .then_some(level as usize)
}

/// `frame.f_locals`: a namespace frame's dict, or the dict of a function frame's variables,
/// refreshed from the frame while it runs (the same dict each time, as CPython keeps it).
pub fn frame_locals(vm: &mut Vm, fobj: Value) -> PyResult<Value> {
    let Some(fo) = fobj.get::<FrameObj>() else { return Ok(vm.none) };
    let Some(level) = live_frame(vm, fobj) else {
        let l = fo.locals.get();
        return Ok(if l.is_null() { vm.new_dict() } else { l });
    };
    let (code, ns, base) = (vm.frames[level].code, vm.frames[level].locals, vm.frames[level].base);
    if !ns.is_null() {
        fo.locals.set(ns);
        return Ok(ns);
    }
    let mut d = fo.locals.get();
    if d.is_null() {
        d = vm.new_dict();
        fo.locals.set(d);
    }
    let c = &code.code;
    let nl = c.nlocals();
    let names: Vec<Value> = code.varnames.to_vec();
    for (i, &name) in names.iter().enumerate() {
        let v = vm.stack[base + i];
        if v.is_null() {
            vm.dict_del(d, name)?;
        } else {
            vm.dict_set(d, name, v)?;
        }
    }
    let cell_names: Vec<String> = c.cellvars.iter().chain(c.freevars.iter()).cloned().collect();
    for (i, name) in cell_names.iter().enumerate() {
        let cell = vm.stack[base + nl + i];
        let v = cell.get::<CellObj>().map(|c| c.v.get()).unwrap_or(Value::NULL);
        let k = vm.intern(name);
        if v.is_null() {
            vm.dict_del(d, k)?;
        } else {
            vm.dict_set(d, k, v)?;
        }
    }
    Ok(d)
}

fn structseq_get(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    // a[0] is the field index bound into the getter, a[1] the object
    let i = a[0].small_value() as usize;
    let items = a.get(1).and_then(|t| t.get::<TupleObj>()).map(|t| t.items.to_vec()).unwrap_or_default();
    Ok(items.get(i).copied().unwrap_or(vm.none))
}

fn structseq_repr(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let ty = vm.type_of(a[0]);
    let name = vm.type_name_qualified(ty);
    let fields = ty.get::<TypeObj>().map(|t| t.dict).and_then(|d| vm.dict_get_by_str(d, "_fields"));
    let fields: Vec<Value> = fields.and_then(|f| f.get::<TupleObj>().map(|t| t.items.to_vec())).unwrap_or_default();
    let items = a[0].get::<TupleObj>().map(|t| t.items.to_vec()).unwrap_or_default();
    let mut parts = Vec::new();
    for (f, v) in fields.iter().zip(items.iter()) {
        let r = vm.repr(*v)?;
        parts.push(format!("{}={r}", vm.str_of(*f)));
    }
    Ok(vm.new_string(format!("{name}({})", parts.join(", "))))
}

/// A named tuple-like value (CPython's struct sequences: sys.version_info, sys.flags...).
pub fn structseq(vm: &mut Vm, name: &str, fields: &[&'static str], values: &[Value]) -> Value {
    let ty = structseq_type(vm, name, fields);
    vm.alloc(ty, TupleObj { items: values.to_vec().into_boxed_slice() }).value()
}

/// A struct sequence type: a tuple subclass with a property per field and CPython's repr.
pub fn structseq_type(vm: &mut Vm, name: &str, fields: &[&'static str]) -> Value {
    let tt = vm.types.tuple;
    // "sys.version_info" is the class version_info of module sys
    let (module, short) = name.rsplit_once('.').unwrap_or(("builtins", name));
    let ty = vm.make_type(short, tt, ObjKind::Tuple, 0);
    let field_vals: Vec<Value> = fields.iter().map(|f| vm.intern(f)).collect();
    let ft = vm.new_tuple(field_vals);
    let d = ty.get::<TypeObj>().map(|t| t.dict).unwrap_or(Value::NULL);
    let mv = vm.new_str(module);
    vm.dict_set_str(d, "__module__", mv);
    vm.dict_set_str(d, "_fields", ft);
    let n = vm.new_int(fields.len() as i64);
    vm.dict_set_str(d, "n_fields", n);
    let bt = vm.types.builtin_function;
    let pt = vm.types.property;
    for (i, f) in fields.iter().enumerate() {
        let idx = Value::small(i as i64).unwrap_or(Value::NULL);
        let g = vm.alloc(bt, BuiltinObj { name: f, func: structseq_get, self_: idx, owner: Value::NULL, slot_args: NO_SLOT, module: Value::NULL }).value();
        let fname = vm.intern(f);
        let p = vm.alloc(pt, PropertyObj { fget: g, fset: Value::NULL, fdel: Value::NULL, doc: Cell::new(Value::NULL), name: Cell::new(fname) }).value();
        vm.dict_set_str(d, f, p);
    }
    crate::builtins::method(vm, ty, "__repr__", structseq_repr);
    ty
}

pub fn register(vm: &mut Vm) {
    vm.sys_state = vm.new_dict();
    let s = new_module(vm, "sys");
    vm.sys = s;
    super::sys_hooks::register(vm, s);
    let fns: &[(&'static str, NativeFn)] = &[
        ("exit", sys_exit),
        ("getrecursionlimit", sys_getrecursionlimit),
        ("setrecursionlimit", sys_setrecursionlimit),
        ("exc_info", sys_exc_info),
        ("exception", sys_exception),
        ("intern", sys_intern),
        ("getsizeof", sys_getsizeof),
        ("getdefaultencoding", sys_getdefaultencoding),
        ("getfilesystemencoding", sys_getdefaultencoding),
        ("getfilesystemencodeerrors", sys_getfilesystemencodeerrors),
        ("get_int_max_str_digits", sys_int_digits_get),
        ("set_int_max_str_digits", sys_int_digits_set),
        ("_getframe", sys_getframe),
    ];
    for &(n, f) in fns {
        add_fn(vm, s, n, f);
    }
    let argv: Vec<Value> = vm.config.argv.clone().iter().map(|a| vm.new_str(a)).collect();
    let argv = vm.new_list(argv);
    set_attr(vm, s, "argv", argv);
    let path: Vec<Value> = vm.config.path.clone().iter().map(|a| vm.new_str(a)).collect();
    let path = vm.new_list(path);
    set_attr(vm, s, "path", path);
    let mods = vm.modules;
    set_attr(vm, s, "modules", mods);
    let fin = vm.new_str("final");
    let vals = [Value::small(3), Value::small(11), Value::small(7), Some(fin), Value::small(0)].map(|v| v.unwrap_or(Value::NULL));
    let vi_type = structseq_type(vm, "sys.version_info", &VERSION_INFO_FIELDS);
    let vi = vm.alloc(vi_type, TupleObj { items: vals.to_vec().into_boxed_slice() }).value();
    set_attr(vm, s, "version_info", vi);
    let fi_vals = [
        vm.new_float(f64::MAX),
        vm.new_int(1024),
        vm.new_int(308),
        vm.new_float(f64::MIN_POSITIVE),
        vm.new_int(-1021),
        vm.new_int(-307),
        vm.new_int(15),
        vm.new_int(53),
        vm.new_float(f64::EPSILON),
        vm.new_int(2),
        vm.new_int(1),
    ];
    let fi = structseq(
        vm,
        "sys.float_info",
        &["max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig", "epsilon", "radix", "rounds"],
        &fi_vals,
    );
    set_attr(vm, s, "float_info", fi);
    let modulus = vm.new_int((1i64 << 61) - 1);
    let alg = vm.new_str("siphash13");
    let hi_vals = [
        vm.new_int(64),
        modulus,
        vm.new_int(314159),
        vm.new_int(0),
        vm.new_int(1000003),
        alg,
        vm.new_int(64),
        vm.new_int(128),
        vm.new_int(0),
    ];
    let hi = structseq(vm, "sys.hash_info", &["width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"], &hi_vals);
    set_attr(vm, s, "hash_info", hi);
    let ii_vals = [vm.new_int(30), vm.new_int(4), vm.new_int(4300), vm.new_int(640)];
    let ii = structseq(vm, "sys.int_info", &["bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"], &ii_vals);
    set_attr(vm, s, "int_info", ii);
    let (ign, iso) = (vm.config.ignore_env as i64, vm.config.isolated as i64);
    let hr = if vm.config.hash_seed == Some(0) { 0 } else { 1 };
    let (nus, ns) = (vm.config.no_user_site as i64, vm.config.no_site as i64);
    let f = vm.config.flags.clone();
    let (inter, insp) = (vm.config.interactive as i64, f.inspect as i64);
    let ints: [i64; 13] = [
        f.debug as i64,
        insp,
        inter,
        f.optimize as i64,
        f.dont_write_bytecode as i64,
        nus,
        ns,
        ign,
        f.verbose as i64,
        f.bytes_warning as i64,
        f.quiet as i64,
        hr,
        iso,
    ];
    let mut flag_vals: Vec<Value> = ints.iter().map(|&i| Value::small(i).unwrap_or(Value::NULL)).collect();
    // dev_mode and safe_path are bools in CPython 3.11, the others ints
    let b = |vm: &Vm, x: bool| if x { vm.true_ } else { vm.false_ };
    flag_vals.push(b(vm, f.dev_mode));
    flag_vals.push(Value::small(f.utf8_mode as i64).unwrap_or(Value::NULL));
    flag_vals.push(Value::small(f.warn_default_encoding as i64).unwrap_or(Value::NULL));
    flag_vals.push(b(vm, f.safe_path || vm.config.isolated));
    flag_vals.push(Value::small(f.int_max_str_digits.unwrap_or(-1)).unwrap_or(Value::NULL));
    let flags = structseq(
        vm,
        "sys.flags",
        &[
            "debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site", "no_site",
            "ignore_environment", "verbose", "bytes_warning", "quiet", "hash_randomization", "isolated", "dev_mode",
            "utf8_mode", "warn_default_encoding", "safe_path", "int_max_str_digits",
        ],
        &flag_vals,
    );
    set_attr(vm, s, "flags", flags);
    let ver = vm.new_str("3.11.7 (pyjit 0.1.0) [Rust]");
    set_attr(vm, s, "version", ver);
    let hv = vm.new_int(0x030b07f0);
    set_attr(vm, s, "hexversion", hv);
    let plat = vm.new_str("linux");
    set_attr(vm, s, "platform", plat);
    let bo = vm.new_str(if cfg!(target_endian = "little") { "little" } else { "big" });
    set_attr(vm, s, "byteorder", bo);
    let mx = vm.new_int(i64::MAX);
    set_attr(vm, s, "maxsize", mx);
    let mu = vm.new_int(0x10ffff);
    set_attr(vm, s, "maxunicode", mu);
    let exe = vm.config.executable.clone();
    let exe = vm.new_str(&exe);
    set_attr(vm, s, "executable", exe);
    let t = vm.true_;
    set_attr(vm, s, "dont_write_bytecode", t);
    let impl_name = vm.new_str("pyjit");
    set_attr(vm, s, "_pyjit_implementation", impl_name);
    let arch = vm.new_str(crate::heap::arch::ARCH);
    set_attr(vm, s, "_pyjit_arch", arch);
    let xo = vm.new_dict();
    for x in vm.config.x_options.clone() {
        let (k, v) = match x.split_once('=') {
            Some((k, v)) => (vm.new_str(k), vm.new_str(v)),
            None => (vm.new_str(&x), vm.true_),
        };
        let _ = vm.dict_set(xo, k, v);
    }
    set_attr(vm, s, "_xoptions", xo);
    let wo: Vec<Value> = vm.config.warn_options.clone().iter().map(|w| vm.new_str(w)).collect();
    let wo = vm.new_list(wo);
    set_attr(vm, s, "warnoptions", wo);
    super::sys_info::register(vm, s, vi_type);
}

const VERSION_INFO_FIELDS: [&str; 5] = ["major", "minor", "micro", "releaselevel", "serial"];
