//! list and tuple: constructors and methods (`list.sort` is in listsort.rs).

use pyjit_compiler::opcode::CmpOp;

use crate::heap::{ObjKind, Value};
use crate::interp::{PyResult, Vm};
use crate::objects::*;

use super::{marity, method, split_kw, static_method};

fn lst(vm: &mut Vm, v: Value) -> PyResult<crate::heap::Gc<ListObj>> {
    v.get::<ListObj>().ok_or_else(|| vm.type_error("descriptor requires a 'list' object"))
}

fn list_new(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let cls = args[0];
    if cls == vm.types.list {
        return Ok(vm.new_list(vec![]));
    }
    Ok(vm.alloc(cls, ListObj::new(vec![])).value())
}

fn list_init(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    let lt = vm.types.list;
    super::no_kw_unless_new(vm, kw, args[0], lt, "list")?;
    let args = &args[..args.len() - kw.get::<TupleObj>().map_or(0, |t| t.items.len())];
    if args.len() > 2 {
        return Err(vm.type_error(&format!("list expected at most 1 argument, got {}", args.len() - 1)));
    }
    let l = lst(vm, args[0])?;
    l.items.borrow_mut().clear();
    if let Some(&src) = args.get(1) {
        let (_h, items) = vm.to_vec(src)?;
        *l.items.borrow_mut() = items;
    }
    Ok(vm.none)
}

fn l_append(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 2, "list.append")?;
    let l = lst(vm, a[0])?;
    let mut items = l.items.borrow_mut();
    // a list that cannot grow is a MemoryError, not an abort
    if items.len() == items.capacity() && items.try_reserve(1).is_err() {
        drop(items);
        return Err(vm.memory_error());
    }
    items.push(a[1]);
    Ok(vm.none)
}

fn l_extend(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 2, "list.extend")?;
    let (_h, items) = vm.to_vec(a[1])?;
    let l = lst(vm, a[0])?;
    let mut dst = l.items.borrow_mut();
    if dst.try_reserve(items.len()).is_err() {
        drop(dst);
        return Err(vm.memory_error());
    }
    dst.extend(items);
    Ok(vm.none)
}

fn l_insert(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 3, 3, "insert")?;
    let l = lst(vm, a[0])?;
    let i = vm.ssize_arg(a[1])?;
    let n = l.len() as i64;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    l.items.borrow_mut().insert(j as usize, a[2]);
    Ok(vm.none)
}

fn l_pop(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 1, 2, "pop")?;
    let l = lst(vm, a[0])?;
    let n = l.len();
    if n == 0 {
        return Err(vm.index_error("pop from empty list"));
    }
    let i = match a.get(1) {
        Some(&v) => vm.ssize_arg(v)?,
        None => -1,
    };
    let j = if i < 0 { i + n as i64 } else { i };
    if j < 0 || j >= n as i64 {
        return Err(vm.index_error("pop index out of range"));
    }
    let v = l.items.borrow_mut().remove(j as usize);
    Ok(v)
}

fn l_remove(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 2, "remove")?;
    let l = lst(vm, a[0])?;
    let items = l.snapshot();
    for (i, x) in items.iter().enumerate() {
        if vm.eq(*x, a[1])? {
            let mut it = l.items.borrow_mut();
            if i < it.len() {
                it.remove(i);
            }
            return Ok(vm.none);
        }
    }
    Err(vm.value_error("list.remove(x): x not in list"))
}

fn l_index(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 4, "index")?;
    let items = seq_items(vm, a[0])?;
    let n = items.len() as i64;
    // start and stop clamp like slice indices (ints of any size)
    let norm = |vm: &mut Vm, v: Option<&Value>, d: i64| -> PyResult<i64> {
        match v {
            Some(&x) => {
                let i = vm.slice_part(x)?.unwrap_or(d);
                Ok(if i < 0 { (i + n).max(0) } else { i.min(n) })
            }
            None => Ok(d),
        }
    };
    let st = norm(vm, a.get(2), 0)?;
    let en = norm(vm, a.get(3), n)?;
    for i in st..en {
        if vm.eq(items[i as usize], a[1])? {
            return Ok(vm.new_int(i));
        }
    }
    if a[0].kind() == Some(ObjKind::Tuple) {
        return Err(vm.value_error("tuple.index(x): x not in tuple"));
    }
    let r = vm.repr(a[1])?;
    Err(vm.value_error(&format!("{r} is not in list")))
}

fn seq_items(vm: &mut Vm, v: Value) -> PyResult<Vec<Value>> {
    if let Some(l) = v.get::<ListObj>() {
        return Ok(l.snapshot());
    }
    if let Some(t) = v.get::<TupleObj>() {
        return Ok(t.items.to_vec());
    }
    Err(vm.type_error("expected a list or tuple"))
}

fn l_count(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 2, "count")?;
    let items = seq_items(vm, a[0])?;
    let mut c = 0;
    for x in items {
        if vm.eq(x, a[1])? {
            c += 1;
        }
    }
    Ok(vm.new_int(c))
}

fn l_reverse(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    lst(vm, a[0])?.items.borrow_mut().reverse();
    Ok(vm.none)
}

fn l_clear(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    lst(vm, a[0])?.items.borrow_mut().clear();
    Ok(vm.none)
}

fn l_copy(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let items = lst(vm, a[0])?.snapshot();
    Ok(vm.new_list(items))
}

fn l_sort(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let (pos, kws) = split_kw(vm, a, k);
    if pos.len() > 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    let mut key = Value::NULL;
    let mut reverse = false;
    for (n, v) in kws {
        match n.as_str() {
            "key" => {
                if v != vm.none {
                    key = v
                }
            }
            "reverse" => reverse = vm.c_int_arg(v)? != 0,
            _ => return Err(vm.type_error(&format!("'{n}' is an invalid keyword argument for sort()"))),
        }
    }
    vm.sort_list(pos[0], key, reverse)?;
    Ok(vm.none)
}

fn l_len(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let n = seq_items(vm, a[0])?.len();
    Ok(vm.new_int(n as i64))
}

fn l_getitem(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    if a.len() != 2 {
        // list's is a method taking one argument, tuple's a slot wrapper
        if a.first().is_some_and(|s| s.kind() == Some(crate::heap::ObjKind::List)) {
            marity(vm, a, 2, 2, "list.__getitem__")?;
        }
        super::slot_args(vm, a, 1)?;
    }
    match super::seqops::native_getitem(vm, a[0], a[1])? {
        Some(v) => Ok(v),
        None => Err(vm.type_error("indices must be integers")),
    }
}

fn l_setitem(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    super::slot_args(vm, a, 2)?;
    super::seqops::native_setitem(vm, a[0], a[1], a[2])?;
    Ok(vm.none)
}

fn l_delitem(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    super::slot_args(vm, a, 1)?;
    super::seqops::native_delitem(vm, a[0], a[1])?;
    Ok(vm.none)
}

fn l_contains(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    super::slot_args(vm, a, 1)?;
    let r = super::seqops::native_contains(vm, a[0], a[1])?.unwrap_or(false);
    Ok(vm.bool_val(r))
}

fn l_iter(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let t = if a[0].kind() == Some(ObjKind::List) { vm.types.list_iterator } else { vm.types.tuple_iterator };
    Ok(vm.new_iter(t, IterState::Seq { seq: a[0], index: 0 }))
}

fn l_reversed(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let n = seq_items(vm, a[0])?.len();
    let t = vm.types.list_reverseiterator;
    Ok(vm.new_iter(t, IterState::Reversed { seq: a[0], index: n as isize - 1 }))
}

fn seq_binop_m(vm: &mut Vm, a: &[Value], op: pyjit_compiler::opcode::BinOp, inplace: bool) -> PyResult<Value> {
    match super::seqops::seq_binop(vm, a[0], a[1], op, inplace)? {
        Some(v) => Ok(v),
        None => Ok(vm.not_implemented),
    }
}
fn l_add(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    if a[0].kind() != a[1].kind() {
        return Ok(vm.not_implemented);
    }
    seq_binop_m(vm, a, pyjit_compiler::opcode::BinOp::Add, false)
}
fn l_iadd(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    seq_binop_m(vm, a, pyjit_compiler::opcode::BinOp::Add, true)
}
fn l_mul(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    seq_binop_m(vm, a, pyjit_compiler::opcode::BinOp::Mul, false)
}
fn l_imul(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    seq_binop_m(vm, a, pyjit_compiler::opcode::BinOp::Mul, true)
}

macro_rules! seq_cmp {
    ($name:ident, $op:expr) => {
        fn $name(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
            if a[0].kind() != a[1].kind() {
                return Ok(vm.not_implemented);
            }
            match super::compare::native_compare(vm, a[0], a[1], $op)? {
                Some(r) => Ok(r),
                None => Ok(vm.not_implemented),
            }
        }
    };
}
seq_cmp!(s_eq, CmpOp::Eq);
seq_cmp!(s_ne, CmpOp::Ne);
seq_cmp!(s_lt, CmpOp::Lt);
seq_cmp!(s_le, CmpOp::Le);
seq_cmp!(s_gt, CmpOp::Gt);
seq_cmp!(s_ge, CmpOp::Ge);

fn s_repr(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    match super::repr::native_repr(vm, a[0])? {
        Some(s) => Ok(vm.new_string(s)),
        None => Ok(vm.empty_str),
    }
}

fn tuple_new(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    let cls = args[0];
    super::no_kw_unless_init(vm, kw, cls, "tuple")?;
    let args = &args[..args.len() - kw.get::<TupleObj>().map_or(0, |t| t.items.len())];
    if args.len() > 2 {
        return Err(vm.type_error(&format!("tuple expected at most 1 argument, got {}", args.len() - 1)));
    }
    let items = match args.get(1) {
        Some(&src) => {
            if cls == vm.types.tuple && src.kind() == Some(ObjKind::Tuple) && vm.type_of(src) == vm.types.tuple {
                // an exact tuple is its own copy (a subclass, sys.flags included, is copied)
                return Ok(src);
            }
            vm.to_vec(src)?.1
        }
        None => vec![],
    };
    if cls == vm.types.tuple {
        return Ok(vm.new_tuple(items));
    }
    Ok(vm.alloc(cls, TupleObj { items: items.into_boxed_slice() }).value())
}

fn t_hash(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let items = seq_items(vm, a[0])?;
    let mut hs = Vec::with_capacity(items.len());
    for it in items {
        hs.push(vm.hash(it)?);
    }
    Ok(vm.new_int(super::hash::tuple_hash(&hs)))
}

fn t_getnewargs(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let items = seq_items(vm, a[0])?;
    let t = vm.new_tuple(items);
    Ok(vm.new_tuple(vec![t]))
}

pub fn register(vm: &mut Vm) {
    let l = vm.types.list;
    static_method(vm, l, "__new__", list_new);
    let ms: &[(&'static str, crate::interp::NativeFn)] = &[
        ("__init__", list_init),
        ("append", l_append),
        ("extend", l_extend),
        ("insert", l_insert),
        ("pop", l_pop),
        ("remove", l_remove),
        ("index", l_index),
        ("count", l_count),
        ("reverse", l_reverse),
        ("clear", l_clear),
        ("copy", l_copy),
        ("sort", l_sort),
        ("__len__", l_len),
        ("__getitem__", l_getitem),
        ("__setitem__", l_setitem),
        ("__delitem__", l_delitem),
        ("__contains__", l_contains),
        ("__iter__", l_iter),
        ("__reversed__", l_reversed),
        ("__add__", l_add),
        ("__iadd__", l_iadd),
        ("__mul__", l_mul),
        ("__rmul__", l_mul),
        ("__imul__", l_imul),
        ("__eq__", s_eq),
        ("__ne__", s_ne),
        ("__lt__", s_lt),
        ("__le__", s_le),
        ("__gt__", s_gt),
        ("__ge__", s_ge),
        ("__repr__", s_repr),
    ];
    for &(n, f) in ms {
        method(vm, l, n, f);
    }
    let none = vm.none;
    if let Some(d) = l.get::<TypeObj>().map(|t| t.dict) {
        vm.dict_set_str(d, "__hash__", none);
    }
    let t = vm.types.tuple;
    static_method(vm, t, "__new__", tuple_new);
    let ts: &[(&'static str, crate::interp::NativeFn)] = &[
        ("index", l_index),
        ("count", l_count),
        ("__len__", l_len),
        ("__getitem__", l_getitem),
        ("__contains__", l_contains),
        ("__iter__", l_iter),
        ("__add__", l_add),
        ("__mul__", l_mul),
        ("__rmul__", l_mul),
        ("__eq__", s_eq),
        ("__ne__", s_ne),
        ("__lt__", s_lt),
        ("__le__", s_le),
        ("__gt__", s_gt),
        ("__ge__", s_ge),
        ("__hash__", t_hash),
        ("__repr__", s_repr),
        ("__getnewargs__", t_getnewargs),
    ];
    for &(n, f) in ts {
        method(vm, t, n, f);
    }
}
