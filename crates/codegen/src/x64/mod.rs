//! x86-64: registers and ABI facts (`regs`), the instruction encoder (`encode`), and its
//! tests against binutils' disassembler (`encode_tests`), and the lowering of LIR to machine
//! code (`lower`, tested in `lower_tests`).

pub mod encode;
pub mod lower;
pub mod regs;

#[cfg(test)]
mod encode_tests;
#[cfg(test)]
mod lower_tests;

pub use encode::{patch_rel32, resolve, Alu, Asm, Cond, Mem, Reloc, Scale, Shift};
pub use regs::*;
#[cfg(all(test, target_arch = "x86_64"))]
mod exec_tests;
