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

/// The positional arguments of a call (the values of keyword arguments come last).
fn positional(args: &[Value], kw: Value) -> &[Value] {
    let nkw = kw.get::<TupleObj>().map(|t| t.items.len()).unwrap_or(0);
    &args[..args.len() - nkw.min(args.len())]
}

/// Keyword arguments as (name, value).
fn keywords(vm: &Vm, args: &[Value], kw: Value) -> Vec<(String, Value)> {
    super::split_kw(vm, args, kw).1
}

impl Vm {
    /// A field of a builtin exception kept outside its `__dict__` (`OSError.filename`,
    /// `ImportError.name`, ...), or None.
    pub fn exc_field(&mut self, e: Value, name: &str) -> Option<Value> {
        let d = self.member_dicts.get(&e.raw()).copied()?;
        self.dict_get_by_str(d, name)
    }

    pub fn set_exc_field(&mut self, e: Value, name: &str, v: Value) {
        let d = match self.member_dicts.get(&e.raw()).copied() {
            Some(d) => d,
            None => {
                let d = self.new_dict();
                self.member_dicts.insert(e.raw(), d);
                d
            }
        };
        self.dict_set_str(d, name, v);
    }

    /// An OSError (or subclass `ty`) as the os functions raise it.
    pub fn new_os_error(&mut self, ty: Value, errno: i64, msg: &str, filename: Option<Value>) -> Value {
        let code = self.new_int(errno);
        let m = self.new_str(msg);
        let args = self.new_tuple(vec![code, m]);
        let e = self.new_exc_args(ty, args);
        self.set_exc_field(e, "errno", code);
        self.set_exc_field(e, "strerror", m);
        if let Some(f) = filename {
            self.set_exc_field(e, "filename", f);
        }
        e
    }
}

/// The OSError subclass CPython picks for an errno (Linux numbering).
fn oserror_subclass(vm: &Vm, errno: i64) -> Option<Value> {
    let name = match errno {
        11 | 114 | 115 => "BlockingIOError",
        10 => "ChildProcessError",
        32 | 108 => "BrokenPipeError",
        103 => "ConnectionAbortedError",
        111 => "ConnectionRefusedError",
        104 => "ConnectionResetError",
        17 => "FileExistsError",
        2 => "FileNotFoundError",
        21 => "IsADirectoryError",
        20 => "NotADirectoryError",
        4 => "InterruptedError",
        1 | 13 => "PermissionError",
        3 => "ProcessLookupError",
        110 => "TimeoutError",
        _ => return None,
    };
    vm.types.exceptions.iter().find(|e| e.0 == name).map(|e| e.1)
}

fn oserror_new(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    let pos = positional(args, kw).to_vec();
    let mut cls = arg(vm, &pos, 0, "OSError.__new__")?;
    let rest = &pos[1..];
    let structured = (2..=5).contains(&rest.len());
    if structured && cls == vm.types.os_error {
        if let Some(n) = vm.as_i64(rest[0]) {
            if let Some(sub) = oserror_subclass(vm, n) {
                cls = sub;
            }
        }
    }
    let a = if structured { vm.new_tuple(rest[..2].to_vec()) } else { vm.new_tuple(rest.to_vec()) };
    let e = vm.new_exc_args(cls, a);
    if structured {
        let (errno, strerror) = (rest[0], rest[1]);
        vm.set_exc_field(e, "errno", errno);
        vm.set_exc_field(e, "strerror", strerror);
        if let Some(&f) = rest.get(2) {
            vm.set_exc_field(e, "filename", f);
        }
        if let Some(&f) = rest.get(4) {
            vm.set_exc_field(e, "filename2", f);
        }
    }
    Ok(e)
}

fn oserror_str(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let e = args[0];
    let none = vm.none;
    let field = |vm: &mut Vm, n: &str| vm.exc_field(e, n).filter(|v| *v != none);
    let (errno, strerror) = (field(vm, "errno"), field(vm, "strerror"));
    if let (Some(f), Some(en), Some(se)) = (field(vm, "filename"), errno, strerror) {
        let (en, se, fr) = (vm.str(en)?, vm.str(se)?, vm.repr(f)?);
        let s = match field(vm, "filename2") {
            Some(f2) => format!("[Errno {en}] {se}: {fr} -> {}", vm.repr(f2)?),
            None => format!("[Errno {en}] {se}: {fr}"),
        };
        return Ok(vm.new_string(s));
    }
    if let (Some(en), Some(se)) = (errno, strerror) {
        let s = format!("[Errno {}] {}", vm.str(en)?, vm.str(se)?);
        return Ok(vm.new_string(s));
    }
    exc_str(vm, args, Value::NULL)
}

/// `__init__` of exceptions whose `__new__` did the work.
fn exc_init_noop(vm: &mut Vm, _args: &[Value], _kw: Value) -> PyResult<Value> {
    Ok(vm.none)
}

/// `__init__` of ImportError, NameError and AttributeError: the keyword-only fields.
fn exc_init_fields(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    let e = args[0];
    let fields: &[&str] = if vm.isinstance(e, vm.types.import_error) {
        &["name", "path"]
    } else if vm.isinstance(e, vm.types.attribute_error) {
        &["name", "obj"]
    } else {
        &["name"]
    };
    let owner = if vm.isinstance(e, vm.types.import_error) {
        "ImportError"
    } else if vm.isinstance(e, vm.types.attribute_error) {
        "AttributeError"
    } else {
        "NameError"
    };
    for (k, v) in keywords(vm, args, kw) {
        if !fields.contains(&k.as_str()) {
            return Err(vm.type_error(&format!("'{k}' is an invalid keyword argument for {owner}()")));
        }
        vm.set_exc_field(e, &k, v);
    }
    let pos = positional(args, kw)[1..].to_vec();
    if owner == "ImportError" && pos.len() == 1 {
        vm.set_exc_field(e, "msg", pos[0]);
    }
    let t = vm.new_tuple(pos);
    if let Some(x) = e.get::<ExceptionObj>() {
        x.args.set(t);
    }
    Ok(vm.none)
}

fn importerror_str(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    if let Some(m) = vm.exc_field(args[0], "msg") {
        if m.kind() == Some(ObjKind::Str) {
            return Ok(m);
        }
    }
    exc_str(vm, args, Value::NULL)
}

fn exc_new(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    let args = positional(args, kw);
    let cls = arg(vm, args, 0, "BaseException.__new__")?;
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

fn exc_init(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    let s = args[0];
    if !keywords(vm, args, kw).is_empty() {
        let tn = vm.type_name_of(s);
        return Err(vm.type_error(&format!("{tn}() takes no keyword arguments")));
    }
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
    let a = vm.exc_args(args[0]);
    let s = super::repr::base_exc_str(vm, args[0], &a)?;
    Ok(vm.new_string(s))
}

pub fn register(vm: &mut Vm) {
    let be = vm.types.base_exception;
    method(vm, be, "__repr__", exc_repr);
    method(vm, be, "__str__", exc_str);
    super::static_method(vm, be, "__new__", exc_new);
    method(vm, be, "__init__", exc_init);
    method(vm, be, "with_traceback", exc_with_traceback);
    method(vm, be, "add_note", exc_add_note);
    let ose = vm.types.os_error;
    super::static_method(vm, ose, "__new__", oserror_new);
    method(vm, ose, "__init__", exc_init_noop);
    method(vm, ose, "__str__", oserror_str);
    for t in [vm.types.import_error, vm.types.name_error, vm.types.attribute_error] {
        method(vm, t, "__init__", exc_init_fields);
    }
    let ie = vm.types.import_error;
    method(vm, ie, "__str__", importerror_str);
    let beg = vm.types.base_exception_group;
    super::static_method(vm, beg, "__new__", eg_new);
    method(vm, beg, "__init__", |vm, _a, _k| Ok(vm.none));
    method(vm, beg, "__str__", eg_str);
    method(vm, beg, "split", eg_split_m);
    method(vm, beg, "subgroup", eg_subgroup);
    super::getset(vm, beg, "exceptions", eg_exceptions_get, None);
    super::getset(vm, beg, "message", eg_message_get, None);
}
