//! The global method cache: (type, name) → the result of an MRO lookup, valid while the
//! type's version tag is unchanged. Direct-mapped like CPython's type attribute cache:
//! a probe is a hash of two addresses and one compare, and a conflicting entry simply
//! replaces the old one. Emptied at every collection, since its keys are addresses.

use crate::heap::Value;

const BITS: u32 = 12;
const SIZE: usize = 1 << BITS;

#[derive(Clone, Copy, Default)]
struct Entry {
    ty: u64,
    name: u64,
    version: u64,
    /// The attribute, or NULL for "not found".
    result: Value,
}

pub struct LookupCache {
    entries: Box<[Entry; SIZE]>,
}

impl LookupCache {
    pub fn new() -> LookupCache {
        let v = vec![Entry::default(); SIZE].into_boxed_slice();
        match v.try_into() {
            Ok(entries) => LookupCache { entries },
            Err(_) => unreachable!("the vector has SIZE entries"),
        }
    }

    #[inline]
    fn slot(ty: Value, name: Value) -> usize {
        let h = (ty.raw() >> 4) ^ (name.raw() >> 3).rotate_left(17);
        (h.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - BITS)) as usize
    }

    /// `Some(result)` (NULL meaning absent) on a hit for this version.
    #[inline]
    pub fn get(&self, ty: Value, name: Value, version: u64) -> Option<Value> {
        let e = &self.entries[Self::slot(ty, name)];
        (e.ty == ty.raw() && e.name == name.raw() && e.version == version).then_some(e.result)
    }

    #[inline]
    pub fn insert(&mut self, ty: Value, name: Value, version: u64, result: Value) {
        self.entries[Self::slot(ty, name)] = Entry { ty: ty.raw(), name: name.raw(), version, result };
    }

    pub fn clear(&mut self) {
        self.entries.fill(Entry::default());
    }
}

impl Default for LookupCache {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hit_miss_and_versions() {
        let mut c = LookupCache::new();
        let (ty, name, r) = (Value::from_raw(0x1000), Value::from_raw(0x2000), Value::from_raw(0x3000));
        assert_eq!(c.get(ty, name, 1), None);
        c.insert(ty, name, 1, r);
        assert_eq!(c.get(ty, name, 1), Some(r));
        assert_eq!(c.get(ty, name, 2), None);
        c.insert(ty, name, 2, Value::NULL);
        assert_eq!(c.get(ty, name, 2), Some(Value::NULL));
        c.clear();
        assert_eq!(c.get(ty, name, 2), None);
    }
}
