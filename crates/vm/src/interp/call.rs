//! Calling: argument binding for Python functions, builtins, bound methods, classes and
//! callable objects; generator creation and resumption.

use std::cell::{Cell, RefCell};

use pyjit_compiler::code::flags;
use pyjit_compiler::opcode::Instr;

use crate::heap::{Gc, ObjKind, Value};
use crate::objects::*;

use super::frame::BINOP_RIGHT;
use super::eval::Exit;
use super::{Frame, PyErr, PyResult, Vm, STACK_SLOTS};

impl Vm {
    pub fn call(&mut self, f: Value, args: &[Value]) -> PyResult<Value> {
        self.call_kw(f, args, Value::NULL)
    }

    /// Calls `f` with positional arguments then keyword values named by `kwnames`.
    pub fn call_kw(&mut self, f: Value, args: &[Value], kwnames: Value) -> PyResult<Value> {
        match f.kind() {
            Some(ObjKind::Function) => {
                let func = f.get::<FunctionObj>().expect("kind checked");
                let code = func.code.get().get::<CodeObj>().expect("functions hold code");
                if code.code.is_generator_like() {
                    return self.make_generator(f, args, kwnames);
                }
                self.push_function_frame(f, args, kwnames, true)?;
                match self.run_frames(None)? {
                    Exit::Return(v) => Ok(v),
                    Exit::Yield(_) => Err(self.runtime_error("unexpected yield")),
                }
            }
            Some(ObjKind::Builtin) => {
                // A panic inside a native function is a pyjit bug; it becomes a SystemError
                // instead of taking the process down.
                let sp = self.sp;
                let nframes = self.frames.len();
                let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.call_builtin(f, args, kwnames)));
                match r {
                    Ok(r) => r,
                    Err(payload) => Err(self.native_panic(f, sp, nframes, payload)),
                }
            }
            Some(ObjKind::Method) => {
                let m = f.get::<MethodObj>().expect("kind checked");
                let func = m.func;
                if args.len() < 8 {
                    let mut buf = [Value::NULL; 8];
                    buf[0] = m.self_;
                    buf[1..=args.len()].copy_from_slice(args);
                    return self.call_kw(func, &buf[..=args.len()], kwnames);
                }
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(m.self_);
                all.extend_from_slice(args);
                self.call_kw(func, &all, kwnames)
            }
            Some(ObjKind::Type) => self.call_type(f, args, kwnames),
            _ => {
                let ty = self.type_of(f);
                let n = self.intern_static("__call__");
                match self.lookup(ty, n) {
                    Some(c) => {
                        self.enter_native()?;
                        let r = if matches!(c.kind(), Some(ObjKind::Function) | Some(ObjKind::Builtin)) {
                            let mut all = Vec::with_capacity(args.len() + 1);
                            all.push(f);
                            all.extend_from_slice(args);
                            self.call_kw(c, &all, kwnames)
                        } else {
                            match self.bind_descr(c, f, ty) {
                                Ok(b) => self.call_kw(b, args, kwnames),
                                Err(e) => Err(e),
                            }
                        };
                        self.leave_native();
                        r
                    }
                    None => {
                        let tn = self.type_name(ty);
                        Err(self.type_error(&format!("'{tn}' object is not callable")))
                    }
                }
            }
        }
    }

    /// Calls the native function `func` of the builtin `f` with `args` (self first, no
    /// keywords), its arguments already checked, turning a panic into a SystemError as
    /// `call_kw` does.
    #[inline]
    pub(super) fn call_native_checked(&mut self, f: Value, func: super::NativeFn, args: &[Value]) -> PyResult<Value> {
        let sp = self.sp;
        let nframes = self.frames.len();
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| func(self, args, Value::NULL))) {
            Ok(r) => r,
            Err(payload) => Err(self.native_panic(f, sp, nframes, payload)),
        }
    }

    /// The SystemError for a panic in the native function `f` (the stack and frames restored).
    #[cold]
    fn native_panic(&mut self, f: Value, sp: usize, nframes: usize, payload: Box<dyn std::any::Any + Send>) -> PyErr {
        self.sp = sp;
        self.frames.truncate(nframes);
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".into());
        let name = f.get::<BuiltinObj>().map(|b| b.name).unwrap_or("?");
        let t = self.types.exceptions.iter().find(|e| e.0 == "SystemError").map(|e| e.1).unwrap_or(self.types.runtime_error);
        self.err(t, &format!("internal error in {name}(): {what}"))
    }

    /// CPython's checks of `X.__new__(Y, ...)` for a builtin class X (tp_new_wrapper).
    fn check_new_arg(&mut self, owner: Value, func: super::NativeFn, args: &[Value]) -> PyResult<()> {
        let cls = args.first().copied();
        if cls == Some(owner) {
            // the call every instantiation of the class itself makes
            return Ok(());
        }
        let Some(cls) = cls else {
            let on = self.type_name(owner);
            return Err(self.type_error(&format!("{on}.__new__(): not enough arguments")));
        };
        if !self.is_type(cls) {
            let (on, tn) = (self.type_name(owner), self.type_name_of(cls));
            return Err(self.type_error(&format!("{on}.__new__(X): X is not a type object ({tn})")));
        }
        if !self.is_subtype(cls, owner) {
            let (on, cn) = (self.type_name(owner), self.type_name(cls));
            return Err(self.type_error(&format!("{on}.__new__({cn}): {cn} is not a subtype of {on}")));
        }
        // the nearest builtin class in Y's MRO must create instances with this __new__
        let mro = cls.get::<TypeObj>().map(|t| t.mro.borrow().clone()).unwrap_or_default();
        for base in mro {
            let Some(bt) = base.get::<TypeObj>() else { continue };
            if bt.has_flag(type_flags::HEAPTYPE) {
                continue;
            }
            let own_new = self.dict_get_by_str(bt.dict, "__new__");
            let base_func = own_new
                .and_then(|n| n.get::<StaticMethodObj>().map(|s| s.f))
                .and_then(|f| f.get::<BuiltinObj>().map(|b| b.func));
            if let Some(bf) = base_func {
                if bf as usize != func as usize {
                    let (on, cn, bn) = (self.type_name(owner), self.type_name(cls), self.type_name(base));
                    return Err(self.type_error(&format!("{on}.__new__({cn}) is not safe, use {bn}.__new__()")));
                }
                break;
            }
        }
        Ok(())
    }

    /// Calls a function written in Rust (checking the self of unbound builtin methods).
    fn call_builtin(&mut self, f: Value, args: &[Value], kwnames: Value) -> PyResult<Value> {
        let b = f.get::<BuiltinObj>().expect("caller checked the kind");
        let func = b.func;
        if b.self_.is_null() && !b.owner.is_null() && self.type_of(f) == self.types.builtin_function {
            // a builtin class's `__new__` called directly: `X.__new__(Y)` needs Y a subclass of X
            // whose nearest builtin base makes its instances with this same `__new__`
            self.check_new_arg(b.owner, func, args)?;
            func(self, args, kwnames)
        } else if b.self_.is_null() && !b.owner.is_null() {
            // an unbound method of a builtin class: the first argument is self
            let owner = b.owner;
            let ok = match args.first() {
                Some(&s) => {
                    let st = self.type_of(s);
                    self.is_subtype(st, owner) || (owner == self.types.object)
                }
                None => false,
            };
            if !ok {
                let on = self.type_name(owner);
                let name = b.name;
                return Err(match args.first() {
                    None => self.type_error(&format!("unbound method {on}.{name}() needs an argument")),
                    Some(&s) => {
                        let tn = self.type_name_of(s);
                        if is_slot_wrapper(name) {
                            self.type_error(&format!("descriptor '{name}' requires a '{on}' object but received a '{tn}'"))
                        } else {
                            self.type_error(&format!("descriptor '{name}' for '{on}' objects doesn't apply to a '{tn}' object"))
                        }
                    }
                });
            }
            if b.slot_args >= SLOT_NOARGS && b.slot_args != NO_SLOT {
                self.check_fixed_args(b.slot_args, owner, b.name, args.len() - 1, kwnames)?;
            } else if b.slot_args != NO_SLOT && args.len() != b.slot_args as usize + 1 {
                return Err(self.slot_count_error(b.slot_args, args.len() - 1));
            }
            func(self, args, kwnames)
        } else if b.self_.is_null() {
            func(self, args, kwnames)
        } else {
            if b.slot_args >= SLOT_NOARGS && b.slot_args != NO_SLOT {
                self.check_fixed_args(b.slot_args, b.owner, b.name, args.len(), kwnames)?;
            } else if b.slot_args != NO_SLOT && args.len() != b.slot_args as usize {
                return Err(self.slot_count_error(b.slot_args, args.len()));
            }
            self.call_bound_builtin(b.self_, func, args, kwnames)
        }
    }

    /// Calls a native method bound to `self_` with `args` after it.
    fn call_bound_builtin(&mut self, self_: Value, func: super::NativeFn, args: &[Value], kwnames: Value) -> PyResult<Value> {
        if args.len() < 8 {
            let mut buf = [Value::NULL; 8];
            buf[0] = self_;
            buf[1..=args.len()].copy_from_slice(args);
            func(self, &buf[..=args.len()], kwnames)
        } else {
            let mut all = Vec::with_capacity(args.len() + 1);
            all.push(self_);
            all.extend_from_slice(args);
            func(self, &all, kwnames)
        }
    }

    /// The argument count of a METH_NOARGS / METH_O method (`n` arguments after self, keyword
    /// values included): CPython's "dict.keys() takes no arguments (1 given)".
    fn check_fixed_args(&mut self, kind: u8, owner: Value, name: &str, n: usize, kwnames: Value) -> PyResult<()> {
        let nkw = kwnames.get::<TupleObj>().map_or(0, |t| t.items.len());
        let want = if kind == SLOT_NOARGS { 0 } else { 1 };
        if nkw == 0 && n == want {
            return Ok(());
        }
        let on = if owner.is_null() { String::new() } else { format!("{}.", self.type_name(owner)) };
        if nkw != 0 {
            return Err(self.type_error(&format!("{on}{name}() takes no keyword arguments")));
        }
        let what = if want == 0 { "no arguments" } else { "exactly one argument" };
        Err(self.type_error(&format!("{on}{name}() takes {what} ({n} given)")))
    }

    /// A slot wrapper called with the wrong number of arguments.
    #[cold]
    fn slot_count_error(&mut self, want: u8, got: usize) -> PyErr {
        // CPython's two-argument wrappers unpack with an empty function name: a leading space
        let lead = if want == 2 { " " } else { "" };
        self.type_error(&format!("{lead}expected {want} argument{}, got {got}", if want == 1 { "" } else { "s" }))
    }

    /// type(...) and class instantiation: `__new__` then `__init__`.
    fn call_type(&mut self, cls: Value, args: &[Value], kwnames: Value) -> PyResult<Value> {
        if cls == self.types.type_ && args.len() == 1 && kwnames.is_null() {
            return Ok(self.type_of(args[0]));
        }
        let meta = self.type_of(cls);
        if meta != self.types.type_ {
            let n = self.intern_static("__call__");
            if let Some(c) = self.lookup(meta, n) {
                if c.kind() == Some(ObjKind::Function) {
                    let mut all = vec![cls];
                    all.extend_from_slice(args);
                    return self.call_kw(c, &all, kwnames);
                }
            }
        }
        self.type_call_default(cls, args, kwnames)
    }

    /// type.__call__: the default instantiation protocol.
    pub fn type_call_default(&mut self, cls: Value, args: &[Value], kwnames: Value) -> PyResult<Value> {
        let new_name = self.hot_name(0);
        let new = self.lookup(cls, new_name).map(|n| match (n.get::<StaticMethodObj>(), n.get::<ClassMethodObj>()) {
            (Some(s), _) => s.f,
            // a classmethod __new__ is bound to the class first (CPython reads cls.__new__)
            (_, Some(c)) => self.new_method(c.f, cls),
            _ => n,
        });
        let is_object_builtin = |v: Value, name: &str, object: Value| v.get::<BuiltinObj>().map(|b| b.owner == object && b.name == name).unwrap_or(false);
        let object = self.types.object;
        let new_overridden = new.map(|n| !is_object_builtin(n, "__new__", object)).unwrap_or(false);
        let obj = match new {
            Some(n) => self.call_prepended(n, cls, args, kwnames)?,
            None => self.new_instance(cls),
        };
        if cls == self.types.type_ {
            return Ok(obj);
        }
        let oty = self.type_of(obj);
        if !self.is_subtype(oty, cls) {
            return Ok(obj);
        }
        let init_name = self.hot_name(1);
        if let Some(init) = self.lookup(oty, init_name) {
            // object.__init__ does nothing, and accepts extra arguments when __new__ is
            // overridden: skip the call (builtin types such as enumerate come here).
            if is_object_builtin(init, "__init__", object) && ((args.is_empty() && kwnames.is_null()) || new_overridden) {
                return Ok(obj);
            }
            let r = self.call_prepended(init, obj, args, kwnames)?;
            if r != self.none {
                let tn = self.type_name_of(r);
                return Err(self.type_error(&format!("__init__() should return None, not '{tn}'")));
            }
        }
        Ok(obj)
    }

    /// Calls `f(first, *args)`, without a heap buffer for short argument lists.
    fn call_prepended(&mut self, f: Value, first: Value, args: &[Value], kwnames: Value) -> PyResult<Value> {
        if args.len() < 8 {
            let mut buf = [Value::NULL; 8];
            buf[0] = first;
            buf[1..args.len() + 1].copy_from_slice(args);
            return self.call_kw(f, &buf[..args.len() + 1], kwnames);
        }
        let mut all = Vec::with_capacity(args.len() + 1);
        all.push(first);
        all.extend_from_slice(args);
        self.call_kw(f, &all, kwnames)
    }

    fn func_qualname(&self, f: Value) -> String {
        f.get::<FunctionObj>().map(|func| self.str_of(func.qualname.get())).unwrap_or_default()
    }

    /// The common call, without binding: `argc` positional arguments at stack index
    /// `first` for a function whose signature takes exactly that many plain parameters
    /// (no *args, **kwargs or keyword-only parameters, no cell variables). The arguments
    /// move down over the `pop` slots of the call to become the callee's first locals.
    /// Returns false, having changed nothing, when the general path must be taken.
    pub(super) fn push_simple_frame(&mut self, f: Value, first: usize, argc: usize, pop: usize) -> bool {
        let Some(func) = f.get::<FunctionObj>() else { return false };
        let Some(code) = func.code.get().get::<CodeObj>() else { return false };
        let Some(defaults) = simple_binding(code.shape, func, argc) else { return false };
        let base = self.sp - pop;
        if self.frames.len() >= self.recursion_limit || base + code.shape.frame_size as usize + 64 > STACK_SLOTS || first < base {
            return false;
        }
        if first != base {
            self.stack.copy_within(first, base, argc);
        }
        self.finish_simple_frame(f, func, code, base, argc, defaults, false);
        true
    }

    /// The rest of a call `simple_binding` accepted, with the `argc` arguments at `base`:
    /// defaults, unbound locals, free variables, and the frame record.
    #[inline(always)]
    #[allow(clippy::too_many_arguments)]
    fn finish_simple_frame(&mut self, f: Value, func: Gc<FunctionObj>, code: Gc<CodeObj>, base: usize, argc: usize, defaults: Option<Gc<TupleObj>>, is_entry: bool) {
        let shape = code.shape;
        let (nl, nfree) = (shape.nlocals as usize, shape.nfree as usize);
        let mut bound = argc;
        if let Some(d) = defaults {
            let argcount = shape.simple_argc as usize;
            let skip = d.items.len() - (argcount - argc);
            for (i, &v) in d.items[skip..].iter().enumerate() {
                self.stack[base + argc + i] = v;
            }
            bound = argcount;
        }
        self.stack.fill_null(base + bound, nl - bound);
        if nfree != 0 {
            match func.closure.get::<TupleObj>() {
                Some(closure) if closure.items.len() == nfree => {
                    for (i, &cell) in closure.items.iter().enumerate() {
                        self.stack[base + nl + i] = cell;
                    }
                }
                _ => self.stack.fill_null(base + nl, nfree),
            }
        }
        self.sp = base + nl + nfree;
        let frame = self.function_frame(code, f, func.globals, base, is_entry);
        self.frames.push(frame);
    }

    /// The Python special method that `a op b` (`op` not in place) calls first, when it is
    /// a plain Python function that can run as a frame of the dispatch loop: (function,
    /// `right`). Left: `a` is an instance of a class written in Python whose `__op__` is a
    /// function, and `b`'s class does not go first (CPython lets a subclass that overrides
    /// the reflected method go first). Right: `a` is a small int or an exact float, whose
    /// own method declines any instance, and `b` an instance whose `__rop__` is a function.
    pub fn binop_frame_target(&mut self, a: Value, b: Value, op: u32) -> Option<(Value, bool)> {
        let heap = |vm: &Self, v: Value| v.get::<InstanceObj>().is_some() && vm.type_of(v).get::<TypeObj>().is_some_and(|t| t.has_flag(type_flags::HEAPTYPE));
        let is_func = |f: Value| f.get::<FunctionObj>().is_some();
        let a_heap = heap(self, a);
        if !a_heap && !(b.is_ptr() && heap(self, b)) {
            return None;
        }
        let (fname, rname, _) = pyjit_compiler::opcode::BinOp::from_u32(op).dunders();
        if a_heap {
            let (ta, tb) = (self.type_of(a), self.type_of(b));
            let name = self.intern_static(fname);
            let f = self.lookup(ta, name).filter(|&f| is_func(f))?;
            if ta != tb {
                let rnm = self.intern_static(rname);
                if let Some(fb) = self.lookup(tb, rnm) {
                    if self.is_subtype(tb, ta) && self.lookup(ta, rnm) != Some(fb) {
                        return None;
                    }
                }
            }
            return Some((f, false));
        }
        if (a.is_small() || self.type_of(a) == self.types.float) && heap(self, b) {
            let tb = self.type_of(b);
            let name = self.intern_static(rname);
            let f = self.lookup(tb, name).filter(|&f| is_func(f))?;
            return Some((f, true));
        }
        None
    }

    /// `a op b` (not in place) when its first special method is a Python function
    /// (`binop_frame_target`): runs it as a frame of this dispatch loop (no nested loop),
    /// above the operands, which stay on the stack at `sp - 2` and `sp - 1`. Its return
    /// replaces them; NotImplemented goes on as `binary_op` would (`binop_declined`).
    /// False when the operation is not of that kind, with nothing changed.
    pub(super) fn push_binop_frame(&mut self, a: Value, b: Value, op: u32) -> bool {
        let Some((f, right)) = self.binop_frame_target(a, b, op) else { return false };
        let Some(func) = f.get::<FunctionObj>() else { return false };
        let Some(code) = func.code.get().get::<CodeObj>() else { return false };
        let Some(defaults) = simple_binding(code.shape, func, 2) else { return false };
        let base = self.sp;
        if self.frames.len() >= self.recursion_limit || base + code.shape.frame_size as usize + 64 > STACK_SLOTS {
            return false;
        }
        let (x, y) = if right { (b, a) } else { (a, b) };
        self.stack[base] = x;
        self.stack[base + 1] = y;
        self.finish_simple_frame(f, func, code, base, 2, defaults, false);
        if let Some(fr) = self.frames.last_mut() {
            fr.binop = op as u8 + 1 | if right { BINOP_RIGHT } else { 0 };
        }
        true
    }

    /// The rest of `a op b` after the method a binop frame ran returned NotImplemented
    /// (`binop` is the frame's `Frame::binop`): the reflected method of `b`'s class when
    /// the left one declined and the classes differ, then the builtin operation or
    /// CPython's TypeError.
    pub(super) fn binop_declined(&mut self, a: Value, b: Value, binop: u8) -> PyResult<Value> {
        let op = pyjit_compiler::opcode::BinOp::from_u32((binop & !BINOP_RIGHT) as u32 - 1);
        let (ta, tb) = (self.type_of(a), self.type_of(b));
        if binop & BINOP_RIGHT == 0 && ta != tb {
            let rnm = self.intern_static(op.dunders().1);
            if let Some(fb) = self.lookup(tb, rnm) {
                let r = self.call_dunder(fb, b, a)?;
                if r != self.not_implemented {
                    return Ok(r);
                }
            }
        }
        self.binary_op_tail(a, b, op, false, true)
    }

    /// The record of a function's frame whose slots start at `base`.
    #[inline]
    pub(super) fn function_frame(&self, code: Gc<CodeObj>, f: Value, globals: Value, base: usize, is_entry: bool) -> Frame {
        Frame {
            code,
            func: f,
            globals,
            builtins: self.builtins_dict,
            locals: Value::NULL,
            base,
            ip: 0,
            gen: Value::NULL,
            is_entry,
            saved_sp: 0,
            init_self: Value::NULL,
            binop: 0,
        }
    }

    /// Pushes a frame for Python function `f` with bound arguments.
    pub fn push_function_frame(&mut self, f: Value, args: &[Value], kwnames: Value, is_entry: bool) -> PyResult<()> {
        let func = f.get::<FunctionObj>().expect("caller checked the kind");
        let code: Gc<CodeObj> = func.code.get().get::<CodeObj>().expect("functions hold code");
        if self.frames.len() >= self.recursion_limit {
            return Err(self.recursion_error());
        }
        let base = self.sp;
        let size = code.code.frame_size();
        if base + size + 64 > STACK_SLOTS {
            return Err(self.recursion_error());
        }
        if kwnames.is_null() {
            if let Some(defaults) = simple_binding(code.shape, func, args.len()) {
                self.stack[base..base + args.len()].copy_from_slice(args);
                self.finish_simple_frame(f, func, code, base, args.len(), defaults, is_entry);
                return Ok(());
            }
        }
        for slot in &mut self.stack[base..base + size] {
            *slot = Value::NULL;
        }
        self.sp = base + code.code.nlocals() + code.code.ncells();
        // bind before pushing the frame so errors report the caller's line
        if let Err(e) = self.bind_args(f, code, args, kwnames, base) {
            self.sp = base;
            return Err(e);
        }
        let frame = self.function_frame(code, f, func.globals, base, is_entry);
        self.frames.push(frame);
        Ok(())
    }

    /// Binds arguments into the locals at `base`, and creates cells.
    pub fn bind_args(&mut self, f: Value, code: Gc<CodeObj>, args: &[Value], kwnames: Value, base: usize) -> PyResult<()> {
        let func = f.get::<FunctionObj>().expect("caller checked the kind");
        let c = &code.code;
        let argcount = c.argcount as usize;
        let kwonly = c.kwonlyargcount as usize;
        let posonly = c.posonlyargcount as usize;
        let kwn: Vec<Value> = kwnames.get::<TupleObj>().map(|t| t.items.to_vec()).unwrap_or_default();
        let npos = args.len() - kwn.len();
        let has_varargs = c.flags & flags::VARARGS != 0;
        let has_varkw = c.flags & flags::VARKEYWORDS != 0;
        // fast path: exact positional call
        if kwn.is_empty() && npos == argcount && !has_varargs && !has_varkw && kwonly == 0 {
            self.stack[base..base + npos].copy_from_slice(&args[..npos]);
        } else {
            let n = npos.min(argcount);
            self.stack[base..base + n].copy_from_slice(&args[..n]);
            if has_varargs {
                let extra = if npos > argcount { args[argcount..npos].to_vec() } else { vec![] };
                let t = self.new_tuple(extra);
                self.stack[base + argcount + kwonly] = t;
            } else if npos > argcount {
                return Err(self.too_many_positional(f, code, npos, kwn.len()));
            }
            let kwdict = if has_varkw {
                let d = self.new_dict();
                self.stack[base + argcount + kwonly + has_varargs as usize] = d;
                d
            } else {
                Value::NULL
            };
            let mut posonly_as_kw: Vec<String> = Vec::new();
            for (i, &name) in kwn.iter().enumerate() {
                let value = args[npos + i];
                let nm = self.str_of(name);
                let idx = code.varnames[..argcount + kwonly].iter().position(|&v| v == name || self.str_of(v) == nm);
                match idx {
                    Some(j) if j >= posonly => {
                        if !self.stack[base + j].is_null() {
                            let q = self.func_qualname(f);
                            return Err(self.type_error(&format!("{q}() got multiple values for argument '{nm}'")));
                        }
                        self.stack[base + j] = value;
                    }
                    other => {
                        if !kwdict.is_null() {
                            self.dict_set(kwdict, name, value)?;
                        } else if other.is_some() {
                            posonly_as_kw.push(nm);
                        } else {
                            let q = self.func_qualname(f);
                            return Err(self.type_error(&format!("{q}() got an unexpected keyword argument '{nm}'")));
                        }
                    }
                }
            }
            if !posonly_as_kw.is_empty() {
                let q = self.func_qualname(f);
                return Err(self.type_error(&format!(
                    "{q}() got some positional-only arguments passed as keyword arguments: '{}'",
                    posonly_as_kw.join(", ")
                )));
            }
            // defaults
            let defaults_t = func.defaults.get().get::<TupleObj>();
            let defaults: &[Value] = match &defaults_t {
                Some(t) => &t.items,
                None => &[],
            };
            let first_default = argcount - defaults.len().min(argcount);
            let mut missing = Vec::new();
            for j in 0..argcount {
                if self.stack[base + j].is_null() {
                    if j >= first_default {
                        self.stack[base + j] = defaults[j - first_default];
                    } else {
                        missing.push(self.str_of(code.varnames[j]));
                    }
                }
            }
            if !missing.is_empty() {
                return Err(self.missing_args(f, &missing, "positional"));
            }
            let kwdefaults = func.kwdefaults.get();
            let mut missing = Vec::new();
            for j in argcount..argcount + kwonly {
                if self.stack[base + j].is_null() {
                    let name = code.varnames[j];
                    let d = if kwdefaults.is_null() { None } else { self.dict_get_str(kwdefaults, name) };
                    match d {
                        Some(v) => self.stack[base + j] = v,
                        None => missing.push(self.str_of(name)),
                    }
                }
            }
            if !missing.is_empty() {
                return Err(self.missing_args(f, &missing, "keyword-only"));
            }
        }
        // cells and free variables
        let nlocals = c.nlocals();
        let ncell = c.cellvars.len();
        if ncell > 0 {
            for i in 0..ncell {
                let init = c.cell_params.iter().find(|(ci, _)| *ci as usize == i).map(|(_, pi)| self.stack[base + *pi as usize]);
                let cell = self.new_cell(init.unwrap_or(Value::NULL));
                self.stack[base + nlocals + i] = cell;
            }
        }
        if !c.freevars.is_empty() {
            if let Some(closure) = func.closure.get::<TupleObj>() {
                for (i, &cell) in closure.items.iter().enumerate() {
                    self.stack[base + nlocals + ncell + i] = cell;
                }
            }
        }
        Ok(())
    }

    fn too_many_positional(&mut self, f: Value, code: Gc<CodeObj>, given: usize, nkw: usize) -> PyErr {
        let func = f.get::<FunctionObj>().expect("function");
        let q = self.func_qualname(f);
        let argcount = code.code.argcount as usize;
        let ndef = func.defaults.get().get::<TupleObj>().map(|t| t.items.len()).unwrap_or(0);
        let takes = if ndef > 0 {
            format!("from {} to {} positional arguments", argcount - ndef, argcount)
        } else {
            format!("{} positional argument{}", argcount, if argcount == 1 { "" } else { "s" })
        };
        let kwpart = if nkw > 0 {
            format!(" positional argument{} (and {} keyword-only argument{})", if given == 1 { "" } else { "s" }, nkw, if nkw == 1 { "" } else { "s" })
        } else {
            String::new()
        };
        let was = if given == 1 { "was" } else { "were" };
        if nkw > 0 {
            self.type_error(&format!("{q}() takes {takes} but {given}{kwpart} were given"))
        } else {
            self.type_error(&format!("{q}() takes {takes} but {given} {was} given"))
        }
    }

    fn missing_args(&mut self, f: Value, missing: &[String], kind: &str) -> PyErr {
        let q = self.func_qualname(f);
        let names: Vec<String> = missing.iter().map(|m| format!("'{m}'")).collect();
        let list = match names.len() {
            1 => names[0].clone(),
            2 => format!("{} and {}", names[0], names[1]),
            _ => format!("{}, and {}", names[..names.len() - 1].join(", "), names[names.len() - 1]),
        };
        let n = missing.len();
        self.type_error(&format!("{q}() missing {n} required {kind} argument{}: {list}", if n == 1 { "" } else { "s" }))
    }

    // ---- generators ----

    fn make_generator(&mut self, f: Value, args: &[Value], kwnames: Value) -> PyResult<Value> {
        let func = f.get::<FunctionObj>().expect("kind checked");
        let code = func.code.get().get::<CodeObj>().expect("functions hold code");
        let base = self.sp;
        let size = code.code.frame_size();
        if base + size + 64 > STACK_SLOTS {
            return Err(self.recursion_error());
        }
        for slot in &mut self.stack[base..base + size] {
            *slot = Value::NULL;
        }
        let nslots = code.code.nlocals() + code.code.ncells();
        self.sp = base + nslots;
        let r = self.bind_args(f, code, args, kwnames, base);
        self.sp = base;
        r?;
        let slots = self.stack[base..base + nslots].to_vec();
        let flavor = if code.code.flags & flags::COROUTINE != 0 {
            1
        } else if code.code.flags & flags::ASYNC_GENERATOR != 0 {
            2
        } else {
            0
        };
        let ty = match flavor {
            1 => self.types.coroutine,
            2 => self.types.async_generator,
            _ => self.types.generator,
        };
        let g = GeneratorObj {
            frame: RefCell::new(Some(GenFrame { slots, ip: 0, func: f, globals: func.globals })),
            code: code.value(),
            name: Cell::new(func.name.get()),
            qualname: Cell::new(func.qualname.get()),
            state: Cell::new(0),
            flavor,
            exc_state: Cell::new(Value::NULL),
            running_async: Cell::new(false),
            hooks_inited: Cell::new(false),
        };
        Ok(self.alloc(ty, g).value())
    }

    /// Resumes a generator: sends `value`, or raises `exc` at its suspension point.
    /// Ok(Yield(v)) when it yields, Ok(Return(v)) when it finishes.
    pub fn gen_resume(&mut self, gen: Value, value: Value, exc: Option<PyErr>) -> PyResult<Exit> {
        let g = gen.get::<GeneratorObj>().ok_or_else(|| self.type_error("not a generator"))?;
        match g.state.get() {
            2 => {
                let what = if g.flavor == 1 { "coroutine" } else { "generator" };
                return Err(self.value_error(&format!("{what} already executing")));
            }
            3 => {
                if let Some(e) = exc {
                    return Err(e);
                }
                if g.flavor == 1 {
                    return Err(self.runtime_error("cannot reuse already awaited coroutine"));
                }
                return Ok(Exit::Return(self.none));
            }
            0 => {
                if exc.is_none() && value != self.none {
                    let what = if g.flavor == 1 { "coroutine" } else { "generator" };
                    return Err(self.type_error(&format!("can't send non-None value to a just-started {what}")));
                }
                if let Some(e) = exc {
                    // throwing into a fresh generator finishes it without running it
                    g.state.set(3);
                    *g.frame.borrow_mut() = None;
                    return Err(e);
                }
            }
            _ => {}
        }
        // The saved frame stays in the generator (its slot vector is reused on yield).
        let code = g.code.get::<CodeObj>().expect("generators hold code");
        if self.frames.len() >= self.recursion_limit {
            return Err(self.recursion_error());
        }
        let base = self.sp;
        let (n, ip, func, globals) = {
            let f = g.frame.borrow();
            let Some(saved) = f.as_ref() else { return Ok(Exit::Return(self.none)) };
            let n = saved.slots.len();
            if base + code.code.frame_size() + 64 > STACK_SLOTS {
                return Err(self.recursion_error());
            }
            self.stack[base..base + n].copy_from_slice(&saved.slots);
            (n, saved.ip, saved.func, saved.globals)
        };
        let saved = GenFrame { slots: Vec::new(), ip, func, globals };
        self.sp = base + n;
        let was_started = g.state.get() == 1;
        if was_started && exc.is_none() {
            self.stack[self.sp] = value;
            self.sp += 1;
        }
        g.state.set(2);
        // the generator sees its own handled exception, else the caller's (CPython's exc_info chain)
        let saved_exc = self.handled_exc;
        let outer = self.handled();
        self.exc_outer.push(outer);
        self.handled_exc = g.exc_state.get();
        self.frames.push(Frame {
            code,
            func: saved.func,
            globals: saved.globals,
            builtins: self.builtins_dict,
            locals: Value::NULL,
            base,
            ip: saved.ip,
            gen,
            is_entry: true,
            saved_sp: 0,
            init_self: Value::NULL,
            binop: 0,
        });
        let r = self.run_frames(exc);
        // the frame has been popped by the loop (on yield its state was saved into `gen`)
        let g = gen.get::<GeneratorObj>().expect("still a generator");
        g.exc_state.set(if matches!(r, Ok(Exit::Yield(_))) { self.handled_exc } else { Value::NULL });
        self.exc_outer.pop();
        self.handled_exc = saved_exc;
        let mut dropped = None;
        match &r {
            Ok(Exit::Yield(_)) => g.state.set(1),
            _ => {
                g.state.set(3);
                dropped = g.frame.borrow_mut().take();
            }
        }
        if let Some(f) = dropped {
            self.finalize_dropped(gen, &f.slots);
        }
        match r {
            Err(e) => Err(self.gen_stop_iteration_error(g.flavor, e)),
            other => other,
        }
    }

    /// next(gen): None when it returns.
    pub fn gen_next(&mut self, gen: Value) -> PyResult<Option<Value>> {
        let none = self.none;
        match self.gen_send_delegating(gen, none, None)? {
            Exit::Yield(v) => Ok(Some(v)),
            Exit::Return(_) => Ok(None),
        }
    }

    /// The sub-iterator a suspended generator is delegating to (`yield from` / `await`).
    pub fn gen_delegate(&self, gen: Value) -> Option<Value> {
        let g = gen.get::<GeneratorObj>()?;
        if g.state.get() != 1 {
            return None;
        }
        let f = g.frame.borrow();
        let saved = f.as_ref()?;
        let code = g.code.get::<CodeObj>()?;
        let ip = saved.ip;
        match (code.code.code.get(ip.wrapping_sub(1)), code.code.code.get(ip)) {
            (Some(Instr::YieldValue), Some(Instr::JumpBackward(t))) if matches!(code.code.code.get(*t as usize), Some(Instr::Send(_))) => {
                saved.slots.last().copied()
            }
            _ => None,
        }
    }

    /// send/throw with delegation to a `yield from` sub-iterator on throw.
    pub fn gen_send_delegating(&mut self, gen: Value, value: Value, exc: Option<PyErr>) -> PyResult<Exit> {
        let Some(e) = exc else { return self.gen_resume(gen, value, None) };
        let Some(sub) = self.gen_delegate(gen) else { return self.gen_resume(gen, value, Some(e)) };
        // Forward the exception to the sub-iterator.
        let g = gen.get::<GeneratorObj>().expect("generator");
        g.state.set(2);
        let is_exit = self.isinstance(e.0, self.types.generator_exit);
        let r: PyResult<Value> = if is_exit {
            let close = self.intern_static("close");
            match self.getattr_opt(sub, close) {
                Ok(Some(c)) => self.call(c, &[]).map(|_| Value::NULL),
                Ok(None) => Ok(Value::NULL),
                Err(x) => Err(x),
            }
            .and_then(|_| Err(e))
        } else {
            let throw = self.intern_static("throw");
            match self.getattr_opt(sub, throw)? {
                Some(t) => {
                    let ety = self.type_of(e.0);
                    self.call(t, &[ety, e.0])
                }
                None => Err(e),
            }
        };
        g.state.set(1);
        match r {
            Ok(v) => Ok(Exit::Yield(v)),
            Err(x) if self.isinstance(x.0, self.types.stop_iteration) => {
                // the delegation finished: resume after the Send with its value
                let ret = self.exc_args(x.0).first().copied().unwrap_or(self.none);
                self.gen_finish_delegation(gen, ret);
                self.gen_resume(gen, self.none, None).map(|r| r)
            }
            Err(x) => self.gen_resume(gen, self.none, Some(x)),
        }
    }

    /// Moves a suspended generator past its `yield from` loop with `result` as the value.
    fn gen_finish_delegation(&mut self, gen: Value, result: Value) {
        let Some(g) = gen.get::<GeneratorObj>() else { return };
        let code = g.code.get::<CodeObj>().expect("generator code");
        let mut f = g.frame.borrow_mut();
        let Some(saved) = f.as_mut() else { return };
        if let Some(Instr::JumpBackward(t)) = code.code.code.get(saved.ip) {
            if let Some(Instr::Send(exit)) = code.code.code.get(*t as usize) {
                saved.slots.pop();
                // resume pushes the sent value: arrange for `result` to be that value by
                // jumping to a point that expects it on top (the Send's exit).
                saved.ip = *exit as usize;
                saved.slots.push(result);
                // gen_resume pushes the sent value too; mark that it must not.
                drop(f);
                g.state.set(4);
            }
        }
    }
}

/// Is a dunder method of a builtin class a slot wrapper in CPython (`__add__`, `__len__`)
/// rather than a plain method (`__format__`, `__reduce__`)? The two word their errors
/// differently.
fn is_slot_wrapper(name: &str) -> bool {
    const METHODS: &[&str] = &[
        "__format__", "__sizeof__", "__reduce__", "__reduce_ex__", "__dir__", "__getnewargs__", "__getnewargs_ex__",
        "__getstate__", "__setstate__", "__subclasshook__", "__init_subclass__", "__class_getitem__", "__round__",
        "__trunc__", "__floor__", "__ceil__", "__reversed__", "__copy__", "__deepcopy__", "__length_hint__",
        "__instancecheck__", "__subclasscheck__", "__subclasses__", "__prepare__", "__enter__", "__exit__",
        "__complex__", "__bytes__", "__fspath__", "__missing__", "__mro_entries__", "__getformat__",
    ];
    name.len() > 4 && name.starts_with("__") && name.ends_with("__") && !METHODS.contains(&name)
}

/// Whether a call of `func` with `argc` positional arguments and no keywords binds them by
/// position alone: Some(None) when they are exactly its parameters, Some(defaults) when the
/// last parameters come from its defaults tuple, None when the full `bind_args` is needed.
#[inline(always)]
fn simple_binding(shape: FrameShape, func: Gc<FunctionObj>, argc: usize) -> Option<Option<Gc<TupleObj>>> {
    let argcount = shape.simple_argc as usize;
    if argcount == argc {
        return Some(None);
    }
    if shape.simple_argc == u32::MAX || argc > argcount {
        return None;
    }
    let d = func.defaults.get().get::<TupleObj>()?;
    (argc + d.items.len() >= argcount).then_some(Some(d))
}
