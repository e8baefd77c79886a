//! `from __future__` statements (CPython's future.c): the features of the run of future
//! imports that opens a module (after its docstring), and the errors for unknown features
//! and for future imports after other statements on the same line.

use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::Ranged;

use crate::error::{CompileError, SourceMap, Stage};

/// What the leading future imports of a module turn on.
#[derive(Default)]
pub(crate) struct Features {
    pub annotations: bool,
    /// The line of the last of them (CPython's ff_lineno; 0 when there is none): a future
    /// import on a later line is "not at the beginning of the file".
    pub lineno: u32,
}

const KNOWN: &[&str] = &[
    "nested_scopes", "generators", "division", "absolute_import", "with_statement", "print_function",
    "unicode_literals", "barry_as_FLUFL", "generator_stop", "annotations",
];

/// A `from __future__ import` (CPython ignores the level: `from .__future__` counts too).
fn is_future(s: &Stmt) -> bool {
    matches!(s, Stmt::ImportFrom(i) if i.module.as_ref().is_some_and(|m| m.as_str() == "__future__"))
}

/// An error of future.c: set by PyErr_SyntaxLocationObject, with a column given as is.
fn error(src: &SourceMap, msg: String, s: &Stmt, offset: i32) -> CompileError {
    let line = src.line_of(s.range().start());
    let mut e = CompileError::syntax(msg, src, line);
    e.col = offset;
    e.end_col = -1;
    e.at_stage(Stage::Future)
}

pub(crate) fn parse(body: &[Stmt], src: &SourceMap) -> Result<Features, CompileError> {
    let mut ff = Features::default();
    let docstring = matches!(body.first(), Some(Stmt::Expr(e)) if matches!(&*e.value, Expr::StringLiteral(_)));
    let mut done = false;
    let mut prev_line = 0;
    for s in body.iter().skip(usize::from(docstring)) {
        let line = src.line_of(s.range().start());
        if done && line > prev_line {
            break;
        }
        prev_line = line;
        if !is_future(s) {
            done = true;
            continue;
        }
        // a 0-based column here, as CPython passes it
        let col = src.col_of(s.range().start()) as i32;
        if done {
            return Err(error(src, "from __future__ imports must occur at the beginning of the file".into(), s, col));
        }
        let Stmt::ImportFrom(i) = s else { continue };
        for a in &i.names {
            match a.name.as_str() {
                "annotations" => ff.annotations = true,
                "braces" => return Err(error(src, "not a chance".into(), s, col + 1)),
                name if KNOWN.contains(&name) => {}
                name => return Err(error(src, format!("future feature {name} is not defined"), s, col + 1)),
            }
        }
        ff.lineno = line;
    }
    Ok(ff)
}

/// Whether `s` is a future import the code generator rejects: one after the leading run.
pub(crate) fn is_late(s: &Stmt, src: &SourceMap, ff_lineno: u32) -> bool {
    is_future(s) && src.line_of(s.range().start()) > ff_lineno
}
