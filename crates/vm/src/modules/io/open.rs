//! `open()` (builtins.open, io.open, _io.open), `open_code()`, `text_encoding()` and
//! `os.fspath()`.

use crate::heap::{ObjKind, Value};
use crate::interp::{PyResult, Vm};
use crate::objects::*;

use super::bind;
use super::textio::{self, LOCALE_ENCODING};

/// os.fspath(v): str and bytes as they are, else `v.__fspath__()` (which must give one).
/// With `allow_int`, ints pass too (file descriptors).
pub fn fspath(vm: &mut Vm, v: Value, _allow_int: bool) -> PyResult<Value> {
    if matches!(v.kind(), Some(ObjKind::Str) | Some(ObjKind::Bytes)) {
        return Ok(v);
    }
    let ty = vm.type_of(v);
    let n = vm.intern("__fspath__");
    let Some(f) = vm.lookup(ty, n) else {
        let tn = vm.type_name_of(v);
        return Err(vm.type_error(&format!("expected str, bytes or os.PathLike object, not {tn}")));
    };
    let r = vm.call(f, &[v])?;
    if !matches!(r.kind(), Some(ObjKind::Str) | Some(ObjKind::Bytes)) {
        let (tn, rn) = (vm.type_name_of(v), vm.type_name_of(r));
        return Err(vm.type_error(&format!("expected {tn}.__fspath__() to return str or bytes, not {rn}")));
    }
    Ok(r)
}

fn opt_str_arg(vm: &mut Vm, v: Option<Value>, what: &str) -> PyResult<Option<Value>> {
    match v {
        Some(x) if x == vm.none => Ok(None),
        Some(x) if x.get::<StrObj>().is_some() => Ok(Some(x)),
        Some(x) => {
            let tn = vm.type_name_of(x);
            Err(vm.type_error(&format!("open() argument '{what}' must be str or None, not {tn}")))
        }
        None => Ok(None),
    }
}

pub fn io_open(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, a, k, "open", &["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"], 1, 0)?;
    let file = args.get(0).unwrap_or(vm.none);
    let mode = match args.get(1) {
        None => "r".to_string(),
        Some(m) => match m.get::<StrObj>() {
            Some(s) => s.s.to_string(),
            None => {
                let tn = vm.type_name_of(m);
                return Err(vm.type_error(&format!("open() argument 'mode' must be str, not {tn}")));
            }
        },
    };
    let buffering = match args.get(2) {
        Some(b) => super::int_arg(vm, b)?,
        None => -1,
    };
    let encoding = opt_str_arg(vm, args.get(3), "encoding")?;
    let errors = opt_str_arg(vm, args.get(4), "errors")?;
    let newline = opt_str_arg(vm, args.get(5), "newline")?;
    let closefd = match args.get(6) {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let opener = args.get(7).unwrap_or(vm.none);
    let file = if vm.is_int(file) || file.kind() == Some(ObjKind::Float) { file } else { fspath(vm, file, false)? };

    let (mut creating, mut reading, mut writing, mut appending, mut updating, mut text, mut binary) = (false, false, false, false, false, false, false);
    let chars: Vec<char> = mode.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            'x' => creating = true,
            'r' => reading = true,
            'w' => writing = true,
            'a' => appending = true,
            '+' => updating = true,
            't' => text = true,
            'b' => binary = true,
            _ => return Err(vm.value_error(&format!("invalid mode: '{mode}'"))),
        }
        if chars[i + 1..].contains(&c) {
            return Err(vm.value_error(&format!("invalid mode: '{mode}'")));
        }
    }
    let mut rawmode = String::new();
    for (on, c) in [(creating, 'x'), (reading, 'r'), (writing, 'w'), (appending, 'a'), (updating, '+')] {
        if on {
            rawmode.push(c);
        }
    }
    if text && binary {
        return Err(vm.value_error("can't have text and binary mode at once"));
    }
    if creating as u8 + reading as u8 + writing as u8 + appending as u8 > 1 {
        return Err(vm.value_error("must have exactly one of create/read/write/append mode"));
    }
    if binary && encoding.is_some() {
        return Err(vm.value_error("binary mode doesn't take an encoding argument"));
    }
    if binary && errors.is_some() {
        return Err(vm.value_error("binary mode doesn't take an errors argument"));
    }
    if binary && newline.is_some() {
        return Err(vm.value_error("binary mode doesn't take a newline argument"));
    }
    let t = super::types();
    let rm = vm.new_str(&rawmode);
    let cf = vm.bool_val(closefd);
    let raw = vm.call(t.fileio, &[file, rm, cf, opener])?;
    let result = (|| -> PyResult<Value> {
        let mut buffering = buffering;
        let mut line_buffering = false;
        if buffering == 1 || (buffering < 0 && super::truthy_attr_call(vm, raw, "isatty")?) {
            buffering = -1;
            line_buffering = true;
        }
        if buffering < 0 {
            let b = vm.getattr_str(raw, "_blksize")?;
            buffering = vm.as_i64(b).unwrap_or(super::DEFAULT_BUFFER_SIZE as i64);
            if buffering <= 1 {
                buffering = super::DEFAULT_BUFFER_SIZE as i64;
            }
        }
        if buffering == 0 {
            if binary {
                return Ok(raw);
            }
            return Err(vm.value_error("can't have unbuffered text I/O"));
        }
        let bty = if updating {
            t.random
        } else if creating || writing || appending {
            t.writer
        } else {
            t.reader
        };
        let bs = vm.new_int(buffering);
        let buffer = vm.call(bty, &[raw, bs])?;
        if binary {
            return Ok(buffer);
        }
        let encoding = match encoding {
            Some(e) => {
                let s = vm.str_of(e);
                if s == "locale" {
                    LOCALE_ENCODING.to_string()
                } else {
                    s
                }
            }
            None => LOCALE_ENCODING.to_string(),
        };
        let codec = match textio::text_codec(vm, &encoding) {
            Ok(c) => c,
            Err(e) => {
                let _ = vm.call_method_str(buffer, "close", &[]);
                return Err(e);
            }
        };
        let errors = errors.map(|e| vm.str_of(e)).unwrap_or_else(|| "strict".into());
        let nl = newline.map(|n| vm.str_of(n));
        if let Some(n) = &nl {
            if !matches!(n.as_str(), "" | "\n" | "\r" | "\r\n") {
                let _ = vm.call_method_str(buffer, "close", &[]);
                return Err(vm.value_error(&format!("illegal newline value: {n}")));
            }
        }
        let w = vm.alloc(t.textio, IoObj::new(super::IoState::Empty)).value();
        if let Err(e) = textio::make_text(vm, w, buffer, encoding, codec, errors, nl.as_deref(), line_buffering, false, -1) {
            let _ = vm.call_method_str(buffer, "close", &[]);
            return Err(e);
        }
        let m = vm.new_str(&mode);
        vm.setattr_str(w, "mode", m)?;
        Ok(w)
    })();
    match result {
        Ok(r) => Ok(r),
        Err(e) => {
            if raw.get::<IoObj>().is_some() {
                let closed = super::truthy_attr(vm, raw, "closed").unwrap_or(true);
                if !closed {
                    let _ = vm.call_method_str(raw, "close", &[]);
                }
            }
            Err(e)
        }
    }
}

fn open_code(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, a, k, "open_code", &["path"], 1, 0)?;
    let p = args.get(0).unwrap_or(vm.none);
    if p.get::<StrObj>().is_none() {
        let tn = vm.type_name_of(p);
        return Err(vm.type_error(&format!("open_code() argument 'path' must be str, not {tn}")));
    }
    let m = vm.new_str("rb");
    io_open(vm, &[p, m], Value::NULL)
}

fn text_encoding(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, a, k, "text_encoding", &["encoding", "stacklevel"], 1, 0)?;
    let e = args.get(0).unwrap_or(vm.none);
    if e != vm.none {
        return Ok(e);
    }
    Ok(vm.new_str("locale"))
}

pub fn os_fspath(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, a, k, "fspath", &["path"], 1, 0)?;
    let p = args.get(0).unwrap_or(vm.none);
    fspath(vm, p, false)
}

pub fn register(vm: &mut Vm, m: Value, io: Value) {
    // one function object: io.open is _io.open is builtins.open
    let open = vm.new_builtin("open", io_open, Value::NULL);
    let oc = vm.new_builtin("open_code", open_code, Value::NULL);
    let te = vm.new_builtin("text_encoding", text_encoding, Value::NULL);
    for module in [m, io] {
        super::super::set_attr(vm, module, "open", open);
        super::super::set_attr(vm, module, "open_code", oc);
        super::super::set_attr(vm, module, "text_encoding", te);
    }
    let mn = vm.new_str("_io");
    for f in [open, oc, te] {
        let _ = vm.setattr_str(f, "__module__", mn);
    }
    let bd = vm.builtins_dict;
    vm.dict_set_str(bd, "open", open);
}
