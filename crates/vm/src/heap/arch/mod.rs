//! Architecture-specific pieces of the runtime, one module per architecture with the same
//! items in the same order (compare x86_64.rs and aarch64.rs side by side). Both modules are
//! compiled and unit-tested on every host; only the inline assembly that runs on the host is
//! gated to its own target. The JIT backends will add their encoders here in the same shape.
#![allow(unsafe_code)]

pub mod aarch64;
pub mod x86_64;

/// The name of the architecture this build runs on.
pub const ARCH: &str = std::env::consts::ARCH;

/// Callee-saved general registers, written to memory so the conservative stack scan sees
/// values that live only in registers.
#[inline(never)]
pub fn spill_registers(buf: &mut [u64; 16]) {
    #[cfg(target_arch = "x86_64")]
    x86_64::spill_callee_saved(buf);
    #[cfg(target_arch = "aarch64")]
    aarch64::spill_callee_saved(buf);
    std::hint::black_box(buf);
}

/// An address in the current stack frame: the stack pointer, near enough.
#[inline(always)]
pub fn approx_sp() -> usize {
    let x = 0u8;
    std::hint::black_box(&x) as *const u8 as usize
}

/// Facts about the host architecture, from its module.
pub fn host_callee_saved() -> &'static [&'static str] {
    #[cfg(target_arch = "aarch64")]
    return aarch64::CALLEE_SAVED;
    #[cfg(not(target_arch = "aarch64"))]
    return x86_64::CALLEE_SAVED;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spill_buffers_are_large_enough_on_every_architecture() {
        assert!(x86_64::CALLEE_SAVED.len() <= 16);
        assert!(aarch64::CALLEE_SAVED.len() <= 16);
        assert!(!host_callee_saved().is_empty());
    }

    #[test]
    fn spill_writes_registers_on_the_host() {
        let mut buf = [0u64; 16];
        spill_registers(&mut buf);
        // at least the frame pointer or some callee-saved register holds a non-zero value
        let n = host_callee_saved().len();
        assert!(buf[..n].iter().any(|&w| w != 0) || cfg!(not(any(target_arch = "x86_64", target_arch = "aarch64"))));
    }
}
