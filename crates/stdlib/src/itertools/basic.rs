//! accumulate, chain, compress, dropwhile, takewhile, filterfalse and starmap.

use crate::native_state;
use crate::util::*;
use super::MODULE;

use pyjit_compiler::opcode::BinOp;

struct Accumulate {
    it: Value,
    func: Value,
    total: Value,
    initial: Value,
}
native_state!(Accumulate, |s, t| {
    t.visit_all(&[s.it, s.func, s.total, s.initial]);
});

fn accumulate_new(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let args = parse(vm, &a[1..], kw, "accumulate", &["iterable", "func"], &["initial"], 1)?;
    let none = vm.none;
    let it = vm.iter(args[0].unwrap_or(none))?;
    let func = args[1].filter(|f| *f != none).unwrap_or(Value::NULL);
    let initial = args[2].filter(|f| *f != none).unwrap_or(Value::NULL);
    Ok(new_native_iter(vm, a[0], Accumulate { it, func, total: Value::NULL, initial }, accumulate_next))
}

fn accumulate_next(vm: &mut Vm, me: Value) -> PyResult<Option<Value>> {
    let (it, func, total, initial) = with_state::<Accumulate, _>(vm, me, "accumulate", |s| (s.it, s.func, s.total, s.initial))?;
    if !initial.is_null() {
        with_state::<Accumulate, _>(vm, me, "accumulate", |s| {
            s.total = initial;
            s.initial = Value::NULL;
        })?;
        return Ok(Some(initial));
    }
    let Some(v) = vm.next(it)? else { return Ok(None) };
    let new_total = if total.is_null() {
        v
    } else if func.is_null() {
        if total.is_small() && v.is_small() {
            match total.small_value().checked_add(v.small_value()) {
                Some(n) => vm.new_int(n),
                None => vm.binary_op(total, v, BinOp::Add, false)?,
            }
        } else {
            vm.binary_op(total, v, BinOp::Add, false)?
        }
    } else {
        vm.call(func, &[total, v])?
    };
    with_state::<Accumulate, _>(vm, me, "accumulate", |s| s.total = new_total)?;
    Ok(Some(new_total))
}

/// chain: the iterator over the iterables (NULL when done) and the active one.
struct Chain {
    source: Value,
    active: Value,
}
native_state!(Chain, |s, t| {
    t.visit(s.source);
    t.visit(s.active);
});

fn chain_new(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    no_kw_new(vm, kw, a[0], "chain")?;
    let a = &a[..a.len() - nkw(kw)];
    let args = vm.new_tuple(a[1..].to_vec());
    let source = vm.iter(args)?;
    Ok(new_native_iter(vm, a[0], Chain { source, active: Value::NULL }, chain_next))
}

fn chain_from_iterable(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let x = onearg(vm, a, kw, "chain.from_iterable")?;
    let source = vm.iter(x)?;
    Ok(new_native_iter(vm, a[0], Chain { source, active: Value::NULL }, chain_next))
}

fn chain_next(vm: &mut Vm, me: Value) -> PyResult<Option<Value>> {
    loop {
        let (source, active) = with_state::<Chain, _>(vm, me, "chain", |s| (s.source, s.active))?;
        if active.is_null() {
            if source.is_null() {
                return Ok(None);
            }
            let iterable = match vm.next(source) {
                Ok(Some(x)) => x,
                Ok(None) => {
                    with_state::<Chain, _>(vm, me, "chain", |s| s.source = Value::NULL)?;
                    return Ok(None);
                }
                Err(e) => {
                    with_state::<Chain, _>(vm, me, "chain", |s| s.source = Value::NULL)?;
                    return Err(e);
                }
            };
            let it = match vm.iter(iterable) {
                Ok(it) => it,
                Err(e) => {
                    with_state::<Chain, _>(vm, me, "chain", |s| s.source = Value::NULL)?;
                    return Err(e);
                }
            };
            with_state::<Chain, _>(vm, me, "chain", |s| s.active = it)?;
            continue;
        }
        match vm.next(active)? {
            Some(v) => return Ok(Some(v)),
            None => with_state::<Chain, _>(vm, me, "chain", |s| s.active = Value::NULL)?,
        }
    }
}

struct Compress {
    data: Value,
    selectors: Value,
}
native_state!(Compress, |s, t| {
    t.visit(s.data);
    t.visit(s.selectors);
});

fn compress_new(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let args = parse(vm, &a[1..], kw, "compress", &["data", "selectors"], &[], 2)?;
    let none = vm.none;
    let data = vm.iter(args[0].unwrap_or(none))?;
    let selectors = vm.iter(args[1].unwrap_or(none))?;
    Ok(new_native_iter(vm, a[0], Compress { data, selectors }, compress_next))
}

fn compress_next(vm: &mut Vm, me: Value) -> PyResult<Option<Value>> {
    let (data, selectors) = with_state::<Compress, _>(vm, me, "compress", |s| (s.data, s.selectors))?;
    loop {
        let Some(d) = vm.next(data)? else { return Ok(None) };
        let Some(s) = vm.next(selectors)? else { return Ok(None) };
        if vm.truthy(s)? {
            return Ok(Some(d));
        }
    }
}

/// dropwhile, takewhile and filterfalse: a predicate, an iterator and a flag (dropping
/// done / taking stopped).
struct Pred {
    func: Value,
    it: Value,
    flag: bool,
}
native_state!(Pred, |s, t| {
    t.visit(s.func);
    t.visit(s.it);
});

fn pred_new(vm: &mut Vm, a: &[Value], kw: Value, name: &str, next: NativeNext) -> PyResult<Value> {
    no_kw_new(vm, kw, a[0], name)?;
    let a = &a[..a.len() - nkw(kw)];
    check_count(vm, a.len() - 1, name, 2, 2)?;
    let it = vm.iter(a[2])?;
    Ok(new_native_iter(vm, a[0], Pred { func: a[1], it, flag: false }, next))
}

fn dropwhile_new(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    pred_new(vm, a, kw, "dropwhile", dropwhile_next)
}

fn takewhile_new(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    pred_new(vm, a, kw, "takewhile", takewhile_next)
}

fn filterfalse_new(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    pred_new(vm, a, kw, "filterfalse", filterfalse_next)
}

fn pred_state(vm: &mut Vm, me: Value) -> PyResult<(Value, Value, bool)> {
    with_state::<Pred, _>(vm, me, "iterator", |s| (s.func, s.it, s.flag))
}

fn dropwhile_next(vm: &mut Vm, me: Value) -> PyResult<Option<Value>> {
    let (func, it, dropped) = pred_state(vm, me)?;
    loop {
        let Some(v) = vm.next(it)? else { return Ok(None) };
        if dropped {
            return Ok(Some(v));
        }
        let r = vm.call(func, &[v])?;
        if !vm.truthy(r)? {
            with_state::<Pred, _>(vm, me, "dropwhile", |s| s.flag = true)?;
            return Ok(Some(v));
        }
    }
}

fn takewhile_next(vm: &mut Vm, me: Value) -> PyResult<Option<Value>> {
    let (func, it, stopped) = pred_state(vm, me)?;
    if stopped {
        return Ok(None);
    }
    let Some(v) = vm.next(it)? else { return Ok(None) };
    let r = vm.call(func, &[v])?;
    if vm.truthy(r)? {
        return Ok(Some(v));
    }
    with_state::<Pred, _>(vm, me, "takewhile", |s| s.flag = true)?;
    Ok(None)
}

fn filterfalse_next(vm: &mut Vm, me: Value) -> PyResult<Option<Value>> {
    let (func, it, _) = pred_state(vm, me)?;
    let none = vm.none;
    loop {
        let Some(v) = vm.next(it)? else { return Ok(None) };
        let ok = if func == none {
            vm.truthy(v)?
        } else {
            let r = vm.call(func, &[v])?;
            vm.truthy(r)?
        };
        if !ok {
            return Ok(Some(v));
        }
    }
}

struct Starmap {
    func: Value,
    it: Value,
}
native_state!(Starmap, |s, t| {
    t.visit(s.func);
    t.visit(s.it);
});

fn starmap_new(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    no_kw_new(vm, kw, a[0], "starmap")?;
    let a = &a[..a.len() - nkw(kw)];
    check_count(vm, a.len() - 1, "starmap", 2, 2)?;
    let it = vm.iter(a[2])?;
    Ok(new_native_iter(vm, a[0], Starmap { func: a[1], it }, starmap_next))
}

fn starmap_next(vm: &mut Vm, me: Value) -> PyResult<Option<Value>> {
    let (func, it) = with_state::<Starmap, _>(vm, me, "starmap", |s| (s.func, s.it))?;
    let Some(args) = vm.next(it)? else { return Ok(None) };
    let items = match args.get::<TupleObj>() {
        Some(t) if args.kind() == Some(ObjKind::Tuple) => t.items.to_vec(),
        _ => vm.to_vec(args)?.1,
    };
    vm.call(func, &items).map(Some)
}

// ---- pickling: __reduce__ and __setstate__ as CPython's ----

/// `(a, b)` or `(a, b, c)`.
fn tuple_of(vm: &mut Vm, items: Vec<Value>) -> Value {
    vm.new_tuple(items)
}

fn or_none(vm: &Vm, v: Value) -> Value {
    if v.is_null() { vm.none } else { v }
}

/// A class of the itertools module, for reductions made of several iterators.
fn itertools_class(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let none = vm.none;
    let zero = vm.new_int(0);
    let modname = vm.new_str("itertools");
    let m = pyjit_vm::modules::import::import_name(vm, modname, none, none, zero)?;
    let n = vm.new_str(name);
    vm.getattr(m, n)
}

/// `itertools.chain(*args)`, for reductions that put something in front of an iterator.
fn make_chain(vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    let chain = itertools_class(vm, "chain")?;
    vm.call(chain, args)
}

fn accumulate_reduce(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "accumulate.__reduce__")?;
    let (it, func, total, initial) = with_state::<Accumulate, _>(vm, a[0], "accumulate", |s| (s.it, s.func, s.total, s.initial))?;
    let ty = vm.type_of(a[0]);
    let func = or_none(vm, func);
    if !initial.is_null() {
        // the initial value still to come goes in front of the iterator
        let first = vm.new_tuple(vec![initial]);
        let it = make_chain(vm, &[first, it])?;
        let args = tuple_of(vm, vec![it, func]);
        return Ok(tuple_of(vm, vec![ty, args]));
    }
    if total == vm.none {
        // a None state would not be pickled: islice(accumulate(chain((None,), it)), 1, None)
        let first = vm.new_tuple(vec![total]);
        let it = make_chain(vm, &[first, it])?;
        let acc = vm.call(ty, &[it, func])?;
        let islice = itertools_class(vm, "islice")?;
        let one = vm.new_int(1);
        let none = vm.none;
        let args = tuple_of(vm, vec![acc, one, none]);
        return Ok(tuple_of(vm, vec![islice, args]));
    }
    let args = tuple_of(vm, vec![it, func]);
    if total.is_null() {
        return Ok(tuple_of(vm, vec![ty, args]));
    }
    Ok(tuple_of(vm, vec![ty, args, total]))
}

fn accumulate_setstate(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = onearg(vm, a, kw, "accumulate.__setstate__")?;
    with_state::<Accumulate, _>(vm, a[0], "accumulate", |s| s.total = v)?;
    Ok(vm.none)
}

fn is_iterator(vm: &mut Vm, v: Value) -> bool {
    let ty = vm.type_of(v);
    let n = vm.intern("__next__");
    vm.lookup(ty, n).is_some()
}

fn chain_reduce(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "chain.__reduce__")?;
    let (source, active) = with_state::<Chain, _>(vm, a[0], "chain", |s| (s.source, s.active))?;
    let ty = vm.type_of(a[0]);
    let empty = vm.empty_tuple;
    if source.is_null() {
        return Ok(tuple_of(vm, vec![ty, empty]));
    }
    let state = if active.is_null() { vec![source] } else { vec![source, active] };
    let state = vm.new_tuple(state);
    Ok(tuple_of(vm, vec![ty, empty, state]))
}

fn chain_setstate(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let state = onearg(vm, a, kw, "chain.__setstate__")?;
    let Some(items) = state.get::<TupleObj>().filter(|_| state.kind() == Some(ObjKind::Tuple)).map(|t| t.items.to_vec()) else {
        return Err(vm.type_error("state is not a tuple"));
    };
    if items.is_empty() || items.len() > 2 {
        let n = items.len();
        let msg = if n == 0 { "chain expected at least 1 argument, got 0".to_string() } else { format!("chain expected at most 2 arguments, got {n}") };
        return Err(vm.type_error(&msg));
    }
    if !is_iterator(vm, items[0]) || (items.len() == 2 && !is_iterator(vm, items[1])) {
        return Err(vm.type_error("Arguments must be iterators."));
    }
    let active = items.get(1).copied().unwrap_or(Value::NULL);
    with_state::<Chain, _>(vm, a[0], "chain", |s| {
        s.source = items[0];
        s.active = active;
    })?;
    Ok(vm.none)
}

fn compress_reduce(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "compress.__reduce__")?;
    let (data, selectors) = with_state::<Compress, _>(vm, a[0], "compress", |s| (s.data, s.selectors))?;
    let ty = vm.type_of(a[0]);
    let args = tuple_of(vm, vec![data, selectors]);
    Ok(tuple_of(vm, vec![ty, args]))
}

/// dropwhile and takewhile: `(type, (func, it), flag)`.
fn pred_reduce_flag(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "__reduce__")?;
    let (func, it, flag) = pred_state(vm, a[0])?;
    let ty = vm.type_of(a[0]);
    let args = tuple_of(vm, vec![func, it]);
    let f = vm.new_int(flag as i64);
    Ok(tuple_of(vm, vec![ty, args, f]))
}

/// filterfalse: `(type, (func, it))`.
fn pred_reduce_plain(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "filterfalse.__reduce__")?;
    let (func, it, _) = pred_state(vm, a[0])?;
    let ty = vm.type_of(a[0]);
    let args = tuple_of(vm, vec![func, it]);
    Ok(tuple_of(vm, vec![ty, args]))
}

fn pred_setstate(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = onearg(vm, a, kw, "__setstate__")?;
    let flag = vm.truthy(v)?;
    with_state::<Pred, _>(vm, a[0], "iterator", |s| s.flag = flag)?;
    Ok(vm.none)
}

fn starmap_reduce(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "starmap.__reduce__")?;
    let (func, it) = with_state::<Starmap, _>(vm, a[0], "starmap", |s| (s.func, s.it))?;
    let ty = vm.type_of(a[0]);
    let args = tuple_of(vm, vec![func, it]);
    Ok(tuple_of(vm, vec![ty, args]))
}

pub fn register(vm: &mut Vm, m: Value) {
    let acc = iter_class(vm, MODULE, "accumulate", Some(accumulate_new), true);
    add_methods(vm, acc, &[("__reduce__", accumulate_reduce), ("__setstate__", accumulate_setstate)]);
    set_attr(vm, m, "accumulate", acc);
    let chain = iter_class(vm, MODULE, "chain", Some(chain_new), true);
    add_classmethod(vm, chain, "from_iterable", chain_from_iterable);
    let cga = vm.lookup_str(vm.types.list, "__class_getitem__");
    if let Some(cg) = cga {
        set_class_attr(vm, chain, "__class_getitem__", cg);
    }
    add_methods(vm, chain, &[("__reduce__", chain_reduce), ("__setstate__", chain_setstate)]);
    set_attr(vm, m, "chain", chain);
    let compress = iter_class(vm, MODULE, "compress", Some(compress_new), true);
    add_methods(vm, compress, &[("__reduce__", compress_reduce)]);
    set_attr(vm, m, "compress", compress);
    let dw = iter_class(vm, MODULE, "dropwhile", Some(dropwhile_new), true);
    add_methods(vm, dw, &[("__reduce__", pred_reduce_flag), ("__setstate__", pred_setstate)]);
    set_attr(vm, m, "dropwhile", dw);
    let tw = iter_class(vm, MODULE, "takewhile", Some(takewhile_new), true);
    add_methods(vm, tw, &[("__reduce__", pred_reduce_flag), ("__setstate__", pred_setstate)]);
    set_attr(vm, m, "takewhile", tw);
    let ff = iter_class(vm, MODULE, "filterfalse", Some(filterfalse_new), true);
    add_methods(vm, ff, &[("__reduce__", pred_reduce_plain)]);
    set_attr(vm, m, "filterfalse", ff);
    let sm = iter_class(vm, MODULE, "starmap", Some(starmap_new), true);
    add_methods(vm, sm, &[("__reduce__", starmap_reduce)]);
    set_attr(vm, m, "starmap", sm);
}
