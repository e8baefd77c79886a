//! Methods of bytes and bytearray, with CPython's byte (ASCII) semantics: case mappings
//! and classes only for ASCII letters, whitespace = ASCII whitespace, line breaks
//! = \n, \r, \r\n.

use std::cell::RefCell;

use crate::heap::{Gc, ObjKind, Value};
use crate::interp::{PyResult, Vm};
use crate::objects::*;

use super::bytes::bytes_from;
use super::{arg, marity, method, split_kw, static_method};

/// The contents of self (bytes or bytearray).
fn data(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    bytes_from(vm, v)
}

/// A bytes-like argument.
fn buf(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    match v.kind() {
        Some(ObjKind::Bytes) | Some(ObjKind::ByteArray) | Some(ObjKind::MemoryView) => bytes_from(vm, v),
        _ => {
            let tn = vm.type_name_of(v);
            Err(vm.type_error(&format!("a bytes-like object is required, not '{tn}'")))
        }
    }
}

/// A result of the same kind as self: bytearray for bytearray, else bytes.
fn make(vm: &mut Vm, like: Value, d: Vec<u8>) -> Value {
    if like.kind() == Some(ObjKind::ByteArray) {
        vm.new_bytearray(d)
    } else {
        vm.new_bytes(d)
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// A byte value from an int (or __index__) argument.
pub fn byte_value(vm: &mut Vm, v: Value) -> PyResult<u8> {
    let i = vm.index_of(v)?;
    match vm.as_i64(i) {
        Some(b) if (0..256).contains(&b) => Ok(b as u8),
        _ => Err(vm.value_error("byte must be in range(0, 256)")),
    }
}

/// Optional start/end arguments clamped like slice indices.
fn range_args(vm: &mut Vm, a: &[Value], i: usize, len: usize) -> PyResult<(usize, usize, bool)> {
    let n = len as i64;
    let get = |vm: &mut Vm, k: usize, d: i64| -> PyResult<i64> {
        match a.get(k) {
            Some(&x) if x != vm.none => {
                let x = vm.index_of(x).map_err(|_| vm.type_error("slice indices must be integers or None or have an __index__ method"))?;
                let x = vm.as_i64(x).unwrap_or(if vm.is_int(x) { i64::MAX } else { 0 });
                Ok(x)
            }
            _ => Ok(d),
        }
    };
    let raw_start = get(vm, i, 0)?;
    let raw_end = get(vm, i + 1, n)?;
    let fix = |x: i64| if x < 0 { (x + n).max(0) } else { x.min(n) };
    let (st, en) = (fix(raw_start), fix(raw_end));
    // a start past the end finds nothing, not even an empty needle
    Ok((st as usize, en as usize, raw_start <= n && st <= en))
}

/// The needle of find/count/index: bytes-like or a byte value.
fn needle(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if matches!(v.kind(), Some(ObjKind::Bytes) | Some(ObjKind::ByteArray) | Some(ObjKind::MemoryView)) {
        return bytes_from(vm, v);
    }
    if vm.is_int(v) || {
        let ty = vm.type_of(v);
        let n = vm.intern("__index__");
        vm.lookup(ty, n).is_some()
    } {
        return Ok(vec![byte_value(vm, v)?]);
    }
    let tn = vm.type_name_of(v);
    Err(vm.type_error(&format!("argument should be integer or bytes-like object, not '{tn}'")))
}

fn find_impl(h: &[u8], n: &[u8], st: usize, en: usize, ok: bool, rev: bool) -> Option<usize> {
    if !ok || en - st < n.len() {
        return None;
    }
    let last = en - n.len();
    if rev {
        (st..=last).rev().find(|&i| &h[i..i + n.len()] == n)
    } else {
        (st..=last).find(|&i| &h[i..i + n.len()] == n)
    }
}

fn find_common(vm: &mut Vm, a: &[Value], name: &str, rev: bool) -> PyResult<Option<usize>> {
    marity(vm, a, 2, 4, name)?;
    let h = data(vm, a[0])?;
    let n = needle(vm, a[1])?;
    let (st, en, ok) = range_args(vm, a, 2, h.len())?;
    Ok(find_impl(&h, &n, st, en, ok, rev))
}

fn b_find(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let r = find_common(vm, a, "find", false)?;
    Ok(vm.new_int(r.map(|i| i as i64).unwrap_or(-1)))
}
fn b_rfind(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let r = find_common(vm, a, "rfind", true)?;
    Ok(vm.new_int(r.map(|i| i as i64).unwrap_or(-1)))
}
fn b_index(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    match find_common(vm, a, "index", false)? {
        Some(i) => Ok(vm.new_int(i as i64)),
        None => Err(vm.value_error("subsection not found")),
    }
}
fn b_rindex(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    match find_common(vm, a, "rindex", true)? {
        Some(i) => Ok(vm.new_int(i as i64)),
        None => Err(vm.value_error("subsection not found")),
    }
}
fn b_count(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 4, "count")?;
    let h = data(vm, a[0])?;
    let n = needle(vm, a[1])?;
    let (st, en, ok) = range_args(vm, a, 2, h.len())?;
    if !ok {
        return Ok(vm.new_int(0));
    }
    if n.is_empty() {
        return Ok(vm.new_int((en - st + 1) as i64));
    }
    Ok(vm.new_int(super::str::count_in(&h, &n, st, en) as i64))
}

fn starts_ends(vm: &mut Vm, a: &[Value], ends: bool) -> PyResult<Value> {
    let name = if ends { "endswith" } else { "startswith" };
    marity(vm, a, 2, 4, name)?;
    let h = data(vm, a[0])?;
    let (st, en, ok) = range_args(vm, a, 2, h.len())?;
    let cands = match a[1].get::<TupleObj>() {
        Some(t) => t.items.to_vec(),
        None => {
            if !matches!(a[1].kind(), Some(ObjKind::Bytes) | Some(ObjKind::ByteArray) | Some(ObjKind::MemoryView)) {
                let tn = vm.type_name_of(a[1]);
                return Err(vm.type_error(&format!("{name} first arg must be bytes or a tuple of bytes, not {tn}")));
            }
            vec![a[1]]
        }
    };
    for c in cands {
        let n = buf(vm, c)?;
        if !ok {
            continue;
        }
        let w = &h[st..en];
        if (ends && w.ends_with(&n)) || (!ends && w.starts_with(&n)) {
            return Ok(vm.true_);
        }
    }
    Ok(vm.false_)
}
fn b_startswith(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    starts_ends(vm, a, false)
}
fn b_endswith(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    starts_ends(vm, a, true)
}

macro_rules! map_bytes {
    ($name:ident, $f:expr) => {
        fn $name(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
            marity(vm, a, 1, 1, stringify!($name))?;
            let d = data(vm, a[0])?;
            let f: fn(&[u8]) -> Vec<u8> = $f;
            let r = f(&d);
            Ok(make(vm, a[0], r))
        }
    };
}
map_bytes!(b_upper, |d| d.to_ascii_uppercase());
map_bytes!(b_lower, |d| d.to_ascii_lowercase());
map_bytes!(b_swapcase, |d| d.iter().map(|&c| if c.is_ascii_alphabetic() { c ^ 0x20 } else { c }).collect());
map_bytes!(b_capitalize, |d| d.iter().enumerate().map(|(i, &c)| if i == 0 { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() }).collect());
map_bytes!(b_title, |d| {
    let mut prev = false;
    d.iter()
        .map(|&c| {
            let r = if prev { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() };
            prev = c.is_ascii_alphabetic();
            r
        })
        .collect()
});

macro_rules! pred {
    ($name:ident, $f:expr) => {
        fn $name(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
            let d = data(vm, a[0])?;
            let f: fn(&[u8]) -> bool = $f;
            Ok(vm.bool_val(f(&d)))
        }
    };
}
pred!(b_isalpha, |d| !d.is_empty() && d.iter().all(|c| c.is_ascii_alphabetic()));
pred!(b_isalnum, |d| !d.is_empty() && d.iter().all(|c| c.is_ascii_alphanumeric()));
pred!(b_isdigit, |d| !d.is_empty() && d.iter().all(|c| c.is_ascii_digit()));
pred!(b_isspace, |d| !d.is_empty() && d.iter().all(|&c| is_space(c)));
pred!(b_isascii, |d| d.is_ascii());
pred!(b_islower, |d| d.iter().any(|c| c.is_ascii_lowercase()) && !d.iter().any(|c| c.is_ascii_uppercase()));
pred!(b_isupper, |d| d.iter().any(|c| c.is_ascii_uppercase()) && !d.iter().any(|c| c.is_ascii_lowercase()));
pred!(b_istitle, |d| {
    let (mut cased, mut prev) = (false, false);
    for &c in d {
        if c.is_ascii_uppercase() {
            if prev {
                return false;
            }
            prev = true;
            cased = true;
        } else if c.is_ascii_lowercase() {
            if !prev {
                return false;
            }
            prev = true;
        } else {
            prev = false;
        }
    }
    cased
});

/// The bytes to strip: the argument, or ASCII whitespace for None.
fn strip_set(vm: &mut Vm, a: &[Value], name: &str) -> PyResult<Option<Vec<u8>>> {
    marity(vm, a, 1, 2, name)?;
    match a.get(1) {
        Some(&v) if v != vm.none => Ok(Some(buf(vm, v)?)),
        _ => Ok(None),
    }
}
fn strip_impl(vm: &mut Vm, a: &[Value], name: &str, left: bool, right: bool) -> PyResult<Value> {
    let set = strip_set(vm, a, name)?;
    let d = data(vm, a[0])?;
    let strip = |c: &u8| match &set {
        Some(s) => s.contains(c),
        None => is_space(*c),
    };
    let mut st = 0;
    let mut en = d.len();
    if left {
        while st < en && strip(&d[st]) {
            st += 1;
        }
    }
    if right {
        while en > st && strip(&d[en - 1]) {
            en -= 1;
        }
    }
    Ok(make(vm, a[0], d[st..en].to_vec()))
}
fn b_strip(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    strip_impl(vm, a, "strip", true, true)
}
fn b_lstrip(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    strip_impl(vm, a, "lstrip", true, false)
}
fn b_rstrip(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    strip_impl(vm, a, "rstrip", false, true)
}

/// (self, separator or None for whitespace, maxsplit) of split/rsplit.
fn split_args(vm: &mut Vm, a: &[Value], k: Value, name: &str) -> PyResult<(Vec<u8>, Option<Vec<u8>>, i64)> {
    let (pos, kws) = split_kw(vm, a, k);
    if pos.len() > 3 {
        return Err(vm.type_error(&format!("{name}() takes at most 2 arguments ({} given)", pos.len() - 1)));
    }
    let mut sep = pos.get(1).copied();
    let mut maxsplit = pos.get(2).copied();
    for (n, v) in kws {
        match n.as_str() {
            "sep" => sep = Some(v),
            "maxsplit" => maxsplit = Some(v),
            _ => return Err(vm.type_error(&format!("{name}() got an unexpected keyword argument '{n}'"))),
        }
    }
    let d = data(vm, pos[0])?;
    let sep = match sep {
        Some(v) if v != vm.none => {
            let s = buf(vm, v)?;
            if s.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            Some(s)
        }
        _ => None,
    };
    let maxsplit = match maxsplit {
        Some(v) => {
            let i = vm.index_of(v)?;
            vm.as_i64(i).unwrap_or(i64::MAX)
        }
        None => -1,
    };
    Ok((d, sep, maxsplit))
}

fn split_parts(d: &[u8], sep: &Option<Vec<u8>>, maxsplit: i64) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let max = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    match sep {
        Some(s) => {
            let mut start = 0;
            let mut i = 0;
            while out.len() < max && i + s.len() <= d.len() {
                if &d[i..i + s.len()] == &s[..] {
                    out.push(d[start..i].to_vec());
                    i += s.len();
                    start = i;
                } else {
                    i += 1;
                }
            }
            out.push(d[start..].to_vec());
        }
        None => {
            let mut i = 0;
            loop {
                while i < d.len() && is_space(d[i]) {
                    i += 1;
                }
                if i >= d.len() {
                    break;
                }
                if out.len() >= max {
                    // the rest, trailing whitespace included
                    out.push(d[i..].to_vec());
                    break;
                }
                let st = i;
                while i < d.len() && !is_space(d[i]) {
                    i += 1;
                }
                out.push(d[st..i].to_vec());
            }
        }
    }
    out
}

fn rsplit_parts(d: &[u8], sep: &Option<Vec<u8>>, maxsplit: i64) -> Vec<Vec<u8>> {
    // split the reversed data with the reversed separator
    let rd: Vec<u8> = d.iter().rev().copied().collect();
    let rs = sep.as_ref().map(|s| s.iter().rev().copied().collect());
    let mut parts = split_parts(&rd, &rs, maxsplit);
    for p in parts.iter_mut() {
        p.reverse();
    }
    parts.reverse();
    parts
}

fn parts_list(vm: &mut Vm, like: Value, parts: Vec<Vec<u8>>) -> Value {
    let vals: Vec<Value> = parts.into_iter().map(|p| make(vm, like, p)).collect();
    vm.new_list(vals)
}
fn b_split(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let (d, sep, max) = split_args(vm, a, k, "split")?;
    let parts = split_parts(&d, &sep, max);
    Ok(parts_list(vm, a[0], parts))
}
fn b_rsplit(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let (d, sep, max) = split_args(vm, a, k, "rsplit")?;
    let parts = rsplit_parts(&d, &sep, max);
    Ok(parts_list(vm, a[0], parts))
}

fn b_splitlines(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let (pos, kws) = split_kw(vm, a, k);
    let mut keep = pos.get(1).copied();
    for (n, v) in kws {
        if n == "keepends" {
            keep = Some(v);
        } else {
            return Err(vm.type_error(&format!("splitlines() got an unexpected keyword argument '{n}'")));
        }
    }
    let keep = match keep {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let d = data(vm, pos[0])?;
    let mut parts = Vec::new();
    let (mut i, mut start) = (0, 0);
    while i < d.len() {
        let c = d[i];
        if c == b'\n' || c == b'\r' {
            let mut end = i + 1;
            if c == b'\r' && d.get(i + 1) == Some(&b'\n') {
                end += 1;
            }
            parts.push(d[start..if keep { end } else { i }].to_vec());
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < d.len() {
        parts.push(d[start..].to_vec());
    }
    Ok(parts_list(vm, pos[0], parts))
}

fn partition_impl(vm: &mut Vm, a: &[Value], rev: bool) -> PyResult<Value> {
    marity(vm, a, 2, 2, if rev { "rpartition" } else { "partition" })?;
    let d = data(vm, a[0])?;
    let s = buf(vm, a[1])?;
    if s.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let found = find_impl(&d, &s, 0, d.len(), true, rev);
    let (x, y, z) = match found {
        Some(i) => (d[..i].to_vec(), s.clone(), d[i + s.len()..].to_vec()),
        None if rev => (vec![], vec![], d.clone()),
        None => (d.clone(), vec![], vec![]),
    };
    let items = vec![make(vm, a[0], x), make(vm, a[0], y), make(vm, a[0], z)];
    Ok(vm.new_tuple(items))
}
fn b_partition(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    partition_impl(vm, a, false)
}
fn b_rpartition(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    partition_impl(vm, a, true)
}

fn b_replace(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 3, 4, "replace")?;
    let d = data(vm, a[0])?;
    let old = buf(vm, a[1])?;
    let new = buf(vm, a[2])?;
    let count = match a.get(3) {
        Some(&c) => {
            let i = vm.index_of(c)?;
            vm.as_i64(i).unwrap_or(i64::MAX)
        }
        None => -1,
    };
    let max = if count < 0 { usize::MAX } else { count as usize };
    let mut out = Vec::with_capacity(d.len());
    let mut n = 0;
    if old.is_empty() {
        for (i, &c) in d.iter().enumerate() {
            if n < max {
                out.extend_from_slice(&new);
                n += 1;
            }
            out.push(c);
            let _ = i;
        }
        if n < max {
            out.extend_from_slice(&new);
        }
        return Ok(make(vm, a[0], out));
    }
    let mut i = 0;
    while i < d.len() {
        if n < max && d[i..].starts_with(&old) {
            out.extend_from_slice(&new);
            i += old.len();
            n += 1;
        } else {
            out.push(d[i]);
            i += 1;
        }
    }
    Ok(make(vm, a[0], out))
}

fn b_join(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 2, "join")?;
    let sep = data(vm, a[0])?;
    let (_h, items) = vm.to_vec(a[1])?;
    let mut out = Vec::new();
    for (i, &it) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        if !matches!(it.kind(), Some(ObjKind::Bytes) | Some(ObjKind::ByteArray) | Some(ObjKind::MemoryView)) {
            let tn = vm.type_name_of(it);
            return Err(vm.type_error(&format!("sequence item {i}: expected a bytes-like object, {tn} found")));
        }
        out.extend(bytes_from(vm, it)?);
    }
    Ok(make(vm, a[0], out))
}

/// (self, width, fill byte) of center/ljust/rjust.
fn pad_args(vm: &mut Vm, a: &[Value], name: &str) -> PyResult<(Vec<u8>, usize, u8)> {
    marity(vm, a, 2, 3, name)?;
    let d = data(vm, a[0])?;
    let w = vm.index_of(a[1])?;
    let w = vm.as_i64(w).unwrap_or(0).max(0) as usize;
    let fill = match a.get(2) {
        None => b' ',
        Some(&f) => match f.kind() {
            Some(ObjKind::Bytes) | Some(ObjKind::ByteArray) if bytes_from(vm, f)?.len() == 1 => bytes_from(vm, f)?[0],
            _ => {
                let tn = vm.type_name_of(f);
                return Err(vm.type_error(&format!("{name}() argument 2 must be a byte string of length 1, not {tn}")));
            }
        },
    };
    if w > (1 << 31) {
        return Err(vm.memory_error());
    }
    Ok((d, w, fill))
}
fn b_center(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let (d, w, f) = pad_args(vm, a, "center")?;
    if w <= d.len() {
        return Ok(make(vm, a[0], d));
    }
    let total = w - d.len();
    // CPython puts the extra byte on the left when the width is odd and the length even
    let left = total / 2 + (total & w & 1);
    let mut out = vec![f; left];
    out.extend_from_slice(&d);
    out.resize(w, f);
    Ok(make(vm, a[0], out))
}
fn b_ljust(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let (mut d, w, f) = pad_args(vm, a, "ljust")?;
    if w > d.len() {
        d.resize(w, f);
    }
    Ok(make(vm, a[0], d))
}
fn b_rjust(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let (d, w, f) = pad_args(vm, a, "rjust")?;
    if w <= d.len() {
        return Ok(make(vm, a[0], d));
    }
    let mut out = vec![f; w - d.len()];
    out.extend_from_slice(&d);
    Ok(make(vm, a[0], out))
}
fn b_zfill(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 2, "zfill")?;
    let d = data(vm, a[0])?;
    let w = vm.ssize_arg(a[1])?.max(0) as usize;
    if w <= d.len() {
        return Ok(make(vm, a[0], d));
    }
    vm.check_alloc(w)?;
    let fill = w - d.len();
    let mut out = Vec::with_capacity(w);
    let rest = if matches!(d.first(), Some(b'+') | Some(b'-')) {
        out.push(d[0]);
        &d[1..]
    } else {
        &d[..]
    };
    out.extend(std::iter::repeat(b'0').take(fill));
    out.extend_from_slice(rest);
    Ok(make(vm, a[0], out))
}

fn b_expandtabs(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let (pos, kws) = split_kw(vm, a, k);
    let mut ts = pos.get(1).copied();
    for (n, v) in kws {
        if n == "tabsize" {
            ts = Some(v);
        }
    }
    let tabsize = match ts {
        Some(v) => {
            let i = vm.index_of(v)?;
            vm.as_i64(i).unwrap_or(8)
        }
        None => 8,
    };
    let d = data(vm, pos[0])?;
    let mut out = Vec::with_capacity(d.len());
    let mut col: i64 = 0;
    for &c in &d {
        match c {
            b'\t' => {
                if tabsize > 0 {
                    let n = tabsize - col % tabsize;
                    out.extend(std::iter::repeat(b' ').take(n as usize));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(make(vm, pos[0], out))
}

fn b_removeprefix(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 2, "removeprefix")?;
    let d = data(vm, a[0])?;
    let p = buf(vm, a[1])?;
    let r = d.strip_prefix(&p[..]).unwrap_or(&d).to_vec();
    Ok(make(vm, a[0], r))
}
fn b_removesuffix(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 2, "removesuffix")?;
    let d = data(vm, a[0])?;
    let p = buf(vm, a[1])?;
    let r = d.strip_suffix(&p[..]).unwrap_or(&d).to_vec();
    Ok(make(vm, a[0], r))
}

fn b_decode(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let (pos, kws) = split_kw(vm, a, k);
    let mut enc = pos.get(1).copied();
    let mut err = pos.get(2).copied();
    for (n, v) in kws {
        match n.as_str() {
            "encoding" => enc = Some(v),
            "errors" => err = Some(v),
            _ => return Err(vm.type_error(&format!("decode() got an unexpected keyword argument '{n}'"))),
        }
    }
    let text = |vm: &mut Vm, v: Option<Value>, what: &str, d: &str| -> PyResult<String> {
        match v {
            None => Ok(d.to_string()),
            Some(v) => match v.get::<StrObj>() {
                Some(s) => Ok(s.s.to_string()),
                None => {
                    let tn = vm.type_name_of(v);
                    Err(vm.type_error(&format!("decode() argument '{what}' must be str, not {tn}")))
                }
            },
        }
    };
    let enc = text(vm, enc, "encoding", "utf-8")?;
    let err = text(vm, err, "errors", "strict")?;
    let d = data(vm, pos[0])?;
    super::codecs::decode_str(vm, &d, &enc, &err)
}

/// The arguments of bytes.hex / bytearray.hex / memoryview.hex: (self, sep, bytes_per_sep).
pub(super) fn hex_args(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<(Value, Option<Value>, Option<Value>)> {
    let (pos, kws) = split_kw(vm, a, k);
    let mut sep = pos.get(1).copied();
    let mut per = pos.get(2).copied();
    for (n, v) in kws {
        match n.as_str() {
            "sep" => sep = Some(v),
            "bytes_per_sep" => per = Some(v),
            _ => return Err(vm.type_error(&format!("hex() got an unexpected keyword argument '{n}'"))),
        }
    }
    Ok((pos[0], sep, per))
}

fn b_hex(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let (this, sep, per) = hex_args(vm, a, k)?;
    let d = data(vm, this)?;
    let r = hex_string(vm, &d, sep, per)?;
    Ok(vm.new_string(r))
}

/// bytes.hex / memoryview.hex with an optional separator every `bytes_per_sep` bytes
/// (counted from the right when positive, from the left when negative).
pub fn hex_string(vm: &mut Vm, d: &[u8], sep: Option<Value>, per: Option<Value>) -> PyResult<String> {
    let sep: Option<char> = match sep {
        None => None,
        Some(s) => {
            let text: Vec<char> = if let Some(x) = s.get::<StrObj>() {
                x.s.chars().collect()
            } else if matches!(s.kind(), Some(ObjKind::Bytes) | Some(ObjKind::ByteArray)) {
                bytes_from(vm, s)?.iter().map(|&c| c as char).collect()
            } else {
                return Err(vm.type_error("sep must be str or bytes."));
            };
            if text.len() != 1 {
                return Err(vm.value_error("sep must be length 1."));
            }
            if !text[0].is_ascii() {
                return Err(vm.value_error("sep must be ASCII."));
            }
            Some(text[0])
        }
    };
    let per = match per {
        Some(p) => vm.c_int_arg(p)? as i64,
        None => 1,
    };
    let hex = |b: &[u8]| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
    let Some(sep) = sep.filter(|_| per != 0) else { return Ok(hex(d)) };
    let group = per.unsigned_abs() as usize;
    let mut chunks: Vec<String> = Vec::new();
    if per > 0 {
        let mut end = d.len();
        while end > 0 {
            let start = end.saturating_sub(group);
            chunks.push(hex(&d[start..end]));
            end = start;
        }
        chunks.reverse();
    } else {
        chunks = d.chunks(group).map(hex).collect();
    }
    Ok(chunks.join(&sep.to_string()))
}

fn b_fromhex(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let v = arg(vm, a, 1, "fromhex")?;
    let Some(s) = v.get::<StrObj>() else {
        let tn = vm.type_name_of(v);
        return Err(vm.type_error(&format!("fromhex() argument must be str, not {tn}")));
    };
    let chars: Vec<char> = s.s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let digit = |c: char| c.to_digit(16).filter(|_| c.is_ascii());
    while i < chars.len() {
        if matches!(chars[i], ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c') {
            i += 1;
            continue;
        }
        let Some(hi) = digit(chars[i]) else {
            return Err(vm.value_error(&format!("non-hexadecimal number found in fromhex() arg at position {i}")));
        };
        let Some(lo) = chars.get(i + 1).and_then(|&c| digit(c)) else {
            return Err(vm.value_error(&format!("non-hexadecimal number found in fromhex() arg at position {}", i + 1)));
        };
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    let cls = a[0];
    if cls == vm.types.bytearray {
        return Ok(vm.new_bytearray(out));
    }
    let b = vm.new_bytes(out);
    if cls == vm.types.bytes {
        return Ok(b);
    }
    vm.call(cls, &[b])
}

fn b_maketrans(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    // a static method: no self
    if a.len() != 2 {
        return Err(vm.type_error(&format!("maketrans expected 2 arguments, got {}", a.len())));
    }
    let from = buf(vm, a[0])?;
    let to = buf(vm, a[1])?;
    if from.len() != to.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (f, t) in from.iter().zip(to.iter()) {
        table[*f as usize] = *t;
    }
    Ok(vm.new_bytes(table))
}

fn b_translate(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let (pos, kws) = split_kw(vm, a, k);
    let mut table = pos.get(1).copied();
    let mut delete = pos.get(2).copied();
    for (n, v) in kws {
        match n.as_str() {
            "delete" => delete = Some(v),
            _ => return Err(vm.type_error(&format!("translate() got an unexpected keyword argument '{n}'"))),
        }
    }
    let Some(table) = table.take() else { return Err(vm.type_error("translate() takes at least 1 positional argument (0 given)")) };
    let t = if table == vm.none {
        None
    } else {
        let t = buf(vm, table)?;
        if t.len() != 256 {
            return Err(vm.value_error("translation table must be 256 characters long"));
        }
        Some(t)
    };
    let del = match delete {
        Some(d) => buf(vm, d)?,
        None => vec![],
    };
    let d = data(vm, pos[0])?;
    let out: Vec<u8> = d.iter().filter(|c| !del.contains(c)).map(|&c| t.as_ref().map(|t| t[c as usize]).unwrap_or(c)).collect();
    Ok(make(vm, pos[0], out))
}

fn b_getnewargs(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let d = data(vm, a[0])?;
    let b = vm.new_bytes(d);
    Ok(vm.new_tuple(vec![b]))
}

fn b_len(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let n = data(vm, a[0])?.len();
    Ok(vm.new_int(n as i64))
}

// ---- bytearray mutation ----

fn ba(vm: &mut Vm, v: Value) -> PyResult<Gc<ByteArrayObj>> {
    match v.get::<ByteArrayObj>() {
        Some(b) => Ok(b),
        None => {
            let tn = vm.type_name_of(v);
            Err(vm.type_error(&format!("descriptor requires a 'bytearray' object but received a '{tn}'")))
        }
    }
}

fn ba_append(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 2, "append")?;
    let b = byte_value(vm, a[1])?;
    ba(vm, a[0])?.data.borrow_mut().push(b);
    Ok(vm.none)
}
fn ba_extend(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 2, "extend")?;
    let v = a[1];
    let d = if matches!(v.kind(), Some(ObjKind::Bytes) | Some(ObjKind::ByteArray) | Some(ObjKind::MemoryView)) {
        bytes_from(vm, v)?
    } else {
        if v.kind() == Some(ObjKind::Str) || vm.iter(v).is_err() {
            let tn = vm.type_name_of(v);
            return Err(vm.type_error(&format!("can't extend bytearray with {tn}")));
        }
        let (_h, items) = vm.to_vec(v)?;
        let mut out = Vec::with_capacity(items.len());
        for it in items {
            out.push(byte_value(vm, it)?);
        }
        out
    };
    ba(vm, a[0])?.data.borrow_mut().extend(d);
    Ok(vm.none)
}
fn ba_pop(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 1, 2, "pop")?;
    let cell = ba(vm, a[0])?;
    let cell = &cell.data;
    let n = cell.borrow().len();
    let i = match a.get(1) {
        Some(&v) => {
            let i = vm.index_of(v)?;
            vm.as_i64(i).unwrap_or(i64::MAX)
        }
        None => -1,
    };
    if n == 0 {
        return Err(vm.index_error("pop from empty bytearray"));
    }
    let j = if i < 0 { i + n as i64 } else { i };
    if j < 0 || j >= n as i64 {
        return Err(vm.index_error("pop index out of range"));
    }
    let b = cell.borrow_mut().remove(j as usize);
    Ok(vm.new_int(b as i64))
}
fn ba_insert(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 3, 3, "insert")?;
    let cell = ba(vm, a[0])?;
    let cell = &cell.data;
    let n = cell.borrow().len() as i64;
    let i = vm.index_of(a[1])?;
    let i = vm.as_i64(i).unwrap_or(i64::MAX);
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    let b = byte_value(vm, a[2])?;
    cell.borrow_mut().insert(j as usize, b);
    Ok(vm.none)
}
fn ba_reverse(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    ba(vm, a[0])?.data.borrow_mut().reverse();
    Ok(vm.none)
}
fn ba_clear(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    ba(vm, a[0])?.data.borrow_mut().clear();
    Ok(vm.none)
}
fn ba_copy(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let d = data(vm, a[0])?;
    Ok(vm.new_bytearray(d))
}
fn ba_remove(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 2, "remove")?;
    let b = byte_value(vm, a[1])?;
    let cell = ba(vm, a[0])?;
    let cell = &cell.data;
    let pos = cell.borrow().iter().position(|&x| x == b);
    match pos {
        Some(p) => {
            cell.borrow_mut().remove(p);
            Ok(vm.none)
        }
        None => Err(vm.value_error("value not found in bytearray")),
    }
}
fn ba_setitem(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 3, 3, "__setitem__")?;
    super::seqops::native_setitem(vm, a[0], a[1], a[2])?;
    Ok(vm.none)
}
fn ba_delitem(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 2, "__delitem__")?;
    super::seqops::native_delitem(vm, a[0], a[1])?;
    Ok(vm.none)
}
fn ba_init(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let Some(b) = a.first().and_then(|v| v.get::<ByteArrayObj>()) else {
        return Err(vm.type_error("descriptor '__init__' requires a 'bytearray' object"));
    };
    let data = data_from_args(vm, a, k, "bytearray")?;
    *b.data.borrow_mut() = data;
    Ok(vm.none)
}

// ---- constructor ----

fn bytes_new(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    let cls = args[0];
    if vm.is_subtype(cls, vm.types.bytearray) {
        // bytearray.__new__ makes an empty one; __init__ fills it, as in CPython
        return Ok(vm.alloc(cls, ByteArrayObj { data: RefCell::new(Vec::new()) }).value());
    }
    let data = data_from_args(vm, args, kw, "bytes")?;
    if cls == vm.types.bytes {
        return Ok(vm.new_bytes(data));
    }
    Ok(vm.alloc(cls, BytesObj { data: data.into_boxed_slice(), hash: std::cell::Cell::new(-1) }).value())
}

/// The contents `bytes(...)`/`bytearray(...)` make of their arguments (`args[0]` is the
/// class or the bytearray being initialised).
fn data_from_args(vm: &mut Vm, args: &[Value], kw: Value, name: &str) -> PyResult<Vec<u8>> {
    let (pos, kws) = split_kw(vm, args, kw);
    if pos.len() > 4 {
        return Err(vm.type_error(&format!("{name}() takes at most 3 arguments ({} given)", pos.len() - 1)));
    }
    let mut src = pos.get(1).copied();
    let mut enc = pos.get(2).copied();
    let mut errors = pos.get(3).copied();
    for (k, v) in kws {
        match k.as_str() {
            "source" => src = Some(v),
            "encoding" => enc = Some(v),
            "errors" => errors = Some(v),
            _ => return Err(vm.type_error(&format!("'{k}' is an invalid keyword argument for {name}()"))),
        }
    }
    for (what, v) in [("encoding", enc), ("errors", errors)] {
        if let Some(v) = v.filter(|v| v.kind() != Some(ObjKind::Str)) {
            let tn = vm.type_name_of(v);
            return Err(vm.type_error(&format!("{name}() argument '{what}' must be str, not {tn}")));
        }
    }
    let data = match src {
        None => {
            if enc.is_some() || errors.is_some() {
                return Err(vm.type_error(if enc.is_some() { "encoding without a string argument" } else { "errors without a string argument" }));
            }
            vec![]
        }
        Some(s) if s.kind() == Some(ObjKind::Str) => {
            let Some(e) = enc else {
                return Err(vm.type_error("string argument without an encoding"));
            };
            let e = vm.str_of(e);
            let err = errors.map(|v| vm.str_of(v)).unwrap_or_else(|| "strict".into());
            super::codecs::encode(vm, s, &e, &err)?
        }
        Some(s) => {
            if enc.is_some() {
                return Err(vm.type_error("encoding without a string argument"));
            }
            if errors.is_some() {
                return Err(vm.type_error("errors without a string argument"));
            }
            from_source(vm, s, name == "bytes")?
        }
    };
    Ok(data)
}

/// bytes(x) / bytearray(x): __bytes__, a count, a buffer, or an iterable of ints.
fn from_source(vm: &mut Vm, x: Value, is_bytes: bool) -> PyResult<Vec<u8>> {
    if is_bytes && x.kind() != Some(ObjKind::Bytes) {
        let n = vm.intern("__bytes__");
        let ty = vm.type_of(x);
        if let Some(f) = vm.lookup(ty, n) {
            let r = vm.call(f, &[x])?;
            if r.kind() != Some(ObjKind::Bytes) {
                let tn = vm.type_name_of(r);
                return Err(vm.type_error(&format!("__bytes__ returned non-bytes (type {tn})")));
            }
            return bytes_from(vm, r);
        }
    }
    if matches!(x.kind(), Some(ObjKind::Bytes) | Some(ObjKind::ByteArray) | Some(ObjKind::MemoryView)) {
        return bytes_from(vm, x);
    }
    // a native library object exporting a buffer (array.array)
    if let Some(b) = x.get::<NativeObj>().and_then(|o| o.with_buffer(|b| b.to_vec())) {
        return Ok(b);
    }
    let has_index = vm.is_int(x) || {
        let n = vm.intern("__index__");
        let ty = vm.type_of(x);
        vm.lookup(ty, n).is_some()
    };
    if has_index {
        let i = vm.index_of(x)?;
        return super::bytes::zeroed(vm, i);
    }
    if vm.iter(x).is_err() {
        let tn = vm.type_name_of(x);
        return Err(vm.type_error(&format!("cannot convert '{tn}' object to {}", if is_bytes { "bytes" } else { "bytearray" })));
    }
    let (_h, items) = vm.to_vec(x)?;
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        match byte_value(vm, it) {
            Err(e) if is_bytes && vm.isinstance(e.0, vm.types.value_error) => return Err(vm.value_error("bytes must be in range(0, 256)")),
            r => out.push(r?),
        }
    }
    Ok(out)
}

/// bytes.__hash__ (the same hash as str's of the same text, as in CPython).
fn b_hash(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 1, 1, "__hash__")?;
    let Some(b) = a[0].get::<BytesObj>() else {
        return Err(vm.type_error("descriptor '__hash__' requires a 'bytes' object"));
    };
    let h = super::hash::bytes_hash(vm.hash_key, &b.data);
    Ok(vm.new_int(h))
}

pub fn register(vm: &mut Vm) {
    for t in [vm.types.bytes, vm.types.bytearray] {
        static_method(vm, t, "__new__", bytes_new);
        static_method(vm, t, "maketrans", b_maketrans);
        super::class_method(vm, t, "fromhex", b_fromhex);
        let ms: &[(&'static str, crate::interp::NativeFn)] = &[
            ("decode", b_decode),
            ("hex", b_hex),
            ("join", b_join),
            ("upper", b_upper),
            ("lower", b_lower),
            ("swapcase", b_swapcase),
            ("title", b_title),
            ("capitalize", b_capitalize),
            ("strip", b_strip),
            ("lstrip", b_lstrip),
            ("rstrip", b_rstrip),
            ("split", b_split),
            ("rsplit", b_rsplit),
            ("splitlines", b_splitlines),
            ("partition", b_partition),
            ("rpartition", b_rpartition),
            ("replace", b_replace),
            ("startswith", b_startswith),
            ("endswith", b_endswith),
            ("find", b_find),
            ("rfind", b_rfind),
            ("index", b_index),
            ("rindex", b_rindex),
            ("count", b_count),
            ("isalpha", b_isalpha),
            ("isalnum", b_isalnum),
            ("isdigit", b_isdigit),
            ("isspace", b_isspace),
            ("isascii", b_isascii),
            ("islower", b_islower),
            ("isupper", b_isupper),
            ("istitle", b_istitle),
            ("center", b_center),
            ("ljust", b_ljust),
            ("rjust", b_rjust),
            ("zfill", b_zfill),
            ("expandtabs", b_expandtabs),
            ("removeprefix", b_removeprefix),
            ("removesuffix", b_removesuffix),
            ("translate", b_translate),
            ("__getnewargs__", b_getnewargs),
            ("__len__", b_len),
        ];
        for &(n, f) in ms {
            method(vm, t, n, f);
        }
    }
    let t = vm.types.bytes;
    method(vm, t, "__hash__", b_hash);
    let t = vm.types.bytearray;
    let ms: &[(&'static str, crate::interp::NativeFn)] = &[
        ("__init__", ba_init),
        ("append", ba_append),
        ("extend", ba_extend),
        ("pop", ba_pop),
        ("insert", ba_insert),
        ("reverse", ba_reverse),
        ("clear", ba_clear),
        ("copy", ba_copy),
        ("remove", ba_remove),
        ("__setitem__", ba_setitem),
        ("__delitem__", ba_delitem),
    ];
    for &(n, f) in ms {
        method(vm, t, n, f);
    }
    let none = vm.none;
    if let Some(dd) = t.get::<TypeObj>().map(|t| t.dict) {
        vm.dict_set_str(dd, "__hash__", none);
    }
}
