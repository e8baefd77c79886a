//! The dispatch loop. Python-to-Python calls push a frame and continue in the same loop;
//! only native code calling back into Python (and generator resumption) re-enters it.

use pyjit_compiler::code::flags;
use pyjit_compiler::opcode::{fmt_flags, make_fn, BinOp, CmpOp, Instr, INPLACE};

use crate::heap::{Gc, ObjKind, Value};
use crate::objects::*;

use super::{Cache, PyErr, Vm};

/// How a run of the loop ended.
pub enum Exit {
    Return(Value),
    Yield(Value),
}

impl Vm {
    /// When a frame ends (it was `frames[frames.len()]` before the pop): its frame object,
    /// if Python code took one, keeps the last line (at instruction `ip`) and stops reading
    /// the frame.
    #[cold]
    #[inline(never)]
    pub(super) fn detach_frame_object(&mut self, f: &super::Frame, ip: usize) {
        let level = self.frames.len();
        while let Some(&(l, fobj)) = self.frame_objects.last() {
            if l < level {
                break;
            }
            self.frame_objects.pop();
            if let Some(fo) = fobj.get::<FrameObj>() {
                if l == level {
                    fo.lineno.set(f.code.code.line_at(ip.saturating_sub(1)));
                }
                fo.level.set(-1);
            }
        }
    }

    /// UnboundLocalError for local `i`.
    #[cold]
    fn unbound_local(&mut self, code: Gc<CodeObj>, i: usize) -> PyErr {
        let name = self.str_of(code.varnames[i]);
        let t = self.types.unbound_local_error;
        self.err(t, &format!("cannot access local variable '{name}' where it is not associated with a value"))
    }

    #[inline]
    pub(super) fn push(&mut self, v: Value) {
        self.stack[self.sp] = v;
        self.sp += 1;
    }
    #[inline]
    fn pop(&mut self) -> Value {
        self.sp -= 1;
        self.stack[self.sp]
    }
    #[inline]
    fn top(&self) -> Value {
        self.stack[self.sp - 1]
    }
    #[inline]
    fn peek(&self, n: usize) -> Value {
        self.stack[self.sp - n]
    }

    /// Executes instructions until the entry frame returns/yields (Ok) or an exception is
    /// raised (Err, with whether it is a re-raise that adds no traceback entry).
    pub(super) fn execute(&mut self) -> Result<Exit, (PyErr, bool)> {
        macro_rules! tryv {
            ($e:expr) => {
                match $e {
                    Ok(v) => v,
                    Err(e) => return Err((e, false)),
                }
            };
        }
        // The outer loop switches frames (calls and returns); the inner loop runs one
        // frame's instructions with its code slice borrowed.
        'frame: loop {
        let fi = self.frames.len() - 1;
        let code: Gc<CodeObj> = self.frames[fi].code;
        let mut ip = self.frames[fi].ip;
        let base = self.frames[fi].base;
        // Only a recording frame runs other instructions than the code's own (`JitHook`s);
        // otherwise the slice is borrowed from the code object, which the frame keeps alive.
        let hooks: Vec<Instr>;
        let instrs: &[Instr] = if self.jit.recording {
            hooks = self.frame_hooks(code);
            &hooks
        } else {
            &code.quick
        };
        macro_rules! save_ip {
            () => {
                if let Some(f) = self.frames.last_mut() {
                    f.ip = ip;
                }
            };
        }
        macro_rules! reload {
            () => {{
                continue 'frame;
            }};
        }
        // The stack pointer, kept in a local (a register) across instructions: the common
        // cases of the most frequent instructions (`fast_path.rs`) use it directly; every
        // other handler starts by writing it to `self.sp`, which the methods it calls use,
        // and the loop reads it back after the handler.
        let mut sp = self.sp;
        'next: loop {
            let mut instr = instrs[ip];
            ip += 1;
            // The match runs once per instruction; only a `JitHook` (while a trace is
            // recorded, see jit_iface.rs) dispatches again, on the real instruction, so the
            // hook costs nothing when not recording.
            'dispatch: loop {
            match instr {
                Instr::JitHook => {
                    self.sp = sp;
                    ip -= 1;
                    save_ip!();
                    match self.jit_hook(code, ip) {
                        Some(real) => {
                            instr = real;
                            ip += 1;
                            sp = self.sp;
                            continue 'dispatch;
                        }
                        None => reload!(),
                    }
                }
                Instr::Nop => continue 'next,
                Instr::PopTop => {
                    if self.fast_step(instr, code, base, &mut ip, &mut sp) {
                        continue 'next;
                    }
                    self.sp = sp;
                    self.sp -= 1;
                    self.release_recent();
                }
                Instr::Copy(n) => {
                    if self.fast_step(instr, code, base, &mut ip, &mut sp) {
                        continue 'next;
                    }
                    self.sp = sp;
                    let v = self.peek(n as usize);
                    self.push(v);
                }
                Instr::Swap(n) => {
                    if self.fast_step(instr, code, base, &mut ip, &mut sp) {
                        continue 'next;
                    }
                    self.sp = sp;
                    let a = self.sp - 1;
                    let b = self.sp - n as usize;
                    self.stack.swap(a, b);
                }
                Instr::LoadConst(i) => {
                    if self.fast_step(instr, code, base, &mut ip, &mut sp) {
                        continue 'next;
                    }
                    self.sp = sp;
                    let v = code.consts[i as usize];
                    self.push(v);
                }
                Instr::LoadFast(i) => {
                    if self.fast_step(instr, code, base, &mut ip, &mut sp) {
                        continue 'next;
                    }
                    self.sp = sp;
                    let v = self.stack[base + i as usize];
                    if v.is_null() {
                        save_ip!();
                        return Err((self.unbound_local(code, i as usize), false));
                    }
                    self.push(v);
                }
                Instr::StoreFast(i) => {
                    if self.fast_step(instr, code, base, &mut ip, &mut sp) {
                        continue 'next;
                    }
                    self.sp = sp;
                    let v = self.pop();
                    self.stack[base + i as usize] = v;
                }
                // Superinstructions (see `opcode::fuse`). When the second half would raise,
                // only the first half runs: the next dispatch runs the second instruction
                // itself, which raises at its own index.
                Instr::LoadFastLoadFast(ab) => {
                    if self.fast_step(instr, code, base, &mut ip, &mut sp) {
                        continue 'next;
                    }
                    self.sp = sp;
                    let (a, b) = ((ab >> 16) as usize, (ab & 0xffff) as usize);
                    let va = self.stack[base + a];
                    if va.is_null() {
                        save_ip!();
                        return Err((self.unbound_local(code, a), false));
                    }
                    self.push(va);
                    let vb = self.stack[base + b];
                    if !vb.is_null() {
                        self.push(vb);
                        ip += 1;
                    }
                }
                Instr::LoadFastLoadConst(ab) => {
                    if self.fast_step(instr, code, base, &mut ip, &mut sp) {
                        continue 'next;
                    }
                    self.sp = sp;
                    let a = (ab >> 16) as usize;
                    let va = self.stack[base + a];
                    if va.is_null() {
                        save_ip!();
                        return Err((self.unbound_local(code, a), false));
                    }
                    self.push(va);
                    self.push(code.consts[(ab & 0xffff) as usize]);
                    ip += 1;
                }
                Instr::LoadConstLoadFast(ab) => {
                    if self.fast_step(instr, code, base, &mut ip, &mut sp) {
                        continue 'next;
                    }
                    self.sp = sp;
                    self.push(code.consts[(ab >> 16) as usize]);
                    let vb = self.stack[base + (ab & 0xffff) as usize];
                    if !vb.is_null() {
                        self.push(vb);
                        ip += 1;
                    }
                }
                Instr::StoreFastLoadFast(ab) => {
                    if self.fast_step(instr, code, base, &mut ip, &mut sp) {
                        continue 'next;
                    }
                    self.sp = sp;
                    let v = self.pop();
                    self.stack[base + (ab >> 16) as usize] = v;
                    let vb = self.stack[base + (ab & 0xffff) as usize];
                    if !vb.is_null() {
                        self.push(vb);
                        ip += 1;
                    }
                }
                Instr::StoreFastStoreFast(ab) => {
                    if self.fast_step(instr, code, base, &mut ip, &mut sp) {
                        continue 'next;
                    }
                    self.sp = sp;
                    let v = self.pop();
                    self.stack[base + (ab >> 16) as usize] = v;
                    let w = self.pop();
                    self.stack[base + (ab & 0xffff) as usize] = w;
                    ip += 1;
                }
                Instr::DeleteFast(i) => {
                    self.sp = sp;
                    if self.stack[base + i as usize].is_null() {
                        save_ip!();
                        let name = self.str_of(code.varnames[i as usize]);
                        let t = self.types.unbound_local_error;
                        return Err((self.err(t, &format!("cannot access local variable '{name}' where it is not associated with a value")), false));
                    }
                    self.stack[base + i as usize] = Value::NULL;
                }
                Instr::LoadDeref(i) | Instr::LoadClassDeref(i) => {
                    if self.fast_step(instr, code, base, &mut ip, &mut sp) {
                        continue 'next;
                    }
                    self.sp = sp;
                    let nl = code.code.nlocals();
                    if let Instr::LoadClassDeref(_) = instr {
                        let name = self.deref_name(code, i as usize);
                        let locals = self.frames[self.frames.len() - 1].locals;
                        let n = self.intern(&name);
                        if let Some(v) = self.dict_get_str(locals, n) {
                            self.push(v);
                            break 'dispatch;
                        }
                    }
                    let cell = self.stack[base + nl + i as usize];
                    let v = cell.get::<CellObj>().map(|c| c.v.get()).unwrap_or(Value::NULL);
                    if v.is_null() {
                        save_ip!();
                        return Err((self.unbound_deref(code, i as usize), false));
                    }
                    self.push(v);
                }
                Instr::StoreDeref(i) => {
                    if self.fast_step(instr, code, base, &mut ip, &mut sp) {
                        continue 'next;
                    }
                    self.sp = sp;
                    let v = self.pop();
                    let nl = code.code.nlocals();
                    if let Some(c) = self.stack[base + nl + i as usize].get::<CellObj>() {
                        c.v.set(v);
                    }
                }
                Instr::DeleteDeref(i) => {
                    self.sp = sp;
                    let nl = code.code.nlocals();
                    if let Some(c) = self.stack[base + nl + i as usize].get::<CellObj>() {
                        c.v.set(Value::NULL);
                    }
                }
                Instr::LoadClosure(i) => {
                    self.sp = sp;
                    let nl = code.code.nlocals();
                    let c = self.stack[base + nl + i as usize];
                    self.push(c);
                }
                Instr::LoadGlobal(i) => {
                    if self.fast_step(instr, code, base, &mut ip, &mut sp) {
                        continue 'next;
                    }
                    self.sp = sp;
                    let name = code.names[i as usize];
                    let f = &self.frames[self.frames.len() - 1];
                    let (globals, builtins) = (f.globals, f.builtins);
                    let gv = globals.get::<DictObj>().map(|d| d.version()).unwrap_or(0);
                    let bv = builtins.get::<DictObj>().map(|d| d.version()).unwrap_or(0);
                    let v = match self.dict_get_str(globals, name) {
                        Some(v) => v,
                        None => match self.dict_get_str(builtins, name) {
                            Some(v) => v,
                            None => {
                                save_ip!();
                                return Err((self.name_error(name), false));
                            }
                        },
                    };
                    if let Some(c) = code.caches.borrow_mut().get_mut(ip - 1) {
                        *c = Cache::Global { globals_ver: gv, builtins_ver: bv, value: v };
                    }
                    self.push(v);
                }
                Instr::StoreGlobal(i) => {
                    self.sp = sp;
                    let v = self.pop();
                    let name = code.names[i as usize];
                    let g = self.frames[self.frames.len() - 1].globals;
                    save_ip!();
                    tryv!(self.dict_set(g, name, v));
                }
                Instr::DeleteGlobal(i) => {
                    self.sp = sp;
                    let name = code.names[i as usize];
                    let g = self.frames[self.frames.len() - 1].globals;
                    save_ip!();
                    if tryv!(self.dict_del(g, name)).is_none() {
                        return Err((self.name_error(name), false));
                    }
                }
                Instr::LoadName(i) => {
                    self.sp = sp;
                    let name = code.names[i as usize];
                    let f = &self.frames[self.frames.len() - 1];
                    let (locals, globals, builtins) = (f.locals, f.globals, f.builtins);
                    save_ip!();
                    let v = if locals.kind() == Some(ObjKind::Dict) && !self.is_heap_type(locals) {
                        self.dict_get_str(locals, name)
                    } else if !locals.is_null() {
                        match self.getitem(locals, name) {
                            Ok(v) => Some(v),
                            Err(e) if self.isinstance(e.0, self.types.key_error) => None,
                            Err(e) => return Err((e, false)),
                        }
                    } else {
                        None
                    };
                    let v = match v.or_else(|| self.dict_get_str(globals, name)).or_else(|| self.dict_get_str(builtins, name)) {
                        Some(v) => v,
                        None => return Err((self.name_error(name), false)),
                    };
                    self.push(v);
                }
                Instr::StoreName(i) => {
                    self.sp = sp;
                    let v = self.pop();
                    let name = code.names[i as usize];
                    let f = &self.frames[self.frames.len() - 1];
                    let ns = if f.locals.is_null() { f.globals } else { f.locals };
                    save_ip!();
                    if ns.kind() == Some(ObjKind::Dict) && !self.is_heap_type(ns) {
                        tryv!(self.dict_set(ns, name, v));
                    } else {
                        tryv!(self.setitem(ns, name, v));
                    }
                }
                Instr::DeleteName(i) => {
                    self.sp = sp;
                    let name = code.names[i as usize];
                    let f = &self.frames[self.frames.len() - 1];
                    let ns = if f.locals.is_null() { f.globals } else { f.locals };
                    save_ip!();
                    if ns.kind() == Some(ObjKind::Dict) && !self.is_heap_type(ns) {
                        if tryv!(self.dict_del(ns, name)).is_none() {
                            return Err((self.name_error(name), false));
                        }
                    } else {
                        tryv!(self.delitem(ns, name));
                    }
                }
                Instr::LoadAttr(i) => {
                    if self.fast_step(instr, code, base, &mut ip, &mut sp) {
                        continue 'next;
                    }
                    self.sp = sp;
                    let name = code.names[i as usize];
                    let obj = self.top();
                    save_ip!();
                    let v = tryv!(self.getattr(obj, name));
                    self.attr_cache_fill(code, ip - 1, obj, name);
                    self.stack[self.sp - 1] = v;
                }
                Instr::StoreAttr(i) => {
                    if self.fast_step(instr, code, base, &mut ip, &mut sp) {
                        continue 'next;
                    }
                    self.sp = sp;
                    let name = code.names[i as usize];
                    let obj = self.pop();
                    let v = self.pop();
                    let mut map_before = Value::NULL;
                    if let Some(inst) = obj.get::<InstanceObj>() {
                        map_before = inst.map.get();
                        match crate::heap::cell_read::vec_get(&code.caches, ip - 1) {
                            Some(Cache::Slot(es)) => {
                                if let Some(e) = es.iter().find(|e| e.map == map_before && !map_before.is_null()) {
                                    if super::dispatch_support::instance_type_version(inst) == e.ty_ver {
                                        if let Some(s) = inst.slots.borrow_mut().get_mut(e.index as usize) {
                                            *s = v;
                                            break 'dispatch;
                                        }
                                    }
                                }
                            }
                            Some(Cache::AddSlot { ty_ver, from, to, index }) => {
                                if map_before == from && super::dispatch_support::instance_type_version(inst) == ty_ver && inst.dict.get().is_null() {
                                    let mut slots = inst.slots.borrow_mut();
                                    if slots.len() == index as usize {
                                        slots.push(v);
                                        inst.map.set(to);
                                        break 'dispatch;
                                    }
                                }
                            }
                            _ => {}
                        }
                    }
                    save_ip!();
                    tryv!(self.setattr(obj, name, v));
                    self.attr_cache_fill_store(code, ip - 1, obj, name, map_before);
                }
                Instr::DeleteAttr(i) => {
                    self.sp = sp;
                    let name = code.names[i as usize];
                    let obj = self.pop();
                    save_ip!();
                    tryv!(self.delattr(obj, name));
                }
                Instr::LoadMethod(i) => {
                    if self.fast_step(instr, code, base, &mut ip, &mut sp) {
                        continue 'next;
                    }
                    self.sp = sp;
                    let obj = self.top();
                    let name = code.names[i as usize];
                    save_ip!();
                    let (a, b) = tryv!(self.load_method(code, ip - 1, obj, name));
                    self.stack[self.sp - 1] = a;
                    self.push(b);
                }
                Instr::CallMethod(n) => {
                    self.sp = sp;
                    let n = n as usize;
                    let a = self.peek(n + 2);
                    let (func, first, argc) = if a.is_null() { (self.peek(n + 1), self.sp - n, n) } else { (a, self.sp - n - 1, n + 1) };
                    save_ip!();
                    match self.call_from_stack(func, first, argc, Value::NULL, n + 2) {
                        Ok(true) => reload!(),
                        Ok(false) => {}
                        Err(e) => return Err((e, false)),
                    }
                }
                Instr::Call(n) => {
                    self.sp = sp;
                    let n = n as usize;
                    let func = self.peek(n + 1);
                    save_ip!();
                    match self.call_from_stack(func, self.sp - n, n, Value::NULL, n + 1) {
                        Ok(true) => reload!(),
                        Ok(false) => {}
                        Err(e) => return Err((e, false)),
                    }
                }
                Instr::CallKw(n) => {
                    self.sp = sp;
                    let n = n as usize;
                    let kwnames = self.pop();
                    let func = self.peek(n + 1);
                    save_ip!();
                    match self.call_from_stack(func, self.sp - n, n, kwnames, n + 1) {
                        Ok(true) => reload!(),
                        Ok(false) => {}
                        Err(e) => return Err((e, false)),
                    }
                }
                Instr::CallEx(fl) => {
                    self.sp = sp;
                    let kwargs = if fl & 1 != 0 { self.pop() } else { Value::NULL };
                    let args = self.pop();
                    let func = self.pop();
                    save_ip!();
                    let r = tryv!(self.call_ex(func, args, kwargs));
                    self.push(r);
                }
                Instr::BinarySubscr => {
                    if self.fast_step(instr, code, base, &mut ip, &mut sp) {
                        continue 'next;
                    }
                    self.sp = sp;
                    let key = self.pop();
                    let obj = self.top();
                    // (exact lists and tuples with int keys were `fast_step`'s)
                    save_ip!();
                    let r = tryv!(self.getitem(obj, key));
                    self.stack[self.sp - 1] = r;
                }
                Instr::StoreSubscr => {
                    if self.fast_step(instr, code, base, &mut ip, &mut sp) {
                        continue 'next;
                    }
                    self.sp = sp;
                    let key = self.pop();
                    let obj = self.pop();
                    let v = self.pop();
                    save_ip!();
                    tryv!(self.setitem(obj, key, v));
                }
                Instr::DeleteSubscr => {
                    self.sp = sp;
                    let key = self.pop();
                    let obj = self.pop();
                    save_ip!();
                    tryv!(self.delitem(obj, key));
                }
                Instr::BuildSlice(n) => {
                    self.sp = sp;
                    let step = if n == 3 { self.pop() } else { self.none };
                    let stop = self.pop();
                    let start = self.pop();
                    let t = self.types.slice;
                    let s = self.alloc(t, SliceObj { start, stop, step }).value();
                    self.push(s);
                }
                Instr::BinaryOp(op) => {
                    if self.fast_step(instr, code, base, &mut ip, &mut sp) {
                        continue 'next;
                    }
                    self.sp = sp;
                    // (small ints without overflow and exact floats were `fast_step`'s)
                    let b = self.pop();
                    let a = self.top();
                    save_ip!();
                    if op < INPLACE {
                        self.sp += 1;
                        if self.push_binop_frame(a, b, op) {
                            reload!();
                        }
                        self.sp -= 1;
                    }
                    let r = tryv!(self.binary_op(a, b, BinOp::from_u32(op), op >= INPLACE));
                    self.stack[self.sp - 1] = r;
                }
                Instr::UnaryNegative | Instr::UnaryPositive | Instr::UnaryInvert => {
                    self.sp = sp;
                    let v = self.top();
                    save_ip!();
                    let name = match instr {
                        Instr::UnaryNegative => "__neg__",
                        Instr::UnaryPositive => "__pos__",
                        _ => "__invert__",
                    };
                    let r = tryv!(self.unary_op(v, name));
                    self.stack[self.sp - 1] = r;
                }
                Instr::UnaryNot => {
                    self.sp = sp;
                    let v = self.top();
                    save_ip!();
                    let b = tryv!(self.truthy(v));
                    self.stack[self.sp - 1] = self.bool_val(!b);
                }
                Instr::CompareOp(op) => {
                    if self.fast_step(instr, code, base, &mut ip, &mut sp) {
                        continue 'next;
                    }
                    self.sp = sp;
                    let b = self.pop();
                    let a = self.top();
                    // (small ints and exact floats were `fast_step`'s)
                    save_ip!();
                    let r = tryv!(self.rich_compare(a, b, CmpOp::from_u32(op)));
                    self.stack[self.sp - 1] = r;
                }
                Instr::IsOp(inv) => {
                    if self.fast_step(instr, code, base, &mut ip, &mut sp) {
                        continue 'next;
                    }
                    self.sp = sp;
                    let b = self.pop();
                    let a = self.top();
                    self.stack[self.sp - 1] = self.bool_val((a == b) != (inv == 1));
                }
                Instr::ContainsOp(inv) => {
                    self.sp = sp;
                    let container = self.pop();
                    let v = self.top();
                    save_ip!();
                    let r = tryv!(self.contains(container, v));
                    self.stack[self.sp - 1] = self.bool_val(r != (inv == 1));
                }
                Instr::BuildTuple(n) => {
                    self.sp = sp;
                    let n = n as usize;
                    let items = self.stack[self.sp - n..self.sp].to_vec();
                    let t = self.new_tuple(items);
                    self.sp -= n;
                    self.push(t);
                }
                Instr::BuildList(n) => {
                    self.sp = sp;
                    let n = n as usize;
                    let items = self.stack[self.sp - n..self.sp].to_vec();
                    let l = self.new_list(items);
                    self.sp -= n;
                    self.push(l);
                }
                Instr::BuildSet(n) => {
                    self.sp = sp;
                    let n = n as usize;
                    let s = self.new_set();
                    self.push(s);
                    save_ip!();
                    for k in 0..n {
                        let v = self.stack[self.sp - 1 - n + k];
                        tryv!(self.set_add(s, v));
                    }
                    self.sp -= n + 1;
                    self.push(s);
                }
                Instr::BuildMap(n) => {
                    self.sp = sp;
                    let n = n as usize;
                    let d = self.new_dict();
                    self.push(d);
                    save_ip!();
                    for k in 0..n {
                        let key = self.stack[self.sp - 1 - 2 * n + 2 * k];
                        let v = self.stack[self.sp - 1 - 2 * n + 2 * k + 1];
                        tryv!(self.dict_set(d, key, v));
                    }
                    self.sp -= 2 * n + 1;
                    self.push(d);
                }
                Instr::BuildString(n) => {
                    self.sp = sp;
                    let n = n as usize;
                    let mut s = String::new();
                    for k in 0..n {
                        s.push_str(&self.str_of(self.stack[self.sp - n + k]));
                    }
                    let v = self.new_string(s);
                    self.sp -= n;
                    self.push(v);
                }
                Instr::ListAppend(d) => {
                    self.sp = sp;
                    let v = self.pop();
                    let l = self.peek(d as usize);
                    if let Some(l) = l.get::<ListObj>() {
                        let mut items = l.items.borrow_mut();
                        if items.len() == items.capacity() && items.try_reserve(1).is_err() {
                            drop(items);
                            save_ip!();
                            return Err((self.memory_error(), false));
                        }
                        items.push(v);
                    }
                }
                Instr::SetAdd(d) => {
                    self.sp = sp;
                    let v = self.pop();
                    let s = self.peek(d as usize);
                    save_ip!();
                    tryv!(self.set_add(s, v));
                }
                Instr::MapAdd(d) => {
                    self.sp = sp;
                    let v = self.pop();
                    let k = self.pop();
                    let m = self.peek(d as usize);
                    save_ip!();
                    tryv!(self.dict_set(m, k, v));
                }
                Instr::ListExtend(d) => {
                    self.sp = sp;
                    let it = self.pop();
                    let l = self.peek(d as usize);
                    save_ip!();
                    tryv!(self.list_extend(l, it));
                }
                Instr::SetUpdate(d) => {
                    self.sp = sp;
                    let it = self.pop();
                    let s = self.peek(d as usize);
                    save_ip!();
                    tryv!(self.set_update(s, it));
                }
                Instr::DictUpdate(d) => {
                    self.sp = sp;
                    let other = self.pop();
                    let m = self.peek(d as usize);
                    save_ip!();
                    tryv!(self.dict_update_from(m, other, false));
                }
                Instr::DictMerge(d) => {
                    self.sp = sp;
                    // [func, args, kwargs, other]: the function names itself in errors
                    let other = self.pop();
                    let m = self.peek(d as usize);
                    let func = self.peek(d as usize + 2);
                    save_ip!();
                    tryv!(self.dict_merge_kwargs(m, other, func));
                }
                Instr::ListToTuple => {
                    self.sp = sp;
                    let l = self.pop();
                    let items = l.get::<ListObj>().map(|l| l.snapshot()).unwrap_or_default();
                    let t = self.new_tuple(items);
                    self.push(t);
                }
                Instr::FormatValue(fl) => {
                    self.sp = sp;
                    let spec = if fl & fmt_flags::HAVE_SPEC != 0 { self.pop() } else { Value::NULL };
                    let v = self.pop();
                    save_ip!();
                    let v = match fl & fmt_flags::CONV_MASK {
                        fmt_flags::CONV_STR => tryv!(self.str_value(v)),
                        fmt_flags::CONV_REPR => tryv!(self.repr_value(v)),
                        fmt_flags::CONV_ASCII => {
                            let r = tryv!(self.repr(v));
                            let a = crate::builtins::strfmt::ascii_escape(&r);
                            self.new_string(a)
                        }
                        _ => v,
                    };
                    let r = if spec.is_null() && v.kind() == Some(ObjKind::Str) && !self.is_heap_type(v) {
                        v
                    } else {
                        let spec = if spec.is_null() { self.empty_str } else { spec };
                        tryv!(self.format(v, spec))
                    };
                    self.push(r);
                }
                Instr::Jump(t) => {
                    ip = t as usize;
                    continue 'next;
                }
                Instr::JumpBackward(t) => {
                    if self.fast_step(instr, code, base, &mut ip, &mut sp) {
                        continue 'next;
                    }
                    self.sp = sp;
                    let after = ip;
                    ip = t as usize;
                    self.release_recent();
                    let h = code.hotness.get().wrapping_add(1);
                    code.hotness.set(h);
                    if h >= self.jit.threshold || crate::signals::pending() {
                        if crate::signals::pending() {
                            // a handler's exception is raised at this jump (inside the loop and
                            // its try blocks), not at the loop's first instruction
                            if let Some(f) = self.frames.last_mut() {
                                f.ip = after;
                            }
                            tryv!(crate::signals::check(self));
                        }
                        save_ip!();
                        if h >= self.jit.threshold {
                            tryv!(self.jit_backedge(code, ip));
                        }
                        reload!();
                    }
                }
                Instr::PopJumpIfFalse(t) | Instr::PopJumpIfTrue(t) => {
                    if self.fast_step(instr, code, base, &mut ip, &mut sp) {
                        continue 'next;
                    }
                    self.sp = sp;
                    let v = self.pop();
                    let b = if v == self.true_ {
                        true
                    } else if v == self.false_ {
                        false
                    } else {
                        save_ip!();
                        tryv!(self.truthy(v))
                    };
                    if b == matches!(instr, Instr::PopJumpIfTrue(_)) {
                        ip = t as usize;
                    }
                }
                Instr::PopJumpIfNone(t) => {
                    if self.fast_step(instr, code, base, &mut ip, &mut sp) {
                        continue 'next;
                    }
                    self.sp = sp;
                    if self.pop() == self.none {
                        ip = t as usize;
                    }
                }
                Instr::PopJumpIfNotNone(t) => {
                    if self.fast_step(instr, code, base, &mut ip, &mut sp) {
                        continue 'next;
                    }
                    self.sp = sp;
                    if self.pop() != self.none {
                        ip = t as usize;
                    }
                }
                Instr::JumpIfFalseOrPop(t) | Instr::JumpIfTrueOrPop(t) => {
                    self.sp = sp;
                    let v = self.top();
                    save_ip!();
                    let b = tryv!(self.truthy(v));
                    if b == matches!(instr, Instr::JumpIfTrueOrPop(_)) {
                        ip = t as usize;
                    } else {
                        self.sp -= 1;
                    }
                }
                Instr::GetIter => {
                    self.sp = sp;
                    let v = self.top();
                    save_ip!();
                    let it = tryv!(self.iter(v));
                    self.stack[self.sp - 1] = it;
                }
                Instr::ForIter(t) => {
                    if self.fast_step(instr, code, base, &mut ip, &mut sp) {
                        continue 'next;
                    }
                    self.sp = sp;
                    let it = self.top();
                    // fast path: range and list iterators
                    if let Some(io) = it.get::<IterObj>() {
                        let mut st = io.state.borrow_mut();
                        match &mut *st {
                            IterState::Range { cur, stop, step } if *step > 0 => {
                                if *cur < *stop {
                                    let v = *cur;
                                    *cur = cur.saturating_add(*step);
                                    drop(st);
                                    let v = self.new_int(v);
                                    self.push(v);
                                } else {
                                    drop(st);
                                    self.sp -= 1;
                                    ip = t as usize;
                                }
                                break 'dispatch;
                            }
                            IterState::Seq { seq, index } if seq.kind() == Some(ObjKind::List) => {
                                let l = seq.get::<ListObj>().expect("kind checked");
                                let v = l.items.borrow().get(*index).copied();
                                match v {
                                    Some(v) => {
                                        *index += 1;
                                        drop(st);
                                        self.push(v);
                                    }
                                    None => {
                                        *st = IterState::Done;
                                        drop(st);
                                        self.sp -= 1;
                                        ip = t as usize;
                                    }
                                }
                                break 'dispatch;
                            }
                            _ => {}
                        }
                    }
                    save_ip!();
                    if Self::is_gen_object(it) && self.push_gen_frame(it, self.none) {
                        reload!();
                    }
                    match tryv!(self.next(it)) {
                        Some(v) => self.push(v),
                        None => {
                            self.sp -= 1;
                            ip = t as usize;
                        }
                    }
                }
                Instr::MakeFunction(fl) => {
                    self.sp = sp;
                    let codev = self.pop();
                    let closure = if fl & make_fn::CLOSURE != 0 { self.pop() } else { Value::NULL };
                    let ann = if fl & make_fn::ANNOTATIONS != 0 { self.pop() } else { Value::NULL };
                    let kwdefaults = if fl & make_fn::KWDEFAULTS != 0 { self.pop() } else { Value::NULL };
                    let defaults = if fl & make_fn::DEFAULTS != 0 { self.pop() } else { Value::NULL };
                    let globals = self.frames[self.frames.len() - 1].globals;
                    let f = self.make_function(codev, globals, defaults, kwdefaults, ann, closure);
                    self.push(f);
                }
                Instr::ReturnValue => {
                    self.sp = sp;
                    self.release_recent();
                    let v = self.pop();
                    let f = self.frames.pop().expect("returning frame");
                    if !self.frame_objects.is_empty() {
                        self.detach_frame_object(&f, ip);
                    }
                    self.sp = f.base;
                    let v = if f.init_self.is_null() {
                        v
                    } else if v == self.none {
                        f.init_self
                    } else {
                        let tn = self.type_name_of(v);
                        return Err((self.type_error(&format!("__init__() should return None, not '{tn}'")), false));
                    };
                    if f.is_entry {
                        return Ok(Exit::Return(v));
                    }
                    if !f.gen.is_null() {
                        // a generator resumed by the frame below (gen_frames.rs) ended
                        self.gen_frame_returned(f.gen, v);
                        reload!();
                    }
                    if f.binop != 0 {
                        // the operands are still below the frame (`push_binop_frame`)
                        let (a, b) = (self.stack[f.base - 2], self.stack[f.base - 1]);
                        self.sp = f.base - 2;
                        let v = if v == self.not_implemented {
                            tryv!(self.binop_declined(a, b, f.binop))
                        } else {
                            v
                        };
                        self.push(v);
                        reload!();
                    }
                    self.push(v);
                    reload!();
                }
                Instr::YieldValue => {
                    self.sp = sp;
                    let v = self.pop();
                    if !self.drains.is_empty() {
                        // a builtin draining this generator takes the item (gen_drain.rs)
                        let f = self.frames.last().map(|f| (f.is_entry, f.gen));
                        if let Some((true, g)) = f {
                            if self.drain_take(g, v) {
                                self.push(self.none);
                                save_ip!();
                                reload!();
                            }
                        }
                    }
                    let f = self.frames.pop().expect("yielding frame");
                    if !self.frame_objects.is_empty() {
                        self.detach_frame_object(&f, ip);
                    }
                    if let Some(g) = f.gen.get::<GeneratorObj>() {
                        let mut gf = g.frame.borrow_mut();
                        match gf.as_mut() {
                            Some(saved) => {
                                saved.slots.clear();
                                saved.slots.extend_from_slice(&self.stack[f.base..self.sp]);
                                saved.ip = ip;
                            }
                            None => {
                                let slots = self.stack[f.base..self.sp].to_vec();
                                *gf = Some(GenFrame { slots, ip, func: f.func, globals: f.globals });
                            }
                        }
                    }
                    self.sp = f.base;
                    if !f.is_entry {
                        // resumed by a ForIter or Send of the frame below (gen_frames.rs)
                        self.gen_frame_yielded(f.gen);
                        self.push(v);
                        reload!();
                    }
                    let is_await = matches!(code.code.code.get(ip), Some(Instr::JumpBackward(t)) if matches!(code.code.code.get(*t as usize), Some(Instr::Send(_))));
                    let v = if is_await { v } else { self.wrap_async_yield(f.gen, v) };
                    return Ok(Exit::Yield(v));
                }
                Instr::Send(t) => {
                    self.sp = sp;
                    let value = self.pop();
                    let recv = self.top();
                    save_ip!();
                    if Self::is_gen_object(recv) && self.push_gen_frame(recv, value) {
                        reload!();
                    }
                    match tryv!(self.send_to(recv, value)) {
                        Exit::Yield(v) => self.push(v),
                        Exit::Return(r) => {
                            self.stack[self.sp - 1] = r;
                            ip = t as usize;
                        }
                    }
                }
                Instr::GetYieldFromIter => {
                    self.sp = sp;
                    let v = self.top();
                    save_ip!();
                    let it = if v.kind() == Some(ObjKind::Generator) {
                        if self.type_of(v) == self.types.coroutine && code.code.flags & flags::COROUTINE == 0 {
                            return Err((self.type_error("cannot 'yield from' a coroutine object in a non-coroutine generator"), false));
                        }
                        v
                    } else {
                        tryv!(self.iter(v))
                    };
                    self.stack[self.sp - 1] = it;
                }
                Instr::GetAwaitable => {
                    self.sp = sp;
                    let v = self.top();
                    save_ip!();
                    let a = tryv!(self.get_awaitable(v));
                    self.stack[self.sp - 1] = a;
                }
                Instr::GetAiter => {
                    self.sp = sp;
                    let v = self.top();
                    save_ip!();
                    let ty = self.type_of(v);
                    let n = self.intern_static("__aiter__");
                    if self.lookup(ty, n).is_none() {
                        let tn = self.type_name(ty);
                        return Err((self.type_error(&format!("'async for' requires an object with __aiter__ method, got {tn}")), false));
                    }
                    let a = tryv!(self.call_method_str(v, "__aiter__", &[]));
                    self.stack[self.sp - 1] = a;
                }
                Instr::GetAnext => {
                    self.sp = sp;
                    let v = self.top();
                    save_ip!();
                    let a = tryv!(self.call_method_str(v, "__anext__", &[]));
                    let a = tryv!(self.get_awaitable(a));
                    self.push(a);
                }
                Instr::EndAsyncFor => {
                    self.sp = sp;
                    let exc = self.pop();
                    if self.isinstance(exc, self.types.stop_async_iteration) {
                        self.sp -= 1;
                    } else {
                        save_ip!();
                        return Err((PyErr(exc), true));
                    }
                }
                Instr::RaiseVarargs(n) => {
                    self.sp = sp;
                    save_ip!();
                    let e = match n {
                        0 => {
                            let h = self.handled();
                            if h.is_null() {
                                self.runtime_error("No active exception to reraise")
                            } else {
                                // a bare raise re-raises as is: no new traceback entry
                                return Err((PyErr(h), true));
                            }
                        }
                        1 => {
                            let v = self.pop();
                            tryv!(self.make_exception(v))
                        }
                        _ => {
                            let cause = self.pop();
                            let v = self.pop();
                            let e = tryv!(self.make_exception(v));
                            let is_exc = self.isinstance(cause, self.types.base_exception)
                                || (self.is_type(cause) && self.is_subtype(cause, self.types.base_exception));
                            let cause = if cause == self.none {
                                self.none
                            } else if is_exc {
                                tryv!(self.make_exception(cause)).0
                            } else {
                                return Err((self.type_error("exception causes must derive from BaseException"), false));
                            };
                            if let Some(x) = e.0.get::<ExceptionObj>() {
                                x.cause.set(cause);
                                x.suppress_context.set(true);
                            }
                            e
                        }
                    };
                    return Err((e, false));
                }
                Instr::Reraise => {
                    self.sp = sp;
                    let e = self.pop();
                    save_ip!();
                    return Err((PyErr(e), true));
                }
                Instr::PushExcInfo => {
                    self.sp = sp;
                    let exc = self.pop();
                    let prev = self.handled_exc;
                    self.push(if prev.is_null() { self.none } else { prev });
                    self.push(exc);
                    self.handled_exc = exc;
                }
                Instr::PopExcept => {
                    self.sp = sp;
                    let prev = self.pop();
                    self.handled_exc = if prev == self.none { Value::NULL } else { prev };
                }
                Instr::CheckExcMatch => {
                    self.sp = sp;
                    let ty = self.pop();
                    let exc = self.top();
                    save_ip!();
                    let m = tryv!(self.except_match(exc, ty));
                    self.push(self.bool_val(m));
                }
                Instr::CheckEgMatch => {
                    self.sp = sp;
                    let ty = self.pop();
                    let rest = self.pop();
                    save_ip!();
                    let (rest, matched) = tryv!(self.exception_group_match(rest, ty));
                    if matched != self.none {
                        // the handler's body handles the matched part (a bare raise re-raises it)
                        self.handled_exc = matched;
                    }
                    self.push(rest);
                    self.push(matched);
                }
                Instr::PrepReraiseStar => {
                    self.sp = sp;
                    let rest = self.pop();
                    let list = self.pop();
                    let orig = self.top();
                    save_ip!();
                    let r = tryv!(self.prep_reraise_star(orig, list, rest));
                    self.push(r);
                }
                Instr::BeforeWith | Instr::BeforeAsyncWith => {
                    self.sp = sp;
                    let ctx = self.pop();
                    save_ip!();
                    let (enter, exit) = if matches!(instr, Instr::BeforeWith) { ("__enter__", "__exit__") } else { ("__aenter__", "__aexit__") };
                    let ty = self.type_of(ctx);
                    let en = self.intern(enter);
                    let ex = self.intern(exit);
                    let (Some(ef), Some(xf)) = (self.lookup(ty, en), self.lookup(ty, ex)) else {
                        let tn = self.type_name(ty);
                        let what = if matches!(instr, Instr::BeforeWith) { "context manager" } else { "asynchronous context manager" };
                        let missing = if self.lookup(ty, en).is_none() { "" } else { " (missed __exit__ method)" };
                        let msg = if missing.is_empty() {
                            format!("'{tn}' object does not support the {what} protocol")
                        } else {
                            format!("'{tn}' object does not support the {what} protocol{missing}")
                        };
                        return Err((self.type_error(&msg), false));
                    };
                    let exit_bound = tryv!(self.bind_descr(xf, ctx, ty));
                    self.push(exit_bound);
                    let r = tryv!(self.call(ef, &[ctx]));
                    self.push(r);
                }
                Instr::WithExceptStart => {
                    self.sp = sp;
                    let exc = self.top();
                    let exit = self.peek(3);
                    save_ip!();
                    let ety = self.type_of(exc);
                    let tb = exc.get::<ExceptionObj>().map(|x| x.traceback.get()).unwrap_or(Value::NULL);
                    let tb = if tb.is_null() { self.none } else { tb };
                    let r = tryv!(self.call(exit, &[ety, exc, tb]));
                    self.push(r);
                }
                Instr::ImportName(i) => {
                    self.sp = sp;
                    let name = code.names[i as usize];
                    let fromlist = self.pop();
                    let level = self.pop();
                    save_ip!();
                    let globals = self.frames[self.frames.len() - 1].globals;
                    let m = tryv!(crate::modules::import::import_name(self, name, globals, fromlist, level));
                    self.push(m);
                }
                Instr::ImportFrom(i) => {
                    self.sp = sp;
                    let name = code.names[i as usize];
                    let m = self.top();
                    save_ip!();
                    let v = tryv!(crate::modules::import::import_from(self, m, name));
                    self.push(v);
                }
                Instr::ImportStar => {
                    self.sp = sp;
                    let m = self.pop();
                    save_ip!();
                    let f = &self.frames[self.frames.len() - 1];
                    let ns = if f.locals.is_null() { f.globals } else { f.locals };
                    tryv!(crate::modules::import::import_star(self, m, ns));
                }
                Instr::UnpackSequence(n) => {
                    if self.fast_step(instr, code, base, &mut ip, &mut sp) {
                        continue 'next;
                    }
                    self.sp = sp;
                    let seq = self.pop();
                    let n = n as usize;
                    // (tuples and lists of the right length were `fast_step`'s)
                    save_ip!();
                    let items = tryv!(self.unpack(seq, n, None));
                    for v in items.into_iter().rev() {
                        self.push(v);
                    }
                }
                Instr::UnpackEx(arg) => {
                    self.sp = sp;
                    let seq = self.pop();
                    let before = (arg & 0xff) as usize;
                    let after = (arg >> 8) as usize;
                    save_ip!();
                    let items = tryv!(self.unpack(seq, before, Some(after)));
                    for v in items.into_iter().rev() {
                        self.push(v);
                    }
                }
                Instr::LoadBuildClass => {
                    self.sp = sp;
                    let b = self.builtins_dict;
                    let n = self.intern_static("__build_class__");
                    match self.dict_get_str(b, n) {
                        Some(v) => self.push(v),
                        None => {
                            save_ip!();
                            let t = self.types.name_error;
                            return Err((self.err(t, "__build_class__ not found"), false));
                        }
                    }
                }
                Instr::SetupAnnotations => {
                    self.sp = sp;
                    let f = &self.frames[self.frames.len() - 1];
                    let ns = if f.locals.is_null() { f.globals } else { f.locals };
                    let n = self.intern_static("__annotations__");
                    save_ip!();
                    tryv!(self.setup_annotations(ns, n));
                }
                Instr::LoadAssertionError => {
                    self.sp = sp;
                    let t = self.types.assertion_error;
                    self.push(t);
                }
                Instr::MatchClass(npos) => {
                    self.sp = sp;
                    let names = self.pop();
                    let cls = self.pop();
                    let subject = self.pop();
                    save_ip!();
                    let r = tryv!(crate::builtins::pattern::match_class(self, subject, cls, names, npos as usize));
                    self.push(r);
                }
                Instr::MatchMapping => {
                    self.sp = sp;
                    let s = self.top();
                    let r = crate::builtins::pattern::is_mapping(self, s);
                    self.push(self.bool_val(r));
                }
                Instr::MatchSequence => {
                    self.sp = sp;
                    let s = self.top();
                    let r = crate::builtins::pattern::is_sequence(self, s);
                    self.push(self.bool_val(r));
                }
                Instr::MatchKeys => {
                    self.sp = sp;
                    let keys = self.top();
                    let subject = self.peek(2);
                    save_ip!();
                    let r = tryv!(crate::builtins::pattern::match_keys(self, subject, keys));
                    self.push(r);
                }
                Instr::GetLen => {
                    self.sp = sp;
                    let v = self.top();
                    save_ip!();
                    let n = tryv!(self.len(v));
                    let nv = self.new_int(n as i64);
                    self.push(nv);
                }
                Instr::PrintExpr => {
                    self.sp = sp;
                    let v = self.pop();
                    save_ip!();
                    tryv!(self.display_hook(v));
                }
                Instr::PushNull => {
                    self.stack[sp] = Value::NULL;
                    sp += 1;
                    continue 'next;
                }
            }
            break 'dispatch;
            }
            sp = self.sp;
        }
        }
    }
}