//! pyjit's front end: parse Python 3.11 source with ruff's parser, resolve scopes, and emit
//! pyjit bytecode (`CodeObject`). It knows nothing of runtime values.

pub mod code;
mod compile;
pub mod dis;
pub mod error;
mod numlit;
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
    let parsed = match parse(source, opts) {
        Ok(p) => p,
        Err(e) => {
            // the tokenizer meets a malformed number before the parser fails after it
            if let Some(err) = number_literal_error(&src, Some(e.location.end())) {
                return Err(err);
            }
            return Err(parse_error(&src, &e.error, e.location));
        }
    };
    if let Some(err) = number_literal_error(&src, None) {
        return Err(err);
    }
    if let Some(e) = parsed.unsupported_syntax_errors().first() {
        return Err(src.syntax_error(e.to_string(), e.range));
    }
    match parsed.into_syntax() {
        Mod::Module(m) => compile::compile_module(&m.body, &src, mode),
        Mod::Expression(e) => compile::compile_expression(&e.body, &src),
    }
}

/// A malformed number literal (as CPython's tokenizer rejects them) at or before `limit`.
fn number_literal_error(src: &SourceMap, limit: Option<TextSize>) -> Option<CompileError> {
    let (msg, at, start) = numlit::first_number_error(&src.source)?;
    let at = TextSize::new(at as u32);
    if limit.is_some_and(|l| TextSize::new(start as u32) > l) {
        return None;
    }
    Some(src.syntax_error(msg, TextRange::new(at, at)))
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
    if std::env::var_os("PYJIT_DEBUG_PARSE").is_some() {
        eprintln!("ruff: {text:?} at {range:?}");
    }
    let mut err = src.syntax_error("invalid syntax".into(), range);
    let at = range.start().to_u32() as usize;
    let snippet = src.source.get(at..(range.end().to_u32() as usize).min(src.source.len())).unwrap_or("");
    let line_text = src.line_text(err.line);
    if matches!(e, ParseErrorType::UnexpectedIndentation) {
        err.kind = ErrorKind::IndentationError;
        err.msg = "unexpected indent".into();
        return err;
    }
    if let Some(rest) = text.strip_prefix("Expected an indented block after ") {
        err.kind = ErrorKind::IndentationError;
        // the line of the statement that opened the block: the last line ending in ':'
        let mut opener = err.line.saturating_sub(1).max(1);
        while opener > 1 && !src.line_text(opener).trim_end().ends_with(':') {
            opener -= 1;
        }
        let what = rest.replace('`', "'");
        err.msg = format!("expected an indented block after {what} on line {opener}");
        return err;
    }
    let lower = text.to_lowercase();
    if lower.contains("unindent") || (lower.contains("indentation") && !lower.contains("expected")) {
        err.kind = ErrorKind::IndentationError;
        err.msg = "unindent does not match any outer indentation level".into();
        return err;
    }
    if lower.contains("unexpected eof") || lower.contains("expected ')'") || lower.contains("expected ']'") || lower.contains("expected '}'") {
        if let Some((ch, pos)) = unclosed_bracket(&src.source) {
            let p = TextSize::new(pos as u32);
            let mut e2 = src.syntax_error(format!("'{ch}' was never closed"), TextRange::new(p, p));
            e2.end_col = e2.col + 1;
            return e2;
        }
    }
    if lower.contains("missing closing quote") {
        let last_line = src.line_of(TextSize::new(src.source.len() as u32));
        let triple = snippet.starts_with("\"\"\"") || snippet.starts_with("'''");
        err.msg = if triple {
            format!("unterminated triple-quoted string literal (detected at line {last_line})")
        } else {
            format!("unterminated string literal (detected at line {})", err.line)
        };
        return err;
    }
    if text.contains("Unparenthesized generator expression") {
        err.msg = "Generator expression must be parenthesized".into();
        return err;
    }
    if text.contains("Assignment expression target must be an identifier") {
        let what = if snippet.contains('[') { "subscript" } else if snippet.contains('.') { "attribute" } else { "expression" };
        err.msg = format!("cannot use assignment expressions with {what}");
        return err;
    }
    if text.contains("Invalid assignment target") {
        let t = snippet.trim();
        if t.chars().next().map(|c| c.is_ascii_digit() || c == '"' || c == '\'').unwrap_or(false) {
            err.msg = "cannot assign to literal".into();
            return err;
        }
    }
    if text.starts_with("Expected `,`, found `") && text.ends_with("=`") && line_text.contains(',') {
        err.msg = "'tuple' is an illegal expression for augmented assignment".into();
        return err;
    }
    if text == "Expected an expression" {
        if snippet.starts_with('}') && line_text.contains("f\"") || snippet.starts_with('}') && line_text.contains("f'") {
            err.msg = "f-string: empty expression not allowed".into();
            return err;
        }
        if let Some(c @ (')' | ']' | '}')) = snippet.chars().next() {
            err.msg = format!("unmatched '{c}'");
            return err;
        }
    }
    if text.contains("Simple statements must be separated") {
        let trimmed = line_text.trim_start();
        if trimmed.starts_with("print ") && !trimmed.starts_with("print (") {
            err.msg = "Missing parentheses in call to 'print'. Did you mean print(...)?".into();
            return err;
        }
        // a number running into letters or underscores: 1__0, 1abc
        let before = src.source.get(..at).unwrap_or("");
        if before.ends_with(|c: char| c.is_ascii_digit()) && snippet.starts_with(|c: char| c == '_' || c.is_alphabetic()) {
            err.msg = "invalid decimal literal".into();
            return err;
        }
    }
    err
}

/// The innermost bracket still open at the end of the source, and its offset.
fn unclosed_bracket(source: &str) -> Option<(char, usize)> {
    let bytes = source.as_bytes();
    let mut stack: Vec<(char, usize)> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'\'' | b'"' => {
                let q = b;
                let triple = i + 2 < bytes.len() && bytes[i + 1] == q && bytes[i + 2] == q;
                i += if triple { 3 } else { 1 };
                while i < bytes.len() {
                    if bytes[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if triple {
                        if i + 2 < bytes.len() && bytes[i] == q && bytes[i + 1] == q && bytes[i + 2] == q {
                            i += 2;
                            break;
                        }
                    } else if bytes[i] == q || bytes[i] == b'\n' {
                        break;
                    }
                    i += 1;
                }
            }
            b'(' | b'[' | b'{' => stack.push((b as char, i)),
            b')' | b']' | b'}' => {
                stack.pop();
            }
            _ => {}
        }
        i += 1;
    }
    stack.last().copied()
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
