//! String literals holding lone surrogates (`"\ud800"`). ruff decodes such an escape to
//! U+FFFD (a Rust `str` cannot hold a surrogate), so when a literal's source text has a
//! surrogate `\u`/`\U` escape, its code points are rebuilt here: the literal body is walked
//! next to ruff's decoded value, taking every character from ruff's value except the ones
//! produced by surrogate escapes. If the walk and ruff's value disagree anywhere (an escape
//! form not foreseen here), ruff's value is kept as it is.

use ruff_python_ast::StringLiteral;

fn is_surrogate(c: u32) -> bool {
    (0xd800..0xe000).contains(&c)
}

fn hex_value(s: &[u8]) -> Option<u32> {
    let t = std::str::from_utf8(s).ok()?;
    if t.bytes().all(|b| b.is_ascii_hexdigit()) {
        u32::from_str_radix(t, 16).ok()
    } else {
        None
    }
}

/// The code points of a (possibly implicitly concatenated) literal, when at least one part
/// holds a surrogate escape; None when ruff's value is already exact.
pub(crate) fn literal_code_points<'a>(source: &str, parts: impl Iterator<Item = &'a StringLiteral>) -> Option<Vec<u32>> {
    let mut out = Vec::new();
    let mut any = false;
    for p in parts {
        let start = usize::from(p.range.start());
        let end = usize::from(p.range.end());
        let text = source.get(start..end).unwrap_or("");
        match part_code_points(text, &p.value) {
            Some(cps) => {
                any = true;
                out.extend(cps);
            }
            None => out.extend(p.value.chars().map(|c| c as u32)),
        }
    }
    any.then_some(out)
}

/// One literal's code points from its source `text` (prefix, quotes and body) and ruff's
/// decoded `value`; None if it has no surrogate escape or the walk fails.
fn part_code_points(text: &str, value: &str) -> Option<Vec<u32>> {
    if !(text.contains("\\u") || text.contains("\\U")) {
        return None;
    }
    let b = text.as_bytes();
    let prefix = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    if b[..prefix].iter().any(|c| matches!(c, b'r' | b'R' | b'b' | b'B' | b'f' | b'F')) {
        return None;
    }
    let rest = &b[prefix..];
    let q = if rest.len() >= 6 && (rest.starts_with(b"\"\"\"") || rest.starts_with(b"'''")) { 3 } else { 1 };
    if rest.len() < 2 * q {
        return None;
    }
    let body = &rest[q..rest.len() - q];
    let val: Vec<char> = value.chars().collect();
    let mut out: Vec<u32> = Vec::with_capacity(val.len());
    let mut vi = 0; // next char of ruff's value
    let mut i = 0;
    let mut found = false;
    // Copies `n` chars of ruff's value.
    let take = |out: &mut Vec<u32>, vi: &mut usize, n: usize| -> Option<()> {
        for _ in 0..n {
            out.push(*val.get(*vi)? as u32);
            *vi += 1;
        }
        Some(())
    };
    while i < body.len() {
        let c = body[i];
        if c != b'\\' {
            // one source character (UTF-8 sequence) is one char of the value
            let w = match c {
                0x00..=0x7f => 1,
                0xc0..=0xdf => 2,
                0xe0..=0xef => 3,
                _ => 4,
            };
            if c == b'\r' && body.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            take(&mut out, &mut vi, 1)?;
            i += w;
            continue;
        }
        let e = *body.get(i + 1)?;
        match e {
            b'\n' => i += 2,
            b'\r' => i += if body.get(i + 2) == Some(&b'\n') { 3 } else { 2 },
            b'u' | b'U' => {
                let n = if e == b'u' { 4 } else { 8 };
                let cp = hex_value(body.get(i + 2..i + 2 + n)?)?;
                if is_surrogate(cp) {
                    out.push(cp);
                    vi += 1;
                    found = true;
                } else {
                    take(&mut out, &mut vi, 1)?;
                }
                i += 2 + n;
            }
            b'x' => {
                take(&mut out, &mut vi, 1)?;
                i += 4;
            }
            b'N' => {
                let close = body[i..].iter().position(|&x| x == b'}')?;
                take(&mut out, &mut vi, 1)?;
                i += close + 1;
            }
            b'0'..=b'7' => {
                let digits = body[i + 1..].iter().take(3).take_while(|d| (b'0'..=b'7').contains(d)).count();
                take(&mut out, &mut vi, 1)?;
                i += 1 + digits;
            }
            b'\\' | b'\'' | b'"' | b'a' | b'b' | b'f' | b'n' | b'r' | b't' | b'v' => {
                take(&mut out, &mut vi, 1)?;
                i += 2;
            }
            _ => {
                // an unknown escape keeps its backslash; the next character is read normally
                take(&mut out, &mut vi, 1)?;
                i += 1;
            }
        }
    }
    (found && vi == val.len()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::part_code_points;

    #[test]
    fn surrogate_escapes() {
        assert_eq!(part_code_points(r#""\ud800""#, "\u{fffd}"), Some(vec![0xd800]));
        assert_eq!(part_code_points(r#"'a\n\udc80\x41\N{BULLET}b'"#, "a\n\u{fffd}A\u{2022}b"), Some(vec![0x61, 10, 0xdc80, 0x41, 0x2022, 0x62]));
        assert_eq!(part_code_points(r#"r"\ud800""#, "\\ud800"), None);
        assert_eq!(part_code_points(r#""\u00e9""#, "é"), None);
        assert_eq!(part_code_points(r#""\q\uDFFF""#, "\\q\u{fffd}"), Some(vec![0x5c, 0x71, 0xdfff]));
        // a mismatch with ruff's value keeps ruff's value
        assert_eq!(part_code_points(r#""\ud800""#, "ab"), None);
    }
}
