//! Where compiled code finds the parts of objects that Rust lays out as it likes: the data
//! pointer and length words of a `Vec<Value>` (list items) and of a `Box<[Value]>` (tuple
//! items), measured on live values rather than assumed, and the offsets of those fields
//! inside list and tuple objects. The JIT reads and writes list items with these.
#![allow(unsafe_code)]

use super::value::{Obj, Value};
use crate::objects::{ListObj, TupleObj};

/// Byte offsets, from an object's address, of the words compiled code reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SeqLayout {
    /// A list's item pointer and length words.
    pub list_ptr: usize,
    pub list_len: usize,
    /// A tuple's item pointer and length words.
    pub tuple_ptr: usize,
    pub tuple_len: usize,
}

/// Finds which word of `words` is `ptr` and which is `len`, each exactly once.
fn locate(words: &[usize], ptr: usize, len: usize) -> Option<(usize, usize)> {
    let p = words.iter().position(|&w| w == ptr)?;
    let l = words.iter().position(|&w| w == len)?;
    let unique = words.iter().filter(|&&w| w == ptr || w == len).count() == 2;
    (unique && p != l).then_some((8 * p, 8 * l))
}

/// Offsets of the data pointer and length words inside a `Vec<Value>`.
fn vec_words() -> Option<(usize, usize)> {
    // a Vec of three values in a capacity of seven: pointer, 3 and 7 are distinct words
    let mut v: Vec<Value> = Vec::with_capacity(7);
    v.extend([Value::NULL; 3]);
    if std::mem::size_of::<Vec<Value>>() != 24 {
        return None;
    }
    // SAFETY: a Vec<Value> is 24 bytes (checked above) of plain words with no padding
    // (pointer, capacity, length in some order), and [usize; 3] has the same size; reading
    // its words copies them without touching the Vec's ownership.
    let vw: [usize; 3] = unsafe { std::mem::transmute_copy(&v) };
    locate(&vw, v.as_ptr() as usize, v.len())
}

/// Measures the layouts, or None when they are not what compiled code can use (then the JIT
/// does not trace list and tuple items).
pub fn seq_layout() -> Option<SeqLayout> {
    let (vp, vl) = vec_words()?;
    let b: Box<[Value]> = vec![Value::NULL; 5].into_boxed_slice();
    if std::mem::size_of::<Box<[Value]>>() != 16 {
        return None;
    }
    // SAFETY: a boxed slice is a 16-byte fat pointer (data pointer and length, checked
    // size), copied as two words without affecting the box.
    let bw: [usize; 2] = unsafe { std::mem::transmute_copy(&b) };
    let (bp, bl) = locate(&bw, b.as_ptr() as usize, b.len())?;
    // the fields inside the objects: the Vec sits inside the list's RefCell, after its flag
    let list = Obj { hdr: dummy_header(), data: ListObj::new(Vec::new()) };
    let list_at = &list as *const Obj<ListObj> as usize;
    let vec_at = &*list.data.items.borrow() as *const Vec<Value> as usize;
    let tuple = Obj { hdr: dummy_header(), data: TupleObj { items: Box::new([]) } };
    let tuple_at = &tuple as *const Obj<TupleObj> as usize;
    let box_at = &tuple.data.items as *const Box<[Value]> as usize;
    let (lo, to) = (vec_at - list_at, box_at - tuple_at);
    Some(SeqLayout { list_ptr: lo + vp, list_len: lo + vl, tuple_ptr: to + bp, tuple_len: to + bl })
}

/// Byte offsets of what compiled code reads of plain instances and their types.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InstanceLayout {
    /// The instance's map word.
    pub map: usize,
    /// The data pointer and length words of the instance's slot vector.
    pub slots_ptr: usize,
    pub slots_len: usize,
    /// A type object's version word.
    pub type_version: usize,
}

/// Measures the instance layout (None: the JIT reads attributes through calls only).
pub fn instance_layout() -> Option<InstanceLayout> {
    use crate::objects::{InstanceObj, TypeObj};
    use std::cell::{Cell, RefCell};
    let (vp, vl) = vec_words()?;
    let inst = Obj { hdr: dummy_header(), data: InstanceObj { map: Cell::new(Value::NULL), slots: RefCell::new(Vec::new()), dict: Cell::new(Value::NULL) } };
    let at = &inst as *const Obj<InstanceObj> as usize;
    let vec_at = &*inst.data.slots.borrow() as *const Vec<Value> as usize;
    let map = std::mem::offset_of!(Obj<InstanceObj>, data) + std::mem::offset_of!(InstanceObj, map);
    let type_version = std::mem::offset_of!(Obj<TypeObj>, data) + std::mem::offset_of!(TypeObj, version);
    Some(InstanceLayout { map, slots_ptr: vec_at - at + vp, slots_len: vec_at - at + vl, type_version })
}

fn dummy_header() -> super::object::Header {
    super::object::Header::detached()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measured_offsets_read_the_items() {
        let l = seq_layout().expect("layout");
        assert_ne!(l.list_ptr, l.list_len);
        assert!(l.list_ptr >= 16 && l.tuple_ptr >= 16, "after the header: {l:?}");
        // read a real list's words through the offsets
        let items = vec![Value::small(1).unwrap(), Value::small(2).unwrap()];
        let list = Obj { hdr: dummy_header(), data: ListObj::new(items) };
        let base = &list as *const Obj<ListObj> as *const u8;
        // SAFETY: the offsets lie inside the object (measured on the same type) and point
        // at word-aligned words.
        let (p, n) = unsafe { (*(base.add(l.list_ptr) as *const usize), *(base.add(l.list_len) as *const usize)) };
        assert_eq!(n, 2);
        assert_eq!(p, list.data.items.borrow().as_ptr() as usize);
    }
}
