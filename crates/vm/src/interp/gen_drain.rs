//! Builtins that consume a whole generator (`list()`, `tuple()`, `sorted()`, `set()`,
//! `all()`, `any()`, `sum()`) *drain* it: the generator runs in one nested dispatch loop,
//! and each item its `yield` hands over that the builtin can take without running Python
//! code (appended to the list, a str or int added to the set, the truth of a bool, int,
//! str or list, two small ints or floats added) is taken right there: the generator goes
//! on at once as if resumed with None. Before, every item suspended the generator (its
//! slots copied out) and resumed it (copied back, a nested dispatch loop entered).
//!
//! An item the builtin cannot take without Python code (a set item whose hash or
//! equality is a Python method, an object with `__bool__`, a `__radd__`...) suspends the
//! generator exactly as a `yield` does, and the builtin handles it with the generator
//! suspended, as CPython does: what Python code sees is the same either way.

use crate::heap::{ObjKind, Value};
use crate::objects::{FloatObj, GeneratorObj, ListObj, SetObj};

use super::{Exit, PyResult, Vm};

/// What the builtin draining a generator does with each item.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Sink {
    /// Append to the list `target`.
    List,
    /// Add to the set `target` (made empty by the builtin).
    Set,
    /// Stop at the first false item.
    All,
    /// Stop at the first true item.
    Any,
    /// `acc = acc + item`.
    Sum,
}

/// A generator being drained by a builtin (`Vm::drains`, innermost last).
#[derive(Clone, Copy)]
pub struct Drain {
    gen: Value,
    sink: Sink,
    target: Value,
    acc: Value,
    /// False once an item went the slow way into a set: its later items may compare
    /// equal to that one through Python code, so they go the slow way too.
    inline: bool,
}

impl Drain {
    pub fn roots(&self, out: &mut Vec<Value>) {
        out.extend_from_slice(&[self.gen, self.target, self.acc]);
    }
}

impl Vm {
    /// Whether `it` is a plain generator a builtin may drain.
    #[inline]
    pub(crate) fn drainable(&self, it: Value) -> bool {
        it.kind() == Some(ObjKind::Generator)
            && it.get::<GeneratorObj>().is_some_and(|g| g.flavor == 0 && g.state.get() <= 1)
            && self.type_of(it) == self.types.generator
    }

    /// Runs `gen` to its end for a builtin, feeding each item to `sink` (see the module
    /// comment); `slow` handles an item the sink could not take inline, with the generator
    /// suspended, and returns the new accumulator and whether to go on. Returns the
    /// accumulator and whether the generator was exhausted (false: `slow` stopped).
    pub(crate) fn drain_gen(
        &mut self,
        gen: Value,
        sink: Sink,
        target: Value,
        mut acc: Value,
        mut slow: impl FnMut(&mut Vm, Value, Value) -> PyResult<(Value, bool)>,
    ) -> PyResult<(Value, bool)> {
        let mut inline = true;
        loop {
            self.drains.push(Drain { gen, sink, target, acc, inline });
            let none = self.none;
            let r = self.gen_resume(gen, none, None);
            if let Some(d) = self.drains.pop() {
                acc = d.acc;
                inline = d.inline;
            }
            match r? {
                Exit::Return(_) => return Ok((acc, true)),
                Exit::Yield(v) => {
                    if sink == Sink::Set {
                        inline = false;
                    }
                    let (a, go_on) = slow(self, v, acc)?;
                    acc = a;
                    if !go_on {
                        return Ok((acc, false));
                    }
                }
            }
        }
    }

    /// At the `yield` of `gen`'s entry frame: whether the builtin draining `gen` takes `v`
    /// (the generator then goes on, the yield's value None); false to suspend as usual.
    pub(super) fn drain_take(&mut self, gen: Value, v: Value) -> bool {
        let Some(d) = self.drains.last().copied() else { return false };
        if d.gen != gen || !d.inline {
            return false;
        }
        match d.sink {
            Sink::List => match d.target.get::<ListObj>() {
                Some(l) => {
                    l.items.borrow_mut().push(v);
                    true
                }
                None => false,
            },
            Sink::Set => {
                if !self.plain_hash(v) || d.target.get::<SetObj>().is_none() {
                    return false;
                }
                // a str, int, float, bytes, bool or None hashes and compares without Python
                // code, against items that were all such so far: it cannot fail
                self.set_add(d.target, v).is_ok()
            }
            Sink::All | Sink::Any => match self.plain_truth(v) {
                // the deciding item is handled by `slow`, with the generator suspended
                Some(t) => t == (d.sink == Sink::All),
                None => false,
            },
            Sink::Sum => {
                let r = if d.acc.is_small() && v.is_small() {
                    d.acc.small_value().checked_add(v.small_value()).and_then(Value::small)
                } else if self.exact_float(d.acc) && self.exact_float(v) {
                    let (a, b) = (d.acc.get::<FloatObj>().map_or(0.0, |f| f.0), v.get::<FloatObj>().map_or(0.0, |f| f.0));
                    Some(self.new_float(a + b))
                } else {
                    None
                };
                match (r, self.drains.last_mut()) {
                    (Some(n), Some(top)) => {
                        top.acc = n;
                        true
                    }
                    _ => false,
                }
            }
        }
    }

    fn exact_float(&self, v: Value) -> bool {
        v.kind() == Some(ObjKind::Float) && self.type_of(v) == self.types.float
    }

    /// Whether hashing `v` and comparing it with such values runs no Python code.
    fn plain_hash(&self, v: Value) -> bool {
        if v.is_small() || v == self.none || v == self.true_ || v == self.false_ {
            return true;
        }
        matches!(v.kind(), Some(ObjKind::Str | ObjKind::BigInt | ObjKind::Float | ObjKind::Bytes)) && !self.is_heap_type(v)
    }

    /// The truth of `v` when it needs no Python code.
    fn plain_truth(&mut self, v: Value) -> Option<bool> {
        let plain = v.is_small()
            || v == self.none
            || v == self.true_
            || v == self.false_
            || (matches!(v.kind(), Some(ObjKind::Str | ObjKind::BigInt | ObjKind::Float | ObjKind::List | ObjKind::Tuple | ObjKind::Dict)) && !self.is_heap_type(v));
        if plain {
            self.truthy(v).ok()
        } else {
            None
        }
    }

    /// `list.extend`-like collection of a drainable generator into the list `out`.
    pub(crate) fn drain_into_list(&mut self, gen: Value, out: Value) -> PyResult<()> {
        self.drain_gen(gen, Sink::List, out, Value::NULL, |_, v, acc| {
            if let Some(l) = out.get::<ListObj>() {
                l.items.borrow_mut().push(v);
            }
            Ok((acc, true))
        })?;
        Ok(())
    }

    /// `all(gen)` (`want` false) or `any(gen)` (`want` true) of a drainable generator:
    /// whether an item of truth `want` was found.
    pub(crate) fn drain_find_truth(&mut self, gen: Value, want: bool) -> PyResult<bool> {
        let sink = if want { Sink::Any } else { Sink::All };
        let (_, exhausted) = self.drain_gen(gen, sink, Value::NULL, Value::NULL, |vm, v, acc| Ok((acc, vm.truthy(v)? != want)))?;
        Ok(!exhausted)
    }

    /// Adds each item of a drainable generator to the empty set `s`.
    pub(crate) fn drain_into_set(&mut self, gen: Value, s: Value) -> PyResult<()> {
        self.drain_gen(gen, Sink::Set, s, Value::NULL, |vm, v, acc| {
            vm.set_add(s, v)?;
            Ok((acc, true))
        })?;
        Ok(())
    }

    /// `sum(gen, start)` of a drainable generator.
    pub(crate) fn drain_sum(&mut self, gen: Value, start: Value) -> PyResult<Value> {
        let (acc, _) = self.drain_gen(gen, Sink::Sum, Value::NULL, start, |vm, v, acc| {
            Ok((vm.binary_op(acc, v, pyjit_compiler::opcode::BinOp::Add, false)?, true))
        })?;
        Ok(acc)
    }
}
