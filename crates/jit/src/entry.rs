//! Entering compiled traces: the one call from Rust into generated code, the context
//! buffer it works with (exit values, the VM, call arguments), and the two functions
//! generated code calls back (`call_op`, `box_float`).
#![allow(unsafe_code)]

use std::cell::Cell;

use pyjit_codegen::codemem::{CodeMemory, CodeRef};
use pyjit_vm::heap::{ObjKind, Value};
use pyjit_vm::interp::jit_ops::JitOp;
use pyjit_vm::objects::{IterObj, IterState};
use pyjit_vm::{PyErr, Vm};

use crate::fold::small;
use crate::ir::Op;

/// Exit buffer size in words: traces whose snapshots hold more values are not compiled.
pub const EXIT_WORDS: usize = 256;
/// The context buffer (`ctx`) a trace runs with: the exit buffer (an exit's values, which
/// a bridge linked to that exit reads), then the VM's address, the second result of a
/// call, the iteration count, the code object of a call, the id of the trace whose exit
/// returned, the code memory, the frame, the loop's entry inputs, and a call's arguments.
pub const VM_WORD: usize = EXIT_WORDS;
pub const RET2_WORD: usize = EXIT_WORDS + 1;
/// The loop body counts its iterations here (the engine stops entering a trace that
/// leaves after too few).
pub const ITER_WORD: usize = EXIT_WORDS + 2;
/// The code object of the instruction a `call` runs.
pub const CODE_WORD: usize = EXIT_WORDS + 3;
/// The id of the trace whose exit returned to the engine (traces continue in each other).
pub const TRACE_WORD: usize = EXIT_WORDS + 4;
/// The engine's code memory, through which `call_loop` runs an inner loop.
pub const MEM_WORD: usize = EXIT_WORDS + 5;
/// The frame (the second argument of a trace), for linked traces.
pub const FRAME_WORD: usize = EXIT_WORDS + 6;
/// The entry inputs of the loop (range and list iterator states), kept apart from the exit
/// buffer: a bridge updates them before it enters the loop again.
pub const INPUTS_AT: usize = EXIT_WORDS + 7;
pub const MAX_INPUTS: usize = 16;
pub const ARGS_AT: usize = INPUTS_AT + MAX_INPUTS;
/// Most arguments a `call` passes.
pub const MAX_ARGS: usize = 32;
pub const CTX_WORDS: usize = ARGS_AT + MAX_ARGS;

thread_local! {
    /// The exception of the `call` that raised, until the engine takes it at the exit.
    static PENDING: Cell<u64> = const { Cell::new(0) };
}

/// The exception a raising `call` left (the trace has just left through its exit).
pub fn take_pending() -> Option<PyErr> {
    let raw = PENDING.with(|p| p.replace(0));
    (raw != 0).then(|| PyErr(Value::from_raw(raw)))
}

/// The VM of the running trace and its context buffer.
fn vm_of<'a>(ctx: *mut u64) -> &'a mut Vm {
    // SAFETY: `ctx` is the CTX_WORDS buffer `run` passed to the trace, whose VM_WORD holds
    // the `&mut Vm` `run` was given; `run` does not touch the VM while the trace runs, so
    // this is the only live reference to it.
    unsafe { &mut *(*ctx.add(VM_WORD) as *mut Vm) }
}

/// Called by generated code for `call`: runs `Vm::jit_op` on the `argc` arguments at
/// `ctx[ARGS_AT..]` (`word` is the IR instruction's `aux`). Returns the result, or 0 when it
/// raised (the exception is then pending).
pub extern "C" fn call_op(ctx: *mut u64, word: u64, argc: u64) -> u64 {
    let n = (argc as usize).min(MAX_ARGS);
    if n <= FEW_ARGS {
        // most operations take a few: a small array is cheaper to fill than MAX_ARGS words
        let mut args = [Value::NULL; FEW_ARGS];
        for (k, a) in args.iter_mut().enumerate().take(n) {
            // SAFETY: ctx has CTX_WORDS words and ARGS_AT + k < CTX_WORDS.
            *a = Value::from_raw(unsafe { *ctx.add(ARGS_AT + k) });
        }
        return call_op_on(ctx, word, &args[..n]);
    }
    let mut args = [Value::NULL; MAX_ARGS];
    for (k, a) in args.iter_mut().enumerate().take(n) {
        // SAFETY: ctx has CTX_WORDS words and ARGS_AT + k < CTX_WORDS.
        *a = Value::from_raw(unsafe { *ctx.add(ARGS_AT + k) });
    }
    call_op_on(ctx, word, &args[..n])
}

/// Arguments `call_op` copies to a small array (on the native stack, which the collector
/// scans: the context buffer is not scanned).
const FEW_ARGS: usize = 4;

/// `call_op` with its arguments copied to the native stack.
#[inline(always)]
fn call_op_on(ctx: *mut u64, word: u64, args: &[Value]) -> u64 {
    // SAFETY: CODE_WORD < CTX_WORDS.
    let code = Value::from_raw(unsafe { *ctx.add(CODE_WORD) });
    let vm = vm_of(ctx);
    let (Some(op), Some(code)) = (JitOp::from_u8(word as u8), code.get::<pyjit_vm::objects::CodeObj>()) else {
        let e = vm.runtime_error("bad operation in compiled code");
        PENDING.with(|p| p.set(e.0.raw()));
        return 0;
    };
    let mut ret2 = Value::NULL;
    let r = vm.jit_op(code, op, (word >> 8) as u32, (word >> 40) as u32, args, &mut ret2);
    // what the operation allocated is held by the trace (registers and its native frame,
    // which the collector scans) or by the objects it was stored into
    vm.release_recent();
    // SAFETY: RET2_WORD < CTX_WORDS.
    unsafe { *ctx.add(RET2_WORD) = ret2.raw() };
    match r {
        Ok(v) => v.raw(),
        Err(e) => {
            PENDING.with(|p| p.set(e.0.raw()));
            0
        }
    }
}

/// Called by generated code for `call_framed`: writes flush `which & 0xffff_ffff` of trace
/// `which >> 32` (the running one) to the frame, pushing a frame record for each inlined
/// call, runs the call as `call_op` does, then takes the records back.
pub extern "C" fn call_framed(ctx: *mut u64, word: u64, argc: u64, which: u64) -> u64 {
    let vm = vm_of(ctx);
    let Some(outer) = crate::trace_by_id(which >> 32) else { return fail(vm) };
    let Some(m) = outer.flushes.get((which & 0xffff_ffff) as usize) else { return fail(vm) };
    // SAFETY: the exit buffer is the first EXIT_WORDS words of ctx.
    let words = unsafe { std::slice::from_raw_parts(ctx as *const u64, EXIT_WORDS) };
    let (sp, ip) = (vm.sp, vm.frames.last().map_or(0, |f| f.ip));
    // the arguments are read after `restore`, which may collect, and the context buffer is
    // not scanned (a boxed float argument may live nowhere else): root them meanwhile
    for k in 0..(argc as usize).min(MAX_ARGS) {
        // SAFETY: ARGS_AT + k < CTX_WORDS.
        vm.recent.push(Value::from_raw(unsafe { *ctx.add(ARGS_AT + k) }));
    }
    crate::deopt::restore(vm, m, words);
    // the frame making the call is past it while the callee runs, as in the interpreter
    if let Some(f) = vm.frames.last_mut() {
        f.ip = m.ip as usize + 1;
    }
    let r = call_op(ctx, word, argc);
    let vm = vm_of(ctx);
    vm.jit_pop_frames(m.frames.len());
    vm.sp = sp;
    if let Some(f) = vm.frames.last_mut() {
        f.ip = ip;
    }
    r
}

/// A call from compiled code that cannot be made: raises (0, with the error pending).
#[cold]
fn fail(vm: &mut Vm) -> u64 {
    let e = vm.runtime_error("bad operation in compiled code");
    PENDING.with(|p| p.set(e.0.raw()));
    0
}

/// Whether an exception is pending.
pub fn has_pending() -> bool {
    PENDING.with(|p| p.get() != 0)
}

/// Leaves `e` pending, for the engine to take at the exit the trace is about to take.
pub fn set_pending(e: PyErr) {
    PENDING.with(|p| p.set(e.0.raw()));
}

/// Called by generated code for `call_loop`: writes flush `word & 0xffff` of trace `id` (the
/// running one) to the frame, then runs the compiled loop `inner` (a `CompiledTrace`) on it.
/// Returns 0 when the loop was left at the instruction and stack depth packed in `word >>
/// 16` (bits 0-15 and 16-31; bits 32-47 are the loop's last instruction), else 1 (2 with
/// an exception pending): the frame then holds the interpreter's state.
pub extern "C" fn call_loop(ctx: *mut u64, inner: u64, word: u64, id: u64) -> u64 {
    let vm = vm_of(ctx);
    // SAFETY: MEM_WORD was set by the engine before it entered the trace that calls this:
    // the engine's `CodeMemory`, alive and unmoved while the engine runs code.
    let mem = unsafe { &*(*ctx.add(MEM_WORD) as *const CodeMemory) };
    // SAFETY: `inner` is the address of a `CompiledTrace` the running trace's `deps` keep
    // alive (the recorder took it from the engine's loops).
    let inner = unsafe { &*(inner as *const crate::CompiledTrace) };
    // SAFETY: the exit buffer is the first EXIT_WORDS words of ctx.
    let words = unsafe { std::slice::from_raw_parts(ctx as *const u64, EXIT_WORDS) };
    let Some(outer) = crate::trace_by_id(id) else { return 1 };
    let Some(m) = outer.flushes.get((word & 0xffff) as usize) else { return 1 };
    crate::deopt::restore(vm, m, words);
    let left = word >> 16;
    let returns = left & crate::record::LOOP_RETURNS as u64 != 0;
    let end = crate::LoopEnd { header: m.ip, last: (left >> 32) as u32 & 0x7fff, ip: left as u32 & 0xffff, sp: (left >> 16) as u32 & 0xffff, returns };
    let r = crate::run_inner(vm, mem, inner, end);
    if returns && r == 1 {
        // the call holding the loop runs in the interpreter to its return; the trace goes on
        // after it when it returns where the recording saw it return
        return match vm.jit_run_to_return() {
            Ok(()) => {
                let at = vm.frames.last().map(|f| (f.ip, vm.sp - f.base));
                if at == Some((end.ip as usize, end.sp as usize)) {
                    vm.jit_pop_frames(m.frames.len() - 1);
                    0
                } else {
                    1
                }
            }
            Err(e) => {
                set_pending(e);
                2
            }
        };
    }
    if r == 0 {
        // the trace goes on inside the calls it inlined: their frames were only needed while
        // the loop ran
        vm.jit_pop_frames(m.frames.len());
    }
    r
}

/// `x ** y` for floats as CPython computes it (libm's `pow`), when that is a finite float
/// and raises nothing: `x` positive and finite, `y` finite. Returns 1 with the result in
/// place of `x`, else 0 (the trace leaves; the interpreter does the rest).
pub fn pow_fast(x: f64, y: f64) -> Option<f64> {
    if !(x > 0.0 && x.is_finite() && y.is_finite()) {
        return None;
    }
    let r = x.powf(y);
    r.is_finite().then_some(r)
}

/// Called by generated code for `float_pow`: the doubles at `ctx[ARGS_AT]` and
/// `ctx[ARGS_AT + 1]`, the result back at `ctx[ARGS_AT]` (see `pow_fast`).
pub extern "C" fn float_pow(ctx: *mut u64) -> u64 {
    // SAFETY: ARGS_AT + 1 < CTX_WORDS.
    let (x, y) = unsafe { (f64::from_bits(*ctx.add(ARGS_AT)), f64::from_bits(*ctx.add(ARGS_AT + 1))) };
    match pow_fast(x, y) {
        Some(r) => {
            // SAFETY: as above.
            unsafe { *ctx.add(ARGS_AT) = r.to_bits() };
            1
        }
        None => 0,
    }
}

macro_rules! float_fn_helper {
    ($name:ident, $f:expr) => {
        /// Called by generated code for `float_fn`: the double at `ctx[ARGS_AT]`, the result
        /// back there; 0 (leave the trace) unless argument and result are finite.
        pub extern "C" fn $name(ctx: *mut u64) -> u64 {
            // SAFETY: ARGS_AT < CTX_WORDS.
            let x = f64::from_bits(unsafe { *ctx.add(ARGS_AT) });
            let f: fn(f64) -> f64 = $f;
            let r = f(x);
            if !(x.is_finite() && r.is_finite()) {
                return 0;
            }
            // SAFETY: as above.
            unsafe { *ctx.add(ARGS_AT) = r.to_bits() };
            1
        }
    };
}
float_fn_helper!(float_sqrt, f64::sqrt);
float_fn_helper!(float_sin, f64::sin);
float_fn_helper!(float_cos, f64::cos);
float_fn_helper!(float_tan, f64::tan);
float_fn_helper!(float_exp, f64::exp);
float_fn_helper!(float_log, f64::ln);
float_fn_helper!(float_atan, f64::atan);
float_fn_helper!(float_fabs, f64::abs);

/// The helpers of `float_fn`, in the order of `pyjit_vm::interp::jit_ops::FLOAT_FNS`.
pub const FLOAT_FN_HELPERS: [extern "C" fn(*mut u64) -> u64; 8] =
    [float_sqrt, float_sin, float_cos, float_tan, float_exp, float_log, float_atan, float_fabs];

/// Called by generated code for `slot_add`: appends `v` to the slots of instance `obj` and
/// moves it to map `to`, when its slots are one fewer than `to` names and it has no
/// `__dict__` (the trace checked its class and map before). 0 when not done.
pub extern "C" fn slot_add(obj: u64, v: u64, to: u64) -> u64 {
    let (obj, v, to) = (Value::from_raw(obj), Value::from_raw(v), Value::from_raw(to));
    let (Some(inst), Some(m)) = (obj.get::<pyjit_vm::objects::InstanceObj>(), to.get::<pyjit_vm::objects::MapObj>()) else {
        return 0;
    };
    if !inst.dict.get().is_null() {
        return 0;
    }
    let Ok(mut slots) = inst.slots.try_borrow_mut() else { return 0 };
    if slots.len() + 1 != m.names.len() {
        return 0;
    }
    slots.push(v);
    inst.map.set(to);
    1
}

/// Called by generated code for `guard_unshadowed`: 1 when `obj` has no attribute `name`
/// of its own (allocates nothing, runs no Python code).
pub extern "C" fn unshadowed(ctx: *mut u64, obj: u64, name: u64) -> u64 {
    u64::from(!vm_of(ctx).jit_shadowed(Value::from_raw(obj), Value::from_raw(name)))
}

/// Called by generated code for `gen_enter`: the address of generator `gen`'s saved slots,
/// now running, or 0 (see `Vm::jit_gen_enter`; `word` is the resume instruction and, from
/// bit 32, the number of slots).
pub extern "C" fn gen_enter(ctx: *mut u64, gen: u64, code: u64, word: u64) -> u64 {
    let w = word as usize;
    let state = if w & crate::record::GEN_RUNNING != 0 {
        2
    } else if w & crate::record::GEN_FRESH != 0 {
        0
    } else {
        1
    };
    let n = (w >> 32) & ((1 << 28) - 1);
    let p = vm_of(ctx).jit_gen_enter(Value::from_raw(gen), Value::from_raw(code), w & 0xffff_ffff, n, state);
    p as usize as u64
}

/// Called by generated code for `gen_leave`: generator `gen` is suspended again.
pub extern "C" fn gen_leave(ctx: *mut u64, gen: u64) -> u64 {
    vm_of(ctx).jit_gen_leave(Value::from_raw(gen));
    0
}

/// Called by generated code for `gen_resize`: the address of generator `gen`'s saved
/// slots, resized to `word & 0xffff_ffff`, resuming at `word >> 32` next.
pub extern "C" fn gen_resize(ctx: *mut u64, gen: u64, word: u64) -> u64 {
    vm_of(ctx).jit_gen_resize(Value::from_raw(gen), (word & 0xffff_ffff) as usize, (word >> 32) as usize) as usize as u64
}

/// Called by generated code for `gen_finish`: generator `gen` returned.
pub extern "C" fn gen_finish(ctx: *mut u64, gen: u64) -> u64 {
    let vm = vm_of(ctx);
    vm.jit_gen_finish(Value::from_raw(gen));
    vm.release_recent();
    0
}

/// Called by generated code for `list_push`: appends `v` to list `list`; 0 (nothing done)
/// when it is not a list or its items are borrowed.
pub extern "C" fn list_push(list: u64, v: u64) -> u64 {
    let Some(l) = Value::from_raw(list).get::<pyjit_vm::objects::ListObj>() else { return 0 };
    let Ok(mut items) = l.items.try_borrow_mut() else { return 0 };
    if items.len() == items.capacity() && items.try_reserve(1).is_err() {
        // the interpreter's ListAppend raises MemoryError
        return 0;
    }
    items.push(Value::from_raw(v));
    1
}

/// Called by generated code for `box_float`: a new float object for the double at
/// `ctx[ARGS_AT]`.
pub extern "C" fn box_float(ctx: *mut u64) -> u64 {
    // SAFETY: ARGS_AT < CTX_WORDS.
    let bits = unsafe { *ctx.add(ARGS_AT) };
    let vm = vm_of(ctx);
    let v = vm.new_float(f64::from_bits(bits));
    vm.release_recent();
    v.raw()
}

/// Fills the entry inputs of a trace from the innermost frame: the state of the range
/// iterators it keeps in registers, as doubled ints. False when the state does not fit
/// what the trace was compiled for (then it must not be entered).
pub fn inputs(vm: &Vm, want: &[(Op, u32)], buf: &mut [u64; CTX_WORDS]) -> bool {
    let Some(base) = vm.frames.last().map(|f| f.base) else { return false };
    if want.len() > MAX_INPUTS {
        return false;
    }
    for (k, &(op, slot)) in want.iter().enumerate() {
        let it = vm.stack[base + slot as usize];
        let Some(io) = it.get::<IterObj>() else { return false };
        let Ok(st) = io.state.try_borrow() else { return false };
        buf[INPUTS_AT + k] = match (op, &*st) {
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
pub fn run(vm: &mut Vm, mem: &CodeMemory, code: CodeRef, buf: &mut [u64; CTX_WORDS]) -> usize {
    let Some(base) = vm.frames.last().map(|f| f.base) else { return usize::MAX };
    let frame = vm.stack_slot_addr(base) as u64;
    buf[VM_WORD] = vm as *mut Vm as u64;
    buf[FRAME_WORD] = frame;
    // SAFETY: `code` was emitted by the lowering as `extern "C" fn(ctx, frame) -> u64`: it
    // reads the frame's slots (which lie inside the value stack, which never moves: the
    // recorder checked the frame's size), writes at most CTX_WORDS words to `buf`, calls
    // only `call_op` and `box_float` (which use the VM through `buf[VM_WORD]` while this
    // function does not), and returns the number of an exit of its trace.
    let exit = unsafe { mem.call2(code.offset, buf.as_mut_ptr() as u64, frame) };
    exit as usize
}
