//! BaseException and its relatives: construction, attributes, groups and except*.

use std::cell::Cell;

use crate::heap::{ObjKind, Value};
use crate::interp::{PyResult, Vm};
use crate::objects::*;

use super::{arg, method};

impl Vm {
    /// rest, match of `except* ty` on exception (group) `exc`.
    pub fn exception_group_match(&mut self, exc: Value, ty: Value) -> PyResult<(Value, Value)> {
        if exc == self.none {
            return Ok((self.none, self.none));
        }
        if self.is_type(ty) && self.is_subtype(ty, self.types.base_exception_group) {
            return Err(self.type_error("catching ExceptionGroup with except* is not allowed. Use except instead."));
        }
        if self.exception_matches(exc, ty)? && !self.isinstance(exc, self.types.base_exception_group) {
            // a naked exception is wrapped
            let items = self.new_list(vec![exc]);
            let msg = self.empty_str;
            let eg = self.types.exception_group;
            let t = if self.isinstance(exc, self.types.exception) { eg } else { self.types.base_exception_group };
            let g = self.call(t, &[msg, items])?;
            if let (Some(gx), Some(ex)) = (g.get::<ExceptionObj>(), exc.get::<ExceptionObj>()) {
                gx.traceback.set(ex.traceback.get());
            }
            return Ok((self.none, g));
        }
        if !self.isinstance(exc, self.types.base_exception_group) {
            return Ok((exc, self.none));
        }
        let (m, r) = self.eg_split(exc, ty)?;
        Ok((r, m))
    }

    /// (matching part, rest) of an exception group, either None when empty.
    fn eg_split(&mut self, eg: Value, ty: Value) -> PyResult<(Value, Value)> {
        if self.exception_matches(eg, ty)? {
            return Ok((eg, self.none));
        }
        if !self.isinstance(eg, self.types.base_exception_group) {
            return Ok((self.none, eg));
        }
        let excs = self.eg_exceptions(eg);
        let mut matched = Vec::new();
        let mut rest = Vec::new();
        for e in excs {
            let (m, r) = self.eg_split(e, ty)?;
            if m != self.none {
                matched.push(m);
            }
            if r != self.none {
                rest.push(r);
            }
        }
        let m = if matched.is_empty() { self.none } else { self.eg_derive(eg, matched)? };
        let r = if rest.is_empty() { self.none } else { self.eg_derive(eg, rest)? };
        Ok((m, r))
    }

    pub fn eg_exceptions(&mut self, eg: Value) -> Vec<Value> {
        let args = self.exc_args(eg);
        args.get(1).and_then(|t| t.get::<TupleObj>().map(|t| t.items.to_vec())).unwrap_or_default()
    }

    fn eg_derive(&mut self, eg: Value, excs: Vec<Value>) -> PyResult<Value> {
        let msg = self.exc_args(eg).first().copied().unwrap_or(self.empty_str);
        let l = self.new_list(excs);
        let t = self.type_of(eg);
        let t = if self.is_heap_type(eg) { self.types.exception_group } else { t };
        let all_exc = self.eg_exceptions_of_list(l).iter().all(|e| self.isinstance(*e, self.types.exception));
        let t = if t == self.types.exception_group && !all_exc { self.types.base_exception_group } else { t };
        let r = self.call(t, &[msg, l])?;
        if let (Some(rx), Some(ex)) = (r.get::<ExceptionObj>(), eg.get::<ExceptionObj>()) {
            rx.traceback.set(ex.traceback.get());
            rx.cause.set(ex.cause.get());
            rx.context.set(ex.context.get());
        }
        Ok(r)
    }

    fn eg_exceptions_of_list(&self, l: Value) -> Vec<Value> {
        l.get::<ListObj>().map(|l| l.snapshot()).unwrap_or_default()
    }

    /// What an except* statement re-raises: the unhandled rest plus exceptions raised in
    /// handlers, or None.
    pub fn prep_reraise_star(&mut self, orig: Value, list: Value, rest: Value) -> PyResult<Value> {
        let mut raised: Vec<Value> = list.get::<ListObj>().map(|l| l.snapshot()).unwrap_or_default();
        raised.retain(|v| *v != self.none);
        if raised.is_empty() {
            return Ok(rest);
        }
        let mut all = raised;
        if rest != self.none {
            all.insert(0, rest);
        }
        if all.len() == 1 && rest == self.none {
            return Ok(all[0]);
        }
        let _ = orig;
        let msg = self.empty_str;
        let l = self.new_list(all);
        let t = self.types.exception_group;
        let all_exc = l.get::<ListObj>().map(|x| x.snapshot()).unwrap_or_default().iter().all(|e| self.isinstance(*e, self.types.exception));
        let t = if all_exc { t } else { self.types.base_exception_group };
        self.call(t, &[msg, l])
    }
}

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

fn eg_new(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    if args.len() != 3 {
        return Err(vm.type_error(&format!("BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)", args.len() - 1)));
    }
    let (cls, msg, excs) = (args[0], args[1], args[2]);
    if msg.kind() != Some(ObjKind::Str) {
        let tn = vm.type_name_of(msg);
        return Err(vm.type_error(&format!("argument 1 must be str, not {tn}")));
    }
    let (_h, items) = vm.to_vec(excs)?;
    if items.is_empty() {
        return Err(vm.value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    for (i, e) in items.iter().enumerate() {
        if !vm.isinstance(*e, vm.types.base_exception) {
            return Err(vm.value_error(&format!("Item {i} of second argument (exceptions) is not an exception")));
        }
    }
    let mut cls = cls;
    if cls == vm.types.base_exception_group && items.iter().all(|e| vm.isinstance(*e, vm.types.exception)) {
        cls = vm.types.exception_group;
    }
    if vm.is_subtype(cls, vm.types.exception_group) && !items.iter().all(|e| vm.isinstance(*e, vm.types.exception)) {
        return Err(vm.type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
    }
    let t = vm.new_tuple(items);
    let a = vm.new_tuple(vec![msg, t]);
    Ok(vm.new_exc_args(cls, a))
}

fn eg_str(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let e = args[0];
    let a = vm.exc_args(e);
    let msg = a.first().map(|m| vm.str_of(*m)).unwrap_or_default();
    let n = vm.eg_exceptions(e).len();
    Ok(vm.new_string(format!("{msg} ({n} sub-exception{})", if n == 1 { "" } else { "s" })))
}

fn eg_exceptions_get(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let a = vm.exc_args(args[0]);
    Ok(a.get(1).copied().unwrap_or(vm.empty_tuple))
}

fn eg_message_get(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let a = vm.exc_args(args[0]);
    Ok(a.first().copied().unwrap_or(vm.empty_str))
}

fn eg_split_m(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let (m, r) = vm.eg_split(args[0], args[1])?;
    Ok(vm.new_tuple(vec![m, r]))
}

fn eg_subgroup(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let (m, _) = vm.eg_split(args[0], args[1])?;
    Ok(m)
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
    let beg = vm.types.base_exception_group;
    super::static_method(vm, beg, "__new__", eg_new);
    method(vm, beg, "__init__", |vm, _a, _k| Ok(vm.none));
    method(vm, beg, "__str__", eg_str);
    method(vm, beg, "split", eg_split_m);
    method(vm, beg, "subgroup", eg_subgroup);
    super::getset(vm, beg, "exceptions", eg_exceptions_get, None);
    super::getset(vm, beg, "message", eg_message_get, None);
}
