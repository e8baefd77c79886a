//! x86-64 (System V ABI): the registers the collector must see, and how to spill them.
#![allow(unsafe_code)]

/// Callee-saved general-purpose registers, in spill order.
pub const CALLEE_SAVED: &[&str] = &["rbx", "rbp", "r12", "r13", "r14", "r15"];

/// Stack alignment at a call, in bytes.
pub const STACK_ALIGN: usize = 16;

/// Writes the callee-saved registers into `buf[..CALLEE_SAVED.len()]`.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
pub fn spill_callee_saved(buf: &mut [u64; 16]) {
    // SAFETY: only stores register values into `buf`, which has room for 16 words.
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abi_facts() {
        assert_eq!(CALLEE_SAVED.len(), 6);
        assert_eq!(STACK_ALIGN, 16);
    }
}
