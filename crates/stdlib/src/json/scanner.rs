//! The JSON scanner (`_json.make_scanner`, `_json.scanstring`): CPython's C scanner
//! rules and messages, over the text as bytes (ASCII) or code points.

use pyjit_vm::fxhash::FxHashMap as HashMap;

use pyjit_vm::objects::StrObj;

use super::decode_error;
use crate::native_state;
use crate::util::*;

/// A parse failure: a JSONDecodeError (message, position) or "no value here"
/// (StopIteration(position), which the decoder reports as "Expecting value").
pub enum Fail {
    Py(PyErr),
    Msg(&'static str, usize),
    Stop(usize),
}

impl From<PyErr> for Fail {
    fn from(e: PyErr) -> Fail {
        Fail::Py(e)
    }
}

/// Turns a failure into the Python exception.
pub fn raise(vm: &mut Vm, f: Fail, doc: Value) -> PyErr {
    match f {
        Fail::Py(e) => e,
        Fail::Msg(m, pos) => decode_error(vm, m, doc, pos),
        Fail::Stop(pos) => {
            let p = vm.new_int(pos as i64);
            vm.stop_iteration(p)
        }
    }
}

/// The scanner's settings, read from the decoder when made.
pub struct Scanner {
    pub strict: bool,
    pub object_hook: Value,
    pub object_pairs_hook: Value,
    pub parse_float: Value,
    pub parse_int: Value,
    pub parse_constant: Value,
}
native_state!(Scanner, |s, t| {
    t.visit_all(&[s.object_hook, s.object_pairs_hook, s.parse_float, s.parse_int, s.parse_constant]);
});

/// One scan: the settings, the text, and the memo of object keys.
pub struct Scan<'a, T> {
    pub cfg: &'a Scanner,
    pub s: &'a [T],
    /// Object keys already made (keys without escapes, by their text).
    pub memo: HashMap<&'a [T], Value>,
    pub none: Value,
}

/// A unit of the scanned text: a byte of ASCII text or a code point.
pub trait Unit: Copy + Into<u32> + Eq + std::hash::Hash {
    /// The units as a str, when they are ASCII bytes.
    fn ascii(s: &[Self]) -> Option<&str>;
}

impl Unit for u8 {
    fn ascii(s: &[u8]) -> Option<&str> {
        std::str::from_utf8(s).ok()
    }
}

impl Unit for u32 {
    fn ascii(_s: &[u32]) -> Option<&str> {
        None
    }
}

#[inline]
fn is_ws(c: u32) -> bool {
    c == b' ' as u32 || c == b'\t' as u32 || c == b'\n' as u32 || c == b'\r' as u32
}

/// The text of a str as a scan can read it: bytes when ASCII, else code points.
pub enum Text {
    /// The str's own text (the str is an argument of the call, so it stays alive).
    Ascii(pyjit_vm::heap::Gc<StrObj>),
    Wide(Vec<u32>),
}

pub fn text_of(v: Value) -> Option<Text> {
    let s = v.get::<StrObj>()?;
    Some(if s.is_ascii() { Text::Ascii(s) } else { Text::Wide(s.code_points()) })
}

/// A str from code points (or ASCII bytes).
fn make_str<T: Unit>(vm: &mut Vm, chars: &[T]) -> Value {
    if let Some(a) = T::ascii(chars) {
        return vm.new_str(a);
    }
    let cps: Vec<u32> = chars.iter().map(|&c| c.into()).collect();
    if cps.iter().any(|&c| (0xd800..0xe000).contains(&c)) {
        return vm.new_str_cps(&cps);
    }
    let s: String = cps.iter().filter_map(|&c| char::from_u32(c)).collect();
    vm.new_string(s)
}

fn hex4<T: Unit>(s: &[T], at: usize) -> Option<u32> {
    let mut v = 0u32;
    for k in 0..4 {
        let d = char::from_u32(s[at + k].into())?.to_digit(16)?;
        v = (v << 4) | d;
    }
    Some(v)
}

/// scanstring: the string whose contents start at `end` (after the quote); (value, end).
pub fn scanstring<T: Unit>(vm: &mut Vm, s: &[T], end: usize, strict: bool) -> Result<(Value, usize), Fail> {
    let len = s.len();
    let begin = end.wrapping_sub(1);
    let mut end = end;
    let mut out: Vec<u32> = Vec::new();
    let mut simple = true;
    loop {
        let mut next = end;
        let mut c = 0u32;
        while next < len {
            c = s[next].into();
            if c == b'"' as u32 || c == b'\\' as u32 {
                break;
            }
            if c <= 0x1f && strict {
                return Err(Fail::Msg("Invalid control character at", next));
            }
            next += 1;
        }
        if next >= len {
            return Err(Fail::Msg("Unterminated string starting at", begin));
        }
        if c == b'"' as u32 && simple {
            // no escapes: the slice itself
            let v = make_str(vm, &s[end..next]);
            return Ok((v, next + 1));
        }
        simple = false;
        out.extend(s[end..next].iter().map(|&c| c.into()));
        next += 1;
        if c == b'"' as u32 {
            end = next;
            break;
        }
        if next == len {
            return Err(Fail::Msg("Unterminated string starting at", begin));
        }
        let e = s[next].into();
        if e != b'u' as u32 {
            end = next + 1;
            let ch = match char::from_u32(e) {
                Some('"') => '"' as u32,
                Some('\\') => '\\' as u32,
                Some('/') => '/' as u32,
                Some('b') => 8,
                Some('f') => 12,
                Some('n') => 10,
                Some('r') => 13,
                Some('t') => 9,
                _ => return Err(Fail::Msg("Invalid \\escape", end - 2)),
            };
            out.push(ch);
        } else {
            next += 1;
            end = next + 4;
            if end >= len {
                return Err(Fail::Msg("Invalid \\uXXXX escape", next - 1));
            }
            let Some(mut ch) = hex4(s, next) else {
                return Err(Fail::Msg("Invalid \\uXXXX escape", end - 5));
            };
            next = end;
            if (0xd800..0xdc00).contains(&ch) && end + 6 < len && s[next].into() == b'\\' as u32 && s[next + 1].into() == b'u' as u32 {
                end += 6;
                let Some(c2) = hex4(s, next + 2) else {
                    return Err(Fail::Msg("Invalid \\uXXXX escape", end - 5));
                };
                if (0xdc00..0xe000).contains(&c2) {
                    ch = 0x10000 + (((ch - 0xd800) << 10) | (c2 - 0xdc00));
                } else {
                    end -= 6;
                }
            }
            out.push(ch);
        }
    }
    let v = make_str(vm, &out);
    Ok((v, end))
}

impl<'a, T: Unit> Scan<'a, T> {
    #[inline]
    fn at(&self, i: usize) -> u32 {
        self.s[i].into()
    }

    fn skip_ws(&self, mut i: usize) -> usize {
        while i < self.s.len() && is_ws(self.at(i)) {
            i += 1;
        }
        i
    }

    fn starts(&self, i: usize, word: &str) -> bool {
        let w = word.as_bytes();
        i + w.len() <= self.s.len() && w.iter().enumerate().all(|(k, &b)| self.at(i + k) == b as u32)
    }

    pub fn scan_once(&mut self, vm: &mut Vm, idx: usize) -> Result<(Value, usize), Fail> {
        let len = self.s.len();
        if idx >= len {
            return Err(Fail::Stop(idx));
        }
        match char::from_u32(self.at(idx)).unwrap_or('\0') {
            '"' => return scanstring(vm, self.s, idx + 1, self.cfg.strict),
            '{' => {
                vm.enter_native_at(" while decoding a JSON object from a unicode string")?;
                let r = self.parse_object(vm, idx + 1);
                vm.leave_native();
                return r;
            }
            '[' => {
                vm.enter_native_at(" while decoding a JSON array from a unicode string")?;
                let r = self.parse_array(vm, idx + 1);
                vm.leave_native();
                return r;
            }
            'n' if self.starts(idx, "null") => return Ok((self.none, idx + 4)),
            't' if self.starts(idx, "true") => return Ok((vm.true_, idx + 4)),
            'f' if self.starts(idx, "false") => return Ok((vm.false_, idx + 5)),
            'N' if self.starts(idx, "NaN") => return self.constant(vm, "NaN", idx),
            'I' if self.starts(idx, "Infinity") => return self.constant(vm, "Infinity", idx),
            '-' if self.starts(idx, "-Infinity") => return self.constant(vm, "-Infinity", idx),
            _ => {}
        }
        self.number(vm, idx)
    }

    fn constant(&mut self, vm: &mut Vm, name: &str, idx: usize) -> Result<(Value, usize), Fail> {
        let s = vm.intern(name);
        let v = vm.call(self.cfg.parse_constant, &[s])?;
        Ok((v, idx + name.len()))
    }

    fn key(&mut self, vm: &mut Vm, idx: usize) -> Result<(Value, usize), Fail> {
        // a key without escapes is looked up before a str is made
        let s = self.s;
        let mut end = idx;
        while end < s.len() {
            let c = s[end].into();
            if c == b'"' as u32 || c == b'\\' as u32 || c <= 0x1f {
                break;
            }
            end += 1;
        }
        if end < s.len() && s[end].into() == b'"' as u32 {
            if let Some(&k) = self.memo.get(&s[idx..end]) {
                return Ok((k, end + 1));
            }
            let k = make_str(vm, &s[idx..end]);
            self.memo.insert(&s[idx..end], k);
            return Ok((k, end + 1));
        }
        scanstring(vm, self.s, idx, self.cfg.strict)
    }

    fn parse_object(&mut self, vm: &mut Vm, idx: usize) -> Result<(Value, usize), Fail> {
        let len = self.s.len();
        let pairs_hook = self.cfg.object_pairs_hook != self.none;
        let dict = if pairs_hook { Value::NULL } else { vm.new_dict() };
        let list = if pairs_hook { vm.new_list(Vec::new()) } else { Value::NULL };
        let mut idx = self.skip_ws(idx);
        if idx >= len || self.at(idx) != b'}' as u32 {
            loop {
                if idx >= len || self.at(idx) != b'"' as u32 {
                    return Err(Fail::Msg("Expecting property name enclosed in double quotes", idx));
                }
                let (key, next) = self.key(vm, idx + 1)?;
                idx = self.skip_ws(next);
                if idx >= len || self.at(idx) != b':' as u32 {
                    return Err(Fail::Msg("Expecting ':' delimiter", idx));
                }
                idx = self.skip_ws(idx + 1);
                let (val, next) = self.scan_once(vm, idx)?;
                if pairs_hook {
                    let t = vm.new_tuple(vec![key, val]);
                    if let Some(l) = list.get::<pyjit_vm::objects::ListObj>() {
                        l.items.borrow_mut().push(t);
                    }
                } else {
                    vm.dict_set(dict, key, val)?;
                }
                idx = self.skip_ws(next);
                if idx < len && self.at(idx) == b'}' as u32 {
                    break;
                }
                if idx >= len || self.at(idx) != b',' as u32 {
                    return Err(Fail::Msg("Expecting ',' delimiter", idx));
                }
                idx = self.skip_ws(idx + 1);
            }
        }
        let end = idx + 1;
        if pairs_hook {
            let v = vm.call(self.cfg.object_pairs_hook, &[list])?;
            return Ok((v, end));
        }
        if self.cfg.object_hook != self.none {
            let v = vm.call(self.cfg.object_hook, &[dict])?;
            return Ok((v, end));
        }
        Ok((dict, end))
    }

    fn parse_array(&mut self, vm: &mut Vm, idx: usize) -> Result<(Value, usize), Fail> {
        let len = self.s.len();
        let list = vm.new_list(Vec::new());
        let mut idx = self.skip_ws(idx);
        if idx >= len || self.at(idx) != b']' as u32 {
            loop {
                let (val, next) = self.scan_once(vm, idx)?;
                if let Some(l) = list.get::<pyjit_vm::objects::ListObj>() {
                    l.items.borrow_mut().push(val);
                }
                idx = self.skip_ws(next);
                if idx < len && self.at(idx) == b']' as u32 {
                    break;
                }
                if idx >= len || self.at(idx) != b',' as u32 {
                    return Err(Fail::Msg("Expecting ',' delimiter", idx));
                }
                idx = self.skip_ws(idx + 1);
            }
        }
        Ok((list, idx + 1))
    }

    fn number(&mut self, vm: &mut Vm, start: usize) -> Result<(Value, usize), Fail> {
        let len = self.s.len();
        let digit = |c: u32| (b'0' as u32..=b'9' as u32).contains(&c);
        let mut idx = start;
        if self.at(idx) == b'-' as u32 {
            idx += 1;
            if idx >= len {
                return Err(Fail::Stop(start));
            }
        }
        let c = self.at(idx);
        if (b'1' as u32..=b'9' as u32).contains(&c) {
            idx += 1;
            while idx < len && digit(self.at(idx)) {
                idx += 1;
            }
        } else if c == b'0' as u32 {
            idx += 1;
        } else {
            return Err(Fail::Stop(start));
        }
        let mut is_float = false;
        if idx + 1 < len && self.at(idx) == b'.' as u32 && digit(self.at(idx + 1)) {
            is_float = true;
            idx += 2;
            while idx < len && digit(self.at(idx)) {
                idx += 1;
            }
        }
        if idx + 1 < len && (self.at(idx) == b'e' as u32 || self.at(idx) == b'E' as u32) {
            let e_start = idx;
            idx += 1;
            if idx + 1 < len && (self.at(idx) == b'-' as u32 || self.at(idx) == b'+' as u32) {
                idx += 1;
            }
            while idx < len && digit(self.at(idx)) {
                idx += 1;
            }
            if digit(self.at(idx - 1)) {
                is_float = true;
            } else {
                idx = e_start;
            }
        }
        let (float_t, int_t) = (vm.types.float, vm.types.int);
        let digits = &self.s[start..idx];
        let text = || -> String { digits.iter().map(|&c| c.into() as u8 as char).collect() };
        if is_float {
            if self.cfg.parse_float != float_t {
                let sv = vm.new_string(text());
                return Ok((vm.call(self.cfg.parse_float, &[sv])?, idx));
            }
            let f: f64 = match T::ascii(digits) {
                Some(a) => a.parse().unwrap_or(f64::NAN),
                None => text().parse().unwrap_or(f64::NAN),
            };
            return Ok((vm.new_float(f), idx));
        }
        if self.cfg.parse_int != int_t {
            let sv = vm.new_string(text());
            return Ok((vm.call(self.cfg.parse_int, &[sv])?, idx));
        }
        if digits.len() <= 18 {
            let neg = digits[0].into() == b'-' as u32;
            let mut v: i64 = 0;
            for &d in &digits[neg as usize..] {
                v = v * 10 + (d.into() - b'0' as u32) as i64;
            }
            return Ok((vm.new_int(if neg { -v } else { v }), idx));
        }
        let sv = vm.new_string(text());
        Ok((vm.call(int_t, &[sv])?, idx))
    }
}

/// `make_scanner(context)`.
pub fn scanner_new(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let args = parse(vm, &a[1..], kw, "make_scanner", &["context"], &[], 1)?;
    let ctx = args[0].unwrap_or(vm.none);
    let strict_v = vm.getattr_str(ctx, "strict")?;
    let strict = vm.truthy(strict_v)?;
    let st = Scanner {
        strict,
        object_hook: vm.getattr_str(ctx, "object_hook")?,
        object_pairs_hook: vm.getattr_str(ctx, "object_pairs_hook")?,
        parse_float: vm.getattr_str(ctx, "parse_float")?,
        parse_int: vm.getattr_str(ctx, "parse_int")?,
        parse_constant: vm.getattr_str(ctx, "parse_constant")?,
    };
    Ok(new_native(vm, a[0], st))
}

/// `scanner(string, idx)`: (value, end), StopIteration(idx) when no value starts there.
pub fn scanner_call(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let args = parse(vm, &a[1..], kw, "scanner", &["string", "idx"], &[], 2)?;
    let none = vm.none;
    let (doc, idxv) = (args[0].unwrap_or(none), args[1].unwrap_or(none));
    let Some(text) = text_of(doc) else {
        let tn = vm.type_name_of(doc);
        return Err(vm.type_error(&format!("first argument must be a string, not {tn}")));
    };
    let idx = ssize(vm, idxv)?;
    if idx < 0 {
        return Err(vm.value_error("idx cannot be negative"));
    }
    let cfg = with_state::<Scanner, _>(vm, a[0], "_json.Scanner", |s| Scanner {
        strict: s.strict,
        object_hook: s.object_hook,
        object_pairs_hook: s.object_pairs_hook,
        parse_float: s.parse_float,
        parse_int: s.parse_int,
        parse_constant: s.parse_constant,
    })?;
    let r = match &text {
        Text::Ascii(s) => {
            let mut scan = Scan { cfg: &cfg, s: s.s.as_bytes(), memo: HashMap::default(), none };
            scan.scan_once(vm, idx as usize)
        }
        Text::Wide(cps) => {
            let mut scan = Scan { cfg: &cfg, s: &cps[..], memo: HashMap::default(), none };
            scan.scan_once(vm, idx as usize)
        }
    };
    match r {
        Ok((v, end)) => {
            let e = vm.new_int(end as i64);
            Ok(vm.new_tuple(vec![v, e]))
        }
        Err(f) => Err(raise(vm, f, doc)),
    }
}
