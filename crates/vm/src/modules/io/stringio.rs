//! `StringIO`: an in-memory text stream of code points. As in CPython, newlines are
//! translated when written (universal mode records and translates them with the newline
//! decoder; newline '\r' or '\r\n' turns '\n' into it) and lines are split when read.

use crate::heap::Value;
use crate::interp::{NativeFn, PyErr, PyResult, Vm};
use crate::objects::*;

use super::newline::NlState;
use super::ustr::{find_line_end, UStr};
use super::{bind, put, take, IoState};

pub struct StrState {
    pub buf: Vec<u32>,
    pub pos: usize,
    pub closed: bool,
    pub nl: Option<NlState>,
    pub readtranslate: bool,
    pub readuniversal: bool,
    pub readnl: String,
    pub writenl: Option<String>,
}

impl Default for StrState {
    fn default() -> StrState {
        StrState { buf: Vec::new(), pos: 0, closed: false, nl: None, readtranslate: false, readuniversal: false, readnl: "\n".into(), writenl: None }
    }
}

fn closed_err(vm: &mut Vm) -> PyErr {
    vm.value_error("I/O operation on closed file")
}

fn with_str<T>(vm: &mut Vm, v: Value, check: bool, f: impl FnOnce(&mut Vm, &mut StrState) -> PyResult<T>) -> PyResult<T> {
    let mut st = match take(vm, v)? {
        IoState::Str(s) => s,
        IoState::Empty => {
            put(v, IoState::Empty);
            return Err(super::uninit_error(vm));
        }
        other => {
            put(v, other);
            return Err(vm.type_error("expected a StringIO object"));
        }
    };
    if check && st.closed {
        put(v, IoState::Str(st));
        return Err(closed_err(vm));
    }
    let r = f(vm, &mut st);
    put(v, IoState::Str(st));
    r
}

impl StrState {
    /// Writes at the position (NULs fill a gap); Err when the memory cannot be had.
    pub fn write_text(&mut self, text: UStr) -> Result<usize, ()> {
        let n = text.nchars();
        let mut t = text;
        if let Some(nl) = &mut self.nl {
            t = nl.process(t, true);
        }
        if let Some(w) = &self.writenl {
            if t.contains(b'\n') {
                t = t.replace("\n", w);
            }
        }
        let cps = t.cps();
        if cps.is_empty() {
            return Ok(n);
        }
        let end = self.pos.checked_add(cps.len()).ok_or(())?;
        if end > self.buf.len() {
            self.buf.try_reserve(end - self.buf.len()).map_err(|_| ())?;
            self.buf.resize(end, 0);
        }
        self.buf[self.pos..end].copy_from_slice(&cps);
        self.pos = end;
        Ok(n)
    }

    fn read(&mut self, n: i64) -> &[u32] {
        let start = self.pos.min(self.buf.len());
        let avail = self.buf.len() - start;
        let k = if n < 0 { avail } else { (n as usize).min(avail) };
        self.pos = start + k;
        &self.buf[start..start + k]
    }

    fn readline(&mut self, limit: i64) -> &[u32] {
        let start = self.pos.min(self.buf.len());
        let b = &self.buf;
        let mut end = match find_line_end(b.len(), |i| b[i], start, self.readtranslate, self.readuniversal, &self.readnl) {
            Ok(e) => e,
            Err(_) => b.len(),
        };
        if limit >= 0 && end - start > limit as usize {
            end = start + limit as usize;
        }
        self.pos = end;
        &self.buf[start..end]
    }
}

/// Validates a `newline` argument: None or one of '', '\n', '\r', '\r\n'.
pub fn newline_arg(vm: &mut Vm, v: Option<Value>, type_msg: &str) -> PyResult<Option<String>> {
    let Some(v) = v else { return Ok(Some("\n".into())) };
    if v == vm.none {
        return Ok(None);
    }
    let Some(s) = v.get::<StrObj>() else {
        let tn = vm.type_name_of(v);
        return Err(vm.type_error(&format!("{type_msg}{tn}")));
    };
    let s = s.s.to_string();
    if !matches!(s.as_str(), "" | "\n" | "\r" | "\r\n") {
        let r = vm.repr(v)?;
        return Err(vm.value_error(&format!("illegal newline value: {r}")));
    }
    Ok(Some(s))
}

fn sio_init(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, &a[1..], k, "StringIO", &["initial_value", "newline"], 0, 0)?;
    let newline = match args.get(1) {
        None => Some("\n".to_string()),
        Some(v) => newline_arg(vm, Some(v), "newline must be str or None, not ")?,
    };
    let init = args.get(0).filter(|&v| v != vm.none);
    if let Some(v) = init {
        if v.get::<StrObj>().is_none() {
            let tn = vm.type_name_of(v);
            return Err(vm.type_error(&format!("initial_value must be str or None, not {tn}")));
        }
    }
    let readuniversal = newline.as_deref().map(|n| n.is_empty()).unwrap_or(true);
    let readtranslate = newline.is_none();
    let mut st = StrState {
        buf: Vec::new(),
        pos: 0,
        closed: false,
        nl: if readuniversal { Some(NlState::new(readtranslate)) } else { None },
        readtranslate,
        readuniversal,
        readnl: newline.clone().unwrap_or_default(),
        writenl: newline.filter(|n| n.starts_with('\r')),
    };
    if let Some(v) = init {
        if st.write_text(UStr::of(v)).is_err() {
            return Err(vm.memory_error());
        }
        st.pos = 0;
    }
    put(a[0], IoState::Str(st));
    Ok(vm.none)
}

fn size1(vm: &mut Vm, a: &[Value], k: Value, name: &str) -> PyResult<i64> {
    let args = bind(vm, &a[1..], k, name, &["size"], 0, 1)?;
    super::size_arg(vm, args.get(0))
}

fn sio_read(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let n = size1(vm, a, k, "read")?;
    with_str(vm, a[0], true, |vm, st| {
        let t = st.read(n).to_vec();
        Ok(vm.new_str_cps(&t))
    })
}

fn sio_readline(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let n = size1(vm, a, k, "readline")?;
    with_str(vm, a[0], true, |vm, st| {
        let t = st.readline(n).to_vec();
        Ok(vm.new_str_cps(&t))
    })
}

fn sio_next(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let st_ty = super::types().stringio;
    let line = if vm.type_of(a[0]) == st_ty {
        with_str(vm, a[0], true, |vm, st| {
            let t = st.readline(-1).to_vec();
            Ok(vm.new_str_cps(&t))
        })?
    } else {
        let l = vm.call_method_str(a[0], "readline", &[])?;
        if l.get::<StrObj>().is_none() {
            let tn = vm.type_name_of(l);
            return Err(vm.err(vm.types.os_error, &format!("readline() should have returned a str object, not '{tn}'")));
        }
        l
    };
    if vm.len(line)? == 0 {
        return Err(vm.stop_iteration(Value::NULL));
    }
    Ok(line)
}

fn sio_write(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    crate::builtins::marity(vm, a, 2, 2, "write")?;
    if a[1].get::<StrObj>().is_none() {
        let tn = vm.type_name_of(a[1]);
        return Err(vm.type_error(&format!("string argument expected, got '{tn}'")));
    }
    let text = UStr::of(a[1]);
    let n = with_str(vm, a[0], true, |vm, st| st.write_text(text).map_err(|_| vm.memory_error()))?;
    Ok(vm.new_int(n as i64))
}

fn sio_getvalue(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    with_str(vm, a[0], true, |vm, st| Ok(vm.new_str_cps(&st.buf)))
}

fn sio_seek(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    crate::builtins::marity(vm, a, 2, 3, "seek")?;
    let pos = super::int_arg(vm, a[1])?;
    let whence = match a.get(2) {
        Some(&w) => super::int_arg(vm, w)?,
        None => 0,
    };
    let p = with_str(vm, a[0], true, |vm, st| {
        match whence {
            0 => {
                if pos < 0 {
                    return Err(vm.value_error(&format!("Negative seek position {pos}")));
                }
                st.pos = pos as usize;
            }
            1 | 2 => {
                if pos != 0 {
                    return Err(vm.err(vm.types.os_error, "Can't do nonzero cur-relative seeks"));
                }
                if whence == 2 {
                    st.pos = st.buf.len();
                }
            }
            _ => return Err(vm.value_error(&format!("Invalid whence ({whence}, should be 0, 1 or 2)"))),
        }
        Ok(st.pos)
    })?;
    Ok(vm.new_int(p as i64))
}

fn sio_tell(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let p = with_str(vm, a[0], true, |_vm, st| Ok(st.pos))?;
    Ok(vm.new_int(p as i64))
}

fn sio_truncate(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    crate::builtins::marity(vm, a, 1, 2, "truncate")?;
    let size = match a.get(1) {
        Some(&v) if v != vm.none => Some(super::int_arg(vm, v)?),
        _ => None,
    };
    let n = with_str(vm, a[0], true, |vm, st| {
        let n = size.unwrap_or(st.pos as i64);
        if n < 0 {
            return Err(vm.value_error(&format!("Negative size value {n}")));
        }
        if (n as usize) < st.buf.len() {
            st.buf.truncate(n as usize);
        }
        Ok(n)
    })?;
    Ok(vm.new_int(n))
}

fn sio_true(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    with_str(vm, a[0], true, |_vm, _st| Ok(()))?;
    Ok(vm.true_)
}

fn sio_close(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    with_str(vm, a[0], false, |_vm, st| {
        st.closed = true;
        st.buf = Vec::new();
        Ok(())
    })?;
    Ok(vm.none)
}

fn sio_closed(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let c = with_str(vm, a[0], false, |_vm, st| Ok(st.closed))?;
    Ok(vm.bool_val(c))
}

fn sio_line_buffering(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    with_str(vm, a[0], true, |_vm, _st| Ok(()))?;
    Ok(vm.false_)
}

fn sio_newlines(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    with_str(vm, a[0], true, |vm, st| Ok(match &st.nl {
        Some(n) => n.newlines(vm),
        None => vm.none,
    }))
}

pub fn register(vm: &mut Vm, ty: Value) {
    let ms: &[(&'static str, NativeFn)] = &[
        ("__init__", sio_init),
        ("read", sio_read),
        ("readline", sio_readline),
        ("write", sio_write),
        ("getvalue", sio_getvalue),
        ("seek", sio_seek),
        ("tell", sio_tell),
        ("truncate", sio_truncate),
        ("readable", sio_true),
        ("writable", sio_true),
        ("seekable", sio_true),
        ("close", sio_close),
        ("__next__", sio_next),
    ];
    super::methods(vm, ty, ms);
    super::props(vm, ty, &[("closed", sio_closed), ("line_buffering", sio_line_buffering), ("newlines", sio_newlines)]);
}
