//! `_sqlite3`: Connection, Cursor, Row, the DB-API exceptions, adapters and converters
//! over SQLite (the `rusqlite` crate with its bundled SQLite amalgamation), below CPython's
//! own sqlite3 package (sqlite3/__init__.py, dbapi2.py, dump.py).

mod bridge;
mod connection;
mod constants;
mod cursor;
mod hooks;
mod row;
mod sql_text;
mod stmt;
mod values;

use std::cell::Cell;

use crate::bz2::builtin_exc;
use crate::class_slot;
use crate::util::*;

class_slot!(WARNING);
class_slot!(ERROR);
class_slot!(INTERFACE_ERROR);
class_slot!(DATABASE_ERROR);
class_slot!(DATA_ERROR);
class_slot!(OPERATIONAL_ERROR);
class_slot!(INTEGRITY_ERROR);
class_slot!(INTERNAL_ERROR);
class_slot!(PROGRAMMING_ERROR);
class_slot!(NOT_SUPPORTED_ERROR);
class_slot!(PREPARE_PROTOCOL);
class_slot!(ADAPTERS);
class_slot!(CONVERTERS);

pyjit_vm::gil_local! {
    /// Whether an adapter was registered for int, float, str or bytearray (they are then
    /// adapted too, not bound directly).
    static BASE_TYPE_ADAPTED: Cell<bool> = const { Cell::new(false) };
    /// enable_callback_tracebacks(): print the exceptions user callbacks raise.
    static CALLBACK_TRACEBACKS: Cell<bool> = const { Cell::new(false) };
}

/// The DB-API exception classes by role.
#[derive(Clone, Copy)]
pub enum Exc {
    Interface,
    Database,
    Data,
    Operational,
    Integrity,
    Internal,
    Programming,
    NotSupported,
}

pub fn exc_class(e: Exc) -> Value {
    match e {
        Exc::Interface => INTERFACE_ERROR.with(|c| c.get()),
        Exc::Database => DATABASE_ERROR.with(|c| c.get()),
        Exc::Data => DATA_ERROR.with(|c| c.get()),
        Exc::Operational => OPERATIONAL_ERROR.with(|c| c.get()),
        Exc::Integrity => INTEGRITY_ERROR.with(|c| c.get()),
        Exc::Internal => INTERNAL_ERROR.with(|c| c.get()),
        Exc::Programming => PROGRAMMING_ERROR.with(|c| c.get()),
        Exc::NotSupported => NOT_SUPPORTED_ERROR.with(|c| c.get()),
    }
}

pub fn raise(vm: &mut Vm, e: Exc, msg: &str) -> PyErr {
    let t = exc_class(e);
    vm.err(t, msg)
}

pub fn programming(vm: &mut Vm, msg: &str) -> PyErr {
    raise(vm, Exc::Programming, msg)
}

/// The name of a result code (SQLITE_CONSTRAINT_UNIQUE), or "unknown".
fn error_name(code: i32) -> &'static str {
    for &n in constants::RESULT_CODES {
        if constants::CONSTANTS.iter().any(|&(m, v)| m == n && v == code as i64) {
            return n;
        }
    }
    "unknown"
}

/// A rusqlite error as CPython's sqlite3 raises it (_pysqlite_seterror): the class by the
/// primary result code, SQLite's message, and the sqlite_errorcode/sqlite_errorname attributes.
pub fn sql_error(vm: &mut Vm, e: rusqlite::Error) -> PyErr {
    use rusqlite::Error as E;
    let e = match e {
        E::SqlInputError { error, msg, .. } => E::SqliteFailure(error, Some(msg)),
        other => other,
    };
    match e {
        E::SqliteFailure(f, msg) => {
            let code = f.extended_code;
            let cls = match code & 0xff {
                2 | 12 => Exc::Internal,
                7 => return vm.memory_error(),
                1 | 3 | 4 | 5 | 6 | 8 | 9 | 10 | 13 | 14 | 15 | 16 | 17 => Exc::Operational,
                11 => Exc::Database,
                18 => Exc::Data,
                19 | 20 => Exc::Integrity,
                21 | 25 => Exc::Interface,
                _ => Exc::Database,
            };
            let text = msg.unwrap_or_else(|| f.to_string());
            let err = raise(vm, cls, &text);
            let c = vm.new_int(code as i64);
            let k = vm.intern("sqlite_errorcode");
            let _ = vm.set_exc_attr(err.0, k, c);
            let n = vm.new_str(error_name(code));
            let k = vm.intern("sqlite_errorname");
            let _ = vm.set_exc_attr(err.0, k, n);
            err
        }
        E::MultipleStatement => programming(vm, "You can only execute one statement at a time."),
        E::NulError(_) => programming(vm, "the query contains a null character"),
        E::ToSqlConversionFailure(_) | E::InvalidParameterCount(..) => programming(vm, &e.to_string()),
        other => raise(vm, Exc::Database, &other.to_string()),
    }
}

/// Reports the exception a user callback raised to sys.unraisablehook when
/// enable_callback_tracebacks(True) (PyErr_WriteUnraisable(callable)).
pub fn report_callback_error(vm: &mut Vm, e: PyErr, callable: Value) {
    if !CALLBACK_TRACEBACKS.with(|c| c.get()) {
        return;
    }
    pyjit_vm::modules::sys_hooks::write_unraisable(vm, e.0, None, callable);
}

/// Imports a module by its dotted name and returns it (not its top package).
pub fn import(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let n = vm.new_str(name);
    let none = vm.none;
    let zero = vm.new_int(0);
    let mut m = pyjit_vm::modules::import::import_name(vm, n, Value::NULL, none, zero)?;
    for part in name.split('.').skip(1) {
        m = vm.getattr_str(m, part)?;
    }
    Ok(m)
}

fn connect(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    // connect(database, timeout, detect_types, isolation_level, check_same_thread, factory,
    // ...) is factory(<the same arguments>)
    let pos = positional(a, kw);
    let mut factory = pos.get(5).copied().unwrap_or_else(connection::class);
    for (k, v) in keywords(vm, a, kw) {
        if k == "factory" {
            factory = v;
        }
    }
    call_with_kw(vm, factory, a, kw)
}

fn register_adapter(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    check_pos(vm, a, kw, "register_adapter", 2, 2)?;
    let (ty, caster) = (a[0], a[1]);
    let t = &vm.types;
    if [t.int, t.float, t.str, t.bytearray].contains(&ty) {
        BASE_TYPE_ADAPTED.with(|c| c.set(true));
    }
    let proto = PREPARE_PROTOCOL.with(|c| c.get());
    let key = vm.new_tuple(vec![ty, proto]);
    let d = ADAPTERS.with(|c| c.get());
    vm.dict_set(d, key, caster)?;
    Ok(vm.none)
}

fn register_converter(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    check_pos(vm, a, kw, "register_converter", 2, 2)?;
    if !is_str(a[0]) {
        let tn = tname(vm, a[0]);
        return Err(vm.type_error(&format!("register_converter() argument 1 must be str, not {tn}")));
    }
    let name = vm.call_method_str(a[0], "upper", &[])?;
    let d = CONVERTERS.with(|c| c.get());
    vm.dict_set(d, name, a[1])?;
    Ok(vm.none)
}

fn adapt_fn(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    check_pos(vm, a, kw, "adapt", 1, 3)?;
    let proto = a.get(1).copied().unwrap_or_else(|| PREPARE_PROTOCOL.with(|c| c.get()));
    match values::adapt(vm, a[0], proto)? {
        Some(v) => Ok(v),
        None => match a.get(2) {
            Some(&alt) => Ok(alt),
            None => programming_err_adapt(vm),
        },
    }
}

fn programming_err_adapt(vm: &mut Vm) -> PyResult<Value> {
    Err(programming(vm, "can't adapt"))
}

fn complete_statement(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let args = parse(vm, a, kw, "complete_statement", &["statement"], &[], 1)?;
    let none = vm.none;
    let s = args[0].unwrap_or(none);
    if !is_str(s) {
        let tn = tname(vm, s);
        return Err(vm.type_error(&format!("complete_statement() argument 'statement' must be str, not {tn}")));
    }
    let text = vm.str_of(s);
    Ok(vm.bool_val(statement_complete(&text)))
}

/// sqlite3_complete: whether the text ends with a semicolon outside quotes and comments
/// (triggers' BEGIN...END bodies are not tracked).
fn statement_complete(sql: &str) -> bool {
    let b = sql.as_bytes();
    let mut i = 0;
    let mut complete = false;
    while i < b.len() {
        match b[i] {
            b';' => complete = true,
            b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' => {}
            b'-' if b.get(i + 1) == Some(&b'-') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                if i >= b.len() {
                    return complete;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => match sql[i + 2..].find("*/") {
                Some(e) => i += e + 3,
                None => return false,
            },
            q @ (b'\'' | b'"' | b'`') | q @ b'[' => {
                let close = if q == b'[' { b']' } else { q };
                complete = false;
                i += 1;
                while i < b.len() && b[i] != close {
                    i += 1;
                }
                if i >= b.len() {
                    return false;
                }
            }
            _ => complete = false,
        }
        i += 1;
    }
    complete
}

fn enable_callback_tracebacks(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    check_pos(vm, a, kw, "enable_callback_tracebacks", 1, 1)?;
    let on = c_int(vm, a[0])? != 0;
    CALLBACK_TRACEBACKS.with(|c| c.set(on));
    Ok(vm.none)
}

fn enable_shared_cache(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let args = parse(vm, a, kw, "enable_shared_cache", &["do_enable"], &[], 1)?;
    let none = vm.none;
    c_int(vm, args[0].unwrap_or(none))?;
    Ok(vm.none)
}

fn exc(vm: &mut Vm, m: Value, name: &str, base: Value) -> PyResult<Value> {
    let e = crate::binascii::exception_class(vm, "sqlite3", name, base)?;
    set_attr(vm, m, name, e);
    Ok(e)
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    let exception = builtin_exc(vm, "Exception");
    let w = exc(vm, m, "Warning", exception)?;
    WARNING.with(|c| c.set(w));
    let err = exc(vm, m, "Error", exception)?;
    ERROR.with(|c| c.set(err));
    let ie = exc(vm, m, "InterfaceError", err)?;
    INTERFACE_ERROR.with(|c| c.set(ie));
    let de = exc(vm, m, "DatabaseError", err)?;
    DATABASE_ERROR.with(|c| c.set(de));
    for (name, slot) in [
        ("InternalError", &INTERNAL_ERROR),
        ("OperationalError", &OPERATIONAL_ERROR),
        ("ProgrammingError", &PROGRAMMING_ERROR),
        ("IntegrityError", &INTEGRITY_ERROR),
        ("DataError", &DATA_ERROR),
        ("NotSupportedError", &NOT_SUPPORTED_ERROR),
    ] {
        let e = exc(vm, m, name, de)?;
        slot.with(|c| c.set(e));
    }
    let object = vm.types.object;
    let pp = crate::binascii::exception_class(vm, "sqlite3", "PrepareProtocol", object)?;
    PREPARE_PROTOCOL.with(|c| c.set(pp));
    set_attr(vm, m, "PrepareProtocol", pp);
    let adapters = vm.new_dict();
    vm.permanent.push(adapters);
    ADAPTERS.with(|c| c.set(adapters));
    set_attr(vm, m, "adapters", adapters);
    let converters = vm.new_dict();
    vm.permanent.push(converters);
    CONVERTERS.with(|c| c.set(converters));
    set_attr(vm, m, "converters", converters);
    BASE_TYPE_ADAPTED.with(|c| c.set(false));
    connection::register(vm, m);
    cursor::register(vm, m);
    row::register(vm, m);
    let blob = new_class(vm, "sqlite3", "Blob", None, ObjKind::Native, false);
    set_attr(vm, m, "Blob", blob);
    add_fns(
        vm,
        m,
        &[
            ("connect", connect),
            ("register_adapter", register_adapter),
            ("register_converter", register_converter),
            ("adapt", adapt_fn),
            ("complete_statement", complete_statement),
            ("enable_callback_tracebacks", enable_callback_tracebacks),
            ("enable_shared_cache", enable_shared_cache),
        ],
    );
    for &(n, v) in constants::CONSTANTS {
        let iv = vm.new_int(v);
        set_attr(vm, m, n, iv);
    }
    let v = vm.new_str("2.6.0");
    set_attr(vm, m, "version", v);
    let sv = vm.new_str(rusqlite::version());
    set_attr(vm, m, "sqlite_version", sv);
    let ts = vm.new_int(3);
    set_attr(vm, m, "threadsafety", ts);
    Ok(())
}
