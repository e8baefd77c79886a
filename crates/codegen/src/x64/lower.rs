//! x86-64 lowering: a LIR trace function with its register allocation becomes machine code
//! (prologue, one inline sequence per instruction, parallel moves, exit stubs, one epilogue).
//!
//! Frame: on entry the callee-saved registers the allocation uses are pushed, then RSP drops
//! by the spill area (rounded so that RSP is 16-byte aligned whenever the trace calls out);
//! spill slot k is `[rsp + 8k]`. R11 and R10 (`SCRATCH_GPR`, `SCRATCH_GPR2`) and XMM15
//! (`SCRATCH_FPR`) are never allocated: operands reloaded from slots, constants, parked
//! values of parallel moves and call targets go through them. Flags never live from one LIR
//! instruction to the next, so any sequence may clobber them.
//!
//! Exits: each exit that some instruction leaves through has a stub after the body, which
//! stores the exit's values at `[ctx + 8k]`, puts the exit number in RAX and jumps to the
//! shared epilogue. `exit_branches[e]` is the offset of the one `jcc`/`jmp` that goes to the
//! stub; when several branches leave through the same exit (two guards sharing it, or a
//! float `==` guard, which needs `jne` and `jp`), they all go to a `jmp` at the head of the
//! stub that jumps to the next instruction, and that `jmp` is the exit branch. An exit no
//! instruction uses has no stub and `u32::MAX` as its branch.

use super::encode::{Alu, Asm, Cond, Mem, Scale, Shift};
use super::regs::*;
use crate::buffer::Label;
use crate::lir::{Cc, Class, ExitId, FCc, FOp, Func, Inst, IntOp, Operand, OvOp, ShiftOp, VReg};
use crate::lower_common::{EmitError, EmitStats, Emitted};
use crate::parmove;
use crate::regalloc::{Allocation, Loc, RegSet, Target};

const fn gpr_numbers<const N: usize>(regs: [Reg; N]) -> [u8; N] {
    let mut out = [0u8; N];
    let mut i = 0;
    while i < N {
        out[i] = regs[i].hw();
        i += 1;
    }
    out
}

const fn fpr_numbers<const N: usize>(regs: [FReg; N]) -> [u8; N] {
    let mut out = [0u8; N];
    let mut i = 0;
    while i < N {
        out[i] = regs[i].hw();
        i += 1;
    }
    out
}

const INT_ALLOCATABLE: [u8; ALLOCATABLE_GPRS.len()] = gpr_numbers(ALLOCATABLE_GPRS);
const INT_CALLEE_SAVED: [u8; CALLEE_SAVED_GPRS.len()] = gpr_numbers(CALLEE_SAVED_GPRS);
const FLOAT_ALLOCATABLE: [u8; ALLOCATABLE_FPRS.len()] = fpr_numbers(ALLOCATABLE_FPRS);

/// The registers this ISA offers the allocator (from regs.rs: ALLOCATABLE_*, callee-saved sets).
/// No xmm register survives a call in the System V ABI: floats live across calls are spilled.
pub const TARGET: Target = Target {
    int: RegSet { allocatable: &INT_ALLOCATABLE, callee_saved: &INT_CALLEE_SAVED },
    float: RegSet { allocatable: &FLOAT_ALLOCATABLE, callee_saved: &[] },
};

/// Emits `f` with the locations `alloc` chose (computed with TARGET).
pub fn emit(f: &Func, alloc: &Allocation) -> Result<Emitted, EmitError> {
    check(f, alloc)?;
    let mut a = Asm::new();
    let stubs = f.exits.iter().map(|_| a.new_label()).collect();
    let loop_label = a.new_label();
    let epilogue = a.new_label();
    let mut exit_refs = vec![0u32; f.exits.len()];
    for inst in &f.insts {
        match inst {
            Inst::GuardF { cc: FCc::Eq, exit, .. } => exit_refs[exit.0 as usize] += 2,
            i => {
                if let Some(e) = i.exit() {
                    exit_refs[e.0 as usize] += 1
                }
            }
        }
    }
    let mut used = vec![false; f.classes.len()];
    for inst in &f.insts {
        inst.for_each_use(|v| used[v.0 as usize] = true);
    }
    for v in f.exits.iter().flatten() {
        used[v.0 as usize] = true;
    }
    // exit stubs store through ctx
    if let Some(c) = f.ctx.filter(|_| f.exits.iter().any(|e| !e.is_empty())) {
        used[c.0 as usize] = true;
    }
    let mut l = Lower {
        f,
        alloc,
        a,
        stats: EmitStats::default(),
        stubs,
        exit_branches: vec![u32::MAX; f.exits.len()],
        exit_refs,
        used,
        loop_label,
        epilogue,
        saved: alloc.int_callee_saved_used.iter().map(|&r| Reg::from_hw(r)).collect(),
        frame: 0,
    };
    l.prologue()?;
    let params = f.insts.iter().take_while(|i| matches!(i, Inst::Param { .. })).count();
    l.params(&f.insts[..params])?;
    for inst in &f.insts[params..] {
        l.inst(inst)?;
    }
    l.stubs_and_epilogue();
    let Lower { a, mut stats, exit_branches, .. } = l;
    let code = a.finish().map_err(|_| EmitError::OutOfRange)?;
    stats.bytes = code.len() as u32;
    Ok(Emitted { code, exit_branches, stats })
}

/// Rejects what the lowering cannot emit: operands of the wrong class, parameters that are
/// not the leading instructions, a function that does not end in `Jump`/`Exit`, a `Jump`
/// without `LoopStart`, more arguments than registers.
fn check(f: &Func, alloc: &Allocation) -> Result<(), EmitError> {
    let bad = |m: String| Err(EmitError::Unsupported(m));
    if alloc.locs.len() < f.classes.len() {
        return bad("allocation does not cover every vreg".into());
    }
    if !alloc.float_callee_saved_used.is_empty() {
        return bad("x86-64 has no callee-saved xmm registers".into());
    }
    if f.link.is_some() && f.ctx.is_none() {
        return bad("a linked function needs ctx".into());
    }
    if !matches!(f.insts.last(), Some(Inst::Jump { .. } | Inst::Exit { .. })) {
        return bad("function does not end in Jump or Exit".into());
    }
    if f.insts.iter().filter(|i| matches!(i, Inst::LoopStart)).count() > 1 {
        return bad("more than one LoopStart".into());
    }
    let params = f.insts.iter().take_while(|i| matches!(i, Inst::Param { .. })).count();
    if f.insts[params..].iter().any(|i| matches!(i, Inst::Param { .. })) {
        return bad("Param after the entry".into());
    }
    if 8 * u64::from(alloc.spill_slots) > i32::MAX as u64 / 2 {
        return bad("too many spill slots".into());
    }
    let is = |v: VReg, c: Class| f.class(v) == c;
    let opnd = |o: Operand| match o {
        Operand::Reg(v) => is(v, Class::Int),
        Operand::Imm(_) => true,
    };
    use Class::{Float as F, Int as I};
    for (n, inst) in f.insts.iter().enumerate() {
        let ok = match inst {
            Inst::Param { dst, index } => is(*dst, I) && (*index as usize) < INT_ARGS.len(),
            Inst::Iconst { dst, .. } => is(*dst, I),
            Inst::Fconst { dst, .. } => is(*dst, F),
            Inst::Move { dst, src } => f.class(*dst) == f.class(*src),
            Inst::Load { dst, base, .. } | Inst::Load8 { dst, base, .. } => is(*dst, I) && is(*base, I),
            Inst::Store { base, src, .. } => is(*base, I) && is(*src, I),
            Inst::LoadF { dst, base, .. } => is(*dst, F) && is(*base, I),
            Inst::StoreF { base, src, .. } => is(*base, I) && is(*src, F),
            Inst::Bin { dst, a, b, .. } | Inst::BinOv { dst, a, b, .. } | Inst::SetCc { dst, a, b, .. } => {
                is(*dst, I) && is(*a, I) && opnd(*b)
            }
            Inst::Guard { a, b, .. } => is(*a, I) && opnd(*b),
            Inst::Shift { dst, a, amount, .. } => is(*dst, I) && is(*a, I) && *amount < 64,
            Inst::FBin { dst, a, b, .. } => is(*dst, F) && is(*a, F) && is(*b, F),
            Inst::FSetCc { dst, a, b, .. } => is(*dst, I) && is(*a, F) && is(*b, F),
            Inst::GuardF { a, b, .. } => is(*a, F) && is(*b, F),
            Inst::IntToFloat { dst, src } => is(*dst, F) && is(*src, I),
            Inst::Call { args, ret, .. } => {
                args.len() <= INT_ARGS.len() && args.iter().all(|&v| is(v, I)) && ret.is_none_or(|r| is(r, I))
            }
            Inst::LoopStart => true,
            Inst::Jump { moves } => f.loop_start().is_some() && moves.iter().all(|&(d, s)| f.class(d) == f.class(s)),
            Inst::Exit { .. } => true,
        };
        if !ok {
            return bad(format!("instruction {n} ({inst:?}): operand classes, count or range not supported"));
        }
    }
    if f.exits.iter().any(|e| !e.is_empty()) && !f.ctx.is_some_and(|c| is(c, I)) {
        return bad("exit values without an integer ctx vreg".into());
    }
    Ok(())
}

/// An integer source operand: a register, a spill slot, or an immediate.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Src {
    R(Reg),
    M(Mem),
    I(i32),
}

/// A float source operand: a register or a spill slot.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum XSrc {
    X(FReg),
    M(Mem),
}

/// The two-operand integer operations (`Bin` and `BinOv`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Op2 {
    Alu(Alu),
    Mul,
}

impl Op2 {
    fn commutative(self) -> bool {
        !matches!(self, Op2::Alu(Alu::Sub))
    }
}

fn slot(k: u32) -> Mem {
    Mem::at(RSP, 8 * k as i32)
}

fn cond(cc: Cc) -> Cond {
    match cc {
        Cc::Eq => Cond::E,
        Cc::Ne => Cond::NE,
        Cc::Lt => Cond::L,
        Cc::Le => Cond::LE,
        Cc::Gt => Cond::G,
        Cc::Ge => Cond::GE,
        Cc::Below => Cond::B,
        Cc::BelowEq => Cond::BE,
        Cc::Above => Cond::A,
        Cc::AboveEq => Cond::AE,
    }
}

struct Lower<'a> {
    f: &'a Func,
    alloc: &'a Allocation,
    a: Asm,
    stats: EmitStats,
    /// Per exit, the label of its stub.
    stubs: Vec<Label>,
    /// Per exit, how many branches go to its stub.
    exit_refs: Vec<u32>,
    exit_branches: Vec<u32>,
    /// Per vreg, whether anything reads it (unread pure results are not computed).
    used: Vec<bool>,
    loop_label: Label,
    epilogue: Label,
    /// Callee-saved registers pushed by the prologue, in push order.
    saved: Vec<Reg>,
    /// Bytes RSP drops below the pushed registers.
    frame: i32,
}

impl Lower<'_> {
    /// The assembler, counting one instruction.
    fn ins(&mut self) -> &mut Asm {
        self.stats.insns += 1;
        &mut self.a
    }

    fn loc(&self, v: VReg) -> Loc {
        self.alloc.loc(v)
    }

    /// The integer operand `v`.
    fn isrc(&self, v: VReg) -> Src {
        match self.loc(v) {
            Loc::Reg(r) => Src::R(Reg::from_hw(r)),
            Loc::Stack(k) => Src::M(slot(k)),
        }
    }

    fn src(&self, o: Operand) -> Src {
        match o {
            Operand::Reg(v) => self.isrc(v),
            Operand::Imm(i) => Src::I(i),
        }
    }

    fn fsrc(&self, v: VReg) -> XSrc {
        match self.loc(v) {
            Loc::Reg(r) => XSrc::X(FReg::from_hw(r)),
            Loc::Stack(k) => XSrc::M(slot(k)),
        }
    }

    /// The register to compute `v` in: its own, or the scratch register when it is spilled.
    fn int_target(&self, v: VReg) -> Reg {
        match self.loc(v) {
            Loc::Reg(r) => Reg::from_hw(r),
            Loc::Stack(_) => SCRATCH_GPR,
        }
    }

    fn float_target(&self, v: VReg) -> FReg {
        match self.loc(v) {
            Loc::Reg(r) => FReg::from_hw(r),
            Loc::Stack(_) => SCRATCH_FPR,
        }
    }

    /// `v` in a register: its own, or `scratch` reloaded from its slot.
    fn int_reg(&mut self, v: VReg, scratch: Reg) -> Reg {
        match self.isrc(v) {
            Src::R(r) => r,
            s => {
                self.load(scratch, s);
                scratch
            }
        }
    }

    fn float_reg(&mut self, v: VReg, scratch: FReg) -> FReg {
        match self.fsrc(v) {
            XSrc::X(x) => x,
            s => {
                self.fload(scratch, s);
                scratch
            }
        }
    }

    /// `d = s` (nothing when `s` is `d`). Constants zero with `xor`: only between flag uses.
    fn load(&mut self, d: Reg, s: Src) {
        match s {
            Src::R(r) if r == d => {}
            Src::R(r) => self.ins().mov_rr(d, r),
            Src::M(m) => {
                self.stats.reloads += 1;
                self.ins().mov_rm(d, m)
            }
            Src::I(0) => self.ins().zero_r(d),
            Src::I(i) => self.ins().mov_ri(d, i as i64),
        }
    }

    fn fload(&mut self, d: FReg, s: XSrc) {
        match s {
            XSrc::X(x) if x == d => {}
            XSrc::X(x) => self.ins().movapd_xx(d, x),
            XSrc::M(m) => {
                self.stats.reloads += 1;
                self.ins().movsd_xm(d, m)
            }
        }
    }

    /// Writes register `r` to `v`'s location (nothing when it is there). Never touches flags.
    fn def_int(&mut self, v: VReg, r: Reg) {
        match self.loc(v) {
            Loc::Reg(d) if d == r.hw() => {}
            Loc::Reg(d) => self.ins().mov_rr(Reg::from_hw(d), r),
            Loc::Stack(k) => {
                self.stats.spills += 1;
                self.ins().mov_mr(slot(k), r)
            }
        }
    }

    fn def_float(&mut self, v: VReg, x: FReg) {
        match self.loc(v) {
            Loc::Reg(d) if d == x.hw() => {}
            Loc::Reg(d) => self.ins().movapd_xx(FReg::from_hw(d), x),
            Loc::Stack(k) => {
                self.stats.spills += 1;
                self.ins().movsd_mx(slot(k), x)
            }
        }
    }

    /// One move of a parallel assignment; stack-to-stack goes through `SCRATCH_GPR2` (as
    /// raw bits for floats), since `SCRATCH_GPR` may hold a parked value.
    fn mov_loc(&mut self, class: Class, d: Loc, s: Loc) {
        match (class, d, s) {
            _ if d == s => {}
            (_, Loc::Stack(dk), Loc::Stack(sk)) => {
                self.stats.reloads += 1;
                self.ins().mov_rm(SCRATCH_GPR2, slot(sk));
                self.stats.spills += 1;
                self.ins().mov_mr(slot(dk), SCRATCH_GPR2);
            }
            (Class::Int, Loc::Reg(d), Loc::Reg(s)) => self.ins().mov_rr(Reg::from_hw(d), Reg::from_hw(s)),
            (Class::Int, Loc::Reg(d), Loc::Stack(k)) => self.load(Reg::from_hw(d), Src::M(slot(k))),
            (Class::Int, Loc::Stack(k), Loc::Reg(s)) => {
                self.stats.spills += 1;
                self.ins().mov_mr(slot(k), Reg::from_hw(s))
            }
            (Class::Float, Loc::Reg(d), s) => {
                let s = match s {
                    Loc::Reg(r) => XSrc::X(FReg::from_hw(r)),
                    Loc::Stack(k) => XSrc::M(slot(k)),
                };
                self.fload(FReg::from_hw(d), s)
            }
            (Class::Float, Loc::Stack(k), Loc::Reg(s)) => {
                self.stats.spills += 1;
                self.ins().movsd_mx(slot(k), FReg::from_hw(s))
            }
        }
    }

    /// Performs `moves` (destination, source) of one class as one parallel assignment.
    fn parallel(&mut self, class: Class, moves: &[(Loc, Loc)]) {
        let scratch = match class {
            Class::Int => Loc::Reg(SCRATCH_GPR.hw()),
            Class::Float => Loc::Reg(SCRATCH_FPR.hw()),
        };
        for (d, s) in parmove::sequence(moves, scratch) {
            self.mov_loc(class, d, s);
        }
    }

    /// `op d, s` on an integer register.
    fn op2(&mut self, op: Op2, d: Reg, s: Src) {
        match (op, s) {
            (Op2::Alu(op), Src::R(r)) => self.ins().alu_rr(op, d, r),
            (Op2::Alu(op), Src::I(i)) => self.ins().alu_ri(op, d, i),
            (Op2::Mul, Src::R(r)) => self.ins().imul_rr(d, r),
            (Op2::Mul, Src::I(i)) => self.ins().imul_rri(d, d, i),
            (op, Src::M(m)) => {
                self.stats.reloads += 1;
                match op {
                    Op2::Alu(op) => self.ins().alu_rm(op, d, m),
                    Op2::Mul => self.ins().imul_rm(d, m),
                }
            }
        }
    }

    fn fop(&mut self, op: FOp, d: FReg, s: XSrc) {
        let a = &mut self.a;
        self.stats.insns += 1;
        match s {
            XSrc::X(x) => match op {
                FOp::Add => a.addsd_xx(d, x),
                FOp::Sub => a.subsd_xx(d, x),
                FOp::Mul => a.mulsd_xx(d, x),
                FOp::Div => a.divsd_xx(d, x),
            },
            XSrc::M(m) => {
                self.stats.reloads += 1;
                match op {
                    FOp::Add => a.addsd_xm(d, m),
                    FOp::Sub => a.subsd_xm(d, m),
                    FOp::Mul => a.mulsd_xm(d, m),
                    FOp::Div => a.divsd_xm(d, m),
                }
            }
        }
    }

    /// A conditional branch to exit `e`'s stub.
    fn exit_jcc(&mut self, c: Cond, e: ExitId) {
        let stub = self.stubs[e.0 as usize];
        let at = self.ins().jcc_to_label(c, stub);
        if self.exit_refs[e.0 as usize] == 1 {
            self.exit_branches[e.0 as usize] = at;
        }
    }

    fn prologue(&mut self) -> Result<(), EmitError> {
        for r in self.saved.clone() {
            self.ins().push_r(r);
        }
        let has_call = self.f.insts.iter().any(|i| matches!(i, Inst::Call { .. }));
        let mut frame = 8 * self.alloc.spill_slots as i32;
        // RSP is 8 mod 16 on entry (the return address); keep it 16-aligned for calls
        if frame > 0 || has_call {
            let total = 8 + 8 * self.saved.len() as i32 + frame;
            frame += total % 16;
        }
        self.frame = frame;
        if frame > 0 {
            self.ins().sub_ri(RSP, frame);
        }
        Ok(())
    }

    /// The entry's parameters: one parallel move from the argument registers.
    fn params(&mut self, params: &[Inst]) -> Result<(), EmitError> {
        let mut moves = vec![];
        for p in params {
            if let Inst::Param { dst, index } = *p {
                if self.used[dst.0 as usize] {
                    moves.push((self.loc(dst), Loc::Reg(INT_ARGS[index as usize].hw())));
                }
            }
        }
        self.parallel(Class::Int, &moves);
        Ok(())
    }

    fn inst(&mut self, inst: &Inst) -> Result<(), EmitError> {
        // a pure result nothing reads is not computed
        if let Some(d) = inst.def() {
            let pure = !matches!(inst, Inst::BinOv { .. } | Inst::Call { .. });
            if pure && !self.used[d.0 as usize] {
                return Ok(());
            }
        }
        match *inst {
            Inst::Param { .. } => unreachable!("check() rejects Param after the entry"),
            Inst::Iconst { dst, imm } => match self.loc(dst) {
                Loc::Reg(r) => self.load_imm64(Reg::from_hw(r), imm),
                Loc::Stack(k) => self.store_imm64(slot(k), imm),
            },
            Inst::Fconst { dst, bits } => match self.loc(dst) {
                Loc::Reg(r) if bits == 0 => {
                    let x = FReg::from_hw(r);
                    self.ins().xorpd_xx(x, x)
                }
                Loc::Reg(r) => {
                    self.load_imm64(SCRATCH_GPR, bits as i64);
                    self.ins().movq_xr(FReg::from_hw(r), SCRATCH_GPR)
                }
                Loc::Stack(k) => self.store_imm64(slot(k), bits as i64),
            },
            Inst::Move { dst, src } => {
                let (d, s) = (self.loc(dst), self.loc(src));
                self.mov_loc(self.f.class(dst), d, s)
            }
            Inst::Load { dst, base, disp } => {
                let b = self.int_reg(base, SCRATCH_GPR);
                let t = self.int_target(dst);
                self.ins().mov_rm(t, Mem::at(b, disp));
                self.def_int(dst, t);
            }
            Inst::Load8 { dst, base, disp } => {
                let b = self.int_reg(base, SCRATCH_GPR);
                let t = self.int_target(dst);
                self.ins().movzx8_rm(t, Mem::at(b, disp));
                self.def_int(dst, t);
            }
            Inst::LoadF { dst, base, disp } => {
                let b = self.int_reg(base, SCRATCH_GPR);
                match self.loc(dst) {
                    Loc::Reg(x) => self.ins().movsd_xm(FReg::from_hw(x), Mem::at(b, disp)),
                    Loc::Stack(k) => {
                        // the bits through a general register
                        self.ins().mov_rm(SCRATCH_GPR, Mem::at(b, disp));
                        self.stats.spills += 1;
                        self.ins().mov_mr(slot(k), SCRATCH_GPR);
                    }
                }
            }
            Inst::Store { base, disp, src } => {
                let b = self.int_reg(base, SCRATCH_GPR);
                let s = self.int_reg(src, SCRATCH_GPR2);
                self.ins().mov_mr(Mem::at(b, disp), s);
            }
            Inst::StoreF { base, disp, src } => {
                let b = self.int_reg(base, SCRATCH_GPR);
                match self.loc(src) {
                    Loc::Reg(x) => self.ins().movsd_mx(Mem::at(b, disp), FReg::from_hw(x)),
                    Loc::Stack(_) => {
                        let s = self.int_reg(src, SCRATCH_GPR2);
                        self.ins().mov_mr(Mem::at(b, disp), s);
                    }
                }
            }
            Inst::Bin { op, dst, a, b } => {
                let op = match op {
                    IntOp::Add => Op2::Alu(Alu::Add),
                    IntOp::Sub => Op2::Alu(Alu::Sub),
                    IntOp::Mul => Op2::Mul,
                    IntOp::And => Op2::Alu(Alu::And),
                    IntOp::Or => Op2::Alu(Alu::Or),
                    IntOp::Xor => Op2::Alu(Alu::Xor),
                };
                self.bin(op, dst, a, b, None)
            }
            Inst::BinOv { op, dst, a, b, exit } => {
                let op = match op {
                    OvOp::Add => Op2::Alu(Alu::Add),
                    OvOp::Sub => Op2::Alu(Alu::Sub),
                    OvOp::Mul => Op2::Mul,
                };
                self.bin(op, dst, a, b, Some(exit))
            }
            Inst::Shift { op, dst, a, amount } => self.shift(op, dst, a, amount),
            Inst::SetCc { cc, dst, a, b } => {
                let t = self.int_target(dst);
                // zeroing first (off the dependency chain) unless the compare reads t
                let reads_t = self.loc(a) == Loc::Reg(t.hw())
                    || matches!(b, Operand::Reg(v) if self.loc(v) == Loc::Reg(t.hw()))
                    || (t == SCRATCH_GPR && matches!((self.isrc(a), self.src(b)), (Src::M(_), Src::M(_))));
                if !reads_t {
                    self.ins().zero_r(t);
                }
                self.cmp(a, b);
                self.ins().setcc(cond(cc), t);
                if reads_t {
                    self.ins().movzx8_rr(t, t);
                }
                self.def_int(dst, t);
            }
            Inst::Guard { cc, a, b, exit } => {
                self.cmp(a, b);
                self.exit_jcc(cond(cc.invert()), exit);
            }
            Inst::FBin { op, dst, a, b } => self.fbin(op, dst, a, b),
            Inst::FSetCc { cc, dst, a, b } => {
                let t = self.int_target(dst);
                self.ins().zero_r(t);
                match cc {
                    FCc::Gt | FCc::Ge | FCc::Lt | FCc::Le => {
                        let c = self.ordered_compare(cc, a, b);
                        self.ins().setcc(c, t);
                    }
                    FCc::Eq => {
                        // t = !PF, then 0 unless ZF
                        self.ins().zero_r(SCRATCH_GPR2);
                        self.ucomisd(a, b);
                        self.ins().setcc(Cond::NP, t);
                        self.ins().cmovcc(Cond::NE, t, SCRATCH_GPR2);
                    }
                    FCc::Ne => {
                        // t = !ZF, then 1 if PF
                        self.ins().mov_ri(SCRATCH_GPR2, 1);
                        self.ucomisd(a, b);
                        self.ins().setcc(Cond::NE, t);
                        self.ins().cmovcc(Cond::P, t, SCRATCH_GPR2);
                    }
                }
                self.def_int(dst, t);
            }
            Inst::GuardF { cc, a, b, exit } => match cc {
                FCc::Gt | FCc::Ge | FCc::Lt | FCc::Le => {
                    let c = self.ordered_compare(cc, a, b);
                    self.exit_jcc(c.invert(), exit);
                }
                FCc::Eq => {
                    self.ucomisd(a, b);
                    self.exit_jcc(Cond::NE, exit);
                    self.exit_jcc(Cond::P, exit);
                }
                FCc::Ne => {
                    // unordered is "not equal": continue
                    let cont = self.a.new_label();
                    self.ucomisd(a, b);
                    self.ins().jcc_to_label(Cond::P, cont);
                    self.exit_jcc(Cond::E, exit);
                    self.a.bind(cont);
                }
            },
            Inst::IntToFloat { dst, src } => {
                let t = self.float_target(dst);
                self.ins().xorpd_xx(t, t);
                match self.isrc(src) {
                    Src::R(r) => self.ins().cvtsi2sd_xr(t, r),
                    Src::M(m) => {
                        self.stats.reloads += 1;
                        self.ins().cvtsi2sd_xm(t, m)
                    }
                    Src::I(_) => unreachable!("a vreg is never an immediate"),
                }
                self.def_float(dst, t);
            }
            Inst::Call { target, ref args, ret } => {
                let moves: Vec<(Loc, Loc)> =
                    args.iter().enumerate().map(|(k, &v)| (Loc::Reg(INT_ARGS[k].hw()), self.loc(v))).collect();
                self.parallel(Class::Int, &moves);
                self.ins().mov_ri(SCRATCH_GPR, target as i64);
                self.ins().call_r(SCRATCH_GPR);
                self.stats.helper_calls += 1;
                if let Some(r) = ret {
                    if self.used[r.0 as usize] {
                        self.def_int(r, RAX);
                    }
                }
            }
            Inst::LoopStart => {
                let pad = (16 - self.a.offset() % 16) % 16;
                self.stats.insns += pad.div_ceil(9);
                self.a.align(16);
                self.a.bind(self.loop_label);
            }
            Inst::Jump { ref moves } => {
                for class in [Class::Int, Class::Float] {
                    let ms: Vec<(Loc, Loc)> = moves
                        .iter()
                        .filter(|&&(d, _)| self.f.class(d) == class)
                        .map(|&(d, s)| (self.loc(d), self.loc(s)))
                        .collect();
                    let dsts: Vec<Loc> = ms.iter().map(|m| m.0).collect();
                    for (i, d) in dsts.iter().enumerate() {
                        if dsts[i + 1..].contains(d) {
                            return Err(EmitError::Unsupported(format!("two loop variables share {d:?}")));
                        }
                    }
                    self.parallel(class, &ms);
                }
                let l = self.loop_label;
                self.ins().jmp_to_label(l);
            }
            Inst::Exit { exit } => {
                let stub = self.stubs[exit.0 as usize];
                let at = self.ins().jmp_to_label(stub);
                if self.exit_refs[exit.0 as usize] == 1 {
                    self.exit_branches[exit.0 as usize] = at;
                }
            }
        }
        Ok(())
    }

    /// `d = imm`: `xor` for zero (flags are dead between LIR instructions), else the shortest `mov`.
    fn load_imm64(&mut self, d: Reg, imm: i64) {
        if imm == 0 {
            self.ins().zero_r(d)
        } else {
            self.ins().mov_ri(d, imm)
        }
    }

    /// `[m] = imm` (a spill): directly when it sign-extends from 32 bits, else through scratch.
    fn store_imm64(&mut self, m: Mem, imm: i64) {
        self.stats.spills += 1;
        match i32::try_from(imm) {
            Ok(i) => self.ins().mov_mi(m, i),
            Err(_) => {
                self.ins().mov_ri(SCRATCH_GPR, imm);
                self.ins().mov_mr(m, SCRATCH_GPR)
            }
        }
    }

    /// `dst = a op b`, with `jo exit` after it when `exit` is given. The allocator never puts
    /// `dst` where an input the exit stores lives, so writing `dst` before the `jo` is safe.
    fn bin(&mut self, op: Op2, dst: VReg, a: VReg, b: Operand, exit: Option<ExitId>) {
        let d = self.loc(dst);
        let bs = self.src(b);
        if d == self.loc(a) {
            self.bin_in_place(op, dst, bs, exit);
            return;
        }
        if let Operand::Reg(bv) = b {
            if self.loc(bv) == d {
                if op.commutative() {
                    let s = self.isrc(a);
                    self.bin_in_place(op, dst, s, exit);
                } else if let (Loc::Reg(r), None) = (d, exit) {
                    // a - b = -b + a
                    let r = Reg::from_hw(r);
                    self.ins().neg(r);
                    let s = self.isrc(a);
                    self.op2(Op2::Alu(Alu::Add), r, s);
                } else {
                    let s = self.isrc(a);
                    self.load(SCRATCH_GPR, s);
                    self.op2(op, SCRATCH_GPR, bs);
                    self.overflow_exit(exit);
                    self.def_int(dst, SCRATCH_GPR);
                }
                return;
            }
        }
        let t = self.int_target(dst);
        let sa = self.isrc(a);
        // three-address forms: lea (no flags, so only without an overflow check), imul by a constant
        match (op, sa, bs, exit) {
            (Op2::Alu(Alu::Add), Src::R(ra), Src::R(rb), None) => self.ins().lea(t, Mem::indexed(ra, rb, Scale::S1, 0)),
            (Op2::Alu(Alu::Add), Src::R(ra), Src::I(i), None) => self.ins().lea(t, Mem::at(ra, i)),
            (Op2::Alu(Alu::Sub), Src::R(ra), Src::I(i), None) if i != i32::MIN => self.ins().lea(t, Mem::at(ra, -i)),
            (Op2::Mul, Src::R(ra), Src::I(i), _) => self.ins().imul_rri(t, ra, i),
            (Op2::Mul, Src::M(m), Src::I(i), _) => {
                self.stats.reloads += 1;
                self.ins().imul_rmi(t, m, i)
            }
            _ => {
                self.load(t, sa);
                self.op2(op, t, bs);
            }
        }
        self.overflow_exit(exit);
        self.def_int(dst, t);
    }

    /// `dst op= s` where `dst` already holds the first operand.
    fn bin_in_place(&mut self, op: Op2, dst: VReg, s: Src, exit: Option<ExitId>) {
        match (self.loc(dst), op, s) {
            (Loc::Reg(r), _, _) => self.op2(op, Reg::from_hw(r), s),
            (Loc::Stack(k), Op2::Alu(alu), Src::R(r)) => {
                self.stats.reloads += 1;
                self.stats.spills += 1;
                self.ins().alu_mr(alu, slot(k), r)
            }
            (Loc::Stack(k), Op2::Alu(alu), Src::I(i)) => {
                self.stats.reloads += 1;
                self.stats.spills += 1;
                self.ins().alu_mi(alu, slot(k), i)
            }
            (Loc::Stack(k), _, _) => {
                self.load(SCRATCH_GPR, Src::M(slot(k)));
                self.op2(op, SCRATCH_GPR, s);
                self.def_int(dst, SCRATCH_GPR);
            }
        }
        self.overflow_exit(exit);
    }

    fn overflow_exit(&mut self, exit: Option<ExitId>) {
        if let Some(e) = exit {
            self.exit_jcc(Cond::O, e);
        }
    }

    fn shift(&mut self, op: ShiftOp, dst: VReg, a: VReg, amount: u8) {
        let sh = match op {
            ShiftOp::Shl => Shift::Shl,
            ShiftOp::Sar => Shift::Sar,
            ShiftOp::Shr => Shift::Shr,
        };
        let t = self.int_target(dst);
        match (self.isrc(a), op, amount) {
            (Src::R(r), ShiftOp::Shl, 1) if r != t => self.ins().lea(t, Mem::indexed(r, r, Scale::S1, 0)),
            (s, _, _) => {
                self.load(t, s);
                if amount > 0 {
                    self.ins().shift_ri(sh, t, amount);
                }
            }
        }
        self.def_int(dst, t);
    }

    /// Sets the flags for `a ? b`: `test r, r` against 0, else `cmp` with a register, a
    /// spill slot or an immediate (a spilled `a` compared in memory when `b` is not).
    fn cmp(&mut self, a: VReg, b: Operand) {
        match (self.isrc(a), self.src(b)) {
            (Src::R(r), Src::I(0)) => self.ins().test_rr(r, r),
            (Src::R(r), s) => self.op2(Op2::Alu(Alu::Cmp), r, s),
            (Src::M(m), Src::R(rb)) => {
                self.stats.reloads += 1;
                self.ins().cmp_mr(m, rb)
            }
            (Src::M(m), Src::I(i)) => {
                self.stats.reloads += 1;
                self.ins().cmp_mi(m, i)
            }
            (Src::M(m), s) => {
                self.load(SCRATCH_GPR, Src::M(m));
                self.op2(Op2::Alu(Alu::Cmp), SCRATCH_GPR, s)
            }
            (Src::I(_), _) => unreachable!("a vreg is never an immediate"),
        }
    }

    /// `ucomisd a, b` (a in a register: its own or XMM15).
    fn ucomisd(&mut self, a: VReg, b: VReg) {
        let x = self.float_reg(a, SCRATCH_FPR);
        match self.fsrc(b) {
            XSrc::X(y) => self.ins().ucomisd_xx(x, y),
            XSrc::M(m) => {
                self.stats.reloads += 1;
                self.ins().ucomisd_xm(x, m)
            }
        }
    }

    /// Compares for an ordered condition and returns the flag condition that holds exactly
    /// when `a cc b` (false on unordered): `above`/`above-equal` with the operands ordered so.
    fn ordered_compare(&mut self, cc: FCc, a: VReg, b: VReg) -> Cond {
        match cc {
            FCc::Gt => {
                self.ucomisd(a, b);
                Cond::A
            }
            FCc::Ge => {
                self.ucomisd(a, b);
                Cond::AE
            }
            FCc::Lt => {
                self.ucomisd(b, a);
                Cond::A
            }
            FCc::Le => {
                self.ucomisd(b, a);
                Cond::AE
            }
            FCc::Eq | FCc::Ne => unreachable!("not an ordered condition"),
        }
    }

    fn fbin(&mut self, op: FOp, dst: VReg, a: VReg, b: VReg) {
        let d = self.loc(dst);
        let commutative = matches!(op, FOp::Add | FOp::Mul);
        let (first, second) = if d != self.loc(a) && d == self.loc(b) && commutative { (b, a) } else { (a, b) };
        let t = if d == self.loc(first) || d != self.loc(second) { self.float_target(dst) } else { SCRATCH_FPR };
        let s1 = self.fsrc(first);
        self.fload(t, s1);
        let s2 = self.fsrc(second);
        self.fop(op, t, s2);
        self.def_float(dst, t);
    }

    /// The exit stubs (each stores its values through ctx, sets RAX to its number and jumps
    /// to the epilogue; the last falls into it), then the epilogue.
    fn stubs_and_epilogue(&mut self) {
        let f = self.f;
        let last = (0..f.exits.len()).rev().find(|&e| self.exit_refs[e] > 0);
        for (e, values) in f.exits.iter().enumerate() {
            if self.exit_refs[e] == 0 {
                continue;
            }
            self.a.bind(self.stubs[e]);
            if self.exit_refs[e] > 1 {
                let body = self.a.new_label();
                self.exit_branches[e] = self.ins().jmp_to_label(body);
                self.a.bind(body);
            }
            if !values.is_empty() {
                let ctx = f.ctx.expect("check() requires ctx when exits store values");
                let base = self.int_reg(ctx, SCRATCH_GPR);
                for (k, &v) in values.iter().enumerate() {
                    let m = Mem::at(base, 8 * k as i32);
                    match (f.class(v), self.loc(v)) {
                        (Class::Float, Loc::Reg(x)) => self.ins().movsd_mx(m, FReg::from_hw(x)),
                        _ => {
                            let r = self.int_reg(v, SCRATCH_GPR2);
                            self.ins().mov_mr(m, r)
                        }
                    }
                }
            }
            if let (Some(_), Some(ctx)) = (f.link, f.ctx) {
                // the epilogue finds ctx in the scratch register (it survives the pops)
                let src = self.isrc(ctx);
                self.load(SCRATCH_GPR, src);
            }
            self.load_imm64(RAX, e as i64);
            if Some(e) != last {
                let ep = self.epilogue;
                self.ins().jmp_to_label(ep);
            }
        }
        self.a.bind(self.epilogue);
        if self.frame > 0 {
            let frame = self.frame;
            self.ins().add_ri(RSP, frame);
        }
        for r in self.saved.clone().into_iter().rev() {
            self.ins().pop_r(r);
        }
        if let Some(link) = f.link {
            // RAX: the exit; R11: ctx. Continue at the exit's linked code, if any.
            let ret = self.a.new_label();
            self.ins().movabs_ri(SCRATCH_GPR2, link.table);
            self.ins().mov_rm(SCRATCH_GPR2, Mem::indexed(SCRATCH_GPR2, RAX, Scale::S8, 0));
            self.ins().test_rr(SCRATCH_GPR2, SCRATCH_GPR2);
            self.ins().jcc_to_label(Cond::E, ret);
            self.ins().mov_rr(INT_ARGS[0], SCRATCH_GPR);
            self.ins().mov_rm(INT_ARGS[1], Mem::at(SCRATCH_GPR, link.frame_disp));
            self.ins().jmp_r(SCRATCH_GPR2);
            self.a.bind(ret);
            self.ins().mov_mi(Mem::at(SCRATCH_GPR, link.id_disp), link.id as i32);
        }
        self.ins().ret();
    }
}
