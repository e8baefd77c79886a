//! pyjit's front end: parse Python 3.11 source with ruff's parser, resolve scopes, and emit
//! pyjit bytecode (`CodeObject`). It knows nothing of runtime values.

pub mod code;
mod compile;
pub mod dis;
pub mod error;
pub mod opcode;
pub mod symtable;

pub use code::{CodeObject, Const};
pub use compile::Mode;
pub use error::{CompileError, ErrorKind, SourceMap};

use ruff_python_ast::{Mod, PythonVersion};
use ruff_python_parser::{parse, ParseErrorType, ParseOptions};
use ruff_text_size::{TextRange, TextSize};

/// Deepest bracket nesting accepted, as CPython's tokenizer (MAXLEVEL).
const MAX_NESTING: usize = 200;

/// Compiles source text to a code object.
pub fn compile(source: &str, filename: &str, mode: Mode) -> Result<CodeObject, CompileError> {
    let src = SourceMap::new(filename, source);
    check_nesting(&src)?;
    let parse_mode = match mode {
        Mode::Eval => ruff_python_parser::Mode::Expression,
        Mode::Exec | Mode::Single => ruff_python_parser::Mode::Module,
    };
    let opts = ParseOptions::from(parse_mode).with_target_version(PythonVersion::PY311);
    let parsed = parse(source, opts).map_err(|e| parse_error(&src, &e.error, e.location))?;
    if let Some(e) = parsed.unsupported_syntax_errors().first() {
        return Err(src.syntax_error(e.to_string(), e.range));
    }
    match parsed.into_syntax() {
        Mod::Module(m) => compile::compile_module(&m.body, &src, mode),
        Mod::Expression(e) => compile::compile_expression(&e.body, &src),
    }
}

/// CPython rejects more than 200 nested brackets before parsing.
fn check_nesting(src: &SourceMap) -> Result<(), CompileError> {
    let mut depth = 0usize;
    let bytes = src.source.as_bytes();
    let mut i = 0;
    let mut quote: Option<u8> = None;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) => {
                if b == b'\\' {
                    i += 1;
                } else if b == q || b == b'\n' {
                    quote = None;
                }
            }
            None => match b {
                b'#' => {
                    while i < bytes.len() && bytes[i] != b'\n' {
                        i += 1;
                    }
                }
                b'\'' | b'"' => quote = Some(b),
                b'(' | b'[' | b'{' => {
                    depth += 1;
                    if depth > MAX_NESTING {
                        let at = TextSize::new(i as u32);
                        return Err(src.syntax_error("too many nested parentheses".into(), TextRange::new(at, at)));
                    }
                }
                b')' | b']' | b'}' => depth = depth.saturating_sub(1),
                _ => {}
            },
        }
        i += 1;
    }
    Ok(())
}

fn parse_error(src: &SourceMap, e: &ParseErrorType, range: TextRange) -> CompileError {
    let text = e.to_string();
    let mut err = src.syntax_error(cpython_message(&text), range);
    let lower = text.to_lowercase();
    if matches!(e, ParseErrorType::UnexpectedIndentation) {
        err.kind = ErrorKind::IndentationError;
        err.msg = "unexpected indent".into();
    } else if lower.contains("unindent") || lower.contains("indentation") && !lower.contains("expected an indented") {
        err.kind = ErrorKind::IndentationError;
        err.msg = "unindent does not match any outer indentation level".into();
    } else if lower.contains("expected an indented block") {
        err.kind = ErrorKind::IndentationError;
        err.msg = "expected an indented block".into();
    }
    err
}

/// Turns a ruff parser message into the closest CPython wording.
fn cpython_message(text: &str) -> String {
    let lower = text.to_lowercase();
    if lower.contains("missing closing quote") || lower.contains("unterminated string") {
        return "unterminated string literal".into();
    }
    if lower.contains("unterminated triple-quoted") {
        return "unterminated triple-quoted string literal".into();
    }
    if lower.contains("expected ')'") || lower.contains("expected ']'") || lower.contains("expected '}'") {
        return "'(' was never closed".into();
    }
    "invalid syntax".into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(src: &str) -> CodeObject {
        compile(src, "<test>", Mode::Exec).unwrap_or_else(|e| panic!("{src}: {e:?}"))
    }

    #[test]
    fn compiles_basic_module() {
        let c = ok("x = 1\nprint(x + 2)\n");
        assert_eq!(c.names, vec!["x".to_string(), "print".to_string()]);
        assert!(matches!(c.code.last(), Some(opcode::Instr::ReturnValue)));
    }

    #[test]
    fn function_locals_are_fast() {
        let c = ok("def f(a):\n    b = a\n    return b\n");
        let f = c.consts.iter().find_map(|k| if let Const::Code(f) = k { Some(f.clone()) } else { None }).unwrap();
        assert_eq!(f.varnames, vec!["a".to_string(), "b".to_string()]);
        assert!(f.code.iter().any(|i| matches!(i, opcode::Instr::StoreFast(1))));
    }

    #[test]
    fn closures_get_cells() {
        let c = ok("def f():\n    x = 1\n    def g():\n        return x\n    return g\n");
        let f = c.consts.iter().find_map(|k| if let Const::Code(f) = k { Some(f.clone()) } else { None }).unwrap();
        assert_eq!(f.cellvars, vec!["x".to_string()]);
        let g = f.consts.iter().find_map(|k| if let Const::Code(g) = k { Some(g.clone()) } else { None }).unwrap();
        assert_eq!(g.freevars, vec!["x".to_string()]);
    }

    #[test]
    fn syntax_error_has_position() {
        let e = compile("x = (1,\n", "<s>", Mode::Exec).unwrap_err();
        assert_eq!(e.kind, ErrorKind::SyntaxError);
        assert!(e.line >= 1);
    }

    #[test]
    fn nonlocal_without_binding_is_an_error() {
        let e = compile("def f():\n    nonlocal x\n", "<s>", Mode::Exec).unwrap_err();
        assert_eq!(e.msg, "no binding for nonlocal 'x' found");
    }

    #[test]
    fn deep_nesting_is_rejected() {
        let src = format!("x = {}1{}\n", "(".repeat(300), ")".repeat(300));
        let e = compile(&src, "<s>", Mode::Exec).unwrap_err();
        assert_eq!(e.msg, "too many nested parentheses");
    }

    #[test]
    fn stack_depth_is_balanced_for_try() {
        let c = ok("try:\n    x = 1\nexcept ValueError as e:\n    pass\nfinally:\n    y = 2\n");
        assert!(c.stacksize < 10);
        assert!(!c.exc_table.is_empty());
    }
}
