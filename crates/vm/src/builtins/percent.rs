//! printf-style `%` formatting of str and bytes (CPython's PyUnicode_Format and
//! _PyBytes_FormatEx): argument consumption, mapping keys, flags, `*` widths, and the
//! conversions with their error messages.
//!
//! A bytes format is processed as latin-1 text: every char of the format and of the
//! output is one byte (< 256), and bytes pieces are mapped the same way.

use num_bigint::BigInt;

use crate::heap::{ObjKind, Value};
use crate::interp::{PyResult, Vm};
use crate::objects::*;

use super::format::{format_float, format_int, Spec};

/// Widths and precisions beyond this are refused with MemoryError.
const MAX_FIELD: usize = 1 << 28;

/// str % args.
pub fn percent_format(vm: &mut Vm, fmt: Value, args: Value) -> PyResult<Value> {
    let f: Vec<char> = vm.str_of(fmt).chars().collect();
    let s = format(vm, &f, args, false)?;
    Ok(vm.new_string(s))
}

/// bytes % args (also bytearray % args, which gives a bytearray).
pub fn bytes_percent_format(vm: &mut Vm, fmt: Value, args: Value) -> PyResult<Value> {
    let f: Vec<char> = super::bytes::bytes_from(vm, fmt)?.iter().map(|&c| c as char).collect();
    let s = format(vm, &f, args, true)?;
    let data: Vec<u8> = s.chars().map(|c| c as u32 as u8).collect();
    if fmt.kind() == Some(ObjKind::ByteArray) {
        return Ok(vm.new_bytearray(data));
    }
    Ok(vm.new_bytes(data))
}

/// The arguments as CPython walks them: a tuple (`len` >= 0) or one value (`len` == -1,
/// `idx` starting at -2 so that it is taken once).
struct Args {
    args: Value,
    items: Vec<Value>,
    len: isize,
    idx: isize,
    /// the mapping of `%(key)` fields, when the right operand is one
    dict: Option<Value>,
}

impl Args {
    fn set(&mut self, args: Value) {
        self.args = args;
        match args.get::<TupleObj>() {
            Some(t) => {
                self.items = t.items.to_vec();
                self.len = self.items.len() as isize;
                self.idx = 0;
            }
            None => self.single(args),
        }
    }
    fn single(&mut self, v: Value) {
        self.args = v;
        self.items.clear();
        self.len = -1;
        self.idx = -2;
    }
    fn next(&mut self, vm: &mut Vm) -> PyResult<Value> {
        if self.idx < self.len {
            self.idx += 1;
            if self.len < 0 {
                return Ok(self.args);
            }
            return Ok(self.items[(self.idx - 1) as usize]);
        }
        Err(vm.type_error("not enough arguments for format string"))
    }
}

fn is_mapping(vm: &mut Vm, v: Value, bytes: bool) -> bool {
    match v.kind() {
        Some(ObjKind::Tuple) | Some(ObjKind::Str) => return false,
        Some(ObjKind::Bytes) | Some(ObjKind::ByteArray) if bytes => return false,
        Some(ObjKind::Dict) | Some(ObjKind::List) => return true,
        _ => {}
    }
    let gi = vm.intern("__getitem__");
    let ty = vm.type_of(v);
    vm.lookup(ty, gi).is_some()
}

fn format(vm: &mut Vm, f: &[char], args: Value, bytes: bool) -> PyResult<String> {
    let dict = if is_mapping(vm, args, bytes) { Some(args) } else { None };
    let mut a = Args { args, items: vec![], len: -1, idx: -2, dict };
    a.set(args);
    let mut out = String::new();
    let n = f.len();
    let mut i = 0;
    while i < n {
        if f[i] != '%' {
            let st = i;
            while i < n && f[i] != '%' {
                i += 1;
            }
            out.extend(&f[st..i]);
            continue;
        }
        i += 1;
        if i < n && f[i] == '%' {
            // "%%" is a literal percent; a '%' after flags or a width is a conversion
            out.push('%');
            i += 1;
            continue;
        }
        // %(key)
        if i < n && f[i] == '(' {
            let Some(d) = a.dict else { return Err(vm.type_error("format requires a mapping")) };
            i += 1;
            let st = i;
            let mut depth = 1;
            while i < n {
                if f[i] == ')' {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                } else if f[i] == '(' {
                    depth += 1;
                }
                i += 1;
            }
            if i >= n {
                return Err(vm.value_error("incomplete format key"));
            }
            let key: String = f[st..i].iter().collect();
            i += 1;
            let k = if bytes { vm.new_bytes(key.chars().map(|c| c as u32 as u8).collect()) } else { vm.new_string(key) };
            let v = vm.getitem(d, k)?;
            a.single(v);
        }
        let mut sp = Spec::default();
        let (mut ljust, mut zero) = (false, false);
        while i < n {
            match f[i] {
                '-' => ljust = true,
                '+' => sp.sign = Some('+'),
                ' ' => {
                    if sp.sign.is_none() {
                        sp.sign = Some(' ');
                    }
                }
                '#' => sp.alt = true,
                '0' => zero = true,
                _ => break,
            }
            i += 1;
        }
        let mut width: usize = 0;
        if i < n && f[i] == '*' {
            let w = a.next(vm)?;
            if !vm.is_int(w) {
                return Err(vm.type_error("* wants int"));
            }
            let w = vm.as_i64(w).ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t"))?;
            if w < 0 {
                ljust = true;
            }
            width = w.unsigned_abs() as usize;
            i += 1;
        } else {
            while i < n && f[i].is_ascii_digit() {
                width = width.checked_mul(10).and_then(|w| w.checked_add(f[i] as usize - '0' as usize)).filter(|&w| w <= isize::MAX as usize).ok_or_else(|| vm.value_error("width too big"))?;
                i += 1;
            }
        }
        let mut prec: Option<usize> = None;
        if i < n && f[i] == '.' {
            i += 1;
            if i < n && f[i] == '*' {
                let p = a.next(vm)?;
                if !vm.is_int(p) {
                    return Err(vm.type_error("* wants int"));
                }
                let p = vm.as_i64(p).and_then(|p| i32::try_from(p).ok()).ok_or_else(|| vm.overflow_error("Python int too large to convert to C int"))?;
                prec = Some(p.max(0) as usize);
                i += 1;
            } else {
                let mut p: usize = 0;
                while i < n && f[i].is_ascii_digit() {
                    p = p.checked_mul(10).and_then(|w| w.checked_add(f[i] as usize - '0' as usize)).filter(|&p| p <= i32::MAX as usize).ok_or_else(|| vm.value_error(if bytes { "prec too big" } else { "precision too big" }))?;
                    i += 1;
                }
                prec = Some(p);
            }
        }
        if i < n && matches!(f[i], 'h' | 'l' | 'L') {
            i += 1;
        }
        if i >= n {
            return Err(vm.value_error("incomplete format"));
        }
        if width > MAX_FIELD || prec.unwrap_or(0) > MAX_FIELD {
            return Err(vm.memory_error());
        }
        let conv = f[i];
        i += 1;
        let v = a.next(vm)?;
        let (body, numeric) = convert(vm, conv, v, &sp, prec, bytes, i - 1)?;
        out.push_str(&layout(body, numeric, &sp, width, ljust, zero, conv));
    }
    if a.idx < a.len && a.dict.is_none() {
        return Err(vm.type_error(if bytes { "not all arguments converted during bytes formatting" } else { "not all arguments converted during string formatting" }));
    }
    Ok(out)
}

/// The text of one conversion and whether it is numeric (signs and zero padding apply).
fn convert(vm: &mut Vm, conv: char, v: Value, sp: &Spec, prec: Option<usize>, bytes: bool, at: usize) -> PyResult<(String, bool)> {
    let truncate = |s: String| match prec {
        Some(p) => s.chars().take(p).collect(),
        None => s,
    };
    match conv {
        's' | 'b' if bytes => {
            let b = bytes_arg(vm, v)?;
            Ok((truncate(b.iter().map(|&c| c as char).collect()), false))
        }
        's' => Ok((truncate(vm.str(v)?), false)),
        'r' if !bytes => Ok((truncate(vm.repr(v)?), false)),
        'r' | 'a' => {
            let r = vm.repr(v)?;
            Ok((truncate(super::strfmt::ascii_escape(&r)), false))
        }
        'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
            let n = int_arg(vm, v, conv)?;
            let ty = match conv {
                'x' | 'X' | 'o' => conv,
                _ => 'd',
            };
            let mut s = format_int(vm, &n, &Spec { ty: Some(ty), alt: sp.alt, ..Spec::default() })?;
            if let Some(p) = prec {
                let neg = s.starts_with('-');
                let body = s.trim_start_matches('-');
                let (pre, digits) = if sp.alt && matches!(conv, 'x' | 'X' | 'o') { body.split_at(2) } else { ("", body) };
                if digits.len() < p {
                    s = format!("{}{pre}{}{digits}", if neg { "-" } else { "" }, "0".repeat(p - digits.len()));
                }
            }
            Ok((s, true))
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let x = match vm.as_num(v) {
                Some(super::num::Num::Float(f)) => f,
                Some(super::num::Num::Small(i)) => i as f64,
                Some(super::num::Num::Int(b)) => vm.int_to_f64(&b)?,
                _ => {
                    let fl = vm.types.float;
                    let has_float = vm.is_heap_type(v) && {
                        let name = vm.intern("__float__");
                        let ty = vm.type_of(v);
                        vm.lookup(ty, name).is_some()
                    };
                    if !has_float {
                        let tn = vm.type_name_of(v);
                        return Err(vm.type_error(&format!("must be real number, not {tn}")));
                    }
                    let r = vm.call(fl, &[v])?;
                    r.get::<FloatObj>().map(|f| f.0).unwrap_or(0.0)
                }
            };
            let s = format_float(vm, x, &Spec { ty: Some(conv), precision: Some(prec.unwrap_or(6)), alt: sp.alt, ..Spec::default() })?;
            Ok((s, true))
        }
        'c' if bytes => {
            if let Some(b) = v.get::<BytesObj>().filter(|b| b.data.len() == 1).map(|b| b.data[0]) {
                return Ok(((b as char).to_string(), false));
            }
            if let Some(b) = v.get::<ByteArrayObj>().filter(|b| b.data.borrow().len() == 1).map(|b| b.data.borrow()[0]) {
                return Ok(((b as char).to_string(), false));
            }
            let i = vm.index_of(v).map_err(|_| vm.type_error("%c requires an integer in range(256) or a single byte"))?;
            match vm.as_i64(i) {
                Some(x) if (0..256).contains(&x) => Ok(((x as u8 as char).to_string(), false)),
                _ => Err(vm.overflow_error("%c arg not in range(256)")),
            }
        }
        'c' => {
            if let Some(s) = v.get::<StrObj>() {
                if s.nchars() != 1 {
                    return Err(vm.type_error("%c requires int or char"));
                }
                return Ok((s.s.to_string(), false));
            }
            // an int, or an object with __index__
            let v = if vm.is_int(v) { v } else { vm.index_of(v).map_err(|_| vm.type_error("%c requires int or char"))? };
            match vm.as_i64(v).and_then(|x| u32::try_from(x).ok()).filter(|&x| x < 0x110000) {
                Some(x) => Ok((char::from_u32(x).unwrap_or('\u{fffd}').to_string(), false)),
                None => Err(vm.overflow_error("%c arg not in range(0x110000)")),
            }
        }
        other => {
            let shown = if (' '..='~').contains(&other) { other } else { '?' };
            Err(vm.value_error(&format!("unsupported format character '{shown}' (0x{:x}) at index {at}", other as u32)))
        }
    }
}

/// The integer of a %d/%x/%o conversion: %d takes any real number (truncated), %x and %o
/// only integers (__index__).
fn int_arg(vm: &mut Vm, v: Value, conv: char) -> PyResult<BigInt> {
    if vm.is_int(v) {
        return Ok(vm.as_bigint(v).unwrap_or_default());
    }
    let index_only = matches!(conv, 'x' | 'X' | 'o');
    let ty = vm.type_of(v);
    let has = |vm: &mut Vm, name: &str| {
        let n = vm.intern(name);
        vm.lookup(ty, n).is_some()
    };
    if index_only {
        if has(vm, "__index__") {
            let i = vm.index_of(v)?;
            return Ok(vm.as_bigint(i).unwrap_or_default());
        }
        let tn = vm.type_name_of(v);
        return Err(vm.type_error(&format!("%{conv} format: an integer is required, not {tn}")));
    }
    let is_number = v.kind() == Some(ObjKind::Float) || v.kind() == Some(ObjKind::Complex) || has(vm, "__index__") || has(vm, "__int__") || has(vm, "__float__");
    if !is_number || v.kind() == Some(ObjKind::Str) {
        let tn = vm.type_name_of(v);
        return Err(vm.type_error(&format!("%{conv} format: a real number is required, not {tn}")));
    }
    let int_t = vm.types.int;
    let r = match vm.call(int_t, &[v]) {
        Ok(r) => r,
        // mainformatlong: a TypeError from int() is the "wrong type" error
        Err(e) if vm.isinstance(e.0, vm.types.type_error) => {
            let tn = vm.type_name_of(v);
            return Err(vm.type_error(&format!("%{conv} format: a real number is required, not {tn}")));
        }
        Err(e) => return Err(e),
    };
    Ok(vm.as_bigint(r).unwrap_or_default())
}

/// The bytes of a %s/%b argument of bytes formatting.
fn bytes_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if matches!(v.kind(), Some(ObjKind::Bytes) | Some(ObjKind::ByteArray) | Some(ObjKind::MemoryView)) {
        return super::bytes::bytes_from(vm, v);
    }
    let name = vm.intern("__bytes__");
    let ty = vm.type_of(v);
    if let Some(f) = vm.lookup(ty, name) {
        let r = vm.call(f, &[v])?;
        if r.kind() != Some(ObjKind::Bytes) {
            let tn = vm.type_name_of(r);
            return Err(vm.type_error(&format!("__bytes__ returned non-bytes (type {tn})")));
        }
        return super::bytes::bytes_from(vm, r);
    }
    let tn = vm.type_name_of(v);
    Err(vm.type_error(&format!("%b requires a bytes-like object, or an object that implements __bytes__, not '{tn}'")))
}

/// Width, sign and zero padding of one converted piece (unicode_format_arg_output).
fn layout(body: String, numeric: bool, sp: &Spec, width: usize, ljust: bool, zero: bool, conv: char) -> String {
    let fill = if numeric && zero && !ljust { '0' } else { ' ' };
    let mut rest: &str = &body;
    let mut sign = "";
    if numeric {
        if let Some(r) = rest.strip_prefix('-') {
            sign = "-";
            rest = r;
        } else if sp.sign == Some('+') {
            sign = "+";
        } else if sp.sign == Some(' ') {
            sign = " ";
        }
    }
    let mut prefix = "";
    if numeric && sp.alt && matches!(conv, 'x' | 'X' | 'o') && rest.len() >= 2 {
        prefix = &rest[..2];
        rest = &rest[2..];
    }
    let len = sign.len() + prefix.len() + rest.chars().count();
    let pad = width.saturating_sub(len);
    let mut out = String::with_capacity(len + pad);
    if ljust {
        out.push_str(sign);
        out.push_str(prefix);
        out.push_str(rest);
        out.extend(std::iter::repeat(' ').take(pad));
    } else if fill == '0' {
        out.push_str(sign);
        out.push_str(prefix);
        out.extend(std::iter::repeat('0').take(pad));
        out.push_str(rest);
    } else {
        out.extend(std::iter::repeat(' ').take(pad));
        out.push_str(sign);
        out.push_str(prefix);
        out.push_str(rest);
    }
    out
}
