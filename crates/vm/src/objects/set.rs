//! Set storage with CPython's exact table algorithm (9 linear probes, then perturbation;
//! resize at 3/5 full), so that sets iterate, and print, in CPython's order.

use std::cell::RefCell;

use crate::heap::{Trace, Tracer, Value};

const LINEAR_PROBES: usize = 9;
const MINSIZE: usize = 8;

#[derive(Clone, Copy)]
pub struct SetEntry {
    /// -1 marks a deleted entry (with a NULL key); 0 with a NULL key is unused.
    pub hash: i64,
    pub key: Value,
}

const UNUSED: SetEntry = SetEntry { hash: 0, key: Value::NULL };

#[derive(Clone)]
pub struct SetTable {
    pub table: Vec<SetEntry>,
    pub fill: usize,
    pub used: usize,
    pub version: u64,
}

/// What a probe for a key found.
pub enum Probe {
    /// The key is at this slot.
    Found(usize),
    /// Not present; insert at this slot (`fresh`: an unused slot, not a deleted one).
    Absent { slot: usize, fresh: bool },
    /// A slot whose hash matches and whose key needs a Python-level comparison.
    Compare(usize),
}

impl Default for SetTable {
    fn default() -> Self {
        SetTable::new()
    }
}

impl SetTable {
    pub fn new() -> SetTable {
        SetTable { table: vec![UNUSED; MINSIZE], fill: 0, used: 0, version: 0 }
    }
    pub fn mask(&self) -> usize {
        self.table.len() - 1
    }

    /// Probes for `key`. `same` decides equality without Python code (identity, exact str);
    /// a hash match it cannot decide is returned as `Compare` unless its slot is in `skip`.
    pub fn probe(&self, key: Value, hash: i64, same: &dyn Fn(Value, Value) -> Option<bool>, skip: &[usize]) -> Probe {
        let mask = self.mask();
        let mut i = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        let mut freeslot: Option<usize> = None;
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            let mut j = i;
            for _ in 0..=probes {
                let e = self.table[j];
                if e.hash == 0 && e.key.is_null() {
                    return match freeslot {
                        Some(f) => Probe::Absent { slot: f, fresh: false },
                        None => Probe::Absent { slot: j, fresh: true },
                    };
                }
                if e.hash == hash && !e.key.is_null() {
                    if e.key == key {
                        return Probe::Found(j);
                    }
                    match same(e.key, key) {
                        Some(true) => return Probe::Found(j),
                        Some(false) => {}
                        None => {
                            if !skip.contains(&j) {
                                return Probe::Compare(j);
                            }
                        }
                    }
                } else if e.hash == -1 && e.key.is_null() {
                    // CPython 3.11 reuses the last deleted slot on the probe path
                    freeslot = Some(j);
                }
                j += 1;
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    /// Stores a new key at the slot a probe returned, resizing as CPython does.
    pub fn insert_at(&mut self, slot: usize, fresh: bool, key: Value, hash: i64) {
        self.table[slot] = SetEntry { hash, key };
        self.used += 1;
        self.version += 1;
        if fresh {
            self.fill += 1;
            if self.fill * 5 >= self.mask() * 3 {
                let min = if self.used > 50000 { self.used * 2 } else { self.used * 4 };
                self.resize(min);
            }
        }
    }

    pub fn remove_at(&mut self, slot: usize) {
        self.table[slot] = SetEntry { hash: -1, key: Value::NULL };
        self.used -= 1;
        self.version += 1;
    }

    pub fn resize(&mut self, minused: usize) {
        let mut newsize = MINSIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let old = std::mem::replace(&mut self.table, vec![UNUSED; newsize]);
        self.fill = self.used;
        for e in old {
            if !e.key.is_null() {
                self.insert_clean(e.key, e.hash);
            }
        }
        self.version += 1;
    }

    /// Inserts into a table known to have no equal key and no deleted slots on the way.
    pub fn insert_clean(&mut self, key: Value, hash: i64) {
        let mask = self.mask();
        let mut i = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        loop {
            if self.table[i].key.is_null() {
                self.table[i] = SetEntry { hash, key };
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for j in 1..=LINEAR_PROBES {
                    if self.table[i + j].key.is_null() {
                        self.table[i + j] = SetEntry { hash, key };
                        return;
                    }
                }
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    /// CPython's set_merge into an empty table: copy the layout, or reinsert cleanly.
    pub fn merge_from(&mut self, other: &SetTable) {
        if other.used == 0 {
            return;
        }
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 && self.mask() == other.mask() && other.fill == other.used {
            for (i, e) in other.table.iter().enumerate() {
                if !e.key.is_null() {
                    self.table[i] = *e;
                }
            }
            self.fill = other.fill;
            self.used = other.used;
            self.version += 1;
            return;
        }
        if self.fill == 0 {
            self.fill = other.used;
            self.used = other.used;
            for e in &other.table {
                if !e.key.is_null() {
                    self.insert_clean(e.key, e.hash);
                }
            }
            self.version += 1;
        }
        // otherwise the caller adds entry by entry
    }

    pub fn iter(&self) -> impl Iterator<Item = &SetEntry> {
        self.table.iter().filter(|e| !e.key.is_null())
    }

    pub fn next_from(&self, mut pos: usize) -> Option<(usize, SetEntry)> {
        while pos < self.table.len() {
            let e = self.table[pos];
            if !e.key.is_null() {
                return Some((pos, e));
            }
            pos += 1;
        }
        None
    }

    pub fn clear(&mut self) {
        *self = SetTable { version: self.version + 1, ..SetTable::new() };
    }
}

pub struct SetObj {
    pub table: RefCell<SetTable>,
}

impl SetObj {
    pub fn new() -> SetObj {
        SetObj { table: RefCell::new(SetTable::new()) }
    }
    pub fn len(&self) -> usize {
        self.table.borrow().used
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Default for SetObj {
    fn default() -> Self {
        SetObj::new()
    }
}

impl Trace for SetObj {
    fn trace(&self, t: &mut Tracer) {
        match self.table.try_borrow() {
            Ok(tab) => {
                for e in tab.iter() {
                    t.visit(e.key);
                }
            }
            Err(_) => crate::interp::fatal("GC ran while a set was being mutated"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn add(t: &mut SetTable, i: i64) {
        let v = Value::small(i).unwrap();
        match t.probe(v, i, &|a, b| Some(a == b), &[]) {
            Probe::Absent { slot, fresh } => t.insert_at(slot, fresh, v, i),
            _ => {}
        }
    }

    #[test]
    fn iteration_order_matches_cpython_for_small_ints() {
        // CPython 3.11: s = set(); s.add(i) for 100, 3, 17, 8, 1 in turn; list(s) == [1, 3, 100, 8, 17]
        let mut t = SetTable::new();
        for i in [100, 3, 17, 8, 1] {
            add(&mut t, i);
        }
        let order: Vec<i64> = t.iter().map(|e| e.key.small_value()).collect();
        assert_eq!(order, vec![1, 3, 100, 8, 17]);
        // and the literal {100, 3, 17, 8, 1} merges that frozenset into an empty set:
        // CPython prints [1, 17, 3, 100, 8]
        let mut s = SetTable::new();
        s.merge_from(&t);
        let order: Vec<i64> = s.iter().map(|e| e.key.small_value()).collect();
        assert_eq!(order, vec![1, 17, 3, 100, 8]);
    }
}
