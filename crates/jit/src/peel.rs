//! Loop peeling by copy-substitution (LuaJIT's LOOP optimisation, PyPy's unrolling): the
//! recorded iteration becomes the preamble, and is replayed once through the fold engine
//! as the loop body, with every slot read replaced by the value the slot holds at the end
//! of the previous iteration.
//!
//! What this buys: guards and loads whose inputs do not change between iterations CSE to
//! the preamble (hoisted for free), and values that enter the loop boxed (a `sload` checked
//! by `guard_int` and unboxed) stay unboxed in registers, because in the body the slot's
//! value is the unboxed result of the previous iteration's arithmetic.
//!
//! Every preamble value the body refers to whose body copy differs becomes a loop-carried
//! value: `(header value, body copy)`, assigned by the closing jump. Such a value's
//! definition in the preamble describes only its first value: a guard in the body is dropped
//! as proven by the preamble, and a fold rule looks through a definition (`box(unbox(x))` is
//! `x`), only for values that do not vary; when a first replay did either for a value that
//! turns out to be loop-carried, the body is replayed again with those values opaque.

use crate::fold::{AlwaysFails, Builder};
use crate::ir::{Inst, Op, Ref, Snap, Ty, ITER_POS};

/// Why a trace could not be closed into a loop.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeelError(pub String);

impl From<AlwaysFails> for PeelError {
    fn from(_: AlwaysFails) -> PeelError {
        PeelError("type-unstable loop (a guard of the body always fails)".into())
    }
}

/// Closes the recorded iteration in `b` into a peeled loop. `end` is the slot map when the
/// iteration closed: every slot the trace read or wrote with its current value, and
/// `written`, whether the trace wrote it (a slot only read still holds its value in memory).
pub fn peel(b: &Builder, end: &[(u32, Ref, bool)]) -> Result<Builder, PeelError> {
    let mut keep_guards = std::collections::HashSet::new();
    for _ in 0..3 {
        let (nb, phis) = replay(b, end, &keep_guards)?;
        let reused_on_variant: Vec<Ref> =
            nb.guards_reused_on.iter().chain(&nb.looked_through).copied().filter(|r| phis.iter().any(|(h, _)| h == r)).collect();
        if reused_on_variant.is_empty() {
            return Ok(nb);
        }
        keep_guards.extend(phis.iter().map(|&(h, _)| h));
    }
    Err(PeelError("loop-carried guards did not settle".into()))
}

fn replay(b: &Builder, end: &[(u32, Ref, bool)], keep_guards: &std::collections::HashSet<Ref>) -> Result<(Builder, Vec<(Ref, Ref)>), PeelError> {
    let mut nb = b.clone();
    let n = nb.t.insts.len();
    nb.append(Inst::new(Op::Loop, Ref::NONE, Ref::NONE, 0), None);
    nb.preamble_end = n;
    nb.variant = keep_guards.clone();
    nb.guards_reused_on.clear();
    nb.looked_through.clear();
    let slot_end = |slot: u32| end.iter().find(|e| e.0 == slot).map(|e| e.1);
    // the slots the previous iteration wrote, with their values at the loop header
    let head: Vec<(u32, Ref)> = end.iter().filter(|e| e.2).map(|e| (e.0, e.1)).collect();
    let mut subst: Vec<Ref> = vec![Ref::NONE; n];
    for k in 0..n {
        let inst = nb.t.insts[k];
        match inst.op {
            Op::Sload => {
                subst[k] = slot_end(inst.aux as u32).unwrap_or(Ref(k as u32));
                continue;
            }
            Op::RangeCur | Op::SeqIndex => {
                subst[k] = slot_end(inst.aux as u32 | ITER_POS).unwrap_or(Ref(k as u32));
                continue;
            }
            // the iterator's stop and step do not change
            Op::RangeStop | Op::RangeStep | Op::SeqObj => {
                subst[k] = Ref(k as u32);
                continue;
            }
            _ => {}
        }
        let snap = if inst.snap != u32::MAX {
            let s = &b.t.snaps[inst.snap as usize];
            Some(body_snap(s, &head, &subst))
        } else {
            None
        };
        subst[k] = replay_inst(&mut nb, inst, &subst, snap)?;
    }
    // loop-carried values: preamble values the body refers to whose copy differs
    let mut used = vec![false; n];
    let mark = |r: Ref, used: &mut Vec<bool>| {
        if r.idx() < n {
            used[r.idx()] = true;
        }
    };
    for inst in &nb.t.insts[n + 1..] {
        for r in inst.operands() {
            mark(r, &mut used);
        }
        if inst.snap != u32::MAX {
            for &(_, r) in &nb.t.snaps[inst.snap as usize].slots {
                mark(r, &mut used);
            }
        }
    }
    // the header values of written slots are read by body snapshots through `head`, and by
    // the next iteration
    for &(_, r) in &head {
        mark(r, &mut used);
    }
    let mut phis = Vec::new();
    for x in 0..n {
        if !used[x] || subst[x] == Ref::NONE || subst[x] == Ref(x as u32) {
            continue;
        }
        let hx = Ref(x as u32);
        if matches!(nb.t.insts[x].op, Op::KInt | Op::KFloat | Op::KVal | Op::KBool) {
            continue;
        }
        let ty = nb.t.ty(hx);
        let src = convert_at_jump(&mut nb, subst[x], ty)?;
        if src != hx {
            phis.push((hx, src));
        }
    }
    nb.t.phis = phis.clone();
    nb.t.looping = true;
    Ok((nb, phis))
}

/// A body snapshot: the header values of every slot the loop writes, overlaid with the
/// guard's own (substituted) slots, cut at its stack depth.
fn body_snap(s: &Snap, head: &[(u32, Ref)], subst: &[Ref]) -> Snap {
    let mut slots: Vec<(u32, Ref)> = head.iter().copied().filter(|&(slot, _)| slot & !ITER_POS < s.sp).collect();
    for &(slot, r) in &s.slots {
        let v = sub(subst, r);
        match slots.iter_mut().find(|e| e.0 == slot) {
            Some(e) => e.1 = v,
            None => slots.push((slot, v)),
        }
    }
    slots.sort_by_key(|e| e.0);
    Snap { ip: s.ip, sp: s.sp, slots, frames: s.frames.clone() }
}

fn sub(subst: &[Ref], r: Ref) -> Ref {
    match subst.get(r.idx()) {
        Some(&s) if s != Ref::NONE => s,
        _ => r,
    }
}

/// Re-emits one preamble instruction with substituted operands.
fn replay_inst(nb: &mut Builder, inst: Inst, subst: &[Ref], snap: Option<Snap>) -> Result<Ref, PeelError> {
    let args = inst.op.args();
    let a = if !args.is_empty() { sub(subst, inst.a) } else { inst.a };
    let b = if args.len() > 1 { sub(subst, inst.b) } else { inst.b };
    // a slot that entered boxed may now hold an unboxed value: checks and unboxing of it
    // resolve statically
    if args.first() == Some(&Ty::Val) && !args.is_empty() {
        let at = nb.t.ty(a);
        if at != Ty::Val {
            let kn = nb.known;
            let known_type = match at {
                Ty::Int => kn.int_type,
                Ty::Float => kn.float_type,
                _ => kn.bool_type,
            };
            return match inst.op {
                Op::GuardInt if at == Ty::Int => Ok(Ref::NONE),
                Op::GuardNonNull => Ok(Ref::NONE),
                Op::GuardType if inst.aux == known_type => Ok(Ref::NONE),
                Op::UnboxInt if at == Ty::Int => Ok(a),
                Op::UnboxFloat if at == Ty::Float => Ok(a),
                Op::GuardIs if at == Ty::Bool && (inst.aux == kn.true_ || inst.aux == kn.false_) => {
                    let g = if inst.aux == kn.true_ { Op::GuardTrue } else { Op::GuardFalse };
                    Ok(nb.emit(g, a, Ref::NONE, 0, snap)?)
                }
                Op::GuardInt | Op::GuardType | Op::UnboxInt | Op::UnboxFloat | Op::GuardIs | Op::GuardVer => Err(AlwaysFails.into()),
                _ => {
                    let a2 = convert(nb, a, Ty::Val)?;
                    let b2 = if args.len() > 1 { convert(nb, b, args[1])? } else { b };
                    Ok(nb.emit(inst.op, a2, b2, inst.aux, snap)?)
                }
            };
        }
    }
    let b = if args.len() > 1 { convert(nb, b, args[1])? } else { b };
    Ok(nb.emit(inst.op, a, b, inst.aux, snap)?)
}

/// `r` as a value of type `ty` for the closing jump. `r` may be a loop-carried header value
/// whose current value differs from the one the preamble saw, so the box is a new
/// instruction: neither merged with a preamble box of the same ref nor folded through its
/// definition.
fn convert_at_jump(nb: &mut Builder, r: Ref, ty: Ty) -> Result<Ref, PeelError> {
    let op = match (nb.t.ty(r), ty) {
        (a, b) if a == b => return Ok(r),
        (Ty::Int, Ty::Val) => Op::BoxInt,
        (Ty::Float, Ty::Val) => Op::BoxFloat,
        (Ty::Bool, Ty::Val) => Op::BoxBool,
        (a, b) => return Err(PeelError(format!("loop-carried value changes from {} to {}", a.name(), b.name()))),
    };
    Ok(nb.append(Inst::new(op, r, Ref::NONE, 0), None))
}

/// `r` as a value of type `ty` (boxing an unboxed int; other changes are not supported yet).
fn convert(nb: &mut Builder, r: Ref, ty: Ty) -> Result<Ref, PeelError> {
    let rt = nb.t.ty(r);
    if rt == ty {
        return Ok(r);
    }
    match (rt, ty) {
        (Ty::Int, Ty::Val) => Ok(nb.emit(Op::BoxInt, r, Ref::NONE, 0, None)?),
        (Ty::Float, Ty::Val) => Ok(nb.emit(Op::BoxFloat, r, Ref::NONE, 0, None)?),
        (Ty::Bool, Ty::Val) => Ok(nb.emit(Op::BoxBool, r, Ref::NONE, 0, None)?),
        _ => Err(PeelError(format!("loop-carried value changes from {} to {}", rt.name(), ty.name()))),
    }
}
