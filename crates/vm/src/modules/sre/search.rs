//! Searching (SRE(search)): where a match may start, using the INFO block's literal prefix
//! (a first-character scan, then the prefix's overlap table) or its first-character set,
//! and trying the matcher there.

use super::consts::*;
use super::prog::Prog;
use super::engine::{SreError, State, Text};

/// Finding a character fast in a subject.
pub trait Find: Text {
    /// The first index in `[from, to)` holding `c`.
    fn find(self, c: u32, from: usize, to: usize) -> Option<usize>;
}

impl Find for &[u8] {
    #[inline]
    fn find(self, c: u32, from: usize, to: usize) -> Option<usize> {
        if c > 255 || from >= to {
            return None;
        }
        memchr::memchr(c as u8, self.get(from..to)?).map(|i| i + from)
    }
}

impl Find for &[u32] {
    #[inline]
    fn find(self, c: u32, from: usize, to: usize) -> Option<usize> {
        self.get(from..to)?.iter().position(|&x| x == c).map(|i| i + from)
    }
}

#[inline(always)]
fn op(code: &[u32], i: usize) -> u32 {
    code.get(i).copied().unwrap_or(FAILURE)
}

impl State {
    /// Forgets the groups of a failed attempt (RESET_CAPTURE_GROUP).
    #[inline]
    fn reset_capture(&mut self) {
        self.lastmark = -1;
        self.lastindex = -1;
    }

    /// A match of the whole code at `self.start` (Pattern.match/fullmatch, Scanner.match).
    pub fn match_here<T: Text>(&mut self, prog: &Prog, text: T) -> Result<bool, SreError> {
        self.ptr = self.start;
        self.run(prog, text, 0, true)
    }

    /// Searches from `self.start`; on success the match is `[self.start, self.ptr)`.
    pub fn search<T: Find>(&mut self, prog: &Prog, text: T) -> Result<bool, SreError> {
        let code: &[u32] = &prog.code;
        let mut ptr = self.start;
        let mut end = self.end;
        if ptr > end {
            return Ok(false);
        }
        let mut pc = 0;
        let mut flags = 0;
        let mut prefix_len = 0usize;
        let mut prefix_skip = 0usize;
        let mut prefix = 0usize;
        let mut charset = None;
        if op(code, 0) == INFO {
            // <INFO> <skip> <flags> <min> <max> <prefix info>
            flags = op(code, 2);
            let min = op(code, 3) as usize;
            if min != 0 && end - ptr < min {
                return Ok(false);
            }
            if min > 1 {
                end = end.saturating_sub(min - 1).max(ptr);
            }
            if flags & INFO_PREFIX != 0 {
                prefix_len = op(code, 5) as usize;
                prefix_skip = op(code, 6) as usize;
                prefix = 7;
            } else if flags & INFO_CHARSET != 0 {
                charset = Some(5);
            }
            pc = 1 + op(code, 1) as usize;
        }
        let literal = flags & INFO_LITERAL != 0;
        let body = pc + 2 * prefix_skip;

        if prefix_len == 1 {
            let c = op(code, prefix);
            let end = self.end;
            self.must_advance = false;
            while ptr < end {
                let Some(at) = text.find(c, ptr, end) else { return Ok(false) };
                ptr = at;
                self.start = ptr;
                self.ptr = (ptr + prefix_skip).min(end);
                if literal {
                    return Ok(true);
                }
                if self.run(prog, text, body, false)? {
                    return Ok(true);
                }
                ptr += 1;
                self.reset_capture();
            }
            return Ok(false);
        }

        if prefix_len > 1 {
            let end = self.end;
            if prefix_len > end - ptr {
                return Ok(false);
            }
            let overlap = prefix + prefix_len - 1;
            let first = op(code, prefix);
            while ptr < end {
                let Some(at) = text.find(first, ptr, end) else { return Ok(false) };
                ptr = at + 1;
                if ptr >= end {
                    return Ok(false);
                }
                let mut i = 1usize;
                self.must_advance = false;
                loop {
                    if text.at(ptr) == op(code, prefix + i) {
                        i += 1;
                        if i != prefix_len {
                            ptr += 1;
                            if ptr >= end {
                                return Ok(false);
                            }
                            continue;
                        }
                        // the whole prefix is at ptr - (prefix_len - 1)
                        self.start = ptr + 1 - prefix_len;
                        self.ptr = (ptr + 1 + prefix_skip).saturating_sub(prefix_len).min(end);
                        if literal {
                            return Ok(true);
                        }
                        if self.run(prog, text, body, false)? {
                            return Ok(true);
                        }
                        ptr += 1;
                        if ptr >= end {
                            return Ok(false);
                        }
                        self.reset_capture();
                    }
                    i = op(code, overlap + i) as usize;
                    if i == 0 {
                        break;
                    }
                }
            }
            return Ok(false);
        }

        if let Some(set) = charset {
            let end = self.end;
            self.must_advance = false;
            loop {
                while ptr < end && !prog.in_set(IN, set, text.at(ptr)) {
                    ptr += 1;
                }
                if ptr >= end {
                    return Ok(false);
                }
                self.start = ptr;
                self.ptr = ptr;
                if self.run(prog, text, pc, false)? {
                    return Ok(true);
                }
                ptr += 1;
                self.reset_capture();
            }
        }

        // general case: try every position (the first as the top level), skipping those
        // where the prefilter shows no match can begin
        let pre = prog.pre.as_ref();
        let real_end = self.end;
        self.start = ptr;
        self.ptr = ptr;
        let first_ok = match pre {
            None => true,
            Some(f) => ptr < real_end && f.first_ok(text.at(ptr)) && f.ats.iter().all(|&a| self.at(text, ptr, a)),
        };
        let mut found = if first_ok { self.run(prog, text, pc, true)? } else { false };
        self.must_advance = false;
        if !found && op(code, pc) == AT && matches!(op(code, pc + 1), AT_BEGINNING | AT_BEGINNING_STRING) {
            self.start = end;
            self.ptr = end;
            return Ok(false);
        }
        while !found && ptr < end {
            ptr += 1;
            if let Some(f) = pre {
                // the next position whose character can begin a match and where the
                // leading assertions hold
                loop {
                    ptr = text.find_set(ptr, real_end.min(end + 1), &f.map, f.high);
                    if ptr > end || ptr >= real_end {
                        return Ok(false);
                    }
                    if f.ats.iter().all(|&a| self.at(text, ptr, a)) {
                        break;
                    }
                    ptr += 1;
                }
            }
            self.reset_capture();
            self.start = ptr;
            self.ptr = ptr;
            found = self.run(prog, text, pc, false)?;
        }
        Ok(found)
    }
}
