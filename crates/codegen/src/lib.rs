//! pyjit-codegen: the machine-code half of the JIT. It knows nothing of Python: it takes
//! a low-level IR over virtual registers, allocates registers over the linear trace and
//! emits x86-64 or AArch64 code into executable memory.
//!
//! Each ISA has one folder with the same files in the same order (`regs`, `encode`,
//! `encode_tests`, later `lower`), so the two can be read side by side.

pub mod aarch64;
pub mod buffer;
pub mod x64;
