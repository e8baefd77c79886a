//! Decoded text as the text layers keep it: UTF-8, plus the exact code points when the
//! text holds lone surrogates (surrogateescape decoding, `StringIO.write('\udc80')`).
//! Positions are *units*: byte offsets into the UTF-8 text, or indexes into the code points
//! of wide text. Line endings are ASCII, so searching bytes is searching characters.

use crate::heap::Value;
use crate::interp::Vm;
use crate::objects::StrObj;

#[derive(Clone, Default, Debug, PartialEq)]
pub struct UStr {
    pub s: String,
    /// The code points, when the text holds lone surrogates (then `s` has U+FFFD there).
    pub wide: Option<Vec<u32>>,
}

fn is_surrogate(c: u32) -> bool {
    (0xd800..0xe000).contains(&c)
}

impl UStr {
    pub fn new(s: String) -> UStr {
        UStr { s, wide: None }
    }

    pub fn from_cps(cps: Vec<u32>) -> UStr {
        if cps.iter().any(|&c| is_surrogate(c)) {
            let s = crate::builtins::codecs::from_code_points(&cps);
            UStr { s, wide: Some(cps) }
        } else {
            UStr { s: cps.iter().map(|&c| char::from_u32(c).unwrap_or('\u{fffd}')).collect(), wide: None }
        }
    }

    /// The text of a str object.
    pub fn of(v: Value) -> UStr {
        match v.get::<StrObj>() {
            Some(o) if o.has_surrogates() => UStr { s: o.s.to_string(), wide: Some(o.code_points()) },
            Some(o) => UStr::new(o.s.to_string()),
            None => UStr::default(),
        }
    }

    pub fn units(&self) -> usize {
        match &self.wide {
            Some(w) => w.len(),
            None => self.s.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.units() == 0
    }

    /// The unit at `i` as a code point (for narrow text only ASCII bytes are meaningful).
    pub fn unit(&self, i: usize) -> u32 {
        match &self.wide {
            Some(w) => w.get(i).copied().unwrap_or(0),
            None => self.s.as_bytes().get(i).copied().unwrap_or(0) as u32,
        }
    }

    pub fn nchars(&self) -> usize {
        self.chars_between(0, self.units())
    }

    /// Characters in units `a..b`.
    pub fn chars_between(&self, a: usize, b: usize) -> usize {
        match &self.wide {
            Some(_) => b - a,
            None => match self.s.get(a..b) {
                Some(t) if t.is_ascii() => t.len(),
                Some(t) => t.chars().count(),
                None => self.s.as_bytes()[a..b].iter().filter(|&&c| (c & 0xc0) != 0x80).count(),
            },
        }
    }

    /// The unit index `n` characters after `a` (clamped to the end).
    pub fn advance(&self, a: usize, n: usize) -> usize {
        match &self.wide {
            Some(w) => (a + n).min(w.len()),
            None => {
                let b = self.s.as_bytes();
                let mut i = a;
                let mut left = n;
                while i < b.len() && left > 0 {
                    i += 1;
                    while i < b.len() && (b[i] & 0xc0) == 0x80 {
                        i += 1;
                    }
                    left -= 1;
                }
                i
            }
        }
    }

    pub fn slice(&self, a: usize, b: usize) -> UStr {
        match &self.wide {
            Some(w) => UStr::from_cps(w[a..b].to_vec()),
            None => UStr::new(self.s[a..b].to_string()),
        }
    }

    pub fn push(&mut self, o: &UStr) {
        if self.s.is_empty() && self.wide.is_none() {
            *self = o.clone();
            return;
        }
        match (&mut self.wide, &o.wide) {
            (None, None) => self.s.push_str(&o.s),
            _ => {
                let mut cps = self.cps();
                cps.extend(o.cps());
                *self = UStr::from_cps(cps);
            }
        }
    }

    pub fn cps(&self) -> Vec<u32> {
        match &self.wide {
            Some(w) => w.clone(),
            None => self.s.chars().map(|c| c as u32).collect(),
        }
    }

    pub fn into_value(self, vm: &mut Vm) -> Value {
        match self.wide {
            Some(w) => vm.new_str_cps(&w),
            None => vm.new_string(self.s),
        }
    }

    pub fn to_value(&self, vm: &mut Vm) -> Value {
        match &self.wide {
            Some(w) => vm.new_str_cps(w),
            None => vm.new_str(&self.s),
        }
    }

    pub fn contains(&self, c: u8) -> bool {
        match &self.wide {
            Some(w) => w.contains(&(c as u32)),
            None => self.s.as_bytes().contains(&c),
        }
    }

    pub fn ends_with_cr(&self) -> bool {
        self.units() > 0 && self.unit(self.units() - 1) == '\r' as u32
    }

    /// Replaces every occurrence of the ASCII string `from` by `to`.
    pub fn replace(&self, from: &str, to: &str) -> UStr {
        match &self.wide {
            None => UStr::new(self.s.replace(from, to)),
            Some(w) => {
                let f: Vec<u32> = from.chars().map(|c| c as u32).collect();
                let t: Vec<u32> = to.chars().map(|c| c as u32).collect();
                let mut out = Vec::with_capacity(w.len());
                let mut i = 0;
                while i < w.len() {
                    if w[i..].starts_with(&f) {
                        out.extend_from_slice(&t);
                        i += f.len();
                    } else {
                        out.push(w[i]);
                        i += 1;
                    }
                }
                UStr::from_cps(out)
            }
        }
    }

    /// Counts of "\r\n", lone "\r" and lone "\n".
    pub fn newline_counts(&self) -> (usize, usize, usize) {
        let n = self.units();
        let (mut crlf, mut cr, mut lf) = (0, 0, 0);
        let mut i = 0;
        while i < n {
            let c = self.unit(i);
            if c == '\r' as u32 {
                if i + 1 < n && self.unit(i + 1) == '\n' as u32 {
                    crlf += 1;
                    i += 2;
                    continue;
                }
                cr += 1;
            } else if c == '\n' as u32 {
                lf += 1;
            }
            i += 1;
        }
        (crlf, cr, lf)
    }

    /// CPython's `_PyIO_find_line_ending` from unit `start`: Ok(end of the line, after its
    /// newline) or Err(units that may be put aside before searching again).
    pub fn find_line_end(&self, start: usize, translated: bool, universal: bool, readnl: &str) -> Result<usize, usize> {
        match &self.wide {
            None => {
                let b = self.s.as_bytes();
                if translated {
                    return b[start..].iter().position(|&c| c == b'\n').map(|i| start + i + 1).ok_or(b.len());
                }
                // a put-aside point inside a multibyte character moves back to its start
                find_line_end(b.len(), |i| b[i] as u32, start, translated, universal, readnl).map_err(|mut k| {
                    while k > start && !self.s.is_char_boundary(k) {
                        k -= 1;
                    }
                    k
                })
            }
            Some(w) => find_line_end(w.len(), |i| w[i], start, translated, universal, readnl),
        }
    }
}

/// `_PyIO_find_line_ending` over `n` units read by `unit`.
pub fn find_line_end(n: usize, unit: impl Fn(usize) -> u32, start: usize, translated: bool, universal: bool, readnl: &str) -> Result<usize, usize> {
    if translated {
        return (start..n).find(|&i| unit(i) == '\n' as u32).map(|i| i + 1).ok_or(n);
    }
    if universal {
        for i in start..n {
            let c = unit(i);
            if c == '\n' as u32 {
                return Ok(i + 1);
            }
            if c == '\r' as u32 {
                return Ok(if i + 1 < n && unit(i + 1) == '\n' as u32 { i + 2 } else { i + 1 });
            }
        }
        return Err(n);
    }
    let nl: Vec<u32> = readnl.chars().map(|c| c as u32).collect();
    if nl.is_empty() {
        return Err(n);
    }
    let mut i = start;
    while i + nl.len() <= n {
        if (0..nl.len()).all(|k| unit(i + k) == nl[k]) {
            return Ok(i + nl.len());
        }
        i += 1;
    }
    Err(if n >= start + nl.len() { n + 1 - nl.len() } else { start })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings() {
        let t = UStr::new("ab\r\ncd\ref\n".into());
        assert_eq!(t.find_line_end(0, false, true, ""), Ok(4));
        assert_eq!(t.find_line_end(4, false, true, ""), Ok(7));
        assert_eq!(t.find_line_end(0, true, false, ""), Ok(4));
        assert_eq!(t.find_line_end(0, false, false, "\r\n"), Ok(4));
        assert_eq!(t.find_line_end(4, false, false, "\r\n"), Err(9));
        assert_eq!(t.newline_counts(), (1, 1, 1));
    }

    #[test]
    fn chars_and_units() {
        let t = UStr::new("aé😀b".into());
        assert_eq!(t.nchars(), 4);
        assert_eq!(t.advance(0, 2), 3);
        assert_eq!(t.advance(3, 1), 7);
        assert_eq!(t.slice(1, 7).s, "é😀");
        let w = UStr::from_cps(vec![0x61, 0xdc80, 0x62]);
        assert!(w.wide.is_some());
        assert_eq!(w.nchars(), 3);
        assert_eq!(w.slice(1, 3).cps(), vec![0xdc80, 0x62]);
    }
}
