//! Compile errors (SyntaxError and its subclasses) and source positions.

use ruff_text_size::{TextRange, TextSize};
use std::rc::Rc;

/// Maps byte offsets of a source text to lines and columns.
pub struct SourceMap {
    pub filename: Rc<str>,
    pub source: String,
    line_starts: Vec<u32>,
}

impl SourceMap {
    pub fn new(filename: &str, source: &str) -> SourceMap {
        let mut line_starts = vec![0u32];
        for (i, b) in source.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        SourceMap { filename: Rc::from(filename), source: source.to_string(), line_starts }
    }

    /// 1-based line of a byte offset.
    pub fn line_of(&self, at: TextSize) -> u32 {
        let off = at.to_u32();
        match self.line_starts.binary_search(&off) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }

    /// 0-based column, in characters, of a byte offset.
    pub fn col_of(&self, at: TextSize) -> u32 {
        let line = self.line_of(at) as usize;
        let start = self.line_starts[line - 1] as usize;
        let end = (at.to_u32() as usize).min(self.source.len());
        self.source.get(start..end).map(|s| s.chars().count() as u32).unwrap_or(0)
    }

    /// 0-based column, in UTF-8 bytes, of a byte offset (CPython's AST `col_offset`).
    /// CPython's tokenizer drops a UTF-8 byte order mark, so columns on line 1 start after it.
    pub fn byte_col_of(&self, at: TextSize) -> u32 {
        let line = self.line_of(at) as usize;
        let mut start = self.line_starts[line - 1];
        if line == 1 && self.source.starts_with('\u{feff}') {
            start += '\u{feff}'.len_utf8() as u32;
        }
        at.to_u32().saturating_sub(start)
    }

    /// The character column of a byte column on a line.
    pub fn char_col(&self, line: u32, byte_col: u32) -> u32 {
        let text = self.line_text(line);
        let cut = (byte_col as usize).min(text.len());
        String::from_utf8_lossy(&text.as_bytes()[..cut]).chars().count() as u32
    }

    pub fn line_text(&self, line: u32) -> String {
        let i = line.saturating_sub(1) as usize;
        let Some(&start) = self.line_starts.get(i) else { return String::new() };
        let end = self.line_starts.get(i + 1).map(|e| *e as usize).unwrap_or(self.source.len());
        self.source.get(start as usize..end).unwrap_or("").to_string()
    }

    pub fn syntax_error(&self, msg: String, range: TextRange) -> CompileError {
        let line = self.line_of(range.start());
        let end_line = self.line_of(range.end());
        CompileError {
            kind: ErrorKind::SyntaxError,
            msg,
            filename: self.filename.to_string(),
            line,
            col: self.col_of(range.start()) as i32 + 1,
            end_line,
            end_col: self.col_of(range.end()) as i32 + 1,
            text: Some(self.line_text(line)),
            stage: Stage::Parser,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
    /// Nesting deeper than the compiler's recursion limit (not a SyntaxError).
    RecursionError,
    /// Nesting deeper than CPython's parser stack (not a SyntaxError).
    MemoryError,
}

impl ErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::SyntaxError => "SyntaxError",
            ErrorKind::IndentationError => "IndentationError",
            ErrorKind::TabError => "TabError",
            ErrorKind::RecursionError => "RecursionError",
            ErrorKind::MemoryError => "MemoryError",
        }
    }
}

/// A compile error with CPython's SyntaxError fields (offsets are 1-based, like CPython's;
/// CPython reports 0 and -1 in some cases, hence signed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    pub kind: ErrorKind,
    pub msg: String,
    pub filename: String,
    pub line: u32,
    pub col: i32,
    pub end_line: u32,
    pub end_col: i32,
    pub text: Option<String>,
    /// Which part of CPython raises this error, which decides how the SyntaxError is built.
    pub stage: Stage,
}

/// The stage of CPython's compiler that raises an error, which decides where `text` comes
/// from. The tokenizer quotes the line of the source. The parser, compiling a module, reads
/// the line back from the file named `filename` (decoding it with replacement characters)
/// and quotes the source when there is no such file. The symbol table and the code generator
/// read the line from the file too, strictly as UTF-8, and have no text without it; the
/// symbol table sets the fields as attributes only, leaving `args` as `(msg,)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    Tokenizer,
    Parser,
    Symtable,
    Compiler,
    /// future.c: like the symbol table, but with no end column.
    Future,
}

impl CompileError {
    pub fn syntax(msg: String, source: &SourceMap, line: u32) -> CompileError {
        CompileError {
            kind: ErrorKind::SyntaxError,
            msg,
            filename: source.filename.to_string(),
            line,
            col: 1,
            end_line: line,
            end_col: 1,
            text: Some(source.line_text(line)),
            stage: Stage::Parser,
        }
    }

    /// The same error, raised by a later stage than the parser.
    pub fn at_stage(mut self, stage: Stage) -> CompileError {
        self.stage = stage;
        self
    }
}

/// The category of a compile-time warning.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WarningCategory {
    SyntaxWarning,
    DeprecationWarning,
}

impl WarningCategory {
    pub fn name(self) -> &'static str {
        match self {
            WarningCategory::SyntaxWarning => "SyntaxWarning",
            WarningCategory::DeprecationWarning => "DeprecationWarning",
        }
    }
}

/// A warning met while compiling, in the order CPython emits them. The compiler only
/// collects them: the caller reports each through the warnings machinery, and when a filter
/// turns one into an exception CPython raises `error` (a SyntaxError at the same place)
/// instead, and compilation stops there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileWarning {
    pub category: WarningCategory,
    pub msg: String,
    pub line: u32,
    pub error: CompileError,
}
