//! str: constructor and methods.

use crate::heap::{ObjKind, Value};
use crate::interp::{PyResult, Vm};
use crate::objects::*;

use super::{arg, marity, method, split_kw, static_method};

fn s(vm: &mut Vm, v: Value) -> PyResult<String> {
    match v.get::<StrObj>() {
        Some(x) => Ok(x.s.to_string()),
        None => {
            let tn = vm.type_name_of(v);
            Err(vm.type_error(&format!("descriptor requires a 'str' object but received a '{tn}'")))
        }
    }
}

fn str_arg(vm: &mut Vm, v: Value, what: &str) -> PyResult<String> {
    match v.get::<StrObj>() {
        Some(x) => Ok(x.s.to_string()),
        None => {
            let tn = vm.type_name_of(v);
            Err(vm.type_error(&format!("{what}must be str, not {tn}")))
        }
    }
}

fn str_new(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    let (pos, kws) = split_kw(vm, args, kw);
    let cls = pos[0];
    let mut obj = pos.get(1).copied();
    let mut encoding = pos.get(2).copied();
    let mut errors = pos.get(3).copied();
    for (k, v) in kws {
        match k.as_str() {
            "object" => obj = Some(v),
            "encoding" => encoding = Some(v),
            "errors" => errors = Some(v),
            _ => return Err(vm.type_error(&format!("'{k}' is an invalid keyword argument for str()"))),
        }
    }
    let r = match obj {
        None => vm.empty_str,
        Some(o) => {
            if encoding.is_some() || errors.is_some() {
                let b = super::bytes::bytes_from(vm, o).map_err(|_| {
                    let tn = vm.type_name_of(o);
                    vm.type_error(&format!("decoding to str: need a bytes-like object, {tn} found"))
                })?;
                let enc = encoding.map(|e| vm.str_of(e)).unwrap_or_else(|| "utf-8".into());
                let err = errors.map(|e| vm.str_of(e)).unwrap_or_else(|| "strict".into());
                let t = super::bytes::decode(vm, &b, &enc, &err)?;
                vm.new_string(t)
            } else {
                vm.str_value(o)?
            }
        }
    };
    if cls == vm.types.str {
        return Ok(r);
    }
    let text = vm.str_of(r);
    Ok(vm.alloc(cls, StrObj::new(text.into_boxed_str())).value())
}

fn make(vm: &mut Vm, text: String) -> PyResult<Value> {
    Ok(vm.new_string(text))
}

fn m_upper(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let t = s(vm, a[0])?;
    make(vm, t.to_uppercase())
}
fn m_lower(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let t = s(vm, a[0])?;
    make(vm, t.to_lowercase())
}
fn m_casefold(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let t = s(vm, a[0])?;
    make(vm, t.to_lowercase().replace('ß', "ss"))
}
fn m_swapcase(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let t = s(vm, a[0])?;
    let r: String = t
        .chars()
        .flat_map(|c| if c.is_uppercase() { c.to_lowercase().collect::<Vec<_>>() } else if c.is_lowercase() { c.to_uppercase().collect() } else { vec![c] })
        .collect();
    make(vm, r)
}
fn m_capitalize(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let t = s(vm, a[0])?;
    let mut cs = t.chars();
    let r = match cs.next() {
        Some(f) => {
            let first: String = if f.is_lowercase() || f.is_uppercase() { f.to_uppercase().collect() } else { f.to_string() };
            // titlecase digraphs are rare; uppercase is close enough
            first + &cs.as_str().to_lowercase()
        }
        None => String::new(),
    };
    make(vm, r)
}
fn m_title(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let t = s(vm, a[0])?;
    let mut out = String::with_capacity(t.len());
    let mut prev_cased = false;
    for c in t.chars() {
        if prev_cased {
            out.extend(c.to_lowercase());
        } else {
            out.extend(c.to_uppercase());
        }
        prev_cased = c.is_alphabetic() && (c.is_uppercase() || c.is_lowercase() || !c.is_ascii());
        if !(c.is_uppercase() || c.is_lowercase()) {
            prev_cased = false;
        }
    }
    make(vm, out)
}

fn strip_chars(vm: &mut Vm, a: &[Value]) -> PyResult<Option<Vec<char>>> {
    match a.get(1) {
        Some(&v) if v != vm.none => match v.get::<StrObj>() {
            Some(x) => Ok(Some(x.s.chars().collect())),
            None => Err(vm.type_error("strip arg must be None or str")),
        },
        _ => Ok(None),
    }
}
fn m_strip(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let t = s(vm, a[0])?;
    let r = match strip_chars(vm, a)? {
        Some(cs) => t.trim_matches(|c| cs.contains(&c)).to_string(),
        None => t.trim().to_string(),
    };
    make(vm, r)
}
fn m_lstrip(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let t = s(vm, a[0])?;
    let r = match strip_chars(vm, a)? {
        Some(cs) => t.trim_start_matches(|c| cs.contains(&c)).to_string(),
        None => t.trim_start().to_string(),
    };
    make(vm, r)
}
fn m_rstrip(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let t = s(vm, a[0])?;
    let r = match strip_chars(vm, a)? {
        Some(cs) => t.trim_end_matches(|c| cs.contains(&c)).to_string(),
        None => t.trim_end().to_string(),
    };
    make(vm, r)
}

fn split_args(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<(String, Option<String>, i64)> {
    let (pos, kws) = split_kw(vm, a, k);
    let t = s(vm, pos[0])?;
    let mut sep = pos.get(1).copied();
    let mut maxsplit = pos.get(2).copied();
    for (n, v) in kws {
        match n.as_str() {
            "sep" => sep = Some(v),
            "maxsplit" => maxsplit = Some(v),
            _ => return Err(vm.type_error(&format!("'{n}' is an invalid keyword argument for split()"))),
        }
    }
    let sep = match sep {
        Some(v) if v != vm.none => {
            let x = str_arg(vm, v, "")?;
            if x.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            Some(x)
        }
        _ => None,
    };
    let maxsplit = match maxsplit {
        Some(v) => vm.as_i64(v).unwrap_or(-1),
        None => -1,
    };
    Ok((t, sep, maxsplit))
}

fn m_split(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let (t, sep, maxsplit) = split_args(vm, a, k)?;
    let parts: Vec<String> = match sep {
        Some(sep) => {
            if maxsplit < 0 {
                t.split(sep.as_str()).map(|x| x.to_string()).collect()
            } else {
                t.splitn(maxsplit as usize + 1, sep.as_str()).map(|x| x.to_string()).collect()
            }
        }
        None => {
            let mut out = Vec::new();
            let mut rest = t.trim_start();
            let mut n = 0;
            while !rest.is_empty() {
                if maxsplit >= 0 && n >= maxsplit {
                    out.push(rest.to_string());
                    break;
                }
                match rest.find(char::is_whitespace) {
                    Some(i) => {
                        out.push(rest[..i].to_string());
                        rest = rest[i..].trim_start();
                    }
                    None => {
                        out.push(rest.to_string());
                        rest = "";
                    }
                }
                n += 1;
            }
            out
        }
    };
    let vals: Vec<Value> = parts.into_iter().map(|p| vm.new_string(p)).collect();
    Ok(vm.new_list(vals))
}

fn m_rsplit(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let (t, sep, maxsplit) = split_args(vm, a, k)?;
    let mut parts: Vec<String> = match sep {
        Some(sep) => {
            if maxsplit < 0 {
                t.rsplit(sep.as_str()).map(|x| x.to_string()).collect()
            } else {
                t.rsplitn(maxsplit as usize + 1, sep.as_str()).map(|x| x.to_string()).collect()
            }
        }
        None => {
            let mut out = Vec::new();
            let mut rest = t.trim_end();
            let mut n = 0;
            while !rest.is_empty() {
                if maxsplit >= 0 && n >= maxsplit {
                    out.push(rest.to_string());
                    break;
                }
                match rest.rfind(char::is_whitespace) {
                    Some(i) => {
                        let w = rest[i..].chars().next().map(|c| c.len_utf8()).unwrap_or(1);
                        out.push(rest[i + w..].to_string());
                        rest = rest[..i].trim_end();
                    }
                    None => {
                        out.push(rest.to_string());
                        rest = "";
                    }
                }
                n += 1;
            }
            out
        }
    };
    parts.reverse();
    let vals: Vec<Value> = parts.into_iter().map(|p| vm.new_string(p)).collect();
    Ok(vm.new_list(vals))
}

fn m_splitlines(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let (pos, kws) = split_kw(vm, a, k);
    let t = s(vm, pos[0])?;
    let mut keep = pos.get(1).copied();
    for (n, v) in kws {
        if n == "keepends" {
            keep = Some(v);
        }
    }
    let keep = match keep {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut out = Vec::new();
    let chars: Vec<char> = t.chars().collect();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let is_break = matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}');
        if is_break {
            let mut end = i + 1;
            if c == '\r' && i + 1 < chars.len() && chars[i + 1] == '\n' {
                end = i + 2;
            }
            let line: String = if keep { chars[start..end].iter().collect() } else { chars[start..i].iter().collect() };
            out.push(line);
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < chars.len() {
        out.push(chars[start..].iter().collect());
    }
    let vals: Vec<Value> = out.into_iter().map(|p| vm.new_string(p)).collect();
    Ok(vm.new_list(vals))
}

fn m_join(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 2, "join")?;
    let sep = s(vm, a[0])?;
    if vm.iter(a[1]).is_err() {
        return Err(vm.type_error("can only join an iterable"));
    }
    let (_h, items) = vm.to_vec(a[1])?;
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match it.get::<StrObj>() {
            Some(x) => out.push_str(&x.s),
            None => {
                let tn = vm.type_name_of(*it);
                return Err(vm.type_error(&format!("sequence item {i}: expected str instance, {tn} found")));
            }
        }
    }
    make(vm, out)
}

/// (text, needle, start char index, end char index) of find-like methods.
fn find_args(vm: &mut Vm, a: &[Value], name: &str) -> PyResult<(Vec<char>, Vec<char>, usize, usize)> {
    marity(vm, a, 2, 4, name)?;
    let t: Vec<char> = s(vm, a[0])?.chars().collect();
    let n: Vec<char> = match a[1].get::<StrObj>() {
        Some(x) => x.s.chars().collect(),
        None => {
            let tn = vm.type_name_of(a[1]);
            return Err(vm.type_error(&format!("must be str, not {tn}")));
        }
    };
    let len = t.len() as i64;
    let idx = |vm: &mut Vm, v: Option<&Value>, d: i64| -> PyResult<i64> {
        match v {
            Some(&x) if x != vm.none => {
                let i = vm.index_of(x)?;
                let i = vm.as_i64(i).unwrap_or(0);
                Ok(if i < 0 { (i + len).max(0) } else { i.min(len) })
            }
            _ => Ok(d),
        }
    };
    let raw_start = match a.get(2) {
        Some(&x) if x != vm.none => vm.as_i64(x).unwrap_or(0),
        _ => 0,
    };
    let st = idx(vm, a.get(2), 0)?;
    let en = idx(vm, a.get(3), len)?;
    if raw_start > len {
        // a start past the end finds nothing, not even ""
        return Ok((t, n, 1, 0));
    }
    Ok((t, n, st as usize, en as usize))
}

fn find_in(t: &[char], n: &[char], st: usize, en: usize, rev: bool) -> Option<usize> {
    if st > en {
        return None;
    }
    if st > en || en - st < n.len() {
        return if n.is_empty() && st <= en { Some(if rev { en } else { st }) } else { None };
    }
    let range = st..=en - n.len();
    if rev {
        range.rev().find(|&i| &t[i..i + n.len()] == n)
    } else {
        range.into_iter().find(|&i| &t[i..i + n.len()] == n)
    }
}

fn m_find(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let (t, n, st, en) = find_args(vm, a, "find")?;
    Ok(vm.new_int(find_in(&t, &n, st, en, false).map(|i| i as i64).unwrap_or(-1)))
}
fn m_rfind(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let (t, n, st, en) = find_args(vm, a, "rfind")?;
    Ok(vm.new_int(find_in(&t, &n, st, en, true).map(|i| i as i64).unwrap_or(-1)))
}
fn m_index(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let (t, n, st, en) = find_args(vm, a, "index")?;
    match find_in(&t, &n, st, en, false) {
        Some(i) => Ok(vm.new_int(i as i64)),
        None => Err(vm.value_error("substring not found")),
    }
}
fn m_rindex(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let (t, n, st, en) = find_args(vm, a, "rindex")?;
    match find_in(&t, &n, st, en, true) {
        Some(i) => Ok(vm.new_int(i as i64)),
        None => Err(vm.value_error("substring not found")),
    }
}
fn m_count(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let (t, n, st, en) = find_args(vm, a, "count")?;
    if n.is_empty() {
        return Ok(vm.new_int(if st <= en && st <= t.len() { (en - st + 1) as i64 } else { 0 }));
    }
    let mut c = 0;
    let mut i = st;
    while i + n.len() <= en {
        if t[i..i + n.len()] == n[..] {
            c += 1;
            i += n.len();
        } else {
            i += 1;
        }
    }
    Ok(vm.new_int(c))
}

fn starts_ends(vm: &mut Vm, a: &[Value], ends: bool) -> PyResult<Value> {
    let name = if ends { "endswith" } else { "startswith" };
    marity(vm, a, 2, 4, name)?;
    let t: Vec<char> = s(vm, a[0])?.chars().collect();
    let len = t.len() as i64;
    let idx = |vm: &mut Vm, v: Option<&Value>, d: i64| -> PyResult<i64> {
        match v {
            Some(&x) if x != vm.none => {
                let i = vm.as_i64(x).unwrap_or(0);
                Ok(if i < 0 { (i + len).max(0) } else { i.min(len) })
            }
            _ => Ok(d),
        }
    };
    let raw_start = match a.get(2) {
        Some(&x) if x != vm.none => vm.as_i64(x).unwrap_or(0),
        _ => 0,
    };
    if raw_start > len {
        return Ok(vm.false_);
    }
    let st = idx(vm, a.get(2), 0)? as usize;
    let en = idx(vm, a.get(3), len)? as usize;
    let cands: Vec<Value> = match a[1].get::<TupleObj>() {
        Some(tu) => tu.items.to_vec(),
        None => vec![a[1]],
    };
    for c in cands {
        let Some(x) = c.get::<StrObj>() else {
            let tn = vm.type_name_of(c);
            return Err(vm.type_error(&format!("{name} first arg must be str or a tuple of str, not {tn}")));
        };
        let n: Vec<char> = x.s.chars().collect();
        if st > en || st > t.len() {
            continue;
        }
        let window = &t[st..en];
        let ok = if ends { window.ends_with(&n) } else { window.starts_with(&n) };
        if ok {
            return Ok(vm.true_);
        }
    }
    Ok(vm.false_)
}
fn m_startswith(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    starts_ends(vm, a, false)
}
fn m_endswith(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    starts_ends(vm, a, true)
}

fn m_replace(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 3, 4, "replace")?;
    let t = s(vm, a[0])?;
    let old = str_arg(vm, a[1], "replace() argument 1 ")?;
    let new = str_arg(vm, a[2], "replace() argument 2 ")?;
    let count = a.get(3).and_then(|v| vm.as_i64(*v)).unwrap_or(-1);
    let r = if count < 0 {
        if old.is_empty() {
            let mut out = new.clone();
            for c in t.chars() {
                out.push(c);
                out.push_str(&new);
            }
            out
        } else {
            t.replace(&old, &new)
        }
    } else if old.is_empty() {
        let mut out = String::new();
        let mut n = 0;
        for c in t.chars() {
            if n < count {
                out.push_str(&new);
                n += 1;
            }
            out.push(c);
        }
        if n < count {
            out.push_str(&new);
        }
        out
    } else {
        t.replacen(&old, &new, count as usize)
    };
    make(vm, r)
}

fn m_partition(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 2, "partition")?;
    let t = s(vm, a[0])?;
    let sep = str_arg(vm, a[1], "")?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let (x, y, z) = match t.find(&sep) {
        Some(i) => (t[..i].to_string(), sep.clone(), t[i + sep.len()..].to_string()),
        None => (t.clone(), String::new(), String::new()),
    };
    let v = vec![vm.new_string(x), vm.new_string(y), vm.new_string(z)];
    Ok(vm.new_tuple(v))
}
fn m_rpartition(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 2, "rpartition")?;
    let t = s(vm, a[0])?;
    let sep = str_arg(vm, a[1], "")?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let (x, y, z) = match t.rfind(&sep) {
        Some(i) => (t[..i].to_string(), sep.clone(), t[i + sep.len()..].to_string()),
        None => (String::new(), String::new(), t.clone()),
    };
    let v = vec![vm.new_string(x), vm.new_string(y), vm.new_string(z)];
    Ok(vm.new_tuple(v))
}

fn pad_args(vm: &mut Vm, a: &[Value], name: &str) -> PyResult<(String, usize, char)> {
    marity(vm, a, 2, 3, name)?;
    let t = s(vm, a[0])?;
    let w = vm.index_of(a[1])?;
    let w = vm.as_i64(w).unwrap_or(0).max(0) as usize;
    let fill = match a.get(2) {
        Some(&f) => {
            let fs = str_arg(vm, f, "")?;
            let mut cs = fs.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => c,
                _ => return Err(vm.type_error("The fill character must be exactly one character long")),
            }
        }
        None => ' ',
    };
    Ok((t, w, fill))
}
fn m_center(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let (t, w, f) = pad_args(vm, a, "center")?;
    let n = t.chars().count();
    if n >= w {
        return make(vm, t);
    }
    let total = w - n;
    let left = total / 2 + (total & w & 1);
    let right = total - left;
    let r = std::iter::repeat(f).take(left).collect::<String>() + &t + &std::iter::repeat(f).take(right).collect::<String>();
    make(vm, r)
}
fn m_ljust(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let (t, w, f) = pad_args(vm, a, "ljust")?;
    let n = t.chars().count();
    let r = if n >= w { t } else { t + &std::iter::repeat(f).take(w - n).collect::<String>() };
    make(vm, r)
}
fn m_rjust(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let (t, w, f) = pad_args(vm, a, "rjust")?;
    let n = t.chars().count();
    let r = if n >= w { t } else { std::iter::repeat(f).take(w - n).collect::<String>() + &t };
    make(vm, r)
}
fn m_zfill(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 2, "zfill")?;
    let t = s(vm, a[0])?;
    let w = vm.as_i64(a[1]).unwrap_or(0).max(0) as usize;
    let n = t.chars().count();
    if n >= w {
        return make(vm, t);
    }
    let (sign, rest) = if t.starts_with(['+', '-']) { (&t[..1], &t[1..]) } else { ("", &t[..]) };
    make(vm, format!("{sign}{}{rest}", "0".repeat(w - n)))
}
fn m_expandtabs(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let (pos, kws) = split_kw(vm, a, k);
    let t = s(vm, pos[0])?;
    let ts = pos.get(1).copied().or_else(|| kws.iter().find(|x| x.0 == "tabsize").map(|x| x.1));
    let ts = ts.and_then(|v| vm.as_i64(v)).unwrap_or(8);
    let mut out = String::new();
    let mut col = 0i64;
    for c in t.chars() {
        match c {
            '\t' => {
                if ts > 0 {
                    let n = ts - col % ts;
                    out.push_str(&" ".repeat(n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    make(vm, out)
}

macro_rules! pred {
    ($name:ident, $f:expr, $empty:expr) => {
        fn $name(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
            let t = s(vm, a[0])?;
            if t.is_empty() {
                return Ok(vm.bool_val($empty));
            }
            let f: fn(&str) -> bool = $f;
            Ok(vm.bool_val(f(&t)))
        }
    };
}
pred!(m_isdigit, |t| t.chars().all(|c| c.is_ascii_digit() || is_digit_like(c)), false);
pred!(m_isdecimal, |t| t.chars().all(|c| c.is_ascii_digit() || (c.is_numeric() && is_digit_like(c) && !matches!(c, '²' | '³' | '¹'))), false);
pred!(m_isnumeric, |t| t.chars().all(|c| c.is_numeric()), false);
pred!(m_isalpha, |t| t.chars().all(|c| c.is_alphabetic()), false);
pred!(m_isalnum, |t| t.chars().all(|c| c.is_alphanumeric()), false);
pred!(m_isspace, |t| t.chars().all(|c| c.is_whitespace()), false);
pred!(m_isascii, |t| t.is_ascii(), true);
pred!(m_isprintable, |t| t.chars().all(super::strfmt::is_printable), true);
pred!(m_isidentifier, |t| {
    let mut cs = t.chars();
    match cs.next() {
        Some(c) if c == '_' || c.is_alphabetic() => cs.all(|c| c == '_' || c.is_alphanumeric()),
        _ => false,
    }
}, false);
pred!(m_islower, |t| t.chars().any(|c| c.is_lowercase()) && !t.chars().any(|c| c.is_uppercase()), false);
pred!(m_isupper, |t| t.chars().any(|c| c.is_uppercase()) && !t.chars().any(|c| c.is_lowercase()), false);
pred!(m_istitle, |t| {
    let mut prev_cased = false;
    let mut any = false;
    for c in t.chars() {
        if c.is_uppercase() {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            any = true;
        } else if c.is_lowercase() {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            any = true;
        } else {
            prev_cased = false;
        }
    }
    any
}, false);

fn is_digit_like(c: char) -> bool {
    c.is_numeric() && (c.to_digit(10).is_some() || matches!(c as u32, 0x660..=0x669 | 0x6f0..=0x6f9 | 0x966..=0x96f | 0xff10..=0xff19 | 0xb2 | 0xb3 | 0xb9))
}

fn m_encode(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let (pos, kws) = split_kw(vm, a, k);
    let t = s(vm, pos[0])?;
    let mut enc = pos.get(1).map(|v| vm.str_of(*v)).unwrap_or_else(|| "utf-8".into());
    let mut err = pos.get(2).map(|v| vm.str_of(*v)).unwrap_or_else(|| "strict".into());
    for (n, v) in kws {
        match n.as_str() {
            "encoding" => enc = vm.str_of(v),
            "errors" => err = vm.str_of(v),
            _ => {}
        }
    }
    let b = super::bytes::encode(vm, &t, &enc, &err)?;
    Ok(vm.new_bytes(b))
}

fn m_format(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let t = s(vm, a[0])?;
    let (pos, kws) = split_kw(vm, &a[1..], k);
    let r = str_format(vm, &t, &pos, &kws, 0)?;
    make(vm, r)
}

fn m_format_map(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 2, "format_map")?;
    let t = s(vm, a[0])?;
    let r = str_format_map(vm, &t, a[1])?;
    make(vm, r)
}

fn str_format_map(vm: &mut Vm, t: &str, mapping: Value) -> PyResult<String> {
    // reuse str_format with a lookup through the mapping
    FORMAT_MAP.with(|m| m.set(mapping.raw()));
    let r = str_format(vm, t, &[], &[], 0);
    FORMAT_MAP.with(|m| m.set(0));
    r
}

thread_local! {
    static FORMAT_MAP: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// str.format: replacement fields with field names, attribute/index access, conversion
/// and nested format specs.
pub fn str_format(vm: &mut Vm, t: &str, pos: &[Value], kws: &[(String, Value)], depth: usize) -> PyResult<String> {
    if depth > 2 {
        return Err(vm.value_error("Max string recursion exceeded"));
    }
    let chars: Vec<char> = t.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    let mut auto = 0usize;
    let mut manual = false;
    let mut used_auto = false;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' {
            if i + 1 < chars.len() && chars[i + 1] == '{' {
                out.push('{');
                i += 2;
                continue;
            }
            // find matching }
            let mut j = i + 1;
            let mut level = 1;
            while j < chars.len() {
                if chars[j] == '{' {
                    level += 1;
                } else if chars[j] == '}' {
                    level -= 1;
                    if level == 0 {
                        break;
                    }
                }
                j += 1;
            }
            if j >= chars.len() {
                return Err(vm.value_error("Single '{' encountered in format string"));
            }
            let field: String = chars[i + 1..j].iter().collect();
            i = j + 1;
            // split field into name, conversion, spec
            let (name_conv, spec) = match find_top_colon(&field) {
                Some(p) => (field[..p].to_string(), Some(field[p + 1..].to_string())),
                None => (field.clone(), None),
            };
            let (name, conv) = match name_conv.find('!') {
                Some(p) => (name_conv[..p].to_string(), Some(name_conv[p + 1..].to_string())),
                None => (name_conv, None),
            };
            // first part of the name
            let first_end = name.find(['.', '[']).unwrap_or(name.len());
            let first = &name[..first_end];
            let mut v = if first.is_empty() {
                if manual {
                    return Err(vm.value_error("cannot switch from manual field specification to automatic field numbering"));
                }
                used_auto = true;
                let idx = auto;
                auto += 1;
                match pos.get(idx) {
                    Some(&v) => v,
                    None => {
                        return Err(vm.index_error(&format!("Replacement index {idx} out of range for positional args tuple")));
                    }
                }
            } else if let Ok(idx) = first.parse::<usize>() {
                if used_auto {
                    return Err(vm.value_error("cannot switch from automatic field numbering to manual field specification"));
                }
                manual = true;
                match pos.get(idx) {
                    Some(&v) => v,
                    None => return Err(vm.index_error(&format!("Replacement index {idx} out of range for positional args tuple"))),
                }
            } else {
                let map = FORMAT_MAP.with(|m| m.get());
                if map != 0 {
                    let k = vm.new_str(first);
                    vm.getitem(Value::from_raw(map), k)?
                } else {
                    match kws.iter().find(|(k, _)| k == first) {
                        Some((_, v)) => *v,
                        None => {
                            let k = vm.new_str(first);
                            return Err(vm.key_error(k));
                        }
                    }
                }
            };
            // attribute and index access
            let mut rest = &name[first_end..];
            while !rest.is_empty() {
                if let Some(r) = rest.strip_prefix('.') {
                    let end = r.find(['.', '[']).unwrap_or(r.len());
                    let attr = vm.intern(&r[..end]);
                    v = vm.getattr(v, attr)?;
                    rest = &r[end..];
                } else if let Some(r) = rest.strip_prefix('[') {
                    let end = r.find(']').ok_or_else(|| vm.value_error("Missing ']' in format string"))?;
                    let key = &r[..end];
                    let k = match key.parse::<i64>() {
                        Ok(n) => vm.new_int(n),
                        Err(_) => vm.new_str(key),
                    };
                    v = vm.getitem(v, k)?;
                    rest = &r[end + 1..];
                } else {
                    return Err(vm.value_error("Only '.' or '[' may follow ']' in format field specifier"));
                }
            }
            let v = match conv.as_deref() {
                None => v,
                Some("r") => vm.repr_value(v)?,
                Some("s") => vm.str_value(v)?,
                Some("a") => {
                    let r = vm.repr(v)?;
                    vm.new_string(super::strfmt::ascii_escape(&r))
                }
                Some(other) => {
                    return Err(vm.value_error(&format!("Unknown conversion specifier {other}")));
                }
            };
            let spec = match spec {
                Some(sp) if sp.contains('{') => str_format(vm, &sp, pos, kws, depth + 1)?,
                Some(sp) => sp,
                None => String::new(),
            };
            let specv = vm.new_string(spec);
            let r = vm.format(v, specv)?;
            out.push_str(&vm.str_of(r));
        } else if c == '}' {
            if i + 1 < chars.len() && chars[i + 1] == '}' {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(vm.value_error("Single '}' encountered in format string"));
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(out)
}

fn find_top_colon(f: &str) -> Option<usize> {
    let mut depth = 0;
    for (i, c) in f.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            ':' if depth == 0 => return Some(i),
            '!' if depth == 0 => {}
            _ => {}
        }
    }
    None
}

fn m_maketrans(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let args = &a[..];
    let d = vm.new_dict();
    match args.len() {
        1 => {
            for (k, v) in vm.dict_items(args[0]) {
                let key = match k.get::<StrObj>() {
                    Some(x) if x.nchars == 1 => vm.new_int(x.s.chars().next().unwrap_or('\0') as i64),
                    Some(_) => return Err(vm.value_error("string keys in translate table must be of length 1")),
                    None => k,
                };
                vm.dict_set(d, key, v)?;
            }
        }
        2 | 3 => {
            let x: Vec<char> = s(vm, args[0])?.chars().collect();
            let y: Vec<char> = s(vm, args[1])?.chars().collect();
            if x.len() != y.len() {
                return Err(vm.value_error("the first two maketrans arguments must have equal length"));
            }
            for (a1, b1) in x.iter().zip(y.iter()) {
                let k = vm.new_int(*a1 as i64);
                let v = vm.new_int(*b1 as i64);
                vm.dict_set(d, k, v)?;
            }
            if let Some(&z) = args.get(2) {
                for c in s(vm, z)?.chars() {
                    let k = vm.new_int(c as i64);
                    let none = vm.none;
                    vm.dict_set(d, k, none)?;
                }
            }
        }
        _ => return Err(vm.type_error("maketrans() takes at most 3 arguments")),
    }
    Ok(d)
}

fn m_translate(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 2, "translate")?;
    let t = s(vm, a[0])?;
    let table = a[1];
    let mut out = String::new();
    for c in t.chars() {
        let k = vm.new_int(c as i64);
        let r = match vm.getitem(table, k) {
            Ok(v) => Some(v),
            Err(e) if vm.isinstance(e.0, vm.types.lookup_error) => None,
            Err(e) => return Err(e),
        };
        match r {
            None => out.push(c),
            Some(v) if v == vm.none => {}
            Some(v) => {
                if let Some(i) = vm.as_i64(v) {
                    out.push(char::from_u32(i as u32).unwrap_or('\u{fffd}'));
                } else if let Some(x) = v.get::<StrObj>() {
                    out.push_str(&x.s);
                } else {
                    return Err(vm.type_error("character mapping must return integer, None or str"));
                }
            }
        }
    }
    make(vm, out)
}

fn m_removeprefix(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let t = s(vm, a[0])?;
    let arg_v = arg(vm, a, 1, "removeprefix")?;
    let p = str_arg(vm, arg_v, "removeprefix() argument ")?;
    make(vm, t.strip_prefix(&p).unwrap_or(&t).to_string())
}
fn m_removesuffix(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let t = s(vm, a[0])?;
    let arg_v = arg(vm, a, 1, "removesuffix")?;
    let p = str_arg(vm, arg_v, "removesuffix() argument ")?;
    let r = if p.is_empty() { t.clone() } else { t.strip_suffix(&p).unwrap_or(&t).to_string() };
    make(vm, r)
}

fn m_getnewargs(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let t = s(vm, a[0])?;
    let v = vm.new_string(t);
    Ok(vm.new_tuple(vec![v]))
}

fn m_str(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    if vm.type_of(a[0]) == vm.types.str {
        return Ok(a[0]);
    }
    let t = s(vm, a[0])?;
    make(vm, t)
}

fn m_repr(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let t = s(vm, a[0])?;
    make(vm, super::strfmt::repr_str(&t))
}

fn m_hash(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let h = vm.str_hash(a[0]);
    Ok(vm.new_int(h))
}

fn m_len(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let n = a[0].get::<StrObj>().map(|x| x.nchars).unwrap_or(0);
    Ok(vm.new_int(n as i64))
}

fn m_contains(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let r = super::seqops::native_contains(vm, a[0], a[1])?.unwrap_or(false);
    Ok(vm.bool_val(r))
}

fn m_getitem(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    match super::seqops::native_getitem(vm, a[0], a[1])? {
        Some(v) => Ok(v),
        None => Err(vm.type_error("string indices must be integers")),
    }
}

fn m_binop(vm: &mut Vm, a: &[Value], op: pyjit_compiler::opcode::BinOp) -> PyResult<Value> {
    match super::seqops::seq_binop(vm, a[0], a[1], op, false)? {
        Some(v) => Ok(v),
        None => Ok(vm.not_implemented),
    }
}
fn m_add(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    m_binop(vm, a, pyjit_compiler::opcode::BinOp::Add)
}
fn m_mul(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    m_binop(vm, a, pyjit_compiler::opcode::BinOp::Mul)
}
fn m_mod(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    m_binop(vm, a, pyjit_compiler::opcode::BinOp::Mod)
}

macro_rules! str_cmp {
    ($name:ident, $op:expr) => {
        fn $name(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
            if a[1].kind() != Some(ObjKind::Str) {
                return Ok(vm.not_implemented);
            }
            match super::compare::native_compare(vm, a[0], a[1], $op)? {
                Some(r) => Ok(r),
                None => Ok(vm.not_implemented),
            }
        }
    };
}
str_cmp!(m_eq, pyjit_compiler::opcode::CmpOp::Eq);
str_cmp!(m_ne, pyjit_compiler::opcode::CmpOp::Ne);
str_cmp!(m_lt, pyjit_compiler::opcode::CmpOp::Lt);
str_cmp!(m_le, pyjit_compiler::opcode::CmpOp::Le);
str_cmp!(m_gt, pyjit_compiler::opcode::CmpOp::Gt);
str_cmp!(m_ge, pyjit_compiler::opcode::CmpOp::Ge);

fn m_iter(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let t = vm.types.str_iterator;
    Ok(vm.new_iter(t, IterState::Seq { seq: a[0], index: 0 }))
}

fn m_fmt(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let spec = arg(vm, a, 1, "__format__")?;
    let t = s(vm, a[0])?;
    let spec = vm.str_of(spec);
    let r = super::format::format_str_spec(vm, &t, &spec)?;
    make(vm, r)
}

pub fn register(vm: &mut Vm) {
    let t = vm.types.str;
    static_method(vm, t, "__new__", str_new);
    let ms: &[(&'static str, crate::interp::NativeFn)] = &[
        ("upper", m_upper),
        ("lower", m_lower),
        ("casefold", m_casefold),
        ("swapcase", m_swapcase),
        ("capitalize", m_capitalize),
        ("title", m_title),
        ("strip", m_strip),
        ("lstrip", m_lstrip),
        ("rstrip", m_rstrip),
        ("split", m_split),
        ("rsplit", m_rsplit),
        ("splitlines", m_splitlines),
        ("join", m_join),
        ("find", m_find),
        ("rfind", m_rfind),
        ("index", m_index),
        ("rindex", m_rindex),
        ("count", m_count),
        ("startswith", m_startswith),
        ("endswith", m_endswith),
        ("replace", m_replace),
        ("partition", m_partition),
        ("rpartition", m_rpartition),
        ("center", m_center),
        ("ljust", m_ljust),
        ("rjust", m_rjust),
        ("zfill", m_zfill),
        ("expandtabs", m_expandtabs),
        ("isdigit", m_isdigit),
        ("isdecimal", m_isdecimal),
        ("isnumeric", m_isnumeric),
        ("isalpha", m_isalpha),
        ("isalnum", m_isalnum),
        ("isspace", m_isspace),
        ("isascii", m_isascii),
        ("isprintable", m_isprintable),
        ("isidentifier", m_isidentifier),
        ("islower", m_islower),
        ("isupper", m_isupper),
        ("istitle", m_istitle),
        ("encode", m_encode),
        ("format", m_format),
        ("format_map", m_format_map),
        ("translate", m_translate),
        ("removeprefix", m_removeprefix),
        ("removesuffix", m_removesuffix),
        ("__getnewargs__", m_getnewargs),
        ("__str__", m_str),
        ("__repr__", m_repr),
        ("__hash__", m_hash),
        ("__len__", m_len),
        ("__contains__", m_contains),
        ("__getitem__", m_getitem),
        ("__add__", m_add),
        ("__mul__", m_mul),
        ("__rmul__", m_mul),
        ("__mod__", m_mod),
        ("__eq__", m_eq),
        ("__ne__", m_ne),
        ("__lt__", m_lt),
        ("__le__", m_le),
        ("__gt__", m_gt),
        ("__ge__", m_ge),
        ("__iter__", m_iter),
        ("__format__", m_fmt),
    ];
    for &(n, f) in ms {
        method(vm, t, n, f);
    }
    static_method(vm, t, "maketrans", m_maketrans);
}
