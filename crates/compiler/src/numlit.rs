//! The number-literal checks of CPython's tokenizer ("invalid decimal literal", "invalid
//! digit '8' in octal literal", leading zeros, ...). ruff's lexer reports these differently or
//! accepts some of them, so the source is scanned for the first malformed literal.

/// The first malformed number literal in `source`: (message, byte offset of the error, byte
/// offset where the literal starts).
pub fn first_number_error(source: &str) -> Option<(String, usize, usize)> {
    let s = source.as_bytes();
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        if c == b'#' {
            while i < s.len() && s[i] != b'\n' {
                i += 1;
            }
        } else if c == b'"' || c == b'\'' {
            i = skip_string(s, i);
        } else if is_ident_start(c) {
            let st = i;
            while i < s.len() && is_ident_char(s[i]) {
                i += 1;
            }
            if i < s.len() && (s[i] == b'"' || s[i] == b'\'') && is_string_prefix(&s[st..i]) {
                i = skip_string(s, i);
            }
        } else if c.is_ascii_digit() || (c == b'.' && s.get(i + 1).is_some_and(|d| d.is_ascii_digit())) {
            match scan_number(s, i) {
                Ok(end) => i = end,
                Err((msg, at)) => return Some((msg, at, i)),
            }
        } else {
            i += 1;
        }
    }
    None
}

fn is_ident_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_' || c >= 128
}

/// CPython's is_potential_identifier_char.
fn is_ident_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 128
}

fn is_string_prefix(p: &[u8]) -> bool {
    let p = p.to_ascii_lowercase();
    matches!(&p[..], b"r" | b"u" | b"b" | b"f" | b"br" | b"rb" | b"fr" | b"rf")
}

/// The offset just past the string literal whose opening quote is at `i`.
fn skip_string(s: &[u8], i: usize) -> usize {
    let q = s[i];
    let triple = s.len() >= i + 3 && s[i + 1] == q && s[i + 2] == q;
    let mut j = if triple { i + 3 } else { i + 1 };
    while j < s.len() {
        let c = s[j];
        if c == b'\\' {
            j += 2;
            continue;
        }
        if triple {
            if c == q && s.len() >= j + 3 && s[j + 1] == q && s[j + 2] == q {
                return j + 3;
            }
        } else if c == q || c == b'\n' {
            return j + 1;
        }
        j += 1;
    }
    s.len()
}

type Scan = Result<usize, (String, usize)>;

/// Scans the literal starting at `i` (a digit, or '.' before a digit); Ok(end) when valid.
fn scan_number(s: &[u8], i: usize) -> Scan {
    let at = |j: usize| s.get(j).copied().unwrap_or(0);
    let mut j = i;
    if at(j) == b'.' {
        return fraction(s, j + 1);
    }
    if at(j) == b'0' {
        j += 1;
        match at(j) {
            b'x' | b'X' => return radix(s, j + 1, 16),
            b'o' | b'O' => return radix(s, j + 1, 8),
            b'b' | b'B' => return radix(s, j + 1, 2),
            _ => {}
        }
        // zeros, maybe an old-style octal
        loop {
            if at(j) == b'_' {
                j += 1;
                if !at(j).is_ascii_digit() {
                    return Err(("invalid decimal literal".into(), j));
                }
            }
            if at(j) != b'0' {
                break;
            }
            j += 1;
        }
        let mut nonzero = false;
        if at(j).is_ascii_digit() {
            nonzero = true;
            j = decimal_tail(s, j)?;
        }
        return match at(j) {
            b'.' => fraction(s, j + 1),
            b'e' | b'E' => exponent(s, j),
            b'j' | b'J' => end_of_number(s, j + 1, "imaginary"),
            _ if nonzero => Err((
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers".into(),
                i,
            )),
            _ => end_of_number(s, j, "decimal"),
        };
    }
    j = decimal_tail(s, j)?;
    if at(j) == b'.' {
        return fraction(s, j + 1);
    }
    after_fraction(s, j)
}

fn fraction(s: &[u8], j: usize) -> Scan {
    let j = if s.get(j).is_some_and(|c| c.is_ascii_digit()) { decimal_tail(s, j)? } else { j };
    after_fraction(s, j)
}

fn after_fraction(s: &[u8], j: usize) -> Scan {
    match s.get(j).copied().unwrap_or(0) {
        b'e' | b'E' => exponent(s, j),
        b'j' | b'J' => end_of_number(s, j + 1, "imaginary"),
        _ => end_of_number(s, j, "decimal"),
    }
}

/// `j` is at the 'e'.
fn exponent(s: &[u8], e: usize) -> Scan {
    let at = |j: usize| s.get(j).copied().unwrap_or(0);
    let mut j = e + 1;
    if at(j) == b'+' || at(j) == b'-' {
        j += 1;
        if !at(j).is_ascii_digit() {
            return Err(("invalid decimal literal".into(), j));
        }
    } else if !at(j).is_ascii_digit() {
        // "1else": the number ends before the 'e'
        end_of_number(s, e, "decimal")?;
        return Ok(e);
    }
    j = decimal_tail(s, j)?;
    if at(j) == b'j' || at(j) == b'J' {
        return end_of_number(s, j + 1, "imaginary");
    }
    end_of_number(s, j, "decimal")
}

/// Digits with single underscores between them, from `j` (a digit).
fn decimal_tail(s: &[u8], mut j: usize) -> Scan {
    let at = |j: usize| s.get(j).copied().unwrap_or(0);
    loop {
        while at(j).is_ascii_digit() {
            j += 1;
        }
        if at(j) != b'_' {
            return Ok(j);
        }
        j += 1;
        if !at(j).is_ascii_digit() {
            return Err(("invalid decimal literal".into(), j));
        }
    }
}

fn radix(s: &[u8], mut j: usize, base: u32) -> Scan {
    let at = |j: usize| s.get(j).copied().unwrap_or(0);
    let (kind, name) = match base {
        16 => ("hexadecimal", "hexadecimal"),
        8 => ("octal", "octal"),
        _ => ("binary", "binary"),
    };
    let ok = |c: u8| (c as char).to_digit(base).is_some();
    loop {
        if at(j) == b'_' {
            j += 1;
        }
        if !ok(at(j)) {
            if base != 16 && at(j).is_ascii_digit() {
                return Err((format!("invalid digit '{}' in {name} literal", at(j) as char), j));
            }
            return Err((format!("invalid {kind} literal"), j));
        }
        while ok(at(j)) {
            j += 1;
        }
        if at(j) != b'_' {
            break;
        }
    }
    if base != 16 && at(j).is_ascii_digit() {
        return Err((format!("invalid digit '{}' in {name} literal", at(j) as char), j));
    }
    end_of_number(s, j, kind)
}

/// CPython's verify_end_of_number: a letter right after a number is an error, unless it
/// starts one of the keywords that may follow a number (then it is only a warning).
fn end_of_number(s: &[u8], j: usize, kind: &str) -> Scan {
    let rest = &s[j.min(s.len())..];
    let keyword = [&b"and"[..], b"else", b"for", b"if", b"in", b"is", b"or", b"not"].iter().any(|k| rest.starts_with(k));
    if !keyword && rest.first().is_some_and(|&c| is_ident_char(c)) {
        return Err((format!("invalid {kind} literal"), j));
    }
    Ok(j)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(src: &str) -> Option<String> {
        first_number_error(src).map(|e| e.0)
    }

    #[test]
    fn malformed_literals() {
        assert_eq!(err("x = 1__0").as_deref(), Some("invalid decimal literal"));
        assert_eq!(err("0x").as_deref(), Some("invalid hexadecimal literal"));
        assert_eq!(err("0b2").as_deref(), Some("invalid digit '2' in binary literal"));
        assert_eq!(err("0o1_8").as_deref(), Some("invalid digit '8' in octal literal"));
        assert_eq!(err("0b1_").as_deref(), Some("invalid binary literal"));
        assert_eq!(err("1.e").as_deref(), Some("invalid decimal literal"));
        assert_eq!(err("1jx").as_deref(), Some("invalid imaginary literal"));
        assert!(err("09").unwrap().starts_with("leading zeros"));
        assert!(err("0_7").unwrap().starts_with("leading zeros"));
    }

    #[test]
    fn valid_literals() {
        for src in ["00_0", "1if x else 2", "0x1for", "1_000j", "x1 = 2", "'09' # 0x", "r'\\'09'", "1.5e-3j", "...", "a.b", "1e5"] {
            assert_eq!(err(src), None, "{src}");
        }
    }
}
