//! The errors CPython 3.11's tokenizer reports, found by a scan of the source before parsing:
//! malformed number literals, unterminated strings, unmatched or mismatched closing
//! brackets, too deep nesting, inconsistent tabs and spaces, unindents that match no outer
//! level. CPython reports these in preference to any parser error, wherever they are in the
//! file, so they are checked first. The scan also records the brackets left open at the end
//! (for "'(' was never closed") and the f-strings with CPython 3.11's f-string errors.

use crate::error::{CompileError, CompileWarning, ErrorKind, SourceMap, Stage, WarningCategory};
use crate::fstring;
use ruff_text_size::TextSize;

/// Deepest bracket nesting accepted, as CPython's tokenizer (MAXLEVEL).
const MAX_NESTING: usize = 200;
/// Indentation levels CPython's tokenizer allows (MAXINDENT).
const MAX_INDENT: usize = 100;

/// What the scan found.
#[derive(Default)]
pub(crate) struct Scan {
    /// The first error of the tokenizer; it wins over every parser error.
    pub error: Option<CompileError>,
    /// The innermost bracket still open at the end of the source: character and byte offset.
    pub unclosed: Option<(char, usize)>,
    /// The first f-string that CPython 3.11 rejects: byte offset of its token and the error.
    pub fstring_error: Option<(usize, CompileError)>,
    /// The warnings of the tokenizer and of string literals, in source order.
    pub warnings: Vec<CompileWarning>,
    /// Byte ranges of the bodies of f-string literals (3.11 parses their expressions apart).
    pub fstrings: Vec<(usize, usize)>,
}

struct Scanner<'a> {
    src: &'a SourceMap,
    b: &'a [u8],
    pos: usize,
    /// Open brackets: character and byte offset.
    stack: Vec<(u8, usize)>,
    /// Indentation stacks: columns with tabs to multiples of 8, and with tabs as one column.
    ind: Vec<usize>,
    altind: Vec<usize>,
    eval_mode: bool,
    out: Scan,
    /// Operators since the last comma or bracket that nest the parser's recursion one level
    /// each (prefix `-` `+` `~`, `not`, `await`, `lambda`, `else`, `**`): a cheap bound that
    /// stops a pathological chain before the parser builds a tree millions of levels deep.
    chain: usize,
    /// The previous token ends an operand (so a following `-` or `+` is binary).
    prev_operand: bool,
}

/// Keywords after which a `-` or `+` is a prefix operator.
const NON_OPERAND_KEYWORDS: &[&str] = &[
    "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else", "except",
    "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass",
    "raise", "return", "try", "while", "with", "yield",
];

fn is_ident_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

fn is_string_prefix(p: &[u8]) -> bool {
    let s = String::from_utf8_lossy(p).to_ascii_lowercase();
    matches!(s.as_str(), "r" | "u" | "b" | "br" | "rb" | "f" | "fr" | "rf")
}

pub(crate) fn scan(src: &SourceMap, eval_mode: bool) -> Scan {
    let mut s = Scanner {
        src,
        b: src.source.as_bytes(),
        pos: 0,
        stack: Vec::new(),
        ind: vec![0],
        altind: vec![0],
        eval_mode,
        out: Scan::default(),
        chain: 0,
        prev_operand: false,
    };
    if let Err(e) = s.run() {
        s.out.error = Some(e);
    }
    s.out.unclosed = s.stack.last().map(|&(c, at)| (c as char, at));
    s.out
}

impl<'a> Scanner<'a> {
    fn peek(&self, at: usize) -> u8 {
        self.b.get(at).copied().unwrap_or(0)
    }

    /// The byte offset where the line holding `at` starts.
    fn line_start(&self, at: usize) -> usize {
        self.b[..at.min(self.b.len())].iter().rposition(|&c| c == b'\n').map(|i| i + 1).unwrap_or(0)
    }

    /// An error at CPython's tokenizer cursor `cur` (offset = characters before it on its line).
    fn err_cur(&self, msg: String, tok_start: usize, cur: usize) -> CompileError {
        let ls = self.line_start(tok_start);
        let col = self.src.source.get(ls..cur.min(self.b.len())).map(|s| s.chars().count()).unwrap_or(0) as i32;
        let line = self.src.line_of(TextSize::new(tok_start as u32));
        let mut e = CompileError::syntax(msg, self.src, line);
        e.col = col;
        e.end_col = col;
        // CPython's tokenizer quotes the line without its newline
        if let Some(t) = &mut e.text {
            if t.ends_with('\n') {
                t.pop();
            }
        }
        e.at_stage(Stage::Tokenizer)
    }

    /// One more level of parser nesting in the current chain.
    fn nest(&mut self) -> Result<(), CompileError> {
        self.chain += 1;
        if self.chain > crate::nesting::PARSER_LIMIT as usize {
            let mut e = CompileError::syntax(String::new(), self.src, 0);
            e.kind = ErrorKind::MemoryError;
            return Err(e);
        }
        Ok(())
    }

    fn run(&mut self) -> Result<(), CompileError> {
        let mut at_bol = true;
        while self.pos < self.b.len() {
            if at_bol {
                at_bol = false;
                if self.stack.is_empty() {
                    self.indentation()?;
                }
                continue;
            }
            let c = self.b[self.pos];
            if !c.is_ascii_whitespace() && c != b'\\' && c != b'#' {
                let operand = self.prev_operand;
                self.prev_operand = false;
                match c {
                    b',' | b';' | b'(' | b'[' | b'{' | b')' | b']' | b'}' => self.chain = 0,
                    b'*' if self.peek(self.pos + 1) == b'*' && self.peek(self.pos + 2) != b'=' => {
                        self.pos += 2;
                        self.nest()?;
                        continue;
                    }
                    b'-' | b'+' | b'~' if !operand && self.peek(self.pos + 1) != b'=' && self.peek(self.pos + 1) != b'>' => self.nest()?,
                    _ => {}
                }
            }
            match c {
                b'\n' => {
                    self.pos += 1;
                    at_bol = true;
                    if self.stack.is_empty() {
                        self.chain = 0;
                    }
                }
                b'#' => {
                    while self.pos < self.b.len() && self.b[self.pos] != b'\n' {
                        self.pos += 1;
                    }
                }
                b'\\' if self.peek(self.pos + 1) == b'\n' => self.pos += 2,
                b'\\' if self.peek(self.pos + 1) == b'\r' && self.peek(self.pos + 2) == b'\n' => self.pos += 3,
                b'\\' => return Err(self.line_continuation_error()),
                b'\'' | b'"' => {
                    self.string(self.pos, self.pos, 0)?;
                    self.prev_operand = true;
                }
                b'0'..=b'9' => {
                    self.number(self.pos)?;
                    self.prev_operand = true;
                }
                b'.' if self.peek(self.pos + 1).is_ascii_digit() => {
                    self.number(self.pos)?;
                    self.prev_operand = true;
                }
                b'(' | b'[' | b'{' => {
                    if self.stack.len() >= MAX_NESTING {
                        return Err(self.err_cur("too many nested parentheses".into(), self.pos, self.pos + 1));
                    }
                    self.stack.push((c, self.pos));
                    self.pos += 1;
                }
                b')' | b']' | b'}' => {
                    let at = self.pos;
                    self.pos += 1;
                    self.prev_operand = true;
                    match self.stack.pop() {
                        None => return Err(self.err_cur(format!("unmatched '{}'", c as char), at, self.pos)),
                        Some((open, open_at)) => {
                            let want = match open {
                                b'(' => b')',
                                b'[' => b']',
                                _ => b'}',
                            };
                            if want != c {
                                let open_line = self.src.line_of(TextSize::new(open_at as u32));
                                let line = self.src.line_of(TextSize::new(at as u32));
                                let msg = if open_line != line {
                                    format!("closing parenthesis '{}' does not match opening parenthesis '{}' on line {open_line}", c as char, open as char)
                                } else {
                                    format!("closing parenthesis '{}' does not match opening parenthesis '{}'", c as char, open as char)
                                };
                                return Err(self.err_cur(msg, at, self.pos));
                            }
                        }
                    }
                }
                _ if is_ident_byte(c) => {
                    let start = self.pos;
                    while self.pos < self.b.len() && is_ident_byte(self.b[self.pos]) {
                        self.pos += 1;
                    }
                    let q = self.peek(self.pos);
                    if (q == b'\'' || q == b'"') && is_string_prefix(&self.b[start..self.pos]) {
                        let plen = self.pos - start;
                        self.string(start, self.pos, plen)?;
                        self.prev_operand = true;
                    } else {
                        let word = &self.b[start..self.pos];
                        if !word.is_ascii() {
                            self.check_identifier(start)?;
                        }
                        if matches!(word, b"not" | b"await" | b"lambda" | b"else") {
                            self.nest()?;
                        }
                        self.prev_operand = !NON_OPERAND_KEYWORDS.iter().any(|k| k.as_bytes() == word);
                    }
                }
                // a control character (CPython's tokenizer reads "\r" as a newline)
                _ if (c < 0x20 && !matches!(c, b'\t' | b'\x0c' | b'\r')) || c == 0x7f => {
                    let msg = crate::ident::invalid_char_message(c as char);
                    return Err(self.err_cur(msg, self.pos, self.pos + 1));
                }
                _ => self.pos += 1,
            }
        }
        Ok(())
    }

    /// A backslash not followed by a newline. CPython reports it at its cursor (after the
    /// next character) less one byte, counting characters of the line up to there, a cut
    /// multi-byte character as one; the text is the whole line.
    fn line_continuation_error(&self) -> CompileError {
        let ls = self.line_start(self.pos);
        let after = self.pos + 1;
        let line = self.src.line_of(TextSize::new(self.pos as u32));
        let mut col = self.src.source.get(ls..after).map(|s| s.chars().count()).unwrap_or(0) as i32;
        if after < self.b.len() {
            // the cursor passed the next character
            col += 1 + i32::from(self.b[after] >= 0x80);
        }
        let mut e = CompileError::syntax("unexpected character after line continuation character".into(), self.src, line);
        e.col = col;
        e.end_col = 0;
        e
    }

    /// A word with non-ASCII characters from `start` to the cursor must be an identifier
    /// (CPython's verify_identifier): the error is at the first character that cannot be.
    fn check_identifier(&self, start: usize) -> Result<(), CompileError> {
        let word = self.src.source.get(start..self.pos).unwrap_or("");
        let Some(bad) = crate::ident::invalid_at(word) else { return Ok(()) };
        let Some((off, c)) = word.char_indices().nth(bad) else { return Ok(()) };
        // the cursor moves to just after the offending character
        let cur = start + off + c.len_utf8();
        Err(self.err_cur(crate::ident::invalid_char_message(c), start, cur))
    }

    /// At the start of a logical line: checks its indentation as CPython's tokenizer does.
    fn indentation(&mut self) -> Result<(), CompileError> {
        let start = self.pos;
        let (mut col, mut altcol) = (0usize, 0usize);
        let mut cont_col: Option<usize> = None;
        loop {
            match self.peek(self.pos) {
                b' ' => {
                    col += 1;
                    altcol += 1;
                }
                b'\t' => {
                    col = (col / 8 + 1) * 8;
                    altcol += 1;
                }
                0x0c => {
                    col = 0;
                    altcol = 0;
                }
                b'\\' if self.peek(self.pos + 1) == b'\n' => {
                    cont_col.get_or_insert(col);
                    self.pos += 1;
                }
                _ => break,
            }
            self.pos += 1;
        }
        let c = self.peek(self.pos);
        if c == b'#' || c == b'\n' || c == b'\r' || self.pos >= self.b.len() {
            return Ok(());
        }
        if let Some(cc) = cont_col {
            col = cc;
            altcol = cc;
        }
        let top = *self.ind.last().unwrap_or(&0);
        let alttop = *self.altind.last().unwrap_or(&0);
        let tab_error = |s: &Self| {
            let line = s.src.line_of(TextSize::new(start as u32));
            let mut e = CompileError::syntax("inconsistent use of tabs and spaces in indentation".into(), s.src, line);
            e.kind = ErrorKind::TabError;
            e.col = 1;
            e.end_col = 0;
            e
        };
        if col == top {
            if altcol != alttop {
                return Err(tab_error(self));
            }
        } else if col > top {
            if altcol <= alttop {
                return Err(tab_error(self));
            }
            if self.ind.len() >= MAX_INDENT {
                let line = self.src.line_of(TextSize::new(start as u32));
                let mut e = CompileError::syntax("too many levels of indentation".into(), self.src, line);
                e.kind = ErrorKind::IndentationError;
                e.col = 1;
                e.end_col = 0;
                return Err(e);
            }
            self.ind.push(col);
            self.altind.push(altcol);
        } else {
            while self.ind.len() > 1 && col < *self.ind.last().unwrap_or(&0) {
                self.ind.pop();
                self.altind.pop();
            }
            if col != *self.ind.last().unwrap_or(&0) {
                let line = self.src.line_of(TextSize::new(start as u32));
                let mut e = CompileError::syntax("unindent does not match any outer indentation level".into(), self.src, line);
                e.kind = ErrorKind::IndentationError;
                let text = self.src.line_text(line);
                e.col = text.trim_end_matches(['\n', '\r']).chars().count() as i32 + 1;
                e.end_col = -1;
                return Err(e);
            }
            if altcol != *self.altind.last().unwrap_or(&0) {
                return Err(tab_error(self));
            }
        }
        Ok(())
    }

    /// A string literal whose token starts at `tok` (its prefix) with the quote at `q`.
    fn string(&mut self, tok: usize, q: usize, plen: usize) -> Result<(), CompileError> {
        let quote = self.b[q];
        let triple = self.peek(q + 1) == quote && self.peek(q + 2) == quote;
        let prefix = String::from_utf8_lossy(&self.b[tok..tok + plen]).to_ascii_lowercase();
        let body_start = q + if triple { 3 } else { 1 };
        let mut i = body_start;
        let body_end;
        loop {
            if i >= self.b.len() || (!triple && self.b[i] == b'\n') {
                let start_line = self.src.line_of(TextSize::new(tok as u32));
                let msg = if triple {
                    // the tokenizer's line number at the end: a final newline starts no line
                    let end = if self.b.ends_with(b"\n") { self.b.len() - 1 } else { self.b.len() };
                    let last = self.src.line_of(TextSize::new(end as u32));
                    format!("unterminated triple-quoted string literal (detected at line {last})")
                } else {
                    let here = self.src.line_of(TextSize::new(i.min(self.b.len()) as u32));
                    format!("unterminated string literal (detected at line {here})")
                };
                let mut e = self.err_cur(msg, tok, tok + 1);
                e.line = start_line;
                e.end_line = start_line;
                return Err(e);
            }
            let c = self.b[i];
            if c == b'\\' {
                i += 2;
                continue;
            }
            if c == quote {
                if !triple {
                    body_end = i;
                    i += 1;
                    break;
                }
                if self.peek(i + 1) == quote && self.peek(i + 2) == quote {
                    body_end = i;
                    i += 3;
                    break;
                }
            }
            i += 1;
        }
        self.pos = i;
        if !prefix.contains('r') {
            let body = &self.b[body_start..body_end];
            let segments = if prefix.contains('f') { fstring_literals(body) } else { vec![body] };
            for seg in segments {
                if let Some(msg) = invalid_escape(seg, prefix.contains('b')) {
                    // reported for the whole string token, at its first line
                    let range = ruff_text_size::TextRange::new(TextSize::new(tok as u32), TextSize::new(i as u32));
                    let error = self.src.syntax_error(msg.clone(), range);
                    let category = WarningCategory::DeprecationWarning;
                    self.out.warnings.push(CompileWarning { category, msg, line: error.line, error });
                }
            }
        }
        if prefix.contains('f') {
            self.out.fstrings.push((body_start, body_end));
        }
        if prefix.contains('f') && self.out.fstring_error.is_none() {
            let body = &self.src.source[body_start..body_end];
            if let Err(msg) = fstring::check(body, prefix.contains('r')) {
                let e = self.error_after_strings(msg, i);
                self.out.fstring_error = Some((tok, e));
            }
        }
        Ok(())
    }

    /// CPython reports f-string errors at the token after the run of string literals that
    /// ends at or after `from`.
    fn error_after_strings(&self, msg: String, from: usize) -> CompileError {
        let mut i = from;
        let depth = self.stack.len();
        loop {
            while matches!(self.peek(i), b' ' | b'\t' | 0x0c) {
                i += 1;
            }
            let c = self.peek(i);
            if c == b'\\' && self.peek(i + 1) == b'\n' {
                i += 2;
                continue;
            }
            if depth > 0 && (c == b'\n' || c == b'#') {
                while i < self.b.len() && self.b[i] != b'\n' {
                    i += 1;
                }
                i += 1;
                continue;
            }
            // another string literal continues the run
            let mut j = i;
            while j < self.b.len() && self.b[j].is_ascii_alphabetic() && j - i < 2 {
                j += 1;
            }
            let q = self.peek(j);
            if (q == b'\'' || q == b'"') && (j == i || is_string_prefix(&self.b[i..j])) {
                let triple = self.peek(j + 1) == q && self.peek(j + 2) == q;
                let mut k = j + if triple { 3 } else { 1 };
                while k < self.b.len() {
                    if self.b[k] == b'\\' {
                        k += 2;
                        continue;
                    }
                    if self.b[k] == q && (!triple || (self.peek(k + 1) == q && self.peek(k + 2) == q)) {
                        k += if triple { 3 } else { 1 };
                        break;
                    }
                    k += 1;
                }
                i = k;
                continue;
            }
            break;
        }
        let at = i.min(self.b.len());
        let line = self.src.line_of(TextSize::new(at as u32));
        let ls = self.line_start(at);
        let col = self.src.source.get(ls..at).map(|s| s.chars().count()).unwrap_or(0) as i32;
        let mut e = CompileError::syntax(msg, self.src, line);
        let c = self.peek(at);
        if at >= self.b.len() {
            e.col = if self.eval_mode { col } else { col + 1 };
            e.end_col = if self.eval_mode { -1 } else { e.col };
        } else if c == b'\n' || c == b'#' || c == b'\r' {
            e.col = col + 1;
            e.end_col = col + 1;
        } else {
            e.col = col + 1;
            e.end_col = col + 2;
        }
        e
    }

    /// A number literal starting at `start`, checked the way CPython's tokenizer reads it.
    fn number(&mut self, start: usize) -> Result<(), CompileError> {
        let mut n = Num { b: self.b, cur: start, warning: None };
        let r = n.read(start);
        if let Some((msg, cur)) = n.warning.take() {
            // a number run into a keyword (`1if`): a SyntaxWarning at the cursor
            let error = self.err_cur(msg.clone(), start, cur);
            self.out.warnings.push(CompileWarning { category: WarningCategory::SyntaxWarning, msg, line: error.line, error });
        }
        match r {
            Ok(()) => {
                self.pos = n.cur;
                Ok(())
            }
            Err(NumErr::At(msg, cur)) => Err(self.err_cur(msg, start, cur)),
            Err(NumErr::Range(msg, from, to)) => {
                let mut e = self.err_cur(msg, start, to);
                let ls = self.line_start(start);
                e.col = self.src.source.get(ls..from).map(|s| s.chars().count()).unwrap_or(0) as i32 + 1;
                Err(e)
            }
        }
    }
}

enum NumErr {
    /// Message and the tokenizer cursor.
    At(String, usize),
    /// Message and a byte range (start, end) on the line.
    Range(String, usize, usize),
}

/// CPython's tokenizer cursor over a number literal: `next` reads a character (0 at the end),
/// `back` un-reads one.
struct Num<'a> {
    b: &'a [u8],
    cur: usize,
    /// The warning met (message and cursor), for a number followed by a keyword.
    warning: Option<(String, usize)>,
}

impl<'a> Num<'a> {
    fn next(&mut self) -> u8 {
        match self.b.get(self.cur) {
            Some(&c) => {
                self.cur += 1;
                c
            }
            None => 0,
        }
    }

    fn back(&mut self, c: u8) {
        if c != 0 {
            self.cur -= 1;
        }
    }

    fn lookahead(&mut self, s: &[u8]) -> bool {
        let save = self.cur;
        let ok = s.iter().all(|&want| self.next() == want);
        self.cur = save;
        ok
    }

    /// CPython's verify_end_of_number: a number may not run into a name (except a few keywords).
    fn end_of_number(&mut self, c: u8, kind: &str) -> Result<(), NumErr> {
        let r = match c {
            b'a' => self.lookahead(b"nd"),
            b'e' => self.lookahead(b"lse"),
            b'f' => self.lookahead(b"or"),
            b'i' => matches!(self.b.get(self.cur), Some(b'f' | b'n' | b's')),
            b'o' => self.lookahead(b"r"),
            b'n' => self.lookahead(b"ot"),
            _ => false,
        };
        // a non-ASCII character after a number starts the next token
        if !r && c < 0x80 && is_ident_byte(c) {
            self.back(c);
            return Err(NumErr::At(format!("invalid {kind} literal"), self.cur));
        }
        if r {
            self.back(c);
            self.warning = Some((format!("invalid {kind} literal"), self.cur));
            self.next();
        }
        Ok(())
    }

    /// Digits and single underscores between digits; returns the character after them.
    fn decimal_tail(&mut self) -> Result<u8, NumErr> {
        loop {
            let mut c;
            loop {
                c = self.next();
                if !c.is_ascii_digit() {
                    break;
                }
            }
            if c != b'_' {
                return Ok(c);
            }
            c = self.next();
            if !c.is_ascii_digit() {
                self.back(c);
                return Err(NumErr::At("invalid decimal literal".into(), self.cur));
            }
        }
    }

    fn radix(&mut self, kind: &str, ok: fn(u8) -> bool, digit_msg: bool) -> Result<(), NumErr> {
        let mut c = self.next();
        loop {
            if c == b'_' {
                c = self.next();
            }
            if !ok(c) {
                if digit_msg && c.is_ascii_digit() {
                    return Err(NumErr::At(format!("invalid digit '{}' in {kind} literal", c as char), self.cur));
                }
                self.back(c);
                return Err(NumErr::At(format!("invalid {kind} literal"), self.cur));
            }
            loop {
                c = self.next();
                if !ok(c) {
                    break;
                }
            }
            if c != b'_' {
                break;
            }
        }
        if digit_msg && c.is_ascii_digit() {
            return Err(NumErr::At(format!("invalid digit '{}' in {kind} literal", c as char), self.cur));
        }
        self.end_of_number(c, kind)?;
        self.back(c);
        Ok(())
    }

    fn read(&mut self, start: usize) -> Result<(), NumErr> {
        let mut c = self.next();
        if c == b'.' {
            c = self.next();
            return self.fraction(c);
        }
        if c == b'0' {
            c = self.next();
            match c {
                b'x' | b'X' => return self.radix("hexadecimal", |c| c.is_ascii_hexdigit(), false),
                b'o' | b'O' => return self.radix("octal", |c| (b'0'..b'8').contains(&c), true),
                b'b' | b'B' => return self.radix("binary", |c| c == b'0' || c == b'1', true),
                _ => {}
            }
            let mut nonzero = false;
            loop {
                if c == b'_' {
                    c = self.next();
                    if !c.is_ascii_digit() {
                        self.back(c);
                        return Err(NumErr::At("invalid decimal literal".into(), self.cur));
                    }
                }
                if c != b'0' {
                    break;
                }
                c = self.next();
            }
            let zeros_end = self.cur;
            if c.is_ascii_digit() {
                nonzero = true;
                c = self.decimal_tail()?;
            }
            match c {
                b'.' => {
                    c = self.next();
                    return self.fraction(c);
                }
                b'e' | b'E' => return self.exponent(c),
                b'j' | b'J' => return self.imaginary(),
                _ if nonzero => {
                    self.back(c);
                    return Err(NumErr::Range(
                        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers".into(),
                        start,
                        zeros_end,
                    ));
                }
                _ => {}
            }
            self.end_of_number(c, "decimal")?;
            self.back(c);
            return Ok(());
        }
        // decimal: the first digit was read
        self.back(c);
        let c = self.decimal_tail()?;
        if c == b'.' {
            let c = self.next();
            return self.fraction(c);
        }
        self.after_fraction(c)
    }

    fn fraction(&mut self, c: u8) -> Result<(), NumErr> {
        let mut c = c;
        if c.is_ascii_digit() {
            c = self.decimal_tail()?;
        }
        self.after_fraction(c)
    }

    fn after_fraction(&mut self, c: u8) -> Result<(), NumErr> {
        match c {
            b'e' | b'E' => self.exponent(c),
            b'j' | b'J' => self.imaginary(),
            _ => {
                self.end_of_number(c, "decimal")?;
                self.back(c);
                Ok(())
            }
        }
    }

    fn exponent(&mut self, e: u8) -> Result<(), NumErr> {
        let mut c = self.next();
        if c == b'+' || c == b'-' {
            c = self.next();
            if !c.is_ascii_digit() {
                self.back(c);
                return Err(NumErr::At("invalid decimal literal".into(), self.cur));
            }
        } else if !c.is_ascii_digit() {
            self.back(c);
            self.end_of_number(e, "decimal")?;
            self.back(e);
            return Ok(());
        }
        let c = self.decimal_tail()?;
        if c == b'j' || c == b'J' {
            return self.imaginary();
        }
        self.end_of_number(c, "decimal")?;
        self.back(c);
        Ok(())
    }

    fn imaginary(&mut self) -> Result<(), NumErr> {
        let c = self.next();
        self.end_of_number(c, "imaginary")?;
        self.back(c);
        Ok(())
    }
}

/// The message for the first invalid escape sequence of a literal's text, as CPython's
/// decoders find it: an unknown escape, or an octal escape above 0o377.
fn invalid_escape(body: &[u8], is_bytes: bool) -> Option<String> {
    let mut i = 0;
    while i < body.len() {
        if body[i] != b'\\' {
            i += 1;
            continue;
        }
        let Some(&c) = body.get(i + 1) else { return None };
        match c {
            b'\n' | b'\\' | b'\'' | b'"' | b'a' | b'b' | b'f' | b'n' | b'r' | b't' | b'v' | b'x' => i += 2,
            b'N' | b'u' | b'U' if !is_bytes => i += 2,
            // CPython's str decoder turns a backslash before a non-ASCII character into `\u005c`
            0x80.. if !is_bytes => i += 2,
            b'0'..=b'7' => {
                let digits = body[i + 1..].iter().take(3).take_while(|d| (b'0'..=b'7').contains(d)).count();
                let value = body[i + 1..i + 1 + digits].iter().fold(0u32, |v, d| v * 8 + u32::from(d - b'0'));
                if value > 0o377 {
                    let text = String::from_utf8_lossy(&body[i + 1..i + 1 + digits]);
                    return Some(format!("invalid octal escape sequence '\\{text}'"));
                }
                i += 1 + digits;
            }
            // CPython formats the byte after the backslash as a character
            _ => return Some(format!("invalid escape sequence '\\{}'", c as char)),
        }
    }
    None
}

/// The literal parts of an f-string's text that CPython decodes one by one: split at
/// replacement fields and after each doubled brace (the format specs are left out).
fn fstring_literals(body: &[u8]) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < body.len() {
        match body[i] {
            b'\\' => {
                // an escape, `\N{...}` with its braces
                if body.get(i + 1) == Some(&b'N') && body.get(i + 2) == Some(&b'{') {
                    i += body[i..].iter().position(|&c| c == b'}').map(|p| p + 1).unwrap_or(body.len() - i);
                } else {
                    i += 2;
                }
            }
            b'{' | b'}' if body.get(i + 1) == Some(&body[i]) => {
                out.push(&body[start..i + 1]);
                i += 2;
                start = i;
            }
            b'{' => {
                out.push(&body[start..i]);
                // skip the replacement field, with nested brackets and strings
                let mut depth = 0usize;
                let mut quote: Option<u8> = None;
                while i < body.len() {
                    let c = body[i];
                    match quote {
                        Some(q) if c == q => quote = None,
                        Some(_) => {}
                        None => match c {
                            b'\'' | b'"' => quote = Some(c),
                            b'{' | b'[' | b'(' => depth += 1,
                            b'}' | b']' | b')' => {
                                depth = depth.saturating_sub(1);
                                if depth == 0 && c == b'}' {
                                    break;
                                }
                            }
                            _ => {}
                        },
                    }
                    i += 1;
                }
                i += 1;
                start = i;
            }
            _ => i += 1,
        }
    }
    if start < body.len() {
        out.push(&body[start..]);
    }
    out
}
