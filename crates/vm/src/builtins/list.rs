//! list and tuple: constructors, methods and a stable merge sort with fallible compares.

use pyjit_compiler::opcode::CmpOp;

use crate::heap::{ObjKind, Value};
use crate::interp::{PyResult, Vm};
use crate::objects::*;

use super::{marity, method, split_kw, static_method};

fn lst(vm: &mut Vm, v: Value) -> PyResult<crate::heap::Gc<ListObj>> {
    v.get::<ListObj>().ok_or_else(|| vm.type_error("descriptor requires a 'list' object"))
}

impl Vm {
    /// Sorts a list in place: stable, with `key` and `reverse`, errors from `<` propagated.
    pub fn sort_list(&mut self, l: Value, key: Value, reverse: bool) -> PyResult<()> {
        let list = l.get::<ListObj>().ok_or_else(|| self.type_error("expected a list"))?;
        // The list keeps rooting its items while keys are computed and compared.
        let items = list.snapshot();
        let keys: Vec<Value> = if key.is_null() {
            items.clone()
        } else {
            let khold = self.new_list(vec![]);
            let mut ks = Vec::with_capacity(items.len());
            for &it in &items {
                let k = self.call(key, &[it])?;
                ks.push(k);
                if let Some(kl) = khold.get::<ListObj>() {
                    kl.items.borrow_mut().push(k);
                }
            }
            ks
        };
        let mut idx: Vec<usize> = (0..items.len()).collect();
        if reverse {
            idx.reverse();
        }
        self.merge_sort(&mut idx, &keys)?;
        if reverse {
            idx.reverse();
        }
        let unchanged = {
            let now = list.items.borrow();
            now.len() == items.len() && now.iter().zip(items.iter()).all(|(a, b)| a == b)
        };
        if !unchanged {
            return Err(self.value_error("list modified during sort"));
        }
        let sorted: Vec<Value> = idx.iter().map(|&i| items[i]).collect();
        *list.items.borrow_mut() = sorted;
        Ok(())
    }

    fn less(&mut self, a: Value, b: Value) -> PyResult<bool> {
        if a.is_small() && b.is_small() {
            return Ok(a.small_value() < b.small_value());
        }
        self.compare_bool(a, b, CmpOp::Lt)
    }

    /// `a < b` for keys all of the class `k` (see `key_class`): what `<` would say, without
    /// going through the general comparison where the class's own `<` is known.
    fn less_by(&mut self, k: KeyClass, a: Value, b: Value) -> PyResult<bool> {
        match k {
            KeyClass::Str => Ok(str_lt(a, b)),
            KeyClass::Float => Ok(float_of(a) < float_of(b)),
            KeyClass::Any => self.less(a, b),
            KeyClass::TupleOfStr | KeyClass::TupleOfSmall | KeyClass::TupleOfFloat => {
                // the first items decide unless they are equal (CPython's unsafe_tuple_compare)
                let (Some(x), Some(y)) = (a.get::<TupleObj>(), b.get::<TupleObj>()) else { return self.less(a, b) };
                let (p, q) = (x.items[0], y.items[0]);
                let first = match k {
                    KeyClass::TupleOfStr => str_cmp(p, q),
                    KeyClass::TupleOfSmall => Some(p.small_value().cmp(&q.small_value())),
                    _ => float_of(p).partial_cmp(&float_of(q)),
                };
                match first {
                    Some(std::cmp::Ordering::Less) => Ok(true),
                    Some(std::cmp::Ordering::Greater) => Ok(false),
                    _ => self.tuple_lt(&x.items, &y.items),
                }
            }
        }
    }

    /// `x < y` for the items of two tuples: the first unequal pair decides, compared
    /// directly when both are str or both small ints.
    fn tuple_lt(&mut self, x: &[Value], y: &[Value]) -> PyResult<bool> {
        for (&p, &q) in x.iter().zip(y.iter()) {
            if p == q {
                continue;
            }
            let direct = if p.is_small() && q.is_small() {
                Some(p.small_value().cmp(&q.small_value()))
            } else if p.kind() == Some(ObjKind::Str) && q.kind() == Some(ObjKind::Str) && self.type_of(p) == self.types.str && self.type_of(q) == self.types.str {
                str_cmp(p, q)
            } else {
                None
            };
            match direct {
                Some(std::cmp::Ordering::Equal) => continue,
                Some(o) => return Ok(o == std::cmp::Ordering::Less),
                None => {
                    if self.eq(p, q)? {
                        continue;
                    }
                    return self.compare_bool(p, q, CmpOp::Lt);
                }
            }
        }
        Ok(x.len() < y.len())
    }

    /// The class shared by every sort key, for `less_by`'s direct comparisons.
    fn key_class(&self, keys: &[Value]) -> KeyClass {
        let Some(&k0) = keys.first() else { return KeyClass::Any };
        let (str_t, float_t, tuple_t) = (self.types.str, self.types.float, self.types.tuple);
        let all = |f: &dyn Fn(Value) -> bool| keys.iter().all(|&k| f(k));
        if self.type_of(k0) == str_t && all(&|k| self.type_of(k) == str_t) {
            return KeyClass::Str;
        }
        if self.type_of(k0) == float_t && all(&|k| self.type_of(k) == float_t) {
            return KeyClass::Float;
        }
        let first = |k: Value| k.get::<TupleObj>().and_then(|t| t.items.first().copied());
        if self.type_of(k0) == tuple_t && all(&|k| self.type_of(k) == tuple_t && first(k).is_some()) {
            let firsts = || keys.iter().filter_map(|&k| first(k));
            if firsts().all(|f| self.type_of(f) == str_t) {
                return KeyClass::TupleOfStr;
            }
            if firsts().all(|f| f.is_small()) {
                return KeyClass::TupleOfSmall;
            }
            if firsts().all(|f| self.type_of(f) == float_t) {
                return KeyClass::TupleOfFloat;
            }
        }
        KeyClass::Any
    }

    /// Stable merge sort of indexes by keys (reverse order keeps stability by pre-reversal).
    fn merge_sort(&mut self, idx: &mut Vec<usize>, keys: &[Value]) -> PyResult<()> {
        let n = idx.len();
        if n < 2 {
            return Ok(());
        }
        let class = self.key_class(keys);
        // insertion sort for short runs, then bottom-up merges
        const RUN: usize = 16;
        let mut start = 0;
        while start < n {
            let end = (start + RUN).min(n);
            for i in start + 1..end {
                let mut j = i;
                while j > start && self.less_by(class, keys[idx[j]], keys[idx[j - 1]])? {
                    idx.swap(j, j - 1);
                    j -= 1;
                }
            }
            start = end;
        }
        let mut width = RUN;
        let mut buf = vec![0usize; n];
        while width < n {
            let mut lo = 0;
            while lo < n {
                let mid = (lo + width).min(n);
                let hi = (lo + 2 * width).min(n);
                let (mut i, mut j, mut k) = (lo, mid, lo);
                while i < mid && j < hi {
                    if self.less_by(class, keys[idx[j]], keys[idx[i]])? {
                        buf[k] = idx[j];
                        j += 1;
                    } else {
                        buf[k] = idx[i];
                        i += 1;
                    }
                    k += 1;
                }
                while i < mid {
                    buf[k] = idx[i];
                    i += 1;
                    k += 1;
                }
                while j < hi {
                    buf[k] = idx[j];
                    j += 1;
                    k += 1;
                }
                lo = hi;
            }
            idx.copy_from_slice(&buf);
            width *= 2;
        }
        Ok(())
    }
}

/// What every key of a sort is, when that allows comparing them directly.
#[derive(Clone, Copy, PartialEq, Eq)]
enum KeyClass {
    Any,
    Str,
    Float,
    /// Non-empty tuples whose first items are all str / small ints / floats.
    TupleOfStr,
    TupleOfSmall,
    TupleOfFloat,
}

fn str_cmp(a: Value, b: Value) -> Option<std::cmp::Ordering> {
    let (x, y) = (a.get::<StrObj>()?, b.get::<StrObj>()?);
    Some(x.cmp_str(&y))
}

fn str_lt(a: Value, b: Value) -> bool {
    str_cmp(a, b) == Some(std::cmp::Ordering::Less)
}

fn float_of(v: Value) -> f64 {
    v.get::<FloatObj>().map(|f| f.0).unwrap_or(f64::NAN)
}

fn list_new(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let cls = args[0];
    if cls == vm.types.list {
        return Ok(vm.new_list(vec![]));
    }
    Ok(vm.alloc(cls, ListObj::new(vec![])).value())
}

fn list_init(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    super::no_kw(vm, kw, "list")?;
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
    lst(vm, a[0])?.items.borrow_mut().push(a[1]);
    Ok(vm.none)
}

fn l_extend(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 2, "list.extend")?;
    let (_h, items) = vm.to_vec(a[1])?;
    lst(vm, a[0])?.items.borrow_mut().extend(items);
    Ok(vm.none)
}

fn l_insert(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 3, 3, "insert")?;
    let l = lst(vm, a[0])?;
    let i = vm.index_of(a[1])?;
    let i = vm.as_i64(i).unwrap_or(0);
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
        Some(&v) => {
            let i = vm.index_of(v)?;
            vm.as_i64(i).unwrap_or(i64::MAX)
        }
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
    let norm = |vm: &mut Vm, v: Option<&Value>, d: i64| -> i64 {
        match v {
            Some(&x) => {
                let i = vm.as_i64(x).unwrap_or(d);
                if i < 0 {
                    (i + n).max(0)
                } else {
                    i.min(n)
                }
            }
            None => d,
        }
    };
    let st = norm(vm, a.get(2), 0);
    let en = norm(vm, a.get(3), n);
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
            "reverse" => reverse = vm.truthy(v)?,
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
    match super::seqops::native_getitem(vm, a[0], a[1])? {
        Some(v) => Ok(v),
        None => Err(vm.type_error("indices must be integers")),
    }
}

fn l_setitem(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    super::seqops::native_setitem(vm, a[0], a[1], a[2])?;
    Ok(vm.none)
}

fn l_delitem(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    super::seqops::native_delitem(vm, a[0], a[1])?;
    Ok(vm.none)
}

fn l_contains(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
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
    super::no_kw(vm, kw, "tuple")?;
    let cls = args[0];
    if args.len() > 2 {
        return Err(vm.type_error(&format!("tuple expected at most 1 argument, got {}", args.len() - 1)));
    }
    let items = match args.get(1) {
        Some(&src) => {
            if cls == vm.types.tuple && src.kind() == Some(ObjKind::Tuple) && !vm.is_heap_type(src) {
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
