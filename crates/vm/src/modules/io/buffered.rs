//! `BufferedReader`, `BufferedWriter` and `BufferedRandom`: a byte buffer over a raw
//! stream (`refs[0]`). The read buffer holds bytes read ahead of the logical position;
//! the write buffer holds bytes not yet written at the raw position. A random-access
//! object never has both: writing first moves the raw position back over the read-ahead,
//! reading first writes the pending bytes out.

use std::rc::Rc;

use crate::heap::Value;
use crate::interp::{PyResult, Vm};
use crate::objects::*;

use super::bufops::{stdin, RawRef};
use super::fileio::{self, WriteBack};
use super::{bind, io_obj, put, take, unsupported, IoState, IoTypes};

#[derive(Clone, Copy, PartialEq, Debug)]
pub enum BufKind {
    Reader,
    Writer,
    Random,
}

pub struct BufState {
    pub kind: BufKind,
    pub size: usize,
    pub rbuf: Vec<u8>,
    pub rpos: usize,
    pub wb: Rc<WriteBack>,
    pub native: Option<Rc<fileio::RawFile>>,
    pub detached: bool,
    /// 0, 1 or 2 for the standard streams (which go through the interpreter's buffers).
    pub std: i32,
}

impl BufState {
    fn readable(&self) -> bool {
        self.kind != BufKind::Writer
    }
    fn writable(&self) -> bool {
        self.kind != BufKind::Reader
    }
    fn avail(&self) -> usize {
        self.rbuf.len() - self.rpos
    }
    fn wlen(&self) -> usize {
        self.wb.data.borrow().len()
    }
}

/// Runs `f` with the buffered state of `v` taken out (checks: initialized, not detached).
pub fn with_buf<T>(vm: &mut Vm, v: Value, f: impl FnOnce(&mut Vm, &mut BufState, &RawRef) -> PyResult<T>) -> PyResult<T> {
    let mut st = match take(vm, v)? {
        IoState::Buffered(s) => s,
        IoState::Empty => {
            put(v, IoState::Empty);
            return Err(super::uninit_error(vm));
        }
        other => {
            put(v, other);
            return Err(vm.type_error("expected a buffered object"));
        }
    };
    if st.detached {
        put(v, IoState::Buffered(st));
        return Err(vm.value_error("raw stream has been detached"));
    }
    let raw = RawRef { v: io_obj(v).map(|o| o.refs[0].get()).unwrap_or(Value::NULL), native: st.native.clone() };
    let r = f(vm, &mut st, &raw);
    put(v, IoState::Buffered(st));
    r
}

/// Whether a buffered object over a native file is closed, without taking its state
/// (None when that needs a call).
pub fn quick_closed(v: Value) -> Option<bool> {
    let o = io_obj(v)?;
    let st = o.st.try_borrow().ok()?;
    match &*st {
        IoState::Buffered(b) if !b.detached => b.native.as_ref().map(|r| r.is_closed()),
        _ => None,
    }
}

pub fn check_closed(vm: &mut Vm, raw: &RawRef, msg: &str) -> PyResult<()> {
    if raw.closed(vm)? {
        return Err(vm.value_error(msg));
    }
    Ok(())
}

/// Writes out the write buffer.
fn flush_writes(vm: &mut Vm, st: &mut BufState, raw: &RawRef) -> PyResult<()> {
    let data = std::mem::take(&mut *st.wb.data.borrow_mut());
    if data.is_empty() {
        return Ok(());
    }
    let mut at = 0;
    while at < data.len() {
        match raw.write(vm, &data[at..]) {
            Ok(0) => break,
            Ok(n) => at += n,
            Err(e) => {
                st.wb.data.borrow_mut().splice(0..0, data[at..].iter().copied());
                return Err(e);
            }
        }
    }
    if at < data.len() {
        st.wb.data.borrow_mut().splice(0..0, data[at..].iter().copied());
        let t = vm.types.exceptions.iter().find(|e| e.0 == "BlockingIOError").map(|e| e.1).unwrap_or(vm.types.os_error);
        return Err(vm.err(t, "write could not complete without blocking"));
    }
    Ok(())
}

/// Drops the read-ahead, moving the raw position back to the logical one.
fn rewind_readahead(vm: &mut Vm, st: &mut BufState, raw: &RawRef) -> PyResult<()> {
    let avail = st.avail() as i64;
    st.rbuf.clear();
    st.rpos = 0;
    if avail > 0 {
        raw.seek(vm, -avail, 1)?;
    }
    Ok(())
}

/// Before reading: pending writes go out.
fn prepare_read(vm: &mut Vm, st: &mut BufState, raw: &RawRef) -> PyResult<()> {
    if st.writable() && st.wlen() > 0 {
        flush_writes(vm, st, raw)?;
    }
    Ok(())
}

/// One raw read into an empty buffer; the count read (None: would block).
fn fill(vm: &mut Vm, st: &mut BufState, raw: &RawRef) -> PyResult<Option<usize>> {
    st.rbuf.clear();
    st.rpos = 0;
    match raw.read(vm, st.size)? {
        None => Ok(None),
        Some(d) => {
            let n = d.len();
            st.rbuf = d;
            Ok(Some(n))
        }
    }
}

fn take_buffered(st: &mut BufState, n: usize) -> Vec<u8> {
    let n = n.min(st.avail());
    let out = st.rbuf[st.rpos..st.rpos + n].to_vec();
    st.rpos += n;
    if st.rpos == st.rbuf.len() {
        st.rbuf.clear();
        st.rpos = 0;
    }
    out
}

/// read(n): n < 0 reads to EOF. None when nothing could be read without blocking.
pub fn read_n(vm: &mut Vm, st: &mut BufState, raw: &RawRef, n: i64) -> PyResult<Option<Vec<u8>>> {
    if st.std == 0 {
        return stdin::read(vm, n).map(Some);
    }
    prepare_read(vm, st, raw)?;
    if n < 0 {
        let mut out = take_buffered(st, usize::MAX);
        match raw.readall(vm)? {
            Some(d) => {
                if out.is_empty() {
                    return Ok(Some(d));
                }
                out.extend_from_slice(&d);
            }
            None if out.is_empty() => return Ok(None),
            None => {}
        }
        return Ok(Some(out));
    }
    let n = n as usize;
    let mut out = take_buffered(st, n);
    while out.len() < n {
        let remaining = n - out.len();
        if remaining >= st.size {
            let want = remaining - remaining % st.size;
            match raw.read(vm, want)? {
                None => return Ok(if out.is_empty() { None } else { Some(out) }),
                Some(d) if d.is_empty() => break,
                Some(d) => out.extend_from_slice(&d),
            }
            continue;
        }
        match fill(vm, st, raw)? {
            None => return Ok(if out.is_empty() { None } else { Some(out) }),
            Some(0) => break,
            Some(_) => {
                let more = take_buffered(st, remaining);
                out.extend_from_slice(&more);
            }
        }
    }
    Ok(Some(out))
}

/// read1(n): buffered bytes if there are any, else at most one raw read.
pub fn read1_n(vm: &mut Vm, st: &mut BufState, raw: &RawRef, n: i64) -> PyResult<Vec<u8>> {
    let n = if n < 0 { st.size } else { n as usize };
    if st.std == 0 {
        return stdin::read1(vm, n);
    }
    if n == 0 {
        return Ok(Vec::new());
    }
    if st.avail() > 0 {
        return Ok(take_buffered(st, n));
    }
    prepare_read(vm, st, raw)?;
    st.rbuf.clear();
    st.rpos = 0;
    Ok(raw.read(vm, n)?.unwrap_or_default())
}

pub fn peek_bytes(vm: &mut Vm, st: &mut BufState, raw: &RawRef) -> PyResult<Vec<u8>> {
    if st.std == 0 {
        return stdin::peek(vm);
    }
    if st.avail() == 0 {
        prepare_read(vm, st, raw)?;
        fill(vm, st, raw)?;
    }
    Ok(st.rbuf[st.rpos..].to_vec())
}

pub fn readline_bytes(vm: &mut Vm, st: &mut BufState, raw: &RawRef, limit: i64) -> PyResult<Vec<u8>> {
    if st.std == 0 {
        return stdin::readline(vm, limit);
    }
    prepare_read(vm, st, raw)?;
    let mut out = Vec::new();
    loop {
        let room = if limit >= 0 { limit as usize - out.len() } else { usize::MAX };
        if room == 0 {
            break;
        }
        if st.avail() == 0 {
            match fill(vm, st, raw)? {
                None | Some(0) => break,
                Some(_) => {}
            }
        }
        let chunk = &st.rbuf[st.rpos..];
        let cut = chunk.len().min(room);
        match chunk[..cut].iter().position(|&b| b == b'\n') {
            Some(i) => {
                out.extend_from_slice(&chunk[..=i]);
                st.rpos += i + 1;
                break;
            }
            None => {
                out.extend_from_slice(&chunk[..cut]);
                st.rpos += cut;
            }
        }
    }
    if st.rpos == st.rbuf.len() {
        st.rbuf.clear();
        st.rpos = 0;
    }
    Ok(out)
}

/// write(data): buffers it, writing out when the buffer would overflow.
pub fn write_bytes(vm: &mut Vm, st: &mut BufState, raw: &RawRef, data: &[u8]) -> PyResult<()> {
    if st.std == 1 || st.std == 2 {
        crate::modules::sys::write_std_bytes(vm, st.std, data);
        return Ok(());
    }
    if st.avail() > 0 {
        rewind_readahead(vm, st, raw)?;
    } else {
        st.rbuf.clear();
        st.rpos = 0;
    }
    if st.wlen() + data.len() <= st.size {
        st.wb.data.borrow_mut().extend_from_slice(data);
        return Ok(());
    }
    flush_writes(vm, st, raw)?;
    if data.len() > st.size {
        raw.write_all(vm, data)?;
    } else {
        st.wb.data.borrow_mut().extend_from_slice(data);
    }
    Ok(())
}

/// flush(): pending writes out, and the raw position back at the logical one.
pub fn flush_rewind(vm: &mut Vm, st: &mut BufState, raw: &RawRef) -> PyResult<()> {
    if st.std == 1 || st.std == 2 {
        crate::modules::sys::flush_stdout(vm);
        return Ok(());
    }
    flush_writes(vm, st, raw)?;
    if st.readable() && st.avail() > 0 {
        rewind_readahead(vm, st, raw)?;
    }
    Ok(())
}

pub fn tell_pos(vm: &mut Vm, st: &mut BufState, raw: &RawRef) -> PyResult<i64> {
    let p = raw.tell(vm)?;
    Ok((p - st.avail() as i64 + st.wlen() as i64).max(0))
}

fn check_seekable(vm: &mut Vm, raw: &RawRef) -> PyResult<()> {
    let r = vm.call_method_str(raw.v, "seekable", &[])?;
    if !vm.truthy(r)? {
        return Err(unsupported(vm, "File or stream is not seekable."));
    }
    Ok(())
}

pub fn seek_to(vm: &mut Vm, st: &mut BufState, raw: &RawRef, target: i64, whence: i64) -> PyResult<i64> {
    if !(0..=4).contains(&whence) {
        return Err(vm.value_error(&format!("whence value {whence} unsupported")));
    }
    check_closed(vm, raw, "seek of closed file")?;
    check_seekable(vm, raw)?;
    if (whence == 0 || whence == 1) && st.readable() && st.avail() > 0 && st.wlen() == 0 {
        let rawpos = raw.tell(vm)?;
        let start = rawpos - st.rbuf.len() as i64;
        let abs = if whence == 0 { target } else { rawpos - st.avail() as i64 + target };
        if abs >= start && abs <= rawpos {
            st.rpos = (abs - start) as usize;
            return Ok(abs);
        }
    }
    if st.writable() {
        flush_writes(vm, st, raw)?;
    }
    let target = if whence == 1 { target - st.avail() as i64 } else { target };
    st.rbuf.clear();
    st.rpos = 0;
    raw.seek(vm, target, whence)
}

fn kind_name(k: BufKind) -> &'static str {
    match k {
        BufKind::Reader => "BufferedReader",
        BufKind::Writer => "BufferedWriter",
        BufKind::Random => "BufferedRandom",
    }
}

fn check_raw(vm: &mut Vm, raw: Value, what: &str, msg: &str) -> PyResult<()> {
    let r = vm.call_method_str(raw, what, &[])?;
    if !vm.truthy(r)? {
        return Err(unsupported(vm, msg));
    }
    Ok(())
}

fn buffered_init(vm: &mut Vm, a: &[Value], k: Value, kind: BufKind) -> PyResult<Value> {
    let name = kind_name(kind);
    let args = bind(vm, &a[1..], k, name, &["raw", "buffer_size"], 1, 0)?;
    let raw = args.get(0).unwrap_or(vm.none);
    let size = match args.get(1) {
        Some(v) => super::int_arg(vm, v)?,
        None => super::DEFAULT_BUFFER_SIZE as i64,
    };
    if kind == BufKind::Random {
        check_raw(vm, raw, "seekable", "File or stream is not seekable.")?;
    }
    if kind != BufKind::Writer {
        check_raw(vm, raw, "readable", "File or stream is not readable.")?;
    }
    if kind != BufKind::Reader {
        check_raw(vm, raw, "writable", "File or stream is not writable.")?;
    }
    if size <= 0 {
        return Err(vm.value_error("buffer size must be strictly positive"));
    }
    let ft = super::types().fileio;
    let native = if super::is_exact(vm, raw, ft) { fileio::raw_file(raw) } else { None };
    let wb = Rc::new(WriteBack::default());
    if kind != BufKind::Reader {
        if let Some(n) = &native {
            *wb.file.borrow_mut() = Some(n.clone());
            fileio::register_writeback(&wb);
        }
    }
    let st = BufState { kind, size: size as usize, rbuf: Vec::new(), rpos: 0, wb, native, detached: false, std: -1 };
    if let Some(o) = io_obj(a[0]) {
        o.refs[0].set(raw);
        if let Ok(mut s) = o.st.try_borrow_mut() {
            *s = IoState::Buffered(Box::new(st));
        }
    }
    Ok(vm.none)
}

/// A buffered object over a standard stream's FileIO (`fd` 0, 1 or 2).
pub fn new_std(vm: &mut Vm, raw: Value, fd: i32) -> Value {
    let t = super::types();
    let (ty, kind) = if fd == 0 { (t.reader, BufKind::Reader) } else { (t.writer, BufKind::Writer) };
    let native = fileio::raw_file(raw);
    let st = BufState { kind, size: super::DEFAULT_BUFFER_SIZE, rbuf: Vec::new(), rpos: 0, wb: Rc::new(WriteBack::default()), native, detached: false, std: fd };
    let o = vm.alloc(ty, IoObj::new(IoState::Buffered(Box::new(st))));
    o.refs[0].set(raw);
    o.value()
}

fn reader_init(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    buffered_init(vm, a, k, BufKind::Reader)
}

fn writer_init(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    buffered_init(vm, a, k, BufKind::Writer)
}

fn random_init(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    buffered_init(vm, a, k, BufKind::Random)
}

fn opt_bytes(vm: &mut Vm, d: Option<Vec<u8>>) -> Value {
    match d {
        Some(d) => vm.new_bytes(d),
        None => vm.none,
    }
}

fn b_read(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, &a[1..], k, "read", &["size"], 0, 1)?;
    let n = super::size_arg(vm, args.get(0))?;
    if n < -1 {
        return Err(vm.value_error("read length must be non-negative or -1"));
    }
    let d = with_buf(vm, a[0], |vm, st, raw| {
        check_closed(vm, raw, "read of closed file")?;
        read_n(vm, st, raw, n)
    })?;
    Ok(opt_bytes(vm, d))
}

fn b_read1(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, &a[1..], k, "read1", &["size"], 0, 1)?;
    let n = super::size_arg(vm, args.get(0))?;
    let d = with_buf(vm, a[0], |vm, st, raw| {
        check_closed(vm, raw, "read of closed file")?;
        read1_n(vm, st, raw, n)
    })?;
    Ok(vm.new_bytes(d))
}

fn readinto_common(vm: &mut Vm, a: &[Value], one: bool) -> PyResult<Value> {
    crate::builtins::marity(vm, a, 2, 2, if one { "readinto1" } else { "readinto" })?;
    let n = super::buffer_len(vm, a[1])?;
    let d = with_buf(vm, a[0], |vm, st, raw| {
        check_closed(vm, raw, "readinto of closed file")?;
        if one {
            read1_n(vm, st, raw, n as i64).map(Some)
        } else {
            read_n(vm, st, raw, n as i64)
        }
    })?;
    match d {
        None => Ok(vm.none),
        Some(d) => {
            let got = super::write_into(vm, a[1], &d)?;
            Ok(vm.new_int(got as i64))
        }
    }
}

fn b_readinto(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    readinto_common(vm, a, false)
}

fn b_readinto1(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    readinto_common(vm, a, true)
}

fn b_peek(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let _ = bind(vm, &a[1..], k, "peek", &["size"], 0, 1)?;
    let d = with_buf(vm, a[0], |vm, st, raw| {
        check_closed(vm, raw, "peek of closed file")?;
        peek_bytes(vm, st, raw)
    })?;
    Ok(vm.new_bytes(d))
}

fn b_readline(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, &a[1..], k, "readline", &["size"], 0, 1)?;
    let n = super::size_arg(vm, args.get(0))?;
    let d = with_buf(vm, a[0], |vm, st, raw| {
        check_closed(vm, raw, "readline of closed file")?;
        readline_bytes(vm, st, raw, n)
    })?;
    Ok(vm.new_bytes(d))
}

fn b_next(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let t = super::types();
    let ty = vm.type_of(a[0]);
    let line = if ty == t.reader || ty == t.random {
        let d = with_buf(vm, a[0], |vm, st, raw| {
            check_closed(vm, raw, "readline of closed file")?;
            readline_bytes(vm, st, raw, -1)
        })?;
        vm.new_bytes(d)
    } else {
        vm.call_method_str(a[0], "readline", &[])?
    };
    if vm.len(line)? == 0 {
        return Err(vm.stop_iteration(Value::NULL));
    }
    Ok(line)
}

fn b_write(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    crate::builtins::marity(vm, a, 2, 2, "write")?;
    let data = super::bytes_arg(vm, a[1])?;
    with_buf(vm, a[0], |vm, st, raw| {
        {
            check_closed(vm, raw, "write to closed file")?;
        }
        write_bytes(vm, st, raw, &data)
    })?;
    Ok(vm.new_int(data.len() as i64))
}

fn b_flush(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    with_buf(vm, a[0], |vm, st, raw| {
        {
            check_closed(vm, raw, "flush of closed file")?;
        }
        flush_rewind(vm, st, raw)
    })?;
    Ok(vm.none)
}

fn b_seek(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    crate::builtins::marity(vm, a, 2, 3, "seek")?;
    let target = super::int_arg(vm, a[1])?;
    let whence = match a.get(2) {
        Some(&w) => super::int_arg(vm, w)?,
        None => 0,
    };
    let p = with_buf(vm, a[0], |vm, st, raw| seek_to(vm, st, raw, target, whence))?;
    Ok(vm.new_int(p))
}

fn b_tell(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let p = with_buf(vm, a[0], |vm, st, raw| tell_pos(vm, st, raw))?;
    Ok(vm.new_int(p))
}

fn b_truncate(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    crate::builtins::marity(vm, a, 1, 2, "truncate")?;
    let pos = a.get(1).copied().unwrap_or(vm.none);
    let rawv = with_buf(vm, a[0], |vm, st, raw| {
        check_closed(vm, raw, "truncate of closed file")?;
        if !st.writable() {
            return Err(unsupported(vm, "truncate"));
        }
        flush_rewind(vm, st, raw)?;
        Ok(raw.v)
    })?;
    vm.call_method_str(rawv, "truncate", &[pos])
}

/// The raw object (errors when detached or uninitialized).
fn raw_of(vm: &mut Vm, v: Value) -> PyResult<Value> {
    with_buf(vm, v, |_vm, _st, raw| Ok(raw.v))
}

fn b_close(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let raw = raw_of(vm, a[0])?;
    let closed = super::truthy_attr(vm, raw, "closed")?;
    if closed {
        return Ok(vm.none);
    }
    let flushed = vm.call_method_str(a[0], "flush", &[]);
    let closed = vm.call_method_str(raw, "close", &[]);
    let _ = with_buf(vm, a[0], |_vm, st, _raw| {
        st.rbuf = Vec::new();
        st.rpos = 0;
        Ok(())
    });
    match (flushed, closed) {
        (Ok(_), Ok(_)) => Ok(vm.none),
        (Err(e), Ok(_)) => Err(e),
        (Ok(_), Err(e)) => Err(e),
        (Err(first), Err(second)) => Err(super::chain(vm, first, second)),
    }
}

fn b_detach(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    raw_of(vm, a[0])?;
    vm.call_method_str(a[0], "flush", &[])?;
    with_buf(vm, a[0], |_vm, st, raw| {
        st.detached = true;
        Ok(raw.v)
    })
}

fn delegate(vm: &mut Vm, a: &[Value], name: &str) -> PyResult<Value> {
    let raw = raw_of(vm, a[0])?;
    vm.call_method_str(raw, name, &[])
}

fn b_seekable(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    delegate(vm, a, "seekable")
}

fn b_readable(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    delegate(vm, a, "readable")
}

fn b_writable(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    delegate(vm, a, "writable")
}

fn b_fileno(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    delegate(vm, a, "fileno")
}

/// BufferedReader.flush: the raw stream's.
fn b_simple_flush(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    delegate(vm, a, "flush")
}

fn b_isatty(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    delegate(vm, a, "isatty")
}

fn b_closed(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let raw = raw_of(vm, a[0])?;
    vm.getattr_str(raw, "closed")
}

fn b_name(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let raw = raw_of(vm, a[0])?;
    vm.getattr_str(raw, "name")
}

fn b_mode(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let raw = raw_of(vm, a[0])?;
    vm.getattr_str(raw, "mode")
}

fn b_raw(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let detached = matches!(io_obj(a[0]).and_then(|o| o.st.try_borrow().ok().map(|s| matches!(&*s, IoState::Buffered(b) if b.detached))), Some(true));
    if detached {
        return Ok(vm.none);
    }
    let r = io_obj(a[0]).map(|o| o.refs[0].get()).unwrap_or(Value::NULL);
    Ok(if r.is_null() { vm.none } else { r })
}

/// `<_io.BufferedReader name='x'>`, without the name when it cannot be read.
pub fn repr_with_name(vm: &mut Vm, v: Value, extra: &str) -> PyResult<Value> {
    let ty = vm.type_of(v);
    let tn = super::tp_name(vm, ty);
    let n = vm.intern("name");
    let name = match vm.getattr_opt(v, n) {
        Ok(x) => x,
        Err(e) => {
            if vm.isinstance(e.0, vm.types.value_error) || vm.isinstance(e.0, vm.types.attribute_error) {
                None
            } else {
                return Err(e);
            }
        }
    };
    let s = match name {
        Some(nv) => {
            vm.enter_native_at(" while getting the repr of an object")?;
            let r = vm.repr(nv);
            vm.leave_native();
            format!("<{tn} name={}{extra}>", r?)
        }
        None => format!("<{tn}{extra}>"),
    };
    Ok(vm.new_string(s))
}

fn b_repr(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    repr_with_name(vm, a[0], "")
}

fn b_sizeof(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let n = with_buf(vm, a[0], |_vm, st, _raw| Ok(st.size)).unwrap_or(0);
    Ok(vm.new_int(96 + n as i64))
}

/// The error of a buffered method on a closed or detached object, for `PyErr` users.
pub fn is_buffered(v: Value) -> bool {
    io_obj(v).map(|o| matches!(o.st.try_borrow().map(|s| matches!(&*s, IoState::Buffered(_))), Ok(true))).unwrap_or(false)
}

pub fn register(vm: &mut Vm, t: &IoTypes) {
    use crate::interp::NativeFn;
    let common: &[(&'static str, NativeFn)] = &[
        ("seek", b_seek),
        ("tell", b_tell),
        ("truncate", b_truncate),
        ("close", b_close),
        ("detach", b_detach),
        ("seekable", b_seekable),
        ("fileno", b_fileno),
        ("isatty", b_isatty),
        ("__repr__", b_repr),
        ("__sizeof__", b_sizeof),
    ];
    let reading: &[(&'static str, NativeFn)] = &[
        ("read", b_read),
        ("read1", b_read1),
        ("readinto", b_readinto),
        ("readinto1", b_readinto1),
        ("peek", b_peek),
        ("readline", b_readline),
        ("readable", b_readable),
        ("__next__", b_next),
    ];
    let writing: &[(&'static str, NativeFn)] = &[("write", b_write), ("flush", b_flush), ("writable", b_writable)];
    for (ty, init, r, w) in [
        (t.reader, reader_init as NativeFn, true, false),
        (t.writer, writer_init as NativeFn, false, true),
        (t.random, random_init as NativeFn, true, true),
    ] {
        super::methods(vm, ty, &[("__init__", init)]);
        super::methods(vm, ty, common);
        if r {
            super::methods(vm, ty, reading);
        }
        if w {
            super::methods(vm, ty, writing);
        } else {
            super::methods(vm, ty, &[("flush", b_simple_flush)]);
        }
        super::props(vm, ty, &[("closed", b_closed), ("name", b_name), ("mode", b_mode), ("raw", b_raw)]);
    }
}

