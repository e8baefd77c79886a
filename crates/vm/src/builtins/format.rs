//! format() with the format-spec mini-language, and printf-style `%` formatting.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use crate::heap::{ObjKind, Value};
use crate::interp::{PyResult, Vm};
use crate::objects::*;

use super::num::float_repr;

/// Widths and precisions beyond this are refused with MemoryError (CPython would try to
/// allocate them).
const MAX_FIELD: usize = 1 << 28;

/// A parsed format spec: [[fill]align][sign][z][#][0][width][grouping][.precision][type]
#[derive(Default, Debug)]
pub struct Spec {
    pub fill: Option<char>,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub alt: bool,
    pub zero: bool,
    pub width: Option<usize>,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

pub fn parse_spec(s: &str) -> Result<Spec, String> {
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
        i += 1;
    }
    if i < c.len() && c[i] == '#' {
        sp.alt = true;
        i += 1;
    }
    if i < c.len() && c[i] == '0' {
        sp.zero = true;
        i += 1;
    }
    let st = i;
    while i < c.len() && c[i].is_ascii_digit() {
        i += 1;
    }
    if i > st {
        sp.width = Some(c[st..i].iter().collect::<String>().parse().map_err(|_| "Too many decimal digits in format string".to_string())?);
    }
    if i < c.len() && (c[i] == ',' || c[i] == '_') {
        sp.grouping = Some(c[i]);
        i += 1;
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
        sp.precision = Some(c[st..i].iter().collect::<String>().parse().map_err(|_| "Too many decimal digits in format string".to_string())?);
    }
    if i < c.len() {
        sp.ty = Some(c[i]);
        i += 1;
    }
    if i < c.len() {
        return Err("Invalid format specifier".into());
    }
    Ok(sp)
}

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

/// Sign, prefix and digits laid out with width, fill, `=` alignment and zero padding.
fn finish_number(neg: bool, prefix: &str, body: String, sp: &Spec) -> String {
    let sign = if neg {
        "-"
    } else {
        match sp.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    };
    let zero = sp.zero && sp.align.is_none() && sp.fill.is_none();
    let align = if zero { Some('=') } else { sp.align };
    let fill = if zero { '0' } else { sp.fill.unwrap_or(' ') };
    let lead = format!("{sign}{prefix}");
    let len = lead.chars().count() + body.chars().count();
    let w = sp.width.unwrap_or(0);
    if len >= w {
        return lead + &body;
    }
    let k = w - len;
    let f: String = std::iter::repeat(fill).take(k).collect();
    match align.unwrap_or('>') {
        '=' => {
            if zero && sp.grouping.is_some() {
                // zero padding takes part in grouping
                let sep = sp.grouping.unwrap_or(',');
                let every = if matches!(sp.ty, Some('x' | 'X' | 'o' | 'b')) { 4 } else { 3 };
                let raw: String = body.chars().filter(|&c| c != sep).collect();
                let (intpart, rest) = match raw.find(|c: char| !c.is_ascii_hexdigit()) {
                    Some(p) => (raw[..p].to_string(), raw[p..].to_string()),
                    None => (raw.clone(), String::new()),
                };
                let mut digits = intpart;
                loop {
                    let g = group(&digits, sep, every);
                    if lead.len() + g.len() + rest.len() >= w {
                        return lead + &g + &rest;
                    }
                    digits.insert(0, '0');
                }
            }
            lead + &f + &body
        }
        '<' => lead + &body + &f,
        '^' => {
            let l: String = f.chars().take(k / 2).collect();
            let r: String = f.chars().take(k - k / 2).collect();
            l + &lead + &body + &r
        }
        _ => f + &lead + &body,
    }
}

pub fn format_int(vm: &mut Vm, v: &BigInt, sp: &Spec) -> PyResult<String> {
    let neg = v.is_negative();
    let a = v.abs();
    let ty = sp.ty.unwrap_or('d');
    if sp.precision.is_some() && !matches!(ty, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') {
        return Err(vm.value_error("Precision not allowed in integer format specifier"));
    }
    let (prefix, digits) = match ty {
        'd' | 'n' => ("", a.to_string()),
        'x' => ("0x", a.to_str_radix(16)),
        'X' => ("0X", a.to_str_radix(16).to_uppercase()),
        'o' => ("0o", a.to_str_radix(8)),
        'b' => ("0b", a.to_str_radix(2)),
        'c' => {
            let c = v.to_u32().and_then(char::from_u32).ok_or_else(|| vm.overflow_error("%c arg not in range(0x110000)"))?;
            return Ok(pad(c.to_string(), sp, '<'));
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let f = vm.int_to_f64(v)?;
            return format_float(vm, f, sp);
        }
        other => {
            return Err(vm.value_error(&format!("Unknown format code '{other}' for object of type 'int'")));
        }
    };
    if digits.len() > super::num::MAX_STR_DIGITS && ty == 'd' {
        return Err(vm.value_error("Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"));
    }
    let every = if matches!(ty, 'x' | 'X' | 'o' | 'b') { 4 } else { 3 };
    let body = match sp.grouping {
        Some(',') if every == 4 => return Err(vm.value_error(&format!("Cannot specify ',' with '{ty}'."))),
        Some(g) => group(&digits, g, every),
        None => digits,
    };
    let prefix = if sp.alt { prefix } else { "" };
    Ok(finish_number(neg, prefix, body, sp))
}

pub fn format_float(vm: &mut Vm, f: f64, sp: &Spec) -> PyResult<String> {
    let neg = f.is_sign_negative() && !(f.is_nan());
    let a = f.abs();
    let ty = sp.ty;
    let body = if a.is_infinite() || a.is_nan() {
        let s = if a.is_nan() { "nan" } else { "inf" };
        if matches!(ty, Some('E' | 'F' | 'G')) {
            s.to_uppercase()
        } else {
            s.to_string()
        }
    } else {
        match ty {
            Some('f') | Some('F') => {
                let p = sp.precision.unwrap_or(6);
                // '#' keeps the decimal point even without digits after it
                format!("{:.*}{}", p, a, if sp.alt && p == 0 { "." } else { "" })
            }
            Some('e') | Some('E') => {
                let s = sci(a, sp.precision.unwrap_or(6), sp.alt);
                if ty == Some('E') {
                    s.to_uppercase()
                } else {
                    s
                }
            }
            Some('%') => {
                let p = sp.precision.unwrap_or(6);
                format!("{:.*}{}%", p, a * 100.0, if sp.alt && p == 0 { "." } else { "" })
            }
            Some('g') | Some('G') | Some('n') => {
                let s = general(a, sp.precision.unwrap_or(6), sp.alt);
                if ty == Some('G') {
                    s.to_uppercase()
                } else {
                    s
                }
            }
            None => match sp.precision {
                None => float_repr(a),
                Some(p) => {
                    let s = general(a, p.max(1), sp.alt);
                    if s.contains('.') || s.contains('e') || s.contains("inf") {
                        s
                    } else {
                        s + ".0"
                    }
                }
            },
            Some(other) => return Err(vm.value_error(&format!("Unknown format code '{other}' for object of type 'float'"))),
        }
    };
    let body = match sp.grouping {
        Some(g) => {
            let (int, rest) = match body.find(|c: char| !c.is_ascii_digit()) {
                Some(p) => (&body[..p], &body[p..]),
                None => (&body[..], ""),
            };
            group(int, g, 3) + rest
        }
        None => body,
    };
    Ok(finish_number(neg, "", body, sp))
}

/// %e layout with at least two exponent digits.
fn sci(a: f64, prec: usize, alt: bool) -> String {
    let s = format!("{:.*e}", prec, a);
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = e.parse().unwrap_or(0);
    let m = if alt && prec == 0 { format!("{m}.") } else { m.to_string() };
    format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
}

/// %g: shortest of %e and %f at `prec` significant digits, trailing zeros removed.
fn general(a: f64, prec: usize, alt: bool) -> String {
    let p = if prec == 0 { 1 } else { prec };
    if a == 0.0 {
        return if alt { format!("{:.*}", p - 1, 0.0) } else { "0".into() };
    }
    let s = format!("{:.*e}", p - 1, a);
    let exp: i32 = s.split_once('e').map(|(_, e)| e.parse().unwrap_or(0)).unwrap_or(0);
    let out = if exp < -4 || exp >= p as i32 {
        sci(a, p - 1, alt)
    } else {
        format!("{:.*}", (p as i32 - 1 - exp).max(0) as usize, a)
    };
    if alt {
        return out;
    }
    strip_zeros(&out)
}

fn strip_zeros(s: &str) -> String {
    let (m, e) = match s.find('e') {
        Some(p) => (&s[..p], &s[p..]),
        None => (s, ""),
    };
    let m = if m.contains('.') { m.trim_end_matches('0').trim_end_matches('.') } else { m };
    format!("{m}{e}")
}

pub fn format_str(vm: &mut Vm, s: &str, sp: &Spec) -> PyResult<String> {
    let ty = sp.ty.unwrap_or('s');
    if let Some(g) = sp.grouping {
        let ok = matches!(ty, 'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') || (g == '_' && matches!(ty, 'b' | 'o' | 'x' | 'X'));
        if !ok {
            return Err(vm.value_error(&format!("Cannot specify '{g}' with '{ty}'.")));
        }
    }
    if let Some(t) = sp.ty {
        if t != 's' {
            return Err(vm.value_error(&format!("Unknown format code '{t}' for object of type 'str'")));
        }
    }
    if sp.sign.is_some() {
        return Err(vm.value_error("Sign not allowed in string format specifier"));
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
    Ok(pad(s, sp, '<'))
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
        let kind = if v.is_small() { Some(ObjKind::BigInt) } else { v.kind() };
        match kind {
            Some(ObjKind::BigInt) | Some(ObjKind::Bool) | Some(ObjKind::Float) | Some(ObjKind::Str) | Some(ObjKind::Complex) => {}
            _ => {
                if spec_s.is_empty() {
                    return Ok(Some(self.str(v)?));
                }
                return Ok(None);
            }
        }
        let sp = parse_spec(&spec_s).map_err(|m| self.value_error(&m))?;
        if sp.width.unwrap_or(0) > MAX_FIELD || sp.precision.unwrap_or(0) > MAX_FIELD {
            return Err(self.memory_error());
        }
        match kind {
            Some(ObjKind::Bool) if spec_s.is_empty() => Ok(Some(self.str(v)?)),
            Some(ObjKind::BigInt) | Some(ObjKind::Bool) => {
                let b = self.as_bigint(v).unwrap_or_default();
                if sp.ty == Some('s') {
                    return Err(self.value_error("Unknown format code 's' for object of type 'int'"));
                }
                format_int(self, &b, &sp).map(Some)
            }
            Some(ObjKind::Float) => {
                let f = v.get::<FloatObj>().map(|f| f.0).unwrap_or(0.0);
                if matches!(sp.ty, Some('d' | 'x' | 'X' | 'o' | 'b' | 'c' | 's')) {
                    let t = sp.ty.unwrap_or('d');
                    return Err(self.value_error(&format!("Unknown format code '{t}' for object of type 'float'")));
                }
                format_float(self, f, &sp).map(Some)
            }
            Some(ObjKind::Str) => {
                let s = self.str_of(v);
                format_str(self, &s, &sp).map(Some)
            }
            Some(ObjKind::Complex) => {
                let c = v.get::<ComplexObj>().map(|c| (c.re, c.im)).unwrap_or((0.0, 0.0));
                if spec_s.is_empty() {
                    return Ok(Some(super::repr::complex_repr(c.0, c.1)));
                }
                let inner = Spec { width: None, fill: None, align: None, ..parse_spec(&spec_s).unwrap_or_default() };
                let re = format_float(self, c.0, &inner)?;
                let im_spec = Spec { sign: Some('+'), ..inner };
                let im = format_float(self, c.1, &im_spec)?;
                let s = if sp.ty.is_none() { format!("({re}{im}j)") } else { format!("{re}{im}j") };
                Ok(Some(pad(s, &sp, '>')))
            }
            _ => Ok(None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spec_parsing() {
        let s = parse_spec("*^+#012,.3f").unwrap();
        assert_eq!(s.fill, Some('*'));
        assert_eq!(s.align, Some('^'));
        assert_eq!(s.sign, Some('+'));
        assert!(s.alt && s.zero);
        assert_eq!(s.width, Some(12));
        assert_eq!(s.grouping, Some(','));
        assert_eq!(s.precision, Some(3));
        assert_eq!(s.ty, Some('f'));
    }

    #[test]
    fn general_format() {
        assert_eq!(general(1234567.0, 6, false), "1.23457e+06");
        assert_eq!(general(0.0001, 6, false), "0.0001");
        assert_eq!(general(0.00001, 6, false), "1e-05");
        assert_eq!(general(100.0, 6, false), "100");

    }
}
