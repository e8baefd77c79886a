//! product, permutations, combinations and combinations_with_replacement, in CPython's
//! order, over pools read into vectors when the iterator is made.

use crate::native_state;
use crate::util::*;
use super::MODULE;

/// The items of an iterable (tuple(iterable)).
fn pool_of(vm: &mut Vm, v: Value) -> PyResult<Vec<Value>> {
    if v.kind() == Some(ObjKind::Tuple) {
        if let Some(t) = v.get::<TupleObj>() {
            return Ok(t.items.to_vec());
        }
    }
    Ok(vm.to_vec(v)?.1)
}

struct Product {
    pools: Vec<Vec<Value>>,
    indices: Vec<usize>,
    started: bool,
    stopped: bool,
}
native_state!(Product, |s, t| {
    for p in &s.pools {
        t.visit_all(p);
    }
});

fn product_new(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let kws = keywords(vm, &a[1..], kw);
    let mut repeat = 1i64;
    for (k, v) in kws {
        if k != "repeat" {
            return Err(vm.type_error(&format!("'{k}' is an invalid keyword argument for product()")));
        }
        repeat = ssize(vm, v)?;
        if repeat < 0 {
            return Err(vm.value_error("repeat argument cannot be negative"));
        }
    }
    let args = positional(&a[1..], kw).to_vec();
    let n = (args.len() as i64).checked_mul(repeat);
    let Some(n) = n.filter(|n| *n <= (1 << 40)) else {
        return Err(vm.overflow_error("repeat argument too large"));
    };
    let mut base = Vec::with_capacity(args.len());
    for v in args {
        base.push(pool_of(vm, v)?);
    }
    let mut pools = Vec::with_capacity(n as usize);
    for _ in 0..repeat {
        pools.extend(base.iter().cloned());
    }
    let indices = vec![0; pools.len()];
    Ok(new_native_iter(vm, a[0], Product { pools, indices, started: false, stopped: false }, product_next))
}

fn product_next(vm: &mut Vm, me: Value) -> PyResult<Option<Value>> {
    let items = with_state::<Product, _>(vm, me, "product", |p| {
        if p.stopped {
            return None;
        }
        if !p.started {
            p.started = true;
            if p.pools.iter().any(|pool| pool.is_empty()) {
                p.stopped = true;
                return None;
            }
        } else {
            let mut i = p.pools.len();
            loop {
                if i == 0 {
                    p.stopped = true;
                    return None;
                }
                i -= 1;
                p.indices[i] += 1;
                if p.indices[i] == p.pools[i].len() {
                    p.indices[i] = 0;
                } else {
                    break;
                }
            }
        }
        Some(p.pools.iter().zip(&p.indices).map(|(pool, &i)| pool[i]).collect::<Vec<Value>>())
    })?;
    Ok(items.map(|v| vm.new_tuple(v)))
}

/// combinations and combinations_with_replacement.
struct Combinations {
    pool: Vec<Value>,
    indices: Vec<usize>,
    r: usize,
    started: bool,
    stopped: bool,
    replace: bool,
}
native_state!(Combinations, |s, t| {
    t.visit_all(&s.pool);
});

fn r_arg(vm: &mut Vm, v: Value) -> PyResult<usize> {
    let r = ssize(vm, v)?;
    if r < 0 {
        return Err(vm.value_error("r must be non-negative"));
    }
    Ok(r as usize)
}

fn combinations_common(vm: &mut Vm, a: &[Value], kw: Value, name: &str, replace: bool) -> PyResult<Value> {
    let args = parse(vm, &a[1..], kw, name, &["iterable", "r"], &[], 2)?;
    let none = vm.none;
    let pool = pool_of(vm, args[0].unwrap_or(none))?;
    let r = r_arg(vm, args[1].unwrap_or(none))?;
    let indices = if replace {
        vm.checked_len(r as u128)?;
        vec![0; r]
    } else {
        (0..r.min(pool.len())).collect()
    };
    let st = Combinations { pool, indices, r, started: false, stopped: false, replace };
    Ok(new_native_iter(vm, a[0], st, combinations_next))
}

fn combinations_new(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    combinations_common(vm, a, kw, "combinations", false)
}

fn cwr_new(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    combinations_common(vm, a, kw, "combinations_with_replacement", true)
}

fn combinations_next(vm: &mut Vm, me: Value) -> PyResult<Option<Value>> {
    let items = with_state::<Combinations, _>(vm, me, "combinations", |c| {
        if c.stopped {
            return None;
        }
        let n = c.pool.len();
        let r = c.r;
        if !c.started {
            c.started = true;
            let empty = if c.replace { n == 0 && r > 0 } else { r > n };
            if empty {
                c.stopped = true;
                return None;
            }
        } else if c.replace {
            let mut i = r;
            loop {
                if i == 0 {
                    c.stopped = true;
                    return None;
                }
                i -= 1;
                if c.indices[i] != n - 1 {
                    break;
                }
            }
            let index = c.indices[i] + 1;
            for j in i..r {
                c.indices[j] = index;
            }
        } else {
            let mut i = r;
            loop {
                if i == 0 {
                    c.stopped = true;
                    return None;
                }
                i -= 1;
                if c.indices[i] != i + n - r {
                    break;
                }
            }
            c.indices[i] += 1;
            for j in i + 1..r {
                c.indices[j] = c.indices[j - 1] + 1;
            }
        }
        Some(c.indices.iter().map(|&i| c.pool[i]).collect::<Vec<Value>>())
    })?;
    Ok(items.map(|v| vm.new_tuple(v)))
}

struct Permutations {
    pool: Vec<Value>,
    indices: Vec<usize>,
    cycles: Vec<usize>,
    r: usize,
    started: bool,
    stopped: bool,
}
native_state!(Permutations, |s, t| {
    t.visit_all(&s.pool);
});

fn permutations_new(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let args = parse(vm, &a[1..], kw, "permutations", &["iterable", "r"], &[], 1)?;
    let none = vm.none;
    let pool = pool_of(vm, args[0].unwrap_or(none))?;
    let n = pool.len();
    let r = match args[1] {
        Some(v) if v != none => {
            if !vm.is_int(v) {
                return Err(vm.type_error("Expected int as r"));
            }
            match vm.as_i64(v) {
                Some(r) if r < 0 => return Err(vm.value_error("r must be non-negative")),
                Some(r) => r as usize,
                None => return Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
            }
        }
        _ => n,
    };
    let indices: Vec<usize> = (0..n).collect();
    let cycles: Vec<usize> = (0..r.min(n)).map(|i| n - i).collect();
    let st = Permutations { pool, indices, cycles, r, started: false, stopped: false };
    Ok(new_native_iter(vm, a[0], st, permutations_next))
}

fn permutations_next(vm: &mut Vm, me: Value) -> PyResult<Option<Value>> {
    let items = with_state::<Permutations, _>(vm, me, "permutations", |p| {
        if p.stopped {
            return None;
        }
        let n = p.pool.len();
        let r = p.r;
        if !p.started {
            p.started = true;
            if r > n {
                p.stopped = true;
                return None;
            }
        } else {
            if n == 0 {
                p.stopped = true;
                return None;
            }
            let mut i = r;
            loop {
                if i == 0 {
                    p.stopped = true;
                    return None;
                }
                i -= 1;
                p.cycles[i] -= 1;
                if p.cycles[i] == 0 {
                    let index = p.indices[i];
                    for j in i..n - 1 {
                        p.indices[j] = p.indices[j + 1];
                    }
                    p.indices[n - 1] = index;
                    p.cycles[i] = n - i;
                } else {
                    let j = p.cycles[i];
                    p.indices.swap(i, n - j);
                    break;
                }
            }
        }
        Some(p.indices[..r].iter().map(|&i| p.pool[i]).collect::<Vec<Value>>())
    })?;
    Ok(items.map(|v| vm.new_tuple(v)))
}

// ---- pickling: __reduce__ and __setstate__ as CPython's ----

/// The ints of a state tuple of length `n` (ValueError "invalid arguments" otherwise).
fn state_indices(vm: &mut Vm, state: Value, n: usize) -> PyResult<Vec<i64>> {
    let items = match state.get::<TupleObj>() {
        Some(t) if state.kind() == Some(ObjKind::Tuple) && t.items.len() == n => t.items.to_vec(),
        _ => return Err(vm.value_error("invalid arguments")),
    };
    let mut out = Vec::with_capacity(n);
    for v in items {
        out.push(ssize(vm, v)?);
    }
    Ok(out)
}

fn usize_tuple(vm: &mut Vm, xs: &[usize]) -> Value {
    let items: Vec<Value> = xs.iter().map(|&i| vm.new_int(i as i64)).collect();
    vm.new_tuple(items)
}

fn product_reduce(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "product.__reduce__")?;
    let (pools, indices, started, stopped) = with_state::<Product, _>(vm, a[0], "product", |p| (p.pools.clone(), p.indices.clone(), p.started, p.stopped))?;
    let ty = vm.type_of(a[0]);
    if stopped {
        let empty = vm.empty_tuple;
        let args = vm.new_tuple(vec![empty]);
        return Ok(vm.new_tuple(vec![ty, args]));
    }
    let pools: Vec<Value> = pools.into_iter().map(|p| vm.new_tuple(p)).collect();
    let pools = vm.new_tuple(pools);
    if !started {
        return Ok(vm.new_tuple(vec![ty, pools]));
    }
    let idx = usize_tuple(vm, &indices);
    Ok(vm.new_tuple(vec![ty, pools, idx]))
}

fn product_setstate(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let state = onearg(vm, a, kw, "product.__setstate__")?;
    let sizes = with_state::<Product, _>(vm, a[0], "product", |p| p.pools.iter().map(|x| x.len()).collect::<Vec<usize>>())?;
    let idx = state_indices(vm, state, sizes.len())?;
    with_state::<Product, _>(vm, a[0], "product", |p| {
        for (i, &ix) in idx.iter().enumerate() {
            if sizes[i] == 0 {
                p.stopped = true;
                return;
            }
            p.indices[i] = ix.clamp(0, sizes[i] as i64 - 1) as usize;
        }
        p.started = true;
    })?;
    Ok(vm.none)
}

fn combinations_reduce(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "__reduce__")?;
    let (pool, indices, r, started, stopped) = with_state::<Combinations, _>(vm, a[0], "combinations", |c| (c.pool.clone(), c.indices.clone(), c.r, c.started, c.stopped))?;
    let ty = vm.type_of(a[0]);
    let rv = vm.new_int(r as i64);
    if stopped {
        let empty = vm.empty_tuple;
        let args = vm.new_tuple(vec![empty, rv]);
        return Ok(vm.new_tuple(vec![ty, args]));
    }
    let pool = vm.new_tuple(pool);
    let args = vm.new_tuple(vec![pool, rv]);
    if !started {
        return Ok(vm.new_tuple(vec![ty, args]));
    }
    let idx = usize_tuple(vm, &indices);
    Ok(vm.new_tuple(vec![ty, args, idx]))
}

fn combinations_setstate(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let state = onearg(vm, a, kw, "__setstate__")?;
    let (n, r, replace) = with_state::<Combinations, _>(vm, a[0], "combinations", |c| (c.pool.len() as i64, c.r, c.replace))?;
    let idx = state_indices(vm, state, r)?;
    with_state::<Combinations, _>(vm, a[0], "combinations", |c| {
        c.indices = idx
            .iter()
            .enumerate()
            .map(|(i, &ix)| {
                let hi = if replace { n - 1 } else { i as i64 + n - r as i64 };
                ix.min(hi).max(0) as usize
            })
            .collect();
        c.started = true;
    })?;
    Ok(vm.none)
}

fn permutations_reduce(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "permutations.__reduce__")?;
    let (pool, indices, cycles, r, started, stopped) =
        with_state::<Permutations, _>(vm, a[0], "permutations", |p| (p.pool.clone(), p.indices.clone(), p.cycles.clone(), p.r, p.started, p.stopped))?;
    let ty = vm.type_of(a[0]);
    let rv = vm.new_int(r as i64);
    if stopped {
        let empty = vm.empty_tuple;
        let args = vm.new_tuple(vec![empty, rv]);
        return Ok(vm.new_tuple(vec![ty, args]));
    }
    let pool = vm.new_tuple(pool);
    let args = vm.new_tuple(vec![pool, rv]);
    if !started {
        return Ok(vm.new_tuple(vec![ty, args]));
    }
    let idx = usize_tuple(vm, &indices);
    let cyc = usize_tuple(vm, &cycles);
    let state = vm.new_tuple(vec![idx, cyc]);
    Ok(vm.new_tuple(vec![ty, args, state]))
}

fn permutations_setstate(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let state = onearg(vm, a, kw, "permutations.__setstate__")?;
    let parts = match state.get::<TupleObj>() {
        Some(t) if state.kind() == Some(ObjKind::Tuple) && t.items.len() == 2 => t.items.to_vec(),
        _ => return Err(vm.type_error("state is not a tuple of two tuples")),
    };
    if parts.iter().any(|p| p.kind() != Some(ObjKind::Tuple)) {
        return Err(vm.type_error("state is not a tuple of two tuples"));
    }
    let (n, r) = with_state::<Permutations, _>(vm, a[0], "permutations", |p| (p.pool.len(), p.r))?;
    let idx = state_indices(vm, parts[0], n)?;
    let cyc = state_indices(vm, parts[1], r)?;
    with_state::<Permutations, _>(vm, a[0], "permutations", |p| {
        p.indices = idx.iter().map(|&i| i.clamp(0, n as i64 - 1) as usize).collect();
        p.cycles = cyc.iter().enumerate().map(|(i, &c)| c.clamp(1, (n - i) as i64) as usize).collect();
        p.started = true;
    })?;
    Ok(vm.none)
}

pub fn register(vm: &mut Vm, m: Value) {
    let p = iter_class(vm, MODULE, "product", Some(product_new), true);
    add_methods(vm, p, &[("__reduce__", product_reduce), ("__setstate__", product_setstate)]);
    set_attr(vm, m, "product", p);
    let pm = iter_class(vm, MODULE, "permutations", Some(permutations_new), true);
    add_methods(vm, pm, &[("__reduce__", permutations_reduce), ("__setstate__", permutations_setstate)]);
    set_attr(vm, m, "permutations", pm);
    let c = iter_class(vm, MODULE, "combinations", Some(combinations_new), true);
    add_methods(vm, c, &[("__reduce__", combinations_reduce), ("__setstate__", combinations_setstate)]);
    set_attr(vm, m, "combinations", c);
    let cwr = iter_class(vm, MODULE, "combinations_with_replacement", Some(cwr_new), true);
    add_methods(vm, cwr, &[("__reduce__", combinations_reduce), ("__setstate__", combinations_setstate)]);
    set_attr(vm, m, "combinations_with_replacement", cwr);
}
