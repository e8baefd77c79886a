//! The io stack (CPython's `_io`, written in Rust) and the builtin `io` module.
//!
//! Layers, as in CPython: `FileIO` (raw, an OS file descriptor) under `BufferedReader` /
//! `BufferedWriter` / `BufferedRandom` / `BufferedRWPair` (byte buffers) under
//! `TextIOWrapper` (decoding, encoding, newline translation); `BytesIO` and `StringIO` are
//! in-memory streams; `_IOBase`, `_RawIOBase`, `_BufferedIOBase`, `_TextIOBase` give the
//! generic methods built on `read`/`readinto`/`readline` for Python subclasses. Each layer
//! talks to the one below through Python method calls, with direct Rust paths when the
//! lower object is exactly the native class (a text file over a buffered file over a
//! `FileIO` never goes through a method call).
//!
//! All objects are `IoObj` (kind `Io`); the Rust state is an `IoState`. Write buffers over
//! native files are shared with a registry (`fileio::WriteBack`) so that data is written
//! when the object is collected and at interpreter exit.

mod buffered;
mod bufops;
mod bytesio;
mod decoder;
mod fileio;
mod iobase;
mod newline;
mod open;
mod rwpair;
pub mod stdio;
mod stringio;
mod textio;
mod textread;
mod textseek;
mod ustr;

use std::cell::RefCell;

use crate::heap::{Gc, ObjKind, Value};
use crate::interp::{NativeFn, PyErr, PyResult, Vm};
use crate::objects::*;

pub use buffered::BufState;
pub use bytesio::BytesState;
pub use fileio::FileState;
pub use newline::NlState;
pub use stringio::StrState;
pub use textio::TextState;
pub use open::os_fspath;

/// os.fspath(v).
pub fn fspath(vm: &mut Vm, v: Value) -> PyResult<Value> {
    open::fspath(vm, v, false)
}

pub const DEFAULT_BUFFER_SIZE: usize = 8192;

/// The Rust state of an io object.
pub enum IoState {
    /// Allocated by `__new__`; `__init__` has not run.
    Empty,
    /// Taken out by a running operation (a re-entrant call finds this).
    Busy,
    File(FileState),
    Buffered(Box<BufState>),
    /// BufferedRWPair: the reader and the writer are in `refs`.
    Pair(bool),
    Text(Box<TextState>),
    Bytes(BytesState),
    Str(StrState),
    Newline(NlState),
}

/// The io classes (kept alive in `Vm::permanent`).
#[derive(Clone, Copy, Default)]
pub struct IoTypes {
    pub iobase: Value,
    pub rawiobase: Value,
    pub bufferediobase: Value,
    pub textiobase: Value,
    pub fileio: Value,
    pub reader: Value,
    pub writer: Value,
    pub random: Value,
    pub rwpair: Value,
    pub bytesio: Value,
    pub stringio: Value,
    pub textio: Value,
    pub nldecoder: Value,
    pub unsupported: Value,
}

crate::gil_local! {
    static TYPES: RefCell<IoTypes> = RefCell::new(IoTypes::default());
}

pub fn types() -> IoTypes {
    TYPES.with(|t| *t.borrow())
}

/// The io object behind `v`, if it is one.
pub fn io_obj(v: Value) -> Option<Gc<IoObj>> {
    v.get::<IoObj>()
}

/// `tp_name` of a class as CPython prints it in reprs: `_io.X` for the builtin classes,
/// the bare name for classes made by a class statement.
pub fn tp_name(vm: &mut Vm, ty: Value) -> String {
    let heap = ty.get::<TypeObj>().map(|t| t.has_flag(type_flags::HEAPTYPE)).unwrap_or(true);
    if heap {
        vm.type_name(ty)
    } else {
        vm.type_name_qualified(ty)
    }
}

pub fn unsupported(vm: &mut Vm, msg: &str) -> PyErr {
    let t = types().unsupported;
    vm.err(t, msg)
}

pub fn closed_error(vm: &mut Vm) -> PyErr {
    vm.value_error("I/O operation on closed file.")
}

pub fn uninit_error(vm: &mut Vm) -> PyErr {
    vm.value_error("I/O operation on uninitialized object")
}

/// An OSError (of CPython's subclass for the errno) from a failed system call.
pub fn os_error(vm: &mut Vm, e: &std::io::Error, filename: Option<Value>) -> PyErr {
    if e.kind() == std::io::ErrorKind::Interrupted {
        // a signal interrupted the call: what its Python handler raises (KeyboardInterrupt)
        if let Err(raised) = crate::signals::check(vm) {
            return raised;
        }
    }
    let errno = e.raw_os_error().unwrap_or(5) as i64;
    let msg = strerror(e);
    let ty = crate::builtins::exceptions::oserror_subclass(vm, errno).unwrap_or(vm.types.os_error);
    PyErr(vm.new_os_error(ty, errno, &msg, filename))
}

/// The C library's message for an error (std's text without the "(os error N)" suffix).
pub fn strerror(e: &std::io::Error) -> String {
    let s = match e.raw_os_error() {
        Some(n) => std::io::Error::from_raw_os_error(n).to_string(),
        None => e.to_string(),
    };
    match s.rfind(" (os error ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// Takes the state out of an io object for an operation (`put` returns it).
pub fn take(vm: &mut Vm, v: Value) -> PyResult<IoState> {
    let Some(o) = io_obj(v) else {
        let tn = vm.type_name_of(v);
        return Err(vm.type_error(&format!("expected an io object, not '{tn}'")));
    };
    let st = match o.st.try_borrow_mut() {
        Ok(mut s) => std::mem::replace(&mut *s, IoState::Busy),
        Err(_) => IoState::Busy,
    };
    if let IoState::Busy = st {
        let ty = vm.type_of(v);
        let tn = tp_name(vm, ty);
        return Err(vm.runtime_error(&format!("reentrant call inside <{tn}>")));
    }
    Ok(st)
}

pub fn put(v: Value, st: IoState) {
    if let Some(o) = io_obj(v) {
        if let Ok(mut s) = o.st.try_borrow_mut() {
            *s = st;
        }
    }
}

/// Whether `v`'s class is exactly `ty` (a subclass may override methods, so the direct
/// Rust paths between layers are only taken for the native classes themselves).
pub fn is_exact(vm: &Vm, v: Value, ty: Value) -> bool {
    vm.type_of(v) == ty
}

/// Arguments bound to parameter names, with CPython's argument clinic messages.
pub struct Args {
    pub vals: Vec<Option<Value>>,
}

impl Args {
    pub fn get(&self, i: usize) -> Option<Value> {
        self.vals.get(i).copied().flatten()
    }
}

/// Binds `args` (self excluded) and keyword arguments `kw` to `names`; the first
/// `required` are required. `posonly`: how many leading parameters cannot be passed by
/// keyword (a method like `read(size=-1, /)`: its messages are "read expected at most 1
/// argument, got 2").
pub fn bind(vm: &mut Vm, args: &[Value], kw: Value, fname: &str, names: &[&str], required: usize, posonly: usize) -> PyResult<Args> {
    let kwn: Vec<Value> = kw.get::<TupleObj>().map(|t| t.items.to_vec()).unwrap_or_default();
    let npos = args.len() - kwn.len().min(args.len());
    let mut vals: Vec<Option<Value>> = vec![None; names.len()];
    if npos > names.len() {
        let n = names.len();
        let msg = if posonly == names.len() {
            format!("{fname} expected at most {n} argument{}, got {npos}", if n == 1 { "" } else { "s" })
        } else {
            format!("{fname}() takes at most {n} argument{} ({npos} given)", if n == 1 { "" } else { "s" })
        };
        return Err(vm.type_error(&msg));
    }
    for (i, &a) in args[..npos].iter().enumerate() {
        vals[i] = Some(a);
    }
    for (j, &k) in kwn.iter().enumerate() {
        let name = vm.str_of(k);
        let v = args[npos + j];
        match names.iter().position(|n| *n == name) {
            Some(i) if i >= posonly => {
                if vals[i].is_some() {
                    return Err(vm.type_error(&format!("argument for {fname}() given by name ('{name}') and position ({})", i + 1)));
                }
                vals[i] = Some(v);
            }
            _ => {
                let msg = if posonly == names.len() {
                    format!("{fname}() takes no keyword arguments")
                } else {
                    format!("'{name}' is an invalid keyword argument for {fname}()")
                };
                return Err(vm.type_error(&msg));
            }
        }
    }
    for i in 0..required {
        if vals[i].is_none() {
            if posonly > i {
                return Err(vm.type_error(&format!("{fname} expected at least {required} argument{}, got {npos}", if required == 1 { "" } else { "s" })));
            }
            return Err(vm.type_error(&format!("{fname}() missing required argument '{}' (pos {})", names[i], i + 1)));
        }
    }
    Ok(Args { vals })
}

/// A size argument: an int (via `__index__`) or None (-1); CPython's message otherwise.
pub fn size_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<i64> {
    let Some(v) = v else { return Ok(-1) };
    if v == vm.none {
        return Ok(-1);
    }
    match vm.index_opt(v)? {
        Some(i) => match vm.as_i64(i) {
            Some(n) => Ok(n),
            None => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
        },
        None => {
            let tn = vm.type_name_of(v);
            Err(vm.type_error(&format!("argument should be integer or None, not '{tn}'")))
        }
    }
}

/// An int argument (via `__index__`).
pub fn int_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if v.kind() == Some(ObjKind::Float) {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let i = vm.index_of(v)?;
    vm.as_i64(i).ok_or_else(|| vm.overflow_error("Python int too large to convert to C long"))
}

/// Copies `data` into a writable buffer (bytearray or memoryview of one); returns the
/// count copied (at most the buffer's length).
pub fn write_into(vm: &mut Vm, target: Value, data: &[u8]) -> PyResult<usize> {
    if let Some(ba) = target.get::<ByteArrayObj>() {
        let mut d = ba.data.borrow_mut();
        let n = data.len().min(d.len());
        d[..n].copy_from_slice(&data[..n]);
        return Ok(n);
    }
    if let Some(m) = target.get::<MemoryViewObj>() {
        if m.released.get() {
            return Err(vm.value_error("operation forbidden on released memoryview object"));
        }
        let Some(ba) = m.obj.get::<ByteArrayObj>() else {
            return Err(vm.type_error("readinto() argument must be read-write bytes-like object, not memoryview"));
        };
        let mut d = ba.data.borrow_mut();
        let n = data.len().min(m.len);
        for (i, &b) in data[..n].iter().enumerate() {
            let at = (m.start as isize + i as isize * m.step) as usize;
            if let Some(slot) = d.get_mut(at) {
                *slot = b;
            }
        }
        return Ok(n);
    }
    let tn = vm.type_name_of(target);
    Err(vm.type_error(&format!("readinto() argument must be read-write bytes-like object, not {tn}")))
}

/// The length of a writable buffer argument.
pub fn buffer_len(vm: &mut Vm, target: Value) -> PyResult<usize> {
    if let Some(ba) = target.get::<ByteArrayObj>() {
        return Ok(ba.data.borrow().len());
    }
    if let Some(m) = target.get::<MemoryViewObj>() {
        if m.obj.get::<ByteArrayObj>().is_some() {
            return Ok(m.len);
        }
        return Err(vm.type_error("readinto() argument must be read-write bytes-like object, not memoryview"));
    }
    let tn = vm.type_name_of(target);
    Err(vm.type_error(&format!("readinto() argument must be read-write bytes-like object, not {tn}")))
}

/// Bytes of a bytes-like argument, with CPython's message for other objects.
pub fn bytes_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    crate::builtins::bytes::bytes_from(vm, v)
}

pub fn truthy_attr(vm: &mut Vm, obj: Value, name: &str) -> PyResult<bool> {
    let r = vm.getattr_str(obj, name)?;
    vm.truthy(r)
}

pub fn call0(vm: &mut Vm, obj: Value, name: &str) -> PyResult<Value> {
    vm.call_method_str(obj, name, &[])
}

/// `bool(obj.name())`.
pub fn truthy_attr_call(vm: &mut Vm, obj: Value, name: &str) -> PyResult<bool> {
    let r = vm.call_method_str(obj, name, &[])?;
    vm.truthy(r)
}

/// Methods of a class.
pub fn methods(vm: &mut Vm, ty: Value, ms: &[(&'static str, NativeFn)]) {
    for &(n, f) in ms {
        crate::builtins::method(vm, ty, n, f);
    }
}

/// Read-only properties of a class.
pub fn props(vm: &mut Vm, ty: Value, ps: &[(&'static str, NativeFn)]) {
    for &(n, f) in ps {
        crate::builtins::getset(vm, ty, n, f, None);
    }
}

fn new_io_type(vm: &mut Vm, name: &str, base: Value, kind: ObjKind) -> Value {
    let t = vm.make_type(name, base, kind, type_flags::BASETYPE);
    let mn = vm.new_str("_io");
    if let Some(d) = t.get::<TypeObj>().map(|t| t.dict) {
        vm.dict_set_str(d, "__module__", mn);
        let none = vm.none;
        vm.dict_set_str(d, "__doc__", none);
    }
    vm.permanent.push(t);
    t
}

/// `__new__` of the native io classes: an object of `cls` with no state yet.
fn io_new(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let cls = crate::builtins::arg(vm, args, 0, "__new__")?;
    if !vm.is_type(cls) {
        return Err(vm.type_error("__new__(X): X is not a type object"));
    }
    Ok(vm.alloc(cls, IoObj::new(IoState::Empty)).value())
}

/// Exceptions raised while closing, chained as CPython does: `first` stays the error,
/// with `second` as its context.
pub fn chain(vm: &mut Vm, first: PyErr, second: PyErr) -> PyErr {
    let _ = vm;
    if let Some(e) = second.0.get::<ExceptionObj>() {
        if e.context.get().is_null() || e.context.get() == vm.none {
            e.context.set(first.0);
        }
    }
    second
}

pub fn register(vm: &mut Vm) {
    let object = vm.types.object;
    let iobase = new_io_type(vm, "_IOBase", object, ObjKind::Instance);
    let rawiobase = new_io_type(vm, "_RawIOBase", iobase, ObjKind::Instance);
    let bufferediobase = new_io_type(vm, "_BufferedIOBase", iobase, ObjKind::Instance);
    let textiobase = new_io_type(vm, "_TextIOBase", iobase, ObjKind::Instance);
    let fileio = new_io_type(vm, "FileIO", rawiobase, ObjKind::Io);
    let reader = new_io_type(vm, "BufferedReader", bufferediobase, ObjKind::Io);
    let writer = new_io_type(vm, "BufferedWriter", bufferediobase, ObjKind::Io);
    let random = new_io_type(vm, "BufferedRandom", bufferediobase, ObjKind::Io);
    let rwpair = new_io_type(vm, "BufferedRWPair", bufferediobase, ObjKind::Io);
    let bytesio = new_io_type(vm, "BytesIO", bufferediobase, ObjKind::Io);
    let stringio = new_io_type(vm, "StringIO", textiobase, ObjKind::Io);
    let textio = new_io_type(vm, "TextIOWrapper", textiobase, ObjKind::Io);
    let nldecoder = new_io_type(vm, "IncrementalNewlineDecoder", object, ObjKind::Io);
    // UnsupportedOperation(OSError, ValueError), made as a class statement would
    let unsupported = {
        let name = vm.new_str("UnsupportedOperation");
        let (ose, ve) = (vm.types.os_error, vm.types.value_error);
        let bases = vm.new_tuple(vec![ose, ve]);
        let ns = vm.new_dict();
        let m = vm.new_str("io");
        vm.dict_set_str(ns, "__module__", m);
        let tt = vm.types.type_;
        match vm.call(tt, &[name, bases, ns]) {
            Ok(t) => t,
            Err(_) => crate::interp::fatal("cannot create io.UnsupportedOperation"),
        }
    };
    vm.permanent.push(unsupported);
    let t = IoTypes { iobase, rawiobase, bufferediobase, textiobase, fileio, reader, writer, random, rwpair, bytesio, stringio, textio, nldecoder, unsupported };
    TYPES.with(|c| *c.borrow_mut() = t);
    for ty in [fileio, reader, writer, random, rwpair, bytesio, stringio, textio, nldecoder] {
        crate::builtins::static_method(vm, ty, "__new__", io_new);
    }
    iobase::register(vm, &t);
    fileio::register(vm, fileio);
    buffered::register(vm, &t);
    rwpair::register(vm, rwpair);
    bytesio::register(vm, bytesio);
    stringio::register(vm, stringio);
    textio::register(vm, textio);
    newline::register(vm, nldecoder);

    let m = super::new_module(vm, "_io");
    let io = super::new_module(vm, "io");
    let named = [
        ("FileIO", fileio),
        ("BytesIO", bytesio),
        ("StringIO", stringio),
        ("BufferedReader", reader),
        ("BufferedWriter", writer),
        ("BufferedRandom", random),
        ("BufferedRWPair", rwpair),
        ("TextIOWrapper", textio),
        ("IncrementalNewlineDecoder", nldecoder),
        ("UnsupportedOperation", unsupported),
    ];
    let bie = vm.types.exceptions.iter().find(|e| e.0 == "BlockingIOError").map(|e| e.1).unwrap_or(vm.types.os_error);
    for (n, v) in named {
        super::set_attr(vm, m, n, v);
        super::set_attr(vm, io, n, v);
    }
    super::set_attr(vm, m, "BlockingIOError", bie);
    super::set_attr(vm, io, "BlockingIOError", bie);
    for (n, v) in [("_IOBase", iobase), ("_RawIOBase", rawiobase), ("_BufferedIOBase", bufferediobase), ("_TextIOBase", textiobase)] {
        super::set_attr(vm, m, n, v);
    }
    for (n, v) in [("IOBase", iobase), ("RawIOBase", rawiobase), ("BufferedIOBase", bufferediobase), ("TextIOBase", textiobase)] {
        super::set_attr(vm, io, n, v);
    }
    let dbs = vm.new_int(DEFAULT_BUFFER_SIZE as i64);
    super::set_attr(vm, m, "DEFAULT_BUFFER_SIZE", dbs);
    super::set_attr(vm, io, "DEFAULT_BUFFER_SIZE", dbs);
    for (n, i) in [("SEEK_SET", 0), ("SEEK_CUR", 1), ("SEEK_END", 2)] {
        let v = vm.new_int(i);
        super::set_attr(vm, io, n, v);
    }
    open::register(vm, m, io);
    let all: Vec<Value> = [
        "BlockingIOError", "open", "open_code", "IOBase", "RawIOBase", "FileIO", "BytesIO", "StringIO", "BufferedIOBase",
        "BufferedReader", "BufferedWriter", "BufferedRWPair", "BufferedRandom", "TextIOBase", "TextIOWrapper",
        "UnsupportedOperation", "SEEK_SET", "SEEK_CUR", "SEEK_END", "DEFAULT_BUFFER_SIZE", "text_encoding",
        "IncrementalNewlineDecoder",
    ]
    .iter()
    .map(|n| vm.new_str(n))
    .collect();
    let all = vm.new_list(all);
    super::set_attr(vm, io, "__all__", all);
    super::set_attr(vm, io, "_io", m);
    stdio::register(vm);
}

/// Writes what the write buffers over files still hold (interpreter exit).
pub fn flush_at_exit(vm: &mut Vm) {
    fileio::flush_registry();
    super::sys::flush_stdout(vm);
}
