//! `TextIOWrapper.tell()` and `seek()`: the position is an opaque cookie packing the byte
//! position of a point where the decoder held no bytes, the decoder flags there, the bytes
//! to feed and characters to skip from there, and whether EOF must be signalled; laid out
//! as CPython's C implementation packs it (so plain positions are plain byte offsets).

use num_bigint::BigInt;

use crate::heap::Value;
use crate::interp::{PyResult, Vm};

use super::decoder::Decoder;
use super::textio::{with_open_text, write_flush, TextState};
use super::unsupported;

#[derive(Default, Debug, Clone, PartialEq)]
pub struct Cookie {
    pub start_pos: i64,
    pub dec_flags: i64,
    pub bytes_to_feed: i64,
    pub chars_to_skip: i64,
    pub need_eof: bool,
}

impl Cookie {
    pub fn pack(&self) -> BigInt {
        let lo = self.start_pos as u64 as u128 | ((self.dec_flags as u32 as u128) << 64) | ((self.bytes_to_feed as u32 as u128) << 96);
        let hi = (self.chars_to_skip as u32 as u64) | ((self.need_eof as u64) << 32);
        (BigInt::from(hi) << 128) + BigInt::from(lo)
    }

    pub fn unpack(v: &BigInt) -> Option<Cookie> {
        if v.sign() == num_bigint::Sign::Minus || v.bits() > 168 {
            return None;
        }
        let (_, bytes) = v.to_bytes_le();
        let mut b = [0u8; 21];
        b[..bytes.len()].copy_from_slice(&bytes);
        let u32_at = |i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]) as i32 as i64;
        Some(Cookie {
            start_pos: i64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]),
            dec_flags: u32_at(8),
            bytes_to_feed: u32_at(12),
            chars_to_skip: u32_at(16),
            need_eof: b[20] != 0,
        })
    }
}

/// Puts a decoder where a cookie's safe start point had it (a reset at the start of the
/// stream: the BOM is expected again there).
fn decoder_setstate(d: &mut Decoder, c: &Cookie) {
    if c.start_pos == 0 && c.dec_flags == 0 {
        d.reset();
    } else {
        d.setstate(Vec::new(), c.dec_flags);
    }
}

fn tell_cookie(vm: &mut Vm, st: &mut TextState, pos: i64) -> PyResult<Cookie> {
    let mut cookie = Cookie { start_pos: pos, ..Default::default() };
    let (Some(dec), Some((flags, next_input))) = (&st.decoder, &st.snapshot) else {
        return Ok(cookie);
    };
    let mut d: Decoder = dec.clone();
    cookie.dec_flags = *flags;
    cookie.start_pos -= next_input.len() as i64;
    if st.dec_used == 0 {
        return Ok(cookie);
    }
    let mut chars_to_skip = st.dec_used as i64;
    let input = next_input.clone();
    let decode = |d: &mut Decoder, vm: &mut Vm, data: &[u8], last: bool| -> PyResult<i64> { Ok(d.decode(vm, data, last)?.nchars() as i64) };
    // fast search for a start point close to the position
    let mut skip_bytes = (st.b2cratio * chars_to_skip as f64) as i64;
    let mut skip_back = 1i64;
    while skip_bytes > 0 {
        decoder_setstate(&mut d, &cookie);
        let n = decode(&mut d, vm, &input[..(skip_bytes as usize).min(input.len())], false)?;
        if n <= chars_to_skip {
            let (buf, fl) = d.getstate();
            if buf.is_empty() {
                cookie.dec_flags = fl;
                chars_to_skip -= n;
                break;
            }
            skip_bytes -= buf.len() as i64;
            skip_back = 1;
        } else {
            skip_bytes -= skip_back;
            skip_back *= 2;
        }
    }
    if skip_bytes <= 0 {
        skip_bytes = 0;
        decoder_setstate(&mut d, &cookie);
    }
    cookie.start_pos += skip_bytes;
    cookie.chars_to_skip = chars_to_skip;
    if chars_to_skip == 0 {
        return Ok(cookie);
    }
    // feed the decoder a byte at a time, noting the last safe start point
    let mut chars_decoded = 0i64;
    let mut i = skip_bytes as usize;
    let mut ended = true;
    while i < input.len() {
        chars_decoded += decode(&mut d, vm, &input[i..i + 1], false)?;
        cookie.bytes_to_feed += 1;
        let (buf, fl) = d.getstate();
        if buf.is_empty() && chars_decoded <= chars_to_skip {
            cookie.start_pos += cookie.bytes_to_feed;
            chars_to_skip -= chars_decoded;
            cookie.dec_flags = fl;
            cookie.bytes_to_feed = 0;
            chars_decoded = 0;
        }
        if chars_decoded >= chars_to_skip {
            ended = false;
            break;
        }
        i += 1;
    }
    if ended {
        chars_decoded += decode(&mut d, vm, b"", true)?;
        cookie.need_eof = true;
        if chars_decoded < chars_to_skip {
            return Err(vm.err(vm.types.os_error, "can't reconstruct logical file position"));
        }
    }
    cookie.chars_to_skip = chars_to_skip;
    Ok(cookie)
}

pub fn t_tell(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let (seekable, telling) = with_open_text(vm, a[0], |vm, st, b| {
        write_flush(vm, st, b)?;
        Ok((st.seekable, st.telling))
    })?;
    if !seekable {
        return Err(unsupported(vm, "underlying stream is not seekable"));
    }
    if !telling {
        return Err(vm.err(vm.types.os_error, "telling position disabled by next() call"));
    }
    vm.call_method_str(a[0], "flush", &[])?;
    let cookie = with_open_text(vm, a[0], |vm, st, b| {
        let pos = b.tell(vm)?;
        tell_cookie(vm, st, pos)
    })?;
    Ok(vm.new_bigint(cookie.pack()))
}

pub fn t_seek(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    crate::builtins::marity(vm, a, 2, 3, "seek")?;
    let mut cookie_v = a[1];
    let whence = match a.get(2) {
        Some(&w) => super::int_arg(vm, w)?,
        None => 0,
    };
    let seekable = with_open_text(vm, a[0], |_vm, st, _b| Ok(st.seekable))?;
    if !seekable {
        return Err(unsupported(vm, "underlying stream is not seekable"));
    }
    let zero = vm.new_int(0);
    match whence {
        1 => {
            if !vm.eq(cookie_v, zero)? {
                return Err(unsupported(vm, "can't do nonzero cur-relative seeks"));
            }
            cookie_v = vm.call_method_str(a[0], "tell", &[])?;
        }
        2 => {
            if !vm.eq(cookie_v, zero)? {
                return Err(unsupported(vm, "can't do nonzero end-relative seeks"));
            }
            vm.call_method_str(a[0], "flush", &[])?;
            let p = with_open_text(vm, a[0], |vm, st, b| {
                st.clear_decoded();
                st.snapshot = None;
                if let Some(d) = &mut st.decoder {
                    d.reset();
                }
                let p = b.seek(vm, 0, 2)?;
                if let Some(e) = &mut st.encoder {
                    e.bom_done = p != 0;
                }
                Ok(p)
            })?;
            return Ok(vm.new_int(p));
        }
        0 => {}
        _ => return Err(vm.value_error(&format!("invalid whence ({whence}, should be 0, 1 or 2)"))),
    }
    let big = match vm.as_bigint(cookie_v) {
        Some(b) => b,
        None => {
            let i = vm.index_of(cookie_v)?;
            vm.as_bigint(i).unwrap_or_default()
        }
    };
    if big.sign() == num_bigint::Sign::Minus {
        let r = vm.repr(cookie_v)?;
        return Err(vm.value_error(&format!("negative seek position {r}")));
    }
    vm.call_method_str(a[0], "flush", &[])?;
    let Some(cookie) = Cookie::unpack(&big) else {
        return Err(vm.overflow_error("int too big to convert"));
    };
    with_open_text(vm, a[0], |vm, st, b| {
        b.seek(vm, cookie.start_pos, 0)?;
        st.clear_decoded();
        st.snapshot = None;
        if let Some(d) = &mut st.decoder {
            decoder_setstate(d, &cookie);
        }
        if cookie.chars_to_skip > 0 {
            let input = b.read_n(vm, cookie.bytes_to_feed.max(0) as usize)?;
            let decoded = match &mut st.decoder {
                Some(d) => d.decode(vm, &input, cookie.need_eof)?,
                None => crate::modules::io::ustr::UStr::default(),
            };
            st.snapshot = Some((cookie.dec_flags, input));
            if (decoded.nchars() as i64) < cookie.chars_to_skip {
                return Err(vm.err(vm.types.os_error, "can't restore logical file position"));
            }
            st.set_decoded(decoded);
            let skip = cookie.chars_to_skip as usize;
            st.dec_pos = st.dec.advance(0, skip);
            st.dec_used = skip;
        } else {
            st.snapshot = Some((cookie.dec_flags, Vec::new()));
        }
        if let Some(e) = &mut st.encoder {
            e.bom_done = !(cookie.start_pos == 0 && cookie.dec_flags == 0);
        }
        Ok(())
    })?;
    Ok(cookie_v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookie_layout() {
        let c = Cookie { start_pos: 10, dec_flags: 1, bytes_to_feed: 2, chars_to_skip: 3, need_eof: true };
        let p = c.pack();
        assert_eq!(Cookie::unpack(&p), Some(c));
        assert_eq!(Cookie { start_pos: 42, ..Default::default() }.pack(), BigInt::from(42));
        assert_eq!(Cookie { start_pos: 0, dec_flags: 2, ..Default::default() }.pack(), BigInt::from(2u128 << 64));
    }
}
