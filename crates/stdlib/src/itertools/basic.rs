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
    no_kw(vm, kw, "chain")?;
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
    no_kw(vm, kw, name)?;
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
    no_kw(vm, kw, "starmap")?;
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

pub fn register(vm: &mut Vm, m: Value) {
    let acc = iter_class(vm, MODULE, "accumulate", Some(accumulate_new), true);
    set_attr(vm, m, "accumulate", acc);
    let chain = iter_class(vm, MODULE, "chain", Some(chain_new), true);
    add_classmethod(vm, chain, "from_iterable", chain_from_iterable);
    let cga = vm.lookup_str(vm.types.list, "__class_getitem__");
    if let Some(cg) = cga {
        set_class_attr(vm, chain, "__class_getitem__", cg);
    }
    set_attr(vm, m, "chain", chain);
    let compress = iter_class(vm, MODULE, "compress", Some(compress_new), true);
    set_attr(vm, m, "compress", compress);
    let dw = iter_class(vm, MODULE, "dropwhile", Some(dropwhile_new), true);
    set_attr(vm, m, "dropwhile", dw);
    let tw = iter_class(vm, MODULE, "takewhile", Some(takewhile_new), true);
    set_attr(vm, m, "takewhile", tw);
    let ff = iter_class(vm, MODULE, "filterfalse", Some(filterfalse_new), true);
    set_attr(vm, m, "filterfalse", ff);
    let sm = iter_class(vm, MODULE, "starmap", Some(starmap_new), true);
    set_attr(vm, m, "starmap", sm);
}
