//! AArch64 lowering: a LIR function and its register allocation become machine code
//! (prologue, body, one cold stub per exit, one shared epilogue).
//!
//! Choices (see LOWERING-SPEC.md for the contract):
//! - three-address forms throughout; add/sub/cmp/logical immediates folded when they
//!   encode (`cmn`/`sub` for negative addends), `xzr` for a zero operand;
//! - guards: `cbz`/`cbnz` against zero, `tbz`/`tbnz` on the sign bit and on one bit of an
//!   `And` the guard alone reads, `SetCc`/`FSetCc` fused into the guard after them, else
//!   `cmp` + `b.cond` on the inverted condition;
//! - overflow: `adds`/`subs` + `b.vs`; `mul` by `smulh` compared with `asr #63` of the low half;
//! - every exit stub starts with a `b` to the next word: that word is the exit's patch point
//!   (`exit_branches[e]`): `reloc::patch_branch` turns it into a `b` to a bridge (±128 MiB),
//!   whichever guards (`b.cond`, `cbz`, `tbz`...) branch to the stub;
//! - a loop variable's next value lives in the loop variable's location from its
//!   definition on when nothing else needs that location (no move at the Jump); an
//!   overflow exit that still stores the old value gets a pad that recomputes it;
//! - exit stubs store constants and fused guards' known results without registers;
//! - frame: `stp x29, x30` frame record at sp, the callee-saved registers used above it in
//!   pairs, then the spill slots; sp stays 16-byte aligned. x16/x17 and d30/d31 are the
//!   scratch registers; x30 (saved by the frame record) holds out-of-range displacements.
//!
//! What is checked and decided before emitting is in `lower_plan`.

use super::encode::{Asm, Cond, Shift};
use super::imm::{fp_imm8, logical_imm, mem_offset_fits};
use super::lower_plan::{addend_fits, imm_folds, second_operand, unsupported, validate, Plan};
use super::regs::*;
use crate::buffer::Label;
use crate::lir::{Cc, Class, ExitId, FCc, FOp, Func, Inst, IntOp, Operand, OvOp, ShiftOp, VReg};
use crate::lower_common::{EmitError, EmitStats, Emitted};
use crate::parmove;
use crate::regalloc::{Allocation, Loc, Target};

/// The registers the allocator may use on AArch64 (26 general, 30 FP).
pub const TARGET: Target = REGALLOC_TARGET;

/// Holds a displacement no load/store immediate can encode. The link register: the frame
/// record saves it and nothing else lives in it between calls.
const ADDR_SCRATCH: Reg = X30;

/// `exit_branches` entry of an exit no instruction takes (it has no stub).
pub const NO_EXIT_BRANCH: u32 = u32::MAX;

/// Emits `f` with the locations `alloc` chose (computed with `TARGET`).
pub fn emit(f: &Func, alloc: &Allocation) -> Result<Emitted, EmitError> {
    validate(f, alloc)?;
    let plan = Plan::new(f, alloc);
    match Lower::new(f, alloc, &plan, true)?.run() {
        // a tbz/tbnz (±32 KiB) did not reach its stub: use only b.cond/cbz (±1 MiB)
        Err(EmitError::OutOfRange) => Lower::new(f, alloc, &plan, false)?.run(),
        r => r,
    }
}

/// The native frame: frame record at sp, callee-saved registers above it, spill slots last.
struct Frame {
    size: u32,
    gprs: Vec<Reg>,
    fprs: Vec<FReg>,
    spill_base: u32,
}

impl Frame {
    fn new(alloc: &Allocation) -> Result<Frame, EmitError> {
        let increasing = |rs: &[u8]| rs.windows(2).all(|w| w[0] < w[1]);
        let ok = alloc.int_callee_saved_used.iter().all(|r| TARGET.int.callee_saved.contains(r))
            && alloc.float_callee_saved_used.iter().all(|r| TARGET.float.callee_saved.contains(r))
            && increasing(&alloc.int_callee_saved_used)
            && increasing(&alloc.float_callee_saved_used);
        if !ok {
            return Err(unsupported("the callee-saved sets must list callee-saved registers, in increasing order"));
        }
        let gprs: Vec<Reg> = alloc.int_callee_saved_used.iter().map(|&r| Reg::x(r)).collect();
        let fprs: Vec<FReg> = alloc.float_callee_saved_used.iter().map(|&r| FReg::d(r)).collect();
        let spill_base = 16 + 8 * (gprs.len() + fprs.len()) as u64;
        let size = (spill_base + 8 * alloc.spill_slots as u64).div_ceil(16) * 16;
        if size >= 1 << 24 {
            return Err(unsupported(format!("a frame of {size} bytes")));
        }
        Ok(Frame { size: size as u32, gprs, fprs, spill_base: spill_base as u32 })
    }
    /// Offset from sp of spill slot k.
    fn slot(&self, k: u32) -> i64 {
        self.spill_base as i64 + 8 * k as i64
    }
}

/// A location of a parallel move: a general or FP register, or a spill slot.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum PLoc {
    X(Reg),
    D(FReg),
    S(u32),
}

/// Loads and stores of general registers.
#[derive(Clone, Copy, PartialEq, Eq)]
enum XMem {
    Ldr,
    Str,
    Ldrb,
}

fn int_cond(cc: Cc) -> Cond {
    match cc {
        Cc::Eq => Cond::EQ,
        Cc::Ne => Cond::NE,
        Cc::Lt => Cond::LT,
        Cc::Le => Cond::LE,
        Cc::Gt => Cond::GT,
        Cc::Ge => Cond::GE,
        Cc::Below => Cond::LO,
        Cc::BelowEq => Cond::LS,
        Cc::Above => Cond::HI,
        Cc::AboveEq => Cond::HS,
    }
}

/// After `fcmp a, b`: the condition that holds exactly when `a cc b` does under `FCc`'s
/// NaN rules (unordered sets C and V, clears N and Z).
fn float_cond(cc: FCc) -> Cond {
    match cc {
        FCc::Eq => Cond::EQ,
        FCc::Ne => Cond::NE,
        FCc::Lt => Cond::MI,
        FCc::Le => Cond::LS,
        FCc::Gt => Cond::GT,
        FCc::Ge => Cond::GE,
    }
}

struct Lower<'a> {
    f: &'a Func,
    alloc: &'a Allocation,
    plan: &'a Plan,
    a: Asm,
    frame: Frame,
    stats: EmitStats,
    exit_labels: Vec<Option<Label>>,
    loop_label: Label,
    epilogue: Label,
    /// tbz/tbnz (±32 KiB) allowed for guards.
    test_bit_branches: bool,
    /// Overflow exits that first recompute an input (see `Pad`).
    pads: Vec<Pad>,
}

/// The way into an overflow exit of `dst = a op b` when dst lives in the register of the
/// input the exit stores (`Plan::retarget`): recompute that input from the wrapped result
/// (`r - b`, `r + b` or `a - r`), then the exit's stub.
struct Pad {
    label: Label,
    exit: ExitId,
    op: OvOp,
    dst: VReg,
    a: VReg,
    b: Opnd,
    /// the input to recompute: a or b
    restore: VReg,
}

impl<'a> Lower<'a> {
    fn new(f: &'a Func, alloc: &'a Allocation, plan: &'a Plan, test_bit_branches: bool) -> Result<Lower<'a>, EmitError> {
        let mut a = Asm::new();
        let loop_label = a.new_label();
        let epilogue = a.new_label();
        Ok(Lower {
            f,
            alloc,
            plan,
            a,
            frame: Frame::new(alloc)?,
            stats: EmitStats::default(),
            exit_labels: vec![None; f.exits.len()],
            loop_label,
            epilogue,
            test_bit_branches,
            pads: vec![],
        })
    }

    fn run(mut self) -> Result<Emitted, EmitError> {
        self.prologue();
        let nparams = self.f.insts.iter().take_while(|i| matches!(i, Inst::Param { .. })).count();
        self.params(nparams);
        for i in nparams..self.f.insts.len() {
            if !self.plan.fused[i] {
                self.inst(i);
            }
        }
        self.emit_pads();
        let exit_branches = self.stubs();
        self.a.bind(self.epilogue);
        self.epilogue();
        let code = self.a.finish().map_err(|_| EmitError::OutOfRange)?;
        let mut stats = self.stats;
        stats.bytes = code.len() as u32;
        stats.insns = stats.bytes / 4;
        Ok(Emitted { code, exit_branches, stats })
    }

    // ------------------------------------------------------------ frame

    fn prologue(&mut self) {
        let size = self.frame.size as i64;
        if size <= 504 {
            self.a.stp_x_pre(FP, LR, SP, -size);
        } else {
            self.sp_adjust(false, size as u64);
            self.a.stp_x(FP, LR, SP, 0);
        }
        self.a.mov(FP, SP);
        self.save_restore(true);
    }

    fn epilogue(&mut self) {
        self.save_restore(false);
        let size = self.frame.size as i64;
        if size <= 504 {
            self.a.ldp_x_post(FP, LR, SP, size);
        } else {
            self.a.ldp_x(FP, LR, SP, 0);
            self.sp_adjust(true, size as u64);
        }
        if let Some(link) = self.f.link {
            // x0: the exit; x16: ctx. Continue at the exit's linked code, if any.
            let ret = self.a.new_label();
            self.a.mov_imm(SCRATCH1, link.table);
            self.a.ldr_x_reg(SCRATCH1, SCRATCH1, X0, true);
            self.a.cbz(SCRATCH1, ret);
            self.a.mov(X0, SCRATCH0);
            self.a.ldr_x(X1, SCRATCH0, link.frame_disp as i64);
            self.a.br(SCRATCH1);
            self.a.bind(ret);
            self.a.mov_imm(SCRATCH1, link.id as u64);
            self.a.str_x(SCRATCH1, SCRATCH0, link.id_disp as i64);
        }
        self.a.ret();
    }

    /// `sp += n` or `sp -= n` for n < 2^24 (Frame::new checked).
    fn sp_adjust(&mut self, add: bool, n: u64) {
        for part in [n & !0xfff, n & 0xfff] {
            if part != 0 {
                if add {
                    self.a.add_imm(SP, SP, part);
                } else {
                    self.a.sub_imm(SP, SP, part);
                }
            }
        }
    }

    /// Stores (prologue) or loads (epilogue) the callee-saved registers, in pairs.
    fn save_restore(&mut self, save: bool) {
        let mut off = 16i64;
        let gprs = self.frame.gprs.clone();
        for pair in gprs.chunks(2) {
            match (pair, save) {
                ([r1, r2], true) => self.a.stp_x(*r1, *r2, SP, off),
                ([r1, r2], false) => self.a.ldp_x(*r1, *r2, SP, off),
                ([r], true) => self.a.str_x(*r, SP, off),
                ([r], false) => self.a.ldr_x(*r, SP, off),
                _ => unreachable!("chunks of two"),
            }
            off += 8 * pair.len() as i64;
        }
        let fprs = self.frame.fprs.clone();
        for pair in fprs.chunks(2) {
            match (pair, save) {
                ([r1, r2], true) => self.a.stp_d(*r1, *r2, SP, off),
                ([r1, r2], false) => self.a.ldp_d(*r1, *r2, SP, off),
                ([r], true) => self.a.str_d(*r, SP, off),
                ([r], false) => self.a.ldr_d(*r, SP, off),
                _ => unreachable!("chunks of two"),
            }
            off += 8 * pair.len() as i64;
        }
    }

    // ------------------------------------------------------------ locations

    /// Where `v` lives: its allocated location, or its loop variable's (`Plan::retarget`).
    fn loc(&self, v: VReg) -> Loc {
        match self.plan.retarget[v.0 as usize] {
            Some(d) => self.alloc.loc(d),
            None => self.alloc.loc(v),
        }
    }

    fn ploc(&self, v: VReg) -> PLoc {
        match (self.loc(v), self.f.class(v)) {
            (Loc::Reg(r), Class::Int) => PLoc::X(Reg::x(r)),
            (Loc::Reg(r), Class::Float) => PLoc::D(FReg::d(r)),
            (Loc::Stack(s), _) => PLoc::S(s),
        }
    }

    /// A general-register load or store at `[base + off]`, any offset.
    fn xmem(&mut self, op: XMem, rt: Reg, base: Reg, off: i64) {
        let size_log2 = if op == XMem::Ldrb { 0 } else { 3 };
        if mem_offset_fits(off, size_log2) {
            match op {
                XMem::Ldr => self.a.ldr_x(rt, base, off),
                XMem::Str => self.a.str_x(rt, base, off),
                XMem::Ldrb => self.a.ldrb(rt, base, off),
            }
        } else {
            self.a.mov_imm(ADDR_SCRATCH, off as u64);
            match op {
                XMem::Ldr => self.a.ldr_x_reg(rt, base, ADDR_SCRATCH, false),
                XMem::Str => self.a.str_x_reg(rt, base, ADDR_SCRATCH, false),
                XMem::Ldrb => self.a.ldrb_reg(rt, base, ADDR_SCRATCH),
            }
        }
    }

    /// An FP load (`load`) or store at `[base + off]`, any offset.
    fn dmem(&mut self, load: bool, rt: FReg, base: Reg, off: i64) {
        if mem_offset_fits(off, 3) {
            if load {
                self.a.ldr_d(rt, base, off)
            } else {
                self.a.str_d(rt, base, off)
            }
        } else {
            self.a.mov_imm(ADDR_SCRATCH, off as u64);
            if load {
                self.a.ldr_d_reg(rt, base, ADDR_SCRATCH, false)
            } else {
                self.a.str_d_reg(rt, base, ADDR_SCRATCH, false)
            }
        }
    }

    fn reload_x(&mut self, rt: Reg, slot: u32) {
        self.stats.reloads += 1;
        let off = self.frame.slot(slot);
        self.xmem(XMem::Ldr, rt, SP, off);
    }
    fn spill_x(&mut self, rt: Reg, slot: u32) {
        self.stats.spills += 1;
        let off = self.frame.slot(slot);
        self.xmem(XMem::Str, rt, SP, off);
    }
    fn reload_d(&mut self, rt: FReg, slot: u32) {
        self.stats.reloads += 1;
        let off = self.frame.slot(slot);
        self.dmem(true, rt, SP, off);
    }
    fn spill_d(&mut self, rt: FReg, slot: u32) {
        self.stats.spills += 1;
        let off = self.frame.slot(slot);
        self.dmem(false, rt, SP, off);
    }

    /// The register holding int vreg `v`, reloading a spilled one into `scratch`.
    fn use_x(&mut self, v: VReg, scratch: Reg) -> Reg {
        match self.loc(v) {
            Loc::Reg(r) => Reg::x(r),
            Loc::Stack(s) => {
                self.reload_x(scratch, s);
                scratch
            }
        }
    }
    /// The register holding float vreg `v`, reloading a spilled one into `scratch`.
    fn use_d(&mut self, v: VReg, scratch: FReg) -> FReg {
        match self.loc(v) {
            Loc::Reg(r) => FReg::d(r),
            Loc::Stack(s) => {
                self.reload_d(scratch, s);
                scratch
            }
        }
    }
    /// The register to compute int vreg `v` into (`scratch` when it is spilled: then
    /// `def_done` stores it).
    fn def_x(&self, v: VReg, scratch: Reg) -> Reg {
        match self.loc(v) {
            Loc::Reg(r) => Reg::x(r),
            Loc::Stack(_) => scratch,
        }
    }
    fn def_done_x(&mut self, v: VReg, r: Reg) {
        if let Loc::Stack(s) = self.loc(v) {
            self.spill_x(r, s);
        }
    }
    fn def_d(&self, v: VReg, scratch: FReg) -> FReg {
        match self.loc(v) {
            Loc::Reg(r) => FReg::d(r),
            Loc::Stack(_) => scratch,
        }
    }
    fn def_done_d(&mut self, v: VReg, r: FReg) {
        if let Loc::Stack(s) = self.loc(v) {
            self.spill_d(r, s);
        }
    }

    /// A register holding operand `b`: its vreg's, `xzr` for 0, else the constant in `scratch`.
    fn operand_x(&mut self, b: Opnd, scratch: Reg) -> Reg {
        match b {
            Opnd::Reg(v) => self.use_x(v, scratch),
            Opnd::Imm(0) => XZR,
            Opnd::Imm(i) => {
                self.a.mov_imm(scratch, i as u64);
                scratch
            }
        }
    }

    /// The second operand of `inst`, with a constant vreg folded when it encodes.
    fn opnd(&self, inst: &Inst) -> Opnd {
        match second_operand(inst) {
            Some(Operand::Imm(i)) => Opnd::Imm(i as i64),
            Some(Operand::Reg(v)) => match self.plan.kint[v.0 as usize] {
                Some(k) if imm_folds(inst, k) => Opnd::Imm(k),
                _ => Opnd::Reg(v),
            },
            None => unreachable!("an instruction with a second operand"),
        }
    }

    /// One move between locations of a parallel move. Spill-slot to spill-slot goes
    /// through x16 (the cycle breakers are x17 and d31, never x16).
    fn move_ploc(&mut self, dst: PLoc, src: PLoc) {
        match (dst, src) {
            (PLoc::X(d), PLoc::X(s)) => self.a.mov(d, s),
            (PLoc::D(d), PLoc::D(s)) => self.a.fmov(d, s),
            (PLoc::X(d), PLoc::D(s)) => self.a.fmov_to_x(d, s),
            (PLoc::D(d), PLoc::X(s)) => self.a.fmov_from_x(d, s),
            (PLoc::X(d), PLoc::S(k)) => self.reload_x(d, k),
            (PLoc::D(d), PLoc::S(k)) => self.reload_d(d, k),
            (PLoc::S(k), PLoc::X(s)) => self.spill_x(s, k),
            (PLoc::S(k), PLoc::D(s)) => self.spill_d(s, k),
            (PLoc::S(j), PLoc::S(k)) => {
                self.reload_x(SCRATCH0, k);
                self.spill_x(SCRATCH0, j);
            }
        }
    }

    /// Performs `moves` (dst <- src, all of one class) as one parallel assignment, breaking
    /// cycles through x17 (ints) or d31 (floats).
    fn parallel_move(&mut self, moves: &[(PLoc, PLoc)], class: Class) {
        let scratch = if class == Class::Int { PLoc::X(SCRATCH1) } else { PLoc::D(FSCRATCH) };
        for (d, s) in parmove::sequence(moves, scratch) {
            self.move_ploc(d, s);
        }
    }

    fn exit_label(&mut self, e: ExitId) -> Label {
        match self.exit_labels[e.0 as usize] {
            Some(l) => l,
            None => {
                let l = self.a.new_label();
                self.exit_labels[e.0 as usize] = Some(l);
                l
            }
        }
    }

    // ------------------------------------------------------------ instructions

    /// The leading Params: one parallel move from the argument registers.
    fn params(&mut self, n: usize) {
        let moves: Vec<(PLoc, PLoc)> = self.f.insts[..n]
            .iter()
            .map(|i| match *i {
                Inst::Param { dst, index } => (self.ploc(dst), PLoc::X(INT_ARG_REGS[index as usize])),
                _ => unreachable!("leading Params"),
            })
            .collect();
        self.parallel_move(&moves, Class::Int);
    }

    fn inst(&mut self, i: usize) {
        let f = self.f;
        match f.insts[i] {
            Inst::Param { .. } => unreachable!("validate: Params lead"),
            Inst::Iconst { dst, .. } if self.plan.kint_only[dst.0 as usize] => {}
            Inst::Iconst { dst, imm } => match self.loc(dst) {
                Loc::Stack(s) if imm == 0 => self.spill_x(XZR, s),
                _ => {
                    let rd = self.def_x(dst, SCRATCH0);
                    self.a.mov_imm(rd, imm as u64);
                    self.def_done_x(dst, rd);
                }
            },
            Inst::Fconst { dst, bits } => {
                if self.plan.fzero_only[dst.0 as usize] {
                    return;
                }
                match self.loc(dst) {
                    Loc::Stack(s) if bits == 0 => self.spill_x(XZR, s),
                    Loc::Stack(s) => {
                        self.a.mov_imm(SCRATCH0, bits);
                        self.spill_x(SCRATCH0, s);
                    }
                    Loc::Reg(r) => {
                        let rd = FReg::d(r);
                        if bits == 0 {
                            self.a.fmov_from_x(rd, XZR);
                        } else if fp_imm8(f64::from_bits(bits)).is_some() {
                            self.a.fmov_imm(rd, f64::from_bits(bits));
                        } else {
                            self.a.mov_imm(SCRATCH0, bits);
                            self.a.fmov_from_x(rd, SCRATCH0);
                        }
                    }
                }
            }
            Inst::Move { dst, src } => {
                let (d, s) = (self.ploc(dst), self.ploc(src));
                if d != s {
                    self.move_ploc(d, s);
                }
            }
            Inst::Load { dst, base, disp } | Inst::Load8 { dst, base, disp } => {
                let op = if matches!(f.insts[i], Inst::Load8 { .. }) { XMem::Ldrb } else { XMem::Ldr };
                let rb = self.use_x(base, SCRATCH0);
                let rd = self.def_x(dst, SCRATCH0);
                self.xmem(op, rd, rb, disp as i64);
                self.def_done_x(dst, rd);
            }
            Inst::Store { base, disp, src } => {
                let rb = self.use_x(base, SCRATCH0);
                let rs = self.use_x(src, SCRATCH1);
                self.xmem(XMem::Str, rs, rb, disp as i64);
            }
            Inst::LoadF { dst, base, disp } => {
                let rb = self.use_x(base, SCRATCH0);
                let rd = self.def_d(dst, FSCRATCH);
                self.dmem(true, rd, rb, disp as i64);
                self.def_done_d(dst, rd);
            }
            Inst::StoreF { base, disp, src } => {
                let rb = self.use_x(base, SCRATCH0);
                let rs = self.use_d(src, FSCRATCH);
                self.dmem(false, rs, rb, disp as i64);
            }
            Inst::Bin { op, dst, a, .. } => self.bin(op, dst, a, self.opnd(&f.insts[i])),
            Inst::BinOv { op, dst, a, exit, .. } => self.bin_ov(op, dst, a, self.opnd(&f.insts[i]), exit),
            Inst::Shift { op, dst, a, amount } => {
                let ra = self.use_x(a, SCRATCH0);
                let rd = self.def_x(dst, SCRATCH0);
                let s = (amount & 63) as u32;
                match op {
                    ShiftOp::Shl => self.a.lsl_imm(rd, ra, s),
                    ShiftOp::Sar => self.a.asr_imm(rd, ra, s),
                    ShiftOp::Shr => self.a.lsr_imm(rd, ra, s),
                }
                self.def_done_x(dst, rd);
            }
            Inst::SetCc { cc, dst, a, .. } => {
                self.cmp(a, self.opnd(&f.insts[i]));
                let rd = self.def_x(dst, SCRATCH0);
                self.a.cset(rd, int_cond(cc));
                self.def_done_x(dst, rd);
            }
            Inst::FBin { op, dst, a, b } => {
                let ra = self.use_d(a, FSCRATCH);
                let rb = self.use_d(b, FSCRATCH1);
                let rd = self.def_d(dst, FSCRATCH);
                match op {
                    FOp::Add => self.a.fadd(rd, ra, rb),
                    FOp::Sub => self.a.fsub(rd, ra, rb),
                    FOp::Mul => self.a.fmul(rd, ra, rb),
                    FOp::Div => self.a.fdiv(rd, ra, rb),
                }
                self.def_done_d(dst, rd);
            }
            Inst::FSetCc { cc, dst, a, b } => {
                self.fcmp(a, b);
                let rd = self.def_x(dst, SCRATCH0);
                self.a.cset(rd, float_cond(cc));
                self.def_done_x(dst, rd);
            }
            Inst::IntToFloat { dst, src } => {
                let rs = self.use_x(src, SCRATCH0);
                let rd = self.def_d(dst, FSCRATCH);
                self.a.scvtf(rd, rs);
                self.def_done_d(dst, rd);
            }
            Inst::Guard { cc, a, exit, .. } => self.guard(i, cc, a, self.opnd(&f.insts[i]), exit),
            Inst::GuardF { cc, a, b, exit } => {
                self.fcmp(a, b);
                let l = self.exit_label(exit);
                self.a.b_cond(float_cond(cc).invert(), l);
            }
            Inst::Call { target, ref args, ret } => {
                let moves: Vec<(PLoc, PLoc)> =
                    args.iter().enumerate().map(|(k, &v)| (PLoc::X(INT_ARG_REGS[k]), self.ploc(v))).collect();
                self.parallel_move(&moves, Class::Int);
                self.a.mov_imm(SCRATCH0, target);
                self.a.blr(SCRATCH0);
                self.stats.helper_calls += 1;
                if let Some(r) = ret {
                    let d = self.ploc(r);
                    if d != PLoc::X(X0) {
                        self.move_ploc(d, PLoc::X(X0));
                    }
                }
            }
            Inst::LoopStart => self.a.bind(self.loop_label),
            Inst::Jump { ref moves } => {
                // int and float locations never overlap (spill slots are per vreg): two
                // independent parallel moves (a retargeted source is in place already)
                for class in [Class::Int, Class::Float] {
                    let moves: Vec<(PLoc, PLoc)> = moves
                        .iter()
                        .filter(|&&(d, _)| f.class(d) == class)
                        .map(|&(d, s)| (self.ploc(d), self.ploc(s)))
                        .collect();
                    self.parallel_move(&moves, class);
                }
                self.a.b(self.loop_label);
            }
            Inst::Exit { exit } => {
                let l = self.exit_label(exit);
                self.a.b(l);
            }
        }
    }

    fn bin(&mut self, op: IntOp, dst: VReg, a: VReg, b: Opnd) {
        let ra = self.use_x(a, SCRATCH0);
        let rd = self.def_x(dst, SCRATCH0);
        match (op, b) {
            (IntOp::Add | IntOp::Sub, Opnd::Imm(i)) if addend_fits(i) => {
                let v = if op == IntOp::Add { i } else { -i };
                if v == 0 && rd == ra {
                    // x + 0 in place: nothing to do
                } else if v >= 0 {
                    self.a.add_imm(rd, ra, v as u64);
                } else {
                    self.a.sub_imm(rd, ra, v.unsigned_abs());
                }
            }
            (IntOp::And | IntOp::Or | IntOp::Xor, Opnd::Imm(i)) if logical_imm(i as u64).is_some() => {
                let m = i as u64;
                match op {
                    IntOp::And => self.a.and_imm(rd, ra, m),
                    IntOp::Or => self.a.orr_imm(rd, ra, m),
                    _ => self.a.eor_imm(rd, ra, m),
                }
            }
            _ => {
                let rb = self.operand_x(b, SCRATCH1);
                match op {
                    IntOp::Add => self.a.add(rd, ra, rb),
                    IntOp::Sub => self.a.sub(rd, ra, rb),
                    IntOp::Mul => self.a.mul(rd, ra, rb),
                    IntOp::And => self.a.and(rd, ra, rb),
                    IntOp::Or => self.a.orr(rd, ra, rb),
                    IntOp::Xor => self.a.eor(rd, ra, rb),
                }
            }
        }
        self.def_done_x(dst, rd);
    }

    /// `dst = a op b` leaving through `exit` on signed overflow. The allocator never gives
    /// `dst` the register of an input the exit reads, so writing `dst` before the branch
    /// loses nothing the stub stores.
    fn bin_ov(&mut self, op: OvOp, dst: VReg, a: VReg, b: Opnd, exit: ExitId) {
        let l = self.exit_label(exit);
        let ra = self.use_x(a, SCRATCH0);
        match op {
            OvOp::Add | OvOp::Sub => {
                let l = self.pad(op, dst, a, b, exit).unwrap_or(l);
                let rd = self.def_x(dst, SCRATCH0);
                match b {
                    Opnd::Imm(i) if addend_fits(i) => {
                        let v = if op == OvOp::Add { i } else { -i };
                        if v >= 0 {
                            self.a.adds_imm(rd, ra, v as u64);
                        } else {
                            self.a.subs_imm(rd, ra, v.unsigned_abs());
                        }
                    }
                    _ => {
                        let rb = self.operand_x(b, SCRATCH1);
                        if op == OvOp::Add {
                            self.a.adds(rd, ra, rb);
                        } else {
                            self.a.subs(rd, ra, rb);
                        }
                    }
                }
                self.a.b_cond(Cond::VS, l);
                self.def_done_x(dst, rd);
            }
            OvOp::Mul => {
                let rb = self.operand_x(b, SCRATCH1);
                // the high half first: dst may be the register of a (dead) input
                let hi = [SCRATCH0, SCRATCH1, ADDR_SCRATCH].into_iter().find(|&r| r != ra && r != rb).unwrap_or(ADDR_SCRATCH);
                self.a.smulh(hi, ra, rb);
                let rd = self.def_x(dst, if hi == SCRATCH0 { SCRATCH1 } else { SCRATCH0 });
                self.a.mul(rd, ra, rb);
                self.a.subs_shifted(XZR, hi, rd, Shift::ASR, 63);
                self.a.b_cond(Cond::NE, l);
                self.def_done_x(dst, rd);
            }
        }
    }

    /// A pad for the overflow exit of `dst = a op b` when writing dst's register loses an
    /// input the exit stores (only when dst is retargeted: the allocator never does this).
    fn pad(&mut self, op: OvOp, dst: VReg, a: VReg, b: Opnd, exit: ExitId) -> Option<Label> {
        self.plan.retarget[dst.0 as usize]?;
        let ld = self.loc(dst);
        if !matches!(ld, Loc::Reg(_)) {
            return None; // a spilled result is stored after the branch
        }
        let restore = self.f.exits[exit.0 as usize].iter().copied().find(|&v| self.f.class(v) == Class::Int && self.loc(v) == ld)?;
        let label = self.a.new_label();
        self.pads.push(Pad { label, exit, op, dst, a, b, restore });
        Some(label)
    }

    fn emit_pads(&mut self) {
        for p in std::mem::take(&mut self.pads) {
            self.a.bind(p.label);
            let Loc::Reg(r) = self.loc(p.dst) else { unreachable!("pads only for results in registers") };
            let rl = Reg::x(r);
            let restore_a = p.restore == p.a;
            match (p.op, restore_a, p.b) {
                // a = r - k or a = r + k
                (OvOp::Add | OvOp::Sub, true, Opnd::Imm(k)) if addend_fits(k) => {
                    let v = if p.op == OvOp::Add { -k } else { k };
                    if v >= 0 {
                        self.a.add_imm(rl, rl, v as u64);
                    } else {
                        self.a.sub_imm(rl, rl, v.unsigned_abs());
                    }
                }
                _ => {
                    let other = if restore_a { p.b } else { Opnd::Reg(p.a) };
                    let ro = self.operand_x(other, SCRATCH1);
                    match (p.op, restore_a) {
                        (OvOp::Add, _) => self.a.sub(rl, rl, ro),
                        (OvOp::Sub, true) => self.a.add(rl, rl, ro),
                        (OvOp::Sub, false) => self.a.sub(rl, ro, rl),
                        (OvOp::Mul, _) => unreachable!("Plan retargets no multiplication"),
                    }
                }
            }
            let l = self.exit_label(p.exit);
            self.a.b(l);
        }
    }

    /// Sets the flags for `a` against `b` (`cmp`, `cmn` for a negative immediate).
    fn cmp(&mut self, a: VReg, b: Opnd) {
        let ra = self.use_x(a, SCRATCH0);
        match b {
            Opnd::Imm(i) if addend_fits(i) => {
                if i >= 0 {
                    self.a.cmp_imm(ra, i as u64);
                } else {
                    // cmn a, #k sets the same NZCV as cmp a, #-k (k in 1..2^24)
                    self.a.cmn_imm(ra, i.unsigned_abs());
                }
            }
            _ => {
                let rb = self.operand_x(b, SCRATCH1);
                self.a.cmp(ra, rb);
            }
        }
    }

    /// `fcmp a, b`, or `fcmp a, #0.0` when b is the constant +0.0.
    fn fcmp(&mut self, a: VReg, b: VReg) {
        let ra = self.use_d(a, FSCRATCH);
        if a != b && self.plan.fzero[b.0 as usize] {
            self.a.fcmp_zero(ra);
        } else {
            let rb = self.use_d(b, FSCRATCH1);
            self.a.fcmp(ra, rb);
        }
    }

    fn guard(&mut self, i: usize, cc: Cc, a: VReg, b: Opnd, exit: ExitId) {
        let l = self.exit_label(exit);
        if i > 0 && self.plan.fused[i - 1] {
            // `Guard Eq|Ne t, 0` with t the previous instruction's result, read by nothing
            // else: branch on what t stands for. Exit when t != 0 for Eq, t == 0 for Ne.
            let exit_if_set = cc == Cc::Eq;
            let pick = |c: Cond| if exit_if_set { c } else { c.invert() };
            let prev = &self.f.insts[i - 1];
            match *prev {
                Inst::SetCc { cc: c, a: x, .. } => {
                    self.cmp(x, self.opnd(prev));
                    self.a.b_cond(pick(int_cond(c)), l);
                }
                Inst::FSetCc { cc: c, a: x, b: y, .. } => {
                    self.fcmp(x, y);
                    self.a.b_cond(pick(float_cond(c)), l);
                }
                Inst::Bin { op: IntOp::And, a: v, .. } => {
                    let m = self.opnd(prev);
                    let rv = self.use_x(v, SCRATCH0);
                    match m {
                        Opnd::Imm(m) if m > 0 && m.count_ones() == 1 && self.test_bit_branches => {
                            let bit = m.trailing_zeros();
                            if exit_if_set {
                                self.a.tbnz(rv, bit, l);
                            } else {
                                self.a.tbz(rv, bit, l);
                            }
                        }
                        Opnd::Imm(m) if logical_imm(m as u64).is_some() => {
                            self.a.tst_imm(rv, m as u64);
                            self.a.b_cond(pick(Cond::NE), l);
                        }
                        _ => {
                            let rm = self.operand_x(m, SCRATCH1);
                            self.a.tst(rv, rm);
                            self.a.b_cond(pick(Cond::NE), l);
                        }
                    }
                }
                _ => unreachable!("Plan fuses only SetCc, FSetCc and And"),
            }
            return;
        }
        match (cc, b) {
            (Cc::Eq, Opnd::Imm(0)) => {
                let ra = self.use_x(a, SCRATCH0);
                self.a.cbnz(ra, l);
            }
            (Cc::Ne, Opnd::Imm(0)) => {
                let ra = self.use_x(a, SCRATCH0);
                self.a.cbz(ra, l);
            }
            // continue while negative: exit when the sign bit is clear, and the reverse
            (Cc::Lt | Cc::Ge, Opnd::Imm(0)) if self.test_bit_branches => {
                let ra = self.use_x(a, SCRATCH0);
                if cc == Cc::Lt {
                    self.a.tbz(ra, 63, l);
                } else {
                    self.a.tbnz(ra, 63, l);
                }
            }
            _ => {
                self.cmp(a, b);
                self.a.b_cond(int_cond(cc).invert(), l);
            }
        }
    }

    // ------------------------------------------------------------ exits

    /// One stub per exit some instruction takes: `b` to the next word (the patch point),
    /// the exit's values to `[ctx + 8k]`, the exit number in x0, then the epilogue (the
    /// last stub falls into it).
    fn stubs(&mut self) -> Vec<u32> {
        let mut branches = vec![NO_EXIT_BRANCH; self.f.exits.len()];
        let taken: Vec<usize> = (0..self.f.exits.len()).filter(|&e| self.plan.used_exits[e]).collect();
        for (n, &e) in taken.iter().enumerate() {
            let l = self.exit_label(ExitId(e as u32));
            self.a.bind(l);
            branches[e] = self.a.offset();
            let body = self.a.new_label();
            self.a.b(body);
            self.a.bind(body);
            let vals = &self.f.exits[e];
            if !vals.is_empty() {
                let ctx = self.f.ctx.expect("validate: ctx present");
                let rc = self.use_x(ctx, SCRATCH1);
                for (k, &v) in vals.iter().enumerate() {
                    let off = 8 * k as i64;
                    let plan = self.plan;
                    let known = plan.exit_known[e].iter().find(|&&(w, _)| w == v).map(|&(_, x)| x).or(plan.kbits[v.0 as usize]);
                    if let Some(bits) = known {
                        let r = if bits == 0 { XZR } else { SCRATCH0 };
                        if bits != 0 {
                            self.a.mov_imm(SCRATCH0, bits);
                        }
                        self.xmem(XMem::Str, r, rc, off);
                        continue;
                    }
                    match self.ploc(v) {
                        PLoc::X(r) => self.xmem(XMem::Str, r, rc, off),
                        PLoc::D(r) => self.dmem(false, r, rc, off),
                        PLoc::S(s) => {
                            self.reload_x(SCRATCH0, s);
                            self.xmem(XMem::Str, SCRATCH0, rc, off);
                        }
                    }
                }
            }
            if let (Some(_), Some(ctx)) = (self.f.link, self.f.ctx) {
                // the epilogue finds ctx in x16 (no register it restores)
                let r = self.use_x(ctx, SCRATCH0);
                if r != SCRATCH0 {
                    self.a.mov(SCRATCH0, r);
                }
            }
            self.a.mov_imm(X0, e as u64);
            if n + 1 < taken.len() {
                self.a.b(self.epilogue);
            }
        }
        branches
    }
}

/// A second operand as the lowering uses it: a register, or a 64-bit immediate (from the
/// LIR, or a folded `Iconst`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Opnd {
    Reg(VReg),
    Imm(i64),
}
