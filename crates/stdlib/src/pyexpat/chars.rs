//! Character classes of XML 1.0 names and text, and the input decoders (UTF-8 passes
//! through; Latin-1, ASCII, UTF-16 and 8-bit tables become UTF-8 as they arrive).

/// A name may start with this byte (non-ASCII bytes are checked as characters).
pub fn name_start_byte(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_' || b == b':' || b >= 0x80
}

pub fn name_byte(b: u8) -> bool {
    name_start_byte(b) || b.is_ascii_digit() || b == b'-' || b == b'.'
}

pub fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// Whether `c` may appear in a document (XML 1.0 `Char`).
pub fn xml_char(c: u32) -> bool {
    matches!(c, 0x9 | 0xA | 0xD | 0x20..=0xD7FF | 0xE000..=0xFFFD | 0x10000..=0x10FFFF)
}

/// Name characters above ASCII that Expat refuses (a rough XML 1.0 5th edition check).
pub fn name_char(c: char, first: bool) -> bool {
    let u = c as u32;
    if u < 0x80 {
        let b = u as u8;
        return if first { name_start_byte(b) } else { name_byte(b) };
    }
    if first {
        matches!(u, 0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x2FF | 0x370..=0x37D | 0x37F..=0x1FFF
            | 0x200C..=0x200D | 0x2070..=0x218F | 0x2C00..=0x2FEF | 0x3001..=0xD7FF
            | 0xF900..=0xFDCF | 0xFDF0..=0xFFFD | 0x10000..=0xEFFFF)
    } else {
        name_char(c, true) || u == 0xB7 || matches!(u, 0x300..=0x36F | 0x203F..=0x2040)
    }
}

/// Length of the UTF-8 sequence a lead byte starts (0: not a lead byte).
pub fn utf8_len(b: u8) -> usize {
    match b {
        0x00..=0x7F => 1,
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => 0,
    }
}

/// How the document's bytes become UTF-8.
#[derive(Clone, Debug, PartialEq)]
pub enum Decoder {
    Utf8,
    Latin1,
    Ascii,
    Utf16 { big: bool },
    /// An 8-bit encoding: the character of each byte (U+FFFD: undefined).
    Table(Vec<char>),
}

impl Decoder {
    /// A decoder for an encoding name Expat knows itself.
    pub fn for_name(name: &str) -> Option<Decoder> {
        let n = name.to_ascii_lowercase().replace('_', "-");
        Some(match n.as_str() {
            "utf-8" | "utf8" => Decoder::Utf8,
            "iso-8859-1" | "latin-1" | "latin1" | "iso8859-1" => Decoder::Latin1,
            "us-ascii" | "ascii" => Decoder::Ascii,
            "utf-16" | "utf-16be" => Decoder::Utf16 { big: true },
            "utf-16le" => Decoder::Utf16 { big: false },
            _ => return None,
        })
    }

    /// Decodes `input` (after `pending`, the bytes a previous call could not use) onto
    /// `out`; keeps an incomplete UTF-16 unit or surrogate pair in `pending`. Bytes that do
    /// not decode become bytes the scanner refuses as an invalid token (0xFF).
    pub fn decode(&self, pending: &mut Vec<u8>, input: &[u8], out: &mut Vec<u8>) {
        match self {
            Decoder::Utf8 => out.extend_from_slice(input),
            Decoder::Latin1 => {
                for &b in input {
                    push_char(out, b as u32);
                }
            }
            Decoder::Ascii => {
                for &b in input {
                    if b < 0x80 {
                        out.push(b);
                    } else {
                        out.push(0xFF);
                    }
                }
            }
            Decoder::Table(t) => {
                for &b in input {
                    match t.get(b as usize) {
                        Some(&c) if c != '\u{FFFD}' => push_char(out, c as u32),
                        _ => out.push(0xFF),
                    }
                }
            }
            Decoder::Utf16 { big } => {
                pending.extend_from_slice(input);
                let mut i = 0;
                let unit = |p: &[u8], i: usize| -> u32 {
                    if *big {
                        ((p[i] as u32) << 8) | p[i + 1] as u32
                    } else {
                        ((p[i + 1] as u32) << 8) | p[i] as u32
                    }
                };
                while i + 2 <= pending.len() {
                    let u = unit(pending, i);
                    if (0xD800..0xDC00).contains(&u) {
                        if i + 4 > pending.len() {
                            break;
                        }
                        let lo = unit(pending, i + 2);
                        if (0xDC00..0xE000).contains(&lo) {
                            push_char(out, 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00));
                            i += 4;
                        } else {
                            out.push(0xFF);
                            i += 2;
                        }
                    } else if (0xDC00..0xE000).contains(&u) {
                        out.push(0xFF);
                        i += 2;
                    } else {
                        push_char(out, u);
                        i += 2;
                    }
                }
                pending.drain(..i);
            }
        }
    }
}

pub fn push_char(out: &mut Vec<u8>, c: u32) {
    let ch = char::from_u32(c).unwrap_or('\u{FFFD}');
    let mut b = [0u8; 4];
    out.extend_from_slice(ch.encode_utf8(&mut b).as_bytes());
}
