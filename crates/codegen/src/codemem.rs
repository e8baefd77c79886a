//! Executable memory: one reserved region per process (bounded by an option), code placed
//! into it with W^X (pages are writable or executable, never both), patching of emitted
//! branches, the instruction-cache flush AArch64 needs, and calls into generated code.
#![allow(unsafe_code)]

use std::ptr::NonNull;

const PAGE: usize = 4096;

/// Code memory could not hold more code (an outcome, not a failure: the trace stays
/// interpreted).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OutOfCodeMemory;

/// Code placed in memory: its address and length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CodeRef {
    pub offset: usize,
    pub len: usize,
}

pub struct CodeMemory {
    base: NonNull<u8>,
    reserved: usize,
    used: usize,
    /// Freed ranges (offset, len) available for reuse, first fit.
    free: Vec<(usize, usize)>,
}

impl CodeMemory {
    /// Reserves `limit` bytes of address space (rounded up to pages), none of it usable yet.
    pub fn new(limit: usize) -> Option<CodeMemory> {
        let reserved = limit.max(PAGE).div_ceil(PAGE) * PAGE;
        // SAFETY: an anonymous private mapping with no access; no existing memory is touched.
        let p = unsafe {
            libc::mmap(std::ptr::null_mut(), reserved, libc::PROT_NONE, libc::MAP_PRIVATE | libc::MAP_ANONYMOUS, -1, 0)
        };
        if p == libc::MAP_FAILED {
            return None;
        }
        Some(CodeMemory { base: NonNull::new(p.cast())?, reserved, used: 0, free: Vec::new() })
    }

    pub fn capacity(&self) -> usize {
        self.reserved
    }
    /// Bytes in use (placed code, alignment included).
    pub fn used(&self) -> usize {
        self.used - self.free.iter().map(|&(_, l)| l).sum::<usize>()
    }

    /// Address of `offset` within the region.
    pub fn addr(&self, offset: usize) -> usize {
        self.base.as_ptr() as usize + offset
    }

    /// Copies `code` into executable memory, 16-byte aligned.
    pub fn place(&mut self, code: &[u8]) -> Result<CodeRef, OutOfCodeMemory> {
        let len = code.len().div_ceil(16) * 16;
        let offset = match self.free.iter().position(|&(_, l)| l >= len) {
            Some(k) => {
                let (o, l) = self.free[k];
                if l == len {
                    self.free.remove(k);
                } else {
                    self.free[k] = (o + len, l - len);
                }
                o
            }
            None => {
                if self.used + len > self.reserved {
                    return Err(OutOfCodeMemory);
                }
                self.used += len;
                self.used - len
            }
        };
        self.write(offset, code);
        Ok(CodeRef { offset, len })
    }

    /// Gives the range back for reuse. The caller guarantees nothing runs or jumps there.
    pub fn release(&mut self, r: CodeRef) {
        let len = r.len.div_ceil(16) * 16;
        self.free.push((r.offset, len));
    }

    /// Overwrites bytes of placed code (a branch retargeted to a bridge, say).
    pub fn patch(&mut self, offset: usize, bytes: &[u8]) {
        assert!(offset + bytes.len() <= self.used, "patch outside placed code");
        self.write(offset, bytes);
    }

    /// Reads placed code back (for disassembly in logs and for tests).
    pub fn read(&self, r: CodeRef) -> Vec<u8> {
        assert!(r.offset + r.len <= self.used);
        // SAFETY: the range lies inside pages placed code made readable and executable
        // (PROT_READ is part of every mapping we leave behind).
        unsafe { std::slice::from_raw_parts(self.base.as_ptr().add(r.offset), r.len).to_vec() }
    }

    fn write(&mut self, offset: usize, bytes: &[u8]) {
        assert!(offset + bytes.len() <= self.reserved);
        let start = offset / PAGE * PAGE;
        let end = (offset + bytes.len()).div_ceil(PAGE) * PAGE;
        // SAFETY: [start, end) lies inside our reservation. The pages are made writable (and
        // not executable) for the copy and executable (not writable) afterwards; the
        // interpreter thread, the only one running trace code, is here and not in them.
        unsafe {
            let p = self.base.as_ptr().add(start);
            let r = libc::mprotect(p.cast(), end - start, libc::PROT_READ | libc::PROT_WRITE);
            assert_eq!(r, 0, "mprotect RW failed");
            std::ptr::copy_nonoverlapping(bytes.as_ptr(), self.base.as_ptr().add(offset), bytes.len());
            let r = libc::mprotect(p.cast(), end - start, libc::PROT_READ | libc::PROT_EXEC);
            assert_eq!(r, 0, "mprotect RX failed");
            flush_icache(self.base.as_ptr().add(offset) as usize, bytes.len());
        }
    }

    /// Calls the code at `offset` as `extern "C" fn(u64, u64) -> u64`.
    ///
    /// # Safety
    /// The code at `offset` must be a function of that signature, following the platform's
    /// C calling convention, whose behaviour is sound for the arguments given (it may only
    /// touch memory the arguments grant it).
    pub unsafe fn call2(&self, offset: usize, a: u64, b: u64) -> u64 {
        // SAFETY: the caller guarantees the code is such a function.
        unsafe {
            let f: extern "C" fn(u64, u64) -> u64 = std::mem::transmute(self.addr(offset));
            f(a, b)
        }
    }
}

impl Drop for CodeMemory {
    fn drop(&mut self) {
        // SAFETY: the mapping is ours and nothing runs in it once the owner drops it.
        unsafe {
            libc::munmap(self.base.as_ptr().cast(), self.reserved);
        }
    }
}

/// Makes instructions written at [addr, addr+len) visible to instruction fetch.
#[cfg(target_arch = "aarch64")]
fn flush_icache(addr: usize, len: usize) {
    // cache line sizes from CTR_EL0: DminLine bits 19:16, IminLine bits 3:0 (log2 words)
    let ctr: u64;
    // SAFETY: reading CTR_EL0 is allowed at EL0 on Linux and has no side effects.
    unsafe { std::arch::asm!("mrs {0}, ctr_el0", out(reg) ctr) };
    let dline = 4usize << ((ctr >> 16) & 0xf);
    let iline = 4usize << (ctr & 0xf);
    let end = addr + len;
    let mut p = addr & !(dline - 1);
    while p < end {
        // SAFETY: cleaning a data cache line of mapped memory has no effect on program state.
        unsafe { std::arch::asm!("dc cvau, {0}", in(reg) p) };
        p += dline;
    }
    // SAFETY: barriers only order memory accesses.
    unsafe { std::arch::asm!("dsb ish") };
    let mut p = addr & !(iline - 1);
    while p < end {
        // SAFETY: invalidating an instruction cache line of mapped memory only forces refetch.
        unsafe { std::arch::asm!("ic ivau, {0}", in(reg) p) };
        p += iline;
    }
    // SAFETY: barriers only order memory accesses and instruction fetch.
    unsafe { std::arch::asm!("dsb ish", "isb") };
}

/// x86-64 keeps instruction fetch coherent with stores: nothing to do.
#[cfg(not(target_arch = "aarch64"))]
fn flush_icache(_addr: usize, _len: usize) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_release_and_bounds() {
        let mut m = CodeMemory::new(8192).unwrap();
        let a = m.place(&[0xc3; 10]).unwrap();
        assert_eq!(a, CodeRef { offset: 0, len: 16 });
        let b = m.place(&[0x90; 5000]).unwrap();
        assert_eq!(b.offset, 16);
        assert_eq!(m.read(a)[..10], [0xc3; 10]);
        assert_eq!(m.place(&[0; 4000]), Err(OutOfCodeMemory));
        m.release(a);
        let c = m.place(&[0xcc; 16]).unwrap();
        assert_eq!(c.offset, 0, "freed range reused");
        m.patch(1, &[0x11]);
        assert_eq!(m.read(c)[..2], [0xcc, 0x11]);
    }

    /// Runs a tiny hand-encoded function: returns its first argument plus its second.
    #[test]
    fn call_generated_code() {
        #[cfg(target_arch = "x86_64")]
        let code: &[u8] = &[0x48, 0x8d, 0x04, 0x37, 0xc3]; // lea rax, [rdi + rsi]; ret
        #[cfg(target_arch = "aarch64")]
        let code: &[u8] = &[0x00, 0x00, 0x01, 0x8b, 0xc0, 0x03, 0x5f, 0xd6]; // add x0, x0, x1; ret
        let mut m = CodeMemory::new(1 << 16).unwrap();
        let r = m.place(code).unwrap();
        // SAFETY: the bytes above are such a function for this architecture.
        let v = unsafe { m.call2(r.offset, 40, 2) };
        assert_eq!(v, 42);
    }
}
