//! `_bz2`: BZ2Compressor and BZ2Decompressor over the `bzip2` crate (its pure-Rust
//! libbz2-rs-sys backend, a port of libbzip2 1.0.8), below CPython's own bz2.py.

use bzip2::{Action, Compress, Compression, Decompress, Status};

use crate::class_slot;
use crate::native_state;
use crate::util::*;

class_slot!(COMPRESSOR);
class_slot!(DECOMPRESSOR);

/// A builtin exception class by name (EOFError, OSError...).
pub(crate) fn builtin_exc(vm: &Vm, name: &str) -> Value {
    vm.types.exceptions.iter().find(|e| e.0 == name).map(|e| e.1).unwrap_or(vm.types.value_error)
}

fn bz_error(vm: &mut Vm, e: bzip2::Error) -> PyErr {
    match e {
        bzip2::Error::Data | bzip2::Error::DataMagic => {
            let t = builtin_exc(vm, "OSError");
            vm.err(t, "Invalid data stream")
        }
        bzip2::Error::Param => vm.value_error("Internal error - invalid parameters passed to libbzip2"),
        _ => vm.runtime_error("Internal error - Invalid sequence of commands sent to libbzip2"),
    }
}

/// `__reduce__` of both classes: they cannot be pickled.
pub(crate) fn no_pickle(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let Some(&me) = a.first() else { return Err(vm.type_error("__reduce__ needs an argument")) };
    let t = vm.type_of(me);
    let tn = vm.type_name_qualified(t);
    Err(vm.type_error(&format!("cannot pickle '{tn}' object")))
}

struct Compressor {
    c: Compress,
    flushed: bool,
}
native_state!(Compressor);

fn compressor_new(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    no_kw(vm, kw, "BZ2Compressor")?;
    check_count(vm, a.len() - 1, "BZ2Compressor", 0, 1)?;
    let level = match a.get(1) {
        Some(&v) => c_int(vm, v)?,
        None => 9,
    };
    if !(1..=9).contains(&level) {
        return Err(vm.value_error("compresslevel must be between 1 and 9"));
    }
    // libbzip2's own memory (400 KiB + 8 x 100 KiB per level) counts towards the next
    // collection: a dropped compressor is freed only by one
    vm.heap.note_external(400 * 1024 + level as usize * 800 * 1024);
    Ok(new_native(vm, a[0], Compressor { c: Compress::new(Compression::new(level as u32), 0), flushed: false }))
}

/// Runs the compressor over `input` with `action` until the input is taken (Run) or the
/// stream is finished (Finish).
fn run_compress(c: &mut Compress, input: &[u8], action: Action) -> Result<Vec<u8>, bzip2::Error> {
    let mut out = Vec::with_capacity(8192);
    let start = c.total_in();
    loop {
        let taken = (c.total_in() - start) as usize;
        if matches!(action, Action::Run) && taken >= input.len() {
            return Ok(out);
        }
        if out.len() == out.capacity() {
            out.reserve(out.capacity() / 8 + 8192);
        }
        let st = c.compress_vec(&input[taken..], &mut out, action)?;
        if matches!(action, Action::Finish) && matches!(st, Status::StreamEnd) {
            return Ok(out);
        }
    }
}

fn c_compress(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let x = onearg(vm, a, kw, "BZ2Compressor.compress")?;
    let data = bytes_like(vm, x)?;
    let r = with_state::<Compressor, _>(vm, a[0], "_bz2.BZ2Compressor", |c| {
        if c.flushed {
            return None;
        }
        Some(run_compress(&mut c.c, &data, Action::Run))
    })?;
    match r {
        None => Err(vm.value_error("Compressor has been flushed")),
        Some(Ok(out)) => Ok(vm.new_bytes(out)),
        Some(Err(e)) => Err(bz_error(vm, e)),
    }
}

fn c_flush(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "BZ2Compressor.flush")?;
    let r = with_state::<Compressor, _>(vm, a[0], "_bz2.BZ2Compressor", |c| {
        if c.flushed {
            return None;
        }
        c.flushed = true;
        Some(run_compress(&mut c.c, &[], Action::Finish))
    })?;
    match r {
        None => Err(vm.value_error("Repeated call to flush()")),
        Some(Ok(out)) => Ok(vm.new_bytes(out)),
        Some(Err(e)) => Err(bz_error(vm, e)),
    }
}

/// The decompressor: the stream, input not yet taken, and the Python-visible flags.
struct Decompressor {
    d: Decompress,
    pending: Vec<u8>,
    eof: bool,
    needs_input: bool,
    unused: Vec<u8>,
    /// A data error left the stream unusable (libbzip2 cannot go on after one).
    failed: bool,
}
native_state!(Decompressor);

fn decompressor_new(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    if positional(a, kw).len() > 1 {
        return Err(vm.type_error("BZ2Decompressor() takes no positional arguments"));
    }
    no_kw(vm, kw, "BZ2Decompressor")?;
    vm.heap.note_external(3700 * 1024);
    let st = Decompressor { d: Decompress::new(false), pending: Vec::new(), eof: false, needs_input: true, unused: Vec::new(), failed: false };
    Ok(new_native(vm, a[0], st))
}

/// One `decompress` call on the state: CPython's decompress()/decompress_buf() logic.
fn run_decompress(d: &mut Decompressor, data: &[u8], max_length: i64) -> Result<Option<Vec<u8>>, bzip2::Error> {
    if d.eof {
        return Ok(None);
    }
    d.pending.extend_from_slice(data);
    let input = std::mem::take(&mut d.pending);
    let limit = if max_length < 0 { usize::MAX } else { max_length as usize };
    let mut out: Vec<u8> = Vec::with_capacity(limit.min(8192));
    let mut pos = 0usize;
    loop {
        let room = limit - out.len();
        let chunk = room.min((out.len() >> 3) + 8192);
        let old = out.len();
        out.resize(old + chunk, 0);
        let (before_in, before_out) = (d.d.total_in(), d.d.total_out());
        let r = d.d.decompress(&input[pos..], &mut out[old..]);
        out.truncate(old + (d.d.total_out() - before_out) as usize);
        pos += (d.d.total_in() - before_in) as usize;
        let r = match r {
            Ok(st) => st,
            Err(e) => {
                d.failed = true;
                d.needs_input = false;
                return Err(e);
            }
        };
        if let Status::StreamEnd = r {
            d.eof = true;
            break;
        }
        if pos >= input.len() || out.len() >= limit {
            break;
        }
    }
    let rest = &input[pos..];
    if d.eof {
        d.needs_input = false;
        if !rest.is_empty() {
            d.unused = rest.to_vec();
        }
    } else if rest.is_empty() {
        d.needs_input = true;
    } else {
        d.needs_input = false;
        d.pending = rest.to_vec();
    }
    Ok(Some(out))
}

fn d_decompress(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let args = parse(vm, &a[1..], kw, "decompress", &["data", "max_length"], &[], 1)?;
    let none = vm.none;
    let data = bytes_like(vm, args[0].unwrap_or(none))?;
    let max = match args[1] {
        Some(v) => ssize(vm, v)?,
        None => -1,
    };
    let failed = with_state::<Decompressor, _>(vm, a[0], "_bz2.BZ2Decompressor", |d| d.failed)?;
    if failed {
        return Err(vm.value_error("Decompressor cannot be used after a previous error"));
    }
    let r = with_state::<Decompressor, _>(vm, a[0], "_bz2.BZ2Decompressor", |d| run_decompress(d, &data, max))?;
    match r {
        Ok(Some(out)) => Ok(vm.new_bytes(out)),
        Ok(None) => {
            let t = builtin_exc(vm, "EOFError");
            Err(vm.err(t, "End of stream already reached"))
        }
        Err(e) => Err(bz_error(vm, e)),
    }
}

fn d_eof(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let e = with_state::<Decompressor, _>(vm, a[0], "_bz2.BZ2Decompressor", |d| d.eof)?;
    Ok(vm.bool_val(e))
}

fn d_needs_input(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let e = with_state::<Decompressor, _>(vm, a[0], "_bz2.BZ2Decompressor", |d| d.needs_input)?;
    Ok(vm.bool_val(e))
}

fn d_unused(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let u = with_state::<Decompressor, _>(vm, a[0], "_bz2.BZ2Decompressor", |d| d.unused.clone())?;
    Ok(vm.new_bytes(u))
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    let c = new_class(vm, "_bz2", "BZ2Compressor", None, ObjKind::Native, false);
    set_new(vm, c, compressor_new);
    add_methods(vm, c, &[("compress", c_compress), ("flush", c_flush), ("__reduce__", no_pickle)]);
    COMPRESSOR.with(|s| s.set(c));
    set_attr(vm, m, "BZ2Compressor", c);
    let d = new_class(vm, "_bz2", "BZ2Decompressor", None, ObjKind::Native, false);
    set_new(vm, d, decompressor_new);
    add_methods(vm, d, &[("decompress", d_decompress), ("__reduce__", no_pickle)]);
    add_getsets(vm, d, &[("eof", d_eof, None), ("needs_input", d_needs_input, None), ("unused_data", d_unused, None)]);
    DECOMPRESSOR.with(|s| s.set(d));
    set_attr(vm, m, "BZ2Decompressor", d);
    Ok(())
}
