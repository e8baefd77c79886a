//! The trace IR: SSA over one linear trace, one op table from which printing, parsing,
//! folding, peeling and lowering all derive.
//!
//! A trace is a list of instructions; an instruction's index is its value (`Ref`, printed
//! `%N`). Values are typed: `Val` is a boxed Python value (one word: a tagged small int or
//! an object pointer), `Int` an unboxed small int (within the tagged range, so boxing never
//! overflows), `Float` a double, `Bool` 0 or 1. Guards carry a snapshot (`Snap`): the
//! interpreter state to rebuild when they fail. `loop` marks the loop header of a peeled
//! trace; the closing `jump` lists the loop-carried values as `(header value, new value)`.

use std::fmt;

/// A value: the index of the instruction that computes it.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct Ref(pub u32);

impl Ref {
    pub const NONE: Ref = Ref(u32::MAX);
    pub fn idx(self) -> usize {
        self.0 as usize
    }
}

impl fmt::Display for Ref {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "%{}", self.0)
    }
}

/// Types of trace values.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum Ty {
    Void,
    Val,
    Int,
    Float,
    Bool,
    /// An argument list being built for a `call` (never materialised).
    Args,
}

impl Ty {
    pub fn name(self) -> &'static str {
        match self {
            Ty::Void => "void",
            Ty::Val => "val",
            Ty::Int => "int",
            Ty::Float => "float",
            Ty::Bool => "bool",
            Ty::Args => "args",
        }
    }
}

/// What the `aux` word of an instruction means.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Aux {
    None,
    /// A frame slot number.
    Slot,
    /// An integer constant.
    Int,
    /// A double, by its bits.
    Float,
    /// An object address (a constant, a type).
    Ptr,
}

/// The instruction can be removed when unused and merged with an identical one (CSE).
pub const PURE: u8 = 1;
/// The instruction can leave the trace: it carries a snapshot.
pub const GUARD: u8 = 2;
/// The result depends on mutable heap state (a list's length, a dict's version): merged
/// only with an identical instruction of the same epoch (no `EFFECT` between them).
pub const READS: u8 = 4;
/// The instruction may run arbitrary code (a call into the interpreter): it is never merged
/// or removed, and what `READS` instructions learnt before it is forgotten after it.
pub const EFFECT: u8 = 8;

macro_rules! ops {
    ($($(#[doc = $doc:literal])* $name:ident = $text:literal, $ty:ident, [$($arg:ident),*], $aux:ident, $flags:expr;)*) => {
        /// The trace IR's operations.
        #[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
        pub enum Op {
            $($(#[doc = $doc])* $name,)*
        }

        pub const ALL_OPS: &[Op] = &[$(Op::$name),*];

        impl Op {
            pub fn text(self) -> &'static str {
                match self { $(Op::$name => $text,)* }
            }
            /// The type of the result.
            pub fn ty(self) -> Ty {
                match self { $(Op::$name => Ty::$ty,)* }
            }
            /// Types of the operands, in order.
            pub fn args(self) -> &'static [Ty] {
                match self { $(Op::$name => &[$(Ty::$arg),*],)* }
            }
            pub fn aux(self) -> Aux {
                match self { $(Op::$name => Aux::$aux,)* }
            }
            pub fn flags(self) -> u8 {
                match self { $(Op::$name => $flags,)* }
            }
            pub fn from_text(s: &str) -> Option<Op> {
                match s { $($text => Some(Op::$name),)* _ => None }
            }
        }
    };
}

ops! {
    /// Reads frame slot `aux` as it was when the trace was entered.
    Sload = "sload", Val, [], Slot, 0;
    /// The position of the range iterator in frame slot `aux` when the trace was entered
    /// (an entry input: the engine reads it from the iterator before entering).
    RangeCur = "range_cur", Int, [], Slot, 0;
    /// The stop of that iterator (entry input).
    RangeStop = "range_stop", Int, [], Slot, 0;
    /// The step of that iterator (entry input; positive).
    RangeStep = "range_step", Int, [], Slot, 0;
    /// The list a list iterator in slot `aux` walks (entry input).
    SeqObj = "seq_obj", Val, [], Slot, 0;
    /// The position of that list iterator (entry input).
    SeqIndex = "seq_index", Int, [], Slot, 0;
    /// Value `aux` of the exit a bridge continues from (word `aux` of the exit buffer, where
    /// the parent trace's exit stub left it, unboxed as the parent had it).
    ExitVal = "exit_val", Val, [], Int, 0;
    ExitInt = "exit_int", Int, [], Int, 0;
    ExitFloat = "exit_float", Float, [], Int, 0;
    ExitBool = "exit_bool", Bool, [], Int, 0;
    /// A Python object constant.
    KVal = "kval", Val, [], Ptr, PURE;
    KInt = "kint", Int, [], Int, PURE;
    KFloat = "kfloat", Float, [], Float, PURE;
    /// A Bool constant (0 or 1).
    KBool = "kbool", Bool, [], Int, PURE;
    /// Continues when the slot value is not NULL (an unbound local).
    GuardNonNull = "guard_nonnull", Void, [Val], None, GUARD;
    /// Continues while no signal waits for its Python handler (the byte at address `aux`
    /// is 0): every loop iteration checks it, so Ctrl-C stops a compiled loop. Never
    /// merged (the flag changes under the trace's feet).
    GuardNoSignal = "guard_no_signal", Void, [], Ptr, GUARD | EFFECT;
    /// Continues when the value is a small int.
    GuardInt = "guard_int", Void, [Val], None, GUARD;
    /// Continues when the value is a heap object whose class is exactly `aux`.
    GuardType = "guard_type", Void, [Val], Ptr, GUARD;
    /// Continues when the value is the object `aux`.
    GuardIs = "guard_is", Void, [Val], Ptr, GUARD;
    GuardTrue = "guard_true", Void, [Bool], None, GUARD;
    /// Continues when the dict (a namespace) still has version `aux`: no key was added,
    /// removed or rebound since recording.
    GuardVer = "guard_ver", Void, [Val], Int, GUARD | READS;
    /// Continues when the value is not the object (or word) `aux`.
    GuardNotIs = "guard_not_is", Void, [Val], Ptr, GUARD;
    GuardFalse = "guard_false", Void, [Bool], None, GUARD;
    /// The small int of a value known to be one.
    UnboxInt = "unbox_int", Int, [Val], None, PURE;
    BoxInt = "box_int", Val, [Int], None, PURE;
    /// The double of a value known to be an exact float.
    UnboxFloat = "unbox_float", Float, [Val], None, PURE;
    IntToFloat = "int_to_float", Float, [Int], None, PURE;
    /// Leaves the trace when the result leaves the small-int range.
    IntAdd = "int_add", Int, [Int, Int], None, PURE | GUARD;
    IntSub = "int_sub", Int, [Int, Int], None, PURE | GUARD;
    IntMul = "int_mul", Int, [Int, Int], None, PURE | GUARD;
    IntAnd = "int_and", Int, [Int, Int], None, PURE;
    IntOr = "int_or", Int, [Int, Int], None, PURE;
    IntXor = "int_xor", Int, [Int, Int], None, PURE;
    /// `a >> aux` (arithmetic; `aux` a constant 0..=63).
    IntSar = "int_sar", Int, [Int], Int, PURE;
    IntLt = "int_lt", Bool, [Int, Int], None, PURE;
    IntLe = "int_le", Bool, [Int, Int], None, PURE;
    IntEq = "int_eq", Bool, [Int, Int], None, PURE;
    IntNe = "int_ne", Bool, [Int, Int], None, PURE;
    IntGt = "int_gt", Bool, [Int, Int], None, PURE;
    IntGe = "int_ge", Bool, [Int, Int], None, PURE;
    FloatAdd = "float_add", Float, [Float, Float], None, PURE;
    FloatSub = "float_sub", Float, [Float, Float], None, PURE;
    FloatMul = "float_mul", Float, [Float, Float], None, PURE;
    /// Leaves the trace when the divisor is zero (the interpreter then raises).
    FloatDiv = "float_div", Float, [Float, Float], None, PURE | GUARD;
    /// `a ** b` (by a helper call of libm's `pow`, as CPython); leaves the trace unless `a`
    /// is positive and finite, `b` finite and the result finite (the interpreter then
    /// raises, or makes a complex number).
    FloatPow = "float_pow", Float, [Float, Float], None, PURE | GUARD;
    /// Function `aux` of the math module's `FLOAT_FNS` (`sqrt`, `sin`...) of a double, by a
    /// helper call of the same libm function the interpreter calls; leaves the trace unless
    /// argument and result are finite (the interpreter then raises, or returns the NaN or
    /// infinity).
    FloatFn = "float_fn", Float, [Float], Int, PURE | GUARD;
    FloatLt = "float_lt", Bool, [Float, Float], None, PURE;
    FloatLe = "float_le", Bool, [Float, Float], None, PURE;
    FloatEq = "float_eq", Bool, [Float, Float], None, PURE;
    FloatNe = "float_ne", Bool, [Float, Float], None, PURE;
    FloatGt = "float_gt", Bool, [Float, Float], None, PURE;
    FloatGe = "float_ge", Bool, [Float, Float], None, PURE;
    /// The length of a list (known to be one).
    ListLen = "list_len", Int, [Val], None, PURE | READS;
    /// Item `b` of list `a` (the index is checked already). Not merged with an identical
    /// read: a store may come between.
    ListGet = "list_get", Val, [Val, Int], None, READS;
    /// Stores into an exact list: `a` is `arg(arg1(list), value)`, `b` the index (checked
    /// already).
    ListSet = "list_set", Void, [Args, Int], None, 0;
    TupleLen = "tuple_len", Int, [Val], None, PURE;
    TupleGet = "tuple_get", Val, [Val, Int], None, PURE;
    /// Object identity.
    Is = "is", Bool, [Val, Val], None, PURE;
    BoolNot = "bool_not", Bool, [Bool], None, PURE;
    /// Continues when the value is an object whose class is `aux` (re-checked after calls:
    /// an instance's `__class__` may be assigned).
    GuardClass = "guard_class", Void, [Val], Ptr, GUARD | READS;
    /// Continues when the type object `a` still has version `aux` (no attribute of the
    /// class or its bases changed).
    GuardTypeVer = "guard_type_ver", Void, [Val], Int, GUARD | READS;
    /// Continues when function `a` still runs code object `b` (`__code__` is assignable), or
    /// with `aux` 1, still has defaults tuple `b` (`__defaults__` is assignable).
    GuardCode = "guard_code", Void, [Val, Val], Int, GUARD | READS;
    /// Continues when the instance's map (its attribute layout) is `aux`.
    GuardMap = "guard_map", Void, [Val], Ptr, GUARD | READS;
    /// Continues when the instance has more than `aux` slots.
    GuardSlotLen = "guard_slot_len", Void, [Val], Int, GUARD | READS;
    /// Continues when object `a` has no attribute named `aux` (an interned str) of its
    /// own, in its instance dict: a method its class has is not hidden (a helper call).
    GuardUnshadowed = "guard_unshadowed", Void, [Val], Ptr, GUARD | READS;
    /// Slot `aux` of an instance (checked by the guards above).
    SlotGet = "slot_get", Val, [Val], Int, READS;
    /// Stores `b` into slot `aux` of instance `a`.
    SlotSet = "slot_set", Void, [Val, Val], Int, 0;
    /// Adds an attribute to instance `a`, holding `b`: appends a slot and moves the
    /// instance to map `aux` (the map it has, checked before, plus the new name). Leaves
    /// the trace when the instance's slots do not match its map or it has a `__dict__`.
    SlotAdd = "slot_add", Void, [Val, Val], Ptr, GUARD | EFFECT;
    /// The value in cell object `a` (a closure's variable; NULL when unbound). Not merged
    /// with an identical read: a store (`cell_set`, or code a call runs) may come between.
    CellGet = "cell_get", Val, [Val], None, READS;
    /// Stores `b` into cell object `a`.
    CellSet = "cell_set", Void, [Val, Val], None, 0;
    /// Appends `b` to list `a` (a comprehension's `ListAppend`: always an exact list), by a
    /// helper call; leaves the trace, appending nothing, when the list is in use.
    ListPush = "list_push", Void, [Val, Val], None, GUARD | EFFECT;
    /// Resumes generator `a` inline (`Vm::jit_gen_enter`): when it is a plain generator of
    /// code `b`, suspended at instruction `aux & 0xffff_ffff` with `aux >> 32` saved slots
    /// and no exception of its own, it is marked running and the result is the address of
    /// its saved slots; else the trace leaves before the `for`.
    GenEnter = "gen_enter", Int, [Val, Val], Int, GUARD | EFFECT;
    /// Saved slot `aux` of the generator `gen_enter` resumed (`a`: the address it gave).
    GenLoad = "gen_load", Val, [Int], Int, READS;
    /// Writes `b` into saved slot `aux` of that generator (at its `yield`).
    GenStore = "gen_store", Void, [Int, Val], Int, 0;
    /// Generator `a` (running inline) will resume at instruction `aux >> 32` with
    /// `aux & 0xffff_ffff` saved slots (a yield elsewhere than the one it resumed after):
    /// its saved slots resized, their address (`Vm::jit_gen_resize`).
    GenResize = "gen_resize", Int, [Val], Int, EFFECT;
    /// Generator `a` yielded: suspended again (`Vm::jit_gen_leave`).
    GenLeave = "gen_leave", Void, [Val], None, EFFECT;
    /// Generator `a` returned: finished, its saved frame dropped (`Vm::jit_gen_finish`).
    GenFinish = "gen_finish", Void, [Val], None, EFFECT;
    /// A new float object holding the double (an allocation, by a helper call).
    BoxFloat = "box_float", Val, [Float], None, PURE;
    /// True or False.
    BoxBool = "box_bool", Val, [Bool], None, PURE;
    /// An argument list of one value, for `call`. Argument lists are never merged: each
    /// belongs to one call (no loop-carried `args` value ever exists).
    Arg1 = "arg1", Args, [Val], None, 0;
    /// The argument list `a` followed by the value `b`.
    Arg = "arg", Args, [Args, Val], None, 0;
    /// Runs the interpreter's generic path of one instruction (`Vm::jit_op`) on the boxed
    /// arguments. `aux` packs the operation (bits 0-7, a `JitOp`), the instruction's operand
    /// (bits 8-39) and its index (bits 40-63). When it raises, the trace leaves through the
    /// snapshot (the state before the instruction) with the exception pending.
    /// `b` is the code object of the instruction (its inline caches and names).
    Call = "call", Val, [Args, Val], Int, GUARD | EFFECT;
    /// A `call` of Python code from inside an inlined call: the snapshot's state is first
    /// written to the frame with a frame record for each inlined call (a *flush*, as for
    /// `call_loop`), so the callee finds its true callers (`sys._getframe(1)`, tracebacks,
    /// warnings' `stacklevel`); the records are taken back after it returns.
    CallFramed = "call_framed", Val, [Args, Val], Int, GUARD | EFFECT;
    /// The second result of the `call` just before (LoadMethod's first stack value).
    Ret2 = "ret2", Val, [Val], None, 0;
    /// Runs the compiled loop whose header is the snapshot's instruction (an inner loop):
    /// the snapshot's state is written to the frame (a *flush*), the inner loop's trace runs
    /// until it leaves, and the trace goes on after the loop with every slot read again
    /// from the frame. `aux` is the inner loop's trace (an address); the constant `a` packs
    /// where the recording saw the loop left: the instruction (bits 0-15), the stack depth
    /// there (bits 16-31) and the loop's last instruction (bits 32-47). When the inner loop
    /// leaves any other way, the trace leaves with the state already in the frame (an
    /// *in-place* exit).
    CallLoop = "call_loop", Void, [Int], Ptr, GUARD | EFFECT;
    /// The loop header of a peeled trace.
    Loop = "loop", Void, [], None, 0;
}

/// One instruction.
#[derive(Clone, Copy, PartialEq, Debug)]
pub struct Inst {
    pub op: Op,
    pub a: Ref,
    pub b: Ref,
    pub aux: i64,
    /// The snapshot of a guard (index into `Trace::snaps`), else u32::MAX.
    pub snap: u32,
}

impl Inst {
    pub fn new(op: Op, a: Ref, b: Ref, aux: i64) -> Inst {
        Inst { op, a, b, aux, snap: u32::MAX }
    }
    /// The operands in use.
    pub fn operands(&self) -> impl Iterator<Item = Ref> + '_ {
        let n = self.op.args().len();
        [self.a, self.b].into_iter().take(n)
    }
    /// The key under which identical pure instructions are merged.
    pub fn cse_key(&self) -> (Op, Ref, Ref, i64) {
        (self.op, self.a, self.b, self.aux)
    }
}

/// In a snapshot or slot map, this bit on a slot number means "the position of the range
/// iterator in that slot" rather than the slot itself.
pub const ITER_POS: u32 = 1 << 31;
/// In a snapshot, this bit on a "slot" number means "the instance that inlined frame
/// number `slot & !INIT_SELF` (an `__init__` run by instantiating a class) evaluates to".
pub const INIT_SELF: u32 = 1 << 30;
/// In a snapshot, this bit on a "slot" number means "the function of inlined frame number
/// `slot & !FRAME_FUNC`", for a function the trace made (`MakeFunction`): its frame's
/// `SnapFrame::func` is 0.
pub const FRAME_FUNC: u32 = 1 << 29;
/// The bits that make a snapshot entry something other than a frame slot.
pub const NOT_A_SLOT: u32 = ITER_POS | INIT_SELF | FRAME_FUNC;

impl Op {
    /// Reads of the state the trace was entered with (frame slots, iterator positions).
    pub fn is_entry_read(self) -> bool {
        matches!(self, Op::Sload | Op::RangeCur | Op::RangeStop | Op::RangeStep | Op::SeqObj | Op::SeqIndex | Op::ExitVal | Op::ExitInt | Op::ExitFloat | Op::ExitBool)
    }
}

/// The interpreter state to rebuild at an exit: resume at `ip` with the frame's stack depth
/// `sp` (slots from the frame base: locals, cells, then the evaluation stack), after writing
/// each listed slot. Slots not listed still hold what they held when the trace was entered.
#[derive(Clone, PartialEq, Debug, Default)]
pub struct Snap {
    pub ip: u32,
    pub sp: u32,
    /// (slot, value), sorted by slot.
    pub slots: Vec<(u32, Ref)>,
    /// The frames of inlined calls, outermost first: the state is inside the last one (`ip`
    /// is its instruction), and slot numbers count from the trace's own frame's base.
    pub frames: Vec<SnapFrame>,
}

/// An inlined call in a snapshot: the function called, the slot where its frame begins,
/// and the instruction its caller continues at when it returns.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct SnapFrame {
    pub func: i64,
    pub base: u32,
    pub ret_ip: u32,
    /// For a binary operator's special method (`Frame::binop`), else 0: the operands lie
    /// below `base`, in the caller's stack.
    pub binop: u8,
    /// A generator's frame the trace resumed inline (`gen_enter`): the generator is the
    /// caller's iterator, in the slot below `base`; `func` is its function.
    pub gen: bool,
}

/// A trace: instructions, snapshots, and the loop-carried values of its closing jump.
#[derive(Clone, PartialEq, Debug, Default)]
pub struct Trace {
    pub insts: Vec<Inst>,
    pub snaps: Vec<Snap>,
    /// `(header value, value at the end of the body)` pairs the closing jump assigns.
    pub phis: Vec<(Ref, Ref)>,
    /// Whether the trace ends in a jump back to its loop header.
    pub looping: bool,
    /// The state a trace that does not loop leaves with at its end.
    pub tail: Option<Snap>,
}

impl Trace {
    pub fn ty(&self, r: Ref) -> Ty {
        self.insts[r.idx()].op.ty()
    }
    pub fn inst(&self, r: Ref) -> &Inst {
        &self.insts[r.idx()]
    }
    /// Index of the `loop` instruction.
    pub fn loop_at(&self) -> Option<usize> {
        self.insts.iter().position(|i| i.op == Op::Loop)
    }
    /// Checks the invariants every phase relies on: operands defined before use and of the
    /// right type, guards with snapshots whose values are defined before the guard.
    pub fn verify(&self) -> Result<(), String> {
        for (k, i) in self.insts.iter().enumerate() {
            for (n, (r, &t)) in i.operands().zip(i.op.args()).enumerate() {
                if r.idx() >= k {
                    return Err(format!("%{k} {}: operand {n} {r} not defined before use", i.op.text()));
                }
                let rt = self.ty(r);
                if rt != t {
                    return Err(format!("%{k} {}: operand {n} {r} is {} where {} is expected", i.op.text(), rt.name(), t.name()));
                }
            }
            if i.op.flags() & GUARD != 0 {
                let s = self.snaps.get(i.snap as usize).ok_or_else(|| format!("%{k} {}: no snapshot", i.op.text()))?;
                for &(_, r) in &s.slots {
                    if r.idx() >= k {
                        return Err(format!("%{k}: snapshot value {r} not defined before the guard"));
                    }
                }
            }
        }
        if let Some(s) = &self.tail {
            if s.slots.iter().any(|&(_, r)| r.idx() >= self.insts.len()) {
                return Err("tail snapshot value not defined".into());
            }
        }
        for &(h, e) in &self.phis {
            if h.idx() >= self.insts.len() || e.idx() >= self.insts.len() || self.ty(h) != self.ty(e) {
                return Err(format!("phi {h} <- {e}: bad refs or types"));
            }
        }
        Ok(())
    }
}
