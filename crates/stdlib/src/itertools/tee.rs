//! tee: the copies share a chain of blocks of up to 57 values read from the source
//! (CPython's teedataobject); each copy holds its block and position, so blocks every copy
//! has passed are garbage.

use crate::util::*;
use crate::{class_slot, native_state};
use super::MODULE;

const LINKCELLS: usize = 57;

struct TeeData {
    it: Value,
    values: Vec<Value>,
    next: Value,
    running: bool,
}
native_state!(TeeData, |s, t| {
    t.visit(s.it);
    t.visit_all(&s.values);
    t.visit(s.next);
});

struct Tee {
    data: Value,
    index: usize,
}
native_state!(Tee, |s, t| {
    t.visit(s.data);
});

class_slot!(TEE);
class_slot!(TEEDATA);

fn new_data(vm: &mut Vm, it: Value) -> Value {
    let ty = TEEDATA.with(|c| c.get());
    new_native(vm, ty, TeeData { it, values: Vec::new(), next: Value::NULL, running: false })
}

/// A tee over the iterator `it`.
fn tee_from_iter(vm: &mut Vm, cls: Value, it: Value) -> Value {
    let data = new_data(vm, it);
    new_native_iter(vm, cls, Tee { data, index: 0 }, tee_next)
}

fn tee_new(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let args = parse(vm, &a[1..], kw, "_tee", &["iterable"], &[], 1)?;
    let none = vm.none;
    let it = vm.iter(args[0].unwrap_or(none))?;
    if has_state::<Tee>(it) {
        return tee_copy_of(vm, it);
    }
    Ok(tee_from_iter(vm, a[0], it))
}

fn tee_copy_of(vm: &mut Vm, t: Value) -> PyResult<Value> {
    let (data, index) = with_state::<Tee, _>(vm, t, "_tee", |s| (s.data, s.index))?;
    let ty = TEE.with(|c| c.get());
    Ok(new_native_iter(vm, ty, Tee { data, index }, tee_next))
}

fn tee_copy(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "_tee.__copy__")?;
    tee_copy_of(vm, a[0])
}

fn tee_next(vm: &mut Vm, me: Value) -> PyResult<Option<Value>> {
    let (mut data, mut index) = with_state::<Tee, _>(vm, me, "_tee", |s| (s.data, s.index))?;
    if index >= LINKCELLS {
        let link = with_state::<TeeData, _>(vm, data, "_tee_dataobject", |d| d.next)?;
        let link = if link.is_null() {
            let it = with_state::<TeeData, _>(vm, data, "_tee_dataobject", |d| d.it)?;
            let l = new_data(vm, it);
            with_state::<TeeData, _>(vm, data, "_tee_dataobject", |d| d.next = l)?;
            l
        } else {
            link
        };
        data = link;
        index = 0;
        with_state::<Tee, _>(vm, me, "_tee", |s| {
            s.data = link;
            s.index = 0;
        })?;
    }
    let (have, it, running) = with_state::<TeeData, _>(vm, data, "_tee_dataobject", |d| (d.values.get(index).copied(), d.it, d.running))?;
    let v = match have {
        Some(v) => v,
        None => {
            if running {
                return Err(vm.runtime_error("cannot re-enter the tee iterator"));
            }
            with_state::<TeeData, _>(vm, data, "_tee_dataobject", |d| d.running = true)?;
            let r = vm.next(it);
            with_state::<TeeData, _>(vm, data, "_tee_dataobject", |d| d.running = false)?;
            let Some(v) = r? else { return Ok(None) };
            with_state::<TeeData, _>(vm, data, "_tee_dataobject", |d| d.values.push(v))?;
            v
        }
    };
    with_state::<Tee, _>(vm, me, "_tee", |s| s.index = index + 1)?;
    Ok(Some(v))
}

fn tee_fn(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    no_kw(vm, kw, "itertools.tee")?;
    check_count(vm, a.len(), "tee", 1, 2)?;
    let n = match a.get(1) {
        Some(&v) => ssize(vm, v)?,
        None => 2,
    };
    if n < 0 {
        return Err(vm.value_error("n must be >= 0"));
    }
    if n == 0 {
        return Ok(vm.empty_tuple);
    }
    vm.checked_len(n as u128)?;
    let it = vm.iter(a[0])?;
    let copy_name = vm.intern("__copy__");
    let ty = vm.type_of(it);
    let mut to = if vm.lookup(ty, copy_name).is_some() {
        it
    } else {
        let tt = TEE.with(|c| c.get());
        tee_from_iter(vm, tt, it)
    };
    let mut out = vec![to];
    for _ in 1..n {
        to = vm.call_method_str(to, "__copy__", &[])?;
        out.push(to);
    }
    Ok(vm.new_tuple(out))
}

pub fn register(vm: &mut Vm, m: Value) {
    let t = iter_class(vm, MODULE, "_tee", Some(tee_new), false);
    add_methods(vm, t, &[("__copy__", tee_copy)]);
    TEE.with(|c| c.set(t));
    set_attr(vm, m, "_tee", t);
    let d = new_class(vm, MODULE, "_tee_dataobject", None, ObjKind::Native, false);
    TEEDATA.with(|c| c.set(d));
    set_attr(vm, m, "_tee_dataobject", d);
    add_fns(vm, m, &[("tee", tee_fn)]);
}
