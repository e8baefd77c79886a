//! Dict and set operations that may run Python code (`__hash__`, `__eq__`).

use crate::heap::{ObjKind, Value};
use crate::objects::*;

use super::{PyResult, Vm};

/// Equality decided without running Python code, when it can be.
pub fn fast_eq(a: Value, b: Value) -> Option<bool> {
    if a == b {
        return Some(true);
    }
    // instances of Python subclasses of str/bytes may define their own __eq__
    let heap = |v: Value| v.header().and_then(|h| h.ty.get().get::<TypeObj>().map(|t| t.has_flag(type_flags::HEAPTYPE))).unwrap_or(false);
    match (a.kind(), b.kind()) {
        (Some(ObjKind::Str), _) | (_, Some(ObjKind::Str)) | (Some(ObjKind::Bytes), _) | (_, Some(ObjKind::Bytes)) if heap(a) || heap(b) => None,
        (Some(ObjKind::Str), Some(ObjKind::Str)) => {
            let (x, y) = (a.get::<StrObj>()?, b.get::<StrObj>()?);
            Some(x.same(&y))
        }
        (None, None) => Some(a == b),
        (None, Some(ObjKind::Str)) | (Some(ObjKind::Str), None) => Some(false),
        (Some(ObjKind::Bytes), Some(ObjKind::Bytes)) => Some(a.get::<BytesObj>()?.data == b.get::<BytesObj>()?.data),
        _ => None,
    }
}

impl Vm {
    /// Looks a key up; `None` when absent.
    pub fn dict_get(&mut self, d: Value, key: Value) -> PyResult<Option<Value>> {
        let h = self.hash(key)?;
        self.dict_get_h(d, key, h)
    }

    fn dict_find(&mut self, d: Value, key: Value, h: i64) -> PyResult<Option<usize>> {
        let Some(dict) = d.get::<DictObj>() else { return Ok(None) };
        // entries already compared unequal, valid while the layout stays the same
        let mut done: Vec<usize> = Vec::new();
        let mut done_layout = dict.table.borrow().layout;
        loop {
            let (cands, version, layout) = {
                let t = dict.table.borrow();
                if let Some(i) = t.find_fast(h, key, |a, b| fast_eq(a, b) == Some(true)) {
                    return Ok(Some(i));
                }
                if t.layout != done_layout {
                    done.clear();
                    done_layout = t.layout;
                }
                let cands: Vec<usize> = t
                    .candidates(h)
                    .into_iter()
                    .filter(|&i| fast_eq(t.entries[i].key, key).is_none() && !done.contains(&i))
                    .collect();
                (cands, t.version, t.layout)
            };
            if cands.is_empty() {
                return Ok(None);
            }
            let mut restart = false;
            for i in cands {
                let k = {
                    let t = dict.table.borrow();
                    if t.version != version {
                        restart = true;
                        break;
                    }
                    t.entries[i].key
                };
                let eq = self.eq(k, key)?;
                let t = dict.table.borrow();
                if t.layout != layout || t.entries.get(i).map(|e| e.key) != Some(k) {
                    // the entry compared is gone: look again
                    restart = true;
                    break;
                }
                if eq {
                    return Ok(Some(i));
                }
                done.push(i);
                if t.version != version {
                    // other keys changed: probe the table as it is now
                    restart = true;
                    break;
                }
            }
            if !restart {
                return Ok(None);
            }
        }
    }

    /// The index of a key's entry in the dict's table; None when absent.
    pub fn dict_entry_index(&mut self, d: Value, key: Value) -> PyResult<Option<usize>> {
        let h = self.hash(key)?;
        self.dict_find(d, key, h)
    }

    pub fn dict_get_h(&mut self, d: Value, key: Value, h: i64) -> PyResult<Option<Value>> {
        match self.dict_find(d, key, h)? {
            Some(i) => Ok(d.get::<DictObj>().and_then(|dict| dict.table.borrow().entries.get(i).map(|e| e.value))),
            None => Ok(None),
        }
    }

    /// Looks a key up and, when found, moves its entry to the end of the order (one
    /// lookup, as CPython's lru_cache moves a hit). Returns the value.
    pub fn dict_get_move_to_end(&mut self, d: Value, key: Value, h: i64) -> PyResult<Option<Value>> {
        let Some(i) = self.dict_find(d, key, h)? else { return Ok(None) };
        let Some(dict) = d.get::<DictObj>() else { return Ok(None) };
        let mut t = dict.table.borrow_mut();
        let e = t.remove_at(i);
        t.insert_new(e.hash, e.key, e.value);
        Ok(Some(e.value))
    }

    /// Lookup of a str key without running Python code (namespaces, attributes).
    pub fn dict_get_str(&mut self, d: Value, key: Value) -> Option<Value> {
        let dict = d.get::<DictObj>()?;
        let h = self.str_hash(key);
        let t = dict.table.borrow();
        let i = t.find_fast(h, key, |a, b| fast_eq(a, b) == Some(true))?;
        Some(t.entries[i].value)
    }

    pub fn dict_set(&mut self, d: Value, key: Value, v: Value) -> PyResult<()> {
        let h = self.hash(key)?;
        self.dict_set_h(d, key, v, h)
    }

    pub fn dict_set_h(&mut self, d: Value, key: Value, v: Value, h: i64) -> PyResult<()> {
        let Some(dict) = d.get::<DictObj>() else { return Ok(()) };
        match self.dict_find(d, key, h)? {
            Some(i) => {
                let mut t = dict.table.borrow_mut();
                t.entries[i].value = v;
                // Namespaces version their values too: global caches depend on it.
                t.version += 1;
            }
            None => dict.table.borrow_mut().insert_new(h, key, v),
        }
        Ok(())
    }

    /// Removes a key; returns its value, or None when absent.
    pub fn dict_del(&mut self, d: Value, key: Value) -> PyResult<Option<Value>> {
        let h = self.hash(key)?;
        let Some(dict) = d.get::<DictObj>() else { return Ok(None) };
        match self.dict_find(d, key, h)? {
            Some(i) => Ok(Some(dict.table.borrow_mut().remove_at(i).value)),
            None => Ok(None),
        }
    }

    pub fn dict_set_str(&mut self, d: Value, key: &str, v: Value) {
        let k = self.intern(key);
        let h = self.str_hash(k);
        let _ = self.dict_set_h(d, k, v, h);
    }

    pub fn dict_get_by_str(&mut self, d: Value, key: &str) -> Option<Value> {
        let k = self.intern(key);
        self.dict_get_str(d, k)
    }

    pub fn dict_items(&self, d: Value) -> Vec<(Value, Value)> {
        d.get::<DictObj>().map(|dict| dict.table.borrow().iter().map(|e| (e.key, e.value)).collect()).unwrap_or_default()
    }

    pub fn dict_keys(&self, d: Value) -> Vec<Value> {
        d.get::<DictObj>().map(|dict| dict.table.borrow().iter().map(|e| e.key).collect()).unwrap_or_default()
    }

    // ---- sets ----

    fn set_probe(&mut self, s: Value, key: Value, h: i64) -> PyResult<Probe> {
        let Some(set) = s.get::<SetObj>() else { return Ok(Probe::Absent { slot: 0, fresh: true }) };
        let mut skip: Vec<usize> = Vec::new();
        loop {
            let (p, version) = {
                let t = set.table.borrow();
                (t.probe(key, h, &fast_eq, &skip), t.version)
            };
            match p {
                Probe::Compare(slot) => {
                    let k = set.table.borrow().table[slot].key;
                    let eq = self.eq(k, key)?;
                    if set.table.borrow().version != version {
                        skip.clear();
                        continue;
                    }
                    if eq {
                        return Ok(Probe::Found(slot));
                    }
                    skip.push(slot);
                }
                other => return Ok(other),
            }
        }
    }

    pub fn set_add(&mut self, s: Value, key: Value) -> PyResult<()> {
        let h = self.hash(key)?;
        self.set_add_h(s, key, h)
    }

    pub fn set_add_h(&mut self, s: Value, key: Value, h: i64) -> PyResult<()> {
        if let Probe::Absent { slot, fresh } = self.set_probe(s, key, h)? {
            if let Some(set) = s.get::<SetObj>() {
                set.table.borrow_mut().insert_at(slot, fresh, key, h);
            }
        }
        Ok(())
    }

    pub fn set_contains(&mut self, s: Value, key: Value) -> PyResult<bool> {
        let h = match self.hash(key) {
            Ok(h) => h,
            Err(e) => {
                // `x in set` with an unhashable set: look it up as a frozenset.
                if key.kind() == Some(ObjKind::Set) && self.isinstance(e.0, self.types.type_error) {
                    let f = self.frozen_copy(key)?;
                    self.hash(f)?
                } else {
                    return Err(e);
                }
            }
        };
        Ok(matches!(self.set_probe(s, key, h)?, Probe::Found(_)))
    }

    pub fn set_discard(&mut self, s: Value, key: Value) -> PyResult<bool> {
        let h = match self.hash(key) {
            Ok(h) => h,
            // `remove`/`discard` of an unhashable set: as the frozenset with its items
            Err(e) if key.kind() == Some(ObjKind::Set) && self.isinstance(e.0, self.types.type_error) => {
                let f = self.frozen_copy(key)?;
                self.hash(f)?
            }
            Err(e) => return Err(e),
        };
        self.set_discard_h(s, key, h)
    }

    /// `key in s` for a key whose hash is known (a set's or dict's stored hash).
    pub fn set_contains_h(&mut self, s: Value, key: Value, h: i64) -> PyResult<bool> {
        Ok(matches!(self.set_probe(s, key, h)?, Probe::Found(_)))
    }

    /// `s.discard(key)` for a key whose hash is known.
    pub fn set_discard_h(&mut self, s: Value, key: Value, h: i64) -> PyResult<bool> {
        match self.set_probe(s, key, h)? {
            Probe::Found(slot) => {
                if let Some(set) = s.get::<SetObj>() {
                    set.table.borrow_mut().remove_at(slot);
                }
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    /// The (hash, key) pairs of a set, frozenset or dict (subclasses included), whose
    /// hashes are stored: CPython reuses them instead of hashing the keys again.
    pub fn hashed_keys(&self, v: Value) -> Option<Vec<(i64, Value)>> {
        if let Some(s) = v.get::<SetObj>() {
            return Some(s.table.borrow().iter().map(|e| (e.hash, e.key)).collect());
        }
        if let Some(d) = v.get::<DictObj>() {
            return Some(d.table.borrow().iter().map(|e| (e.hash, e.key)).collect());
        }
        None
    }

    pub fn set_items(&self, s: Value) -> Vec<Value> {
        s.get::<SetObj>().map(|set| set.table.borrow().iter().map(|e| e.key).collect()).unwrap_or_default()
    }

    fn frozen_copy(&mut self, s: Value) -> PyResult<Value> {
        let f = self.new_frozenset();
        self.set_update(f, s)?;
        Ok(f)
    }

    /// Adds every item of `iterable`, as CPython's set_update_internal does.
    pub fn set_update(&mut self, s: Value, iterable: Value) -> PyResult<()> {
        if let (Some(dst), Some(src)) = (s.get::<SetObj>(), iterable.get::<SetObj>()) {
            let other = src.table.borrow().clone();
            let done = {
                let mut t = dst.table.borrow_mut();
                let was_empty = t.fill == 0;
                t.merge_from(&other);
                was_empty || other.used == 0
            };
            if done {
                return Ok(());
            }
            for e in other.iter() {
                self.set_add_h(s, e.key, e.hash)?;
            }
            return Ok(());
        }
        if let Some(d) = iterable.get::<DictObj>() {
            let items: Vec<(i64, Value)> = d.table.borrow().iter().map(|e| (e.hash, e.key)).collect();
            if let Some(dst) = s.get::<SetObj>() {
                let mut t = dst.table.borrow_mut();
                if (t.fill + items.len()) * 5 >= t.mask() * 3 {
                    let n = (t.used + items.len()) * 2;
                    t.resize(n);
                }
            }
            for (h, k) in items {
                self.set_add_h(s, k, h)?;
            }
            return Ok(());
        }
        if self.drainable(iterable) && s.get::<SetObj>().is_some_and(|t| t.table.borrow().used == 0) {
            return self.drain_into_set(iterable, s);
        }
        let it = self.iter(iterable)?;
        while let Some(v) = self.next(it)? {
            self.set_add(s, v)?;
        }
        Ok(())
    }
}
