//! How a buffered object talks to its raw stream: Rust calls for a native `FileIO`,
//! Python method calls (`readinto`, `write`, `seek`, `tell`, `closed`) for anything else.

use std::io::{BufRead, Read};
use std::rc::Rc;

use crate::heap::Value;
use crate::interp::{PyResult, Vm};

use super::fileio::{self, RawFile};
use super::os_error;

pub struct RawRef {
    pub v: Value,
    pub native: Option<Rc<RawFile>>,
}

impl RawRef {
    /// One read of at most `n` bytes; None when a non-blocking raw stream has no data.
    pub fn read(&self, vm: &mut Vm, n: usize) -> PyResult<Option<Vec<u8>>> {
        if let Some(r) = &self.native {
            if r.is_closed() {
                return Err(vm.value_error("I/O operation on closed file"));
            }
            return fileio::read_some(vm, r, n).map(Some);
        }
        let b = vm.new_bytearray(vec![0u8; n]);
        let mv = vm.types.memoryview;
        let view = vm.call(mv, &[b])?;
        let r = vm.call_method_str(self.v, "readinto", &[view])?;
        if r == vm.none {
            return Ok(None);
        }
        let got = super::int_arg(vm, r)?;
        if got < 0 || got as usize > n {
            return Err(vm.err(vm.types.os_error, &format!("raw readinto() returned invalid length {got} (should have been between 0 and {n})")));
        }
        let mut data = b.get::<crate::objects::ByteArrayObj>().map(|x| x.data.borrow().clone()).unwrap_or_default();
        data.truncate(got as usize);
        Ok(Some(data))
    }

    /// Everything up to EOF.
    pub fn readall(&self, vm: &mut Vm) -> PyResult<Option<Vec<u8>>> {
        if let Some(r) = &self.native {
            if r.is_closed() {
                return Err(vm.value_error("I/O operation on closed file"));
            }
            return fileio::read_all(vm, r).map(Some);
        }
        let n = vm.intern("readall");
        if let Some(f) = vm.getattr_opt(self.v, n)? {
            let r = vm.call(f, &[])?;
            if r == vm.none {
                return Ok(None);
            }
            return super::bytes_arg(vm, r).map(Some);
        }
        let mut out = Vec::new();
        loop {
            match self.read(vm, super::DEFAULT_BUFFER_SIZE)? {
                None if out.is_empty() => return Ok(None),
                None => break,
                Some(d) if d.is_empty() => break,
                Some(d) => out.extend_from_slice(&d),
            }
        }
        Ok(Some(out))
    }

    /// One write; the count written.
    pub fn write(&self, vm: &mut Vm, data: &[u8]) -> PyResult<usize> {
        if let Some(r) = &self.native {
            if r.is_closed() {
                return Err(vm.value_error("I/O operation on closed file"));
            }
            return fileio::write_some(vm, r, data);
        }
        let b = vm.new_bytes(data.to_vec());
        let mv = vm.types.memoryview;
        let view = vm.call(mv, &[b])?;
        let r = vm.call_method_str(self.v, "write", &[view])?;
        if r == vm.none {
            return Ok(0);
        }
        let n = super::int_arg(vm, r)?;
        if n < 0 || n as usize > data.len() {
            return Err(vm.err(vm.types.os_error, &format!("raw write() returned invalid length {n} (should have been between 0 and {})", data.len())));
        }
        Ok(n as usize)
    }

    pub fn write_all(&self, vm: &mut Vm, data: &[u8]) -> PyResult<()> {
        let mut at = 0;
        while at < data.len() {
            let n = self.write(vm, &data[at..])?;
            if n == 0 {
                let t = vm.types.exceptions.iter().find(|e| e.0 == "BlockingIOError").map(|e| e.1).unwrap_or(vm.types.os_error);
                return Err(vm.err(t, "write could not complete without blocking"));
            }
            at += n;
        }
        Ok(())
    }

    pub fn seek(&self, vm: &mut Vm, pos: i64, whence: i64) -> PyResult<i64> {
        let p = if let Some(r) = &self.native {
            if r.is_closed() {
                return Err(vm.value_error("I/O operation on closed file"));
            }
            fileio::seek_raw(vm, r, pos, whence)?
        } else {
            let (pv, wv) = (vm.new_int(pos), vm.new_int(whence));
            let r = vm.call_method_str(self.v, "seek", &[pv, wv])?;
            super::int_arg(vm, r)?
        };
        if p < 0 {
            return Err(vm.err(vm.types.os_error, &format!("Raw stream returned invalid position {p}")));
        }
        Ok(p)
    }

    pub fn tell(&self, vm: &mut Vm) -> PyResult<i64> {
        let p = if let Some(r) = &self.native {
            if r.is_closed() {
                return Err(vm.value_error("I/O operation on closed file"));
            }
            fileio::seek_raw(vm, r, 0, 1)?
        } else {
            let r = vm.call_method_str(self.v, "tell", &[])?;
            super::int_arg(vm, r)?
        };
        if p < 0 {
            return Err(vm.err(vm.types.os_error, &format!("Raw stream returned invalid position {p}")));
        }
        Ok(p)
    }

    pub fn closed(&self, vm: &mut Vm) -> PyResult<bool> {
        if let Some(r) = &self.native {
            return Ok(r.is_closed());
        }
        super::truthy_attr(vm, self.v, "closed")
    }
}

/// The standard input, read through std's buffer (shared with the REPL and `input()`).
pub mod stdin {
    use super::*;

    fn err(vm: &mut Vm, e: std::io::Error) -> crate::interp::PyErr {
        os_error(vm, &e, None)
    }

    pub fn read(vm: &mut Vm, n: i64) -> PyResult<Vec<u8>> {
        crate::modules::sys::flush_stdout(vm);
        let mut out = Vec::new();
        let stdin = std::io::stdin();
        let mut lock = stdin.lock();
        if n < 0 {
            lock.read_to_end(&mut out).map_err(|e| err(vm, e))?;
            return Ok(out);
        }
        let n = n as usize;
        while out.len() < n {
            let avail = lock.fill_buf().map_err(|e| err(vm, e))?;
            if avail.is_empty() {
                break;
            }
            let k = avail.len().min(n - out.len());
            out.extend_from_slice(&avail[..k]);
            lock.consume(k);
        }
        Ok(out)
    }

    pub fn read1(vm: &mut Vm, n: usize) -> PyResult<Vec<u8>> {
        crate::modules::sys::flush_stdout(vm);
        let stdin = std::io::stdin();
        let mut lock = stdin.lock();
        let avail = lock.fill_buf().map_err(|e| err(vm, e))?;
        let k = avail.len().min(n);
        let out = avail[..k].to_vec();
        lock.consume(k);
        Ok(out)
    }

    pub fn peek(vm: &mut Vm) -> PyResult<Vec<u8>> {
        crate::modules::sys::flush_stdout(vm);
        let stdin = std::io::stdin();
        let mut lock = stdin.lock();
        let avail = lock.fill_buf().map_err(|e| err(vm, e))?;
        Ok(avail.to_vec())
    }

    /// A line (with its '\n'), at most `limit` bytes when `limit >= 0`.
    pub fn readline(vm: &mut Vm, limit: i64) -> PyResult<Vec<u8>> {
        crate::modules::sys::flush_stdout(vm);
        let stdin = std::io::stdin();
        let mut lock = stdin.lock();
        let mut out = Vec::new();
        loop {
            if limit >= 0 && out.len() >= limit as usize {
                break;
            }
            let avail = lock.fill_buf().map_err(|e| err(vm, e))?;
            if avail.is_empty() {
                break;
            }
            let room = if limit >= 0 { limit as usize - out.len() } else { usize::MAX };
            let cut = avail.len().min(room);
            match avail[..cut].iter().position(|&b| b == b'\n') {
                Some(i) => {
                    out.extend_from_slice(&avail[..=i]);
                    lock.consume(i + 1);
                    break;
                }
                None => {
                    out.extend_from_slice(&avail[..cut]);
                    lock.consume(cut);
                }
            }
        }
        Ok(out)
    }
}
