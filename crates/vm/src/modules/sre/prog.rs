//! A pattern's code with what makes running it faster than interpreting it alone: every
//! character set's answer for the characters below 256 as a bitmap (one bit test instead
//! of walking the set), and a first-character filter for searches the INFO block does not
//! help (a position where no match can start is skipped without running the matcher).

use super::chars::*;
use super::consts::*;

/// Bits for the characters 0..256.
pub type Map = [u32; 8];

#[inline(always)]
fn bit(m: &Map, ch: u32) -> bool {
    m[(ch >> 5) as usize & 7] & (1u32 << (ch & 31)) != 0
}

fn map_of(f: impl Fn(u32) -> bool) -> Map {
    let mut m = [0u32; 8];
    for ch in 0..256u32 {
        if f(ch) {
            m[(ch >> 5) as usize] |= 1 << (ch & 31);
        }
    }
    m
}

/// Which positions a search may start a match at.
pub struct Prefilter {
    /// The zero-width assertions (AT codes) every match begins with.
    pub ats: Vec<u32>,
    /// The characters below 256 a match can begin with.
    pub map: Map,
    /// Whether characters from 256 up can begin one.
    pub high: bool,
}

impl Prefilter {
    /// Whether a match may begin with `ch`.
    #[inline(always)]
    pub fn first_ok(&self, ch: u32) -> bool {
        if ch < 256 {
            bit(&self.map, ch)
        } else {
            self.high
        }
    }
}

pub struct Prog {
    pub code: Box<[u32]>,
    /// For each code position where a set begins: 1 + its index in `maps` (0: none).
    setidx: Box<[u32]>,
    maps: Vec<Map>,
    pub pre: Option<Prefilter>,
}

#[inline(always)]
fn op(code: &[u32], i: usize) -> u32 {
    code.get(i).copied().unwrap_or(FAILURE)
}

/// Whether `ch` passes the set test of `op` (IN or one of its case-insensitive forms) whose
/// set begins at `at`.
pub fn set_test(code: &[u32], op: u32, at: usize, ch: u32) -> bool {
    match op {
        IN => in_charset(code, at, ch),
        IN_IGNORE => in_charset(code, at, lower_ascii(ch)),
        IN_UNI_IGNORE => in_charset(code, at, lower_unicode(ch)),
        IN_LOC_IGNORE => in_charset_loc_ignore(code, at, ch),
        _ => false,
    }
}

impl Prog {
    /// The program for validated `code` whose sets are `sets`.
    pub fn new(code: Box<[u32]>, sets: &[(u32, usize)]) -> Prog {
        let mut setidx = vec![0u32; code.len() + 1].into_boxed_slice();
        let mut maps = Vec::with_capacity(sets.len());
        for &(o, at) in sets {
            if at < setidx.len() && setidx[at] == 0 {
                maps.push(map_of(|ch| set_test(&code, o, at, ch)));
                setidx[at] = maps.len() as u32;
            }
        }
        let mut p = Prog { code, setidx, maps, pre: None };
        let body = if op(&p.code, 0) == INFO { 1 + op(&p.code, 1) as usize } else { 0 };
        p.pre = p.prefilter(body);
        p
    }

    /// The set test of `op` whose set begins at `at`.
    #[inline(always)]
    pub fn in_set(&self, op: u32, at: usize, ch: u32) -> bool {
        if ch < 256 {
            if let Some(&i) = self.setidx.get(at) {
                if let Some(m) = (i as usize).checked_sub(1).and_then(|i| self.maps.get(i)) {
                    return bit(m, ch);
                }
            }
        }
        set_test(&self.code, op, at, ch)
    }

    /// The bitmap of the set beginning at `at`.
    #[inline]
    pub fn set_map(&self, at: usize) -> Option<&Map> {
        let i = *self.setidx.get(at)? as usize;
        self.maps.get(i.checked_sub(1)?)
    }

    /// The characters (below 256, and whether any above) a match of the code at `pc` can
    /// begin with; None when it may match the empty string or it is not known.
    fn first(&self, mut pc: usize, depth: u32) -> Option<(Map, bool)> {
        let code = &*self.code;
        if depth > 50 {
            return None;
        }
        loop {
            let arg = op(code, pc + 1);
            return Some(match op(code, pc) {
                MARK | AT => {
                    pc += 2;
                    continue;
                }
                LITERAL => (map_of(|ch| ch == arg), arg >= 256),
                NOT_LITERAL => (map_of(|ch| ch != arg), true),
                LITERAL_IGNORE => (map_of(|ch| lower_ascii(ch) == arg), true),
                NOT_LITERAL_IGNORE => (map_of(|ch| lower_ascii(ch) != arg), true),
                LITERAL_UNI_IGNORE => (map_of(|ch| lower_unicode(ch) == arg), true),
                NOT_LITERAL_UNI_IGNORE => (map_of(|ch| lower_unicode(ch) != arg), true),
                LITERAL_LOC_IGNORE => (map_of(|ch| char_loc_ignore(arg, ch)), true),
                NOT_LITERAL_LOC_IGNORE => (map_of(|ch| !char_loc_ignore(arg, ch)), true),
                IN | IN_IGNORE | IN_UNI_IGNORE | IN_LOC_IGNORE => (*self.set_map(pc + 2)?, true),
                ANY => (map_of(|ch| ch != b'\n' as u32), true),
                ANY_ALL => ([u32::MAX; 8], true),
                REPEAT_ONE | MIN_REPEAT_ONE | POSSESSIVE_REPEAT_ONE | REPEAT | POSSESSIVE_REPEAT => {
                    if op(code, pc + 2) == 0 {
                        return None;
                    }
                    return self.first(pc + 4, depth + 1);
                }
                ATOMIC_GROUP => return self.first(pc + 2, depth + 1),
                BRANCH => {
                    let mut acc = ([0u32; 8], false);
                    let mut alt = pc + 1;
                    loop {
                        let skip = op(code, alt) as usize;
                        if skip == 0 {
                            break;
                        }
                        let (m, h) = self.first(alt + 1, depth + 1)?;
                        for (a, b) in acc.0.iter_mut().zip(m.iter()) {
                            *a |= b;
                        }
                        acc.1 |= h;
                        alt += skip;
                    }
                    acc
                }
                _ => return None,
            });
        }
    }

    fn prefilter(&self, body: usize) -> Option<Prefilter> {
        let code = &*self.code;
        let mut ats = Vec::new();
        let mut pc = body;
        loop {
            match op(code, pc) {
                MARK => pc += 2,
                AT => {
                    ats.push(op(code, pc + 1));
                    pc += 2;
                }
                _ => break,
            }
        }
        let (map, high) = self.first(pc, 0)?;
        Some(Prefilter { ats, map, high })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_and_filter() {
        // [a-c]+x : IN skip RANGE a c FAILURE inside REPEAT_ONE
        let code: Vec<u32> = vec![
            REPEAT_ONE, 10, 1, MAXREPEAT, IN, 5, RANGE, 97, 99, FAILURE, SUCCESS, LITERAL, 120, SUCCESS,
        ];
        let sets = super::super::validate::validate(&code, 0).expect("valid");
        let p = Prog::new(code.into_boxed_slice(), &sets);
        assert!(p.in_set(IN, 6, 'b' as u32));
        assert!(!p.in_set(IN, 6, 'x' as u32));
        let pre = p.pre.as_ref().expect("a filter");
        assert!(pre.first_ok('a' as u32));
        assert!(!pre.first_ok('x' as u32));
    }
}
