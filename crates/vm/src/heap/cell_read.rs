//! Reads of `RefCell`-held vectors on the interpreter's hot paths (inline caches, instance
//! slots) that check the borrow flag but do not write it.
//!
//! `RefCell::borrow` increments the flag and decrements it again when the guard drops: two
//! stores on every attribute read. These functions copy one element out while no mutable
//! borrow exists, running no other code while the reference lives, so no borrow can begin.
//! The copy of a 72-byte cache entry is a few vector moves; the flag's stores were the cost.
#![allow(unsafe_code)]

use std::cell::RefCell;

/// Element `i` of the vector, or None when it is out of range or mutably borrowed.
#[inline(always)]
pub fn vec_get<T: Copy>(c: &RefCell<Vec<T>>, i: usize) -> Option<T> {
    // SAFETY: `try_borrow_unguarded` fails while the cell is mutably borrowed; the shared
    // reference lives only for the copy below, during which no code can borrow `c`.
    let v = unsafe { c.try_borrow_unguarded() }.ok()?;
    v.get(i).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_without_a_guard() {
        let c = RefCell::new(vec![1u32, 2, 3]);
        assert_eq!(vec_get(&c, 1), Some(2));
        assert_eq!(vec_get(&c, 3), None);
        let g = c.borrow_mut();
        assert_eq!(vec_get(&c, 0), None);
        drop(g);
        // the flag was never written: a mutable borrow still succeeds
        assert!(c.try_borrow_mut().is_ok());
    }
}
