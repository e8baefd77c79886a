//! Entering compiled traces: the one call from Rust into generated code, and the exit
//! buffer it fills.
#![allow(unsafe_code)]

use pyjit_codegen::codemem::{CodeMemory, CodeRef};
use pyjit_vm::heap::ObjKind;
use pyjit_vm::objects::{IterObj, IterState};
use pyjit_vm::Vm;

use crate::fold::small;
use crate::ir::Op;

/// Exit buffer size in words: traces whose snapshots hold more values are not compiled.
pub const EXIT_WORDS: usize = 256;

/// Fills the entry inputs of a trace from the innermost frame: the state of the range
/// iterators it keeps in registers, as doubled ints. False when the state does not fit
/// what the trace was compiled for (then it must not be entered).
pub fn inputs(vm: &Vm, want: &[(Op, u32)], buf: &mut [u64; EXIT_WORDS]) -> bool {
    let Some(base) = vm.frames.last().map(|f| f.base) else { return false };
    for (k, &(op, slot)) in want.iter().enumerate() {
        let it = vm.stack[base + slot as usize];
        let Some(io) = it.get::<IterObj>() else { return false };
        let Ok(st) = io.state.try_borrow() else { return false };
        buf[k] = match (op, &*st) {
            (Op::RangeCur | Op::RangeStop | Op::RangeStep, &IterState::Range { cur, stop, step }) => {
                if step <= 0 || small(cur).is_none() || small(stop).is_none() || small(step).is_none() {
                    return false;
                }
                let v = match op {
                    Op::RangeCur => cur,
                    Op::RangeStop => stop,
                    _ => step,
                };
                (v << 1) as u64
            }
            (Op::SeqObj | Op::SeqIndex, &IterState::Seq { seq, index }) => {
                if seq.kind() != Some(ObjKind::List) || small(index as i64).is_none() {
                    return false;
                }
                if op == Op::SeqObj {
                    seq.raw()
                } else {
                    (index as u64) << 1
                }
            }
            _ => return false,
        };
    }
    true
}

/// Runs the trace at `code` on the innermost frame; returns the exit taken and fills `buf`
/// with that exit's values.
pub fn run(vm: &mut Vm, mem: &CodeMemory, code: CodeRef, buf: &mut [u64; EXIT_WORDS]) -> usize {
    let Some(base) = vm.frames.last().map(|f| f.base) else { return usize::MAX };
    let frame = vm.stack_slot_addr(base) as u64;
    // SAFETY: `code` was emitted by the lowering as `extern "C" fn(ctx, frame) -> u64`: it
    // reads the frame's slots (which lie inside the value stack, which never moves: the
    // recorder checked the frame's size), writes at most EXIT_WORDS words to `buf`, calls
    // nothing, and returns the number of an exit of its trace.
    let exit = unsafe { mem.call2(code.offset, buf.as_mut_ptr() as u64, frame) };
    exit as usize
}
