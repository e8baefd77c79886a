//! count, cycle and repeat.

use crate::util::*;
use crate::native_state;
use super::MODULE;

use pyjit_compiler::opcode::BinOp;

/// count(): the next value and the step; `fast` while the count is an int stepping by 1
/// (CPython's fast mode, which shows in repr and __reduce__).
struct Count {
    cnt: Value,
    step: Value,
    fast: bool,
}
native_state!(Count, |s, t| {
    t.visit(s.cnt);
    t.visit(s.step);
});

fn count_new(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let cls = a[0];
    let args = parse(vm, &a[1..], kw, "count", &["start", "step"], &[], 0)?;
    let one = vm.new_int(1);
    let zero = vm.new_int(0);
    let start = args[0].unwrap_or(zero);
    let step = args[1].unwrap_or(one);
    if !is_number(vm, start) || !is_number(vm, step) {
        return Err(vm.type_error("a number is required"));
    }
    let fast = vm.is_int(start) && vm.as_i64(start).is_some() && vm.is_int(step) && vm.as_i64(step) == Some(1);
    let cnt = if fast { vm.new_int(vm.as_i64(start).unwrap_or(0)) } else { start };
    Ok(new_native_iter(vm, cls, Count { cnt, step, fast }, count_next))
}

fn count_next(vm: &mut Vm, me: Value) -> PyResult<Option<Value>> {
    let (cnt, step) = with_state::<Count, _>(vm, me, "count", |c| (c.cnt, c.step))?;
    let next = if cnt.is_small() && step.is_small() {
        match cnt.small_value().checked_add(step.small_value()) {
            Some(n) => vm.new_int(n),
            None => vm.binary_op(cnt, step, BinOp::Add, false)?,
        }
    } else {
        vm.binary_op(cnt, step, BinOp::Add, false)?
    };
    with_state::<Count, _>(vm, me, "count", |c| {
        c.cnt = next;
        if c.fast && !next.is_small() {
            c.fast = false;
        }
    })?;
    Ok(Some(cnt))
}

fn count_repr(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    slot(vm, a, 0)?;
    let (cnt, step, fast) = with_state::<Count, _>(vm, a[0], "count", |c| (c.cnt, c.step, c.fast))?;
    let name = vm.type_name_of(a[0]);
    let c = vm.repr(cnt)?;
    let s = if fast || (vm.is_int(step) && vm.as_i64(step) == Some(1)) {
        format!("{name}({c})")
    } else {
        let st = vm.repr(step)?;
        format!("{name}({c}, {st})")
    };
    Ok(vm.new_string(s))
}

fn count_reduce(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    slot(vm, a, 0)?;
    let (cnt, step, fast) = with_state::<Count, _>(vm, a[0], "count", |c| (c.cnt, c.step, c.fast))?;
    let ty = vm.type_of(a[0]);
    let args = if fast { vm.new_tuple(vec![cnt]) } else { vm.new_tuple(vec![cnt, step]) };
    Ok(vm.new_tuple(vec![ty, args]))
}

/// cycle(): the input (NULL once exhausted), what it gave, the position in `saved` and
/// whether the input's items are already in `saved` (a restored pickle's second mode).
struct Cycle {
    it: Value,
    saved: Vec<Value>,
    index: usize,
    firstpass: bool,
}
native_state!(Cycle, |s, t| {
    t.visit(s.it);
    t.visit_all(&s.saved);
});

fn cycle_new(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    no_kw_new(vm, kw, a[0], "cycle")?;
    let a = &a[..a.len() - nkw(kw)];
    check_count(vm, a.len() - 1, "cycle", 1, 1)?;
    let it = vm.iter(a[1])?;
    Ok(new_native_iter(vm, a[0], Cycle { it, saved: Vec::new(), index: 0, firstpass: false }, cycle_next))
}

fn cycle_next(vm: &mut Vm, me: Value) -> PyResult<Option<Value>> {
    let it = with_state::<Cycle, _>(vm, me, "cycle", |c| c.it)?;
    if !it.is_null() {
        match vm.next(it)? {
            Some(v) => {
                with_state::<Cycle, _>(vm, me, "cycle", |c| {
                    if !c.firstpass {
                        c.saved.push(v)
                    }
                })?;
                return Ok(Some(v));
            }
            None => with_state::<Cycle, _>(vm, me, "cycle", |c| c.it = Value::NULL)?,
        }
    }
    with_state::<Cycle, _>(vm, me, "cycle", |c| {
        if c.saved.is_empty() {
            return None;
        }
        let v = c.saved[c.index];
        c.index += 1;
        if c.index >= c.saved.len() {
            c.index = 0;
        }
        Some(v)
    })
}

/// repeat(): the object and the count left (-1: forever).
struct Repeat {
    obj: Value,
    cnt: i64,
}
native_state!(Repeat, |s, t| {
    t.visit(s.obj);
});

fn repeat_new(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let args = parse(vm, &a[1..], kw, "repeat", &["object", "times"], &[], 1)?;
    let obj = args[0].unwrap_or(vm.none);
    let cnt = match args[1] {
        Some(t) => ssize(vm, t)?.max(0),
        None => -1,
    };
    Ok(new_native_iter(vm, a[0], Repeat { obj, cnt }, repeat_next))
}

fn repeat_next(vm: &mut Vm, me: Value) -> PyResult<Option<Value>> {
    with_state::<Repeat, _>(vm, me, "repeat", |r| {
        if r.cnt == 0 {
            return None;
        }
        if r.cnt > 0 {
            r.cnt -= 1;
        }
        Some(r.obj)
    })
}

fn repeat_repr(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    slot(vm, a, 0)?;
    let (obj, cnt) = with_state::<Repeat, _>(vm, a[0], "repeat", |r| (r.obj, r.cnt))?;
    let name = vm.type_name_of(a[0]);
    let o = vm.repr(obj)?;
    let s = if cnt < 0 { format!("{name}({o})") } else { format!("{name}({o}, {cnt})") };
    Ok(vm.new_string(s))
}

fn repeat_length_hint(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    slot(vm, a, 0)?;
    let cnt = with_state::<Repeat, _>(vm, a[0], "repeat", |r| r.cnt)?;
    if cnt < 0 {
        return Err(vm.type_error("len() of unsized object"));
    }
    Ok(vm.new_int(cnt))
}

fn repeat_reduce(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    slot(vm, a, 0)?;
    let (obj, cnt) = with_state::<Repeat, _>(vm, a[0], "repeat", |r| (r.obj, r.cnt))?;
    let ty = vm.type_of(a[0]);
    let args = if cnt < 0 {
        vm.new_tuple(vec![obj])
    } else {
        let c = vm.new_int(cnt);
        vm.new_tuple(vec![obj, c])
    };
    Ok(vm.new_tuple(vec![ty, args]))
}

/// `(type, (it,), (saved, firstpass))` as CPython's; an exhausted input is replaced by an
/// iterator over `saved` from the current position.
fn cycle_reduce(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "cycle.__reduce__")?;
    let (it, saved, index, firstpass) = with_state::<Cycle, _>(vm, a[0], "cycle", |c| (c.it, c.saved.clone(), c.index, c.firstpass))?;
    let ty = vm.type_of(a[0]);
    let saved = vm.new_list(saved);
    let (it, firstpass) = if it.is_null() {
        let it = vm.iter(saved)?;
        if index != 0 {
            let n = vm.new_int(index as i64);
            let ss = vm.intern("__setstate__");
            let f = vm.getattr(it, ss)?;
            vm.call(f, &[n])?;
        }
        (it, true)
    } else {
        (it, firstpass)
    };
    let args = vm.new_tuple(vec![it]);
    let fp = vm.bool_val(firstpass);
    let state = vm.new_tuple(vec![saved, fp]);
    Ok(vm.new_tuple(vec![ty, args, state]))
}

fn cycle_setstate(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let state = onearg(vm, a, kw, "cycle.__setstate__")?;
    let Some(items) = state.get::<TupleObj>().filter(|_| state.kind() == Some(ObjKind::Tuple)).map(|t| t.items.to_vec()) else {
        return Err(vm.type_error("state is not a tuple"));
    };
    if items.len() != 2 {
        let n = items.len();
        return Err(vm.type_error(&format!("function takes exactly 2 arguments ({n} given)")));
    }
    if items[0].kind() != Some(ObjKind::List) {
        let tn = vm.type_name_of(items[0]);
        return Err(vm.type_error(&format!("argument 1 must be list, not {tn}")));
    }
    let fp = c_int(vm, items[1])? != 0;
    let saved = vm.to_vec(items[0])?.1;
    with_state::<Cycle, _>(vm, a[0], "cycle", |c| {
        c.saved = saved;
        c.firstpass = fp;
        c.index = 0;
    })?;
    Ok(vm.none)
}

pub fn register(vm: &mut Vm, m: Value) {
    let count = iter_class(vm, MODULE, "count", Some(count_new), true);
    add_methods(vm, count, &[("__repr__", count_repr), ("__reduce__", count_reduce)]);
    set_attr(vm, m, "count", count);
    let cycle = iter_class(vm, MODULE, "cycle", Some(cycle_new), true);
    add_methods(vm, cycle, &[("__reduce__", cycle_reduce), ("__setstate__", cycle_setstate)]);
    set_attr(vm, m, "cycle", cycle);
    let repeat = iter_class(vm, MODULE, "repeat", Some(repeat_new), true);
    add_methods(vm, repeat, &[("__repr__", repeat_repr), ("__length_hint__", repeat_length_hint), ("__reduce__", repeat_reduce)]);
    set_attr(vm, m, "repeat", repeat);
}
