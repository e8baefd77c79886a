//! str: constructor and methods.

use crate::heap::{ObjKind, Value};
use crate::interp::{PyResult, Vm};
use crate::objects::*;
use crate::unicode;

use super::{arg, marity, method, split_kw, static_method};

fn s(vm: &mut Vm, v: Value) -> PyResult<String> {
    match v.get::<StrObj>() {
        Some(x) => Ok(String::from(&*x.s)),
        None => {
            let tn = vm.type_name_of(v);
            Err(vm.type_error(&format!("descriptor requires a 'str' object but received a '{tn}'")))
        }
    }
}

/// The str itself (borrowed, no copy), or the descriptor's TypeError.
fn sref(vm: &mut Vm, v: Value) -> PyResult<crate::heap::Gc<StrObj>> {
    match v.get::<StrObj>() {
        Some(x) => Ok(x),
        None => {
            let tn = vm.type_name_of(v);
            Err(vm.type_error(&format!("descriptor requires a 'str' object but received a '{tn}'")))
        }
    }
}

/// The byte offset of character `ci` (at most the length) of a str.
fn byte_at(x: &StrObj, ci: usize) -> usize {
    x.byte_offset(ci)
}

/// The number of characters in `t`.
fn nchars_of(t: &str) -> usize {
    t.as_bytes().iter().filter(|&&b| b & 0xc0 != 0x80).count()
}

/// `str_arg` without the copy: the str object itself.
fn str_ref_arg(vm: &mut Vm, v: Value, what: &str) -> PyResult<crate::heap::Gc<StrObj>> {
    match v.get::<StrObj>() {
        Some(x) => Ok(x),
        None => {
            let tn = vm.type_name_of(v);
            Err(vm.type_error(&format!("{what}must be str, not {tn}")))
        }
    }
}

/// Whether replace()'s optional count is absent or a small negative int (replace all).
fn count_is_all(count: Option<&Value>) -> bool {
    match count {
        None => true,
        Some(v) => v.is_small() && v.small_value() < 0,
    }
}

fn str_arg(vm: &mut Vm, v: Value, what: &str) -> PyResult<String> {
    match v.get::<StrObj>() {
        Some(x) => Ok(String::from(&*x.s)),
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
            for (what, v) in [("encoding", encoding), ("errors", errors)] {
                if let Some(v) = v.filter(|v| v.kind() != Some(ObjKind::Str)) {
                    let tn = vm.type_name_of(v);
                    return Err(vm.type_error(&format!("str() argument '{what}' must be str, not {tn}")));
                }
            }
            if encoding.is_some() || errors.is_some() {
                let b = super::bytes::bytes_from(vm, o).map_err(|_| {
                    let tn = vm.type_name_of(o);
                    vm.type_error(&format!("decoding to str: need a bytes-like object, {tn} found"))
                })?;
                let enc = encoding.map(|e| vm.str_of(e)).unwrap_or_else(|| "utf-8".into());
                let err = errors.map(|e| vm.str_of(e)).unwrap_or_else(|| "strict".into());
                super::bytes::decode_str(vm, &b, &enc, &err)?
            } else {
                vm.str_value(o)?
            }
        }
    };
    if cls == vm.types.str {
        return Ok(r);
    }
    let obj = match r.get::<StrObj>() {
        Some(o) if o.has_surrogates() => StrObj::from_code_points(&o.code_points()),
        _ => StrObj::new(vm.str_of(r).into_boxed_str()),
    };
    Ok(vm.alloc(cls, obj).value())
}

fn make(vm: &mut Vm, text: String) -> PyResult<Value> {
    Ok(vm.new_string(text))
}

/// The result of a method that may leave the text as it was: an exact str `orig` itself
/// when unchanged (CPython returns the same object, which pickle's memo relies on).
/// `same_or_new` for a result `r` that is a slice of the str `t` of `orig`.
fn same_or_slice(vm: &mut Vm, orig: Value, t: &str, r: &str) -> PyResult<Value> {
    if r.len() == t.len() && vm.type_of(orig) == vm.types.str {
        return Ok(orig);
    }
    Ok(vm.new_str(r))
}

fn same_or_new(vm: &mut Vm, orig: Value, text: String) -> PyResult<Value> {
    let unchanged = orig.get::<StrObj>().is_some_and(|o| *o.s == *text) && vm.type_of(orig) == vm.types.str;
    if unchanged {
        return Ok(orig);
    }
    make(vm, text)
}

fn m_upper(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let g = sref(vm, a[0])?;
    make(vm, crate::unicode::upper(&g.s))
}
fn m_lower(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let g = sref(vm, a[0])?;
    make(vm, crate::unicode::lower(&g.s))
}
fn m_casefold(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let g = sref(vm, a[0])?;
    make(vm, crate::unicode::casefold(&g.s))
}
fn m_swapcase(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let g = sref(vm, a[0])?;
    make(vm, crate::unicode::swapcase(&g.s))
}
fn m_capitalize(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let g = sref(vm, a[0])?;
    make(vm, crate::unicode::capitalize(&g.s))
}
fn m_title(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let g = sref(vm, a[0])?;
    make(vm, crate::unicode::title(&g.s))
}

fn strip_chars(vm: &mut Vm, a: &[Value]) -> PyResult<Option<crate::heap::Gc<StrObj>>> {
    match a.get(1) {
        Some(&v) if v != vm.none => match v.get::<StrObj>() {
            Some(x) => Ok(Some(x)),
            None => Err(vm.type_error("strip arg must be None or str")),
        },
        _ => Ok(None),
    }
}
fn m_strip(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let g = sref(vm, a[0])?;
    let t: &str = &g.s;
    let r = match strip_chars(vm, a)? {
        Some(cs) => t.trim_matches(|c| cs.s.contains(c)),
        None => t.trim_matches(unicode::is_space),
    };
    same_or_slice(vm, a[0], t, r)
}
fn m_lstrip(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let g = sref(vm, a[0])?;
    let t: &str = &g.s;
    let r = match strip_chars(vm, a)? {
        Some(cs) => t.trim_start_matches(|c| cs.s.contains(c)),
        None => t.trim_start_matches(unicode::is_space),
    };
    same_or_slice(vm, a[0], t, r)
}
fn m_rstrip(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let g = sref(vm, a[0])?;
    let t: &str = &g.s;
    let r = match strip_chars(vm, a)? {
        Some(cs) => t.trim_end_matches(|c| cs.s.contains(c)),
        None => t.trim_end_matches(unicode::is_space),
    };
    same_or_slice(vm, a[0], t, r)
}

fn split_args(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<(crate::heap::Gc<StrObj>, Option<crate::heap::Gc<StrObj>>, i64)> {
    if k.is_null() && a.len() <= 3 {
        // no keywords: the common call, without building the argument vectors
        return split_args_pos(vm, a[0], a.get(1).copied(), a.get(2).copied());
    }
    let (pos, kws) = split_kw(vm, a, k);
    let mut sep = pos.get(1).copied();
    let mut maxsplit = pos.get(2).copied();
    for (n, v) in kws {
        match n.as_str() {
            "sep" => sep = Some(v),
            "maxsplit" => maxsplit = Some(v),
            _ => return Err(vm.type_error(&format!("'{n}' is an invalid keyword argument for split()"))),
        }
    }
    split_args_pos(vm, pos[0], sep, maxsplit)
}

fn split_args_pos(
    vm: &mut Vm,
    t: Value,
    sep: Option<Value>,
    maxsplit: Option<Value>,
) -> PyResult<(crate::heap::Gc<StrObj>, Option<crate::heap::Gc<StrObj>>, i64)> {
    let t = sref(vm, t)?;
    let sep = match sep {
        Some(v) if v != vm.none => {
            let Some(x) = v.get::<StrObj>() else {
                let tn = vm.type_name_of(v);
                return Err(vm.type_error(&format!("must be str or None, not {tn}")));
            };
            if x.s.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            Some(x)
        }
        _ => None,
    };
    let maxsplit = match maxsplit {
        Some(v) => vm.ssize_arg(v)?,
        None => -1,
    };
    Ok((t, sep, maxsplit))
}

fn m_split(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let (g, sep, maxsplit) = split_args(vm, a, k)?;
    let t: &str = &g.s;
    let parts: Vec<&str> = match sep {
        Some(sep) => {
            let max = (maxsplit >= 0).then_some(maxsplit as usize);
            super::str_search::split(t, &sep.s, max)
        }
        None => {
            let mut out = Vec::new();
            let mut rest = t.trim_start_matches(unicode::is_space);
            let mut n = 0;
            while !rest.is_empty() {
                if maxsplit >= 0 && n >= maxsplit {
                    out.push(rest);
                    break;
                }
                match rest.find(unicode::is_space) {
                    Some(i) => {
                        out.push(&rest[..i]);
                        rest = rest[i..].trim_start_matches(unicode::is_space);
                    }
                    None => {
                        out.push(rest);
                        rest = "";
                    }
                }
                n += 1;
            }
            out
        }
    };
    let vals: Vec<Value> = parts.into_iter().map(|p| vm.new_str(p)).collect();
    Ok(vm.new_list(vals))
}

fn m_rsplit(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let (g, sep, maxsplit) = split_args(vm, a, k)?;
    let t: &str = &g.s;
    let mut parts: Vec<&str> = match sep {
        Some(sep) => {
            if maxsplit < 0 {
                t.rsplit(&*sep.s).collect()
            } else {
                t.rsplitn(maxsplit as usize + 1, &*sep.s).collect()
            }
        }
        None => {
            let mut out = Vec::new();
            let mut rest = t.trim_end_matches(unicode::is_space);
            let mut n = 0;
            while !rest.is_empty() {
                if maxsplit >= 0 && n >= maxsplit {
                    out.push(rest);
                    break;
                }
                match rest.rfind(unicode::is_space) {
                    Some(i) => {
                        let w = rest[i..].chars().next().map(|c| c.len_utf8()).unwrap_or(1);
                        out.push(&rest[i + w..]);
                        rest = rest[..i].trim_end_matches(unicode::is_space);
                    }
                    None => {
                        out.push(rest);
                        rest = "";
                    }
                }
                n += 1;
            }
            out
        }
    };
    parts.reverse();
    let vals: Vec<Value> = parts.into_iter().map(|p| vm.new_str(p)).collect();
    Ok(vm.new_list(vals))
}

fn m_splitlines(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let (pos, kws) = split_kw(vm, a, k);
    if pos.len() > 2 {
        return Err(vm.type_error(&format!("splitlines() takes at most 1 argument ({} given)", pos.len() - 1 + kws.len())));
    }
    let g = sref(vm, pos[0])?;
    let t: &str = &g.s;
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
    // byte offsets of each line's start, end without and end with its break
    let mut lines: Vec<(usize, usize, usize)> = Vec::new();
    let bytes = t.as_bytes();
    let mut start = 0;
    let mut it = t.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if unicode::is_linebreak(c) {
            let mut end = i + c.len_utf8();
            if c == '\r' && bytes.get(end) == Some(&b'\n') {
                it.next();
                end += 1;
            }
            lines.push((start, i, end));
            start = end;
        }
    }
    if start < t.len() {
        lines.push((start, t.len(), t.len()));
    }
    let vals: Vec<Value> = lines.into_iter().map(|(a, b, c)| vm.new_str(&t[a..if keep { c } else { b }])).collect();
    Ok(vm.new_list(vals))
}

fn m_join(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 2, "join")?;
    let sep_g = sref(vm, a[0])?;
    let sep: &str = &sep_g.s;
    if let Some(r) = join_exact(vm, a[0], sep, a[1]) {
        return Ok(r);
    }
    if vm.iter(a[1]).is_err() {
        return Err(vm.type_error("can only join an iterable"));
    }
    let (_h, items) = vm.to_vec(a[1])?;
    if items.len() == 1 && vm.type_of(items[0]) == vm.types.str {
        return Ok(items[0]);
    }
    let wide = |v: &Value| v.get::<StrObj>().is_some_and(|x| x.has_surrogates());
    if wide(&a[0]) || items.iter().any(wide) {
        // lone surrogates: join code points
        let sep = a[0].get::<StrObj>().map(|x| x.code_points()).unwrap_or_default();
        let mut out: Vec<u32> = Vec::new();
        for (i, it) in items.iter().enumerate() {
            if i > 0 {
                out.extend_from_slice(&sep);
            }
            match it.get::<StrObj>() {
                Some(x) => out.extend(x.code_points()),
                None => {
                    let tn = vm.type_name_of(*it);
                    return Err(vm.type_error(&format!("sequence item {i}: expected str instance, {tn} found")));
                }
            }
        }
        return Ok(vm.new_str_cps(&out));
    }
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
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

/// `sep.join(seq)` for a list or tuple of exact strs without lone surrogates, joined
/// straight from the sequence's items (no Python code runs, so they cannot change);
/// None when another path must do it.
fn join_exact(vm: &mut Vm, sep_v: Value, sep: &str, seq: Value) -> Option<Value> {
    let st = vm.types.str;
    let ty = vm.type_of(seq);
    if vm.type_of(sep_v) != st || (ty != vm.types.list && ty != vm.types.tuple) {
        return None;
    }
    if sep_v.get::<StrObj>().is_some_and(|x| x.has_surrogates()) {
        return None;
    }
    let text = {
        let list = seq.get::<ListObj>();
        let list_items = list.as_ref().map(|l| l.items.borrow());
        let tuple = seq.get::<TupleObj>();
        let items: &[Value] = match (&list_items, &tuple) {
            (Some(l), _) => l,
            (None, Some(t)) => &t.items,
            _ => return None,
        };
        if items.len() == 1 && vm.type_of(items[0]) == st {
            return Some(items[0]);
        }
        let mut len = sep.len() * items.len().saturating_sub(1);
        for &it in items {
            match it.get::<StrObj>() {
                Some(x) if !x.has_surrogates() => len += x.s.len(),
                _ => return None,
            }
        }
        let mut out = String::with_capacity(len);
        for (i, it) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(sep);
            }
            if let Some(x) = it.get::<StrObj>() {
                out.push_str(&x.s);
            }
        }
        out
    };
    Some(vm.new_string(text))
}

/// (text, needle, start char index, end char index) of find-like methods.
fn find_args(vm: &mut Vm, a: &[Value], name: &str) -> PyResult<(crate::heap::Gc<StrObj>, crate::heap::Gc<StrObj>, usize, usize)> {
    // PyArg_ParseTuple's "O|OO:find" messages
    if a.len() > 4 {
        return Err(vm.type_error(&format!("{name}() takes at most 3 arguments ({} given)", a.len() - 1)));
    }
    if a.len() < 2 {
        return Err(vm.type_error(&format!("{name}() takes at least 1 argument (0 given)")));
    }
    let t = sref(vm, a[0])?;
    let n = match a[1].get::<StrObj>() {
        Some(x) => x,
        None => {
            let tn = vm.type_name_of(a[1]);
            return Err(vm.type_error(&format!("must be str, not {tn}")));
        }
    };
    let len = t.nchars() as i64;
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

/// The character index of `n` in characters `st..en` of `t` (the last one when `rev`).
fn find_in(t: &StrObj, n: &StrObj, st: usize, en: usize, rev: bool) -> Option<usize> {
    if st > en {
        return None;
    }
    if en - st < n.nchars() {
        return if n.s.is_empty() { Some(if rev { en } else { st }) } else { None };
    }
    let (bs, be) = (byte_at(t, st), byte_at(t, en));
    let window = &t.s[bs..be];
    let pos = if rev { super::str_search::rfind(window, &n.s) } else { super::str_search::find(window, &n.s) }?;
    Some(if t.is_ascii() { st + pos } else { st + nchars_of(&window[..pos]) })
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
    if n.s.is_empty() {
        return Ok(vm.new_int(if st <= en && st <= t.nchars() { (en - st + 1) as i64 } else { 0 }));
    }
    if st > en {
        return Ok(vm.new_int(0));
    }
    let (bs, be) = (byte_at(&t, st), byte_at(&t, en));
    let c = super::str_search::count(&t.s[bs..be], &n.s);
    Ok(vm.new_int(c as i64))
}

/// Non-overlapping occurrences of a non-empty `n` in `t[st..en]` (str and bytes count).
pub(super) fn count_in<T: PartialEq>(t: &[T], n: &[T], st: usize, en: usize) -> usize {
    let (mut c, mut i) = (0, st);
    while i + n.len() <= en {
        if t[i..i + n.len()] == n[..] {
            c += 1;
            i += n.len();
        } else {
            i += 1;
        }
    }
    c
}

fn starts_ends(vm: &mut Vm, a: &[Value], ends: bool) -> PyResult<Value> {
    let name = if ends { "endswith" } else { "startswith" };
    if !(2..=4).contains(&a.len()) {
        // PyArg_ParseTuple's wording
        let n = a.len().saturating_sub(1);
        let (bound, k) = if n < 1 { ("least", 1) } else { ("most", 3) };
        return Err(vm.type_error(&format!("{name}() takes at {bound} {k} argument{} ({n} given)", if k == 1 { "" } else { "s" })));
    }
    let t = sref(vm, a[0])?;
    let len = t.nchars() as i64;
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
    let st = idx(vm, a.get(2), 0)? as usize;
    let en = idx(vm, a.get(3), len)? as usize;
    let (cands, in_tuple): (Vec<Value>, bool) = match a[1].get::<TupleObj>() {
        Some(tu) => (tu.items.to_vec(), true),
        None => (vec![a[1]], false),
    };
    for c in cands {
        let Some(x) = c.get::<StrObj>() else {
            let tn = vm.type_name_of(c);
            if in_tuple {
                return Err(vm.type_error(&format!("tuple for {name} must only contain str, not {tn}")));
            }
            return Err(vm.type_error(&format!("{name} first arg must be str or a tuple of str, not {tn}")));
        };
        if raw_start > len || st > en || st > t.nchars() {
            continue;
        }
        let window = &t.s[byte_at(&t, st)..byte_at(&t, en)];
        let ok = if ends { window.ends_with(&*x.s) } else { window.starts_with(&*x.s) };
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
    let g = sref(vm, a[0])?;
    let t: &str = &g.s;
    let old_g = str_ref_arg(vm, a[1], "replace() argument 1 ")?;
    let old: &str = &old_g.s;
    let new_g = str_ref_arg(vm, a[2], "replace() argument 2 ")?;
    let new: &str = &new_g.s;
    if count_is_all(a.get(3)) && !old.is_empty() && !t.contains(old) {
        return same_or_slice(vm, a[0], t, t);
    }
    let count = match a.get(3) {
        Some(&v) => vm.ssize_arg(v)?,
        None => -1,
    };
    let r = if count < 0 {
        if old.is_empty() {
            let mut out = new.to_string();
            for c in t.chars() {
                out.push(c);
                out.push_str(new);
            }
            out
        } else {
            t.replace(old, new)
        }
    } else if old.is_empty() {
        let mut out = String::new();
        let mut n = 0;
        for c in t.chars() {
            if n < count {
                out.push_str(new);
                n += 1;
            }
            out.push(c);
        }
        if n < count {
            out.push_str(new);
        }
        out
    } else {
        t.replacen(old, new, count as usize)
    };
    same_or_new(vm, a[0], r)
}

fn m_partition(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 2, "partition")?;
    let g = sref(vm, a[0])?;
    let t: &str = &g.s;
    let sep_g = str_ref_arg(vm, a[1], "")?;
    let sep: &str = &sep_g.s;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let (x, y, z) = match super::str_search::find(t, sep) {
        Some(i) => {
            let x = vm.new_str(&t[..i]);
            let z = vm.new_str(&t[i + sep.len()..]);
            let y = if vm.type_of(a[1]) == vm.types.str { a[1] } else { vm.new_str(sep) };
            return Ok(vm.new_tuple(vec![x, y, z]));
        }
        None => (t.to_string(), String::new(), String::new()),
    };
    let v = vec![vm.new_string(x), vm.new_string(y), vm.new_string(z)];
    Ok(vm.new_tuple(v))
}
fn m_rpartition(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 2, "rpartition")?;
    let g = sref(vm, a[0])?;
    let t: &str = &g.s;
    let sep_g = str_ref_arg(vm, a[1], "")?;
    let sep: &str = &sep_g.s;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let (x, y, z) = match super::str_search::rfind(t, sep) {
        Some(i) => {
            let x = vm.new_str(&t[..i]);
            let z = vm.new_str(&t[i + sep.len()..]);
            let y = if vm.type_of(a[1]) == vm.types.str { a[1] } else { vm.new_str(sep) };
            return Ok(vm.new_tuple(vec![x, y, z]));
        }
        None => (String::new(), String::new(), t.to_string()),
    };
    let v = vec![vm.new_string(x), vm.new_string(y), vm.new_string(z)];
    Ok(vm.new_tuple(v))
}

fn pad_args(vm: &mut Vm, a: &[Value], name: &str) -> PyResult<(crate::heap::Gc<StrObj>, usize, char)> {
    marity(vm, a, 2, 3, name)?;
    let t = sref(vm, a[0])?;
    let w = vm.ssize_arg(a[1])?.max(0) as usize;
    let fill = match a.get(2) {
        Some(&f) => {
            let fs = str_ref_arg(vm, f, "")?;
            let mut cs = fs.s.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => c,
                _ => return Err(vm.type_error("The fill character must be exactly one character long")),
            }
        }
        None => ' ',
    };
    vm.check_alloc(w.saturating_mul(fill.len_utf8()))?;
    Ok((t, w, fill))
}
/// `t` with `left` and `right` copies of `fill` around it.
fn padded(t: &str, left: usize, right: usize, fill: char) -> String {
    let mut out = String::with_capacity(t.len() + (left + right) * fill.len_utf8());
    out.extend(std::iter::repeat(fill).take(left));
    out.push_str(t);
    out.extend(std::iter::repeat(fill).take(right));
    out
}
fn m_center(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let (g, w, f) = pad_args(vm, a, "center")?;
    let t: &str = &g.s;
    let n = g.nchars();
    if n >= w {
        return same_or_slice(vm, a[0], t, t);
    }
    let total = w - n;
    let left = total / 2 + (total & w & 1);
    let right = total - left;
    make(vm, padded(t, left, right, f))
}
fn m_ljust(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let (g, w, f) = pad_args(vm, a, "ljust")?;
    let t: &str = &g.s;
    let n = g.nchars();
    if n >= w {
        return same_or_slice(vm, a[0], t, t);
    }
    make(vm, padded(t, 0, w - n, f))
}
fn m_rjust(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let (g, w, f) = pad_args(vm, a, "rjust")?;
    let t: &str = &g.s;
    let n = g.nchars();
    if n >= w {
        return same_or_slice(vm, a[0], t, t);
    }
    make(vm, padded(t, w - n, 0, f))
}
fn m_zfill(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 2, "zfill")?;
    let g = sref(vm, a[0])?;
    let t: &str = &g.s;
    let w = vm.ssize_arg(a[1])?.max(0) as usize;
    let n = g.nchars();
    if n >= w {
        return same_or_slice(vm, a[0], t, t);
    }
    vm.check_alloc(w)?;
    let (sign, rest) = if t.starts_with(['+', '-']) { (&t[..1], &t[1..]) } else { ("", t) };
    let mut out = String::with_capacity(t.len() + w - n);
    out.push_str(sign);
    out.extend(std::iter::repeat('0').take(w - n));
    out.push_str(rest);
    make(vm, out)
}
fn m_expandtabs(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let (pos, kws) = split_kw(vm, a, k);
    if pos.len() > 2 {
        return Err(vm.type_error(&format!("expandtabs() takes at most 1 argument ({} given)", pos.len() - 1 + kws.len())));
    }
    let t = s(vm, pos[0])?;
    let ts = pos.get(1).copied().or_else(|| kws.iter().find(|x| x.0 == "tabsize").map(|x| x.1));
    let ts = match ts {
        None => 8,
        Some(v) => {
            let i = vm.index_of(v)?;
            match vm.as_i64(i).filter(|n| i32::try_from(*n).is_ok()) {
                Some(n) => n,
                None => return Err(vm.overflow_error("Python int too large to convert to C int")),
            }
        }
    };
    // the result's length is known before it is built
    let tabs = t.bytes().filter(|&b| b == b'\t').count();
    vm.check_alloc(tabs.saturating_mul(ts.max(0) as usize).saturating_add(t.len()))?;
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
            let x = sref(vm, a[0])?;
            let t: &str = &x.s;
            if t.is_empty() {
                return Ok(vm.bool_val($empty));
            }
            let f: fn(&str) -> bool = $f;
            Ok(vm.bool_val(f(t)))
        }
    };
}
pred!(m_isdigit, |t| t.chars().all(unicode::is_digit), false);
pred!(m_isdecimal, |t| t.chars().all(unicode::is_decimal), false);
pred!(m_isnumeric, |t| t.chars().all(unicode::is_numeric), false);
pred!(m_isalpha, |t| t.chars().all(unicode::is_alpha), false);
pred!(m_isalnum, |t| t.chars().all(unicode::is_alnum), false);
pred!(m_isspace, |t| t.chars().all(unicode::is_space), false);
pred!(m_isascii, |t| t.is_ascii(), true);
fn m_isprintable(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    // a lone surrogate (category Cs) is not printable
    if a[0].get::<StrObj>().is_some_and(|x| x.has_surrogates()) {
        return Ok(vm.false_);
    }
    let t = s(vm, a[0])?;
    Ok(vm.bool_val(t.chars().all(unicode::is_printable)))
}
pred!(m_isidentifier, unicode::is_identifier, false);
pred!(m_islower, unicode::is_lower_str, false);
pred!(m_isupper, unicode::is_upper_str, false);
pred!(m_istitle, unicode::is_title_str, false);

fn m_encode(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let (pos, kws) = split_kw(vm, a, k);
    let t = sref(vm, pos[0])?;
    let mut enc = pos.get(1).map(|v| vm.str_of(*v)).unwrap_or_else(|| "utf-8".into());
    let mut err = pos.get(2).map(|v| vm.str_of(*v)).unwrap_or_else(|| "strict".into());
    for (n, v) in kws {
        match n.as_str() {
            "encoding" => enc = vm.str_of(v),
            "errors" => err = vm.str_of(v),
            _ => {}
        }
    }
    let _ = t;
    let b = super::bytes::encode(vm, pos[0], &enc, &err)?;
    Ok(vm.new_bytes(b))
}

fn m_format(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let t = sref(vm, a[0])?;
    let (pos, kws) = split_kw(vm, &a[1..], k);
    let r = super::str_format::format(vm, &t.s, super::str_format::Source::Args { pos: &pos, kws: &kws })?;
    make(vm, r)
}

fn m_format_map(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 2, "format_map")?;
    let t = s(vm, a[0])?;
    let r = super::str_format::format(vm, &t, super::str_format::Source::Map(a[1]))?;
    make(vm, r)
}

fn m_maketrans(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let args = &a[..];
    let d = vm.new_dict();
    match args.len() {
        1 => {
            if args[0].kind() != Some(ObjKind::Dict) {
                return Err(vm.type_error("if you give only one argument to maketrans it must be a dict"));
            }
            for (k, v) in vm.dict_items(args[0]) {
                let key = match k.get::<StrObj>() {
                    Some(x) if x.nchars() == 1 => vm.new_int(x.s.chars().next().unwrap_or('\0') as i64),
                    Some(_) => return Err(vm.value_error("string keys in translate table must be of length 1")),
                    None if vm.is_int(k) => k,
                    None => return Err(vm.type_error("keys in translate table must be strings or integers")),
                };
                vm.dict_set(d, key, v)?;
            }
        }
        2 | 3 => {
            for (i, &v) in args.iter().enumerate().skip(1) {
                if v.kind() != Some(ObjKind::Str) {
                    let tn = vm.type_name_of(v);
                    return Err(vm.type_error(&format!("maketrans() argument {} must be str, not {tn}", i + 1)));
                }
            }
            if args[0].kind() != Some(ObjKind::Str) {
                return Err(vm.type_error("first maketrans argument must be a string if there is a second argument"));
            }
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
        0 => return Err(vm.type_error("maketrans expected at least 1 argument, got 0")),
        n => return Err(vm.type_error(&format!("maketrans expected at most 3 arguments, got {n}"))),
    }
    Ok(d)
}

fn m_translate(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    marity(vm, a, 2, 2, "translate")?;
    let g = sref(vm, a[0])?;
    let t: &str = &g.s;
    let table = a[1];
    // an exact dict is looked up directly: a missing key is no KeyError to raise and catch
    let exact_dict = vm.type_of(table) == vm.types.dict;
    let mut out = String::with_capacity(t.len());
    // what an exact dict maps each ASCII character to, once looked up: the character
    // itself (absent), None (deleted) or an immediate int, values nothing can free
    let mut ascii_cache: [Option<Option<Value>>; 128] = [None; 128];
    for c in t.chars() {
        let k = vm.new_int(c as i64);
        let r = if exact_dict {
            match ascii_cache.get(c as usize) {
                Some(Some(r)) => *r,
                _ => {
                    let r = vm.dict_get(table, k)?;
                    let immediate = r.is_none_or(|v| v == vm.none || v.is_small());
                    if let (Some(slot), true) = (ascii_cache.get_mut(c as usize), immediate) {
                        *slot = Some(r);
                    }
                    r
                }
            }
        } else {
            match vm.getitem(table, k) {
                Ok(v) => Some(v),
                Err(e) if vm.isinstance(e.0, vm.types.lookup_error) => None,
                Err(e) => return Err(e),
            }
        };
        match r {
            None => out.push(c),
            Some(v) if v == vm.none => {}
            Some(v) => {
                if let Some(i) = vm.as_i64(v) {
                    if !(0..0x110000).contains(&i) {
                        return Err(vm.value_error("character mapping must be in range(0x110000)"));
                    }
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
    s(vm, a[0])?;
    let r = a[0].get::<StrObj>().map(|o| super::strfmt::repr_str_obj(&o)).unwrap_or_default();
    make(vm, r)
}

fn m_hash(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let h = vm.str_hash(a[0]);
    Ok(vm.new_int(h))
}

fn m_len(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let n = a[0].get::<StrObj>().map(|x| x.nchars()).unwrap_or(0);
    Ok(vm.new_int(n as i64))
}

fn m_contains(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    super::slot_args(vm, a, 1)?;
    let r = super::seqops::native_contains(vm, a[0], a[1])?.unwrap_or(false);
    Ok(vm.bool_val(r))
}

fn m_getitem(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    super::slot_args(vm, a, 1)?;
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
    let spec_s = vm.str_of(spec);
    // an empty spec formats a subclass instance as str(obj), its own __str__ included
    if spec_s.is_empty() && vm.type_of(a[0]) != vm.types.str {
        return vm.str_value(a[0]);
    }
    let t = s(vm, a[0])?;
    let spec = spec_s;
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
