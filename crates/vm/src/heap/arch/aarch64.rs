//! AArch64 (AAPCS64): the registers the collector must see, and how to spill them.
#![allow(unsafe_code)]

/// Callee-saved general-purpose registers (x19-x28 and the frame pointer), in spill order.
pub const CALLEE_SAVED: &[&str] = &["x19", "x20", "x21", "x22", "x23", "x24", "x25", "x26", "x27", "x28", "x29"];

/// Stack alignment at a call, in bytes.
pub const STACK_ALIGN: usize = 16;

/// Writes the callee-saved registers into `buf[..CALLEE_SAVED.len()]`.
#[cfg(target_arch = "aarch64")]
#[inline(always)]
pub fn spill_callee_saved(buf: &mut [u64; 16]) {
    // SAFETY: only stores register values into `buf`, which has room for 16 words.
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abi_facts() {
        assert_eq!(CALLEE_SAVED.len(), 11);
        assert_eq!(STACK_ALIGN, 16);
    }
}
