//! Trace recording: while the interpreter runs one iteration of a hot loop, each instruction
//! first comes here and is turned into trace IR, specialised on the values it is about to
//! see (their types become guards). The recorder keeps a slot map, frame slot -> IR value:
//! locals and the evaluation stack of the recorded frame, read lazily with `sload` and
//! written by the instructions; a guard's snapshot is the written part of that map.
//!
//! Anything not handled yet ends the recording with a reason (counted in the statistics).

use pyjit_compiler::opcode::Instr;
use pyjit_vm::heap::{Gc, ObjKind, Value};
use pyjit_vm::interp::jit_ops::{JitOp, JIT_STOP};
use pyjit_vm::interp::Cache;
use pyjit_vm::objects::{CodeObj, DictObj, FloatObj, ListObj, TupleObj};
use pyjit_vm::Vm;

use crate::fold::{small, AlwaysFails, Builder};
use crate::ir::{Op, Ref, Snap, SnapFrame, Ty, FRAME_FUNC, INIT_SELF, ITER_POS};

mod arith;
mod attrs;
mod calls;
mod gens;
pub(crate) use gens::{GEN_FRESH, GEN_RUNNING};
mod iters;

/// What the recorder asks of the interpreter after an instruction.
pub enum Step {
    Continue,
    /// The loop closed: the trace is complete.
    Closed,
    Abort(String),
}

pub struct Recorder {
    pub b: Builder,
    /// The code object of the loop.
    pub root: Gc<CodeObj>,
    /// The code of the frame being recorded (the loop's, or an inlined callee's).
    code: Gc<CodeObj>,
    /// Slot where the frame being recorded begins (0: the loop's frame).
    fbase: usize,
    /// Calls being inlined, outermost first.
    inline: Vec<Inlined>,
    /// Objects the compiled trace refers to by address that nothing else may keep alive
    /// (inlined functions and their code).
    pub keep: Vec<Value>,
    depth: usize,
    pub base: usize,
    /// Instruction index of the loop header (the backward jump's target).
    pub header: usize,
    /// Frame slot -> (current value, written by the trace).
    slots: Vec<(Ref, bool)>,
    /// Stack depth in slots from the frame base.
    sp: usize,
    expected: usize,
    steps: usize,
    /// Range iterators the trace advances: their slot and position, stop and step values.
    iters: Vec<IterRec>,
    /// The frame's globals and builtins, when the trace relies on them being these dicts.
    pub namespaces: Option<(Value, Value)>,
    /// Items of a tuple built only to be unpacked by the next instruction (`a, b, c = c, a,
    /// b`): never allocated, the stack slot holds `VIRTUAL_TUPLE` meanwhile.
    virtual_tuple: Option<Vec<Ref>>,
    /// A branch on the truth of a value computed by a `call`: (the call's True/False result,
    /// the state after the branch, the instructions the branch goes to when true and when
    /// false). The guard is emitted at the next instruction, when the direction taken is
    /// known.
    pending_truth: Option<(Ref, Snap, usize, usize)>,
    /// The two instructions a branch recorded with `pending_truth` may go to.
    branch_targets: Option<(usize, usize)>,
    /// A `for` recorded as a `call` of `next` whose outcome the next instruction shows:
    /// the call's result, the state when it turns out exhausted (at the loop's exit, the
    /// iterator popped) and when it has an item (after the `for`, the item pushed), and the
    /// loop's exit instruction.
    pending_next: Option<(Ref, Snap, Snap, usize)>,
    /// Backward jumps to inner loops' headers followed while recording, per (code object,
    /// header): an inner loop that is not compiled is unrolled, up to `MAX_UNROLL` times
    /// (past that the recording ends; the inner loop, hot by then, gets compiled and later
    /// recordings call it).
    unrolled: Vec<((usize, usize), u32)>,
    /// An inner loop the trace runs by `call_loop`, while the interpreter runs it during
    /// recording: its first and last instruction (the backward jump), and the constant
    /// that is to say where and at what stack depth it was left.
    skipping: Option<(usize, usize, Ref)>,
    /// Compiled inner loops the trace calls (kept alive as long as the trace).
    pub deps: Vec<InnerLoop>,
    /// Functions made by the trace, callable inline without guards on their identity.
    fresh: Vec<Fresh>,
    /// The last tuple the trace built and the IR values of its items.
    built_tuple: Option<(Ref, Vec<Ref>)>,
    /// List and tuple iterators the trace made by `GetIter`: the iterator, the sequence
    /// (IR values), and whether it is a tuple.
    made_iters: Vec<(Ref, Ref, bool)>,
    /// Locals of generators resumed inline whose saved value no guard has checked yet:
    /// the first `LoadFast` checks it is bound.
    unchecked: Vec<usize>,
}

/// A compiled loop as the recorder sees it: its trace's address and what keeps it alive.
pub type InnerLoop = std::rc::Rc<dyn std::any::Any>;

/// Finds the compiled loop at (code object address, header instruction), if any.
pub type InnerLookup<'a> = &'a dyn Fn(usize, u32) -> Option<(u64, InnerLoop)>;

/// A Python call the recorder follows into its callee.
struct Inlined {
    func: Value,
    /// Slot where the callee's frame begins.
    base: usize,
    /// Where the caller continues when the callee returns.
    ret_ip: usize,
    caller_code: Gc<CodeObj>,
    caller_fbase: usize,
    /// For an `__init__` run by instantiating a class: the new instance, which the call
    /// evaluates to (else Ref::NONE).
    init_self: Ref,
    /// For a function the trace made (`MakeFunction`): its IR value, which snapshots carry
    /// (else Ref::NONE: `func` is a constant).
    func_ref: Ref,
    /// For a binary operator's special method run for a `BinaryOp` (`inline_binop`): the
    /// frame's `Frame::binop`; the operands stay on the caller's stack below `base`.
    binop: u8,
    /// For a generator resumed inline by a `for` (`for_iter_gen`), else None.
    gen: Option<GenRec>,
}

/// A generator a `for` of the trace resumes inline: its IR value, the address of its saved
/// slots (`gen_enter`), how many there are, and the instruction it resumed at (after its
/// `yield`, the one it must yield at again).
#[derive(Clone, Copy)]
struct GenRec {
    gen: Ref,
    ptr: Ref,
    n: usize,
    resume: usize,
}

/// A function a `MakeFunction` in the trace made: its IR value, code object, and the IR
/// values of its closure's cells (or None without a closure).
struct Fresh {
    func: Ref,
    code: Value,
    cells: Option<Vec<Ref>>,
}

/// How deep calls are inlined.
const MAX_INLINE: usize = 6;

/// Stands in the slot map for the virtual tuple between `BuildTuple` and `UnpackSequence`.
const VIRTUAL_TUPLE: Ref = Ref(u32::MAX - 1);

/// A range iterator in a frame slot whose position the trace keeps in a register.
#[derive(Clone, Copy)]
struct IterRec {
    slot: usize,
    cur: Ref,
    stop: Ref,
    step: Ref,
    advanced: bool,
    /// For a list iterator the trace made (`GetIter` on a list): its IR value, which the
    /// slot must still hold for the record to apply (else Ref::NONE: an entry input).
    it: Ref,
}

const MAX_STEPS: usize = 3000;

/// The flag of a `call_loop`'s packed constant saying that the recording saw the inlined
/// call holding the loop return (bit 47; the loop's last instruction takes bits 32-46).
pub(crate) const LOOP_RETURNS: usize = 1 << 47;

/// Iterations of one inner loop a recording follows (see `Instr::JumpBackward`).
const MAX_UNROLL: u32 = 12;

impl From<AlwaysFails> for String {
    fn from(_: AlwaysFails) -> String {
        "guard always fails".into()
    }
}

impl Recorder {
    pub fn new(vm: &Vm, b: Builder, header: usize) -> Option<Recorder> {
        Recorder::new_at(vm, b, header, vm.frames.len().checked_sub(1)?)
    }

    /// A recorder for the loop of frame `vm.frames[at]` (a bridge may start in calls it
    /// inlined, whose frames are above it).
    pub fn new_at(vm: &Vm, b: Builder, header: usize, at: usize) -> Option<Recorder> {
        let f = vm.frames.get(at)?;
        let size = f.code.code.frame_size();
        Some(Recorder {
            b,
            root: f.code,
            code: f.code,
            fbase: 0,
            inline: Vec::new(),
            keep: Vec::new(),
            depth: at + 1,
            base: f.base,
            header,
            slots: vec![(Ref::NONE, false); size],
            sp: vm.sp.checked_sub(f.base)?,
            expected: header,
            steps: 0,
            iters: Vec::new(),
            namespaces: None,
            virtual_tuple: None,
            pending_truth: None,
            branch_targets: None,
            pending_next: None,
            unrolled: Vec::new(),
            skipping: None,
            deps: Vec::new(),
            fresh: Vec::new(),
            built_tuple: None,
            made_iters: Vec::new(),
            unchecked: Vec::new(),
        })
    }

    /// Records a bridge: the first instruction is the one a trace's exit resumes at, and the
    /// exit's values (`exit[k]`: slot and type) are word k of the exit buffer when the bridge
    /// runs (the frame does not hold them: they are read as `exit_*` and count as written).
    /// A range or list iterator's position continues from the exit; its stop, step or list
    /// are the loop's entry inputs (`inputs`).
    /// `funcs` are the functions of the frames the exit rebuilt for `frames`, `gens` their
    /// generators (NULL but for generators resumed inline).
    pub fn start_bridge(&mut self, ip: usize, exit: &[(u32, Ty)], frames: &[SnapFrame], funcs: &[Value], gens: &[Value], inputs: &[(Op, u32)]) -> Result<(), String> {
        self.expected = ip;
        // the calls the exit is inside, as if the bridge had inlined them
        let mut init_selfs = vec![Ref::NONE; frames.len()];
        let mut func_refs = vec![Ref::NONE; frames.len()];
        if funcs.len() != frames.len() {
            return Err("bridge: frames not rebuilt".into());
        }
        if gens.len() != frames.len() {
            return Err("bridge: frames not rebuilt".into());
        }
        let mut gen_frames = Vec::new();
        for ((k, fr), &func) in frames.iter().enumerate().zip(funcs) {
            if fr.func != 0 && fr.func != func.raw() as i64 {
                return Err("bridge: frames not rebuilt".into());
            }
            let Some(code) = func.get::<pyjit_vm::objects::FunctionObj>().and_then(|f| f.code.get().get::<CodeObj>()) else {
                return Err("bridge: inlined function without code".into());
            };
            let base = fr.base as usize;
            if fr.gen != !gens[k].is_null() {
                return Err("bridge: frames not rebuilt".into());
            }
            if fr.gen {
                gen_frames.push((k, gens[k], code));
            }
            self.inline.push(Inlined { func, base, ret_ip: fr.ret_ip as usize, caller_code: self.code, caller_fbase: self.fbase, init_self: Ref::NONE, func_ref: Ref::NONE, binop: fr.binop, gen: None });
            let size = code.code.frame_size();
            if self.slots.len() < base + size {
                self.slots.resize(base + size, (Ref::NONE, false));
            }
            self.keep.extend([func, code.value()]);
            self.code = code;
            self.fbase = base;
        }
        let mut taken_over: Vec<(usize, Ref)> = Vec::new();
        for (k, &(slot, ty)) in exit.iter().enumerate() {
            if slot & INIT_SELF != 0 && slot & ITER_POS == 0 {
                let r = self.b.append(crate::ir::Inst::new(Op::ExitVal, Ref::NONE, Ref::NONE, k as i64), None);
                *init_selfs.get_mut((slot & !INIT_SELF) as usize).ok_or("bridge: bad inlined frame")? = r;
                continue;
            }
            if slot & FRAME_FUNC != 0 && slot & ITER_POS == 0 {
                let r = self.b.append(crate::ir::Inst::new(Op::ExitVal, Ref::NONE, Ref::NONE, k as i64), None);
                *func_refs.get_mut((slot & !FRAME_FUNC) as usize).ok_or("bridge: bad inlined frame")? = r;
                continue;
            }
            let op = match ty {
                Ty::Val => Op::ExitVal,
                Ty::Int => Op::ExitInt,
                Ty::Float => Op::ExitFloat,
                Ty::Bool => Op::ExitBool,
                _ => return Err("bridge from an exit with an odd value".into()),
            };
            let r = self.b.append(crate::ir::Inst::new(op, Ref::NONE, Ref::NONE, k as i64), None);
            if slot & ITER_POS != 0 {
                let s = (slot & !ITER_POS) as usize;
                let mk = |b: &mut Builder, op: Op| b.append(crate::ir::Inst::new(op, Ref::NONE, Ref::NONE, s as i64), None);
                let rec = if inputs.contains(&(Op::RangeCur, s as u32)) {
                    let stop = mk(&mut self.b, Op::RangeStop);
                    let step = mk(&mut self.b, Op::RangeStep);
                    IterRec { slot: s, cur: r, stop, step, advanced: true, it: Ref::NONE }
                } else if inputs.contains(&(Op::SeqIndex, s as u32)) {
                    let seq = mk(&mut self.b, Op::SeqObj);
                    IterRec { slot: s, cur: r, stop: seq, step: Ref::NONE, advanced: true, it: Ref::NONE }
                } else {
                    // a list iterator the parent trace made: the bridge sets its position
                    // and goes on with it as with any iterator
                    taken_over.push((s, r));
                    continue;
                };
                self.iters.push(rec);
            } else {
                *self.slots.get_mut(slot as usize).ok_or("slot out of range")? = (r, true);
            }
        }
        for (s, pos) in taken_over {
            let it = self.slots.get(s).map(|e| e.0).filter(|&r| r != Ref::NONE).ok_or("bridge: an iterator position without its iterator")?;
            self.generic_args(ip, JitOp::SetIterPos, 0, &[it, pos], 0)?;
        }
        for ((f, r), fr) in self.inline.iter_mut().zip(init_selfs).zip(func_refs) {
            f.init_self = r;
            f.func_ref = fr;
        }
        for (k, gen, code) in gen_frames {
            self.bridge_gen_frame(ip, k, gen, code)?;
        }
        if self.inline.iter().zip(frames).any(|(f, sf)| (sf.func == 0) != (f.func_ref != Ref::NONE)) {
            return Err("bridge: a made function's frame without its value".into());
        }
        Ok(())
    }

    /// The state at the loop header when a bridge reaches it.
    pub fn header_snap(&self) -> Snap {
        self.snap(self.header)
    }

    /// The slot map when the loop closes: (slot, value, written) below the stack pointer.
    pub fn end_map(&self) -> Vec<(u32, Ref, bool)> {
        let mut m: Vec<(u32, Ref, bool)> = self.slots[..self.sp.min(self.slots.len())]
            .iter()
            .enumerate()
            .filter(|(_, e)| e.0 != Ref::NONE)
            .map(|(s, e)| (s as u32, e.0, e.1))
            .collect();
        m.extend(self.iters.iter().filter(|i| self.iter_live(i)).map(|i| (i.slot as u32 | ITER_POS, i.cur, i.advanced)));
        m
    }

    fn val(&self, vm: &Vm, slot: usize) -> Value {
        vm.stack[self.base + slot]
    }

    fn get(&mut self, slot: usize) -> Result<Ref, String> {
        let e = *self.slots.get(slot).ok_or("slot out of range")?;
        if e.0 != Ref::NONE {
            return Ok(e.0);
        }
        let r = self.b.emit(Op::Sload, Ref::NONE, Ref::NONE, slot as i64, None)?;
        self.slots[slot] = (r, false);
        Ok(r)
    }
    fn set(&mut self, slot: usize, r: Ref) -> Result<(), String> {
        *self.slots.get_mut(slot).ok_or("slot out of range")? = (r, true);
        Ok(())
    }
    fn push(&mut self, r: Ref) -> Result<(), String> {
        self.set(self.sp, r)?;
        self.sp += 1;
        Ok(())
    }
    fn pop(&mut self) -> Result<Ref, String> {
        self.sp = self.sp.checked_sub(1).ok_or("stack underflow")?;
        self.get(self.sp)
    }
    fn peek(&mut self, n: usize) -> Result<Ref, String> {
        self.get(self.sp.checked_sub(n).ok_or("stack underflow")?)
    }

    /// The interpreter state before the current instruction.
    /// Whether iterator record `i` is for an iterator still on the stack (one the trace
    /// made is gone once its slot holds another value).
    fn iter_live(&self, i: &IterRec) -> bool {
        i.slot < self.sp && (i.it == Ref::NONE || self.slots.get(i.slot).is_some_and(|e| e.0 == i.it))
    }

    fn snap(&self, ip: usize) -> Snap {
        let mut slots: Vec<(u32, Ref)> = self.slots[..self.sp.min(self.slots.len())]
            .iter()
            .enumerate()
            .filter(|(_, e)| e.1)
            .map(|(s, e)| (s as u32, e.0))
            .collect();
        // every iterator position, advanced or not: a loop entered from a bridge has its
        // positions in the entry inputs, not in the iterator objects
        slots.extend(self.iters.iter().filter(|i| self.iter_live(i)).map(|i| (i.slot as u32 | ITER_POS, i.cur)));
        for (k, f) in self.inline.iter().enumerate() {
            if f.init_self != Ref::NONE {
                slots.push((INIT_SELF | k as u32, f.init_self));
            }
            if f.func_ref != Ref::NONE {
                slots.push((FRAME_FUNC | k as u32, f.func_ref));
            }
        }
        let frames = self
            .inline
            .iter()
            .map(|f| SnapFrame {
                func: if f.func_ref != Ref::NONE { 0 } else { f.func.raw() as i64 },
                base: f.base as u32,
                ret_ip: f.ret_ip as u32,
                binop: f.binop,
                gen: f.gen.is_some(),
            })
            .collect();
        Snap { ip: ip as u32, sp: self.sp as u32, slots, frames }
    }

    /// Replaces `old` by `new` in every slot (a value specialised to an unboxed type).
    fn respecialise(&mut self, old: Ref, new: Ref) {
        for e in self.slots.iter_mut() {
            if e.0 == old {
                e.0 = new;
            }
        }
    }

    /// `r` (whose current value `v` is a small int) as an unboxed Int.
    fn as_int(&mut self, r: Ref, v: Value, s: &Snap) -> Result<Ref, String> {
        match self.b.t.ty(r) {
            Ty::Int => Ok(r),
            Ty::Val if v.is_small() => {
                self.b.emit(Op::GuardInt, r, Ref::NONE, 0, Some(s.clone()))?;
                let u = self.b.emit(Op::UnboxInt, r, Ref::NONE, 0, None)?;
                self.respecialise(r, u);
                Ok(u)
            }
            t => Err(format!("expected an int, have {}", t.name())),
        }
    }

    /// `r` (whose current value `v` is an exact float or a small int) as an unboxed Float.
    fn as_float(&mut self, vm: &Vm, r: Ref, v: Value, s: &Snap) -> Result<Ref, String> {
        match self.b.t.ty(r) {
            Ty::Float => Ok(r),
            Ty::Int => Ok(self.b.emit(Op::IntToFloat, r, Ref::NONE, 0, None)?),
            Ty::Val if v.is_small() => {
                let i = self.as_int(r, v, s)?;
                Ok(self.b.emit(Op::IntToFloat, i, Ref::NONE, 0, None)?)
            }
            Ty::Val if is_exact_float(vm, v) => {
                self.b.emit(Op::GuardType, r, Ref::NONE, vm.types.float.raw() as i64, Some(s.clone()))?;
                let u = self.b.emit(Op::UnboxFloat, r, Ref::NONE, 0, None)?;
                self.respecialise(r, u);
                Ok(u)
            }
            t => Err(format!("expected a float, have {}", t.name())),
        }
    }

    /// Records the instruction at `ip` of the innermost frame.
    pub fn record(&mut self, vm: &mut Vm, ip: usize, inner: InnerLookup) -> Step {
        match self.step(vm, ip, inner) {
            Ok(s) => s,
            Err(e) => Step::Abort(e),
        }
    }

    /// While the interpreter ran an inner loop the trace calls (`skipping`), the inlined
    /// call the loop is in returned (`return` inside the loop, or after it): the `call_loop`
    /// then runs that call to its return (`LOOP_RETURNS`) and the trace goes on in the
    /// caller at `ip`, after the call, with the value it returned on the stack. False when
    /// the frames are not in that state.
    fn returned_while_skipping(&mut self, vm: &Vm, ip: usize, depth: usize) -> Result<bool, String> {
        let (Some((_, j, k)), Some(fr)) = (self.skipping, self.inline.last()) else { return Ok(false) };
        if vm.frames.len() + 1 != depth || fr.init_self != Ref::NONE || fr.binop != 0 || ip != fr.ret_ip {
            return Ok(false);
        }
        if vm.frames.last().map(|f| f.base) != Some(self.base + fr.caller_fbase) {
            return Ok(false);
        }
        let fr = self.inline.pop().ok_or("no inlined call")?;
        for e in self.slots[fr.base..].iter_mut() {
            *e = (Ref::NONE, false);
        }
        self.code = fr.caller_code;
        self.fbase = fr.caller_fbase;
        let rel = vm.sp.checked_sub(self.base + self.fbase).ok_or("stack depth mismatch")?;
        if ip >= 1 << 16 || j >= LOOP_RETURNS >> 32 || rel >= 1 << 16 {
            return Err("inner loop out of reach".into());
        }
        self.b.t.insts[k.idx()].aux = (ip | rel << 16 | j << 32 | LOOP_RETURNS) as i64;
        self.skipping = None;
        self.sp = self.fbase + rel;
        self.expected = ip;
        Ok(true)
    }

    /// Whether the trace runs an inner loop by `call_loop` (then it is not peeled: its
    /// iteration ends by handing the state to the engine, which enters it again).
    pub fn calls_loops(&self) -> bool {
        !self.deps.is_empty()
    }

    fn step(&mut self, vm: &mut Vm, ip: usize, inner: InnerLookup) -> Result<Step, String> {
        let depth = self.depth + self.inline.len();
        if vm.frames.len() > depth {
            // code an instruction recorded as a `call` runs (a Python function, a generator
            // resumed, a property): the trace calls the instruction as a whole
            return Ok(Step::Continue);
        }
        if (vm.frames.len() != depth || vm.frames.last().map(|f| f.base) != Some(self.base + self.fbase)) && !self.returned_while_skipping(vm, ip, depth)? {
            return Err("return from the loop's frame".into());
        }
        if let Some((h, j, k)) = self.skipping {
            // the interpreter runs the inner loop the trace calls: resume after it, where
            // the call must find that it ended
            if (h..=j).contains(&ip) {
                return Ok(Step::Continue);
            }
            // the depth within the frame the loop is in (the inner loop's own trace counts
            // from that frame's base)
            let rel = vm.sp.checked_sub(self.base + self.fbase).ok_or("stack depth mismatch")?;
            if ip >= 1 << 16 || self.fbase + rel > self.sp || j >= LOOP_RETURNS >> 32 || rel >= 1 << 16 {
                return Err("inner loop out of reach".into());
            }
            self.b.t.insts[k.idx()].aux = (ip | rel << 16 | j << 32) as i64;
            self.skipping = None;
            self.sp = self.fbase + rel;
            self.expected = ip;
        }
        if let Some((r, mut s, if_true, if_false)) = self.pending_truth.take() {
            // the guard's exit goes the other way, after the branch: the truth was computed
            // (maybe by a __bool__ with effects) and must not be asked again
            let (want, other) = if ip == if_true { (vm.true_, if_false) } else { (vm.false_, if_true) };
            s.ip = other as u32;
            self.b.emit(Op::GuardIs, r, Ref::NONE, want.raw() as i64, Some(s))?;
        }
        if let Some((r, done, item, exit)) = self.pending_next.take() {
            // the guard's exit is the other outcome, after the `for`
            if ip == exit {
                self.b.emit(Op::GuardIs, r, Ref::NONE, JIT_STOP as i64, Some(item))?;
                self.sp -= 1;
            } else {
                self.b.emit(Op::GuardNotIs, r, Ref::NONE, JIT_STOP as i64, Some(done))?;
                self.push(r)?;
            }
        }
        let either = self.branch_targets.take().is_some_and(|(x, y)| ip == x || ip == y);
        if ip != self.expected && !either {
            return Err("unexpected control flow (exception?)".into());
        }
        if vm.sp != self.base + self.sp {
            return Err("stack depth mismatch".into());
        }
        if self.steps == 0 && ip == self.header {
            // the loop's first instruction: a pending signal (Ctrl-C) leaves the trace here
            let s = self.snap(ip);
            let flag = pyjit_vm::signals::pending_flag_addr() as i64;
            self.b.emit(Op::GuardNoSignal, Ref::NONE, Ref::NONE, flag, Some(s))?;
        }
        if (ip != self.header || !self.inline.is_empty()) && self.virtual_tuple.is_none() && !self.in_gen() {
            if let Some((ptr, keep)) = inner(self.code.value().raw() as usize, ip as u32) {
                return self.call_loop(ip, ptr, keep);
            }
        }
        self.steps += 1;
        if self.steps > MAX_STEPS {
            return Err("trace too long".into());
        }
        let instr = *self.code.code.code.get(ip).ok_or("ip out of range")?;
        self.expected = ip + 1;
        match instr {
            Instr::Nop => {}
            Instr::LoadFast(i) => {
                let i = self.fbase + i as usize;
                if self.val(vm, i).is_null() {
                    return Err("unbound local".into());
                }
                let first = self.slots.get(i).is_some_and(|e| e.0 == Ref::NONE) || self.take_unchecked(i);
                let r = self.get(i)?;
                if first && self.b.t.ty(r) == Ty::Val {
                    // a later entry may find the local deleted: the interpreter then raises
                    let s = self.snap(ip);
                    self.b.emit(Op::GuardNonNull, r, Ref::NONE, 0, Some(s))?;
                }
                self.push(r)?;
            }
            Instr::StoreFast(i) => {
                let r = self.pop()?;
                self.set(self.fbase + i as usize, r)?;
            }
            Instr::LoadConst(i) => {
                let v = *self.code.consts.get(i as usize).ok_or("bad constant")?;
                let r = self.constant(vm, v)?;
                self.push(r)?;
            }
            Instr::PopTop => {
                self.pop()?;
            }
            Instr::Copy(n) => {
                let r = self.peek(n as usize)?;
                self.push(r)?;
            }
            Instr::Swap(n) => {
                let a = self.peek(1)?;
                let b = self.peek(n as usize)?;
                self.set(self.sp - 1, b)?;
                self.set(self.sp - n as usize, a)?;
            }
            Instr::BinaryOp(op) => {
                if !self.inline_binop(vm, ip, op)? {
                    self.binary(vm, ip, op)?
                }
            }
            Instr::CompareOp(op) => self.compare(vm, ip, op)?,
            Instr::UnaryNot => {
                let r = self.peek(1)?;
                if self.b.t.ty(r) != Ty::Bool {
                    self.generic_push(ip, JitOp::Not, 0, 1)?;
                    return Ok(Step::Continue);
                }
                let n = self.b.emit(Op::BoolNot, r, Ref::NONE, 0, None)?;
                self.pop()?;
                self.push(n)?;
            }
            Instr::UnaryNegative => {
                let r = self.peek(1)?;
                let v = self.val(vm, self.sp - 1);
                let s = self.snap(ip);
                let n = if self.b.t.ty(r) == Ty::Int || v.is_small() {
                    let x = self.as_int(r, v, &s)?;
                    if v.is_small() && small(-v.small_value()).is_none() {
                        self.generic_push(ip, JitOp::Unary, 0, 1)?;
                        return Ok(Step::Continue);
                    }
                    let z = self.b.kint_ref(0);
                    self.b.emit(Op::IntSub, z, x, 0, Some(s))?
                } else if self.b.t.ty(r) == Ty::Float || is_exact_float(vm, v) {
                    let x = self.as_float(vm, r, v, &s)?;
                    let m = self.b.kfloat_ref(-1.0);
                    self.b.emit(Op::FloatMul, x, m, 0, None)?
                } else {
                    self.generic_push(ip, JitOp::Unary, 0, 1)?;
                    return Ok(Step::Continue);
                };
                self.pop()?;
                self.push(n)?;
            }
            Instr::IsOp(inv) => {
                let b = self.peek(1)?;
                let a = self.peek(2)?;
                let mut r = self.is_op(a, b)?;
                if inv == 1 {
                    r = self.b.emit(Op::BoolNot, r, Ref::NONE, 0, None)?;
                }
                self.pop()?;
                self.pop()?;
                self.push(r)?;
            }
            Instr::PopJumpIfFalse(t) | Instr::PopJumpIfTrue(t) => {
                let jump_if = matches!(instr, Instr::PopJumpIfTrue(_));
                let r = self.peek(1)?;
                let v = self.val(vm, self.sp - 1);
                if self.b.t.ty(r) == Ty::Val && v != vm.true_ && v != vm.false_ && !v.is_small() {
                    // the truth of another object: a call, and a guard on its result once
                    // the next instruction shows which way the branch went
                    let c = self.generic(ip, JitOp::Truthy, 0, 1)?;
                    let s = self.snap(ip);
                    let (if_true, if_false) = if jump_if { (t as usize, ip + 1) } else { (ip + 1, t as usize) };
                    self.pending_truth = Some((c, s, if_true, if_false));
                    self.expected = usize::MAX;
                    self.branch_targets = Some((ip + 1, t as usize));
                    return Ok(Step::Continue);
                }
                let truth = self.branch_truth(vm, ip)?;
                self.pop()?;
                if truth == jump_if {
                    self.expected = t as usize;
                }
            }
            Instr::JumpIfFalseOrPop(t) | Instr::JumpIfTrueOrPop(t) => {
                // `a and b` / `a or b`: jump keeping the value, or pop it and go on
                let r = self.peek(1)?;
                let v = self.val(vm, self.sp - 1);
                if self.b.t.ty(r) == Ty::Val && v != vm.true_ && v != vm.false_ && !v.is_small() {
                    return Err("and/or on the truth of an object".into());
                }
                let jump_if = matches!(instr, Instr::JumpIfTrueOrPop(_));
                let truth = self.branch_truth(vm, ip)?;
                if truth == jump_if {
                    self.expected = t as usize;
                } else {
                    self.pop()?;
                }
            }
            Instr::PopJumpIfNone(t) | Instr::PopJumpIfNotNone(t) => {
                let r = self.peek(1)?;
                let v = self.val(vm, self.sp - 1);
                if self.b.t.ty(r) != Ty::Val {
                    return Err("none test of an unboxed value".into());
                }
                let s = self.snap(ip);
                let is_none = v == vm.none;
                let g = if is_none { Op::GuardIs } else { Op::GuardNotIs };
                self.b.emit(g, r, Ref::NONE, vm.none.raw() as i64, Some(s))?;
                self.pop()?;
                if is_none == matches!(instr, Instr::PopJumpIfNone(_)) {
                    self.expected = t as usize;
                }
            }
            Instr::LoadGlobal(_) => self.load_global(vm, ip)?,
            Instr::Jump(t) => self.expected = t as usize,
            Instr::ForIter(_) => self.for_iter(vm, ip)?,
            Instr::BinarySubscr => self.subscript(vm, ip)?,
            Instr::BuildTuple(n) if matches!(self.code.code.code.get(ip + 1), Some(Instr::UnpackSequence(m)) if *m == n) => {
                let mut items = Vec::with_capacity(n as usize);
                for _ in 0..n {
                    items.push(self.pop()?);
                }
                items.reverse();
                self.virtual_tuple = Some(items);
                self.set(self.sp, VIRTUAL_TUPLE)?;
                self.sp += 1;
            }
            Instr::UnpackSequence(_) if self.slots.get(self.sp.wrapping_sub(1)).map(|e| e.0) == Some(VIRTUAL_TUPLE) => {
                let items = self.virtual_tuple.take().ok_or("virtual tuple lost")?;
                self.sp -= 1;
                self.slots[self.sp] = (Ref::NONE, false);
                for &it in items.iter().rev() {
                    self.push(it)?;
                }
            }
            Instr::UnpackSequence(n) => self.unpack(vm, ip, n as usize)?,
            Instr::LoadAttr(i) => {
                let obj = self.val(vm, self.sp - 1);
                match self.slot_hit(ip, obj, false) {
                    Some((ty, ver, map, index)) => {
                        let r = self.peek(1)?;
                        self.guard_shape(ip, r, ty, ver, map, Some(index))?;
                        let v = self.b.emit(Op::SlotGet, r, Ref::NONE, index as i64, None)?;
                        let s = self.snap(ip);
                        self.b.emit(Op::GuardNonNull, v, Ref::NONE, 0, Some(s))?;
                        self.pop()?;
                        self.push(v)?;
                    }
                    None => {
                        if let Some(v) = self.module_attr(vm, ip, i)? {
                            self.pop()?;
                            self.push(v)?;
                        } else {
                            self.generic_push(ip, JitOp::LoadAttr, i, 1)?
                        }
                    }
                }
            }
            Instr::StoreAttr(i) => {
                let obj = self.val(vm, self.sp - 1);
                match self.slot_hit(ip, obj, true) {
                    Some((ty, ver, map, index)) => {
                        let r = self.peek(1)?;
                        let v = self.peek(2)?;
                        self.guard_shape(ip, r, ty, ver, map, Some(index))?;
                        let bv = self.boxed(v)?;
                        self.b.emit(Op::SlotSet, r, bv, index as i64, None)?;
                        self.pop()?;
                        self.pop()?;
                    }
                    None => match self.add_slot_hit(ip, obj) {
                        Some((ty, ver, from, to)) => {
                            let r = self.peek(1)?;
                            let v = self.peek(2)?;
                            self.guard_shape(ip, r, ty, ver, from, None)?;
                            let bv = self.boxed(v)?;
                            self.keep.push(to);
                            let s = self.snap(ip);
                            self.b.emit(Op::SlotAdd, r, bv, to.raw() as i64, Some(s))?;
                            self.pop()?;
                            self.pop()?;
                        }
                        None => {
                            self.generic(ip, JitOp::StoreAttr, i, 2)?;
                        }
                    },
                }
            }
            Instr::LoadMethod(i) => {
                let obj = self.val(vm, self.sp - 1);
                let name = self.code.names.get(i as usize).copied().unwrap_or(Value::NULL);
                match self.method_hit(vm, ip, obj, name) {
                    Some((ty, ver, map, func, check_dict)) => {
                        let r = self.peek(1)?;
                        self.guard_shape(ip, r, ty, ver, map, None)?;
                        if check_dict {
                            let s = self.snap(ip);
                            self.keep.push(name);
                            self.b.emit(Op::GuardUnshadowed, r, Ref::NONE, name.raw() as i64, Some(s))?;
                        }
                        self.keep.push(func);
                        let f = self.b.emit(Op::KVal, Ref::NONE, Ref::NONE, func.raw() as i64, None)?;
                        self.pop()?;
                        self.push(f)?;
                        self.push(r)?;
                    }
                    None => {
                        let found = if obj.kind() == Some(ObjKind::Module) { self.module_attr(vm, ip, i)? } else { None };
                        if let Some(v) = found {
                            // a function of a module: no method, its NULL and the function
                            let z = self.b.emit(Op::KVal, Ref::NONE, Ref::NONE, 0, None)?;
                            self.pop()?;
                            self.push(z)?;
                            self.push(v)?;
                            return Ok(Step::Continue);
                        }
                        let b = self.generic(ip, JitOp::LoadMethod, i, 1)?;
                        let a = self.b.emit(Op::Ret2, b, Ref::NONE, 0, None)?;
                        self.push(a)?;
                        self.push(b)?;
                    }
                }
            }
            Instr::CallMethod(n) => {
                let n = n as usize;
                let a = self.val(vm, self.sp - n - 2);
                if !a.is_null() {
                    let fr = self.peek(n + 2)?;
                    let args: Vec<Ref> = (1..=n + 1).rev().map(|k| self.peek(k)).collect::<Result<_, _>>()?;
                    if self.inline_call(vm, ip, a, fr, &args, n + 2, Ref::NONE)? {
                        return Ok(Step::Continue);
                    }
                }
                let f = if a.is_null() { self.val(vm, self.sp - n - 1) } else { a };
                if a.is_null() && n == 1 && self.float_fn_call(vm, ip, f, n + 2)? {
                    return Ok(Step::Continue);
                }
                let framed = self.callable_here(vm, f)?;
                self.generic_push_call(ip, JitOp::CallMethod, n as u32, n + 2, framed)?
            }
            Instr::CallKw(n) => {
                let n = n as usize;
                let kw = self.val(vm, self.sp - 1);
                let f = self.val(vm, self.sp - n - 2);
                let fr = self.peek(n + 2)?;
                let args: Vec<Ref> = (2..=n + 1).rev().map(|k| self.peek(k)).collect::<Result<_, _>>()?;
                let kwr = self.peek(1)?;
                // the names are a constant
                if self.b.kval(kwr) == Some(kw.raw() as i64) && self.inline_call_kw(vm, ip, f, fr, &args, kw, n + 2, Ref::NONE)? {
                    return Ok(Step::Continue);
                }
                let framed = self.callable_here(vm, f)?;
                self.generic_push_call(ip, JitOp::CallKw, n as u32, n + 2, framed)?
            }
            Instr::Call(n) => {
                let n = n as usize;
                let f = self.val(vm, self.sp - n - 1);
                let fr = self.peek(n + 1)?;
                let args: Vec<Ref> = (1..=n).rev().map(|k| self.peek(k)).collect::<Result<_, _>>()?;
                if self.inline_call(vm, ip, f, fr, &args, n + 1, Ref::NONE)? {
                    return Ok(Step::Continue);
                }
                if f.get::<pyjit_vm::objects::TypeObj>().is_some() && crate::inst_layout().is_some() && n < 15 {
                    if let Some(init) = vm.jit_plain_init(f) {
                        if self.inline_new(vm, ip, f, fr, init, &args, n + 1)? {
                            return Ok(Step::Continue);
                        }
                    }
                }
                if n == 1 && self.float_fn_call(vm, ip, f, n + 1)? {
                    return Ok(Step::Continue);
                }
                if n == 0 && f == vm.types.super_ && !self.inline.is_empty() {
                    return self.zero_arg_super(ip, fr).map(|_| Step::Continue);
                }
                let framed = self.callable_here(vm, f)?;
                self.generic_push_call(ip, JitOp::Call, n as u32, n + 1, framed)?
            }
            Instr::ReturnValue if self.in_gen_frame() => self.return_gen()?,
            Instr::YieldValue if self.in_gen_frame() => self.yield_gen(ip)?,
            Instr::Send(_) => self.send_gen(vm, ip)?,
            Instr::ReturnValue if !self.inline.is_empty() => {
                let mut r = self.pop()?;
                let binop = self.inline.last().map_or(0, |f| f.binop);
                if binop != 0 && self.b.t.ty(r) == Ty::Val {
                    // NotImplemented goes on in the interpreter (`Vm::binop_declined`)
                    if self.val(vm, self.sp) == vm.not_implemented {
                        return Err("special method returned NotImplemented".into());
                    }
                    self.sp += 1;
                    let s = self.snap(ip);
                    self.sp -= 1;
                    self.b.emit(Op::GuardNotIs, r, Ref::NONE, vm.not_implemented.raw() as i64, Some(s))?;
                }
                let init_self = self.inline.last().map(|f| f.init_self).unwrap_or(Ref::NONE);
                if init_self != Ref::NONE {
                    // __init__ returns None (else the interpreter raises): the call is the instance
                    if self.b.t.ty(r) != Ty::Val {
                        return Err("__init__ returned a value".into());
                    }
                    self.sp += 1;
                    let s = self.snap(ip);
                    self.sp -= 1;
                    self.b.emit(Op::GuardIs, r, Ref::NONE, vm.none.raw() as i64, Some(s))?;
                    r = init_self;
                }
                let fr = self.inline.pop().ok_or("no inlined call")?;
                for e in self.slots[fr.base..].iter_mut() {
                    *e = (Ref::NONE, false);
                }
                // a binary operator's operands are popped with the call
                self.sp = fr.base.checked_sub(if fr.binop != 0 { 2 } else { 0 }).ok_or("stack underflow")?;
                self.code = fr.caller_code;
                self.fbase = fr.caller_fbase;
                self.expected = fr.ret_ip;
                self.push(r)?;
            }
            Instr::PushNull => {
                let z = self.b.emit(Op::KVal, Ref::NONE, Ref::NONE, 0, None)?;
                self.push(z)?;
            }
            Instr::StoreSubscr => self.store_subscr(vm, ip)?,
            Instr::DeleteSubscr => {
                self.generic(ip, JitOp::DelItem, 0, 2)?;
            }
            Instr::ContainsOp(inv) => self.generic_push(ip, JitOp::Contains, inv, 2)?,
            Instr::BuildList(n) => self.build(ip, JitOp::BuildList, n)?,
            Instr::BuildTuple(n) => self.build(ip, JitOp::BuildTuple, n)?,
            Instr::BuildSlice(n) => self.generic_push(ip, JitOp::BuildSlice, n, n as usize)?,
            Instr::UnaryPositive => self.generic_push(ip, JitOp::Unary, 1, 1)?,
            Instr::UnaryInvert => self.generic_push(ip, JitOp::Unary, 2, 1)?,
            Instr::GetIter => {
                let l = self.peek(1)?;
                let v = self.val(vm, self.sp - 1);
                let ty = vm.type_of(v);
                let exact = (ty == vm.types.list && v.kind() == Some(ObjKind::List)) || (ty == vm.types.tuple && v.kind() == Some(ObjKind::Tuple));
                if exact && crate::seq_layout_known() && self.b.t.ty(l) == Ty::Val {
                    // its `for` keeps the position in a register (`for_iter_made`)
                    let s = self.snap(ip);
                    self.b.emit(Op::GuardType, l, Ref::NONE, ty.raw() as i64, Some(s))?;
                    self.generic_push(ip, JitOp::GetIter, 0, 1)?;
                    let it = self.peek(1)?;
                    self.made_iters.push((it, l, ty == vm.types.tuple));
                } else {
                    self.generic_push(ip, JitOp::GetIter, 0, 1)?
                }
            }
            Instr::ListAppend(d) => {
                let l = self.peek(d as usize + 1)?;
                let v = self.peek(1)?;
                if self.b.t.ty(l) == Ty::Val {
                    let bv = self.boxed(v)?;
                    let s = self.snap(ip);
                    self.b.emit(Op::ListPush, l, bv, 0, Some(s))?;
                    self.pop()?;
                } else {
                    self.generic_args(ip, JitOp::ListAppend, 0, &[l, v], 1)?;
                }
            }
            Instr::LoadClosure(i) => {
                let cell = self.get(self.fbase + self.code.code.nlocals() + i as usize)?;
                self.push(cell)?;
            }
            Instr::MakeFunction(fl) => self.make_function(vm, ip, fl)?,
            Instr::LoadDeref(i) => {
                // a closure's variable: a load from its cell, which a frame's cell slot
                // always holds (an empty cell leaves the trace: the interpreter raises)
                let at = self.fbase + self.code.code.nlocals() + i as usize;
                let cell = self.get(at)?;
                let bound = self.val(vm, at).get::<pyjit_vm::objects::CellObj>().is_some_and(|c| !c.v.get().is_null());
                let r = if bound && self.b.t.ty(cell) == Ty::Val {
                    let v = self.b.emit(Op::CellGet, cell, Ref::NONE, 0, None)?;
                    let s = self.snap(ip);
                    self.b.emit(Op::GuardNonNull, v, Ref::NONE, 0, Some(s))?;
                    v
                } else {
                    self.generic_args(ip, JitOp::LoadDeref, i, &[cell], 0)?
                };
                self.push(r)?;
            }
            Instr::StoreDeref(i) => {
                let at = self.fbase + self.code.code.nlocals() + i as usize;
                let cell = self.get(at)?;
                let v = self.peek(1)?;
                if self.val(vm, at).get::<pyjit_vm::objects::CellObj>().is_some() && self.b.t.ty(cell) == Ty::Val {
                    let bv = self.boxed(v)?;
                    self.b.emit(Op::CellSet, cell, bv, 0, None)?;
                    self.pop()?;
                } else {
                    self.generic_args(ip, JitOp::StoreDeref, i, &[cell, v], 1)?;
                }
            }
            Instr::LoadName(i) => {
                let none = self.b.emit(Op::KVal, Ref::NONE, Ref::NONE, vm.none.raw() as i64, None)?;
                let r = self.generic_args(ip, JitOp::LoadName, i, &[none], 0)?;
                self.push(r)?;
            }
            Instr::StoreName(i) => {
                let v = self.peek(1)?;
                self.generic_args(ip, JitOp::StoreName, i, &[v], 1)?;
            }
            Instr::JumpBackward(t) => {
                if t as usize == self.header && self.inline.is_empty() {
                    return Ok(Step::Closed);
                }
                if self.inline.is_empty() && (t as usize) < self.header {
                    // the loop ended and an enclosing loop goes on
                    return Err("loop ends while recording".into());
                }
                // an inner loop the trace does not call (not compiled, or too short to be
                // worth a call): its iterations are recorded one after the other
                let key = (self.code.value().raw() as usize, t as usize);
                let n = match self.unrolled.iter_mut().find(|e| e.0 == key) {
                    Some(e) => {
                        e.1 += 1;
                        e.1
                    }
                    None => {
                        self.unrolled.push((key, 1));
                        1
                    }
                };
                if n > MAX_UNROLL {
                    return Err("inner loop".into());
                }
                self.expected = t as usize;
            }
            other => return Err(format!("{}", instr_name(other))),
        }
        Ok(Step::Continue)
    }

    /// `a is b`. Small ints and bools box to canonical words (a tagged int, the True and
    /// False singletons), so unboxed ones compare boxed; an unboxed float has no identity
    /// left, and is never a constant of another type (`x is None` on a float is False).
    fn is_op(&mut self, a: Ref, b: Ref) -> Result<Ref, String> {
        let (ta, tb) = (self.b.t.ty(a), self.b.t.ty(b));
        if ta == Ty::Float || tb == Ty::Float {
            let other = if ta == Ty::Float { b } else { a };
            let o = self.b.t.inst(other);
            if o.op == Op::KVal && o.aux != 0 && Value::from_raw(o.aux as u64).get::<FloatObj>().is_none() {
                return Ok(self.b.kbool_ref(false));
            }
            return Err("`is` on an unboxed float".into());
        }
        let a = self.boxed(a)?;
        let b = self.boxed(b)?;
        Ok(self.b.emit(Op::Is, a, b, 0, None)?)
    }

    /// `r` as a boxed value, for a `call`'s arguments.
    fn boxed(&mut self, r: Ref) -> Result<Ref, String> {
        if r == VIRTUAL_TUPLE {
            return Err("virtual tuple passed to a call".into());
        }
        Ok(match self.b.t.ty(r) {
            Ty::Val => r,
            Ty::Int => self.b.emit(Op::BoxInt, r, Ref::NONE, 0, None)?,
            Ty::Float => self.b.emit(Op::BoxFloat, r, Ref::NONE, 0, None)?,
            Ty::Bool => self.b.emit(Op::BoxBool, r, Ref::NONE, 0, None)?,
            t => return Err(format!("{} value passed to a call", t.name())),
        })
    }

    /// Records the instruction at `ip` as a `call` of the interpreter's generic path
    /// (`Vm::jit_op`) on `args`, then pops `pop` stack slots. Returns the result.
    fn generic_args(&mut self, ip: usize, op: JitOp, operand: u32, args: &[Ref], pop: usize) -> Result<Ref, String> {
        self.generic_args_as(ip, op, operand, args, pop, Op::Call)
    }

    /// A call instruction's generic path on the top `n` stack values, replaced by its
    /// result: a `call`, or with `framed` a `call_framed` (see `callable_here`).
    fn generic_push_call(&mut self, ip: usize, op: JitOp, operand: u32, n: usize, framed: bool) -> Result<(), String> {
        let args: Vec<Ref> = (1..=n).rev().map(|k| self.peek(k)).collect::<Result<_, _>>()?;
        let r = self.generic_args_as(ip, op, operand, &args, n, if framed { Op::CallFramed } else { Op::Call })?;
        self.push(r)
    }

    fn generic_args_as(&mut self, ip: usize, op: JitOp, operand: u32, args: &[Ref], pop: usize, ir_op: Op) -> Result<Ref, String> {
        if args.is_empty() || args.len() > crate::entry::MAX_ARGS {
            return Err("call with too many arguments".into());
        }
        if ip >= 1 << 23 {
            return Err("code too long".into());
        }
        let s = self.snap(ip);
        let mut chain = Ref::NONE;
        for (k, &r) in args.iter().enumerate() {
            let b = self.boxed(r)?;
            chain = if k == 0 { self.b.emit(Op::Arg1, b, Ref::NONE, 0, None)? } else { self.b.emit(Op::Arg, chain, b, 0, None)? };
        }
        let aux = op as i64 | (operand as i64) << 8 | (ip as i64) << 40;
        let code = self.b.emit(Op::KVal, Ref::NONE, Ref::NONE, self.code.value().raw() as i64, None)?;
        let r = self.b.emit(ir_op, chain, code, aux, Some(s))?;
        for _ in 0..pop {
            self.pop()?;
        }
        Ok(r)
    }

    /// The generic path on the top `n` stack values (popped).
    fn generic(&mut self, ip: usize, op: JitOp, operand: u32, n: usize) -> Result<Ref, String> {
        let mut args = Vec::with_capacity(n);
        for k in (1..=n).rev() {
            args.push(self.peek(k)?);
        }
        self.generic_args(ip, op, operand, &args, n)
    }

    /// The generic path on the top `n` stack values, replaced by its result.
    fn generic_push(&mut self, ip: usize, op: JitOp, operand: u32, n: usize) -> Result<(), String> {
        let r = self.generic(ip, op, operand, n)?;
        self.push(r)
    }

    /// BuildList/BuildTuple of `n` stack values (none: one ignored argument).
    fn build(&mut self, ip: usize, op: JitOp, n: u32) -> Result<(), String> {
        if n == 0 {
            let dummy = self.b.emit(Op::KVal, Ref::NONE, Ref::NONE, 0, None)?;
            let r = self.generic_args(ip, op, 0, &[dummy], 0)?;
            return self.push(r);
        }
        let items: Vec<Ref> = (1..=n as usize).rev().map(|k| self.peek(k)).collect::<Result<_, _>>()?;
        self.generic_push(ip, op, n, n as usize)?;
        if op == JitOp::BuildTuple {
            self.built_tuple = Some((self.peek(1)?, items));
        }
        Ok(())
    }

    /// A global read becomes a constant, valid while the globals and builtins dicts keep
    /// the versions the interpreter's cache for this instruction saw.
    fn load_global(&mut self, vm: &Vm, ip: usize) -> Result<(), String> {
        let f = vm.frames.last().ok_or("no frame")?;
        let (globals, builtins) = (f.globals, f.builtins);
        let (Some(g), Some(b)) = (globals.get::<DictObj>(), builtins.get::<DictObj>()) else {
            return Err("globals or builtins not a dict".into());
        };
        let (gv, bv) = (g.version(), b.version());
        let cached = self.code.caches.try_borrow().ok().and_then(|c| c.get(ip).copied());
        let value = match cached {
            Some(Cache::Global { globals_ver, builtins_ver, value }) if globals_ver == gv && builtins_ver == bv => value,
            _ => return Err("global not cached yet".into()),
        };
        if self.inline.is_empty() {
            self.namespaces = Some((globals, builtins));
        }
        let s = self.snap(ip);
        for (d, ver) in [(globals, gv), (builtins, bv)] {
            let k = self.b.emit(Op::KVal, Ref::NONE, Ref::NONE, d.raw() as i64, None)?;
            self.b.emit(Op::GuardVer, k, Ref::NONE, ver as i64, Some(s.clone()))?;
        }
        let r = self.constant(vm, value)?;
        self.push(r)
    }

    /// A constant object as the IR value that stands for it.
    fn constant(&mut self, vm: &Vm, v: Value) -> Result<Ref, String> {
        Ok(if v.is_small() {
            self.b.kint_ref(v.small_value())
        } else if is_exact_float(vm, v) {
            let f = v.get::<FloatObj>().map(|f| f.0).unwrap_or(0.0);
            self.b.kfloat_ref(f)
        } else {
            self.b.emit(Op::KVal, Ref::NONE, Ref::NONE, v.raw() as i64, None)?
        })
    }

    /// A `for` loop inside the loop that is compiled already: the trace calls it (`call_loop`)
    /// and goes on after it with every slot of the loop's frame read again, while the
    /// interpreter runs the loop this once (the recorder skips its instructions).
    fn call_loop(&mut self, ip: usize, ptr: u64, keep: InnerLoop) -> Result<Step, String> {
        // the loop's last instruction: the last backward jump to its header
        let last = self.code.code.code.iter().enumerate().skip(ip).filter(|(_, i)| matches!(i, Instr::JumpBackward(t) if *t as usize == ip)).map(|(k, _)| k).last();
        let Some(last) = last else { return Err("inner loop without a backward jump".into()) };
        // where the loop is left is known when the interpreter leaves it: a constant made
        // now (not shared with other uses) is filled in then
        let k = self.b.append(crate::ir::Inst::new(Op::KInt, Ref::NONE, Ref::NONE, 0), None);
        let s = self.snap(ip);
        self.b.emit(Op::CallLoop, k, Ref::NONE, ptr as i64, Some(s))?;
        self.deps.push(keep);
        // the inner loop runs in the innermost frame: the slots of the frames that called
        // it (an iterator of the caller's own loop, its locals) keep their values
        let from = self.fbase.min(self.slots.len());
        for e in self.slots[from..].iter_mut() {
            *e = (Ref::NONE, false);
        }
        self.skipping = Some((ip, last, k));
        Ok(Step::Continue)
    }


    /// The guards of indexing exact list (or tuple) `rs` by `ri` (whose current value `vi` is
    /// a small int in range): the sequence's type, an int, and `0 <= index < len` after a
    /// negative index is counted from the end. Returns the index as an unboxed Int.
    fn checked_index(&mut self, vm: &Vm, ip: usize, rs: Ref, ri: Ref, vi: Value, is_list: bool) -> Result<Ref, String> {
        let s = self.snap(ip);
        let tyv = if is_list { vm.types.list } else { vm.types.tuple };
        self.b.emit(Op::GuardType, rs, Ref::NONE, tyv.raw() as i64, Some(s.clone()))?;
        let x = self.as_int(ri, vi, &s)?;
        let len = self.b.emit(if is_list { Op::ListLen } else { Op::TupleLen }, rs, Ref::NONE, 0, None)?;
        let zero = self.b.kint_ref(0);
        let x = if vi.small_value() < 0 {
            let neg = self.b.emit(Op::IntLt, x, zero, 0, None)?;
            self.b.emit(Op::GuardTrue, neg, Ref::NONE, 0, Some(s.clone()))?;
            self.b.emit(Op::IntAdd, x, len, 0, Some(s.clone()))?
        } else {
            x
        };
        let ge = self.b.emit(Op::IntGe, x, zero, 0, None)?;
        self.b.emit(Op::GuardTrue, ge, Ref::NONE, 0, Some(s.clone()))?;
        let lt = self.b.emit(Op::IntLt, x, len, 0, None)?;
        self.b.emit(Op::GuardTrue, lt, Ref::NONE, 0, Some(s))?;
        Ok(x)
    }

    /// `list[index] = value` for an exact list and a small-int index in range: the guards of
    /// `subscript` and an inline store; else the generic path.
    fn store_subscr(&mut self, vm: &Vm, ip: usize) -> Result<(), String> {
        let rk = self.peek(1)?;
        let rl = self.peek(2)?;
        let rv = self.peek(3)?;
        let vk = self.val(vm, self.sp - 1);
        let vl = self.val(vm, self.sp - 2);
        let generic = |r: &mut Recorder| r.generic(ip, JitOp::SetItem, 0, 3).map(|_| ());
        if self.b.t.ty(rl) != Ty::Val || !vk.is_small() || rv == VIRTUAL_TUPLE || !crate::seq_layout_known() {
            return generic(self);
        }
        if vl.header().map(|h| h.ty.get()) != Some(vm.types.list) {
            return generic(self);
        }
        let n = vl.get::<ListObj>().map(|l| l.items.try_borrow().map(|v| v.len()).unwrap_or(0)).unwrap_or(0);
        let i = vk.small_value();
        let idx = if i < 0 { i + n as i64 } else { i };
        if idx < 0 || idx >= n as i64 {
            return generic(self);
        }
        let x = self.checked_index(vm, ip, rl, rk, vk, true)?;
        let v = self.boxed(rv)?;
        let a1 = self.b.emit(Op::Arg1, rl, Ref::NONE, 0, None)?;
        let a2 = self.b.emit(Op::Arg, a1, v, 0, None)?;
        self.b.emit(Op::ListSet, a2, x, 0, None)?;
        self.sp -= 3;
        Ok(())
    }

    /// `container[index]` for an exact list or tuple and a small-int index: bounds guards
    /// and an inline load.
    fn subscript(&mut self, vm: &Vm, ip: usize) -> Result<(), String> {
        let rb = self.peek(1)?;
        let ra = self.peek(2)?;
        let vb = self.val(vm, self.sp - 1);
        let va = self.val(vm, self.sp - 2);
        if self.b.t.ty(ra) != Ty::Val || !(vb.is_small() || self.b.t.ty(rb) == Ty::Int) || !crate::seq_layout_known() {
            return self.generic_push(ip, JitOp::GetItem, 0, 2);
        }
        let ty = va.header().map(|h| h.ty.get());
        let (is_list, n) = if ty == Some(vm.types.list) {
            (true, va.get::<ListObj>().map(|l| l.items.try_borrow().map(|v| v.len()).unwrap_or(0)).unwrap_or(0))
        } else if ty == Some(vm.types.tuple) {
            (false, va.get::<TupleObj>().map(|t| t.items.len()).unwrap_or(0))
        } else {
            return self.generic_push(ip, JitOp::GetItem, 0, 2);
        };
        let i = vb.small_value();
        let idx = if i < 0 { i + n as i64 } else { i };
        if idx < 0 || idx >= n as i64 {
            return self.generic_push(ip, JitOp::GetItem, 0, 2);
        }
        let x = self.checked_index(vm, ip, ra, rb, vb, is_list)?;
        let item = self.b.emit(if is_list { Op::ListGet } else { Op::TupleGet }, ra, x, 0, None)?;
        self.pop()?;
        self.pop()?;
        self.push(item)
    }

    /// `a, b, ... = seq` for an exact tuple or list of the right length: a length guard and
    /// inline item loads (a constant tuple's items are constants).
    fn unpack(&mut self, vm: &Vm, ip: usize, n: usize) -> Result<(), String> {
        let r = self.peek(1)?;
        let v = self.val(vm, self.sp - 1);
        if self.b.t.ty(r) != Ty::Val || !crate::seq_layout_known() {
            return Err("unpacking of other types".into());
        }
        let ty = v.header().map(|h| h.ty.get());
        let is_list = if ty == Some(vm.types.tuple) {
            false
        } else if ty == Some(vm.types.list) {
            true
        } else {
            return Err("unpacking of other types".into());
        };
        let len = if is_list {
            v.get::<ListObj>().map(|l| l.items.try_borrow().map(|x| x.len()).unwrap_or(usize::MAX)).unwrap_or(usize::MAX)
        } else {
            v.get::<TupleObj>().map(|t| t.items.len()).unwrap_or(usize::MAX)
        };
        if len != n {
            return Err("unpacking of a wrong length".into());
        }
        let mut items = Vec::with_capacity(n);
        let constant_tuple = !is_list && self.b.t.inst(r).op == Op::KVal;
        if constant_tuple {
            let t = v.get::<TupleObj>().ok_or("not a tuple")?;
            for k in 0..n {
                items.push(self.constant(vm, t.items[k])?);
            }
        } else {
            let s = self.snap(ip);
            let tyv = if is_list { vm.types.list } else { vm.types.tuple };
            self.b.emit(Op::GuardType, r, Ref::NONE, tyv.raw() as i64, Some(s.clone()))?;
            let l = self.b.emit(if is_list { Op::ListLen } else { Op::TupleLen }, r, Ref::NONE, 0, None)?;
            let want = self.b.kint_ref(n as i64);
            let eq = self.b.emit(Op::IntEq, l, want, 0, None)?;
            self.b.emit(Op::GuardTrue, eq, Ref::NONE, 0, Some(s))?;
            for k in 0..n {
                let i = self.b.kint_ref(k as i64);
                items.push(self.b.emit(if is_list { Op::ListGet } else { Op::TupleGet }, r, i, 0, None)?);
            }
        }
        self.pop()?;
        for &it in items.iter().rev() {
            self.push(it)?;
        }
        Ok(())
    }

    /// Guards the truth of the value on top of the stack; returns it.
    fn branch_truth(&mut self, vm: &Vm, ip: usize) -> Result<bool, String> {
        let r = self.peek(1)?;
        let v = self.val(vm, self.sp - 1);
        let s = self.snap(ip);
        let cond = match self.b.t.ty(r) {
            Ty::Bool => r,
            Ty::Int => {
                let z = self.b.kint_ref(0);
                self.b.emit(Op::IntNe, r, z, 0, None)?
            }
            Ty::Val if v == vm.true_ || v == vm.false_ => {
                self.b.emit(Op::GuardIs, r, Ref::NONE, v.raw() as i64, Some(s))?;
                return Ok(v == vm.true_);
            }
            Ty::Val if v.is_small() => {
                let x = self.as_int(r, v, &s)?;
                let z = self.b.kint_ref(0);
                self.b.emit(Op::IntNe, x, z, 0, None)?
            }
            _ => return Err("truth of an unsupported value".into()),
        };
        let truth = match self.b.t.ty(r) {
            Ty::Bool => v == vm.true_,
            _ => v.small_value() != 0,
        };
        let g = if truth { Op::GuardTrue } else { Op::GuardFalse };
        self.b.emit(g, cond, Ref::NONE, 0, Some(s))?;
        Ok(truth)
    }

}

fn is_exact_float(vm: &Vm, v: Value) -> bool {
    v.get::<FloatObj>().is_some() && v.header().map(|h| h.ty.get()) == Some(vm.types.float)
}

/// The instruction's name for abort statistics.
fn instr_name(i: Instr) -> String {
    let s = format!("{i:?}");
    s.split('(').next().unwrap_or(&s).to_string()
}
