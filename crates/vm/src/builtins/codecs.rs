//! Text codecs of str.encode / bytes.decode: utf-8 (and utf-8-sig), ascii, latin-1,
//! utf-16 and utf-32 (with and without byte order mark), with CPython's error handlers
//! (strict, ignore, replace, backslashreplace, xmlcharrefreplace, surrogateescape,
//! surrogatepass) and its UnicodeEncodeError / UnicodeDecodeError ranges and reasons.
//!
//! Encoders work on code points (u32), so that lone surrogates can be handled as
//! CPython does; decoders produce code points too.

use crate::heap::{ObjKind, Value};
use crate::objects::{type_flags, BytesObj, DictObj, ExceptionObj, StrObj, TupleObj, TypeObj};
use crate::interp::{PyErr, PyResult, Vm};

#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Codec {
    Utf8,
    Utf8Sig,
    Ascii,
    Latin1,
    /// utf-16: little endian, with a BOM when encoding, BOM-detected when decoding
    Utf16,
    Utf16Le,
    Utf16Be,
    Utf32,
    Utf32Le,
    Utf32Be,
}

impl Codec {
    /// The name CPython shows in errors.
    pub fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Utf8Sig => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Utf16 => "utf-16",
            Codec::Utf16Le => "utf-16-le",
            Codec::Utf16Be => "utf-16-be",
            Codec::Utf32 => "utf-32",
            Codec::Utf32Le => "utf-32-le",
            Codec::Utf32Be => "utf-32-be",
        }
    }
}

/// Looks an encoding up by name with CPython's normalisation (case, '-', '_' and spaces).
pub fn lookup(vm: &mut Vm, encoding: &str) -> PyResult<Codec> {
    // the spellings programs use, without normalising
    match encoding {
        "utf-8" | "utf8" | "UTF-8" | "utf_8" => return Ok(Codec::Utf8),
        "ascii" | "ASCII" => return Ok(Codec::Ascii),
        "latin-1" | "latin1" | "iso-8859-1" => return Ok(Codec::Latin1),
        _ => {}
    }
    let norm: String = encoding.trim().to_lowercase().chars().map(|c| if c == '-' || c == ' ' { '_' } else { c }).collect();
    let c = match norm.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "utf8_ucs2" | "utf8_ucs4" | "cp65001" => Codec::Utf8,
        "utf_8_sig" | "utf8_sig" => Codec::Utf8Sig,
        "ascii" | "us_ascii" | "646" | "us" | "ansi_x3.4_1968" | "iso646_us" | "cp367" | "csascii" | "ibm367" | "iso_ir_6" => Codec::Ascii,
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819" | "iso_ir_100" | "csisolatin1" | "ibm819" | "iso_8859_1:1987" => Codec::Latin1,
        "utf_16" | "utf16" | "u16" => Codec::Utf16,
        "utf_16_le" | "utf_16le" | "utf16le" | "unicodelittleunmarked" => Codec::Utf16Le,
        "utf_16_be" | "utf_16be" | "utf16be" | "unicodebigunmarked" => Codec::Utf16Be,
        "utf_32" | "utf32" | "u32" => Codec::Utf32,
        "utf_32_le" | "utf_32le" | "utf32le" => Codec::Utf32Le,
        "utf_32_be" | "utf_32be" | "utf32be" => Codec::Utf32Be,
        _ => {
            let t = vm.types.lookup_error;
            return Err(vm.err(t, &format!("unknown encoding: {encoding}")));
        }
    };
    Ok(c)
}

fn unknown_handler(vm: &mut Vm, errors: &str) -> PyErr {
    let t = vm.types.lookup_error;
    vm.err(t, &format!("unknown error handler name '{errors}'"))
}

/// A UnicodeEncodeError(encoding, object, start, end, reason).
fn encode_error(vm: &mut Vm, codec: &str, text: &[u32], start: usize, end: usize, reason: &str) -> PyErr {
    let obj = vm.new_str_cps(text);
    exc5(vm, true, codec, obj, start, end, reason)
}

/// A UnicodeDecodeError(encoding, object, start, end, reason).
fn decode_error(vm: &mut Vm, codec: &str, data: &[u8], start: usize, end: usize, reason: &str) -> PyErr {
    let obj = vm.new_bytes(data.to_vec());
    exc5(vm, false, codec, obj, start, end, reason)
}

fn exc5(vm: &mut Vm, encode: bool, codec: &str, obj: Value, start: usize, end: usize, reason: &str) -> PyErr {
    let t = if encode { vm.types.unicode_encode_error } else { vm.types.unicode_decode_error };
    let enc = vm.new_str(codec);
    let (s, e) = (vm.new_int(start as i64), vm.new_int(end as i64));
    let r = vm.new_str(reason);
    match vm.call(t, &[enc, obj, s, e, r]) {
        Ok(x) => PyErr(x),
        Err(e) => e,
    }
}

/// The str of code points; a lone surrogate, which a pyjit str cannot hold, becomes U+FFFD.
pub fn from_code_points(cps: &[u32]) -> String {
    cps.iter().map(|&c| char::from_u32(c).unwrap_or('\u{fffd}')).collect()
}

/// str.encode: `s` is a str object (its code points, lone surrogates included, are encoded).
pub fn encode(vm: &mut Vm, s: Value, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let codec = match lookup(vm, encoding) {
        Ok(c) => c,
        Err(e) if vm.isinstance(e.0, vm.types.lookup_error) => {
            let r = registry_codec(vm, s, encoding, errors, true)?;
            return Ok(r.get::<BytesObj>().map(|b| b.data.to_vec()).unwrap_or_default());
        }
        Err(e) => return Err(e),
    };
    // text without lone surrogates that the codec takes as it is: its UTF-8 bytes
    if let Some(o) = s.get::<StrObj>() {
        if !o.has_surrogates() && (codec == Codec::Utf8 || (o.is_ascii() && matches!(codec, Codec::Ascii | Codec::Latin1))) {
            return Ok(o.s.as_bytes().to_vec());
        }
    }
    let text: Vec<u32> = s.get::<StrObj>().map(|o| o.code_points()).unwrap_or_default();
    encode_cps(vm, &text, codec, errors)
}

fn is_surrogate(c: u32) -> bool {
    (0xd800..0xe000).contains(&c)
}

pub fn encode_cps(vm: &mut Vm, text: &[u32], codec: Codec, errors: &str) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len());
    match codec {
        Codec::Utf16 => out.extend_from_slice(&[0xff, 0xfe]),
        Codec::Utf32 => out.extend_from_slice(&[0xff, 0xfe, 0, 0]),
        Codec::Utf8Sig => out.extend_from_slice(&[0xef, 0xbb, 0xbf]),
        _ => {}
    }
    let (limit, reason) = match codec {
        Codec::Ascii => (0x80, "ordinal not in range(128)"),
        Codec::Latin1 => (0x100, "ordinal not in range(256)"),
        _ => (0x110000, "surrogates not allowed"),
    };
    let encodable = |c: u32| c < limit && !is_surrogate(c);
    let mut i = 0;
    while i < text.len() {
        let c = text[i];
        if encodable(c) {
            push_unit(&mut out, codec, c);
            i += 1;
            continue;
        }
        // the run of characters this codec cannot encode
        let mut end = i + 1;
        while end < text.len() && !encodable(text[end]) {
            end += 1;
        }
        match errors {
            "strict" => return Err(encode_error(vm, codec.name(), text, i, end, reason)),
            "ignore" => {}
            "replace" => (i..end).for_each(|_| push_unit(&mut out, codec, '?' as u32)),
            "backslashreplace" => {
                for &c in &text[i..end] {
                    let esc = if c < 0x100 {
                        format!("\\x{c:02x}")
                    } else if c < 0x10000 {
                        format!("\\u{c:04x}")
                    } else {
                        format!("\\U{c:08x}")
                    };
                    esc.bytes().for_each(|b| push_unit(&mut out, codec, b as u32));
                }
            }
            "xmlcharrefreplace" => {
                for &c in &text[i..end] {
                    format!("&#{c};").bytes().for_each(|b| push_unit(&mut out, codec, b as u32));
                }
            }
            "surrogateescape" => {
                for (k, &c) in text[i..end].iter().enumerate() {
                    if !(0xdc80..0xdd00).contains(&c) {
                        return Err(encode_error(vm, codec.name(), text, i + k, i + k + 1, reason));
                    }
                    out.push((c - 0xdc00) as u8);
                }
            }
            "surrogatepass" if !matches!(codec, Codec::Ascii | Codec::Latin1) => {
                for (k, &c) in text[i..end].iter().enumerate() {
                    if !is_surrogate(c) {
                        return Err(encode_error(vm, codec.name(), text, i + k, i + k + 1, reason));
                    }
                    push_raw_surrogate(&mut out, codec, c);
                }
            }
            "surrogatepass" => return Err(encode_error(vm, codec.name(), text, i, end, reason)),
            other => return Err(unknown_handler(vm, other)),
        }
        i = end;
    }
    Ok(out)
}

/// Appends one encodable code point.
fn push_unit(out: &mut Vec<u8>, codec: Codec, c: u32) {
    match codec {
        Codec::Ascii | Codec::Latin1 => out.push(c as u8),
        Codec::Utf8 | Codec::Utf8Sig => {
            let mut buf = [0u8; 4];
            out.extend_from_slice(char::from_u32(c).unwrap_or('\u{fffd}').encode_utf8(&mut buf).as_bytes());
        }
        Codec::Utf16 | Codec::Utf16Le | Codec::Utf16Be => {
            let be = codec == Codec::Utf16Be;
            let mut buf = [0u16; 2];
            for &u in char::from_u32(c).unwrap_or('\u{fffd}').encode_utf16(&mut buf).iter() {
                out.extend_from_slice(&if be { u.to_be_bytes() } else { u.to_le_bytes() });
            }
        }
        Codec::Utf32 | Codec::Utf32Le | Codec::Utf32Be => {
            out.extend_from_slice(&if codec == Codec::Utf32Be { c.to_be_bytes() } else { c.to_le_bytes() });
        }
    }
}

/// A surrogate written as if it were a character (surrogatepass).
fn push_raw_surrogate(out: &mut Vec<u8>, codec: Codec, c: u32) {
    match codec {
        Codec::Utf16 | Codec::Utf16Le => out.extend_from_slice(&(c as u16).to_le_bytes()),
        Codec::Utf16Be => out.extend_from_slice(&(c as u16).to_be_bytes()),
        Codec::Utf32 | Codec::Utf32Le => out.extend_from_slice(&c.to_le_bytes()),
        Codec::Utf32Be => out.extend_from_slice(&c.to_be_bytes()),
        _ => out.extend_from_slice(&[0xe0 | (c >> 12) as u8, 0x80 | ((c >> 6) & 0x3f) as u8, 0x80 | (c & 0x3f) as u8]),
    }
}

pub fn decode(vm: &mut Vm, b: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let v = decode_str(vm, b, encoding, errors)?;
    Ok(vm.str_of(v))
}

/// bytes.decode: the str object (which holds any lone surrogate the decoder produced).
pub fn decode_str(vm: &mut Vm, b: &[u8], encoding: &str, errors: &str) -> PyResult<Value> {
    let codec = match lookup(vm, encoding) {
        Ok(c) => c,
        Err(e) if vm.isinstance(e.0, vm.types.lookup_error) => {
            let data = vm.new_bytes(b.to_vec());
            return registry_codec(vm, data, encoding, errors, false);
        }
        Err(e) => return Err(e),
    };
    // valid UTF-8 (ASCII for the 8-bit codecs) is its own text
    let direct = match codec {
        Codec::Utf8 => std::str::from_utf8(b).ok(),
        Codec::Ascii | Codec::Latin1 if b.is_ascii() => std::str::from_utf8(b).ok(),
        _ => None,
    };
    if let Some(t) = direct {
        return Ok(vm.new_str(t));
    }
    let cps = decode_cps(vm, b, codec, errors)?;
    Ok(vm.new_str_cps(&cps))
}

/// A codec the Rust table does not know, through the Python registry (`_codecs.lookup`, the
/// encodings package): its encoder must give bytes and its decoder str, as str.encode and
/// bytes.decode require of a text encoding.
fn registry_codec(vm: &mut Vm, obj: Value, encoding: &str, errors: &str, encoding_dir: bool) -> PyResult<Value> {
    let m = vm.new_str("_codecs");
    let (none, zero) = (vm.none, Value::small(0).unwrap_or(Value::NULL));
    let codecs = crate::modules::import::import_name(vm, m, Value::NULL, none, zero)?;
    let lookup = vm.getattr_str(codecs, "lookup")?;
    let name = vm.new_str(encoding);
    let info = vm.call(lookup, &[name])?;
    let n = vm.intern("_is_text_encoding");
    if let Some(t) = vm.getattr_opt(info, n)? {
        if !vm.truthy(t)? {
            let t = vm.types.lookup_error;
            let how = if encoding_dir { "codecs.encode()" } else { "codecs.decode()" };
            return Err(vm.err(t, &format!("'{encoding}' is not a text encoding; use {how} to handle arbitrary codecs")));
        }
    }
    let idx = Value::small(if encoding_dir { 0 } else { 1 }).unwrap_or(Value::NULL);
    let f = vm.getitem(info, idx)?;
    let errs = vm.new_str(errors);
    let r = match vm.call(f, &[obj, errs]) {
        Ok(r) => r,
        Err(e) => return Err(wrap_codec_error(vm, e, if encoding_dir { "encoding" } else { "decoding" }, encoding)),
    };
    let out = match r.get::<TupleObj>() {
        Some(t) if t.items.len() == 2 => t.items[0],
        _ => {
            let which = if encoding_dir { "encoder must return a tuple (object, integer)" } else { "decoder must return a tuple (object, integer)" };
            return Err(vm.type_error(which));
        }
    };
    let (want, kind, how) = if encoding_dir { ("bytes", ObjKind::Bytes, "codecs.encode() to encode") } else { ("str", ObjKind::Str, "codecs.decode() to decode") };
    if out.kind() != Some(kind) {
        let tn = vm.type_name_of(out);
        let dir = if encoding_dir { "encoder" } else { "decoder" };
        return Err(vm.type_error(&format!("'{encoding}' {dir} returned '{tn}' instead of '{want}'; use {how} to arbitrary types")));
    }
    Ok(out)
}

/// The builtin exception classes whose instances carry more than `args` (their own
/// `__init__`/`__new__` in CPython): an error of one of them (or of a subclass) from a
/// codec is not re-worded.
const STATEFUL_EXCEPTIONS: &[&str] = &[
    "OSError", "SyntaxError", "ImportError", "UnicodeEncodeError", "UnicodeDecodeError", "UnicodeTranslateError",
    "StopIteration", "SystemExit", "AttributeError", "NameError", "BaseExceptionGroup",
];

/// CPython's `wrap_codec_error`: an exception a registry codec raised for str.encode or
/// bytes.decode becomes one of the same class saying "decoding with 'ENC' codec failed
/// (IndexError: message)", caused by the original, when it holds nothing but an empty or
/// one-str `args` and its class keeps BaseException's `__init__` and `__new__`.
fn wrap_codec_error(vm: &mut Vm, e: PyErr, operation: &str, encoding: &str) -> PyErr {
    let exc = e.0;
    let Some(x) = exc.get::<ExceptionObj>() else { return e };
    let ty = vm.type_of(exc);
    let mro = ty.get::<TypeObj>().map(|t| t.mro.borrow().clone()).unwrap_or_default();
    let base = vm.types.base_exception;
    for c in mro {
        if c == base {
            break;
        }
        let Some(t) = c.get::<TypeObj>() else { return e };
        if t.has_flag(type_flags::HEAPTYPE) {
            let own = ["__init__", "__new__", "__slots__"].iter().any(|n| vm.dict_get_by_str(t.dict, n).is_some());
            if own {
                return e;
            }
        } else if STATEFUL_EXCEPTIONS.contains(&t.name.borrow().as_str()) {
            return e;
        }
    }
    let args = x.args.get();
    let simple_args = match args.get::<TupleObj>() {
        Some(t) => t.items.is_empty() || (t.items.len() == 1 && t.items[0].kind() == Some(ObjKind::Str) && !vm.is_heap_type(t.items[0])),
        None => args.is_null(),
    };
    let dict = x.dict.get();
    let empty_dict = dict.is_null() || dict.get::<DictObj>().map(|d| d.len() == 0).unwrap_or(false);
    if !simple_args || !empty_dict {
        return e;
    }
    let Ok(shown) = vm.str(exc) else { return e };
    let tn = ty.get::<TypeObj>().map(|t| t.name.borrow().to_string()).unwrap_or_default();
    let msg = vm.new_string(format!("{operation} with '{encoding}' codec failed ({tn}: {shown})"));
    let new = match vm.call(ty, &[msg]) {
        Ok(v) if v.get::<ExceptionObj>().is_some() => v,
        _ => return e,
    };
    if let Some(n) = new.get::<ExceptionObj>() {
        n.cause.set(exc);
        n.suppress_context.set(true);
        n.traceback.set(x.traceback.get());
    }
    PyErr(new)
}

/// What a decoder found wrong: the byte range and the reason.
struct Bad {
    start: usize,
    end: usize,
    reason: &'static str,
}

fn decode_cps(vm: &mut Vm, data: &[u8], codec: Codec, errors: &str) -> PyResult<Vec<u32>> {
    decode_prefix(vm, data, codec, errors, true).map(|(cps, _)| cps)
}

/// Decodes `data`; unless `last`, a sequence cut by the end of the data is left undecoded
/// (an incremental decoder keeps it for the next call). Returns the code points and the
/// number of bytes used. Byte order marks are handled as by `decode` (the caller of an
/// incremental decoder strips them itself and passes the concrete codec).
pub fn decode_prefix(vm: &mut Vm, data: &[u8], codec: Codec, errors: &str, last: bool) -> PyResult<(Vec<u32>, usize)> {
    let mut out: Vec<u32> = Vec::with_capacity(data.len());
    let mut pos = 0;
    let name = codec.name();
    let mut codec = codec;
    // byte order marks
    match codec {
        Codec::Utf8Sig if data.starts_with(&[0xef, 0xbb, 0xbf]) => pos = 3,
        Codec::Utf16 => {
            if data.starts_with(&[0xff, 0xfe]) {
                pos = 2;
                codec = Codec::Utf16Le;
            } else if data.starts_with(&[0xfe, 0xff]) {
                pos = 2;
                codec = Codec::Utf16Be;
            } else {
                codec = Codec::Utf16Le;
            }
        }
        Codec::Utf32 => {
            if data.starts_with(&[0xff, 0xfe, 0, 0]) {
                pos = 4;
                codec = Codec::Utf32Le;
            } else if data.starts_with(&[0, 0, 0xfe, 0xff]) {
                pos = 4;
                codec = Codec::Utf32Be;
            } else {
                codec = Codec::Utf32Le;
            }
        }
        _ => {}
    }
    while pos < data.len() {
        let step = match codec {
            Codec::Utf8 | Codec::Utf8Sig => utf8_step(data, pos),
            Codec::Ascii => {
                if data[pos] < 0x80 {
                    Ok((data[pos] as u32, 1))
                } else {
                    Err(Bad { start: pos, end: pos + 1, reason: "ordinal not in range(128)" })
                }
            }
            Codec::Latin1 => Ok((data[pos] as u32, 1)),
            Codec::Utf16 | Codec::Utf16Le | Codec::Utf16Be => utf16_step(data, pos, codec == Codec::Utf16Be),
            Codec::Utf32 | Codec::Utf32Le | Codec::Utf32Be => utf32_step(data, pos, codec == Codec::Utf32Be),
        };
        match step {
            Ok((c, n)) => {
                out.push(c);
                pos += n;
            }
            Err(bad) => {
                if !last && bad.end == data.len() && matches!(bad.reason, "unexpected end of data" | "truncated data") {
                    return Ok((out, bad.start));
                }
                let resume = bad.end;
                match errors {
                    "strict" => return Err(decode_error(vm, name, data, bad.start, bad.end, bad.reason)),
                    "ignore" => {}
                    "replace" => out.push(0xfffd),
                    "backslashreplace" => {
                        for &b in &data[bad.start..bad.end] {
                            out.extend(format!("\\x{b:02x}").chars().map(|c| c as u32));
                        }
                    }
                    "surrogateescape" => {
                        for &b in &data[bad.start..bad.end] {
                            if b < 128 {
                                return Err(decode_error(vm, name, data, bad.start, bad.end, bad.reason));
                            }
                            out.push(0xdc00 + b as u32);
                        }
                    }
                    "surrogatepass" => match raw_surrogate(data, bad.start, codec) {
                        Some((c, n)) => {
                            out.push(c);
                            pos = bad.start + n;
                            continue;
                        }
                        None => return Err(decode_error(vm, name, data, bad.start, bad.end, bad.reason)),
                    },
                    "xmlcharrefreplace" => {
                        let t = vm.types.type_error;
                        return Err(vm.err(t, "don't know how to handle UnicodeDecodeError in error callback"));
                    }
                    other => return Err(unknown_handler(vm, other)),
                }
                pos = resume;
            }
        }
    }
    Ok((out, data.len()))
}

/// An encoded surrogate at `pos` (surrogatepass decoding): (code point, bytes used).
fn raw_surrogate(data: &[u8], pos: usize, codec: Codec) -> Option<(u32, usize)> {
    let d = &data[pos..];
    let c = match codec {
        Codec::Utf8 | Codec::Utf8Sig => {
            if d.len() >= 3 && d[0] == 0xed && (0xa0..0xc0).contains(&d[1]) && (0x80..0xc0).contains(&d[2]) {
                return Some((0xd000 | ((d[1] as u32 & 0x3f) << 6) | (d[2] as u32 & 0x3f), 3));
            }
            return None;
        }
        Codec::Utf16Le if d.len() >= 2 => (u16::from_le_bytes([d[0], d[1]]) as u32, 2),
        Codec::Utf16Be if d.len() >= 2 => (u16::from_be_bytes([d[0], d[1]]) as u32, 2),
        Codec::Utf32Le if d.len() >= 4 => (u32::from_le_bytes([d[0], d[1], d[2], d[3]]), 4),
        Codec::Utf32Be if d.len() >= 4 => (u32::from_be_bytes([d[0], d[1], d[2], d[3]]), 4),
        _ => return None,
    };
    if is_surrogate(c.0) {
        Some(c)
    } else {
        None
    }
}

fn is_cont(b: u8) -> bool {
    (0x80..0xc0).contains(&b)
}

/// One UTF-8 sequence at `pos`, with CPython's error ranges: an invalid start byte is one
/// byte, an invalid continuation covers the valid prefix, and a sequence cut by the end of
/// the data covers the rest.
fn utf8_step(d: &[u8], pos: usize) -> Result<(u32, usize), Bad> {
    let ch = d[pos];
    let rest = d.len() - pos;
    let bad = |n: usize, reason| Err(Bad { start: pos, end: pos + n, reason });
    let eod = || Err(Bad { start: pos, end: d.len(), reason: "unexpected end of data" });
    if ch < 0x80 {
        return Ok((ch as u32, 1));
    }
    // sequence length, payload bits of the lead byte, and the range the second byte must
    // fall in (narrower than 80..BF after E0, ED, F0 and F4: no overlong forms, surrogates
    // or code points past U+10FFFF)
    let (len, lead_bits, second): (usize, u8, std::ops::RangeInclusive<u8>) = match ch {
        0xc2..=0xdf => (2, 0x1f, 0x80..=0xbf),
        0xe0 => (3, 0x0f, 0xa0..=0xbf),
        0xed => (3, 0x0f, 0x80..=0x9f),
        0xe1..=0xef => (3, 0x0f, 0x80..=0xbf),
        0xf0 => (4, 0x07, 0x90..=0xbf),
        0xf4 => (4, 0x07, 0x80..=0x8f),
        0xf1..=0xf3 => (4, 0x07, 0x80..=0xbf),
        _ => return bad(1, "invalid start byte"),
    };
    let mut c = (ch & lead_bits) as u32;
    for i in 1..len {
        if rest <= i {
            return eod();
        }
        let b = d[pos + i];
        let ok = if i == 1 { second.contains(&b) } else { is_cont(b) };
        if !ok {
            return bad(i, "invalid continuation byte");
        }
        c = (c << 6) | (b as u32 & 0x3f);
    }
    Ok((c, len))
}

fn utf16_step(d: &[u8], pos: usize, be: bool) -> Result<(u32, usize), Bad> {
    let unit = |i: usize| -> u32 {
        let p = [d[i], d[i + 1]];
        (if be { u16::from_be_bytes(p) } else { u16::from_le_bytes(p) }) as u32
    };
    let rest = d.len() - pos;
    if rest < 2 {
        return Err(Bad { start: pos, end: d.len(), reason: "truncated data" });
    }
    let u = unit(pos);
    if !is_surrogate(u) {
        return Ok((u, 2));
    }
    if u >= 0xdc00 {
        return Err(Bad { start: pos, end: pos + 2, reason: "illegal UTF-16 surrogate" });
    }
    if rest < 4 {
        return Err(Bad { start: pos, end: d.len(), reason: "unexpected end of data" });
    }
    let u2 = unit(pos + 2);
    if !(0xdc00..0xe000).contains(&u2) {
        return Err(Bad { start: pos, end: pos + 2, reason: "illegal encoding" });
    }
    Ok((0x10000 + ((u - 0xd800) << 10) + (u2 - 0xdc00), 4))
}

fn utf32_step(d: &[u8], pos: usize, be: bool) -> Result<(u32, usize), Bad> {
    if d.len() - pos < 4 {
        return Err(Bad { start: pos, end: d.len(), reason: "truncated data" });
    }
    let p = [d[pos], d[pos + 1], d[pos + 2], d[pos + 3]];
    let c = if be { u32::from_be_bytes(p) } else { u32::from_le_bytes(p) };
    if c >= 0x110000 {
        return Err(Bad { start: pos, end: pos + 4, reason: "code point not in range(0x110000)" });
    }
    if is_surrogate(c) {
        return Err(Bad { start: pos, end: pos + 4, reason: "code point in surrogate code point range(0xd800, 0xe000)" });
    }
    Ok((c, 4))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_error_ranges() {
        let r = |d: &[u8]| match utf8_step(d, 0) {
            Ok(_) => (0, 0, ""),
            Err(b) => (b.start, b.end, b.reason),
        };
        assert_eq!(r(b"\x80"), (0, 1, "invalid start byte"));
        assert_eq!(r(b"\xe2\x98"), (0, 2, "unexpected end of data"));
        assert_eq!(r(b"\xed\xa0\x80"), (0, 1, "invalid continuation byte"));
        assert_eq!(r(b"\xf0\x9f\x98("), (0, 3, "invalid continuation byte"));
        assert_eq!(utf8_step("😀".as_bytes(), 0).ok(), Some((0x1f600, 4)));
    }
}
