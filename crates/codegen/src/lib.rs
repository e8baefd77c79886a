//! pyjit-codegen: the machine-code half of the JIT. It knows nothing of Python: it takes
//! a low-level IR over virtual registers (`lir`), allocates registers over the linear trace
//! (`regalloc`) and emits x86-64 or AArch64 code into executable memory (`codemem`).
//!
//! Each ISA has one folder with the same files in the same order (`regs`, `encode`,
//! `encode_tests`, `lower`), so the two can be read side by side.

pub mod aarch64;
pub mod buffer;
pub mod codemem;
pub mod lir;
pub mod lower_common;
pub mod parmove;
pub mod regalloc;
pub mod x64;
