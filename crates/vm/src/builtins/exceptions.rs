//! BaseException and its relatives: construction, attributes, groups and except*.

use std::cell::Cell;

use crate::heap::{ObjKind, Value};
use crate::interp::{PyResult, Vm};
use crate::objects::*;

use super::{arg, method};

fn exc_new(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    let cls = arg(vm, args, 0, "BaseException.__new__")?;
    let _ = kw;
    let rest = vm.new_tuple(args[1..].to_vec());
    let e = vm.alloc(
        cls,
        ExceptionObj {
            args: Cell::new(rest),
            traceback: Cell::new(Value::NULL),
            cause: Cell::new(Value::NULL),
            context: Cell::new(Value::NULL),
            suppress_context: Cell::new(false),
            dict: Cell::new(Value::NULL),
            group: Cell::new(Value::NULL),
        },
    );
    Ok(e.value())
}

fn exc_init(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let s = args[0];
    let rest = vm.new_tuple(args[1..].to_vec());
    if let Some(e) = s.get::<ExceptionObj>() {
        e.args.set(rest);
    }
    Ok(vm.none)
}

fn exc_with_traceback(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let tb = if args.len() > 1 && args[1] != vm.none { args[1] } else { Value::NULL };
    if let Some(e) = args[0].get::<ExceptionObj>() {
        e.traceback.set(tb);
    }
    Ok(args[0])
}

fn exc_add_note(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let e = args[0];
    let note = arg(vm, args, 1, "add_note")?;
    if note.kind() != Some(ObjKind::Str) {
        let tn = vm.type_name_of(note);
        return Err(vm.type_error(&format!("note must be a str, not '{tn}'")));
    }
    let n = vm.intern("__notes__");
    let d = vm.instance_dict(e, true).ok_or_else(|| vm.type_error("cannot add notes"))?;
    let notes = match vm.dict_get_str(d, n) {
        Some(l) => l,
        None => {
            let l = vm.new_list(vec![]);
            vm.dict_set(d, n, l)?;
            l
        }
    };
    if let Some(l) = notes.get::<ListObj>() {
        l.items.borrow_mut().push(note);
    }
    Ok(vm.none)
}

fn exc_repr(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let ty = vm.type_of(args[0]);
    let name = vm.type_name(ty);
    let a = vm.exc_args(args[0]);
    let s = if a.len() == 1 {
        format!("{name}({})", vm.repr(a[0])?)
    } else if a.is_empty() {
        format!("{name}()")
    } else {
        let t = vm.new_tuple(a);
        format!("{name}{}", vm.repr(t)?)
    };
    Ok(vm.new_string(s))
}

fn exc_str(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    match super::repr::native_str(vm, args[0])? {
        Some(s) => Ok(vm.new_string(s)),
        None => Ok(vm.empty_str),
    }
}

/// SyntaxError.__str__: "msg (file, line N)" with the file's base name.
fn syntax_error_str(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let s = syntax_error_text(vm, args[0])?;
    Ok(vm.new_string(s))
}

pub(crate) fn syntax_error_text(vm: &mut Vm, e: Value) -> PyResult<String> {
    let get = |vm: &mut Vm, n: &str| -> PyResult<Value> {
        let k = vm.intern(n);
        Ok(vm.getattr_opt(e, k)?.unwrap_or(vm.none))
    };
    let msg = get(vm, "msg")?;
    let filename = get(vm, "filename")?;
    let lineno = get(vm, "lineno")?;
    let msg = vm.str(msg)?;
    let file = (filename.kind() == Some(ObjKind::Str)).then(|| {
        let f = vm.str_of(filename);
        f.rsplit('/').next().unwrap_or("").to_string()
    });
    let line = if lineno.is_small() || lineno.kind() == Some(ObjKind::BigInt) { vm.as_i64(lineno) } else { None };
    let s = match (file, line) {
        (Some(f), Some(l)) => format!("{msg} ({f}, line {l})"),
        (Some(f), None) => format!("{msg} ({f})"),
        (None, Some(l)) => format!("{msg} (line {l})"),
        (None, None) => msg,
    };
    Ok(s)
}

/// UnicodeEncodeError / UnicodeDecodeError(encoding, object, start, end, reason).
fn unicode_error_init(vm: &mut Vm, args: &[Value], encode: bool) -> PyResult<Value> {
    let s = args[0];
    let a = &args[1..];
    if a.len() != 5 {
        return Err(vm.type_error(&format!("function takes exactly 5 arguments ({} given)", a.len())));
    }
    let tn = |vm: &mut Vm, v: Value| vm.type_name_of(v);
    for (i, &v) in [(1, &a[0]), (5, &a[4])] {
        if v.kind() != Some(ObjKind::Str) {
            let t = tn(vm, v);
            return Err(vm.type_error(&format!("argument {i} must be str, not {t}")));
        }
    }
    let obj = if encode {
        if a[1].kind() != Some(ObjKind::Str) {
            let t = tn(vm, a[1]);
            return Err(vm.type_error(&format!("argument 2 must be str, not {t}")));
        }
        a[1]
    } else {
        let b = super::bytes::bytes_from(vm, a[1]).map_err(|_| {
            let t = vm.type_name_of(a[1]);
            vm.type_error(&format!("argument 2 must be bytes-like object, not {t}"))
        })?;
        if a[1].kind() == Some(ObjKind::Bytes) {
            a[1]
        } else {
            vm.new_bytes(b)
        }
    };
    for &v in &a[2..4] {
        if !vm.is_int(v) {
            let t = tn(vm, v);
            return Err(vm.type_error(&format!("'{t}' object cannot be interpreted as an integer")));
        }
    }
    let rest = vm.new_tuple(a.to_vec());
    if let Some(e) = s.get::<ExceptionObj>() {
        e.args.set(rest);
    }
    for (name, v) in [("encoding", a[0]), ("object", obj), ("start", a[2]), ("end", a[3]), ("reason", a[4])] {
        vm.setattr_str(s, name, v)?;
    }
    Ok(vm.none)
}

pub fn unicode_error_str(vm: &mut Vm, args: &[Value], encode: bool) -> PyResult<Value> {
    let e = args[0];
    let Ok(obj) = vm.getattr_str(e, "object") else {
        // not initialised (no __init__ ran): like BaseException
        let a = vm.exc_args(e);
        let s = match a.len() {
            0 => String::new(),
            1 => vm.str(a[0])?,
            _ => {
                let t = vm.new_tuple(a);
                vm.repr(t)?
            }
        };
        return Ok(vm.new_string(s));
    };
    let enc = vm.getattr_str(e, "encoding")?;
    let enc = vm.str(enc)?;
    let reason = vm.getattr_str(e, "reason")?;
    let reason = vm.str(reason)?;
    let start = vm.getattr_str(e, "start")?;
    let end = vm.getattr_str(e, "end")?;
    let (start, end) = (vm.as_i64(start).unwrap_or(0), vm.as_i64(end).unwrap_or(0));
    let (len, bad): (i64, Option<u32>) = if encode {
        let chars: Vec<char> = obj.get::<StrObj>().map(|s| s.s.chars().collect()).unwrap_or_default();
        let st = start.clamp(0, (chars.len() as i64 - 1).max(0));
        (chars.len() as i64, chars.get(st as usize).map(|&c| c as u32))
    } else {
        let b = super::bytes::bytes_from(vm, obj).unwrap_or_default();
        let st = start.clamp(0, (b.len() as i64 - 1).max(0));
        (b.len() as i64, b.get(st as usize).map(|&c| c as u32))
    };
    let start = start.clamp(0, (len - 1).max(0));
    let end = end.clamp(1, len.max(1)).min(len);
    let msg = match bad {
        Some(c) if start < len && end == start + 1 => {
            if !encode {
                format!("'{enc}' codec can't decode byte 0x{c:02x} in position {start}: {reason}")
            } else if c <= 0xff {
                format!("'{enc}' codec can't encode character '\\x{c:02x}' in position {start}: {reason}")
            } else if c <= 0xffff {
                format!("'{enc}' codec can't encode character '\\u{c:04x}' in position {start}: {reason}")
            } else {
                format!("'{enc}' codec can't encode character '\\U{c:08x}' in position {start}: {reason}")
            }
        }
        _ => {
            let what = if encode { "encode characters" } else { "decode bytes" };
            format!("'{enc}' codec can't {what} in position {start}-{}: {reason}", end - 1)
        }
    };
    Ok(vm.new_string(msg))
}

pub fn register(vm: &mut Vm) {
    let se = vm.types.syntax_error;
    method(vm, se, "__str__", syntax_error_str);
    let ue = vm.types.unicode_encode_error;
    method(vm, ue, "__init__", |vm, a, _k| unicode_error_init(vm, a, true));
    method(vm, ue, "__str__", |vm, a, _k| unicode_error_str(vm, a, true));
    let ud = vm.types.unicode_decode_error;
    method(vm, ud, "__init__", |vm, a, _k| unicode_error_init(vm, a, false));
    method(vm, ud, "__str__", |vm, a, _k| unicode_error_str(vm, a, false));
    let be = vm.types.base_exception;
    method(vm, be, "__repr__", exc_repr);
    method(vm, be, "__str__", exc_str);
    super::static_method(vm, be, "__new__", exc_new);
    method(vm, be, "__init__", exc_init);
    method(vm, be, "with_traceback", exc_with_traceback);
    method(vm, be, "add_note", exc_add_note);
    super::exc_group::register(vm);
}
