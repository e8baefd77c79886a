//! `_lzma`: LZMACompressor, LZMADecompressor, is_check_supported and the filter property
//! helpers over xz-utils' liblzma (the `liblzma` crate, built from its bundled C source),
//! below CPython's own lzma.py. Formats XZ, ALONE (.lzma) and RAW with filter chains.

mod filters;

use liblzma::stream::{Action, Check, Error as LzErr, Status, Stream, TELL_ANY_CHECK, TELL_NO_CHECK};

use filters::{BuildErr, Spec, FILTER_LZMA1, PRESET_DEFAULT};

use crate::bz2::{builtin_exc, no_pickle};
use crate::util::*;
use crate::{class_slot, native_state};

class_slot!(ERROR);

const FORMAT_AUTO: i32 = 0;
const FORMAT_XZ: i32 = 1;
const FORMAT_ALONE: i32 = 2;
const FORMAT_RAW: i32 = 3;
const CHECK_NONE: i32 = 0;
const CHECK_UNKNOWN: i32 = 16;

pub(crate) fn error_class() -> Value {
    ERROR.with(|c| c.get())
}

fn lzma_error(vm: &mut Vm, msg: &str) -> PyErr {
    let t = error_class();
    vm.err(t, msg)
}

/// catch_lzma_error's messages.
fn lz_err(vm: &mut Vm, e: LzErr) -> PyErr {
    let msg = match e {
        LzErr::UnsupportedCheck => "Unsupported integrity check",
        LzErr::Mem => return vm.memory_error(),
        LzErr::MemLimit => "Memory usage limit exceeded",
        LzErr::Format => "Input format not supported by decoder",
        LzErr::Options => "Invalid or unsupported options",
        LzErr::Data => "Corrupt input data",
        LzErr::Program | LzErr::NoCheck => "Internal error",
    };
    lzma_error(vm, msg)
}

fn build_err(vm: &mut Vm, e: BuildErr) -> PyErr {
    match e {
        BuildErr::Options => lz_err(vm, LzErr::Options),
        BuildErr::Preset(p) => lzma_error(vm, &format!("Invalid compression preset: {p}")),
    }
}

fn check_of(id: i32) -> Result<Check, LzErr> {
    match id {
        0 => Ok(Check::None),
        1 => Ok(Check::Crc32),
        4 => Ok(Check::Crc64),
        10 => Ok(Check::Sha256),
        2..=15 => Err(LzErr::UnsupportedCheck),
        _ => Err(LzErr::Program),
    }
}

struct Compressor {
    s: Stream,
    flushed: bool,
}
native_state!(Compressor);

fn compressor_new(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let args = parse(vm, &a[1..], kw, "LZMACompressor", &["format", "check", "preset", "filters"], &[], 0)?;
    let none = vm.none;
    let format = match args[0] {
        Some(v) => c_int(vm, v)?,
        None => FORMAT_XZ,
    };
    let check = match args[1] {
        Some(v) => c_int(vm, v)?,
        None => -1,
    };
    let preset_obj = args[2].filter(|&v| v != none);
    let filters_obj = args[3].filter(|&v| v != none);
    if format != FORMAT_XZ && check != -1 && check != CHECK_NONE {
        return Err(vm.value_error("Integrity checks are only supported by FORMAT_XZ"));
    }
    if preset_obj.is_some() && filters_obj.is_some() {
        return Err(vm.value_error("Cannot specify both preset and filter chain"));
    }
    let preset = match preset_obj {
        Some(v) => filters::u32_arg(vm, v)?,
        None => PRESET_DEFAULT,
    };
    let specs = match filters_obj {
        Some(f) => Some(filters::parse_chain(vm, f)?),
        None => None,
    };
    let stream = match format {
        FORMAT_XZ => {
            let check = if check == -1 { Ok(Check::Crc64) } else { check_of(check) };
            let check = check.map_err(|e| lz_err(vm, e))?;
            match &specs {
                None => Stream::new_easy_encoder(preset, check).map_err(|e| lz_err(vm, e))?,
                Some(sp) => {
                    let f = filters::build(sp).map_err(|e| build_err(vm, e))?;
                    Stream::new_stream_encoder(&f, check).map_err(|e| lz_err(vm, e))?
                }
            }
        }
        FORMAT_ALONE => match &specs {
            None => {
                let o = liblzma::stream::LzmaOptions::new_preset(preset).map_err(|_| build_err(vm, BuildErr::Preset(preset)))?;
                Stream::new_lzma_encoder(&o).map_err(|e| lz_err(vm, e))?
            }
            Some(sp) => {
                let p = match sp.as_slice() {
                    [Spec::Lzma { id, p }] if *id == FILTER_LZMA1 => p.clone(),
                    _ => return Err(vm.value_error("Invalid filter chain for FORMAT_ALONE - must be a single LZMA1 filter")),
                };
                let o = p.options().map_err(|e| build_err(vm, e))?;
                Stream::new_lzma_encoder(&o).map_err(|e| lz_err(vm, e))?
            }
        },
        FORMAT_RAW => {
            let Some(sp) = &specs else { return Err(vm.value_error("Must specify filters for FORMAT_RAW")) };
            let f = filters::build(sp).map_err(|e| build_err(vm, e))?;
            Stream::new_raw_encoder(&f).map_err(|e| lz_err(vm, e))?
        }
        _ => return Err(vm.value_error(&format!("Invalid container format: {format}"))),
    };
    // liblzma's encoder memory (94 MiB at preset 6) counts towards the next collection: a
    // dropped compressor is freed only by one
    let dict = match &specs {
        Some(sp) => sp.iter().map(filters::dict_size).max().unwrap_or(0),
        None => filters::preset_dict_size(preset),
    };
    vm.heap.note_external((dict as usize).saturating_mul(11));
    Ok(new_native(vm, a[0], Compressor { s: stream, flushed: false }))
}

/// Runs the encoder over `input` with `action` (Run: until the input is taken; Finish:
/// until the stream ends).
fn run_compress(s: &mut Stream, input: &[u8], action: Action) -> Result<Vec<u8>, LzErr> {
    let mut out: Vec<u8> = Vec::with_capacity(8192);
    let mut pos = 0usize;
    loop {
        if out.len() == out.capacity() {
            out.reserve(out.capacity() / 8 + 8192);
        }
        let before = s.total_in();
        let r = s.process_vec(&input[pos..], &mut out, action);
        pos += (s.total_in() - before) as usize;
        let st = r?;
        match action {
            Action::Finish if st == Status::StreamEnd => return Ok(out),
            Action::Run if pos >= input.len() => return Ok(out),
            _ => {}
        }
    }
}

fn c_compress(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let x = onearg(vm, a, kw, "LZMACompressor.compress")?;
    let data = bytes_like(vm, x)?;
    let r = with_state::<Compressor, _>(vm, a[0], "_lzma.LZMACompressor", |c| {
        if c.flushed {
            return None;
        }
        Some(run_compress(&mut c.s, &data, Action::Run))
    })?;
    match r {
        None => Err(vm.value_error("Compressor has been flushed")),
        Some(Ok(out)) => Ok(vm.new_bytes(out)),
        Some(Err(e)) => Err(lz_err(vm, e)),
    }
}

fn c_flush(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "LZMACompressor.flush")?;
    let r = with_state::<Compressor, _>(vm, a[0], "_lzma.LZMACompressor", |c| {
        if c.flushed {
            return None;
        }
        c.flushed = true;
        Some(run_compress(&mut c.s, &[], Action::Finish))
    })?;
    match r {
        None => Err(vm.value_error("Repeated call to flush()")),
        Some(Ok(out)) => Ok(vm.new_bytes(out)),
        Some(Err(e)) => Err(lz_err(vm, e)),
    }
}

/// The decompressor: the stream, input not yet taken, the first bytes of the stream (its
/// header names the check), and the Python-visible state.
struct Decompressor {
    s: Stream,
    pending: Vec<u8>,
    header: Vec<u8>,
    check: i32,
    eof: bool,
    needs_input: bool,
    unused: Vec<u8>,
}
native_state!(Decompressor);

fn decompressor_new(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let args = parse(vm, &a[1..], kw, "LZMADecompressor", &["format", "memlimit", "filters"], &[], 0)?;
    let none = vm.none;
    let format = match args[0] {
        Some(v) => c_int(vm, v)?,
        None => FORMAT_AUTO,
    };
    let memlimit_obj = args[1].filter(|&v| v != none);
    let filters_obj = args[2].filter(|&v| v != none);
    if memlimit_obj.is_some() && format == FORMAT_RAW {
        return Err(vm.value_error("Cannot specify memory limit with FORMAT_RAW"));
    }
    let memlimit = match memlimit_obj {
        Some(v) => filters::u64_arg(vm, v)?,
        None => u64::MAX,
    };
    if format == FORMAT_RAW && filters_obj.is_none() {
        return Err(vm.value_error("Must specify filters for FORMAT_RAW"));
    }
    if format != FORMAT_RAW && filters_obj.is_some() {
        return Err(vm.value_error("Cannot specify filters except with FORMAT_RAW"));
    }
    let flags = TELL_ANY_CHECK | TELL_NO_CHECK;
    let (stream, check) = match format {
        FORMAT_AUTO => (Stream::new_auto_decoder(memlimit, flags), CHECK_UNKNOWN),
        FORMAT_XZ => (Stream::new_stream_decoder(memlimit, flags), CHECK_UNKNOWN),
        FORMAT_ALONE => (Stream::new_lzma_decoder(memlimit), CHECK_NONE),
        FORMAT_RAW => {
            let none = vm.none;
            let sp = filters::parse_chain(vm, filters_obj.unwrap_or(none))?;
            let f = filters::build(&sp).map_err(|e| build_err(vm, e))?;
            (Stream::new_raw_decoder(&f), CHECK_NONE)
        }
        _ => return Err(vm.value_error(&format!("Invalid container format: {format}"))),
    };
    let s = stream.map_err(|e| lz_err(vm, e))?;
    // the decoder's dictionary (8 MiB for preset 6 streams) counts towards the next collection
    vm.heap.note_external(9 << 20);
    let st = Decompressor { s, pending: Vec::new(), header: Vec::new(), check, eof: false, needs_input: true, unused: Vec::new() };
    Ok(new_native(vm, a[0], st))
}

/// One `decompress` call: CPython's decompress()/decompress_buf() for liblzma.
fn run_decompress(d: &mut Decompressor, data: &[u8], max_length: i64) -> Result<Option<Vec<u8>>, LzErr> {
    if d.eof {
        return Ok(None);
    }
    if d.header.len() < 12 {
        let n = (12 - d.header.len()).min(data.len());
        d.header.extend_from_slice(&data[..n]);
    }
    d.pending.extend_from_slice(data);
    let input = std::mem::take(&mut d.pending);
    let limit = if max_length < 0 { usize::MAX } else { max_length as usize };
    let mut out: Vec<u8> = Vec::new();
    let mut pos = 0usize;
    let mut out_full;
    loop {
        let room = limit - out.len();
        let chunk = room.min((out.len() >> 3) + 32768);
        let old = out.len();
        out.resize(old + chunk, 0);
        let (before_in, before_out) = (d.s.total_in(), d.s.total_out());
        let r = d.s.process(&input[pos..], &mut out[old..], Action::Run);
        let produced = (d.s.total_out() - before_out) as usize;
        out.truncate(old + produced);
        pos += (d.s.total_in() - before_in) as usize;
        out_full = produced == chunk;
        match r {
            Ok(Status::StreamEnd) => {
                d.eof = true;
                break;
            }
            Ok(Status::GetCheck) => {
                // the stream header's flags name the check (xz format: byte 7, low nibble)
                d.check = d.header.get(7).map(|b| (b & 0x0f) as i32).unwrap_or(CHECK_UNKNOWN);
            }
            Err(LzErr::NoCheck) => d.check = CHECK_NONE,
            Ok(_) => {}
            Err(e) => return Err(e),
        }
        if out_full {
            if out.len() >= limit {
                break;
            }
        } else if pos >= input.len() {
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
        d.needs_input = !out_full;
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
    let r = with_state::<Decompressor, _>(vm, a[0], "_lzma.LZMADecompressor", |d| run_decompress(d, &data, max))?;
    match r {
        Ok(Some(out)) => Ok(vm.new_bytes(out)),
        Ok(None) => {
            let t = builtin_exc(vm, "EOFError");
            Err(vm.err(t, "Already at end of stream"))
        }
        Err(e) => Err(lz_err(vm, e)),
    }
}

fn d_check(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let c = with_state::<Decompressor, _>(vm, a[0], "_lzma.LZMADecompressor", |d| d.check)?;
    Ok(vm.new_int(c as i64))
}

fn d_eof(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let e = with_state::<Decompressor, _>(vm, a[0], "_lzma.LZMADecompressor", |d| d.eof)?;
    Ok(vm.bool_val(e))
}

fn d_needs_input(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let e = with_state::<Decompressor, _>(vm, a[0], "_lzma.LZMADecompressor", |d| d.needs_input)?;
    Ok(vm.bool_val(e))
}

fn d_unused(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let u = with_state::<Decompressor, _>(vm, a[0], "_lzma.LZMADecompressor", |d| d.unused.clone())?;
    Ok(vm.new_bytes(u))
}

fn is_check_supported(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = onearg_fn(vm, a, kw, "is_check_supported")?;
    let id = c_int(vm, v)?;
    Ok(vm.bool_val(matches!(id, 0 | 1 | 4 | 10)))
}

fn encode_filter_properties(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = onearg_fn(vm, a, kw, "_encode_filter_properties")?;
    let spec = filters::parse_spec(vm, v)?;
    match filters::encode_props(&spec) {
        Some(p) => Ok(vm.new_bytes(p)),
        None => Err(lz_err(vm, LzErr::Options)),
    }
}

fn decode_filter_properties(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    check_pos(vm, a, kw, "_decode_filter_properties", 2, 2)?;
    let id = filters::u64_arg(vm, a[0])?;
    let props = bytes_like(vm, a[1])?;
    let Some(fields) = filters::decode_props(id, &props) else { return Err(lz_err(vm, LzErr::Options)) };
    let d = vm.new_dict();
    let idv = int_value(vm, id.into());
    vm.dict_set_str(d, "id", idv);
    for (k, n) in fields {
        let nv = int_value(vm, n.into());
        vm.dict_set_str(d, k, nv);
    }
    Ok(d)
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    let exc = builtin_exc(vm, "Exception");
    let e = crate::binascii::exception_class(vm, "_lzma", "LZMAError", exc)?;
    ERROR.with(|c| c.set(e));
    set_attr(vm, m, "LZMAError", e);
    add_fns(
        vm,
        m,
        &[
            ("is_check_supported", is_check_supported),
            ("_encode_filter_properties", encode_filter_properties),
            ("_decode_filter_properties", decode_filter_properties),
        ],
    );
    let c = new_class(vm, "_lzma", "LZMACompressor", None, ObjKind::Native, false);
    set_new(vm, c, compressor_new);
    add_methods(vm, c, &[("compress", c_compress), ("flush", c_flush), ("__reduce__", no_pickle)]);
    set_attr(vm, m, "LZMACompressor", c);
    let d = new_class(vm, "_lzma", "LZMADecompressor", None, ObjKind::Native, false);
    set_new(vm, d, decompressor_new);
    add_methods(vm, d, &[("decompress", d_decompress), ("__reduce__", no_pickle)]);
    add_getsets(vm, d, &[("check", d_check, None), ("eof", d_eof, None), ("needs_input", d_needs_input, None), ("unused_data", d_unused, None)]);
    set_attr(vm, m, "LZMADecompressor", d);
    let ints: &[(&str, i64)] = &[
        ("FORMAT_AUTO", FORMAT_AUTO as i64),
        ("FORMAT_XZ", FORMAT_XZ as i64),
        ("FORMAT_ALONE", FORMAT_ALONE as i64),
        ("FORMAT_RAW", FORMAT_RAW as i64),
        ("CHECK_NONE", 0),
        ("CHECK_CRC32", 1),
        ("CHECK_CRC64", 4),
        ("CHECK_SHA256", 10),
        ("CHECK_ID_MAX", 15),
        ("CHECK_UNKNOWN", CHECK_UNKNOWN as i64),
        ("FILTER_LZMA1", filters::FILTER_LZMA1 as i64),
        ("FILTER_LZMA2", filters::FILTER_LZMA2 as i64),
        ("FILTER_DELTA", filters::FILTER_DELTA as i64),
        ("FILTER_X86", filters::FILTER_X86 as i64),
        ("FILTER_POWERPC", filters::FILTER_POWERPC as i64),
        ("FILTER_IA64", filters::FILTER_IA64 as i64),
        ("FILTER_ARM", filters::FILTER_ARM as i64),
        ("FILTER_ARMTHUMB", filters::FILTER_ARMTHUMB as i64),
        ("FILTER_SPARC", filters::FILTER_SPARC as i64),
        ("MF_HC3", 0x03),
        ("MF_HC4", 0x04),
        ("MF_BT2", 0x12),
        ("MF_BT3", 0x13),
        ("MF_BT4", 0x14),
        ("MODE_FAST", 1),
        ("MODE_NORMAL", 2),
        ("PRESET_DEFAULT", PRESET_DEFAULT as i64),
        ("PRESET_EXTREME", filters::PRESET_EXTREME as i64),
    ];
    for &(n, v) in ints {
        let iv = vm.new_int(v);
        set_attr(vm, m, n, iv);
    }
    Ok(())
}
