//! The payload of the io objects (`_io.FileIO`, the buffered classes, `TextIOWrapper`,
//! `BytesIO`, `StringIO`, `IncrementalNewlineDecoder`) and of their Python subclasses.
//!
//! The Rust state (`IoState`, see `modules::io`) holds no `Value`: the objects a layer
//! refers to (the raw stream under a buffer, the buffer under a text wrapper) are in
//! `refs`, so tracing never needs to borrow the state, and a state may be taken out of
//! its cell while an operation runs (a re-entrant call then finds it busy).

use std::cell::{Cell, RefCell};

use crate::heap::{Trace, Tracer, Value};

pub use crate::modules::io::IoState;

pub struct IoObj {
    /// The instance `__dict__` (NULL until needed).
    pub dict: Cell<Value>,
    /// Objects of the layers below: raw / buffer / reader+writer / wrapped decoder.
    pub refs: [Cell<Value>; 2],
    pub st: RefCell<IoState>,
}

impl IoObj {
    pub fn new(st: IoState) -> IoObj {
        IoObj { dict: Cell::new(Value::NULL), refs: [Cell::new(Value::NULL), Cell::new(Value::NULL)], st: RefCell::new(st) }
    }
}

impl Trace for IoObj {
    fn trace(&self, t: &mut Tracer) {
        t.visit(self.dict.get());
        for r in &self.refs {
            t.visit(r.get());
        }
    }
}
