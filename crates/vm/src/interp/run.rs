//! Entering code (module and class bodies, the frames of a native caller) and unwinding
//! exceptions through frames: the parts of running Python code around `execute`.

use std::cell::Cell;

use crate::heap::{Gc, ObjKind, Value};
use crate::objects::*;

use super::eval::Exit;
use super::{Frame, PyErr, PyResult, Vm};

impl Vm {
    /// Runs a module or class body with `locals` as its namespace.
    pub fn run_code(&mut self, code: Value, globals: Value, locals: Value) -> PyResult<Value> {
        let code: Gc<CodeObj> = code.get::<CodeObj>().ok_or_else(|| self.type_error("expected a code object"))?;
        self.run_namespace_frame(code, Value::NULL, Value::NULL, globals, locals, "yield outside function")
    }

    /// run_code with the cells of the code's free variables (exec(..., closure=)).
    pub fn run_code_with_closure(&mut self, code: Value, globals: Value, locals: Value, closure: Value) -> PyResult<Value> {
        let code: Gc<CodeObj> = code.get::<CodeObj>().ok_or_else(|| self.type_error("expected a code object"))?;
        self.run_namespace_frame(code, Value::NULL, closure, globals, locals, "yield outside function")
    }

    /// Runs a class body function with `ns` as its namespace (for __build_class__).
    pub fn run_class_body(&mut self, func: Value, ns: Value) -> PyResult<Value> {
        let f = func.get::<FunctionObj>().ok_or_else(|| self.type_error("__build_class__: func must be a function"))?;
        let code = f.code.get().get::<CodeObj>().ok_or_else(|| self.type_error("bad code"))?;
        self.run_namespace_frame(code, func, f.closure, f.globals, ns, "yield in class body")
    }

    /// Pushes an entry frame for a module or class body (fresh cells, free variables from
    /// `closure`) and runs it to completion.
    fn run_namespace_frame(
        &mut self,
        code: Gc<CodeObj>,
        func: Value,
        closure: Value,
        globals: Value,
        locals: Value,
        yield_msg: &str,
    ) -> PyResult<Value> {
        let base = self.sp;
        let size = code.code.frame_size();
        if base + size + 64 > super::STACK_SLOTS || self.frames.len() >= self.recursion_limit + 50 {
            return Err(self.recursion_error());
        }
        for s in &mut self.stack[base..base + size] {
            *s = Value::NULL;
        }
        let nl = code.code.nlocals();
        let nc = code.code.cellvars.len();
        for i in 0..nc {
            let c = self.new_cell(Value::NULL);
            self.stack[base + nl + i] = c;
        }
        if let Some(cl) = closure.get::<TupleObj>() {
            for (i, &c) in cl.items.iter().enumerate() {
                self.stack[base + nl + nc + i] = c;
            }
        }
        self.sp = base + nl + code.code.ncells();
        let builtins = self.builtins_for(globals);
        self.frames.push(Frame {
            code,
            func,
            globals,
            builtins,
            locals,
            base,
            ip: 0,
            gen: Value::NULL,
            is_entry: true,
            saved_sp: 0,
            init_self: Value::NULL,
            binop: 0,
        });
        match self.run_frames(None)? {
            Exit::Return(v) => Ok(v),
            Exit::Yield(_) => Err(self.runtime_error(yield_msg)),
        }
    }

    pub fn builtins_for(&mut self, globals: Value) -> Value {
        let key = self.intern_static("__builtins__");
        match self.dict_get_str(globals, key) {
            Some(b) if b.kind() == Some(ObjKind::Dict) => b,
            Some(m) if m.kind() == Some(ObjKind::Module) => m.get::<ModuleObj>().map(|m| m.dict).unwrap_or(self.builtins_dict),
            _ => self.builtins_dict,
        }
    }

    /// Runs until the innermost entry frame returns or yields. `pending` is raised first.
    pub fn run_frames(&mut self, pending: Option<PyErr>) -> PyResult<Exit> {
        self.recent_marks.push(self.recent.len());
        let r = self.run_frames_inner(pending);
        if let Some(m) = self.recent_marks.pop() {
            self.recent.truncate(m);
        }
        r
    }

    fn run_frames_inner(&mut self, pending: Option<PyErr>) -> PyResult<Exit> {
        let mut err = pending;
        let mut reraise = false;
        loop {
            if let Some(e) = err.take() {
                if let Some(e) = self.unwind(e, reraise) {
                    return Err(e);
                }
            }
            match self.execute() {
                Ok(exit) => return Ok(exit),
                Err((e, rr)) => {
                    err = Some(e);
                    reraise = rr;
                }
            }
        }
    }

    /// Adds a traceback entry for the top frame and looks for a handler, popping frames
    /// without one. Returns the exception when it leaves the entry frame.
    fn unwind(&mut self, mut e: PyErr, reraise: bool) -> Option<PyErr> {
        let mut first = true;
        loop {
            let Some(frame) = self.frames.last() else { return Some(e) };
            let ip = frame.ip.saturating_sub(1) as u32;
            let code = frame.code;
            let base = frame.base;
            let globals = frame.globals;
            if !(first && reraise) {
                self.add_traceback(e.0, code, globals, ip);
            }
            if first && !reraise {
                self.chain_context(e.0);
            }
            first = false;
            if let Some(h) = code.code.handler_for(ip) {
                let stack_base = base + code.code.nlocals() + code.code.ncells();
                self.sp = stack_base + h.depth as usize;
                self.stack[self.sp] = e.0;
                self.sp += 1;
                // a safepoint: the natives that raised have returned, the exception is rooted
                self.release_recent();
                if let Some(f) = self.frames.last_mut() {
                    f.ip = h.handler as usize;
                }
                return None;
            }
            let f = self.frames.pop().expect("frame present");
            if !self.frame_objects.is_empty() {
                self.detach_frame_object(&f, f.ip);
            }
            self.sp = f.base;
            if f.is_entry {
                return Some(e);
            }
            if !f.gen.is_null() {
                // a generator resumed by the frame below (gen_frames.rs): it is finished
                e = self.gen_frame_raised(f.gen, e);
            }
        }
    }

    fn chain_context(&mut self, exc: Value) {
        let h = self.handled();
        if h.is_null() || h == exc {
            return;
        }
        if let Some(x) = exc.get::<ExceptionObj>() {
            if x.context.get().is_null() {
                // avoid creating a cycle through the context chain
                let mut c = h;
                let mut n = 0;
                while let Some(cx) = c.get::<ExceptionObj>() {
                    if cx.context.get() == exc {
                        cx.context.set(Value::NULL);
                        break;
                    }
                    c = cx.context.get();
                    n += 1;
                    if n > 1000 {
                        break;
                    }
                }
                x.context.set(h);
            }
        }
    }

    fn add_traceback(&mut self, exc: Value, code: Gc<CodeObj>, globals: Value, ip: u32) {
        let Some(x) = exc.get::<ExceptionObj>() else { return };
        let line = code.code.line_at(ip as usize);
        let tt = self.types.traceback;
        let next = x.traceback.get();
        let tb = self.alloc(tt, TracebackObj { next: Cell::new(next), code: code.value(), globals, lineno: line, ip });
        if let Some(x) = exc.get::<ExceptionObj>() {
            x.traceback.set(tb.value());
        }
    }
}
