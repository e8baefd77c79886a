//! The interpreter's operations as compiled traces call them: one entry, `Vm::jit_op`, that
//! runs one bytecode instruction's generic path on values the trace passes (boxed), with the
//! same inline caches and the same semantics as the dispatch loop. A trace calls it for what
//! it does not inline; an exception leaves the trace with the error pending (see the JIT's
//! `deopt.rs`).

use pyjit_compiler::opcode::{BinOp, CmpOp, INPLACE};

use crate::heap::{Gc, ObjKind, Value};
use crate::objects::*;

use super::{PyResult, Vm};

/// The operations, by number (the `aux` of the trace IR's `call`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum JitOp {
    /// `[obj]` -> `obj.name` (operand: index into the code's names).
    LoadAttr = 1,
    /// `[v, obj]`: `obj.name = v`; -> None.
    StoreAttr,
    /// `[obj]` -> the second value LoadMethod pushes; the first goes to `ret2`.
    LoadMethod,
    /// `[a, b, args...]` as CallMethod(n) finds them on the stack -> the result.
    CallMethod,
    /// `[func, args...]` -> the result.
    Call,
    /// `[a, b]` -> `a op b` (operand: the BinaryOp operand).
    BinaryOp,
    /// `[a, b]` -> `a op b` (operand: the CompareOp operand).
    CompareOp,
    /// `[v, container]` -> `v in container` as True/False (operand 1: `not in`).
    Contains,
    /// `[v]` -> True/False, its truth.
    Truthy,
    /// `[v]` -> True/False, `not v`.
    Not,
    /// `[obj, key]` -> `obj[key]`.
    GetItem,
    /// `[v, obj, key]`: `obj[key] = v`; -> None.
    SetItem,
    /// `[items...]` -> a new list of the first `operand` items (a list of none gets one
    /// ignored argument).
    BuildList,
    /// `[items...]` -> a new tuple.
    BuildTuple,
    /// `[start, stop]` or `[start, stop, step]` -> a slice.
    BuildSlice,
    /// `[v]` -> `-v`, `+v`, `~v` (operand 0, 1, 2).
    Unary,
    /// `[v]` -> `iter(v)`.
    GetIter,
    /// `[it]` -> the next value, or `JIT_STOP` when the iterator is exhausted.
    ForIter,
    /// `[cell]` -> the cell's value (operand: the deref index, for the error's name).
    LoadDeref,
    /// `[cell, v]`: sets the cell; -> None.
    StoreDeref,
    /// `[list, v]`: list.append(v) as ListAppend does; -> None.
    ListAppend,
    /// `[ignored]` -> the name looked up in locals, globals, builtins (operand: name index).
    LoadName,
    /// `[v]`: stores the name in the frame's locals (or globals); -> None.
    StoreName,
    /// `[cls]` -> a new plain instance of the class (before its `__init__` runs).
    NewInstance,
    /// `[func, args..., kwnames]` -> the result (the last arguments by the keywords in the
    /// tuple `kwnames`).
    CallKw,
    /// `[code, closure, globals]` -> a new function of the code object with the closure
    /// tuple (NULL: none), those globals and no defaults or annotations.
    MakeFunction,
    /// `[v]` -> a new cell holding v (NULL: empty), for a cell variable of an inlined call.
    NewCell,
    /// `[it, pos]`: a list iterator's position set to the int `pos` (a bridge takes over an
    /// iterator whose position its parent trace kept in a register); -> None.
    SetIterPos,
    /// `del obj[key]`.
    DelItem,
}

impl JitOp {
    /// The operation numbered `n` (a table look-up: every `call` of compiled code asks).
    #[inline]
    pub fn from_u8(n: u8) -> Option<JitOp> {
        use JitOp::*;
        const ALL: [JitOp; 29] = [
            LoadAttr, StoreAttr, LoadMethod, CallMethod, Call, BinaryOp, CompareOp, Contains, Truthy, Not, GetItem, SetItem, BuildList,
            BuildTuple, BuildSlice, Unary, GetIter, ForIter, LoadDeref, StoreDeref, ListAppend, LoadName, StoreName, NewInstance, CallKw,
            MakeFunction, NewCell, SetIterPos, DelItem,
        ];
        const BY_NUMBER: [Option<JitOp>; 256] = {
            let mut t = [None; 256];
            let mut k = 0;
            while k < ALL.len() {
                t[ALL[k] as u8 as usize] = Some(ALL[k]);
                k += 1;
            }
            t
        };
        BY_NUMBER[n as usize]
    }
}

/// What `JitOp::ForIter` returns for an exhausted iterator: a word that is neither a small
/// int, nor NULL, nor an object pointer.
pub const JIT_STOP: u64 = 2;

impl Vm {
    /// Runs `op` for the instruction at `ip` of `code` on `args`. When the innermost frame
    /// runs `code`, its `ip` is set past the instruction first, as the dispatch loop's
    /// `save_ip!` does, so tracebacks and `sys._getframe()` in code it calls see the right
    /// line.
    pub fn jit_op(&mut self, code: Gc<CodeObj>, op: JitOp, operand: u32, ip: u32, args: &[Value], ret2: &mut Value) -> PyResult<Value> {
        let Some(f) = self.frames.last_mut() else { return Err(self.runtime_error("compiled code without a frame")) };
        // (an instruction of a call the trace inlined has no frame record of its own)
        if f.code == code {
            f.ip = ip as usize + 1;
        }
        let at = ip as usize;
        let arg = |k: usize| args.get(k).copied().unwrap_or(Value::NULL);
        let name = || code.names.get(operand as usize).copied().unwrap_or(Value::NULL);
        let none = self.none;
        let r = match op {
            JitOp::LoadAttr => {
                let obj = arg(0);
                if let Some(v) = self.attr_cache_get(code, at, obj) {
                    return Ok(v);
                }
                let v = self.getattr(obj, name())?;
                self.attr_cache_fill(code, at, obj, name());
                v
            }
            JitOp::StoreAttr => {
                let (v, obj) = (arg(0), arg(1));
                let map_before = obj.get::<InstanceObj>().map(|i| i.map.get()).unwrap_or(Value::NULL);
                self.setattr(obj, name(), v)?;
                self.attr_cache_fill_store(code, at, obj, name(), map_before);
                none
            }
            JitOp::LoadMethod => {
                let (a, b) = self.load_method(code, at, arg(0), name())?;
                *ret2 = a;
                b
            }
            JitOp::CallMethod => {
                let a = arg(0);
                if a.is_null() {
                    self.call(arg(1), &args[2..])?
                } else {
                    self.call(a, &args[1..])?
                }
            }
            JitOp::Call => self.call(arg(0), &args[1..])?,
            JitOp::CallKw => match args.split_last() {
                Some((&kw, rest)) if !rest.is_empty() => self.call_kw(rest[0], &rest[1..], kw)?,
                _ => return Err(self.runtime_error("bad keyword call in compiled code")),
            },
            JitOp::BinaryOp => self.binary_op(arg(0), arg(1), BinOp::from_u32(operand % INPLACE), operand >= INPLACE)?,
            JitOp::CompareOp => self.rich_compare(arg(0), arg(1), CmpOp::from_u32(operand))?,
            JitOp::Contains => {
                let r = self.contains(arg(1), arg(0))?;
                self.bool_val(r != (operand == 1))
            }
            JitOp::Truthy => {
                let b = self.truthy(arg(0))?;
                self.bool_val(b)
            }
            JitOp::Not => {
                let b = self.truthy(arg(0))?;
                self.bool_val(!b)
            }
            JitOp::GetItem => self.getitem(arg(0), arg(1))?,
            JitOp::SetItem => {
                self.setitem(arg(1), arg(2), arg(0))?;
                none
            }
            JitOp::DelItem => {
                self.delitem(arg(0), arg(1))?;
                none
            }
            JitOp::BuildList => self.new_list(args[..(operand as usize).min(args.len())].to_vec()),
            JitOp::BuildTuple => self.new_tuple(args[..(operand as usize).min(args.len())].to_vec()),
            JitOp::BuildSlice => {
                let step = if args.len() == 3 { arg(2) } else { none };
                let t = self.types.slice;
                self.alloc(t, SliceObj { start: arg(0), stop: arg(1), step }).value()
            }
            JitOp::Unary => {
                let which = match operand {
                    0 => "__neg__",
                    1 => "__pos__",
                    _ => "__invert__",
                };
                self.unary_op(arg(0), which)?
            }
            JitOp::GetIter => self.iter(arg(0))?,
            JitOp::ForIter => match self.next(arg(0))? {
                Some(v) => v,
                None => Value::from_raw(JIT_STOP),
            },
            JitOp::NewCell => self.new_cell(arg(0)),
            JitOp::SetIterPos => {
                let pos = if arg(1).is_small() { arg(1).small_value().max(0) as usize } else { 0 };
                if let Some(io) = arg(0).get::<IterObj>() {
                    if let Ok(mut st) = io.state.try_borrow_mut() {
                        if let IterState::Seq { index, .. } = &mut *st {
                            *index = pos;
                        }
                    }
                }
                none
            }
            JitOp::MakeFunction => {
                if arg(0).get::<CodeObj>().is_none() {
                    return Err(self.runtime_error("compiled MakeFunction without a code object"));
                }
                self.make_function(arg(0), arg(2), Value::NULL, Value::NULL, Value::NULL, arg(1))
            }
            JitOp::LoadDeref => {
                let v = arg(0).get::<CellObj>().map(|c| c.v.get()).unwrap_or(Value::NULL);
                if v.is_null() {
                    return Err(self.unbound_deref(code, operand as usize));
                }
                v
            }
            JitOp::StoreDeref => {
                if let Some(c) = arg(0).get::<CellObj>() {
                    c.v.set(arg(1));
                }
                none
            }
            JitOp::ListAppend => {
                if let Some(l) = arg(0).get::<ListObj>() {
                    l.items.borrow_mut().push(arg(1));
                }
                none
            }
            JitOp::LoadName => {
                let name = name();
                let f = &self.frames[self.frames.len() - 1];
                let (locals, globals, builtins) = (f.locals, f.globals, f.builtins);
                let v = if locals.kind() == Some(ObjKind::Dict) && !self.is_heap_type(locals) {
                    self.dict_get_str(locals, name)
                } else if !locals.is_null() {
                    match self.getitem(locals, name) {
                        Ok(v) => Some(v),
                        Err(e) if self.isinstance(e.0, self.types.key_error) => None,
                        Err(e) => return Err(e),
                    }
                } else {
                    None
                };
                match v.or_else(|| self.dict_get_str(globals, name)).or_else(|| self.dict_get_str(builtins, name)) {
                    Some(v) => v,
                    None => return Err(self.name_error(name)),
                }
            }
            JitOp::NewInstance => self.new_instance(arg(0)),
            JitOp::StoreName => {
                let name = name();
                let f = &self.frames[self.frames.len() - 1];
                let ns = if f.locals.is_null() { f.globals } else { f.locals };
                if ns.kind() == Some(ObjKind::Dict) && !self.is_heap_type(ns) {
                    self.dict_set(ns, name, arg(0))?;
                } else {
                    self.setitem(ns, name, arg(0))?;
                }
                none
            }
        };
        Ok(r)
    }
}

impl Vm {
    /// Deoptimisation inside a call a trace inlined: pushes the frame record of Python
    /// function `func` whose slots (already written) start at value-stack index `base`, to
    /// resume at instruction `ip` (`init_self`: the instance an `__init__` frame evaluates
    /// to, or NULL). False when `func` is not a function.
    pub fn jit_push_frame(&mut self, func: Value, base: usize, ip: usize, init_self: Value, binop: u8) -> bool {
        let Some(fo) = func.get::<FunctionObj>() else { return false };
        let Some(code) = fo.code.get().get::<CodeObj>() else { return false };
        let mut frame = self.function_frame(code, func, fo.globals, base, false);
        frame.ip = ip;
        frame.init_self = init_self;
        frame.binop = binop;
        self.frames.push(frame);
        true
    }

    /// Runs the innermost frame (one `jit_push_frame` pushed) to its return, in a dispatch
    /// loop of its own, and pushes the value on the caller's stack as the return does in the
    /// loop. An exception that leaves the frame is returned (the frame is gone).
    pub fn jit_run_to_return(&mut self) -> PyResult<()> {
        let Some(f) = self.frames.last_mut() else { return Err(self.runtime_error("no frame to run")) };
        f.is_entry = true;
        match self.run_frames(None)? {
            super::eval::Exit::Return(v) => {
                self.push(v);
                Ok(())
            }
            super::eval::Exit::Yield(_) => Err(self.runtime_error("compiled code resumed a generator frame")),
        }
    }

    /// A trace resumes generator `gen` inline (`gen_enter`): when it is a plain generator
    /// running code `code`, suspended at instruction `ip` with `n` saved slots and no
    /// exception of its own, marks it running and returns its saved slots (the trace reads
    /// them, and writes them back at its next yield, resized first by `jit_gen_resize` when
    /// that yield saves another number); else NULL.
    /// `state` is the one expected: 1 suspended, 0 not started (`ip` is then where it
    /// starts), 2 running already (a trace continuing inside it; it stays so).
    pub fn jit_gen_enter(&mut self, gen: Value, code: Value, ip: usize, n: usize, state: u8) -> *mut Value {
        let Some(g) = gen.get::<GeneratorObj>() else { return std::ptr::null_mut() };
        if g.state.get() != state || g.flavor != 0 || g.code != code || !g.exc_state.get().is_null() {
            return std::ptr::null_mut();
        }
        let Ok(mut f) = g.frame.try_borrow_mut() else { return std::ptr::null_mut() };
        let Some(saved) = f.as_mut() else { return std::ptr::null_mut() };
        if saved.ip != ip || saved.slots.len() != n {
            return std::ptr::null_mut();
        }
        g.state.set(2);
        saved.slots.as_mut_ptr()
    }

    /// The trace's inline generator yields elsewhere than where it resumed: its saved
    /// slots resized to `n` (new ones NULL until the trace writes them), to resume at `ip`.
    pub fn jit_gen_resize(&mut self, gen: Value, n: usize, ip: usize) -> *mut Value {
        let Some(g) = gen.get::<GeneratorObj>() else { return std::ptr::null_mut() };
        let Ok(mut f) = g.frame.try_borrow_mut() else { return std::ptr::null_mut() };
        let Some(saved) = f.as_mut() else { return std::ptr::null_mut() };
        saved.slots.resize(n, Value::NULL);
        saved.ip = ip;
        saved.slots.as_mut_ptr()
    }

    /// The trace's inline generator yielded (its slots written back): suspended again.
    pub fn jit_gen_leave(&mut self, gen: Value) {
        if let Some(g) = gen.get::<GeneratorObj>() {
            g.state.set(1);
        }
    }

    /// The trace's inline generator returned: finished, as `gen_frame_finished` leaves it
    /// (its saved frame dropped, generators it held finalized).
    pub fn jit_gen_finish(&mut self, gen: Value) {
        let dropped = gen.get::<GeneratorObj>().and_then(|g| {
            g.state.set(3);
            g.exc_state.set(Value::NULL);
            g.frame.try_borrow_mut().ok().and_then(|mut f| f.take())
        });
        if let Some(f) = dropped {
            self.finalize_dropped(gen, &f.slots);
        }
    }

    /// Deoptimisation inside a generator a trace resumed inline: pushes its frame record as
    /// `push_gen_frame` does (the slots, from value-stack index `base`, are written; the
    /// generator, running, is the caller's iterator just below them), to resume at `ip`.
    pub fn jit_push_gen_frame(&mut self, base: usize, ip: usize) -> bool {
        if base == 0 || base >= super::STACK_SLOTS {
            return false;
        }
        let gen = self.stack[base - 1];
        let Some(g) = gen.get::<GeneratorObj>() else { return false };
        let Some(code) = g.code.get::<CodeObj>() else { return false };
        let (func, globals) = match g.frame.try_borrow() {
            Ok(f) => match f.as_ref() {
                Some(saved) => (saved.func, saved.globals),
                None => return false,
            },
            Err(_) => return false,
        };
        self.enter_gen_frame(gen, code, func, globals, base, ip);
        true
    }

    /// Whether a method `name` found on `obj`'s class would be hidden by an attribute of
    /// `obj`'s own (its instance dict); see `Recorder::method_hit`. Allocates nothing.
    pub fn jit_shadowed(&mut self, obj: Value, name: Value) -> bool {
        self.shadowed(obj, name)
    }

    /// Whether calling `f` reads its caller's frame: zero-argument `super()`,
    /// `sys._getframe`, `locals`, `vars`, `dir`, `globals`, `eval`, `exec`, `breakpoint`
    /// (compiled code must call them from a real frame).
    pub fn jit_reads_caller_frame(&self, f: Value) -> bool {
        if f == self.types.super_ {
            return true;
        }
        f.get::<BuiltinObj>()
            .is_some_and(|b| matches!(b.name, "_getframe" | "locals" | "vars" | "dir" | "globals" | "eval" | "exec" | "breakpoint" | "exc_info" | "exception"))
    }

    /// Takes back the last `n` frames `jit_push_frame` pushed (compiled code that ran an
    /// inner loop inside calls it inlined goes on as compiled code).
    pub fn jit_pop_frames(&mut self, n: usize) {
        for _ in 0..n {
            let Some(f) = self.frames.pop() else { return };
            if !self.frame_objects.is_empty() {
                let ip = f.ip;
                self.detach_frame_object(&f, ip);
            }
        }
    }
}

impl Vm {
    /// The Python `__init__` that instantiating `cls` runs as a frame of the dispatch loop
    /// (a plain class: object's `__new__`), if any.
    pub fn jit_plain_init(&mut self, cls: Value) -> Option<Value> {
        self.plain_init(cls)
    }
}

impl Vm {
    /// The error of reading cell or free variable `i` of `code` while it is empty.
    #[cold]
    pub(super) fn unbound_deref(&mut self, code: Gc<CodeObj>, i: usize) -> super::PyErr {
        let name = self.deref_name(code, i);
        if i < code.code.cellvars.len() {
            let t = self.types.unbound_local_error;
            self.err(t, &format!("cannot access local variable '{name}' where it is not associated with a value"))
        } else {
            let t = self.types.name_error;
            self.err(t, &format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"))
        }
    }
}

impl Vm {
    /// For a trace reading `m.name` of a module: the module's dict, its version and the
    /// value, when the read is a plain look-up in that dict (an exact module, a name that
    /// is not a dunder, so no attribute of the module type comes first). A trace then
    /// holds the value as a constant under a version guard of the dict.
    pub fn jit_module_attr(&mut self, m: Value, name: Value) -> Option<(Value, u64, Value)> {
        let mo = m.get::<ModuleObj>()?;
        if self.type_of(m) != self.types.module || name.get::<StrObj>().is_none() {
            return None;
        }
        if self.str_of(name).starts_with("__") {
            return None;
        }
        let d = mo.dict;
        let ver = d.get::<DictObj>()?.version();
        let v = self.dict_get_str(d, name)?;
        Some((d, ver, v))
    }

    /// Which function of the math module `f` is, among those a trace computes on an
    /// unboxed float (`FLOAT_FNS`): its index there.
    pub fn jit_float_fn(&self, f: Value) -> Option<u8> {
        let b = f.get::<BuiltinObj>()?;
        let m = b.module.get::<ModuleObj>()?;
        if self.str_of(m.name) != "math" {
            return None;
        }
        FLOAT_FNS.iter().position(|&n| n == b.name).map(|i| i as u8)
    }
}

/// math functions of one float a trace calls directly on a double (`Vm::jit_float_fn`),
/// in the order of the JIT's helpers.
pub const FLOAT_FNS: [&str; 8] = ["sqrt", "sin", "cos", "tan", "exp", "log", "atan", "fabs"];
