//! The narrow interface between the interpreter and a JIT. The VM knows nothing of traces or
//! machine code: it counts backward jumps, asks the engine what to do when a loop is hot,
//! and while the engine records it hands it every instruction before running it. The JIT
//! crate implements `JitEngine` and the `pyjit` binary installs it (`Vm::jit.engine`), so
//! the dependency runs JIT -> VM, never back.
//!
//! Recording costs nothing when off: the dispatch loop runs `CodeObj::quick` as usual. When
//! the engine starts recording it sets `recording`; every frame (re)entered from then on runs
//! an array of `Instr::JitHook` of the same length instead, and each hook calls `record` with
//! the instruction index before the real instruction (from the unfused code) is dispatched.
//! When recording stops the next hook reloads the frame with the normal instructions.

use pyjit_compiler::opcode::Instr;

use crate::heap::{Gc, Value};
use crate::objects::CodeObj;

use super::{PyResult, Vm};

/// What a JIT does for the interpreter.
pub trait JitEngine {
    /// A backward jump to `target` in `code` was taken while the code is hot. The current
    /// frame's `ip` is `target` and `vm.sp` is its stack pointer. The engine may run a
    /// compiled trace (and leave the frame's `ip`, slots and `vm.sp` as the trace left
    /// them), start recording (`vm.jit.recording = true`), or do nothing.
    fn backedge(&mut self, vm: &mut Vm, code: Gc<CodeObj>, target: usize) -> PyResult<()>;
    /// Recording: the instruction at `ip` of the innermost frame is about to run.
    fn record(&mut self, vm: &mut Vm, ip: usize);
    /// The interpreter exits (statistics, logs).
    fn finish(&mut self, vm: &mut Vm);
    /// The running thread is about to give the VM to another thread: a recording in
    /// progress must stop (the other thread's instructions are not part of the trace).
    fn abort_recording(&mut self, _vm: &mut Vm) {}
}

/// The interpreter's JIT state.
pub struct JitState {
    pub engine: Option<Box<dyn JitEngine>>,
    /// While true, frames run `JitHook` instructions that call `JitEngine::record`.
    pub recording: bool,
    /// A code object's backward jumps before `JitEngine::backedge` is asked (u32::MAX: never).
    pub threshold: u32,
}

impl Default for JitState {
    fn default() -> JitState {
        JitState { engine: None, recording: false, threshold: u32::MAX }
    }
}

impl Vm {
    /// The cold part of a hot `JumpBackward`: asks the engine. With no engine installed (or
    /// while the engine itself runs, which takes it out), the code's counter restarts.
    #[cold]
    #[inline(never)]
    pub(super) fn jit_backedge(&mut self, code: Gc<CodeObj>, target: usize) -> PyResult<()> {
        // while other threads run the program is interpreted (see docs/architecture.md)
        if crate::threads::others_running() {
            code.hotness.set(0);
            return Ok(());
        }
        let Some(mut engine) = self.jit.engine.take() else {
            code.hotness.set(0);
            return Ok(());
        };
        let r = engine.backedge(self, code, target);
        self.jit.engine = Some(engine);
        r
    }

    /// A `JitHook` at `ip`: hands the instruction to the recorder and returns the real one,
    /// or None when recording has stopped (the frame must reload its normal instructions).
    #[cold]
    #[inline(never)]
    pub(super) fn jit_hook(&mut self, code: Gc<CodeObj>, ip: usize) -> Option<Instr> {
        if self.jit.recording {
            if let Some(mut engine) = self.jit.engine.take() {
                engine.record(self, ip);
                self.jit.engine = Some(engine);
            } else {
                self.jit.recording = false;
            }
        }
        if !self.jit.recording {
            return None;
        }
        code.code.code.get(ip).copied()
    }

    /// The instructions a recording frame of `code` runs: a hook at every index.
    #[cold]
    pub(super) fn frame_hooks(&self, code: Gc<CodeObj>) -> Vec<Instr> {
        vec![Instr::JitHook; code.quick.len()]
    }

    /// Address of value-stack slot `i`, for compiled code that reads a frame's slots.
    pub fn stack_slot_addr(&mut self, i: usize) -> *mut Value {
        self.stack.slot_ptr(i)
    }

    /// The running thread gives the VM to another one (`crate::threads`): no recording
    /// goes on across the switch.
    pub fn before_thread_switch(&mut self) {
        if !self.jit.recording {
            return;
        }
        match self.jit.engine.take() {
            Some(mut engine) => {
                engine.abort_recording(self);
                self.jit.engine = Some(engine);
            }
            None => self.jit.recording = false,
        }
    }

    /// Called once when the interpreter exits.
    pub fn jit_finish(&mut self) {
        if let Some(mut engine) = self.jit.engine.take() {
            engine.finish(self);
            self.jit.engine = Some(engine);
        }
    }
}
