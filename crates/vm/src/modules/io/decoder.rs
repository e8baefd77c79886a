//! The incremental decoder and encoder of `TextIOWrapper`, over the codecs of
//! `builtins::codecs`. Their states are those of CPython's codec objects, so that
//! `tell()` cookies come out the same: a decoder's state is (undecoded bytes, flags) where
//! the flags are 2 while a UTF-16/32 byte order is not known yet, then 0 (little endian,
//! this machine's order) or 1; 1 while a UTF-8-SIG decoder has not looked for its BOM.

use crate::builtins::codecs::{self, Codec};
use crate::interp::{PyResult, Vm};

use super::newline::NlState;
use super::ustr::UStr;

#[derive(Clone, Debug)]
pub struct Decoder {
    pub codec: Codec,
    pub errors: String,
    pub pending: Vec<u8>,
    pub flags: i64,
    /// The universal-newlines step (TextIOWrapper with newline None or '').
    pub nl: Option<NlState>,
}

fn initial_flags(codec: Codec) -> i64 {
    match codec {
        Codec::Utf16 | Codec::Utf32 => 2,
        Codec::Utf8Sig => 1,
        _ => 0,
    }
}

impl Decoder {
    pub fn new(codec: Codec, errors: &str, nl: Option<NlState>) -> Decoder {
        Decoder { codec, errors: errors.to_string(), pending: Vec::new(), flags: initial_flags(codec), nl }
    }

    pub fn reset(&mut self) {
        self.pending.clear();
        self.flags = initial_flags(self.codec);
        if let Some(n) = &mut self.nl {
            n.reset();
        }
    }

    /// (undecoded bytes, flags), the newline step's pending '\r' in bit 0 of the flags.
    pub fn getstate(&self) -> (Vec<u8>, i64) {
        match &self.nl {
            Some(n) => (self.pending.clone(), (self.flags << 1) | n.pendingcr as i64),
            None => (self.pending.clone(), self.flags),
        }
    }

    pub fn setstate(&mut self, pending: Vec<u8>, flags: i64) {
        self.pending = pending;
        match &mut self.nl {
            Some(n) => {
                n.pendingcr = flags & 1 != 0;
                self.flags = flags >> 1;
            }
            None => self.flags = flags,
        }
    }

    pub fn decode(&mut self, vm: &mut Vm, input: &[u8], last: bool) -> PyResult<UStr> {
        let out = self.decode_codec(vm, input, last)?;
        Ok(match &mut self.nl {
            Some(n) => n.process(out, last),
            None => out,
        })
    }

    /// The codec step alone.
    fn decode_codec(&mut self, vm: &mut Vm, input: &[u8], last: bool) -> PyResult<UStr> {
        let joined;
        let data: &[u8] = if self.pending.is_empty() {
            input
        } else {
            let mut d = std::mem::take(&mut self.pending);
            d.extend_from_slice(input);
            joined = d;
            &joined
        };
        let mut pos = 0;
        match self.codec {
            Codec::Utf8Sig if self.flags == 1 => {
                const BOM: &[u8] = b"\xef\xbb\xbf";
                if data.len() < 3 && BOM.starts_with(data) && !last {
                    self.pending = data.to_vec();
                    return Ok(UStr::default());
                }
                self.flags = 0;
                if data.starts_with(BOM) {
                    pos = 3;
                }
            }
            Codec::Utf16 | Codec::Utf32 if self.flags == 2 => {
                let (n, le, be, name): (usize, &[u8], &[u8], &str) = if self.codec == Codec::Utf16 {
                    (2, b"\xff\xfe", b"\xfe\xff", "UTF-16")
                } else {
                    (4, b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff", "UTF-32")
                };
                if data.len() < n {
                    if !last || data.is_empty() {
                        self.pending = data.to_vec();
                        return Ok(UStr::default());
                    }
                } else if data.starts_with(le) {
                    self.flags = 0;
                    pos = n;
                } else if data.starts_with(be) {
                    self.flags = 1;
                    pos = n;
                } else {
                    // decoded in this machine's order first (its errors win), as
                    // utf_16_ex_decode does; then the missing BOM is an error
                    let native = if self.codec == Codec::Utf16 { Codec::Utf16Le } else { Codec::Utf32Le };
                    let (_, used) = codecs::decode_prefix(vm, data, native, &self.errors, last)?;
                    if used < n {
                        self.pending = data.to_vec();
                        return Ok(UStr::default());
                    }
                    let t = vm.types.exceptions.iter().find(|e| e.0 == "UnicodeError").map(|e| e.1).unwrap_or(vm.types.value_error);
                    return Err(vm.err(t, &format!("{name} stream does not start with BOM")));
                }
            }
            _ => {}
        }
        let concrete = match (self.codec, self.flags) {
            (Codec::Utf16, 1) => Codec::Utf16Be,
            (Codec::Utf16, _) => Codec::Utf16Le,
            (Codec::Utf32, 1) => Codec::Utf32Be,
            (Codec::Utf32, _) => Codec::Utf32Le,
            (Codec::Utf8Sig, _) => Codec::Utf8,
            (c, _) => c,
        };
        let d = &data[pos..];
        // fast paths: valid UTF-8, latin-1, pure ASCII
        match concrete {
            Codec::Utf8 => match std::str::from_utf8(d) {
                Ok(s) => return Ok(UStr::new(s.to_string())),
                Err(e) if e.error_len().is_none() && !last => {
                    let ok = e.valid_up_to();
                    self.pending = d[ok..].to_vec();
                    let s = std::str::from_utf8(&d[..ok]).map(|s| s.to_string()).unwrap_or_default();
                    return Ok(UStr::new(s));
                }
                Err(_) => {}
            },
            Codec::Latin1 => return Ok(UStr::new(d.iter().map(|&b| b as char).collect())),
            Codec::Ascii if d.is_ascii() => return Ok(UStr::new(String::from_utf8_lossy(d).into_owned())),
            _ => {}
        }
        let (cps, used) = codecs::decode_prefix(vm, d, concrete, &self.errors, last)?;
        self.pending = d[used..].to_vec();
        Ok(UStr::from_cps(cps))
    }
}

#[derive(Clone, Debug)]
pub struct Encoder {
    pub codec: Codec,
    pub errors: String,
    /// The byte order mark of utf-16/utf-32/utf-8-sig was written (or must not be).
    pub bom_done: bool,
}

impl Encoder {
    pub fn new(codec: Codec, errors: &str) -> Encoder {
        Encoder { codec, errors: errors.to_string(), bom_done: false }
    }

    pub fn encode(&mut self, vm: &mut Vm, text: &UStr) -> PyResult<Vec<u8>> {
        let codec = match (self.codec, self.bom_done) {
            (Codec::Utf16, true) => Codec::Utf16Le,
            (Codec::Utf32, true) => Codec::Utf32Le,
            (Codec::Utf8Sig, true) => Codec::Utf8,
            (c, _) => c,
        };
        self.bom_done = true;
        if text.wide.is_none() {
            match codec {
                Codec::Utf8 => return Ok(text.s.as_bytes().to_vec()),
                Codec::Ascii | Codec::Latin1 if text.s.is_ascii() => return Ok(text.s.as_bytes().to_vec()),
                _ => {}
            }
        }
        codecs::encode_cps(vm, &text.cps(), codec, &self.errors)
    }
}
