//! The process's allocator for Rust-side memory (vectors, boxed slices, strings): small
//! blocks come from per-size chunks with a free bitmap, larger ones from the system
//! allocator.
//!
//! Why: objects own payload buffers allocated apart from them (a tuple's items, a list's
//! vector, a generator's frame copy), and the collector frees thousands of them at once in
//! a sweep. glibc's per-thread cache holds only a few blocks per size, so a sweep spills
//! into its arenas and the next allocations pay for consolidation: on nqueens malloc and
//! free were a quarter of all instructions. A free *list* per size class fixed that but
//! linked blocks through their first word: after a sweep the list ran over the whole
//! payload memory in the order the sweep met the owners, so every allocation read a cold
//! block (a third of struct_bench's time sat on that one load) and every free in a sweep
//! wrote one. Here neither touches the block: each 64 KiB chunk (aligned to its size, so
//! a block's chunk is its address with the low bits cleared) holds one size class and a
//! bitmap of its free blocks in its header; freeing sets a bit, allocating takes the
//! lowest free block of the chunk in hand, so blocks are handed out in address order and
//! neighbours share cache lines.
//!
//! Blocks of up to `MAX_SMALL` bytes with alignment up to 16 come from chunks carved from
//! 1 MiB regions that are never returned to the system (a chunk emptied stays with its
//! class); everything else goes to `System`. One uncontended spin lock guards it all.
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::UnsafeCell;
use std::sync::atomic::{AtomicBool, Ordering};

const GRANULE: usize = 16;
const MAX_SMALL: usize = 256;
const CLASSES: usize = MAX_SMALL / GRANULE;
const CHUNK: usize = 64 * 1024;
/// Chunks taken from the system at once.
const REGION: usize = 16 * CHUNK;
/// Bitmap words per chunk: one bit per granule of the chunk.
const WORDS: usize = CHUNK / GRANULE / 64;

/// The start of every chunk. Bit `g` of `bits` is set when the block starting `g`
/// granules into the chunk is free; granules of the header and the tail too short for a
/// block never have a bit.
#[repr(C)]
struct Chunk {
    /// The next chunk of the same class with free blocks (while `listed`).
    next: *mut Chunk,
    /// No bitmap word below this one has a set bit.
    cursor: u32,
    /// On its class's list of chunks with free blocks.
    listed: bool,
    bits: [u64; WORDS],
}

/// Offset of the first block: the header rounded up to a granule.
const HEADER: usize = std::mem::size_of::<Chunk>().div_ceil(GRANULE) * GRANULE;

struct Lists {
    /// Per class, the chunks that may have free blocks, linked through `Chunk::next`.
    avail: [*mut Chunk; CLASSES],
    /// Chunks not yet given a class, linked through their first word.
    spare: *mut u8,
}

/// The allocator; install it with `#[global_allocator]`.
pub struct SmallAlloc {
    lock: AtomicBool,
    lists: UnsafeCell<Lists>,
}

// SAFETY: `lists` (and every chunk it reaches) is only touched while `lock` is held (see
// `with_lists`).
unsafe impl Sync for SmallAlloc {}

impl SmallAlloc {
    pub const fn new() -> SmallAlloc {
        SmallAlloc {
            lock: AtomicBool::new(false),
            lists: UnsafeCell::new(Lists { avail: [std::ptr::null_mut(); CLASSES], spare: std::ptr::null_mut() }),
        }
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

/// A fresh chunk for blocks of `size` bytes, every block free. Null when the system is
/// out of memory.
///
/// # Safety
/// Called with the lock held; `size` is a positive multiple of `GRANULE` no larger than
/// `MAX_SMALL`.
#[cold]
#[inline(never)]
unsafe fn new_chunk(lists: &mut Lists, size: usize) -> *mut Chunk {
    if lists.spare.is_null() {
        // SAFETY: REGION is non-zero and CHUNK a power of two.
        let base = unsafe { System.alloc(Layout::from_size_align_unchecked(REGION, CHUNK)) };
        if base.is_null() {
            return std::ptr::null_mut();
        }
        for i in (0..REGION / CHUNK).rev() {
            // SAFETY: chunk i lies inside the region; its first word links the spares.
            unsafe {
                let c = base.add(i * CHUNK);
                (c as *mut *mut u8).write(lists.spare);
                lists.spare = c;
            }
        }
    }
    let c = lists.spare;
    // SAFETY: a spare chunk's first word links the next spare; the chunk is CHUNK bytes,
    // CHUNK-aligned and unused, so its header may be written.
    unsafe {
        lists.spare = (c as *mut *mut u8).read();
        let mut bits = [0u64; WORDS];
        let step = size / GRANULE;
        let mut g = HEADER / GRANULE;
        while (g + step) * GRANULE <= CHUNK {
            bits[g / 64] |= 1 << (g % 64);
            g += step;
        }
        let chunk = c as *mut Chunk;
        chunk.write(Chunk { next: std::ptr::null_mut(), cursor: 0, listed: false, bits });
        chunk
    }
}

// SAFETY: blocks handed out are distinct (a block's bit is cleared while it is in use),
// at least `layout.size()` bytes (blocks of a chunk are its class's size apart and end
// inside it), 16-aligned (chunks are CHUNK-aligned, HEADER and sizes multiples of 16), and
// only reused after `dealloc` returns them with the same layout, which sets their bit in
// the chunk they came from.
unsafe impl GlobalAlloc for SmallAlloc {
    #[inline(never)]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some(class) = Self::class_of(&layout) else {
            // SAFETY: forwarded with the caller's layout.
            return unsafe { System.alloc(layout) };
        };
        self.with_lists(|lists| loop {
            let mut c = lists.avail[class];
            if c.is_null() {
                // SAFETY: the lock is held; (class + 1) * GRANULE is a valid block size.
                c = unsafe { new_chunk(lists, (class + 1) * GRANULE) };
                if c.is_null() {
                    return std::ptr::null_mut();
                }
                // SAFETY: a fresh chunk, reachable only through the lists (lock held).
                unsafe {
                    (*c).listed = true;
                    (*c).next = std::ptr::null_mut();
                }
                lists.avail[class] = c;
            }
            // SAFETY: listed chunks are initialised and only touched under the lock.
            let h = unsafe { &mut *c };
            let mut w = h.cursor as usize;
            while w < WORDS {
                let word = h.bits[w];
                if word != 0 {
                    h.bits[w] = word & (word - 1);
                    h.cursor = w as u32;
                    let g = w * 64 + word.trailing_zeros() as usize;
                    // SAFETY: a set bit marks a free block inside this chunk.
                    return unsafe { (c as *mut u8).add(g * GRANULE) };
                }
                w += 1;
            }
            // no free block left: off the list until a block comes back
            h.cursor = WORDS as u32;
            h.listed = false;
            lists.avail[class] = h.next;
        })
    }

    #[inline(never)]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let Some(class) = Self::class_of(&layout) else {
            // SAFETY: allocated by System with this layout (alloc sent it there).
            return unsafe { System.dealloc(ptr, layout) };
        };
        let at = ptr as usize;
        let chunk = (at & !(CHUNK - 1)) as *mut Chunk;
        let g = (at & (CHUNK - 1)) / GRANULE;
        self.with_lists(|lists| {
            // SAFETY: the block came from `alloc` for this class, so it lies in an
            // initialised chunk of this class; the lock is held.
            let h = unsafe { &mut *chunk };
            h.bits[g / 64] |= 1 << (g % 64);
            if ((g / 64) as u32) < h.cursor {
                h.cursor = (g / 64) as u32;
            }
            if !h.listed {
                h.listed = true;
                h.next = lists.avail[class];
                lists.avail[class] = chunk;
            }
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

    #[test]
    fn blocks_are_distinct_in_address_order_and_come_back() {
        let a = SmallAlloc::new();
        for size in [16usize, 48, 112, 256] {
            let l = Layout::from_size_align(size, 16).unwrap();
            // more than a region's worth of chunks, so chunks run out and new ones come
            let n = 3 * CHUNK / size * 20;
            // SAFETY: matching alloc/dealloc pairs with one layout; blocks written within size.
            unsafe {
                let ps: Vec<*mut u8> = (0..n).map(|_| a.alloc(l)).collect();
                let mut sorted = ps.clone();
                sorted.sort();
                for w in sorted.windows(2) {
                    assert!(w[0] as usize + size <= w[1] as usize, "blocks overlap");
                }
                for (i, &p) in ps.iter().enumerate() {
                    assert!(!p.is_null());
                    assert_eq!(p as usize % 16, 0);
                    p.write_bytes(i as u8, size);
                }
                for (i, &p) in ps.iter().enumerate() {
                    assert_eq!(*p.add(size - 1), i as u8, "a block was handed out twice");
                }
                // free every other block of the first chunk's worth, in reverse
                let first: Vec<*mut u8> = ps.iter().copied().take(100).collect();
                for &p in first.iter().rev().step_by(2) {
                    a.dealloc(p, l);
                }
                // they come back lowest first
                let mut back: Vec<*mut u8> = first.iter().rev().step_by(2).copied().collect();
                back.sort();
                let again: Vec<*mut u8> = (0..back.len()).map(|_| a.alloc(l)).collect();
                assert_eq!(again, back);
                for &p in &ps {
                    a.dealloc(p, l);
                }
            }
        }
    }
}
