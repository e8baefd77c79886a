//! Substring search for the str methods: a first-byte scan with a compare, cheaper than
//! the standard library's two-way searcher on the short texts and needles programs use.

/// Needles at most this long, in texts at most `SHORT_TEXT` long, take the simple scan;
/// longer ones the two-way searcher, whose set-up pays off there and whose worst case is linear.
const SHORT_NEEDLE: usize = 16;
const SHORT_TEXT: usize = 4096;

fn simple(hay: &[u8], needle: &[u8]) -> bool {
    needle.len() <= SHORT_NEEDLE && hay.len() <= SHORT_TEXT
}

/// The byte offset of the first occurrence of a non-empty `needle` in `hay` at or after `from`.
pub fn find_from(hay: &str, needle: &str, from: usize) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if from > h.len() || n.is_empty() {
        return if n.is_empty() && from <= h.len() { Some(from) } else { None };
    }
    if !simple(h, n) {
        return hay.get(from..).and_then(|rest| rest.find(needle)).map(|i| i + from);
    }
    let first = n[0];
    let last_start = h.len().checked_sub(n.len())?;
    let mut i = from;
    while i <= last_start {
        match h[i..=last_start].iter().position(|&b| b == first) {
            None => return None,
            Some(k) => {
                let at = i + k;
                if h[at + 1..at + n.len()] == n[1..] {
                    return Some(at);
                }
                i = at + 1;
            }
        }
    }
    None
}

/// The byte offset of the first occurrence of `needle` in `hay`.
pub fn find(hay: &str, needle: &str) -> Option<usize> {
    find_from(hay, needle, 0)
}

/// The byte offset of the last occurrence of a non-empty `needle` in `hay`.
pub fn rfind(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if n.is_empty() {
        return Some(h.len());
    }
    if !simple(h, n) {
        return hay.rfind(needle);
    }
    let last_start = h.len().checked_sub(n.len())?;
    let first = n[0];
    let mut end = last_start + 1;
    while end > 0 {
        match h[..end].iter().rposition(|&b| b == first) {
            None => return None,
            Some(at) => {
                if h[at + 1..at + n.len()] == n[1..] {
                    return Some(at);
                }
                end = at;
            }
        }
    }
    None
}

/// Non-overlapping occurrences of a non-empty `needle` in `hay`.
pub fn count(hay: &str, needle: &str) -> usize {
    if let [b] = needle.as_bytes() {
        return hay.as_bytes().iter().filter(|&&x| x == *b).count();
    }
    let (mut c, mut i) = (0, 0);
    while let Some(at) = find_from(hay, needle, i) {
        c += 1;
        i = at + needle.len();
    }
    c
}

/// The pieces of `hay` between occurrences of a non-empty `sep`, at most `max + 1` of them
/// (`max` None: all), as `str::splitn` gives them.
pub fn split<'a>(hay: &'a str, sep: &str, max: Option<usize>) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut start = 0;
    while max.is_none_or(|m| out.len() < m) {
        match find_from(hay, sep, start) {
            Some(at) => {
                out.push(&hay[start..at]);
                start = at + sep.len();
            }
            None => break,
        }
    }
    out.push(&hay[start..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_the_standard_library() {
        let hays = ["", "a", "aaa", "abcabc", "caf\u{e9} na\u{ef}ve caf\u{e9}", "x, y, z", ", ,", "ababab"];
        let needles = ["a", "b", "ab", "aa", ", ", "\u{e9}", "caf\u{e9}", "zz", "abcabcd", "bab"];
        for h in hays {
            for n in needles {
                assert_eq!(find(h, n), h.find(n), "find {h:?} {n:?}");
                assert_eq!(rfind(h, n), h.rfind(n), "rfind {h:?} {n:?}");
                assert_eq!(count(h, n), h.matches(n).count(), "count {h:?} {n:?}");
                assert_eq!(split(h, n, None), h.split(n).collect::<Vec<_>>(), "split {h:?} {n:?}");
                for m in 0..3 {
                    assert_eq!(split(h, n, Some(m)), h.splitn(m + 1, n).collect::<Vec<_>>(), "splitn {h:?} {n:?} {m}");
                }
                for from in 0..=h.len() {
                    if h.is_char_boundary(from) {
                        assert_eq!(find_from(h, n, from), h[from..].find(n).map(|i| i + from));
                    }
                }
            }
        }
    }

    #[test]
    fn long_texts_take_the_two_way_searcher() {
        let h = "ab".repeat(5000) + "needle";
        assert_eq!(find(&h, "needle"), Some(10000));
        assert_eq!(rfind(&h, "ab"), Some(9998));
    }
}
