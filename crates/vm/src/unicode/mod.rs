//! Unicode character properties and case conversions with CPython 3.11's semantics.
//!
//! The data (`tables.rs`) is generated from CPython's own Unicode database by
//! `scripts/gen_unicode_tables.py`; this module answers the questions str's methods ask:
//! the is* predicates, whitespace and line breaks for split/splitlines, printability for
//! repr, and the full (one-to-many) case mappings including final sigma.

mod tables;
mod wide;

use tables::*;

fn flags(c: char) -> u16 {
    let cp = c as u32;
    let i = RUNS.partition_point(|&(start, _)| start <= cp);
    // RUNS starts at 0, so i >= 1
    RUNS[i.saturating_sub(1)].1
}

macro_rules! prop {
    ($name:ident, $flag:ident, $ascii:expr) => {
        pub fn $name(c: char) -> bool {
            if c.is_ascii() {
                let f: fn(u8) -> bool = $ascii;
                return f(c as u8);
            }
            flags(c) & $flag != 0
        }
    };
}

prop!(is_alpha, ALPHA, |b| b.is_ascii_alphabetic());
prop!(is_decimal, DECIMAL, |b| b.is_ascii_digit());
prop!(is_digit, DIGIT, |b| b.is_ascii_digit());
prop!(is_numeric, NUMERIC, |b| b.is_ascii_digit());
prop!(is_space, SPACE, |b| matches!(b, b'\t'..=b'\r' | 0x1c..=0x1f | b' '));
prop!(is_printable, PRINTABLE, |b| (0x20..0x7f).contains(&b));
prop!(is_lower, LOWER, |b| b.is_ascii_lowercase());
prop!(is_upper, UPPER, |b| b.is_ascii_uppercase());
prop!(is_title, TITLE, |_| false);
prop!(is_cased, CASED, |b| b.is_ascii_alphabetic());
prop!(is_case_ignorable, CASE_IGNORABLE, |b| matches!(b, b'\'' | b'.' | b':' | b'^' | b'`'));
prop!(is_xid_start, XID_START, |b| b.is_ascii_alphabetic());
prop!(is_xid_continue, XID_CONTINUE, |b| b.is_ascii_alphanumeric() || b == b'_');
prop!(is_linebreak, LINEBREAK, |b| matches!(b, b'\n' | b'\r' | 0x0b | 0x0c | 0x1c..=0x1e));

/// The value of a decimal digit (category Nd), as int() and str.format read it.
pub fn decimal_value(c: char) -> Option<u32> {
    if !is_decimal(c) {
        return None;
    }
    let cp = c as u32;
    let i = DECIMAL_ZEROS.partition_point(|&z| z <= cp);
    let zero = DECIMAL_ZEROS.get(i.checked_sub(1)?)?;
    Some(cp - zero)
}

pub fn is_alnum(c: char) -> bool {
    is_alpha(c) || is_decimal(c) || is_digit(c) || is_numeric(c)
}

fn lookup(table: &[(u32, [u32; 3])], c: char, out: &mut String) -> bool {
    let cp = c as u32;
    match table.binary_search_by_key(&cp, |e| e.0) {
        Ok(i) => {
            for &m in table[i].1.iter().take_while(|&&m| m != 0) {
                out.extend(char::from_u32(m));
            }
            true
        }
        Err(_) => false,
    }
}

/// The first code point of the full mapping of `cp` in `table` (`cp` itself when unmapped):
/// CPython's `Py_UNICODE_TOLOWER`/`TOUPPER`, which the regular expression engine uses.
fn first_of(table: &[(u32, [u32; 3])], cp: u32) -> u32 {
    match table.binary_search_by_key(&cp, |e| e.0) {
        Ok(i) => table[i].1[0],
        Err(_) => cp,
    }
}

/// `Py_UNICODE_TOLOWER`: the first code point of the full lowercase mapping.
pub fn to_lower_cp(cp: u32) -> u32 {
    if cp < 0x80 {
        return (cp as u8).to_ascii_lowercase() as u32;
    }
    first_of(LOWER_MAP, cp)
}

/// `Py_UNICODE_TOUPPER`: the first code point of the full uppercase mapping.
pub fn to_upper_cp(cp: u32) -> u32 {
    if cp < 0x80 {
        return (cp as u8).to_ascii_uppercase() as u32;
    }
    first_of(UPPER_MAP, cp)
}

/// Appends the full uppercase mapping of `c` to `out`.
pub fn push_upper(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else if !lookup(UPPER_MAP, c, out) {
        out.push(c);
    }
}
/// Appends the full lowercase mapping of `c` (without the final-sigma rule).
pub fn push_lower(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if !lookup(LOWER_MAP, c, out) {
        out.push(c);
    }
}
/// Appends the full titlecase mapping of `c`.
pub fn push_title(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else if !lookup(TITLE_MAP, c, out) {
        out.push(c);
    }
}
/// Appends the full case folding of `c`.
pub fn push_fold(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if !lookup(FOLD_MAP, c, out) {
        out.push(c);
    }
}

/// Lowercase of the character at `i` of `chars`: capital sigma becomes final sigma when it
/// ends a word (preceded by a cased letter and not followed by one, case-ignorables skipped).
/// Appends the lowercase of the character `c` at byte `i` of `s`: capital sigma becomes
/// final sigma at the end of a cased word (CPython's handle_capital_sigma), which needs
/// the text around it; every other character maps on its own.
fn push_lower_at(s: &str, i: usize, c: char, out: &mut String) {
    if c != '\u{3a3}' {
        return push_lower(c, out);
    }
    let before = s[..i].chars().rev().find(|&x| !is_case_ignorable(x));
    let mut fin = before.is_some_and(is_cased);
    if fin {
        let after = s[i + c.len_utf8()..].chars().find(|&x| !is_case_ignorable(x));
        fin = !after.is_some_and(is_cased);
    }
    out.push(if fin { '\u{3c2}' } else { '\u{3c3}' });
}

pub fn upper(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    let mut out = String::with_capacity(s.len());
    s.chars().for_each(|c| push_upper(c, &mut out));
    out
}

pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        push_lower_at(s, i, c, &mut out);
    }
    out
}

pub fn casefold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    s.chars().for_each(|c| push_fold(c, &mut out));
    out
}

pub fn swapcase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        if is_upper(c) {
            push_lower_at(s, i, c, &mut out);
        } else if is_lower(c) {
            push_upper(c, &mut out);
        } else {
            out.push(c);
        }
    }
    out
}

pub fn capitalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        if i == 0 {
            push_title(c, &mut out);
        } else {
            push_lower_at(s, i, c, &mut out);
        }
    }
    out
}

pub fn title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for (i, c) in s.char_indices() {
        if prev_cased {
            push_lower_at(s, i, c, &mut out);
        } else {
            push_title(c, &mut out);
        }
        prev_cased = is_cased(c);
    }
    out
}

pub fn is_lower_str(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is_upper(c) || is_title(c) {
            return false;
        }
        cased |= is_lower(c);
    }
    cased
}

pub fn is_upper_str(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is_lower(c) || is_title(c) {
            return false;
        }
        cased |= is_upper(c);
    }
    cased
}

pub fn is_title_str(s: &str) -> bool {
    let mut cased = false;
    let mut prev_cased = false;
    for c in s.chars() {
        if is_upper(c) || is_title(c) {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if is_lower(c) {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

pub fn is_identifier(s: &str) -> bool {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) if c == '_' || is_xid_start(c) => cs.all(is_xid_continue),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn properties() {
        assert!(is_space('\u{3000}') && is_space('\x1c') && !is_space('\u{200b}'));
        assert!(is_linebreak('\u{2028}') && !is_linebreak('\t'));
        assert!(is_printable('é') && !is_printable('\u{378}') && !is_printable('\u{e0001}'));
        assert!(is_numeric('Ⅻ') && !is_alpha('Ⅻ') && is_decimal('٣') && is_digit('²') && !is_decimal('²'));
        assert_eq!(decimal_value('٣'), Some(3));
        assert_eq!(decimal_value('\u{1d7d9}'), Some(1));
        assert!(is_title('ǅ') && is_cased('ǅ') && is_case_ignorable('\''));
    }

    #[test]
    fn case_mappings() {
        assert_eq!(upper("straße"), "STRASSE");
        assert_eq!(title("ß"), "Ss");
        assert_eq!(lower("ΣΑΣ ΣΑΣ"), "σας σας");
        assert_eq!(lower("İ"), "i\u{307}");
        assert_eq!(casefold("ﬀ"), "ff");
        assert_eq!(title("ǆemal"), "ǅemal");
        assert_eq!(swapcase("ǅ"), "ǅ");
    }
}

/// Whether CPython's `unicodedata.east_asian_width(c)` is W or F: the character takes two
/// columns on a terminal (traceback carets count it so).
pub fn is_wide(c: char) -> bool {
    let cp = c as u32;
    let i = wide::WIDE.partition_point(|&(start, _)| start <= cp);
    i > 0 && cp <= wide::WIDE[i - 1].1
}
