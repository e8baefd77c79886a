//! `BufferedRWPair`: a BufferedReader and a BufferedWriter (in `refs`) over two raw
//! streams, presented as one object.

use crate::heap::Value;
use crate::interp::{NativeFn, PyResult, Vm};
use crate::objects::*;

use super::{bind, io_obj, IoState};

fn pair_init(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, &a[1..], k, "BufferedRWPair", &["reader", "writer", "buffer_size"], 2, 0)?;
    let (r, w) = (args.get(0).unwrap_or(vm.none), args.get(1).unwrap_or(vm.none));
    let size = match args.get(2) {
        Some(v) => v,
        None => vm.new_int(super::DEFAULT_BUFFER_SIZE as i64),
    };
    let t = super::types();
    let reader = vm.call(t.reader, &[r, size])?;
    let writer = vm.call(t.writer, &[w, size])?;
    if let Some(o) = io_obj(a[0]) {
        o.refs[0].set(reader);
        o.refs[1].set(writer);
        if let Ok(mut s) = o.st.try_borrow_mut() {
            *s = IoState::Pair(true);
        }
    }
    Ok(vm.none)
}

fn part(vm: &mut Vm, v: Value, i: usize) -> PyResult<Value> {
    let p = io_obj(v).map(|o| o.refs[i].get()).unwrap_or(Value::NULL);
    if p.is_null() {
        return Err(super::uninit_error(vm));
    }
    Ok(p)
}

fn fwd(vm: &mut Vm, a: &[Value], i: usize, name: &str) -> PyResult<Value> {
    let p = part(vm, a[0], i)?;
    vm.call_method_str(p, name, &a[1..])
}

fn p_read(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    fwd(vm, a, 0, "read")
}
fn p_peek(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    fwd(vm, a, 0, "peek")
}
fn p_read1(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    fwd(vm, a, 0, "read1")
}
fn p_readinto(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    fwd(vm, a, 0, "readinto")
}
fn p_readinto1(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    fwd(vm, a, 0, "readinto1")
}
fn p_readable(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    fwd(vm, a, 0, "readable")
}
fn p_write(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    fwd(vm, a, 1, "write")
}
fn p_flush(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    fwd(vm, a, 1, "flush")
}
fn p_writable(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    fwd(vm, a, 1, "writable")
}

fn p_isatty(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let w = fwd(vm, a, 1, "isatty")?;
    if vm.truthy(w)? {
        return Ok(w);
    }
    fwd(vm, a, 0, "isatty")
}

fn p_close(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let w = fwd(vm, a, 1, "close");
    let r = fwd(vm, a, 0, "close");
    match (w, r) {
        (Ok(_), Ok(x)) => Ok(x),
        (Err(e), Ok(_)) | (Ok(_), Err(e)) => Err(e),
        (Err(first), Err(second)) => Err(super::chain(vm, first, second)),
    }
}

fn p_closed(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let w = part(vm, a[0], 1)?;
    vm.getattr_str(w, "closed")
}

pub fn register(vm: &mut Vm, ty: Value) {
    let ms: &[(&'static str, NativeFn)] = &[
        ("__init__", pair_init),
        ("read", p_read),
        ("peek", p_peek),
        ("read1", p_read1),
        ("readinto", p_readinto),
        ("readinto1", p_readinto1),
        ("readable", p_readable),
        ("write", p_write),
        ("flush", p_flush),
        ("writable", p_writable),
        ("isatty", p_isatty),
        ("close", p_close),
    ];
    super::methods(vm, ty, ms);
    super::props(vm, ty, &[("closed", p_closed)]);
    let _ = ty.get::<TypeObj>();
}
