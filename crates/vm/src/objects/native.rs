//! The payload of objects whose classes live in native library modules (pyjit-stdlib:
//! deque, the itertools iterators, Random, Struct, array, ...): an instance dict and a boxed
//! Rust state behind a trait, so a module adds a class without a new object kind.
//!
//! Rule for the state's users: hold a borrow of `state` only across code that neither
//! allocates nor calls Python (a collection traces the state through a shared borrow).

use std::any::Any;
use std::cell::{Cell, RefCell};

use crate::heap::{Trace, Tracer, Value};
use crate::interp::{PyResult, Vm};

/// `next()` of a native iterator: Ok(None) when it is exhausted.
pub type NativeNext = fn(&mut Vm, Value) -> PyResult<Option<Value>>;

/// The Rust state of a native object.
pub trait NativeData: Any {
    /// Visits every `Value` the state holds.
    fn trace(&self, t: &mut Tracer);
    fn as_any(&self) -> &dyn Any;
    fn as_any_mut(&mut self) -> &mut dyn Any;
    /// The bytes of an object that exports a buffer (array.array), for bytes-like
    /// arguments.
    fn buffer(&self) -> Option<&[u8]> {
        None
    }
    /// The writable bytes of such an object.
    fn buffer_mut(&mut self) -> Option<&mut [u8]> {
        None
    }
    /// The struct format character of the buffer's items, as memoryview shows it ('B',
    /// bytes, unless the object says otherwise).
    fn buffer_format(&self) -> u8 {
        b'B'
    }
    /// Whether instances of the native class itself have a `__dict__` (functools.partial
    /// does; instances of Python subclasses always have one).
    fn has_dict(&self) -> bool {
        false
    }
    /// len() of a container (deque, array) without a `__len__` call.
    fn len(&self) -> Option<usize> {
        None
    }
}

/// A state that holds no values.
pub struct NoData;

impl NativeData for NoData {
    fn trace(&self, _t: &mut Tracer) {}
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

pub struct NativeObj {
    /// The instance `__dict__` (NULL until needed).
    pub dict: Cell<Value>,
    /// `next()` without a `__next__` lookup, for the native iterators (their Python
    /// subclasses take the generic path).
    pub next: Option<NativeNext>,
    pub state: RefCell<Box<dyn NativeData>>,
}

impl NativeObj {
    pub fn new(state: Box<dyn NativeData>, next: Option<NativeNext>) -> NativeObj {
        NativeObj { dict: Cell::new(Value::NULL), next, state: RefCell::new(state) }
    }

    /// Runs `f` on the state if it is a `T` (None otherwise). `f` must not allocate or
    /// call Python code.
    #[inline]
    pub fn with<T: NativeData, R>(&self, f: impl FnOnce(&mut T) -> R) -> Option<R> {
        let mut b = self.state.try_borrow_mut().ok()?;
        let t = b.as_any_mut().downcast_mut::<T>()?;
        Some(f(t))
    }

    /// Runs `f` on the bytes of the object's buffer, if it exports one.
    pub fn with_buffer<R>(&self, f: impl FnOnce(&[u8]) -> R) -> Option<R> {
        let b = self.state.try_borrow().ok()?;
        b.buffer().map(f)
    }

    /// (format character, byte length) of the object's buffer, if it exports one.
    pub fn buffer_info(&self) -> Option<(u8, usize)> {
        let b = self.state.try_borrow().ok()?;
        let n = b.buffer()?.len();
        Some((b.buffer_format(), n))
    }

    /// Runs `f` on the writable bytes of the object's buffer, if it exports one.
    pub fn with_buffer_mut<R>(&self, f: impl FnOnce(&mut [u8]) -> R) -> Option<R> {
        let mut b = self.state.try_borrow_mut().ok()?;
        b.buffer_mut().map(f)
    }

    /// The length of a native container, if it is one.
    pub fn len(&self) -> Option<usize> {
        self.state.try_borrow().ok().and_then(|b| b.len())
    }

    /// Whether the object's own class gives it a `__dict__`.
    pub fn has_dict(&self) -> bool {
        self.state.try_borrow().map(|b| b.has_dict()).unwrap_or(false)
    }

    /// Whether the state is a `T`.
    pub fn is<T: NativeData>(&self) -> bool {
        self.state.try_borrow().map(|b| b.as_any().is::<T>()).unwrap_or(false)
    }
}

impl Trace for NativeObj {
    fn trace(&self, t: &mut Tracer) {
        t.visit(self.dict.get());
        match self.state.try_borrow() {
            Ok(s) => s.trace(t),
            Err(_) => crate::interp::fatal("GC ran while a native object's state was borrowed"),
        }
    }
}
