//! Reading of `TextIOWrapper`: chunks from the buffer are decoded into `TextState::dec`
//! (with a snapshot of the decoder for `tell()`), and `read`/`readline` take from it,
//! following CPython's `textiowrapper_read_chunk` and `_textiowrapper_readline`.

use crate::heap::Value;
use crate::interp::{PyResult, Vm};
use crate::objects::*;

use super::bufops::stdin;
use super::textio::{with_open_text, with_text, write_flush, BufRef, TextState};
use super::ustr::UStr;
use super::{bind, unsupported};

/// Reads and decodes one chunk; false at EOF.
pub fn read_chunk(vm: &mut Vm, st: &mut TextState, b: &BufRef, size_hint: usize) -> PyResult<bool> {
    let Some(dec) = &st.decoder else {
        return Err(unsupported(vm, "not readable"));
    };
    let state = if st.telling { Some(dec.getstate()) } else { None };
    let input = if st.std == 0 {
        // sys.stdin: a line at a time, so that input() and the REPL see the rest
        stdin::readline(vm, -1)?
    } else {
        let hint = if size_hint > 0 { (st.b2cratio.max(1.0) * size_hint as f64) as usize } else { 0 };
        b.read1(vm, st.chunk_size.max(hint), st.has_read1)?
    };
    let mut eof = input.is_empty();
    let decoded = match &mut st.decoder {
        Some(d) => d.decode(vm, &input, eof)?,
        None => UStr::default(),
    };
    let nchars = decoded.nchars();
    st.b2cratio = if nchars > 0 { input.len() as f64 / nchars as f64 } else { 0.0 };
    if nchars > 0 {
        eof = false;
    }
    st.set_decoded(decoded);
    if let Some((mut buf, flags)) = state {
        buf.extend_from_slice(&input);
        st.snapshot = Some((flags, buf));
    }
    Ok(!eof)
}

pub fn read_text(vm: &mut Vm, st: &mut TextState, b: &BufRef, n: i64) -> PyResult<UStr> {
    if st.decoder.is_none() {
        return Err(unsupported(vm, "not readable"));
    }
    write_flush(vm, st, b)?;
    if n < 0 {
        let bytes = if st.std == 0 { stdin::read(vm, -1)? } else { b.read_all(vm)? };
        let decoded = match &mut st.decoder {
            Some(d) => d.decode(vm, &bytes, true)?,
            None => UStr::default(),
        };
        let mut result = st.take_decoded(-1);
        if result.is_empty() {
            result = decoded;
        } else {
            result.push(&decoded);
        }
        st.clear_decoded();
        st.snapshot = None;
        return Ok(result);
    }
    let mut result = st.take_decoded(n);
    let mut remaining = n as usize - result.nchars();
    while remaining > 0 {
        if !read_chunk(vm, st, b, remaining)? {
            break;
        }
        let more = st.take_decoded(remaining as i64);
        remaining -= more.nchars();
        result.push(&more);
    }
    Ok(result)
}

/// A line (at most `limit` characters when limit >= 0).
pub fn readline_text(vm: &mut Vm, st: &mut TextState, b: &BufRef, limit: i64) -> PyResult<UStr> {
    if st.decoder.is_none() {
        return Err(unsupported(vm, "not readable"));
    }
    write_flush(vm, st, b)?;
    let mut acc = UStr::default();
    let mut acc_chars = 0usize;
    let mut remaining = UStr::default();
    loop {
        while !st.has_decoded() {
            if !read_chunk(vm, st, b, 0)? {
                st.clear_decoded();
                st.snapshot = None;
                acc.push(&remaining);
                return Ok(acc);
            }
        }
        let mut offset_chars = 0;
        let spliced = !remaining.is_empty();
        if spliced {
            let mut comb = std::mem::take(&mut remaining);
            offset_chars = comb.nchars();
            comb.push(&st.dec.slice(st.dec_pos, st.dec.units()));
            st.dec = comb;
            st.dec_pos = 0;
        }
        let start = st.dec_pos;
        let found = st.dec.find_line_end(start, st.readtranslate, st.readuniversal, &st.readnl);
        let cut = |st: &TextState, end: usize| -> Option<usize> {
            if limit < 0 {
                return None;
            }
            let n = st.dec.chars_between(start, end);
            if n + acc_chars >= limit as usize {
                Some(st.dec.advance(start, limit as usize - acc_chars))
            } else {
                None
            }
        };
        let end = match found {
            Ok(end) => Some(cut(st, end).unwrap_or(end)),
            Err(put_aside) => cut(st, put_aside),
        };
        if let Some(end) = end {
            let piece = st.dec.slice(start, end);
            if acc.is_empty() {
                acc = piece;
            } else {
                acc.push(&piece);
            }
            let used = st.dec.chars_between(start, end);
            st.dec_used = if spliced { used.saturating_sub(offset_chars) } else { st.dec_used + used };
            st.dec_pos = end;
            return Ok(acc);
        }
        let put_aside = found.err().unwrap_or(start);
        if put_aside > start {
            acc.push(&st.dec.slice(start, put_aside));
            acc_chars += st.dec.chars_between(start, put_aside);
        }
        remaining = st.dec.slice(put_aside, st.dec.units());
        st.clear_decoded();
    }
}

pub fn t_read(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, &a[1..], k, "read", &["size"], 0, 1)?;
    let n = super::size_arg(vm, args.get(0))?;
    let r = with_open_text(vm, a[0], |vm, st, b| read_text(vm, st, b, n))?;
    Ok(r.into_value(vm))
}

pub fn t_readline(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, &a[1..], k, "readline", &["size"], 0, 1)?;
    let n = super::size_arg(vm, args.get(0))?;
    let r = with_open_text(vm, a[0], |vm, st, b| readline_text(vm, st, b, n))?;
    Ok(r.into_value(vm))
}

pub fn t_next(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let tt = super::types().textio;
    let line = if vm.type_of(a[0]) == tt {
        let r = with_open_text(vm, a[0], |vm, st, b| {
            st.telling = false;
            readline_text(vm, st, b, -1)
        })?;
        if r.is_empty() {
            None
        } else {
            Some(r.into_value(vm))
        }
    } else {
        with_text(vm, a[0], |_vm, st, _b| {
            st.telling = false;
            Ok(())
        })?;
        let l = vm.call_method_str(a[0], "readline", &[])?;
        if l.get::<StrObj>().is_none() {
            let tn = vm.type_name_of(l);
            return Err(vm.err(vm.types.os_error, &format!("readline() should have returned a str object, not '{tn}'")));
        }
        if vm.len(l)? == 0 {
            None
        } else {
            Some(l)
        }
    };
    match line {
        Some(l) => Ok(l),
        None => {
            with_text(vm, a[0], |_vm, st, _b| {
                st.snapshot = None;
                st.telling = st.seekable;
                Ok(())
            })?;
            Err(vm.stop_iteration(Value::NULL))
        }
    }
}
