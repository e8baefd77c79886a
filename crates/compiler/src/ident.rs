//! Which characters CPython 3.11's tokenizer accepts in identifiers, and how it names the
//! ones it rejects.

use crate::ident_tables::{PRINTABLE, XID_CONTINUE, XID_START};

fn in_ranges(table: &[(u32, u32)], c: char) -> bool {
    let cp = c as u32;
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < cp {
                std::cmp::Ordering::Less
            } else if lo > cp {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

pub(crate) fn is_xid_start(c: char) -> bool {
    in_ranges(XID_START, c)
}

pub(crate) fn is_xid_continue(c: char) -> bool {
    in_ranges(XID_CONTINUE, c)
}

/// Python's str.isprintable() for one character.
pub(crate) fn is_printable(c: char) -> bool {
    in_ranges(PRINTABLE, c)
}

/// The index of the first character of `word` that cannot be in an identifier there
/// (CPython's _PyUnicode_ScanIdentifier); None when the whole word is an identifier.
pub(crate) fn invalid_at(word: &str) -> Option<usize> {
    for (i, c) in word.chars().enumerate() {
        let ok = if i == 0 { c == '_' || is_xid_start(c) } else { is_xid_continue(c) };
        if !ok {
            return Some(i);
        }
    }
    None
}

/// The tokenizer's message for a character that cannot start or continue a token.
pub(crate) fn invalid_char_message(c: char) -> String {
    let hex = format!("{:04X}", c as u32);
    if is_printable(c) {
        format!("invalid character '{c}' (U+{hex})")
    } else {
        format!("invalid non-printable character U+{hex}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifier_characters() {
        assert!(is_xid_start('a') && is_xid_start('ℕ') && !is_xid_start('_') && !is_xid_start('·'));
        assert!(is_xid_continue('·') && is_xid_continue('9') && !is_xid_continue('€'));
        assert_eq!(invalid_at("a€b"), Some(1));
        assert_eq!(invalid_at("_x1"), None);
        assert_eq!(invalid_at("\u{feff}"), Some(0));
    }

    #[test]
    fn messages() {
        assert_eq!(invalid_char_message('€'), "invalid character '€' (U+20AC)");
        assert_eq!(invalid_char_message('\u{a0}'), "invalid non-printable character U+00A0");
        assert_eq!(invalid_char_message('\u{1f600}'), "invalid character '\u{1f600}' (U+1F600)");
    }
}
