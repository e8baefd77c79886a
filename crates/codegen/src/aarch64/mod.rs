//! AArch64: registers and calling convention (`regs`), immediate encodings (`imm`), the
//! instruction encoder (`encode`), pc-relative fields and branch patching (`reloc`), the
//! lowering of LIR to machine code (`lower`, with its checks and decisions in
//! `lower_plan`), encoding tests checked against binutils'
//! disassembler (`encode_tests`), execution tests of emitted code on AArch64 hosts
//! (`exec_tests`), and the lowering's tests (`lower_tests`).

pub mod encode;
pub mod imm;
pub mod lower;
mod lower_plan;
pub mod regs;
pub mod reloc;

#[cfg(test)]
mod encode_tests;
#[cfg(all(test, target_arch = "aarch64"))]
mod exec_tests;
#[cfg(test)]
mod lir_interp;
#[cfg(test)]
mod lower_tests;

pub use encode::{Asm, Cond, Shift};
pub use imm::{
    encode_add_imm, encode_add_sub_imm, fp_imm8, logical_imm, mem_offset_fits, pair_offset_fits,
    plan_mov_imm, scaled_offset_fits, unscaled_offset_fits, MovImm,
};
pub use regs::*;
pub use reloc::{patch_branch, resolve, Reloc};
