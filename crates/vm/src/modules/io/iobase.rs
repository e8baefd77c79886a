//! The abstract bases `_IOBase`, `_RawIOBase`, `_BufferedIOBase` and `_TextIOBase`: the
//! generic methods CPython builds on `read`/`readinto`/`readline`/`write`/`flush`, used by
//! Python subclasses and by the native classes for what they do not define themselves.
//! As in CPython, `_IOBase` remembers that it was closed in the attribute `__IOBase_closed`.

use crate::heap::{ObjKind, Value};
use crate::interp::{NativeFn, PyResult, Vm};
use crate::objects::*;

use super::{bind, unsupported, IoTypes};

/// Whether `_IOBase.close` ran on `v`.
pub fn iobase_closed(vm: &mut Vm, v: Value) -> PyResult<bool> {
    let n = vm.intern("__IOBase_closed");
    match vm.getattr_opt(v, n)? {
        Some(x) => vm.truthy(x),
        None => Ok(false),
    }
}

pub fn mark_closed(vm: &mut Vm, v: Value) -> PyResult<()> {
    let t = vm.true_;
    vm.setattr_str(v, "__IOBase_closed", t)
}

/// Raises ValueError when `v.closed` is true.
pub fn check_closed(vm: &mut Vm, v: Value) -> PyResult<()> {
    if super::truthy_attr(vm, v, "closed")? {
        return Err(super::closed_error(vm));
    }
    Ok(())
}

fn i_closed(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let c = iobase_closed(vm, a[0])?;
    Ok(vm.bool_val(c))
}

fn i_close(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    if iobase_closed(vm, a[0])? {
        return Ok(vm.none);
    }
    let r = vm.call_method_str(a[0], "flush", &[]);
    mark_closed(vm, a[0])?;
    r?;
    Ok(vm.none)
}

fn i_flush(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    if iobase_closed(vm, a[0])? {
        return Err(super::closed_error(vm));
    }
    Ok(vm.none)
}

fn i_false(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    Ok(vm.false_)
}

fn i_seek(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    Err(unsupported(vm, "seek"))
}

fn i_tell(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let (z, one) = (vm.new_int(0), vm.new_int(1));
    vm.call_method_str(a[0], "seek", &[z, one])
}

fn i_truncate(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    Err(unsupported(vm, "truncate"))
}

fn i_fileno(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    Err(unsupported(vm, "fileno"))
}

fn i_isatty(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    check_closed(vm, a[0])?;
    Ok(vm.false_)
}

fn i_check_closed(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    if super::truthy_attr(vm, a[0], "closed")? {
        return Err(match a.get(1) {
            Some(&m) if m != vm.none => {
                let msg = vm.str(m)?;
                vm.value_error(&msg)
            }
            _ => super::closed_error(vm),
        });
    }
    Ok(vm.none)
}

fn check_able(vm: &mut Vm, a: &[Value], what: &str, msg: &str) -> PyResult<Value> {
    let r = vm.call_method_str(a[0], what, &[])?;
    if !vm.truthy(r)? {
        return Err(unsupported(vm, msg));
    }
    Ok(vm.true_)
}

fn i_check_seekable(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    check_able(vm, a, "seekable", "File or stream is not seekable.")
}

fn i_check_readable(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    check_able(vm, a, "readable", "File or stream is not readable.")
}

fn i_check_writable(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    check_able(vm, a, "writable", "File or stream is not writable.")
}

fn i_enter(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    check_closed(vm, a[0])?;
    Ok(a[0])
}

fn i_exit(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    vm.call_method_str(a[0], "close", &[])
}

fn i_iter(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    check_closed(vm, a[0])?;
    Ok(a[0])
}

fn i_next(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let line = vm.call_method_str(a[0], "readline", &[])?;
    if vm.len(line)? == 0 {
        return Err(vm.stop_iteration(Value::NULL));
    }
    Ok(line)
}

fn i_readline(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, &a[1..], k, "readline", &["size"], 0, 1)?;
    let size = super::size_arg(vm, args.get(0))?;
    let this = a[0];
    let peek_name = vm.intern("peek");
    let has_peek = vm.getattr_opt(this, peek_name)?.is_some();
    let mut buf: Vec<u8> = Vec::new();
    while size < 0 || (buf.len() as i64) < size {
        let mut nreadahead = 1usize;
        if has_peek {
            let one = vm.new_int(1);
            let ra = vm.call_method_str(this, "peek", &[one])?;
            if ra.kind() != Some(ObjKind::Bytes) {
                let tn = vm.type_name_of(ra);
                return Err(vm.err(vm.types.os_error, &format!("peek() should have returned a bytes object, not '{tn}'")));
            }
            let d = ra.get::<BytesObj>().map(|b| b.data.to_vec()).unwrap_or_default();
            if !d.is_empty() {
                let mut n = 0;
                while n < d.len() && (size < 0 || (n as i64) < size - buf.len() as i64) {
                    n += 1;
                    if d[n - 1] == b'\n' {
                        break;
                    }
                }
                nreadahead = n.max(1);
            }
        }
        let nv = vm.new_int(nreadahead as i64);
        let b = vm.call_method_str(this, "read", &[nv])?;
        if b == vm.none {
            break;
        }
        if b.kind() != Some(ObjKind::Bytes) {
            let tn = vm.type_name_of(b);
            return Err(vm.err(vm.types.os_error, &format!("read() should have returned a bytes object, not '{tn}'")));
        }
        let d = b.get::<BytesObj>().map(|b| b.data.to_vec()).unwrap_or_default();
        if d.is_empty() {
            break;
        }
        buf.extend_from_slice(&d);
        if buf.ends_with(b"\n") {
            break;
        }
    }
    Ok(vm.new_bytes(buf))
}

fn i_readlines(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, &a[1..], k, "readlines", &["hint"], 0, 1)?;
    let hint = super::size_arg(vm, args.get(0))?;
    let it = vm.iter(a[0])?;
    let out = vm.new_list(vec![]);
    let mut total = 0i64;
    while let Some(line) = vm.next(it)? {
        if let Some(l) = out.get::<ListObj>() {
            l.items.borrow_mut().push(line);
        }
        if hint > 0 {
            let n = vm.len(line)? as i64;
            if n > hint - total {
                break;
            }
            total += n;
        }
    }
    Ok(out)
}

fn i_writelines(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    crate::builtins::marity(vm, a, 2, 2, "writelines")?;
    check_closed(vm, a[0])?;
    let it = vm.iter(a[1])?;
    while let Some(line) = vm.next(it)? {
        vm.call_method_str(a[0], "write", &[line])?;
    }
    Ok(vm.none)
}

fn i_dict(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    match vm.instance_dict(a[0], true) {
        Some(d) => Ok(d),
        None => Err(vm.attribute_error("__dict__")),
    }
}

fn raw_read(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, &a[1..], k, "read", &["size"], 0, 1)?;
    let n = super::size_arg(vm, args.get(0))?;
    if n < 0 {
        return vm.call_method_str(a[0], "readall", &[]);
    }
    let b = vm.new_bytearray(vec![0u8; n as usize]);
    let mv = vm.types.memoryview;
    let view = vm.call(mv, &[b])?;
    let r = vm.call_method_str(a[0], "readinto", &[view])?;
    if r == vm.none {
        return Ok(r);
    }
    let got = super::int_arg(vm, r)?;
    if got < 0 || got > n {
        return Err(vm.value_error(&format!("readinto returned {got} outside buffer size {n}")));
    }
    let mut d = b.get::<ByteArrayObj>().map(|x| x.data.borrow().clone()).unwrap_or_default();
    d.truncate(got as usize);
    Ok(vm.new_bytes(d))
}

fn raw_readall(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let mut out = Vec::new();
    let mut got_any = false;
    loop {
        let n = vm.new_int(super::DEFAULT_BUFFER_SIZE as i64);
        let d = vm.call_method_str(a[0], "read", &[n])?;
        if d == vm.none {
            if !got_any {
                return Ok(d);
            }
            break;
        }
        if d.kind() != Some(ObjKind::Bytes) {
            return Err(vm.type_error("read() should return bytes"));
        }
        let b = d.get::<BytesObj>().map(|b| b.data.to_vec()).unwrap_or_default();
        if b.is_empty() {
            break;
        }
        got_any = true;
        out.extend_from_slice(&b);
    }
    Ok(vm.new_bytes(out))
}

fn not_implemented(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    let t = vm.types.not_implemented_error;
    Err(vm.err(t, ""))
}

fn buf_read(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    Err(unsupported(vm, "read"))
}
fn buf_read1(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    Err(unsupported(vm, "read1"))
}
fn buf_write(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    Err(unsupported(vm, "write"))
}
fn buf_detach(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    Err(unsupported(vm, "detach"))
}
fn text_readline(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    Err(unsupported(vm, "readline"))
}

fn buf_readinto_common(vm: &mut Vm, a: &[Value], meth: &str) -> PyResult<Value> {
    crate::builtins::marity(vm, a, 2, 2, "readinto")?;
    let n = super::buffer_len(vm, a[1])?;
    let nv = vm.new_int(n as i64);
    let d = vm.call_method_str(a[0], meth, &[nv])?;
    let data = super::bytes_arg(vm, d)?;
    if data.len() > n {
        return Err(vm.value_error(&format!("read() returned too much data: {n} bytes requested, {} returned", data.len())));
    }
    let got = super::write_into(vm, a[1], &data)?;
    Ok(vm.new_int(got as i64))
}

fn buf_readinto(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    buf_readinto_common(vm, a, "read")
}

fn buf_readinto1(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    buf_readinto_common(vm, a, "read1")
}

fn none_prop(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult<Value> {
    Ok(vm.none)
}

pub fn register(vm: &mut Vm, t: &IoTypes) {
    let ms: &[(&'static str, NativeFn)] = &[
        ("close", i_close),
        ("flush", i_flush),
        ("seekable", i_false),
        ("readable", i_false),
        ("writable", i_false),
        ("seek", i_seek),
        ("tell", i_tell),
        ("truncate", i_truncate),
        ("fileno", i_fileno),
        ("isatty", i_isatty),
        ("_checkClosed", i_check_closed),
        ("_checkSeekable", i_check_seekable),
        ("_checkReadable", i_check_readable),
        ("_checkWritable", i_check_writable),
        ("__enter__", i_enter),
        ("__exit__", i_exit),
        ("__iter__", i_iter),
        ("__next__", i_next),
        ("readline", i_readline),
        ("readlines", i_readlines),
        ("writelines", i_writelines),
    ];
    super::methods(vm, t.iobase, ms);
    super::props(vm, t.iobase, &[("closed", i_closed), ("__dict__", i_dict)]);
    super::methods(vm, t.rawiobase, &[("read", raw_read), ("readall", raw_readall), ("readinto", not_implemented), ("write", not_implemented)]);
    super::methods(
        vm,
        t.bufferediobase,
        &[
            ("read", buf_read),
            ("read1", buf_read1),
            ("write", buf_write),
            ("detach", buf_detach),
            ("readinto", buf_readinto),
            ("readinto1", buf_readinto1),
        ],
    );
    super::methods(vm, t.textiobase, &[("read", buf_read), ("readline", text_readline), ("write", buf_write), ("detach", buf_detach)]);
    super::props(vm, t.textiobase, &[("encoding", none_prop), ("newlines", none_prop), ("errors", none_prop)]);
}
