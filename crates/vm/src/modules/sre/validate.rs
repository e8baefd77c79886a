//! Checks code given to `_sre.compile` before it is run: every opcode known, every skip
//! inside its block, marks and group references within the group count, sets well formed.
//! The shapes accepted are those `re._compiler` emits (CPython's `_validate`); the engine
//! still reads the code through bounds-checked accessors.

use super::consts::*;

type V = Result<(), ()>;

struct Reader<'a> {
    code: &'a [u32],
    /// Current position and the end of the block being checked.
    at: usize,
    end: usize,
}

impl Reader<'_> {
    fn get(&mut self) -> Result<u32, ()> {
        if self.at >= self.end {
            return Err(());
        }
        let v = self.code[self.at];
        self.at += 1;
        Ok(v)
    }

    /// A skip word: the block it covers must end inside the current one (`adj` words may
    /// be missing, for skips relative to an earlier word).
    fn skip(&mut self, adj: usize) -> Result<usize, ()> {
        if self.at >= self.end {
            return Err(());
        }
        let s = self.code[self.at] as usize;
        if s.saturating_sub(adj) > self.end - self.at {
            return Err(());
        }
        self.at += 1;
        Ok(s)
    }
}

fn charset(code: &[u32], at: usize, end: usize) -> V {
    let mut r = Reader { code, at, end };
    while r.at < r.end {
        match r.get()? {
            NEGATE => {}
            LITERAL => {
                r.get()?;
            }
            RANGE | RANGE_UNI_IGNORE => {
                r.get()?;
                r.get()?;
            }
            CHARSET => {
                if 8 > r.end - r.at {
                    return Err(());
                }
                r.at += 8;
            }
            BIGCHARSET => {
                let blocks = r.get()? as usize;
                if 64 > r.end - r.at {
                    return Err(());
                }
                for w in &code[r.at..r.at + 64] {
                    if w.to_ne_bytes().iter().any(|&b| b as usize >= blocks) {
                        return Err(());
                    }
                }
                r.at += 64;
                let n = blocks.checked_mul(8).ok_or(())?;
                if n > r.end - r.at {
                    return Err(());
                }
                r.at += n;
            }
            CATEGORY => {
                if r.get()? > CATEGORY_UNI_NOT_LINEBREAK {
                    return Err(());
                }
            }
            _ => return Err(()),
        }
    }
    Ok(())
}

/// Checks `code[at..end]`; Ok(true) when the block ends with a JUMP (as the 'then' part of
/// a conditional with an 'else' does).
fn inner(code: &[u32], at: usize, end: usize, groups: usize, depth: u32, sets: &mut Sets) -> Result<bool, ()> {
    if at > end || depth > 10_000 {
        return Err(());
    }
    let mut r = Reader { code, at, end };
    while r.at < r.end {
        let op = r.get()?;
        match op {
            MARK => {
                if r.get()? as usize > 2 * groups + 1 {
                    return Err(());
                }
            }
            LITERAL | NOT_LITERAL | LITERAL_IGNORE | NOT_LITERAL_IGNORE | LITERAL_UNI_IGNORE | NOT_LITERAL_UNI_IGNORE
            | LITERAL_LOC_IGNORE | NOT_LITERAL_LOC_IGNORE => {
                r.get()?;
            }
            SUCCESS | FAILURE | ANY | ANY_ALL => {}
            AT => {
                if r.get()? > AT_UNI_NON_BOUNDARY {
                    return Err(());
                }
            }
            IN | IN_IGNORE | IN_UNI_IGNORE | IN_LOC_IGNORE => {
                let skip = r.skip(0)?;
                if skip < 2 {
                    return Err(());
                }
                let set_end = r.at + skip - 2;
                charset(code, r.at, set_end)?;
                sets.push((op, r.at));
                if code.get(set_end) != Some(&FAILURE) {
                    return Err(());
                }
                r.at += skip - 1;
            }
            INFO => {
                let skip = r.skip(0)?;
                if skip < 1 {
                    return Err(());
                }
                let block_end = r.at + skip - 1;
                let flags = r.get()?;
                r.get()?;
                r.get()?;
                if flags & !(INFO_PREFIX | INFO_LITERAL | INFO_CHARSET) != 0 {
                    return Err(());
                }
                if flags & INFO_PREFIX != 0 && flags & INFO_CHARSET != 0 {
                    return Err(());
                }
                if flags & INFO_LITERAL != 0 && flags & INFO_PREFIX == 0 {
                    return Err(());
                }
                if flags & INFO_PREFIX != 0 {
                    let len = r.get()? as usize;
                    r.get()?;
                    if len > block_end.saturating_sub(r.at) {
                        return Err(());
                    }
                    r.at += len;
                    if len > block_end.saturating_sub(r.at) {
                        return Err(());
                    }
                    if code[r.at..r.at + len].iter().any(|&o| o as usize >= len) {
                        return Err(());
                    }
                    r.at += len;
                }
                if flags & INFO_CHARSET != 0 {
                    if block_end < 1 + r.at {
                        return Err(());
                    }
                    charset(code, r.at, block_end - 1)?;
                    sets.push((IN, r.at));
                    if code.get(block_end - 1) != Some(&FAILURE) {
                        return Err(());
                    }
                    r.at = block_end;
                } else if r.at != block_end {
                    return Err(());
                }
            }
            BRANCH => {
                let mut target = None;
                loop {
                    let skip = r.skip(0)?;
                    if skip == 0 {
                        break;
                    }
                    if skip < 3 {
                        return Err(());
                    }
                    inner(code, r.at, r.at + skip - 3, groups, depth + 1, sets)?;
                    r.at += skip - 3;
                    if r.get()? != JUMP {
                        return Err(());
                    }
                    let j = r.skip(0)?;
                    if j < 1 {
                        return Err(());
                    }
                    let t = r.at + j - 1;
                    match target {
                        None => target = Some(t),
                        Some(x) if x != t => return Err(()),
                        _ => {}
                    }
                }
                if target != Some(r.at) {
                    return Err(());
                }
            }
            REPEAT_ONE | MIN_REPEAT_ONE | POSSESSIVE_REPEAT_ONE => {
                let skip = r.skip(0)?;
                let (min, max) = (r.get()?, r.get()?);
                if min > max || skip < 4 {
                    return Err(());
                }
                inner(code, r.at, r.at + skip - 4, groups, depth + 1, sets)?;
                r.at += skip - 4;
                if r.get()? != SUCCESS {
                    return Err(());
                }
            }
            REPEAT | POSSESSIVE_REPEAT => {
                let skip = r.skip(0)?;
                let (min, max) = (r.get()?, r.get()?);
                if min > max || skip < 3 {
                    return Err(());
                }
                inner(code, r.at, r.at + skip - 3, groups, depth + 1, sets)?;
                r.at += skip - 3;
                let next = r.get()?;
                let ok = if op == POSSESSIVE_REPEAT { next == SUCCESS } else { next == MAX_UNTIL || next == MIN_UNTIL };
                if !ok {
                    return Err(());
                }
            }
            ATOMIC_GROUP => {
                let skip = r.skip(0)?;
                if skip < 2 {
                    return Err(());
                }
                inner(code, r.at, r.at + skip - 2, groups, depth + 1, sets)?;
                r.at += skip - 2;
                if r.get()? != SUCCESS {
                    return Err(());
                }
            }
            GROUPREF | GROUPREF_IGNORE | GROUPREF_UNI_IGNORE | GROUPREF_LOC_IGNORE => {
                if r.get()? as usize >= groups {
                    return Err(());
                }
            }
            GROUPREF_EXISTS => {
                if r.get()? as usize >= groups {
                    return Err(());
                }
                // the skip counts from the group word
                let g = r.at - 1;
                let skip = r.skip(1)?;
                let then_end = g + skip;
                if then_end < r.at || then_end > r.end {
                    return Err(());
                }
                if inner(code, r.at, then_end, groups, depth + 1, sets)? {
                    // the 'then' part ends with JUMP <skip>: the 'else' part follows
                    r.at = then_end - 1;
                    let skip2 = r.skip(0)?;
                    if skip2 < 1 || inner(code, r.at, r.at + skip2 - 1, groups, depth + 1, sets)? {
                        return Err(());
                    }
                    r.at += skip2 - 1;
                } else {
                    r.at = then_end;
                }
            }
            ASSERT | ASSERT_NOT => {
                let skip = r.skip(0)?;
                r.get()?;
                if skip < 3 {
                    return Err(());
                }
                // the block is relative to the skip word
                let start = r.at;
                let block_end = start - 2 + skip - 1;
                if block_end > r.end || block_end < start {
                    return Err(());
                }
                inner(code, start, block_end, groups, depth + 1, sets)?;
                r.at = block_end;
                if r.get()? != SUCCESS {
                    return Err(());
                }
            }
            JUMP => {
                if r.at + 1 != r.end {
                    return Err(());
                }
                return Ok(true);
            }
            _ => return Err(()),
        }
    }
    Ok(false)
}

/// The character sets of the code: (the IN opcode, or IN for the INFO block's set; the
/// position of the set's first word).
pub type Sets = Vec<(u32, usize)>;

/// The character sets of `code` if it is valid code for a pattern with `groups` groups.
pub fn validate(code: &[u32], groups: i64) -> Option<Sets> {
    if groups < 0 || groups as u64 > MAXGROUPS as u64 || code.last() != Some(&SUCCESS) {
        return None;
    }
    let mut sets = Vec::new();
    inner(code, 0, code.len() - 1, groups as usize, 0, &mut sets).ok()?;
    Some(sets)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert!(validate(&[SUCCESS], 0).is_some());
        assert!(validate(&[], 0).is_none());
        assert!(validate(&[99, SUCCESS], 0).is_none());
        assert!(validate(&[LITERAL, 97, SUCCESS], 0).is_some());
        // MARK beyond the groups
        assert!(validate(&[MARK, 2, SUCCESS], 0).is_none());
        assert!(validate(&[MARK, 0, MARK, 1, SUCCESS], 1).is_some());
        // REPEAT_ONE a* : <REPEAT_ONE> skip=6 min max LITERAL a SUCCESS
        assert!(validate(&[REPEAT_ONE, 6, 0, MAXREPEAT, LITERAL, 97, SUCCESS, SUCCESS], 0).is_some());
        assert!(validate(&[REPEAT_ONE, 60, 0, MAXREPEAT, LITERAL, 97, SUCCESS, SUCCESS], 0).is_none());
    }
}
