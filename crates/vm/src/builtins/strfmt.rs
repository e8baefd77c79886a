//! Text helpers: repr of str and bytes, ascii() escaping.

/// repr() of a str, choosing quotes as CPython does.
pub fn repr_str(s: &str) -> String {
    repr_code_points(s.chars().map(|c| c as u32), s.contains('\''), s.contains('"'), s.len())
}

/// repr() of a str object, which may hold lone surrogates (escaped as `\udxxx`).
pub fn repr_str_obj(o: &crate::objects::StrObj) -> String {
    match o.wide() {
        None => repr_str(&o.s),
        Some(w) => repr_code_points(w.iter().copied(), o.s.contains('\''), o.s.contains('"'), o.s.len()),
    }
}

fn repr_code_points(cps: impl Iterator<Item = u32>, has_single: bool, has_double: bool, len: usize) -> String {
    let quote = if has_single && !has_double { '"' } else { '\'' };
    let mut out = String::with_capacity(len + 2);
    out.push(quote);
    for cp in cps {
        // a lone surrogate is not a char: it is never printable
        let c = char::from_u32(cp);
        match c {
            Some('\\') => out.push_str("\\\\"),
            Some('\n') => out.push_str("\\n"),
            Some('\r') => out.push_str("\\r"),
            Some('\t') => out.push_str("\\t"),
            Some(c) if c == quote => {
                out.push('\\');
                out.push(c);
            }
            Some(c) if cp >= 0x20 && cp != 0x7f && is_printable(c) => out.push(c),
            _ if cp < 0x20 || cp == 0x7f => out.push_str(&format!("\\x{cp:02x}")),
            _ if cp < 0x100 => out.push_str(&format!("\\x{cp:02x}")),
            _ if cp < 0x10000 => out.push_str(&format!("\\u{cp:04x}")),
            _ => out.push_str(&format!("\\U{cp:08x}")),
        }
    }
    out.push(quote);
    out
}

/// Python's str.isprintable for one character.
pub fn is_printable(c: char) -> bool {
    crate::unicode::is_printable(c)
}

/// ascii(): repr with every non-ASCII character escaped.
pub fn ascii_escape(r: &str) -> String {
    let mut out = String::with_capacity(r.len());
    for c in r.chars() {
        let cp = c as u32;
        if cp < 0x80 {
            out.push(c);
        } else if cp < 0x100 {
            out.push_str(&format!("\\x{cp:02x}"));
        } else if cp < 0x10000 {
            out.push_str(&format!("\\u{cp:04x}"));
        } else {
            out.push_str(&format!("\\U{cp:08x}"));
        }
    }
    out
}

/// repr() of bytes.
pub fn repr_bytes(b: &[u8], prefix: &str) -> String {
    repr_bytes_q(b, prefix, false)
}

/// repr() of bytes; bytearray's repr escapes a single quote even inside double quotes.
pub fn repr_bytes_q(b: &[u8], prefix: &str, always_escape_single: bool) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') { '"' } else { '\'' };
    let mut out = String::from(prefix);
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c as char == quote || (always_escape_single && c == b'\'') => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn str_repr_quotes() {
        assert_eq!(repr_str("a'b"), "\"a'b\"");
        assert_eq!(repr_str("a'b\""), "'a\\'b\"'");
        assert_eq!(repr_str("é\n"), "'é\\n'");
        assert_eq!(repr_bytes(b"a\x00'", "b"), "b\"a\\x00'\"");
    }
}
