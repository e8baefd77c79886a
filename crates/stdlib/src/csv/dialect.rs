//! `_csv.Dialect`: the validated formatting parameters, built from a dialect object or
//! name and keyword overrides, with CPython's messages; and the dialect registry.

use crate::util::*;
use crate::{class_slot, native_state};

pub const QUOTE_MINIMAL: i64 = 0;
pub const QUOTE_ALL: i64 = 1;
pub const QUOTE_NONNUMERIC: i64 = 2;
pub const QUOTE_NONE: i64 = 3;

#[derive(Clone)]
pub struct Dialect {
    pub delimiter: u32,
    pub doublequote: bool,
    pub escapechar: Option<u32>,
    pub lineterminator: Vec<u32>,
    pub quotechar: Option<u32>,
    pub quoting: i64,
    pub skipinitialspace: bool,
    pub strict: bool,
}
native_state!(Dialect);

class_slot!(DIALECT);
class_slot!(ERROR);
class_slot!(REGISTRY);

pub fn dialect_type() -> Value {
    DIALECT.with(|c| c.get())
}

pub fn error(vm: &mut Vm, msg: &str) -> PyErr {
    let t = ERROR.with(|c| c.get());
    vm.err(t, msg)
}

const PARAMS: [&str; 8] = ["delimiter", "doublequote", "escapechar", "lineterminator", "quotechar", "quoting", "skipinitialspace", "strict"];

fn one_char(vm: &mut Vm, name: &str, v: Value, or_none: bool) -> PyResult<Option<u32>> {
    if or_none && v == vm.none {
        return Ok(None);
    }
    if !is_str(v) {
        let tn = vm.type_name_of(v);
        let what = if or_none { "string or None" } else { "string" };
        return Err(vm.type_error(&format!("\"{name}\" must be {what}, not {tn}")));
    }
    let cps = v.get::<pyjit_vm::objects::StrObj>().map(|s| s.code_points()).unwrap_or_default();
    if cps.len() != 1 {
        return Err(vm.type_error(&format!("\"{name}\" must be a 1-character string")));
    }
    Ok(Some(cps[0]))
}

/// A Dialect from an optional base (a Dialect, a registered name, or any object with the
/// attributes) and keyword overrides; the base itself when it is a Dialect and there
/// are no overrides.
pub fn make(vm: &mut Vm, cls: Value, base: Option<Value>, kws: &[(String, Value)]) -> PyResult<Value> {
    let mut base = base;
    if let Some(b) = base {
        if is_str(b) {
            base = Some(get_registered(vm, b)?);
        }
    }
    if let Some(b) = base {
        if kws.is_empty() && has_state::<Dialect>(b) {
            return Ok(b);
        }
    }
    let mut vals: [Option<Value>; 8] = [None; 8];
    for (k, v) in kws {
        match PARAMS.iter().position(|p| p == k) {
            Some(i) => vals[i] = Some(*v),
            None => return Err(vm.type_error(&format!("'{k}' is an invalid keyword argument for this function"))),
        }
    }
    if let Some(b) = base {
        for (i, p) in PARAMS.iter().enumerate() {
            if vals[i].is_none() {
                let n = vm.intern(p);
                vals[i] = vm.getattr_opt(b, n).unwrap_or(None);
            }
        }
    }
    let delimiter = match vals[0] {
        Some(v) => one_char(vm, "delimiter", v, false)?,
        None => Some(',' as u32),
    };
    let doublequote = match vals[1] {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let escapechar = match vals[2] {
        Some(v) => one_char(vm, "escapechar", v, true)?,
        None => None,
    };
    let lineterminator = match vals[3] {
        None => Some("\r\n".chars().map(|c| c as u32).collect()),
        Some(v) if v == vm.none => None,
        Some(v) => {
            if !is_str(v) {
                return Err(vm.type_error("\"lineterminator\" must be a string"));
            }
            v.get::<pyjit_vm::objects::StrObj>().map(|s| s.code_points())
        }
    };
    let quotechar = match vals[4] {
        Some(v) => one_char(vm, "quotechar", v, true)?,
        None => Some('"' as u32),
    };
    let mut quoting = match vals[5] {
        Some(v) => {
            if !vm.is_int(v) {
                return Err(vm.type_error("\"quoting\" must be an integer"));
            }
            vm.as_i64(v).unwrap_or(-1)
        }
        None => QUOTE_MINIMAL,
    };
    let skipinitialspace = match vals[6] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let strict = match vals[7] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    if !(QUOTE_MINIMAL..=QUOTE_NONE).contains(&quoting) {
        return Err(vm.type_error("bad \"quoting\" value"));
    }
    let Some(delimiter) = delimiter else {
        return Err(vm.type_error("\"delimiter\" must be a 1-character string"));
    };
    if vals[4].map(|q| q == vm.none).unwrap_or(false) && vals[5].is_none() {
        quoting = QUOTE_NONE;
    }
    if quoting != QUOTE_NONE && quotechar.is_none() {
        return Err(vm.type_error("quotechar must be set if quoting enabled"));
    }
    let Some(lineterminator) = lineterminator else {
        return Err(vm.type_error("lineterminator must be set"));
    };
    let d = Dialect { delimiter, doublequote, escapechar, lineterminator, quotechar, quoting, skipinitialspace, strict };
    Ok(new_native(vm, cls, d))
}

fn dialect_new(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let pos = positional(&a[1..], kw);
    if pos.len() > 1 {
        return Err(vm.type_error(&format!("Dialect() takes at most 9 arguments ({} given)", pos.len() + crate::util::nkw(kw))));
    }
    let mut kws = keywords(vm, &a[1..], kw);
    let mut base = pos.first().copied();
    if let Some(i) = kws.iter().position(|(k, _)| k == "dialect") {
        base = Some(kws.remove(i).1);
    }
    make(vm, a[0], base, &kws)
}

/// The Dialect of a dialect argument and keyword overrides (CPython's _call_dialect).
pub fn call_dialect(vm: &mut Vm, base: Option<Value>, kws: &[(String, Value)]) -> PyResult<Value> {
    let t = dialect_type();
    let mut kws = kws.to_vec();
    let mut base = base;
    if let Some(i) = kws.iter().position(|(k, _)| k == "dialect") {
        if base.is_some() {
            return Err(vm.type_error("argument for Dialect() given by name ('dialect') and position (1)"));
        }
        base = Some(kws.remove(i).1);
    }
    make(vm, t, base, &kws)
}

pub fn get(vm: &mut Vm, d: Value) -> PyResult<Dialect> {
    with_state::<Dialect, _>(vm, d, "_csv.Dialect", |d| d.clone())
}

fn char_value(vm: &mut Vm, c: Option<u32>) -> Value {
    match c {
        Some(c) => vm.new_str_cps(&[c]),
        None => vm.none,
    }
}

fn g_delimiter(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let d = get(vm, a[0])?;
    Ok(char_value(vm, Some(d.delimiter)))
}
fn g_doublequote(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let d = get(vm, a[0])?;
    Ok(vm.bool_val(d.doublequote))
}
fn g_escapechar(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let d = get(vm, a[0])?;
    Ok(char_value(vm, d.escapechar))
}
fn g_lineterminator(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let d = get(vm, a[0])?;
    Ok(vm.new_str_cps(&d.lineterminator))
}
fn g_quotechar(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let d = get(vm, a[0])?;
    Ok(char_value(vm, d.quotechar))
}
fn g_quoting(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let d = get(vm, a[0])?;
    Ok(vm.new_int(d.quoting))
}
fn g_skipinitialspace(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let d = get(vm, a[0])?;
    Ok(vm.bool_val(d.skipinitialspace))
}
fn g_strict(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let d = get(vm, a[0])?;
    Ok(vm.bool_val(d.strict))
}

fn registry() -> Value {
    REGISTRY.with(|c| c.get())
}

pub fn get_registered(vm: &mut Vm, name: Value) -> PyResult<Value> {
    let r = registry();
    match vm.dict_get(r, name)? {
        Some(d) => Ok(d),
        None => Err(error(vm, "unknown dialect")),
    }
}

fn register_dialect(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let pos = positional(a, kw);
    if pos.is_empty() || pos.len() > 2 {
        return Err(vm.type_error(&format!("register_dialect() expected at most 2 arguments, got {}", pos.len())));
    }
    let name = pos[0];
    if !is_str(name) {
        return Err(vm.type_error("dialect name must be a string"));
    }
    let kws = keywords(vm, a, kw);
    let d = call_dialect(vm, pos.get(1).copied(), &kws)?;
    let r = registry();
    vm.dict_set(r, name, d)?;
    Ok(vm.none)
}

fn unregister_dialect(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let args = parse(vm, a, kw, "unregister_dialect", &["name"], &[], 1)?;
    let name = args[0].unwrap_or(vm.none);
    let r = registry();
    match vm.dict_del(r, name)? {
        Some(_) => Ok(vm.none),
        None => Err(error(vm, "unknown dialect")),
    }
}

fn get_dialect(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let args = parse(vm, a, kw, "get_dialect", &["name"], &[], 1)?;
    let name = args[0].unwrap_or(vm.none);
    get_registered(vm, name)
}

fn list_dialects(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    check_pos(vm, a, kw, "list_dialects", 0, 0)?;
    let keys = vm.dict_keys(registry());
    Ok(vm.new_list(keys))
}

pub fn register(vm: &mut Vm, m: Value) -> PyResult<()> {
    let exc = vm.types.exceptions.iter().find(|e| e.0 == "Exception").map(|e| e.1).unwrap_or(vm.types.value_error);
    let e = crate::binascii::exception_class(vm, "_csv", "Error", exc)?;
    ERROR.with(|c| c.set(e));
    set_attr(vm, m, "Error", e);
    let t = new_class(vm, "_csv", "Dialect", None, ObjKind::Native, true);
    DIALECT.with(|c| c.set(t));
    set_new(vm, t, dialect_new);
    add_getsets(
        vm,
        t,
        &[
            ("delimiter", g_delimiter, None),
            ("doublequote", g_doublequote, None),
            ("escapechar", g_escapechar, None),
            ("lineterminator", g_lineterminator, None),
            ("quotechar", g_quotechar, None),
            ("quoting", g_quoting, None),
            ("skipinitialspace", g_skipinitialspace, None),
            ("strict", g_strict, None),
        ],
    );
    set_attr(vm, m, "Dialect", t);
    let reg = vm.new_dict();
    vm.permanent.push(reg);
    REGISTRY.with(|c| c.set(reg));
    set_attr(vm, m, "_dialects", reg);
    add_fns(
        vm,
        m,
        &[("register_dialect", register_dialect), ("unregister_dialect", unregister_dialect), ("get_dialect", get_dialect), ("list_dialects", list_dialects)],
    );
    Ok(())
}
