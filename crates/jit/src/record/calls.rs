//! Calls as the recorder sees them: Python calls followed into the callee's frame (inlined,
//! with keyword arguments and defaults, cell variables, class instantiation), functions the
//! trace makes itself (`MakeFunction`), `super()` inside inlined calls, and which calls may
//! stay calls from compiled code.

use pyjit_vm::heap::{ObjKind, Value};
use pyjit_vm::interp::jit_ops::JitOp;
use pyjit_vm::objects::CodeObj;
use pyjit_vm::Vm;

use super::{Fresh, Inlined, Recorder, MAX_INLINE, VIRTUAL_TUPLE};
use crate::ir::{Op, Ref};

impl Recorder {
    /// `cls(args)` of a plain class whose `__init__` is Python function `init`: a call
    /// making the instance, then `init` inlined with it as `self`; the call evaluates to
    /// the instance.
    pub(super) fn inline_new(&mut self, vm: &Vm, ip: usize, cls: Value, fr: Ref, init: Value, args: &[Ref], pop: usize) -> Result<bool, String> {
        let Some(t) = cls.get::<pyjit_vm::objects::TypeObj>() else { return Ok(false) };
        let Some(code) = init.get::<pyjit_vm::objects::FunctionObj>().and_then(|f| f.code.get().get::<CodeObj>()) else { return Ok(false) };
        if code.code.argcount as usize != args.len() + 1 {
            return Ok(false);
        }
        let s = self.snap(ip);
        self.b.emit(Op::GuardIs, fr, Ref::NONE, cls.raw() as i64, Some(s.clone()))?;
        self.keep.push(cls);
        let k = self.b.emit(Op::KVal, Ref::NONE, Ref::NONE, cls.raw() as i64, None)?;
        self.b.emit(Op::GuardTypeVer, k, Ref::NONE, t.version.get() as i64, Some(s))?;
        let obj = self.generic_args(ip, JitOp::NewInstance, 0, &[fr], 0)?;
        let mut full = Vec::with_capacity(args.len() + 1);
        full.push(obj);
        full.extend_from_slice(args);
        if !self.inline_call(vm, ip, init, k, &full, pop, obj)? {
            return Err("__init__ not inlinable".into());
        }
        Ok(true)
    }

    /// Follows a call of Python function `f` (IR value `fr`) with arguments `args` into
    /// its frame, when the interpreter pushes that frame as `push_simple_frame` does (the
    /// arguments match the parameters exactly). False when the call is not inlined.
    pub(super) fn inline_call(&mut self, vm: &Vm, ip: usize, f: Value, fr: Ref, args: &[Ref], pop: usize, init_self: Ref) -> Result<bool, String> {
        self.inline_call_kw(vm, ip, f, fr, args, Value::NULL, pop, init_self)
    }

    /// `inline_call` where the last arguments are passed by the keywords in tuple
    /// `kwnames` (NULL: none), and parameters not passed take their defaults.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn inline_call_kw(&mut self, vm: &Vm, ip: usize, f: Value, fr: Ref, args: &[Ref], kwnames: Value, pop: usize, init_self: Ref) -> Result<bool, String> {
        use pyjit_compiler::code::flags;
        use pyjit_vm::objects::{FunctionObj, TupleObj};
        let Some(func) = f.get::<FunctionObj>() else { return Ok(false) };
        let Some(code) = func.code.get().get::<CodeObj>() else { return Ok(false) };
        let c = &code.code;
        const NOT_SIMPLE: u32 = flags::VARARGS | flags::VARKEYWORDS | flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR;
        if c.flags & NOT_SIMPLE != 0 || c.kwonlyargcount != 0 || c.is_generator_like() {
            return Ok(false);
        }
        // each parameter's argument: positional, by keyword, or the default
        let argc = c.argcount as usize;
        let names: Vec<String> = match kwnames.get::<TupleObj>() {
            Some(t) => t.items.iter().map(|&n| vm.str_of(n)).collect(),
            None => Vec::new(),
        };
        let npos = args.len().checked_sub(names.len()).ok_or("bad keyword names")?;
        if npos > argc {
            return Ok(false);
        }
        let mut full: Vec<Option<Ref>> = args[..npos].iter().map(|&a| Some(a)).collect();
        full.resize(argc, None);
        for (name, &a) in names.iter().zip(&args[npos..]) {
            match c.varnames[..argc].iter().position(|v| v == name) {
                Some(k) if full[k].is_none() => full[k] = Some(a),
                _ => return Ok(false),
            }
        }
        let defaults = func.defaults.get();
        let missing = full.iter().any(|a| a.is_none());
        let dvals: Vec<Value> = match defaults.get::<TupleObj>() {
            Some(t) => t.items.to_vec(),
            None => Vec::new(),
        };
        if missing && full.iter().enumerate().any(|(k, a)| a.is_none() && k + dvals.len() < argc) {
            return Ok(false);
        }
        if self.inline.len() >= MAX_INLINE || code == self.root || self.inline.iter().any(|i| i.func == f) {
            // too deep or recursive: a call
            return Ok(false);
        }
        let fresh = self.fresh.iter().position(|x| x.func == fr && x.code == code.value());
        let closure: Vec<Value> = if c.freevars.is_empty() {
            Vec::new()
        } else {
            match func.closure.get::<TupleObj>() {
                Some(t) if t.items.len() == c.freevars.len() => t.items.to_vec(),
                _ => return Ok(false),
            }
        };
        let fresh_cells: Option<Vec<Ref>> = match fresh {
            Some(k) => {
                if missing {
                    return Ok(false);
                }
                let cells = self.fresh[k].cells.clone().unwrap_or_default();
                if cells.len() != closure.len() {
                    return Ok(false);
                }
                Some(cells)
            }
            None => None,
        };
        let base = self.sp.checked_sub(pop).ok_or("stack underflow")?;
        let size = c.frame_size();
        if self.base + base + size + 64 > pyjit_vm::interp::STACK_SLOTS || vm.frames.len() + 1 >= vm.recursion_limit {
            return Ok(false);
        }
        let s = self.snap(ip);
        if fresh_cells.is_some() {
            // made by the trace from this code object, with no defaults: nothing to guard
            self.keep.push(code.value());
        } else {
            if init_self == Ref::NONE {
                self.b.emit(Op::GuardIs, fr, Ref::NONE, f.raw() as i64, Some(s.clone()))?;
            }
            // the function may be given other code (`f.__code__ = ...`)
            let kf = self.b.emit(Op::KVal, Ref::NONE, Ref::NONE, f.raw() as i64, None)?;
            let kc = self.b.emit(Op::KVal, Ref::NONE, Ref::NONE, code.value().raw() as i64, None)?;
            self.b.emit(Op::GuardCode, kf, kc, 0, Some(s.clone()))?;
            self.keep.extend([f, code.value()]);
            if missing {
                // `f.__defaults__` is assignable too
                let kd = self.b.emit(Op::KVal, Ref::NONE, Ref::NONE, defaults.raw() as i64, None)?;
                self.b.emit(Op::GuardCode, kf, kd, 1, Some(s))?;
                self.keep.push(defaults);
            }
        }
        if args.contains(&VIRTUAL_TUPLE) {
            return Err("virtual tuple passed to a call".into());
        }
        let mut boxed = Vec::with_capacity(argc);
        for (k, a) in full.iter().enumerate() {
            boxed.push(match a {
                Some(r) => *r,
                None => self.constant(vm, dvals[k + dvals.len() - argc])?,
            });
        }
        // cell variables: new cells (made at the call, before the callee's frame exists),
        // holding their parameter's argument if they have one
        let mut new_cells = Vec::with_capacity(c.cellvars.len());
        for i in 0..c.cellvars.len() {
            let init = match c.cell_params.iter().find(|(ci, _)| *ci as usize == i) {
                Some(&(_, pi)) => *boxed.get(pi as usize).ok_or("cell of a missing parameter")?,
                None => self.b.emit(Op::KVal, Ref::NONE, Ref::NONE, 0, None)?,
            };
            new_cells.push(self.generic_args(ip, JitOp::NewCell, 0, &[init], 0)?);
        }
        let func_ref = if fresh_cells.is_some() { fr } else { Ref::NONE };
        self.inline.push(Inlined { func: f, base, ret_ip: ip + 1, caller_code: self.code, caller_fbase: self.fbase, init_self, func_ref, binop: 0, gen: None });
        if self.slots.len() < base + size {
            self.slots.resize(base + size, (Ref::NONE, false));
        }
        let nl = c.nlocals();
        let null = self.b.emit(Op::KVal, Ref::NONE, Ref::NONE, 0, None)?;
        for k in 0..nl {
            let r = boxed.get(k).copied().unwrap_or(null);
            self.slots[base + k] = (r, true);
        }
        let ncell = new_cells.len();
        for (i, &cell) in new_cells.iter().enumerate() {
            self.slots[base + nl + i] = (cell, true);
        }
        for (k, &cell) in closure.iter().enumerate() {
            let r = match &fresh_cells {
                Some(cells) => cells[k],
                None => self.b.emit(Op::KVal, Ref::NONE, Ref::NONE, cell.raw() as i64, None)?,
            };
            self.slots[base + nl + ncell + k] = (r, true);
        }
        for e in self.slots[base + nl + ncell + closure.len()..].iter_mut() {
            *e = (Ref::NONE, false);
        }
        self.sp = base + nl + ncell + closure.len();
        self.code = code;
        self.fbase = base;
        self.expected = 0;
        Ok(true)
    }

    /// `super()` inside an inlined call, which has no frame to find its arguments in: a
    /// call of `super(__class__, first argument)` with the values the trace has.
    pub(super) fn zero_arg_super(&mut self, ip: usize, fr: Ref) -> Result<(), String> {
        let c = &self.code.code;
        let k = c.freevars.iter().position(|v| v == "__class__").ok_or("super() without __class__")?;
        if c.argcount == 0 || c.cell_params.iter().any(|&(_, p)| p == 0) {
            return Err("super() without a plain first argument".into());
        }
        let deref = c.cellvars.len() + k;
        let cell = self.get(self.fbase + c.nlocals() + deref)?;
        let first = self.get(self.fbase)?;
        let s = self.snap(ip);
        self.b.emit(Op::GuardNonNull, first, Ref::NONE, 0, Some(s))?;
        let cls = self.generic_args(ip, JitOp::LoadDeref, deref as u32, &[cell], 0)?;
        let r = self.generic_args(ip, JitOp::Call, 2, &[fr, cls, first], 1)?;
        self.push(r)
    }

    /// `MakeFunction` of a constant code object, with a closure or without: a `call`
    /// making it (CPython's flags for defaults and annotations are left to the interpreter).
    /// A later call of it is inlined without guards (`Fresh`).
    pub(super) fn make_function(&mut self, vm: &Vm, ip: usize, fl: u32) -> Result<(), String> {
        use pyjit_compiler::opcode::make_fn;
        if fl & !make_fn::CLOSURE != 0 {
            return Err("MakeFunction with defaults or annotations".into());
        }
        let codev = self.val(vm, self.sp - 1);
        let rc = self.peek(1)?;
        if codev.get::<CodeObj>().is_none() || self.b.kval(rc) != Some(codev.raw() as i64) {
            return Err("MakeFunction of a computed code object".into());
        }
        let (closure, cells) = if fl & make_fn::CLOSURE != 0 {
            let rt = self.peek(2)?;
            let cells = match &self.built_tuple {
                Some((t, items)) if *t == rt => Some(items.clone()),
                _ => return Err("MakeFunction of a closure not built here".into()),
            };
            (rt, cells)
        } else {
            (self.b.emit(Op::KVal, Ref::NONE, Ref::NONE, 0, None)?, None)
        };
        let globals = match self.inline.last() {
            Some(f) => f.func.get::<pyjit_vm::objects::FunctionObj>().map(|fo| fo.globals).ok_or("inlined function without globals")?,
            None => vm.frames.get(self.depth - 1).map(|f| f.globals).ok_or("no frame")?,
        };
        let rg = self.b.emit(Op::KVal, Ref::NONE, Ref::NONE, globals.raw() as i64, None)?;
        self.keep.push(globals);
        let pop = 1 + (fl & make_fn::CLOSURE != 0) as usize;
        let f = self.generic_args(ip, JitOp::MakeFunction, 0, &[rc, closure, rg], pop)?;
        self.push(f)?;
        self.fresh.push(Fresh { func: f, code: codev, cells });
        Ok(())
    }

    /// How a call of `f` the recorder did not inline is recorded: a `call` (false), or a
    /// `call_framed` (true). An inlined call has no frame of its own while the trace runs,
    /// so from inside one:
    /// - builtins that read their caller's frame (`super()`, `sys._getframe`, `locals`...)
    ///   would read the loop's frame: the recording ends;
    /// - Python code (a nested dispatch loop) would find the loop's frame as its caller
    ///   (`sys._getframe(1)`, warnings' `stacklevel`): it is a `call_framed`, which pushes
    ///   the inlined calls' frame records first.
    /// In the loop's own frame a call of Python code is a `call`.
    pub(super) fn callable_here(&self, vm: &Vm, f: Value) -> Result<bool, String> {
        if self.inline.is_empty() {
            return Ok(false);
        }
        if vm.jit_reads_caller_frame(f) {
            return Err("a builtin that reads its caller's frame, in an inlined call".into());
        }
        let heap_class = f.get::<pyjit_vm::objects::TypeObj>().is_some_and(|t| t.has_flag(pyjit_vm::objects::type_flags::HEAPTYPE));
        let generator = f.get::<pyjit_vm::objects::FunctionObj>().and_then(|g| g.code.get().get::<CodeObj>()).is_some_and(|c| c.code.is_generator_like());
        let framed = (matches!(f.kind(), Some(ObjKind::Function) | Some(ObjKind::Method)) && !generator) || heap_class;
        if framed && self.in_gen() {
            // a frame record for a generator resumed inline is not rebuilt around calls yet
            return Err("call not inlined inside a generator".into());
        }
        Ok(framed)
    }
}
