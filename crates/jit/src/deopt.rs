//! Deoptimisation: after a trace leaves through an exit, rebuild the interpreter's state
//! from the exit buffer as the exit's snapshot map says: unboxed values are boxed again
//! (ints tagged, doubles into new float objects, bools to True/False), the frame's stack
//! depth and instruction index are restored, and the interpreter resumes at the exact
//! instruction whose guard failed.

use pyjit_vm::heap::Value;
use pyjit_vm::Vm;

use pyjit_vm::objects::{IterObj, IterState};

use crate::ir::{Ty, FRAME_FUNC, INIT_SELF, ITER_POS, NOT_A_SLOT};
use crate::lower::ExitMap;

/// Writes exit `m`'s values (`words[k]` for its k-th slot) into the innermost frame.
pub fn restore(vm: &mut Vm, m: &ExitMap, words: &[u64]) {
    let Some(base) = vm.frames.last().map(|f| f.base) else { return };
    // values that need no allocation first, and NULL where floats go, so that once the
    // stack pointer covers them no slot holds a stale word when a float allocation
    // collects. `words` (a pooled context buffer on the heap) is not scanned: the values
    // that go to frame records, not slots (an `__init__`'s instance, a function the trace
    // made), are rooted in `vm.recent` until the interpreter's next safepoint.
    for (k, &(slot, ty)) in m.slots.iter().enumerate() {
        let w = words[k];
        if slot & ITER_POS == 0 && slot & (INIT_SELF | FRAME_FUNC) != 0 {
            vm.recent.push(Value::from_raw(w));
            continue;
        }
        if slot & ITER_POS != 0 {
            // a range iterator's position (a doubled int)
            let it = vm.stack[base + (slot & !ITER_POS) as usize];
            if let Some(io) = it.get::<IterObj>() {
                if let Ok(mut st) = io.state.try_borrow_mut() {
                    match &mut *st {
                        IterState::Range { cur, .. } => *cur = (w as i64) >> 1,
                        IterState::Seq { index, .. } => *index = ((w as i64) >> 1).max(0) as usize,
                        _ => {}
                    }
                }
            }
            continue;
        }
        let v = match ty {
            Ty::Val => Value::from_raw(w),
            Ty::Int => Value::from_raw(w | 1),
            Ty::Bool => {
                if w != 0 {
                    vm.true_
                } else {
                    vm.false_
                }
            }
            Ty::Float | Ty::Void | Ty::Args => Value::NULL,
        };
        vm.stack[base + slot as usize] = v;
    }
    vm.sp = base + m.sp as usize;
    for (k, &(slot, ty)) in m.slots.iter().enumerate() {
        if ty == Ty::Float && slot & NOT_A_SLOT == 0 {
            let f = vm.new_float(f64::from_bits(words[k]));
            vm.stack[base + slot as usize] = f;
        }
    }
    // inside inlined calls: the trace's frame continues after the outermost call, and a
    // frame record is pushed for each call, resuming where the next one was made
    if let (Some(first), Some(f)) = (m.frames.first(), vm.frames.last_mut()) {
        f.ip = first.ret_ip as usize;
    }
    for (k, fr) in m.frames.iter().enumerate() {
        let ip = m.frames.get(k + 1).map(|n| n.ret_ip).unwrap_or(m.ip);
        let init_self = m
            .slots
            .iter()
            .position(|&(slot, _)| slot & ITER_POS == 0 && slot & INIT_SELF != 0 && (slot & !INIT_SELF) as usize == k)
            .map(|w| Value::from_raw(words[w]))
            .unwrap_or(Value::NULL);
        if fr.gen {
            vm.jit_push_gen_frame(base + fr.base as usize, ip as usize);
            continue;
        }
        let func = match fr.func {
            0 => m
                .slots
                .iter()
                .position(|&(slot, _)| slot & ITER_POS == 0 && slot & FRAME_FUNC != 0 && (slot & !FRAME_FUNC) as usize == k)
                .map(|w| Value::from_raw(words[w]))
                .unwrap_or(Value::NULL),
            f => Value::from_raw(f as u64),
        };
        vm.jit_push_frame(func, base + fr.base as usize, ip as usize, init_self, fr.binop);
    }
    if m.frames.is_empty() {
        if let Some(f) = vm.frames.last_mut() {
            f.ip = m.ip as usize;
        }
    }
}
