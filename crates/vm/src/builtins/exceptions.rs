//! BaseException and its relatives: construction, attributes, groups and except*.

use std::cell::Cell;

use crate::heap::{ObjKind, Value};
use crate::interp::{PyResult, Vm};
use crate::objects::*;

use super::{arg, method};

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
pub fn oserror_subclass(vm: &Vm, errno: i64) -> Option<Value> {
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
    let kws = keywords(vm, args, kw);
    if let Some((k, _)) = kws.iter().find(|(k, _)| !fields.contains(&k.as_str())) {
        return Err(vm.type_error(&format!("'{k}' is an invalid keyword argument for {owner}()")));
    }
    // fields not given are reset (a second __init__ clears them); a field never set stays
    // unset, so the attribute machinery can still fill in AttributeError's name and obj
    let none = vm.none;
    for f in fields {
        if vm.exc_field(e, f).is_some() {
            vm.set_exc_field(e, f, none);
        }
    }
    for (k, v) in kws {
        vm.set_exc_field(e, &k, v);
    }
    let pos = positional(args, kw)[1..].to_vec();
    if owner == "ImportError" && (pos.len() == 1 || vm.exc_field(e, "msg").is_some()) {
        let msg = if pos.len() == 1 { pos[0] } else { none };
        vm.set_exc_field(e, "msg", msg);
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
            group: Cell::new(Value::NULL),
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
        Some(l) if l.kind() != Some(ObjKind::List) => return Err(vm.type_error("Cannot add note: __notes__ is not a list")),
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
        let chars: Vec<u32> = obj.get::<StrObj>().map(|s| s.code_points()).unwrap_or_default();
        let st = start.clamp(0, (chars.len() as i64 - 1).max(0));
        (chars.len() as i64, chars.get(st as usize).copied())
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

/// UnicodeTranslateError(object, start, end, reason).
fn unicode_translate_init(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let s = args[0];
    let a = &args[1..];
    if a.len() != 4 {
        return Err(vm.type_error(&format!("function takes exactly 4 arguments ({} given)", a.len())));
    }
    for (i, v) in [(1, a[0]), (4, a[3])] {
        if v.kind() != Some(ObjKind::Str) {
            let t = vm.type_name_of(v);
            return Err(vm.type_error(&format!("argument {i} must be str, not {t}")));
        }
    }
    for &v in &a[1..3] {
        if !vm.is_int(v) {
            let t = vm.type_name_of(v);
            return Err(vm.type_error(&format!("'{t}' object cannot be interpreted as an integer")));
        }
    }
    let rest = vm.new_tuple(a.to_vec());
    if let Some(e) = s.get::<ExceptionObj>() {
        e.args.set(rest);
    }
    let none = vm.none;
    for (name, v) in [("encoding", none), ("object", a[0]), ("start", a[1]), ("end", a[2]), ("reason", a[3])] {
        vm.setattr_str(s, name, v)?;
    }
    Ok(vm.none)
}

fn unicode_translate_str(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let e = args[0];
    let Ok(obj) = vm.getattr_str(e, "object") else {
        return exc_str(vm, args, Value::NULL);
    };
    let reason = vm.getattr_str(e, "reason")?;
    let reason = vm.str(reason)?;
    let start = vm.getattr_str(e, "start")?;
    let end = vm.getattr_str(e, "end")?;
    let chars: Vec<u32> = obj.get::<StrObj>().map(|s| s.code_points()).unwrap_or_default();
    let len = chars.len() as i64;
    let start = vm.as_i64(start).unwrap_or(0).clamp(0, (len - 1).max(0));
    let end = vm.as_i64(end).unwrap_or(0).clamp(1, len.max(1)).min(len);
    let msg = match chars.get(start as usize) {
        Some(&c) if start < len && end == start + 1 => {
            let shown = if c <= 0xff { format!("\\x{c:02x}") } else if c <= 0xffff { format!("\\u{c:04x}") } else { format!("\\U{c:08x}") };
            format!("can't translate character '{shown}' in position {start}: {reason}")
        }
        _ => format!("can't translate characters in position {start}-{}: {reason}", end - 1),
    };
    Ok(vm.new_string(msg))
}

/// SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset])): the
/// details tuple is checked as CPython's SyntaxError_init parses it.
fn syntax_error_init(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    let pos = positional(args, kw);
    if pos.len() == 3 {
        let (_h, info) = vm.to_vec(pos[2])?;
        if pos[2].kind() != Some(ObjKind::Tuple) {
            return Err(vm.type_error("SyntaxError() argument 2 must be tuple"));
        }
        let n = info.len();
        if n < 4 {
            return Err(vm.type_error(&format!("function takes at least 4 arguments ({n} given)")));
        }
        if n > 6 {
            return Err(vm.type_error(&format!("function takes at most 6 arguments ({n} given)")));
        }
        if n == 5 {
            return Err(vm.type_error("end_offset must be provided when end_lineno is provided"));
        }
    }
    exc_init(vm, args, kw)
}

pub fn register(vm: &mut Vm) {
    if let Some(ut) = vm.types.exceptions.iter().find(|x| x.0 == "UnicodeTranslateError").map(|x| x.1) {
        method(vm, ut, "__init__", unicode_translate_init);
        method(vm, ut, "__str__", unicode_translate_str);
    }
    let se = vm.types.syntax_error;
    method(vm, se, "__str__", syntax_error_str);
    method(vm, se, "__init__", syntax_error_init);
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
    let ose = vm.types.os_error;
    super::static_method(vm, ose, "__new__", oserror_new);
    method(vm, ose, "__init__", exc_init_noop);
    method(vm, ose, "__str__", oserror_str);
    for t in [vm.types.import_error, vm.types.name_error, vm.types.attribute_error] {
        method(vm, t, "__init__", exc_init_fields);
    }
    let ie = vm.types.import_error;
    method(vm, ie, "__str__", importerror_str);
}
