//! Allocation of objects, collecting first when the heap asks for it.

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::heap::{Gc, Payload, Value};
use crate::objects::*;

use super::Vm;

impl Vm {
    /// Allocates an object of class `ty`; may run a collection first.
    #[inline]
    pub fn alloc<T: Payload>(&mut self, ty: Value, data: T) -> Gc<T> {
        if self.heap.should_collect() {
            self.collect();
        }
        match self.heap.alloc(ty, data) {
            Some(g) => {
                self.recent.push(g.value());
                g
            }
            None => super::fatal("out of memory"),
        }
    }

    /// A float for the dispatch loop to store straight into a value-stack slot below `sp`
    /// (which roots it) with no allocation in between, so it skips the `recent` roots.
    #[inline]
    pub(super) fn new_float_for_stack(&mut self, f: f64) -> Value {
        if self.heap.should_collect() {
            self.collect();
        }
        let t = self.types.float;
        match self.heap.alloc(t, FloatObj(f)) {
            Some(g) => g.value(),
            None => super::fatal("out of memory"),
        }
    }

    pub fn new_int(&mut self, i: i64) -> Value {
        match Value::small(i) {
            Some(v) => v,
            None => {
                let t = self.types.int;
                self.alloc(t, IntObj(BigInt::from(i))).value()
            }
        }
    }

    /// An int from a big integer, small when it fits.
    pub fn new_bigint(&mut self, b: BigInt) -> Value {
        if let Some(i) = b.to_i64() {
            if let Some(v) = Value::small(i) {
                return v;
            }
        }
        self.heap.note_external((b.bits() / 8) as usize);
        let t = self.types.int;
        self.alloc(t, IntObj(b)).value()
    }

    pub fn new_float(&mut self, f: f64) -> Value {
        let t = self.types.float;
        self.alloc(t, FloatObj(f)).value()
    }

    pub fn new_complex(&mut self, re: f64, im: f64) -> Value {
        let t = self.types.complex;
        self.alloc(t, ComplexObj { re, im }).value()
    }

    pub fn bool_val(&self, b: bool) -> Value {
        if b {
            self.true_
        } else {
            self.false_
        }
    }

    pub(super) fn new_str_uninterned(&mut self, s: &str) -> Value {
        self.heap.note_external(s.len());
        let t = self.types.str;
        self.alloc(t, StrObj::new(s.into())).value()
    }

    pub fn new_str(&mut self, s: &str) -> Value {
        if s.is_empty() && !self.empty_str.is_null() {
            return self.empty_str;
        }
        if s.len() == 1 {
            let b = s.as_bytes()[0];
            if let Some(&v) = self.chars.get(b as usize) {
                return v;
            }
        }
        self.new_str_uninterned(s)
    }

    pub fn new_string(&mut self, s: String) -> Value {
        if s.len() <= 1 {
            return self.new_str(&s);
        }
        self.heap.note_external(s.len());
        let t = self.types.str;
        self.alloc(t, StrObj::new(s.into_boxed_str())).value()
    }

    /// A str of code points, which may include lone surrogates.
    pub fn new_str_cps(&mut self, cps: &[u32]) -> Value {
        if !cps.iter().any(|&c| crate::objects::is_surrogate(c)) {
            let s: String = cps.iter().filter_map(|&c| char::from_u32(c)).collect();
            return self.new_string(s);
        }
        let t = self.types.str;
        self.alloc(t, StrObj::from_code_points(cps)).value()
    }

    pub fn new_char(&mut self, c: char) -> Value {
        let mut buf = [0u8; 4];
        let s = c.encode_utf8(&mut buf);
        self.new_str(s)
    }

    pub fn new_bytes(&mut self, b: Vec<u8>) -> Value {
        let t = self.types.bytes;
        self.alloc(t, BytesObj { data: b.into_boxed_slice(), hash: std::cell::Cell::new(-1) }).value()
    }

    pub fn new_bytearray(&mut self, b: Vec<u8>) -> Value {
        let t = self.types.bytearray;
        self.alloc(t, ByteArrayObj { data: std::cell::RefCell::new(b) }).value()
    }

    pub fn new_tuple(&mut self, items: Vec<Value>) -> Value {
        if items.is_empty() && !self.empty_tuple.is_null() {
            return self.empty_tuple;
        }
        let t = self.types.tuple;
        self.alloc(t, TupleObj { items: items.into_boxed_slice() }).value()
    }

    pub fn new_list(&mut self, items: Vec<Value>) -> Value {
        let t = self.types.list;
        self.alloc(t, ListObj::new(items)).value()
    }

    pub fn new_dict(&mut self) -> Value {
        let t = self.types.dict;
        self.alloc(t, DictObj::new()).value()
    }

    pub fn new_set(&mut self) -> Value {
        let t = self.types.set;
        self.alloc(t, SetObj::new()).value()
    }

    pub fn new_frozenset(&mut self) -> Value {
        let t = self.types.frozenset;
        self.alloc(t, SetObj::new()).value()
    }

    pub fn new_cell(&mut self, v: Value) -> Value {
        let t = self.types.cell;
        self.alloc(t, CellObj { v: std::cell::Cell::new(v) }).value()
    }

    pub fn new_builtin(&mut self, name: &'static str, func: super::NativeFn, self_: Value) -> Value {
        let t = self.types.builtin_function;
        self.alloc(t, BuiltinObj { name, func, self_, owner: Value::NULL, slot_args: NO_SLOT, module: Value::NULL }).value()
    }

    pub fn new_method(&mut self, func: Value, self_: Value) -> Value {
        let t = self.types.method;
        self.alloc(t, MethodObj { func, self_ }).value()
    }

    pub fn new_iter(&mut self, ty: Value, state: IterState) -> Value {
        self.alloc(ty, IterObj { state: std::cell::RefCell::new(state) }).value()
    }

    /// A list from an exact-size iterator of values, checking the size first.
    pub fn checked_len(&mut self, n: u128) -> super::PyResult<usize> {
        // Each value is a word; refuse what could never be allocated.
        if n > (isize::MAX as u128) / 16 || n > (1u128 << 40) {
            return Err(self.memory_error());
        }
        Ok(n as usize)
    }
}
