//! Insertion-ordered dict storage: compact entries plus an open-addressed index table.
//! Key comparison can run Python code, so lookups that need `__eq__` live in the VM
//! (`interp::dictops`); this table only offers candidates and structural edits.

use std::cell::RefCell;

use crate::heap::{Trace, Tracer, Value};

const EMPTY: u32 = u32::MAX;
const DUMMY: u32 = u32::MAX - 1;

#[derive(Clone, Copy)]
pub struct Entry {
    pub hash: i64,
    /// NULL for a deleted entry.
    pub key: Value,
    pub value: Value,
}

#[derive(Clone)]
pub struct DictTable {
    pub entries: Vec<Entry>,
    indices: Vec<u32>,
    /// Index slots not EMPTY (live entries plus DUMMY tombstones): lookups end only at an
    /// EMPTY slot, so the table grows or is rebuilt before this reaches its size.
    fill: usize,
    pub used: usize,
    /// Bumped on every change of keys (not of values): iteration and lookups check it.
    pub version: u64,
    /// Bumped when entry indexes change meaning (resize, clear): a lookup whose key
    /// comparison ran Python code starts again only then, or when its entry changed (as
    /// CPython's lookdict, so a comparison that adds and removes other keys finishes).
    pub layout: u64,
    /// No live entry lies before this index (deleting only ever adds holes, and the
    /// places that compact `entries` reset it): OrderedDict.popitem(last=False) scans
    /// from here, not over every hole an LRU cache's pops left at the front.
    head: usize,
}

impl Default for DictTable {
    fn default() -> Self {
        DictTable::new()
    }
}

impl DictTable {
    pub fn new() -> DictTable {
        DictTable { entries: Vec::new(), indices: vec![EMPTY; 8], fill: 0, used: 0, version: 0, layout: 0, head: 0 }
    }

    fn mask(&self) -> usize {
        self.indices.len() - 1
    }

    /// Entry indexes whose hash equals `hash`, in probe order.
    pub fn candidates(&self, hash: i64) -> Vec<usize> {
        let mut out = Vec::new();
        self.probe(hash, |ei| {
            out.push(ei);
            false
        });
        out
    }

    /// Walks the probe sequence for `hash`, calling `f` with each live entry of that hash
    /// until it returns true (the entry index is returned) or an empty slot ends the chain.
    pub fn probe(&self, hash: i64, mut f: impl FnMut(usize) -> bool) -> Option<usize> {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let ix = self.indices[i];
            if ix == EMPTY {
                return None;
            }
            if ix != DUMMY {
                let e = &self.entries[ix as usize];
                if e.hash == hash && !e.key.is_null() && f(ix as usize) {
                    return Some(ix as usize);
                }
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
        }
    }

    /// Finds a key by identity (or by `same`, a comparison that runs no Python code).
    pub fn find_fast(&self, hash: i64, key: Value, same: impl Fn(Value, Value) -> bool) -> Option<usize> {
        self.probe(hash, |ei| {
            let k = self.entries[ei].key;
            k == key || same(k, key)
        })
    }

    /// Appends a key known to be absent.
    pub fn insert_new(&mut self, hash: i64, key: Value, value: Value) {
        if (self.fill.max(self.entries.len()) + 1) * 3 >= self.indices.len() * 2 {
            self.resize((self.used + 1) * 3);
        }
        let ei = self.entries.len() as u32;
        self.entries.push(Entry { hash, key, value });
        self.place(hash, ei);
        self.used += 1;
        self.version += 1;
    }

    fn place(&mut self, hash: i64, ei: u32) {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            if self.indices[i] == EMPTY || self.indices[i] == DUMMY {
                if self.indices[i] == EMPTY {
                    self.fill += 1;
                }
                self.indices[i] = ei;
                return;
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
        }
    }

    fn resize(&mut self, min: usize) {
        let mut size = 8;
        while size < min {
            size <<= 1;
        }
        self.layout += 1;
        let live: Vec<Entry> = self.entries.iter().copied().filter(|e| !e.key.is_null()).collect();
        self.entries = live;
        self.head = 0;
        self.indices = vec![EMPTY; size];
        self.fill = 0;
        for i in 0..self.entries.len() {
            let h = self.entries[i].hash;
            self.place(h, i as u32);
        }
    }

    pub fn remove_at(&mut self, ei: usize) -> Entry {
        let e = self.entries[ei];
        let mask = self.mask();
        let mut perturb = e.hash as u64;
        let mut i = (e.hash as u64 as usize) & mask;
        loop {
            if self.indices[i] == ei as u32 {
                self.indices[i] = DUMMY;
                break;
            }
            if self.indices[i] == EMPTY {
                break;
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
        }
        self.entries[ei].key = Value::NULL;
        self.entries[ei].value = Value::NULL;
        self.used -= 1;
        self.version += 1;
        // the entry stays a hole (as in CPython): a key added later goes after it, so an
        // iterator past this position sees it and reports the change
        e
    }

    /// Drops the deleted entries at the end of the order (popitem does, so that popping
    /// every item stays linear, as CPython's does).
    pub fn trim_deleted_tail(&mut self) {
        while matches!(self.entries.last(), Some(e) if e.key.is_null()) {
            self.entries.pop();
        }
        self.head = self.head.min(self.entries.len());
    }

    pub fn clear(&mut self) {
        *self = DictTable { version: self.version + 1, layout: self.layout + 1, ..DictTable::new() };
    }

    /// Moves live entry `ei` to the end of the order (`last`) or to its front
    /// (OrderedDict.move_to_end).
    pub fn move_entry(&mut self, ei: usize, last: bool) {
        let e = self.entries[ei];
        if last {
            self.remove_at(ei);
            self.insert_new(e.hash, e.key, e.value);
            return;
        }
        let mut live: Vec<Entry> = Vec::with_capacity(self.used);
        live.push(e);
        live.extend(self.entries.iter().enumerate().filter(|(i, x)| *i != ei && !x.key.is_null()).map(|(_, x)| *x));
        self.entries = live;
        self.head = 0;
        self.indices = vec![EMPTY; self.indices.len()];
        self.fill = 0;
        for i in 0..self.entries.len() {
            let h = self.entries[i].hash;
            self.place(h, i as u32);
        }
        self.version += 1;
    }

    /// The index of the first (or last) live entry.
    pub fn end_entry(&mut self, last: bool) -> Option<usize> {
        if last {
            self.entries.iter().rposition(|e| !e.key.is_null())
        } else {
            let from = self.head.min(self.entries.len());
            let i = self.entries[from..].iter().position(|e| !e.key.is_null()).map(|i| from + i);
            self.head = i.unwrap_or(self.entries.len());
            i
        }
    }

    /// The live entries, in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| !e.key.is_null())
    }

    /// The next live entry at or after position `pos`.
    pub fn next_from(&self, mut pos: usize) -> Option<(usize, Entry)> {
        while pos < self.entries.len() {
            let e = self.entries[pos];
            if !e.key.is_null() {
                return Some((pos, e));
            }
            pos += 1;
        }
        None
    }
}

pub struct DictObj {
    pub table: RefCell<DictTable>,
}

impl DictObj {
    pub fn new() -> DictObj {
        DictObj { table: RefCell::new(DictTable::new()) }
    }
    pub fn len(&self) -> usize {
        self.table.borrow().used
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn version(&self) -> u64 {
        self.table.borrow().version
    }
}

impl Default for DictObj {
    fn default() -> Self {
        DictObj::new()
    }
}

impl Trace for DictObj {
    fn trace(&self, t: &mut Tracer) {
        match self.table.try_borrow() {
            Ok(tab) => {
                for e in tab.iter() {
                    t.visit(e.key);
                    t.visit(e.value);
                }
            }
            Err(_) => crate::interp::fatal("GC ran while a dict was being mutated"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(i: i64) -> Value {
        Value::small(i).unwrap()
    }

    #[test]
    fn insert_find_remove_keep_order() {
        let mut t = DictTable::new();
        for i in 0..100 {
            t.insert_new(i * 7, v(i), v(i * 10));
        }
        assert_eq!(t.used, 100);
        assert_eq!(t.find_fast(21, v(3), |_, _| false), Some(3));
        t.remove_at(3);
        assert_eq!(t.find_fast(21, v(3), |_, _| false), None);
        let keys: Vec<i64> = t.iter().take(5).map(|e| e.key.small_value()).collect();
        assert_eq!(keys, vec![0, 1, 2, 4, 5]);
        t.insert_new(21, v(3), v(0));
        assert_eq!(t.iter().last().map(|e| e.key.small_value()), Some(3));
    }

    #[test]
    fn first_entry_hint_follows_lru_use() {
        // an LRU cache: move keys to the end, pop the oldest; the first live entry found
        // through the hint is always the one a full scan finds
        let mut t = DictTable::new();
        let mut next = 0i64;
        for step in 0..5000i64 {
            if step % 3 == 0 && t.used > 0 {
                let ei = t.iter().nth((step as usize * 7) % t.used).map(|e| e.key.small_value());
                if let Some(k) = ei {
                    let pos = t.entries.iter().position(|e| !e.key.is_null() && e.key.small_value() == k).unwrap();
                    t.move_entry(pos, step % 2 == 0);
                }
            } else {
                t.insert_new(next as u64 as i64 * 31, v(next), v(0));
                next += 1;
            }
            if t.used > 50 {
                let want = t.entries.iter().position(|e| !e.key.is_null());
                let got = t.end_entry(false);
                assert_eq!(got, want);
                if let Some(ei) = got {
                    t.remove_at(ei);
                    t.trim_deleted_tail();
                }
            }
        }
        while t.used > 0 {
            let want = t.entries.iter().position(|e| !e.key.is_null());
            let got = t.end_entry(false);
            assert_eq!(got, want);
            t.remove_at(got.unwrap());
            t.trim_deleted_tail();
        }
        assert_eq!(t.end_entry(false), None);
        t.insert_new(5, v(5), v(0));
        assert_eq!(t.end_entry(false), Some(t.entries.len() - 1));
    }

    #[test]
    fn insert_remove_cycles_leave_an_empty_slot() {
        // removing the last entry pops it, but its index slot stays a tombstone: the table
        // must still be rebuilt before tombstones fill it (a missing-key lookup once spun)
        let mut t = DictTable::new();
        t.insert_new(1, v(1), v(0));
        for i in 2..1000 {
            t.insert_new(i, v(i), v(0));
            let ei = t.find_fast(i, v(i), |_, _| false).expect("just inserted");
            t.remove_at(ei);
            assert_eq!(t.find_fast(-i, v(-i), |_, _| false), None);
        }
        assert_eq!(t.used, 1);
    }
}
