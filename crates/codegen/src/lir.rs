//! The low-level IR: machine-shaped instructions over virtual registers, the same for both
//! ISAs. A `Func` is one linear trace: an entry part, at most one loop header, a loop body
//! that ends in a jump back to the header, and guards that leave through numbered exits.
//!
//! Conventions every lowering follows:
//! - `Param(i)` is the i-th integer argument of the C calling convention on entry.
//! - A guard (and an overflow-checked op) that fails leaves through `exits[e]`: the lowering
//!   stores the exit's values, in order, as raw 64-bit words at `[ctx + 8*k]` (`ctx` is the
//!   value of `Func::ctx`, a vreg live throughout), returns `e` from the trace function in the
//!   integer return register, restoring callee-saved registers on the way out.
//! - Values live across a `Call` sit in callee-saved registers or in spill slots of the
//!   trace's native frame (the register allocator arranges it), so the conservative GC
//!   finds every pointer a trace holds during a call.
//! - `Jump` performs its moves as one parallel assignment, then branches to `LoopStart`.

use std::fmt;

/// A virtual register.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct VReg(pub u32);

impl fmt::Display for VReg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "r{}", self.0)
    }
}

/// Register class of a vreg.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Class {
    Int,
    Float,
}

/// An exit number (index into `Func::exits`).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct ExitId(pub u32);

/// Integer comparison conditions (signed, and unsigned for pointer/tag checks).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Cc {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    /// Unsigned <, <=, >, >=.
    Below,
    BelowEq,
    Above,
    AboveEq,
}

impl Cc {
    pub fn invert(self) -> Cc {
        match self {
            Cc::Eq => Cc::Ne,
            Cc::Ne => Cc::Eq,
            Cc::Lt => Cc::Ge,
            Cc::Le => Cc::Gt,
            Cc::Gt => Cc::Le,
            Cc::Ge => Cc::Lt,
            Cc::Below => Cc::AboveEq,
            Cc::BelowEq => Cc::Above,
            Cc::Above => Cc::BelowEq,
            Cc::AboveEq => Cc::Below,
        }
    }
}

/// Float comparison conditions with IEEE semantics: every one is false when an operand is
/// NaN, except `Ne`, which is true (Python's `!=`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum FCc {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

/// A second operand: a register or a small immediate.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Operand {
    Reg(VReg),
    /// A sign-extended 32-bit immediate. The lowering materialises it in a scratch register
    /// when the ISA cannot encode it in the instruction.
    Imm(i32),
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum IntOp {
    Add,
    Sub,
    Mul,
    And,
    Or,
    Xor,
}

/// Operations whose signed overflow leaves the trace.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum OvOp {
    Add,
    Sub,
    Mul,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ShiftOp {
    Shl,
    /// Arithmetic right shift.
    Sar,
    /// Logical right shift.
    Shr,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum FOp {
    Add,
    Sub,
    Mul,
    Div,
}

/// One instruction. `dst` is always a fresh definition except for loop variables, which
/// `Jump` assigns again.
#[derive(Clone, PartialEq, Debug)]
pub enum Inst {
    /// `dst` = the `index`-th integer argument of the entry (C ABI).
    Param { dst: VReg, index: u8 },
    Iconst { dst: VReg, imm: i64 },
    /// A float constant by its bits.
    Fconst { dst: VReg, bits: u64 },
    /// Copy within one class.
    Move { dst: VReg, src: VReg },
    /// 64-bit load `dst = [base + disp]`.
    Load { dst: VReg, base: VReg, disp: i32 },
    /// 64-bit store `[base + disp] = src`.
    Store { base: VReg, disp: i32, src: VReg },
    /// Byte load, zero-extended.
    Load8 { dst: VReg, base: VReg, disp: i32 },
    LoadF { dst: VReg, base: VReg, disp: i32 },
    StoreF { base: VReg, disp: i32, src: VReg },
    Bin { op: IntOp, dst: VReg, a: VReg, b: Operand },
    /// `dst = a op b`, leaving through `exit` on signed 64-bit overflow.
    BinOv { op: OvOp, dst: VReg, a: VReg, b: Operand, exit: ExitId },
    Shift { op: ShiftOp, dst: VReg, a: VReg, amount: u8 },
    /// `dst = (a cc b) ? 1 : 0`.
    SetCc { cc: Cc, dst: VReg, a: VReg, b: Operand },
    FBin { op: FOp, dst: VReg, a: VReg, b: VReg },
    /// `dst = (a cc b) ? 1 : 0` (an Int vreg) with `FCc`'s NaN rules.
    FSetCc { cc: FCc, dst: VReg, a: VReg, b: VReg },
    /// Signed int to double.
    IntToFloat { dst: VReg, src: VReg },
    /// Continue when `a cc b` holds, else leave through `exit`.
    Guard { cc: Cc, a: VReg, b: Operand, exit: ExitId },
    /// Continue when `a cc b` holds (NaN rules of `FCc`), else leave through `exit`.
    GuardF { cc: FCc, a: VReg, b: VReg, exit: ExitId },
    /// Call the C-ABI function at `target` with integer arguments; `ret` gets the integer
    /// result. Clobbers every caller-saved register.
    Call { target: u64, args: Vec<VReg>, ret: Option<VReg> },
    /// The loop header (at most one per function).
    LoopStart,
    /// Parallel moves `dst <- src`, then branch to `LoopStart`. Ends the function.
    Jump { moves: Vec<(VReg, VReg)> },
    /// Leave through `exit` unconditionally. Ends the function (a trace without a loop).
    Exit { exit: ExitId },
}

impl Inst {
    /// The vreg this instruction defines, if any.
    pub fn def(&self) -> Option<VReg> {
        match *self {
            Inst::Param { dst, .. }
            | Inst::Iconst { dst, .. }
            | Inst::Fconst { dst, .. }
            | Inst::Move { dst, .. }
            | Inst::Load { dst, .. }
            | Inst::Load8 { dst, .. }
            | Inst::LoadF { dst, .. }
            | Inst::Bin { dst, .. }
            | Inst::BinOv { dst, .. }
            | Inst::Shift { dst, .. }
            | Inst::SetCc { dst, .. }
            | Inst::FBin { dst, .. }
            | Inst::FSetCc { dst, .. }
            | Inst::IntToFloat { dst, .. } => Some(dst),
            Inst::Call { ret, .. } => ret,
            Inst::Store { .. }
            | Inst::StoreF { .. }
            | Inst::Guard { .. }
            | Inst::GuardF { .. }
            | Inst::LoopStart
            | Inst::Jump { .. }
            | Inst::Exit { .. } => None,
        }
    }

    /// Calls `f` on every vreg this instruction reads (not counting exit values).
    pub fn for_each_use(&self, mut f: impl FnMut(VReg)) {
        let op = |o: Operand, f: &mut dyn FnMut(VReg)| {
            if let Operand::Reg(r) = o {
                f(r)
            }
        };
        match self {
            Inst::Param { .. } | Inst::Iconst { .. } | Inst::Fconst { .. } | Inst::LoopStart | Inst::Exit { .. } => {}
            Inst::Move { src, .. } | Inst::IntToFloat { src, .. } => f(*src),
            Inst::Load { base, .. } | Inst::Load8 { base, .. } | Inst::LoadF { base, .. } => f(*base),
            Inst::Store { base, src, .. } | Inst::StoreF { base, src, .. } => {
                f(*base);
                f(*src)
            }
            Inst::Bin { a, b, .. } | Inst::BinOv { a, b, .. } | Inst::SetCc { a, b, .. } | Inst::Guard { a, b, .. } => {
                f(*a);
                op(*b, &mut f)
            }
            Inst::Shift { a, .. } => f(*a),
            Inst::FBin { a, b, .. } | Inst::FSetCc { a, b, .. } | Inst::GuardF { a, b, .. } => {
                f(*a);
                f(*b)
            }
            Inst::Call { args, .. } => args.iter().for_each(|&a| f(a)),
            Inst::Jump { moves } => moves.iter().for_each(|&(_, s)| f(s)),
        }
    }

    /// The exit this instruction may leave through.
    pub fn exit(&self) -> Option<ExitId> {
        match *self {
            Inst::BinOv { exit, .. } | Inst::Guard { exit, .. } | Inst::GuardF { exit, .. } | Inst::Exit { exit } => Some(exit),
            _ => None,
        }
    }
}

/// One trace function.
#[derive(Clone, Debug, Default)]
pub struct Func {
    pub insts: Vec<Inst>,
    /// Class of every vreg, indexed by its number.
    pub classes: Vec<Class>,
    /// Per exit, the vregs whose raw bits are stored to `[ctx + 8*k]` when it is taken.
    pub exits: Vec<Vec<VReg>>,
    /// The vreg holding the exit buffer's address (a `Param` normally).
    pub ctx: Option<VReg>,
    /// How exits continue in other code instead of returning (see `Link`).
    pub link: Option<Link>,
}

/// Functions that continue in each other: after an exit's stub and the epilogue, the exit's
/// word in `table` is read; when it is not 0 it is the address of code entered as a function
/// of the same two arguments (ctx, and the second argument kept at `[ctx + frame_disp]`),
/// jumped to with this function's frame gone, so what it returns goes to this function's
/// caller. When it is 0 the function returns the exit number after storing `id` at
/// `[ctx + id_disp]`, so the caller knows whose exit it was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Link {
    /// Address of one word per exit.
    pub table: u64,
    pub frame_disp: i32,
    pub id_disp: i32,
    /// At most 2^31 - 1.
    pub id: u32,
}

impl Func {
    pub fn new() -> Func {
        Func::default()
    }
    pub fn vreg(&mut self, class: Class) -> VReg {
        self.classes.push(class);
        VReg(self.classes.len() as u32 - 1)
    }
    pub fn class(&self, v: VReg) -> Class {
        self.classes[v.0 as usize]
    }
    pub fn push(&mut self, i: Inst) {
        self.insts.push(i);
    }
    pub fn exit(&mut self, values: Vec<VReg>) -> ExitId {
        self.exits.push(values);
        ExitId(self.exits.len() as u32 - 1)
    }
    /// Index of `LoopStart`, if any.
    pub fn loop_start(&self) -> Option<usize> {
        self.insts.iter().position(|i| matches!(i, Inst::LoopStart))
    }
}

impl fmt::Display for Func {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, i) in self.insts.iter().enumerate() {
            writeln!(f, "{n:4}: {i:?}")?;
        }
        for (n, e) in self.exits.iter().enumerate() {
            let vs: Vec<String> = e.iter().map(|v| v.to_string()).collect();
            writeln!(f, "exit{n}: [{}]", vs.join(", "))?;
        }
        Ok(())
    }
}
