//! Universal newlines: the state of CPython's `IncrementalNewlineDecoder` (used natively by
//! `TextIOWrapper` and `StringIO`) and the Python class itself, which wraps any decoder
//! object.

use crate::heap::Value;
use crate::interp::{PyResult, Vm};
use crate::objects::*;

use super::ustr::UStr;
use super::{bind, io_obj, put, take, IoState};

pub const SEEN_CR: u8 = 1;
pub const SEEN_LF: u8 = 2;
pub const SEEN_CRLF: u8 = 4;

#[derive(Clone, Default, Debug)]
pub struct NlState {
    pub translate: bool,
    pub pendingcr: bool,
    pub seennl: u8,
}

impl NlState {
    pub fn new(translate: bool) -> NlState {
        NlState { translate, pendingcr: false, seennl: 0 }
    }

    /// The newline step of `decode`: a trailing '\r' waits for the next call (it may start
    /// "\r\n"), the kinds of newline seen are recorded, and they become '\n' if translating.
    pub fn process(&mut self, output: UStr, last: bool) -> UStr {
        let mut out = output;
        if self.pendingcr && (!out.is_empty() || last) {
            let mut o = UStr::new("\r".into());
            o.push(&out);
            out = o;
            self.pendingcr = false;
        }
        if !last && out.ends_with_cr() {
            let n = out.units();
            out = out.slice(0, n - 1);
            self.pendingcr = true;
        }
        if !out.contains(b'\r') {
            // the common case: no carriage returns, nothing to translate
            if out.contains(b'\n') {
                self.seennl |= SEEN_LF;
            }
            return out;
        }
        let (crlf, cr, lf) = out.newline_counts();
        if lf > 0 {
            self.seennl |= SEEN_LF;
        }
        if cr > 0 {
            self.seennl |= SEEN_CR;
        }
        if crlf > 0 {
            self.seennl |= SEEN_CRLF;
        }
        if self.translate {
            if crlf > 0 {
                out = out.replace("\r\n", "\n");
            }
            if cr > 0 {
                out = out.replace("\r", "\n");
            }
        }
        out
    }

    pub fn reset(&mut self) {
        self.seennl = 0;
        self.pendingcr = false;
    }

    /// The `newlines` attribute: None, one string, or a tuple of the kinds seen.
    pub fn newlines(&self, vm: &mut Vm) -> Value {
        let kinds: Vec<&str> = [(SEEN_CR, "\r"), (SEEN_LF, "\n"), (SEEN_CRLF, "\r\n")]
            .iter()
            .filter(|(f, _)| self.seennl & f != 0)
            .map(|&(_, s)| s)
            .collect();
        match kinds.len() {
            0 => vm.none,
            1 => vm.new_str(kinds[0]),
            _ => {
                let items: Vec<Value> = kinds.iter().map(|s| vm.new_str(s)).collect();
                vm.new_tuple(items)
            }
        }
    }
}

fn nl_take(vm: &mut Vm, v: Value) -> PyResult<NlState> {
    match take(vm, v)? {
        IoState::Newline(n) => Ok(n),
        other => {
            put(v, other);
            Err(vm.value_error("IncrementalNewlineDecoder.__init__() not called"))
        }
    }
}

fn nl_init(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, &a[1..], k, "IncrementalNewlineDecoder", &["decoder", "translate", "errors"], 2, 0)?;
    let decoder = args.get(0).unwrap_or(vm.none);
    let translate = args.get(1).unwrap_or(vm.false_);
    let translate = vm.truthy(translate)?;
    if let Some(o) = io_obj(a[0]) {
        o.refs[0].set(decoder);
        if let Ok(mut s) = o.st.try_borrow_mut() {
            *s = IoState::Newline(NlState::new(translate));
        }
    }
    Ok(vm.none)
}

fn check_str(vm: &mut Vm, v: Value) -> PyResult<()> {
    if v.get::<StrObj>().is_none() {
        let tn = vm.type_name_of(v);
        return Err(vm.type_error(&format!("decoder should return a string result, not '{tn}'")));
    }
    Ok(())
}

fn nl_decode(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, &a[1..], k, "decode", &["input", "final"], 1, 0)?;
    let input = args.get(0).unwrap_or(vm.none);
    let last = match args.get(1) {
        Some(f) => vm.truthy(f)?,
        None => false,
    };
    let dec = io_obj(a[0]).map(|o| o.refs[0].get()).unwrap_or(Value::NULL);
    let output = if !dec.is_null() && dec != vm.none {
        let fv = vm.bool_val(last);
        let fname = vm.intern("final");
        let kw = vm.new_tuple(vec![fname]);
        let f = vm.getattr_str(dec, "decode")?;
        vm.call_kw(f, &[input, fv], kw)?
    } else {
        input
    };
    check_str(vm, output)?;
    let mut st = nl_take(vm, a[0])?;
    let out = st.process(UStr::of(output), last);
    put(a[0], IoState::Newline(st));
    Ok(out.to_value(vm))
}

fn nl_getstate(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let dec = io_obj(a[0]).map(|o| o.refs[0].get()).unwrap_or(Value::NULL);
    let (buf, mut flag) = if !dec.is_null() && dec != vm.none {
        let s = vm.call_method_str(dec, "getstate", &[])?;
        let items = s.get::<TupleObj>().map(|t| t.items.to_vec()).unwrap_or_default();
        if items.len() != 2 {
            return Err(vm.type_error("illegal decoder state"));
        }
        let f = vm.as_i64(items[1]).ok_or_else(|| vm.type_error("illegal decoder state"))?;
        (items[0], f << 1)
    } else {
        (vm.new_bytes(vec![]), 0)
    };
    let st = nl_take(vm, a[0])?;
    if st.pendingcr {
        flag |= 1;
    }
    put(a[0], IoState::Newline(st));
    let f = vm.new_int(flag);
    Ok(vm.new_tuple(vec![buf, f]))
}

fn nl_setstate(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    crate::builtins::marity(vm, a, 2, 2, "setstate")?;
    let items = a[1].get::<TupleObj>().map(|t| t.items.to_vec());
    let Some(items) = items.filter(|i| i.len() == 2) else {
        return Err(vm.type_error("state argument must be a tuple"));
    };
    let flag = vm.as_i64(items[1]).ok_or_else(|| vm.type_error("an integer is required"))?;
    let mut st = nl_take(vm, a[0])?;
    st.pendingcr = flag & 1 != 0;
    put(a[0], IoState::Newline(st));
    let dec = io_obj(a[0]).map(|o| o.refs[0].get()).unwrap_or(Value::NULL);
    if !dec.is_null() && dec != vm.none {
        let f = vm.new_int(flag >> 1);
        let t = vm.new_tuple(vec![items[0], f]);
        vm.call_method_str(dec, "setstate", &[t])?;
    }
    Ok(vm.none)
}

fn nl_reset(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let mut st = nl_take(vm, a[0])?;
    st.reset();
    put(a[0], IoState::Newline(st));
    let dec = io_obj(a[0]).map(|o| o.refs[0].get()).unwrap_or(Value::NULL);
    if !dec.is_null() && dec != vm.none {
        vm.call_method_str(dec, "reset", &[])?;
    }
    Ok(vm.none)
}

fn nl_newlines(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let st = nl_take(vm, a[0])?;
    let r = st.newlines(vm);
    put(a[0], IoState::Newline(st));
    Ok(r)
}

pub fn register(vm: &mut Vm, ty: Value) {
    super::methods(
        vm,
        ty,
        &[("__init__", nl_init), ("decode", nl_decode), ("getstate", nl_getstate), ("setstate", nl_setstate), ("reset", nl_reset)],
    );
    super::props(vm, ty, &[("newlines", nl_newlines)]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pending_cr_and_translation() {
        let mut n = NlState::new(true);
        assert_eq!(n.process(UStr::new("a\r".into()), false).s, "a");
        assert!(n.pendingcr);
        assert_eq!(n.process(UStr::new("\nb\rc".into()), false).s, "\nb\nc");
        assert_eq!(n.seennl, SEEN_CR | SEEN_CRLF);
        let mut k = NlState::new(false);
        assert_eq!(k.process(UStr::new("x\r\ny".into()), true).s, "x\r\ny");
    }
}
