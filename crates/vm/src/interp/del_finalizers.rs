//! `__del__`: CPython calls an object's `__del__` once when it becomes unreachable (the
//! object may resurrect itself). pyjit finds such objects between a collection's mark and
//! its sweep, marks them (and what they refer to) live for this collection, flags them
//! `FINALIZED` and queues them; the queue runs at the next safe point (a backward jump, as
//! signal handlers do, or the end of `gc.collect()`). A later collection frees them.

use crate::fxhash::FxHashMap as HashMap;
use crate::heap::object::FINALIZED;
use crate::heap::{Header, Value};
use crate::objects::*;

use super::Vm;

impl Vm {
    /// Called by the collector after marking: queues the unreachable objects whose class
    /// defines `__del__` and marks them live.
    pub(super) fn find_finalizable(&mut self) {
        if !self.has_del_classes {
            return;
        }
        let heap_type = |h: &Header| {
            h.flags.get() & FINALIZED == 0 && h.ty.get().get::<TypeObj>().is_some_and(|t| t.has_flag(type_flags::HEAPTYPE))
        };
        let candidates = self.heap.unmarked_where(heap_type);
        if candidates.is_empty() {
            return;
        }
        let del = self.intern("__del__");
        let mut has_del: HashMap<u64, bool> = HashMap::default();
        let mut found = Vec::new();
        for v in candidates {
            let Some(h) = v.header() else { continue };
            let ty = h.ty.get();
            let yes = match has_del.get(&ty.raw()) {
                Some(&b) => b,
                None => {
                    let b = self.class_defines(ty, del);
                    has_del.insert(ty.raw(), b);
                    b
                }
            };
            if yes {
                h.flags.set(h.flags.get() | FINALIZED);
                found.push(v);
            }
        }
        if found.is_empty() {
            return;
        }
        self.heap.mark(&found, &[]);
        self.pending_del.extend(found);
        crate::signals::request_finalizers();
    }

    /// Whether `name` is in the namespace of a class of `ty`'s MRO (no Python code runs).
    fn class_defines(&mut self, ty: Value, name: Value) -> bool {
        let Some(t) = ty.get::<TypeObj>() else { return false };
        let mro: Vec<Value> = t.mro.borrow().clone();
        mro.into_iter().any(|c| c.get::<TypeObj>().is_some_and(|ct| self.dict_get_str(ct.dict, name).is_some()))
    }

    /// Calls the queued `__del__` methods. An exception one raises is reported as unraisable
    /// ("Exception ignored in: <function C.__del__ ...>"), as CPython does.
    pub fn run_finalizers(&mut self) {
        while !self.pending_del.is_empty() {
            let batch = std::mem::take(&mut self.pending_del);
            for v in batch {
                let ty = self.type_of(v);
                let Some(f) = self.lookup_str(ty, "__del__") else { continue };
                if f == self.none {
                    continue;
                }
                let saved = self.handled_exc;
                if let Err(e) = self.call(f, &[v]) {
                    crate::modules::sys_hooks::write_unraisable(self, e.0, None, f);
                }
                self.handled_exc = saved;
            }
        }
    }
}
