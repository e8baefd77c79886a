//! islice, zip_longest and pairwise.

use crate::native_state;
use crate::util::*;
use super::MODULE;

/// islice: positions counted in items read; `stop` -1 means no end.
struct Islice {
    it: Value,
    next: i64,
    stop: i64,
    step: i64,
    cnt: i64,
}
native_state!(Islice, |s, t| {
    t.visit(s.it);
});

/// PyNumber_AsSsize_t with errors cleared: None when `v` is not an index in range.
fn islice_index(vm: &mut Vm, v: Value) -> Option<i64> {
    if v.is_small() {
        return Some(v.small_value());
    }
    match vm.index_opt(v) {
        Ok(Some(i)) => vm.as_i64(i),
        _ => None,
    }
}

fn islice_new(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    no_kw_new(vm, kw, a[0], "islice")?;
    let a = &a[..a.len() - nkw(kw)];
    let args = &a[1..];
    check_count(vm, args.len(), "islice", 2, 4)?;
    let none = vm.none;
    let (mut start, mut stop, mut step) = (0i64, -1i64, 1i64);
    const STOP_MSG: &str = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    if args.len() == 2 {
        if args[1] != none {
            stop = islice_index(vm, args[1]).unwrap_or(-1);
            if stop == -1 {
                return Err(vm.value_error(STOP_MSG));
            }
        }
    } else {
        if args[1] != none {
            start = islice_index(vm, args[1]).unwrap_or(-1);
        }
        if args[2] != none {
            stop = islice_index(vm, args[2]).unwrap_or(-1);
            if stop == -1 {
                return Err(vm.value_error(STOP_MSG));
            }
        }
    }
    if start < 0 || stop < -1 {
        return Err(vm.value_error("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize."));
    }
    if args.len() == 4 && args[3] != none {
        step = islice_index(vm, args[3]).unwrap_or(-1);
    }
    if step < 1 {
        return Err(vm.value_error("Step for islice() must be a positive integer or None."));
    }
    let it = vm.iter(args[0])?;
    Ok(new_native_iter(vm, a[0], Islice { it, next: start, stop, step, cnt: 0 }, islice_next))
}

fn islice_next(vm: &mut Vm, me: Value) -> PyResult<Option<Value>> {
    let (it, next, stop, mut cnt) = with_state::<Islice, _>(vm, me, "islice", |s| (s.it, s.next, s.stop, s.cnt))?;
    if it.is_null() {
        return Ok(None);
    }
    let finish = |vm: &mut Vm, cnt: i64| with_state::<Islice, _>(vm, me, "islice", |s| {
        s.it = Value::NULL;
        s.cnt = cnt;
    });
    while cnt < next {
        match vm.next(it) {
            Ok(Some(_)) => cnt += 1,
            Ok(None) => {
                finish(vm, cnt)?;
                return Ok(None);
            }
            Err(e) => {
                with_state::<Islice, _>(vm, me, "islice", |s| s.cnt = cnt)?;
                return Err(e);
            }
        }
    }
    if stop != -1 && cnt >= stop {
        finish(vm, cnt)?;
        return Ok(None);
    }
    let item = match vm.next(it) {
        Ok(Some(v)) => v,
        Ok(None) => {
            finish(vm, cnt)?;
            return Ok(None);
        }
        Err(e) => {
            with_state::<Islice, _>(vm, me, "islice", |s| s.cnt = cnt)?;
            return Err(e);
        }
    };
    cnt += 1;
    with_state::<Islice, _>(vm, me, "islice", |s| {
        s.cnt = cnt;
        let old = s.next;
        s.next = s.next.saturating_add(s.step);
        if s.next < old || (stop != -1 && s.next > stop) {
            s.next = stop;
        }
    })?;
    Ok(Some(item))
}

/// zip_longest: the iterators (NULL once exhausted), how many are still active.
struct ZipLongest {
    iters: Vec<Value>,
    active: usize,
    fill: Value,
}
native_state!(ZipLongest, |s, t| {
    t.visit_all(&s.iters);
    t.visit(s.fill);
});

fn zip_longest_new(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let kws = keywords(vm, &a[1..], kw);
    let mut fill = vm.none;
    for (k, v) in &kws {
        if k != "fillvalue" || kws.len() > 1 {
            return Err(vm.type_error("zip_longest() got an unexpected keyword argument"));
        }
        fill = *v;
    }
    let pos = positional(&a[1..], kw).to_vec();
    let mut iters = Vec::with_capacity(pos.len());
    for p in pos {
        iters.push(vm.iter(p)?);
    }
    let active = iters.len();
    Ok(new_native_iter(vm, a[0], ZipLongest { iters, active, fill }, zip_longest_next))
}

fn zip_longest_next(vm: &mut Vm, me: Value) -> PyResult<Option<Value>> {
    let (iters, active, fill) = with_state::<ZipLongest, _>(vm, me, "zip_longest", |s| (s.iters.clone(), s.active, s.fill))?;
    if iters.is_empty() || active == 0 {
        return Ok(None);
    }
    let mut out = Vec::with_capacity(iters.len());
    for (i, &it) in iters.iter().enumerate() {
        if it.is_null() {
            out.push(fill);
            continue;
        }
        match vm.next(it) {
            Ok(Some(v)) => out.push(v),
            Ok(None) => {
                let left = with_state::<ZipLongest, _>(vm, me, "zip_longest", |s| {
                    s.active -= 1;
                    if s.active > 0 {
                        s.iters[i] = Value::NULL;
                    }
                    s.active
                })?;
                if left == 0 {
                    return Ok(None);
                }
                out.push(fill);
            }
            Err(e) => {
                with_state::<ZipLongest, _>(vm, me, "zip_longest", |s| s.active = 0)?;
                return Err(e);
            }
        }
    }
    Ok(Some(vm.new_tuple(out)))
}

struct Pairwise {
    it: Value,
    old: Value,
}
native_state!(Pairwise, |s, t| {
    t.visit(s.it);
    t.visit(s.old);
});

fn pairwise_new(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    no_kw(vm, kw, "pairwise")?;
    check_count(vm, a.len() - 1, "pairwise", 1, 1)?;
    let it = vm.iter(a[1])?;
    Ok(new_native_iter(vm, a[0], Pairwise { it, old: Value::NULL }, pairwise_next))
}

fn pairwise_next(vm: &mut Vm, me: Value) -> PyResult<Option<Value>> {
    let (it, mut old) = with_state::<Pairwise, _>(vm, me, "pairwise", |s| (s.it, s.old))?;
    if it.is_null() {
        return Ok(None);
    }
    let clear = |vm: &mut Vm| with_state::<Pairwise, _>(vm, me, "pairwise", |s| {
        s.it = Value::NULL;
        s.old = Value::NULL;
    });
    if old.is_null() {
        match vm.next(it)? {
            Some(v) => {
                old = v;
                with_state::<Pairwise, _>(vm, me, "pairwise", |s| s.old = v)?;
            }
            None => {
                clear(vm)?;
                return Ok(None);
            }
        }
    }
    let new = match vm.next(it)? {
        Some(v) => v,
        None => {
            clear(vm)?;
            return Ok(None);
        }
    };
    let r = vm.new_tuple(vec![old, new]);
    with_state::<Pairwise, _>(vm, me, "pairwise", |s| s.old = new)?;
    Ok(Some(r))
}

// ---- pickling: __reduce__ and __setstate__ as CPython's ----

/// `(type, (it, next, stop, step), cnt)`; an exhausted islice as one over nothing.
fn islice_reduce(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "islice.__reduce__")?;
    let (it, next, stop, step, cnt) = with_state::<Islice, _>(vm, a[0], "islice", |s| (s.it, s.next, s.stop, s.step, s.cnt))?;
    let ty = vm.type_of(a[0]);
    if it.is_null() {
        let l = vm.new_list(vec![]);
        let empty = vm.iter(l)?;
        let zero = vm.new_int(0);
        let args = vm.new_tuple(vec![empty, zero]);
        return Ok(vm.new_tuple(vec![ty, args, zero]));
    }
    let nx = vm.new_int(next);
    let st = if stop == -1 { vm.none } else { vm.new_int(stop) };
    let sp = vm.new_int(step);
    let args = vm.new_tuple(vec![it, nx, st, sp]);
    let c = vm.new_int(cnt);
    Ok(vm.new_tuple(vec![ty, args, c]))
}

fn islice_setstate(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = onearg(vm, a, kw, "islice.__setstate__")?;
    let cnt = ssize(vm, v)?;
    with_state::<Islice, _>(vm, a[0], "islice", |s| s.cnt = cnt)?;
    Ok(vm.none)
}

/// `(type, iters, fillvalue)`, an exhausted input replaced by `()`.
fn zip_longest_reduce(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "zip_longest.__reduce__")?;
    let (iters, active, fill) = with_state::<ZipLongest, _>(vm, a[0], "zip_longest", |s| (s.iters.clone(), s.active, s.fill))?;
    let ty = vm.type_of(a[0]);
    let empty = vm.empty_tuple;
    let items: Vec<Value> = iters.iter().map(|&it| if it.is_null() || active == 0 { empty } else { it }).collect();
    let args = vm.new_tuple(items);
    Ok(vm.new_tuple(vec![ty, args, fill]))
}

fn zip_longest_setstate(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = onearg(vm, a, kw, "zip_longest.__setstate__")?;
    with_state::<ZipLongest, _>(vm, a[0], "zip_longest", |s| s.fill = v)?;
    Ok(vm.none)
}

pub fn register(vm: &mut Vm, m: Value) {
    let islice = iter_class(vm, MODULE, "islice", Some(islice_new), true);
    add_methods(vm, islice, &[("__reduce__", islice_reduce), ("__setstate__", islice_setstate)]);
    set_attr(vm, m, "islice", islice);
    let zl = iter_class(vm, MODULE, "zip_longest", Some(zip_longest_new), true);
    add_methods(vm, zl, &[("__reduce__", zip_longest_reduce), ("__setstate__", zip_longest_setstate)]);
    set_attr(vm, m, "zip_longest", zl);
    let pw = iter_class(vm, MODULE, "pairwise", Some(pairwise_new), true);
    set_attr(vm, m, "pairwise", pw);
}
