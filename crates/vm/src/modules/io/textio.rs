//! `TextIOWrapper`: str over a binary buffer (`refs[0]`): the codec, newline translation,
//! line buffering, and the construction, write, flush, close and attribute side. Reading
//! is in `textread.rs`, tell/seek cookies in `textseek.rs`.
//!
//! Encoded text goes straight into a native buffered object's write buffer (so it reaches
//! the file even if the objects are collected); over any other buffer it waits in
//! `pending` until a chunk is full or the wrapper is flushed, as in CPython.

use crate::builtins::codecs::{self, Codec};
use crate::heap::Value;
use crate::interp::{NativeFn, PyResult, Vm};
use crate::objects::*;

use super::bufops::RawRef;
use super::buffered::{self, BufState};
use super::decoder::{Decoder, Encoder};
use super::newline::NlState;
use super::ustr::UStr;
use super::{bind, io_obj, put, take, unsupported, IoState};

pub struct TextState {
    pub encoding: String,
    pub codec: Codec,
    pub errors: String,
    pub decoder: Option<Decoder>,
    pub encoder: Option<Encoder>,
    pub readuniversal: bool,
    pub readtranslate: bool,
    pub readnl: String,
    pub writetranslate: bool,
    pub writenl: Option<String>,
    pub line_buffering: bool,
    pub write_through: bool,
    /// Decoded text not yet returned: `dec[dec_pos..]`; `dec_used` characters of it were.
    pub dec: UStr,
    pub dec_pos: usize,
    pub dec_used: usize,
    /// Decoded text was set by a read and not cleared since (CPython's non-NULL
    /// `decoded_chars`).
    pub dec_live: bool,
    /// (decoder flags, bytes fed since) at the last point the decoder held no bytes.
    pub snapshot: Option<(i64, Vec<u8>)>,
    pub b2cratio: f64,
    pub seekable: bool,
    pub telling: bool,
    pub has_read1: bool,
    pub pending: Vec<u8>,
    pub detached: bool,
    /// The buffer is exactly a native buffered class (direct Rust calls).
    pub native: bool,
    /// 0, 1 or 2 for sys.stdin/stdout/stderr.
    pub std: i32,
    pub chunk_size: usize,
}

impl TextState {
    pub fn clear_decoded(&mut self) {
        self.dec = UStr::default();
        self.dec_pos = 0;
        self.dec_used = 0;
        self.dec_live = false;
    }

    pub fn set_decoded(&mut self, d: UStr) {
        self.dec = d;
        self.dec_pos = 0;
        self.dec_used = 0;
        self.dec_live = true;
    }

    pub fn has_decoded(&self) -> bool {
        self.dec_pos < self.dec.units()
    }

    /// Up to `n` decoded characters (all when n < 0).
    pub fn take_decoded(&mut self, n: i64) -> UStr {
        let start = self.dec_pos;
        let end = if n < 0 { self.dec.units() } else { self.dec.advance(start, n as usize) };
        let out = self.dec.slice(start, end);
        self.dec_used += self.dec.chars_between(start, end);
        self.dec_pos = end;
        out
    }
}

/// The locale's encoding: UTF-8 (CPython reports it by that name under a UTF-8 locale).
pub const LOCALE_ENCODING: &str = "UTF-8";

/// The buffer under a wrapper and how to reach it.
pub struct BufRef {
    pub v: Value,
    pub native: bool,
}

impl BufRef {
    fn with<T>(&self, vm: &mut Vm, f: impl FnOnce(&mut Vm, &mut BufState, &RawRef) -> PyResult<T>) -> PyResult<T> {
        buffered::with_buf(vm, self.v, f)
    }

    pub fn read1(&self, vm: &mut Vm, n: usize, has_read1: bool) -> PyResult<Vec<u8>> {
        if self.native {
            return self.with(vm, |vm, st, raw| {
                buffered::check_closed(vm, raw, "read of closed file")?;
                buffered::read1_n(vm, st, raw, n as i64)
            });
        }
        let nv = vm.new_int(n as i64);
        let r = vm.call_method_str(self.v, if has_read1 { "read1" } else { "read" }, &[nv])?;
        chunk_bytes(vm, r, if has_read1 { "read1" } else { "read" })
    }

    pub fn read_all(&self, vm: &mut Vm) -> PyResult<Vec<u8>> {
        if self.native {
            return self.with(vm, |vm, st, raw| {
                buffered::check_closed(vm, raw, "read of closed file")?;
                Ok(buffered::read_n(vm, st, raw, -1)?.unwrap_or_default())
            });
        }
        let r = vm.call_method_str(self.v, "read", &[])?;
        if r == vm.none {
            return Ok(Vec::new());
        }
        chunk_bytes(vm, r, "read")
    }

    pub fn read_n(&self, vm: &mut Vm, n: usize) -> PyResult<Vec<u8>> {
        if self.native {
            return self.with(vm, |vm, st, raw| {
                buffered::check_closed(vm, raw, "read of closed file")?;
                Ok(buffered::read_n(vm, st, raw, n as i64)?.unwrap_or_default())
            });
        }
        let nv = vm.new_int(n as i64);
        let r = vm.call_method_str(self.v, "read", &[nv])?;
        if r.get::<BytesObj>().is_none() {
            let tn = vm.type_name_of(r);
            return Err(vm.type_error(&format!("underlying read() should have returned a bytes object, not '{tn}'")));
        }
        chunk_bytes(vm, r, "read")
    }

    pub fn write(&self, vm: &mut Vm, data: &[u8]) -> PyResult<()> {
        if self.native {
            return self.with(vm, |vm, st, raw| {
                {
                    buffered::check_closed(vm, raw, "write to closed file")?;
                }
                buffered::write_bytes(vm, st, raw, data)
            });
        }
        let b = vm.new_bytes(data.to_vec());
        vm.call_method_str(self.v, "write", &[b])?;
        Ok(())
    }

    pub fn flush(&self, vm: &mut Vm) -> PyResult<()> {
        if self.native {
            return self.with(vm, |vm, st, raw| {
                if st.kind != buffered::BufKind::Reader {
                    buffered::check_closed(vm, raw, "flush of closed file")?;
                }
                if st.kind == buffered::BufKind::Reader {
                    return Ok(());
                }
                buffered::flush_rewind(vm, st, raw)
            });
        }
        vm.call_method_str(self.v, "flush", &[])?;
        Ok(())
    }

    pub fn tell(&self, vm: &mut Vm) -> PyResult<i64> {
        let r = if self.native {
            return self.with(vm, |vm, st, raw| buffered::tell_pos(vm, st, raw));
        } else {
            vm.call_method_str(self.v, "tell", &[])?
        };
        super::int_arg(vm, r)
    }

    pub fn seek(&self, vm: &mut Vm, pos: i64, whence: i64) -> PyResult<i64> {
        if self.native {
            return self.with(vm, |vm, st, raw| buffered::seek_to(vm, st, raw, pos, whence));
        }
        let (p, w) = (vm.new_int(pos), vm.new_int(whence));
        let r = vm.call_method_str(self.v, "seek", &[p, w])?;
        super::int_arg(vm, r)
    }

    pub fn closed(&self, vm: &mut Vm) -> PyResult<bool> {
        if self.native {
            if let Some(c) = buffered::quick_closed(self.v) {
                return Ok(c);
            }
            return self.with(vm, |vm, _st, raw| raw.closed(vm));
        }
        super::truthy_attr(vm, self.v, "closed")
    }
}

fn chunk_bytes(vm: &mut Vm, r: Value, what: &str) -> PyResult<Vec<u8>> {
    match crate::builtins::bytes::bytes_from(vm, r) {
        Ok(b) => Ok(b),
        Err(_) => {
            let tn = vm.type_name_of(r);
            Err(vm.type_error(&format!("underlying {what}() should have returned a bytes-like object, not '{tn}'")))
        }
    }
}

/// Runs `f` with the wrapper's state taken out (checks: initialized, attached).
pub fn with_text<T>(vm: &mut Vm, v: Value, f: impl FnOnce(&mut Vm, &mut TextState, &BufRef) -> PyResult<T>) -> PyResult<T> {
    let mut st = match take(vm, v)? {
        IoState::Text(s) => s,
        IoState::Empty => {
            put(v, IoState::Empty);
            return Err(super::uninit_error(vm));
        }
        other => {
            put(v, other);
            return Err(vm.type_error("expected a TextIOWrapper object"));
        }
    };
    if st.detached {
        put(v, IoState::Text(st));
        return Err(vm.value_error("underlying buffer has been detached"));
    }
    let b = BufRef { v: io_obj(v).map(|o| o.refs[0].get()).unwrap_or(Value::NULL), native: st.native };
    let r = f(vm, &mut st, &b);
    put(v, IoState::Text(st));
    r
}

/// Like `with_text`, also raising ValueError when the buffer is closed.
pub fn with_open_text<T>(vm: &mut Vm, v: Value, f: impl FnOnce(&mut Vm, &mut TextState, &BufRef) -> PyResult<T>) -> PyResult<T> {
    with_text(vm, v, |vm, st, b| {
        if b.closed(vm)? {
            return Err(super::closed_error(vm));
        }
        f(vm, st, b)
    })
}

/// Sends the pending encoded bytes to the buffer.
pub fn write_flush(vm: &mut Vm, st: &mut TextState, b: &BufRef) -> PyResult<()> {
    if st.pending.is_empty() {
        return Ok(());
    }
    let data = std::mem::take(&mut st.pending);
    b.write(vm, &data)
}

fn opt_str(vm: &mut Vm, v: Option<Value>, what: &str) -> PyResult<Option<String>> {
    match v {
        None => Ok(None),
        Some(x) if x == vm.none => Ok(None),
        Some(x) => match x.get::<StrObj>() {
            Some(s) => Ok(Some(s.s.to_string())),
            None => {
                let tn = vm.type_name_of(x);
                Err(vm.type_error(&format!("TextIOWrapper() argument '{what}' must be str or None, not {tn}")))
            }
        },
    }
}

/// The codec of an encoding name, with CPython's message for codecs that are not text
/// encodings ("hex", "base64", ...).
pub fn text_codec(vm: &mut Vm, name: &str) -> PyResult<Codec> {
    let norm = name.trim().to_lowercase().replace(['-', ' '], "_");
    if matches!(
        norm.as_str(),
        "hex" | "hex_codec" | "base64" | "base64_codec" | "base_64" | "zlib" | "zlib_codec" | "zip" | "bz2" | "bz2_codec"
            | "quopri" | "quopri_codec" | "quotedprintable" | "quoted_printable" | "uu" | "uu_codec" | "rot13" | "rot_13"
    ) {
        let t = vm.types.lookup_error;
        return Err(vm.err(t, &format!("'{name}' is not a text encoding; use codecs.open() to handle arbitrary codecs")));
    }
    codecs::lookup(vm, name)
}

/// Applies a newline setting (None is "no newline argument": universal, translating).
fn set_newline(st: &mut TextState, newline: Option<&str>) {
    st.readuniversal = newline.map(|n| n.is_empty()).unwrap_or(true);
    st.readtranslate = newline.is_none();
    st.readnl = newline.unwrap_or("").to_string();
    st.writetranslate = newline != Some("");
    st.writenl = match newline {
        Some(n) if !n.is_empty() && n != "\n" => Some(n.to_string()),
        _ => None,
    };
}

/// Builds the decoder and encoder for the current settings; `readable`/`writable` of the
/// buffer decide which exist.
fn set_codec(vm: &mut Vm, st: &mut TextState, b: &BufRef, readable: bool, writable: bool) -> PyResult<()> {
    st.decoder = if readable {
        let nl = if st.readuniversal { Some(NlState::new(st.readtranslate)) } else { None };
        Some(Decoder::new(st.codec, &st.errors, nl))
    } else {
        None
    };
    st.encoder = if writable { Some(Encoder::new(st.codec, &st.errors)) } else { None };
    // no byte order mark in the middle of a stream
    if st.seekable && writable && matches!(st.codec, Codec::Utf16 | Codec::Utf32 | Codec::Utf8Sig) {
        let pos = b.tell(vm)?;
        if pos != 0 {
            if let Some(e) = &mut st.encoder {
                e.bom_done = true;
            }
        }
    }
    Ok(())
}

fn call_bool(vm: &mut Vm, v: Value, name: &str) -> PyResult<bool> {
    let r = vm.call_method_str(v, name, &[])?;
    vm.truthy(r)
}

fn int_flag(vm: &mut Vm, v: Option<Value>) -> PyResult<bool> {
    match v {
        None => Ok(false),
        Some(x) => Ok(super::int_arg(vm, x)? != 0),
    }
}

fn text_init(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, &a[1..], k, "TextIOWrapper", &["buffer", "encoding", "errors", "newline", "line_buffering", "write_through"], 1, 0)?;
    let buffer = args.get(0).unwrap_or(vm.none);
    let encoding = opt_str(vm, args.get(1), "encoding")?;
    let errors = opt_str(vm, args.get(2), "errors")?;
    let newline = match args.get(3) {
        None => None,
        Some(v) if v == vm.none => None,
        Some(v) => match v.get::<StrObj>() {
            Some(s) => Some(s.s.to_string()),
            None => {
                let tn = vm.type_name_of(v);
                return Err(vm.type_error(&format!("TextIOWrapper() argument 'newline' must be str or None, not {tn}")));
            }
        },
    };
    if let Some(n) = &newline {
        if !matches!(n.as_str(), "" | "\n" | "\r" | "\r\n") {
            return Err(vm.value_error(&format!("illegal newline value: {n}")));
        }
    }
    let line_buffering = int_flag(vm, args.get(4))?;
    let write_through = int_flag(vm, args.get(5))?;
    let encoding = match encoding {
        None => LOCALE_ENCODING.to_string(),
        Some(e) if e == "locale" => LOCALE_ENCODING.to_string(),
        Some(e) => e,
    };
    let codec = text_codec(vm, &encoding)?;
    let errors = errors.unwrap_or_else(|| "strict".into());
    make_text(vm, a[0], buffer, encoding, codec, errors, newline.as_deref(), line_buffering, write_through, -1)?;
    Ok(vm.none)
}

/// Sets up `this` as a wrapper over `buffer` (used by `__init__`, `open()` and the
/// standard streams).
#[allow(clippy::too_many_arguments)]
pub fn make_text(
    vm: &mut Vm,
    this: Value,
    buffer: Value,
    encoding: String,
    codec: Codec,
    errors: String,
    newline: Option<&str>,
    line_buffering: bool,
    write_through: bool,
    std: i32,
) -> PyResult<()> {
    let t = super::types();
    let bt = vm.type_of(buffer);
    let native = (bt == t.reader || bt == t.writer || bt == t.random) && buffered::is_buffered(buffer);
    let readable = call_bool(vm, buffer, "readable")?;
    let writable = call_bool(vm, buffer, "writable")?;
    let seekable = call_bool(vm, buffer, "seekable")?;
    let rn = vm.intern("read1");
    let has_read1 = vm.getattr_opt(buffer, rn)?.is_some();
    let mut st = TextState {
        encoding,
        codec,
        errors,
        decoder: None,
        encoder: None,
        readuniversal: true,
        readtranslate: true,
        readnl: String::new(),
        writetranslate: true,
        writenl: None,
        line_buffering,
        write_through,
        dec: UStr::default(),
        dec_pos: 0,
        dec_used: 0,
        dec_live: false,
        snapshot: None,
        b2cratio: 0.0,
        seekable,
        telling: seekable,
        has_read1,
        pending: Vec::new(),
        detached: false,
        native,
        std,
        chunk_size: 8192,
    };
    set_newline(&mut st, newline);
    let b = BufRef { v: buffer, native };
    set_codec(vm, &mut st, &b, readable, writable)?;
    if let Some(o) = io_obj(this) {
        o.refs[0].set(buffer);
        if let Ok(mut s) = o.st.try_borrow_mut() {
            *s = IoState::Text(Box::new(st));
        }
    }
    Ok(())
}

/// write(s) of a str object; the count of characters.
pub fn write_text(vm: &mut Vm, st: &mut TextState, b: &BufRef, s: Value) -> PyResult<usize> {
    let Some(enc) = &mut st.encoder else {
        return Err(unsupported(vm, "not writable"));
    };
    let Some(so) = s.get::<StrObj>() else { return Ok(0) };
    let n = so.nchars();
    let haslf = ((st.writetranslate && st.writenl.is_some()) || st.line_buffering) && so.s.as_bytes().contains(&b'\n');
    let translate = haslf && st.writetranslate && st.writenl.is_some();
    let needflush = st.line_buffering && (haslf || so.s.as_bytes().contains(&b'\r'));
    let plain_utf8 = enc.codec == Codec::Utf8 || (matches!(enc.codec, Codec::Ascii | Codec::Latin1) && so.is_ascii());
    let owned;
    let data: &[u8] = if !translate && !so.has_surrogates() && plain_utf8 {
        // no translation and no codec work: the str's own bytes
        enc.bom_done = true;
        so.s.as_bytes()
    } else {
        let mut text = UStr::of(s);
        if translate {
            if let Some(nl) = &st.writenl {
                text = text.replace("\n", nl);
            }
        }
        owned = enc.encode(vm, &text)?;
        &owned
    };
    if st.std == 1 || st.std == 2 {
        crate::modules::sys::write_std_bytes(vm, st.std, data);
        if needflush {
            crate::modules::sys::flush_stdout(vm);
        }
    } else if st.native {
        b.write(vm, data)?;
        if st.write_through || needflush {
            b.flush(vm)?;
        }
    } else {
        st.pending.extend_from_slice(data);
        if st.pending.len() >= st.chunk_size || needflush || st.write_through {
            write_flush(vm, st, b)?;
        }
        if needflush {
            b.flush(vm)?;
        }
    }
    st.clear_decoded();
    st.snapshot = None;
    if let Some(d) = &mut st.decoder {
        d.reset();
    }
    Ok(n)
}

fn t_write(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    crate::builtins::marity(vm, a, 2, 2, "write")?;
    let s = a[1];
    let n = with_text(vm, a[0], |vm, st, b| {
        if s.get::<StrObj>().is_none() {
            let tn = vm.type_name_of(s);
            return Err(vm.type_error(&format!("write() argument must be str, not {tn}")));
        }
        if b.closed(vm)? {
            return Err(super::closed_error(vm));
        }
        write_text(vm, st, b, s)
    })?;
    Ok(vm.new_int(n as i64))
}

fn t_flush(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    with_open_text(vm, a[0], |vm, st, b| {
        st.telling = st.seekable;
        write_flush(vm, st, b)?;
        if st.std == 1 || st.std == 2 {
            crate::modules::sys::flush_stdout(vm);
            return Ok(());
        }
        b.flush(vm)
    })?;
    Ok(vm.none)
}

fn buffer_of(vm: &mut Vm, v: Value) -> PyResult<Value> {
    with_text(vm, v, |_vm, _st, b| Ok(b.v))
}

fn t_close(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let buf = buffer_of(vm, a[0])?;
    if super::truthy_attr(vm, buf, "closed")? {
        return Ok(vm.none);
    }
    super::stdio::forget_std(a[0]);
    let flushed = vm.call_method_str(a[0], "flush", &[]);
    let closed = vm.call_method_str(buf, "close", &[]);
    match (flushed, closed) {
        (Ok(_), Ok(r)) => Ok(r),
        (Err(e), Ok(_)) | (Ok(_), Err(e)) => Err(e),
        (Err(first), Err(second)) => Err(super::chain(vm, first, second)),
    }
}

fn t_detach(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    buffer_of(vm, a[0])?;
    vm.call_method_str(a[0], "flush", &[])?;
    super::stdio::forget_std(a[0]);
    with_text(vm, a[0], |_vm, st, b| {
        st.detached = true;
        Ok(b.v)
    })
}

fn delegate(vm: &mut Vm, a: &[Value], name: &str) -> PyResult<Value> {
    let b = buffer_of(vm, a[0])?;
    vm.call_method_str(b, name, &[])
}

fn t_fileno(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    delegate(vm, a, "fileno")
}
fn t_seekable(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    delegate(vm, a, "seekable")
}
fn t_readable(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    delegate(vm, a, "readable")
}
fn t_writable(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    delegate(vm, a, "writable")
}
fn t_isatty(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    delegate(vm, a, "isatty")
}

fn t_truncate(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    crate::builtins::marity(vm, a, 1, 2, "truncate")?;
    let b = buffer_of(vm, a[0])?;
    vm.call_method_str(a[0], "flush", &[])?;
    let pos = a.get(1).copied().unwrap_or(vm.none);
    vm.call_method_str(b, "truncate", &[pos])
}

fn t_name(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let b = buffer_of(vm, a[0])?;
    vm.getattr_str(b, "name")
}

fn t_closed(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let b = buffer_of(vm, a[0])?;
    vm.getattr_str(b, "closed")
}

/// A field of the state that stays readable after detach (CPython's members).
fn field(vm: &mut Vm, v: Value, f: impl FnOnce(&mut Vm, &TextState) -> Value) -> PyResult<Value> {
    let st = match take(vm, v)? {
        IoState::Text(s) => s,
        other => {
            put(v, other);
            return Err(super::uninit_error(vm));
        }
    };
    let r = f(vm, &st);
    put(v, IoState::Text(st));
    Ok(r)
}

fn t_encoding(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    field(vm, a[0], |vm, st| vm.new_str(&st.encoding))
}

fn t_errors(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    field(vm, a[0], |vm, st| vm.new_str(&st.errors))
}

fn t_line_buffering(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    field(vm, a[0], |vm, st| vm.bool_val(st.line_buffering))
}

fn t_write_through(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    field(vm, a[0], |vm, st| vm.bool_val(st.write_through))
}

fn t_buffer(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let detached = field(vm, a[0], |vm, st| vm.bool_val(st.detached))?;
    if detached == vm.true_ {
        return Ok(vm.none);
    }
    Ok(io_obj(a[0]).map(|o| o.refs[0].get()).unwrap_or(vm.none))
}

fn t_newlines(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    with_text(vm, a[0], |vm, st, _b| {
        Ok(match st.decoder.as_ref().and_then(|d| d.nl.as_ref()) {
            Some(n) => n.newlines(vm),
            None => vm.none,
        })
    })
}

fn t_chunk_size(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    with_text(vm, a[0], |vm, st, _b| Ok(vm.new_int(st.chunk_size as i64)))
}

fn t_set_chunk_size(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let v = a.get(1).copied().unwrap_or(vm.none);
    let n = super::int_arg(vm, v)?;
    if n <= 0 {
        return Err(vm.value_error("a strictly positive integer is required"));
    }
    with_text(vm, a[0], |_vm, st, _b| {
        st.chunk_size = n as usize;
        Ok(())
    })?;
    Ok(vm.none)
}

fn t_repr(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    // CPython 3.11 names the class "_io.TextIOWrapper" whatever the subclass
    let tn = "_io.TextIOWrapper";
    let enc = field(vm, a[0], |vm, st| vm.new_str(&st.encoding))?;
    if vm.repr_stack.contains(&a[0]) {
        return Err(vm.runtime_error(&format!("reentrant call inside {tn}.__repr__")));
    }
    vm.repr_stack.push(a[0]);
    let r = (|| -> PyResult<String> {
        let mut s = format!("<{tn}");
        let n = vm.intern("name");
        match vm.getattr_opt(a[0], n) {
            Ok(Some(name)) => s.push_str(&format!(" name={}", vm.repr(name)?)),
            Ok(None) => {}
            Err(e) => {
                if !vm.isinstance(e.0, vm.types.value_error) {
                    return Err(e);
                }
            }
        }
        let m = vm.intern("mode");
        if let Some(mode) = vm.getattr_opt(a[0], m)? {
            s.push_str(&format!(" mode={}", vm.repr(mode)?));
        }
        s.push_str(&format!(" encoding={}>", vm.repr(enc)?));
        Ok(s)
    })();
    vm.repr_stack.pop();
    Ok(vm.new_string(r?))
}

fn t_reconfigure(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let nk = k.get::<TupleObj>().map(|t| t.items.len()).unwrap_or(0);
    if a.len() - nk > 1 {
        return Err(vm.type_error("reconfigure() takes no positional arguments"));
    }
    let args = bind(vm, &a[1..], k, "reconfigure", &["encoding", "errors", "newline", "line_buffering", "write_through"], 0, 0)?;
    let encoding = opt_str(vm, args.get(0), "encoding")?;
    let errors = opt_str(vm, args.get(1), "errors")?;
    let newline_given = args.get(2).is_some();
    let newline = match args.get(2) {
        Some(v) if v != vm.none => match v.get::<StrObj>() {
            Some(s) => {
                let n = s.s.to_string();
                if !matches!(n.as_str(), "" | "\n" | "\r" | "\r\n") {
                    return Err(vm.value_error(&format!("illegal newline value: {n}")));
                }
                Some(n)
            }
            None => {
                let tn = vm.type_name_of(v);
                return Err(vm.type_error(&format!("reconfigure() argument 'newline' must be str or None, not {tn}")));
            }
        },
        _ => None,
    };
    let lb = match args.get(3) {
        Some(v) if v != vm.none => Some(vm.truthy(v)?),
        _ => None,
    };
    let wt = match args.get(4) {
        Some(v) if v != vm.none => Some(vm.truthy(v)?),
        _ => None,
    };
    let change = encoding.is_some() || errors.is_some() || newline_given;
    with_text(vm, a[0], |vm, st, _b| {
        if st.dec_live {
            if change {
                return Err(unsupported(vm, "It is not possible to set the encoding or newline of stream after the first read"));
            }
        }
        Ok(())
    })?;
    if change {
        vm.call_method_str(a[0], "flush", &[])?;
        let codec = match &encoding {
            Some(e) => {
                let e = if e == "locale" { LOCALE_ENCODING.to_string() } else { e.clone() };
                Some((e.clone(), text_codec(vm, &e)?))
            }
            None => None,
        };
        let buf = buffer_of(vm, a[0])?;
        let readable = call_bool(vm, buf, "readable")?;
        let writable = call_bool(vm, buf, "writable")?;
        with_text(vm, a[0], |vm, st, b| {
            st.b2cratio = 0.0;
            if newline_given {
                set_newline(st, newline.as_deref());
            }
            match codec {
                Some((name, c)) => {
                    st.encoding = name;
                    st.codec = c;
                    st.errors = errors.clone().unwrap_or_else(|| "strict".into());
                }
                None => {
                    if let Some(e) = &errors {
                        st.errors = e.clone();
                    }
                }
            }
            set_codec(vm, st, b, readable, writable)
        })?;
        super::stdio::check_std_fast(a[0]);
    } else {
        vm.call_method_str(a[0], "flush", &[])?;
    }
    with_text(vm, a[0], |_vm, st, _b| {
        if let Some(l) = lb {
            st.line_buffering = l;
        }
        if let Some(w) = wt {
            st.write_through = w;
        }
        Ok(())
    })?;
    super::stdio::check_std_fast(a[0]);
    Ok(vm.none)
}

pub fn register(vm: &mut Vm, ty: Value) {
    let ms: &[(&'static str, NativeFn)] = &[
        ("__init__", text_init),
        ("write", t_write),
        ("flush", t_flush),
        ("close", t_close),
        ("detach", t_detach),
        ("fileno", t_fileno),
        ("seekable", t_seekable),
        ("readable", t_readable),
        ("writable", t_writable),
        ("isatty", t_isatty),
        ("truncate", t_truncate),
        ("reconfigure", t_reconfigure),
        ("__repr__", t_repr),
        ("read", super::textread::t_read),
        ("readline", super::textread::t_readline),
        ("__next__", super::textread::t_next),
        ("tell", super::textseek::t_tell),
        ("seek", super::textseek::t_seek),
    ];
    super::methods(vm, ty, ms);
    super::props(
        vm,
        ty,
        &[
            ("name", t_name),
            ("closed", t_closed),
            ("encoding", t_encoding),
            ("errors", t_errors),
            ("line_buffering", t_line_buffering),
            ("write_through", t_write_through),
            ("buffer", t_buffer),
            ("newlines", t_newlines),
        ],
    );
    crate::builtins::getset(vm, ty, "_CHUNK_SIZE", t_chunk_size, Some(t_set_chunk_size));
}
