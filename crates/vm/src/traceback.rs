//! Printing uncaught exceptions in CPython 3.11's traceback format, including the position
//! markers under each frame's source line (Python/traceback.c, tb_displayline).

use std::collections::HashMap;

use pyjit_compiler::carets;
use pyjit_compiler::code::Loc;

use crate::heap::Value;
use crate::interp::Vm;
use crate::objects::*;

/// Source files read so far: their lines, split by universal newlines, without the newline.
type SourceCache = HashMap<String, Option<Vec<String>>>;

/// Line `line` of `file` as CPython's traceback reads it: whole, without its newline; none for
/// pseudo-files like `<string>` and for files that cannot be read or decoded.
fn source_line(cache: &mut SourceCache, file: &str, line: u32) -> Option<String> {
    if file.starts_with('<') && file.ends_with('>') {
        return None;
    }
    let lines = cache.entry(file.to_string()).or_insert_with(|| {
        let bytes = std::fs::read(file).ok()?;
        let text = String::from_utf8(bytes).ok()?;
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        Some(text.split('\n').map(|l| l.to_string()).collect())
    });
    let lines = lines.as_ref()?;
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

/// One frame: its `File` line, the source line, and the markers.
fn format_frame(out: &mut String, cache: &mut SourceCache, tb: &TracebackObj) {
    let code = tb.code.get::<CodeObj>();
    let (file, name) = match code {
        Some(c) => (c.code.filename.to_string(), c.code.name.clone()),
        None => ("?".into(), "?".into()),
    };
    out.push_str(&format!("  File \"{file}\", line {}, in {name}\n", tb.lineno));
    let Some(line) = source_line(cache, &file, tb.lineno) else { return };
    let ws = line.bytes().take_while(|&b| is_blank(b)).count();
    out.push_str("    ");
    out.push_str(&line[ws..]);
    out.push('\n');
    let Some(loc) = code.and_then(|c| c.code.loc_at(tb.ip as usize)) else { return };
    if let Some(m) = marker_line(&line, loc) {
        out.push_str(&m);
        out.push('\n');
    }
}

pub fn format_exception(vm: &mut Vm, exc: Value) -> String {
    let mut out = String::new();
    let mut cache = HashMap::new();
    let mut seen = Vec::new();
    format_chain(vm, exc, &mut out, &mut cache, &mut seen);
    out
}

fn format_chain(vm: &mut Vm, exc: Value, out: &mut String, cache: &mut SourceCache, seen: &mut Vec<Value>) {
    seen.push(exc);
    if let Some(e) = exc.get::<ExceptionObj>() {
        let cause = e.cause.get();
        let context = e.context.get();
        if !cause.is_null() && cause != vm.none && !seen.contains(&cause) {
            format_chain(vm, cause, out, cache, seen);
            out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
        } else if !context.is_null() && context != vm.none && !e.suppress_context.get() && !seen.contains(&context) {
            format_chain(vm, context, out, cache, seen);
            out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
        }
    }
    format_one(vm, exc, out, cache);
}

fn format_one(vm: &mut Vm, exc: Value, out: &mut String, cache: &mut SourceCache) {
    let tb = exc.get::<ExceptionObj>().map(|e| e.traceback.get()).unwrap_or(Value::NULL);
    if !tb.is_null() {
        out.push_str("Traceback (most recent call last):\n");
        let mut t = tb;
        let mut last: Option<(String, u32, String)> = None;
        let mut repeat = 0;
        while let Some(tr) = t.get::<TracebackObj>() {
            let code = tr.code.get::<CodeObj>();
            let (file, name) = match code {
                Some(c) => (c.code.filename.to_string(), c.code.name.clone()),
                None => ("?".into(), "?".into()),
            };
            let key = (file.clone(), tr.lineno, name.clone());
            if last.as_ref() == Some(&key) {
                repeat += 1;
            } else {
                if repeat > 3 {
                    out.push_str(&format!("  [Previous line repeated {} more time{}]\n", repeat - 3, if repeat - 3 == 1 { "" } else { "s" }));
                }
                repeat = 1;
                last = Some(key);
            }
            if repeat <= 3 {
                format_frame(out, cache, &tr);
            }
            t = tr.next.get();
        }
        if repeat > 3 {
            out.push_str(&format!("  [Previous line repeated {} more time{}]\n", repeat - 3, if repeat - 3 == 1 { "" } else { "s" }));
        }
    }
    if vm.isinstance(exc, vm.types.syntax_error) {
        let args = vm.exc_args(exc);
        let details = args.get(1).and_then(|d| d.get::<TupleObj>().map(|t| t.items.to_vec())).unwrap_or_default();
        if details.len() >= 4 {
            let file = vm.str_of(details[0]);
            let line = vm.as_i64(details[1]).unwrap_or(0);
            let col = vm.as_i64(details[2]).unwrap_or(0);
            out.push_str(&format!("  File \"{file}\", line {line}\n"));
            let text = vm.str_of(details[3]);
            let trimmed = text.trim_end_matches(['\n', '\r']);
            let stripped = trimmed.trim_start();
            if !stripped.is_empty() {
                let indent = trimmed.chars().count() - stripped.chars().count();
                out.push_str(&format!("    {stripped}\n"));
                let caret_col = (col - 1 - indent as i64).max(0) as usize;
                out.push_str(&format!("    {}^\n", " ".repeat(caret_col)));
            }
        }
        let ty = vm.type_of(exc);
        let name = vm.type_name(ty);
        let msg = args.first().map(|m| vm.str_of(*m)).unwrap_or_default();
        out.push_str(&format!("{name}: {msg}\n"));
        return;
    }
    if vm.isinstance(exc, vm.types.base_exception_group) {
        format_group(vm, exc, out, cache, 0);
        return;
    }
    let summary = vm.exc_summary(exc);
    out.push_str(&summary);
    out.push('\n');
    notes(vm, exc, out, "");
}

fn notes(vm: &mut Vm, exc: Value, out: &mut String, indent: &str) {
    let Some(d) = exc.get::<ExceptionObj>().map(|e| e.dict.get()).filter(|d| !d.is_null()) else { return };
    if let Some(n) = vm.dict_get_by_str(d, "__notes__") {
        if let Some(l) = n.get::<ListObj>() {
            for note in l.snapshot() {
                let s = vm.str(note).unwrap_or_default();
                out.push_str(&format!("{indent}{s}\n"));
            }
        }
    }
}

fn format_group(vm: &mut Vm, exc: Value, out: &mut String, cache: &mut SourceCache, depth: usize) {
    let ind = "  ".repeat(depth);
    let summary = vm.exc_summary(exc);
    out.push_str(&format!("{ind}{}{summary}\n", if depth == 0 { "" } else { "| " }));
    let excs = vm.eg_exceptions(exc);
    let n = excs.len();
    for (i, e) in excs.into_iter().enumerate() {
        let head = if i == 0 { "+-" } else { "  " };
        out.push_str(&format!("{ind}  {head}+---------------- {} ----------------\n", i + 1));
        let mut sub = String::new();
        if vm.isinstance(e, vm.types.base_exception_group) {
            format_group(vm, e, &mut sub, cache, 0);
        } else {
            format_one(vm, e, &mut sub, cache);
        }
        for line in sub.lines() {
            out.push_str(&format!("{ind}    | {line}\n"));
        }
        if i + 1 == n {
            out.push_str(&format!("{ind}    +------------------------------------\n"));
        }
    }
}
