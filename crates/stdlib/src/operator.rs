//! `_operator`: the operator functions, itemgetter, attrgetter and methodcaller, and
//! `_compare_digest`. operator.py imports them over its Python definitions.

use pyjit_compiler::opcode::{BinOp, CmpOp};

use crate::native_state;
use crate::util::*;

const M: &str = "operator";

fn two(vm: &mut Vm, a: &[Value], kw: Value, name: &str) -> PyResult<(Value, Value)> {
    if nkw(kw) != 0 {
        return Err(vm.type_error(&format!("_operator.{name}() takes no keyword arguments")));
    }
    check_count(vm, a.len(), name, 2, 2)?;
    Ok((a[0], a[1]))
}

macro_rules! binop {
    ($fname:ident, $name:expr, $op:expr, $inplace:expr) => {
        fn $fname(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
            let (x, y) = two(vm, a, kw, $name)?;
            vm.binary_op(x, y, $op, $inplace)
        }
    };
}

binop!(op_add, "add", BinOp::Add, false);
binop!(op_sub, "sub", BinOp::Sub, false);
binop!(op_mul, "mul", BinOp::Mul, false);
binop!(op_matmul, "matmul", BinOp::MatMul, false);
binop!(op_truediv, "truediv", BinOp::TrueDiv, false);
binop!(op_floordiv, "floordiv", BinOp::FloorDiv, false);
binop!(op_mod, "mod", BinOp::Mod, false);
binop!(op_pow, "pow", BinOp::Pow, false);
binop!(op_lshift, "lshift", BinOp::LShift, false);
binop!(op_rshift, "rshift", BinOp::RShift, false);
binop!(op_and, "and_", BinOp::And, false);
binop!(op_or, "or_", BinOp::Or, false);
binop!(op_xor, "xor", BinOp::Xor, false);
binop!(op_iadd, "iadd", BinOp::Add, true);
binop!(op_isub, "isub", BinOp::Sub, true);
binop!(op_imul, "imul", BinOp::Mul, true);
binop!(op_imatmul, "imatmul", BinOp::MatMul, true);
binop!(op_itruediv, "itruediv", BinOp::TrueDiv, true);
binop!(op_ifloordiv, "ifloordiv", BinOp::FloorDiv, true);
binop!(op_imod, "imod", BinOp::Mod, true);
binop!(op_ipow, "ipow", BinOp::Pow, true);
binop!(op_ilshift, "ilshift", BinOp::LShift, true);
binop!(op_irshift, "irshift", BinOp::RShift, true);
binop!(op_iand, "iand", BinOp::And, true);
binop!(op_ior, "ior", BinOp::Or, true);
binop!(op_ixor, "ixor", BinOp::Xor, true);

macro_rules! cmpop {
    ($fname:ident, $name:expr, $op:expr) => {
        fn $fname(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
            let (x, y) = two(vm, a, kw, $name)?;
            vm.rich_compare(x, y, $op)
        }
    };
}

cmpop!(op_lt, "lt", CmpOp::Lt);
cmpop!(op_le, "le", CmpOp::Le);
cmpop!(op_eq, "eq", CmpOp::Eq);
cmpop!(op_ne, "ne", CmpOp::Ne);
cmpop!(op_gt, "gt", CmpOp::Gt);
cmpop!(op_ge, "ge", CmpOp::Ge);

fn one(vm: &mut Vm, a: &[Value], kw: Value, name: &str) -> PyResult<Value> {
    if a.len() == 1 && kw.is_null() {
        return Ok(a[0]);
    }
    onearg_fn(vm, a, kw, &format!("_operator.{name}"))
}

fn op_neg(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let x = one(vm, a, kw, "neg")?;
    vm.unary_op(x, "__neg__")
}

fn op_pos(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let x = one(vm, a, kw, "pos")?;
    vm.unary_op(x, "__pos__")
}

fn op_invert(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let x = one(vm, a, kw, "invert")?;
    vm.unary_op(x, "__invert__")
}

fn op_inv(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let x = one(vm, a, kw, "inv")?;
    vm.unary_op(x, "__invert__")
}

fn op_abs(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let x = one(vm, a, kw, "abs")?;
    let bd = vm.builtins_dict;
    let f = vm.dict_get_by_str(bd, "abs").unwrap_or(vm.none);
    vm.call(f, &[x])
}

fn op_not(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let x = one(vm, a, kw, "not_")?;
    let t = vm.truthy(x)?;
    Ok(vm.bool_val(!t))
}

fn op_truth(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let x = one(vm, a, kw, "truth")?;
    let t = vm.truthy(x)?;
    Ok(vm.bool_val(t))
}

fn op_index(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let x = one(vm, a, kw, "index")?;
    let i = index(vm, x)?;
    // an exact int, also for a bool
    match vm.as_bigint(i) {
        Some(b) if i.kind() == Some(ObjKind::Bool) => Ok(int_value(vm, b)),
        _ => Ok(i),
    }
}

fn op_is(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let (x, y) = two(vm, a, kw, "is_")?;
    Ok(vm.bool_val(x == y))
}

fn op_is_not(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let (x, y) = two(vm, a, kw, "is_not")?;
    Ok(vm.bool_val(x != y))
}

/// PySequence_Check for concat: the object has `__getitem__` and is not a dict.
fn is_sequence(vm: &mut Vm, v: Value) -> bool {
    if v.kind() == Some(ObjKind::Dict) {
        return false;
    }
    matches!(v.kind(), Some(ObjKind::List | ObjKind::Tuple | ObjKind::Str | ObjKind::Bytes | ObjKind::ByteArray)) || {
        let ty = vm.type_of(v);
        vm.lookup_str(ty, "__getitem__").is_some()
    }
}

fn concat(vm: &mut Vm, a: &[Value], kw: Value, name: &str, inplace: bool) -> PyResult<Value> {
    let (x, y) = two(vm, a, kw, name)?;
    if !is_sequence(vm, x) {
        let tn = vm.type_name_of(x);
        return Err(vm.type_error(&format!("'{tn}' object can't be concatenated")));
    }
    vm.binary_op(x, y, BinOp::Add, inplace)
}

fn op_concat(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    concat(vm, a, kw, "concat", false)
}

fn op_iconcat(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    concat(vm, a, kw, "iconcat", true)
}

fn op_contains(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let (x, y) = two(vm, a, kw, "contains")?;
    let r = vm.contains(x, y)?;
    Ok(vm.bool_val(r))
}

fn op_count_of(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let (x, y) = two(vm, a, kw, "countOf")?;
    let it = vm.iter(x)?;
    let mut n = 0i64;
    while let Some(v) = vm.next(it)? {
        if v == y || vm.eq(v, y)? {
            n += 1;
        }
    }
    Ok(vm.new_int(n))
}

fn op_index_of(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let (x, y) = two(vm, a, kw, "indexOf")?;
    let it = vm.iter(x)?;
    let mut n = 0i64;
    while let Some(v) = vm.next(it)? {
        if v == y || vm.eq(v, y)? {
            return Ok(vm.new_int(n));
        }
        n += 1;
    }
    Err(vm.value_error("sequence.index(x): x not in sequence"))
}

fn op_getitem(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let (x, y) = two(vm, a, kw, "getitem")?;
    vm.getitem(x, y)
}

fn op_setitem(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    if nkw(kw) != 0 {
        return Err(vm.type_error("_operator.setitem() takes no keyword arguments"));
    }
    check_count(vm, a.len(), "setitem", 3, 3)?;
    vm.setitem(a[0], a[1], a[2])?;
    Ok(vm.none)
}

fn op_delitem(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let (x, y) = two(vm, a, kw, "delitem")?;
    vm.delitem(x, y)?;
    Ok(vm.none)
}

fn op_length_hint(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    if nkw(kw) != 0 {
        return Err(vm.type_error("_operator.length_hint() takes no keyword arguments"));
    }
    check_count(vm, a.len(), "length_hint", 1, 2)?;
    let obj = a[0];
    let default = match a.get(1) {
        Some(&d) => {
            if !vm.is_int(d) {
                let tn = vm.type_name_of(d);
                return Err(vm.type_error(&format!("'{tn}' object cannot be interpreted as an integer")));
            }
            d
        }
        None => vm.new_int(0),
    };
    let ty = vm.type_of(obj);
    if vm.lookup_str(ty, "__len__").is_some() || matches!(obj.kind(), Some(ObjKind::List | ObjKind::Tuple | ObjKind::Str | ObjKind::Dict | ObjKind::Set | ObjKind::Bytes | ObjKind::ByteArray | ObjKind::Range)) {
        match vm.len(obj) {
            Ok(n) => return Ok(vm.new_int(n as i64)),
            Err(e) if vm.isinstance(e.0, vm.types.type_error) => {}
            Err(e) => return Err(e),
        }
    }
    let Some(hint) = vm.lookup_str(ty, "__length_hint__") else { return Ok(default) };
    let r = match vm.call(hint, &[obj]) {
        Ok(r) => r,
        Err(e) if vm.isinstance(e.0, vm.types.type_error) => return Ok(default),
        Err(e) => return Err(e),
    };
    if r == vm.not_implemented {
        return Ok(default);
    }
    if !vm.is_int(r) {
        let tn = vm.type_name_of(r);
        return Err(vm.type_error(&format!("__length_hint__ must be an integer, not {tn}")));
    }
    match vm.as_i64(r) {
        Some(n) if n < 0 => Err(vm.value_error("__length_hint__() should return >= 0")),
        Some(_) => Ok(r),
        None => Err(vm.overflow_error("cannot fit 'int' into an index-sized integer")),
    }
}

fn op_call(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    if positional(a, kw).is_empty() {
        return Err(vm.type_error("call expected at least 1 argument, got 0"));
    }
    vm.call_kw(a[0], &a[1..], kw)
}

fn op_compare_digest(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let (x, y) = two(vm, a, kw, "_compare_digest")?;
    let eq = if is_str(x) && is_str(y) {
        let (sx, sy) = (vm.str_of(x), vm.str_of(y));
        if !sx.is_ascii() || !sy.is_ascii() {
            return Err(vm.type_error("comparing strings with non-ASCII characters is not supported"));
        }
        constant_time_eq(sx.as_bytes(), sy.as_bytes())
    } else {
        let bx = if is_str(x) { None } else { with_buffer(vm, x, |b| b.to_vec())? };
        let by = if is_str(y) { None } else { with_buffer(vm, y, |b| b.to_vec())? };
        match (bx, by) {
            (Some(bx), Some(by)) => constant_time_eq(&bx, &by),
            (None, None) => {
                let (tx, ty) = (vm.type_name_of(x), vm.type_name_of(y));
                return Err(vm.type_error(&format!("unsupported operand types(s) or combination of types: '{tx}' and '{ty}'")));
            }
            (None, _) => {
                let tx = vm.type_name_of(x);
                return Err(vm.type_error(&format!("a bytes-like object is required, not '{tx}'")));
            }
            (_, None) => {
                let ty = vm.type_name_of(y);
                return Err(vm.type_error(&format!("a bytes-like object is required, not '{ty}'")));
            }
        }
    };
    Ok(vm.bool_val(eq))
}

/// Equality that looks at every byte whatever the first difference.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    let mut diff = (a.len() != b.len()) as u8;
    let other = if a.len() == b.len() { b } else { a };
    for (x, y) in a.iter().zip(other) {
        diff |= x ^ y;
    }
    diff == 0
}

/// itemgetter: the items to get.
struct ItemGetter {
    items: Vec<Value>,
}
native_state!(ItemGetter, |s, t| {
    t.visit_all(&s.items);
});

fn itemgetter_new(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    no_kw(vm, kw, "itemgetter")?;
    if a.len() < 2 {
        return Err(vm.type_error("itemgetter expected 1 argument, got 0"));
    }
    Ok(new_native(vm, a[0], ItemGetter { items: a[1..].to_vec() }))
}

/// The one positional argument of a getter's call.
fn call_arg(vm: &mut Vm, a: &[Value], kw: Value, name: &str) -> PyResult<Value> {
    no_kw(vm, kw, name)?;
    check_count(vm, a.len() - 1, name, 1, 1)?;
    Ok(a[1])
}

fn itemgetter_call(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let obj = call_arg(vm, a, kw, "itemgetter")?;
    let items = with_state::<ItemGetter, _>(vm, a[0], "operator.itemgetter", |s| s.items.clone())?;
    if items.len() == 1 {
        return vm.getitem(obj, items[0]);
    }
    let mut out = Vec::with_capacity(items.len());
    for k in items {
        out.push(vm.getitem(obj, k)?);
    }
    Ok(vm.new_tuple(out))
}

fn args_repr(vm: &mut Vm, items: &[Value]) -> PyResult<String> {
    let mut parts = Vec::with_capacity(items.len());
    for &v in items {
        parts.push(vm.repr(v)?);
    }
    Ok(parts.join(", "))
}

fn getter_repr(vm: &mut Vm, me: Value, items: &[Value]) -> PyResult<Value> {
    if vm.repr_stack.contains(&me) {
        let name = vm.type_name_of(me);
        return Ok(vm.new_string(format!("{name}(...)")));
    }
    vm.repr_stack.push(me);
    let r = args_repr(vm, items);
    vm.repr_stack.pop();
    let ty = vm.type_of(me);
    let name = vm.type_name_qualified(ty);
    Ok(vm.new_string(format!("{name}({})", r?)))
}

fn itemgetter_repr(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    slot(vm, a, 0)?;
    let items = with_state::<ItemGetter, _>(vm, a[0], "operator.itemgetter", |s| s.items.clone())?;
    getter_repr(vm, a[0], &items)
}

fn itemgetter_reduce(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    slot(vm, a, 0)?;
    let items = with_state::<ItemGetter, _>(vm, a[0], "operator.itemgetter", |s| s.items.clone())?;
    let ty = vm.type_of(a[0]);
    let args = vm.new_tuple(items);
    Ok(vm.new_tuple(vec![ty, args]))
}

/// attrgetter: each attribute as its dotted parts (interned names) and as given.
struct AttrGetter {
    attrs: Vec<Vec<Value>>,
    given: Vec<Value>,
}
native_state!(AttrGetter, |s, t| {
    for a in &s.attrs {
        t.visit_all(a);
    }
    t.visit_all(&s.given);
});

fn attrgetter_new(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    no_kw(vm, kw, "attrgetter")?;
    if a.len() < 2 {
        return Err(vm.type_error("attrgetter expected 1 argument, got 0"));
    }
    let mut attrs = Vec::with_capacity(a.len() - 1);
    for &v in &a[1..] {
        if !is_str(v) {
            return Err(vm.type_error("attribute name must be a string"));
        }
        let s = vm.str_of(v);
        let parts: Vec<Value> = s.split('.').map(|p| vm.intern(p)).collect();
        attrs.push(parts);
    }
    Ok(new_native(vm, a[0], AttrGetter { attrs, given: a[1..].to_vec() }))
}

fn attrgetter_call(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let obj = call_arg(vm, a, kw, "attrgetter")?;
    let attrs = with_state::<AttrGetter, _>(vm, a[0], "operator.attrgetter", |s| s.attrs.clone())?;
    let mut out = Vec::with_capacity(attrs.len());
    for parts in &attrs {
        let mut v = obj;
        for &p in parts {
            v = vm.getattr(v, p)?;
        }
        out.push(v);
    }
    if out.len() == 1 {
        return Ok(out[0]);
    }
    Ok(vm.new_tuple(out))
}

fn attrgetter_repr(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    slot(vm, a, 0)?;
    let given = with_state::<AttrGetter, _>(vm, a[0], "operator.attrgetter", |s| s.given.clone())?;
    getter_repr(vm, a[0], &given)
}

fn attrgetter_reduce(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    slot(vm, a, 0)?;
    let given = with_state::<AttrGetter, _>(vm, a[0], "operator.attrgetter", |s| s.given.clone())?;
    let ty = vm.type_of(a[0]);
    let args = vm.new_tuple(given);
    Ok(vm.new_tuple(vec![ty, args]))
}

/// methodcaller: the name, positional arguments, keyword names (a tuple) and values.
struct MethodCaller {
    name: Value,
    args: Vec<Value>,
    kwnames: Value,
}
native_state!(MethodCaller, |s, t| {
    t.visit(s.name);
    t.visit_all(&s.args);
    t.visit(s.kwnames);
});

fn methodcaller_new(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let pos = positional(&a[1..], kw);
    if pos.is_empty() {
        return Err(vm.type_error("methodcaller needs at least one argument, the method name"));
    }
    if !is_str(pos[0]) {
        return Err(vm.type_error("method name must be a string"));
    }
    let name = vm.intern_value(pos[0]);
    let args = a[2..].to_vec();
    let kwnames = if kw.is_null() { vm.empty_tuple } else { kw };
    Ok(new_native(vm, a[0], MethodCaller { name, args, kwnames }))
}

fn methodcaller_call(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let obj = call_arg(vm, a, kw, "methodcaller")?;
    let (name, args, kwnames) = with_state::<MethodCaller, _>(vm, a[0], "operator.methodcaller", |s| (s.name, s.args.clone(), s.kwnames))?;
    let f = vm.getattr(obj, name)?;
    let kwn = if nkw(kwnames) == 0 { Value::NULL } else { kwnames };
    vm.call_kw(f, &args, kwn)
}

fn methodcaller_parts(vm: &mut Vm, me: Value) -> PyResult<(Value, Vec<Value>, Vec<(Value, Value)>)> {
    let (name, args, kwnames) = with_state::<MethodCaller, _>(vm, me, "operator.methodcaller", |s| (s.name, s.args.clone(), s.kwnames))?;
    let names: Vec<Value> = kwnames.get::<TupleObj>().map(|t| t.items.to_vec()).unwrap_or_default();
    let npos = args.len() - names.len();
    let kws = names.iter().enumerate().map(|(i, &n)| (n, args[npos + i])).collect();
    Ok((name, args[..npos].to_vec(), kws))
}

fn methodcaller_repr(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    slot(vm, a, 0)?;
    let me = a[0];
    let ty = vm.type_of(me);
    let tn = vm.type_name_qualified(ty);
    if vm.repr_stack.contains(&me) {
        return Ok(vm.new_string(format!("{tn}(...)")));
    }
    let (name, args, kws) = methodcaller_parts(vm, me)?;
    vm.repr_stack.push(me);
    let r = (|| -> PyResult<String> {
        let mut parts = vec![vm.repr(name)?];
        for v in args {
            parts.push(vm.repr(v)?);
        }
        for (k, v) in kws {
            let ks = vm.str_of(k);
            parts.push(format!("{ks}={}", vm.repr(v)?));
        }
        Ok(parts.join(", "))
    })();
    vm.repr_stack.pop();
    Ok(vm.new_string(format!("{tn}({})", r?)))
}

fn methodcaller_reduce(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    slot(vm, a, 0)?;
    let me = a[0];
    let ty = vm.type_of(me);
    let (name, args, kws) = methodcaller_parts(vm, me)?;
    if kws.is_empty() {
        let mut all = vec![name];
        all.extend(args);
        let t = vm.new_tuple(all);
        return Ok(vm.new_tuple(vec![ty, t]));
    }
    // (partial(type, name, **kwargs), args)
    let fname = vm.new_str("functools");
    let bd = vm.builtins_dict;
    let import = vm.dict_get_by_str(bd, "__import__").unwrap_or(vm.none);
    let module = vm.call(import, &[fname])?;
    let partial = vm.getattr_str(module, "partial")?;
    let mut pargs = vec![ty, name];
    let mut names = Vec::new();
    for (k, v) in kws {
        pargs.push(v);
        names.push(k);
    }
    let kwn = vm.new_tuple(names);
    let p = vm.call_kw(partial, &pargs, kwn)?;
    let t = vm.new_tuple(args);
    Ok(vm.new_tuple(vec![p, t]))
}

fn getter_class(vm: &mut Vm, name: &str, new: NativeFn, call: NativeFn, repr: NativeFn, reduce: NativeFn) -> Value {
    let t = new_class(vm, M, name, None, ObjKind::Native, false);
    set_new(vm, t, new);
    add_methods(vm, t, &[("__call__", call), ("__repr__", repr), ("__reduce__", reduce)]);
    t
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    let doc = vm.new_str("Operator interface.\n\nThis module exports a set of functions implemented in C corresponding\nto the intrinsic operators of Python.  For example, operator.add(x, y)\nis equivalent to the expression x+y.  The function names are those\nused for special methods; variants without leading and trailing\n'__' are also provided for convenience.");
    set_attr(vm, m, "__doc__", doc);
    add_fns(
        vm,
        m,
        &[
            ("add", op_add),
            ("sub", op_sub),
            ("mul", op_mul),
            ("matmul", op_matmul),
            ("truediv", op_truediv),
            ("floordiv", op_floordiv),
            ("mod", op_mod),
            ("pow", op_pow),
            ("lshift", op_lshift),
            ("rshift", op_rshift),
            ("and_", op_and),
            ("or_", op_or),
            ("xor", op_xor),
            ("iadd", op_iadd),
            ("isub", op_isub),
            ("imul", op_imul),
            ("imatmul", op_imatmul),
            ("itruediv", op_itruediv),
            ("ifloordiv", op_ifloordiv),
            ("imod", op_imod),
            ("ipow", op_ipow),
            ("ilshift", op_ilshift),
            ("irshift", op_irshift),
            ("iand", op_iand),
            ("ior", op_ior),
            ("ixor", op_ixor),
            ("lt", op_lt),
            ("le", op_le),
            ("eq", op_eq),
            ("ne", op_ne),
            ("gt", op_gt),
            ("ge", op_ge),
            ("neg", op_neg),
            ("pos", op_pos),
            ("invert", op_invert),
            ("inv", op_inv),
            ("abs", op_abs),
            ("not_", op_not),
            ("truth", op_truth),
            ("index", op_index),
            ("is_", op_is),
            ("is_not", op_is_not),
            ("concat", op_concat),
            ("iconcat", op_iconcat),
            ("contains", op_contains),
            ("countOf", op_count_of),
            ("indexOf", op_index_of),
            ("getitem", op_getitem),
            ("setitem", op_setitem),
            ("delitem", op_delitem),
            ("length_hint", op_length_hint),
            ("call", op_call),
            ("_compare_digest", op_compare_digest),
        ],
    );
    let ig = getter_class(vm, "itemgetter", itemgetter_new, itemgetter_call, itemgetter_repr, itemgetter_reduce);
    set_attr(vm, m, "itemgetter", ig);
    let ag = getter_class(vm, "attrgetter", attrgetter_new, attrgetter_call, attrgetter_repr, attrgetter_reduce);
    set_attr(vm, m, "attrgetter", ag);
    let mc = getter_class(vm, "methodcaller", methodcaller_new, methodcaller_call, methodcaller_repr, methodcaller_reduce);
    set_attr(vm, m, "methodcaller", mc);
    Ok(())
}
