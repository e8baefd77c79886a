//! x86-64: registers and ABI facts (`regs`), the instruction encoder (`encode`), and its
//! tests against binutils' disassembler (`encode_tests`).

pub mod encode;
pub mod regs;

#[cfg(test)]
mod encode_tests;

pub use encode::{patch_rel32, resolve, Alu, Asm, Cond, Mem, Reloc, Scale, Shift};
pub use regs::*;
#[cfg(all(test, target_arch = "x86_64"))]
mod exec_tests;
