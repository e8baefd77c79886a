//! `BytesIO`: an in-memory binary stream. `getbuffer()` returns a memoryview of a copy of
//! the contents (pyjit's memoryview cannot view a BytesIO's own storage), so writes
//! through that view do not reach the stream.

use crate::heap::Value;
use crate::interp::{NativeFn, PyResult, Vm};

use super::{bind, put, take, IoState};

#[derive(Default)]
pub struct BytesState {
    pub buf: Vec<u8>,
    pub pos: usize,
    pub closed: bool,
}

fn with_bytes<T>(vm: &mut Vm, v: Value, check: bool, f: impl FnOnce(&mut Vm, &mut BytesState) -> PyResult<T>) -> PyResult<T> {
    let mut st = match take(vm, v)? {
        IoState::Bytes(s) => s,
        IoState::Empty => BytesState::default(),
        other => {
            put(v, other);
            return Err(vm.type_error("expected a BytesIO object"));
        }
    };
    if check && st.closed {
        put(v, IoState::Bytes(st));
        return Err(super::closed_error(vm));
    }
    let r = f(vm, &mut st);
    put(v, IoState::Bytes(st));
    r
}

impl BytesState {
    fn read(&mut self, n: i64) -> Vec<u8> {
        let avail = self.buf.len().saturating_sub(self.pos);
        let n = if n < 0 { avail } else { (n as usize).min(avail) };
        let out = self.buf[self.pos.min(self.buf.len())..][..n].to_vec();
        self.pos += n;
        out
    }

    fn readline(&mut self, limit: i64) -> Vec<u8> {
        let start = self.pos.min(self.buf.len());
        let rest = &self.buf[start..];
        let mut end = match rest.iter().position(|&b| b == b'\n') {
            Some(i) => i + 1,
            None => rest.len(),
        };
        if limit >= 0 {
            end = end.min(limit as usize);
        }
        let out = rest[..end].to_vec();
        self.pos = start + end;
        out
    }

    /// Writes at the position (zeros fill a gap); Err when the memory cannot be had.
    pub fn write(&mut self, data: &[u8]) -> Result<usize, ()> {
        if data.is_empty() {
            return Ok(0);
        }
        let end = self.pos.checked_add(data.len()).ok_or(())?;
        if self.buf.len() < end {
            self.buf.try_reserve(end - self.buf.len()).map_err(|_| ())?;
            self.buf.resize(end, 0);
        }
        self.buf[self.pos..end].copy_from_slice(data);
        self.pos = end;
        Ok(data.len())
    }
}

fn bio_init(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, &a[1..], k, "BytesIO", &["initial_bytes"], 0, 0)?;
    let data = match args.get(0) {
        Some(v) if v != vm.none => super::bytes_arg(vm, v)?,
        _ => Vec::new(),
    };
    put(a[0], IoState::Bytes(BytesState { buf: data, pos: 0, closed: false }));
    Ok(vm.none)
}

fn size1(vm: &mut Vm, a: &[Value], k: Value, name: &str) -> PyResult<i64> {
    let args = bind(vm, &a[1..], k, name, &["size"], 0, 1)?;
    super::size_arg(vm, args.get(0))
}

fn bio_read(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let n = size1(vm, a, k, "read")?;
    let d = with_bytes(vm, a[0], true, |_vm, st| Ok(st.read(n)))?;
    Ok(vm.new_bytes(d))
}

fn bio_read1(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let n = size1(vm, a, k, "read1")?;
    let d = with_bytes(vm, a[0], true, |_vm, st| Ok(st.read(n)))?;
    Ok(vm.new_bytes(d))
}

fn bio_readline(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let n = size1(vm, a, k, "readline")?;
    let d = with_bytes(vm, a[0], true, |_vm, st| Ok(st.readline(n)))?;
    Ok(vm.new_bytes(d))
}

fn bio_readlines(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, &a[1..], k, "readlines", &["size"], 0, 1)?;
    let hint = super::size_arg(vm, args.get(0))?;
    let lines = with_bytes(vm, a[0], true, |_vm, st| {
        let mut out = Vec::new();
        let mut total = 0usize;
        loop {
            let l = st.readline(-1);
            if l.is_empty() {
                break;
            }
            total += l.len();
            out.push(l);
            if hint > 0 && total >= hint as usize {
                break;
            }
        }
        Ok(out)
    })?;
    let vals: Vec<Value> = lines.into_iter().map(|l| vm.new_bytes(l)).collect();
    Ok(vm.new_list(vals))
}

fn readinto_impl(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    crate::builtins::marity(vm, a, 2, 2, "readinto")?;
    let n = super::buffer_len(vm, a[1])?;
    let d = with_bytes(vm, a[0], true, |_vm, st| Ok(st.read(n as i64)))?;
    let got = super::write_into(vm, a[1], &d)?;
    Ok(vm.new_int(got as i64))
}

fn bio_readinto(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    readinto_impl(vm, a)
}

fn bio_write(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    crate::builtins::marity(vm, a, 2, 2, "write")?;
    with_bytes(vm, a[0], true, |_vm, _st| Ok(()))?;
    let data = super::bytes_arg(vm, a[1])?;
    let n = with_bytes(vm, a[0], true, |vm, st| st.write(&data).map_err(|_| vm.memory_error()))?;
    Ok(vm.new_int(n as i64))
}

fn bio_writelines(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    crate::builtins::marity(vm, a, 2, 2, "writelines")?;
    with_bytes(vm, a[0], true, |_vm, _st| Ok(()))?;
    let it = vm.iter(a[1])?;
    while let Some(line) = vm.next(it)? {
        let data = super::bytes_arg(vm, line)?;
        with_bytes(vm, a[0], true, |vm, st| st.write(&data).map_err(|_| vm.memory_error()))?;
    }
    Ok(vm.none)
}

fn bio_getvalue(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let d = with_bytes(vm, a[0], true, |_vm, st| Ok(st.buf.clone()))?;
    Ok(vm.new_bytes(d))
}

fn bio_getbuffer(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let d = with_bytes(vm, a[0], true, |_vm, st| Ok(st.buf.clone()))?;
    let ba = vm.new_bytearray(d);
    let mv = vm.types.memoryview;
    vm.call(mv, &[ba])
}

fn bio_seek(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    crate::builtins::marity(vm, a, 2, 3, "seek")?;
    let pos = super::int_arg(vm, a[1])?;
    let whence = match a.get(2) {
        Some(&w) => super::int_arg(vm, w)?,
        None => 0,
    };
    let p = with_bytes(vm, a[0], true, |vm, st| {
        let base = match whence {
            0 => {
                if pos < 0 {
                    return Err(vm.value_error(&format!("negative seek value {pos}")));
                }
                0
            }
            1 => st.pos as i64,
            2 => st.buf.len() as i64,
            _ => return Err(vm.value_error(&format!("invalid whence ({whence}, should be 0, 1 or 2)"))),
        };
        let p = base.saturating_add(pos).max(0);
        st.pos = p as usize;
        Ok(p)
    })?;
    Ok(vm.new_int(p))
}

fn bio_tell(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let p = with_bytes(vm, a[0], true, |_vm, st| Ok(st.pos))?;
    Ok(vm.new_int(p as i64))
}

fn bio_truncate(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    crate::builtins::marity(vm, a, 1, 2, "truncate")?;
    let size = match a.get(1) {
        Some(&v) if v != vm.none => Some(super::int_arg(vm, v)?),
        _ => None,
    };
    let n = with_bytes(vm, a[0], true, |vm, st| {
        let n = size.unwrap_or(st.pos as i64);
        if n < 0 {
            return Err(vm.value_error(&format!("negative size value {n}")));
        }
        if (n as usize) < st.buf.len() {
            st.buf.truncate(n as usize);
        }
        Ok(n)
    })?;
    Ok(vm.new_int(n))
}

fn bio_true(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    with_bytes(vm, a[0], true, |_vm, _st| Ok(()))?;
    Ok(vm.true_)
}

fn bio_false(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    with_bytes(vm, a[0], true, |_vm, _st| Ok(()))?;
    Ok(vm.false_)
}

fn bio_flush(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    with_bytes(vm, a[0], true, |_vm, _st| Ok(()))?;
    Ok(vm.none)
}

fn bio_close(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    with_bytes(vm, a[0], false, |_vm, st| {
        st.closed = true;
        st.buf = Vec::new();
        Ok(())
    })?;
    Ok(vm.none)
}

fn bio_closed(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let c = with_bytes(vm, a[0], false, |_vm, st| Ok(st.closed))?;
    Ok(vm.bool_val(c))
}

fn bio_iter(_vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    Ok(a[0])
}

fn bio_next(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let bt = super::types().bytesio;
    let line = if vm.type_of(a[0]) == bt {
        let d = with_bytes(vm, a[0], true, |_vm, st| Ok(st.readline(-1)))?;
        vm.new_bytes(d)
    } else {
        vm.call_method_str(a[0], "readline", &[])?
    };
    if vm.len(line)? == 0 {
        return Err(vm.stop_iteration(Value::NULL));
    }
    Ok(line)
}

fn bio_sizeof(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let n = with_bytes(vm, a[0], false, |_vm, st| Ok(st.buf.capacity())).unwrap_or(0);
    Ok(vm.new_int(88 + n as i64))
}

pub fn register(vm: &mut Vm, ty: Value) {
    let ms: &[(&'static str, NativeFn)] = &[
        ("__init__", bio_init),
        ("read", bio_read),
        ("read1", bio_read1),
        ("readline", bio_readline),
        ("readlines", bio_readlines),
        ("readinto", bio_readinto),
        ("readinto1", bio_readinto),
        ("write", bio_write),
        ("writelines", bio_writelines),
        ("getvalue", bio_getvalue),
        ("getbuffer", bio_getbuffer),
        ("seek", bio_seek),
        ("tell", bio_tell),
        ("truncate", bio_truncate),
        ("readable", bio_true),
        ("writable", bio_true),
        ("seekable", bio_true),
        ("isatty", bio_false),
        ("flush", bio_flush),
        ("close", bio_close),
        ("__iter__", bio_iter),
        ("__next__", bio_next),
        ("__sizeof__", bio_sizeof),
    ];
    super::methods(vm, ty, ms);
    super::props(vm, ty, &[("closed", bio_closed)]);
}
