//! `mmap`: memory-mapped files and anonymous maps (the Unix half of CPython's
//! mmapmodule.c): the mmap.mmap class with its file-like methods (read, write, seek, find,
//! readline), item and slice access, flush, move, resize (mremap), madvise, and the buffer
//! protocol (bytes(), memoryview and the bytes-like arguments of other functions read and
//! write the mapped memory itself). The mapping is released by close() or when the object
//! is collected.
#![allow(unsafe_code)]

use crate::util::*;
use crate::{class_of, class_slot};

class_slot!(MMAP);

const ACCESS_DEFAULT: i64 = 0;
const ACCESS_READ: i64 = 1;
const ACCESS_WRITE: i64 = 2;
const ACCESS_COPY: i64 = 3;

/// An open or closed mapping.
struct Mmap {
    /// Start of the mapping (0 when closed).
    addr: usize,
    len: usize,
    pos: usize,
    /// Our own duplicate of the file's descriptor; -1 for an anonymous map.
    fd: i32,
    access: i64,
    offset: i64,
}

impl NativeData for Mmap {
    fn trace(&self, _t: &mut Tracer) {}
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }
    fn buffer(&self) -> Option<&[u8]> {
        Some(self.data())
    }
    fn buffer_mut(&mut self) -> Option<&mut [u8]> {
        if self.access == ACCESS_READ {
            return None;
        }
        Some(self.data_mut())
    }
}

impl Mmap {
    fn closed(&self) -> bool {
        self.addr == 0
    }
    fn data(&self) -> &[u8] {
        if self.closed() || self.len == 0 {
            return &[];
        }
        // SAFETY: addr..addr+len is a live mapping made by mmap/mremap (PROT_READ at least);
        // it is unmapped only by `release`, which needs `&mut self`, so not during this borrow.
        unsafe { std::slice::from_raw_parts(self.addr as *const u8, self.len) }
    }
    fn data_mut(&mut self) -> &mut [u8] {
        if self.closed() || self.len == 0 || self.access == ACCESS_READ {
            return &mut [];
        }
        // SAFETY: as in `data`; the mapping is writable (PROT_WRITE) unless ACCESS_READ,
        // excluded above, and `&mut self` makes this the only slice over it.
        unsafe { std::slice::from_raw_parts_mut(self.addr as *mut u8, self.len) }
    }
    fn release(&mut self) {
        if self.addr != 0 {
            // SAFETY: addr/len describe a mapping this object made and still owns.
            unsafe { libc::munmap(self.addr as *mut libc::c_void, self.len.max(1)) };
            self.addr = 0;
        }
        if self.fd >= 0 {
            // SAFETY: fd is the descriptor this object duplicated and owns.
            unsafe { libc::close(self.fd) };
            self.fd = -1;
        }
    }
}

impl Drop for Mmap {
    fn drop(&mut self) {
        self.release();
    }
}

/// The errors of the operations (made into Python exceptions outside the state's borrow).
enum Fail {
    Closed,
    Value(&'static str),
    Type(&'static str),
    Os(std::io::Error),
}

fn raise(vm: &mut Vm, f: Fail) -> PyErr {
    match f {
        Fail::Closed => vm.value_error("mmap closed or invalid"),
        Fail::Value(m) => vm.value_error(m),
        Fail::Type(m) => vm.type_error(m),
        Fail::Os(e) => pyjit_vm::modules::io::os_error(vm, &e, None),
    }
}

/// Runs `f` on the open mapping of `v`.
fn open<R>(vm: &mut Vm, v: Value, f: impl FnOnce(&mut Mmap) -> Result<R, Fail>) -> PyResult<R> {
    let r = with_state::<Mmap, _>(vm, v, "mmap.mmap", |m| if m.closed() { Err(Fail::Closed) } else { f(m) })?;
    r.map_err(|e| raise(vm, e))
}

fn writable(m: &Mmap) -> Result<(), Fail> {
    if m.access == ACCESS_READ {
        return Err(Fail::Type("mmap can't modify a readonly memory map."));
    }
    Ok(())
}

fn page_size() -> i64 {
    // SAFETY: sysconf reads a constant of the system.
    let p = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    if p > 0 { p } else { 4096 }
}

fn mmap_new(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let cls = a[0];
    let p = parse(vm, &a[1..], kw, "mmap", &["fileno", "length", "flags", "prot", "access", "offset"], &[], 2)?;
    let fd = c_int(vm, p[0].unwrap_or(Value::NULL))?;
    let length = ssize(vm, p[1].unwrap_or(Value::NULL))?;
    let mut flags = match p[2] { Some(v) => c_int(vm, v)?, None => libc::MAP_SHARED };
    let mut prot = match p[3] { Some(v) => c_int(vm, v)?, None => libc::PROT_WRITE | libc::PROT_READ };
    let mut access = match p[4] { Some(v) => c_int(vm, v)? as i64, None => ACCESS_DEFAULT };
    let offset = match p[5] { Some(v) => c_long(vm, v)?, None => 0 };
    if length < 0 {
        return Err(vm.overflow_error("memory mapped length must be positive"));
    }
    if offset < 0 {
        return Err(vm.overflow_error("memory mapped offset must be positive"));
    }
    if access != ACCESS_DEFAULT && (flags != libc::MAP_SHARED || prot != (libc::PROT_WRITE | libc::PROT_READ)) {
        return Err(vm.value_error("mmap can't specify both access and flags, prot."));
    }
    match access {
        ACCESS_READ => {
            flags = libc::MAP_SHARED;
            prot = libc::PROT_READ;
        }
        ACCESS_WRITE => {
            flags = libc::MAP_SHARED;
            prot = libc::PROT_READ | libc::PROT_WRITE;
        }
        ACCESS_COPY => {
            flags = libc::MAP_PRIVATE;
            prot = libc::PROT_READ | libc::PROT_WRITE;
        }
        ACCESS_DEFAULT => {
            // the access a map made with flags and prot has
            if prot & libc::PROT_READ != 0 && prot & libc::PROT_WRITE != 0 {
            } else if prot & libc::PROT_WRITE != 0 {
                access = ACCESS_WRITE;
            } else {
                access = ACCESS_READ;
            }
        }
        _ => return Err(vm.value_error("mmap invalid access parameter.")),
    }
    let mut map_size = length as usize;
    if fd != -1 {
        // SAFETY: fstat writes the stat buffer it is given; a bad descriptor makes it fail.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        // SAFETY: as above.
        let ok = unsafe { libc::fstat(fd, &mut st) } == 0;
        if ok && (st.st_mode & libc::S_IFMT) == libc::S_IFREG {
            let size = st.st_size;
            if map_size == 0 {
                if size == 0 {
                    return Err(vm.value_error("cannot mmap an empty file"));
                }
                if offset >= size {
                    return Err(vm.value_error("mmap offset is greater than file size"));
                }
                map_size = (size - offset) as usize;
            } else if offset > size || size - offset < length {
                return Err(vm.value_error("mmap length is greater than file size"));
            }
        }
    }
    let own_fd = if fd == -1 {
        flags |= libc::MAP_ANONYMOUS;
        -1
    } else {
        // SAFETY: dup of a caller's descriptor; failure is reported below.
        let d = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
        if d < 0 {
            let e = std::io::Error::last_os_error();
            return Err(raise(vm, Fail::Os(e)));
        }
        d
    };
    // SAFETY: a new mapping at an address the kernel picks; no existing memory is touched.
    let addr = unsafe { libc::mmap(std::ptr::null_mut(), map_size, prot, flags, fd, offset as libc::off_t) };
    if addr == libc::MAP_FAILED {
        let e = std::io::Error::last_os_error();
        if own_fd >= 0 {
            // SAFETY: the descriptor duplicated above, not used elsewhere.
            unsafe { libc::close(own_fd) };
        }
        return Err(raise(vm, Fail::Os(e)));
    }
    let state = Mmap { addr: addr as usize, len: map_size, pos: 0, fd: own_fd, access, offset };
    let ty = if cls.get::<TypeObj>().is_some() { cls } else { class_of!(MMAP) };
    Ok(new_native(vm, ty, state))
}

fn m_close(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "close")?;
    with_state::<Mmap, _>(vm, a[0], "mmap.mmap", |m| m.release())?;
    Ok(vm.none)
}

fn m_closed(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let c = with_state::<Mmap, _>(vm, a[0], "mmap.mmap", |m| m.closed())?;
    Ok(vm.bool_val(c))
}

fn m_enter(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    open(vm, a[0], |_| Ok(()))?;
    Ok(a[0])
}

fn m_exit(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    with_state::<Mmap, _>(vm, a[0], "mmap.mmap", |m| m.release())?;
    Ok(vm.none)
}

/// An optional size argument: None or absent is `default`.
fn opt_ssize(vm: &mut Vm, v: Option<Value>, default: i64) -> PyResult<i64> {
    match v {
        Some(v) if v != vm.none => ssize(vm, v),
        _ => Ok(default),
    }
}

fn m_read(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let p = parse(vm, &a[1..], kw, "read", &["n"], &[], 0)?;
    let n = opt_ssize(vm, p[0], -1)?;
    let b = open(vm, a[0], |m| {
        let rest = m.len.saturating_sub(m.pos);
        let n = if n < 0 || n as usize > rest { rest } else { n as usize };
        let out = m.data()[m.pos..m.pos + n].to_vec();
        m.pos += n;
        Ok(out)
    })?;
    Ok(vm.new_bytes(b))
}

fn m_read_byte(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "read_byte")?;
    let b = open(vm, a[0], |m| {
        if m.pos >= m.len {
            return Err(Fail::Value("read byte out of range"));
        }
        let b = m.data()[m.pos];
        m.pos += 1;
        Ok(b)
    })?;
    Ok(vm.new_int(b as i64))
}

fn m_readline(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "readline")?;
    let b = open(vm, a[0], |m| {
        let pos = m.pos.min(m.len);
        let rest = &m.data()[pos..];
        let n = rest.iter().position(|&c| c == b'\n').map(|i| i + 1).unwrap_or(rest.len());
        let out = rest[..n].to_vec();
        m.pos = pos + n;
        Ok(out)
    })?;
    Ok(vm.new_bytes(b))
}

fn m_write(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = onearg(vm, a, kw, "write")?;
    let data = bytes_like(vm, v)?;
    let n = open(vm, a[0], |m| {
        writable(m)?;
        if m.pos > m.len || m.len - m.pos < data.len() {
            return Err(Fail::Value("data out of range"));
        }
        let pos = m.pos;
        m.data_mut()[pos..pos + data.len()].copy_from_slice(&data);
        m.pos += data.len();
        Ok(data.len())
    })?;
    Ok(vm.new_int(n as i64))
}

/// An unsigned char argument (PyArg "b").
fn byte_arg(vm: &mut Vm, v: Value) -> PyResult<u8> {
    let x = c_long(vm, v)?;
    if x < 0 {
        return Err(vm.overflow_error("unsigned byte integer is less than minimum"));
    }
    if x > 255 {
        return Err(vm.overflow_error("unsigned byte integer is greater than maximum"));
    }
    Ok(x as u8)
}

fn m_write_byte(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = onearg(vm, a, kw, "write_byte")?;
    let b = byte_arg(vm, v)?;
    open(vm, a[0], |m| {
        writable(m)?;
        if m.pos >= m.len {
            return Err(Fail::Value("write byte out of range"));
        }
        let pos = m.pos;
        m.data_mut()[pos] = b;
        m.pos += 1;
        Ok(())
    })?;
    Ok(vm.none)
}

fn m_seek(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let p = parse(vm, &a[1..], kw, "seek", &["pos", "whence"], &[], 1)?;
    let dist = ssize(vm, p[0].unwrap_or(Value::NULL))?;
    let how = match p[1] { Some(v) => c_int(vm, v)?, None => 0 };
    open(vm, a[0], |m| {
        let base = match how {
            0 => 0i64,
            1 => m.pos as i64,
            2 => m.len as i64,
            _ => return Err(Fail::Value("unknown seek type")),
        };
        let to = base.checked_add(dist).ok_or(Fail::Value("seek out of range"))?;
        if to < 0 || to > m.len as i64 {
            return Err(Fail::Value("seek out of range"));
        }
        m.pos = to as usize;
        Ok(())
    })?;
    Ok(vm.none)
}

fn m_tell(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "tell")?;
    let p = open(vm, a[0], |m| Ok(m.pos))?;
    Ok(vm.new_int(p as i64))
}

fn m_size(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "size")?;
    let n = open(vm, a[0], |m| {
        // an anonymous map has no descriptor: CPython's fstat(-1) fails with EBADF too
        // SAFETY: fstat on the descriptor this object owns (or -1), into a local buffer.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        // SAFETY: as above.
        if unsafe { libc::fstat(m.fd, &mut st) } != 0 {
            return Err(Fail::Os(std::io::Error::last_os_error()));
        }
        Ok(st.st_size)
    })?;
    Ok(vm.new_int(n))
}

fn m_len(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let n = open(vm, a[0], |m| Ok(m.len))?;
    Ok(vm.new_int(n as i64))
}

/// find/rfind: sub in [start, end) of the map (slice-like bounds; None allowed; start
/// defaults to the current position).
fn finder(vm: &mut Vm, a: &[Value], kw: Value, name: &str, reverse: bool) -> PyResult<Value> {
    let p = parse(vm, &a[1..], kw, name, &["sub", "start", "end"], &[], 1)?;
    let sub = bytes_like(vm, p[0].unwrap_or(Value::NULL))?;
    // start defaults to the current position, as in CPython
    let start = match p[1] { Some(v) if v != vm.none => Some(ssize(vm, v)?), _ => None };
    let end = opt_ssize(vm, p[2], i64::MAX)?;
    let r = open(vm, a[0], |m| {
        let start = start.unwrap_or(m.pos as i64);
        let len = m.len as i64;
        let fix = |x: i64| if x < 0 { (x + len).max(0) } else { x.min(len) };
        let (s, e) = (fix(start) as usize, fix(end) as usize);
        if s > e || e - s < sub.len() {
            return Ok(-1);
        }
        let hay = &m.data()[s..e];
        let found = if sub.is_empty() {
            Some(if reverse { hay.len() } else { 0 })
        } else if reverse {
            hay.windows(sub.len()).rposition(|w| w == &sub[..])
        } else {
            hay.windows(sub.len()).position(|w| w == &sub[..])
        };
        Ok(found.map(|i| (s + i) as i64).unwrap_or(-1))
    })?;
    Ok(vm.new_int(r))
}

fn m_find(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    finder(vm, a, kw, "find", false)
}

fn m_rfind(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    finder(vm, a, kw, "rfind", true)
}

fn m_flush(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let p = parse(vm, &a[1..], kw, "flush", &["offset", "size"], &[], 0)?;
    let offset = opt_ssize(vm, p[0], 0)?;
    let size = p[1];
    let size = match size { Some(v) => Some(ssize(vm, v)?), None => None };
    open(vm, a[0], |m| {
        let size = size.unwrap_or(m.len as i64);
        if size < 0 || offset < 0 || (m.len as i64) - offset < size {
            return Err(Fail::Value("flush values out of range"));
        }
        if m.access == ACCESS_READ || m.access == ACCESS_COPY || size == 0 {
            return Ok(());
        }
        // SAFETY: [addr+offset, +size) lies inside the mapping (checked above).
        let r = unsafe { libc::msync((m.addr + offset as usize) as *mut libc::c_void, size as usize, libc::MS_SYNC) };
        if r != 0 {
            return Err(Fail::Os(std::io::Error::last_os_error()));
        }
        Ok(())
    })?;
    Ok(vm.none)
}

fn m_move(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    no_kw(vm, kw, "move")?;
    check_count(vm, a.len() - 1, "move", 3, 3)?;
    let dest = ssize(vm, a[1])?;
    let src = ssize(vm, a[2])?;
    let cnt = ssize(vm, a[3])?;
    open(vm, a[0], |m| {
        writable(m)?;
        let len = m.len as i64;
        if dest < 0 || src < 0 || cnt < 0 || len - dest < cnt || len - src < cnt {
            return Err(Fail::Value("source, destination, or count out of range"));
        }
        let (d, s, c) = (dest as usize, src as usize, cnt as usize);
        m.data_mut().copy_within(s..s + c, d);
        Ok(())
    })?;
    Ok(vm.none)
}

fn m_resize(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = onearg(vm, a, kw, "resize")?;
    let new_size = ssize(vm, v)?;
    open(vm, a[0], |m| {
        if m.access != ACCESS_WRITE && m.access != ACCESS_DEFAULT {
            return Err(Fail::Type("mmap can't resize a readonly or copy-on-write memory map."));
        }
        if new_size < 0 || i64::MAX - new_size < m.offset {
            return Err(Fail::Value("new size out of range"));
        }
        if m.fd >= 0 {
            // SAFETY: ftruncate of the descriptor this object owns.
            if unsafe { libc::ftruncate(m.fd, (m.offset + new_size) as libc::off_t) } != 0 {
                return Err(Fail::Os(std::io::Error::last_os_error()));
            }
        }
        // SAFETY: remaps this object's own mapping; the old address is not used after a
        // success, and stays valid after a failure.
        let addr = unsafe { libc::mremap(m.addr as *mut libc::c_void, m.len, new_size as usize, libc::MREMAP_MAYMOVE) };
        if addr == libc::MAP_FAILED {
            return Err(Fail::Os(std::io::Error::last_os_error()));
        }
        m.addr = addr as usize;
        m.len = new_size as usize;
        m.pos = m.pos.min(m.len);
        Ok(())
    })?;
    Ok(vm.none)
}

fn m_madvise(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let p = parse(vm, &a[1..], kw, "madvise", &["option", "start", "length"], &[], 1)?;
    let option = c_int(vm, p[0].unwrap_or(Value::NULL))?;
    let start = opt_ssize(vm, p[1], 0)?;
    let length = match p[2] { Some(v) => Some(ssize(vm, v)?), None => None };
    let r = open(vm, a[0], |m| {
        let len = m.len as i64;
        if start < 0 || start >= len {
            return Err(Fail::Value("madvise start out of bounds"));
        }
        let mut length = length.unwrap_or(len);
        if length < 0 {
            return Err(Fail::Value("madvise length invalid"));
        }
        if i64::MAX - start < length {
            return Ok(Err(()));
        }
        if start + length > len {
            length = len - start;
        }
        // SAFETY: [addr+start, +length) lies inside the mapping (clamped above).
        let r = unsafe { libc::madvise((m.addr + start as usize) as *mut libc::c_void, length as usize, option) };
        if r != 0 {
            return Err(Fail::Os(std::io::Error::last_os_error()));
        }
        Ok(Ok(()))
    })?;
    if r.is_err() {
        return Err(vm.overflow_error("madvise length too large"));
    }
    Ok(vm.none)
}

fn m_getitem(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let key = onearg(vm, a, kw, "__getitem__")?;
    let len = open(vm, a[0], |m| Ok(m.len))?;
    if key.kind() == Some(ObjKind::Slice) {
        let b = vm.slice_bounds(key, len)?;
        let out = open(vm, a[0], |m| {
            let d = m.data();
            Ok((0..b.len).map(|k| d[(b.start + k as i64 * b.step) as usize]).collect::<Vec<u8>>())
        })?;
        return Ok(vm.new_bytes(out));
    }
    let Some(k) = vm.index_opt(key)? else {
        return Err(vm.type_error("mmap indices must be integers"));
    };
    let i = item_index(vm, k, len)?;
    let b = open(vm, a[0], |m| Ok(m.data()[i]))?;
    Ok(vm.new_int(b as i64))
}

/// iter(m): the items as 1-byte bytes objects (CPython iterates through sq_item, which
/// gives bytes, where m[i] gives an int).
fn m_iter(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "__iter__")?;
    let data = open(vm, a[0], |m| Ok(m.data().to_vec()))?;
    let items: Vec<Value> = data.into_iter().map(|b| vm.new_bytes(vec![b])).collect();
    let l = vm.new_list(items);
    vm.iter(l)
}

fn item_index(vm: &mut Vm, k: Value, len: usize) -> PyResult<usize> {
    let Some(i) = vm.as_i64(k) else {
        return Err(vm.index_error("cannot fit 'int' into an index-sized integer"));
    };
    let j = if i < 0 { i.saturating_add(len as i64) } else { i };
    if j < 0 || j >= len as i64 {
        return Err(vm.index_error("mmap index out of range"));
    }
    Ok(j as usize)
}

fn m_setitem(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    no_kw(vm, kw, "__setitem__")?;
    check_count(vm, a.len() - 1, "__setitem__", 2, 2)?;
    let (key, v) = (a[1], a[2]);
    let len = open(vm, a[0], |m| writable(m).map(|_| m.len))?;
    if key.kind() == Some(ObjKind::Slice) {
        let b = vm.slice_bounds(key, len)?;
        let Some(data) = with_buffer(vm, v, |d| d.to_vec())? else {
            let tn = vm.type_name_of(v);
            return Err(vm.type_error(&format!("a bytes-like object is required, not '{tn}'")));
        };
        if data.len() != b.len {
            return Err(vm.index_error("mmap slice assignment is wrong size"));
        }
        open(vm, a[0], |m| {
            let d = m.data_mut();
            for (k, x) in data.iter().enumerate() {
                if let Some(slot) = d.get_mut((b.start + k as i64 * b.step) as usize) {
                    *slot = *x;
                }
            }
            Ok(())
        })?;
        return Ok(vm.none);
    }
    let Some(k) = vm.index_opt(key)? else {
        return Err(vm.type_error("mmap indices must be integer"));
    };
    let i = item_index(vm, k, len)?;
    if !vm.is_int(v) {
        return Err(vm.type_error("mmap item value must be an int"));
    }
    let x = match vm.as_i64(v) {
        Some(x) if (0..256).contains(&x) => x as u8,
        _ => return Err(vm.value_error("mmap item value must be in range(0, 256)")),
    };
    open(vm, a[0], |m| {
        if let Some(slot) = m.data_mut().get_mut(i) {
            *slot = x;
        }
        Ok(())
    })?;
    Ok(vm.none)
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    let ty = new_class(vm, "mmap", "mmap", None, ObjKind::Native, true);
    MMAP.with(|c| c.set(ty));
    set_new(vm, ty, mmap_new);
    add_methods(
        vm,
        ty,
        &[
            ("close", m_close),
            ("__enter__", m_enter),
            ("__exit__", m_exit),
            ("read", m_read),
            ("read_byte", m_read_byte),
            ("readline", m_readline),
            ("write", m_write),
            ("write_byte", m_write_byte),
            ("seek", m_seek),
            ("tell", m_tell),
            ("size", m_size),
            ("__len__", m_len),
            ("find", m_find),
            ("rfind", m_rfind),
            ("flush", m_flush),
            ("move", m_move),
            ("resize", m_resize),
            ("madvise", m_madvise),
            ("__getitem__", m_getitem),
            ("__iter__", m_iter),
            ("__setitem__", m_setitem),
        ],
    );
    add_getsets(vm, ty, &[("closed", m_closed, None)]);
    set_attr(vm, m, "mmap", ty);
    let oe = vm.types.os_error;
    set_attr(vm, m, "error", oe);
    let page = page_size();
    let consts: &[(&str, i64)] = &[
        ("ACCESS_DEFAULT", ACCESS_DEFAULT),
        ("ACCESS_READ", ACCESS_READ),
        ("ACCESS_WRITE", ACCESS_WRITE),
        ("ACCESS_COPY", ACCESS_COPY),
        ("PAGESIZE", page),
        ("ALLOCATIONGRANULARITY", page),
        ("MAP_SHARED", libc::MAP_SHARED as i64),
        ("MAP_PRIVATE", libc::MAP_PRIVATE as i64),
        ("MAP_ANON", libc::MAP_ANONYMOUS as i64),
        ("MAP_ANONYMOUS", libc::MAP_ANONYMOUS as i64),
        ("MAP_DENYWRITE", libc::MAP_DENYWRITE as i64),
        ("MAP_EXECUTABLE", libc::MAP_EXECUTABLE as i64),
        ("MAP_POPULATE", libc::MAP_POPULATE as i64),
        ("MAP_STACK", libc::MAP_STACK as i64),
        ("PROT_READ", libc::PROT_READ as i64),
        ("PROT_WRITE", libc::PROT_WRITE as i64),
        ("PROT_EXEC", libc::PROT_EXEC as i64),
        ("MADV_NORMAL", libc::MADV_NORMAL as i64),
        ("MADV_RANDOM", libc::MADV_RANDOM as i64),
        ("MADV_SEQUENTIAL", libc::MADV_SEQUENTIAL as i64),
        ("MADV_WILLNEED", libc::MADV_WILLNEED as i64),
        ("MADV_DONTNEED", libc::MADV_DONTNEED as i64),
        ("MADV_FREE", libc::MADV_FREE as i64),
        ("MADV_REMOVE", libc::MADV_REMOVE as i64),
        ("MADV_DONTFORK", libc::MADV_DONTFORK as i64),
        ("MADV_DOFORK", libc::MADV_DOFORK as i64),
        ("MADV_HWPOISON", libc::MADV_HWPOISON as i64),
        ("MADV_MERGEABLE", libc::MADV_MERGEABLE as i64),
        ("MADV_UNMERGEABLE", libc::MADV_UNMERGEABLE as i64),
        ("MADV_HUGEPAGE", libc::MADV_HUGEPAGE as i64),
        ("MADV_NOHUGEPAGE", libc::MADV_NOHUGEPAGE as i64),
        ("MADV_DONTDUMP", libc::MADV_DONTDUMP as i64),
        ("MADV_DODUMP", libc::MADV_DODUMP as i64),
    ];
    crate::util::set_int_consts(vm, m, consts);
    Ok(())
}
