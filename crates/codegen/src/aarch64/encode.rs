//! The AArch64 instruction encoder: one method of `Asm` per instruction form, operands in
//! assembly order, 64-bit X registers unless the name says W, byte (b) or half (h).
//!
//! Operand checks: register 31 is `SP` in some positions and `XZR` in others; passing the
//! wrong one panics, as does an immediate that does not encode (ask the predicates in
//! `imm` first). These are bugs of the caller, never a consequence of Python input.
//! Branches to labels record fixups that `finish` resolves (`reloc::resolve`).

use super::imm::{
    encode_add_imm, fp_imm8, logical_imm, pair_offset_fits, plan_mov_imm, scaled_offset_fits,
    unscaled_offset_fits, MovImm,
};
use super::regs::{FReg, Reg, XZR};
use super::reloc::{resolve, Reloc};
use crate::buffer::{CodeBuffer, Label, OutOfRange};

/// Condition codes (after `cmp a, b`: HS/LO/HI/LS unsigned, GE/LT/GT/LE signed, VS/VC
/// signed overflow). After `fcmp a, b` an unordered result (a NaN) sets C and V: use MI for
/// a < b, LS for a <= b, GT for a > b, GE for a >= b, EQ/NE, VS for "unordered".
#[allow(clippy::upper_case_acronyms)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Cond {
    EQ = 0,
    NE = 1,
    HS = 2,
    LO = 3,
    MI = 4,
    PL = 5,
    VS = 6,
    VC = 7,
    HI = 8,
    LS = 9,
    GE = 10,
    LT = 11,
    GT = 12,
    LE = 13,
}

impl Cond {
    /// Carry set (= HS).
    pub const CS: Cond = Cond::HS;
    /// Carry clear (= LO).
    pub const CC: Cond = Cond::LO;
    /// The condition that holds exactly when `self` does not.
    pub fn invert(self) -> Cond {
        Cond::from_bits(self as u32 ^ 1)
    }
    fn from_bits(b: u32) -> Cond {
        use Cond::*;
        [EQ, NE, HS, LO, MI, PL, VS, VC, HI, LS, GE, LT, GT, LE][b as usize]
    }
    #[inline]
    fn bits(self) -> u32 {
        self as u32
    }
}

/// The shift applied to the last register operand of add/sub/logical register forms.
#[allow(clippy::upper_case_acronyms)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shift {
    LSL = 0,
    LSR = 1,
    ASR = 2,
    /// Logical instructions only.
    ROR = 3,
}

/// Register 31 here is XZR (SP is not allowed).
#[inline]
#[track_caller]
fn rz(r: Reg) -> u32 {
    assert!(!r.is_sp(), "sp is not allowed in this operand (register 31 is xzr here)");
    r.hw()
}

/// Register 31 here is SP (XZR is not allowed).
#[inline]
#[track_caller]
fn rs(r: Reg) -> u32 {
    assert!(!r.is_zr(), "xzr is not allowed in this operand (register 31 is sp here)");
    r.hw()
}

/// x0..x30 only.
#[inline]
#[track_caller]
fn rx(r: Reg) -> u32 {
    assert!(r.is_gpr(), "{r} is not allowed in this operand");
    r.hw()
}

#[inline]
fn fr(r: FReg) -> u32 {
    r.hw()
}

// Load/store opcode bits: size (bits 30..31), V (26), opc (22..23).
#[derive(Clone, Copy)]
struct Ls {
    size: u32,
    v: u32,
    opc: u32,
}

const LDR_X: Ls = Ls { size: 3, v: 0, opc: 1 };
const STR_X: Ls = Ls { size: 3, v: 0, opc: 0 };
const LDR_W: Ls = Ls { size: 2, v: 0, opc: 1 };
const STR_W: Ls = Ls { size: 2, v: 0, opc: 0 };
const LDRSW: Ls = Ls { size: 2, v: 0, opc: 2 };
const LDRH: Ls = Ls { size: 1, v: 0, opc: 1 };
const STRH: Ls = Ls { size: 1, v: 0, opc: 0 };
const LDRB: Ls = Ls { size: 0, v: 0, opc: 1 };
const STRB: Ls = Ls { size: 0, v: 0, opc: 0 };
const LDR_D: Ls = Ls { size: 3, v: 1, opc: 1 };
const STR_D: Ls = Ls { size: 3, v: 1, opc: 0 };

impl Ls {
    fn base(self) -> u32 {
        (self.size << 30) | (0b111 << 27) | (self.v << 26) | (self.opc << 22)
    }
}

/// Addressing of one load/store with an immediate offset.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Index {
    /// `[xn, #off]`: scaled unsigned when it fits, else unscaled (ldur/stur).
    Offset,
    /// `[xn, #off]` always unscaled (ldur/stur).
    Unscaled,
    /// `[xn, #off]!`
    Pre,
    /// `[xn], #off`
    Post,
}

/// The encoder: instructions appended to a `CodeBuffer`.
#[derive(Default, Debug)]
pub struct Asm {
    pub buf: CodeBuffer,
}

// Add/sub (immediate) opcodes: sf op S 100010.
const ADD_IMM: u32 = 0x9100_0000;
const ADDS_IMM: u32 = 0xb100_0000;
const SUB_IMM: u32 = 0xd100_0000;
const SUBS_IMM: u32 = 0xf100_0000;
// Add/sub (shifted register): sf op S 01011 shift 0.
const ADD_REG: u32 = 0x8b00_0000;
const ADDS_REG: u32 = 0xab00_0000;
const SUB_REG: u32 = 0xcb00_0000;
const SUBS_REG: u32 = 0xeb00_0000;
// Logical (shifted register): sf opc 01010 shift N.
const AND_REG: u32 = 0x8a00_0000;
const BIC_REG: u32 = 0x8a20_0000;
const ORR_REG: u32 = 0xaa00_0000;
const ORN_REG: u32 = 0xaa20_0000;
const EOR_REG: u32 = 0xca00_0000;
const EON_REG: u32 = 0xca20_0000;
const ANDS_REG: u32 = 0xea00_0000;
const BICS_REG: u32 = 0xea20_0000;
// Logical (immediate): sf opc 100100 N.
const AND_IMM: u32 = 0x9200_0000;
const ORR_IMM: u32 = 0xb200_0000;
const EOR_IMM: u32 = 0xd200_0000;
const ANDS_IMM: u32 = 0xf200_0000;
// Data processing (2 source), 64-bit.
const UDIV: u32 = 0x9ac0_0800;
const SDIV: u32 = 0x9ac0_0c00;
const LSLV: u32 = 0x9ac0_2000;
const LSRV: u32 = 0x9ac0_2400;
const ASRV: u32 = 0x9ac0_2800;
const RORV: u32 = 0x9ac0_2c00;
// Conditional select.
const CSEL: u32 = 0x9a80_0000;
const CSINC: u32 = 0x9a80_0400;
const CSINV: u32 = 0xda80_0000;
const CSNEG: u32 = 0xda80_0400;
// FP data processing, double precision.
const FP1_FMOV: u32 = 0x1e60_4000;
const FP1_FABS: u32 = 0x1e60_c000;
const FP1_FNEG: u32 = 0x1e61_4000;
const FP1_FSQRT: u32 = 0x1e61_c000;
const FP1_FRINTN: u32 = 0x1e64_4000;
const FP1_FRINTP: u32 = 0x1e64_c000;
const FP1_FRINTM: u32 = 0x1e65_4000;
const FP1_FRINTZ: u32 = 0x1e65_c000;
const FP2_FMUL: u32 = 0x1e60_0800;
const FP2_FDIV: u32 = 0x1e60_1800;
const FP2_FADD: u32 = 0x1e60_2800;
const FP2_FSUB: u32 = 0x1e60_3800;
const FP2_FMAX: u32 = 0x1e60_4800;
const FP2_FMIN: u32 = 0x1e60_5800;
const FP2_FMAXNM: u32 = 0x1e60_6800;
const FP2_FMINNM: u32 = 0x1e60_7800;
// FP <-> integer, 64-bit integer and double.
const SCVTF: u32 = 0x9e62_0000;
const UCVTF: u32 = 0x9e63_0000;
const FCVTZS: u32 = 0x9e78_0000;
const FCVTZU: u32 = 0x9e79_0000;
const FCVTMS: u32 = 0x9e70_0000;
const FCVTNS: u32 = 0x9e60_0000;
const FMOV_XD: u32 = 0x9e66_0000;
const FMOV_DX: u32 = 0x9e67_0000;

impl Asm {
    pub fn new() -> Asm {
        Asm::default()
    }
    /// Offset of the next instruction.
    #[inline]
    pub fn offset(&self) -> u32 {
        self.buf.offset()
    }
    pub fn new_label(&mut self) -> Label {
        self.buf.new_label()
    }
    pub fn bind(&mut self, l: Label) {
        self.buf.bind(l)
    }
    /// Appends one raw instruction word.
    #[inline]
    pub fn emit(&mut self, w: u32) {
        self.buf.put4(w)
    }
    /// Appends 8 bytes of data (a literal for `ldr_x_lit`/`ldr_d_lit`).
    pub fn data8(&mut self, v: u64) {
        self.buf.put8(v)
    }
    /// Pads with `nop`s to a multiple of `align` bytes (a power of two, at least 4).
    pub fn align(&mut self, align: u32) {
        assert!(align.is_power_of_two() && align >= 4);
        while self.offset() & (align - 1) != 0 {
            self.nop();
        }
    }
    /// Resolves every label fixup and returns the code.
    pub fn finish(mut self) -> Result<Vec<u8>, OutOfRange> {
        self.buf.resolve_fixups(|bytes, at, target, kind| {
            resolve(bytes, at, target, Reloc::from_u8(kind))
        })?;
        Ok(self.buf.bytes().to_vec())
    }

    fn fixup(&mut self, word: u32, l: Label, kind: Reloc) {
        let at = self.offset();
        self.emit(word);
        self.buf.fixup(at, l, kind as u8);
    }

    // ---------------------------------------------------------------- moves

    /// `mov xd, xn`: `orr xd, xzr, xn`, or `add xd, xn, #0` when either is `SP`.
    #[track_caller]
    pub fn mov(&mut self, rd: Reg, rn: Reg) {
        if rd.is_sp() || rn.is_sp() {
            self.emit(ADD_IMM | (rs(rn) << 5) | rs(rd));
        } else {
            self.emit(ORR_REG | (rz(rn) << 16) | (31 << 5) | rz(rd));
        }
    }
    /// `mov wd, wn` (zero-extends into xd).
    #[track_caller]
    pub fn mov_w(&mut self, rd: Reg, rn: Reg) {
        self.emit(0x2a00_03e0 | (rz(rn) << 16) | rz(rd));
    }

    #[track_caller]
    fn move_wide(&mut self, op: u32, rd: Reg, imm16: u16, shift: u32) {
        assert!(shift & 15 == 0 && shift < 64, "move-wide shift must be 0, 16, 32 or 48");
        self.emit(op | ((shift / 16) << 21) | ((imm16 as u32) << 5) | rz(rd));
    }
    /// `movz xd, #imm16, lsl #shift`
    #[track_caller]
    pub fn movz(&mut self, rd: Reg, imm16: u16, shift: u32) {
        self.move_wide(0xd280_0000, rd, imm16, shift)
    }
    /// `movn xd, #imm16, lsl #shift` (xd = !(imm16 << shift))
    #[track_caller]
    pub fn movn(&mut self, rd: Reg, imm16: u16, shift: u32) {
        self.move_wide(0x9280_0000, rd, imm16, shift)
    }
    /// `movk xd, #imm16, lsl #shift`
    #[track_caller]
    pub fn movk(&mut self, rd: Reg, imm16: u16, shift: u32) {
        self.move_wide(0xf280_0000, rd, imm16, shift)
    }
    /// xd = v in the fewest instructions (1 to 4; see `imm::plan_mov_imm`).
    #[track_caller]
    pub fn mov_imm(&mut self, rd: Reg, v: u64) {
        rx(rd);
        match plan_mov_imm(v) {
            MovImm::Orr { n, immr, imms } => {
                self.emit(ORR_IMM | (n << 22) | (immr << 16) | (imms << 10) | (31 << 5) | rx(rd))
            }
            MovImm::Wide { inverted, len, parts } => {
                let (i, h) = parts[0];
                if inverted {
                    self.movn(rd, h, i as u32 * 16);
                } else {
                    self.movz(rd, h, i as u32 * 16);
                }
                for &(i, h) in &parts[1..len as usize] {
                    self.movk(rd, h, i as u32 * 16);
                }
            }
        }
    }

    // ---------------------------------------------------------------- add/sub

    #[track_caller]
    fn addsub_imm(&mut self, op: u32, d: u32, rn: Reg, imm: u64) {
        let Some(field) = encode_add_imm(imm) else {
            panic!("{imm:#x} is not an add/sub immediate (check encode_add_imm)");
        };
        self.emit(op | (field << 10) | (rs(rn) << 5) | d);
    }
    /// `add xd|sp, xn|sp, #imm` (imm < 4096, or a multiple of 4096 below 2^24)
    #[track_caller]
    pub fn add_imm(&mut self, rd: Reg, rn: Reg, imm: u64) {
        self.addsub_imm(ADD_IMM, rs(rd), rn, imm)
    }
    /// `adds xd, xn|sp, #imm`
    #[track_caller]
    pub fn adds_imm(&mut self, rd: Reg, rn: Reg, imm: u64) {
        self.addsub_imm(ADDS_IMM, rz(rd), rn, imm)
    }
    /// `sub xd|sp, xn|sp, #imm`
    #[track_caller]
    pub fn sub_imm(&mut self, rd: Reg, rn: Reg, imm: u64) {
        self.addsub_imm(SUB_IMM, rs(rd), rn, imm)
    }
    /// `subs xd, xn|sp, #imm`
    #[track_caller]
    pub fn subs_imm(&mut self, rd: Reg, rn: Reg, imm: u64) {
        self.addsub_imm(SUBS_IMM, rz(rd), rn, imm)
    }
    /// `cmp xn|sp, #imm` (`subs xzr, xn, #imm`)
    #[track_caller]
    pub fn cmp_imm(&mut self, rn: Reg, imm: u64) {
        self.subs_imm(XZR, rn, imm)
    }
    /// `cmn xn|sp, #imm` (`adds xzr, xn, #imm`)
    #[track_caller]
    pub fn cmn_imm(&mut self, rn: Reg, imm: u64) {
        self.adds_imm(XZR, rn, imm)
    }

    #[track_caller]
    fn addsub_reg(&mut self, op: u32, rd: Reg, rn: Reg, rm: Reg, shift: Shift, amount: u32) {
        assert!(shift != Shift::ROR, "add/sub cannot rotate");
        assert!(amount < 64, "shift amount {amount} out of range");
        self.emit(
            op | ((shift as u32) << 22) | (rz(rm) << 16) | (amount << 10) | (rz(rn) << 5) | rz(rd),
        );
    }
    /// `add xd, xn, xm`
    #[track_caller]
    pub fn add(&mut self, rd: Reg, rn: Reg, rm: Reg) {
        self.addsub_reg(ADD_REG, rd, rn, rm, Shift::LSL, 0)
    }
    /// `add xd, xn, xm, <shift> #amount`
    #[track_caller]
    pub fn add_shifted(&mut self, rd: Reg, rn: Reg, rm: Reg, shift: Shift, amount: u32) {
        self.addsub_reg(ADD_REG, rd, rn, rm, shift, amount)
    }
    /// `adds xd, xn, xm` (sets V on signed overflow)
    #[track_caller]
    pub fn adds(&mut self, rd: Reg, rn: Reg, rm: Reg) {
        self.addsub_reg(ADDS_REG, rd, rn, rm, Shift::LSL, 0)
    }
    #[track_caller]
    pub fn adds_shifted(&mut self, rd: Reg, rn: Reg, rm: Reg, shift: Shift, amount: u32) {
        self.addsub_reg(ADDS_REG, rd, rn, rm, shift, amount)
    }
    /// `sub xd, xn, xm`
    #[track_caller]
    pub fn sub(&mut self, rd: Reg, rn: Reg, rm: Reg) {
        self.addsub_reg(SUB_REG, rd, rn, rm, Shift::LSL, 0)
    }
    #[track_caller]
    pub fn sub_shifted(&mut self, rd: Reg, rn: Reg, rm: Reg, shift: Shift, amount: u32) {
        self.addsub_reg(SUB_REG, rd, rn, rm, shift, amount)
    }
    /// `subs xd, xn, xm`
    #[track_caller]
    pub fn subs(&mut self, rd: Reg, rn: Reg, rm: Reg) {
        self.addsub_reg(SUBS_REG, rd, rn, rm, Shift::LSL, 0)
    }
    #[track_caller]
    pub fn subs_shifted(&mut self, rd: Reg, rn: Reg, rm: Reg, shift: Shift, amount: u32) {
        self.addsub_reg(SUBS_REG, rd, rn, rm, shift, amount)
    }
    /// `cmp xn, xm`
    #[track_caller]
    pub fn cmp(&mut self, rn: Reg, rm: Reg) {
        self.subs(XZR, rn, rm)
    }
    /// `cmn xn, xm`
    #[track_caller]
    pub fn cmn(&mut self, rn: Reg, rm: Reg) {
        self.adds(XZR, rn, rm)
    }
    /// `neg xd, xm` (`sub xd, xzr, xm`)
    #[track_caller]
    pub fn neg(&mut self, rd: Reg, rm: Reg) {
        self.sub(rd, XZR, rm)
    }
    /// `negs xd, xm` (`subs xd, xzr, xm`; V set for i64::MIN)
    #[track_caller]
    pub fn negs(&mut self, rd: Reg, rm: Reg) {
        self.subs(rd, XZR, rm)
    }

    // ---------------------------------------------------------------- logical

    #[track_caller]
    fn logic_reg(&mut self, op: u32, rd: Reg, rn: Reg, rm: Reg, shift: Shift, amount: u32) {
        assert!(amount < 64, "shift amount {amount} out of range");
        self.emit(
            op | ((shift as u32) << 22) | (rz(rm) << 16) | (amount << 10) | (rz(rn) << 5) | rz(rd),
        );
    }
    /// `and xd, xn, xm`
    #[track_caller]
    pub fn and(&mut self, rd: Reg, rn: Reg, rm: Reg) {
        self.logic_reg(AND_REG, rd, rn, rm, Shift::LSL, 0)
    }
    #[track_caller]
    pub fn and_shifted(&mut self, rd: Reg, rn: Reg, rm: Reg, shift: Shift, amount: u32) {
        self.logic_reg(AND_REG, rd, rn, rm, shift, amount)
    }
    /// `orr xd, xn, xm`
    #[track_caller]
    pub fn orr(&mut self, rd: Reg, rn: Reg, rm: Reg) {
        self.logic_reg(ORR_REG, rd, rn, rm, Shift::LSL, 0)
    }
    #[track_caller]
    pub fn orr_shifted(&mut self, rd: Reg, rn: Reg, rm: Reg, shift: Shift, amount: u32) {
        self.logic_reg(ORR_REG, rd, rn, rm, shift, amount)
    }
    /// `eor xd, xn, xm`
    #[track_caller]
    pub fn eor(&mut self, rd: Reg, rn: Reg, rm: Reg) {
        self.logic_reg(EOR_REG, rd, rn, rm, Shift::LSL, 0)
    }
    #[track_caller]
    pub fn eor_shifted(&mut self, rd: Reg, rn: Reg, rm: Reg, shift: Shift, amount: u32) {
        self.logic_reg(EOR_REG, rd, rn, rm, shift, amount)
    }
    /// `ands xd, xn, xm`
    #[track_caller]
    pub fn ands(&mut self, rd: Reg, rn: Reg, rm: Reg) {
        self.logic_reg(ANDS_REG, rd, rn, rm, Shift::LSL, 0)
    }
    #[track_caller]
    pub fn ands_shifted(&mut self, rd: Reg, rn: Reg, rm: Reg, shift: Shift, amount: u32) {
        self.logic_reg(ANDS_REG, rd, rn, rm, shift, amount)
    }
    /// `bic xd, xn, xm` (xn & !xm)
    #[track_caller]
    pub fn bic(&mut self, rd: Reg, rn: Reg, rm: Reg) {
        self.logic_reg(BIC_REG, rd, rn, rm, Shift::LSL, 0)
    }
    #[track_caller]
    pub fn bic_shifted(&mut self, rd: Reg, rn: Reg, rm: Reg, shift: Shift, amount: u32) {
        self.logic_reg(BIC_REG, rd, rn, rm, shift, amount)
    }
    /// `bics xd, xn, xm`
    #[track_caller]
    pub fn bics(&mut self, rd: Reg, rn: Reg, rm: Reg) {
        self.logic_reg(BICS_REG, rd, rn, rm, Shift::LSL, 0)
    }
    /// `orn xd, xn, xm` (xn | !xm)
    #[track_caller]
    pub fn orn(&mut self, rd: Reg, rn: Reg, rm: Reg) {
        self.logic_reg(ORN_REG, rd, rn, rm, Shift::LSL, 0)
    }
    /// `eon xd, xn, xm` (xn ^ !xm)
    #[track_caller]
    pub fn eon(&mut self, rd: Reg, rn: Reg, rm: Reg) {
        self.logic_reg(EON_REG, rd, rn, rm, Shift::LSL, 0)
    }
    /// `mvn xd, xm` (`orn xd, xzr, xm`)
    #[track_caller]
    pub fn mvn(&mut self, rd: Reg, rm: Reg) {
        self.orn(rd, XZR, rm)
    }
    /// `tst xn, xm` (`ands xzr, xn, xm`)
    #[track_caller]
    pub fn tst(&mut self, rn: Reg, rm: Reg) {
        self.ands(XZR, rn, rm)
    }

    #[track_caller]
    fn logic_imm(&mut self, op: u32, d: u32, rn: Reg, imm: u64) {
        let Some((n, immr, imms)) = logical_imm(imm) else {
            panic!("{imm:#x} is not a logical immediate (check logical_imm)");
        };
        self.emit(op | (n << 22) | (immr << 16) | (imms << 10) | (rz(rn) << 5) | d);
    }
    /// `and xd|sp, xn, #imm`
    #[track_caller]
    pub fn and_imm(&mut self, rd: Reg, rn: Reg, imm: u64) {
        self.logic_imm(AND_IMM, rs(rd), rn, imm)
    }
    /// `orr xd|sp, xn, #imm`
    #[track_caller]
    pub fn orr_imm(&mut self, rd: Reg, rn: Reg, imm: u64) {
        self.logic_imm(ORR_IMM, rs(rd), rn, imm)
    }
    /// `eor xd|sp, xn, #imm`
    #[track_caller]
    pub fn eor_imm(&mut self, rd: Reg, rn: Reg, imm: u64) {
        self.logic_imm(EOR_IMM, rs(rd), rn, imm)
    }
    /// `ands xd, xn, #imm`
    #[track_caller]
    pub fn ands_imm(&mut self, rd: Reg, rn: Reg, imm: u64) {
        self.logic_imm(ANDS_IMM, rz(rd), rn, imm)
    }
    /// `tst xn, #imm` (`ands xzr, xn, #imm`)
    #[track_caller]
    pub fn tst_imm(&mut self, rn: Reg, imm: u64) {
        self.ands_imm(XZR, rn, imm)
    }

    // ---------------------------------------------------------------- shifts, bitfields

    #[track_caller]
    fn bfm(&mut self, op: u32, rd: Reg, rn: Reg, immr: u32, imms: u32) {
        self.emit(op | (immr << 16) | (imms << 10) | (rz(rn) << 5) | rz(rd));
    }
    /// `lsl xd, xn, #s` (`ubfm xd, xn, #(-s mod 64), #(63-s)`), s in 0..64
    #[track_caller]
    pub fn lsl_imm(&mut self, rd: Reg, rn: Reg, s: u32) {
        assert!(s < 64);
        self.bfm(0xd340_0000, rd, rn, (64 - s) % 64, 63 - s)
    }
    /// `lsr xd, xn, #s` (`ubfm xd, xn, #s, #63`)
    #[track_caller]
    pub fn lsr_imm(&mut self, rd: Reg, rn: Reg, s: u32) {
        assert!(s < 64);
        self.bfm(0xd340_0000, rd, rn, s, 63)
    }
    /// `asr xd, xn, #s` (`sbfm xd, xn, #s, #63`)
    #[track_caller]
    pub fn asr_imm(&mut self, rd: Reg, rn: Reg, s: u32) {
        assert!(s < 64);
        self.bfm(0x9340_0000, rd, rn, s, 63)
    }
    /// `ubfx xd, xn, #lsb, #width`: the `width` bits at `lsb`, zero-extended.
    #[track_caller]
    pub fn ubfx(&mut self, rd: Reg, rn: Reg, lsb: u32, width: u32) {
        assert!(width >= 1 && lsb + width <= 64);
        self.bfm(0xd340_0000, rd, rn, lsb, lsb + width - 1)
    }
    /// `sbfx xd, xn, #lsb, #width`: the `width` bits at `lsb`, sign-extended.
    #[track_caller]
    pub fn sbfx(&mut self, rd: Reg, rn: Reg, lsb: u32, width: u32) {
        assert!(width >= 1 && lsb + width <= 64);
        self.bfm(0x9340_0000, rd, rn, lsb, lsb + width - 1)
    }
    /// `sxtw xd, wn` (`sbfm xd, xn, #0, #31`)
    #[track_caller]
    pub fn sxtw(&mut self, rd: Reg, rn: Reg) {
        self.bfm(0x9340_0000, rd, rn, 0, 31)
    }
    /// Zero-extends the low 32 bits: `mov wd, wn`.
    #[track_caller]
    pub fn uxtw(&mut self, rd: Reg, rn: Reg) {
        self.mov_w(rd, rn)
    }
    #[track_caller]
    fn dp2(&mut self, op: u32, rd: Reg, rn: Reg, rm: Reg) {
        self.emit(op | (rz(rm) << 16) | (rz(rn) << 5) | rz(rd));
    }
    /// `lsl xd, xn, xm` (lslv; the amount is xm mod 64)
    #[track_caller]
    pub fn lsl(&mut self, rd: Reg, rn: Reg, rm: Reg) {
        self.dp2(LSLV, rd, rn, rm)
    }
    /// `lsr xd, xn, xm` (lsrv)
    #[track_caller]
    pub fn lsr(&mut self, rd: Reg, rn: Reg, rm: Reg) {
        self.dp2(LSRV, rd, rn, rm)
    }
    /// `asr xd, xn, xm` (asrv)
    #[track_caller]
    pub fn asr(&mut self, rd: Reg, rn: Reg, rm: Reg) {
        self.dp2(ASRV, rd, rn, rm)
    }
    /// `ror xd, xn, xm` (rorv)
    #[track_caller]
    pub fn ror(&mut self, rd: Reg, rn: Reg, rm: Reg) {
        self.dp2(RORV, rd, rn, rm)
    }

    // ---------------------------------------------------------------- multiply, divide

    #[track_caller]
    fn dp3(&mut self, op: u32, rd: Reg, rn: Reg, rm: Reg, ra: Reg) {
        self.emit(op | (rz(rm) << 16) | (rz(ra) << 10) | (rz(rn) << 5) | rz(rd));
    }
    /// `madd xd, xn, xm, xa` (xa + xn*xm)
    #[track_caller]
    pub fn madd(&mut self, rd: Reg, rn: Reg, rm: Reg, ra: Reg) {
        self.dp3(0x9b00_0000, rd, rn, rm, ra)
    }
    /// `msub xd, xn, xm, xa` (xa - xn*xm; with sdiv, the remainder)
    #[track_caller]
    pub fn msub(&mut self, rd: Reg, rn: Reg, rm: Reg, ra: Reg) {
        self.dp3(0x9b00_8000, rd, rn, rm, ra)
    }
    /// `mul xd, xn, xm` (low 64 bits; no flags: overflow is `smulh` != `asr #63` of `mul`)
    #[track_caller]
    pub fn mul(&mut self, rd: Reg, rn: Reg, rm: Reg) {
        self.madd(rd, rn, rm, XZR)
    }
    /// `smulh xd, xn, xm` (high 64 bits of the signed 128-bit product)
    #[track_caller]
    pub fn smulh(&mut self, rd: Reg, rn: Reg, rm: Reg) {
        self.dp3(0x9b40_0000, rd, rn, rm, XZR)
    }
    /// `umulh xd, xn, xm`
    #[track_caller]
    pub fn umulh(&mut self, rd: Reg, rn: Reg, rm: Reg) {
        self.dp3(0x9bc0_0000, rd, rn, rm, XZR)
    }
    /// `smull xd, wn, wm` (signed 32x32 -> 64)
    #[track_caller]
    pub fn smull(&mut self, rd: Reg, rn: Reg, rm: Reg) {
        self.dp3(0x9b20_0000, rd, rn, rm, XZR)
    }
    /// `sdiv xd, xn, xm` (truncates; x/0 = 0 and MIN/-1 = MIN without a trap)
    #[track_caller]
    pub fn sdiv(&mut self, rd: Reg, rn: Reg, rm: Reg) {
        self.dp2(SDIV, rd, rn, rm)
    }
    /// `udiv xd, xn, xm`
    #[track_caller]
    pub fn udiv(&mut self, rd: Reg, rn: Reg, rm: Reg) {
        self.dp2(UDIV, rd, rn, rm)
    }

    // ---------------------------------------------------------------- conditional select

    #[track_caller]
    fn csel_op(&mut self, op: u32, rd: Reg, rn: Reg, rm: Reg, c: Cond) {
        self.emit(op | (rz(rm) << 16) | (c.bits() << 12) | (rz(rn) << 5) | rz(rd));
    }
    /// `csel xd, xn, xm, c` (c ? xn : xm)
    #[track_caller]
    pub fn csel(&mut self, rd: Reg, rn: Reg, rm: Reg, c: Cond) {
        self.csel_op(CSEL, rd, rn, rm, c)
    }
    /// `csinc xd, xn, xm, c` (c ? xn : xm + 1)
    #[track_caller]
    pub fn csinc(&mut self, rd: Reg, rn: Reg, rm: Reg, c: Cond) {
        self.csel_op(CSINC, rd, rn, rm, c)
    }
    /// `csinv xd, xn, xm, c` (c ? xn : !xm)
    #[track_caller]
    pub fn csinv(&mut self, rd: Reg, rn: Reg, rm: Reg, c: Cond) {
        self.csel_op(CSINV, rd, rn, rm, c)
    }
    /// `csneg xd, xn, xm, c` (c ? xn : -xm)
    #[track_caller]
    pub fn csneg(&mut self, rd: Reg, rn: Reg, rm: Reg, c: Cond) {
        self.csel_op(CSNEG, rd, rn, rm, c)
    }
    /// `cset xd, c` (xd = c ? 1 : 0; `csinc xd, xzr, xzr, !c`)
    #[track_caller]
    pub fn cset(&mut self, rd: Reg, c: Cond) {
        self.csinc(rd, XZR, XZR, c.invert())
    }
    /// `csetm xd, c` (xd = c ? -1 : 0; `csinv xd, xzr, xzr, !c`)
    #[track_caller]
    pub fn csetm(&mut self, rd: Reg, c: Cond) {
        self.csinv(rd, XZR, XZR, c.invert())
    }

    // ---------------------------------------------------------------- loads, stores

    #[track_caller]
    fn ls_imm(&mut self, op: Ls, t: u32, rn: Reg, off: i64, index: Index) {
        let base = op.base() | (rs(rn) << 5) | t;
        let scaled = index == Index::Offset && scaled_offset_fits(off, op.size);
        if scaled {
            self.emit(base | (1 << 24) | (((off >> op.size) as u32) << 10));
            return;
        }
        assert!(
            unscaled_offset_fits(off),
            "offset {off} does not encode (check mem_offset_fits / unscaled_offset_fits)"
        );
        if matches!(index, Index::Pre | Index::Post) && !rn.is_sp() && op.v == 0 {
            assert_ne!(rn.hw(), t, "writeback to the register loaded or stored is unpredictable");
        }
        let mode = match index {
            Index::Offset | Index::Unscaled => 0b00,
            Index::Post => 0b01,
            Index::Pre => 0b11,
        };
        self.emit(base | (((off as u32) & 0x1ff) << 12) | (mode << 10));
    }
    #[track_caller]
    fn ls_reg(&mut self, op: Ls, t: u32, rn: Reg, rm: Reg, scaled: bool) {
        // option 011 (lsl/uxtx), S = scaled.
        self.emit(
            op.base()
                | (1 << 21)
                | (rz(rm) << 16)
                | (0b011 << 13)
                | ((scaled as u32) << 12)
                | (0b10 << 10)
                | (rs(rn) << 5)
                | t,
        );
    }

    /// `ldr xt, [xn|sp, #off]`: the scaled unsigned form when `off` is a multiple of 8 in
    /// 0..=32760, else `ldur` (-256..=255). Any other offset panics (`mem_offset_fits`).
    #[track_caller]
    pub fn ldr_x(&mut self, rt: Reg, rn: Reg, off: i64) {
        self.ls_imm(LDR_X, rz(rt), rn, off, Index::Offset)
    }
    /// `str xt, [xn|sp, #off]` (as `ldr_x`)
    #[track_caller]
    pub fn str_x(&mut self, rt: Reg, rn: Reg, off: i64) {
        self.ls_imm(STR_X, rz(rt), rn, off, Index::Offset)
    }
    /// `ldr wt, [xn|sp, #off]` (zero-extends; scaled by 4)
    #[track_caller]
    pub fn ldr_w(&mut self, rt: Reg, rn: Reg, off: i64) {
        self.ls_imm(LDR_W, rz(rt), rn, off, Index::Offset)
    }
    /// `str wt, [xn|sp, #off]`
    #[track_caller]
    pub fn str_w(&mut self, rt: Reg, rn: Reg, off: i64) {
        self.ls_imm(STR_W, rz(rt), rn, off, Index::Offset)
    }
    /// `ldrsw xt, [xn|sp, #off]` (sign-extends a 32-bit word)
    #[track_caller]
    pub fn ldrsw(&mut self, rt: Reg, rn: Reg, off: i64) {
        self.ls_imm(LDRSW, rz(rt), rn, off, Index::Offset)
    }
    /// `ldrh wt, [xn|sp, #off]`
    #[track_caller]
    pub fn ldrh(&mut self, rt: Reg, rn: Reg, off: i64) {
        self.ls_imm(LDRH, rz(rt), rn, off, Index::Offset)
    }
    /// `strh wt, [xn|sp, #off]`
    #[track_caller]
    pub fn strh(&mut self, rt: Reg, rn: Reg, off: i64) {
        self.ls_imm(STRH, rz(rt), rn, off, Index::Offset)
    }
    /// `ldrb wt, [xn|sp, #off]` (0..=4095, else ldurb)
    #[track_caller]
    pub fn ldrb(&mut self, rt: Reg, rn: Reg, off: i64) {
        self.ls_imm(LDRB, rz(rt), rn, off, Index::Offset)
    }
    /// `strb wt, [xn|sp, #off]`
    #[track_caller]
    pub fn strb(&mut self, rt: Reg, rn: Reg, off: i64) {
        self.ls_imm(STRB, rz(rt), rn, off, Index::Offset)
    }
    /// `ldr dt, [xn|sp, #off]`
    #[track_caller]
    pub fn ldr_d(&mut self, rt: FReg, rn: Reg, off: i64) {
        self.ls_imm(LDR_D, fr(rt), rn, off, Index::Offset)
    }
    /// `str dt, [xn|sp, #off]`
    #[track_caller]
    pub fn str_d(&mut self, rt: FReg, rn: Reg, off: i64) {
        self.ls_imm(STR_D, fr(rt), rn, off, Index::Offset)
    }

    /// `ldur xt, [xn|sp, #off]` (-256..=255, any alignment)
    #[track_caller]
    pub fn ldur_x(&mut self, rt: Reg, rn: Reg, off: i64) {
        self.ls_imm(LDR_X, rz(rt), rn, off, Index::Unscaled)
    }
    /// `stur xt, [xn|sp, #off]`
    #[track_caller]
    pub fn stur_x(&mut self, rt: Reg, rn: Reg, off: i64) {
        self.ls_imm(STR_X, rz(rt), rn, off, Index::Unscaled)
    }
    /// `ldur wt, [xn|sp, #off]`
    #[track_caller]
    pub fn ldur_w(&mut self, rt: Reg, rn: Reg, off: i64) {
        self.ls_imm(LDR_W, rz(rt), rn, off, Index::Unscaled)
    }
    /// `stur wt, [xn|sp, #off]`
    #[track_caller]
    pub fn stur_w(&mut self, rt: Reg, rn: Reg, off: i64) {
        self.ls_imm(STR_W, rz(rt), rn, off, Index::Unscaled)
    }
    /// `ldurb wt, [xn|sp, #off]`
    #[track_caller]
    pub fn ldurb(&mut self, rt: Reg, rn: Reg, off: i64) {
        self.ls_imm(LDRB, rz(rt), rn, off, Index::Unscaled)
    }
    /// `sturb wt, [xn|sp, #off]`
    #[track_caller]
    pub fn sturb(&mut self, rt: Reg, rn: Reg, off: i64) {
        self.ls_imm(STRB, rz(rt), rn, off, Index::Unscaled)
    }
    /// `ldur dt, [xn|sp, #off]`
    #[track_caller]
    pub fn ldur_d(&mut self, rt: FReg, rn: Reg, off: i64) {
        self.ls_imm(LDR_D, fr(rt), rn, off, Index::Unscaled)
    }
    /// `stur dt, [xn|sp, #off]`
    #[track_caller]
    pub fn stur_d(&mut self, rt: FReg, rn: Reg, off: i64) {
        self.ls_imm(STR_D, fr(rt), rn, off, Index::Unscaled)
    }

    /// `ldr xt, [xn|sp, #off]!` (pre-index: xn += off, then load; -256..=255)
    #[track_caller]
    pub fn ldr_x_pre(&mut self, rt: Reg, rn: Reg, off: i64) {
        self.ls_imm(LDR_X, rz(rt), rn, off, Index::Pre)
    }
    /// `ldr xt, [xn|sp], #off` (post-index: load, then xn += off)
    #[track_caller]
    pub fn ldr_x_post(&mut self, rt: Reg, rn: Reg, off: i64) {
        self.ls_imm(LDR_X, rz(rt), rn, off, Index::Post)
    }
    /// `str xt, [xn|sp, #off]!`
    #[track_caller]
    pub fn str_x_pre(&mut self, rt: Reg, rn: Reg, off: i64) {
        self.ls_imm(STR_X, rz(rt), rn, off, Index::Pre)
    }
    /// `str xt, [xn|sp], #off`
    #[track_caller]
    pub fn str_x_post(&mut self, rt: Reg, rn: Reg, off: i64) {
        self.ls_imm(STR_X, rz(rt), rn, off, Index::Post)
    }

    /// `ldr xt, [xn|sp, xm]` or, `scaled`, `ldr xt, [xn|sp, xm, lsl #3]`
    #[track_caller]
    pub fn ldr_x_reg(&mut self, rt: Reg, rn: Reg, rm: Reg, scaled: bool) {
        self.ls_reg(LDR_X, rz(rt), rn, rm, scaled)
    }
    /// `str xt, [xn|sp, xm{, lsl #3}]`
    #[track_caller]
    pub fn str_x_reg(&mut self, rt: Reg, rn: Reg, rm: Reg, scaled: bool) {
        self.ls_reg(STR_X, rz(rt), rn, rm, scaled)
    }
    /// `ldr wt, [xn|sp, xm{, lsl #2}]`
    #[track_caller]
    pub fn ldr_w_reg(&mut self, rt: Reg, rn: Reg, rm: Reg, scaled: bool) {
        self.ls_reg(LDR_W, rz(rt), rn, rm, scaled)
    }
    /// `str wt, [xn|sp, xm{, lsl #2}]`
    #[track_caller]
    pub fn str_w_reg(&mut self, rt: Reg, rn: Reg, rm: Reg, scaled: bool) {
        self.ls_reg(STR_W, rz(rt), rn, rm, scaled)
    }
    /// `ldrb wt, [xn|sp, xm]`
    #[track_caller]
    pub fn ldrb_reg(&mut self, rt: Reg, rn: Reg, rm: Reg) {
        self.ls_reg(LDRB, rz(rt), rn, rm, false)
    }
    /// `strb wt, [xn|sp, xm]`
    #[track_caller]
    pub fn strb_reg(&mut self, rt: Reg, rn: Reg, rm: Reg) {
        self.ls_reg(STRB, rz(rt), rn, rm, false)
    }
    /// `ldr dt, [xn|sp, xm{, lsl #3}]`
    #[track_caller]
    pub fn ldr_d_reg(&mut self, rt: FReg, rn: Reg, rm: Reg, scaled: bool) {
        self.ls_reg(LDR_D, fr(rt), rn, rm, scaled)
    }
    /// `str dt, [xn|sp, xm{, lsl #3}]`
    #[track_caller]
    pub fn str_d_reg(&mut self, rt: FReg, rn: Reg, rm: Reg, scaled: bool) {
        self.ls_reg(STR_D, fr(rt), rn, rm, scaled)
    }

    // pairs: opc 101 V mode L imm7 Rt2 Rn Rt
    #[allow(clippy::too_many_arguments)]
    #[track_caller]
    fn pair(&mut self, base: u32, t1: u32, t2: u32, rn: Reg, off: i64, mode: u32, load: bool) {
        assert!(pair_offset_fits(off), "pair offset {off} does not encode (pair_offset_fits)");
        let gprs = base & (1 << 26) == 0;
        if mode != 0b10 && !rn.is_sp() && gprs {
            assert!(rn.hw() != t1 && rn.hw() != t2, "writeback to a paired register");
        }
        if load {
            assert_ne!(t1, t2, "ldp to one register twice is unpredictable");
        }
        let imm7 = ((off >> 3) as u32) & 0x7f;
        self.emit(
            base | (mode << 23) | ((load as u32) << 22) | (imm7 << 15) | (t2 << 10) | (rs(rn) << 5) | t1,
        );
    }
    /// `stp xt1, xt2, [xn|sp, #off]` (off a multiple of 8 in -512..=504)
    #[track_caller]
    pub fn stp_x(&mut self, rt1: Reg, rt2: Reg, rn: Reg, off: i64) {
        self.pair(0xa800_0000, rz(rt1), rz(rt2), rn, off, 0b10, false)
    }
    /// `ldp xt1, xt2, [xn|sp, #off]`
    #[track_caller]
    pub fn ldp_x(&mut self, rt1: Reg, rt2: Reg, rn: Reg, off: i64) {
        self.pair(0xa800_0000, rz(rt1), rz(rt2), rn, off, 0b10, true)
    }
    /// `stp xt1, xt2, [xn|sp, #off]!` (the prologue's `stp x29, x30, [sp, #-16]!`)
    #[track_caller]
    pub fn stp_x_pre(&mut self, rt1: Reg, rt2: Reg, rn: Reg, off: i64) {
        self.pair(0xa800_0000, rz(rt1), rz(rt2), rn, off, 0b11, false)
    }
    /// `ldp xt1, xt2, [xn|sp, #off]!`
    #[track_caller]
    pub fn ldp_x_pre(&mut self, rt1: Reg, rt2: Reg, rn: Reg, off: i64) {
        self.pair(0xa800_0000, rz(rt1), rz(rt2), rn, off, 0b11, true)
    }
    /// `stp xt1, xt2, [xn|sp], #off`
    #[track_caller]
    pub fn stp_x_post(&mut self, rt1: Reg, rt2: Reg, rn: Reg, off: i64) {
        self.pair(0xa800_0000, rz(rt1), rz(rt2), rn, off, 0b01, false)
    }
    /// `ldp xt1, xt2, [xn|sp], #off` (the epilogue's `ldp x29, x30, [sp], #16`)
    #[track_caller]
    pub fn ldp_x_post(&mut self, rt1: Reg, rt2: Reg, rn: Reg, off: i64) {
        self.pair(0xa800_0000, rz(rt1), rz(rt2), rn, off, 0b01, true)
    }
    /// `stp dt1, dt2, [xn|sp, #off]`
    #[track_caller]
    pub fn stp_d(&mut self, rt1: FReg, rt2: FReg, rn: Reg, off: i64) {
        self.pair(0x6c00_0000, fr(rt1), fr(rt2), rn, off, 0b10, false)
    }
    /// `ldp dt1, dt2, [xn|sp, #off]`
    #[track_caller]
    pub fn ldp_d(&mut self, rt1: FReg, rt2: FReg, rn: Reg, off: i64) {
        self.pair(0x6c00_0000, fr(rt1), fr(rt2), rn, off, 0b10, true)
    }
    /// `stp dt1, dt2, [xn|sp, #off]!`
    #[track_caller]
    pub fn stp_d_pre(&mut self, rt1: FReg, rt2: FReg, rn: Reg, off: i64) {
        self.pair(0x6c00_0000, fr(rt1), fr(rt2), rn, off, 0b11, false)
    }
    /// `ldp dt1, dt2, [xn|sp], #off`
    #[track_caller]
    pub fn ldp_d_post(&mut self, rt1: FReg, rt2: FReg, rn: Reg, off: i64) {
        self.pair(0x6c00_0000, fr(rt1), fr(rt2), rn, off, 0b01, true)
    }

    /// `ldr xt, label` (pc-relative literal, ±1 MiB, 4-byte aligned target)
    #[track_caller]
    pub fn ldr_x_lit(&mut self, rt: Reg, l: Label) {
        self.fixup(0x5800_0000 | rz(rt), l, Reloc::Imm19)
    }
    /// `ldr dt, label`
    pub fn ldr_d_lit(&mut self, rt: FReg, l: Label) {
        self.fixup(0x5c00_0000 | fr(rt), l, Reloc::Imm19)
    }
    /// `adr xd, label` (xd = address of label, ±1 MiB)
    #[track_caller]
    pub fn adr(&mut self, rd: Reg, l: Label) {
        self.fixup(0x1000_0000 | rz(rd), l, Reloc::Adr21)
    }

    // ---------------------------------------------------------------- branches

    /// `b label` (±128 MiB)
    pub fn b(&mut self, l: Label) {
        self.fixup(0x1400_0000, l, Reloc::Imm26)
    }
    /// `bl label` (±128 MiB)
    pub fn bl(&mut self, l: Label) {
        self.fixup(0x9400_0000, l, Reloc::Imm26)
    }
    /// `b.c label` (±1 MiB)
    pub fn b_cond(&mut self, c: Cond, l: Label) {
        self.fixup(0x5400_0000 | c.bits(), l, Reloc::Imm19)
    }
    /// `cbz xt, label` (±1 MiB)
    #[track_caller]
    pub fn cbz(&mut self, rt: Reg, l: Label) {
        self.fixup(0xb400_0000 | rz(rt), l, Reloc::Imm19)
    }
    /// `cbnz xt, label` (±1 MiB)
    #[track_caller]
    pub fn cbnz(&mut self, rt: Reg, l: Label) {
        self.fixup(0xb500_0000 | rz(rt), l, Reloc::Imm19)
    }
    #[track_caller]
    fn test_branch(&mut self, op: u32, rt: Reg, bit: u32, l: Label) {
        assert!(bit < 64, "bit {bit} out of range");
        self.fixup(op | ((bit >> 5) << 31) | ((bit & 31) << 19) | rz(rt), l, Reloc::Imm14)
    }
    /// `tbz xt, #bit, label` (branch if the bit is 0; ±32 KiB)
    #[track_caller]
    pub fn tbz(&mut self, rt: Reg, bit: u32, l: Label) {
        self.test_branch(0x3600_0000, rt, bit, l)
    }
    /// `tbnz xt, #bit, label` (branch if the bit is 1; ±32 KiB)
    #[track_caller]
    pub fn tbnz(&mut self, rt: Reg, bit: u32, l: Label) {
        self.test_branch(0x3700_0000, rt, bit, l)
    }
    /// `br xn`
    #[track_caller]
    pub fn br(&mut self, rn: Reg) {
        self.emit(0xd61f_0000 | (rx(rn) << 5))
    }
    /// `blr xn`
    #[track_caller]
    pub fn blr(&mut self, rn: Reg) {
        self.emit(0xd63f_0000 | (rx(rn) << 5))
    }
    /// `ret` (to x30)
    pub fn ret(&mut self) {
        self.emit(0xd65f_03c0)
    }
    /// `ret xn`
    #[track_caller]
    pub fn ret_to(&mut self, rn: Reg) {
        self.emit(0xd65f_0000 | (rx(rn) << 5))
    }
    /// `brk #imm16` (a trap: SIGTRAP on Linux)
    pub fn brk(&mut self, imm16: u16) {
        self.emit(0xd420_0000 | ((imm16 as u32) << 5))
    }
    pub fn nop(&mut self) {
        self.emit(0xd503_201f)
    }
    /// `dmb ish` (orders memory accesses among the inner-shareable observers)
    pub fn dmb_ish(&mut self) {
        self.emit(0xd503_3bbf)
    }
    /// `dsb ish`
    pub fn dsb_ish(&mut self) {
        self.emit(0xd503_3b9f)
    }
    /// `isb`
    pub fn isb(&mut self) {
        self.emit(0xd503_3fdf)
    }

    // ---------------------------------------------------------------- floating point (double)

    fn fp1(&mut self, op: u32, rd: FReg, rn: FReg) {
        self.emit(op | (fr(rn) << 5) | fr(rd))
    }
    fn fp2(&mut self, op: u32, rd: FReg, rn: FReg, rm: FReg) {
        self.emit(op | (fr(rm) << 16) | (fr(rn) << 5) | fr(rd))
    }
    /// `fmov dd, dn`
    pub fn fmov(&mut self, rd: FReg, rn: FReg) {
        self.fp1(FP1_FMOV, rd, rn)
    }
    /// `fmov dd, xn` (the bits; `fmov dd, xzr` gives +0.0)
    #[track_caller]
    pub fn fmov_from_x(&mut self, rd: FReg, rn: Reg) {
        self.emit(FMOV_DX | (rz(rn) << 5) | fr(rd))
    }
    /// `fmov xd, dn` (the bits)
    #[track_caller]
    pub fn fmov_to_x(&mut self, rd: Reg, rn: FReg) {
        self.emit(FMOV_XD | (fr(rn) << 5) | rz(rd))
    }
    /// `fmov dd, #imm` (imm as `imm::fp_imm8` accepts)
    #[track_caller]
    pub fn fmov_imm(&mut self, rd: FReg, imm: f64) {
        let Some(imm8) = fp_imm8(imm) else {
            panic!("{imm} is not an fmov immediate (check fp_imm8)");
        };
        self.emit(0x1e60_1000 | ((imm8 as u32) << 13) | fr(rd))
    }
    pub fn fadd(&mut self, rd: FReg, rn: FReg, rm: FReg) {
        self.fp2(FP2_FADD, rd, rn, rm)
    }
    pub fn fsub(&mut self, rd: FReg, rn: FReg, rm: FReg) {
        self.fp2(FP2_FSUB, rd, rn, rm)
    }
    pub fn fmul(&mut self, rd: FReg, rn: FReg, rm: FReg) {
        self.fp2(FP2_FMUL, rd, rn, rm)
    }
    pub fn fdiv(&mut self, rd: FReg, rn: FReg, rm: FReg) {
        self.fp2(FP2_FDIV, rd, rn, rm)
    }
    /// `fmax` (NaN if either is NaN; +0.0 > -0.0)
    pub fn fmax(&mut self, rd: FReg, rn: FReg, rm: FReg) {
        self.fp2(FP2_FMAX, rd, rn, rm)
    }
    /// `fmin` (NaN if either is NaN)
    pub fn fmin(&mut self, rd: FReg, rn: FReg, rm: FReg) {
        self.fp2(FP2_FMIN, rd, rn, rm)
    }
    /// `fmaxnm` (the number if one operand is a quiet NaN)
    pub fn fmaxnm(&mut self, rd: FReg, rn: FReg, rm: FReg) {
        self.fp2(FP2_FMAXNM, rd, rn, rm)
    }
    /// `fminnm`
    pub fn fminnm(&mut self, rd: FReg, rn: FReg, rm: FReg) {
        self.fp2(FP2_FMINNM, rd, rn, rm)
    }
    pub fn fsqrt(&mut self, rd: FReg, rn: FReg) {
        self.fp1(FP1_FSQRT, rd, rn)
    }
    pub fn fneg(&mut self, rd: FReg, rn: FReg) {
        self.fp1(FP1_FNEG, rd, rn)
    }
    pub fn fabs(&mut self, rd: FReg, rn: FReg) {
        self.fp1(FP1_FABS, rd, rn)
    }
    /// `frintm`: round toward minus infinity (floor), as a double
    pub fn frintm(&mut self, rd: FReg, rn: FReg) {
        self.fp1(FP1_FRINTM, rd, rn)
    }
    /// `frintp`: ceil
    pub fn frintp(&mut self, rd: FReg, rn: FReg) {
        self.fp1(FP1_FRINTP, rd, rn)
    }
    /// `frintz`: trunc
    pub fn frintz(&mut self, rd: FReg, rn: FReg) {
        self.fp1(FP1_FRINTZ, rd, rn)
    }
    /// `frintn`: round half to even
    pub fn frintn(&mut self, rd: FReg, rn: FReg) {
        self.fp1(FP1_FRINTN, rd, rn)
    }
    /// `fcmp dn, dm` (sets NZCV; unordered = C and V set)
    pub fn fcmp(&mut self, rn: FReg, rm: FReg) {
        self.emit(0x1e60_2000 | (fr(rm) << 16) | (fr(rn) << 5))
    }
    /// `fcmp dn, #0.0`
    pub fn fcmp_zero(&mut self, rn: FReg) {
        self.emit(0x1e60_2008 | (fr(rn) << 5))
    }
    /// `fcsel dd, dn, dm, c`
    pub fn fcsel(&mut self, rd: FReg, rn: FReg, rm: FReg, c: Cond) {
        self.emit(0x1e60_0c00 | (fr(rm) << 16) | (c.bits() << 12) | (fr(rn) << 5) | fr(rd))
    }
    #[track_caller]
    fn cvt_to_d(&mut self, op: u32, rd: FReg, rn: Reg) {
        self.emit(op | (rz(rn) << 5) | fr(rd))
    }
    #[track_caller]
    fn cvt_to_x(&mut self, op: u32, rd: Reg, rn: FReg) {
        self.emit(op | (fr(rn) << 5) | rz(rd))
    }
    /// `scvtf dd, xn` (signed 64-bit integer to double, rounding to nearest)
    #[track_caller]
    pub fn scvtf(&mut self, rd: FReg, rn: Reg) {
        self.cvt_to_d(SCVTF, rd, rn)
    }
    /// `ucvtf dd, xn`
    #[track_caller]
    pub fn ucvtf(&mut self, rd: FReg, rn: Reg) {
        self.cvt_to_d(UCVTF, rd, rn)
    }
    /// `fcvtzs xd, dn` (toward zero; saturates, NaN gives 0)
    #[track_caller]
    pub fn fcvtzs(&mut self, rd: Reg, rn: FReg) {
        self.cvt_to_x(FCVTZS, rd, rn)
    }
    /// `fcvtzu xd, dn`
    #[track_caller]
    pub fn fcvtzu(&mut self, rd: Reg, rn: FReg) {
        self.cvt_to_x(FCVTZU, rd, rn)
    }
    /// `fcvtms xd, dn` (toward minus infinity: floor to integer)
    #[track_caller]
    pub fn fcvtms(&mut self, rd: Reg, rn: FReg) {
        self.cvt_to_x(FCVTMS, rd, rn)
    }
    /// `fcvtns xd, dn` (to nearest, ties to even)
    #[track_caller]
    pub fn fcvtns(&mut self, rd: Reg, rn: FReg) {
        self.cvt_to_x(FCVTNS, rd, rn)
    }
}
