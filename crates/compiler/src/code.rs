//! Code objects: what the compiler produces and the interpreter runs.

use crate::opcode::Instr;
use crate::positions::Positions;
use std::rc::Rc;

/// A compile-time constant. The VM turns each into a heap object once per code object.
#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    None,
    Bool(bool),
    Int(i64),
    /// An int literal too big for i64, in decimal.
    BigInt(String),
    Float(f64),
    Complex(f64, f64),
    Str(String),
    /// A str holding lone surrogates (U+D800..U+DFFF), as code points.
    StrCps(Vec<u32>),
    Bytes(Vec<u8>),
    Ellipsis,
    Tuple(Vec<Const>),
    /// A frozenset built by adding the items in order (constant set displays use one).
    FrozenSet(Vec<Const>),
    Code(Rc<CodeObject>),
}

pub mod flags {
    pub const VARARGS: u32 = 0x04;
    pub const VARKEYWORDS: u32 = 0x08;
    pub const NESTED: u32 = 0x10;
    pub const GENERATOR: u32 = 0x20;
    pub const COROUTINE: u32 = 0x80;
    pub const ASYNC_GENERATOR: u32 = 0x200;
    /// Module or class body: names go through LoadName/StoreName.
    pub const NAMESPACE: u32 = 0x1_0000;
}

/// One entry of the exception table: an exception raised at an instruction in
/// `[start, end)` truncates the stack to `depth`, pushes the exception and jumps to `handler`.
/// Entries are ordered innermost first, so the first match wins.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExcEntry {
    pub start: u32,
    pub end: u32,
    pub handler: u32,
    pub depth: u32,
}

/// Source position of one instruction: 1-based lines, 0-based columns in UTF-8 bytes
/// (CPython's `co_positions()`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Loc {
    pub line: u32,
    pub end_line: u32,
    pub col: u32,
    pub end_col: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CodeObject {
    pub name: String,
    pub qualname: String,
    pub filename: Rc<str>,
    pub first_line: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    /// Local variable names: parameters first (positional, keyword-only, *args, **kwargs).
    pub varnames: Vec<String>,
    /// Variables of this scope captured by inner scopes.
    pub cellvars: Vec<String>,
    /// Variables of outer scopes this scope reads through cells.
    pub freevars: Vec<String>,
    /// For each cell that is also a parameter: (cell index, parameter index).
    pub cell_params: Vec<(u32, u32)>,
    /// Names used by global, attribute and import instructions.
    pub names: Vec<String>,
    pub consts: Vec<Const>,
    pub code: Vec<Instr>,
    /// The source position of each instruction.
    pub positions: Positions,
    pub exc_table: Vec<ExcEntry>,
    pub stacksize: u32,
    /// The docstring, when the body starts with one.
    pub doc: Option<String>,
}

impl CodeObject {
    pub fn nlocals(&self) -> usize {
        self.varnames.len()
    }
    pub fn ncells(&self) -> usize {
        self.cellvars.len() + self.freevars.len()
    }
    /// Slots a frame needs: locals, cells, then the evaluation stack.
    pub fn frame_size(&self) -> usize {
        self.nlocals() + self.ncells() + self.stacksize as usize
    }
    pub fn is_generator_like(&self) -> bool {
        self.flags & (flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR) != 0
    }
    /// The handler for an exception raised at `ip`.
    pub fn handler_for(&self, ip: u32) -> Option<ExcEntry> {
        self.exc_table.iter().copied().find(|e| e.start <= ip && ip < e.end)
    }
    pub fn line_at(&self, ip: usize) -> u32 {
        self.positions.get(ip).map(|l| l.line).unwrap_or(self.first_line)
    }
    /// The source position of instruction `ip`.
    pub fn loc_at(&self, ip: usize) -> Option<Loc> {
        self.positions.get(ip)
    }
}
