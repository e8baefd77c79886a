//! Generators resumed as frames of the running dispatch loop: `for x in gen` (`ForIter`)
//! and `yield from gen` / `await coro` (`Send`) push the generator's frame above their
//! own instead of resuming it through `gen_resume` in a nested loop. Its `YieldValue`
//! hands the value to the instruction after theirs, its return ends their loop, and an
//! exception leaving it unwinds into them (`run.rs`).

use pyjit_compiler::opcode::Instr;

use crate::heap::{Gc, ObjKind, Value};
use crate::objects::{CodeObj, GeneratorObj};

use super::{Frame, PyErr, Vm, STACK_SLOTS};

impl Vm {
    /// Resumes `gen` (sending `value`) as a frame above the running one, whose `ip` is
    /// already saved after its `ForIter` or `Send`. False, with nothing changed, when the
    /// generator must go through `gen_resume` instead: an async generator, one not
    /// suspended at a plain yield (running, finished, just started with a value, or
    /// leaving a delegation), or no room (the nested path raises). While a trace is
    /// recorded the recorder follows the generator's frame (`Recorder::for_iter_gen`).
    pub(super) fn push_gen_frame(&mut self, gen: Value, value: Value) -> bool {
        let Some(g) = gen.get::<GeneratorObj>() else { return false };
        let state = g.state.get();
        let started = match state {
            0 if value == self.none => false,
            1 => true,
            _ => return false,
        };
        if g.flavor == 2 || self.frames.len() + 1 >= self.recursion_limit {
            return false;
        }
        let Some(code) = g.code.get::<CodeObj>() else { return false };
        let base = self.sp;
        if base + code.code.frame_size() + 64 > STACK_SLOTS {
            return false;
        }
        let (ip, func, globals) = {
            let f = g.frame.borrow();
            let Some(saved) = f.as_ref() else { return false };
            let n = saved.slots.len();
            self.stack[base..base + n].copy_from_slice(&saved.slots);
            self.sp = base + n;
            (saved.ip, saved.func, saved.globals)
        };
        if started {
            self.stack[self.sp] = value;
            self.sp += 1;
        }
        self.enter_gen_frame(gen, code, func, globals, base, ip);
        true
    }

    /// Marks `gen` running and pushes its frame record (slots from `base`, resuming at
    /// `ip`), with the exception state swapped as `gen_resume` does: the generator sees
    /// its own handled exception, else the caller's.
    pub(super) fn enter_gen_frame(&mut self, gen: Value, code: Gc<CodeObj>, func: Value, globals: Value, base: usize, ip: usize) {
        let exc = gen.get::<GeneratorObj>().map_or(Value::NULL, |g| {
            g.state.set(2);
            g.exc_state.get()
        });
        self.gen_exc_saved.push(self.handled_exc);
        let outer = self.handled();
        self.exc_outer.push(outer);
        self.handled_exc = exc;
        self.frames.push(Frame {
            code,
            func,
            globals,
            builtins: self.builtins_dict,
            locals: Value::NULL,
            base,
            ip,
            gen,
            is_entry: false,
            saved_sp: 0,
            init_self: Value::NULL,
            binop: 0,
        });
    }

    /// After a generator frame of this loop yielded (its slots saved by `YieldValue`):
    /// suspended, with the caller's exception state back.
    pub(super) fn gen_frame_yielded(&mut self, gen: Value) {
        if let Some(g) = gen.get::<GeneratorObj>() {
            g.state.set(1);
            g.exc_state.set(self.handled_exc);
        }
        self.restore_caller_exc();
    }

    /// After a generator frame of this loop returned `v`: the generator is finished and the
    /// caller's instruction completes. `ForIter` pops the iterator and leaves its loop;
    /// `Send` replaces the receiver with `v` and jumps to its exit. The frame is popped and
    /// `self.sp` is its base.
    pub(super) fn gen_frame_returned(&mut self, gen: Value, v: Value) {
        self.gen_frame_finished(gen);
        let Some(caller) = self.frames.last_mut() else { return };
        match caller.code.code.code.get(caller.ip.wrapping_sub(1)) {
            Some(&Instr::ForIter(t)) => {
                caller.ip = t as usize;
                self.sp -= 1;
            }
            Some(&Instr::Send(t)) => {
                caller.ip = t as usize;
                self.stack[self.sp - 1] = v;
            }
            // only ForIter and Send push generator frames: a plain return otherwise
            _ => self.push(v),
        }
    }

    /// After exception `e` left a generator frame of this loop (popped by `unwind`): the
    /// generator is finished, and a StopIteration raised inside it becomes RuntimeError,
    /// as in `gen_resume`.
    pub(super) fn gen_frame_raised(&mut self, gen: Value, e: PyErr) -> PyErr {
        self.gen_frame_finished(gen);
        let flavor = gen.get::<GeneratorObj>().map_or(0, |g| g.flavor);
        self.gen_stop_iteration_error(flavor, e)
    }

    fn gen_frame_finished(&mut self, gen: Value) {
        let dropped = gen.get::<GeneratorObj>().and_then(|g| {
            g.state.set(3);
            g.exc_state.set(Value::NULL);
            g.frame.borrow_mut().take()
        });
        self.restore_caller_exc();
        if let Some(f) = dropped {
            self.finalize_dropped(gen, &f.slots);
        }
    }

    fn restore_caller_exc(&mut self) {
        self.exc_outer.pop();
        self.handled_exc = self.gen_exc_saved.pop().unwrap_or(Value::NULL);
    }

    /// A StopIteration (or, from an async generator, StopAsyncIteration) leaving a
    /// generator's frame becomes the RuntimeError CPython raises; other errors pass.
    pub(super) fn gen_stop_iteration_error(&mut self, flavor: u8, e: PyErr) -> PyErr {
        if self.isinstance(e.0, self.types.stop_iteration) {
            let what = match flavor {
                1 => "coroutine raised StopIteration",
                2 => "async generator raised StopIteration",
                _ => "generator raised StopIteration",
            };
            let re = self.runtime_error(what);
            if let Some(x) = re.0.get::<crate::objects::ExceptionObj>() {
                x.cause.set(e.0);
                x.context.set(e.0);
                x.suppress_context.set(true);
            }
            return re;
        }
        if flavor == 2 && self.isinstance(e.0, self.types.stop_async_iteration) {
            return self.runtime_error("async generator raised StopAsyncIteration");
        }
        e
    }

    /// Whether `v` is a generator or coroutine object (the kinds `push_gen_frame` takes).
    #[inline]
    pub(super) fn is_gen_object(v: Value) -> bool {
        v.kind() == Some(ObjKind::Generator)
    }
}
