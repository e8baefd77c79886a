//! Architecture-specific pieces of the runtime: spilling callee-saved registers for the
//! conservative stack scan, and reading the stack pointer. One module per architecture; both
//! are compiled on every host where they can be (the assembly is gated to its own target).
#![allow(unsafe_code)]

/// The name of the architecture this build runs on.
pub const ARCH: &str = std::env::consts::ARCH;

/// Callee-saved general registers, written to memory so the conservative scan sees
/// values that live only in registers.
#[inline(never)]
pub fn spill_registers(buf: &mut [u64; 16]) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: only stores register values into `buf`, which has room for 6 words.
    unsafe {
        std::arch::asm!(
            "mov [{b}], rbx",
            "mov [{b} + 8], rbp",
            "mov [{b} + 16], r12",
            "mov [{b} + 24], r13",
            "mov [{b} + 32], r14",
            "mov [{b} + 40], r15",
            b = in(reg) buf.as_mut_ptr(),
            options(nostack, preserves_flags)
        );
    }
    #[cfg(target_arch = "aarch64")]
    // SAFETY: only stores register values into `buf`, which has room for 12 words.
    unsafe {
        std::arch::asm!(
            "stp x19, x20, [{b}]",
            "stp x21, x22, [{b}, #16]",
            "stp x23, x24, [{b}, #32]",
            "stp x25, x26, [{b}, #48]",
            "stp x27, x28, [{b}, #64]",
            "str x29, [{b}, #80]",
            b = in(reg) buf.as_mut_ptr(),
            options(nostack, preserves_flags)
        );
    }
    std::hint::black_box(buf);
}

/// An address in the current stack frame: the stack pointer, near enough.
#[inline(always)]
pub fn approx_sp() -> usize {
    let x = 0u8;
    std::hint::black_box(&x) as *const u8 as usize
}
