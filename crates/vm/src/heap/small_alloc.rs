//! The process's allocator for Rust-side memory (vectors, boxed slices, strings): small
//! blocks come from per-size free lists, larger ones from the system allocator.
//!
//! Why: objects own payload buffers allocated apart from them (a tuple's items, a list's
//! vector, a generator's frame copy), and the collector frees thousands of them at once in
//! a sweep. glibc's per-thread cache holds only a few blocks per size, so a sweep spills
//! into its arenas and the next allocations pay for consolidation: on nqueens malloc and
//! free were a quarter of all instructions. A free list per 16-byte size class makes both
//! a push or a pop under an uncontended lock.
//!
//! Blocks of up to `MAX_SMALL` bytes with alignment up to 16 are carved from 64 KiB chunks
//! that are never returned to the system (the free lists keep them for reuse); everything
//! else goes to `System`.
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::UnsafeCell;
use std::sync::atomic::{AtomicBool, Ordering};

const GRANULE: usize = 16;
const MAX_SMALL: usize = 256;
const CLASSES: usize = MAX_SMALL / GRANULE;
const CHUNK: usize = 64 * 1024;

struct Lists {
    /// Free blocks of each class, linked through their first word.
    heads: [*mut u8; CLASSES],
}

/// The allocator; install it with `#[global_allocator]`.
pub struct SmallAlloc {
    lock: AtomicBool,
    lists: UnsafeCell<Lists>,
}

// SAFETY: `lists` is only touched while `lock` is held (see `with_lists`).
unsafe impl Sync for SmallAlloc {}

impl SmallAlloc {
    pub const fn new() -> SmallAlloc {
        SmallAlloc { lock: AtomicBool::new(false), lists: UnsafeCell::new(Lists { heads: [std::ptr::null_mut(); CLASSES] }) }
    }

    #[inline]
    fn class_of(layout: &Layout) -> Option<usize> {
        let size = layout.size();
        (size != 0 && size <= MAX_SMALL && layout.align() <= GRANULE).then(|| (size - 1) / GRANULE)
    }

    #[inline]
    fn with_lists<R>(&self, f: impl FnOnce(&mut Lists) -> R) -> R {
        while self.lock.compare_exchange_weak(false, true, Ordering::Acquire, Ordering::Relaxed).is_err() {
            std::hint::spin_loop();
        }
        // SAFETY: the lock is held, so this is the only reference to the lists.
        let r = f(unsafe { &mut *self.lists.get() });
        self.lock.store(false, Ordering::Release);
        r
    }
}

impl Default for SmallAlloc {
    fn default() -> Self {
        Self::new()
    }
}

/// Asks the processor to bring the cache line at `p` in (no effect on null or on
/// processors without a hint here).
///
/// Why: after a sweep a free list links blocks scattered over the whole payload memory,
/// so reading a popped block's link was a cache miss on the path of every allocation (on
/// struct_bench 30% of the time sampled sat on that one load). Touching the next block
/// while the current one is handed out lets its miss overlap the caller's work; the
/// caller then also writes into a block already cached.
#[inline(always)]
fn prefetch(p: *mut u8) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch hint never faults, whatever the address.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(p as *const i8);
    }
    #[cfg(target_arch = "aarch64")]
    // SAFETY: PRFM is a hint: it never faults and changes no register or memory.
    unsafe {
        std::arch::asm!("prfm pldl1keep, [{0}]", in(reg) p, options(nostack, readonly, preserves_flags));
    }
    #[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
    let _ = p;
}

/// Carves a fresh chunk into blocks of `size` bytes, links them, and returns the first.
/// Null when the system is out of memory.
///
/// # Safety
/// `size` is a positive multiple of `GRANULE` no larger than `MAX_SMALL`.
unsafe fn refill(size: usize) -> *mut u8 {
    // SAFETY: CHUNK is non-zero and GRANULE a power of two.
    let base = unsafe { System.alloc(Layout::from_size_align_unchecked(CHUNK, GRANULE)) };
    if base.is_null() {
        return base;
    }
    let n = CHUNK / size;
    for i in 0..n {
        // SAFETY: block i lies inside the chunk; its first word holds the next block.
        unsafe {
            let block = base.add(i * size);
            let next = if i + 1 < n { base.add((i + 1) * size) } else { std::ptr::null_mut() };
            (block as *mut *mut u8).write(next);
        }
    }
    base
}

// SAFETY: blocks handed out are distinct, at least `layout.size()` bytes, 16-aligned (chunks
// are 16-aligned and sizes multiples of 16), and only reused after `dealloc` returns them
// with the same layout, which puts them back in the class they came from.
unsafe impl GlobalAlloc for SmallAlloc {
    #[inline(never)]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some(class) = Self::class_of(&layout) else {
            // SAFETY: forwarded with the caller's layout.
            return unsafe { System.alloc(layout) };
        };
        self.with_lists(|lists| {
            let mut head = lists.heads[class];
            if head.is_null() {
                // SAFETY: (class + 1) * GRANULE is a valid block size.
                head = unsafe { refill((class + 1) * GRANULE) };
                if head.is_null() {
                    return head;
                }
            }
            // SAFETY: a free block's first word is the next free block.
            let next = unsafe { (head as *mut *mut u8).read() };
            lists.heads[class] = next;
            prefetch(next);
            head
        })
    }

    #[inline(never)]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let Some(class) = Self::class_of(&layout) else {
            // SAFETY: allocated by System with this layout (alloc sent it there).
            return unsafe { System.dealloc(ptr, layout) };
        };
        self.with_lists(|lists| {
            // SAFETY: the block is ours and no longer used; its first word links it.
            unsafe { (ptr as *mut *mut u8).write(lists.heads[class]) };
            lists.heads[class] = ptr;
        })
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if Self::class_of(&layout).is_none() {
            // SAFETY: forwarded; the system gives fresh zero pages for big blocks (the value
            // stack is 32 MiB) without writing them.
            return unsafe { System.alloc_zeroed(layout) };
        }
        // SAFETY: a block of at least layout.size() bytes, zeroed here.
        unsafe {
            let p = self.alloc(layout);
            if !p.is_null() {
                p.write_bytes(0, layout.size());
            }
            p
        }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let old_small = Self::class_of(&layout);
        // SAFETY: the caller guarantees new_size > 0 and a valid layout for it.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        let new_small = Self::class_of(&new_layout);
        if old_small.is_none() && new_small.is_none() {
            // SAFETY: both sides are System's.
            return unsafe { System.realloc(ptr, layout, new_size) };
        }
        if old_small.is_some() && old_small == new_small {
            return ptr;
        }
        // SAFETY: a fresh block, the old contents copied, the old block returned.
        unsafe {
            let new = self.alloc(new_layout);
            if !new.is_null() {
                std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
            new
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reuses_blocks_by_class() {
        let a = SmallAlloc::new();
        let l = Layout::from_size_align(40, 8).unwrap();
        // SAFETY: matching alloc/dealloc pairs with one layout.
        unsafe {
            let p = a.alloc(l);
            assert!(!p.is_null());
            assert_eq!(p as usize % 16, 0);
            a.dealloc(p, l);
            let q = a.alloc(Layout::from_size_align(33, 8).unwrap());
            assert_eq!(p, q, "same class (33..=48) reuses the block");
            q.write_bytes(0xab, 33);
            let r = a.realloc(q, Layout::from_size_align(33, 8).unwrap(), 300);
            assert!(!r.is_null());
            assert_eq!(*r, 0xab);
            a.dealloc(r, Layout::from_size_align(300, 8).unwrap());
            let big = Layout::from_size_align(4096, 8).unwrap();
            let b = a.alloc(big);
            assert!(!b.is_null());
            a.dealloc(b, big);
        }
    }
}
