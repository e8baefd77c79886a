//! The position table of a code object: for every instruction the source range of the
//! expression or statement that emitted it, as CPython 3.11's `co_positions()` reports it
//! (1-based lines, 0-based columns in UTF-8 bytes).
//!
//! Stored compactly: each entry is four varints (line delta from the previous entry,
//! zigzag-encoded; end line minus line; start column; end column), usually 4 bytes instead
//! of 16. A checkpoint every `STRIDE` entries (byte offset and the line before it) keeps a
//! lookup by instruction index to at most `STRIDE` decoded entries.

use crate::code::Loc;

const STRIDE: usize = 32;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Positions {
    data: Vec<u8>,
    /// For entries `k * STRIDE`: (offset of the entry in `data`, line of the entry before it).
    checkpoints: Vec<(u32, u32)>,
    len: usize,
    /// The line the previous entry had, while building.
    last_line: u32,
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8 & 0x7f) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn get_varint(data: &[u8], at: &mut usize) -> u64 {
    let mut v: u64 = 0;
    let mut shift = 0;
    while let Some(&b) = data.get(*at) {
        *at += 1;
        if shift < 64 {
            v |= ((b & 0x7f) as u64) << shift;
        }
        shift += 7;
        if b & 0x80 == 0 {
            break;
        }
    }
    v
}

fn zigzag(d: i64) -> u64 {
    ((d << 1) ^ (d >> 63)) as u64
}

fn unzigzag(v: u64) -> i64 {
    ((v >> 1) as i64) ^ -((v & 1) as i64)
}

impl Positions {
    pub fn new() -> Positions {
        Positions::default()
    }

    pub fn push(&mut self, loc: Loc) {
        if self.len.is_multiple_of(STRIDE) {
            self.checkpoints.push((self.data.len() as u32, self.last_line));
        }
        put_varint(&mut self.data, zigzag(loc.line as i64 - self.last_line as i64));
        put_varint(&mut self.data, zigzag(loc.end_line as i64 - loc.line as i64));
        put_varint(&mut self.data, loc.col as u64);
        put_varint(&mut self.data, loc.end_col as u64);
        self.last_line = loc.line;
        self.len += 1;
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn decode(&self, at: &mut usize, prev_line: u32) -> Loc {
        let line = (prev_line as i64 + unzigzag(get_varint(&self.data, at))).clamp(0, u32::MAX as i64) as u32;
        let end_line = (line as i64 + unzigzag(get_varint(&self.data, at))).clamp(0, u32::MAX as i64) as u32;
        let col = get_varint(&self.data, at).min(u32::MAX as u64) as u32;
        let end_col = get_varint(&self.data, at).min(u32::MAX as u64) as u32;
        Loc { line, end_line, col, end_col }
    }

    /// The position of instruction `ip`.
    pub fn get(&self, ip: usize) -> Option<Loc> {
        if ip >= self.len {
            return None;
        }
        let (off, mut line) = self.checkpoints[ip / STRIDE];
        let mut at = off as usize;
        let mut loc = Loc::default();
        for _ in 0..=(ip % STRIDE) {
            loc = self.decode(&mut at, line);
            line = loc.line;
        }
        Some(loc)
    }

    /// Every instruction's position, in order.
    pub fn iter(&self) -> impl Iterator<Item = Loc> + '_ {
        let mut at = 0usize;
        let mut line = 0u32;
        (0..self.len).map(move |_| {
            let loc = self.decode(&mut at, line);
            line = loc.line;
            loc
        })
    }
}

impl FromIterator<Loc> for Positions {
    fn from_iter<I: IntoIterator<Item = Loc>>(iter: I) -> Positions {
        let mut p = Positions::new();
        for l in iter {
            p.push(l);
        }
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_random_access() {
        let locs: Vec<Loc> = (0..200u32)
            .map(|i| Loc { line: 1 + (i * 7) % 50, end_line: 1 + (i * 7) % 50 + i % 3, col: i * 13 % 300, end_col: i * 5 % 700 })
            .collect();
        let p: Positions = locs.iter().copied().collect();
        assert_eq!(p.len(), 200);
        assert_eq!(p.iter().collect::<Vec<_>>(), locs);
        for (i, l) in locs.iter().enumerate() {
            assert_eq!(p.get(i), Some(*l));
        }
        assert_eq!(p.get(200), None);
    }

    #[test]
    fn large_values() {
        let locs = [
            Loc { line: 1_000_000, end_line: 1_000_002, col: 70_000, end_col: 3 },
            Loc { line: 1, end_line: 1, col: 0, end_col: 0 },
            Loc { line: u32::MAX / 4, end_line: u32::MAX / 4, col: u32::MAX, end_col: u32::MAX },
        ];
        let p: Positions = locs.iter().copied().collect();
        assert_eq!(p.iter().collect::<Vec<_>>(), locs.to_vec());
        assert_eq!(p.get(2), Some(locs[2]));
    }
}
