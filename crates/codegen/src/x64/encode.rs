//! The x86-64 instruction encoder: one method per instruction form, Intel operand order.
//!
//! Method names are `op_<operands>` with `r` a general register, `x` an xmm register, `m` a
//! memory operand, `i` an immediate, in Intel order (destination first): `mov_rm(dst, mem)`
//! loads, `mov_mr(mem, src)` stores. Operand size is 64 bits unless the name says `32` or
//! `8`. Every method picks the shortest encoding of its form (sign-extended imm8, disp8,
//! the RAX short forms). None of them touches the flags unless the instruction itself does
//! (in particular `mov_ri(r, 0)` is a `mov`, never an `xor`; use [`Asm::zero_r`] for that).
//!
//! Branches to labels write a zero displacement and record a fixup in the [`CodeBuffer`];
//! [`Asm::finish`] resolves them. [`patch_rel32`] retargets an emitted `jmp`/`jcc`/`call`.

use super::regs::{FReg, Reg, RAX};
use crate::buffer::{CodeBuffer, Label, OutOfRange};

/// Index scale of a memory operand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    S1 = 0,
    S2 = 1,
    S4 = 2,
    S8 = 3,
}

/// A memory operand `[base + index*scale + disp]`. The index may not be RSP (the hardware
/// has no encoding for it); every base works (RSP/R12 cost a SIB byte, RBP/R13 a disp8 even
/// when `disp == 0`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mem {
    pub base: Reg,
    pub index: Option<(Reg, Scale)>,
    pub disp: i32,
}

impl Mem {
    /// `[base]`
    pub const fn base(base: Reg) -> Mem {
        Mem { base, index: None, disp: 0 }
    }
    /// `[base + disp]`
    pub const fn at(base: Reg, disp: i32) -> Mem {
        Mem { base, index: None, disp }
    }
    /// `[base + index*scale + disp]`
    pub const fn indexed(base: Reg, index: Reg, scale: Scale, disp: i32) -> Mem {
        Mem { base, index: Some((index, scale)), disp }
    }
}

/// Condition codes, numbered as in the `jcc`/`setcc`/`cmovcc` opcodes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Cond {
    /// overflow
    O = 0,
    NO = 1,
    /// unsigned below (carry)
    B = 2,
    /// unsigned above or equal (no carry)
    AE = 3,
    E = 4,
    NE = 5,
    /// unsigned below or equal
    BE = 6,
    /// unsigned above
    A = 7,
    /// sign
    S = 8,
    NS = 9,
    /// parity (after `ucomisd`: unordered, a NaN operand)
    P = 10,
    NP = 11,
    /// signed less
    L = 12,
    GE = 13,
    LE = 14,
    G = 15,
}

impl Cond {
    /// The condition that holds exactly when `self` does not.
    pub const fn invert(self) -> Cond {
        Cond::from_code(self as u8 ^ 1)
    }
    /// The condition with hardware number `cc & 15`.
    pub const fn from_code(cc: u8) -> Cond {
        use Cond::*;
        const ALL: [Cond; 16] = [O, NO, B, AE, E, NE, BE, A, S, NS, P, NP, L, GE, LE, G];
        ALL[(cc & 15) as usize]
    }
    /// The condition after swapping the operands of the `cmp` that set the flags
    /// (`a < b` ⇔ `b > a`). Conditions that do not depend on the order are returned unchanged.
    pub const fn swap(self) -> Cond {
        use Cond::*;
        match self {
            B => A,
            A => B,
            AE => BE,
            BE => AE,
            L => G,
            G => L,
            GE => LE,
            LE => GE,
            c => c,
        }
    }
}

/// The two-operand integer ALU operations sharing the `00`-`3F` opcode rows (value = `/digit`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Alu {
    Add = 0,
    Or = 1,
    And = 4,
    Sub = 5,
    Xor = 6,
    Cmp = 7,
}

/// Shift operations (value = `/digit` of C1/D1/D3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shift {
    Shl = 4,
    Shr = 5,
    Sar = 7,
}

/// The relocation kinds of x86-64 fixups (the `kind` byte of [`CodeBuffer::fixup`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Reloc {
    /// A 4-byte little-endian displacement at `at`, relative to the end of the field
    /// (`at + 4`), which is the end of the instruction for every form that uses it.
    Rel32 = 0,
}

/// Writes the displacement of fixup `kind` at `at` so that it reaches `target`.
pub fn resolve(bytes: &mut [u8], at: u32, target: u32, kind: u8) -> Result<(), OutOfRange> {
    match kind {
        k if k == Reloc::Rel32 as u8 => {
            let disp = target as i64 - (at as i64 + 4);
            let disp = i32::try_from(disp).map_err(|_| OutOfRange { at, target })?;
            let a = at as usize;
            bytes[a..a + 4].copy_from_slice(&disp.to_le_bytes());
            Ok(())
        }
        k => panic!("unknown x86-64 relocation kind {k}"),
    }
}

/// Retargets the `jmp rel32`, `jcc rel32` or `call rel32` that starts at offset `at` of
/// `code` (the offset of the instruction's first byte, as returned by [`Asm::jmp_to_label`]
/// and [`Asm::jcc_to_label`]) so that it jumps to `target`.
///
/// `target` is in the same coordinates as `at` (an offset from `code[0]`); it may lie outside
/// `code` (a bridge in another chunk: pass `target_addr.wrapping_sub(code_addr)`, which the
/// function reads as a signed distance). Fails when the distance does not fit 32 bits.
/// Panics when no such instruction starts at `at` (a bug of the caller).
pub fn patch_rel32(code: &mut [u8], at: usize, target: usize) -> Result<(), OutOfRange> {
    let field = match (code[at], code.get(at + 1)) {
        (0xE9 | 0xE8, _) => at + 1,
        (0x0F, Some(&op2)) if op2 & 0xF0 == 0x80 => at + 2,
        (op, _) => panic!("patch_rel32: no jmp/jcc/call rel32 at {at} (opcode {op:#04x})"),
    };
    let disp = target.wrapping_sub(field + 4) as isize as i64;
    let disp = i32::try_from(disp)
        .map_err(|_| OutOfRange { at: at as u32, target: target as u32 })?;
    code[field..field + 4].copy_from_slice(&disp.to_le_bytes());
    Ok(())
}

/// The r/m operand of a ModRM-encoded instruction: a register number (general or xmm) or memory.
#[derive(Clone, Copy)]
enum Rm {
    Reg(u8),
    Mem(Mem),
}

/// The x86-64 assembler: appends instructions to `buf`.
#[derive(Default, Debug)]
pub struct Asm {
    pub buf: CodeBuffer,
}

/// REX.W
const W: bool = true;

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
    /// Binds `l` to the current offset.
    pub fn bind(&mut self, l: Label) {
        self.buf.bind(l)
    }
    /// Resolves every label fixup and returns the code.
    pub fn finish(mut self) -> Result<Vec<u8>, OutOfRange> {
        self.buf.resolve_fixups(resolve)?;
        Ok(self.buf.bytes().to_vec())
    }

    // ---- encoding core ----------------------------------------------------------------

    /// Emits `[prefix] [REX] opcode ModRM [SIB] [disp]` with `reg` in ModRM.reg.
    /// `byte_rex`: the instruction names a byte register 4..=7 (SPL..DIL), which needs a REX
    /// prefix even when no bit of it is set.
    fn emit(&mut self, prefix: Option<u8>, w: bool, opcode: &[u8], reg: u8, rm: Rm, byte_rex: bool) {
        if let Some(p) = prefix {
            self.buf.put1(p);
        }
        let (x, b) = match rm {
            Rm::Reg(r) => (false, r >= 8),
            Rm::Mem(m) => (m.index.is_some_and(|(i, _)| i.ext()), m.base.ext()),
        };
        let rex = 0x40 | (w as u8) << 3 | ((reg >= 8) as u8) << 2 | (x as u8) << 1 | b as u8;
        if rex != 0x40 || byte_rex {
            self.buf.put1(rex);
        }
        self.buf.put_slice(opcode);
        let reg3 = (reg & 7) << 3;
        match rm {
            Rm::Reg(r) => self.buf.put1(0xC0 | reg3 | (r & 7)),
            Rm::Mem(m) => self.modrm_mem(reg3, m),
        }
    }

    /// ModRM (mod, reg already shifted, rm), the SIB byte when needed, and the displacement.
    fn modrm_mem(&mut self, reg3: u8, m: Mem) {
        let base = m.base.low3();
        // mod 00 with base 101 means RIP-relative (no SIB) or disp32-only (SIB): RBP/R13
        // as base take an explicit disp8 of 0.
        let md: u8 = if m.disp == 0 && base != 5 {
            0
        } else if i8::try_from(m.disp).is_ok() {
            1
        } else {
            2
        };
        match m.index {
            None if base != 4 => self.buf.put1(md << 6 | reg3 | base),
            None => {
                // rm=100 means "a SIB follows"; index 100 (without REX.X) means no index.
                self.buf.put1(md << 6 | reg3 | 4);
                self.buf.put1(4 << 3 | base);
            }
            Some((index, scale)) => {
                assert!(index.hw() != 4, "RSP cannot be an index register");
                self.buf.put1(md << 6 | reg3 | 4);
                self.buf.put1((scale as u8) << 6 | index.low3() << 3 | base);
            }
        }
        match md {
            0 => {}
            1 => self.buf.put1(m.disp as u8),
            _ => self.buf.put4(m.disp as u32),
        }
    }

    /// `REX.W? op+r` forms (push, pop, mov r,imm).
    fn emit_plus_r(&mut self, w: bool, op: u8, r: Reg) {
        let rex = 0x40 | (w as u8) << 3 | r.ext() as u8;
        if rex != 0x40 {
            self.buf.put1(rex);
        }
        self.buf.put1(op | r.low3());
    }

    fn rr(&mut self, w: bool, opcode: &[u8], reg: Reg, rm: Reg) {
        self.emit(None, w, opcode, reg.hw(), Rm::Reg(rm.hw()), false)
    }
    fn rm(&mut self, w: bool, opcode: &[u8], reg: u8, m: Mem) {
        self.emit(None, w, opcode, reg, Rm::Mem(m), false)
    }
    fn sse(&mut self, prefix: Option<u8>, w: bool, op: u8, reg: u8, rm: Rm) {
        self.emit(prefix, w, &[0x0F, op], reg, rm, false)
    }

    /// Emits a rel32 field referring to `label` (a fixup, or the final value if bound).
    fn rel32_to(&mut self, label: Label) {
        let at = self.offset();
        self.buf.put4(0);
        self.buf.fixup(at, label, Reloc::Rel32 as u8);
    }

    // ---- moves ------------------------------------------------------------------------

    /// `mov dst, src` (64-bit)
    pub fn mov_rr(&mut self, dst: Reg, src: Reg) {
        self.rr(W, &[0x89], src, dst)
    }
    /// `mov dst32, src32`: copies the low 32 bits and clears the upper 32.
    pub fn mov32_rr(&mut self, dst: Reg, src: Reg) {
        self.rr(false, &[0x89], src, dst)
    }
    /// `dst = imm`, any 64-bit value, in the shortest form: `mov r32, imm32` (zero-extending,
    /// for 0..=u32::MAX), `mov r64, simm32` (sign-extending, for other i32 values), else
    /// `movabs r64, imm64`. Leaves the flags alone.
    pub fn mov_ri(&mut self, dst: Reg, imm: i64) {
        if let Ok(u) = u32::try_from(imm) {
            self.emit_plus_r(false, 0xB8, dst);
            self.buf.put4(u);
        } else if let Ok(s) = i32::try_from(imm) {
            self.rr(W, &[0xC7], Reg::from_hw(0), dst);
            self.buf.put4(s as u32);
        } else {
            self.emit_plus_r(W, 0xB8, dst);
            self.buf.put8(imm as u64);
        }
    }
    /// `movabs dst, imm64` always (10 bytes): a constant to be patched later in place
    /// (the 8 bytes of the immediate are the last 8 of the instruction).
    pub fn movabs_ri(&mut self, dst: Reg, imm: u64) {
        self.emit_plus_r(W, 0xB8, dst);
        self.buf.put8(imm);
    }
    /// `xor dst32, dst32`: dst = 0 in 2-3 bytes. Clobbers the flags.
    pub fn zero_r(&mut self, dst: Reg) {
        self.rr(false, &[0x31], dst, dst)
    }
    /// `mov dst, qword [m]`
    pub fn mov_rm(&mut self, dst: Reg, m: Mem) {
        self.rm(W, &[0x8B], dst.hw(), m)
    }
    /// `mov qword [m], src`
    pub fn mov_mr(&mut self, m: Mem, src: Reg) {
        self.rm(W, &[0x89], src.hw(), m)
    }
    /// `mov qword [m], simm32` (sign-extended to 64 bits)
    pub fn mov_mi(&mut self, m: Mem, imm: i32) {
        self.rm(W, &[0xC7], 0, m);
        self.buf.put4(imm as u32);
    }
    /// `mov dst32, dword [m]` (zero-extends into the upper 32 bits)
    pub fn mov32_rm(&mut self, dst: Reg, m: Mem) {
        self.rm(false, &[0x8B], dst.hw(), m)
    }
    /// `mov dword [m], src32`
    pub fn mov32_mr(&mut self, m: Mem, src: Reg) {
        self.rm(false, &[0x89], src.hw(), m)
    }
    /// `mov dword [m], imm32`
    pub fn mov32_mi(&mut self, m: Mem, imm: u32) {
        self.rm(false, &[0xC7], 0, m);
        self.buf.put4(imm);
    }
    /// `mov byte [m], src8` (SPL..DIL reachable)
    pub fn mov8_mr(&mut self, m: Mem, src: Reg) {
        let byte_rex = (4..8).contains(&src.hw());
        self.emit(None, false, &[0x88], src.hw(), Rm::Mem(m), byte_rex)
    }
    /// `mov byte [m], imm8`
    pub fn mov8_mi(&mut self, m: Mem, imm: u8) {
        self.rm(false, &[0xC6], 0, m);
        self.buf.put1(imm);
    }
    /// `movzx dst32, byte [m]`: loads a byte zero-extended to 64 bits (the 32-bit form is
    /// one byte shorter than `movzx r64` and has the same effect).
    pub fn movzx8_rm(&mut self, dst: Reg, m: Mem) {
        self.rm(false, &[0x0F, 0xB6], dst.hw(), m)
    }
    /// `movzx dst32, src8`: dst = low byte of src, zero-extended to 64 bits (SPL..DIL reachable).
    pub fn movzx8_rr(&mut self, dst: Reg, src: Reg) {
        let byte_rex = (4..8).contains(&src.hw());
        self.emit(None, false, &[0x0F, 0xB6], dst.hw(), Rm::Reg(src.hw()), byte_rex)
    }
    /// `lea dst, [m]`
    pub fn lea(&mut self, dst: Reg, m: Mem) {
        self.rm(W, &[0x8D], dst.hw(), m)
    }
    /// `lea dst, [rip + label]`: the address of a label of this code.
    pub fn lea_label(&mut self, dst: Reg, label: Label) {
        self.buf.put1(0x48 | (dst.ext() as u8) << 2);
        self.buf.put1(0x8D);
        self.buf.put1(dst.low3() << 3 | 5);
        self.rel32_to(label);
    }

    // ---- integer arithmetic -----------------------------------------------------------

    /// `op dst, src` for the ALU rows (add, or, and, sub, xor, cmp).
    pub fn alu_rr(&mut self, op: Alu, dst: Reg, src: Reg) {
        self.rr(W, &[(op as u8) << 3 | 0x01], src, dst)
    }
    /// `op dst, simm32`: imm8 form when it fits, the RAX short form otherwise when it applies.
    pub fn alu_ri(&mut self, op: Alu, dst: Reg, imm: i32) {
        if let Ok(i) = i8::try_from(imm) {
            self.rr(W, &[0x83], Reg::from_hw(op as u8), dst);
            self.buf.put1(i as u8);
        } else if dst == RAX {
            self.buf.put_slice(&[0x48, (op as u8) << 3 | 0x05]);
            self.buf.put4(imm as u32);
        } else {
            self.rr(W, &[0x81], Reg::from_hw(op as u8), dst);
            self.buf.put4(imm as u32);
        }
    }
    /// `op dst, qword [m]`
    pub fn alu_rm(&mut self, op: Alu, dst: Reg, m: Mem) {
        self.rm(W, &[(op as u8) << 3 | 0x03], dst.hw(), m)
    }
    /// `op qword [m], src`
    pub fn alu_mr(&mut self, op: Alu, m: Mem, src: Reg) {
        self.rm(W, &[(op as u8) << 3 | 0x01], src.hw(), m)
    }
    /// `op qword [m], simm32` (imm8 form when it fits)
    pub fn alu_mi(&mut self, op: Alu, m: Mem, imm: i32) {
        if let Ok(i) = i8::try_from(imm) {
            self.rm(W, &[0x83], op as u8, m);
            self.buf.put1(i as u8);
        } else {
            self.rm(W, &[0x81], op as u8, m);
            self.buf.put4(imm as u32);
        }
    }
}

macro_rules! alu_forms {
    ($($op:ident: $rr:ident $ri:ident $rm:ident $mr:ident $mi:ident;)*) => {
        impl Asm {
            $(
            #[doc = concat!("`", stringify!($rr), "`: ", stringify!($op), " dst, src")]
            pub fn $rr(&mut self, dst: Reg, src: Reg) { self.alu_rr(Alu::$op, dst, src) }
            #[doc = concat!("`", stringify!($ri), "`: ", stringify!($op), " dst, simm32")]
            pub fn $ri(&mut self, dst: Reg, imm: i32) { self.alu_ri(Alu::$op, dst, imm) }
            #[doc = concat!("`", stringify!($rm), "`: ", stringify!($op), " dst, qword [m]")]
            pub fn $rm(&mut self, dst: Reg, m: Mem) { self.alu_rm(Alu::$op, dst, m) }
            #[doc = concat!("`", stringify!($mr), "`: ", stringify!($op), " qword [m], src")]
            pub fn $mr(&mut self, m: Mem, src: Reg) { self.alu_mr(Alu::$op, m, src) }
            #[doc = concat!("`", stringify!($mi), "`: ", stringify!($op), " qword [m], simm32")]
            pub fn $mi(&mut self, m: Mem, imm: i32) { self.alu_mi(Alu::$op, m, imm) }
            )*
        }
    };
}

alu_forms! {
    Add: add_rr add_ri add_rm add_mr add_mi;
    Or: or_rr or_ri or_rm or_mr or_mi;
    And: and_rr and_ri and_rm and_mr and_mi;
    Sub: sub_rr sub_ri sub_rm sub_mr sub_mi;
    Xor: xor_rr xor_ri xor_rm xor_mr xor_mi;
    Cmp: cmp_rr cmp_ri cmp_rm cmp_mr cmp_mi;
}

impl Asm {
    /// `test a, b`
    pub fn test_rr(&mut self, a: Reg, b: Reg) {
        self.rr(W, &[0x85], b, a)
    }
    /// `test r, simm32` (sign-extended to 64 bits)
    pub fn test_ri(&mut self, r: Reg, imm: i32) {
        if r == RAX {
            self.buf.put_slice(&[0x48, 0xA9]);
        } else {
            self.rr(W, &[0xF7], Reg::from_hw(0), r);
        }
        self.buf.put4(imm as u32);
    }
    /// `test r8, imm8`: tests bits of the low byte (a tag check in 2-4 bytes).
    pub fn test8_ri(&mut self, r: Reg, imm: u8) {
        if r == RAX {
            self.buf.put_slice(&[0xA8, imm]);
            return;
        }
        let byte_rex = (4..8).contains(&r.hw());
        self.emit(None, false, &[0xF6], 0, Rm::Reg(r.hw()), byte_rex);
        self.buf.put1(imm);
    }
    /// `test byte [m], imm8`
    pub fn test8_mi(&mut self, m: Mem, imm: u8) {
        self.rm(false, &[0xF6], 0, m);
        self.buf.put1(imm);
    }
    /// `imul dst, src` (signed; OF/CF report overflow of the 64-bit result)
    pub fn imul_rr(&mut self, dst: Reg, src: Reg) {
        self.rr(W, &[0x0F, 0xAF], dst, src)
    }
    /// `imul dst, src, simm32` (imm8 form when it fits)
    pub fn imul_rri(&mut self, dst: Reg, src: Reg, imm: i32) {
        if let Ok(i) = i8::try_from(imm) {
            self.rr(W, &[0x6B], dst, src);
            self.buf.put1(i as u8);
        } else {
            self.rr(W, &[0x69], dst, src);
            self.buf.put4(imm as u32);
        }
    }
    /// `imul dst, qword [m]`
    pub fn imul_rm(&mut self, dst: Reg, m: Mem) {
        self.rm(W, &[0x0F, 0xAF], dst.hw(), m)
    }
    /// `imul dst, qword [m], simm32` (imm8 form when it fits)
    pub fn imul_rmi(&mut self, dst: Reg, m: Mem, imm: i32) {
        if let Ok(i) = i8::try_from(imm) {
            self.rm(W, &[0x6B], dst.hw(), m);
            self.buf.put1(i as u8);
        } else {
            self.rm(W, &[0x69], dst.hw(), m);
            self.buf.put4(imm as u32);
        }
    }
    /// `neg r`
    pub fn neg(&mut self, r: Reg) {
        self.rr(W, &[0xF7], Reg::from_hw(3), r)
    }
    /// `not r`
    pub fn not(&mut self, r: Reg) {
        self.rr(W, &[0xF7], Reg::from_hw(2), r)
    }
    /// `shl/shr/sar r, imm8` (count masked to 6 bits by the hardware; `D1` form for 1).
    pub fn shift_ri(&mut self, op: Shift, r: Reg, imm: u8) {
        if imm == 1 {
            self.rr(W, &[0xD1], Reg::from_hw(op as u8), r);
        } else {
            self.rr(W, &[0xC1], Reg::from_hw(op as u8), r);
            self.buf.put1(imm);
        }
    }
    /// `shl/shr/sar r, cl`: the count must be in RCX.
    pub fn shift_rcl(&mut self, op: Shift, r: Reg) {
        self.rr(W, &[0xD3], Reg::from_hw(op as u8), r)
    }
    pub fn shl_ri(&mut self, r: Reg, imm: u8) {
        self.shift_ri(Shift::Shl, r, imm)
    }
    pub fn shr_ri(&mut self, r: Reg, imm: u8) {
        self.shift_ri(Shift::Shr, r, imm)
    }
    pub fn sar_ri(&mut self, r: Reg, imm: u8) {
        self.shift_ri(Shift::Sar, r, imm)
    }
    pub fn shl_rcl(&mut self, r: Reg) {
        self.shift_rcl(Shift::Shl, r)
    }
    pub fn shr_rcl(&mut self, r: Reg) {
        self.shift_rcl(Shift::Shr, r)
    }
    pub fn sar_rcl(&mut self, r: Reg) {
        self.shift_rcl(Shift::Sar, r)
    }
    /// `cqo`: RDX = sign of RAX (before `idiv`).
    pub fn cqo(&mut self) {
        self.buf.put_slice(&[0x48, 0x99])
    }
    /// `idiv r`: RAX = RDX:RAX / r, RDX = remainder (truncating). Faults (#DE) on a zero
    /// divisor and on i64::MIN / -1: the lowering must guard both.
    pub fn idiv(&mut self, r: Reg) {
        self.rr(W, &[0xF7], Reg::from_hw(7), r)
    }
    /// `setcc r8`: low byte of r = cond ? 1 : 0; the upper bits are kept (SPL..DIL reachable).
    pub fn setcc(&mut self, cond: Cond, r: Reg) {
        let byte_rex = (4..8).contains(&r.hw());
        self.emit(None, false, &[0x0F, 0x90 | cond as u8], 0, Rm::Reg(r.hw()), byte_rex)
    }
    /// `cmovcc dst, src` (64-bit)
    pub fn cmovcc(&mut self, cond: Cond, dst: Reg, src: Reg) {
        self.rr(W, &[0x0F, 0x40 | cond as u8], dst, src)
    }

    // ---- control flow -----------------------------------------------------------------

    /// `jmp rel32` to `label`; returns the offset of the instruction (for [`patch_rel32`]).
    pub fn jmp_to_label(&mut self, label: Label) -> u32 {
        let at = self.offset();
        self.buf.put1(0xE9);
        self.rel32_to(label);
        at
    }
    /// `jcc rel32` to `label` (6 bytes); returns the offset of the instruction, so that a
    /// guard's exit can be retargeted with [`patch_rel32`] later.
    pub fn jcc_to_label(&mut self, cond: Cond, label: Label) -> u32 {
        let at = self.offset();
        self.buf.put_slice(&[0x0F, 0x80 | cond as u8]);
        self.rel32_to(label);
        at
    }
    /// `call rel32` to `label`; returns the offset of the instruction.
    pub fn call_to_label(&mut self, label: Label) -> u32 {
        let at = self.offset();
        self.buf.put1(0xE8);
        self.rel32_to(label);
        at
    }
    /// `jmp rel32` with a raw displacement from the end of the 5-byte instruction.
    pub fn jmp_rel32(&mut self, disp: i32) -> u32 {
        let at = self.offset();
        self.buf.put1(0xE9);
        self.buf.put4(disp as u32);
        at
    }
    /// `jcc rel32` with a raw displacement from the end of the 6-byte instruction.
    pub fn jcc_rel32(&mut self, cond: Cond, disp: i32) -> u32 {
        let at = self.offset();
        self.buf.put_slice(&[0x0F, 0x80 | cond as u8]);
        self.buf.put4(disp as u32);
        at
    }
    /// `call rel32` with a raw displacement from the end of the 5-byte instruction.
    pub fn call_rel32(&mut self, disp: i32) -> u32 {
        let at = self.offset();
        self.buf.put1(0xE8);
        self.buf.put4(disp as u32);
        at
    }
    /// `jmp r`
    pub fn jmp_r(&mut self, r: Reg) {
        self.rr(false, &[0xFF], Reg::from_hw(4), r)
    }
    /// `jmp qword [m]`
    pub fn jmp_m(&mut self, m: Mem) {
        self.rm(false, &[0xFF], 4, m)
    }
    /// `call r`
    pub fn call_r(&mut self, r: Reg) {
        self.rr(false, &[0xFF], Reg::from_hw(2), r)
    }
    /// `call qword [m]`
    pub fn call_m(&mut self, m: Mem) {
        self.rm(false, &[0xFF], 2, m)
    }
    pub fn ret(&mut self) {
        self.buf.put1(0xC3)
    }
    pub fn push_r(&mut self, r: Reg) {
        self.emit_plus_r(false, 0x50, r)
    }
    pub fn pop_r(&mut self, r: Reg) {
        self.emit_plus_r(false, 0x58, r)
    }
    /// `ud2`: a guaranteed invalid-opcode trap (unreachable code).
    pub fn ud2(&mut self) {
        self.buf.put_slice(&[0x0F, 0x0B])
    }
    /// `int3`: a breakpoint.
    pub fn int3(&mut self) {
        self.buf.put1(0xCC)
    }
    /// One-byte `nop`.
    pub fn nop(&mut self) {
        self.buf.put1(0x90)
    }
    /// One nop instruction of `n` bytes (1..=9), the forms the Intel manual recommends.
    pub fn nop_n(&mut self, n: usize) {
        const NOPS: [&[u8]; 9] = [
            &[0x90],
            &[0x66, 0x90],
            &[0x0F, 0x1F, 0x00],
            &[0x0F, 0x1F, 0x40, 0x00],
            &[0x0F, 0x1F, 0x44, 0x00, 0x00],
            &[0x66, 0x0F, 0x1F, 0x44, 0x00, 0x00],
            &[0x0F, 0x1F, 0x80, 0x00, 0x00, 0x00, 0x00],
            &[0x0F, 0x1F, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00],
            &[0x66, 0x0F, 0x1F, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00],
        ];
        assert!((1..=9).contains(&n), "nop_n takes 1..=9 bytes");
        self.buf.put_slice(NOPS[n - 1]);
    }
    /// Pads with the fewest nops up to a multiple of `n` (a power of two).
    pub fn align(&mut self, n: u32) {
        assert!(n.is_power_of_two(), "alignment must be a power of two");
        let mut pad = (n - self.offset() % n) % n;
        while pad > 0 {
            let k = pad.min(9);
            self.nop_n(k as usize);
            pad -= k;
        }
    }

    // ---- SSE2 scalar double -----------------------------------------------------------

    /// `movsd dst, src` (register form: merges into dst's upper half; prefer
    /// [`Asm::movapd_xx`] for plain copies, it has no dependency on dst).
    pub fn movsd_xx(&mut self, dst: FReg, src: FReg) {
        self.sse(Some(0xF2), false, 0x10, dst.hw(), Rm::Reg(src.hw()))
    }
    /// `movapd dst, src`: copies the whole register.
    pub fn movapd_xx(&mut self, dst: FReg, src: FReg) {
        self.sse(Some(0x66), false, 0x28, dst.hw(), Rm::Reg(src.hw()))
    }
    /// `movsd dst, qword [m]` (clears dst's upper half)
    pub fn movsd_xm(&mut self, dst: FReg, m: Mem) {
        self.sse(Some(0xF2), false, 0x10, dst.hw(), Rm::Mem(m))
    }
    /// `movsd qword [m], src`
    pub fn movsd_mx(&mut self, m: Mem, src: FReg) {
        self.sse(Some(0xF2), false, 0x11, src.hw(), Rm::Mem(m))
    }
    /// `ucomisd a, b`: ZF,PF,CF = unordered 111, less 001, equal 100, greater 000 (use the
    /// unsigned conditions; P is set on NaN).
    pub fn ucomisd_xx(&mut self, a: FReg, b: FReg) {
        self.sse(Some(0x66), false, 0x2E, a.hw(), Rm::Reg(b.hw()))
    }
    /// `ucomisd a, qword [m]`
    pub fn ucomisd_xm(&mut self, a: FReg, m: Mem) {
        self.sse(Some(0x66), false, 0x2E, a.hw(), Rm::Mem(m))
    }
    /// `cvtsi2sd dst, src64` (writes only dst's low half: `xorpd dst, dst` first breaks
    /// the dependency on its old value).
    pub fn cvtsi2sd_xr(&mut self, dst: FReg, src: Reg) {
        self.sse(Some(0xF2), W, 0x2A, dst.hw(), Rm::Reg(src.hw()))
    }
    /// `cvtsi2sd dst, qword [m]` (writes only dst's low half, like the register form)
    pub fn cvtsi2sd_xm(&mut self, dst: FReg, m: Mem) {
        self.sse(Some(0xF2), W, 0x2A, dst.hw(), Rm::Mem(m))
    }
    /// `cvttsd2si dst64, src` (truncating; NaN and out-of-range give i64::MIN)
    pub fn cvttsd2si_rx(&mut self, dst: Reg, src: FReg) {
        self.sse(Some(0xF2), W, 0x2C, dst.hw(), Rm::Reg(src.hw()))
    }
    /// `movq dst, src64`: the bits of a general register into an xmm register.
    pub fn movq_xr(&mut self, dst: FReg, src: Reg) {
        self.sse(Some(0x66), W, 0x6E, dst.hw(), Rm::Reg(src.hw()))
    }
    /// `movq dst64, src`: the low 64 bits of an xmm register into a general register.
    pub fn movq_rx(&mut self, dst: Reg, src: FReg) {
        self.sse(Some(0x66), W, 0x7E, src.hw(), Rm::Reg(dst.hw()))
    }
}

macro_rules! sse_forms {
    ($($name:literal $prefix:literal $op:literal: $xx:ident $xm:ident;)*) => {
        impl Asm {
            $(
            #[doc = concat!("`", $name, " dst, src`")]
            pub fn $xx(&mut self, dst: FReg, src: FReg) {
                self.sse(Some($prefix), false, $op, dst.hw(), Rm::Reg(src.hw()))
            }
            #[doc = concat!("`", $name, " dst, [m]`")]
            pub fn $xm(&mut self, dst: FReg, m: Mem) {
                self.sse(Some($prefix), false, $op, dst.hw(), Rm::Mem(m))
            }
            )*
        }
    };
}

sse_forms! {
    "addsd" 0xF2 0x58: addsd_xx addsd_xm;
    "mulsd" 0xF2 0x59: mulsd_xx mulsd_xm;
    "subsd" 0xF2 0x5C: subsd_xx subsd_xm;
    "minsd" 0xF2 0x5D: minsd_xx minsd_xm;
    "divsd" 0xF2 0x5E: divsd_xx divsd_xm;
    "maxsd" 0xF2 0x5F: maxsd_xx maxsd_xm;
    "sqrtsd" 0xF2 0x51: sqrtsd_xx sqrtsd_xm;
    // Packed bitwise operations on the whole register; the memory forms need 16-byte alignment.
    "andpd" 0x66 0x54: andpd_xx andpd_xm;
    "andnpd" 0x66 0x55: andnpd_xx andnpd_xm;
    "xorpd" 0x66 0x57: xorpd_xx xorpd_xm;
}
