//! Register allocation over a linear trace: linear scan (Poletto and Sarkar) with one
//! location per vreg for its whole life, so an exit stub knows where every value is.
//!
//! Intervals: a vreg lives from its definition to its last use, exits included (a guard's
//! exit reads the snapshot's values). A value defined before the loop header and read in the
//! loop lives until the closing `Jump`, except the loop variables (the `Jump`'s move
//! targets): their location is rewritten by the `Jump`, so after their last use in the body
//! the register may hold something else. A value live across a `Call` gets a callee-saved
//! register or a spill slot (calls clobber the rest; and the GC scans callee-saved registers
//! and the native stack conservatively, so this also keeps a trace's pointers visible).
//! A register is reused by an interval starting where the previous one ends (the result
//! takes the register of an input that dies there), except when that instruction's exit
//! still stores the input: a failing guard must see the inputs as they were.

use crate::lir::{Class, Func, Inst, VReg};

/// Where a vreg lives: a hardware register number of its class, or a spill slot of the
/// trace's native frame (8 bytes each).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Loc {
    Reg(u8),
    Stack(u32),
}

/// The registers one class may use, in order of preference, and which survive calls.
#[derive(Clone, Copy, Debug)]
pub struct RegSet {
    pub allocatable: &'static [u8],
    pub callee_saved: &'static [u8],
}

/// What an ISA offers the allocator.
#[derive(Clone, Copy, Debug)]
pub struct Target {
    pub int: RegSet,
    pub float: RegSet,
}

#[derive(Clone, Debug, Default)]
pub struct Allocation {
    /// Location of each vreg (None: never defined or never used).
    pub locs: Vec<Option<Loc>>,
    pub spill_slots: u32,
    /// Callee-saved registers the trace writes, which its prologue must save.
    pub int_callee_saved_used: Vec<u8>,
    pub float_callee_saved_used: Vec<u8>,
    /// Vregs that were given a spill slot.
    pub spilled: u32,
}

impl Allocation {
    pub fn loc(&self, v: VReg) -> Loc {
        self.locs[v.0 as usize].unwrap_or(Loc::Stack(0))
    }
}

#[derive(Clone, Copy, Debug)]
struct Interval {
    vreg: VReg,
    start: usize,
    end: usize,
    crosses_call: bool,
    /// The last use is the exit of the instruction at `end` (or the stores through `ctx`
    /// there): the register must survive that instruction.
    end_in_exit: bool,
}

/// Computes the live interval of every vreg.
fn intervals(f: &Func) -> Vec<Interval> {
    let n = f.classes.len();
    let mut start = vec![usize::MAX; n];
    let mut end = vec![0usize; n];
    let mut loop_var = vec![false; n];
    let hit = |v: VReg, i: usize, start: &mut Vec<usize>, end: &mut Vec<usize>| {
        let k = v.0 as usize;
        start[k] = start[k].min(i);
        end[k] = end[k].max(i);
    };
    let mut jump_at = None;
    for (i, inst) in f.insts.iter().enumerate() {
        if let Some(d) = inst.def() {
            hit(d, i, &mut start, &mut end);
        }
        inst.for_each_use(|u| hit(u, i, &mut start, &mut end));
        if let Some(e) = inst.exit() {
            for &u in &f.exits[e.0 as usize] {
                hit(u, i, &mut start, &mut end);
            }
            // the exit stores through ctx
            if let Some(c) = f.ctx {
                hit(c, i, &mut start, &mut end);
            }
        }
        if let Inst::Jump { moves } = inst {
            jump_at = Some(i);
            for &(d, _) in moves {
                loop_var[d.0 as usize] = true;
            }
        }
    }
    if let (Some(l), Some(j)) = (f.loop_start(), jump_at) {
        for k in 0..n {
            if start[k] < l && end[k] >= l && !loop_var[k] {
                end[k] = j;
            }
            // the Jump rewrites a loop variable's location, so it must not be shared with a
            // value live across the header, even when the body never reads the variable
            if loop_var[k] && start[k] < l {
                end[k] = end[k].max(l);
            }
        }
    }
    let calls: Vec<usize> = f.insts.iter().enumerate().filter(|(_, i)| matches!(i, Inst::Call { .. })).map(|(i, _)| i).collect();
    let mut out: Vec<Interval> = (0..n)
        .filter(|&k| start[k] != usize::MAX)
        .map(|k| Interval {
            vreg: VReg(k as u32),
            start: start[k],
            end: end[k],
            crosses_call: calls.iter().any(|&c| start[k] < c && c < end[k]),
            end_in_exit: false,
        })
        .collect();
    for iv in out.iter_mut() {
        let inst = &f.insts[iv.end];
        iv.end_in_exit = inst.exit().is_some_and(|e| f.exits[e.0 as usize].contains(&iv.vreg) || f.ctx == Some(iv.vreg));
    }
    out.sort_by_key(|iv| (iv.start, iv.vreg));
    out
}

/// Allocates every vreg of `f` for `target`.
pub fn allocate(f: &Func, target: &Target) -> Allocation {
    let ivs = intervals(f);
    let mut alloc = Allocation { locs: vec![None; f.classes.len()], ..Default::default() };
    // move hints: a Jump source prefers its loop variable's register
    let mut hint: Vec<Option<VReg>> = vec![None; f.classes.len()];
    for inst in &f.insts {
        if let Inst::Jump { moves } = inst {
            for &(d, s) in moves {
                hint[s.0 as usize] = Some(d);
            }
        }
    }
    for class in [Class::Int, Class::Float] {
        let set = if class == Class::Int { &target.int } else { &target.float };
        // active: (end, vreg, reg); `kept_at_end` lists those whose register must outlive
        // their last instruction (an exit there reads them)
        let mut active: Vec<(usize, VReg, u8)> = Vec::new();
        let kept_at_end: std::collections::HashSet<VReg> = ivs.iter().filter(|iv| iv.end_in_exit).map(|iv| iv.vreg).collect();
        let mut used_callee: Vec<u8> = Vec::new();
        for iv in ivs.iter().filter(|iv| f.class(iv.vreg) == class) {
            // a value whose last use is this instruction gives its register to the result
            // (the lowering handles a result sharing an input's location), unless the
            // instruction's exit still stores it
            active.retain(|&(end, v, _)| end > iv.start || (end == iv.start && kept_at_end.contains(&v)));
            let busy = |r: u8, active: &Vec<(usize, VReg, u8)>| active.iter().any(|&(_, _, a)| a == r);
            let ok = |r: u8| !iv.crosses_call || set.callee_saved.contains(&r);
            let hinted = hint[iv.vreg.0 as usize]
                .and_then(|h| match alloc.locs[h.0 as usize] {
                    Some(Loc::Reg(r)) => Some(r),
                    _ => None,
                })
                .filter(|&r| ok(r) && !busy(r, &active));
            // caller-saved registers first for values that need not survive a call
            let free = hinted.or_else(|| {
                let caller = set.allocatable.iter().copied().filter(|r| !set.callee_saved.contains(r));
                let callee = set.allocatable.iter().copied().filter(|r| set.callee_saved.contains(r));
                if iv.crosses_call {
                    callee.into_iter().find(|&r| !busy(r, &active))
                } else {
                    caller.chain(callee).find(|&r| !busy(r, &active))
                }
            });
            let reg = match free {
                Some(r) => Some(r),
                None => {
                    // spill whichever of the active intervals (that could give up a suitable
                    // register) or this one ends last
                    let victim = active
                        .iter()
                        .enumerate()
                        .filter(|(_, &(_, _, r))| ok(r))
                        .max_by_key(|(_, &(end, _, _))| end)
                        .map(|(k, &a)| (k, a));
                    match victim {
                        Some((k, (vend, vv, r))) if vend > iv.end => {
                            alloc.locs[vv.0 as usize] = Some(Loc::Stack(alloc.spill_slots));
                            alloc.spill_slots += 1;
                            alloc.spilled += 1;
                            active.remove(k);
                            Some(r)
                        }
                        _ => None,
                    }
                }
            };
            match reg {
                Some(r) => {
                    alloc.locs[iv.vreg.0 as usize] = Some(Loc::Reg(r));
                    active.push((iv.end, iv.vreg, r));
                    if set.callee_saved.contains(&r) && !used_callee.contains(&r) {
                        used_callee.push(r);
                    }
                }
                None => {
                    alloc.locs[iv.vreg.0 as usize] = Some(Loc::Stack(alloc.spill_slots));
                    alloc.spill_slots += 1;
                    alloc.spilled += 1;
                }
            }
        }
        used_callee.sort_unstable();
        if class == Class::Int {
            alloc.int_callee_saved_used = used_callee;
        } else {
            alloc.float_callee_saved_used = used_callee;
        }
    }
    alloc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lir::{Cc, IntOp, Operand, OvOp};

    const T: Target = Target {
        int: RegSet { allocatable: &[0, 1, 2, 3], callee_saved: &[2, 3] },
        float: RegSet { allocatable: &[0, 1], callee_saved: &[] },
    };

    /// A counting loop: i = 0; loop { guard i < n; i = i + 1 }.
    fn counting_loop() -> (Func, [VReg; 4]) {
        let mut f = Func::new();
        let ctx = f.vreg(Class::Int);
        let n = f.vreg(Class::Int);
        let i = f.vreg(Class::Int);
        let i2 = f.vreg(Class::Int);
        f.ctx = Some(ctx);
        f.push(Inst::Param { dst: ctx, index: 0 });
        f.push(Inst::Param { dst: n, index: 1 });
        f.push(Inst::Iconst { dst: i, imm: 0 });
        f.push(Inst::LoopStart);
        let e = f.exit(vec![i]);
        f.push(Inst::Guard { cc: Cc::Lt, a: i, b: Operand::Reg(n), exit: e });
        let e2 = f.exit(vec![i]);
        f.push(Inst::BinOv { op: OvOp::Add, dst: i2, a: i, b: Operand::Imm(1), exit: e2 });
        f.push(Inst::Jump { moves: vec![(i, i2)] });
        (f, [ctx, n, i, i2])
    }

    #[test]
    fn loop_invariants_live_to_the_jump_and_sources_take_the_loop_var_register() {
        let (f, [ctx, n, i, i2]) = counting_loop();
        let ivs = intervals(&f);
        let get = |v: VReg| ivs.iter().find(|iv| iv.vreg == v).copied().unwrap();
        assert_eq!(get(n).end, 6, "n is read in the loop: live to the jump");
        assert_eq!(get(ctx).end, 6);
        assert_eq!(get(i).end, 5, "i is a loop variable: live to its last use");
        let a = allocate(&f, &T);
        // i2 starts at 5 where i ends at 5: no reuse at the same index, so i2 cannot
        // take i's register (the overflow exit reads i)
        assert_ne!(a.loc(i2), a.loc(i));
        let regs: Vec<Loc> = [ctx, n, i].iter().map(|&v| a.loc(v)).collect();
        assert!(regs.iter().all(|l| matches!(l, Loc::Reg(_))));
        assert_eq!(a.spilled, 0);
    }

    #[test]
    fn hint_reuses_loop_var_register_after_its_last_use() {
        let mut f = Func::new();
        let i = f.vreg(Class::Int);
        let t = f.vreg(Class::Int);
        let i2 = f.vreg(Class::Int);
        f.push(Inst::Iconst { dst: i, imm: 0 });
        f.push(Inst::LoopStart);
        f.push(Inst::Bin { op: IntOp::Add, dst: t, a: i, b: Operand::Imm(1) });
        f.push(Inst::Bin { op: IntOp::Add, dst: i2, a: t, b: Operand::Imm(1) });
        f.push(Inst::Jump { moves: vec![(i, i2)] });
        let a = allocate(&f, &T);
        assert_eq!(a.loc(i2), a.loc(i));
    }

    #[test]
    fn loop_variable_unread_in_the_body_keeps_its_register_from_invariants() {
        // x = 0; n = 5; loop { t = n + 1; jump x <- t }: x is never read, but the Jump
        // writes its location, so n (live around the loop) must not share it
        let mut f = Func::new();
        let x = f.vreg(Class::Int);
        let n = f.vreg(Class::Int);
        let t = f.vreg(Class::Int);
        f.push(Inst::Iconst { dst: x, imm: 0 });
        f.push(Inst::Iconst { dst: n, imm: 5 });
        f.push(Inst::LoopStart);
        f.push(Inst::Bin { op: IntOp::Add, dst: t, a: n, b: Operand::Imm(1) });
        f.push(Inst::Jump { moves: vec![(x, t)] });
        let a = allocate(&f, &T);
        assert_ne!(a.loc(x), a.loc(n));
    }

    #[test]
    fn a_loop_variable_the_body_never_reads_keeps_its_register_from_invariants() {
        // x is a loop variable only the Jump writes; n is defined after x's definition
        // and read in the loop. If n took x's register, the Jump would overwrite n.
        let mut f = Func::new();
        let x = f.vreg(Class::Int);
        let n = f.vreg(Class::Int);
        let y = f.vreg(Class::Int);
        let t = f.vreg(Class::Int);
        f.push(Inst::Iconst { dst: x, imm: 0 });
        f.push(Inst::Iconst { dst: n, imm: 5 });
        f.push(Inst::Iconst { dst: y, imm: 0 });
        f.push(Inst::LoopStart);
        f.push(Inst::Bin { op: IntOp::Add, dst: t, a: y, b: Operand::Reg(n) });
        f.push(Inst::Jump { moves: vec![(x, t), (y, t)] });
        let a = allocate(&f, &T);
        assert_ne!(a.loc(x), a.loc(n), "the Jump's write to x would clobber the invariant n");
        assert_ne!(a.loc(x), a.loc(y));
    }

    #[test]
    fn values_across_calls_use_callee_saved_or_spill() {
        let mut f = Func::new();
        let vs: Vec<VReg> = (0..4).map(|_| f.vreg(Class::Int)).collect();
        let fl = f.vreg(Class::Float);
        for (k, &v) in vs.iter().enumerate() {
            f.push(Inst::Iconst { dst: v, imm: k as i64 });
        }
        f.push(Inst::Fconst { dst: fl, bits: 0 });
        f.push(Inst::Call { target: 0, args: vec![], ret: None });
        let s = f.vreg(Class::Int);
        f.push(Inst::Bin { op: IntOp::Add, dst: s, a: vs[0], b: Operand::Reg(vs[1]) });
        let s2 = f.vreg(Class::Int);
        f.push(Inst::Bin { op: IntOp::Add, dst: s2, a: vs[2], b: Operand::Reg(vs[3]) });
        let fl2 = f.vreg(Class::Float);
        f.push(Inst::FBin { op: crate::lir::FOp::Add, dst: fl2, a: fl, b: fl });
        let a = allocate(&f, &T);
        for &v in &vs {
            match a.loc(v) {
                Loc::Reg(r) => assert!(T.int.callee_saved.contains(&r), "{v} in caller-saved r{r}"),
                Loc::Stack(_) => {}
            }
        }
        assert_eq!(a.spilled, 3, "4 ints over 2 callee-saved registers, and the float");
        assert!(matches!(a.loc(fl), Loc::Stack(_)), "no callee-saved float registers");
        assert_eq!(a.int_callee_saved_used, vec![2, 3]);
    }

    #[test]
    fn spills_the_interval_ending_last() {
        let mut f = Func::new();
        let vs: Vec<VReg> = (0..6).map(|_| f.vreg(Class::Int)).collect();
        for &v in &vs {
            f.push(Inst::Iconst { dst: v, imm: 1 });
        }
        // use them in order, so vs[0] ends first
        let mut acc = vs[0];
        for &v in &vs[1..] {
            let d = f.vreg(Class::Int);
            f.push(Inst::Bin { op: IntOp::Add, dst: d, a: acc, b: Operand::Reg(v) });
            acc = d;
        }
        let a = allocate(&f, &T);
        assert!(a.spilled >= 2);
        // no two simultaneously live vregs share a register (a result may take the
        // register of an input whose last use is its instruction)
        let ivs = intervals(&f);
        for x in &ivs {
            for y in &ivs {
                if x.vreg != y.vreg && (x.start == y.start || (x.start < y.end && y.start < x.end)) {
                    if let (Loc::Reg(r1), Loc::Reg(r2)) = (a.loc(x.vreg), a.loc(y.vreg)) {
                        assert_ne!(r1, r2, "{} and {} overlap", x.vreg, y.vreg);
                    }
                }
            }
        }
    }
}
