//! The value stack all frames share: locals, cells and operand stacks, one slot a value.
//!
//! Its size is a power of two and single-slot indexing masks the index with `len - 1`,
//! which the compiler knows is in bounds, so a push or a local load is one AND instead
//! of a compare and a branch. Frames are only pushed after checking that the frame and
//! its deepest operand stack fit (see `push_function_frame`), so the mask never changes
//! an index that correct bytecode uses; a wrong index would read a wrong slot, never
//! memory outside the stack. Ranges are bounds-checked as usual.

use std::ops::{Index, IndexMut, Range, RangeFrom, RangeTo};

use crate::heap::Value;

use super::STACK_SLOTS;

const MASK: usize = STACK_SLOTS - 1;
const _: () = assert!(STACK_SLOTS.is_power_of_two());

pub struct ValueStack(Box<[Value; STACK_SLOTS]>);

impl ValueStack {
    pub fn new() -> ValueStack {
        let slots = vec![Value::NULL; STACK_SLOTS].into_boxed_slice();
        match slots.try_into() {
            Ok(b) => ValueStack(b),
            Err(_) => unreachable!("the vector has STACK_SLOTS elements"),
        }
    }

    /// Address of slot `i` (masked like every single-slot access), for compiled code.
    pub fn slot_ptr(&mut self, i: usize) -> *mut Value {
        &mut self.0[i & MASK] as *mut Value
    }

    /// Moves `n` slots from `from` to `to` (the ranges may overlap).
    #[inline(always)]
    pub fn copy_within(&mut self, from: usize, to: usize, n: usize) {
        self.0.copy_within(from..from + n, to);
    }

    /// Sets `n` slots from `at` to NULL.
    #[inline(always)]
    pub fn fill_null(&mut self, at: usize, n: usize) {
        self.0[at..at + n].fill(Value::NULL);
    }

    #[inline(always)]
    pub fn swap(&mut self, a: usize, b: usize) {
        self.0.swap(a & MASK, b & MASK);
    }
}

impl Default for ValueStack {
    fn default() -> Self {
        Self::new()
    }
}

impl Index<usize> for ValueStack {
    type Output = Value;
    #[inline(always)]
    fn index(&self, i: usize) -> &Value {
        &self.0[i & MASK]
    }
}

impl IndexMut<usize> for ValueStack {
    #[inline(always)]
    fn index_mut(&mut self, i: usize) -> &mut Value {
        &mut self.0[i & MASK]
    }
}

macro_rules! range_index {
    ($($r:ty),*) => {$(
        impl Index<$r> for ValueStack {
            type Output = [Value];
            #[inline]
            fn index(&self, r: $r) -> &[Value] {
                &self.0[r]
            }
        }
        impl IndexMut<$r> for ValueStack {
            #[inline]
            fn index_mut(&mut self, r: $r) -> &mut [Value] {
                &mut self.0[r]
            }
        }
    )*};
}
range_index!(Range<usize>, RangeFrom<usize>, RangeTo<usize>);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_and_ranges() {
        let mut s = ValueStack::new();
        s[3] = Value::small(7).unwrap();
        s[4] = Value::small(8).unwrap();
        s.swap(3, 4);
        assert_eq!(s[3].small_value(), 8);
        assert_eq!(s[3..5].len(), 2);
        assert_eq!(s[..5][4].small_value(), 7);
        assert!(s[STACK_SLOTS - 1].is_null());
    }
}
