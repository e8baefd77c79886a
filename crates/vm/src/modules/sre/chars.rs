//! Character predicates, case conversions, categories and character sets of the regular
//! expression engine, with CPython 3.11's `_sre` definitions (ASCII, locale and Unicode
//! variants; the locale ones follow the C locale, as in the "C"/"C.UTF-8" locales).

use super::consts::*;
use crate::unicode;

#[inline]
fn uni(ch: u32) -> Option<char> {
    char::from_u32(ch)
}

#[inline]
pub fn is_digit(ch: u32) -> bool {
    (b'0' as u32..=b'9' as u32).contains(&ch)
}

#[inline]
pub fn is_space(ch: u32) -> bool {
    matches!(ch, 9..=13 | 32)
}

#[inline]
pub fn is_linebreak(ch: u32) -> bool {
    ch == b'\n' as u32
}

#[inline]
pub fn is_word(ch: u32) -> bool {
    ch < 128 && ((ch as u8).is_ascii_alphanumeric() || ch == b'_' as u32)
}

/// `isalnum` of the C locale (bytes 128..255 are not letters there).
#[inline]
pub fn loc_is_word(ch: u32) -> bool {
    is_word(ch)
}

#[inline]
pub fn lower_ascii(ch: u32) -> u32 {
    if ch < 128 {
        (ch as u8).to_ascii_lowercase() as u32
    } else {
        ch
    }
}

#[inline]
pub fn lower_locale(ch: u32) -> u32 {
    lower_ascii(ch)
}

#[inline]
pub fn upper_locale(ch: u32) -> u32 {
    if ch < 128 {
        (ch as u8).to_ascii_uppercase() as u32
    } else {
        ch
    }
}

#[inline]
pub fn lower_unicode(ch: u32) -> u32 {
    if ch < 128 {
        return lower_ascii(ch);
    }
    unicode::to_lower_cp(ch)
}

#[inline]
pub fn upper_unicode(ch: u32) -> u32 {
    if ch < 128 {
        return (ch as u8).to_ascii_uppercase() as u32;
    }
    unicode::to_upper_cp(ch)
}

pub fn uni_is_digit(ch: u32) -> bool {
    if ch < 128 {
        return is_digit(ch);
    }
    uni(ch).is_some_and(unicode::is_decimal)
}

pub fn uni_is_space(ch: u32) -> bool {
    if ch < 128 {
        return matches!(ch, 9..=13 | 0x1c..=0x20);
    }
    uni(ch).is_some_and(unicode::is_space)
}

pub fn uni_is_linebreak(ch: u32) -> bool {
    if ch < 128 {
        return matches!(ch, 10..=13 | 0x1c..=0x1e);
    }
    uni(ch).is_some_and(unicode::is_linebreak)
}

#[inline]
pub fn uni_is_word(ch: u32) -> bool {
    if ch < 128 {
        return is_word(ch);
    }
    uni(ch).is_some_and(unicode::is_alnum)
}

/// Whether `ch` equals `pat` ignoring case in the C locale.
#[inline]
pub fn char_loc_ignore(pat: u32, ch: u32) -> bool {
    ch == pat || lower_locale(ch) == pat || upper_locale(ch) == pat
}

/// Whether `ch` is in the category `code`.
pub fn category(code: u32, ch: u32) -> bool {
    match code {
        CATEGORY_DIGIT => is_digit(ch),
        CATEGORY_NOT_DIGIT => !is_digit(ch),
        CATEGORY_SPACE => is_space(ch),
        CATEGORY_NOT_SPACE => !is_space(ch),
        CATEGORY_WORD => is_word(ch),
        CATEGORY_NOT_WORD => !is_word(ch),
        CATEGORY_LINEBREAK => is_linebreak(ch),
        CATEGORY_NOT_LINEBREAK => !is_linebreak(ch),
        CATEGORY_LOC_WORD => loc_is_word(ch),
        CATEGORY_LOC_NOT_WORD => !loc_is_word(ch),
        CATEGORY_UNI_DIGIT => uni_is_digit(ch),
        CATEGORY_UNI_NOT_DIGIT => !uni_is_digit(ch),
        CATEGORY_UNI_SPACE => uni_is_space(ch),
        CATEGORY_UNI_NOT_SPACE => !uni_is_space(ch),
        CATEGORY_UNI_WORD => uni_is_word(ch),
        CATEGORY_UNI_NOT_WORD => !uni_is_word(ch),
        CATEGORY_UNI_LINEBREAK => uni_is_linebreak(ch),
        CATEGORY_UNI_NOT_LINEBREAK => !uni_is_linebreak(ch),
        _ => false,
    }
}

#[inline]
fn word(set: &[u32], i: usize) -> u32 {
    set.get(i).copied().unwrap_or(FAILURE)
}

/// Whether `ch` is in the set whose code starts at `set[0]` (ends with FAILURE). Validated
/// code never reads past the set; a read past the end sees FAILURE.
pub fn in_charset(set: &[u32], mut i: usize, ch: u32) -> bool {
    let mut ok = true;
    loop {
        match word(set, i) {
            FAILURE => return !ok,
            LITERAL => {
                if ch == word(set, i + 1) {
                    return ok;
                }
                i += 2;
            }
            CATEGORY => {
                if category(word(set, i + 1), ch) {
                    return ok;
                }
                i += 2;
            }
            CHARSET => {
                // a 256-bit bitmap in 8 words
                if ch < 256 && word(set, i + 1 + (ch as usize >> 5)) & (1u32 << (ch & 31)) != 0 {
                    return ok;
                }
                i += 9;
            }
            RANGE => {
                if word(set, i + 1) <= ch && ch <= word(set, i + 2) {
                    return ok;
                }
                i += 3;
            }
            RANGE_UNI_IGNORE => {
                let (lo, hi) = (word(set, i + 1), word(set, i + 2));
                if lo <= ch && ch <= hi {
                    return ok;
                }
                let u = upper_unicode(ch);
                if lo <= u && u <= hi {
                    return ok;
                }
                i += 3;
            }
            NEGATE => {
                ok = !ok;
                i += 1;
            }
            BIGCHARSET => {
                // <count> <256 block indexes as bytes, 64 words> <count blocks of 8 words>
                let count = word(set, i + 1) as usize;
                let base = i + 2;
                if ch < 0x10000 {
                    let hi = (ch >> 8) as usize;
                    let w = word(set, base + hi / 4);
                    let block = w.to_ne_bytes()[hi % 4] as usize;
                    let lo = ch & 255;
                    let bits = word(set, base + 64 + block * 8 + (lo as usize >> 5));
                    if bits & (1u32 << (lo & 31)) != 0 {
                        return ok;
                    }
                }
                i = base + 64 + count * 8;
            }
            _ => return false,
        }
    }
}

/// The set test of IN_LOC_IGNORE: the character, or its other case in the C locale.
pub fn in_charset_loc_ignore(set: &[u32], i: usize, ch: u32) -> bool {
    let lo = lower_locale(ch);
    if in_charset(set, i, lo) {
        return true;
    }
    let up = upper_locale(ch);
    up != lo && in_charset(set, i, up)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories() {
        assert!(category(CATEGORY_DIGIT, '7' as u32));
        assert!(!category(CATEGORY_DIGIT, 0x663));
        assert!(category(CATEGORY_UNI_DIGIT, 0x663));
        assert!(category(CATEGORY_UNI_WORD, 'é' as u32));
        assert!(!category(CATEGORY_WORD, 'é' as u32));
        assert!(category(CATEGORY_UNI_SPACE, 0x1c));
        assert!(!category(CATEGORY_SPACE, 0x1c));
    }

    #[test]
    fn sets() {
        let set = [RANGE, 'a' as u32, 'z' as u32, LITERAL, '_' as u32, FAILURE];
        assert!(in_charset(&set, 0, 'q' as u32));
        assert!(in_charset(&set, 0, '_' as u32));
        assert!(!in_charset(&set, 0, 'Q' as u32));
        let neg = [NEGATE, LITERAL, 'x' as u32, FAILURE];
        assert!(!in_charset(&neg, 0, 'x' as u32));
        assert!(in_charset(&neg, 0, 'y' as u32));
        // truncated code reads FAILURE
        assert!(!in_charset(&[RANGE, 1], 0, 5));
    }

    #[test]
    fn cases() {
        assert_eq!(upper_unicode(0xdf), 'S' as u32);
        assert_eq!(lower_unicode(0x130), 'i' as u32);
        assert_eq!(lower_unicode(0xffff_ffff), 0xffff_ffff);
    }
}
