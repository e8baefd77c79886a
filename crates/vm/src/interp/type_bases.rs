//! A class's MRO (C3, or the metaclass's own `mro()`) and assignment to `__bases__`.

use crate::heap::{ObjKind, Value};
use crate::objects::*;

use super::{PyResult, Vm};

impl Vm {
    /// The MRO of `cls` from its current bases: C3, or what a metaclass overriding `mro()`
    /// returns (checked as CPython's mro_check does).
    pub fn compute_mro(&mut self, cls: Value) -> PyResult<Vec<Value>> {
        let meta = self.type_of(cls);
        if meta != self.types.type_ {
            let n = self.intern("mro");
            let own = self.lookup(meta, n);
            let base = self.lookup(self.types.type_, n);
            if let Some(f) = own.filter(|f| Some(*f) != base) {
                let r = self.call_prepended_simple(f, cls)?;
                let (_h, items) = self.to_vec(r)?;
                let solid = self.solid_kind(cls);
                for &c in &items {
                    if !self.is_type(c) {
                        let tn = self.type_name_of(c);
                        return Err(self.type_error(&format!("mro() returned a non-class ('{tn}')")));
                    }
                    let ck = c.get::<TypeObj>().map(|t| t.instance_kind).unwrap_or(ObjKind::Instance);
                    if ck != ObjKind::Instance && ck != solid {
                        let cn = self.type_name(c);
                        return Err(self.type_error(&format!("mro() returned base with unsuitable layout ('{cn}')")));
                    }
                }
                return Ok(items);
            }
        }
        let bases = cls.get::<TypeObj>().map(|t| t.bases.borrow().clone()).unwrap_or_default();
        self.c3_mro(cls, &bases)
    }

    /// Calls `f(arg)` (a method of the metaclass read from its class dict).
    fn call_prepended_simple(&mut self, f: Value, arg: Value) -> PyResult<Value> {
        let meta = self.type_of(arg);
        let bound = self.bind_descr(f, arg, meta)?;
        self.call(bound, &[])
    }

    /// The builtin instance layout a class's instances have (`Instance` for plain classes).
    fn solid_kind(&self, cls: Value) -> ObjKind {
        cls.get::<TypeObj>().map(|t| t.instance_kind).unwrap_or(ObjKind::Instance)
    }

    /// `cls.__bases__ = v`, with CPython's checks; the MROs of the class and its subclasses
    /// are recomputed (all restored if one fails).
    pub fn set_type_bases(&mut self, cls: Value, v: Value) -> PyResult<()> {
        let cn = self.type_name(cls);
        if v.kind() != Some(ObjKind::Tuple) {
            let tn = self.type_name_of(v);
            return Err(self.type_error(&format!("can only assign tuple to {cn}.__bases__, not {tn}")));
        }
        let new_bases = v.get::<TupleObj>().map(|t| t.items.to_vec()).unwrap_or_default();
        if new_bases.is_empty() {
            return Err(self.type_error(&format!("can only assign non-empty tuple to {cn}.__bases__, not ()")));
        }
        for &b in &new_bases {
            if !self.is_type(b) {
                let tn = self.type_name_of(b);
                return Err(self.type_error(&format!("{cn}.__bases__ must be tuple of classes, not '{tn}'")));
            }
            if self.is_subtype(b, cls) || bases_reach(b, cls) {
                return Err(self.type_error("a __bases__ item causes an inheritance cycle"));
            }
        }
        for (i, &b) in new_bases.iter().enumerate() {
            if new_bases[..i].contains(&b) {
                let bn = self.type_name(b);
                return Err(self.type_error(&format!("duplicate base class {bn}")));
            }
        }
        let old_kind = self.solid_kind(cls);
        let new_kind = new_bases
            .iter()
            .map(|b| self.solid_kind(*b))
            .find(|k| *k != ObjKind::Instance)
            .unwrap_or(ObjKind::Instance);
        if new_kind != old_kind {
            let bn = self.type_name(new_bases[0]);
            let old_base = cls.get::<TypeObj>().and_then(|t| t.bases.borrow().first().copied()).unwrap_or(cls);
            let on = self.type_name(old_base);
            return Err(self.type_error(&format!("__bases__ assignment: '{bn}' object layout differs from '{on}'")));
        }
        let Some(t) = cls.get::<TypeObj>() else { return Ok(()) };
        let old_bases = std::mem::replace(&mut *t.bases.borrow_mut(), new_bases.clone());
        // every class whose MRO depends on this one, with its old MRO to restore on failure
        let mut saved: Vec<(Value, Vec<Value>)> = Vec::new();
        let r = self.remro_hierarchy(cls, &mut saved);
        if let Err(e) = r {
            // undo in reverse; the bases only if no reentrant assignment replaced them
            if *t.bases.borrow() == new_bases {
                *t.bases.borrow_mut() = old_bases;
            }
            for (c, m) in saved.into_iter().rev() {
                if let Some(ct) = c.get::<TypeObj>() {
                    *ct.mro.borrow_mut() = m;
                }
            }
            return Err(e);
        }
        // a reentrant assignment (from a metaclass's mro()) already replaced the bases
        if *t.bases.borrow() != new_bases {
            return Ok(());
        }
        for &b in &old_bases {
            if let Some(bt) = b.get::<TypeObj>() {
                bt.subclasses.borrow_mut().retain(|s| *s != cls);
            }
        }
        for &b in &new_bases {
            if let Some(bt) = b.get::<TypeObj>() {
                let mut subs = bt.subclasses.borrow_mut();
                if !subs.contains(&cls) {
                    subs.push(cls);
                }
            }
        }
        self.type_modified(cls);
        self.update_type_flags(cls);
        Ok(())
    }

    /// Recomputes the MRO of `cls` then of its subclasses, recording the old ones.
    fn remro_hierarchy(&mut self, cls: Value, saved: &mut Vec<(Value, Vec<Value>)>) -> PyResult<()> {
        if saved.iter().any(|(c, _)| *c == cls) {
            return Ok(());
        }
        let Some(t) = cls.get::<TypeObj>() else { return Ok(()) };
        let before = t.mro.borrow().clone();
        let mro = self.compute_mro(cls)?;
        if *t.mro.borrow() != before {
            // mro() reentered and set the MRO itself: keep that one (CPython's mro_internal)
            return Ok(());
        }
        let old = std::mem::replace(&mut *t.mro.borrow_mut(), mro);
        saved.push((cls, old));
        let subs = t.subclasses.borrow().clone();
        for s in subs {
            self.remro_hierarchy(s, saved)?;
        }
        Ok(())
    }
}

/// Whether `target` is reachable from `cls` through `__bases__` links (an inheritance cycle
/// that the MROs, possibly stale during a reentrant assignment, may not show yet).
fn bases_reach(cls: Value, target: Value) -> bool {
    let mut seen: Vec<Value> = Vec::new();
    let mut todo = vec![cls];
    while let Some(c) = todo.pop() {
        if c == target {
            return true;
        }
        if seen.contains(&c) {
            continue;
        }
        seen.push(c);
        if let Some(t) = c.get::<TypeObj>() {
            todo.extend(t.bases.borrow().iter().copied());
        }
    }
    false
}
