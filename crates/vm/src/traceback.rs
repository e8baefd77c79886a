//! Printing uncaught exceptions in CPython 3.11's traceback format.

use std::collections::HashMap;

use crate::heap::{ObjKind, Value};
use crate::interp::Vm;
use crate::objects::*;

fn source_line(cache: &mut HashMap<String, Vec<String>>, file: &str, line: u32) -> Option<String> {
    if file.starts_with('<') {
        return None;
    }
    let lines = cache
        .entry(file.to_string())
        .or_insert_with(|| std::fs::read_to_string(file).map(|s| s.lines().map(|l| l.to_string()).collect()).unwrap_or_default());
    lines.get(line.checked_sub(1)? as usize).map(|l| l.trim().to_string())
}

pub fn format_exception(vm: &mut Vm, exc: Value) -> String {
    let mut out = String::new();
    let mut cache = HashMap::new();
    let mut seen = Vec::new();
    format_chain(vm, exc, &mut out, &mut cache, &mut seen);
    out
}

fn format_chain(vm: &mut Vm, exc: Value, out: &mut String, cache: &mut HashMap<String, Vec<String>>, seen: &mut Vec<Value>) {
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

fn format_one(vm: &mut Vm, exc: Value, out: &mut String, cache: &mut HashMap<String, Vec<String>>) {
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
                out.push_str(&format!("  File \"{file}\", line {}, in {name}\n", tr.lineno));
                if let Some(src) = source_line(cache, &file, tr.lineno) {
                    out.push_str(&format!("    {src}\n"));
                }
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
            if details[3].kind() == Some(ObjKind::Str) {
                let text = vm.str_of(details[3]);
                let end_line = details.get(4).and_then(|v| vm.as_i64(*v));
                let mut end_col = details.get(5).and_then(|v| vm.as_i64(*v)).unwrap_or(0);
                // CPython marks one column for indentation errors, whatever the range
                if vm.isinstance(exc, vm.types.indentation_error) {
                    end_col = col + 1;
                }
                syntax_error_text(out, &text, line, col, end_line, end_col);
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

fn format_group(vm: &mut Vm, exc: Value, out: &mut String, cache: &mut HashMap<String, Vec<String>>, depth: usize) {
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

/// The source line and caret line of a SyntaxError, as CPython 3.11's `print_error_text`
/// writes them. Offsets arrive in characters (1-based) and are used as byte offsets into
/// the line's UTF-8, as CPython does, so characters beyond ASCII before or inside the
/// range shift and widen the carets exactly as they do there.
fn syntax_error_text(out: &mut String, text: &str, line: i64, col: i64, end_line: Option<i64>, end_col: i64) {
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
    out.push_str("    ");
    out.push_str(body.strip_suffix('\n').unwrap_or(body));
    out.push('\n');
    if offset < 0 {
        return;
    }
    let width = if end_offset > offset { end_offset - offset } else { 1 };
    let width = width.min((len - offset + 1).max(1));
    out.push_str("    ");
    out.push_str(&" ".repeat(offset as usize));
    out.push_str(&"^".repeat(width as usize));
    out.push('\n');
}
