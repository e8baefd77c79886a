//! What the AArch64 lowering checks and decides before emitting: the function and its
//! allocation are what the lowering relies on (`validate`), and the `Plan`: guards fused
//! with the instruction before them, constants folded into immediates or stored by exit
//! stubs, loop variables' next values computed in the loop variable's location.

use super::imm::{encode_add_imm, logical_imm};
use super::lower::TARGET;
use super::regs::INT_ARG_REGS;
use crate::lir::{Cc, Class, Func, Inst, IntOp, Operand, OvOp, VReg};
use crate::lower_common::EmitError;
use crate::regalloc::{Allocation, Loc};

pub(super) fn unsupported(what: impl Into<String>) -> EmitError {
    EmitError::Unsupported(what.into())
}

/// Checks what the lowering relies on: every vreg in range with a location of its class,
/// operand classes, Params first, one loop header, Jump/Exit last, exits that exist.
pub(super) fn validate(f: &Func, alloc: &Allocation) -> Result<(), EmitError> {
    if let Some(l) = f.link {
        let fits = |d: i32| (0..32768).contains(&d) && d % 8 == 0;
        if f.ctx.is_none() || !fits(l.frame_disp) || !fits(l.id_disp) {
            return Err(unsupported("a linked function needs ctx, and ctx offsets below 32 KiB".to_string()));
        }
    }
    let n = f.classes.len();
    let check_v = |v: VReg| -> Result<(), EmitError> {
        let k = v.0 as usize;
        if k >= n || k >= alloc.locs.len() {
            return Err(unsupported(format!("{v} out of range")));
        }
        match alloc.locs[k] {
            None => Err(unsupported(format!("{v} has no location"))),
            Some(Loc::Stack(s)) if s >= alloc.spill_slots => Err(unsupported(format!("{v}: spill slot {s} out of range"))),
            Some(Loc::Reg(r)) => {
                let (set, saved) = match f.class(v) {
                    Class::Int => (TARGET.int, &alloc.int_callee_saved_used),
                    Class::Float => (TARGET.float, &alloc.float_callee_saved_used),
                };
                if !set.allocatable.contains(&r) {
                    Err(unsupported(format!("{v}: register {r} is not allocatable")))
                } else if set.callee_saved.contains(&r) && !saved.contains(&r) {
                    Err(unsupported(format!("{v}: callee-saved register {r} missing from the registers to save")))
                } else {
                    Ok(())
                }
            }
            Some(Loc::Stack(_)) => Ok(()),
        }
    };
    let class_is = |v: VReg, c: Class| -> Result<(), EmitError> {
        check_v(v)?;
        if f.class(v) == c {
            Ok(())
        } else {
            Err(unsupported(format!("{v} is not {c:?}")))
        }
    };
    let op_int = |o: Operand| match o {
        Operand::Reg(v) => class_is(v, Class::Int),
        Operand::Imm(_) => Ok(()),
    };
    use Class::{Float as F, Int as I};
    let last = f.insts.len().checked_sub(1).ok_or_else(|| unsupported("empty function"))?;
    let mut params_done = false;
    let mut loops = 0;
    let mut used_exits = vec![false; f.exits.len()];
    for (i, inst) in f.insts.iter().enumerate() {
        if !matches!(inst, Inst::Param { .. }) {
            params_done = true;
        }
        if let Some(e) = inst.exit() {
            let slot = used_exits.get_mut(e.0 as usize).ok_or_else(|| unsupported(format!("exit {} does not exist", e.0)))?;
            *slot = true;
        }
        match inst {
            Inst::Param { dst, index } => {
                if params_done {
                    return Err(unsupported("Param after other instructions"));
                }
                if *index as usize >= INT_ARG_REGS.len() {
                    return Err(unsupported(format!("Param {index}: only register arguments")));
                }
                class_is(*dst, I)?
            }
            Inst::Iconst { dst, .. } => class_is(*dst, I)?,
            Inst::Fconst { dst, .. } => class_is(*dst, F)?,
            Inst::Move { dst, src } => class_is(*dst, f.class(*src)).and(check_v(*src))?,
            Inst::Load { dst, base, .. } | Inst::Load8 { dst, base, .. } => class_is(*dst, I).and(class_is(*base, I))?,
            Inst::Store { base, src, .. } => class_is(*base, I).and(class_is(*src, I))?,
            Inst::LoadF { dst, base, .. } => class_is(*dst, F).and(class_is(*base, I))?,
            Inst::StoreF { base, src, .. } => class_is(*base, I).and(class_is(*src, F))?,
            Inst::Bin { dst, a, b, .. } | Inst::BinOv { dst, a, b, .. } | Inst::SetCc { dst, a, b, .. } => {
                class_is(*dst, I).and(class_is(*a, I)).and(op_int(*b))?
            }
            Inst::Shift { dst, a, .. } => class_is(*dst, I).and(class_is(*a, I))?,
            Inst::FBin { dst, a, b, .. } => class_is(*dst, F).and(class_is(*a, F)).and(class_is(*b, F))?,
            Inst::FSetCc { dst, a, b, .. } => class_is(*dst, I).and(class_is(*a, F)).and(class_is(*b, F))?,
            Inst::IntToFloat { dst, src } => class_is(*dst, F).and(class_is(*src, I))?,
            Inst::Guard { a, b, .. } => class_is(*a, I).and(op_int(*b))?,
            Inst::GuardF { a, b, .. } => class_is(*a, F).and(class_is(*b, F))?,
            Inst::Call { args, ret, .. } => {
                if args.len() > INT_ARG_REGS.len() {
                    return Err(unsupported(format!("Call with {} arguments: only register arguments", args.len())));
                }
                for &a in args {
                    class_is(a, I)?;
                }
                if let Some(r) = ret {
                    class_is(*r, I)?;
                }
            }
            Inst::LoopStart => loops += 1,
            Inst::Jump { moves } => {
                for &(d, s) in moves {
                    class_is(d, f.class(s)).and(check_v(s))?;
                }
                let mut dsts: Vec<VReg> = moves.iter().map(|&(d, _)| d).collect();
                dsts.sort_unstable();
                dsts.dedup();
                if dsts.len() != moves.len() {
                    return Err(unsupported("Jump assigns one vreg twice"));
                }
            }
            Inst::Exit { .. } => {}
        }
        if matches!(inst, Inst::Jump { .. } | Inst::Exit { .. }) != (i == last) {
            return Err(unsupported("the function must end in (exactly one) Jump or Exit"));
        }
    }
    if loops > 1 {
        return Err(unsupported("more than one LoopStart"));
    }
    if matches!(f.insts[last], Inst::Jump { .. }) && loops == 0 {
        return Err(unsupported("Jump without LoopStart"));
    }
    for (e, vals) in f.exits.iter().enumerate() {
        if !used_exits[e] {
            continue;
        }
        for &v in vals {
            check_v(v)?;
        }
        if !vals.is_empty() {
            class_is(f.ctx.ok_or_else(|| unsupported("exits store values but Func::ctx is None"))?, I)?;
        }
    }
    Ok(())
}

/// What the lowering decides before emitting: instructions absorbed by the guard after
/// them, constants folded into immediates or stored by exit stubs, loop variables' next
/// values computed in place.
pub(super) struct Plan {
    /// `fused[i]`: instruction i (`SetCc`, `FSetCc` or `And`) is emitted by the guard at
    /// i+1, the only instruction that reads its result.
    pub(super) fused: Vec<bool>,
    /// The vreg is `Fconst 0.0`, defined once: `fcmp` against it is `fcmp #0.0`.
    pub(super) fzero: Vec<bool>,
    /// ... and no instruction but such compares reads it: its `Fconst` is not emitted.
    pub(super) fzero_only: Vec<bool>,
    /// The vreg is an `Iconst` defined once: where its value fits an instruction's
    /// immediate (`imm_folds`), the instruction takes the immediate instead of the register.
    pub(super) kint: Vec<Option<i64>>,
    /// ... and every instruction reading it takes it so: its `Iconst` is not emitted.
    pub(super) kint_only: Vec<bool>,
    /// The raw bits of an `Iconst`/`Fconst` vreg defined once: exit stubs store them
    /// rather than read a register.
    pub(super) kbits: Vec<Option<u64>>,
    /// Per exit, values its stub knows without reading them: the result of a fused
    /// `SetCc`/`And` is what made the guard fail (the exit is taken by that guard only).
    pub(super) exit_known: Vec<Vec<(VReg, u64)>>,
    /// Exits some instruction takes.
    pub(super) used_exits: Vec<bool>,
    /// `retarget[s] = Some(d)`: s, defined in the loop body and moved to loop variable d by
    /// the closing Jump, lives in d's location from its definition on (nothing else uses
    /// that location until the Jump), so the move disappears (`retargets`).
    pub(super) retarget: Vec<Option<VReg>>,
}

impl Plan {
    pub(super) fn new(f: &Func, alloc: &Allocation) -> Plan {
        let n = f.classes.len();
        // reads by instructions, and occurrences in exits
        let mut inst_uses = vec![0u32; n];
        let mut exit_uses = vec![0u32; n];
        let mut jump_dst = vec![false; n];
        let mut fcmp_b_uses = vec![0u32; n];
        let mut exit_takers = vec![0u32; f.exits.len()];
        let mut defs = vec![0u32; n];
        for inst in &f.insts {
            inst.for_each_use(|v| inst_uses[v.0 as usize] += 1);
            if let Some(d) = inst.def() {
                defs[d.0 as usize] += 1;
            }
            if let Some(e) = inst.exit() {
                exit_takers[e.0 as usize] += 1;
            }
            match inst {
                Inst::Jump { moves } => moves.iter().for_each(|&(d, _)| jump_dst[d.0 as usize] = true),
                Inst::FSetCc { a, b, .. } | Inst::GuardF { a, b, .. } if a != b => fcmp_b_uses[b.0 as usize] += 1,
                _ => {}
            }
        }
        for vals in &f.exits {
            vals.iter().for_each(|v| exit_uses[v.0 as usize] += 1);
        }
        let used_exits: Vec<bool> = exit_takers.iter().map(|&t| t > 0).collect();
        let once = |v: VReg| !jump_dst[v.0 as usize] && defs[v.0 as usize] == 1;
        let mut fzero = vec![false; n];
        let mut kint = vec![None; n];
        let mut kbits = vec![None; n];
        for inst in &f.insts {
            match *inst {
                Inst::Fconst { dst, bits } if once(dst) => {
                    fzero[dst.0 as usize] = bits == 0;
                    kbits[dst.0 as usize] = Some(bits);
                }
                Inst::Iconst { dst, imm } if once(dst) => {
                    kint[dst.0 as usize] = Some(imm);
                    kbits[dst.0 as usize] = Some(imm as u64);
                }
                _ => {}
            }
        }
        let fzero_only: Vec<bool> = (0..n).map(|k| fzero[k] && inst_uses[k] == fcmp_b_uses[k]).collect();
        let mut folded_uses = vec![0u32; n];
        for inst in &f.insts {
            if let Some(Operand::Reg(v)) = second_operand(inst) {
                if kint[v.0 as usize].is_some_and(|k| imm_folds(inst, k)) {
                    folded_uses[v.0 as usize] += 1;
                }
            }
        }
        let kint_only: Vec<bool> = (0..n).map(|k| kint[k].is_some() && inst_uses[k] == folded_uses[k]).collect();
        // guards fused with the instruction before them
        let mut fused = vec![false; f.insts.len()];
        let mut exit_known = vec![vec![]; f.exits.len()];
        for i in 1..f.insts.len() {
            let Inst::Guard { cc: gcc @ (Cc::Eq | Cc::Ne), a: t, b: Operand::Imm(0), exit } = f.insts[i] else { continue };
            let prev = &f.insts[i - 1];
            let k = t.0 as usize;
            if prev.def() != Some(t) || inst_uses[k] != 1 || jump_dst[k] {
                continue;
            }
            // t's value when the guard fails: 0 for `Ne t, 0`; for `Eq t, 0` what t is
            // when it is not 0
            let failing = match (gcc, prev) {
                (Cc::Ne, Inst::SetCc { .. } | Inst::FSetCc { .. } | Inst::Bin { op: IntOp::And, .. }) => Some(0),
                (Cc::Eq, Inst::SetCc { .. } | Inst::FSetCc { .. }) => Some(1),
                (Cc::Eq, Inst::Bin { op: IntOp::And, b, .. }) => {
                    let m = match *b {
                        Operand::Imm(m) => Some(m as i64),
                        Operand::Reg(v) => kint[v.0 as usize],
                    };
                    m.filter(|m| m.count_ones() == 1).map(|m| m as u64)
                }
                (_, Inst::SetCc { .. } | Inst::FSetCc { .. } | Inst::Bin { op: IntOp::And, .. }) => None,
                _ => continue,
            };
            let in_exits = exit_uses[k];
            let in_own_exit = f.exits[exit.0 as usize].iter().filter(|&&v| v == t).count() as u32;
            if in_exits == 0 {
                fused[i - 1] = true;
            } else if let Some(val) = failing.filter(|_| in_own_exit == in_exits && exit_takers[exit.0 as usize] == 1) {
                fused[i - 1] = true;
                exit_known[exit.0 as usize].push((t, val));
            }
        }
        let skipped: Vec<bool> = (0..n).map(|k| fzero_only[k] || kint_only[k]).collect();
        let retarget = retargets(f, alloc, &fused, &skipped);
        Plan { fused, fzero, fzero_only, kint, kint_only, kbits, exit_known, used_exits, retarget }
    }
}

/// The Jump moves `d <- s` whose source can live in d's location from its definition on,
/// so that the move disappears: s is defined in the loop body by an instruction that reads
/// its inputs before writing its result, from there to the Jump no other vreg in d's
/// location is read, written or stored by an exit (a call writes every caller-saved
/// register), and d's location still needed by the defining instruction's own exit is an
/// input of an `Add`/`Sub` `BinOv`, which the exit's pad recomputes from the result (the
/// wrapped sum minus the other input).
fn retargets(f: &Func, alloc: &Allocation, fused: &[bool], skipped: &[bool]) -> Vec<Option<VReg>> {
    let mut out = vec![None; f.classes.len()];
    let (Some(l), Some(Inst::Jump { moves })) = (f.loop_start(), f.insts.last()) else { return out };
    let jump = f.insts.len() - 1;
    let mut def_at = vec![usize::MAX; f.classes.len()];
    for (i, inst) in f.insts.iter().enumerate().skip(l + 1) {
        if let Some(d) = inst.def() {
            def_at[d.0 as usize] = i;
        }
    }
    // where a vreg lives once the retargets so far are made (each moves a vreg out of its
    // own location into its loop variable's; repeated while that frees more)
    let eff = |out: &[Option<VReg>], v: VReg| out[v.0 as usize].map_or(alloc.loc(v), |d| alloc.loc(d));
    loop {
        let mut changed = false;
        for &(d, s) in moves {
            if retarget_ok(f, alloc, &out, &eff, fused, skipped, &def_at, jump, d, s) {
                out[s.0 as usize] = Some(d);
                changed = true;
            }
        }
        if !changed {
            return out;
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn retarget_ok(
    f: &Func,
    alloc: &Allocation,
    out: &[Option<VReg>],
    eff: &dyn Fn(&[Option<VReg>], VReg) -> Loc,
    fused: &[bool],
    skipped: &[bool],
    def_at: &[usize],
    jump: usize,
    d: VReg,
    s: VReg,
) -> bool {
    let k = def_at[s.0 as usize];
    let ld = alloc.loc(d);
    // v is in d's location (s itself excluded: it is the one moving there)
    let in_ld = |v: VReg| v != s && eff(out, v) == ld && f.class(v) == f.class(d);
    if k == usize::MAX || fused[k] || skipped[s.0 as usize] || out[s.0 as usize].is_some() || alloc.loc(s) == ld {
        return false;
    }
    let ok_at_k = match f.insts[k] {
        Inst::Iconst { .. }
        | Inst::Fconst { .. }
        | Inst::Move { .. }
        | Inst::Load { .. }
        | Inst::Load8 { .. }
        | Inst::LoadF { .. }
        | Inst::Bin { .. }
        | Inst::Shift { .. }
        | Inst::SetCc { .. }
        | Inst::FBin { .. }
        | Inst::FSetCc { .. }
        | Inst::IntToFloat { .. } => true,
        Inst::BinOv { op: OvOp::Add | OvOp::Sub, a, b, exit, .. } => {
            // what the overflow exit finds in d's location must be an input the pad can
            // recompute from the result and the other input
            let b = match b {
                Operand::Reg(v) => Some(v),
                Operand::Imm(_) => None,
            };
            let bad = f.exits[exit.0 as usize].iter().any(|&v| in_ld(v) && v != a && Some(v) != b);
            let both = in_ld(a) && b.is_some_and(in_ld) || Some(a) == b;
            !bad && !both && !f.ctx.is_some_and(in_ld)
        }
        _ => false,
    };
    if !ok_at_k {
        return false;
    }
    let survives_calls = match ld {
        Loc::Stack(_) => true,
        Loc::Reg(r) => {
            let set = if f.class(d) == Class::Int { TARGET.int } else { TARGET.float };
            set.callee_saved.contains(&r)
        }
    };
    let mut clash = false;
    for inst in &f.insts[k + 1..=jump] {
        if matches!(inst, Inst::Call { .. }) && !survives_calls {
            return false;
        }
        let mut touch = |v: VReg| clash |= in_ld(v);
        if let Inst::Jump { moves } = inst {
            moves.iter().for_each(|&(_, s2)| touch(s2));
        } else {
            inst.for_each_use(&mut touch);
            inst.def().into_iter().for_each(&mut touch);
            if let Some(e) = inst.exit() {
                f.exits[e.0 as usize].iter().for_each(|&v| touch(v));
                if let Some(c) = f.ctx {
                    touch(c);
                }
            }
        }
    }
    !clash
}

/// `add`/`sub` (or `cmp`/`cmn`) can take `v` as an immediate, with the sign flipped.
pub(super) fn addend_fits(v: i64) -> bool {
    encode_add_imm(v.unsigned_abs()).is_some()
}

/// The second operand of the instructions that can take an immediate there.
pub(super) fn second_operand(inst: &Inst) -> Option<Operand> {
    match *inst {
        Inst::Bin { b, .. } | Inst::BinOv { b, .. } | Inst::SetCc { b, .. } | Inst::Guard { b, .. } => Some(b),
        _ => None,
    }
}

/// Constant `k` as the second operand of `inst` needs no register: an add/sub/cmp
/// immediate (either sign), a bitmask for the logical operations, or zero (`xzr`).
pub(super) fn imm_folds(inst: &Inst, k: i64) -> bool {
    k == 0
        || match inst {
            Inst::Bin { op: IntOp::Add | IntOp::Sub, .. }
            | Inst::BinOv { op: OvOp::Add | OvOp::Sub, .. }
            | Inst::SetCc { .. }
            | Inst::Guard { .. } => addend_fits(k),
            Inst::Bin { op: IntOp::And | IntOp::Or | IntOp::Xor, .. } => logical_imm(k as u64).is_some(),
            _ => false,
        }
}

