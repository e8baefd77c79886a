//! AArch64 registers, the AAPCS64 calling convention as constants, and the JIT's own
//! register conventions (what the allocator may use, what the lowering keeps as scratch).
//!
//! Register number 31 means the stack pointer in some operand positions and the zero
//! register in others. `Reg` keeps the two apart (`SP` and `XZR` are different values) and
//! the encoder checks each operand position accepts the one it is given.

use crate::regalloc::{RegSet, Target};
use std::fmt;

/// A 64-bit general register x0..x30, or `SP`, or `XZR`. The same value names the W view
/// (w0..w30, wsp, wzr) in the 32-bit forms.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Reg(u8);

const ZR_ID: u8 = 31;
const SP_ID: u8 = 32;

impl Reg {
    /// x`n`, for n in 0..=30.
    pub const fn x(n: u8) -> Reg {
        assert!(n <= 30, "x0..x30 only; use SP or XZR for register 31");
        Reg(n)
    }
    /// The 5-bit number the instruction encodes (31 for both SP and XZR).
    #[inline]
    pub const fn hw(self) -> u32 {
        if self.0 == SP_ID {
            31
        } else {
            self.0 as u32
        }
    }
    #[inline]
    pub const fn is_sp(self) -> bool {
        self.0 == SP_ID
    }
    #[inline]
    pub const fn is_zr(self) -> bool {
        self.0 == ZR_ID
    }
    /// x0..x30 (neither SP nor XZR).
    #[inline]
    pub const fn is_gpr(self) -> bool {
        self.0 <= 30
    }
    /// Callee-saved under AAPCS64 (x19..x28; x29/x30 are saved by the frame record).
    pub const fn is_callee_saved(self) -> bool {
        self.0 >= 19 && self.0 <= 28
    }
}

impl fmt::Debug for Reg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl fmt::Display for Reg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            SP_ID => f.write_str("sp"),
            ZR_ID => f.write_str("xzr"),
            n => write!(f, "x{n}"),
        }
    }
}

/// A floating-point/SIMD register v0..v31; the JIT uses its low 64 bits as d0..d31.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FReg(u8);

impl FReg {
    /// d`n` (= the low half of v`n`), for n in 0..=31.
    pub const fn d(n: u8) -> FReg {
        assert!(n <= 31, "d0..d31 only");
        FReg(n)
    }
    #[inline]
    pub const fn hw(self) -> u32 {
        self.0 as u32
    }
    /// Callee-saved under AAPCS64: v8..v15, and only their low 64 bits (d8..d15).
    pub const fn is_callee_saved(self) -> bool {
        self.0 >= 8 && self.0 <= 15
    }
}

impl fmt::Debug for FReg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl fmt::Display for FReg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "d{}", self.0)
    }
}

macro_rules! xregs {
    ($($name:ident = $n:expr),* $(,)?) => { $(pub const $name: Reg = Reg::x($n);)* };
}
macro_rules! dregs {
    ($($name:ident = $n:expr),* $(,)?) => { $(pub const $name: FReg = FReg::d($n);)* };
}

xregs!(
    X0 = 0, X1 = 1, X2 = 2, X3 = 3, X4 = 4, X5 = 5, X6 = 6, X7 = 7, X8 = 8, X9 = 9,
    X10 = 10, X11 = 11, X12 = 12, X13 = 13, X14 = 14, X15 = 15, X16 = 16, X17 = 17,
    X18 = 18, X19 = 19, X20 = 20, X21 = 21, X22 = 22, X23 = 23, X24 = 24, X25 = 25,
    X26 = 26, X27 = 27, X28 = 28, X29 = 29, X30 = 30,
);
dregs!(
    D0 = 0, D1 = 1, D2 = 2, D3 = 3, D4 = 4, D5 = 5, D6 = 6, D7 = 7, D8 = 8, D9 = 9,
    D10 = 10, D11 = 11, D12 = 12, D13 = 13, D14 = 14, D15 = 15, D16 = 16, D17 = 17,
    D18 = 18, D19 = 19, D20 = 20, D21 = 21, D22 = 22, D23 = 23, D24 = 24, D25 = 25,
    D26 = 26, D27 = 27, D28 = 28, D29 = 29, D30 = 30, D31 = 31,
);

/// The stack pointer (register 31 where the instruction reads it as SP).
pub const SP: Reg = Reg(SP_ID);
/// The zero register (register 31 where the instruction reads it as XZR).
pub const XZR: Reg = Reg(ZR_ID);
/// Frame pointer.
pub const FP: Reg = X29;
/// Link register.
pub const LR: Reg = X30;

// ---- AAPCS64 ----

/// Integer/pointer arguments, in order.
pub const INT_ARG_REGS: [Reg; 8] = [X0, X1, X2, X3, X4, X5, X6, X7];
/// Integer results (x0; x0:x1 for a 128-bit or two-word result).
pub const INT_RET_REGS: [Reg; 2] = [X0, X1];
/// Address of an indirect (memory) result.
pub const INDIRECT_RESULT_REG: Reg = X8;
/// Floating-point arguments, in order.
pub const FLOAT_ARG_REGS: [FReg; 8] = [D0, D1, D2, D3, D4, D5, D6, D7];
/// Floating-point results (d0; d0..d3 for a homogeneous aggregate).
pub const FLOAT_RET_REGS: [FReg; 4] = [D0, D1, D2, D3];
/// Clobbered by a call: x0..x17 and x30 (the call writes the link register). x18 is the
/// platform register (not ours to use at all).
pub const CALLER_SAVED_GPRS: [Reg; 19] = [
    X0, X1, X2, X3, X4, X5, X6, X7, X8, X9, X10, X11, X12, X13, X14, X15, X16, X17, X30,
];
/// Preserved by a callee: x19..x28 (x29/x30 by the frame record).
pub const CALLEE_SAVED_GPRS: [Reg; 10] = [X19, X20, X21, X22, X23, X24, X25, X26, X27, X28];
/// Clobbered by a call: v0..v7, v16..v31 whole, and the high halves of v8..v15.
pub const CALLER_SAVED_FPRS: [FReg; 24] = [
    D0, D1, D2, D3, D4, D5, D6, D7, D16, D17, D18, D19, D20, D21, D22, D23, D24, D25, D26,
    D27, D28, D29, D30, D31,
];
/// Preserved by a callee: d8..d15 (the low 64 bits of v8..v15 only).
pub const CALLEE_SAVED_FPRS: [FReg; 8] = [D8, D9, D10, D11, D12, D13, D14, D15];

// ---- pyjit's conventions ----

/// Scratch registers of the lowering (never allocated): the intra-procedure-call registers
/// IP0/IP1, which a linker veneer may clobber anyway, so no value lives in them across a call.
pub const SCRATCH0: Reg = X16;
pub const SCRATCH1: Reg = X17;
/// Floating-point scratch registers of the lowering (never allocated): two, for an
/// instruction whose two FP operands both live in spill slots.
pub const FSCRATCH: FReg = D31;
pub const FSCRATCH1: FReg = D30;

/// General registers the allocator may use: every register except x16/x17 (scratch),
/// x18 (platform), x29 (frame pointer), x30 (link) and sp: 26 registers. The caller-saved
/// ones come first (cheapest for values that do not live across a call), then the ten
/// callee-saved x19..x28 (for values live across calls; the prologue saves those it uses).
pub const ALLOCATABLE_GPRS: [Reg; 26] = [
    X0, X1, X2, X3, X4, X5, X6, X7, X8, X9, X10, X11, X12, X13, X14, X15, X19, X20, X21,
    X22, X23, X24, X25, X26, X27, X28,
];
/// Floating-point registers the allocator may use: all but the scratch d30/d31. d8..d15
/// keep their value across calls; the others do not.
pub const ALLOCATABLE_FPRS: [FReg; 30] = [
    D0, D1, D2, D3, D4, D5, D6, D7, D8, D9, D10, D11, D12, D13, D14, D15, D16, D17, D18,
    D19, D20, D21, D22, D23, D24, D25, D26, D27, D28, D29,
];

const fn gpr_nums<const N: usize>(regs: [Reg; N]) -> [u8; N] {
    let mut out = [0u8; N];
    let mut i = 0;
    while i < N {
        out[i] = regs[i].hw() as u8;
        i += 1;
    }
    out
}

const fn fpr_nums<const N: usize>(regs: [FReg; N]) -> [u8; N] {
    let mut out = [0u8; N];
    let mut i = 0;
    while i < N {
        out[i] = regs[i].hw() as u8;
        i += 1;
    }
    out
}

const ALLOC_GPR_NUMS: [u8; 26] = gpr_nums(ALLOCATABLE_GPRS);
const CALLEE_GPR_NUMS: [u8; 10] = gpr_nums(CALLEE_SAVED_GPRS);
const ALLOC_FPR_NUMS: [u8; 30] = fpr_nums(ALLOCATABLE_FPRS);
const CALLEE_FPR_NUMS: [u8; 8] = fpr_nums(CALLEE_SAVED_FPRS);

/// What the register allocator may use on AArch64 (hardware numbers): `ALLOCATABLE_GPRS`
/// with x19..x28 surviving calls, `ALLOCATABLE_FPRS` with d8..d15 surviving calls.
pub const REGALLOC_TARGET: Target = Target {
    int: RegSet { allocatable: &ALLOC_GPR_NUMS, callee_saved: &CALLEE_GPR_NUMS },
    float: RegSet { allocatable: &ALLOC_FPR_NUMS, callee_saved: &CALLEE_FPR_NUMS },
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sp_and_zr_are_distinct_but_encode_as_31() {
        assert_ne!(SP, XZR);
        assert_eq!(SP.hw(), 31);
        assert_eq!(XZR.hw(), 31);
        assert!(SP.is_sp() && !SP.is_zr() && !SP.is_gpr());
        assert!(XZR.is_zr() && !XZR.is_sp() && !XZR.is_gpr());
        assert_eq!(format!("{} {} {} {}", X0, X30, SP, XZR), "x0 x30 sp xzr");
        assert_eq!(format!("{:?}", D31), "d31");
    }

    #[test]
    fn conventions_are_consistent() {
        // Allocatable: 26 distinct gprs, none reserved.
        let mut seen = 0u32;
        for r in ALLOCATABLE_GPRS {
            assert!(r.is_gpr());
            assert!(![SCRATCH0, SCRATCH1, X18, FP, LR].contains(&r), "{r} is reserved");
            assert_eq!(seen & (1 << r.hw()), 0, "{r} twice");
            seen |= 1 << r.hw();
        }
        assert_eq!(seen.count_ones(), 26);
        // Every allocatable register is exactly one of caller-saved / callee-saved.
        for r in ALLOCATABLE_GPRS {
            assert_ne!(CALLER_SAVED_GPRS.contains(&r), CALLEE_SAVED_GPRS.contains(&r), "{r}");
            assert_eq!(r.is_callee_saved(), CALLEE_SAVED_GPRS.contains(&r));
        }
        let mut fseen = 0u32;
        for r in ALLOCATABLE_FPRS {
            assert!(r != FSCRATCH && r != FSCRATCH1);
            assert_eq!(fseen & (1 << r.hw()), 0);
            fseen |= 1 << r.hw();
            assert_ne!(CALLER_SAVED_FPRS.contains(&r), CALLEE_SAVED_FPRS.contains(&r), "{r}");
            assert_eq!(r.is_callee_saved(), CALLEE_SAVED_FPRS.contains(&r));
        }
        assert_eq!(fseen.count_ones(), 30);
        assert!(INT_ARG_REGS.iter().all(|r| CALLER_SAVED_GPRS.contains(r)));
        assert!(FLOAT_ARG_REGS.iter().all(|r| CALLER_SAVED_FPRS.contains(r)));
        assert_eq!(REGALLOC_TARGET.int.allocatable.len(), 26);
        assert_eq!(REGALLOC_TARGET.int.callee_saved, &[19, 20, 21, 22, 23, 24, 25, 26, 27, 28]);
        assert_eq!(REGALLOC_TARGET.float.allocatable.len(), 30);
        assert_eq!(REGALLOC_TARGET.float.callee_saved, &[8, 9, 10, 11, 12, 13, 14, 15]);
        assert!(REGALLOC_TARGET.int.callee_saved.iter().all(|r| REGALLOC_TARGET.int.allocatable.contains(r)));
    }
}
