//! `for` loops as the recorder sees them: range and list iterators the trace was entered
//! with (positions in registers, stop/step or list as entry inputs), list and tuple
//! iterators the trace made, generators resumed inline (`gens.rs`) and, for anything else,
//! a call of `next()` whose outcome the next instruction shows.

use pyjit_compiler::opcode::Instr;
use pyjit_vm::heap::ObjKind;
use pyjit_vm::interp::jit_ops::JitOp;
use pyjit_vm::objects::{IterObj, IterState, ListObj, TupleObj};
use pyjit_vm::Vm;

use super::{IterRec, Recorder};
use crate::fold::{small, Builder};
use crate::ir::{Op, Ref, Snap};

impl Recorder {
    /// `for` over a range or list iterator the trace was entered with: its position lives in
    /// a register (written back to the iterator at exits); the range's stop and step, or the
    /// list, are entry inputs.
    pub(super) fn for_iter(&mut self, vm: &Vm, ip: usize) -> Result<(), String> {
        let slot = self.sp.checked_sub(1).ok_or("stack underflow")?;
        let it = self.val(vm, slot);
        if self.gen_resumable(vm, it).is_some() {
            return self.for_iter_gen(vm, ip, slot, it);
        }
        if self.slots[slot].1 {
            // made in the trace (an inner loop being unrolled, or a call's result)
            let it = self.slots[slot].0;
            if let Some(&(_, seq, is_tuple)) = self.made_iters.iter().find(|m| m.0 == it) {
                return self.for_iter_made(vm, ip, slot, it, seq, is_tuple);
            }
            return self.for_iter_generic(ip);
        }
        let Some(io) = it.get::<IterObj>() else { return self.for_iter_generic(ip) };
        // an iterator a local also holds may be advanced by code the trace calls, while
        // the trace keeps its position in a register
        // (a comprehension's `.0`, which no code sees, holds the iterator it loops over)
        let nl = self.code.code.nlocals() + self.code.code.ncells();
        let hidden = |j: usize| self.code.code.varnames.get(j).is_some_and(|n| n.starts_with('.'));
        if (self.fbase..self.fbase + nl).any(|k| self.val(vm, k) == it && !hidden(k - self.fbase)) {
            return self.for_iter_generic(ip);
        }
        let state = io.state.try_borrow().map_err(|_| "iterator busy")?;
        let is_list = match *state {
            IterState::Range { cur, stop, step } if step > 0 => {
                if cur >= stop {
                    return Err("loop ends while recording".into());
                }
                if small(cur).is_none() || small(stop).is_none() || small(step).is_none() || cur.checked_add(step).and_then(small).is_none() {
                    return Err("range beyond small ints".into());
                }
                false
            }
            IterState::Seq { seq, index } if seq.kind() == Some(ObjKind::List) && crate::seq_layout_known() => {
                let n = seq.get::<ListObj>().map(|l| l.items.try_borrow().map(|v| v.len()).unwrap_or(0)).unwrap_or(0);
                if index >= n {
                    return Err("loop ends while recording".into());
                }
                true
            }
            _ => {
                drop(state);
                return self.for_iter_generic(ip);
            }
        };
        drop(state);
        let k = match self.iters.iter().position(|i| i.slot == slot && i.it == Ref::NONE) {
            Some(k) => k,
            None => {
                let mk = |b: &mut Builder, op: Op| b.append(crate::ir::Inst::new(op, Ref::NONE, Ref::NONE, slot as i64), None);
                let rec = if is_list {
                    let seq = mk(&mut self.b, Op::SeqObj);
                    let cur = mk(&mut self.b, Op::SeqIndex);
                    IterRec { slot, cur, stop: seq, step: Ref::NONE, advanced: false, it: Ref::NONE }
                } else {
                    let cur = mk(&mut self.b, Op::RangeCur);
                    let stop = mk(&mut self.b, Op::RangeStop);
                    let step = mk(&mut self.b, Op::RangeStep);
                    IterRec { slot, cur, stop, step, advanced: false, it: Ref::NONE }
                };
                self.iters.push(rec);
                self.iters.len() - 1
            }
        };
        let r = self.iters[k];
        let s = self.snap(ip);
        let (item, next) = if is_list {
            let c = self.seq_has_item(r.cur, r.stop, false)?;
            self.b.emit(Op::GuardTrue, c, Ref::NONE, 0, Some(s.clone()))?;
            self.seq_item(r.cur, r.stop, false, s)?
        } else {
            let c = self.b.emit(Op::IntLt, r.cur, r.stop, 0, None)?;
            self.b.emit(Op::GuardTrue, c, Ref::NONE, 0, Some(s.clone()))?;
            (r.cur, self.b.emit(Op::IntAdd, r.cur, r.step, 0, Some(s))?)
        };
        self.iters[k].cur = next;
        self.iters[k].advanced = true;
        self.push(item)
    }

    /// `for` over a list or tuple iterator the trace made (`it`, of sequence `list`, in
    /// `slot`): its position lives in a register from 0 (written back to the iterator at
    /// exits), and the loop's end is a guard too, the iterator popped.
    pub(super) fn for_iter_made(&mut self, vm: &Vm, ip: usize, slot: usize, it: Ref, list: Ref, is_tuple: bool) -> Result<(), String> {
        let Some(Instr::ForIter(target)) = self.code.code.code.get(ip).copied() else { return Err("not a ForIter".into()) };
        let v = self.val(vm, slot);
        let Some(io) = v.get::<IterObj>() else { return self.for_iter_generic(ip) };
        let (index, n) = match *io.state.try_borrow().map_err(|_| "iterator busy")? {
            IterState::Seq { seq, index } if seq.kind() == Some(ObjKind::List) && !is_tuple => {
                (index, seq.get::<ListObj>().map(|l| l.items.try_borrow().map(|v| v.len()).unwrap_or(0)).unwrap_or(0))
            }
            IterState::Seq { seq, index } if seq.kind() == Some(ObjKind::Tuple) && is_tuple => (index, seq.get::<TupleObj>().map(|t| t.items.len()).unwrap_or(0)),
            _ => return self.for_iter_generic(ip),
        };
        let k = match self.iters.iter().position(|i| i.slot == slot && i.it == it && self.iter_live(i)) {
            Some(k) => k,
            None => {
                if index != 0 {
                    // advanced by something the trace did not see
                    return self.for_iter_generic(ip);
                }
                let cur = self.b.kint_ref(0);
                self.iters.push(IterRec { slot, cur, stop: list, step: Ref::NONE, advanced: true, it });
                self.iters.len() - 1
            }
        };
        let r = self.iters[k];
        let s = self.snap(ip);
        let c = self.seq_has_item(r.cur, list, is_tuple)?;
        if index >= n {
            // the loop ends: the iterator popped, after the loop
            self.b.emit(Op::GuardFalse, c, Ref::NONE, 0, Some(s))?;
            self.iters.remove(k);
            self.pop()?;
            self.expected = target as usize;
            return Ok(());
        }
        self.b.emit(Op::GuardTrue, c, Ref::NONE, 0, Some(s.clone()))?;
        let (item, next) = self.seq_item(r.cur, list, is_tuple, s)?;
        self.iters[k].cur = next;
        self.push(item)
    }

    /// `cur < len(seq)` (a list's length is read each time: the loop may change it).
    pub(super) fn seq_has_item(&mut self, cur: Ref, seq: Ref, is_tuple: bool) -> Result<Ref, String> {
        let len = self.b.emit(if is_tuple { Op::TupleLen } else { Op::ListLen }, seq, Ref::NONE, 0, None)?;
        Ok(self.b.emit(Op::IntLt, cur, len, 0, None)?)
    }

    /// `seq[cur]` and `cur + 1`, once `seq_has_item` was guarded.
    pub(super) fn seq_item(&mut self, cur: Ref, seq: Ref, is_tuple: bool, s: Snap) -> Result<(Ref, Ref), String> {
        let item = self.b.emit(if is_tuple { Op::TupleGet } else { Op::ListGet }, seq, cur, 0, None)?;
        let one = self.b.kint_ref(1);
        Ok((item, self.b.emit(Op::IntAdd, cur, one, 0, Some(s))?))
    }

    /// `for` over any other iterator: a `call` of `next`, and a guard on its outcome once
    /// the next instruction shows it (`pending_next`): the trace follows the item or the
    /// loop's exit, as the recording did, and leaves for the other.
    pub(super) fn for_iter_generic(&mut self, ip: usize) -> Result<(), String> {
        let Some(Instr::ForIter(target)) = self.code.code.code.get(ip).copied() else { return Err("not a ForIter".into()) };
        let it = self.peek(1)?;
        let r = self.generic_args(ip, JitOp::ForIter, 0, &[it], 0)?;
        // exhausted: continue after the loop with the iterator popped
        self.sp -= 1;
        let mut done = self.snap(target as usize);
        self.sp += 1;
        done.ip = target;
        // an item: continue after the `for` with it pushed
        let below = self.slots.get(self.sp).copied().ok_or("slot out of range")?;
        self.push(r)?;
        let item = self.snap(ip + 1);
        self.sp -= 1;
        self.slots[self.sp] = below;
        self.pending_next = Some((r, done, item, target as usize));
        self.expected = usize::MAX;
        self.branch_targets = Some((ip + 1, target as usize));
        Ok(())
    }
}
