//! The collector: segregated size classes in aligned blocks, mark-sweep, non-moving, with
//! precise roots from the VM and a conservative scan of the native stack and registers.
#![allow(unsafe_code)]

use std::alloc::{alloc, dealloc, Layout};
use std::collections::{BTreeMap, HashMap};
use std::ptr::NonNull;

use super::object::{drop_payload, kind_needs_drop, size_of_kind, trace_object, Header, ObjKind, Payload, Tracer};
use super::value::{Gc, Obj, Value};

const BLOCK: usize = 1 << 16;
const CLASS_SIZES: [usize; 16] = [24, 32, 40, 48, 64, 80, 96, 112, 128, 160, 192, 256, 320, 384, 448, 512];
const MAX_SMALL: usize = 512;

/// Size class index by size in 8-byte units (0..=64).
const CLASS_OF_UNITS: [u8; MAX_SMALL / 8 + 1] = {
    let mut t = [0u8; MAX_SMALL / 8 + 1];
    let mut units = 0;
    while units <= MAX_SMALL / 8 {
        let mut c = 0;
        while CLASS_SIZES[c] < units * 8 {
            c += 1;
        }
        t[units] = c as u8;
        units += 1;
    }
    t
};
const MIN_THRESHOLD: usize = 8 << 20;
/// Under GC stress, every allocation collects while the live heap is at most this big;
/// above it a collection comes after 1/256 of the live heap has been allocated, because each
/// collection costs time proportional to the live heap (a test that builds a structure of
/// 100,000 objects would otherwise take hours, and since the standard library loads at
/// start-up the live heap is about 800 KiB before the program begins: collecting at every
/// allocation made a 0.1 s test take 80 s).
const STRESS_EVERY_ALLOCATION: usize = 256 << 10;

struct SizeClass {
    size: usize,
    /// Free cells, linked through their third word.
    free: *mut u8,
    blocks: Vec<*mut u8>,
}

pub struct Heap {
    classes: [SizeClass; CLASS_SIZES.len()],
    /// Block base address → size class index.
    blocks: HashMap<usize, usize>,
    /// Large objects: address → size.
    large: BTreeMap<usize, usize>,
    pub bytes_since_gc: usize,
    pub live_bytes: usize,
    pub threshold: usize,
    pub stress: bool,
    pub collections: u64,
    /// When false, allocation never triggers a collection (during start-up).
    pub enabled: bool,
}

/// The result of one collection.
#[derive(Debug, Default, Clone, Copy)]
pub struct Collected {
    pub objects: usize,
    pub bytes: usize,
}

impl Heap {
    pub fn new() -> Heap {
        Heap {
            classes: std::array::from_fn(|i| SizeClass { size: CLASS_SIZES[i], free: std::ptr::null_mut(), blocks: Vec::new() }),
            blocks: HashMap::new(),
            large: BTreeMap::new(),
            bytes_since_gc: 0,
            live_bytes: 0,
            threshold: MIN_THRESHOLD,
            stress: false,
            collections: 0,
            enabled: true,
        }
    }

    pub fn should_collect(&self) -> bool {
        self.enabled && ((self.stress && self.bytes_since_gc >= self.stress_gap()) || self.bytes_since_gc > self.threshold)
    }

    /// Bytes allocated between collections under GC stress (0: every allocation collects).
    fn stress_gap(&self) -> usize {
        if self.live_bytes <= STRESS_EVERY_ALLOCATION {
            0
        } else {
            self.live_bytes / 256
        }
    }

    /// The size class for an object of `size` bytes (a table lookup by 8-byte units).
    #[inline]
    fn class_for(size: usize) -> usize {
        CLASS_OF_UNITS[size.div_ceil(8).min(MAX_SMALL / 8)] as usize & (CLASS_SIZES.len() - 1)
    }

    /// Raw cell for `size` bytes, or None when memory is exhausted.
    #[inline(always)]
    fn alloc_cell(&mut self, size: usize) -> Option<*mut u8> {
        if size > MAX_SMALL {
            return self.alloc_large(size);
        }
        let ci = Self::class_for(size);
        if self.classes[ci].free.is_null() {
            self.new_block(ci)?;
        }
        let class = &mut self.classes[ci];
        let cell = class.free;
        // SAFETY: free cells are inside our blocks and hold the next pointer at offset 16.
        class.free = unsafe { *(cell.add(16) as *mut *mut u8) };
        self.bytes_since_gc += class.size;
        Some(cell)
    }

    #[cold]
    #[inline(never)]
    fn alloc_large(&mut self, size: usize) -> Option<*mut u8> {
        {
            let layout = Layout::from_size_align(size, 16).ok()?;
            // SAFETY: layout has non-zero size.
            let p = unsafe { alloc(layout) };
            if p.is_null() {
                return None;
            }
            self.large.insert(p as usize, size);
            self.bytes_since_gc += size;
            Some(p)
        }
    }

    #[cold]
    #[inline(never)]
    fn new_block(&mut self, ci: usize) -> Option<()> {
        let layout = Layout::from_size_align(BLOCK, BLOCK).ok()?;
        // SAFETY: non-zero size.
        let base = unsafe { alloc(layout) };
        if base.is_null() {
            return None;
        }
        let size = self.classes[ci].size;
        let n = BLOCK / size;
        let mut next: *mut u8 = self.classes[ci].free;
        for i in (0..n).rev() {
            // SAFETY: i * size + size <= BLOCK, inside the fresh block.
            unsafe {
                let cell = base.add(i * size);
                std::ptr::write_bytes(cell, 0, 16);
                *(cell.add(16) as *mut *mut u8) = next;
                next = cell;
            }
        }
        self.classes[ci].free = next;
        self.classes[ci].blocks.push(base);
        self.blocks.insert(base as usize, ci);
        Some(())
    }

    /// Counts memory an object about to be allocated owns outside its cell (the digits of a
    /// big int, the text of a str) towards the next collection, so that a program making
    /// few but large objects still collects them.
    #[inline]
    pub fn note_external(&mut self, bytes: usize) {
        self.bytes_since_gc = self.bytes_since_gc.saturating_add(bytes);
    }

    /// Allocates an object. The caller decides about collecting first (see `Vm::alloc`).
    pub fn alloc<T: Payload>(&mut self, ty: Value, data: T) -> Option<Gc<T>> {
        let size = std::mem::size_of::<Obj<T>>();
        debug_assert!(std::mem::align_of::<Obj<T>>() <= 16);
        let p = self.alloc_cell(size.max(24))? as *mut Obj<T>;
        let obj = Obj {
            hdr: Header {
                ty: std::cell::Cell::new(ty),
                kind: T::KIND,
                mark: std::cell::Cell::new(false),
                flags: std::cell::Cell::new(0),
                extra: std::cell::Cell::new(0),
            },
            data,
        };
        // SAFETY: p is a fresh cell of at least size_of::<Obj<T>>() bytes, 8-aligned.
        unsafe { p.write(obj) };
        NonNull::new(p).map(Gc::from_ptr)
    }

    /// The object containing address `a`, if `a` points into a live object.
    pub fn find_object(&self, a: usize) -> Option<Value> {
        let base = a & !(BLOCK - 1);
        if let Some(&ci) = self.blocks.get(&base) {
            let size = self.classes[ci].size;
            let idx = (a - base) / size;
            if (idx + 1) * size > BLOCK {
                return None;
            }
            let cell = base + idx * size;
            // SAFETY: cell is inside one of our blocks; its header is initialised (zeroed
            // when free).
            let kind = unsafe { (*(cell as *const Header)).kind };
            return if kind == ObjKind::Free { None } else { Some(Value::from_raw(cell as u64)) };
        }
        let (&start, &size) = self.large.range(..=a).next_back()?;
        if a < start + size {
            Some(Value::from_raw(start as u64))
        } else {
            None
        }
    }

    /// Marks from `roots`, then every object reachable; returns the tracer for reuse.
    pub fn mark(&self, roots: &[Value], conservative: &[usize]) {
        let mut t = Tracer { stack: MARK_STACK.with(|s| std::mem::take(&mut *s.borrow_mut())) };
        t.stack.clear();
        for &r in roots {
            t.visit(r);
        }
        for &w in conservative {
            if w & 7 != 0 && w & 1 == 1 {
                continue;
            }
            if let Some(v) = self.find_object(w) {
                t.visit(v);
            }
        }
        while let Some(v) = t.stack.pop() {
            trace_object(v, &mut t);
        }
        MARK_STACK.with(|s| *s.borrow_mut() = t.stack);
    }

    /// The unmarked objects (between a mark and its sweep) for which `want` holds, given
    /// each one's header.
    pub fn unmarked_where(&self, mut want: impl FnMut(&Header) -> bool) -> Vec<Value> {
        let mut out = Vec::new();
        for c in &self.classes {
            let size = c.size;
            for &base in &c.blocks {
                for i in 0..BLOCK / size {
                    // SAFETY: every cell of a block is either free (zeroed header) or holds
                    // an initialised object written by `alloc`.
                    let h = unsafe { &*(base.add(i * size) as *const Header) };
                    if h.kind != ObjKind::Free && !h.mark.get() && want(h) {
                        out.push(Value::from_raw(base as u64 + (i * size) as u64));
                    }
                }
            }
        }
        for &addr in self.large.keys() {
            // SAFETY: large entries are live allocations holding initialised objects.
            let h = unsafe { &*(addr as *const Header) };
            if !h.mark.get() && want(h) {
                out.push(Value::from_raw(addr as u64));
            }
        }
        out
    }

    /// Frees every unmarked object and clears the marks of the others.
    pub fn sweep(&mut self) -> Collected {
        let mut freed = Collected::default();
        let mut live = 0usize;
        for ci in 0..self.classes.len() {
            let size = self.classes[ci].size;
            let n = BLOCK / size;
            let mut free = std::ptr::null_mut::<u8>();
            for &base in &self.classes[ci].blocks {
                for i in 0..n {
                    // SAFETY: every cell of a block is either free (zeroed header) or holds
                    // an initialised object written by `alloc`.
                    unsafe {
                        let cell = base.add(i * size);
                        let h = &*(cell as *const Header);
                        if h.kind != ObjKind::Free {
                            if h.mark.get() {
                                h.mark.set(false);
                                live += size;
                                continue;
                            }
                            if kind_needs_drop(h.kind) {
                                drop_payload(h.kind, cell);
                            }
                            freed.objects += 1;
                            freed.bytes += size;
                            std::ptr::write_bytes(cell, 0, 16);
                        }
                        *(cell.add(16) as *mut *mut u8) = free;
                        free = cell;
                    }
                }
            }
            self.classes[ci].free = free;
        }
        let mut dead = Vec::new();
        for (&addr, &size) in &self.large {
            // SAFETY: large entries are live allocations holding initialised objects.
            let h = unsafe { &*(addr as *const Header) };
            if h.mark.get() {
                h.mark.set(false);
                live += size;
            } else {
                dead.push((addr, size));
            }
        }
        for (addr, size) in dead {
            // SAFETY: the object is unreachable; it was allocated with this layout.
            unsafe {
                let h = &*(addr as *const Header);
                drop_payload(h.kind, addr as *mut u8);
                if let Ok(layout) = Layout::from_size_align(size, 16) {
                    dealloc(addr as *mut u8, layout);
                }
            }
            self.large.remove(&addr);
            freed.objects += 1;
            freed.bytes += size;
        }
        self.live_bytes = live;
        self.bytes_since_gc = 0;
        self.threshold = live.max(MIN_THRESHOLD);
        self.collections += 1;
        freed
    }

    pub fn is_marked(v: Value) -> bool {
        v.header().map(|h| h.mark.get()).unwrap_or(true)
    }

    #[cfg(test)]
    fn object_count(&self) -> usize {
        let mut n = self.large.len();
        for c in &self.classes {
            for &base in &c.blocks {
                for i in 0..BLOCK / c.size {
                    // SAFETY: see sweep.
                    let h = unsafe { &*(base.add(i * c.size) as *const Header) };
                    if h.kind != ObjKind::Free {
                        n += 1;
                    }
                }
            }
        }
        n
    }
}

impl Default for Heap {
    fn default() -> Self {
        Heap::new()
    }
}

impl Drop for Heap {
    fn drop(&mut self) {
        if crate::threads::active() {
            // daemon threads may still be inside blocking calls that read objects of this
            // heap (a file's descriptor, a socket's buffer): the process is ending, so the
            // memory is left to the OS
            return;
        }
        self.sweep();
        for c in &self.classes {
            for &b in &c.blocks {
                if let Ok(layout) = Layout::from_size_align(BLOCK, BLOCK) {
                    // SAFETY: allocated in new_block with this layout; no object is live.
                    unsafe { dealloc(b, layout) };
                }
            }
        }
    }
}

/// Drops the payload of the object at `p` in place.
pub(super) fn drop_obj<T: Payload>(p: *mut u8) {
    // SAFETY: called by sweep only for an unreachable object of kind T::KIND, once.
    unsafe { std::ptr::drop_in_place(&mut (*(p as *mut Obj<T>)).data) };
}

/// Size of objects of a kind (for statistics).
pub fn object_size(kind: ObjKind) -> usize {
    size_of_kind(kind)
}

thread_local! {
    /// The mark stack, kept between collections (a deep structure grows it past the
    /// system allocator's mmap threshold, and a fresh mapping per collection faulted in
    /// page by page).
    static MARK_STACK: std::cell::RefCell<Vec<Value>> = const { std::cell::RefCell::new(Vec::new()) };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::{FloatObj, ListObj};

    #[test]
    fn unreachable_objects_are_freed_and_cycles_collected() {
        let mut h = Heap::new();
        let a = h.alloc(Value::NULL, ListObj::new(vec![])).unwrap();
        let b = h.alloc(Value::NULL, ListObj::new(vec![a.value()])).unwrap();
        a.items.borrow_mut().push(b.value()); // a cycle
        let keep = h.alloc(Value::NULL, FloatObj(1.5)).unwrap();
        assert_eq!(h.object_count(), 3);
        h.mark(&[keep.value()], &[]);
        let c = h.sweep();
        assert_eq!(c.objects, 2);
        assert_eq!(h.object_count(), 1);
        assert_eq!(keep.0, 1.5);
    }

    #[test]
    fn interior_pointers_find_their_object() {
        let mut h = Heap::new();
        let f = h.alloc(Value::NULL, FloatObj(2.0)).unwrap();
        let addr = f.value().addr();
        assert_eq!(h.find_object(addr + 17), Some(f.value()));
        assert_eq!(h.find_object(addr), Some(f.value()));
        h.mark(&[], &[addr + 8]);
        assert_eq!(h.sweep().objects, 0);
        h.mark(&[], &[]);
        assert_eq!(h.sweep().objects, 1);
        assert_eq!(h.find_object(addr), None);
    }

    #[test]
    fn large_objects() {
        let mut h = Heap::new();
        let big: Vec<Value> = (0..1000).map(|i| Value::small(i).unwrap()).collect();
        let l = h.alloc(Value::NULL, ListObj::new(big)).unwrap();
        h.mark(&[l.value()], &[]);
        assert_eq!(h.sweep().objects, 0);
        assert_eq!(l.items.borrow().len(), 1000);
    }
}

/// Reads every aligned word in `[lo, hi)` of the current thread's stack.
pub fn scan_stack(lo: usize, hi: usize, out: &mut Vec<usize>) {
    let mut p = lo & !7;
    while p + 8 <= hi {
        // SAFETY: [lo, hi) lies inside the current thread's stack (lo is an address in the
        // current frame, hi the anchor recorded when the VM thread started), which is mapped
        // and readable; words are read volatile because the compiler knows nothing of them.
        out.push(unsafe { std::ptr::read_volatile(p as *const usize) });
        p += 8;
    }
}

