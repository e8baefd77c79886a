//! `binascii`: base64, hex, uuencode and quoted-printable conversions and the crc32 /
//! crc_hqx checksums, with CPython's error rules (binascii.Error, binascii.Incomplete).

use crate::class_slot;
use crate::util::*;

class_slot!(ERROR);

fn error(vm: &mut Vm, msg: &str) -> PyErr {
    let t = ERROR.with(|c| c.get());
    vm.err(t, msg)
}

/// An a2b_* argument: bytes-like, or a str of ASCII characters.
fn ascii_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if is_str(v) {
        let s = vm.str_of(v);
        if !s.is_ascii() {
            return Err(vm.value_error("string argument should contain only ASCII characters"));
        }
        return Ok(s.into_bytes());
    }
    match with_buffer(vm, v, |b| b.to_vec())? {
        Some(b) => Ok(b),
        None => {
            let tn = vm.type_name_of(v);
            Err(vm.type_error(&format!("argument should be bytes, buffer or ASCII string, not '{tn}'")))
        }
    }
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn b64_value(c: u8) -> Option<u8> {
    match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

/// base64 decoding; Err(message) for binascii.Error.
pub fn b64_decode(data: &[u8], strict: bool) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(data.len() / 4 * 3 + 3);
    let (mut quad, mut left, mut pads) = (0u8, 0u8, 0usize);
    let mut padding_started = false;
    if strict && data.first() == Some(&b'=') {
        return Err("Leading padding not allowed".into());
    }
    for (i, &c) in data.iter().enumerate() {
        if c == b'=' {
            padding_started = true;
            if quad >= 2 {
                pads += 1;
                if quad as usize + pads >= 4 {
                    if strict && i + 1 < data.len() {
                        return Err("Excess data after padding".into());
                    }
                    return Ok(out);
                }
            }
            continue;
        }
        let Some(v) = b64_value(c) else {
            if strict {
                return Err("Only base64 data is allowed".into());
            }
            continue;
        };
        if strict && padding_started {
            return Err("Discontinuous padding not allowed".into());
        }
        pads = 0;
        match quad {
            0 => {
                quad = 1;
                left = v;
            }
            1 => {
                quad = 2;
                out.push((left << 2) | (v >> 4));
                left = v & 0x0f;
            }
            2 => {
                quad = 3;
                out.push((left << 4) | (v >> 2));
                left = v & 0x03;
            }
            _ => {
                quad = 0;
                out.push((left << 6) | v);
                left = 0;
            }
        }
    }
    match quad {
        0 => Ok(out),
        1 => Err(format!(
            "Invalid base64-encoded string: number of data characters ({}) cannot be 1 more than a multiple of 4",
            out.len() / 3 * 4 + 1
        )),
        _ => Err("Incorrect padding".into()),
    }
}

pub fn b64_encode(data: &[u8], newline: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4 + 1);
    for chunk in data.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = ((b[0] as u32) << 16) | ((b[1] as u32) << 8) | b[2] as u32;
        out.push(B64[(n >> 18) as usize & 63]);
        out.push(B64[(n >> 12) as usize & 63]);
        out.push(if chunk.len() > 1 { B64[(n >> 6) as usize & 63] } else { b'=' });
        out.push(if chunk.len() > 2 { B64[n as usize & 63] } else { b'=' });
    }
    if newline {
        out.push(b'\n');
    }
    out
}

fn a2b_base64(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let args = parse(vm, a, kw, "a2b_base64", &["data"], &["strict_mode"], 1)?;
    if positional(a, kw).is_empty() {
        return Err(vm.type_error("a2b_base64() missing required argument 'data' (pos 1)"));
    }
    let none = vm.none;
    let data = ascii_arg(vm, args[0].unwrap_or(none))?;
    let strict = match args[1] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    match b64_decode(&data, strict) {
        Ok(d) => Ok(vm.new_bytes(d)),
        Err(m) => Err(error(vm, &m)),
    }
}

fn b2a_base64(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let args = parse(vm, a, kw, "b2a_base64", &["data"], &["newline"], 1)?;
    let none = vm.none;
    let data = bytes_like(vm, args[0].unwrap_or(none))?;
    let newline = match args[1] {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    Ok(vm.new_bytes(b64_encode(&data, newline)))
}

fn hexlify_common(vm: &mut Vm, a: &[Value], kw: Value, name: &str) -> PyResult<Value> {
    let args = parse(vm, a, kw, name, &["data", "sep", "bytes_per_sep"], &[], 1)?;
    let none = vm.none;
    let data = bytes_like(vm, args[0].unwrap_or(none))?;
    let s = pyjit_vm::builtins::bytes_methods::hex_string(vm, &data, args[1], args[2])?;
    Ok(vm.new_bytes(s.into_bytes()))
}

fn b2a_hex(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    hexlify_common(vm, a, kw, "b2a_hex")
}

fn hexlify(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    hexlify_common(vm, a, kw, "hexlify")
}

fn unhex_common(vm: &mut Vm, a: &[Value], kw: Value, name: &str) -> PyResult<Value> {
    let args = parse(vm, a, kw, name, &["hexstr"], &[], 1)?;
    let none = vm.none;
    let data = ascii_arg(vm, args[0].unwrap_or(none))?;
    if data.len() % 2 != 0 {
        return Err(error(vm, "Odd-length string"));
    }
    let mut out = Vec::with_capacity(data.len() / 2);
    for pair in data.chunks(2) {
        let h = (pair[0] as char).to_digit(16);
        let l = (pair[1] as char).to_digit(16);
        match (h, l) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            _ => return Err(error(vm, "Non-hexadecimal digit found")),
        }
    }
    Ok(vm.new_bytes(out))
}

fn a2b_hex(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    unhex_common(vm, a, kw, "a2b_hex")
}

fn unhexlify(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    unhex_common(vm, a, kw, "unhexlify")
}

fn a2b_uu(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let args = parse(vm, a, kw, "a2b_uu", &["data"], &[], 1)?;
    let none = vm.none;
    let data = ascii_arg(vm, args[0].unwrap_or(none))?;
    let first = data.first().copied().unwrap_or(0);
    let mut bin_len = (first.wrapping_sub(b' ') & 0o77) as usize;
    let mut out = Vec::with_capacity(bin_len);
    let mut rest = if data.is_empty() { &data[..] } else { &data[1..] };
    let (mut leftchar, mut leftbits) = (0u32, 0u32);
    while bin_len > 0 {
        let c = rest.first().copied();
        let v = match c {
            None | Some(b'\n') | Some(b'\r') => 0,
            Some(ch) => {
                if !(b' '..=b' ' + 64).contains(&ch) {
                    return Err(error(vm, "Illegal char"));
                }
                (ch - b' ') & 0o77
            }
        };
        if !rest.is_empty() {
            rest = &rest[1..];
        }
        leftchar = (leftchar << 6) | v as u32;
        leftbits += 6;
        if leftbits >= 8 {
            leftbits -= 8;
            out.push(((leftchar >> leftbits) & 0xff) as u8);
            leftchar &= (1 << leftbits) - 1;
            bin_len -= 1;
        }
    }
    for &c in rest {
        if c != b' ' && c != b' ' + 64 && c != b'\n' && c != b'\r' {
            return Err(error(vm, "Trailing garbage"));
        }
    }
    Ok(vm.new_bytes(out))
}

fn b2a_uu(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let args = parse(vm, a, kw, "b2a_uu", &["data"], &["backtick"], 1)?;
    let none = vm.none;
    let data = bytes_like(vm, args[0].unwrap_or(none))?;
    let backtick = match args[1] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    if data.len() > 45 {
        return Err(error(vm, "At most 45 bytes at once"));
    }
    let mut out = Vec::with_capacity(2 + data.len().div_ceil(3) * 4);
    out.push(if backtick && data.is_empty() { b'`' } else { b' ' + data.len() as u8 });
    let (mut leftchar, mut leftbits) = (0u32, 0u32);
    let mut i = 0;
    while i < data.len() || leftbits != 0 {
        leftchar = (leftchar << 8) | if i < data.len() { data[i] as u32 } else { 0 };
        leftbits += 8;
        i += 1;
        while leftbits >= 6 {
            let ch = ((leftchar >> (leftbits - 6)) & 0x3f) as u8;
            leftbits -= 6;
            out.push(if backtick && ch == 0 { b'`' } else { ch + b' ' });
        }
        leftchar &= (1 << leftbits) - 1;
    }
    out.push(b'\n');
    Ok(vm.new_bytes(out))
}

fn a2b_qp(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let args = parse(vm, a, kw, "a2b_qp", &["data", "header"], &[], 1)?;
    let none = vm.none;
    let d = ascii_arg(vm, args[0].unwrap_or(none))?;
    let header = match args[1] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let hex = |c: u8| (c as char).to_digit(16);
    let mut out = Vec::with_capacity(d.len());
    let mut i = 0;
    while i < d.len() {
        if d[i] == b'=' {
            i += 1;
            if i >= d.len() {
                break;
            }
            if d[i] == b'\n' || d[i] == b'\r' {
                if d[i] != b'\n' {
                    while i < d.len() && d[i] != b'\n' {
                        i += 1;
                    }
                }
                if i < d.len() {
                    i += 1;
                }
            } else if d[i] == b'=' {
                out.push(b'=');
                i += 1;
            } else if i + 1 < d.len() && hex(d[i]).is_some() && hex(d[i + 1]).is_some() {
                let v = hex(d[i]).unwrap_or(0) * 16 + hex(d[i + 1]).unwrap_or(0);
                out.push(v as u8);
                i += 2;
            } else {
                out.push(b'=');
            }
        } else if header && d[i] == b'_' {
            out.push(b' ');
            i += 1;
        } else {
            out.push(d[i]);
            i += 1;
        }
    }
    Ok(vm.new_bytes(out))
}

fn b2a_qp(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let args = parse(vm, a, kw, "b2a_qp", &["data", "quotetabs", "istext", "header"], &[], 1)?;
    let none = vm.none;
    let d = bytes_like(vm, args[0].unwrap_or(none))?;
    let flag = |vm: &mut Vm, v: Option<Value>, default: bool| -> PyResult<bool> {
        match v {
            Some(v) => vm.truthy(v),
            None => Ok(default),
        }
    };
    let quotetabs = flag(vm, args[1], false)?;
    let istext = flag(vm, args[2], true)?;
    let header = flag(vm, args[3], false)?;
    const MAXLINESIZE: usize = 76;
    let crlf = match d.iter().position(|&c| c == b'\n') {
        Some(p) => p > 0 && d[p - 1] == b'\r',
        None => false,
    };
    let hexd = b"0123456789ABCDEF";
    let mut out: Vec<u8> = Vec::with_capacity(d.len() * 2);
    let (mut i, mut linelen) = (0usize, 0usize);
    let soft_break = |out: &mut Vec<u8>| {
        out.push(b'=');
        if crlf {
            out.push(b'\r');
        }
        out.push(b'\n');
    };
    while i < d.len() {
        let c = d[i];
        let next = d.get(i + 1).copied();
        let encode = c > 126
            || c == b'='
            || (header && c == b'_')
            || (c == b'.' && linelen == 0 && matches!(next, None | Some(b'\n') | Some(b'\r') | Some(0)))
            || (!istext && (c == b'\r' || c == b'\n'))
            || ((c == b'\t' || c == b' ') && i + 1 == d.len())
            || (c < 33 && c != b'\r' && c != b'\n' && (quotetabs || (c != b'\t' && c != b' ')));
        if encode {
            if linelen + 3 >= MAXLINESIZE {
                soft_break(&mut out);
                linelen = 0;
            }
            out.push(b'=');
            out.push(hexd[(c >> 4) as usize]);
            out.push(hexd[(c & 15) as usize]);
            i += 1;
            linelen += 3;
        } else if istext && (c == b'\n' || (c == b'\r' && next == Some(b'\n'))) {
            linelen = 0;
            if let Some(&last) = out.last() {
                if last == b' ' || last == b'\t' {
                    let n = out.len();
                    out[n - 1] = b'=';
                    out.push(hexd[(last >> 4) as usize]);
                    out.push(hexd[(last & 15) as usize]);
                }
            }
            if crlf {
                out.push(b'\r');
            }
            out.push(b'\n');
            i += if c == b'\r' { 2 } else { 1 };
        } else {
            if i + 1 != d.len() && next != Some(b'\n') && linelen + 1 >= MAXLINESIZE {
                soft_break(&mut out);
                linelen = 0;
            }
            linelen += 1;
            if header && c == b' ' {
                out.push(b'_');
            } else {
                out.push(c);
            }
            i += 1;
        }
    }
    Ok(vm.new_bytes(out))
}

/// CRC-32 (zlib's polynomial) continuing from `crc`.
pub fn crc32_update(crc: u32, data: &[u8]) -> u32 {
    let mut h = crc32fast::Hasher::new_with_initial(crc);
    h.update(data);
    h.finalize()
}

/// An unsigned 32-bit start value (C `unsigned int` conversion: taken modulo 2**32).
pub fn u32_arg(vm: &mut Vm, v: Value) -> PyResult<u32> {
    if v.kind() == Some(ObjKind::Float) {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let i = index(vm, v)?;
    let b = vm.as_bigint(i).unwrap_or_default();
    let m = b & num_bigint::BigInt::from(0xffff_ffffu64);
    Ok(num_traits::ToPrimitive::to_u32(&m).unwrap_or(0))
}

fn crc32(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    check_pos(vm, a, kw, "crc32", 1, 2)?;
    let data = bytes_like(vm, a[0])?;
    let crc = match a.get(1) {
        Some(&v) => u32_arg(vm, v)?,
        None => 0,
    };
    Ok(vm.new_int(crc32_update(crc, &data) as i64))
}

fn crc_hqx(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    check_pos(vm, a, kw, "crc_hqx", 2, 2)?;
    let data = bytes_like(vm, a[0])?;
    let mut crc = (u32_arg(vm, a[1])? & 0xffff) as u16;
    for &b in &data {
        crc ^= (b as u16) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 { (crc << 1) ^ 0x1021 } else { crc << 1 };
        }
    }
    Ok(vm.new_int(crc as i64))
}

/// A new exception class `binascii.name` deriving from `base`.
pub fn exception_class(vm: &mut Vm, module: &str, name: &str, base: Value) -> PyResult<Value> {
    let n = vm.new_str(name);
    let bases = vm.new_tuple(vec![base]);
    let ns = vm.new_dict();
    let mn = vm.new_str(module);
    vm.dict_set_str(ns, "__module__", mn);
    let tt = vm.types.type_;
    let t = vm.call(tt, &[n, bases, ns])?;
    vm.permanent.push(t);
    Ok(t)
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    let ve = vm.types.value_error;
    let e = exception_class(vm, "binascii", "Error", ve)?;
    ERROR.with(|c| c.set(e));
    set_attr(vm, m, "Error", e);
    let exc = vm.types.exceptions.iter().find(|e| e.0 == "Exception").map(|e| e.1).unwrap_or(ve);
    let inc = exception_class(vm, "binascii", "Incomplete", exc)?;
    set_attr(vm, m, "Incomplete", inc);
    add_fns(
        vm,
        m,
        &[
            ("a2b_base64", a2b_base64),
            ("b2a_base64", b2a_base64),
            ("a2b_hex", a2b_hex),
            ("b2a_hex", b2a_hex),
            ("hexlify", hexlify),
            ("unhexlify", unhexlify),
            ("a2b_uu", a2b_uu),
            ("b2a_uu", b2a_uu),
            ("a2b_qp", a2b_qp),
            ("b2a_qp", b2a_qp),
            ("crc32", crc32),
            ("crc_hqx", crc_hqx),
        ],
    );
    Ok(())
}
