//! `_sre.SRE_Scanner` (`Pattern.scanner`): successive matches over one string, each
//! starting where the last ended; `Pattern.finditer` is `iter(scanner.search, None)`.

use std::cell::{Cell, RefCell};

use crate::heap::Value;
use crate::interp::{NativeFn, PyResult, Vm};

use super::pattern::bind_call;
use super::*;

fn make_scanner(vm: &mut Vm, a: &[Value], k: Value, name: &str) -> PyResult<Value> {
    let c = bind_call(vm, a, k, name)?;
    let st = State::new(c.subj.len(), c.p().groups, c.pos, c.endpos);
    let data = ScannerData { pattern: c.pat, subject: c.subj.clone(), state: RefCell::new(st), executing: Cell::new(false), done: Cell::new(false) };
    let t = types().scanner;
    Ok(vm.alloc(t, SreObj::Scanner(data)).value())
}

pub fn p_scanner(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    make_scanner(vm, a, k, "scanner")
}

pub fn p_finditer(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let s = make_scanner(vm, a, k, "finditer")?;
    let search = vm.getattr_str(s, "search")?;
    let it = vm.getattr_str(vm.builtins, "iter")?;
    let none = vm.none;
    vm.call(it, &[search, none])
}

fn step(vm: &mut Vm, a: &[Value], name: &str, search: bool) -> PyResult<Value> {
    let v = a.first().copied().unwrap_or(Value::NULL);
    let o = match v.get::<SreObj>() {
        Some(o) if matches!(&*o, SreObj::Scanner(_)) => o,
        _ => {
            let tn = vm.type_name_of(v);
            return Err(vm.type_error(&format!("descriptor '{name}' for '_sre.SRE_Scanner' objects doesn't apply to a '{tn}' object")));
        }
    };
    let SreObj::Scanner(s) = &*o else { return Ok(vm.none) };
    if s.executing.get() {
        return Err(vm.value_error("regular expression scanner already executing"));
    }
    if s.done.get() {
        return Ok(vm.none);
    }
    let Some(po) = s.pattern.get::<SreObj>() else { return Ok(vm.none) };
    let Some(p) = pdata(&po) else { return Ok(vm.none) };
    s.executing.set(true);
    let mut st = std::mem::replace(&mut *s.state.borrow_mut(), State::new(0, 0, 0, 0));
    st.reset();
    st.ptr = st.start;
    let r = with_text!(s.subject, |t| if search { st.search(&p.prog, t) } else { st.match_here(&p.prog, t) });
    let res = match r {
        Ok(true) => {
            let m = new_match(vm, s.pattern, p, &s.subject, &st);
            st.must_advance = st.ptr == st.start;
            st.start = st.ptr;
            m
        }
        Ok(false) => {
            s.done.set(true);
            Ok(vm.none)
        }
        Err(e) => Err(engine_error(vm, e)),
    };
    *s.state.borrow_mut() = st;
    s.executing.set(false);
    res
}

fn no_args(vm: &mut Vm, a: &[Value], k: Value, name: &str) -> PyResult<()> {
    if a.len() > 1 || !k.get::<crate::objects::TupleObj>().map_or(true, |t| t.items.is_empty()) {
        return Err(vm.type_error(&format!("{name}() takes no arguments")));
    }
    Ok(())
}

fn s_match(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    no_args(vm, a, k, "match")?;
    step(vm, a, "match", false)
}

fn s_search(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    no_args(vm, a, k, "search")?;
    step(vm, a, "search", true)
}

fn s_pattern(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let v = a.first().copied().unwrap_or(Value::NULL);
    match v.get::<SreObj>() {
        Some(o) => match &*o {
            SreObj::Scanner(s) => Ok(s.pattern),
            _ => Ok(vm.none),
        },
        None => Ok(vm.none),
    }
}

pub fn register(vm: &mut Vm, t: Value) {
    let ms: &[(&'static str, NativeFn)] = &[("match", s_match), ("search", s_search)];
    crate::modules::io::methods(vm, t, ms);
    crate::modules::io::props(vm, t, &[("pattern", s_pattern)]);
}
