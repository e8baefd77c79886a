//! Printing uncaught exceptions in CPython 3.11's traceback format.

use std::collections::HashMap;

use crate::heap::Value;
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
    format_tb_into(tb, out, cache);
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

/// "Traceback (most recent call last):" and the entries of a traceback object (nothing for
/// NULL or None).
pub fn format_tb(tb: Value) -> String {
    let mut out = String::new();
    format_tb_into(tb, &mut out, &mut HashMap::new());
    out
}

fn format_tb_into(tb: Value, out: &mut String, cache: &mut HashMap<String, Vec<String>>) {
    if tb.get::<TracebackObj>().is_some() {
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
}
