//! Closing generators that became unreachable when another generator finished.
//!
//! CPython closes a suspended generator as soon as its last reference goes away, so the
//! `finally:`/`except GeneratorExit:` code of a generator pipeline runs when the head of the
//! pipeline is closed. pyjit has no reference counts; it emulates the common case: when a
//! generator finishes, the suspended generators its frame referred to whose close would run
//! code (a handler is active at their suspension point, or they refer to such generators in
//! turn) are checked for reachability with a collection, and the unreachable ones are closed.

use crate::heap::{ObjKind, Value};
use crate::objects::*;

use super::Vm;

/// How deep the "would closing it run code" check follows generators held by generators.
const MAX_DEPTH: usize = 8;

impl Vm {
    /// Would closing `v` run Python code (a suspended generator with an active handler, or
    /// holding such generators)?
    fn needs_finalization(&self, v: Value, depth: usize) -> bool {
        let Some(g) = v.get::<GeneratorObj>() else { return false };
        if v.kind() != Some(ObjKind::Generator) || g.flavor != 0 || g.state.get() != 1 || depth > MAX_DEPTH {
            return false;
        }
        let Some(code) = g.code.get::<CodeObj>() else { return false };
        let Ok(frame) = g.frame.try_borrow() else { return false };
        let Some(f) = frame.as_ref() else { return false };
        let at = f.ip.saturating_sub(1) as u32;
        if code.code.handler_for(at).is_some() {
            return true;
        }
        f.slots.iter().any(|&s| s != v && self.needs_finalization(s, depth + 1))
    }

    /// After generator `gen` finished: closes the generators its last frame (`slots`) held
    /// that nothing else refers to any more, as CPython would when freeing the frame.
    pub(super) fn finalize_dropped(&mut self, gen: Value, slots: &[Value]) {
        let mut watched: Vec<u64> = Vec::new();
        for &s in slots {
            if s != gen && self.needs_finalization(s, 0) && !watched.contains(&s.raw()) {
                watched.push(s.raw());
            }
        }
        if watched.is_empty() {
            return;
        }
        // the native stack below this frame still holds words of the frames that ran the
        // generator; the conservative scan would take them for references
        scrub_stack();
        let (_, unreachable) = self.collect_watching(&watched);
        for (w, dead) in watched.into_iter().zip(unreachable) {
            if dead {
                self.close_unreachable(Value::from_raw(w));
            }
        }
    }

    /// close() of a generator nobody can reach; errors are reported and ignored.
    fn close_unreachable(&mut self, g: Value) {
        let close = self.intern("close");
        let r = match self.getattr(g, close) {
            Ok(f) => self.call(f, &[]),
            Err(e) => Err(e),
        };
        if let Err(e) = r {
            let what = crate::builtins::repr::default_repr(self, g);
            let tn = self.type_name_of(e.0);
            let msg = self.str(e.0).unwrap_or_default();
            crate::modules::sys::flush_stdout(self);
            if msg.is_empty() {
                eprintln!("Exception ignored in: {what}\n{tn}");
            } else {
                eprintln!("Exception ignored in: {what}\n{tn}: {msg}");
            }
        }
    }
}

/// Overwrites the native stack just below the caller's frame with zeros.
#[inline(never)]
fn scrub_stack() {
    let mut area = [0u64; 16384];
    std::hint::black_box(&mut area);
}
