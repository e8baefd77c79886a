//! Generators resumed inline: a `for` of the trace over a suspended generator follows the
//! generator's frame as the interpreter runs it (`Vm::push_gen_frame`: its saved slots
//! above the `for`'s stack) up to its `yield`, instead of calling `next()`.
//!
//! At the `for`, `gen_enter` checks the generator (plain, suspended at the `yield` the
//! recording saw, no exception of its own), marks it running and gives the address of its
//! saved slots; `gen_load` reads them into the slot map. The generator's code is then
//! recorded like an inlined call's. Its `yield` (the same one: the generator goes on from
//! there next time) writes back the slots that changed (`gen_store`), marks it suspended
//! (`gen_leave`) and hands the value to the `for`. An exit inside the generator rebuilds
//! its frame as `push_gen_frame` would (`Vm::jit_push_gen_frame`, snapshot frames marked
//! `gen`). Not yet: bridges from such exits, calls the trace does not inline (or inner
//! loops it calls) inside the generator, and `yield from`.

use pyjit_compiler::opcode::Instr;
use pyjit_vm::heap::{ObjKind, Value};
use pyjit_vm::interp::jit_ops::JitOp;
use pyjit_vm::objects::{CodeObj, GeneratorObj};
use pyjit_vm::Vm;

use super::{GenRec, Inlined, Recorder, MAX_INLINE};

/// In `gen_enter`'s word: the generator is running already (a bridge inside it), and must
/// stay so; the other checks are the same.
pub const GEN_RUNNING: usize = 1 << 62;
/// In `gen_enter`'s word: the generator has not started (it runs from its first
/// instruction, and no value is sent).
pub const GEN_FRESH: usize = 1 << 61;
use crate::ir::{Op, Ref};

impl Recorder {
    /// Whether a generator's frame is among the frames being recorded.
    pub(super) fn in_gen(&self) -> bool {
        self.inline.iter().any(|f| f.gen.is_some())
    }

    /// Whether the innermost frame being recorded is a generator's.
    pub(super) fn in_gen_frame(&self) -> bool {
        self.inline.last().is_some_and(|f| f.gen.is_some())
    }

    /// Whether local slot `i` holds a generator's saved value no guard has checked yet
    /// (it is checked now, by the caller).
    pub(super) fn take_unchecked(&mut self, i: usize) -> bool {
        match self.unchecked.iter().position(|&s| s == i) {
            Some(k) => {
                self.unchecked.swap_remove(k);
                true
            }
            None => false,
        }
    }

    /// The generator `it` when a `for` (or a `yield from`) can resume it inline: an exact,
    /// plain generator, suspended at a `yield`, without an exception of its own. (One
    /// suspended inside its own `yield from` resumes by sending None on to the generator
    /// it delegates to: that `Send` is recorded as a resume too.)
    /// Returns its code, the instruction it resumes at, its number of saved slots and its
    /// function.
    pub(super) fn gen_resumable(&self, vm: &Vm, it: Value) -> Option<(pyjit_vm::heap::Gc<CodeObj>, usize, usize, Value, bool)> {
        if it.kind() != Some(ObjKind::Generator) || vm.type_of(it) != vm.types.generator || self.inline.len() >= MAX_INLINE {
            return None;
        }
        let g = it.get::<GeneratorObj>()?;
        let fresh = g.state.get() == 0;
        if !(fresh || g.state.get() == 1) || g.flavor != 0 || !g.exc_state.get().is_null() {
            return None;
        }
        let code = g.code.get::<CodeObj>()?;
        let f = g.frame.try_borrow().ok()?;
        let saved = f.as_ref()?;
        let ops = &code.code.code;
        if !fresh && !matches!(ops.get(saved.ip.checked_sub(1)?), Some(Instr::YieldValue)) {
            return None;
        }
        if saved.ip >= 1 << 28 || saved.slots.len() >= 1 << 28 {
            return None;
        }
        Some((code, saved.ip, saved.slots.len(), saved.func, fresh))
    }

    /// `for` at `ip` over the generator in stack slot `slot`: resumes it inline (see the
    /// module comment); the interpreter pushes its frame next.
    pub(super) fn for_iter_gen(&mut self, vm: &Vm, ip: usize, slot: usize, it: Value) -> Result<(), String> {
        // the value `next()` sends: None
        let none = self.b.emit(Op::KVal, Ref::NONE, Ref::NONE, vm.none.raw() as i64, None)?;
        let s = self.snap(ip);
        self.resume_gen(vm, ip, slot, it, none, s)
    }

    /// `yield from` (`Send` at `ip`) to the generator below the value sent: resumed inline
    /// with that value, as a `for` resumes one with None; its `yield` goes on at the
    /// instruction after the `Send` (the delegating generator's own `yield`). Its return
    /// leaves the trace.
    pub(super) fn send_gen(&mut self, vm: &Vm, ip: usize) -> Result<(), String> {
        let slot = self.sp.checked_sub(2).ok_or("stack underflow")?;
        let recv = self.val(vm, slot);
        if self.gen_resumable(vm, recv).is_none() {
            return Err("Send".into());
        }
        // the state before the Send: the value still on the stack
        let s = self.snap(ip);
        let sent = self.pop()?;
        let sent = self.boxed(sent)?;
        self.resume_gen(vm, ip, slot, recv, sent, s)
    }

    /// Resumes the generator `it` in stack slot `slot` (the top of the stack) inline at
    /// instruction `ip` of the frame being recorded, sending `sent`.
    fn resume_gen(&mut self, vm: &Vm, ip: usize, slot: usize, it: Value, sent: Ref, s: crate::ir::Snap) -> Result<(), String> {
        let (code, resume, n, func, fresh) = self.gen_resumable(vm, it).ok_or("generator not resumable inline")?;
        if fresh && self.b.kval(sent) != Some(vm.none.raw() as i64) {
            // the interpreter raises TypeError for a value sent to a just-started generator
            return Err("value sent to a just-started generator".into());
        }
        let g = self.get(slot)?;
        self.b.emit(Op::GuardType, g, Ref::NONE, vm.types.generator.raw() as i64, Some(s.clone()))?;
        let k = self.b.emit(Op::KVal, Ref::NONE, Ref::NONE, code.value().raw() as i64, None)?;
        let word = resume | n << 32 | if fresh { GEN_FRESH } else { 0 };
        let ptr = self.b.emit(Op::GenEnter, g, k, word as i64, Some(s))?;
        self.keep.extend([code.value(), func]);
        // the generator's frame lies above the `for`'s stack, as push_gen_frame lays it out
        let base = self.sp;
        let size = code.code.frame_size();
        if self.slots.len() < base + size.max(n + 1) {
            self.slots.resize(base + size.max(n + 1), (Ref::NONE, false));
        }
        let nlocals = code.code.nlocals();
        for i in 0..n {
            let v = self.b.emit(Op::GenLoad, ptr, Ref::NONE, i as i64, None)?;
            self.slots[base + i] = (v, true);
            if i < nlocals {
                self.unchecked.push(base + i);
            }
        }
        // a generator resumed after a yield gets the value sent; one just started does not
        if !fresh {
            self.slots[base + n] = (sent, true);
        }
        self.inline.push(Inlined {
            func,
            base,
            ret_ip: ip + 1,
            caller_code: self.code,
            caller_fbase: self.fbase,
            init_self: Ref::NONE,
            func_ref: Ref::NONE,
            binop: 0,
            gen: Some(GenRec { gen: g, ptr, n, resume }),
        });
        self.code = code;
        self.fbase = base;
        self.sp = base + n + usize::from(!fresh);
        self.expected = resume;
        Ok(())
    }

    /// A bridge starting inside generator `gen` (of code `code`), resumed inline by the
    /// parent trace as inlined frame `k`: the generator is running, its frame rebuilt by
    /// the exit; the bridge finds its saved slots again (`gen_enter` of a running
    /// generator) to write them back at its `yield`.
    pub(super) fn bridge_gen_frame(&mut self, ip: usize, k: usize, gen: Value, code: pyjit_vm::heap::Gc<CodeObj>) -> Result<(), String> {
        let g = gen.get::<GeneratorObj>().ok_or("bridge: not a generator")?;
        if g.code != code.value() {
            return Err("bridge: generator of other code".into());
        }
        let (resume, n) = {
            let f = g.frame.try_borrow().map_err(|_| "bridge: generator frame busy")?;
            let saved = f.as_ref().ok_or("bridge: generator without a frame")?;
            (saved.ip, saved.slots.len())
        };
        if resume >= 1 << 32 || n >= 1 << 30 {
            return Err("bridge: generator out of reach".into());
        }
        let base = self.inline.get(k).map(|f| f.base).ok_or("bridge: bad inlined frame")?;
        let gr = self.get(base.checked_sub(1).ok_or("bridge: generator frame at the bottom")?)?;
        let s = self.snap(ip);
        let kc = self.b.emit(Op::KVal, Ref::NONE, Ref::NONE, code.value().raw() as i64, None)?;
        let ptr = self.b.emit(Op::GenEnter, gr, kc, (resume | n << 32 | GEN_RUNNING) as i64, Some(s))?;
        if let Some(f) = self.inline.get_mut(k) {
            f.gen = Some(GenRec { gen: gr, ptr, n, resume });
        }
        Ok(())
    }

    /// The `return` at `ip` of the generator frame being recorded: the generator is
    /// finished (`gen_finish`) and its caller goes on as the interpreter's
    /// `gen_frame_returned` has it: a `for` pops the generator and leaves its loop, a
    /// `yield from` replaces it with the value returned and goes on after its loop.
    pub(super) fn return_gen(&mut self) -> Result<(), String> {
        let gr = self.inline.last().and_then(|f| f.gen).ok_or("not in a generator")?;
        let r = self.pop()?;
        let fr = self.inline.last().ok_or("no generator frame")?;
        let caller = fr.ret_ip.checked_sub(1).and_then(|k| fr.caller_code.code.code.get(k).copied());
        let (exit, send) = match caller {
            Some(Instr::ForIter(t)) => (t as usize, false),
            Some(Instr::Send(t)) => (t as usize, true),
            _ => return Err("generator returned to an unknown caller".into()),
        };
        let r = if send { self.boxed(r)? } else { r };
        self.b.emit(Op::GenFinish, gr.gen, Ref::NONE, 0, None)?;
        let fr = self.inline.pop().ok_or("no generator frame")?;
        for e in self.slots[fr.base..].iter_mut() {
            *e = (Ref::NONE, false);
        }
        self.unchecked.retain(|&s| s < fr.base);
        self.iters.retain(|i| i.slot < fr.base);
        self.code = fr.caller_code;
        self.fbase = fr.caller_fbase;
        self.expected = exit;
        if send {
            self.sp = fr.base;
            self.set(fr.base - 1, r)
        } else {
            self.sp = fr.base.checked_sub(1).ok_or("stack underflow")?;
            Ok(())
        }
    }

    /// The `yield` at `ip` of the generator frame being recorded: its changed slots are
    /// written back, it is suspended, and the value goes to the `for` that resumed it.
    pub(super) fn yield_gen(&mut self, ip: usize) -> Result<(), String> {
        let gr = self.inline.last().and_then(|f| f.gen).ok_or("not in a generator")?;
        let v = self.pop()?;
        let depth = self.sp.checked_sub(self.fbase).ok_or("stack underflow")?;
        if ip + 1 >= 1 << 28 || depth >= 1 << 28 {
            return Err("generator out of reach".into());
        }
        // it resumes after this yield next time, with this many saved slots
        let ptr = if ip + 1 != gr.resume || depth != gr.n {
            self.b.emit(Op::GenResize, gr.gen, Ref::NONE, (depth | (ip + 1) << 32) as i64, None)?
        } else {
            gr.ptr
        };
        // list and tuple iterators the trace made in the generator keep their position in a
        // register: it goes back into the iterator, which stays in the generator's slots
        let top = self.fbase + depth;
        let made: Vec<(Ref, Ref)> = self.iters.iter().filter(|i| i.slot >= self.fbase && i.slot < top && self.iter_live(i)).map(|i| (i.it, i.cur)).collect();
        for (it, pos) in made {
            if it == Ref::NONE {
                return Err("entry iterator inside a generator".into());
            }
            self.generic_args(ip, JitOp::SetIterPos, 0, &[it, pos], 0)?;
        }
        self.iters.retain(|i| i.slot < self.fbase);
        for i in 0..depth {
            let r = self.get(self.fbase + i)?;
            let inst = self.b.t.inst(r);
            // (a resize keeps the slots it had)
            if inst.op == Op::GenLoad && inst.a == gr.ptr && inst.aux == i as i64 {
                continue;
            }
            let bv = self.boxed(r)?;
            self.b.emit(Op::GenStore, ptr, bv, i as i64, None)?;
        }
        self.b.emit(Op::GenLeave, gr.gen, Ref::NONE, 0, None)?;
        let fr = self.inline.pop().ok_or("no generator frame")?;
        for e in self.slots[fr.base..].iter_mut() {
            *e = (Ref::NONE, false);
        }
        self.unchecked.retain(|&s| s < fr.base);
        self.sp = fr.base;
        self.code = fr.caller_code;
        self.fbase = fr.caller_fbase;
        self.expected = fr.ret_ip;
        self.push(v)
    }
}
