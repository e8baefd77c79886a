//! What each Python thread has of its own (see `crate::threads`): its value stack and frame
//! records, the exception it handles, its depth counters, the allocation roots of its
//! natives, and the top of its native stack for the conservative scan. The running thread's
//! state lives in the `Vm` fields the interpreter uses; a thread that releases the global
//! lock swaps them out into its `ThreadState` (moves of vectors and one box: no copying), and
//! the thread that takes the lock swaps its own in.

use crate::heap::Value;

use super::value_stack::ValueStack;
use super::{Frame, Vm};

pub struct ThreadState {
    pub stack: ValueStack,
    pub sp: usize,
    pub frames: Vec<Frame>,
    pub handled_exc: Value,
    pub exc_outer: Vec<Value>,
    pub gen_exc_saved: Vec<Value>,
    pub drains: Vec<super::gen_drain::Drain>,
    pub depth: usize,
    pub native_depth: usize,
    pub stack_top: usize,
    pub repr_stack: Vec<Value>,
    pub recent: Vec<Value>,
    pub recent_marks: Vec<usize>,
    pub frame_objects: Vec<(usize, Value)>,
    pub importing: Vec<String>,
}

impl ThreadState {
    /// A thread's state before it runs anything (its stack top is set when it starts).
    pub fn new() -> ThreadState {
        ThreadState {
            stack: ValueStack::new(),
            sp: 0,
            frames: Vec::new(),
            handled_exc: Value::NULL,
            exc_outer: Vec::new(),
            gen_exc_saved: Vec::new(),
            drains: Vec::new(),
            depth: 0,
            native_depth: 0,
            stack_top: 0,
            repr_stack: Vec::new(),
            recent: Vec::new(),
            recent_marks: Vec::new(),
            frame_objects: Vec::new(),
            importing: Vec::new(),
        }
    }

    /// The precise roots of a parked thread (the collector adds its native stack).
    pub fn roots(&self, out: &mut Vec<Value>) {
        out.extend_from_slice(&self.stack[..self.sp]);
        for f in &self.frames {
            f.roots(out);
        }
        out.push(self.handled_exc);
        out.extend_from_slice(&self.exc_outer);
        out.extend_from_slice(&self.gen_exc_saved);
        for d in &self.drains {
            d.roots(out);
        }
        out.extend_from_slice(&self.repr_stack);
        out.extend_from_slice(&self.recent);
        out.extend(self.frame_objects.iter().map(|&(_, f)| f));
    }
}

impl Default for ThreadState {
    fn default() -> Self {
        Self::new()
    }
}

impl Vm {
    /// Exchanges the running thread's state in the VM with `ts`.
    pub fn swap_thread_state(&mut self, ts: &mut ThreadState) {
        use std::mem::swap;
        swap(&mut self.stack, &mut ts.stack);
        swap(&mut self.sp, &mut ts.sp);
        swap(&mut self.frames, &mut ts.frames);
        swap(&mut self.handled_exc, &mut ts.handled_exc);
        swap(&mut self.exc_outer, &mut ts.exc_outer);
        swap(&mut self.gen_exc_saved, &mut ts.gen_exc_saved);
        swap(&mut self.drains, &mut ts.drains);
        swap(&mut self.depth, &mut ts.depth);
        swap(&mut self.native_depth, &mut ts.native_depth);
        swap(&mut self.stack_top, &mut ts.stack_top);
        swap(&mut self.repr_stack, &mut ts.repr_stack);
        swap(&mut self.recent, &mut ts.recent);
        swap(&mut self.recent_marks, &mut ts.recent_marks);
        swap(&mut self.frame_objects, &mut ts.frame_objects);
        swap(&mut self.importing, &mut ts.importing);
    }
}
