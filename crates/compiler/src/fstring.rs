//! CPython 3.11's checks of f-string literals. 3.11 finds the expressions of an f-string by
//! scanning its text (no nested quotes of the same kind, no backslashes, no comments) and has
//! its own error messages for malformed ones; ruff's parser follows the 3.12 grammar, so these
//! checks run on the literal's text first.

/// Deepest bracket nesting inside one f-string expression (MAXLEVEL).
const MAX_NESTING: usize = 200;

/// Checks the body of an f-string literal (between its quotes).
pub(crate) fn check(body: &str, raw: bool) -> Result<(), String> {
    let s = body.as_bytes();
    parse(s, 0, raw, 0).map(|_| ())
}

/// CPython's fstring_parse: literal text and replacement fields up to the end of the string
/// (level 0) or to the '}' that closes a format spec (level 1). Returns where it stopped.
fn parse(s: &[u8], mut pos: usize, raw: bool, level: u32) -> Result<usize, String> {
    let end = s.len();
    loop {
        // the literal part
        while pos < end {
            let mut ch = s[pos];
            pos += 1;
            if !raw && ch == b'\\' && pos < end {
                ch = s[pos];
                pos += 1;
                if ch == b'N' {
                    if pos < end {
                        let open = s[pos];
                        pos += 1;
                        if open == b'{' {
                            while pos < end {
                                let c = s[pos];
                                pos += 1;
                                if c == b'}' {
                                    break;
                                }
                            }
                        }
                    }
                    continue;
                }
            }
            if ch == b'{' || ch == b'}' {
                if level == 0 {
                    if pos < end && s[pos] == ch {
                        pos += 1;
                        continue;
                    }
                    if ch == b'}' {
                        return Err("f-string: single '}' is not allowed".into());
                    }
                }
                pos -= 1;
                break;
            }
        }
        if pos >= end || s[pos] == b'}' {
            break;
        }
        pos = expression(s, pos, raw, level)?;
    }
    if level != 0 && (pos >= end || s[pos] != b'}') {
        return Err("f-string: expecting '}'".into());
    }
    Ok(pos)
}

/// CPython's fstring_find_expr: one replacement field starting at the '{' at `pos`.
fn expression(s: &[u8], mut pos: usize, raw: bool, level: u32) -> Result<usize, String> {
    let end = s.len();
    let expecting = || Err("f-string: expecting '}'".to_string());
    if level >= 2 {
        return Err("f-string: expressions nested too deeply".into());
    }
    pos += 1;
    let expr_start = pos;
    let mut quote = 0u8;
    let mut triple = false;
    let mut stack: Vec<u8> = Vec::new();
    while pos < end {
        let ch = s[pos];
        if ch == b'\\' {
            return Err("f-string expression part cannot include a backslash".into());
        }
        if quote != 0 {
            if ch == quote {
                if triple {
                    if pos + 2 < end && s[pos + 1] == ch && s[pos + 2] == ch {
                        pos += 3;
                        quote = 0;
                        triple = false;
                        continue;
                    }
                } else {
                    quote = 0;
                    pos += 1;
                    continue;
                }
            }
        } else if ch == b'\'' || ch == b'"' {
            if pos + 2 < end && s[pos + 1] == ch && s[pos + 2] == ch {
                triple = true;
                pos += 2;
            } else {
                triple = false;
            }
            quote = ch;
        } else if ch == b'[' || ch == b'{' || ch == b'(' {
            if stack.len() >= MAX_NESTING {
                return Err("f-string: too many nested parenthesis".into());
            }
            stack.push(ch);
        } else if ch == b'#' {
            return Err("f-string expression part cannot include '#'".into());
        } else if stack.is_empty() && matches!(ch, b'!' | b':' | b'}' | b'=' | b'>' | b'<') {
            if pos + 1 < end && s[pos + 1] == b'=' && matches!(ch, b'!' | b'=' | b'<' | b'>') {
                pos += 2;
                continue;
            }
            if ch == b'>' || ch == b'<' {
                pos += 1;
                continue;
            }
            break;
        } else if ch == b']' || ch == b'}' || ch == b')' {
            let Some(open) = stack.pop() else {
                return Err(format!("f-string: unmatched '{}'", ch as char));
            };
            let matching = matches!((open, ch), (b'(', b')') | (b'[', b']') | (b'{', b'}'));
            if !matching {
                return Err(format!("f-string: closing parenthesis '{}' does not match opening parenthesis '{}'", ch as char, open as char));
            }
        }
        pos += 1;
    }
    let expr_end = pos;
    if quote != 0 {
        return Err("f-string: unterminated string".into());
    }
    if let Some(&open) = stack.last() {
        return Err(format!("f-string: unmatched '{}'", open as char));
    }
    if pos >= end {
        return expecting();
    }
    if s[expr_start..expr_end].iter().all(|c| matches!(c, b' ' | b'\t' | b'\n' | 0x0c)) {
        let c = s[expr_end];
        if c == b'!' || c == b':' || c == b'=' {
            return Err(format!("f-string: expression required before '{}'", c as char));
        }
        return Err("f-string: empty expression not allowed".into());
    }
    if s[pos] == b'=' {
        pos += 1;
        while pos < end && matches!(s[pos], b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
            pos += 1;
        }
        if pos >= end {
            return expecting();
        }
    }
    if s[pos] == b'!' {
        pos += 1;
        if pos >= end {
            return expecting();
        }
        let conv = s[pos];
        pos += 1;
        if !matches!(conv, b's' | b'r' | b'a') {
            return Err("f-string: invalid conversion character: expected 's', 'r', or 'a'".into());
        }
    }
    if pos >= end {
        return expecting();
    }
    if s[pos] == b':' {
        pos += 1;
        if pos >= end {
            return expecting();
        }
        pos = parse(s, pos, raw, level + 1)?;
    }
    if pos >= end || s[pos] != b'}' {
        return expecting();
    }
    Ok(pos + 1)
}

#[cfg(test)]
mod tests {
    use super::check;

    #[test]
    fn accepts_valid_fstrings() {
        for b in ["", "a{x}b", "{x!r:>{w}}", "{{}}", "{x == y}", "{x=}", "{a['k']}", "{x:{y}.{z}}", "\\N{DASH}{x}"] {
            assert_eq!(check(b, false), Ok(()), "{b}");
        }
    }

    #[test]
    fn reports_cpython_messages() {
        assert_eq!(check("{}", false).unwrap_err(), "f-string: empty expression not allowed");
        assert_eq!(check("{", false).unwrap_err(), "f-string: expecting '}'");
        assert_eq!(check("}", false).unwrap_err(), "f-string: single '}' is not allowed");
        assert_eq!(check("{x!z}", false).unwrap_err(), "f-string: invalid conversion character: expected 's', 'r', or 'a'");
        assert_eq!(check("{!r}", false).unwrap_err(), "f-string: expression required before '!'");
        assert_eq!(check("{#}", false).unwrap_err(), "f-string expression part cannot include '#'");
        assert_eq!(check("{a\\n}", false).unwrap_err(), "f-string expression part cannot include a backslash");
        assert_eq!(check("{x:{y:{z}}}", false).unwrap_err(), "f-string: expressions nested too deeply");
    }
}
