//! The object protocols: truth, hashing, equality and ordering, arithmetic dispatch with
//! reflected operands, repr/str, length, items, containment and iteration.

use pyjit_compiler::opcode::{BinOp, CmpOp};

use crate::builtins::hash;
use crate::heap::{ObjKind, Value};
use crate::objects::*;

use super::{PyResult, Vm};

impl Vm {
    pub fn truthy(&mut self, v: Value) -> PyResult<bool> {
        if v.is_small() {
            return Ok(v.small_value() != 0);
        }
        if v == self.true_ {
            return Ok(true);
        }
        if v == self.false_ || v == self.none {
            return Ok(false);
        }
        if v == self.not_implemented {
            let dw = self.types.deprecation_warning;
            crate::modules::warnings::warn(self, dw, "NotImplemented should not be used in a boolean context", 1)?;
            return Ok(true);
        }
        let ty = self.type_of(v);
        let heap = ty.get::<TypeObj>().map(|t| t.has_flag(type_flags::HEAPTYPE)).unwrap_or(false);
        if !heap {
            match v.kind() {
                Some(ObjKind::BigInt) => return Ok(true),
                Some(ObjKind::Float) => return Ok(v.get::<FloatObj>().map(|f| f.0 != 0.0).unwrap_or(true)),
                Some(ObjKind::Complex) => return Ok(v.get::<ComplexObj>().map(|c| c.re != 0.0 || c.im != 0.0).unwrap_or(true)),
                Some(ObjKind::Str) => return Ok(v.get::<StrObj>().map(|s| !s.s.is_empty()).unwrap_or(true)),
                Some(ObjKind::List) => return Ok(v.get::<ListObj>().map(|l| !l.is_empty()).unwrap_or(true)),
                Some(ObjKind::Tuple) => return Ok(v.get::<TupleObj>().map(|t| !t.items.is_empty()).unwrap_or(true)),
                Some(ObjKind::Dict) => return Ok(v.get::<DictObj>().map(|d| !d.is_empty()).unwrap_or(true)),
                Some(ObjKind::Set) => return Ok(v.get::<SetObj>().map(|s| !s.is_empty()).unwrap_or(true)),
                Some(ObjKind::Bytes) => return Ok(v.get::<BytesObj>().map(|b| !b.data.is_empty()).unwrap_or(true)),
                Some(ObjKind::Function) | Some(ObjKind::Type) | Some(ObjKind::Module) | Some(ObjKind::Builtin) => return Ok(true),
                Some(ObjKind::Native) => {
                    if let Some(n) = v.get::<NativeObj>().and_then(|o| o.len()) {
                        return Ok(n != 0);
                    }
                }
                _ => {}
            }
        }
        let b = self.intern_static("__bool__");
        if let Some(f) = self.lookup(ty, b) {
            let r = self.call(f, &[v])?;
            if r == self.true_ {
                return Ok(true);
            }
            if r == self.false_ {
                return Ok(false);
            }
            let tn = self.type_name_of(r);
            return Err(self.type_error(&format!("__bool__ should return bool, returned {tn}")));
        }
        let l = self.intern_static("__len__");
        if self.lookup(ty, l).is_some() {
            return Ok(self.len(v)? != 0);
        }
        Ok(true)
    }

    pub fn str_hash(&mut self, s: Value) -> i64 {
        match s.get::<StrObj>() {
            Some(so) => {
                let h = so.hash.get();
                if h != -1 {
                    return h;
                }
                let h = match so.wide() {
                    Some(w) => hash::cps_hash(self.hash_key, &w),
                    None => hash::str_hash(self.hash_key, &so.s),
                };
                so.hash.set(h);
                h
            }
            None => 0,
        }
    }

    pub fn hash(&mut self, v: Value) -> PyResult<i64> {
        if v.is_small() {
            return Ok(hash::int_hash(v.small_value()));
        }
        let ty = self.type_of(v);
        let heap = ty.get::<TypeObj>().map(|t| t.has_flag(type_flags::HEAPTYPE)).unwrap_or(false);
        if !heap {
            match v.kind() {
                Some(ObjKind::Str) => return Ok(self.str_hash(v)),
                Some(ObjKind::BigInt) => return Ok(v.get::<IntObj>().map(|i| hash::bigint_hash(&i.0)).unwrap_or(0)),
                Some(ObjKind::Bool) => return Ok(v.get::<BoolObj>().map(|b| b.0 as i64).unwrap_or(0)),
                Some(ObjKind::Float) => {
                    let f = v.get::<FloatObj>().map(|f| f.0).unwrap_or(0.0);
                    if f.is_nan() {
                        return Ok((v.raw() >> 4) as i64);
                    }
                    return Ok(hash::float_hash(f));
                }
                Some(ObjKind::Complex) => {
                    let c = v.get::<ComplexObj>().map(|c| (c.re, c.im)).unwrap_or((0.0, 0.0));
                    let h = hash::float_hash(c.0).wrapping_add(hash::float_hash(c.1).wrapping_mul(1000003));
                    return Ok(if h == -1 { -2 } else { h });
                }
                Some(ObjKind::Bytes) => {
                    let b = v.get::<BytesObj>().expect("kind checked");
                    let h = b.hash.get();
                    if h != -1 {
                        return Ok(h);
                    }
                    let h = hash::bytes_hash(self.hash_key, &b.data);
                    b.hash.set(h);
                    return Ok(h);
                }
                Some(ObjKind::Tuple) => {
                    let items = v.get::<TupleObj>().map(|t| t.items.to_vec()).unwrap_or_default();
                    self.enter_native()?;
                    let mut hs = Vec::with_capacity(items.len());
                    for it in items {
                        match self.hash(it) {
                            Ok(h) => hs.push(h),
                            Err(e) => {
                                self.leave_native();
                                return Err(e);
                            }
                        }
                    }
                    self.leave_native();
                    return Ok(hash::tuple_hash(&hs));
                }
                Some(ObjKind::Set) if ty == self.types.frozenset => {
                    return Ok(self.frozenset_hash(v));
                }
                Some(ObjKind::List) | Some(ObjKind::Dict) | Some(ObjKind::Set) | Some(ObjKind::ByteArray) => {
                    let tn = self.type_name(ty);
                    return Err(self.type_error(&format!("unhashable type: '{tn}'")));
                }
                _ => {}
            }
        }
        let hname = self.intern_static("__hash__");
        match self.lookup(ty, hname) {
            Some(f) if f == self.none => {
                let tn = self.type_name(ty);
                Err(self.type_error(&format!("unhashable type: '{tn}'")))
            }
            Some(f) if Some(f) != self.object_hash_fn() => {
                let r = self.call(f, &[v])?;
                if !self.is_int(r) {
                    return Err(self.type_error("__hash__ method should return an integer"));
                }
                // a result that fits in a machine word is used as is, others are hashed
                match self.as_i64(r) {
                    Some(-1) => Ok(-2),
                    Some(h) => Ok(h),
                    None => Ok(self.as_bigint(r).map(|b| hash::bigint_hash(&b)).unwrap_or(0)),
                }
            }
            _ => Ok(((v.raw() >> 4) as i64).rotate_right(0)),
        }
    }

    fn object_hash_fn(&mut self) -> Option<Value> {
        let n = self.intern_static("__hash__");
        let d = self.types.object.get::<TypeObj>().map(|t| t.dict)?;
        self.dict_get_str(d, n)
    }

    pub fn frozenset_hash(&mut self, v: Value) -> i64 {
        // CPython's frozenset hash: shuffle-xor of element hashes.
        let entries: Vec<i64> = v.get::<SetObj>().map(|s| s.table.borrow().iter().map(|e| e.hash).collect()).unwrap_or_default();
        let mut hsh: u64 = 0;
        for h in &entries {
            let h = *h as u64;
            hsh ^= ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167);
        }
        hsh ^= (entries.len() as u64 + 1).wrapping_mul(1927868237);
        hsh ^= (hsh >> 11) ^ (hsh >> 25);
        hsh = hsh.wrapping_mul(69069).wrapping_add(907133923);
        let h = hsh as i64;
        if h == -1 {
            590923713
        } else {
            h
        }
    }

    pub fn eq(&mut self, a: Value, b: Value) -> PyResult<bool> {
        if a == b {
            // identity implies equality (PyObject_RichCompareBool), even for a NaN
            return Ok(true);
        }
        if let Some(r) = super::dictops::fast_eq(a, b) {
            return Ok(r);
        }
        let r = self.rich_compare(a, b, CmpOp::Eq)?;
        self.truthy(r)
    }

    /// a op b, returning the result object (as `==` and `<` do).
    pub fn rich_compare(&mut self, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
        if a.is_small() && b.is_small() {
            let (x, y) = (a.small_value(), b.small_value());
            return Ok(self.bool_val(cmp_ord(x.cmp(&y), op)));
        }
        self.enter_native_at(" in comparison")?;
        let r = self.rich_compare_slow(a, b, op);
        self.leave_native();
        r
    }

    fn rich_compare_slow(&mut self, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        // native library subclasses of dict (collections.OrderedDict) compare by their own
        // methods, like classes written in Python
        let a_heap = ta.get::<TypeObj>().map(|t| t.has_flag(type_flags::HEAPTYPE)).unwrap_or(false)
            || (a.kind() == Some(ObjKind::Dict) && ta != self.types.dict);
        let b_heap = tb.get::<TypeObj>().map(|t| t.has_flag(type_flags::HEAPTYPE)).unwrap_or(false)
            || (b.kind() == Some(ObjKind::Dict) && tb != self.types.dict);
        if !a_heap && !b_heap {
            if let Some(r) = crate::builtins::compare::native_compare(self, a, b, op)? {
                return Ok(r);
            }
        }
        let (name, rname) = op.dunders();
        let n = self.intern_static(name);
        let rn = self.intern_static(rname);
        // A subclass's reflected method goes first.
        let reflected_first = ta != tb && self.is_subtype(tb, ta) && self.lookup(tb, rn).is_some();
        if reflected_first {
            if let Some(f) = self.lookup(tb, rn) {
                let r = self.call_dunder(f, b, a)?;
                if r != self.not_implemented {
                    return Ok(r);
                }
            }
        }
        if let Some(f) = self.lookup(ta, n) {
            let r = self.call_dunder(f, a, b)?;
            if r != self.not_implemented {
                return Ok(r);
            }
        }
        if !reflected_first {
            if let Some(f) = self.lookup(tb, rn) {
                let r = self.call_dunder(f, b, a)?;
                if r != self.not_implemented {
                    return Ok(r);
                }
            }
        }
        match op {
            CmpOp::Eq => Ok(self.bool_val(a == b)),
            CmpOp::Ne => Ok(self.bool_val(a != b)),
            _ => {
                let (an, bn) = (self.type_name(ta), self.type_name(tb));
                Err(self.type_error(&format!("'{}' not supported between instances of '{an}' and '{bn}'", op.symbol())))
            }
        }
    }

    /// Calls a binary dunder found on a class; builtin natives answer NotImplemented for
    /// operands they do not handle.
    pub fn call_dunder(&mut self, f: Value, a: Value, b: Value) -> PyResult<Value> {
        self.call(f, &[a, b])
    }

    pub fn compare_bool(&mut self, a: Value, b: Value, op: CmpOp) -> PyResult<bool> {
        if a.is_small() && b.is_small() {
            return Ok(cmp_ord(a.small_value().cmp(&b.small_value()), op));
        }
        // exact floats, or an exact float and a small int that a double holds exactly (a
        // subclass may compare its own way): NaN is unordered
        if let Some((x, y)) = self.exact_float_pair(a, b) {
            return Ok(match x.partial_cmp(&y) {
                Some(o) => cmp_ord(o, op),
                None => op == CmpOp::Ne,
            });
        }
        let r = self.rich_compare(a, b, op)?;
        self.truthy(r)
    }

    /// The two doubles `a` and `b` compare as, when each is an exact float or a small int
    /// of at most 53 bits (converted without rounding) and at least one is a float.
    #[inline]
    fn exact_float_pair(&self, a: Value, b: Value) -> Option<(f64, f64)> {
        const EXACT: i64 = 1 << 53;
        let ft = self.types.float;
        let as_f64 = |v: Value| -> Option<(f64, bool)> {
            if v.is_small() {
                let i = v.small_value();
                return (-EXACT..=EXACT).contains(&i).then_some((i as f64, false));
            }
            let f = v.get::<FloatObj>()?;
            (self.type_of(v) == ft).then_some((f.0, true))
        };
        let ((x, xf), (y, yf)) = (as_f64(a)?, as_f64(b)?);
        (xf || yf).then_some((x, y))
    }

    /// a op b for the arithmetic operators (`inplace` tries `__iop__` first).
    pub fn binary_op(&mut self, a: Value, b: Value, op: BinOp, inplace: bool) -> PyResult<Value> {
        // ints have no `@`: that one goes through the protocol, which raises the TypeError
        if a.is_small() && b.is_small() && !matches!(op, BinOp::MatMul) {
            return self.small_op(a.small_value(), b.small_value(), op);
        }
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        // native library subclasses of dict (collections.defaultdict) define their own
        // operators, like classes written in Python
        let a_heap = ta.get::<TypeObj>().map(|t| t.has_flag(type_flags::HEAPTYPE)).unwrap_or(false)
            || (a.kind() == Some(ObjKind::Dict) && ta != self.types.dict);
        let b_heap = tb.get::<TypeObj>().map(|t| t.has_flag(type_flags::HEAPTYPE)).unwrap_or(false)
            || (b.kind() == Some(ObjKind::Dict) && tb != self.types.dict);
        if !a_heap && !b_heap {
            if let Some(r) = self.native_binop(a, b, op, inplace)? {
                return Ok(r);
            }
        }
        let (fname, rname, iname) = op.dunders();
        if inplace {
            let i = self.intern_static(iname);
            if let Some(f) = self.lookup(ta, i) {
                if f != self.none {
                    let r = self.call_dunder(f, a, b)?;
                    if r != self.not_implemented {
                        return Ok(r);
                    }
                }
            }
        }
        let fnm = self.intern_static(fname);
        let rnm = self.intern_static(rname);
        let fa = self.lookup(ta, fnm);
        let fb = if ta != tb { self.lookup(tb, rnm) } else { None };
        // the right operand's class goes first when it is a subclass that overrides the
        // reflected method (CPython's method_is_overloaded)
        let sub_first = fb.is_some() && ta != tb && self.is_subtype(tb, ta) && self.lookup(ta, rnm) != fb;
        if sub_first {
            if let Some(f) = fb {
                let r = self.call_dunder(f, b, a)?;
                if r != self.not_implemented {
                    return Ok(r);
                }
            }
        }
        if let Some(f) = fa {
            let r = self.call_dunder(f, a, b)?;
            if r != self.not_implemented {
                return Ok(r);
            }
        }
        if !sub_first {
            if let Some(f) = fb {
                let r = self.call_dunder(f, b, a)?;
                if r != self.not_implemented {
                    return Ok(r);
                }
            }
        }
        self.binary_op_tail(a, b, op, inplace, a_heap || b_heap)
    }

    /// The end of `binary_op` once every special method declined (NotImplemented): the
    /// builtin operation of a builtin base class, else CPython's TypeError.
    pub(super) fn binary_op_tail(&mut self, a: Value, b: Value, op: BinOp, inplace: bool, heap: bool) -> PyResult<Value> {
        let (ta, tb) = (self.type_of(a), self.type_of(b));
        if heap {
            if let Some(r) = self.native_binop(a, b, op, inplace)? {
                return Ok(r);
            }
        }
        let (an, bn) = (self.type_name(ta), self.type_name(tb));
        let sym = op.symbol();
        let sym = if inplace { format!("{}=", sym.split(' ').next().unwrap_or(sym)) } else { sym.to_string() };
        if op == BinOp::Add && ta == self.types.str {
            return Err(self.type_error(&format!("can only concatenate str (not \"{bn}\") to str")));
        }
        if op == BinOp::Add && matches!(a.kind(), Some(ObjKind::Bytes) | Some(ObjKind::ByteArray)) {
            return Err(self.type_error(&format!("can't concat {bn} to {an}")));
        }
        if op == BinOp::Add && (ta == self.types.list || ta == self.types.tuple) && !inplace {
            return Err(self.type_error(&format!("can only concatenate {an} (not \"{bn}\") to {an}")));
        }
        if op == BinOp::Mul {
            let is_seq = |k: Option<ObjKind>| matches!(k, Some(ObjKind::Str) | Some(ObjKind::List) | Some(ObjKind::Tuple) | Some(ObjKind::Bytes) | Some(ObjKind::ByteArray));
            // sequence repetition by an object with __index__
            if is_seq(a.kind()) && !self.is_int(b) {
                if let Some(n) = self.index_opt(b)? {
                    if let Some(r) = crate::builtins::seqops::seq_binop(self, a, n, op, inplace)? {
                        return Ok(r);
                    }
                }
            } else if is_seq(b.kind()) && !self.is_int(a) {
                if let Some(n) = self.index_opt(a)? {
                    if let Some(r) = crate::builtins::seqops::seq_binop(self, n, b, op, inplace)? {
                        return Ok(r);
                    }
                }
            }
            if is_seq(a.kind()) && !self.is_int(b) {
                return Err(self.type_error(&format!("can't multiply sequence by non-int of type '{bn}'")));
            }
            if is_seq(b.kind()) && !self.is_int(a) {
                return Err(self.type_error(&format!("can't multiply sequence by non-int of type '{an}'")));
            }
        }
        if op == BinOp::Pow && !inplace {
            return Err(self.type_error(&format!("unsupported operand type(s) for ** or pow(): '{an}' and '{bn}'")));
        }
        Err(self.type_error(&format!("unsupported operand type(s) for {sym}: '{an}' and '{bn}'")))
    }

    /// Operators of the builtin types on each other (None: not supported natively).
    pub fn native_binop(&mut self, a: Value, b: Value, op: BinOp, inplace: bool) -> PyResult<Option<Value>> {
        if let Some(r) = self.num_binop(a, b, op)? {
            if r != self.not_implemented {
                return Ok(Some(r));
            }
        }
        crate::builtins::seqops::seq_binop(self, a, b, op, inplace)
    }

    pub fn unary_op(&mut self, v: Value, which: &str) -> PyResult<Value> {
        if let Some(n) = self.as_num(v) {
            use crate::builtins::num::Num;
            let ty = self.type_of(v);
            let heap = ty.get::<TypeObj>().map(|t| t.has_flag(type_flags::HEAPTYPE)).unwrap_or(false);
            if !heap {
                return match (which, n) {
                    ("__neg__", Num::Small(i)) => Ok(match i.checked_neg() { Some(x) => self.new_int(x), None => self.new_bigint(-num_bigint::BigInt::from(i)) }),
                    ("__neg__", Num::Int(b)) => Ok(self.new_bigint(-b)),
                    ("__neg__", Num::Float(f)) => Ok(self.new_float(-f)),
                    ("__neg__", Num::Complex(r, i)) => Ok(self.new_complex(-r, -i)),
                    ("__pos__", Num::Small(i)) => Ok(self.new_int(i)),
                    ("__pos__", Num::Int(b)) => Ok(self.new_bigint(b)),
                    ("__pos__", Num::Float(f)) => Ok(self.new_float(f)),
                    ("__pos__", Num::Complex(r, i)) => Ok(self.new_complex(r, i)),
                    ("__invert__", Num::Small(i)) => Ok(self.new_int(!i)),
                    ("__invert__", Num::Int(b)) => Ok(self.new_bigint(!b)),
                    _ => {
                        let tn = self.type_name(ty);
                        let sym = match which {
                            "__neg__" => "unary -",
                            "__pos__" => "unary +",
                            _ => "unary ~",
                        };
                        Err(self.type_error(&format!("bad operand type for {sym}: '{tn}'")))
                    }
                };
            }
        }
        let ty = self.type_of(v);
        let n = self.intern(which);
        if let Some(f) = self.lookup(ty, n) {
            return self.call(f, &[v]);
        }
        let tn = self.type_name(ty);
        let sym = match which {
            "__neg__" => "unary -",
            "__pos__" => "unary +",
            _ => "unary ~",
        };
        Err(self.type_error(&format!("bad operand type for {sym}: '{tn}'")))
    }

    /// The text of a str object (empty for non-str).
    pub fn str_of(&self, v: Value) -> String {
        v.get::<StrObj>().map(|s| s.s.to_string()).unwrap_or_default()
    }

    pub fn repr(&mut self, v: Value) -> PyResult<String> {
        let r = self.repr_value(v)?;
        Ok(self.str_of(r))
    }

    /// repr(v) as a str object.
    pub fn repr_value(&mut self, v: Value) -> PyResult<Value> {
        if v.is_small() {
            let s = v.small_value().to_string();
            return Ok(self.new_string(s));
        }
        let ty = self.type_of(v);
        let heap = ty.get::<TypeObj>().map(|t| t.has_flag(type_flags::HEAPTYPE)).unwrap_or(false);
        // struct sequences (sys.version_info, time.struct_time) are static tuple subclasses
        // with their own __repr__
        let structseq = v.kind() == Some(ObjKind::Tuple) && ty != self.types.tuple;
        // builtin classes with instance layout (types.SimpleNamespace) define __repr__
        let builtin_instance = v.kind() == Some(ObjKind::Instance) && ty != self.types.object;
        // native library subclasses of dict (collections.defaultdict) have their own __repr__
        let dict_subclass = v.kind() == Some(ObjKind::Dict) && ty != self.types.dict;
        if !heap && !structseq && !builtin_instance && !dict_subclass {
            if let Some(s) = crate::builtins::repr::native_repr(self, v)? {
                return Ok(self.new_string(s));
            }
        }
        let n = self.intern_static("__repr__");
        let f = self.lookup(ty, n);
        match f {
            Some(f) => {
                self.enter_native_at(" while getting the repr of an object")?;
                let r = self.call(f, &[v]);
                self.leave_native();
                let r = r?;
                if r.kind() != Some(ObjKind::Str) {
                    let tn = self.type_name_of(r);
                    return Err(self.type_error(&format!("__repr__ returned non-string (type {tn})")));
                }
                Ok(r)
            }
            None => {
                let s = crate::builtins::repr::default_repr(self, v);
                Ok(self.new_string(s))
            }
        }
    }

    pub fn str(&mut self, v: Value) -> PyResult<String> {
        // an exact str is its own text; a subclass may have its own __str__
        if let Some(s) = v.get::<StrObj>().filter(|_| self.type_of(v) == self.types.str) {
            return Ok(s.s.to_string());
        }
        let r = self.str_value(v)?;
        Ok(self.str_of(r))
    }

    /// str(v) as a str object.
    pub fn str_value(&mut self, v: Value) -> PyResult<Value> {
        if v.kind() == Some(ObjKind::Str) && self.type_of(v) == self.types.str {
            return Ok(v);
        }
        if v.is_small() {
            let s = v.small_value().to_string();
            return Ok(self.new_string(s));
        }
        let ty = self.type_of(v);
        let n = self.intern_static("__str__");
        match self.lookup(ty, n) {
            Some(f) if f.kind() == Some(ObjKind::Function) || self.is_foreign_str_method(f) => {
                let r = self.call(f, &[v])?;
                if r.kind() != Some(ObjKind::Str) {
                    let tn = self.type_name_of(r);
                    return Err(self.type_error(&format!("__str__ returned non-string (type {tn})")));
                }
                Ok(r)
            }
            _ => {
                if let Some(s) = crate::builtins::repr::native_str(self, v)? {
                    return Ok(self.new_string(s));
                }
                self.repr_value(v)
            }
        }
    }

    /// A `__str__` found on a class that is a native method of another name or owner than
    /// object's own `__str__` (enum's `__str__ = int.__repr__`): it must be called, not
    /// replaced by the native conversion.
    fn is_foreign_str_method(&self, f: Value) -> bool {
        match f.get::<BuiltinObj>() {
            Some(b) => b.owner != self.types.object && b.name != "__str__",
            None => false,
        }
    }

    pub fn len(&mut self, v: Value) -> PyResult<usize> {
        match v.kind() {
            Some(ObjKind::Str) if !self.is_heap_type(v) => return Ok(v.get::<StrObj>().map(|s| s.nchars()).unwrap_or(0)),
            Some(ObjKind::List) if !self.is_heap_type(v) => return Ok(v.get::<ListObj>().map(|l| l.len()).unwrap_or(0)),
            Some(ObjKind::Tuple) if !self.is_heap_type(v) => return Ok(v.get::<TupleObj>().map(|t| t.items.len()).unwrap_or(0)),
            Some(ObjKind::Dict) if !self.is_heap_type(v) => return Ok(v.get::<DictObj>().map(|d| d.len()).unwrap_or(0)),
            Some(ObjKind::Native) if !self.is_heap_type(v) => {
                if let Some(n) = v.get::<NativeObj>().and_then(|o| o.len()) {
                    return Ok(n);
                }
            }
            _ => {}
        }
        let ty = self.type_of(v);
        let n = self.intern_static("__len__");
        match self.lookup(ty, n) {
            Some(f) => {
                let r = self.call(f, &[v])?;
                if !self.is_int(r) {
                    let tn = self.type_name_of(r);
                    return Err(self.type_error(&format!("'{tn}' object cannot be interpreted as an integer")));
                }
                match self.as_i64(r) {
                    Some(i) if i < 0 => Err(self.value_error("__len__() should return >= 0")),
                    Some(i) => Ok(i as usize),
                    None => Err(self.overflow_error("cannot fit 'int' into an index-sized integer")),
                }
            }
            None => {
                let tn = self.type_name(ty);
                Err(self.type_error(&format!("object of type '{tn}' has no len()")))
            }
        }
    }

    pub fn is_heap_type(&self, v: Value) -> bool {
        self.type_of(v).get::<TypeObj>().map(|t| t.has_flag(type_flags::HEAPTYPE)).unwrap_or(false)
    }

    pub fn getitem(&mut self, obj: Value, key: Value) -> PyResult<Value> {
        if self.type_of(obj) == self.types.list || !self.is_heap_type(obj) {
            if let Some(l) = obj.get::<ListObj>() {
                if key.is_small() {
                    let i = key.small_value();
                    let items = l.items.borrow();
                    let n = items.len() as i64;
                    let j = if i < 0 { i + n } else { i };
                    if j >= 0 && j < n {
                        return Ok(items[j as usize]);
                    }
                    drop(items);
                    return Err(self.index_error("list index out of range"));
                }
            }
            if let Some(r) = crate::builtins::seqops::native_getitem(self, obj, key)? {
                return Ok(r);
            }
        }
        let ty = self.type_of(obj);
        let n = self.intern_static("__getitem__");
        if let Some(f) = self.lookup(ty, n) {
            return self.call(f, &[obj, key]);
        }
        if obj == self.types.type_ {
            return Ok(self.new_generic_alias(obj, key));
        }
        if self.is_type(obj) {
            let cg = self.intern_static("__class_getitem__");
            if let Some(f) = self.getattr_opt(obj, cg)? {
                return self.call(f, &[key]);
            }
            let tn = self.type_name(obj);
            return Err(self.type_error(&format!("type '{tn}' is not subscriptable")));
        }
        let tn = self.type_name(ty);
        Err(self.type_error(&format!("'{tn}' object is not subscriptable")))
    }

    pub fn setitem(&mut self, obj: Value, key: Value, v: Value) -> PyResult<()> {
        if !self.is_heap_type(obj) && crate::builtins::seqops::native_setitem(self, obj, key, v)? {
            return Ok(());
        }
        let ty = self.type_of(obj);
        let n = self.intern_static("__setitem__");
        if let Some(f) = self.lookup(ty, n) {
            self.call(f, &[obj, key, v])?;
            return Ok(());
        }
        let tn = self.type_name(ty);
        Err(self.type_error(&format!("'{tn}' object does not support item assignment")))
    }

    pub fn delitem(&mut self, obj: Value, key: Value) -> PyResult<()> {
        if !self.is_heap_type(obj) && crate::builtins::seqops::native_delitem(self, obj, key)? {
            return Ok(());
        }
        let ty = self.type_of(obj);
        let n = self.intern_static("__delitem__");
        if let Some(f) = self.lookup(ty, n) {
            self.call(f, &[obj, key])?;
            return Ok(());
        }
        // CPython words it by the path it took: an index into a type with sequence slots
        // (every class statement's type has them) or anything else
        let key_ty = self.type_of(key);
        let is_index = self.is_int(key) || {
            let n = self.intern_static("__index__");
            self.lookup(key_ty, n).is_some()
        };
        let is_sequence = self.is_heap_type(obj)
            || ["__getitem__", "__len__", "__contains__"].iter().any(|m| {
                let n = self.intern(m);
                self.lookup(ty, n).is_some()
            });
        let tn = self.type_name(ty);
        let verb = if is_index && is_sequence { "doesn't" } else { "does not" };
        Err(self.type_error(&format!("'{tn}' object {verb} support item deletion")))
    }

    pub fn contains(&mut self, container: Value, v: Value) -> PyResult<bool> {
        if !self.is_heap_type(container) {
            if let Some(r) = crate::builtins::seqops::native_contains(self, container, v)? {
                return Ok(r);
            }
        }
        let ty = self.type_of(container);
        let n = self.intern_static("__contains__");
        if let Some(f) = self.lookup(ty, n) {
            if f == self.none {
                let tn = self.type_name(ty);
                return Err(self.type_error(&format!("'{tn}' object is not a container")));
            }
            let r = self.call(f, &[container, v])?;
            return self.truthy(r);
        }
        let it = match self.iter(container) {
            Ok(it) => it,
            Err(e) => {
                if self.isinstance(e.0, self.types.type_error) {
                    let tn = self.type_name(ty);
                    return Err(self.type_error(&format!("argument of type '{tn}' is not iterable")));
                }
                return Err(e);
            }
        };
        while let Some(x) = self.next(it)? {
            if self.eq(x, v)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Can `iter(v)` work (an `__iter__` or `__getitem__`, or a builtin iterable layout)?
    pub fn is_iterable(&mut self, v: Value) -> bool {
        let ty = self.type_of(v);
        let it = self.intern_static("__iter__");
        if let Some(f) = self.lookup(ty, it) {
            return f != self.none;
        }
        let native = matches!(
            v.kind(),
            Some(ObjKind::List | ObjKind::Tuple | ObjKind::Str | ObjKind::Bytes | ObjKind::ByteArray | ObjKind::Range | ObjKind::Dict
                | ObjKind::DictView | ObjKind::Set | ObjKind::Iter | ObjKind::Generator | ObjKind::MemoryView)
        );
        let gi = self.intern_static("__getitem__");
        native || self.lookup(ty, gi).is_some()
    }

    /// iter(v).
    pub fn iter(&mut self, v: Value) -> PyResult<Value> {
        if !self.is_heap_type(v) {
            if let Some(it) = crate::builtins::iters::native_iter(self, v)? {
                return Ok(it);
            }
        }
        let ty = self.type_of(v);
        let n = self.intern_static("__iter__");
        if let Some(f) = self.lookup(ty, n) {
            if f == self.none {
                let tn = self.type_name(ty);
                return Err(self.type_error(&format!("'{tn}' object is not iterable")));
            }
            let it = self.call(f, &[v])?;
            let nx = self.intern_static("__next__");
            let it_ty = self.type_of(it);
            if it.kind() != Some(ObjKind::Iter) && it.kind() != Some(ObjKind::Generator) && self.lookup(it_ty, nx).is_none() {
                let tn = self.type_name(it_ty);
                return Err(self.type_error(&format!("iter() returned non-iterator of type '{tn}'")));
            }
            return Ok(it);
        }
        let gi = self.intern_static("__getitem__");
        if self.lookup(ty, gi).is_some() {
            let t = self.types.seq_iterator;
            return Ok(self.new_iter(t, IterState::GetItem { obj: v, index: 0 }));
        }
        let tn = self.type_name(ty);
        Err(self.type_error(&format!("'{tn}' object is not iterable")))
    }

    /// next(it): None when exhausted.
    /// Calls a one-argument special method `f` found on `obj`'s class. A bound builtin
    /// method stored on the class (`__next__ = gen.__next__`, as ElementTree's iterparse
    /// does) is no descriptor: it is called as it is.
    pub fn call_unary_slot(&mut self, f: Value, obj: Value) -> PyResult<Value> {
        if f.get::<BuiltinObj>().is_some_and(|b| !b.self_.is_null()) {
            return self.call(f, &[]);
        }
        self.call(f, &[obj])
    }

    pub fn next(&mut self, it: Value) -> PyResult<Option<Value>> {
        if let Some(io) = it.get::<IterObj>() {
            if !self.is_heap_type(it) {
                return crate::builtins::iters::iter_next(self, io, it);
            }
        }
        if it.kind() == Some(ObjKind::Generator) && self.type_of(it) == self.types.generator {
            return self.gen_next(it);
        }
        if let Some(next) = it.get::<NativeObj>().and_then(|n| n.next) {
            if !self.is_heap_type(it) {
                return next(self, it);
            }
        }
        let ty = self.type_of(it);
        let n = self.intern_static("__next__");
        match self.lookup(ty, n) {
            Some(f) => match self.call_unary_slot(f, it) {
                Ok(v) => Ok(Some(v)),
                Err(e) if self.isinstance(e.0, self.types.stop_iteration) => Ok(None),
                Err(e) => Err(e),
            },
            None => {
                let tn = self.type_name(ty);
                Err(self.type_error(&format!("'{tn}' object is not an iterator")))
            }
        }
    }

    /// Collects an iterable into a vector (its items stay rooted through the returned list).
    pub fn collect_list(&mut self, iterable: Value) -> PyResult<Value> {
        // the items directly from an exact tuple or list (a subclass may override __iter__)
        let exact = !self.is_heap_type(iterable);
        if let Some(t) = iterable.get::<TupleObj>().filter(|_| exact) {
            let items = t.items.to_vec();
            return Ok(self.new_list(items));
        }
        if let Some(l) = iterable.get::<ListObj>().filter(|_| exact) {
            let items = l.snapshot();
            return Ok(self.new_list(items));
        }
        // a range's length is known: its items are allocated at once, or MemoryError
        let mut first = Vec::new();
        if let Some((_, _, _, len)) = crate::builtins::seqops::range_small(self, iterable) {
            if first.try_reserve_exact(len).is_err() {
                return Err(self.memory_error());
            }
        }
        let out = self.new_list(first);
        if self.drainable(iterable) {
            self.drain_into_list(iterable, out)?;
            return Ok(out);
        }
        let it = self.iter(iterable)?;
        while let Some(v) = self.next(it)? {
            if let Some(l) = out.get::<ListObj>() {
                l.items.borrow_mut().push(v);
            }
        }
        Ok(out)
    }

    /// The items of an iterable, rooted by `holder` (a list the caller keeps on its stack).
    pub fn to_vec(&mut self, iterable: Value) -> PyResult<(Value, Vec<Value>)> {
        let l = self.collect_list(iterable)?;
        let items = l.get::<ListObj>().map(|l| l.snapshot()).unwrap_or_default();
        Ok((l, items))
    }

    /// `__index__` of `v` when its class defines it (None when it does not).
    pub fn index_opt(&mut self, v: Value) -> PyResult<Option<Value>> {
        if self.is_int(v) {
            return Ok(Some(v));
        }
        let ty = self.type_of(v);
        let n = self.intern_static("__index__");
        match self.lookup(ty, n) {
            Some(f) if f != self.none => {
                let r = self.call(f, &[v])?;
                if self.is_int(r) {
                    return Ok(Some(r));
                }
                let tn = self.type_name_of(r);
                Err(self.type_error(&format!("__index__ returned non-int (type {tn})")))
            }
            _ => Ok(None),
        }
    }

    /// An int index from an object with `__index__`.
    pub fn index_of(&mut self, v: Value) -> PyResult<Value> {
        if self.is_int(v) {
            return Ok(v);
        }
        let ty = self.type_of(v);
        let n = self.intern_static("__index__");
        if let Some(f) = self.lookup(ty, n) {
            let r = self.call(f, &[v])?;
            if self.is_int(r) {
                return Ok(r);
            }
            let tn = self.type_name_of(r);
            return Err(self.type_error(&format!("__index__ returned non-int (type {tn})")));
        }
        let tn = self.type_name(ty);
        Err(self.type_error(&format!("'{tn}' object cannot be interpreted as an integer")))
    }
}

pub fn cmp_ord(o: std::cmp::Ordering, op: CmpOp) -> bool {
    use std::cmp::Ordering::*;
    match op {
        CmpOp::Lt => o == Less,
        CmpOp::Le => o != Greater,
        CmpOp::Eq => o == Equal,
        CmpOp::Ne => o != Equal,
        CmpOp::Gt => o == Greater,
        CmpOp::Ge => o != Less,
    }
}
