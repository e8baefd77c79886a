//! Frame records. A frame's slots live on the VM's value stack at `base`: locals, then
//! cells, then the evaluation stack.

use crate::heap::{Gc, Value};
use crate::objects::CodeObj;

pub struct Frame {
    pub code: Gc<CodeObj>,
    /// The function being run (NULL for module and class bodies).
    pub func: Value,
    pub globals: Value,
    pub builtins: Value,
    /// The namespace of a module or class body (NULL in functions).
    pub locals: Value,
    pub base: usize,
    /// Index of the next instruction.
    pub ip: usize,
    /// The generator this frame runs for, or NULL.
    pub gen: Value,
    /// Returning from this frame returns from the dispatch loop to its Rust caller.
    pub is_entry: bool,
    /// The evaluation stack pointer saved while this frame calls another.
    pub saved_sp: usize,
    /// For an `__init__` frame started by instantiating a class: the new instance, which
    /// the call evaluates to.
    pub init_self: Value,
    /// For a frame running a binary operator's special method for a `BinaryOp` of the
    /// frame below (`Vm::push_binop_frame`): the operator + 1, with `BINOP_RIGHT` for the
    /// right operand's reflected method; else 0. The operands stay on the caller's stack
    /// under this frame until it returns.
    pub binop: u8,
}

/// `Frame::binop` of a frame running the right operand's reflected method (`__rmul__`).
pub const BINOP_RIGHT: u8 = 0x80;

impl Frame {
    pub fn roots(&self, out: &mut Vec<Value>) {
        out.extend_from_slice(&[self.code.value(), self.func, self.globals, self.builtins, self.locals, self.gen, self.init_self]);
    }
    pub fn cells_base(&self) -> usize {
        self.base + self.code.code.nlocals()
    }
    pub fn stack_base(&self) -> usize {
        self.base + self.code.code.nlocals() + self.code.code.ncells()
    }
    pub fn line(&self) -> u32 {
        self.code.code.line_at(self.ip.saturating_sub(1))
    }
}
