//! The pyjit bytecode: one op table. Every op's operand meaning and stack effect is here,
//! and every phase (compiler, disassembler, interpreter, later the trace recorder) matches on
//! this enum exhaustively, so a new op does not compile until each of them handles it.

/// Binary operators, in the order of `BinaryOp`'s operand. In-place variants add `INPLACE`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum BinOp {
    Add = 0,
    Sub,
    Mul,
    MatMul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
}

pub const BINOPS: [BinOp; 13] = [
    BinOp::Add,
    BinOp::Sub,
    BinOp::Mul,
    BinOp::MatMul,
    BinOp::TrueDiv,
    BinOp::FloorDiv,
    BinOp::Mod,
    BinOp::Pow,
    BinOp::LShift,
    BinOp::RShift,
    BinOp::And,
    BinOp::Or,
    BinOp::Xor,
];

/// Added to a `BinOp` operand for the augmented-assignment form (`+=` calls `__iadd__` first).
pub const INPLACE: u32 = 16;

impl BinOp {
    pub fn from_u32(v: u32) -> BinOp {
        BINOPS[(v % INPLACE) as usize % BINOPS.len()]
    }
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::MatMul => "@",
            BinOp::TrueDiv => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "** or pow()",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::And => "&",
            BinOp::Or => "|",
            BinOp::Xor => "^",
        }
    }
    /// Dunder names: (forward, reflected, in-place).
    pub fn dunders(self) -> (&'static str, &'static str, &'static str) {
        match self {
            BinOp::Add => ("__add__", "__radd__", "__iadd__"),
            BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
            BinOp::Mul => ("__mul__", "__rmul__", "__imul__"),
            BinOp::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
            BinOp::TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
            BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
            BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
            BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
            BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
            BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
            BinOp::And => ("__and__", "__rand__", "__iand__"),
            BinOp::Or => ("__or__", "__ror__", "__ior__"),
            BinOp::Xor => ("__xor__", "__rxor__", "__ixor__"),
        }
    }
}

/// Rich comparisons, in the order of `CompareOp`'s operand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum CmpOp {
    Lt = 0,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

impl CmpOp {
    pub fn from_u32(v: u32) -> CmpOp {
        match v {
            0 => CmpOp::Lt,
            1 => CmpOp::Le,
            2 => CmpOp::Eq,
            3 => CmpOp::Ne,
            4 => CmpOp::Gt,
            _ => CmpOp::Ge,
        }
    }
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }
    /// (dunder, reflected dunder)
    pub fn dunders(self) -> (&'static str, &'static str) {
        match self {
            CmpOp::Lt => ("__lt__", "__gt__"),
            CmpOp::Le => ("__le__", "__ge__"),
            CmpOp::Eq => ("__eq__", "__eq__"),
            CmpOp::Ne => ("__ne__", "__ne__"),
            CmpOp::Gt => ("__gt__", "__lt__"),
            CmpOp::Ge => ("__ge__", "__le__"),
        }
    }
    pub fn swapped(self) -> CmpOp {
        match self {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Eq => CmpOp::Eq,
            CmpOp::Ne => CmpOp::Ne,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
        }
    }
}

/// Flags of `MakeFunction`: which optional parts are on the stack below the code object.
pub mod make_fn {
    pub const DEFAULTS: u32 = 1;
    pub const KWDEFAULTS: u32 = 2;
    pub const ANNOTATIONS: u32 = 4;
    pub const CLOSURE: u32 = 8;
}

/// Flags of `FormatValue`.
pub mod fmt_flags {
    pub const CONV_MASK: u32 = 3;
    pub const CONV_NONE: u32 = 0;
    pub const CONV_STR: u32 = 1;
    pub const CONV_REPR: u32 = 2;
    pub const CONV_ASCII: u32 = 3;
    pub const HAVE_SPEC: u32 = 4;
}

/// One instruction. Jump operands are absolute instruction indexes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Instr {
    /// Does nothing.
    Nop,
    /// Never emitted by the compiler: while the JIT records a trace, the interpreter runs
    /// an array of these instead of the code, so every instruction first reaches the
    /// recorder and is then dispatched from the real code (see vm interp/jit_iface.rs).
    JitHook,
    /// Discards TOS.
    PopTop,
    /// Pushes a copy of the n-th item from the top (1 = TOS).
    Copy(u32),
    /// Swaps TOS with the n-th item from the top (2 = the one below TOS).
    Swap(u32),
    /// Pushes `consts[i]`.
    LoadConst(u32),
    /// Pushes local `i`; UnboundLocalError if unset.
    LoadFast(u32),
    /// Pops into local `i`.
    StoreFast(u32),
    /// Unsets local `i`.
    DeleteFast(u32),
    /// Pushes the contents of cell `i` (cells, then free variables).
    LoadDeref(u32),
    /// Pops into cell `i`.
    StoreDeref(u32),
    /// Empties cell `i`.
    DeleteDeref(u32),
    /// Pushes cell `i` itself (to build a closure).
    LoadClosure(u32),
    /// In a class body: the class namespace first, then cell `i`.
    LoadClassDeref(u32),
    /// Pushes global `names[i]` (globals, then builtins).
    LoadGlobal(u32),
    StoreGlobal(u32),
    DeleteGlobal(u32),
    /// Module and class bodies: locals mapping, then globals, then builtins.
    LoadName(u32),
    StoreName(u32),
    DeleteName(u32),
    /// TOS = getattr(TOS, names[i]).
    LoadAttr(u32),
    /// TOS.names[i] = TOS1; pops both.
    StoreAttr(u32),
    DeleteAttr(u32),
    /// Replaces TOS with (method, self) when names[i] is a plain function on the type, or
    /// (NULL, attribute) otherwise; `CallMethod` then calls either shape.
    LoadMethod(u32),
    /// Calls the pair pushed by `LoadMethod` with `n` positional arguments.
    CallMethod(u32),
    /// Calls TOS-n with the `n` arguments above it.
    Call(u32),
    /// Like `Call`, with a tuple of keyword names on top naming the last arguments.
    CallKw(u32),
    /// func, args tuple[, kwargs dict]: operand 1 when the dict is present.
    CallEx(u32),
    /// TOS = TOS1[TOS].
    BinarySubscr,
    /// TOS1[TOS] = TOS2.
    StoreSubscr,
    /// del TOS1[TOS].
    DeleteSubscr,
    /// slice(TOS2, TOS1[, TOS]) with 2 or 3 items.
    BuildSlice(u32),
    /// TOS = TOS1 op TOS, op from `BinOp` (+ `INPLACE`).
    BinaryOp(u32),
    UnaryNegative,
    UnaryPositive,
    UnaryInvert,
    UnaryNot,
    /// Rich comparison, op from `CmpOp`.
    CompareOp(u32),
    /// `is` (0) or `is not` (1).
    IsOp(u32),
    /// `in` (0) or `not in` (1).
    ContainsOp(u32),
    BuildTuple(u32),
    BuildList(u32),
    BuildSet(u32),
    /// n key/value pairs.
    BuildMap(u32),
    /// Concatenates n strings.
    BuildString(u32),
    /// Appends TOS to the list at depth n (after popping TOS).
    ListAppend(u32),
    SetAdd(u32),
    /// Adds TOS1: TOS to the dict at depth n (after popping both).
    MapAdd(u32),
    ListExtend(u32),
    SetUpdate(u32),
    DictUpdate(u32),
    /// Like DictUpdate, but raises on duplicate keys (for f(**a, **b)).
    DictMerge(u32),
    ListToTuple,
    /// format(TOS1 converted, TOS) or format(TOS converted, ""), see `fmt_flags`.
    FormatValue(u32),
    Jump(u32),
    /// A jump to a loop header: where hot loops are counted and traces are entered.
    JumpBackward(u32),
    PopJumpIfFalse(u32),
    PopJumpIfTrue(u32),
    PopJumpIfNone(u32),
    PopJumpIfNotNone(u32),
    JumpIfFalseOrPop(u32),
    JumpIfTrueOrPop(u32),
    GetIter,
    /// Pushes next(TOS), or pops TOS and jumps when exhausted.
    ForIter(u32),
    /// Builds a function from the code object on TOS, see `make_fn`.
    MakeFunction(u32),
    ReturnValue,
    /// Suspends the generator, yielding TOS; on resume the sent value is pushed.
    YieldValue,
    /// TOS1 = receiver, TOS = value: sends; pushes the yielded value or, when the receiver
    /// returns, pops both, pushes the return value and jumps.
    Send(u32),
    GetYieldFromIter,
    GetAwaitable,
    GetAiter,
    GetAnext,
    /// Ends an `async for` on StopAsyncIteration (TOS = exception, TOS1 = iterator).
    EndAsyncFor,
    /// raise (0), raise exc (1), raise exc from cause (2).
    RaiseVarargs(u32),
    /// Re-raises the exception on TOS.
    Reraise,
    /// exc → prev_exc_info, exc; sets the handled exception.
    PushExcInfo,
    /// Pops the saved exception state and restores it.
    PopExcept,
    /// exc, type → exc, bool.
    CheckExcMatch,
    /// exc, type → rest, match (except*).
    CheckEgMatch,
    /// Before re-raising from an except* block: combines the raised and unhandled parts.
    PrepReraiseStar,
    /// ctx → exit, enter().
    BeforeWith,
    BeforeAsyncWith,
    /// exit, prev, exc → exit, prev, exc, exit(type, exc, tb).
    WithExceptStart,
    /// level, fromlist → module.
    ImportName(u32),
    /// module → module, module.names[i].
    ImportFrom(u32),
    ImportStar,
    UnpackSequence(u32),
    /// low byte: targets before the star, high bits (>> 8): targets after.
    UnpackEx(u32),
    LoadBuildClass,
    SetupAnnotations,
    LoadAssertionError,
    /// subject, cls, names tuple → attrs tuple or None (n positional sub-patterns).
    MatchClass(u32),
    MatchMapping,
    MatchSequence,
    /// subject, keys tuple → subject, keys, values tuple or None.
    MatchKeys,
    /// Pushes len(TOS).
    GetLen,
    /// The REPL's echo of an expression statement's value.
    PrintExpr,
    /// Pushes NULL (for `CallMethod` shapes built by hand).
    PushNull,
    // Superinstructions. The compiler never emits them: the VM's loader rewrites the first
    // of two adjacent instructions into one of these (operand: the first's operand in the
    // high 16 bits, the second's in the low 16), which does the work of both and skips the
    // second. The second stays in place, so a jump to it still finds it.
    /// `LoadFast(a); LoadFast(b)`.
    LoadFastLoadFast(u32),
    /// `LoadFast(a); LoadConst(b)`.
    LoadFastLoadConst(u32),
    /// `LoadConst(a); LoadFast(b)`.
    LoadConstLoadFast(u32),
    /// `StoreFast(a); LoadFast(b)`.
    StoreFastLoadFast(u32),
    /// `StoreFast(a); StoreFast(b)`.
    StoreFastStoreFast(u32),
}

/// A superinstruction for the adjacent pair `a; b`, when there is one and both operands
/// fit in 16 bits.
pub fn fuse(a: Instr, b: Instr) -> Option<Instr> {
    use Instr::*;
    let pack = |x: u32, y: u32| (x < 1 << 16 && y < 1 << 16).then_some(x << 16 | y);
    match (a, b) {
        (LoadFast(x), LoadFast(y)) => pack(x, y).map(LoadFastLoadFast),
        (LoadFast(x), LoadConst(y)) => pack(x, y).map(LoadFastLoadConst),
        (LoadConst(x), LoadFast(y)) => pack(x, y).map(LoadConstLoadFast),
        (StoreFast(x), LoadFast(y)) => pack(x, y).map(StoreFastLoadFast),
        (StoreFast(x), StoreFast(y)) => pack(x, y).map(StoreFastStoreFast),
        _ => None,
    }
}

impl Instr {
    /// Net change of the stack depth, when the instruction falls through (`jump = false`)
    /// or takes its jump (`jump = true`).
    pub fn stack_effect(self, jump: bool) -> i32 {
        use Instr::*;
        match self {
            Nop | JitHook => 0,
            PopTop => -1,
            Copy(_) => 1,
            Swap(_) => 0,
            LoadConst(_) | LoadFast(_) | LoadDeref(_) | LoadClosure(_) | LoadClassDeref(_)
            | LoadGlobal(_) | LoadName(_) => 1,
            // both instructions of the pair
            LoadFastLoadFast(_) | LoadFastLoadConst(_) | LoadConstLoadFast(_) => 2,
            StoreFastLoadFast(_) => 0,
            StoreFastStoreFast(_) => -2,
            StoreFast(_) | StoreDeref(_) | StoreGlobal(_) | StoreName(_) => -1,
            DeleteFast(_) | DeleteDeref(_) | DeleteGlobal(_) | DeleteName(_) => 0,
            LoadAttr(_) => 0,
            StoreAttr(_) => -2,
            DeleteAttr(_) => -1,
            LoadMethod(_) => 1,
            CallMethod(n) => -(n as i32) - 1,
            Call(n) => -(n as i32),
            CallKw(n) => -(n as i32) - 1,
            CallEx(f) => -1 - (f as i32 & 1),
            BinarySubscr => -1,
            StoreSubscr => -3,
            DeleteSubscr => -2,
            BuildSlice(n) => 1 - n as i32,
            BinaryOp(_) => -1,
            UnaryNegative | UnaryPositive | UnaryInvert | UnaryNot => 0,
            CompareOp(_) | IsOp(_) | ContainsOp(_) => -1,
            BuildTuple(n) | BuildList(n) | BuildSet(n) | BuildString(n) => 1 - n as i32,
            BuildMap(n) => 1 - 2 * n as i32,
            ListAppend(_) | SetAdd(_) | ListExtend(_) | SetUpdate(_) | DictUpdate(_)
            | DictMerge(_) => -1,
            MapAdd(_) => -2,
            ListToTuple => 0,
            FormatValue(f) => {
                if f & fmt_flags::HAVE_SPEC != 0 {
                    -1
                } else {
                    0
                }
            }
            Jump(_) | JumpBackward(_) => 0,
            PopJumpIfFalse(_) | PopJumpIfTrue(_) | PopJumpIfNone(_) | PopJumpIfNotNone(_) => -1,
            JumpIfFalseOrPop(_) | JumpIfTrueOrPop(_) => {
                if jump {
                    0
                } else {
                    -1
                }
            }
            GetIter => 0,
            ForIter(_) => {
                if jump {
                    -1
                } else {
                    1
                }
            }
            MakeFunction(f) => -((f & 1 != 0) as i32 + (f & 2 != 0) as i32 + (f & 4 != 0) as i32 + (f & 8 != 0) as i32),
            ReturnValue => -1,
            YieldValue => 0,
            Send(_) => {
                if jump {
                    -1
                } else {
                    0
                }
            }
            GetYieldFromIter | GetAwaitable | GetAiter => 0,
            GetAnext => 1,
            EndAsyncFor => -2,
            RaiseVarargs(n) => -(n as i32),
            Reraise => -1,
            PushExcInfo => 1,
            PopExcept => -1,
            CheckExcMatch => 0,
            CheckEgMatch => 0,
            PrepReraiseStar => -1,
            BeforeWith | BeforeAsyncWith => 1,
            WithExceptStart => 1,
            ImportName(_) => -1,
            ImportFrom(_) => 1,
            ImportStar => -1,
            UnpackSequence(n) => n as i32 - 1,
            UnpackEx(n) => ((n & 0xff) + (n >> 8)) as i32,
            LoadBuildClass => 1,
            SetupAnnotations => 0,
            LoadAssertionError => 1,
            MatchClass(_) => -2,
            MatchMapping | MatchSequence | GetLen => 1,
            MatchKeys => 1,
            PrintExpr => -1,
            PushNull => 1,
        }
    }

    /// The jump target, for instructions that have one.
    pub fn target(self) -> Option<u32> {
        use Instr::*;
        match self {
            Jump(t) | JumpBackward(t) | PopJumpIfFalse(t) | PopJumpIfTrue(t) | PopJumpIfNone(t)
            | PopJumpIfNotNone(t) | JumpIfFalseOrPop(t) | JumpIfTrueOrPop(t) | ForIter(t)
            | Send(t) => Some(t),
            _ => None,
        }
    }

    pub fn with_target(self, t: u32) -> Instr {
        use Instr::*;
        match self {
            Jump(_) => Jump(t),
            JumpBackward(_) => JumpBackward(t),
            PopJumpIfFalse(_) => PopJumpIfFalse(t),
            PopJumpIfTrue(_) => PopJumpIfTrue(t),
            PopJumpIfNone(_) => PopJumpIfNone(t),
            PopJumpIfNotNone(_) => PopJumpIfNotNone(t),
            JumpIfFalseOrPop(_) => JumpIfFalseOrPop(t),
            JumpIfTrueOrPop(_) => JumpIfTrueOrPop(t),
            ForIter(_) => ForIter(t),
            Send(_) => Send(t),
            other => other,
        }
    }

    /// True when control never falls through to the next instruction.
    pub fn is_terminal(self) -> bool {
        matches!(
            self,
            Instr::Jump(_) | Instr::JumpBackward(_) | Instr::ReturnValue | Instr::RaiseVarargs(_) | Instr::Reraise
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instr_is_two_words_at_most() {
        assert!(std::mem::size_of::<Instr>() <= 8);
    }

    #[test]
    fn fusion_packs_operands() {
        assert_eq!(fuse(Instr::LoadFast(3), Instr::LoadFast(70_000)), None);
        assert_eq!(fuse(Instr::LoadFast(3), Instr::LoadFast(5)), Some(Instr::LoadFastLoadFast(3 << 16 | 5)));
        assert_eq!(fuse(Instr::StoreFast(1), Instr::LoadConst(2)), None);
    }

    #[test]
    fn binop_roundtrip() {
        for (i, op) in BINOPS.iter().enumerate() {
            assert_eq!(BinOp::from_u32(i as u32), *op);
            assert_eq!(BinOp::from_u32(i as u32 + INPLACE), *op);
        }
    }

    #[test]
    fn jumps_retarget() {
        assert_eq!(Instr::ForIter(3).with_target(9).target(), Some(9));
        assert_eq!(Instr::PopTop.with_target(9), Instr::PopTop);
    }
}
