//! Values crossing between Python and SQLite: adaptation (adapters, `__conform__`),
//! binding parameters with CPython's checks and messages, and column values back to
//! Python (text_factory, converters).

use rusqlite::types::{Value as SqlValue, ValueRef};

use super::{programming, ADAPTERS, BASE_TYPE_ADAPTED, PREPARE_PROTOCOL};
use crate::util::*;

/// An owned SQLite value: a column of a fetched row or an argument of a user function.
#[derive(Clone, Debug)]
pub enum SqlVal {
    Null,
    Int(i64),
    Real(f64),
    Text(Vec<u8>),
    Blob(Vec<u8>),
}

impl SqlVal {
    pub fn from_ref(v: ValueRef<'_>) -> SqlVal {
        match v {
            ValueRef::Null => SqlVal::Null,
            ValueRef::Integer(i) => SqlVal::Int(i),
            ValueRef::Real(f) => SqlVal::Real(f),
            ValueRef::Text(t) => SqlVal::Text(t.to_vec()),
            ValueRef::Blob(b) => SqlVal::Blob(b.to_vec()),
        }
    }

    /// The bytes sqlite3_column_blob gives for the value (what converters receive).
    pub fn as_bytes(&self) -> Vec<u8> {
        match self {
            SqlVal::Null => Vec::new(),
            SqlVal::Int(i) => i.to_string().into_bytes(),
            SqlVal::Real(f) => real_text(*f).into_bytes(),
            SqlVal::Text(b) | SqlVal::Blob(b) => b.clone(),
        }
    }
}

/// SQLite's text for a REAL ("%!.15g").
fn real_text(f: f64) -> String {
    if f.is_finite() && f == f.trunc() && f.abs() < 1e15 {
        return format!("{f:.1}");
    }
    let s = format!("{:.14e}", f);
    // trim a %.15g-like form back from the exponent notation
    match s.split_once('e') {
        Some((mant, exp)) => {
            let e: i32 = exp.parse().unwrap_or(0);
            let m = mant.trim_end_matches('0').trim_end_matches('.');
            if (-5..15).contains(&e) {
                format!("{}", f)
            } else {
                format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
            }
        }
        None => s,
    }
}

/// microprotocols.adapt(obj, proto): the registered adapter's result, else
/// `obj.__conform__(proto)` when that is not None; None when neither applies.
pub fn adapt(vm: &mut Vm, obj: Value, proto: Value) -> PyResult<Option<Value>> {
    let ty = vm.type_of(obj);
    let key = vm.new_tuple(vec![ty, proto]);
    let d = ADAPTERS.with(|c| c.get());
    if let Some(f) = vm.dict_get(d, key)? {
        return vm.call(f, &[obj]).map(Some);
    }
    // proto.__adapt__(obj), then obj.__conform__(proto); a TypeError from either means
    // "cannot adapt" (microprotocols.c), other exceptions propagate
    let type_error = vm.types.type_error;
    for (who, name, arg) in [(proto, "__adapt__", obj), (obj, "__conform__", proto)] {
        let n = vm.intern(name);
        if let Some(f) = vm.getattr_opt(who, n)? {
            match vm.call(f, &[arg]) {
                Ok(r) if r != vm.none => return Ok(Some(r)),
                Ok(_) => {}
                Err(e) if vm.isinstance(e.0, type_error) => {}
                Err(e) => return Err(e),
            }
        }
    }
    Ok(None)
}

/// A Python value as an SQLite value for binding parameter `pos` (1-based); None when its
/// type cannot be bound.
fn to_sql(vm: &mut Vm, v: Value) -> PyResult<Option<SqlValue>> {
    if v == vm.none {
        return Ok(Some(SqlValue::Null));
    }
    let (int_t, float_t, str_t) = (vm.types.int, vm.types.float, vm.types.str);
    if v.is_small() || vm.isinstance(v, int_t) {
        return match vm.as_i64(v) {
            Some(i) => Ok(Some(SqlValue::Integer(i))),
            None => Err(vm.overflow_error("Python int too large to convert to SQLite INTEGER")),
        };
    }
    if vm.isinstance(v, float_t) {
        let f = v.get::<pyjit_vm::objects::FloatObj>().map(|f| f.0).unwrap_or(0.0);
        return Ok(Some(SqlValue::Real(f)));
    }
    if vm.isinstance(v, str_t) {
        return Ok(Some(SqlValue::Text(vm.str_of(v))));
    }
    if let Some(b) = with_buffer(vm, v, |b| b.to_vec())? {
        return Ok(Some(SqlValue::Blob(b)));
    }
    Ok(None)
}

/// A parameter value as bound: adapted unless it is an exact int, float, str or bytearray
/// (and no adapter was registered for those), then converted. `pos` is 1-based.
pub fn bind_value(vm: &mut Vm, v: Value, pos: usize) -> PyResult<SqlValue> {
    let t = &vm.types;
    let basics = [t.int, t.float, t.str, t.bytearray];
    let ty = vm.type_of(v);
    let basic = v.is_small() || basics.contains(&ty);
    let v = if basic && !BASE_TYPE_ADAPTED.with(|c| c.get()) {
        v
    } else {
        let proto = PREPARE_PROTOCOL.with(|c| c.get());
        adapt(vm, v, proto)?.unwrap_or(v)
    };
    match to_sql(vm, v)? {
        Some(s) => Ok(s),
        None => {
            let tn = tname(vm, v);
            Err(programming(vm, &format!("Error binding parameter {pos}: type '{tn}' is not supported")))
        }
    }
}

/// A user function's result as an SQLite value (None: an unsupported type).
pub fn result_value(vm: &mut Vm, v: Value) -> PyResult<Option<SqlValue>> {
    to_sql(vm, v)
}

/// A user function's argument as a Python value.
pub fn arg_value(vm: &mut Vm, v: &SqlVal) -> Value {
    match v {
        SqlVal::Null => vm.none,
        SqlVal::Int(i) => vm.new_int(*i),
        SqlVal::Real(f) => vm.new_float(*f),
        SqlVal::Text(b) => {
            let s = String::from_utf8_lossy(b).into_owned();
            vm.new_str(&s)
        }
        SqlVal::Blob(b) => vm.new_bytes(b.clone()),
    }
}

/// A column value as a Python value: TEXT through the connection's text_factory.
pub fn column_value(vm: &mut Vm, v: &SqlVal, text_factory: Value, colname: &str) -> PyResult<Value> {
    match v {
        SqlVal::Text(b) => {
            let (str_t, bytes_t) = (vm.types.str, vm.types.bytes);
            if text_factory == str_t {
                match std::str::from_utf8(b) {
                    Ok(s) => Ok(vm.new_str(s)),
                    Err(_) => {
                        let text = String::from_utf8_lossy(b).into_owned();
                        Err(super::raise(vm, super::Exc::Operational, &format!("Could not decode to UTF-8 column '{colname}' with text '{text}'")))
                    }
                }
            } else if text_factory == bytes_t {
                Ok(vm.new_bytes(b.clone()))
            } else {
                let by = vm.new_bytes(b.clone());
                vm.call(text_factory, &[by])
            }
        }
        other => Ok(arg_value(vm, other)),
    }
}
