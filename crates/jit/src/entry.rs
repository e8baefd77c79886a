//! Entering compiled traces: the one call from Rust into generated code, and the exit
//! buffer it fills.
#![allow(unsafe_code)]

use pyjit_codegen::codemem::{CodeMemory, CodeRef};
use pyjit_vm::Vm;

/// Exit buffer size in words: traces whose snapshots hold more values are not compiled.
pub const EXIT_WORDS: usize = 256;

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
