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

pub fn register(vm: &mut Vm) {
    let se = vm.types.syntax_error;
    method(vm, se, "__str__", syntax_error_str);
    let be = vm.types.base_exception;
    method(vm, be, "__repr__", exc_repr);
    method(vm, be, "__str__", exc_str);
    super::static_method(vm, be, "__new__", exc_new);
    method(vm, be, "__init__", exc_init);
    method(vm, be, "with_traceback", exc_with_traceback);
    method(vm, be, "add_note", exc_add_note);
    super::exc_group::register(vm);
}
