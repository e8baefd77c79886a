//! `zlib`: compress/decompress, compression and decompression objects, crc32/adler32
//! and the constants, over miniz_oxide (stream.rs holds the containers). Compressed bytes
//! are valid deflate streams but not byte-identical to zlib 1.2.13's; preset dictionaries
//! (zdict) are not supported.

mod stream;

use stream::{Container, Deflater, Inflater, ZErr};

use crate::util::*;
use crate::{class_slot, native_state};

class_slot!(ERROR);
class_slot!(COMPRESS);
class_slot!(DECOMPRESS);

const DEF_BUF_SIZE: i64 = 16384;

fn zerror(vm: &mut Vm, msg: &str) -> PyErr {
    let t = ERROR.with(|c| c.get());
    vm.err(t, msg)
}

fn zerr(vm: &mut Vm, e: ZErr, doing: &str) -> PyErr {
    zerror(vm, &format!("Error {} while {doing}: {}", e.code, e.msg))
}

fn int_opt(vm: &mut Vm, v: Option<Value>, default: i64) -> PyResult<i64> {
    match v {
        Some(v) => c_int(vm, v).map(|i| i as i64),
        None => Ok(default),
    }
}

fn compress(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let args = parse(vm, a, kw, "compress", &["data", "level", "wbits"], &[], 1)?;
    let none = vm.none;
    let data = bytes_like(vm, args[0].unwrap_or(none))?;
    let level = int_opt(vm, args[1], -1)?;
    let wbits = int_opt(vm, args[2], 15)?;
    if !(-1..=9).contains(&level) {
        return Err(zerror(vm, "Bad compression level"));
    }
    let Some((container, bits)) = stream::deflate_container(wbits) else {
        return Err(zerror(vm, "Bad compression level"));
    };
    let mut d = Deflater::new(container, bits, level as i32, 0);
    let mut out = Vec::with_capacity(data.len() / 2 + 64);
    d.feed(&data, 4, &mut out).map_err(|e| zerr(vm, e, "compressing data"))?;
    Ok(vm.new_bytes(out))
}

fn decompress(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let args = parse(vm, a, kw, "decompress", &["data", "wbits", "bufsize"], &[], 1)?;
    let none = vm.none;
    let data = bytes_like(vm, args[0].unwrap_or(none))?;
    let wbits = int_opt(vm, args[1], 15)?;
    if let Some(b) = args[2] {
        let n = ssize(vm, b)?;
        if n < 0 {
            return Err(vm.value_error("bufsize must be non-negative"));
        }
    }
    let Some(container) = stream::inflate_container(wbits) else {
        return Err(zerror(vm, "Error -2 while preparing to decompress data: inconsistent stream state"));
    };
    let mut inf = Inflater::new(container);
    let mut out = Vec::with_capacity(data.len() * 3);
    let fed = inf.feed(&data, &mut out, None).map_err(|e| zerr(vm, e, "decompressing data"))?;
    if !fed.eof {
        return Err(zerror(vm, "Error -5 while decompressing data: incomplete or truncated stream"));
    }
    Ok(vm.new_bytes(out))
}

struct CompressObj {
    d: Deflater,
}
native_state!(CompressObj);

fn compressobj(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let args = parse(vm, a, kw, "compressobj", &["level", "method", "wbits", "memLevel", "strategy", "zdict"], &[], 0)?;
    let level = int_opt(vm, args[0], -1)?;
    let method = int_opt(vm, args[1], 8)?;
    let wbits = int_opt(vm, args[2], 15)?;
    let mem = int_opt(vm, args[3], 8)?;
    let strategy = int_opt(vm, args[4], 0)?;
    let container = stream::deflate_container(wbits);
    if !(-1..=9).contains(&level) || method != 8 || container.is_none() || !(1..=9).contains(&mem) || !(0..=4).contains(&strategy) {
        return Err(vm.value_error("Invalid initialization option"));
    }
    if let Some(z) = args[5] {
        if z != vm.none {
            bytes_like(vm, z)?;
            return Err(vm.value_error("zdict (preset dictionaries) is not supported by pyjit's zlib"));
        }
    }
    let (c, bits) = container.unwrap_or((Container::Zlib, 15));
    let t = COMPRESS.with(|c| c.get());
    Ok(new_native(vm, t, CompressObj { d: Deflater::new(c, bits, level as i32, strategy as i32) }))
}

fn c_compress(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let x = onearg(vm, a, kw, "Compress.compress")?;
    let data = bytes_like(vm, x)?;
    let r = with_state::<CompressObj, _>(vm, a[0], "zlib.Compress", |c| {
        let mut out = Vec::new();
        c.d.feed(&data, 0, &mut out).map(|_| out)
    })?;
    match r {
        Ok(out) => Ok(vm.new_bytes(out)),
        Err(e) => Err(zerr(vm, e, "compressing data")),
    }
}

fn c_flush(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    check_pos(vm, &a[1..], kw, "flush", 0, 1)?;
    let mode = int_opt(vm, a.get(1).copied(), 4)?;
    if mode == 0 {
        return Ok(vm.new_bytes(Vec::new()));
    }
    let r = with_state::<CompressObj, _>(vm, a[0], "zlib.Compress", |c| {
        let mut out = Vec::new();
        c.d.feed(&[], mode as i32, &mut out).map(|_| out)
    })?;
    match r {
        Ok(out) => Ok(vm.new_bytes(out)),
        Err(e) => Err(zerr(vm, e, "flushing")),
    }
}

fn c_copy(vm: &mut Vm, _a: &[Value], _kw: Value) -> PyResult<Value> {
    Err(vm.value_error("Inconsistent stream state"))
}

/// A decompression object: the inflater, leftover input (unconsumed_tail, unused_data).
struct DecompressObj {
    inf: Inflater,
    unused: Value,
    tail: Value,
}
native_state!(DecompressObj, |s, t| {
    t.visit(s.unused);
    t.visit(s.tail);
});

fn decompressobj(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let args = parse(vm, a, kw, "decompressobj", &["wbits", "zdict"], &[], 0)?;
    let wbits = int_opt(vm, args[0], 15)?;
    if let Some(z) = args[1] {
        if with_buffer(vm, z, |b| b.len())?.is_none() {
            return Err(vm.type_error("zdict argument must support the buffer protocol"));
        }
    }
    let Some(container) = stream::inflate_container(wbits) else {
        return Err(vm.value_error("Invalid initialization option"));
    };
    let empty = vm.new_bytes(Vec::new());
    let t = DECOMPRESS.with(|c| c.get());
    Ok(new_native(vm, t, DecompressObj { inf: Inflater::new(container), unused: empty, tail: empty }))
}

fn d_decompress(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let args = parse(vm, &a[1..], kw, "decompress", &["data", "max_length"], &[], 1)?;
    let none = vm.none;
    let data = bytes_like(vm, args[0].unwrap_or(none))?;
    let max = match args[1] {
        Some(v) => ssize(vm, v)?,
        None => 0,
    };
    if max < 0 {
        return Err(vm.value_error("max_length must be non-negative"));
    }
    let limit = if max == 0 { None } else { Some(max as usize) };
    let r = with_state::<DecompressObj, _>(vm, a[0], "zlib.Decompress", |d| {
        if d.inf.eof() {
            return Ok((Vec::new(), 0usize, true));
        }
        let mut out = Vec::new();
        d.inf.feed(&data, &mut out, limit).map(|f| (out, f.consumed, f.eof))
    })?;
    let (out, consumed, eof) = r.map_err(|e| zerr(vm, e, "decompressing data"))?;
    let rest = data[consumed.min(data.len())..].to_vec();
    let (old_unused, old_tail) = with_state::<DecompressObj, _>(vm, a[0], "zlib.Decompress", |d| (d.unused, d.tail))?;
    let had_tail = with_buffer(vm, old_tail, |b| !b.is_empty())?.unwrap_or(false);
    // as CPython: at the end the leftover input goes to unused_data, and stays in
    // unconsumed_tail too when that was not empty
    let (unused_add, tail) = if eof {
        (rest.clone(), if had_tail { rest } else { Vec::new() })
    } else {
        (Vec::new(), rest)
    };
    let new_unused = if unused_add.is_empty() {
        old_unused
    } else {
        let mut u = with_buffer(vm, old_unused, |b| b.to_vec())?.unwrap_or_default();
        u.extend_from_slice(&unused_add);
        vm.new_bytes(u)
    };
    let tail = vm.new_bytes(tail);
    with_state::<DecompressObj, _>(vm, a[0], "zlib.Decompress", |d| {
        d.unused = new_unused;
        d.tail = tail;
    })?;
    Ok(vm.new_bytes(out))
}

fn d_flush(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    check_pos(vm, &a[1..], kw, "flush", 0, 1)?;
    if let Some(&l) = a.get(1) {
        if ssize(vm, l)? <= 0 {
            return Err(vm.value_error("length must be greater than zero"));
        }
    }
    let tail = with_state::<DecompressObj, _>(vm, a[0], "zlib.Decompress", |d| d.tail)?;
    let data = with_buffer(vm, tail, |b| b.to_vec())?.unwrap_or_default();
    let r = with_state::<DecompressObj, _>(vm, a[0], "zlib.Decompress", |d| {
        let mut out = Vec::new();
        d.inf.feed(&data, &mut out, None).map(|f| (out, f.consumed, f.eof))
    })?;
    let (out, consumed, eof) = r.map_err(|e| zerr(vm, e, "decompressing data"))?;
    let empty = vm.new_bytes(Vec::new());
    if eof && consumed < data.len() {
        let rest = vm.new_bytes(data[consumed..].to_vec());
        with_state::<DecompressObj, _>(vm, a[0], "zlib.Decompress", |d| d.unused = rest)?;
    }
    with_state::<DecompressObj, _>(vm, a[0], "zlib.Decompress", |d| d.tail = empty)?;
    Ok(vm.new_bytes(out))
}

fn d_copy(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "Decompress.copy")?;
    let (inf, unused, tail) = with_state::<DecompressObj, _>(vm, a[0], "zlib.Decompress", |d| (d.inf.clone(), d.unused, d.tail))?;
    let t = DECOMPRESS.with(|c| c.get());
    Ok(new_native(vm, t, DecompressObj { inf, unused, tail }))
}

fn d_unused(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    with_state::<DecompressObj, _>(vm, a[0], "zlib.Decompress", |d| d.unused)
}

fn d_tail(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    with_state::<DecompressObj, _>(vm, a[0], "zlib.Decompress", |d| d.tail)
}

fn d_eof(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let e = with_state::<DecompressObj, _>(vm, a[0], "zlib.Decompress", |d| d.inf.eof())?;
    Ok(vm.bool_val(e))
}

fn crc32(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    check_pos(vm, a, kw, "crc32", 1, 2)?;
    let data = bytes_like(vm, a[0])?;
    let start = match a.get(1) {
        Some(&v) => crate::binascii::u32_arg(vm, v)?,
        None => 0,
    };
    Ok(vm.new_int(crate::binascii::crc32_update(start, &data) as i64))
}

fn adler32(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    check_pos(vm, a, kw, "adler32", 1, 2)?;
    let data = bytes_like(vm, a[0])?;
    let start = match a.get(1) {
        Some(&v) => crate::binascii::u32_arg(vm, v)?,
        None => 1,
    };
    let mut h = adler2::Adler32::from_checksum(start);
    h.write_slice(&data);
    Ok(vm.new_int(h.checksum() as i64))
}

fn no_new(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let tn = vm.type_name_qualified(a[0]);
    Err(vm.type_error(&format!("cannot create '{tn}' instances")))
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    let exc = vm.types.exceptions.iter().find(|e| e.0 == "Exception").map(|e| e.1).unwrap_or(vm.types.value_error);
    let e = crate::binascii::exception_class(vm, "zlib", "error", exc)?;
    ERROR.with(|c| c.set(e));
    set_attr(vm, m, "error", e);
    add_fns(
        vm,
        m,
        &[
            ("compress", compress),
            ("decompress", decompress),
            ("compressobj", compressobj),
            ("decompressobj", decompressobj),
            ("crc32", crc32),
            ("adler32", adler32),
        ],
    );
    let c = new_class(vm, "zlib", "Compress", None, ObjKind::Native, false);
    set_new(vm, c, no_new);
    add_methods(vm, c, &[("compress", c_compress), ("flush", c_flush), ("copy", c_copy), ("__copy__", c_copy)]);
    COMPRESS.with(|s| s.set(c));
    let d = new_class(vm, "zlib", "Decompress", None, ObjKind::Native, false);
    set_new(vm, d, no_new);
    add_methods(vm, d, &[("decompress", d_decompress), ("flush", d_flush), ("copy", d_copy), ("__copy__", d_copy)]);
    add_getsets(vm, d, &[("unused_data", d_unused, None), ("unconsumed_tail", d_tail, None), ("eof", d_eof, None)]);
    DECOMPRESS.with(|s| s.set(d));
    let ints: &[(&str, i64)] = &[
        ("MAX_WBITS", 15),
        ("DEFLATED", 8),
        ("DEF_MEM_LEVEL", 8),
        ("DEF_BUF_SIZE", DEF_BUF_SIZE),
        ("Z_NO_COMPRESSION", 0),
        ("Z_BEST_SPEED", 1),
        ("Z_BEST_COMPRESSION", 9),
        ("Z_DEFAULT_COMPRESSION", -1),
        ("Z_FILTERED", 1),
        ("Z_HUFFMAN_ONLY", 2),
        ("Z_RLE", 3),
        ("Z_FIXED", 4),
        ("Z_DEFAULT_STRATEGY", 0),
        ("Z_NO_FLUSH", 0),
        ("Z_PARTIAL_FLUSH", 1),
        ("Z_SYNC_FLUSH", 2),
        ("Z_FULL_FLUSH", 3),
        ("Z_FINISH", 4),
        ("Z_BLOCK", 5),
        ("Z_TREES", 6),
    ];
    for &(n, v) in ints {
        let iv = vm.new_int(v);
        set_attr(vm, m, n, iv);
    }
    for n in ["ZLIB_VERSION", "ZLIB_RUNTIME_VERSION"] {
        let s = vm.new_str("1.2.13");
        set_attr(vm, m, n, s);
    }
    Ok(())
}
