//! int() and float() from text, with CPython's rules: other scripts' decimal digits and
//! Unicode spaces count as their ASCII forms, underscores only between digits, surrounding
//! whitespace ignored.

use num_bigint::BigInt;
use num_traits::{Num, Zero};

/// The first code point of each run of ten Unicode decimal digits (category Nd, Unicode 14).
const DIGIT_ZEROS: [u32; 66] = [
    0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6, 0xe50, 0xed0,
    0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620,
    0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10, 0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0,
    0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60,
    0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
];

/// The decimal value of a Unicode decimal digit.
pub fn decimal_value(c: char) -> Option<u32> {
    let cp = c as u32;
    let i = DIGIT_ZEROS.partition_point(|&z| z <= cp);
    if i == 0 {
        return None;
    }
    let z = DIGIT_ZEROS[i - 1];
    (cp < z + 10).then(|| cp - z)
}

/// Unicode whitespace other than ASCII (what `str.isspace` accepts above 127).
fn is_unicode_space(c: char) -> bool {
    matches!(c as u32, 0x85 | 0xa0 | 0x1680 | 0x2000..=0x200a | 0x2028 | 0x2029 | 0x202f | 0x205f | 0x3000)
}

/// CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII`: decimal digits become ASCII digits
/// and spaces become ' '; the text stops with a '?' at the first other non-ASCII character.
pub fn to_ascii_number(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
        } else if is_unicode_space(c) {
            out.push(' ');
        } else if let Some(d) = decimal_value(c) {
            out.push(char::from(b'0' + d as u8));
        } else {
            out.push('?');
            break;
        }
    }
    out
}

/// C's isspace in the "C" locale.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

pub enum IntParseError {
    Invalid,
    /// More decimal digits than the int/str conversion limit allows (the count).
    TooManyDigits(usize),
}

/// int(text, base) over ASCII text (`PyLong_FromString`); `limit` is the digit limit for bases
/// that are not powers of two (0: none).
pub fn parse_int_ascii(text: &str, base: u32, limit: usize) -> Result<BigInt, IntParseError> {
    use IntParseError::Invalid;
    let s = text.as_bytes();
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    let mut i = 0;
    while is_space(at(i)) {
        i += 1;
    }
    let mut neg = false;
    if at(i) == b'+' {
        i += 1;
    } else if at(i) == b'-' {
        neg = true;
        i += 1;
    }
    let mut base = base;
    let mut error_if_nonzero = false;
    if base == 0 {
        base = match (at(i), at(i + 1).to_ascii_lowercase()) {
            (b'0', b'x') => 16,
            (b'0', b'o') => 8,
            (b'0', b'b') => 2,
            (b'0', _) => {
                error_if_nonzero = true;
                10
            }
            _ => 10,
        };
    }
    if at(i) == b'0' && matches!((base, at(i + 1).to_ascii_lowercase()), (16, b'x') | (8, b'o') | (2, b'b')) {
        i += 2;
        if at(i) == b'_' {
            i += 1;
        }
    }
    if at(i) == b'_' {
        return Err(Invalid);
    }
    let digit = |b: u8| (b as char).to_digit(36).filter(|&d| d < base);
    let start = i;
    let mut digits = String::new();
    let mut prev = 0u8;
    while i < s.len() && (digit(s[i]).is_some() || s[i] == b'_') {
        if s[i] == b'_' {
            if prev == b'_' {
                return Err(Invalid);
            }
        } else {
            digits.push(s[i] as char);
        }
        prev = s[i];
        i += 1;
    }
    if prev == b'_' {
        return Err(Invalid);
    }
    if i == start {
        return Err(Invalid);
    }
    if !base.is_power_of_two() && digits.len() > super::num::MAX_STR_DIGITS_THRESHOLD && limit > 0 && digits.len() > limit {
        return Err(IntParseError::TooManyDigits(digits.len()));
    }
    let v = BigInt::from_str_radix(&digits, base).map_err(|_| Invalid)?;
    if error_if_nonzero && !v.is_zero() {
        return Err(Invalid);
    }
    while is_space(at(i)) {
        i += 1;
    }
    if i != s.len() {
        return Err(Invalid);
    }
    Ok(if neg { -v } else { v })
}

/// Removes underscores that sit between two digits; None if any other underscore is present
/// (`_Py_string_to_number_with_underscores`).
pub fn strip_underscores(s: &str) -> Option<String> {
    if !s.contains('_') {
        return Some(s.to_string());
    }
    let mut out = String::with_capacity(s.len());
    let mut prev = '\0';
    for c in s.chars() {
        if c == '_' {
            if !prev.is_ascii_digit() {
                return None;
            }
        } else {
            if prev == '_' && !c.is_ascii_digit() {
                return None;
            }
            out.push(c);
        }
        prev = c;
    }
    if prev == '_' {
        return None;
    }
    Some(out)
}

/// float(text) over ASCII text: surrounding whitespace, a sign, then a decimal number,
/// `inf`/`infinity`/`nan` in any case; underscores between digits.
pub fn parse_float_ascii(text: &str) -> Option<f64> {
    let t = strip_underscores(text)?;
    let t = t.trim_matches(|c: char| c.is_ascii() && is_space(c as u8));
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let x = match lower.as_str() {
        "inf" | "infinity" => f64::INFINITY,
        "nan" => f64::NAN,
        _ => {
            // Rust's grammar without its special words: digits, one '.', an exponent
            let b = body.as_bytes();
            let ok = !b.is_empty() && b.iter().all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'+' | b'-'));
            if !ok || !matches!(b[0], b'0'..=b'9' | b'.') {
                return None;
            }
            body.parse::<f64>().ok()?
        }
    };
    Some(if neg { -x } else { x })
}

/// The longest prefix of `s` that is a float (C's strtod): its value and length.
fn float_prefix(s: &[u8]) -> Option<(f64, usize)> {
    let mut i = 0;
    let neg = matches!(s.first(), Some(b'-'));
    if matches!(s.first(), Some(b'+' | b'-')) {
        i = 1;
    }
    let rest = s[i..].to_ascii_lowercase();
    let sign = |x: f64| if neg { -x } else { x };
    if rest.starts_with(b"infinity") {
        return Some((sign(f64::INFINITY), i + 8));
    }
    if rest.starts_with(b"inf") {
        return Some((sign(f64::INFINITY), i + 3));
    }
    if rest.starts_with(b"nan") {
        return Some((sign(f64::NAN), i + 3));
    }
    let at = |j: usize| s.get(j).copied().unwrap_or(0);
    let start = i;
    let mut digits = 0;
    while at(i).is_ascii_digit() {
        i += 1;
        digits += 1;
    }
    if at(i) == b'.' {
        i += 1;
        while at(i).is_ascii_digit() {
            i += 1;
            digits += 1;
        }
    }
    if digits == 0 {
        return None;
    }
    if matches!(at(i), b'e' | b'E') {
        let mut j = i + 1;
        if matches!(at(j), b'+' | b'-') {
            j += 1;
        }
        if at(j).is_ascii_digit() {
            while at(j).is_ascii_digit() {
                j += 1;
            }
            i = j;
        }
    }
    let text = std::str::from_utf8(&s[start..i]).ok()?;
    let text = if text.starts_with('.') { format!("0{text}") } else { text.to_string() };
    let x: f64 = text.trim_end_matches('.').parse().ok().or_else(|| text.parse().ok())?;
    Some((sign(x), i))
}

pub enum ComplexParseError {
    /// An underscore not between digits.
    Underscore,
    Malformed,
}

/// complex(text) over ASCII text (CPython's complex_from_string_inner): `<float>`,
/// `<float>j`, `<float><signed-float>j`, `<float><sign>j`, `<sign>j`, `j`, optionally in
/// parentheses, with surrounding whitespace.
pub fn parse_complex_ascii(text: &str) -> Result<(f64, f64), ComplexParseError> {
    use ComplexParseError::Malformed;
    let t = strip_underscores(text).ok_or(ComplexParseError::Underscore)?;
    let s = t.as_bytes();
    let at = |j: usize| s.get(j).copied().unwrap_or(0);
    let mut i = 0;
    while is_space(at(i)) {
        i += 1;
    }
    let bracket = at(i) == b'(';
    if bracket {
        i += 1;
        while is_space(at(i)) {
            i += 1;
        }
    }
    let (mut x, mut y) = (0.0, 0.0);
    let is_j = |c: u8| c == b'j' || c == b'J';
    match float_prefix(&s[i..]) {
        Some((z, n)) => {
            i += n;
            if matches!(at(i), b'+' | b'-') {
                x = z;
                match float_prefix(&s[i..]) {
                    Some((w, m)) => {
                        y = w;
                        i += m;
                    }
                    None => {
                        y = if at(i) == b'+' { 1.0 } else { -1.0 };
                        i += 1;
                    }
                }
                if !is_j(at(i)) {
                    return Err(Malformed);
                }
                i += 1;
            } else if is_j(at(i)) {
                i += 1;
                y = z;
            } else {
                x = z;
            }
        }
        None => {
            if matches!(at(i), b'+' | b'-') {
                y = if at(i) == b'+' { 1.0 } else { -1.0 };
                i += 1;
            } else {
                y = 1.0;
            }
            if !is_j(at(i)) {
                return Err(Malformed);
            }
            i += 1;
        }
    }
    while is_space(at(i)) {
        i += 1;
    }
    if bracket {
        if at(i) != b')' {
            return Err(Malformed);
        }
        i += 1;
        while is_space(at(i)) {
            i += 1;
        }
    }
    if i != s.len() {
        return Err(Malformed);
    }
    Ok((x, y))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(s: &str, base: u32) -> Option<i64> {
        parse_int_ascii(s, base, 4300).ok().map(|v| i64::try_from(v).unwrap())
    }

    #[test]
    fn ints() {
        assert_eq!(int("  -0x_ff ", 0), Some(-255));
        assert_eq!(int("1_000", 10), Some(1000));
        assert_eq!(int("00", 0), Some(0));
        assert_eq!(int("08", 0), None);
        assert_eq!(int("--1", 10), None);
        assert_eq!(int("1__0", 10), None);
        assert_eq!(int("1_", 10), None);
        assert_eq!(int("+ 1", 10), None);
        assert_eq!(int("0x10", 10), None);
        assert_eq!(int("Zz", 36), Some(35 * 36 + 35));
    }

    #[test]
    fn floats_and_digits() {
        assert_eq!(parse_float_ascii(" -1_000.5 "), Some(-1000.5));
        assert_eq!(parse_float_ascii("1__0"), None);
        assert_eq!(parse_float_ascii("1e"), None);
        assert_eq!(parse_float_ascii("0x10"), None);
        assert_eq!(parse_float_ascii("-Infinity"), Some(f64::NEG_INFINITY));
        assert_eq!(parse_float_ascii("5."), Some(5.0));
        assert_eq!(to_ascii_number("\u{661}.\u{665}"), "1.5");
        assert_eq!(decimal_value('\u{1d7ce}'), Some(0));
        assert_eq!(decimal_value('a'), None);
    }
}
