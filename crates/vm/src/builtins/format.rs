//! format() with the format-spec mini-language, and printf-style `%` formatting.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use crate::heap::{ObjKind, Value};
use crate::interp::{PyResult, Vm};
use crate::objects::*;

use super::dtoa::{double_to_string, DtoaFlags};
use crate::interp::PyErr;

/// Widths and precisions beyond this are refused with MemoryError (CPython would try to
/// allocate them).
const MAX_FIELD: usize = 1 << 28;

/// A parsed format spec: [[fill]align][sign][z][#][0][width][grouping][.precision][type]
#[derive(Default, Debug, Clone)]
pub struct Spec {
    /// The fill character, when one was given before an alignment.
    pub fill: Option<char>,
    pub align: Option<char>,
    pub sign: Option<char>,
    /// `z`: coerce negative zero to zero (floats).
    pub no_neg_0: bool,
    pub alt: bool,
    /// A `0` before the width (with no explicit fill): zero padding.
    pub zero: bool,
    pub width: Option<usize>,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

impl Spec {
    fn fill_char(&self) -> char {
        self.fill.unwrap_or(if self.zero { '0' } else { ' ' })
    }

    /// The alignment in effect; a `0` flag makes numbers (default `>`) align with `=`.
    fn align_or(&self, default: char) -> char {
        self.align.unwrap_or(if self.zero && default == '>' { '=' } else { default })
    }
}

fn parse_count(c: &[char]) -> Result<usize, String> {
    // CPython reads the number into a Py_ssize_t (the callers pass ASCII digits only)
    let mut n: usize = 0;
    for &ch in c {
        let d = ch.to_digit(10).ok_or_else(|| "Too many decimal digits in format string".to_string())? as usize;
        n = n.checked_mul(10).and_then(|n| n.checked_add(d)).filter(|&n| n <= isize::MAX as usize).ok_or_else(|| "Too many decimal digits in format string".to_string())?;
    }
    Ok(n)
}

/// Parses a format spec for an object of type `type_name` whose default presentation type is
/// `default_ty` (CPython's `parse_internal_render_format_spec`).
pub fn parse_spec(s: &str, type_name: &str, default_ty: Option<char>) -> Result<Spec, String> {
    let c: Vec<char> = s.chars().collect();
    let mut i = 0;
    let mut sp = Spec::default();
    let is_align = |ch: char| matches!(ch, '<' | '>' | '^' | '=');
    if c.len() >= 2 && is_align(c[1]) {
        sp.fill = Some(c[0]);
        sp.align = Some(c[1]);
        i = 2;
    } else if !c.is_empty() && is_align(c[0]) {
        sp.align = Some(c[0]);
        i = 1;
    }
    if i < c.len() && matches!(c[i], '+' | '-' | ' ') {
        sp.sign = Some(c[i]);
        i += 1;
    }
    if i < c.len() && c[i] == 'z' {
        sp.no_neg_0 = true;
        i += 1;
    }
    if i < c.len() && c[i] == '#' {
        sp.alt = true;
        i += 1;
    }
    if sp.fill.is_none() && i < c.len() && c[i] == '0' {
        sp.zero = true;
        i += 1;
    }
    let st = i;
    while i < c.len() && c[i].is_ascii_digit() {
        i += 1;
    }
    if i > st {
        sp.width = Some(parse_count(&c[st..i])?);
    }
    if i < c.len() && c[i] == ',' {
        sp.grouping = Some(',');
        i += 1;
    }
    if i < c.len() && c[i] == '_' {
        if sp.grouping.is_some() {
            return Err("Cannot specify both ',' and '_'.".into());
        }
        sp.grouping = Some('_');
        i += 1;
    }
    if i < c.len() && c[i] == ',' && sp.grouping == Some('_') {
        return Err("Cannot specify both ',' and '_'.".into());
    }
    if i < c.len() && c[i] == '.' {
        i += 1;
        let st = i;
        while i < c.len() && c[i].is_ascii_digit() {
            i += 1;
        }
        if i == st {
            return Err("Format specifier missing precision".into());
        }
        sp.precision = Some(parse_count(&c[st..i])?);
        if matches!(type_name, "float" | "complex") && sp.precision.unwrap_or(0) > i32::MAX as usize {
            return Err("precision too big".into());
        }
    }
    if c.len() - i > 1 {
        return Err(format!("Invalid format specifier '{s}' for object of type '{type_name}'"));
    }
    sp.ty = if i < c.len() { Some(c[i]) } else { default_ty };
    if let Some(g) = sp.grouping {
        match sp.ty {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => {}
            Some('b' | 'o' | 'x' | 'X') if g == '_' => {}
            Some(t) => {
                return Err(if (t as u32) > 32 && (t as u32) < 128 {
                    format!("Cannot specify '{g}' with '{t}'.")
                } else {
                    format!("Cannot specify '{g}' with '\\x{:x}'.", t as u32)
                })
            }
        }
    }
    Ok(sp)
}

fn unknown_code(vm: &mut Vm, t: char, type_name: &str) -> PyErr {
    if (t as u32) > 32 && (t as u32) < 128 {
        vm.value_error(&format!("Unknown format code '{t}' for object of type '{type_name}'"))
    } else {
        vm.value_error(&format!("Unknown format code '\\x{:x}' for object of type '{type_name}'", t as u32))
    }
}

/// Pads `s` to the spec's width (used by %-formatting of strings).
fn pad(s: String, sp: &Spec, default_align: char) -> String {
    let Some(w) = sp.width else { return s };
    let n = s.chars().count();
    if n >= w {
        return s;
    }
    let fill = sp.fill.unwrap_or(' ');
    let total = w - n;
    let f = |k: usize| std::iter::repeat(fill).take(k).collect::<String>();
    match sp.align.unwrap_or(default_align) {
        '<' => s + &f(total),
        '^' => f(total / 2) + &s + &f(total - total / 2),
        _ => f(total) + &s,
    }
}

/// `s` padded to `width` with `fill`, aligned by `align` (CPython's calc_padding).
fn pad_to(s: &str, width: Option<usize>, align: char, fill: char) -> String {
    let n = s.chars().count();
    let total = width.unwrap_or(0).max(n);
    let left = match align {
        '>' => total - n,
        '^' => (total - n) / 2,
        _ => 0,
    };
    let mut out = String::with_capacity(total);
    out.extend(std::iter::repeat(fill).take(left));
    out.push_str(s);
    out.extend(std::iter::repeat(fill).take(total - n - left));
    out
}

fn group(digits: &str, sep: char, every: usize) -> String {
    let mut out = String::new();
    let n = digits.len();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (n - i) % every == 0 {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

/// Digits with separators every `every` digits, left-padded with zeros (which take part in the
/// grouping) to at least `min_width` characters.
fn group_digits(digits: &str, sep: Option<char>, every: usize, min_width: usize) -> std::borrow::Cow<'_, str> {
    let glen = |n: usize| if sep.is_some() && n > 0 { n + (n - 1) / every } else { n };
    let mut n = digits.len();
    if glen(n) < min_width {
        n = n.max(min_width.saturating_mul(every) / (every + 1));
        while glen(n) < min_width {
            n += 1;
        }
    }
    if n == digits.len() && sep.is_none() {
        return std::borrow::Cow::Borrowed(digits);
    }
    let padded = if n > digits.len() { "0".repeat(n - digits.len()) + digits } else { digits.to_string() };
    std::borrow::Cow::Owned(match sep {
        Some(sep) => group(&padded, sep, every),
        None => padded,
    })
}

/// One number laid out in its field: `[pad][sign][prefix][pad][digits][.][remainder][pad]`
/// (CPython's calc_number_widths and fill_number).
struct NumParts<'a> {
    negative: bool,
    prefix: &'a str,
    digits: &'a str,
    decimal: bool,
    remainder: &'a str,
    every: usize,
}

fn layout_number(p: &NumParts, sp: &Spec) -> String {
    let sign = if p.negative {
        "-"
    } else {
        match sp.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    };
    let fill = sp.fill_char();
    let align = sp.align_or('>');
    let width = sp.width.unwrap_or(0);
    let fixed = sign.len() + p.prefix.len() + p.decimal as usize + p.remainder.chars().count();
    let min_width = if fill == '0' && align == '=' { width.saturating_sub(fixed) } else { 0 };
    let grouped = if p.digits.is_empty() { std::borrow::Cow::Borrowed("") } else { group_digits(p.digits, sp.grouping, p.every, min_width) };
    let len = fixed + grouped.len();
    let padding = width.saturating_sub(len);
    let (l, s, r) = match align {
        '<' => (0, 0, padding),
        '^' => (padding / 2, 0, padding - padding / 2),
        '=' => (0, padding, 0),
        _ => (padding, 0, 0),
    };
    let mut out = String::with_capacity(len + padding);
    out.extend(std::iter::repeat(fill).take(l));
    out.push_str(sign);
    out.push_str(p.prefix);
    out.extend(std::iter::repeat(fill).take(s));
    out.push_str(&grouped);
    if p.decimal {
        out.push('.');
    }
    out.push_str(p.remainder);
    out.extend(std::iter::repeat(fill).take(r));
    out
}

/// Splits a formatted float (no sign) into its leading digits, whether a decimal point
/// follows them, and the rest (CPython's parse_number).
fn split_number(s: &str) -> (&str, bool, &str) {
    let d = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let decimal = s[d..].starts_with('.');
    (&s[..d], decimal, &s[d + decimal as usize..])
}

/// format(int, spec) once the spec is parsed (`type_name` for error messages).
pub fn format_int(vm: &mut Vm, v: &BigInt, sp: &Spec) -> PyResult<String> {
    format_int_typed(vm, v, sp, "int")
}

fn format_int_typed(vm: &mut Vm, v: &BigInt, sp: &Spec, type_name: &str) -> PyResult<String> {
    let ty = sp.ty.unwrap_or('d');
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let f = vm.int_to_f64(v)?;
            return format_float(vm, f, sp);
        }
        other => return Err(unknown_code(vm, other, type_name)),
    }
    if sp.precision.is_some() {
        return Err(vm.value_error("Precision not allowed in integer format specifier"));
    }
    if sp.no_neg_0 {
        return Err(vm.value_error("Negative zero coercion (z) not allowed in integer format specifier"));
    }
    let neg = v.is_negative();
    let a = v.abs();
    if ty == 'c' {
        if sp.sign.is_some() {
            return Err(vm.value_error("Sign not allowed with integer format specifier 'c'"));
        }
        if sp.alt {
            return Err(vm.value_error("Alternate form (#) not allowed with integer format specifier 'c'"));
        }
        if v.bits() > 63 {
            return Err(vm.overflow_error("Python int too large to convert to C long"));
        }
        let c = v.to_u32().filter(|&c| c < 0x110000).ok_or_else(|| vm.overflow_error("%c arg not in range(0x110000)"))?;
        let ch = char::from_u32(c).unwrap_or('\u{fffd}').to_string();
        let parts = NumParts { negative: false, prefix: "", digits: "", decimal: false, remainder: &ch, every: 3 };
        return Ok(layout_number(&parts, sp));
    }
    let (prefix, digits) = match ty {
        'x' => ("0x", a.to_str_radix(16)),
        'X' => ("0X", a.to_str_radix(16).to_uppercase()),
        'o' => ("0o", a.to_str_radix(8)),
        'b' => ("0b", a.to_str_radix(2)),
        _ => ("", vm.bigint_to_decimal(&a)?),
    };
    let every = if matches!(ty, 'x' | 'X' | 'o' | 'b') { 4 } else { 3 };
    let prefix = if sp.alt { prefix } else { "" };
    let parts = NumParts { negative: neg, prefix, digits: &digits, decimal: false, remainder: "", every };
    Ok(layout_number(&parts, sp))
}

/// The presentation type and flags CPython derives from a float spec; `None` for a type code
/// floats do not have.
fn float_conversion(sp: &Spec) -> (char, usize, DtoaFlags) {
    let mut flags = DtoaFlags { alt: sp.alt, no_neg_0: sp.no_neg_0, ..DtoaFlags::default() };
    let (mut code, default_precision) = match sp.ty {
        None => {
            flags.add_dot_0 = true;
            ('r', 0)
        }
        Some('n') => ('g', 6),
        Some('%') => ('f', 6),
        Some(t) => (t, 6),
    };
    let precision = match sp.precision {
        None => default_precision,
        Some(p) => {
            if code == 'r' {
                code = 'g';
            }
            p
        }
    };
    (code, precision, flags)
}

pub fn format_float(vm: &mut Vm, f: f64, sp: &Spec) -> PyResult<String> {
    if let Some(t) = sp.ty {
        if !matches!(t, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') {
            return Err(unknown_code(vm, t, "float"));
        }
    }
    let (code, precision, flags) = float_conversion(sp);
    let val = if sp.ty == Some('%') { f * 100.0 } else { f };
    let mut s = double_to_string(val, code, precision, flags);
    if sp.ty == Some('%') {
        s.push('%');
    }
    let (negative, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, &s[..]),
    };
    let (digits, decimal, remainder) = split_number(body);
    let parts = NumParts { negative, prefix: "", digits, decimal, remainder, every: 3 };
    Ok(layout_number(&parts, sp))
}

/// format(complex, spec) for a non-empty spec (CPython's format_complex_internal).
fn format_complex(vm: &mut Vm, re: f64, im: f64, sp: &Spec) -> PyResult<String> {
    if let Some(t) = sp.ty {
        if !matches!(t, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') {
            return Err(unknown_code(vm, t, "complex"));
        }
    }
    if sp.fill_char() == '0' {
        return Err(vm.value_error("Zero padding is not allowed in complex format specifier"));
    }
    if sp.align == Some('=') {
        return Err(vm.value_error("'=' alignment flag is not allowed in complex format specifier"));
    }
    let (mut code, precision, mut flags) = float_conversion(sp);
    let mut skip_re = false;
    let mut parens = false;
    if sp.ty.is_none() {
        flags.add_dot_0 = false;
        if re == 0.0 && re.is_sign_positive() {
            skip_re = true;
        } else {
            parens = true;
        }
    }
    if code == 'n' {
        code = 'g';
    }
    let inner = Spec { fill: None, align: Some('<'), zero: false, width: None, ..sp.clone() };
    let piece = |x: f64, sign: Option<char>| {
        let s = double_to_string(x, code, precision, flags);
        let (negative, body) = match s.strip_prefix('-') {
            Some(rest) => (true, rest.to_string()),
            None => (false, s.clone()),
        };
        let (digits, decimal, remainder) = split_number(&body);
        let parts = NumParts { negative, prefix: "", digits, decimal, remainder, every: 3 };
        layout_number(&parts, &Spec { sign, ..inner.clone() })
    };
    let mut out = String::new();
    if parens {
        out.push('(');
    }
    if !skip_re {
        out.push_str(&piece(re, sp.sign));
    }
    out.push_str(&piece(im, if skip_re { sp.sign } else { Some('+') }));
    out.push('j');
    if parens {
        out.push(')');
    }
    Ok(pad_to(&out, sp.width, sp.align.unwrap_or('>'), sp.fill.unwrap_or(' ')))
}

pub fn format_str(vm: &mut Vm, s: &str, sp: &Spec) -> PyResult<String> {
    if let Some(t) = sp.ty {
        if t != 's' {
            return Err(unknown_code(vm, t, "str"));
        }
    }
    match sp.sign {
        Some(' ') => return Err(vm.value_error("Space not allowed in string format specifier")),
        Some(_) => return Err(vm.value_error("Sign not allowed in string format specifier")),
        None => {}
    }
    if sp.no_neg_0 {
        return Err(vm.value_error("Negative zero coercion (z) not allowed in string format specifier"));
    }
    if sp.alt {
        return Err(vm.value_error("Alternate form (#) not allowed in string format specifier"));
    }
    if sp.align == Some('=') {
        return Err(vm.value_error("'=' alignment not allowed in string format specifier"));
    }
    let s: String = match sp.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_string(),
    };
    Ok(pad_to(&s, sp.width, sp.align_or('<'), sp.fill_char()))
}

/// str.__format__(s, spec).
pub fn format_str_spec(vm: &mut Vm, s: &str, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(s.to_string());
    }
    let sp = parse_spec(spec, "str", Some('s')).map_err(|m| vm.value_error(&m))?;
    check_field_sizes(vm, &sp)?;
    format_str(vm, s, &sp)
}

fn check_field_sizes(vm: &mut Vm, sp: &Spec) -> PyResult<()> {
    if sp.width.unwrap_or(0) > MAX_FIELD || sp.precision.unwrap_or(0) > MAX_FIELD {
        return Err(vm.memory_error());
    }
    Ok(())
}

impl Vm {
    /// format(v, spec).
    pub fn format(&mut self, v: Value, spec: Value) -> PyResult<Value> {
        let ty = self.type_of(v);
        if !self.is_heap_type(v) {
            if let Some(s) = self.native_format(v, spec)? {
                return Ok(self.new_string(s));
            }
        }
        let n = self.intern("__format__");
        match self.lookup(ty, n) {
            Some(f) => {
                let r = self.call(f, &[v, spec])?;
                if r.kind() != Some(ObjKind::Str) {
                    let tn = self.type_name_of(r);
                    return Err(self.type_error(&format!("__format__ must return a str, not {tn}")));
                }
                Ok(r)
            }
            None => {
                let s = self.str_of(spec);
                if !s.is_empty() {
                    let tn = self.type_name(ty);
                    return Err(self.type_error(&format!("unsupported format string passed to {tn}.__format__")));
                }
                self.str_value(v)
            }
        }
    }

    pub fn native_format(&mut self, v: Value, spec: Value) -> PyResult<Option<String>> {
        let spec_s = self.str_of(spec);
        self.native_format_str(v, &spec_s)
    }

    /// format(v, spec) with the spec as text, for a value of a builtin class: None when
    /// the class has no native formatting (then its `__format__` decides).
    pub fn native_format_str(&mut self, v: Value, spec_s: &str) -> PyResult<Option<String>> {
        let kind = if v.is_small() { Some(ObjKind::BigInt) } else { v.kind() };
        let (type_name, default_ty) = match kind {
            Some(ObjKind::BigInt) => ("int", Some('d')),
            Some(ObjKind::Bool) => ("bool", Some('d')),
            Some(ObjKind::Float) => ("float", None),
            Some(ObjKind::Complex) => ("complex", None),
            Some(ObjKind::Str) => ("str", Some('s')),
            _ => {
                if spec_s.is_empty() {
                    return Ok(Some(self.str(v)?));
                }
                return Ok(None);
            }
        };
        if spec_s.is_empty() {
            return Ok(Some(self.str(v)?));
        }
        let sp = parse_spec(spec_s, type_name, default_ty).map_err(|m| self.value_error(&m))?;
        check_field_sizes(self, &sp)?;
        match kind {
            Some(ObjKind::BigInt) | Some(ObjKind::Bool) => {
                let b = self.as_bigint(v).unwrap_or_default();
                format_int_typed(self, &b, &sp, type_name).map(Some)
            }
            Some(ObjKind::Float) => {
                let f = v.get::<FloatObj>().map(|f| f.0).unwrap_or(0.0);
                format_float(self, f, &sp).map(Some)
            }
            Some(ObjKind::Str) => {
                let s = self.str_of(v);
                format_str(self, &s, &sp).map(Some)
            }
            Some(ObjKind::Complex) => {
                let (re, im) = v.get::<ComplexObj>().map(|c| (c.re, c.im)).unwrap_or((0.0, 0.0));
                format_complex(self, re, im, &sp).map(Some)
            }
            _ => Ok(None),
        }
    }
}

/// str % args.
pub fn percent_format(vm: &mut Vm, fmt: Value, args: Value) -> PyResult<Value> {
    let f = vm.str_of(fmt);
    let s = percent_core(vm, &f, args, false)?;
    Ok(vm.new_string(s))
}

pub fn bytes_percent_format(vm: &mut Vm, fmt: Value, args: Value) -> PyResult<Value> {
    let f: String = fmt.get::<BytesObj>().map(|b| b.data.iter().map(|&c| c as char).collect()).unwrap_or_default();
    let s = percent_core(vm, &f, args, true)?;
    Ok(vm.new_bytes(s.chars().map(|c| c as u32 as u8).collect()))
}

fn percent_core(vm: &mut Vm, f: &str, args: Value, bytes: bool) -> PyResult<String> {
    let is_map = args.kind() == Some(ObjKind::Dict) || (vm.is_heap_type(args) && args.kind() != Some(ObjKind::Tuple) && {
        let gi = vm.intern("__getitem__");
        let ty = vm.type_of(args);
        vm.lookup(ty, gi).is_some() && args.kind() != Some(ObjKind::Str)
    });
    let items: Vec<Value> = match args.get::<TupleObj>() {
        Some(t) => t.items.to_vec(),
        None => vec![args],
    };
    let mut idx = 0;
    let mut out = String::new();
    let chars: Vec<char> = f.chars().collect();
    let mut i = 0;
    let mut used_map = false;
    while i < chars.len() {
        let c = chars[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        i += 1;
        if i >= chars.len() {
            return Err(vm.value_error("incomplete format"));
        }
        let mut key_val: Option<Value> = None;
        if chars[i] == '(' {
            let mut depth = 1;
            let st = i + 1;
            i += 1;
            while i < chars.len() && depth > 0 {
                if chars[i] == '(' {
                    depth += 1;
                } else if chars[i] == ')' {
                    depth -= 1;
                }
                i += 1;
            }
            if depth > 0 {
                return Err(vm.value_error("incomplete format key"));
            }
            let key: String = chars[st..i - 1].iter().collect();
            if !is_map {
                return Err(vm.type_error("format requires a mapping"));
            }
            let k = if bytes { vm.new_bytes(key.chars().map(|c| c as u32 as u8).collect()) } else { vm.new_string(key) };
            key_val = Some(vm.getitem(args, k)?);
            used_map = true;
        }
        let mut sp = Spec::default();
        while i < chars.len() && matches!(chars[i], '-' | '+' | ' ' | '#' | '0') {
            match chars[i] {
                '-' => sp.align = Some('<'),
                '+' => sp.sign = Some('+'),
                ' ' => {
                    if sp.sign.is_none() {
                        sp.sign = Some(' ')
                    }
                }
                '#' => sp.alt = true,
                _ => sp.zero = true,
            }
            i += 1;
        }
        let mut next_arg = |vm: &mut Vm, idx: &mut usize| -> PyResult<Value> {
            if let Some(v) = key_val.take() {
                return Ok(v);
            }
            if is_map && items.len() == 1 && args.kind() != Some(ObjKind::Tuple) {
                if *idx == 0 {
                    *idx += 1;
                    return Ok(args);
                }
            }
            match items.get(*idx) {
                Some(&v) => {
                    *idx += 1;
                    Ok(v)
                }
                None => Err(vm.type_error("not enough arguments for format string")),
            }
        };
        if i < chars.len() && chars[i] == '*' {
            let w = next_arg(vm, &mut idx)?;
            let w = vm.as_i64(w).ok_or_else(|| vm.type_error("* wants int"))?;
            if w < 0 {
                sp.align = Some('<');
            }
            sp.width = Some(w.unsigned_abs() as usize);
            i += 1;
        } else {
            let st = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            if i > st {
                sp.width = chars[st..i].iter().collect::<String>().parse().ok();
            }
        }
        if i < chars.len() && chars[i] == '.' {
            i += 1;
            if i < chars.len() && chars[i] == '*' {
                let p = next_arg(vm, &mut idx)?;
                sp.precision = vm.as_i64(p).map(|p| p.max(0) as usize);
                i += 1;
            } else {
                let st = i;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
                sp.precision = Some(chars[st..i].iter().collect::<String>().parse().unwrap_or(0));
            }
        }
        while i < chars.len() && matches!(chars[i], 'h' | 'l' | 'L') {
            i += 1;
        }
        if i >= chars.len() {
            return Err(vm.value_error("incomplete format"));
        }
        if sp.width.unwrap_or(0) > MAX_FIELD || sp.precision.unwrap_or(0) > MAX_FIELD {
            return Err(vm.memory_error());
        }
        let conv = chars[i];
        i += 1;
        if conv == '%' {
            out.push('%');
            continue;
        }
        let v = next_arg(vm, &mut idx)?;
        if sp.zero && sp.align.is_none() {
            sp.fill = None;
        }
        let piece = match conv {
            's' | 'r' | 'a' => {
                let s = if conv == 's' {
                    if bytes {
                        match super::bytes::bytes_from(vm, v) {
                            Ok(b) => b.iter().map(|&c| c as char).collect(),
                            Err(_) => vm.str(v)?,
                        }
                    } else {
                        vm.str(v)?
                    }
                } else if conv == 'a' {
                    let r = vm.repr(v)?;
                    super::strfmt::ascii_escape(&r)
                } else {
                    vm.repr(v)?
                };
                let s: String = match sp.precision {
                    Some(p) => s.chars().take(p).collect(),
                    None => s,
                };
                pad(s, &Spec { align: Some(sp.align.unwrap_or('>')), ..sp }, '>')
            }
            'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                let n = if vm.is_int(v) {
                    vm.as_bigint(v).unwrap_or_default()
                } else if let Some(f) = v.get::<FloatObj>() {
                    if matches!(conv, 'x' | 'X' | 'o') {
                        let tn = vm.type_name_of(v);
                        return Err(vm.type_error(&format!("%{conv} format: an integer is required, not {tn}")));
                    }
                    num_bigint::BigInt::from(f.0.trunc() as i128)
                } else {
                    let tn = vm.type_name_of(v);
                    let what = if matches!(conv, 'x' | 'X' | 'o') { "an integer" } else { "a real number" };
                    return Err(vm.type_error(&format!("%{conv} format: {what} is required, not {tn}")));
                };
                let ty = match conv {
                    'x' => 'x',
                    'X' => 'X',
                    'o' => 'o',
                    _ => 'd',
                };
                let mut s = format_int(vm, &n, &Spec { ty: Some(ty), alt: sp.alt, sign: sp.sign, ..Spec::default() })?;
                if let Some(p) = sp.precision {
                    let neg = s.starts_with('-');
                    let digits: String = s.trim_start_matches(['-', '+', ' ']).to_string();
                    if digits.len() < p {
                        let sign = &s[..s.len() - digits.len()];
                        s = format!("{sign}{}{digits}", "0".repeat(p - digits.len()));
                    }
                    let _ = neg;
                }
                zero_or_pad(s, &sp)
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let f = match vm.as_num(v) {
                    Some(super::num::Num::Float(f)) => f,
                    Some(super::num::Num::Small(i)) => i as f64,
                    Some(super::num::Num::Int(b)) => vm.int_to_f64(&b)?,
                    _ => {
                        let tn = vm.type_name_of(v);
                        return Err(vm.type_error(&format!("must be real number, not {tn}")));
                    }
                };
                let flags = DtoaFlags { alt: sp.alt, ..DtoaFlags::default() };
                let mut s = double_to_string(f, conv, sp.precision.unwrap_or(6), flags);
                if !s.starts_with('-') {
                    match sp.sign {
                        Some('+') => s.insert(0, '+'),
                        Some(' ') => s.insert(0, ' '),
                        _ => {}
                    }
                }
                zero_or_pad(s, &sp)
            }
            'c' => {
                let s = if let Some(i) = vm.as_i64(v) {
                    char::from_u32(i as u32).map(|c| c.to_string()).ok_or_else(|| vm.overflow_error("%c arg not in range(0x110000)"))?
                } else {
                    let s = vm.str_of(v);
                    if s.chars().count() != 1 {
                        return Err(vm.type_error("%c requires int or char"));
                    }
                    s
                };
                pad(s, &Spec { align: Some(sp.align.unwrap_or('>')), ..sp }, '>')
            }
            other => {
                return Err(vm.value_error(&format!(
                    "unsupported format character '{other}' (0x{:x}) at index {}",
                    other as u32,
                    i - 1
                )))
            }
        };
        out.push_str(&piece);
    }
    if !used_map && idx < items.len() && !is_map {
        return Err(vm.type_error(if bytes { "not all arguments converted during bytes formatting" } else { "not all arguments converted during string formatting" }));
    }
    Ok(out)
}

fn zero_or_pad(s: String, sp: &Spec) -> String {
    let Some(w) = sp.width else { return s };
    if s.len() >= w {
        return s;
    }
    if sp.align == Some('<') {
        return format!("{s:<w$}");
    }
    if sp.zero {
        let (sign, rest) = if s.starts_with(['-', '+', ' ']) { (&s[..1], &s[1..]) } else { ("", &s[..]) };
        let (pre, digits) = if rest.starts_with("0x") || rest.starts_with("0X") || rest.starts_with("0o") { (&rest[..2], &rest[2..]) } else { ("", rest) };
        let k = w - s.len();
        return format!("{sign}{pre}{}{digits}", "0".repeat(k));
    }
    format!("{s:>w$}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spec_parsing() {
        let s = parse_spec("*^+#012,.3f", "float", None).unwrap();
        assert_eq!(s.fill, Some('*'));
        assert_eq!(s.align, Some('^'));
        assert_eq!(s.sign, Some('+'));
        assert!(s.alt && !s.zero);
        assert_eq!(s.width, Some(12));
        assert_eq!(s.grouping, Some(','));
        assert_eq!(s.precision, Some(3));
        assert_eq!(s.ty, Some('f'));
        assert!(parse_spec("012", "int", Some('d')).unwrap().zero);
        assert_eq!(parse_spec(",x", "int", Some('d')).unwrap_err(), "Cannot specify ',' with 'x'.");
    }

    #[test]
    fn grouping_with_zero_padding() {
        assert_eq!(group_digits("1234", Some(','), 3, 8), "0,001,234");
        assert_eq!(group_digits("1234", Some(','), 3, 10), "00,001,234");
        assert_eq!(group_digits("12", None, 3, 5), "00012");
    }
}
