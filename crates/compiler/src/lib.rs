//! pyjit's front end: parse Python 3.11 source with ruff's parser, resolve scopes, and emit
//! pyjit bytecode (`CodeObject`). It knows nothing of runtime values.

pub mod carets;
pub mod code;
mod compile;
pub mod dis;
pub mod error;
mod fstring;
mod ident;
mod ident_tables;
pub mod nesting;
pub mod opcode;
pub mod positions;
pub mod serial;
pub mod symtable;
mod syntax_error;
mod tokscan;

pub use code::{CodeObject, Const};
pub use compile::{str_const, stmt_range, Mode};
pub use error::{CompileError, CompileWarning, ErrorKind, SourceMap, Stage, WarningCategory};

pub use ruff_python_ast as ruff_ast;
pub use ruff_text_size;
use ruff_python_ast::{Mod, PythonVersion};
use ruff_python_parser::{parse_unchecked, ParseOptions};

/// Statement and expression nesting allowed by default: CPython's, three levels per frame of
/// the default recursion limit (1000).
pub const DEFAULT_NESTING_LIMIT: u32 = 3000;

/// The optimisation level code is compiled at (-O: 1, -OO: 2; compile()'s `optimize`).
static OPTIMIZE: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

/// Sets the optimisation level for the compilations that follow: at 1 and above, `assert`
/// statements compile to nothing and `__debug__` is False; at 2, docstrings are dropped.
pub fn set_optimize(level: u8) {
    OPTIMIZE.store(level, std::sync::atomic::Ordering::Relaxed);
}

/// The optimisation level set by `set_optimize`.
pub fn optimize() -> u8 {
    OPTIMIZE.load(std::sync::atomic::Ordering::Relaxed)
}

/// Compiles source text to a code object.
pub fn compile(source: &str, filename: &str, mode: Mode) -> Result<CodeObject, CompileError> {
    compile_with_limit(source, filename, mode, DEFAULT_NESTING_LIMIT)
}

/// Compiles source text whose statements and expressions may nest `nesting_limit` deep
/// (CPython: 3 x the recursion limit left to the caller); deeper source gives a
/// RecursionError or MemoryError kind of CompileError, as CPython raises them.
pub fn compile_with_limit(source: &str, filename: &str, mode: Mode, nesting_limit: u32) -> Result<CodeObject, CompileError> {
    compile_with_warnings(source, filename, mode, nesting_limit).0
}

/// Compiles like compile_with_limit and also returns the warnings met, in CPython's order
/// (only those before the error, when there is one).
pub fn compile_with_warnings(
    source: &str,
    filename: &str,
    mode: Mode,
    nesting_limit: u32,
) -> (Result<CodeObject, CompileError>, Vec<CompileWarning>) {
    let translated = translate_newlines(source, mode == Mode::Exec);
    let source = translated.as_str();
    let mut warnings = Vec::new();
    // A long source can hold a tree deeper than the native stack can walk, even just to
    // drop it: compile it on a stack sized for the worst case (one level per byte).
    let r = if source.len() > BIG_SOURCE {
        let stack = source.len().saturating_mul(STACK_PER_BYTE).saturating_add(1 << 20);
        stacker::grow(stack, || compile_unchecked(source, filename, mode, nesting_limit, &mut warnings))
    } else {
        compile_unchecked(source, filename, mode, nesting_limit, &mut warnings)
    };
    let r = r.map_err(|e| parser_text(e, mode));
    for w in &mut warnings {
        w.error = parser_text(w.error.clone(), mode);
    }
    if let Err(e) = &r {
        // the warnings of the tokenizer and parser come before a parser error only up to it
        if matches!(e.stage, Stage::Tokenizer | Stage::Parser) {
            warnings.retain(|w| (w.error.line, w.error.col) <= (e.line, e.col));
        }
    }
    (r, warnings)
}

/// CPython's parser reads an error's line back from the file only for a module; for an
/// expression or a single statement it quotes the source, like the tokenizer.
fn parser_text(e: CompileError, mode: Mode) -> CompileError {
    if e.stage == Stage::Parser && mode != Mode::Exec {
        return e.at_stage(Stage::Tokenizer);
    }
    e
}

/// The source as CPython's tokenizer reads it (translate_newlines): "\r\n" and "\r" become
/// "\n", and a module (not an expression or a single statement) ends with a newline.
fn translate_newlines(source: &str, exec_input: bool) -> String {
    let mut out = if source.contains('\r') { source.replace("\r\n", "\n").replace('\r', "\n") } else { source.to_string() };
    if exec_input && !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// An expression or single statement with no token: CPython's parser fails at the start of
/// the last line ("invalid syntax"), or at an indentation that ends the source.
fn empty_input(src: &SourceMap) -> Option<CompileError> {
    let text = src.source.as_str();
    let blank = |l: &str| {
        let t = l.trim_start_matches([' ', '\t', '\x0c']);
        t.is_empty() || t.starts_with('#')
    };
    if !text.split('\n').all(blank) {
        return None;
    }
    let lines = text.matches('\n').count() + usize::from(!text.is_empty() && !text.ends_with('\n'));
    let line = lines as u32;
    let last = text.rsplit('\n').next().unwrap_or("");
    let mut e = CompileError::syntax("invalid syntax".into(), src, line);
    if line == 0 {
        e.text = Some(String::new());
    }
    e.col = 0;
    e.end_col = 0;
    if !last.is_empty() && last.trim_start_matches([' ', '\t', '\x0c']).is_empty() {
        // the indentation of a last line with nothing after it
        e.msg = "unexpected indent".into();
        e.kind = ErrorKind::IndentationError;
        e.col = last.chars().count() as i32;
        e.end_col = -1;
    }
    Some(e)
}

/// An expression whose first line with a token is indented: CPython's tokenizer makes an
/// INDENT token there and the parser fails on it ("unexpected indent"; ruff's expression
/// mode does not track indentation).
fn indented_expression(src: &SourceMap) -> Option<CompileError> {
    let text = src.source.as_str();
    for (i, l) in text.split('\n').enumerate() {
        let body = l.trim_start_matches([' ', '\t', '\x0c']);
        if body.is_empty() || body.starts_with('#') || body == "\r" {
            continue;
        }
        let indent = l.len() - body.len();
        // the tokenizer's column: a form feed starts it again
        let col = l[..indent].bytes().fold(0usize, |c, b| match b {
            b'\t' => (c / 8 + 1) * 8,
            b'\x0c' => 0,
            _ => c + 1,
        });
        if col == 0 {
            return None;
        }
        let line = i as u32 + 1;
        let mut e = CompileError::syntax("unexpected indent".into(), src, line);
        e.kind = ErrorKind::IndentationError;
        e.col = indent as i32;
        e.end_line = line;
        e.end_col = -1;
        e.stage = Stage::Tokenizer;
        e.text = Some(l.to_string());
        return Some(e);
    }
    None
}

/// Source length from which compile() moves to a stack of its own (the main thread's stack
/// holds this many levels of any tree walk with room to spare).
const BIG_SOURCE: usize = 256 * 1024;
/// Native stack bytes per nesting level of the deepest walk over the tree (the drop of a
/// chain of boxed expressions; measured below 200 bytes).
const STACK_PER_BYTE: usize = 512;

fn nesting_error(e: nesting::TooDeep, filename: &str) -> CompileError {
    let (kind, msg) = match e {
        nesting::TooDeep::Parser => (ErrorKind::MemoryError, String::new()),
        nesting::TooDeep::Compiler => (ErrorKind::RecursionError, "maximum recursion depth exceeded during compilation".to_string()),
    };
    CompileError { kind, msg, filename: filename.to_string(), line: 0, col: 0, end_line: 0, end_col: 0, text: None, stage: Stage::Parser }
}

fn compile_unchecked(
    source: &str,
    filename: &str,
    mode: Mode,
    nesting_limit: u32,
    warnings: &mut Vec<CompileWarning>,
) -> Result<CodeObject, CompileError> {
    let src = SourceMap::new(filename, source);
    let m = parse_checked(&src, mode, nesting_limit, warnings, None)?;
    compile_tree(&m, &src, mode, warnings)
}

/// Compiles a parsed (or converted) tree whose ranges are byte offsets into `src`.
pub fn compile_tree(m: &Mod, src: &SourceMap, mode: Mode, warnings: &mut Vec<CompileWarning>) -> Result<CodeObject, CompileError> {
    match m {
        Mod::Module(m) => compile::compile_module(&m.body, src, mode, warnings),
        Mod::Expression(e) => compile::compile_expression(&e.body, src, warnings),
    }
}

/// Parses source text to ruff's tree with every check CPython's tokenizer and parser make
/// (not the symbol table's or the compiler's): what `ast.parse` builds its tree from. Returns
/// the tree and the source map its ranges index (newlines translated as the tokenizer does).
/// `feature_minor` is ast.parse's `feature_version` (3.x): newer syntax is a SyntaxError.
pub fn parse(
    source: &str,
    filename: &str,
    mode: Mode,
    nesting_limit: u32,
    feature_minor: Option<u8>,
) -> (Result<(Mod, SourceMap), CompileError>, Vec<CompileWarning>) {
    let translated = translate_newlines(source, mode == Mode::Exec);
    let src = SourceMap::new(filename, &translated);
    let mut warnings = Vec::new();
    let r = if translated.len() > BIG_SOURCE {
        let stack = translated.len().saturating_mul(STACK_PER_BYTE).saturating_add(1 << 20);
        stacker::grow(stack, || parse_checked(&src, mode, nesting_limit, &mut warnings, feature_minor))
    } else {
        parse_checked(&src, mode, nesting_limit, &mut warnings, feature_minor)
    };
    let r = r.map_err(|e| parser_text(e, mode));
    for w in &mut warnings {
        w.error = parser_text(w.error.clone(), mode);
    }
    (r.map(|m| (m, src)), warnings)
}

fn parse_checked(
    src: &SourceMap,
    mode: Mode,
    nesting_limit: u32,
    warnings: &mut Vec<CompileWarning>,
    feature_minor: Option<u8>,
) -> Result<Mod, CompileError> {
    let source = src.source.as_str();
    let filename = &*src.filename;
    if mode != Mode::Exec {
        if let Some(e) = empty_input(src) {
            return Err(e);
        }
    }
    // CPython's tokenizer errors win over any parser error, wherever they are
    let mut scan = tokscan::scan(src, mode == Mode::Eval);
    warnings.append(&mut scan.warnings);
    if let Some(e) = scan.error {
        return Err(e);
    }
    if mode == Mode::Eval {
        if let Some(e) = indented_expression(src) {
            return Err(e);
        }
    }
    let parse_mode = match mode {
        Mode::Eval => ruff_python_parser::Mode::Expression,
        Mode::Exec | Mode::Single => ruff_python_parser::Mode::Module,
    };
    let minor = feature_minor.unwrap_or(11).min(11);
    let opts = ParseOptions::from(parse_mode).with_target_version(PythonVersion { major: 3, minor });
    let parsed = parse_unchecked(source, opts);
    if let Some(e) = parsed.errors().iter().min_by_key(|e| e.location.start()) {
        // an f-string CPython 3.11 rejects, met before the parser's error
        if let Some((at, fe)) = &scan.fstring_error {
            if *at <= e.location.start().to_usize() {
                return Err(fe.clone());
            }
        }
        return Err(syntax_error::from_parse(src, &parsed, e, &scan, mode));
    }
    if let Some((_, fe)) = scan.fstring_error {
        return Err(fe);
    }
    if let Some(e) = parsed.unsupported_syntax_errors().first() {
        return Err(src.syntax_error(e.to_string(), e.range));
    }
    let nested = match parsed.syntax() {
        Mod::Module(m) => nesting::check(&m.body, nesting_limit),
        Mod::Expression(e) => nesting::check_expr(&e.body, nesting_limit),
    };
    if let Err(e) = nested {
        return Err(nesting_error(e, filename));
    }
    Ok(parsed.into_syntax())
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
