//! The matcher: runs validated `_sre` code against a subject, with CPython 3.11's
//! backtracking semantics (sre_lib.h), but written as a loop over an explicit stack of
//! contexts so that no pattern, however deep its backtracking, recurses on the Rust stack.
//!
//! A context is what one activation of CPython's SRE(match) holds; "calling" a sub-pattern
//! pushes a context and "returning" pops it and resumes its parent at the point the `Jump`
//! names. Saved group marks and repeat `last_ptr`s live on a separate data stack, in the
//! same order CPython pushes them.

use super::chars::*;
use super::consts::*;
use super::prog::{Map, Prog};

/// A subject the engine can read: bytes (and ASCII str) or code points.
pub trait Text: Copy {
    fn len(self) -> usize;
    /// The character at `i` (`i < len`; 0 past the end, which validated positions never reach).
    fn at(self, i: usize) -> u32;
    /// The first index in `[from, to)` whose character is not in the set whose bitmap (for
    /// characters below 256) is `m` and whose test for the others is `high`; `to` if none.
    fn scan_set(self, from: usize, to: usize, m: &Map, high: impl Fn(u32) -> bool) -> usize;
    /// The last index in `[from, to)` holding `c`.
    fn rfind(self, c: u32, from: usize, to: usize) -> Option<usize>;
    /// The first index in `[from, to)` whose character is in the set (bitmap `m` below
    /// 256, `high` for the others); `to` if none.
    fn find_set(self, from: usize, to: usize, m: &Map, high: bool) -> usize;
}

#[inline(always)]
fn in_map(m: &Map, ch: u32) -> bool {
    m[(ch >> 5) as usize & 7] & (1u32 << (ch & 31)) != 0
}

impl Text for &[u8] {
    #[inline(always)]
    fn len(self) -> usize {
        <[u8]>::len(self)
    }
    #[inline(always)]
    fn at(self, i: usize) -> u32 {
        self.get(i).map_or(0, |&b| b as u32)
    }
    #[inline(always)]
    fn scan_set(self, from: usize, to: usize, m: &Map, _high: impl Fn(u32) -> bool) -> usize {
        match self.get(from..to) {
            Some(s) => from + s.iter().position(|&b| !in_map(m, b as u32)).unwrap_or(s.len()),
            None => from,
        }
    }
    #[inline(always)]
    fn rfind(self, c: u32, from: usize, to: usize) -> Option<usize> {
        if c > 255 {
            return None;
        }
        let s = self.get(from..to)?;
        if s.len() < 32 {
            return s.iter().rposition(|&b| b as u32 == c).map(|i| i + from);
        }
        memchr::memrchr(c as u8, s).map(|i| i + from)
    }
    #[inline(always)]
    fn find_set(self, from: usize, to: usize, m: &Map, _high: bool) -> usize {
        match self.get(from..to) {
            Some(s) => from + s.iter().position(|&b| in_map(m, b as u32)).unwrap_or(s.len()),
            None => to.max(from),
        }
    }
}

impl Text for &[u32] {
    #[inline(always)]
    fn len(self) -> usize {
        <[u32]>::len(self)
    }
    #[inline(always)]
    fn at(self, i: usize) -> u32 {
        self.get(i).copied().unwrap_or(0)
    }
    #[inline(always)]
    fn scan_set(self, from: usize, to: usize, m: &Map, high: impl Fn(u32) -> bool) -> usize {
        match self.get(from..to) {
            Some(s) => from + s.iter().position(|&c| if c < 256 { !in_map(m, c) } else { !high(c) }).unwrap_or(s.len()),
            None => from,
        }
    }
    #[inline(always)]
    fn rfind(self, c: u32, from: usize, to: usize) -> Option<usize> {
        self.get(from..to)?.iter().rposition(|&x| x == c).map(|i| i + from)
    }
    #[inline(always)]
    fn find_set(self, from: usize, to: usize, m: &Map, high: bool) -> usize {
        match self.get(from..to) {
            Some(s) => from + s.iter().position(|&c| if c < 256 { in_map(m, c) } else { high }).unwrap_or(s.len()),
            None => to.max(from),
        }
    }
}

/// An unset mark or position.
pub const NONE: usize = usize::MAX;

/// Why matching stopped without an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SreError {
    /// Code the validator let through but the engine cannot run ("internal error").
    Illegal,
    /// Too deep a nesting of single-character repeats run by the general case.
    Recursion,
    /// The stack could not grow.
    Memory,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Jump {
    None,
    MaxUntil1,
    MaxUntil2,
    MaxUntil3,
    MinUntil1,
    MinUntil2,
    MinUntil3,
    Repeat,
    RepeatOne1,
    RepeatOne2,
    MinRepeatOne,
    Branch,
    Assert,
    AssertNot,
    PossRepeat1,
    PossRepeat2,
    AtomicGroup,
}

#[derive(Clone, Copy)]
struct Ctx {
    /// The code position to resume at (saved at a call).
    pc: usize,
    /// The subject position to resume at (saved at a call).
    ptr: usize,
    count: isize,
    /// A literal character (REPEAT_ONE) or a repeat index (REPEAT, the UNTILs).
    u: usize,
    lastmark: isize,
    lastindex: isize,
    toplevel: bool,
    jump: Jump,
}

impl Ctx {
    fn new(jump: Jump, toplevel: bool) -> Ctx {
        Ctx { pc: 0, ptr: 0, count: 0, u: 0, lastmark: -1, lastindex: -1, toplevel, jump }
    }
}

/// A repeat (REPEAT ... MAX_UNTIL/MIN_UNTIL) being matched.
#[derive(Clone, Copy)]
struct Repeat {
    count: isize,
    /// Position of the REPEAT's skip word (min at +1, max at +2, the item at +3).
    pc: usize,
    last_ptr: usize,
    prev: usize,
}

/// The search state (CPython's SRE_STATE), reusable between searches.
pub struct State {
    /// Where matching may begin (`pos`) and must end (`endpos`), clamped to the subject.
    pub pos: usize,
    pub endpos: usize,
    /// The start of the current attempt and the current position.
    pub start: usize,
    pub ptr: usize,
    pub end: usize,
    pub marks: Vec<usize>,
    pub lastmark: isize,
    pub lastindex: isize,
    pub match_all: bool,
    pub must_advance: bool,
    repeat: usize,
    repeats: Vec<Repeat>,
    ctxs: Vec<Ctx>,
    data: Vec<usize>,
    depth: u32,
}

/// How deep the general case of a single-character repeat may nest engine runs.
const MAX_DEPTH: u32 = 200;

#[inline(always)]
fn op(code: &[u32], i: usize) -> u32 {
    code.get(i).copied().unwrap_or(FAILURE)
}

impl State {
    /// A state over a subject of `len` characters for `groups` groups, matching within
    /// `[pos, endpos)` (both clamped as CPython clamps them).
    pub fn new(len: usize, groups: usize, pos: i64, endpos: i64) -> State {
        let clamp = |v: i64| if v < 0 { 0 } else { (v as u64).min(len as u64) as usize };
        let (pos, endpos) = (clamp(pos), clamp(endpos));
        State {
            pos,
            endpos,
            start: pos,
            ptr: pos,
            end: endpos,
            marks: vec![NONE; groups * 2 + 2],
            lastmark: -1,
            lastindex: -1,
            match_all: false,
            must_advance: false,
            repeat: NONE,
            repeats: Vec::new(),
            ctxs: Vec::new(),
            data: Vec::new(),
            depth: 0,
        }
    }

    /// Makes a used state ready for another subject (keeping its buffers).
    pub fn reinit(&mut self, len: usize, groups: usize, pos: i64, endpos: i64) {
        let clamp = |v: i64| if v < 0 { 0 } else { (v as u64).min(len as u64) as usize };
        let (pos, endpos) = (clamp(pos), clamp(endpos));
        self.pos = pos;
        self.endpos = endpos;
        self.start = pos;
        self.ptr = pos;
        self.end = endpos;
        self.marks.clear();
        self.marks.resize(groups * 2 + 2, NONE);
        self.match_all = false;
        self.must_advance = false;
        self.depth = 0;
        self.reset();
    }

    /// Forgets the groups and stacks of the last attempt (state_reset).
    pub fn reset(&mut self) {
        self.lastmark = -1;
        self.lastindex = -1;
        self.repeat = NONE;
        self.repeats.clear();
        self.ctxs.clear();
        self.data.clear();
    }

    /// The span of group `g` (1-based) if it matched.
    pub fn group_span(&self, g: usize) -> Option<(usize, usize)> {
        let i = (g - 1) * 2;
        if (i as isize) >= self.lastmark {
            return None;
        }
        let (a, b) = (self.marks[i], self.marks[i + 1]);
        if a == NONE || b == NONE || a > b {
            return None;
        }
        Some((a, b))
    }

    #[inline]
    fn mark_push(&mut self, lastmark: isize) {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            self.data.extend_from_slice(&self.marks[..n]);
        }
    }

    #[inline]
    fn mark_pop(&mut self, lastmark: isize) {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            let at = self.data.len() - n;
            self.marks[..n].copy_from_slice(&self.data[at..]);
            self.data.truncate(at);
        }
    }

    #[inline]
    fn mark_pop_keep(&mut self, lastmark: isize) {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            let at = self.data.len() - n;
            self.marks[..n].copy_from_slice(&self.data[at..]);
        }
    }

    #[inline]
    fn mark_pop_discard(&mut self, lastmark: isize) {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            let at = self.data.len() - n;
            self.data.truncate(at);
        }
    }

    /// The current context (there is one while `run` runs).
    #[inline(always)]
    fn top(&mut self) -> &mut Ctx {
        let i = self.ctxs.len() - 1;
        &mut self.ctxs[i]
    }

    /// Whether `ptr` is at the position `at` names.
    #[inline(always)]
    pub(super) fn at<T: Text>(&self, text: T, ptr: usize, at: u32) -> bool {
        let end = self.end;
        let before = |f: fn(u32) -> bool| ptr > 0 && f(text.at(ptr - 1));
        let here = |f: fn(u32) -> bool| ptr < end && f(text.at(ptr));
        match at {
            AT_BEGINNING | AT_BEGINNING_STRING => ptr == 0,
            AT_BEGINNING_LINE => ptr == 0 || is_linebreak(text.at(ptr - 1)),
            AT_END => (ptr + 1 == end && is_linebreak(text.at(ptr))) || ptr == end,
            AT_END_LINE => ptr == end || is_linebreak(text.at(ptr)),
            AT_END_STRING => ptr == end,
            AT_BOUNDARY => end != 0 && before(is_word) != here(is_word),
            AT_NON_BOUNDARY => end != 0 && before(is_word) == here(is_word),
            AT_LOC_BOUNDARY => end != 0 && before(loc_is_word) != here(loc_is_word),
            AT_LOC_NON_BOUNDARY => end != 0 && before(loc_is_word) == here(loc_is_word),
            AT_UNI_BOUNDARY => end != 0 && before(uni_is_word) != here(uni_is_word),
            AT_UNI_NON_BOUNDARY => end != 0 && before(uni_is_word) == here(uni_is_word),
            _ => false,
        }
    }

    /// Whether the single-character item at `code[pc]` matches `ch`; None for items that
    /// are not one character wide.
    #[inline]
    fn one(prog: &Prog, pc: usize, ch: u32) -> Option<bool> {
        let code = &*prog.code;
        let arg = op(code, pc + 1);
        Some(match op(code, pc) {
            LITERAL => ch == arg,
            NOT_LITERAL => ch != arg,
            ANY => !is_linebreak(ch),
            ANY_ALL => true,
            o @ (IN | IN_IGNORE | IN_UNI_IGNORE | IN_LOC_IGNORE) => prog.in_set(o, pc + 2, ch),
            LITERAL_IGNORE => lower_ascii(ch) == arg,
            NOT_LITERAL_IGNORE => lower_ascii(ch) != arg,
            LITERAL_UNI_IGNORE => lower_unicode(ch) == arg,
            NOT_LITERAL_UNI_IGNORE => lower_unicode(ch) != arg,
            LITERAL_LOC_IGNORE => char_loc_ignore(arg, ch),
            NOT_LITERAL_LOC_IGNORE => !char_loc_ignore(arg, ch),
            CATEGORY => category(arg, ch),
            _ => return None,
        })
    }

    /// How many times (at most `maxcount`) the single-character item at `code[pc]`
    /// matches from `self.ptr` (SRE(count)). The common items are counted here inline.
    #[inline(always)]
    fn count<T: Text>(&mut self, prog: &Prog, text: T, pc: usize, maxcount: u32) -> Result<usize, SreError> {
        let start = self.ptr;
        let mut end = self.end;
        if start >= end {
            return Ok(0);
        }
        if maxcount != MAXREPEAT && (maxcount as usize) < end - start {
            end = start + maxcount as usize;
        }
        if op(&prog.code, pc) == IN {
            if let Some(m) = prog.set_map(pc + 2) {
                let p = text.scan_set(start, end, m, |ch| prog.in_set(IN, pc + 2, ch));
                return Ok(p - start);
            }
        }
        self.count_other(prog, text, pc, start, end)
    }

    /// `count` of the other items, between `start` and `end`.
    #[inline(never)]
    fn count_other<T: Text>(&mut self, prog: &Prog, text: T, pc: usize, start: usize, end: usize) -> Result<usize, SreError> {
        let code = &*prog.code;
        let mut p = start;
        let arg = op(code, pc + 1);
        match op(code, pc) {
            IN => {
                while p < end && prog.in_set(IN, pc + 2, text.at(p)) {
                    p += 1;
                }
            }
            ANY => {
                while p < end && !is_linebreak(text.at(p)) {
                    p += 1;
                }
            }
            ANY_ALL => p = end,
            LITERAL => {
                while p < end && text.at(p) == arg {
                    p += 1;
                }
            }
            NOT_LITERAL => {
                while p < end && text.at(p) != arg {
                    p += 1;
                }
            }
            LITERAL_IGNORE => {
                while p < end && lower_ascii(text.at(p)) == arg {
                    p += 1;
                }
            }
            LITERAL_UNI_IGNORE => {
                while p < end && lower_unicode(text.at(p)) == arg {
                    p += 1;
                }
            }
            _ => {
                if Self::one(prog, pc, 0).is_some() {
                    while p < end && Self::one(prog, pc, text.at(p)) == Some(true) {
                        p += 1;
                    }
                } else {
                    // not a one-character item: run it repeatedly
                    if self.depth >= MAX_DEPTH {
                        return Err(SreError::Recursion);
                    }
                    self.depth += 1;
                    let r = (|| {
                        while self.ptr < end {
                            if !self.run(prog, text, pc, false)? {
                                break;
                            }
                        }
                        Ok(self.ptr - start)
                    })();
                    self.depth -= 1;
                    return r;
                }
            }
        }
        Ok(p - start)
    }

    /// Matches the code at `pc0` at `self.ptr` (SRE(match)); on success `self.ptr` is the
    /// end of the match.
    pub fn run<T: Text>(&mut self, prog: &Prog, text: T, pc0: usize, toplevel: bool) -> Result<bool, SreError> {
        let code: &[u32] = &prog.code;
        enum Next {
            Enter,
            Dispatch,
            Return(bool),
        }
        let base = self.ctxs.len();
        if self.ctxs.try_reserve(1).is_err() {
            return Err(SreError::Memory);
        }
        self.ctxs.push(Ctx::new(Jump::None, toplevel));
        let end = self.end;
        let mut pc = pc0;
        let mut ptr = self.ptr;
        let mut next = Next::Enter;

        'main: loop {
            // the current context
            macro_rules! ctx {
                () => {
                    (*self.top())
                };
            }
            // DO_JUMPX: runs the code at $child in a new context; resumes at `$jump` with its result.
            macro_rules! call {
                ($jump:expr, $child:expr, $top:expr) => {{
                    let top = $top;
                    let c = self.top();
                    c.pc = pc;
                    c.ptr = ptr;
                    if self.ctxs.try_reserve(1).is_err() {
                        return Err(SreError::Memory);
                    }
                    self.ctxs.push(Ctx::new($jump, top));
                    pc = $child;
                    next = Next::Enter;
                    continue 'main;
                }};
            }
            macro_rules! fail {
                () => {{
                    next = Next::Return(false);
                    continue 'main;
                }};
            }
            macro_rules! succeed {
                () => {{
                    next = Next::Return(true);
                    continue 'main;
                }};
            }
            macro_rules! lastmark_save {
                () => {{
                    let (lm, li) = (self.lastmark, self.lastindex);
                    let c = self.top();
                    c.lastmark = lm;
                    c.lastindex = li;
                }};
            }
            macro_rules! lastmark_restore {
                () => {{
                    let c = ctx!();
                    self.lastmark = c.lastmark;
                    self.lastindex = c.lastindex;
                }};
            }
            macro_rules! groupref_span {
                ($g:expr) => {{
                    let g = ($g as usize).saturating_mul(2);
                    if g as isize >= self.lastmark {
                        None
                    } else {
                        let (a, b) = (self.marks.get(g).copied().unwrap_or(NONE), self.marks.get(g + 1).copied().unwrap_or(NONE));
                        if a == NONE || b == NONE || b < a {
                            None
                        } else {
                            Some((a, b))
                        }
                    }
                }};
            }

            match next {
                Next::Enter => {
                    ptr = self.ptr;
                    if op(code, pc) == INFO {
                        // <INFO> <skip> <flags> <min> ...
                        let min = op(code, pc + 3) as usize;
                        if min != 0 && end.saturating_sub(ptr) < min {
                            fail!();
                        }
                        pc += op(code, pc + 1) as usize + 1;
                    }
                    next = Next::Dispatch;
                }
                Next::Dispatch => loop {
                    let opc = op(code, pc);
                    pc += 1;
                    match opc {
                        MARK => {
                            let i = op(code, pc) as usize;
                            if i >= self.marks.len() {
                                return Err(SreError::Illegal);
                            }
                            if i & 1 != 0 {
                                self.lastindex = (i / 2 + 1) as isize;
                            }
                            if i as isize > self.lastmark {
                                let from = (self.lastmark + 1) as usize;
                                for m in &mut self.marks[from..i] {
                                    *m = NONE;
                                }
                                self.lastmark = i as isize;
                            }
                            self.marks[i] = ptr;
                            pc += 1;
                        }
                        LITERAL => {
                            if ptr >= end || text.at(ptr) != op(code, pc) {
                                fail!();
                            }
                            pc += 1;
                            ptr += 1;
                        }
                        NOT_LITERAL => {
                            if ptr >= end || text.at(ptr) == op(code, pc) {
                                fail!();
                            }
                            pc += 1;
                            ptr += 1;
                        }
                        SUCCESS => {
                            let c = ctx!();
                            if c.toplevel && ((self.match_all && ptr != end) || (self.must_advance && ptr == self.start)) {
                                fail!();
                            }
                            self.ptr = ptr;
                            succeed!();
                        }
                        AT => {
                            if !self.at(text, ptr, op(code, pc)) {
                                fail!();
                            }
                            pc += 1;
                        }
                        CATEGORY => {
                            if ptr >= end || !category(op(code, pc), text.at(ptr)) {
                                fail!();
                            }
                            pc += 1;
                            ptr += 1;
                        }
                        ANY => {
                            if ptr >= end || is_linebreak(text.at(ptr)) {
                                fail!();
                            }
                            ptr += 1;
                        }
                        ANY_ALL => {
                            if ptr >= end {
                                fail!();
                            }
                            ptr += 1;
                        }
                        IN => {
                            if ptr >= end || !prog.in_set(IN, pc + 1, text.at(ptr)) {
                                fail!();
                            }
                            pc += op(code, pc) as usize;
                            ptr += 1;
                        }
                        LITERAL_IGNORE => {
                            if ptr >= end || lower_ascii(text.at(ptr)) != op(code, pc) {
                                fail!();
                            }
                            pc += 1;
                            ptr += 1;
                        }
                        LITERAL_UNI_IGNORE => {
                            if ptr >= end || lower_unicode(text.at(ptr)) != op(code, pc) {
                                fail!();
                            }
                            pc += 1;
                            ptr += 1;
                        }
                        LITERAL_LOC_IGNORE => {
                            if ptr >= end || !char_loc_ignore(op(code, pc), text.at(ptr)) {
                                fail!();
                            }
                            pc += 1;
                            ptr += 1;
                        }
                        NOT_LITERAL_IGNORE => {
                            if ptr >= end || lower_ascii(text.at(ptr)) == op(code, pc) {
                                fail!();
                            }
                            pc += 1;
                            ptr += 1;
                        }
                        NOT_LITERAL_UNI_IGNORE => {
                            if ptr >= end || lower_unicode(text.at(ptr)) == op(code, pc) {
                                fail!();
                            }
                            pc += 1;
                            ptr += 1;
                        }
                        NOT_LITERAL_LOC_IGNORE => {
                            if ptr >= end || char_loc_ignore(op(code, pc), text.at(ptr)) {
                                fail!();
                            }
                            pc += 1;
                            ptr += 1;
                        }
                        IN_IGNORE => {
                            if ptr >= end || !prog.in_set(IN_IGNORE, pc + 1, text.at(ptr)) {
                                fail!();
                            }
                            pc += op(code, pc) as usize;
                            ptr += 1;
                        }
                        IN_UNI_IGNORE => {
                            if ptr >= end || !prog.in_set(IN_UNI_IGNORE, pc + 1, text.at(ptr)) {
                                fail!();
                            }
                            pc += op(code, pc) as usize;
                            ptr += 1;
                        }
                        IN_LOC_IGNORE => {
                            if ptr >= end || !prog.in_set(IN_LOC_IGNORE, pc + 1, text.at(ptr)) {
                                fail!();
                            }
                            pc += op(code, pc) as usize;
                            ptr += 1;
                        }
                        JUMP | INFO => {
                            pc += op(code, pc) as usize;
                        }
                        BRANCH => {
                            // <BRANCH> <skip> code <JUMP> ... <0>
                            lastmark_save!();
                            if self.repeat != NONE {
                                { let lm = ctx!().lastmark; self.mark_push(lm); }
                            }
                            match Self::branch_next(prog, text, pc, ptr, end) {
                                Some(alt) => {
                                    self.ptr = ptr;
                                    pc = alt;
                                    call!(Jump::Branch, alt + 1, ctx!().toplevel);
                                }
                                None => {
                                    if self.repeat != NONE {
                                        { let lm = ctx!().lastmark; self.mark_pop_discard(lm); }
                                    }
                                    fail!();
                                }
                            }
                        }
                        REPEAT_ONE => {
                            // <REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail
                            let min = op(code, pc + 1) as usize;
                            if min > end.saturating_sub(ptr) {
                                fail!();
                            }
                            self.ptr = ptr;
                            let n = self.count(prog, text, pc + 3, op(code, pc + 2))?;
                            ptr += n;
                            if n < min {
                                fail!();
                            }
                            let tail = pc + op(code, pc) as usize;
                            let c = ctx!();
                            if op(code, tail) == SUCCESS && ptr == end && !(c.toplevel && self.must_advance && ptr == self.start) {
                                self.ptr = ptr;
                                succeed!();
                            }
                            lastmark_save!();
                            if self.repeat != NONE {
                                { let lm = ctx!().lastmark; self.mark_push(lm); }
                            }
                            ctx!().count = n as isize;
                            // a tail that begins (after group marks, which consume
                            // nothing) with a literal: only positions holding it are tried
                            let mut lit = tail;
                            while op(code, lit) == MARK {
                                lit += 2;
                            }
                            if op(code, lit) == LITERAL {
                                ctx!().u = op(code, lit + 1) as usize;
                                match self.repeat_one_literal(text, pc, ptr, code) {
                                    Some(p) => {
                                        ptr = p;
                                        self.ptr = ptr;
                                        call!(Jump::RepeatOne1, tail, ctx!().toplevel);
                                    }
                                    None => {
                                        if self.repeat != NONE {
                                            { let lm = ctx!().lastmark; self.mark_pop_discard(lm); }
                                        }
                                        fail!();
                                    }
                                }
                            } else if ctx!().count >= min as isize {
                                self.ptr = ptr;
                                call!(Jump::RepeatOne2, tail, ctx!().toplevel);
                            } else {
                                if self.repeat != NONE {
                                    { let lm = ctx!().lastmark; self.mark_pop_discard(lm); }
                                }
                                fail!();
                            }
                        }
                        MIN_REPEAT_ONE => {
                            // <MIN_REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail
                            let min = op(code, pc + 1);
                            if min as usize > end.saturating_sub(ptr) {
                                fail!();
                            }
                            self.ptr = ptr;
                            let n = if min == 0 {
                                0
                            } else {
                                let n = self.count(prog, text, pc + 3, min)?;
                                if n < min as usize {
                                    fail!();
                                }
                                ptr += n;
                                n
                            };
                            let tail = pc + op(code, pc) as usize;
                            let c = ctx!();
                            if op(code, tail) == SUCCESS && !(c.toplevel && ((self.match_all && ptr != end) || (self.must_advance && ptr == self.start))) {
                                self.ptr = ptr;
                                succeed!();
                            }
                            lastmark_save!();
                            if self.repeat != NONE {
                                { let lm = ctx!().lastmark; self.mark_push(lm); }
                            }
                            ctx!().count = n as isize;
                            let max = op(code, pc + 2);
                            if max == MAXREPEAT || n as isize <= max as isize {
                                self.ptr = ptr;
                                call!(Jump::MinRepeatOne, tail, ctx!().toplevel);
                            }
                            if self.repeat != NONE {
                                { let lm = ctx!().lastmark; self.mark_pop_discard(lm); }
                            }
                            fail!();
                        }
                        POSSESSIVE_REPEAT_ONE => {
                            let min = op(code, pc + 1) as usize;
                            if min > end.saturating_sub(ptr) {
                                fail!();
                            }
                            self.ptr = ptr;
                            let n = self.count(prog, text, pc + 3, op(code, pc + 2))?;
                            ptr += n;
                            if n < min {
                                fail!();
                            }
                            pc += op(code, pc) as usize;
                            let c = ctx!();
                            if op(code, pc) == SUCCESS && ptr == end && !(c.toplevel && self.must_advance && ptr == self.start) {
                                self.ptr = ptr;
                                succeed!();
                            }
                        }
                        REPEAT => {
                            // <REPEAT> <skip> <min> <max> item <UNTIL> tail
                            if self.repeats.try_reserve(1).is_err() {
                                return Err(SreError::Memory);
                            }
                            let r = self.repeats.len();
                            self.repeats.push(Repeat { count: -1, pc, last_ptr: NONE, prev: self.repeat });
                            ctx!().u = r;
                            self.repeat = r;
                            self.ptr = ptr;
                            let child = pc + op(code, pc) as usize;
                            call!(Jump::Repeat, child, ctx!().toplevel);
                        }
                        MAX_UNTIL => {
                            let r = self.repeat;
                            if r == NONE {
                                return Err(SreError::Illegal);
                            }
                            self.ptr = ptr;
                            let rep = self.repeats[r];
                            let count = rep.count + 1;
                            ctx!().u = r;
                            ctx!().count = count;
                            let (min, max) = (op(code, rep.pc + 1), op(code, rep.pc + 2));
                            if count < min as isize {
                                self.repeats[r].count = count;
                                call!(Jump::MaxUntil1, rep.pc + 3, ctx!().toplevel);
                            }
                            if (count < max as isize || max == MAXREPEAT) && self.ptr != rep.last_ptr {
                                self.repeats[r].count = count;
                                lastmark_save!();
                                { let lm = ctx!().lastmark; self.mark_push(lm); }
                                self.data.push(rep.last_ptr);
                                self.repeats[r].last_ptr = self.ptr;
                                call!(Jump::MaxUntil2, rep.pc + 3, ctx!().toplevel);
                            }
                            self.repeat = rep.prev;
                            call!(Jump::MaxUntil3, pc, ctx!().toplevel);
                        }
                        MIN_UNTIL => {
                            let r = self.repeat;
                            if r == NONE {
                                return Err(SreError::Illegal);
                            }
                            self.ptr = ptr;
                            let rep = self.repeats[r];
                            let count = rep.count + 1;
                            ctx!().u = r;
                            ctx!().count = count;
                            if count < op(code, rep.pc + 1) as isize {
                                self.repeats[r].count = count;
                                call!(Jump::MinUntil1, rep.pc + 3, ctx!().toplevel);
                            }
                            self.repeat = rep.prev;
                            lastmark_save!();
                            if self.repeat != NONE {
                                { let lm = ctx!().lastmark; self.mark_push(lm); }
                            }
                            call!(Jump::MinUntil2, pc, ctx!().toplevel);
                        }
                        POSSESSIVE_REPEAT => {
                            // <POSSESSIVE_REPEAT> <skip> <min> <max> item <SUCCESS> tail
                            self.ptr = ptr;
                            ctx!().count = 0;
                            if op(code, pc + 1) > 0 {
                                call!(Jump::PossRepeat1, pc + 3, false);
                            }
                            // no previous position yet
                            match self.poss_repeat_more_at(code, pc, NONE) {
                                true => {
                                    lastmark_save!();
                                    { let lm = ctx!().lastmark; self.mark_push(lm); }
                                    ptr = self.ptr;
                                    call!(Jump::PossRepeat2, pc + 3, false);
                                }
                                false => {
                                    pc += op(code, pc) as usize + 1;
                                    ptr = self.ptr;
                                }
                            }
                        }
                        ATOMIC_GROUP => {
                            // <ATOMIC_GROUP> <skip> pattern <SUCCESS> tail
                            self.ptr = ptr;
                            call!(Jump::AtomicGroup, pc + 1, false);
                        }
                        GROUPREF => {
                            let Some((a, b)) = groupref_span!(op(code, pc)) else { fail!() };
                            for k in a..b {
                                if ptr >= end || text.at(ptr) != text.at(k) {
                                    fail!();
                                }
                                ptr += 1;
                            }
                            pc += 1;
                        }
                        GROUPREF_IGNORE => {
                            let Some((a, b)) = groupref_span!(op(code, pc)) else { fail!() };
                            for k in a..b {
                                if ptr >= end || lower_ascii(text.at(ptr)) != lower_ascii(text.at(k)) {
                                    fail!();
                                }
                                ptr += 1;
                            }
                            pc += 1;
                        }
                        GROUPREF_UNI_IGNORE => {
                            let Some((a, b)) = groupref_span!(op(code, pc)) else { fail!() };
                            for k in a..b {
                                if ptr >= end || lower_unicode(text.at(ptr)) != lower_unicode(text.at(k)) {
                                    fail!();
                                }
                                ptr += 1;
                            }
                            pc += 1;
                        }
                        GROUPREF_LOC_IGNORE => {
                            let Some((a, b)) = groupref_span!(op(code, pc)) else { fail!() };
                            for k in a..b {
                                if ptr >= end || lower_locale(text.at(ptr)) != lower_locale(text.at(k)) {
                                    fail!();
                                }
                                ptr += 1;
                            }
                            pc += 1;
                        }
                        GROUPREF_EXISTS => {
                            // <GROUPREF_EXISTS> <group> <skip> codeyes <JUMP> codeno
                            if groupref_span!(op(code, pc)).is_none() {
                                pc += op(code, pc + 1) as usize;
                            } else {
                                pc += 2;
                            }
                        }
                        ASSERT => {
                            // <ASSERT> <skip> <back> <pattern>
                            let back = op(code, pc + 1) as usize;
                            if ptr < back {
                                fail!();
                            }
                            self.ptr = ptr - back;
                            call!(Jump::Assert, pc + 2, false);
                        }
                        ASSERT_NOT => {
                            let back = op(code, pc + 1) as usize;
                            if ptr >= back {
                                self.ptr = ptr - back;
                                lastmark_save!();
                                if self.repeat != NONE {
                                    { let lm = ctx!().lastmark; self.mark_push(lm); }
                                }
                                call!(Jump::AssertNot, pc + 2, false);
                            }
                            pc += op(code, pc) as usize;
                        }
                        FAILURE => fail!(),
                        _ => return Err(SreError::Illegal),
                    }
                },
                Next::Return(ret) => {
                    let Some(done) = self.ctxs.pop() else { return Err(SreError::Illegal) };
                    if self.ctxs.len() <= base {
                        return Ok(ret);
                    }
                    let c = ctx!();
                    pc = c.pc;
                    ptr = c.ptr;
                    match done.jump {
                        Jump::None => return Err(SreError::Illegal),
                        Jump::Branch => {
                            if ret {
                                if self.repeat != NONE {
                                    self.mark_pop_discard(c.lastmark);
                                }
                                succeed!();
                            }
                            if self.repeat != NONE {
                                self.mark_pop_keep(c.lastmark);
                            }
                            lastmark_restore!();
                            // pc is this alternative's skip word
                            let from = pc + op(code, pc) as usize;
                            match Self::branch_next(prog, text, from, ptr, end) {
                                Some(alt) => {
                                    self.ptr = ptr;
                                    pc = alt;
                                    call!(Jump::Branch, alt + 1, c.toplevel);
                                }
                                None => {
                                    if self.repeat != NONE {
                                        self.mark_pop_discard(c.lastmark);
                                    }
                                    fail!();
                                }
                            }
                        }
                        Jump::RepeatOne1 | Jump::RepeatOne2 => {
                            if ret {
                                if self.repeat != NONE {
                                    self.mark_pop_discard(c.lastmark);
                                }
                                succeed!();
                            }
                            if self.repeat != NONE {
                                self.mark_pop_keep(c.lastmark);
                            }
                            lastmark_restore!();
                            // pc is the REPEAT_ONE's skip word
                            let min = op(code, pc + 1) as isize;
                            ptr = ptr.wrapping_sub(1);
                            ctx!().count -= 1;
                            let tail = pc + op(code, pc) as usize;
                            if done.jump == Jump::RepeatOne1 {
                                match self.repeat_one_literal(text, pc, ptr, code) {
                                    Some(p) => {
                                        ptr = p;
                                        self.ptr = ptr;
                                        call!(Jump::RepeatOne1, tail, c.toplevel);
                                    }
                                    None => {}
                                }
                            } else if ctx!().count >= min {
                                self.ptr = ptr;
                                call!(Jump::RepeatOne2, tail, c.toplevel);
                            }
                            if self.repeat != NONE {
                                self.mark_pop_discard(c.lastmark);
                            }
                            fail!();
                        }
                        Jump::MinRepeatOne => {
                            if ret {
                                if self.repeat != NONE {
                                    self.mark_pop_discard(c.lastmark);
                                }
                                succeed!();
                            }
                            if self.repeat != NONE {
                                self.mark_pop_keep(c.lastmark);
                            }
                            lastmark_restore!();
                            self.ptr = ptr;
                            let n = self.count(prog, text, pc + 3, 1)?;
                            if n != 0 {
                                ptr += 1;
                                ctx!().count += 1;
                                let max = op(code, pc + 2);
                                if max == MAXREPEAT || ctx!().count <= max as isize {
                                    self.ptr = ptr;
                                    let tail = pc + op(code, pc) as usize;
                                    call!(Jump::MinRepeatOne, tail, c.toplevel);
                                }
                            }
                            if self.repeat != NONE {
                                self.mark_pop_discard(c.lastmark);
                            }
                            fail!();
                        }
                        Jump::Repeat => {
                            let r = c.u;
                            self.repeat = self.repeats[r].prev;
                            self.repeats.truncate(r);
                            next = Next::Return(ret);
                        }
                        Jump::MaxUntil1 | Jump::MinUntil1 => {
                            if ret {
                                succeed!();
                            }
                            self.repeats[c.u].count = c.count - 1;
                            self.ptr = ptr;
                            fail!();
                        }
                        Jump::MaxUntil2 => {
                            let r = c.u;
                            self.repeats[r].last_ptr = self.data.pop().unwrap_or(NONE);
                            if ret {
                                self.mark_pop_discard(c.lastmark);
                                succeed!();
                            }
                            self.mark_pop(c.lastmark);
                            lastmark_restore!();
                            self.repeats[r].count = c.count - 1;
                            self.ptr = ptr;
                            self.repeat = self.repeats[r].prev;
                            call!(Jump::MaxUntil3, pc, c.toplevel);
                        }
                        Jump::MaxUntil3 => {
                            self.repeat = c.u;
                            if ret {
                                succeed!();
                            }
                            self.ptr = ptr;
                            fail!();
                        }
                        Jump::MinUntil2 => {
                            let r = c.u;
                            let repeat_of_tail = self.repeat;
                            self.repeat = r;
                            if ret {
                                if repeat_of_tail != NONE {
                                    self.mark_pop_discard(c.lastmark);
                                }
                                succeed!();
                            }
                            if repeat_of_tail != NONE {
                                self.mark_pop(c.lastmark);
                            }
                            lastmark_restore!();
                            self.ptr = ptr;
                            let rep = self.repeats[r];
                            let max = op(code, rep.pc + 2);
                            if (c.count >= max as isize && max != MAXREPEAT) || self.ptr == rep.last_ptr {
                                fail!();
                            }
                            self.repeats[r].count = c.count;
                            self.data.push(rep.last_ptr);
                            self.repeats[r].last_ptr = self.ptr;
                            call!(Jump::MinUntil3, rep.pc + 3, c.toplevel);
                        }
                        Jump::MinUntil3 => {
                            let r = c.u;
                            self.repeats[r].last_ptr = self.data.pop().unwrap_or(NONE);
                            if ret {
                                succeed!();
                            }
                            self.repeats[r].count = c.count - 1;
                            self.ptr = ptr;
                            fail!();
                        }
                        Jump::PossRepeat1 => {
                            if !ret {
                                self.ptr = ptr;
                                fail!();
                            }
                            ctx!().count += 1;
                            if ctx!().count < op(code, pc + 1) as isize {
                                call!(Jump::PossRepeat1, pc + 3, false);
                            }
                            if self.poss_repeat_more_at(code, pc, NONE) {
                                lastmark_save!();
                                { let lm = ctx!().lastmark; self.mark_push(lm); }
                                ptr = self.ptr;
                                call!(Jump::PossRepeat2, pc + 3, false);
                            }
                            pc += op(code, pc) as usize + 1;
                            ptr = self.ptr;
                            next = Next::Dispatch;
                        }
                        Jump::PossRepeat2 => {
                            if ret {
                                self.mark_pop_discard(c.lastmark);
                                ctx!().count += 1;
                                if self.poss_repeat_more_at(code, pc, ptr) {
                                    lastmark_save!();
                                    { let lm = ctx!().lastmark; self.mark_push(lm); }
                                    ptr = self.ptr;
                                    call!(Jump::PossRepeat2, pc + 3, false);
                                }
                            } else {
                                self.mark_pop(c.lastmark);
                                lastmark_restore!();
                                self.ptr = ptr;
                            }
                            pc += op(code, pc) as usize + 1;
                            ptr = self.ptr;
                            next = Next::Dispatch;
                        }
                        Jump::AtomicGroup => {
                            if !ret {
                                self.ptr = ptr;
                                fail!();
                            }
                            pc += op(code, pc) as usize;
                            ptr = self.ptr;
                            next = Next::Dispatch;
                        }
                        Jump::Assert => {
                            if !ret {
                                fail!();
                            }
                            pc += op(code, pc) as usize;
                            next = Next::Dispatch;
                        }
                        Jump::AssertNot => {
                            if ret {
                                if self.repeat != NONE {
                                    self.mark_pop_discard(c.lastmark);
                                }
                                fail!();
                            }
                            if self.repeat != NONE {
                                self.mark_pop(c.lastmark);
                            }
                            lastmark_restore!();
                            pc += op(code, pc) as usize;
                            next = Next::Dispatch;
                        }
                    }
                }
            }
        }
    }

    /// The next BRANCH alternative from the skip word at `pc` that may match at `ptr` (the
    /// position of its skip word), skipping those whose first LITERAL or IN cannot.
    #[inline]
    fn branch_next<T: Text>(prog: &Prog, text: T, mut pc: usize, ptr: usize, end: usize) -> Option<usize> {
        let code = &*prog.code;
        loop {
            let skip = op(code, pc) as usize;
            if skip == 0 {
                return None;
            }
            let first = op(code, pc + 1);
            let viable = match first {
                LITERAL => ptr < end && text.at(ptr) == op(code, pc + 2),
                IN => ptr < end && prog.in_set(IN, pc + 3, text.at(ptr)),
                _ => true,
            };
            if viable {
                return Some(pc);
            }
            pc += skip;
        }
    }

    /// REPEAT_ONE followed by a literal: backs off from `ptr` (count in the context) to the
    /// last position before it holding the literal; None when the count drops below the
    /// minimum on the way.
    #[inline]
    fn repeat_one_literal<T: Text>(&mut self, text: T, pc: usize, ptr: usize, code: &[u32]) -> Option<usize> {
        let min = op(code, pc + 1) as isize;
        let end = self.end;
        let c = self.top();
        let (chr, count) = (c.u as u32, c.count);
        if count < min {
            return None;
        }
        // positions from ptr - (count - min) up to ptr, before the end
        let lo = ptr.wrapping_sub((count - min) as usize);
        let hi = ptr.min(end.saturating_sub(1));
        let found = if lo <= hi && lo <= ptr { text.rfind(chr, lo, hi + 1) } else { None };
        match found {
            Some(q) => {
                c.count = count - (ptr - q) as isize;
                Some(q)
            }
            None => {
                c.count = min - 1;
                None
            }
        }
    }

    /// Whether POSSESSIVE_REPEAT at `pc` should try one more item: its count (in the
    /// context) is below the maximum and the last item moved (`prev`: where it started,
    /// `NONE` before the first).
    #[inline]
    fn poss_repeat_more_at(&self, code: &[u32], pc: usize, prev: usize) -> bool {
        let max = op(code, pc + 2);
        let count = self.ctxs[self.ctxs.len() - 1].count;
        (count < max as isize || max == MAXREPEAT) && self.ptr != prev
    }
}
