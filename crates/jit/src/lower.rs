//! Lowering the trace IR to the backend's LIR (pyjit-codegen), where Python meets machine
//! words:
//!
//! - an Int lives in a register *doubled* (`2*i`, the tagged word without its tag bit), so
//!   `add`/`sub` with the machine's signed-overflow flag check exactly the small-int range,
//!   comparisons need no conversion, unboxing is `xor 1` and boxing `or 1`;
//! - a Val is the raw tagged word; a Float a double register; a Bool 0 or 1;
//! - the trace function is `fn(ctx, frame) -> exit number`: `frame` points at the frame's
//!   first value-stack slot (`sload n` is a load from `frame + 8n`), `ctx` at the exit
//!   buffer the exit stubs fill with the snapshot's values.

use pyjit_codegen::lir::{Cc, Class, FCc, FOp, Func, Inst as L, IntOp, Operand, OvOp, ShiftOp, VReg};

use crate::entry;
use crate::ir::{Op, Ref, Trace, Ty, ITER_POS};

/// Where to find what the lowering needs to know of object layouts.
#[derive(Clone, Copy, Debug)]
pub struct Layout {
    /// Offset of a float object's double.
    pub float_value: i32,
    /// Offset of a dict object's version word.
    pub dict_version: i32,
    /// Offsets of the item pointer and length words of lists and tuples.
    pub seq: pyjit_vm::heap::layout::SeqLayout,
    /// Offset of a cell object's value word.
    pub cell_value: i32,
    /// Offsets of a function object's code word and defaults word.
    pub func_code: i32,
    pub func_defaults: i32,
    /// Offsets in instances and types (None: the recorder does not inline attributes).
    pub inst: Option<pyjit_vm::heap::layout::InstanceLayout>,
    /// The addresses of True and False.
    pub true_: i64,
    pub false_: i64,
}

/// One exit as deoptimisation reads it: resume at `ip` with stack depth `sp`, writing the
/// exit buffer's k-th word to `slots[k].0`, boxed as `slots[k].1` says.
#[derive(Clone, Debug, PartialEq)]
pub struct ExitMap {
    pub ip: u32,
    pub sp: u32,
    pub slots: Vec<(u32, Ty)>,
    /// The exit of a `call` that raised: the interpreter resumes raising the pending
    /// exception at instruction `ip` instead of running it.
    pub raise: bool,
    /// Frames of inlined calls to rebuild (see `ir::Snap::frames`).
    pub frames: Vec<crate::ir::SnapFrame>,
    /// The exit after a `call_loop` whose inner loop did not end normally: the frame
    /// already holds the state (written by the call), nothing is restored.
    pub in_place: bool,
    /// The end of a trace with a tail: the state is in the frame and the range positions in
    /// the entry inputs; the engine links it to the loop's entry before the code runs.
    pub tail: bool,
}

impl ExitMap {
    fn of(s: &crate::ir::Snap, t: &Trace, raise: bool) -> ExitMap {
        ExitMap { ip: s.ip, sp: s.sp, slots: s.slots.iter().map(|&(slot, r)| (slot, t.ty(r))).collect(), raise, frames: s.frames.clone(), in_place: false, tail: false }
    }
}

pub struct Lowered {
    pub func: Func,
    pub exits: Vec<ExitMap>,
    /// Entry inputs the engine puts in the first words of the buffer before entering:
    /// `(range_cur | range_stop | range_step, slot)`, each as a doubled int.
    pub inputs: Vec<(Op, u32)>,
    /// The states `call_loop`s write to the frame before running their loop (the exit
    /// buffer's first words hold the values, as at an exit).
    pub flushes: Vec<ExitMap>,
}

/// Leaves through `e` unless `v` is a heap object (not NULL, not a small int) whose class
/// word (offset 0) is `ty`.
fn guard_class(f: &mut Func, v: VReg, ty: i64, e: pyjit_codegen::lir::ExitId) {
    f.push(L::Guard { cc: Cc::Ne, a: v, b: Operand::Imm(0), exit: e });
    let t1 = f.vreg(Class::Int);
    f.push(L::Bin { op: IntOp::And, dst: t1, a: v, b: Operand::Imm(1) });
    f.push(L::Guard { cc: Cc::Eq, a: t1, b: Operand::Imm(0), exit: e });
    let cls = f.vreg(Class::Int);
    f.push(L::Load { dst: cls, base: v, disp: 0 });
    let want = f.vreg(Class::Int);
    f.push(L::Iconst { dst: want, imm: ty });
    f.push(L::Guard { cc: Cc::Eq, a: cls, b: Operand::Reg(want), exit: e });
}

/// Lowers trace `t`, whose id (in the engine's registry) is `id`; `inputs` are the entry
/// inputs it must share (a bridge's are its loop's: it reads them, and updates the loop's
/// range positions before it enters the loop again). A trace with a tail (a bridge, or a
/// loop that calls inner loops) ends by writing its state to the frame, boxed, and its
/// range positions to the inputs, then leaving through its last exit, which the engine
/// links to the loop's entry.
/// `dst` = True or False for the Bool `b`: False + b * (True - False).
fn box_bool(f: &mut Func, layout: Layout, b: VReg, dst: VReg) {
    let d = f.vreg(Class::Int);
    f.push(L::Iconst { dst: d, imm: layout.true_.wrapping_sub(layout.false_) });
    let t1 = f.vreg(Class::Int);
    f.push(L::Bin { op: IntOp::Mul, dst: t1, a: b, b: Operand::Reg(d) });
    let f0 = f.vreg(Class::Int);
    f.push(L::Iconst { dst: f0, imm: layout.false_ });
    f.push(L::Bin { op: IntOp::Add, dst, a: t1, b: Operand::Reg(f0) });
}

/// `dst` = a new float object for the double `x` (a call of `entry::box_float`).
fn box_float(f: &mut Func, ctx: VReg, x: VReg, dst: VReg) {
    f.push(L::StoreF { base: ctx, disp: 8 * entry::ARGS_AT as i32, src: x });
    f.push(L::Call { target: entry::box_float as *const () as usize as u64, args: vec![ctx], ret: Some(dst) });
}

/// One more loop iteration in `ctx[ITER_WORD]` (the engine judges traces by it).
fn count_iteration(f: &mut Func, ctx: VReg) {
    let n = f.vreg(Class::Int);
    f.push(L::Load { dst: n, base: ctx, disp: 8 * entry::ITER_WORD as i32 });
    let n1 = f.vreg(Class::Int);
    f.push(L::Bin { op: IntOp::Add, dst: n1, a: n, b: Operand::Imm(1) });
    f.push(L::Store { base: ctx, disp: 8 * entry::ITER_WORD as i32, src: n1 });
}

/// A flush: the values of snapshot `s` into the exit buffer, as an exit stub stores them,
/// for a helper to write to the frame (`call_loop`, `call_framed`).
fn flush(f: &mut Func, t: &Trace, v: &[VReg], s: &crate::ir::Snap, ctx: VReg) {
    for (w, &(_, r)) in s.slots.iter().enumerate() {
        let disp = 8 * w as i32;
        if t.ty(r) == Ty::Float {
            f.push(L::StoreF { base: ctx, disp, src: v[r.idx()] });
        } else {
            f.push(L::Store { base: ctx, disp, src: v[r.idx()] });
        }
    }
}

pub fn lower(t: &Trace, layout: Layout, id: u32, inputs: &[(Op, u32)]) -> Result<Lowered, String> {
    let mut f = Func::new();
    let ctx = f.vreg(Class::Int);
    let frame = f.vreg(Class::Int);
    f.ctx = Some(ctx);
    f.push(L::Param { dst: ctx, index: 0 });
    f.push(L::Param { dst: frame, index: 1 });
    let mut exits = Vec::new();
    let mut flushes = Vec::new();
    let mut inputs: Vec<(Op, u32)> = inputs.to_vec();
    let v: Vec<VReg> = t.insts.iter().map(|i| f.vreg(if i.op.ty() == Ty::Float { Class::Float } else { Class::Int })).collect();
    // entry inputs first: the exit buffer that holds them is overwritten by flushes
    for (k, i) in t.insts.iter().enumerate() {
        if matches!(i.op, Op::RangeCur | Op::RangeStop | Op::RangeStep | Op::SeqObj | Op::SeqIndex) {
            let at = match inputs.iter().position(|&x| x == (i.op, i.aux as u32)) {
                Some(at) => at,
                None => {
                    inputs.push((i.op, i.aux as u32));
                    inputs.len() - 1
                }
            };
            if inputs.len() > entry::MAX_INPUTS {
                return Err("too many entry inputs".into());
            }
            f.push(L::Load { dst: v[k], base: ctx, disp: 8 * (entry::INPUTS_AT + at) as i32 });
        }
        // a bridge's values from its parent's exit, before anything overwrites the buffer
        match i.op {
            Op::ExitVal | Op::ExitInt | Op::ExitBool => f.push(L::Load { dst: v[k], base: ctx, disp: 8 * i.aux as i32 }),
            Op::ExitFloat => f.push(L::LoadF { dst: v[k], base: ctx, disp: 8 * i.aux as i32 }),
            _ => {}
        }
    }
    for (k, i) in t.insts.iter().enumerate() {
        let dst = v[k];
        let a = || v[i.a.idx()];
        let b = || v[i.b.idx()];
        // the exit of a guard
        let mut exit = |f: &mut Func| {
            let s = &t.snaps[i.snap as usize];
            let vals: Vec<VReg> = s.slots.iter().map(|&(_, r)| v[r.idx()]).collect();
            exits.push(ExitMap::of(s, t, matches!(i.op, Op::Call | Op::CallFramed)));
            f.exit(vals)
        };
        match i.op {
            Op::Sload => f.push(L::Load { dst, base: frame, disp: 8 * i.aux as i32 }),
            Op::RangeCur | Op::RangeStop | Op::RangeStep | Op::SeqObj | Op::SeqIndex => {}
            Op::ExitVal | Op::ExitInt | Op::ExitFloat | Op::ExitBool => {}
            Op::KVal => f.push(L::Iconst { dst, imm: i.aux }),
            Op::KInt => f.push(L::Iconst { dst, imm: i.aux.wrapping_mul(2) }),
            Op::KBool => f.push(L::Iconst { dst, imm: i.aux }),
            Op::KFloat => f.push(L::Fconst { dst, bits: i.aux as u64 }),
            Op::GuardNonNull => {
                let e = exit(&mut f);
                f.push(L::Guard { cc: Cc::Ne, a: a(), b: Operand::Imm(0), exit: e });
            }
            Op::GuardInt => {
                let e = exit(&mut f);
                let t1 = f.vreg(Class::Int);
                f.push(L::Bin { op: IntOp::And, dst: t1, a: a(), b: Operand::Imm(1) });
                f.push(L::Guard { cc: Cc::Ne, a: t1, b: Operand::Imm(0), exit: e });
            }
            Op::GuardType | Op::GuardClass => {
                let e = exit(&mut f);
                guard_class(&mut f, a(), i.aux, e);
            }
            Op::GuardIs => {
                let e = exit(&mut f);
                let want = f.vreg(Class::Int);
                f.push(L::Iconst { dst: want, imm: i.aux });
                f.push(L::Guard { cc: Cc::Eq, a: a(), b: Operand::Reg(want), exit: e });
            }
            Op::GuardTypeVer | Op::GuardMap | Op::GuardSlotLen => {
                let il = layout.inst.expect("instance layout measured");
                let e = exit(&mut f);
                let off = match i.op {
                    Op::GuardTypeVer => il.type_version,
                    Op::GuardMap => il.map,
                    _ => il.slots_len,
                };
                let w = f.vreg(Class::Int);
                f.push(L::Load { dst: w, base: a(), disp: off as i32 });
                let want = f.vreg(Class::Int);
                f.push(L::Iconst { dst: want, imm: i.aux });
                let cc = if i.op == Op::GuardSlotLen { Cc::Above } else { Cc::Eq };
                f.push(L::Guard { cc, a: w, b: Operand::Reg(want), exit: e });
            }
            Op::SlotGet | Op::SlotSet => {
                let il = layout.inst.expect("instance layout measured");
                let p = f.vreg(Class::Int);
                f.push(L::Load { dst: p, base: a(), disp: il.slots_ptr as i32 });
                if i.op == Op::SlotGet {
                    f.push(L::Load { dst, base: p, disp: 8 * i.aux as i32 });
                } else {
                    f.push(L::Store { base: p, disp: 8 * i.aux as i32, src: b() });
                }
            }
            Op::GuardUnshadowed => {
                let e = exit(&mut f);
                let name = f.vreg(Class::Int);
                f.push(L::Iconst { dst: name, imm: i.aux });
                let ok = f.vreg(Class::Int);
                f.push(L::Call { target: entry::unshadowed as *const () as usize as u64, args: vec![ctx, a(), name], ret: Some(ok) });
                f.push(L::Guard { cc: Cc::Ne, a: ok, b: Operand::Imm(0), exit: e });
            }
            Op::GenEnter => {
                let e = exit(&mut f);
                let w = f.vreg(Class::Int);
                f.push(L::Iconst { dst: w, imm: i.aux });
                f.push(L::Call { target: entry::gen_enter as *const () as usize as u64, args: vec![ctx, a(), b(), w], ret: Some(dst) });
                f.push(L::Guard { cc: Cc::Ne, a: dst, b: Operand::Imm(0), exit: e });
            }
            Op::GenLoad => f.push(L::Load { dst, base: a(), disp: 8 * i.aux as i32 }),
            Op::GenStore => f.push(L::Store { base: a(), disp: 8 * i.aux as i32, src: b() }),
            Op::GenResize => {
                let w = f.vreg(Class::Int);
                f.push(L::Iconst { dst: w, imm: i.aux });
                f.push(L::Call { target: entry::gen_resize as *const () as usize as u64, args: vec![ctx, a(), w], ret: Some(dst) });
            }
            Op::GenLeave => f.push(L::Call { target: entry::gen_leave as *const () as usize as u64, args: vec![ctx, a()], ret: None }),
            Op::GenFinish => f.push(L::Call { target: entry::gen_finish as *const () as usize as u64, args: vec![ctx, a()], ret: None }),
            Op::ListPush => {
                let e = exit(&mut f);
                let ok = f.vreg(Class::Int);
                f.push(L::Call { target: entry::list_push as *const () as usize as u64, args: vec![a(), b()], ret: Some(ok) });
                f.push(L::Guard { cc: Cc::Ne, a: ok, b: Operand::Imm(0), exit: e });
            }
            Op::SlotAdd => {
                let e = exit(&mut f);
                let m = f.vreg(Class::Int);
                f.push(L::Iconst { dst: m, imm: i.aux });
                let ok = f.vreg(Class::Int);
                f.push(L::Call { target: entry::slot_add as *const () as usize as u64, args: vec![a(), b(), m], ret: Some(ok) });
                f.push(L::Guard { cc: Cc::Ne, a: ok, b: Operand::Imm(0), exit: e });
            }
            Op::CellGet => f.push(L::Load { dst, base: a(), disp: layout.cell_value }),
            Op::CellSet => f.push(L::Store { base: a(), disp: layout.cell_value, src: b() }),
            Op::GuardCode => {
                let e = exit(&mut f);
                let c = f.vreg(Class::Int);
                f.push(L::Load { dst: c, base: a(), disp: if i.aux == 1 { layout.func_defaults } else { layout.func_code } });
                f.push(L::Guard { cc: Cc::Eq, a: c, b: Operand::Reg(b()), exit: e });
            }
            Op::GuardNoSignal => {
                let e = exit(&mut f);
                let at = f.vreg(Class::Int);
                f.push(L::Iconst { dst: at, imm: i.aux });
                let flag = f.vreg(Class::Int);
                f.push(L::Load8 { dst: flag, base: at, disp: 0 });
                f.push(L::Guard { cc: Cc::Eq, a: flag, b: Operand::Imm(0), exit: e });
            }
            Op::GuardNotIs => {
                let e = exit(&mut f);
                let want = f.vreg(Class::Int);
                f.push(L::Iconst { dst: want, imm: i.aux });
                f.push(L::Guard { cc: Cc::Ne, a: a(), b: Operand::Reg(want), exit: e });
            }
            Op::BoxBool => box_bool(&mut f, layout, a(), dst),
            Op::BoxFloat => box_float(&mut f, ctx, a(), dst),
            Op::Arg1 | Op::Arg => {}
            Op::Call | Op::CallFramed => {
                let mut args = Vec::new();
                let mut r = i.a;
                loop {
                    let ai = t.inst(r);
                    match ai.op {
                        Op::Arg => {
                            args.push(v[ai.b.idx()]);
                            r = ai.a;
                        }
                        _ => {
                            args.push(v[ai.a.idx()]);
                            break;
                        }
                    }
                }
                args.reverse();
                for (k, &r) in args.iter().enumerate() {
                    f.push(L::Store { base: ctx, disp: 8 * (entry::ARGS_AT + k) as i32, src: r });
                }
                f.push(L::Store { base: ctx, disp: 8 * entry::CODE_WORD as i32, src: b() });
                let word = f.vreg(Class::Int);
                f.push(L::Iconst { dst: word, imm: i.aux });
                let argc = f.vreg(Class::Int);
                f.push(L::Iconst { dst: argc, imm: args.len() as i64 });
                if i.op == Op::CallFramed {
                    // flush: the snapshot's values into the exit buffer (see CallLoop)
                    let s = &t.snaps[i.snap as usize];
                    flush(&mut f, t, &v, s, ctx);
                    flushes.push(ExitMap::of(s, t, false));
                    let which = f.vreg(Class::Int);
                    f.push(L::Iconst { dst: which, imm: ((flushes.len() as u64 - 1) | (id as u64) << 32) as i64 });
                    f.push(L::Call { target: entry::call_framed as *const () as usize as u64, args: vec![ctx, word, argc, which], ret: Some(dst) });
                } else {
                    f.push(L::Call { target: entry::call_op as *const () as usize as u64, args: vec![ctx, word, argc], ret: Some(dst) });
                }
                let e = exit(&mut f);
                f.push(L::Guard { cc: Cc::Ne, a: dst, b: Operand::Imm(0), exit: e });
            }
            Op::CallLoop => {
                // flush: the snapshot's values into the exit buffer, which the call writes
                // to the frame before it runs the inner loop
                let s = &t.snaps[i.snap as usize];
                flush(&mut f, t, &v, s, ctx);
                flushes.push(ExitMap::of(s, t, false));
                let ptr = f.vreg(Class::Int);
                f.push(L::Iconst { dst: ptr, imm: i.aux });
                let word = f.vreg(Class::Int);
                let left = t.inst(i.a).aux as u64 & ((1 << 48) - 1);
                f.push(L::Iconst { dst: word, imm: ((flushes.len() as u64 - 1) | left << 16) as i64 });
                let status = f.vreg(Class::Int);
                let me = f.vreg(Class::Int);
                f.push(L::Iconst { dst: me, imm: id as i64 });
                f.push(L::Call { target: entry::call_loop as *const () as usize as u64, args: vec![ctx, ptr, word, me], ret: Some(status) });
                exits.push(ExitMap { ip: s.ip, sp: s.sp, slots: Vec::new(), raise: false, frames: Vec::new(), in_place: true, tail: false });
                let e = f.exit(Vec::new());
                f.push(L::Guard { cc: Cc::Eq, a: status, b: Operand::Imm(0), exit: e });
            }
            Op::Ret2 => f.push(L::Load { dst, base: ctx, disp: 8 * entry::RET2_WORD as i32 }),
            Op::GuardVer => {
                let e = exit(&mut f);
                let ver = f.vreg(Class::Int);
                f.push(L::Load { dst: ver, base: a(), disp: layout.dict_version });
                let want = f.vreg(Class::Int);
                f.push(L::Iconst { dst: want, imm: i.aux });
                f.push(L::Guard { cc: Cc::Eq, a: ver, b: Operand::Reg(want), exit: e });
            }
            Op::GuardTrue | Op::GuardFalse => {
                let e = exit(&mut f);
                let cc = if i.op == Op::GuardTrue { Cc::Ne } else { Cc::Eq };
                f.push(L::Guard { cc, a: a(), b: Operand::Imm(0), exit: e });
            }
            Op::UnboxInt => f.push(L::Bin { op: IntOp::Xor, dst, a: a(), b: Operand::Imm(1) }),
            Op::BoxInt => f.push(L::Bin { op: IntOp::Or, dst, a: a(), b: Operand::Imm(1) }),
            Op::UnboxFloat => f.push(L::LoadF { dst, base: a(), disp: layout.float_value }),
            Op::IntToFloat => {
                let t1 = f.vreg(Class::Int);
                f.push(L::Shift { op: ShiftOp::Sar, dst: t1, a: a(), amount: 1 });
                f.push(L::IntToFloat { dst, src: t1 });
            }
            Op::IntAdd | Op::IntSub => {
                let e = exit(&mut f);
                let op = if i.op == Op::IntAdd { OvOp::Add } else { OvOp::Sub };
                f.push(L::BinOv { op, dst, a: a(), b: Operand::Reg(b()), exit: e });
            }
            Op::IntMul => {
                // (2a) * b = 2ab: halve one side
                let e = exit(&mut f);
                let t1 = f.vreg(Class::Int);
                f.push(L::Shift { op: ShiftOp::Sar, dst: t1, a: b(), amount: 1 });
                f.push(L::BinOv { op: OvOp::Mul, dst, a: a(), b: Operand::Reg(t1), exit: e });
            }
            Op::IntSar => {
                // (2x >> k) with the tag bit cleared is 2 * (x >> k)
                let t1 = f.vreg(Class::Int);
                f.push(L::Shift { op: ShiftOp::Sar, dst: t1, a: a(), amount: i.aux.clamp(0, 63) as u8 });
                f.push(L::Bin { op: IntOp::And, dst, a: t1, b: Operand::Imm(-2) });
            }
            Op::IntAnd | Op::IntOr | Op::IntXor => {
                let op = match i.op {
                    Op::IntAnd => IntOp::And,
                    Op::IntOr => IntOp::Or,
                    _ => IntOp::Xor,
                };
                f.push(L::Bin { op, dst, a: a(), b: Operand::Reg(b()) });
            }
            Op::IntLt | Op::IntLe | Op::IntEq | Op::IntNe | Op::IntGt | Op::IntGe => {
                let cc = match i.op {
                    Op::IntLt => Cc::Lt,
                    Op::IntLe => Cc::Le,
                    Op::IntEq => Cc::Eq,
                    Op::IntNe => Cc::Ne,
                    Op::IntGt => Cc::Gt,
                    _ => Cc::Ge,
                };
                f.push(L::SetCc { cc, dst, a: a(), b: Operand::Reg(b()) });
            }
            Op::ListLen | Op::TupleLen => {
                let off = if i.op == Op::ListLen { layout.seq.list_len } else { layout.seq.tuple_len };
                let n = f.vreg(Class::Int);
                f.push(L::Load { dst: n, base: a(), disp: off as i32 });
                f.push(L::Shift { op: ShiftOp::Shl, dst, a: n, amount: 1 });
            }
            Op::ListGet | Op::TupleGet => {
                // the doubled index times 4 is the byte offset of the item
                let off = if i.op == Op::ListGet { layout.seq.list_ptr } else { layout.seq.tuple_ptr };
                let items = f.vreg(Class::Int);
                f.push(L::Load { dst: items, base: a(), disp: off as i32 });
                let byte = f.vreg(Class::Int);
                f.push(L::Shift { op: ShiftOp::Shl, dst: byte, a: b(), amount: 2 });
                let at = f.vreg(Class::Int);
                f.push(L::Bin { op: IntOp::Add, dst: at, a: items, b: Operand::Reg(byte) });
                f.push(L::Load { dst, base: at, disp: 0 });
            }
            Op::ListSet => {
                let pair = t.inst(i.a);
                let (list, value) = (v[t.inst(pair.a).a.idx()], v[pair.b.idx()]);
                let items = f.vreg(Class::Int);
                f.push(L::Load { dst: items, base: list, disp: layout.seq.list_ptr as i32 });
                let byte = f.vreg(Class::Int);
                f.push(L::Shift { op: ShiftOp::Shl, dst: byte, a: b(), amount: 2 });
                let at = f.vreg(Class::Int);
                f.push(L::Bin { op: IntOp::Add, dst: at, a: items, b: Operand::Reg(byte) });
                f.push(L::Store { base: at, disp: 0, src: value });
            }
            Op::Is => f.push(L::SetCc { cc: Cc::Eq, dst, a: a(), b: Operand::Reg(b()) }),
            Op::BoolNot => f.push(L::Bin { op: IntOp::Xor, dst, a: a(), b: Operand::Imm(1) }),
            Op::FloatAdd | Op::FloatSub | Op::FloatMul => {
                let op = match i.op {
                    Op::FloatAdd => FOp::Add,
                    Op::FloatSub => FOp::Sub,
                    _ => FOp::Mul,
                };
                f.push(L::FBin { op, dst, a: a(), b: b() });
            }
            Op::FloatDiv => {
                let e = exit(&mut f);
                let z = f.vreg(Class::Float);
                f.push(L::Fconst { dst: z, bits: 0 });
                f.push(L::GuardF { cc: FCc::Ne, a: b(), b: z, exit: e });
                f.push(L::FBin { op: FOp::Div, dst, a: a(), b: b() });
            }
            Op::FloatPow | Op::FloatFn => {
                let e = exit(&mut f);
                f.push(L::StoreF { base: ctx, disp: 8 * entry::ARGS_AT as i32, src: a() });
                let target = if i.op == Op::FloatPow {
                    f.push(L::StoreF { base: ctx, disp: 8 * (entry::ARGS_AT + 1) as i32, src: b() });
                    entry::float_pow as *const () as usize as u64
                } else {
                    entry::FLOAT_FN_HELPERS[i.aux as usize] as *const () as usize as u64
                };
                let ok = f.vreg(Class::Int);
                f.push(L::Call { target, args: vec![ctx], ret: Some(ok) });
                f.push(L::Guard { cc: Cc::Ne, a: ok, b: Operand::Imm(0), exit: e });
                f.push(L::LoadF { dst, base: ctx, disp: 8 * entry::ARGS_AT as i32 });
            }
            Op::FloatLt | Op::FloatLe | Op::FloatEq | Op::FloatNe | Op::FloatGt | Op::FloatGe => {
                let cc = match i.op {
                    Op::FloatLt => FCc::Lt,
                    Op::FloatLe => FCc::Le,
                    Op::FloatEq => FCc::Eq,
                    Op::FloatNe => FCc::Ne,
                    Op::FloatGt => FCc::Gt,
                    _ => FCc::Ge,
                };
                f.push(L::FSetCc { cc, dst, a: a(), b: b() });
            }
            Op::Loop => {
                f.push(L::LoopStart);
                count_iteration(&mut f, ctx);
            }
        }
        let _ = k;
    }
    if t.looping {
        let moves = t.phis.iter().map(|&(h, e): &(Ref, Ref)| (v[h.idx()], v[e.idx()])).collect();
        f.push(L::Jump { moves });
    } else if let Some(s) = &t.tail {
        // the loop's state, boxed, into the frame; range positions into the inputs
        for &(slot, r) in &s.slots {
            let x = v[r.idx()];
            if slot & ITER_POS == 0 && slot & (crate::ir::INIT_SELF | crate::ir::FRAME_FUNC) != 0 {
                return Err("tail inside an inlined call".into());
            }
            if slot & ITER_POS != 0 {
                let slot = slot & !ITER_POS;
                let at = inputs.iter().position(|&(op, s2)| s2 == slot && matches!(op, Op::RangeCur | Op::SeqIndex)).ok_or("tail: an iterator that is not an entry input")?;
                f.push(L::Store { base: ctx, disp: 8 * (entry::INPUTS_AT + at) as i32, src: x });
                continue;
            }
            let boxed = match t.ty(r) {
                Ty::Val => x,
                Ty::Int => {
                    let b = f.vreg(Class::Int);
                    f.push(L::Bin { op: IntOp::Or, dst: b, a: x, b: Operand::Imm(1) });
                    b
                }
                Ty::Bool => {
                    let b = f.vreg(Class::Int);
                    box_bool(&mut f, layout, x, b);
                    b
                }
                Ty::Float => {
                    let b = f.vreg(Class::Int);
                    box_float(&mut f, ctx, x, b);
                    b
                }
                ty => return Err(format!("tail: a {} value in a slot", ty.name())),
            };
            f.push(L::Store { base: frame, disp: 8 * slot as i32, src: boxed });
        }
        // one more iteration of the loop
        count_iteration(&mut f, ctx);
        let mut m = ExitMap::of(s, t, false);
        m.slots.clear();
        m.tail = true;
        exits.push(m);
        let e = f.exit(Vec::new());
        f.push(L::Exit { exit: e });
    }
    Ok(Lowered { func: f, exits, inputs, flushes })
}
