//! Printing uncaught exceptions in CPython 3.11's traceback format, including the position
//! markers under each frame's source line (Python/traceback.c, tb_displayline).

use std::collections::HashMap;

use num_traits::ToPrimitive;

use pyjit_compiler::carets;
use pyjit_compiler::code::Loc;

use crate::heap::{ObjKind, Value};
use crate::interp::Vm;
use crate::objects::*;

/// Source files read so far: their lines, split by universal newlines, without the newline.
type SourceCache = HashMap<String, Option<Vec<String>>>;

/// Line `line` of `file` as CPython's traceback reads it: decoded by the file's coding
/// cookie (UTF-8 by default), whole, without its newline; none for pseudo-files like
/// `<string>` and for files that cannot be read or decoded.
pub(crate) fn source_line_of(vm: &mut Vm, file: &str, line: u32) -> Option<String> {
    source_line(vm, &mut SourceCache::new(), file, line)
}

fn source_line(vm: &mut Vm, cache: &mut SourceCache, file: &str, line: u32) -> Option<String> {
    if file.starts_with('<') && file.ends_with('>') {
        return None;
    }
    if !cache.contains_key(file) {
        let lines = std::fs::read(file).ok().and_then(|bytes| {
            let text = crate::source::decode_strict(vm, bytes)?;
            let text = text.replace("\r\n", "\n").replace('\r', "\n");
            Some(text.split('\n').map(|l| l.to_string()).collect::<Vec<_>>())
        });
        cache.insert(file.to_string(), lines);
    }
    let lines = cache.get(file)?.as_ref()?;
    let i = line.checked_sub(1)? as usize;
    // the text after the last newline is a line only when it is not empty
    if i + 1 == lines.len() && lines[i].is_empty() {
        return None;
    }
    lines.get(i).cloned()
}

fn is_blank(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\x0c')
}

/// CPython's _PyPegen_byte_offset_to_character_offset: the characters in the first `col`
/// bytes of `s` (a cut inside a character counts as one, the terminating NUL too).
fn byte_to_char(s: &str, col: usize) -> usize {
    let b = s.as_bytes();
    if col > b.len() {
        return s.chars().count() + 1;
    }
    String::from_utf8_lossy(&b[..col]).chars().count()
}

/// The columns the first `chars` characters of `line` take on a terminal, wide East Asian
/// characters counting two (CPython's _PyPegen_calculate_display_width).
fn display_width(line: &str, chars: usize) -> usize {
    let seg = line.chars().take(chars);
    if seg.clone().all(|c| c.is_ascii()) {
        return chars;
    }
    seg.map(|c| if crate::unicode::is_wide(c) { 2 } else { 1 }).sum()
}

/// The marker line under a frame's source line, if CPython 3.11 prints one: `^` under the
/// failing instruction's range, with `~`/`^` anchors for binary operations and subscripts;
/// none when the range covers the whole (stripped) line.
fn marker_line(line: &str, loc: Loc) -> Option<String> {
    let ws = line.bytes().take_while(|&b| is_blank(b)).count();
    let nchars = line.chars().count();
    let start = byte_to_char(line, loc.col as usize);
    let mut end = byte_to_char(line, loc.end_col as usize);
    let mut anchors = None;
    if loc.line == loc.end_line {
        let segment: String = line.chars().skip(start).take(end.saturating_sub(start)).collect();
        if let Some(a) = carets::anchors(&segment) {
            let left = byte_to_char(&segment, a.left_end) + start;
            let right = byte_to_char(&segment, a.right_start) + start;
            anchors = Some((left, right, a.primary, a.secondary));
        }
    } else {
        // a range running onto later lines is marked to the end of this one; CPython looks
        // for it with the line's length in characters used as an index into its UTF-8 bytes
        let bytes = line.as_bytes();
        let mut i = nchars as isize - 1;
        while i >= 0 && bytes.get(i as usize).is_some_and(|&b| is_blank(b)) {
            i -= 1;
        }
        end = (i + 1) as usize;
    }
    if end as isize - start as isize == (nchars - ws) as isize && anchors.is_none() {
        return None;
    }
    let (dp_start, dp_end) = (display_width(line, start) as isize, display_width(line, end) as isize);
    let (dp_left, dp_right, primary, secondary) = match anchors {
        Some((l, r, p, s)) => (display_width(line, l) as isize, display_width(line, r) as isize, p, s),
        None => (-1, -1, '^', '^'),
    };
    let mut out = String::new();
    let mut offset = ws as isize - 4;
    loop {
        offset += 1;
        if offset > dp_end {
            break;
        }
        out.push(if offset <= dp_start {
            ' '
        } else if anchors.is_some() && dp_left < offset && offset <= dp_right {
            secondary
        } else {
            primary
        });
    }
    Some(out)
}

/// One frame: its `File` line, the source line, and the markers, each line after `margin`.
fn format_frame(vm: &mut Vm, out: &mut String, cache: &mut SourceCache, tb: &TracebackObj, margin: &str) {
    let code = tb.code.get::<CodeObj>();
    let (file, name) = match code {
        Some(c) => (c.code.filename.to_string(), c.code.name.clone()),
        None => ("?".into(), "?".into()),
    };
    out.push_str(&format!("{margin}  File \"{file}\", line {}, in {name}\n", tb.lineno));
    let Some(line) = source_line(vm, cache, &file, tb.lineno) else { return };
    let ws = line.bytes().take_while(|&b| is_blank(b)).count();
    out.push_str(margin);
    out.push_str("    ");
    out.push_str(&line[ws..]);
    out.push('\n');
    let Some(loc) = code.and_then(|c| c.code.loc_at(tb.ip as usize)) else { return };
    if let Some(m) = marker_line(&line, loc) {
        out.push_str(margin);
        out.push_str(&m);
        out.push('\n');
    }
}

/// How many sub-exceptions of a group are printed, and how deep groups nest in the output.
const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;
/// How many repetitions of the same frame are printed before they are counted instead.
const RECURSIVE_CUTOFF: usize = 3;

/// The state of printing one uncaught exception, as Python/pythonrun.c's
/// exception_print_context: exceptions already printed, and the nesting of groups.
struct Printer<'v> {
    vm: &'v mut Vm,
    out: String,
    cache: SourceCache,
    seen: Vec<Value>,
    group_depth: usize,
    need_close: bool,
}

pub fn format_exception(vm: &mut Vm, exc: Value) -> String {
    let mut p = Printer { vm, out: String::new(), cache: HashMap::new(), seen: Vec::new(), group_depth: 0, need_close: false };
    p.exception_recursive(exc, 0);
    p.out
}

/// "Traceback (most recent call last):" and the entries of a traceback object (nothing for
/// NULL or None), as the uncaught-exception display prints them.
pub fn format_tb(vm: &mut Vm, tb: Value) -> String {
    if tb.get::<TracebackObj>().is_none() {
        return String::new();
    }
    let mut p = Printer { vm, out: String::new(), cache: HashMap::new(), seen: Vec::new(), group_depth: 0, need_close: false };
    p.out.push_str("Traceback (most recent call last):\n");
    p.frames(tb, "", None);
    p.out
}

impl Printer<'_> {
    fn indent(&self) -> String {
        " ".repeat(2 * self.group_depth)
    }

    /// Indentation plus `| ` inside an exception group.
    fn margin(&self) -> String {
        let m = if self.group_depth > 0 { "| " } else { "" };
        format!("{}{m}", self.indent())
    }

    fn exception_recursive(&mut self, exc: Value, nesting: usize) {
        // the chain is printed recursively; a pathological one is cut rather than overflowing
        if nesting < 200 {
            self.cause_and_context(exc, nesting);
        }
        if self.vm.isinstance(exc, self.vm.types.base_exception_group) {
            self.group(exc, nesting);
        } else {
            self.exception(exc);
        }
    }

    fn cause_and_context(&mut self, exc: Value, nesting: usize) {
        self.seen.push(exc);
        let Some(e) = exc.get::<ExceptionObj>() else { return };
        let none = self.vm.none;
        let present = |v: Value| !v.is_null() && v != none;
        let (cause, context) = (e.cause.get(), e.context.get());
        if present(cause) {
            if !self.seen.contains(&cause) {
                self.chained(cause, "The above exception was the direct cause of the following exception:\n", nesting);
            }
            return;
        }
        if e.suppress_context.get() {
            return;
        }
        if present(context) && !self.seen.contains(&context) {
            self.chained(context, "During handling of the above exception, another exception occurred:\n", nesting);
        }
    }

    fn chained(&mut self, exc: Value, message: &str, nesting: usize) {
        let need_close = self.need_close;
        self.exception_recursive(exc, nesting + 1);
        self.need_close = need_close;
        let m = self.margin();
        self.out.push_str(&format!("{m}\n{m}{message}{m}\n"));
    }

    /// The traceback, the `Type: message` line and the notes of one exception.
    fn exception(&mut self, exc: Value) {
        let margin = self.margin();
        let tb = exc.get::<ExceptionObj>().map(|e| e.traceback.get()).unwrap_or(Value::NULL);
        let limit = self.traceback_limit();
        if tb.get::<TracebackObj>().is_some() && limit.map_or(true, |l| l > 0) {
            let is_group = self.vm.isinstance(exc, self.vm.types.base_exception_group);
            let header_margin = if is_group && self.group_depth == 1 { format!("{}+ ", self.indent()) } else { margin.clone() };
            let header = if is_group { "Exception Group Traceback" } else { "Traceback" };
            self.out.push_str(&format!("{header_margin}{header} (most recent call last):\n"));
            self.frames(tb, &margin, limit);
        }
        if self.vm.isinstance(exc, self.vm.types.syntax_error) {
            self.syntax_error(exc, &margin);
        } else {
            let mut summary = self.vm.exc_summary(exc);
            if let Some(s) = crate::suggestions::offer(self.vm, exc) {
                summary.push_str(&format!(". Did you mean: '{s}'?"));
            }
            self.out.push_str(&format!("{margin}{summary}\n"));
        }
        self.notes(exc, &margin);
    }

    /// `sys.tracebacklimit` when it is an int (huge values count as no limit).
    fn traceback_limit(&mut self) -> Option<i64> {
        let d = self.vm.sys.get::<ModuleObj>().map(|m| m.dict)?;
        let v = self.vm.dict_get_by_str(d, "tracebacklimit")?;
        let b = self.vm.as_bigint(v)?;
        Some(b.to_i64().unwrap_or(if b.sign() == num_bigint::Sign::Minus { i64::MIN } else { i64::MAX }))
    }

    /// The frames, the last `limit` of them only when there is a limit.
    fn frames(&mut self, tb: Value, margin: &str, limit: Option<i64>) {
        let repeated = |n: usize| format!("  [Previous line repeated {} more time{}]\n", n - RECURSIVE_CUTOFF, if n - RECURSIVE_CUTOFF > 1 { "s" } else { "" });
        let mut t = tb;
        if let Some(limit) = limit {
            let mut depth: i64 = 0;
            let mut c = tb;
            while let Some(tr) = c.get::<TracebackObj>() {
                depth += 1;
                c = tr.next.get();
            }
            while depth > limit {
                let Some(tr) = t.get::<TracebackObj>() else { break };
                depth -= 1;
                t = tr.next.get();
            }
        }
        let mut last: Option<(String, u32, String)> = None;
        let mut count = 0;
        while let Some(tr) = t.get::<TracebackObj>() {
            let (file, name) = match tr.code.get::<CodeObj>() {
                Some(c) => (c.code.filename.to_string(), c.code.name.clone()),
                None => ("?".into(), "?".into()),
            };
            let key = (file, tr.lineno, name);
            if last.as_ref() != Some(&key) {
                if count > RECURSIVE_CUTOFF {
                    self.out.push_str(&repeated(count));
                }
                last = Some(key);
                count = 0;
            }
            count += 1;
            if count <= RECURSIVE_CUTOFF {
                format_frame(self.vm, &mut self.out, &mut self.cache, &tr, margin);
            }
            t = tr.next.get();
        }
        if count > RECURSIVE_CUTOFF {
            self.out.push_str(&repeated(count));
        }
    }

    /// A SyntaxError's location and source line, then its type and message, read from its
    /// attributes as CPython's parse_syntax_error does (a symbol table error keeps them out
    /// of `args`).
    fn syntax_error(&mut self, exc: Value, margin: &str) {
        let vm = &mut *self.vm;
        let attr = |vm: &mut Vm, name: &str| -> Option<Value> {
            let k = vm.intern(name);
            vm.getattr_opt(exc, k).ok().flatten()
        };
        let msg = attr(vm, "msg");
        let filename = attr(vm, "filename");
        let lineno = attr(vm, "lineno").and_then(|v| vm.as_i64(v));
        let mut shown_msg = None;
        if let (Some(m), Some(line)) = (msg, lineno) {
            let none = vm.none;
            let file = match filename {
                Some(f) if f != none => vm.str(f).unwrap_or_default(),
                _ => "<string>".to_string(),
            };
            let int_or = |vm: &mut Vm, v: Option<Value>, default: i64| v.and_then(|v| vm.as_i64(v)).unwrap_or(default);
            let offset = attr(vm, "offset");
            let col = int_or(vm, offset, -1);
            let end_lineno = attr(vm, "end_lineno");
            let end_line = int_or(vm, end_lineno, line);
            let end_offset = attr(vm, "end_offset");
            let mut end_col = int_or(vm, end_offset, -1);
            let text = attr(vm, "text");
            self.out.push_str(&format!("{margin}  File \"{file}\", line {line}\n"));
            if let Some(t) = text.filter(|t| t.kind() == Some(ObjKind::Str)) {
                let text = vm.str_of(t);
                // CPython marks one column for indentation errors, whatever the range
                if vm.isinstance(exc, vm.types.indentation_error) {
                    end_col = col + 1;
                }
                syntax_error_text(&mut self.out, margin, &text, line, col, Some(end_line), end_col);
            }
            shown_msg = Some(vm.str(m).unwrap_or_default());
        }
        let ty = vm.type_of(exc);
        let name = vm.type_name(ty);
        let msg = match shown_msg {
            Some(m) => m,
            None => {
                let args = vm.exc_args(exc);
                args.first().map(|m| vm.str_of(*m)).unwrap_or_default()
            }
        };
        self.out.push_str(&format!("{margin}{name}: {msg}\n"));
    }

    /// `__notes__`: each line of each note after the margin.
    fn notes(&mut self, exc: Value, margin: &str) {
        let Some(d) = exc.get::<ExceptionObj>().map(|e| e.dict.get()).filter(|d| !d.is_null()) else { return };
        let Some(n) = self.vm.dict_get_by_str(d, "__notes__") else { return };
        let items = if let Some(l) = n.get::<ListObj>() {
            l.snapshot()
        } else if let Some(t) = n.get::<TupleObj>() {
            t.items.to_vec()
        } else {
            let r = self.vm.repr(n).unwrap_or_else(|_| "<__notes__ repr() failed>".into());
            self.out.push_str(&format!("{margin}{r}\n"));
            return;
        };
        for note in items {
            match self.vm.str(note) {
                Ok(s) => {
                    for line in split_lines_keep_ends(&s) {
                        self.out.push_str(margin);
                        self.out.push_str(line);
                    }
                    self.out.push('\n');
                }
                Err(_) => self.out.push_str(&format!("{margin}<note str() failed>\n")),
            }
        }
    }

    /// A group: its own traceback and message, then each sub-exception in a numbered box.
    fn group(&mut self, exc: Value, nesting: usize) {
        if self.group_depth > MAX_GROUP_DEPTH {
            let m = self.margin();
            self.out.push_str(&format!("{m}... (max_group_depth is {MAX_GROUP_DEPTH})\n"));
            return;
        }
        if self.group_depth == 0 {
            self.group_depth += 1;
        }
        self.exception(exc);
        let excs = self.vm.eg_exceptions(exc);
        let n = if excs.len() <= MAX_GROUP_WIDTH { excs.len() } else { MAX_GROUP_WIDTH + 1 };
        self.need_close = false;
        for i in 0..n {
            let last = i + 1 == n;
            if last {
                // the closing line may come from a nested group instead
                self.need_close = true;
            }
            let head = if i == 0 { "+-" } else { "  " };
            let truncated = i >= MAX_GROUP_WIDTH;
            let label = if truncated { "...".to_string() } else { (i + 1).to_string() };
            let ind = self.indent();
            self.out.push_str(&format!("{ind}{head}+---------------- {label} ----------------\n"));
            self.group_depth += 1;
            if !truncated {
                self.exception_recursive(excs[i], nesting + 1);
            } else {
                let rest = excs.len() - MAX_GROUP_WIDTH;
                let m = self.margin();
                self.out.push_str(&format!("{m}and {rest} more exception{}\n", if rest > 1 { "s" } else { "" }));
            }
            if last && self.need_close {
                let ind = self.indent();
                self.out.push_str(&format!("{ind}+------------------------------------\n"));
                self.need_close = false;
            }
            self.group_depth -= 1;
        }
        if self.group_depth == 1 {
            self.group_depth -= 1;
        }
    }
}

/// The source line and caret line of a SyntaxError, as CPython 3.11's `print_error_text`
/// writes them. Offsets arrive in characters (1-based) and are used as byte offsets into
/// the line's UTF-8, as CPython does, so characters beyond ASCII before or inside the
/// range shift and widen the carets exactly as they do there.
fn syntax_error_text(out: &mut String, margin: &str, text: &str, line: i64, col: i64, end_line: Option<i64>, end_col: i64) {
    let byte_at = |chars: i64| -> i64 {
        if chars <= 0 {
            return chars;
        }
        text.char_indices().nth((chars - 1) as usize).map(|(b, _)| b as i64 + 1).unwrap_or(text.len() as i64 + 1)
    };
    let mut offset = byte_at(col);
    let mut end_offset = if end_col > 0 { byte_at(end_col) } else { end_col };
    let line_size = text.len() as i64;
    if end_line.is_some_and(|e| e > line) {
        end_offset = line_size;
    }
    if end_offset > line_size + 1 {
        end_offset = line_size + 1;
    }
    // from 1-based to 0-based
    offset -= 1;
    end_offset -= 1;
    let bytes = text.as_bytes();
    let mut start = 0usize;
    while start < bytes.len() && matches!(bytes[start], b' ' | b'\t' | 0x0c) {
        start += 1;
        offset -= 1;
        end_offset -= 1;
    }
    let mut body = &text[start..];
    let mut len = body.len() as i64;
    if body.ends_with('\n') {
        len -= 1;
    }
    if offset > len {
        offset = len;
    }
    // skip past newlines embedded in the text before the offset
    while let Some(nl) = body.find('\n') {
        let inl = nl as i64;
        if inl >= offset {
            break;
        }
        body = &body[nl + 1..];
        len -= inl + 1;
        offset -= inl + 1;
        end_offset -= inl + 1;
    }
    out.push_str(margin);
    out.push_str("    ");
    out.push_str(body.strip_suffix('\n').unwrap_or(body));
    out.push('\n');
    if offset < 0 {
        return;
    }
    let width = if end_offset > offset { end_offset - offset } else { 1 };
    let width = width.min((len - offset + 1).max(1));
    out.push_str(margin);
    out.push_str("    ");
    out.push_str(&" ".repeat(offset as usize));
    out.push_str(&"^".repeat(width as usize));
    out.push('\n');
}

/// `str.splitlines(keepends=True)`.
fn split_lines_keep_ends(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let is_break = matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}');
        if !is_break {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' {
            if let Some(&(j, '\n')) = it.peek() {
                end = j + 1;
                it.next();
            }
        }
        out.push(&s[start..end]);
        start = end;
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loc(col: u32, end_col: u32) -> Loc {
        Loc { line: 1, end_line: 1, col, end_col }
    }

    #[test]
    fn markers() {
        assert_eq!(marker_line("    return x[1] + 2", loc(11, 19)).as_deref(), Some("           ~~~~~^~~"));
        assert_eq!(marker_line("    return f([1])", loc(11, 17)).as_deref(), Some("           ^^^^^^"));
        // the whole line: no markers
        assert_eq!(marker_line("    f()", loc(4, 7)), None);
        // a subscript covering the whole line still has them
        assert_eq!(marker_line("x[1]", loc(0, 4)).as_deref(), Some("    ~^^^"));
    }

    #[test]
    fn wide_and_multibyte_characters() {
        // "é" is two bytes, one column; "中" three bytes, two columns
        let line = "s = \"é\"; t = s.x";
        assert_eq!(marker_line(line, loc(14, 17)), Some(format!("{}^^^", " ".repeat(13 + 4))));
        let line = "x = \"中\"; y = x.a";
        assert_eq!(marker_line(line, loc(15, 18)), Some(format!("{}^^^", " ".repeat(14 + 4))));
    }

    #[test]
    fn multi_line_ranges_mark_to_the_end_of_the_line() {
        let l = Loc { line: 1, end_line: 2, col: 4, end_col: 2 };
        assert_eq!(marker_line("x = f(1,   ", l).as_deref(), Some("        ^^^^"));
        assert_eq!(marker_line("f(1,", Loc { line: 1, end_line: 2, col: 0, end_col: 2 }), None);
    }

    #[test]
    fn splitlines() {
        assert_eq!(split_lines_keep_ends("a\nb\r\nc"), vec!["a\n", "b\r\n", "c"]);
        assert_eq!(split_lines_keep_ends("a\n"), vec!["a\n"]);
        assert_eq!(split_lines_keep_ends(""), Vec::<&str>::new());
    }
}
