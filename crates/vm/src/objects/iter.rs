//! The builtin iterators: one payload, one state enum; the type pointer names the Python
//! class (list_iterator, range_iterator, enumerate, zip, map, ...).

use std::cell::RefCell;

use crate::heap::{Trace, Tracer, Value};

#[derive(Clone)]
pub enum IterState {
    /// list, tuple, str, bytes, bytearray by index.
    Seq { seq: Value, index: usize },
    /// Old-style iteration through `__getitem__` until IndexError.
    GetItem { obj: Value, index: usize },
    Range { cur: i64, stop: i64, step: i64 },
    /// Ranges beyond i64, as values.
    BigRange { cur: Value, stop: Value, step: Value },
    /// dict keys (0), values (1) or items (2), checking the dict's size; `left`: how many
    /// entries are still to come (one more means keys were deleted and added).
    Dict { dict: Value, pos: usize, which: u8, len: usize, left: usize },
    Set { set: Value, pos: usize, len: usize },
    Callable { func: Value, sentinel: Value },
    Enumerate { it: Value, count: Value },
    Zip { iters: Vec<Value>, strict: bool },
    Map { func: Value, iters: Vec<Value> },
    Filter { func: Value, it: Value },
    Reversed { seq: Value, index: isize },
    /// An awaitable from an async generator's asend (mode 0), athrow (1) or aclose (2).
    AsyncGen { gen: Value, value: Value, mode: u8, started: bool },
    Done,
}

pub struct IterObj {
    pub state: RefCell<IterState>,
}

impl Trace for IterObj {
    fn trace(&self, t: &mut Tracer) {
        let Ok(s) = self.state.try_borrow() else {
            crate::interp::fatal("GC ran while an iterator was being advanced");
        };
        match &*s {
            IterState::Seq { seq, .. } => t.visit(*seq),
            IterState::GetItem { obj, .. } => t.visit(*obj),
            IterState::Range { .. } | IterState::Done => {}
            IterState::BigRange { cur, stop, step } => t.visit_all(&[*cur, *stop, *step]),
            IterState::Dict { dict, .. } => t.visit(*dict),
            IterState::Set { set, .. } => t.visit(*set),
            IterState::Callable { func, sentinel } => t.visit_all(&[*func, *sentinel]),
            IterState::Enumerate { it, count } => t.visit_all(&[*it, *count]),
            IterState::Zip { iters, .. } => t.visit_all(iters),
            IterState::Map { func, iters } => {
                t.visit(*func);
                t.visit_all(iters);
            }
            IterState::Filter { func, it } => t.visit_all(&[*func, *it]),
            IterState::Reversed { seq, .. } => t.visit(*seq),
            IterState::AsyncGen { gen, value, .. } => t.visit_all(&[*gen, *value]),
        }
    }
}
