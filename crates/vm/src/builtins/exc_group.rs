//! BaseExceptionGroup and ExceptionGroup: construction, split/subgroup/derive, and the
//! matching and re-raising behind except*.

use crate::heap::{ObjKind, Value};
use crate::interp::{PyResult, Vm};
use crate::objects::*;

use super::method;

/// What split() and subgroup() match with.
#[derive(Clone, Copy)]
enum Matcher<'a> {
    /// An exception class or a tuple of them.
    Type(Value),
    /// A predicate called with each exception.
    Predicate(Value),
    /// These leaf exceptions (by identity), for except*'s projections.
    Leaves(&'a [Value]),
}

impl Vm {
    /// The (message, exceptions) an exception group was created with.
    fn eg_parts(&mut self, eg: Value) -> (Value, Vec<Value>) {
        let g = eg.get::<ExceptionObj>().map(|e| e.group.get()).unwrap_or(Value::NULL);
        match g.get::<TupleObj>() {
            Some(t) if t.items.len() == 2 => {
                let excs = t.items[1].get::<TupleObj>().map(|x| x.items.to_vec()).unwrap_or_default();
                (t.items[0], excs)
            }
            _ => (self.empty_str, Vec::new()),
        }
    }

    pub fn eg_exceptions(&mut self, eg: Value) -> Vec<Value> {
        self.eg_parts(eg).1
    }

    /// `BaseExceptionGroup(message, excs)`, which is an ExceptionGroup when every exception is
    /// an Exception.
    fn new_group(&mut self, msg: Value, excs: Value) -> PyResult<Value> {
        let t = self.types.base_exception_group;
        self.call(t, &[msg, excs])
    }

    fn matcher(&mut self, v: Value) -> PyResult<Matcher<'static>> {
        let is_exc_class = |vm: &mut Vm, t: Value| vm.is_type(t) && vm.is_subtype(t, vm.types.base_exception);
        if is_exc_class(self, v) {
            return Ok(Matcher::Type(v));
        }
        if let Some(t) = v.get::<TupleObj>() {
            let items = t.items.to_vec();
            if items.iter().all(|x| is_exc_class(self, *x)) {
                return Ok(Matcher::Type(v));
            }
        } else if self.is_callable(v) {
            return Ok(Matcher::Predicate(v));
        }
        Err(self.type_error("expected a function, exception type or tuple of exception types"))
    }

    fn group_matches(&mut self, exc: Value, m: Matcher<'_>) -> PyResult<bool> {
        match m {
            Matcher::Type(t) => self.exception_matches(exc, t),
            Matcher::Predicate(f) => {
                let r = self.call(f, &[exc])?;
                self.truthy(r)
            }
            Matcher::Leaves(ids) => Ok(!self.isinstance(exc, self.types.base_exception_group) && ids.contains(&exc)),
        }
    }

    /// CPython's exceptiongroup_split_recursive: (matching part, rest), None when empty.
    fn eg_split(&mut self, exc: Value, m: Matcher<'_>, with_rest: bool) -> PyResult<(Value, Value)> {
        let none = self.none;
        if self.group_matches(exc, m)? {
            return Ok((exc, none));
        }
        if !self.isinstance(exc, self.types.base_exception_group) {
            return Ok((none, if with_rest { exc } else { none }));
        }
        let excs = self.eg_exceptions(exc);
        let mut matched = Vec::new();
        let mut rest = Vec::new();
        for e in excs {
            let (mm, rr) = self.eg_split(e, m, with_rest)?;
            if mm != none {
                matched.push(mm);
            }
            if rr != none {
                rest.push(rr);
            }
        }
        let mm = self.eg_subset(exc, matched)?;
        let rr = if with_rest { self.eg_subset(exc, rest)? } else { none };
        Ok((mm, rr))
    }

    /// A group like `orig` (through its derive()) holding `excs`, with orig's traceback,
    /// cause, context and a copy of its notes; None when `excs` is empty.
    fn eg_subset(&mut self, orig: Value, excs: Vec<Value>) -> PyResult<Value> {
        if excs.is_empty() {
            return Ok(self.none);
        }
        let l = self.new_list(excs);
        let eg = self.call_method_str(orig, "derive", &[l])?;
        if !self.isinstance(eg, self.types.base_exception_group) {
            return Err(self.type_error("derive must return an instance of BaseExceptionGroup"));
        }
        if let (Some(ex), Some(ox)) = (eg.get::<ExceptionObj>(), orig.get::<ExceptionObj>()) {
            ex.traceback.set(ox.traceback.get());
            ex.context.set(ox.context.get());
            ex.cause.set(ox.cause.get());
        }
        let nk = self.intern("__notes__");
        if let Some(notes) = self.getattr_opt(orig, nk)? {
            if matches!(notes.kind(), Some(ObjKind::List | ObjKind::Tuple)) {
                let (_h, items) = self.to_vec(notes)?;
                let copy = self.new_list(items);
                self.setattr(eg, nk, copy)?;
            }
        }
        Ok(eg)
    }

    /// rest, match of `except* ty` on the exception being handled.
    pub fn exception_group_match(&mut self, exc: Value, ty: Value) -> PyResult<(Value, Value)> {
        let valid = |vm: &mut Vm, t: Value| vm.is_type(t) && vm.is_subtype(t, vm.types.base_exception);
        let items = match ty.get::<TupleObj>() {
            Some(t) => t.items.to_vec(),
            None => vec![ty],
        };
        for t in items {
            if !valid(self, t) {
                return Err(self.type_error("catching classes that do not inherit from BaseException is not allowed"));
            }
            if self.is_subtype(t, self.types.base_exception_group) {
                return Err(self.type_error("catching ExceptionGroup with except* is not allowed. Use except instead."));
            }
        }
        if exc == self.none {
            return Ok((self.none, self.none));
        }
        if self.exception_matches(exc, ty)? {
            if self.isinstance(exc, self.types.base_exception_group) {
                return Ok((self.none, exc));
            }
            // a naked exception is wrapped
            let items = self.new_tuple(vec![exc]);
            let msg = self.empty_str;
            let g = self.new_group(msg, items)?;
            if let (Some(gx), Some(ex)) = (g.get::<ExceptionObj>(), exc.get::<ExceptionObj>()) {
                gx.traceback.set(ex.traceback.get());
            }
            return Ok((self.none, g));
        }
        if self.isinstance(exc, self.types.base_exception_group) {
            let pair = self.call_method_str(exc, "split", &[ty])?;
            let (_h, parts) = self.to_vec(pair)?;
            if parts.len() != 2 {
                return Err(self.type_error("split must return a 2-tuple"));
            }
            return Ok((parts[1], parts[0]));
        }
        Ok((exc, self.none))
    }

    /// What an except* statement re-raises (CPython's _PyExc_PrepReraiseStar): exceptions
    /// raised in handlers, then what is left of the original group (the unhandled rest and
    /// bare re-raises, in the original's nesting); None when nothing is left.
    pub fn prep_reraise_star(&mut self, orig: Value, list: Value, rest: Value) -> PyResult<Value> {
        let mut excs: Vec<Value> = list.get::<ListObj>().map(|l| l.snapshot()).unwrap_or_default();
        excs.push(rest);
        excs.retain(|v| *v != self.none);
        if excs.is_empty() {
            return Ok(self.none);
        }
        if !self.isinstance(orig, self.types.base_exception_group) {
            // a naked exception was wrapped: only one handler ran
            return Ok(excs[0]);
        }
        let meta = |e: Value| e.get::<ExceptionObj>().map(|x| (x.traceback.get(), x.cause.get(), x.context.get()));
        let orig_meta = meta(orig);
        let (reraised, mut raised): (Vec<Value>, Vec<Value>) = excs.into_iter().partition(|e| meta(*e) == orig_meta);
        let mut leaves = Vec::new();
        for e in &reraised {
            self.eg_leaves(*e, &mut leaves);
        }
        let reraised_eg = if leaves.is_empty() { self.none } else { self.eg_split(orig, Matcher::Leaves(&leaves), false)?.0 };
        if raised.is_empty() {
            return Ok(reraised_eg);
        }
        if reraised_eg != self.none {
            raised.push(reraised_eg);
        }
        if raised.len() == 1 {
            return Ok(raised[0]);
        }
        let msg = self.empty_str;
        let l = self.new_list(raised);
        self.new_group(msg, l)
    }

    fn eg_leaves(&mut self, e: Value, out: &mut Vec<Value>) {
        if self.isinstance(e, self.types.base_exception_group) {
            for x in self.eg_exceptions(e) {
                self.eg_leaves(x, out);
            }
        } else {
            out.push(e);
        }
    }

    fn is_callable(&mut self, v: Value) -> bool {
        match v.kind() {
            Some(ObjKind::Function) | Some(ObjKind::Builtin) | Some(ObjKind::Method) | Some(ObjKind::Type) => true,
            _ => {
                let ty = self.type_of(v);
                let n = self.intern("__call__");
                self.lookup(ty, n).is_some()
            }
        }
    }
}

/// A sequence in the sense of PySequence_Check: not a mapping, has __getitem__.
fn is_sequence(vm: &mut Vm, v: Value) -> bool {
    match v.kind() {
        Some(ObjKind::List | ObjKind::Tuple | ObjKind::Str | ObjKind::Bytes | ObjKind::ByteArray | ObjKind::Range) => true,
        Some(ObjKind::Dict) => false,
        _ => {
            let ty = vm.type_of(v);
            if vm.is_subtype(ty, vm.types.dict) {
                return false;
            }
            let n = vm.intern("__getitem__");
            vm.lookup(ty, n).is_some()
        }
    }
}

fn eg_new(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    if args.len() != 3 {
        return Err(vm.type_error(&format!("BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)", args.len().saturating_sub(1))));
    }
    let (cls, msg, excs) = (args[0], args[1], args[2]);
    if msg.kind() != Some(ObjKind::Str) {
        let tn = vm.type_name_of(msg);
        return Err(vm.type_error(&format!("BaseExceptionGroup.__new__() argument 1 must be str, not {tn}")));
    }
    if !is_sequence(vm, excs) {
        return Err(vm.type_error("second argument (exceptions) must be a sequence"));
    }
    let (_h, items) = vm.to_vec(excs)?;
    if items.is_empty() {
        return Err(vm.value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let mut nested_base = false;
    for (i, e) in items.iter().enumerate() {
        if !vm.isinstance(*e, vm.types.base_exception) {
            return Err(vm.value_error(&format!("Item {i} of second argument (exceptions) is not an exception")));
        }
        if !vm.isinstance(*e, vm.types.exception) {
            nested_base = true;
        }
    }
    let mut cls = cls;
    if cls == vm.types.exception_group {
        if nested_base {
            return Err(vm.type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
        }
    } else if cls == vm.types.base_exception_group {
        if !nested_base {
            cls = vm.types.exception_group;
        }
    } else if nested_base && vm.is_subtype(cls, vm.types.exception) {
        let name = vm.type_name(cls);
        return Err(vm.type_error(&format!("Cannot nest BaseExceptions in '{name}'")));
    }
    let t = if vm.type_of(excs) == vm.types.tuple { excs } else { vm.new_tuple(items) };
    let parts = vm.new_tuple(vec![msg, t]);
    let a = vm.new_tuple(vec![msg, excs]);
    let e = vm.new_exc_args(cls, a);
    if let Some(x) = e.get::<ExceptionObj>() {
        x.group.set(parts);
    }
    Ok(e)
}

/// str() of a group: "message (N sub-exceptions)".
pub(crate) fn eg_text(vm: &mut Vm, e: Value) -> String {
    let (msg, excs) = vm.eg_parts(e);
    let msg = vm.str_of(msg);
    let n = excs.len();
    format!("{msg} ({n} sub-exception{})", if n == 1 { "" } else { "s" })
}

fn eg_str(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let s = eg_text(vm, args[0]);
    Ok(vm.new_string(s))
}

fn eg_exceptions_get(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let g = args[0].get::<ExceptionObj>().map(|e| e.group.get()).unwrap_or(Value::NULL);
    Ok(g.get::<TupleObj>().and_then(|t| t.items.get(1).copied()).unwrap_or(vm.empty_tuple))
}

fn eg_message_get(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    Ok(vm.eg_parts(args[0]).0)
}

fn eg_derive(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let excs = super::arg(vm, args, 1, "derive")?;
    let msg = vm.eg_parts(args[0]).0;
    vm.new_group(msg, excs)
}

fn eg_split_m(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let m = super::arg(vm, args, 1, "split")?;
    let m = vm.matcher(m)?;
    let (mm, rr) = vm.eg_split(args[0], m, true)?;
    Ok(vm.new_tuple(vec![mm, rr]))
}

fn eg_subgroup(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let m = super::arg(vm, args, 1, "subgroup")?;
    let m = vm.matcher(m)?;
    Ok(vm.eg_split(args[0], m, false)?.0)
}

pub fn register(vm: &mut Vm) {
    let beg = vm.types.base_exception_group;
    super::static_method(vm, beg, "__new__", eg_new);
    method(vm, beg, "__init__", |vm, _a, _k| Ok(vm.none));
    method(vm, beg, "__str__", eg_str);
    method(vm, beg, "split", eg_split_m);
    method(vm, beg, "subgroup", eg_subgroup);
    method(vm, beg, "derive", eg_derive);
    super::getset(vm, beg, "exceptions", eg_exceptions_get, None);
    super::getset(vm, beg, "message", eg_message_get, None);
}
