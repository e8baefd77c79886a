//! The disassembler behind `pyjit -X dis`.

use crate::code::{CodeObject, Const};
use crate::opcode::Instr;
use std::fmt::Write;

/// Disassembles `code` and, after it, every code object among its constants.
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    dis_one(code, &mut out);
    for c in &code.consts {
        if let Const::Code(inner) = c {
            out.push('\n');
            out.push_str(&disassemble(inner));
        }
    }
    out
}

fn const_repr(c: &Const) -> String {
    match c {
        Const::None => "None".into(),
        Const::Bool(b) => if *b { "True".into() } else { "False".into() },
        Const::Int(i) => i.to_string(),
        Const::BigInt(s) => s.clone(),
        Const::Float(f) => format!("{f:?}"),
        Const::Complex(r, i) => format!("({r}+{i}j)"),
        Const::Str(s) => format!("{s:?}"),
        Const::StrCps(cps) => format!("{cps:x?}"),
        Const::Bytes(b) => format!("b{:?}", String::from_utf8_lossy(b)),
        Const::Ellipsis => "Ellipsis".into(),
        Const::Tuple(t) => format!("({})", t.iter().map(const_repr).collect::<Vec<_>>().join(", ")),
        Const::FrozenSet(t) => format!("frozenset({{{}}})", t.iter().map(const_repr).collect::<Vec<_>>().join(", ")),
        Const::Code(c) => format!("<code object {}, line {}>", c.name, c.first_line),
    }
}

fn dis_one(code: &CodeObject, out: &mut String) {
    let _ = writeln!(out, "Disassembly of <code object {} from \"{}\", line {}>:", code.qualname, code.filename, code.first_line);
    let _ = writeln!(
        out,
        "  args={} posonly={} kwonly={} flags={:#x} stacksize={} varnames={:?} cellvars={:?} freevars={:?}",
        code.argcount, code.posonlyargcount, code.kwonlyargcount, code.flags, code.stacksize, code.varnames, code.cellvars, code.freevars
    );
    let mut last_line = 0;
    for (ip, instr) in code.code.iter().enumerate() {
        let line = code.line_at(ip);
        let line_col = if line != last_line { format!("{line:>4}") } else { "    ".into() };
        last_line = line;
        let name = format!("{instr:?}");
        let op = name.split('(').next().unwrap_or("").to_string();
        let detail = match *instr {
            Instr::LoadConst(i) => code.consts.get(i as usize).map(const_repr),
            Instr::LoadFast(i) | Instr::StoreFast(i) | Instr::DeleteFast(i) => code.varnames.get(i as usize).cloned(),
            Instr::LoadGlobal(i) | Instr::StoreGlobal(i) | Instr::DeleteGlobal(i) | Instr::LoadName(i)
            | Instr::StoreName(i) | Instr::DeleteName(i) | Instr::LoadAttr(i) | Instr::StoreAttr(i)
            | Instr::DeleteAttr(i) | Instr::LoadMethod(i) | Instr::ImportName(i) | Instr::ImportFrom(i) => {
                code.names.get(i as usize).cloned()
            }
            Instr::LoadDeref(i) | Instr::StoreDeref(i) | Instr::DeleteDeref(i) | Instr::LoadClosure(i)
            | Instr::LoadClassDeref(i) => code.cellvars.iter().chain(code.freevars.iter()).nth(i as usize).cloned(),
            Instr::BinaryOp(o) => Some(format!("{}{}", crate::opcode::BinOp::from_u32(o).symbol(), if o >= crate::opcode::INPLACE { "=" } else { "" })),
            Instr::CompareOp(o) => Some(crate::opcode::CmpOp::from_u32(o).symbol().to_string()),
            _ => instr.target().map(|t| format!("to {t}")),
        };
        let arg = name.split('(').nth(1).map(|s| s.trim_end_matches(')').to_string()).unwrap_or_default();
        let pos = code.loc_at(ip).map(|l| format!("{}:{}-{}:{}", l.line, l.col, l.end_line, l.end_col)).unwrap_or_default();
        let text = match detail {
            Some(d) => format!("{line_col} {ip:>6} {op:<20} {arg:>5} ({d})"),
            None => format!("{line_col} {ip:>6} {op:<20} {arg:>5}"),
        };
        let _ = writeln!(out, "{text:<56} @{pos}");
    }
    if !code.exc_table.is_empty() {
        let _ = writeln!(out, "ExceptionTable:");
        for e in &code.exc_table {
            let _ = writeln!(out, "  {} to {} -> {} [{}]", e.start, e.end, e.handler, e.depth);
        }
    }
}
