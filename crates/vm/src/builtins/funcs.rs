//! The functions of the builtins module.

use std::io::Write;

use pyjit_compiler::opcode::{BinOp, CmpOp};

use crate::heap::{ObjKind, Value};
use crate::interp::{PyResult, Vm};
use crate::objects::*;

use super::{arg, arity, no_kw, split_kw};

fn f_print(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    let (pos, kws) = split_kw(vm, args, kw);
    let mut sep = " ".to_string();
    let mut end = "\n".to_string();
    let mut file = Value::NULL;
    let mut flush = false;
    for (k, v) in kws {
        match k.as_str() {
            "sep" => {
                if v != vm.none {
                    if v.kind() != Some(ObjKind::Str) {
                        let tn = vm.type_name_of(v);
                        return Err(vm.type_error(&format!("sep must be None or a string, not {tn}")));
                    }
                    sep = vm.str_of(v);
                }
            }
            "end" => {
                if v != vm.none {
                    if v.kind() != Some(ObjKind::Str) {
                        let tn = vm.type_name_of(v);
                        return Err(vm.type_error(&format!("end must be None or a string, not {tn}")));
                    }
                    end = vm.str_of(v);
                }
            }
            "file" => {
                if v != vm.none {
                    file = v
                }
            }
            "flush" => flush = vm.truthy(v)?,
            other => return Err(vm.type_error(&format!("'{other}' is an invalid keyword argument for print()"))),
        }
    }
    if file.is_null() {
        file = crate::modules::sys::stdout(vm);
    }
    if crate::modules::sys::is_std_stream(file) {
        let mut out = String::new();
        for (i, &a) in pos.iter().enumerate() {
            if i > 0 {
                out.push_str(&sep);
            }
            let sv = vm.str_value(a)?;
            match sv.get::<StrObj>() {
                Some(o) if o.has_surrogates() => {
                    // lone surrogates: what precedes is written, then this str is encoded
                    crate::modules::sys::write_to(vm, file, &std::mem::take(&mut out))?;
                    crate::modules::sys::write_value_to(vm, file, sv)?;
                }
                Some(o) => out.push_str(&o.s),
                None => out.push_str(&vm.str_of(sv)),
            }
        }
        out.push_str(&end);
        crate::modules::sys::write_to(vm, file, &out)?;
    } else {
        // CPython writes sep and end even when they are empty
        for (i, &a) in pos.iter().enumerate() {
            if i > 0 {
                crate::modules::sys::write_to(vm, file, &sep)?;
            }
            let sv = vm.str_value(a)?;
            crate::modules::sys::write_value_to(vm, file, sv)?;
        }
        crate::modules::sys::write_to(vm, file, &end)?;
    }
    if flush {
        crate::modules::sys::flush_file(vm, file)?;
    }
    Ok(vm.none)
}

fn f_len(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    no_kw(vm, kw, "len")?;
    arity(vm, args, 1, 1, "len")?;
    let n = vm.len(args[0])?;
    Ok(vm.new_int(n as i64))
}

fn f_repr(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    no_kw(vm, kw, "repr")?;
    arity(vm, args, 1, 1, "repr")?;
    vm.repr_value(args[0])
}

fn f_ascii(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    super::no_kw(vm, kw, "ascii")?;
    arity(vm, args, 1, 1, "ascii")?;
    let r = vm.repr(args[0])?;
    Ok(vm.new_string(super::strfmt::ascii_escape(&r)))
}

fn f_abs(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    super::no_kw(vm, kw, "abs")?;
    arity(vm, args, 1, 1, "abs")?;
    let v = args[0];
    if !vm.is_heap_type(v) {
        if let Some(n) = vm.as_num(v) {
            use super::num::Num;
            return Ok(match n {
                Num::Small(i) => match i.checked_abs() {
                    Some(a) => vm.new_int(a),
                    None => vm.new_bigint(num_bigint::BigInt::from(i).magnitude().clone().into()),
                },
                Num::Int(b) => vm.new_bigint(num_traits::Signed::abs(&b)),
                Num::Float(f) => vm.new_float(f.abs()),
                Num::Complex(r, i) => crate::builtins::num::complex_abs(vm, r, i)?,
            });
        }
    }
    let ty = vm.type_of(v);
    let n = vm.intern_static("__abs__");
    match vm.lookup(ty, n) {
        Some(f) => vm.call(f, &[v]),
        None => {
            let tn = vm.type_name(ty);
            Err(vm.type_error(&format!("bad operand type for abs(): '{tn}'")))
        }
    }
}

fn f_all(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    super::no_kw(vm, kw, "all")?;
    arity(vm, args, 1, 1, "all")?;
    if vm.drainable(args[0]) {
        let found = vm.drain_find_truth(args[0], false)?;
        return Ok(if found { vm.false_ } else { vm.true_ });
    }
    let it = vm.iter(args[0])?;
    while let Some(v) = vm.next(it)? {
        if !vm.truthy(v)? {
            return Ok(vm.false_);
        }
    }
    Ok(vm.true_)
}

fn f_any(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    super::no_kw(vm, kw, "any")?;
    arity(vm, args, 1, 1, "any")?;
    if vm.drainable(args[0]) {
        let found = vm.drain_find_truth(args[0], true)?;
        return Ok(if found { vm.true_ } else { vm.false_ });
    }
    let it = vm.iter(args[0])?;
    while let Some(v) = vm.next(it)? {
        if vm.truthy(v)? {
            return Ok(vm.true_);
        }
    }
    Ok(vm.false_)
}

fn radix(vm: &mut Vm, args: &[Value], name: &str, ty: char) -> PyResult<Value> {
    arity(vm, args, 1, 1, name)?;
    let i = vm.index_of(args[0])?;
    let b = vm.as_bigint(i).unwrap_or_default();
    let s = super::format::format_int(vm, &b, &super::format::Spec { ty: Some(ty), alt: true, ..Default::default() })?;
    Ok(vm.new_string(s))
}

fn f_bin(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    super::no_kw(vm, kw, "bin")?;
    radix(vm, args, "bin", 'b')
}
fn f_hex(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    super::no_kw(vm, kw, "hex")?;
    radix(vm, args, "hex", 'x')
}
fn f_oct(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    super::no_kw(vm, kw, "oct")?;
    radix(vm, args, "oct", 'o')
}

fn f_callable(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    super::no_kw(vm, kw, "callable")?;
    arity(vm, args, 1, 1, "callable")?;
    let v = args[0];
    let r = match v.kind() {
        Some(ObjKind::Function) | Some(ObjKind::Builtin) | Some(ObjKind::Method) | Some(ObjKind::Type) => true,
        _ => {
            let ty = vm.type_of(v);
            let n = vm.intern_static("__call__");
            vm.lookup(ty, n).is_some()
        }
    };
    Ok(vm.bool_val(r))
}

fn f_chr(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    super::no_kw(vm, kw, "chr")?;
    arity(vm, args, 1, 1, "chr")?;
    let i = vm.index_of(args[0])?;
    match vm.as_i64(i) {
        Some(c) if (0..0x110000).contains(&c) => match char::from_u32(c as u32) {
            Some(ch) => Ok(vm.new_char(ch)),
            None => Ok(vm.new_str_cps(&[c as u32])),
        },
        Some(_) => Err(vm.value_error("chr() arg not in range(0x110000)")),
        None => Err(vm.overflow_error("Python int too large to convert to C int")),
    }
}

fn f_ord(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    super::no_kw(vm, kw, "ord")?;
    arity(vm, args, 1, 1, "ord")?;
    let v = args[0];
    if let Some(s) = v.get::<StrObj>() {
        if s.nchars() != 1 {
            return Err(vm.type_error(&format!("ord() expected a character, but string of length {} found", s.nchars())));
        }
        let c = match s.wide() {
            Some(w) => w.first().copied().unwrap_or(0),
            None => s.s.chars().next().map_or(0, |c| c as u32),
        };
        return Ok(vm.new_int(c as i64));
    }
    if v.kind() == Some(ObjKind::Bytes) || v.kind() == Some(ObjKind::ByteArray) {
        let b = super::bytes::bytes_from(vm, v)?;
        if b.len() != 1 {
            return Err(vm.type_error(&format!("ord() expected a character, but string of length {} found", b.len())));
        }
        return Ok(vm.new_int(b[0] as i64));
    }
    let tn = vm.type_name_of(v);
    Err(vm.type_error(&format!("ord() expected string of length 1, but {tn} found")))
}

fn f_divmod(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    super::no_kw(vm, kw, "divmod")?;
    arity(vm, args, 2, 2, "divmod")?;
    let (a, b) = (args[0], args[1]);
    if !vm.is_heap_type(a) && !vm.is_heap_type(b) {
        if let Some(r) = vm.num_divmod(a, b)? {
            return Ok(r);
        }
    }
    let (ta, tb) = (vm.type_of(a), vm.type_of(b));
    let n = vm.intern_static("__divmod__");
    if let Some(f) = vm.lookup(ta, n) {
        let r = vm.call(f, &[a, b])?;
        if r != vm.not_implemented {
            return Ok(r);
        }
    }
    let rn = vm.intern_static("__rdivmod__");
    if let Some(f) = vm.lookup(tb, rn) {
        let r = vm.call(f, &[b, a])?;
        if r != vm.not_implemented {
            return Ok(r);
        }
    }
    let (an, bn) = (vm.type_name(ta), vm.type_name(tb));
    Err(vm.type_error(&format!("unsupported operand type(s) for divmod(): '{an}' and '{bn}'")))
}

fn f_pow(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    let (pos, kws) = split_kw(vm, args, kw);
    let mut base = pos.first().copied();
    let mut exp = pos.get(1).copied();
    let mut m = pos.get(2).copied();
    for (k, v) in kws {
        match k.as_str() {
            "base" => base = Some(v),
            "exp" => exp = Some(v),
            "mod" => m = Some(v),
            _ => return Err(vm.type_error(&format!("'{k}' is an invalid keyword argument for pow()"))),
        }
    }
    let (Some(b), Some(e)) = (base, exp) else {
        return Err(vm.type_error("pow() missing required argument 'exp' (pos 2)"));
    };
    match m {
        Some(m) if m != vm.none => {
            // int subclasses may define __pow__/__rpow__: they go through the protocol
            if overrides(vm, b, "__pow__") || overrides(vm, e, "__rpow__") {
                return ternary_pow(vm, b, e, m);
            }
            let (Some(x), Some(y), Some(z)) = (vm.as_bigint(b), vm.as_bigint(e), vm.as_bigint(m)) else {
                return ternary_pow(vm, b, e, m);
            };
            use num_traits::{Signed, Zero};
            if z.is_zero() {
                return Err(vm.value_error("pow() 3rd argument cannot be 0"));
            }
            let r = if y.is_negative() {
                let inv = mod_inverse(&x, &z).ok_or_else(|| vm.value_error("base is not invertible for the given modulus"))?;
                inv.modpow(&(-y), &z.abs())
            } else {
                x.modpow(&y, &z.abs())
            };
            let r = if z.is_negative() && !r.is_zero() { r + z } else { r };
            Ok(vm.new_bigint(r))
        }
        _ => vm.binary_op(b, e, BinOp::Pow, false),
    }
}

/// pow(b, e, m) when not all three are ints: the base's `__pow__` with three arguments (three
/// argument power never uses `__rpow__`), else the errors of the builtin numbers.
/// Whether `v`'s class (a Python class) defines `name` other than int's.
fn overrides(vm: &mut Vm, v: Value, name: &str) -> bool {
    if !vm.is_heap_type(v) {
        return false;
    }
    let n = vm.intern(name);
    let (t, it) = (vm.type_of(v), vm.types.int);
    vm.lookup(t, n) != vm.lookup(it, n)
}

fn ternary_pow(vm: &mut Vm, b: Value, e: Value, m: Value) -> PyResult<Value> {
    use super::num::Num;
    if vm.is_heap_type(b) {
        let ty = vm.type_of(b);
        let n = vm.intern_static("__pow__");
        if let Some(f) = vm.lookup(ty, n) {
            let r = vm.call(f, &[b, e, m])?;
            if r != vm.not_implemented {
                return Ok(r);
            }
        }
    }
    if vm.is_heap_type(e) && vm.type_of(e) != vm.type_of(b) {
        let ty = vm.type_of(e);
        let n = vm.intern("__rpow__");
        if let Some(f) = vm.lookup(ty, n) {
            let r = vm.call(f, &[e, b, m])?;
            if r != vm.not_implemented {
                return Ok(r);
            }
        }
    }
    let nums = [vm.as_num(b), vm.as_num(e), vm.as_num(m)];
    if nums.iter().all(|n| n.is_some()) {
        if nums.iter().any(|n| matches!(n, Some(Num::Complex(..)))) {
            return Err(vm.value_error("complex modulo"));
        }
        return Err(vm.type_error("pow() 3rd argument not allowed unless all arguments are integers"));
    }
    let (x, y, z) = (vm.type_name_of(b), vm.type_name_of(e), vm.type_name_of(m));
    Err(vm.type_error(&format!("unsupported operand type(s) for ** or pow(): '{x}', '{y}', '{z}'")))
}

fn mod_inverse(a: &num_bigint::BigInt, m: &num_bigint::BigInt) -> Option<num_bigint::BigInt> {
    use num_integer::Integer;
    use num_traits::{One, Signed};
    let m = m.abs();
    let e = a.mod_floor(&m).extended_gcd(&m);
    if !e.gcd.is_one() {
        return None;
    }
    Some(e.x.mod_floor(&m))
}

fn f_getattr(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    super::no_kw(vm, kw, "getattr")?;
    arity(vm, args, 2, 3, "getattr")?;
    let name = args[1];
    if name.kind() != Some(ObjKind::Str) {
        let tn = vm.type_name_of(name);
        return Err(vm.type_error(&format!("attribute name must be string, not '{tn}'")));
    }
    let n = vm.intern_value(name);
    match vm.getattr_opt(args[0], n)? {
        Some(v) => Ok(v),
        None => match args.get(2) {
            Some(&d) => Ok(d),
            None => Err(vm.no_attribute(args[0], n)),
        },
    }
}

fn f_setattr(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    super::no_kw(vm, kw, "setattr")?;
    arity(vm, args, 3, 3, "setattr")?;
    if args[1].kind() != Some(ObjKind::Str) {
        let tn = vm.type_name_of(args[1]);
        return Err(vm.type_error(&format!("attribute name must be string, not '{tn}'")));
    }
    let n = vm.intern_value(args[1]);
    vm.setattr(args[0], n, args[2])?;
    Ok(vm.none)
}

fn f_delattr(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    super::no_kw(vm, kw, "delattr")?;
    arity(vm, args, 2, 2, "delattr")?;
    if args[1].kind() != Some(ObjKind::Str) {
        let tn = vm.type_name_of(args[1]);
        return Err(vm.type_error(&format!("attribute name must be string, not '{tn}'")));
    }
    let n = vm.intern_value(args[1]);
    vm.delattr(args[0], n)?;
    Ok(vm.none)
}

fn f_hasattr(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    super::no_kw(vm, kw, "hasattr")?;
    arity(vm, args, 2, 2, "hasattr")?;
    if args[1].kind() != Some(ObjKind::Str) {
        let tn = vm.type_name_of(args[1]);
        return Err(vm.type_error(&format!("attribute name must be string, not '{tn}'")));
    }
    let n = vm.intern_value(args[1]);
    let r = vm.getattr_opt(args[0], n)?.is_some();
    Ok(vm.bool_val(r))
}

fn f_hash(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    super::no_kw(vm, kw, "hash")?;
    arity(vm, args, 1, 1, "hash")?;
    let h = vm.hash(args[0])?;
    Ok(vm.new_int(h))
}

fn f_id(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    super::no_kw(vm, kw, "id")?;
    arity(vm, args, 1, 1, "id")?;
    let v = args[0];
    Ok(vm.new_int(if v.is_small() { (v.raw() >> 1) as i64 } else { v.raw() as i64 }))
}

pub(crate) fn class_check(vm: &mut Vm, obj: Value, cls: Value, inst: bool) -> PyResult<bool> {
    // an exact class match needs no hook
    if inst && vm.type_of(obj) == cls {
        return Ok(true);
    }
    if let Some(t) = cls.get::<TupleObj>() {
        for &c in t.items.to_vec().iter() {
            if class_check(vm, obj, c, inst)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if vm.is_union(cls) {
        for c in vm.alias_args(cls) {
            if class_check(vm, obj, c, inst)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if !vm.is_type(cls) {
        // a class-like object with __instancecheck__ / __subclasscheck__ on its type
        let hook = if inst { "__instancecheck__" } else { "__subclasscheck__" };
        let ty = vm.type_of(cls);
        let n = vm.intern(hook);
        if let Some(f) = vm.lookup(ty, n) {
            let r = vm.call(f, &[cls, obj])?;
            return vm.truthy(r);
        }
        let what = if inst { "isinstance() arg 2 must be a type, a tuple of types, or a union" } else { "issubclass() arg 2 must be a class, a tuple of classes, or a union" };
        return Err(vm.type_error(what));
    }
    let meta = vm.type_of(cls);
    if meta != vm.types.type_ {
        let hook = if inst { "__instancecheck__" } else { "__subclasscheck__" };
        let n = vm.intern(hook);
        if let Some(f) = vm.lookup(meta, n) {
            if f.kind() == Some(ObjKind::Function) {
                let r = vm.call(f, &[cls, obj])?;
                return vm.truthy(r);
            }
        }
    }
    if inst {
        if vm.isinstance(obj, cls) {
            return Ok(true);
        }
        // obj.__class__ may differ from type(obj), but only where a class statement made
        // the type: a builtin type's `__class__` is the object's type
        if !vm.is_heap_type(obj) {
            return Ok(false);
        }
        let c = vm.intern_static("__class__");
        if let Some(k) = vm.getattr_opt(obj, c)? {
            if k != vm.type_of(obj) && vm.is_type(k) {
                return Ok(vm.is_subtype(k, cls));
            }
        }
        Ok(false)
    } else {
        if !vm.is_type(obj) {
            return Err(vm.type_error("issubclass() arg 1 must be a class"));
        }
        Ok(vm.is_subtype(obj, cls))
    }
}

fn f_isinstance(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    super::no_kw(vm, kw, "isinstance")?;
    arity(vm, args, 2, 2, "isinstance")?;
    let r = class_check(vm, args[0], args[1], true)?;
    Ok(vm.bool_val(r))
}

fn f_issubclass(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    super::no_kw(vm, kw, "issubclass")?;
    arity(vm, args, 2, 2, "issubclass")?;
    let r = class_check(vm, args[0], args[1], false)?;
    Ok(vm.bool_val(r))
}

fn f_iter(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    super::no_kw(vm, kw, "iter")?;
    arity(vm, args, 1, 2, "iter")?;
    if args.len() == 2 {
        let f = args[0];
        let t = vm.types.callable_iterator;
        let callable = f_callable(vm, &[f], Value::NULL)?;
        if callable != vm.true_ {
            return Err(vm.type_error("iter(v, w): v must be callable"));
        }
        return Ok(vm.new_iter(t, IterState::Callable { func: f, sentinel: args[1] }));
    }
    vm.iter(args[0])
}

fn f_next(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    super::no_kw(vm, kw, "next")?;
    arity(vm, args, 1, 2, "next")?;
    let it = args[0];
    let ty = vm.type_of(it);
    let nx = vm.intern_static("__next__");
    if it.kind() != Some(ObjKind::Iter) && it.kind() != Some(ObjKind::Generator) && vm.lookup(ty, nx).is_none() {
        let tn = vm.type_name(ty);
        return Err(vm.type_error(&format!("'{tn}' object is not an iterator")));
    }
    if it.kind() == Some(ObjKind::Generator) && ty == vm.types.generator {
        let none = vm.none;
        return match vm.gen_send_delegating(it, none, None)? {
            crate::interp::Exit::Yield(v) => Ok(v),
            crate::interp::Exit::Return(r) => match args.get(1) {
                Some(&d) => Ok(d),
                None => Err(vm.stop_iteration(r)),
            },
        };
    }
    if args.len() == 1 && it.kind() != Some(ObjKind::Iter) && it.kind() != Some(ObjKind::Generator) {
        // propagate the StopIteration object itself (with its value)
        let f = vm.lookup(ty, nx).unwrap_or(vm.none);
        return vm.call_unary_slot(f, it);
    }
    match vm.next(it)? {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(&d) => Ok(d),
            None => Err(vm.stop_iteration(Value::NULL)),
        },
    }
}

fn min_max(vm: &mut Vm, args: &[Value], kw: Value, name: &str, op: CmpOp) -> PyResult<Value> {
    let (pos, kws) = split_kw(vm, args, kw);
    let mut key = Value::NULL;
    let mut default = Value::NULL;
    if kws.len() > 2 {
        return Err(vm.type_error(&format!("{name}() takes at most 2 keyword arguments ({} given)", kws.len())));
    }
    for (k, v) in kws {
        match k.as_str() {
            "key" => {
                if v != vm.none {
                    key = v
                }
            }
            "default" => default = v,
            _ => return Err(vm.type_error(&format!("'{k}' is an invalid keyword argument for {name}()"))),
        }
    }
    let (_holder, items) = match pos.len() {
        0 => return Err(vm.type_error(&format!("{name} expected at least 1 argument, got 0"))),
        1 => vm.to_vec(pos[0])?,
        _ => {
            if !default.is_null() {
                return Err(vm.type_error(&format!("Cannot specify a default for {name}() with multiple positional arguments")));
            }
            let l = vm.new_list(pos.clone());
            (l, pos)
        }
    };
    if items.is_empty() {
        if !default.is_null() {
            return Ok(default);
        }
        return Err(vm.value_error(&format!("{name}() arg is an empty sequence")));
    }
    let mut best = items[0];
    let mut best_key = if key.is_null() { best } else { vm.call(key, &[best])? };
    let _kh = vm.new_list(vec![best_key]);
    for &it in &items[1..] {
        let k = if key.is_null() { it } else { vm.call(key, &[it])? };
        if vm.compare_bool(k, best_key, op)? {
            best = it;
            best_key = k;
            if let Some(l) = _kh.get::<ListObj>() {
                l.items.borrow_mut().push(k);
            }
        }
    }
    Ok(best)
}

fn f_min(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    min_max(vm, args, kw, "min", CmpOp::Lt)
}
fn f_max(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    min_max(vm, args, kw, "max", CmpOp::Gt)
}

fn f_sum(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    let (pos, kws) = if kw.is_null() { (args.to_vec(), Vec::new()) } else { split_kw(vm, args, kw) };
    let mut start = pos.get(1).copied().unwrap_or(Value::small(0).unwrap_or(Value::NULL));
    for (k, v) in kws {
        if k == "start" {
            start = v;
        } else {
            return Err(vm.type_error(&format!("sum() got an unexpected keyword argument '{k}'")));
        }
    }
    if pos.is_empty() {
        return Err(vm.type_error("sum() takes at least 1 positional argument (0 given)"));
    }
    match start.kind() {
        Some(ObjKind::Str) => return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]")),
        Some(ObjKind::Bytes) => return Err(vm.type_error("sum() can't sum bytes [use b''.join(seq) instead]")),
        Some(ObjKind::ByteArray) => return Err(vm.type_error("sum() can't sum bytearray [use b''.join(seq) instead]")),
        _ => {}
    }
    let mut acc = start;
    let seq = pos[0];
    let ty = vm.type_of(seq);
    if ty == vm.types.list || ty == vm.types.tuple {
        // an exact list or tuple by index, as its iterator would go (a list that an
        // addition changes is read as it is at each step)
        let item = |i: usize| match (seq.get::<ListObj>(), seq.get::<TupleObj>()) {
            (Some(l), _) => l.items.borrow().get(i).copied(),
            (None, Some(t)) => t.items.get(i).copied(),
            _ => None,
        };
        let mut i = 0;
        while let Some(v) = item(i) {
            acc = vm.binary_op(acc, v, BinOp::Add, false)?;
            i += 1;
        }
        return Ok(acc);
    }
    if vm.drainable(seq) {
        return vm.drain_sum(seq, acc);
    }
    let it = vm.iter(seq)?;
    // CPython 3.11 adds floats in order with doubles, as binary_op does
    while let Some(v) = vm.next(it)? {
        acc = vm.binary_op(acc, v, BinOp::Add, false)?;
    }
    Ok(acc)
}

fn f_sorted(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    let (pos, kws) = split_kw(vm, args, kw);
    if pos.len() != 1 {
        return Err(vm.type_error(&format!("sorted expected 1 argument, got {}", pos.len())));
    }
    let l = vm.collect_list(pos[0])?;
    let mut key = Value::NULL;
    let mut reverse = false;
    for (k, v) in kws {
        match k.as_str() {
            "key" => {
                if v != vm.none {
                    key = v
                }
            }
            // an int, as CPython's argument clinic reads it
            "reverse" => reverse = vm.c_int_arg(v)? != 0,
            _ => return Err(vm.type_error(&format!("'{k}' is an invalid keyword argument for sort()"))),
        }
    }
    vm.sort_list(l, key, reverse)?;
    Ok(l)
}

fn f_round(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    let (pos, kws) = split_kw(vm, args, kw);
    if pos.len() + kws.len() > 2 {
        return Err(vm.type_error(&format!("round() takes at most 2 arguments ({} given)", pos.len() + kws.len())));
    }
    let by_kw = kws.iter().find(|k| k.0 == "number").map(|k| k.1);
    if let Some((bad, _)) = kws.iter().find(|k| k.0 != "number" && k.0 != "ndigits") {
        return Err(vm.type_error(&format!("'{bad}' is an invalid keyword argument for round()")));
    }
    let x = pos.first().copied().or(by_kw).ok_or_else(|| vm.type_error("round() missing required argument 'number' (pos 1)"))?;
    let nd = pos.get(1).copied().or_else(|| kws.iter().find(|k| k.0 == "ndigits").map(|k| k.1));
    let nd = nd.filter(|v| *v != vm.none);
    if !vm.is_heap_type(x) {
        if let Some(n) = vm.as_num(x) {
            use super::num::Num;
            match n {
                Num::Float(f) => return super::numtypes::round_float(vm, f, nd),
                Num::Small(_) | Num::Int(_) => return super::numtypes::round_int(vm, x, nd),
                Num::Complex(..) => return Err(vm.type_error("type complex doesn't define __round__ method")),
            }
        }
    }
    let ty = vm.type_of(x);
    let n = vm.intern_static("__round__");
    match vm.lookup(ty, n) {
        Some(f) => match nd {
            Some(d) => vm.call(f, &[x, d]),
            None => vm.call(f, &[x]),
        },
        None => {
            let tn = vm.type_name(ty);
            Err(vm.type_error(&format!("type {tn} doesn't define __round__ method")))
        }
    }
}

fn f_format(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    super::no_kw(vm, kw, "format")?;
    arity(vm, args, 1, 2, "format")?;
    let spec = args.get(1).copied().unwrap_or(vm.empty_str);
    if spec.kind() != Some(ObjKind::Str) {
        let tn = vm.type_name_of(spec);
        return Err(vm.type_error(&format!("format() argument 2 must be str, not {tn}")));
    }
    vm.format(args[0], spec)
}

fn f_globals(vm: &mut Vm, _args: &[Value], kw: Value) -> PyResult<Value> {
    super::no_kw(vm, kw, "globals")?;
    Ok(vm.frames.last().map(|f| f.globals).unwrap_or(vm.none))
}

fn f_locals(vm: &mut Vm, _args: &[Value], kw: Value) -> PyResult<Value> {
    super::no_kw(vm, kw, "locals")?;
    vm.frame_locals()
}

fn f_vars(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    super::no_kw(vm, kw, "vars")?;
    arity(vm, args, 0, 1, "vars")?;
    if args.is_empty() {
        return vm.frame_locals();
    }
    let d = vm.intern_static("__dict__");
    match vm.getattr_opt(args[0], d)? {
        Some(v) => Ok(v),
        None => Err(vm.type_error("vars() argument must have __dict__ attribute")),
    }
}

fn f_dir(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    super::no_kw(vm, kw, "dir")?;
    arity(vm, args, 0, 1, "dir")?;
    let names = if args.is_empty() {
        let l = vm.frame_locals()?;
        if vm.type_of(l) == vm.types.dict {
            vm.dict_keys(l)
        } else {
            // a mapping given to exec/eval as locals: its keys()
            let ks = vm.call_method_str(l, "keys", &[])?;
            vm.to_vec(ks)?.1
        }
    } else {
        let v = args[0];
        let ty = vm.type_of(v);
        let n = vm.intern_static("__dir__");
        match vm.lookup(ty, n) {
            Some(f) if f.kind() == Some(ObjKind::Function) => {
                let r = vm.call(f, &[v])?;
                let (_h, items) = vm.to_vec(r)?;
                items
            }
            // anything else a class puts there is called as CPython calls it (bound)
            Some(f) if f.kind() != Some(ObjKind::Builtin) => {
                let r = vm.call_method_str(v, "__dir__", &[])?;
                let (_h, items) = vm.to_vec(r)?;
                items
            }
            _ => vm.dir_names(v)?,
        }
    };
    let l = vm.new_list(names);
    vm.sort_list(l, Value::NULL, false)?;
    Ok(l)
}

fn f_build_class(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    let (pos, kws) = split_kw(vm, args, kw);
    if pos.len() < 2 {
        return Err(vm.type_error("__build_class__: not enough arguments"));
    }
    let func = pos[0];
    let name = pos[1];
    let mut bases: Vec<Value> = pos[2..].to_vec();
    // __mro_entries__
    let me = vm.intern_static("__mro_entries__");
    let orig_bases = vm.new_tuple(bases.clone());
    let mut changed = false;
    let mut nb = Vec::new();
    for &b in &bases {
        if !vm.is_type(b) {
            if let Some(f) = vm.getattr_opt(b, me)? {
                let r = vm.call(f, &[orig_bases])?;
                let (_h, items) = vm.to_vec(r)?;
                nb.extend(items);
                changed = true;
                continue;
            }
        }
        nb.push(b);
    }
    if changed {
        bases = nb;
    }
    let mut meta = Value::NULL;
    let mut rest_kw: Vec<(String, Value)> = Vec::new();
    for (k, v) in kws {
        if k == "metaclass" {
            meta = v;
        } else {
            rest_kw.push((k, v));
        }
    }
    let explicit = !meta.is_null();
    if meta.is_null() {
        meta = if let Some(&b) = bases.first() { vm.type_of(b) } else { vm.types.type_ };
    }
    if vm.is_type(meta) {
        meta = vm.calculate_meta(meta, &bases)?;
    }
    let _ = explicit;
    let bases_t = vm.new_tuple(bases);
    let kw_names: Vec<Value> = rest_kw.iter().map(|(k, _)| vm.intern(k)).collect();
    let kw_vals: Vec<Value> = rest_kw.iter().map(|(_, v)| *v).collect();
    let kwn = if kw_names.is_empty() { Value::NULL } else { vm.new_tuple(kw_names) };
    let prep = vm.intern_static("__prepare__");
    let ns = match vm.getattr_opt(meta, prep)? {
        Some(p) => {
            let mut a = vec![name, bases_t];
            a.extend_from_slice(&kw_vals);
            vm.call_kw(p, &a, kwn)?
        }
        None => vm.new_dict(),
    };
    let cell = vm.run_class_body(func, ns)?;
    if changed {
        let ob = vm.intern_static("__orig_bases__");
        vm.setitem(ns, ob, orig_bases)?;
    }
    let mut a = vec![name, bases_t, ns];
    a.extend_from_slice(&kw_vals);
    let cls = vm.call_kw(meta, &a, kwn)?;
    if let Some(c) = cell.get::<CellObj>() {
        c.v.set(cls);
    }
    Ok(cls)
}

fn f_import(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    let (pos, kws) = split_kw(vm, args, kw);
    let by_kw = kws.iter().find(|k| k.0 == "name").map(|k| k.1);
    let name = match (pos.first().copied(), by_kw) {
        (Some(n), None) | (None, Some(n)) => n,
        (Some(_), Some(_)) => return Err(vm.type_error("argument for __import__() given by name ('name') and position (1)")),
        (None, None) => return Err(vm.type_error("__import__() missing required argument 'name' (pos 1)")),
    };
    let mut globals = pos.get(1).copied().unwrap_or(vm.none);
    let mut fromlist = pos.get(3).copied().unwrap_or(vm.none);
    let mut level = pos.get(4).copied().unwrap_or(Value::small(0).unwrap_or(Value::NULL));
    for (k, v) in kws {
        match k.as_str() {
            "globals" => globals = v,
            "fromlist" => fromlist = v,
            "level" => level = v,
            "name" | "locals" => {}
            _ => return Err(vm.type_error(&format!("'{k}' is an invalid keyword argument for __import__()"))),
        }
    }
    if name.kind() != Some(ObjKind::Str) {
        return Err(vm.type_error("module name must be a string"));
    }
    let name = vm.intern_value(name);
    crate::modules::import::import_name(vm, name, globals, fromlist, level)
}

fn f_compile(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    let (pos, kws) = split_kw(vm, args, kw);
    let mut src = pos.first().copied();
    let mut filename = pos.get(1).copied();
    let mut mode = pos.get(2).copied();
    let mut flags = pos.get(3).copied();
    let mut optimize = pos.get(5).copied();
    let mut feature = None;
    for (k, v) in kws {
        match k.as_str() {
            "source" => src = Some(v),
            "filename" => filename = Some(v),
            "mode" => mode = Some(v),
            "flags" => flags = Some(v),
            "optimize" => optimize = Some(v),
            "_feature_version" => feature = Some(v),
            _ => {}
        }
    }
    let (Some(src), Some(filename), Some(mode)) = (src, filename, mode) else {
        return Err(vm.type_error("compile() missing required argument"));
    };
    let flags = match flags {
        Some(f) => vm.as_i64(f).unwrap_or(0),
        None => 0,
    };
    let feature = feature.unwrap_or_else(|| vm.new_int(-1));
    if let Some(r) = ast_compile(vm, src, filename, mode, flags, optimize, feature)? {
        return Ok(r);
    }
    let text = source_text(vm, src)?;
    let fname = vm.str(filename)?;
    let m = match vm.str_of(mode).as_str() {
        "exec" => pyjit_compiler::Mode::Exec,
        "eval" => pyjit_compiler::Mode::Eval,
        "single" => pyjit_compiler::Mode::Single,
        _ => return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    // optimize: -1 is the interpreter's level (-O), 0 to 2 a level for this compilation
    let level = match optimize {
        None => -1,
        Some(o) => match vm.as_i64(o) {
            Some(n) => n,
            None => {
                let tn = vm.type_name_of(o);
                return Err(vm.type_error(&format!("'{tn}' object cannot be interpreted as an integer")));
            }
        },
    };
    if !(-1..=2).contains(&level) {
        return Err(vm.value_error("compile(): invalid optimize value"));
    }
    if level < 0 {
        return vm.compile_source(&text, &fname, m);
    }
    let saved = pyjit_compiler::optimize();
    pyjit_compiler::set_optimize(level as u8);
    let r = vm.compile_source(&text, &fname, m);
    pyjit_compiler::set_optimize(saved);
    r
}

/// PyCF_ONLY_AST: compile() returns the syntax tree.
const PYCF_ONLY_AST: i64 = 0x400;

/// compile() of a syntax tree, or to one (PyCF_ONLY_AST): handed to the `_ast` module.
/// None when neither applies.
fn ast_compile(vm: &mut Vm, src: Value, filename: Value, mode: Value, flags: i64, optimize: Option<Value>, feature: Value) -> PyResult<Option<Value>> {
    let text_like = matches!(src.kind(), Some(ObjKind::Str | ObjKind::Bytes | ObjKind::ByteArray | ObjKind::Code));
    let only_ast = flags & PYCF_ONLY_AST != 0;
    if text_like && !only_ast {
        if vm.str_of(mode) == "func_type" {
            return Err(vm.value_error("compile() mode 'func_type' requires flag PyCF_ONLY_AST"));
        }
        return Ok(None);
    }
    let n = vm.new_str("_ast");
    let none = vm.none;
    let zero = vm.new_int(0);
    let m = crate::modules::import::import_name(vm, n, Value::NULL, none, zero)?;
    if !text_like {
        let ast_cls = vm.getattr_str(m, "AST")?;
        if !vm.isinstance(src, ast_cls) {
            return Ok(None);
        }
        if only_ast {
            return Ok(Some(src));
        }
        let f = vm.getattr_str(m, "_compile")?;
        let opt = optimize.unwrap_or_else(|| vm.new_int(-1));
        return vm.call(f, &[src, filename, mode, opt]).map(Some);
    }
    let text = source_text(vm, src)?;
    let text = vm.new_str(&text);
    let fname = vm.str(filename)?;
    let fname = vm.new_str(&fname);
    let f = vm.getattr_str(m, "_parse")?;
    vm.call(f, &[text, fname, mode, feature]).map(Some)
}

fn source_text(vm: &mut Vm, src: Value) -> PyResult<String> {
    let text = match src.kind() {
        Some(ObjKind::Str) => {
            let text = vm.str_of(src);
            if text.contains('\u{fffd}') {
                // a lone surrogate cannot be encoded to UTF-8 for the tokenizer
                super::codecs::encode(vm, src, "utf-8", "strict")?;
            }
            text
        }
        Some(ObjKind::Bytes) | Some(ObjKind::ByteArray) => {
            let mut b = super::bytes::bytes_from(vm, src)?;
            // decoded as a source file: by its coding cookie, without a byte order mark
            let bom = b.starts_with(b"\xef\xbb\xbf");
            if bom {
                b.drain(..3);
            }
            match if bom { None } else { crate::source::decode_strict(vm, b.clone()) } {
                Some(text) => text,
                None => super::bytes::decode(vm, &b, "utf-8", "strict")?,
            }
        }
        Some(ObjKind::Code) => return Ok(String::new()),
        _ => return Err(vm.type_error("compile() arg 1 must be a string, bytes or AST object")),
    };
    if text.contains('\0') {
        let t = vm.types.syntax_error;
        return Err(vm.err(t, "source code string cannot contain null bytes"));
    }
    Ok(text)
}

fn exec_eval(vm: &mut Vm, args: &[Value], kw: Value, mode: pyjit_compiler::Mode, name: &str) -> PyResult<Value> {
    let (pos, kws) = split_kw(vm, args, kw);
    let src = arg(vm, &pos, 0, name)?;
    let mut globals = pos.get(1).copied().filter(|g| *g != vm.none);
    let mut locals = pos.get(2).copied().filter(|g| *g != vm.none);
    let mut closure = None;
    for (k, v) in kws {
        match k.as_str() {
            "globals" => globals = Some(v).filter(|g| *g != vm.none),
            "locals" => locals = Some(v).filter(|g| *g != vm.none),
            "closure" if mode == pyjit_compiler::Mode::Exec => closure = Some(v).filter(|g| *g != vm.none),
            _ => {}
        }
    }
    let closure = check_closure(vm, src, closure, name)?;
    if let Some(g) = globals {
        if g.kind() != Some(ObjKind::Dict) {
            let tn = vm.type_name_of(g);
            return Err(vm.type_error(&format!("{name}() globals must be a dict, not {tn}")));
        }
    }
    let (globals, locals) = match (globals, locals) {
        (Some(g), Some(l)) => (g, l),
        (Some(g), None) => (g, g),
        (None, l) => {
            let g = vm.frames.last().map(|f| f.globals).unwrap_or(vm.none);
            let fl = vm.frame_locals()?;
            (g, l.unwrap_or(fl))
        }
    };
    if vm.dict_get_by_str(globals, "__builtins__").is_none() {
        let b = vm.builtins;
        vm.dict_set_str(globals, "__builtins__", b);
    }
    let code = if src.kind() == Some(ObjKind::Code) {
        src
    } else {
        if !matches!(src.kind(), Some(ObjKind::Str | ObjKind::Bytes | ObjKind::ByteArray)) {
            return Err(vm.type_error(&format!("{name}() arg 1 must be a string, bytes or code object")));
        }
        let text = source_text(vm, src)?;
        let text = if mode == pyjit_compiler::Mode::Eval { text.trim_start_matches([' ', '\t']).to_string() } else { text };
        vm.compile_source(&text, "<string>", mode)?
    };
    let r = vm.run_code_with_closure(code, globals, locals, closure)?;
    Ok(if mode == pyjit_compiler::Mode::Eval { r } else { vm.none })
}

/// exec()'s `closure` (None -> NULL) checked against a code source's free variables, as CPython.
fn check_closure(vm: &mut Vm, src: Value, closure: Option<Value>, name: &str) -> PyResult<Value> {
    let Some(code) = src.get::<CodeObj>() else {
        if closure.is_some() {
            return Err(vm.type_error("closure can only be used when source is a code object"));
        }
        return Ok(Value::NULL);
    };
    let nfree = code.code.freevars.len();
    if name == "eval" {
        if nfree > 0 {
            return Err(vm.type_error("code object passed to eval() may not contain free variables"));
        }
        return Ok(Value::NULL);
    }
    if nfree == 0 {
        if closure.is_some() {
            return Err(vm.type_error("cannot use a closure with this code object"));
        }
        return Ok(Value::NULL);
    }
    let ok = closure.and_then(|c| {
        if vm.type_of(c) != vm.types.tuple {
            return None;
        }
        let t = c.get::<TupleObj>()?;
        (t.items.len() == nfree && t.items.iter().all(|x| x.get::<CellObj>().is_some())).then_some(c)
    });
    ok.ok_or_else(|| vm.type_error(&format!("code object requires a closure of exactly length {nfree}")))
}

fn f_exec(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    exec_eval(vm, args, kw, pyjit_compiler::Mode::Exec, "exec")
}

fn f_eval(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    exec_eval(vm, args, kw, pyjit_compiler::Mode::Eval, "eval")
}

fn f_input(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    arity(vm, args, 0, 1, "input")?;
    let sys = vm.sys;
    let d = sys.get::<ModuleObj>().map(|m| m.dict).unwrap_or(Value::NULL);
    let stdin = vm.dict_get_by_str(d, "stdin").filter(|v| *v != vm.none);
    let Some(stdin) = stdin else { return Err(vm.runtime_error("input(): lost sys.stdin")) };
    let stdout = vm.dict_get_by_str(d, "stdout").filter(|v| *v != vm.none);
    let Some(stdout) = stdout else { return Err(vm.runtime_error("input(): lost sys.stdout")) };
    if let Some(err) = vm.dict_get_by_str(d, "stderr").filter(|v| *v != vm.none) {
        if !crate::modules::sys::is_std_stream(err) {
            let f = vm.intern_static("flush");
            if let Some(m) = vm.getattr_opt(err, f)? {
                vm.call(m, &[])?;
            }
        }
    }
    if let Some(&p) = args.first() {
        let s = vm.str_value(p)?;
        crate::modules::sys::write_value_to(vm, stdout, s)?;
    }
    crate::modules::sys::flush_file(vm, stdout)?;
    let _ = std::io::stdout().flush();
    let line = vm.call_method_str(stdin, "readline", &[])?;
    let Some(so) = line.get::<StrObj>() else {
        let tn = vm.type_name_of(line);
        return Err(vm.type_error(&format!("object.readline() returned non-string ({tn})")));
    };
    if so.nchars() == 0 {
        let t = vm.types.eof_error;
        return Err(vm.err(t, "EOF when reading a line"));
    }
    if so.s.ends_with('\n') {
        let n = so.nchars();
        let idx = vm.new_int(0);
        let end = vm.new_int(n as i64 - 1);
        let (none, slt) = (vm.none, vm.types.slice);
        let sl = vm.alloc(slt, SliceObj { start: idx, stop: end, step: none }).value();
        return vm.getitem(line, sl);
    }
    Ok(line)
}

fn f_exit(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let code = args.first().copied().unwrap_or(vm.none);
    let t = vm.types.system_exit;
    let a = vm.new_tuple(vec![code]);
    Err(crate::interp::PyErr(vm.new_exc_args(t, a)))
}

fn f_aiter(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    super::no_kw(vm, kw, "aiter")?;
    arity(vm, args, 1, 1, "aiter")?;
    vm.call_method_str(args[0], "__aiter__", &[])
}

fn f_anext(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    super::no_kw(vm, kw, "anext")?;
    arity(vm, args, 1, 2, "anext")?;
    let aw = vm.call_method_str(args[0], "__anext__", &[])?;
    match args.get(1) {
        Some(&d) if vm.type_of(aw) == vm.types.async_gen_asend => {
            if let Some(io) = aw.get::<IterObj>() {
                if let IterState::AsyncGen { value, mode, .. } = &mut *io.state.borrow_mut() {
                    *value = d;
                    *mode = 3;
                }
            }
            Ok(aw)
        }
        _ => Ok(aw),
    }
}

fn f_help(vm: &mut Vm, _args: &[Value], _kw: Value) -> PyResult<Value> {
    let out = crate::modules::sys::stdout(vm);
    crate::modules::sys::write_to(vm, out, "pyjit has no interactive help yet.\n")?;
    Ok(vm.none)
}

/// breakpoint(*args, **kws): calls sys.breakpointhook with the same arguments.
fn f_breakpoint(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    let sd = vm.sys.get::<ModuleObj>().map(|m| m.dict).unwrap_or(Value::NULL);
    let Some(hook) = vm.dict_get_by_str(sd, "breakpointhook") else {
        return Err(vm.runtime_error("lost sys.breakpointhook"));
    };
    crate::modules::sys_hooks::audit(vm, "builtins.breakpoint", &[hook])?;
    vm.call_kw(hook, args, kw)
}

pub fn register(vm: &mut Vm) {
    let d = vm.builtins_dict;
    let fns: &[(&'static str, crate::interp::NativeFn)] = &[
        ("print", f_print),
        ("len", f_len),
        ("repr", f_repr),
        ("ascii", f_ascii),
        ("abs", f_abs),
        ("all", f_all),
        ("any", f_any),
        ("bin", f_bin),
        ("hex", f_hex),
        ("oct", f_oct),
        ("callable", f_callable),
        ("chr", f_chr),
        ("ord", f_ord),
        ("divmod", f_divmod),
        ("pow", f_pow),
        ("getattr", f_getattr),
        ("setattr", f_setattr),
        ("delattr", f_delattr),
        ("hasattr", f_hasattr),
        ("hash", f_hash),
        ("id", f_id),
        ("isinstance", f_isinstance),
        ("issubclass", f_issubclass),
        ("iter", f_iter),
        ("next", f_next),
        ("min", f_min),
        ("max", f_max),
        ("sum", f_sum),
        ("sorted", f_sorted),
        ("round", f_round),
        ("format", f_format),
        ("globals", f_globals),
        ("locals", f_locals),
        ("vars", f_vars),
        ("dir", f_dir),
        ("__build_class__", f_build_class),
        ("__import__", f_import),
        ("compile", f_compile),
        ("exec", f_exec),
        ("eval", f_eval),
        ("input", f_input),
        ("exit", f_exit),
        ("quit", f_exit),
        ("aiter", f_aiter),
        ("anext", f_anext),
        ("breakpoint", f_breakpoint),
        ("help", f_help),
        ("copyright", f_help),
        ("credits", f_help),
        ("license", f_help),
    ];
    for &(name, f) in fns {
        let b = vm.builtins;
        let v = vm.new_builtin(name, f, Value::NULL);
        let _ = b;
        vm.dict_set_str(d, name, v);
    }
}
