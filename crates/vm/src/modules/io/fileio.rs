//! `_io.FileIO`: the raw layer over an OS file descriptor, and the shared handles that let
//! buffered data reach the file when its object is collected or the interpreter exits.

use std::cell::RefCell;
use std::fs::File;
use std::io::{IsTerminal, Read, Seek, SeekFrom, Write};
use std::mem::ManuallyDrop;
use std::os::fd::{AsRawFd, IntoRawFd};
use std::os::unix::fs::MetadataExt;
use std::rc::{Rc, Weak};

use crate::heap::{ObjKind, Value};
use crate::interp::{PyErr, PyResult, Vm};
use crate::objects::*;

use super::{bind, closed_error, io_obj, os_error, put, take, unsupported, IoState};

/// An open descriptor, shared by the FileIO object and the buffered object above it (whose
/// pending writes must still reach the file if both are collected in one sweep).
pub struct RawFile {
    file: RefCell<Option<ManuallyDrop<File>>>,
    owned: bool,
    pub fd: i32,
}

fn retry<T>(mut f: impl FnMut() -> std::io::Result<T>) -> std::io::Result<T> {
    loop {
        // a signal that arrived before the call: its handler runs first (the call could
        // block until the next one)
        // (finalizers the collector queued wait for the next check: under GC stress one
        // is queued at almost every call, which then failed with InterruptedError)
        if crate::signals::signal_pending() {
            return Err(std::io::Error::from_raw_os_error(libc::EINTR));
        }
        match f() {
            // PEP 475: retried unless a signal's Python handler must run first (os_error
            // then runs it and returns what it raised)
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted && !crate::signals::signal_pending() => continue,
            r => return r,
        }
    }
}

fn closed_io() -> std::io::Error {
    std::io::Error::from_raw_os_error(9)
}

impl RawFile {
    pub fn new(file: ManuallyDrop<File>, owned: bool) -> RawFile {
        let fd = file.as_raw_fd();
        RawFile { file: RefCell::new(Some(file)), owned, fd }
    }

    fn with<T>(&self, f: impl FnOnce(&mut File) -> std::io::Result<T>) -> std::io::Result<T> {
        let mut b = self.file.try_borrow_mut().map_err(|_| closed_io())?;
        match b.as_mut() {
            Some(file) => f(file),
            None => Err(closed_io()),
        }
    }

    /// One read (the standard input goes through std's buffer, which the REPL and
    /// `input()` share).
    pub fn read(&self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.fd == 0 {
            return retry(|| std::io::stdin().lock().read(buf));
        }
        self.with(|f| retry(|| f.read(buf)))
    }

    pub fn read_to_end(&self, out: &mut Vec<u8>) -> std::io::Result<usize> {
        if self.fd == 0 {
            return retry(|| std::io::stdin().lock().read_to_end(out));
        }
        self.with(|f| {
            // size the buffer from the file size, as CPython's readall does
            if let Ok(m) = f.metadata() {
                if let Ok(pos) = f.stream_position() {
                    let left = m.len().saturating_sub(pos) as usize;
                    out.reserve(left + 1);
                }
            }
            retry(|| f.read_to_end(out))
        })
    }

    /// One write; returns the count written.
    pub fn write(&self, data: &[u8]) -> std::io::Result<usize> {
        self.with(|f| retry(|| f.write(data)))
    }

    pub fn write_all(&self, data: &[u8]) -> std::io::Result<()> {
        self.with(|f| f.write_all(data))
    }

    pub fn seek(&self, pos: SeekFrom) -> std::io::Result<u64> {
        self.with(|f| f.seek(pos))
    }

    pub fn metadata(&self) -> std::io::Result<std::fs::Metadata> {
        self.with(|f| f.metadata())
    }

    pub fn set_len(&self, n: u64) -> std::io::Result<()> {
        self.with(|f| f.set_len(n))
    }

    pub fn isatty(&self) -> bool {
        self.with(|f| Ok(f.is_terminal())).unwrap_or(false)
    }

    pub fn is_closed(&self) -> bool {
        self.file.try_borrow().map(|f| f.is_none()).unwrap_or(false)
    }

    /// Closes the descriptor if this handle owns it.
    pub fn close(&self) {
        let f = self.file.try_borrow_mut().ok().and_then(|mut f| f.take());
        if let Some(f) = f {
            if self.owned {
                drop(ManuallyDrop::into_inner(f));
            }
        }
    }
}

impl Drop for RawFile {
    fn drop(&mut self) {
        if let Some(f) = self.file.get_mut().take() {
            if self.owned {
                drop(ManuallyDrop::into_inner(f));
            } else {
                let _ = ManuallyDrop::into_inner(f).into_raw_fd();
            }
        }
    }
}

/// The write buffer of a buffered object. When its raw stream is a native FileIO it knows
/// the file, so the bytes still in it are written when the buffer is dropped (its object
/// collected) or at exit (`flush_registry`).
#[derive(Default)]
pub struct WriteBack {
    pub data: RefCell<Vec<u8>>,
    pub file: RefCell<Option<Rc<RawFile>>>,
}

impl WriteBack {
    pub fn write_out(&self) {
        let file = self.file.try_borrow().ok().and_then(|f| f.clone());
        if let Some(file) = file {
            let data = self.data.try_borrow_mut().map(|mut d| std::mem::take(&mut *d)).unwrap_or_default();
            if !data.is_empty() && !file.is_closed() {
                let _ = file.write_all(&data);
            }
        }
    }
}

impl Drop for WriteBack {
    fn drop(&mut self) {
        self.write_out();
    }
}

crate::gil_local! {
    static REGISTRY: RefCell<Vec<Weak<WriteBack>>> = const { RefCell::new(Vec::new()) };
}

/// Remembers a write buffer for the flush at exit.
pub fn register_writeback(w: &Rc<WriteBack>) {
    REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        if r.len() >= 64 && r.len().is_power_of_two() {
            r.retain(|w| w.strong_count() > 0);
        }
        r.push(Rc::downgrade(w));
    });
}

/// Writes out every live write buffer over a file (interpreter exit).
pub fn flush_registry() {
    let live: Vec<Rc<WriteBack>> = REGISTRY.with(|r| r.borrow().iter().filter_map(|w| w.upgrade()).collect());
    for w in live {
        w.write_out();
    }
}

pub struct FileState {
    pub raw: Option<Rc<RawFile>>,
    pub fd: i32,
    pub readable: bool,
    pub writable: bool,
    pub appending: bool,
    pub created: bool,
    pub closefd: bool,
    pub seekable: Option<bool>,
    pub blksize: i64,
}

impl FileState {
    pub fn mode(&self) -> &'static str {
        if self.created {
            if self.readable {
                "xb+"
            } else {
                "xb"
            }
        } else if self.appending {
            if self.readable {
                "ab+"
            } else {
                "ab"
            }
        } else if self.readable {
            if self.writable {
                "rb+"
            } else {
                "rb"
            }
        } else {
            "wb"
        }
    }
}

/// The native file of a FileIO object, when it is open.
pub fn raw_file(v: Value) -> Option<Rc<RawFile>> {
    let o = io_obj(v)?;
    let st = o.st.try_borrow().ok()?;
    match &*st {
        IoState::File(f) => f.raw.clone(),
        _ => None,
    }
}

/// A FileIO object over an already open descriptor (the standard streams).
pub fn new_fileio_fd(vm: &mut Vm, fd: i32, readable: bool, name: &str) -> Value {
    let file = crate::heap::fd::borrowed_file(fd);
    let st = FileState {
        raw: Some(Rc::new(RawFile::new(file, false))),
        fd,
        readable,
        writable: !readable,
        appending: false,
        created: false,
        closefd: false,
        seekable: None,
        blksize: super::DEFAULT_BUFFER_SIZE as i64,
    };
    let t = super::types().fileio;
    let v = vm.alloc(t, IoObj::new(IoState::File(st))).value();
    let n = vm.new_str(name);
    let _ = vm.setattr_str(v, "name", n);
    v
}

/// Runs `f` on the FileIO state of `v` (errors for other objects and closed files).
fn with_file<T>(vm: &mut Vm, v: Value, open_needed: bool, f: impl FnOnce(&mut Vm, &mut FileState) -> PyResult<T>) -> PyResult<T> {
    let mut st = match take(vm, v)? {
        IoState::File(s) => s,
        IoState::Empty => {
            put(v, IoState::Empty);
            return Err(vm.value_error("I/O operation on uninitialized object"));
        }
        other => {
            put(v, other);
            return Err(vm.type_error("expected a FileIO object"));
        }
    };
    if open_needed && st.raw.is_none() {
        put(v, IoState::File(st));
        return Err(vm.value_error("I/O operation on closed file"));
    }
    let r = f(vm, &mut st);
    put(v, IoState::File(st));
    r
}

fn file_of(st: &FileState) -> Rc<RawFile> {
    match &st.raw {
        Some(r) => r.clone(),
        None => Rc::new(RawFile { file: RefCell::new(None), owned: false, fd: -1 }),
    }
}

/// The path bytes of a file name argument (str, bytes or os.PathLike).
pub fn path_bytes(vm: &mut Vm, name: Value) -> PyResult<Vec<u8>> {
    let p = super::open::fspath(vm, name, true)?;
    let b = match p.kind() {
        Some(ObjKind::Str) => crate::builtins::codecs::encode(vm, p, "utf-8", "surrogateescape")?,
        _ => p.get::<BytesObj>().map(|b| b.data.to_vec()).unwrap_or_default(),
    };
    if b.contains(&0) {
        return Err(vm.value_error("embedded null byte"));
    }
    Ok(b)
}

fn bad_mode(vm: &mut Vm) -> PyErr {
    vm.value_error("Must have exactly one of create/read/write/append mode and at most one plus")
}

fn fileio_init(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, &a[1..], k, "FileIO", &["file", "mode", "closefd", "opener"], 1, 0)?;
    let this = a[0];
    let name = args.get(0).unwrap_or(vm.none);
    let mode_v = args.get(1);
    let closefd = match args.get(2) {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let opener = args.get(3).filter(|&o| o != vm.none);
    // a second __init__ closes what the first opened
    if let Ok(IoState::File(old)) = take(vm, this) {
        if let Some(r) = &old.raw {
            if old.closefd {
                r.close();
            }
        }
    }
    put(this, IoState::Empty);
    let mode = match mode_v {
        None => "r".to_string(),
        Some(m) => match m.get::<StrObj>() {
            Some(s) => s.s.to_string(),
            None => {
                let tn = vm.type_name_of(m);
                return Err(vm.type_error(&format!("FileIO() argument 'mode' must be str, not {tn}")));
            }
        },
    };
    if name.kind() == Some(ObjKind::Float) {
        return Err(vm.type_error("expected str, bytes or os.PathLike object, not float"));
    }
    let fd_given = if vm.is_int(name) {
        let fd = vm.as_i64(name).unwrap_or(-1);
        if fd < 0 || fd > i32::MAX as i64 {
            return Err(vm.value_error("negative file descriptor"));
        }
        Some(fd as i32)
    } else {
        None
    };
    let path = if fd_given.is_none() { Some(path_bytes(vm, name)?) } else { None };
    let (mut rwa, mut plus) = (false, false);
    let (mut readable, mut writable, mut appending, mut created, mut truncate) = (false, false, false, false, false);
    for c in mode.chars() {
        match c {
            'x' | 'r' | 'w' | 'a' => {
                if rwa {
                    return Err(bad_mode(vm));
                }
                rwa = true;
                match c {
                    'x' => {
                        created = true;
                        writable = true
                    }
                    'r' => readable = true,
                    'w' => {
                        writable = true;
                        truncate = true
                    }
                    _ => {
                        writable = true;
                        appending = true
                    }
                }
            }
            'b' => {}
            '+' => {
                if plus {
                    return Err(bad_mode(vm));
                }
                readable = true;
                writable = true;
                plus = true;
            }
            _ => return Err(vm.value_error(&format!("invalid mode: {mode}"))),
        }
    }
    if !rwa {
        return Err(bad_mode(vm));
    }
    let (file, owned) = match (fd_given, path) {
        (Some(fd), _) => {
            let f = crate::heap::fd::borrowed_file(fd);
            if let Err(e) = f.metadata() {
                return Err(os_error(vm, &e, None));
            }
            (f, closefd)
        }
        (None, Some(p)) => {
            if !closefd {
                return Err(vm.value_error("Cannot use closefd=False with file name"));
            }
            if let Some(op) = opener {
                let mut flags: i64 = if readable && writable { 2 } else if writable { 1 } else { 0 };
                if created {
                    flags |= 0o200 | 0o100;
                }
                if truncate {
                    flags |= 0o1000 | 0o100;
                }
                if appending {
                    flags |= 0o2000 | 0o100;
                }
                flags |= 0o2000000;
                let fl = vm.new_int(flags);
                let r = vm.call(op, &[name, fl])?;
                if !vm.is_int(r) {
                    return Err(vm.type_error("expected integer from opener"));
                }
                let fd = vm.as_i64(r).unwrap_or(-1);
                if fd < 0 {
                    return Err(vm.value_error(&format!("opener returned {fd}")));
                }
                let f = crate::heap::fd::borrowed_file(fd as i32);
                if let Err(e) = f.metadata() {
                    return Err(os_error(vm, &e, None));
                }
                (f, true)
            } else {
                use std::os::unix::ffi::OsStrExt;
                let path = std::path::Path::new(std::ffi::OsStr::from_bytes(&p));
                let mut o = std::fs::OpenOptions::new();
                o.read(readable);
                if appending {
                    o.append(true).create(true);
                } else if writable {
                    o.write(true);
                }
                if truncate {
                    o.create(true).truncate(true);
                }
                if created {
                    o.create_new(true);
                }
                match o.open(path) {
                    Ok(f) => (ManuallyDrop::new(f), true),
                    Err(e) => return Err(os_error(vm, &e, Some(name))),
                }
            }
        }
        _ => return Err(vm.type_error("invalid file")),
    };
    let meta = file.metadata();
    let blksize = match &meta {
        Ok(m) if m.is_dir() => {
            if owned {
                drop(ManuallyDrop::into_inner(file));
            }
            let e = std::io::Error::from_raw_os_error(21);
            return Err(os_error(vm, &e, Some(name)));
        }
        Ok(m) if m.blksize() > 1 => m.blksize() as i64,
        _ => super::DEFAULT_BUFFER_SIZE as i64,
    };
    let fd = file.as_raw_fd();
    let raw = Rc::new(RawFile::new(file, owned));
    if appending {
        let _ = raw.seek(SeekFrom::End(0));
    }
    let st = FileState { raw: Some(raw), fd, readable, writable, appending, created, closefd: owned, seekable: None, blksize };
    put(this, IoState::File(st));
    vm.setattr_str(this, "name", name)?;
    Ok(vm.none)
}

fn need_readable(vm: &mut Vm, st: &FileState) -> PyResult<()> {
    if !st.readable {
        return Err(unsupported(vm, "File not open for reading"));
    }
    Ok(())
}

fn need_writable(vm: &mut Vm, st: &FileState) -> PyResult<()> {
    if !st.writable {
        return Err(unsupported(vm, "File not open for writing"));
    }
    Ok(())
}

/// Reads everything up to EOF.
pub fn read_all(vm: &mut Vm, raw: &RawFile) -> PyResult<Vec<u8>> {
    let mut out = Vec::new();
    let r = if blocking_kind(raw) { crate::threads::allow_threads(vm, || raw.read_to_end(&mut out)) } else { raw.read_to_end(&mut out) };
    match r {
        Ok(_) => Ok(out),
        Err(e) => Err(os_error(vm, &e, None)),
    }
}

/// One read of at most `n` bytes.
pub fn read_some(vm: &mut Vm, raw: &RawFile, n: usize) -> PyResult<Vec<u8>> {
    let mut n = n;
    if n > 1 << 20 {
        // CPython allocates the whole buffer first (MemoryError when it cannot); one read
        // returns at most what is left of a regular file, so only that much is filled here
        if Vec::<u8>::new().try_reserve_exact(n).is_err() {
            return Err(vm.memory_error());
        }
        let left = raw.metadata().ok().filter(|m| m.is_file()).and_then(|m| raw.seek(SeekFrom::Current(0)).ok().map(|p| m.len().saturating_sub(p)));
        n = match left {
            Some(l) => n.min(l as usize + 1),
            None => n.min(1 << 20),
        };
    }
    let mut buf = vec![0u8; n];
    let blocking = blocking_kind(raw);
    let r = interruptible(vm, |vm| if blocking { crate::threads::allow_threads(vm, || raw.read(&mut buf)) } else { raw.read(&mut buf) })?;
    match r {
        Ok(got) => {
            buf.truncate(got);
            Ok(buf)
        }
        Err(e) => Err(os_error(vm, &e, None)),
    }
}

/// Whether a read of `raw` may block for long (a pipe, socket or terminal, once threads
/// exist): it then releases the GIL.
fn blocking_kind(raw: &RawFile) -> bool {
    crate::threads::active() && !raw.metadata().is_ok_and(|m| m.is_file())
}

/// A call that a signal may interrupt (PEP 475): the signal's Python handler runs, and
/// the call is made again unless the handler raised.
fn interruptible<T>(vm: &mut Vm, mut f: impl FnMut(&mut Vm) -> std::io::Result<T>) -> PyResult<std::io::Result<T>> {
    loop {
        match f(vm) {
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => crate::signals::check(vm)?,
            r => return Ok(r),
        }
    }
}

/// One write, after the interpreter's buffered standard output when this is fd 1 or 2
/// (so that the streams keep their order).
pub fn write_some(vm: &mut Vm, raw: &RawFile, data: &[u8]) -> PyResult<usize> {
    if raw.fd == 1 || raw.fd == 2 {
        crate::modules::sys::flush_stdout(vm);
    }
    match interruptible(vm, |_vm| raw.write(data))? {
        Ok(n) => Ok(n),
        Err(e) => Err(os_error(vm, &e, None)),
    }
}

pub fn seek_raw(vm: &mut Vm, raw: &RawFile, pos: i64, whence: i64) -> PyResult<i64> {
    let sf = match whence {
        0 if pos >= 0 => SeekFrom::Start(pos as u64),
        1 => SeekFrom::Current(pos),
        2 => SeekFrom::End(pos),
        _ => return Err(os_error(vm, &std::io::Error::from_raw_os_error(22), None)),
    };
    match raw.seek(sf) {
        Ok(p) => Ok(p as i64),
        Err(e) => Err(os_error(vm, &e, None)),
    }
}

fn f_read(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, &a[1..], k, "read", &["size"], 0, 1)?;
    let n = super::size_arg(vm, args.get(0))?;
    let data = with_file(vm, a[0], true, |vm, st| {
        need_readable(vm, st)?;
        let raw = file_of(st);
        if n < 0 {
            read_all(vm, &raw)
        } else {
            read_some(vm, &raw, n as usize)
        }
    })?;
    Ok(vm.new_bytes(data))
}

fn f_readall(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let data = with_file(vm, a[0], true, |vm, st| {
        need_readable(vm, st)?;
        let raw = file_of(st);
        read_all(vm, &raw)
    })?;
    Ok(vm.new_bytes(data))
}

fn f_readinto(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    crate::builtins::marity(vm, a, 2, 2, "readinto")?;
    let n = super::buffer_len(vm, a[1])?;
    let data = with_file(vm, a[0], true, |vm, st| {
        need_readable(vm, st)?;
        let raw = file_of(st);
        read_some(vm, &raw, n)
    })?;
    let got = super::write_into(vm, a[1], &data)?;
    Ok(vm.new_int(got as i64))
}

fn f_write(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    crate::builtins::marity(vm, a, 2, 2, "write")?;
    let n = with_file(vm, a[0], true, |vm, st| {
        need_writable(vm, st)?;
        let data = super::bytes_arg(vm, a[1])?;
        let raw = file_of(st);
        write_some(vm, &raw, &data)
    })?;
    Ok(vm.new_int(n as i64))
}

fn f_seek(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    crate::builtins::marity(vm, a, 2, 3, "seek")?;
    let pos = super::int_arg(vm, a[1])?;
    let whence = match a.get(2) {
        Some(&w) => super::int_arg(vm, w)?,
        None => 0,
    };
    let p = with_file(vm, a[0], true, |vm, st| {
        let raw = file_of(st);
        seek_raw(vm, &raw, pos, whence)
    })?;
    Ok(vm.new_int(p))
}

fn f_tell(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let p = with_file(vm, a[0], true, |vm, st| {
        let raw = file_of(st);
        seek_raw(vm, &raw, 0, 1)
    })?;
    Ok(vm.new_int(p))
}

fn f_truncate(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    crate::builtins::marity(vm, a, 1, 2, "truncate")?;
    let size = match a.get(1) {
        Some(&v) if v != vm.none => Some(super::int_arg(vm, v)?),
        _ => None,
    };
    let n = with_file(vm, a[0], true, |vm, st| {
        need_writable(vm, st)?;
        let raw = file_of(st);
        let n = match size {
            Some(n) => n,
            None => seek_raw(vm, &raw, 0, 1)?,
        };
        if n < 0 {
            return Err(os_error(vm, &std::io::Error::from_raw_os_error(22), None));
        }
        raw.set_len(n as u64).map_err(|e| os_error(vm, &e, None))?;
        Ok(n)
    })?;
    Ok(vm.new_int(n))
}

fn f_close(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    // _RawIOBase.close first: flush() and the closed mark
    let flushed = if super::iobase::iobase_closed(vm, a[0])? {
        Ok(vm.none)
    } else {
        let r = vm.call_method_str(a[0], "flush", &[]);
        super::iobase::mark_closed(vm, a[0])?;
        r
    };
    with_file(vm, a[0], false, |_vm, st| {
        if let Some(r) = st.raw.take() {
            if st.closefd {
                r.close();
            } else {
                // the descriptor stays open; a buffered object sharing the handle sees it closed
                if let Ok(mut f) = r.file.try_borrow_mut() {
                    if let Some(f) = f.take() {
                        let _ = ManuallyDrop::into_inner(f).into_raw_fd();
                    }
                }
            }
        }
        st.fd = -1;
        Ok(())
    })?;
    flushed?;
    Ok(vm.none)
}

fn f_seekable(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let b = with_file(vm, a[0], true, |_vm, st| {
        if st.seekable.is_none() {
            let raw = file_of(st);
            st.seekable = Some(raw.seek(SeekFrom::Current(0)).is_ok());
        }
        Ok(st.seekable.unwrap_or(false))
    })?;
    Ok(vm.bool_val(b))
}

fn f_readable(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let b = with_file(vm, a[0], true, |_vm, st| Ok(st.readable))?;
    Ok(vm.bool_val(b))
}

fn f_writable(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let b = with_file(vm, a[0], true, |_vm, st| Ok(st.writable))?;
    Ok(vm.bool_val(b))
}

fn f_fileno(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let fd = with_file(vm, a[0], true, |_vm, st| Ok(st.fd))?;
    Ok(vm.new_int(fd as i64))
}

fn f_isatty(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let b = with_file(vm, a[0], true, |_vm, st| Ok(file_of(st).isatty()))?;
    Ok(vm.bool_val(b))
}

fn f_closed(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let b = with_file(vm, a[0], false, |_vm, st| Ok(st.raw.is_none()))?;
    Ok(vm.bool_val(b))
}

fn f_closefd(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let b = with_file(vm, a[0], false, |_vm, st| Ok(st.closefd))?;
    Ok(vm.bool_val(b))
}

fn f_mode(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let m = with_file(vm, a[0], false, |_vm, st| Ok(st.mode()))?;
    Ok(vm.new_str(m))
}

fn f_blksize(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let b = with_file(vm, a[0], false, |_vm, st| Ok(st.blksize))?;
    Ok(vm.new_int(b))
}

fn f_repr(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    // CPython 3.11 names the class "_io.FileIO" whatever the subclass
    let tn = "_io.FileIO";
    let info = with_file(vm, a[0], false, |_vm, st| Ok((st.raw.is_none(), st.fd, st.mode(), st.closefd)))?;
    let (closed, fd, mode, closefd) = info;
    if closed {
        return Ok(vm.new_string(format!("<{tn} [closed]>")));
    }
    let cf = if closefd { "True" } else { "False" };
    let n = vm.intern("name");
    let s = match vm.getattr_opt(a[0], n) {
        Ok(Some(name)) => {
            vm.enter_native_at(" while getting the repr of an object")?;
            let r = vm.repr(name);
            vm.leave_native();
            format!("<{tn} name={} mode='{mode}' closefd={cf}>", r?)
        }
        Ok(None) => format!("<{tn} fd={fd} mode='{mode}' closefd={cf}>"),
        Err(e) => {
            if vm.isinstance(e.0, vm.types.value_error) {
                format!("<{tn} fd={fd} mode='{mode}' closefd={cf}>")
            } else {
                return Err(e);
            }
        }
    };
    Ok(vm.new_string(s))
}

fn f_closed_check(vm: &mut Vm, a: &[Value]) -> PyResult<()> {
    let closed = with_file(vm, a[0], false, |_vm, st| Ok(st.raw.is_none()))?;
    if closed {
        return Err(closed_error(vm));
    }
    Ok(())
}

fn f_enter(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    f_closed_check(vm, a)?;
    Ok(a[0])
}

pub fn register(vm: &mut Vm, ty: Value) {
    super::methods(
        vm,
        ty,
        &[
            ("__init__", fileio_init),
            ("read", f_read),
            ("readall", f_readall),
            ("readinto", f_readinto),
            ("write", f_write),
            ("seek", f_seek),
            ("tell", f_tell),
            ("truncate", f_truncate),
            ("close", f_close),
            ("seekable", f_seekable),
            ("readable", f_readable),
            ("writable", f_writable),
            ("fileno", f_fileno),
            ("isatty", f_isatty),
            ("__repr__", f_repr),
            ("__enter__", f_enter),
        ],
    );
    super::props(vm, ty, &[("closed", f_closed), ("closefd", f_closefd), ("mode", f_mode), ("_blksize", f_blksize)]);
}
