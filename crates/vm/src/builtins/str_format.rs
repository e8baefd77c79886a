//! str.format and str.format_map: a port of CPython's format-string parser
//! (Objects/stringlib/unicode_format.h), with its error messages and auto-numbering rules.

use crate::heap::Value;
use crate::interp::{PyResult, Vm};

/// Where replacement fields take their values from.
pub enum Source<'a> {
    /// str.format(*pos, **kws)
    Args { pos: &'a [Value], kws: &'a [(String, Value)] },
    /// str.format_map(mapping): no positional fields.
    Map(Value),
}

#[derive(PartialEq, Clone, Copy)]
enum Numbering {
    Init,
    Auto,
    Manual,
}

struct State<'a> {
    src: Source<'a>,
    numbering: Numbering,
    next_auto: usize,
}

/// Formats `t` (str.format / str.format_map).
pub fn format(vm: &mut Vm, t: &str, src: Source) -> PyResult<String> {
    let chars: Vec<char> = t.chars().collect();
    let mut st = State { src, numbering: Numbering::Init, next_auto: 0 };
    build(vm, &chars, &mut st, 2)
}

fn build(vm: &mut Vm, chars: &[char], st: &mut State, depth: i32) -> PyResult<String> {
    if depth <= 0 {
        return Err(vm.value_error("Max string recursion exceeded"));
    }
    let mut out = String::new();
    let mut i = 0;
    let n = chars.len();
    while i < n {
        // literal text up to a brace
        let lit_start = i;
        let mut c = '\0';
        let mut markup = false;
        while i < n {
            c = chars[i];
            i += 1;
            if c == '{' || c == '}' {
                markup = true;
                break;
            }
        }
        let at_end = i >= n;
        let mut lit_end = i;
        if c == '}' && markup && (at_end || chars[i] != '}') {
            return Err(vm.value_error("Single '}' encountered in format string"));
        }
        if at_end && c == '{' && markup {
            return Err(vm.value_error("Single '{' encountered in format string"));
        }
        if markup {
            if !at_end && chars[i] == c {
                // doubled brace: literal
                i += 1;
                markup = false;
            } else {
                lit_end -= 1;
            }
        }
        out.extend(&chars[lit_start..lit_end]);
        if !markup {
            continue;
        }
        let (field, conv, spec, expand, next) = parse_field(vm, chars, i)?;
        i = next;
        let v = field_object(vm, field, st)?;
        let v = match conv {
            None => v,
            Some('r') => vm.repr_value(v)?,
            Some('s') => vm.str_value(v)?,
            Some('a') => {
                let r = vm.repr(v)?;
                vm.new_string(super::strfmt::ascii_escape(&r))
            }
            Some(other) => {
                let msg = if (' '..'\x7f').contains(&other) && other != ' ' {
                    format!("Unknown conversion specifier {other}")
                } else {
                    format!("Unknown conversion specifier \\x{:x}", other as u32)
                };
                return Err(vm.value_error(&msg));
            }
        };
        let spec: String = if expand { build(vm, spec, st, depth - 1)? } else { spec.iter().collect() };
        // a value of a builtin class is formatted natively, without the spec and the
        // result going through str objects (format() would make both)
        if !vm.is_heap_type(v) {
            if let Some(text) = vm.native_format_str(v, &spec)? {
                out.push_str(&text);
                continue;
            }
        }
        let specv = vm.new_string(spec);
        let r = vm.format(v, specv)?;
        out.push_str(&vm.str_of(r));
    }
    Ok(out)
}

type Field<'a> = (&'a [char], Option<char>, &'a [char], bool, usize);

/// Parses a replacement field starting after its '{': (field name, conversion, format
/// spec, whether the spec has nested fields, index after the closing '}').
fn parse_field<'a>(vm: &mut Vm, chars: &'a [char], start: usize) -> PyResult<Field<'a>> {
    let n = chars.len();
    let mut i = start;
    let mut c = '\0';
    while i < n {
        c = chars[i];
        i += 1;
        match c {
            '{' => return Err(vm.value_error("unexpected '{' in field name")),
            '[' => {
                while i < n && chars[i] != ']' {
                    i += 1;
                }
                continue;
            }
            '}' | ':' | '!' => break,
            _ => continue,
        }
    }
    // those three characters always end the loop early
    if !matches!(c, '}' | ':' | '!') {
        return Err(vm.value_error("expected '}' before end of string"));
    }
    let name = &chars[start..i - 1];
    if c == '}' {
        return Ok((name, None, &[], false, i));
    }
    let mut conv = None;
    if c == '!' {
        if i >= n {
            return Err(vm.value_error("end of string while looking for conversion specifier"));
        }
        conv = Some(chars[i]);
        i += 1;
        if i < n {
            let d = chars[i];
            i += 1;
            if d == '}' {
                return Ok((name, conv, &[], false, i));
            }
            if d != ':' {
                return Err(vm.value_error("expected ':' after conversion specifier"));
            }
        }
    }
    let spec_start = i;
    let mut count = 1;
    let mut expand = false;
    while i < n {
        let d = chars[i];
        i += 1;
        if d == '{' {
            expand = true;
            count += 1;
        } else if d == '}' {
            count -= 1;
            if count == 0 {
                return Ok((name, conv, &chars[spec_start..i - 1], expand, i));
            }
        }
    }
    Err(vm.value_error("unmatched '{' in format spec"))
}

/// A decimal index (any Unicode decimal digits), or None when `s` is not all digits.
fn get_integer(vm: &mut Vm, s: &[char]) -> PyResult<Option<usize>> {
    if s.is_empty() || !s.iter().all(|&c| crate::unicode::is_decimal(c)) {
        return Ok(None);
    }
    let mut acc: usize = 0;
    for &c in s {
        let d = crate::unicode::decimal_value(c).unwrap_or(0) as usize;
        acc = match acc.checked_mul(10).and_then(|a| a.checked_add(d)) {
            Some(a) if a <= isize::MAX as usize => a,
            _ => return Err(vm.value_error("Too many decimal digits in format string")),
        };
    }
    Ok(Some(acc))
}

fn field_object(vm: &mut Vm, field: &[char], st: &mut State) -> PyResult<Value> {
    let first_end = field.iter().position(|&c| c == '.' || c == '[').unwrap_or(field.len());
    let first = &field[..first_end];
    let mut idx = get_integer(vm, first)?;
    let empty = first.is_empty();
    if empty || idx.is_some() {
        if st.numbering == Numbering::Init {
            st.numbering = if empty { Numbering::Auto } else { Numbering::Manual };
        }
        if st.numbering == Numbering::Manual && empty {
            return Err(vm.value_error("cannot switch from manual field specification to automatic field numbering"));
        }
        if st.numbering == Numbering::Auto && !empty {
            return Err(vm.value_error("cannot switch from automatic field numbering to manual field specification"));
        }
        if empty {
            idx = Some(st.next_auto);
            st.next_auto += 1;
        }
    }
    let mut v = match (idx, &st.src) {
        (None, Source::Args { kws, .. }) => {
            let key: String = first.iter().collect();
            match kws.iter().find(|(k, _)| *k == key) {
                Some((_, v)) => *v,
                None => {
                    let k = vm.new_string(key);
                    return Err(vm.key_error(k));
                }
            }
        }
        (None, Source::Map(m)) => {
            let m = *m;
            let k = vm.new_string(first.iter().collect());
            vm.getitem(m, k)?
        }
        (Some(_), Source::Map(_)) => return Err(vm.value_error("Format string contains positional fields")),
        (Some(i), Source::Args { pos, .. }) => match pos.get(i) {
            Some(&v) => v,
            None => return Err(vm.index_error(&format!("Replacement index {i} out of range for positional args tuple"))),
        },
    };
    let mut i = first_end;
    let n = field.len();
    while i < n {
        let c = field[i];
        i += 1;
        let s = i;
        match c {
            '.' => {
                while i < n && field[i] != '.' && field[i] != '[' {
                    i += 1;
                }
                if s == i {
                    return Err(vm.value_error("Empty attribute in format string"));
                }
                let attr: String = field[s..i].iter().collect();
                let a = vm.intern(&attr);
                v = vm.getattr(v, a)?;
            }
            '[' => {
                while i < n && field[i] != ']' {
                    i += 1;
                }
                if i >= n {
                    return Err(vm.value_error("Missing ']' in format string"));
                }
                let key = &field[s..i];
                i += 1;
                if key.is_empty() {
                    return Err(vm.value_error("Empty attribute in format string"));
                }
                let k = match get_integer(vm, key)? {
                    Some(x) => vm.new_int(x as i64),
                    None => vm.new_string(key.iter().collect()),
                };
                v = vm.getitem(v, k)?;
            }
            _ => return Err(vm.value_error("Only '.' or '[' may follow ']' in format field specifier")),
        }
    }
    Ok(v)
}
