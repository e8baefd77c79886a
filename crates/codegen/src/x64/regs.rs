//! x86-64 registers, the System V calling convention, and the JIT's register conventions.

use std::fmt;

/// A general-purpose register, by hardware number (0..=15).
///
/// The same number names the 64-, 32-, 16- and 8-bit views; the encoder picks the view from
/// the instruction. Numbers 4..=7 as byte registers are SPL/BPL/SIL/DIL (the encoder emits
/// a REX prefix for them; AH..BH are never used).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Reg(u8);

impl Reg {
    /// The register with hardware number `n` (0..=15).
    pub const fn from_hw(n: u8) -> Reg {
        assert!(n < 16, "x86-64 has 16 general registers");
        Reg(n)
    }
    /// Hardware number, 0..=15.
    #[inline]
    pub const fn hw(self) -> u8 {
        self.0
    }
    /// The low three bits, as they go into ModRM/SIB/opcode.
    #[inline]
    pub(crate) const fn low3(self) -> u8 {
        self.0 & 7
    }
    /// Whether the register needs a REX extension bit (R8..R15).
    #[inline]
    pub(crate) const fn ext(self) -> bool {
        self.0 >= 8
    }
    /// Intel name of the 64-bit register ("rax", "r8").
    pub fn name(self) -> &'static str {
        const NAMES: [&str; 16] = [
            "rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12",
            "r13", "r14", "r15",
        ];
        NAMES[self.0 as usize]
    }
}

impl fmt::Debug for Reg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An SSE register XMM0..XMM15, by hardware number.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FReg(u8);

impl FReg {
    /// The register XMM`n` (0..=15).
    pub const fn from_hw(n: u8) -> FReg {
        assert!(n < 16, "x86-64 (without AVX-512) has 16 xmm registers");
        FReg(n)
    }
    #[inline]
    pub const fn hw(self) -> u8 {
        self.0
    }
}

impl fmt::Debug for FReg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "xmm{}", self.0)
    }
}

pub const RAX: Reg = Reg(0);
pub const RCX: Reg = Reg(1);
pub const RDX: Reg = Reg(2);
pub const RBX: Reg = Reg(3);
pub const RSP: Reg = Reg(4);
pub const RBP: Reg = Reg(5);
pub const RSI: Reg = Reg(6);
pub const RDI: Reg = Reg(7);
pub const R8: Reg = Reg(8);
pub const R9: Reg = Reg(9);
pub const R10: Reg = Reg(10);
pub const R11: Reg = Reg(11);
pub const R12: Reg = Reg(12);
pub const R13: Reg = Reg(13);
pub const R14: Reg = Reg(14);
pub const R15: Reg = Reg(15);

pub const XMM0: FReg = FReg(0);
pub const XMM1: FReg = FReg(1);
pub const XMM2: FReg = FReg(2);
pub const XMM3: FReg = FReg(3);
pub const XMM4: FReg = FReg(4);
pub const XMM5: FReg = FReg(5);
pub const XMM6: FReg = FReg(6);
pub const XMM7: FReg = FReg(7);
pub const XMM8: FReg = FReg(8);
pub const XMM9: FReg = FReg(9);
pub const XMM10: FReg = FReg(10);
pub const XMM11: FReg = FReg(11);
pub const XMM12: FReg = FReg(12);
pub const XMM13: FReg = FReg(13);
pub const XMM14: FReg = FReg(14);
pub const XMM15: FReg = FReg(15);

/// All sixteen general registers in hardware order.
pub const ALL_GPRS: [Reg; 16] =
    [RAX, RCX, RDX, RBX, RSP, RBP, RSI, RDI, R8, R9, R10, R11, R12, R13, R14, R15];
/// All sixteen xmm registers in hardware order.
pub const ALL_FPRS: [FReg; 16] = [
    XMM0, XMM1, XMM2, XMM3, XMM4, XMM5, XMM6, XMM7, XMM8, XMM9, XMM10, XMM11, XMM12, XMM13, XMM14,
    XMM15,
];

// ---- System V AMD64 ABI -------------------------------------------------------------------

/// Integer/pointer arguments, in order.
pub const INT_ARGS: [Reg; 6] = [RDI, RSI, RDX, RCX, R8, R9];
/// Floating-point arguments, in order.
pub const FLOAT_ARGS: [FReg; 8] = [XMM0, XMM1, XMM2, XMM3, XMM4, XMM5, XMM6, XMM7];
/// Integer return registers (RDX holds the high half of a 128-bit result).
pub const INT_RETS: [Reg; 2] = [RAX, RDX];
/// Floating-point return registers.
pub const FLOAT_RETS: [FReg; 2] = [XMM0, XMM1];
/// General registers a call may clobber.
pub const CALLER_SAVED_GPRS: [Reg; 9] = [RAX, RCX, RDX, RSI, RDI, R8, R9, R10, R11];
/// General registers a callee must preserve (RSP as well, which is never allocated).
pub const CALLEE_SAVED_GPRS: [Reg; 6] = [RBX, RBP, R12, R13, R14, R15];
/// Every xmm register is clobbered by a call; none is callee-saved.
pub const CALLER_SAVED_FPRS: [FReg; 16] = ALL_FPRS;
/// The stack pointer is 16-byte aligned at a `call` instruction (so `rsp % 16 == 8` on entry).
pub const STACK_ALIGN: u32 = 16;
/// Bytes below RSP a leaf function may use without moving RSP (the red zone).
pub const RED_ZONE: u32 = 128;

// ---- The JIT's conventions ------------------------------------------------------------------

/// General scratch register of the lowering: never allocated, so the lowering may clobber it
/// between any two IR instructions (materialising a 64-bit constant, an address of a call
/// target, an operand reloaded from a spill slot, a parallel move's cycle breaker).
/// Caller-saved, not an argument register.
pub const SCRATCH_GPR: Reg = R11;
/// The lowering's second general scratch register, for the instructions that need two
/// (a store whose base and value are both spilled, a stack-to-stack move while
/// [`SCRATCH_GPR`] holds a parallel move's parked value). Caller-saved, not an argument.
pub const SCRATCH_GPR2: Reg = R10;
/// Float scratch register of the lowering (constant loads, swaps, `abs`/`neg` masks).
pub const SCRATCH_FPR: FReg = XMM15;

/// The general registers the register allocator may assign, in order of preference:
/// caller-saved first (no save in the trace prologue), then callee-saved. The argument
/// registers come first and in argument order, so a trace's parameters stay where the
/// caller put them and values computed just before a call tend to land in its argument
/// registers. Excluded: RSP (the stack pointer), R11 ([`SCRATCH_GPR`]) and R10
/// ([`SCRATCH_GPR2`]). RBP is an ordinary register: traces keep no frame pointer (their
/// frames are fixed-size and unwinding never walks through them).
///
/// The lowering must know the fixed-register forms: `idiv`/`cqo` use RDX:RAX, variable shifts
/// take the count in CL (RCX), and calls clobber [`CALLER_SAVED_GPRS`].
pub const ALLOCATABLE_GPRS: [Reg; 13] =
    [RDI, RSI, RDX, RCX, R8, R9, RAX, RBX, RBP, R12, R13, R14, R15];
/// The xmm registers the register allocator may assign: all but XMM15 ([`SCRATCH_FPR`]).
pub const ALLOCATABLE_FPRS: [FReg; 15] = [
    XMM0, XMM1, XMM2, XMM3, XMM4, XMM5, XMM6, XMM7, XMM8, XMM9, XMM10, XMM11, XMM12, XMM13, XMM14,
];

impl Reg {
    /// Whether a call may clobber this register.
    pub const fn is_caller_saved(self) -> bool {
        matches!(self.0, 0 | 1 | 2 | 6 | 7 | 8 | 9 | 10 | 11)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abi_sets_partition_the_registers() {
        for r in ALL_GPRS {
            let caller = CALLER_SAVED_GPRS.contains(&r);
            let callee = CALLEE_SAVED_GPRS.contains(&r);
            assert_eq!(caller, r.is_caller_saved(), "{r:?}");
            assert!(r == RSP || caller != callee, "{r:?} is in exactly one set");
            let reserved = r == RSP || r == SCRATCH_GPR || r == SCRATCH_GPR2;
            assert_eq!(ALLOCATABLE_GPRS.contains(&r), !reserved, "{r:?}");
        }
        for (i, r) in ALL_GPRS.iter().enumerate() {
            assert_eq!(r.hw() as usize, i);
        }
        for f in ALL_FPRS {
            assert_eq!(ALLOCATABLE_FPRS.contains(&f), f != SCRATCH_FPR);
        }
        assert!(!INT_ARGS.contains(&SCRATCH_GPR) && !INT_ARGS.contains(&SCRATCH_GPR2));
        assert!(SCRATCH_GPR2.is_caller_saved());
        // caller-saved registers first, so the allocator's preference order is the list's
        let first_callee = ALLOCATABLE_GPRS.iter().position(|r| !r.is_caller_saved()).unwrap();
        assert!(ALLOCATABLE_GPRS[first_callee..].iter().all(|r| !r.is_caller_saved()));
        assert_eq!(ALLOCATABLE_GPRS[..6], INT_ARGS);
        assert!(!FLOAT_ARGS.contains(&SCRATCH_FPR));
        assert!(SCRATCH_GPR.is_caller_saved());
    }
}
