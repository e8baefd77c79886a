//! `re.Pattern`: match, fullmatch, search, findall, split, the attributes, repr, equality
//! and hash (sub/subn are in `subx`, scanner/finditer in `scanner`).

use crate::heap::Value;
use crate::interp::{NativeFn, PyResult, Vm};
use crate::objects::*;

use super::consts::*;
use super::subject::{subject, Subject};
use super::*;

/// The pattern, subject and clamped bounds of a `method(string, pos=0, endpos=maxsize)` call.
pub struct Call {
    pub pat: Value,
    pub obj: Gc<SreObj>,
    pub subj: Subject,
    pub pos: i64,
    pub endpos: i64,
}

impl Call {
    pub fn p(&self) -> &PatternData {
        match &*self.obj {
            SreObj::Pattern(p) => p,
            // pattern_of checked the variant
            _ => crate::interp::fatal("_sre: a pattern call without a pattern"),
        }
    }
}

/// The TypeError for a str pattern on bytes or a bytes pattern on str.
pub fn check_kind(vm: &mut Vm, p: &PatternData, subj: &Subject) -> PyResult<()> {
    if subj.is_bytes() && p.isbytes == 0 {
        return Err(vm.type_error("cannot use a string pattern on a bytes-like object"));
    }
    if !subj.is_bytes() && p.isbytes > 0 {
        return Err(vm.type_error("cannot use a bytes pattern on a string-like object"));
    }
    Ok(())
}

/// Binds `(string, pos=0, endpos=sys.maxsize)` and reads the subject.
pub fn bind_call(vm: &mut Vm, a: &[Value], k: Value, name: &str) -> PyResult<Call> {
    let pat = a.first().copied().unwrap_or(Value::NULL);
    let obj = pattern_of(vm, pat, name)?;
    let args = bind(vm, a.get(1..).unwrap_or(&[]), k, name, &["string", "pos", "endpos"], 1, 0)?;
    let pos = match args.get(1) {
        Some(v) => ssize_arg(vm, v)?,
        None => 0,
    };
    let endpos = match args.get(2) {
        Some(v) => ssize_arg(vm, v)?,
        None => i64::MAX,
    };
    let subj = subject(vm, args.get(0).unwrap_or(Value::NULL))?;
    let c = Call { pat, obj, subj, pos, endpos };
    check_kind(vm, c.p(), &c.subj)?;
    Ok(c)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Match,
    Full,
    Search,
}

fn run_one(vm: &mut Vm, a: &[Value], k: Value, name: &str, mode: Mode) -> PyResult<Value> {
    let c = bind_call(vm, a, k, name)?;
    let p = c.p();
    let mut st = take_state(c.subj.len(), p.groups, c.pos, c.endpos);
    st.match_all = mode == Mode::Full;
    let r = with_text!(c.subj, |t| if mode == Mode::Search { st.search(&p.prog, t) } else { st.match_here(&p.prog, t) });
    let res = match r {
        Ok(true) => new_match(vm, c.pat, p, &c.subj, &st),
        Ok(false) => Ok(vm.none),
        Err(e) => Err(engine_error(vm, e)),
    };
    give_state(st);
    res
}

fn p_match(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    run_one(vm, a, k, "match", Mode::Match)
}

fn p_fullmatch(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    run_one(vm, a, k, "fullmatch", Mode::Full)
}

fn p_search(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    run_one(vm, a, k, "search", Mode::Search)
}

/// Group `g` (1-based) of the state's last match, or `empty`/None when it did not take part.
fn state_group(vm: &mut Vm, st: &State, subj: &Subject, g: usize, empty: bool) -> Value {
    match st.group_span(g) {
        Some((i, j)) => subj.slice(vm, i, j),
        None if empty => subj.empty(vm),
        None => vm.none,
    }
}

fn p_findall(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let c = bind_call(vm, a, k, "findall")?;
    let p = c.p();
    let mut st = take_state(c.subj.len(), p.groups, c.pos, c.endpos);
    let mut out = Vec::new();
    let mut err = None;
    while st.start <= st.end {
        st.reset();
        st.ptr = st.start;
        match with_text!(c.subj, |t| st.search(&p.prog, t)) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                err = Some(e);
                break;
            }
        }
        let item = match p.groups {
            0 => c.subj.slice(vm, st.start, st.ptr),
            1 => state_group(vm, &st, &c.subj, 1, true),
            n => {
                let items = (1..=n).map(|g| state_group(vm, &st, &c.subj, g, true)).collect();
                vm.new_tuple(items)
            }
        };
        out.push(item);
        st.must_advance = st.ptr == st.start;
        st.start = st.ptr;
    }
    give_state(st);
    if let Some(e) = err {
        return Err(engine_error(vm, e));
    }
    Ok(vm.new_list(out))
}

fn p_split(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let pat = a.first().copied().unwrap_or(Value::NULL);
    let obj = pattern_of(vm, pat, "split")?;
    let args = bind(vm, a.get(1..).unwrap_or(&[]), k, "split", &["string", "maxsplit"], 1, 0)?;
    let maxsplit = match args.get(1) {
        Some(v) => ssize_arg(vm, v)?,
        None => 0,
    };
    let subj = subject(vm, args.get(0).unwrap_or(Value::NULL))?;
    let Some(p) = pdata(&obj) else { return Ok(vm.none) };
    check_kind(vm, p, &subj)?;
    let mut st = take_state(subj.len(), p.groups, 0, i64::MAX);
    let mut out = Vec::new();
    let mut n = 0i64;
    let mut last = st.start;
    let mut err = None;
    while maxsplit == 0 || n < maxsplit {
        st.reset();
        st.ptr = st.start;
        match with_text!(subj, |t| st.search(&p.prog, t)) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                err = Some(e);
                break;
            }
        }
        out.push(subj.slice(vm, last, st.start));
        for g in 1..=p.groups {
            out.push(state_group(vm, &st, &subj, g, false));
        }
        n += 1;
        st.must_advance = st.ptr == st.start;
        st.start = st.ptr;
        last = st.ptr;
    }
    let endpos = st.endpos;
    give_state(st);
    if let Some(e) = err {
        return Err(engine_error(vm, e));
    }
    out.push(subj.slice(vm, last, endpos));
    Ok(vm.new_list(out))
}

fn self_pattern(vm: &mut Vm, a: &[Value], name: &str) -> PyResult<Gc<SreObj>> {
    let v = a.first().copied().unwrap_or(Value::NULL);
    pattern_of(vm, v, name)
}

fn get_pattern(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let o = self_pattern(vm, a, "pattern")?;
    Ok(pdata(&o).map(|p| p.pattern).unwrap_or(vm.none))
}

fn get_flags(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let o = self_pattern(vm, a, "flags")?;
    let f = pdata(&o).map(|p| p.flags).unwrap_or(0);
    Ok(vm.new_int(f))
}

fn get_groups(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let o = self_pattern(vm, a, "groups")?;
    let g = pdata(&o).map(|p| p.groups).unwrap_or(0);
    Ok(vm.new_int(g as i64))
}

fn get_groupindex(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let o = self_pattern(vm, a, "groupindex")?;
    let gi = pdata(&o).map(|p| p.groupindex).unwrap_or(Value::NULL);
    if gi.is_null() {
        return Ok(vm.new_dict());
    }
    Ok(vm.new_mappingproxy(gi))
}

/// The first `n` characters of `s` (`%.<n>R`/`%.<n>S` of PyUnicode_FromFormat).
pub fn truncate_chars(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

fn p_repr(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let o = self_pattern(vm, a, "__repr__")?;
    let Some(p) = pdata(&o) else { return Ok(vm.none) };
    let (pattern, mut flags, isbytes) = (p.pattern, p.flags, p.isbytes);
    let r = vm.repr(pattern)?;
    let r = truncate_chars(&r, 200).to_string();
    if isbytes == 0 && flags & (FLAG_LOCALE | FLAG_UNICODE | FLAG_ASCII) == FLAG_UNICODE {
        flags &= !FLAG_UNICODE;
    }
    let names = [
        ("re.IGNORECASE", FLAG_IGNORECASE),
        ("re.LOCALE", FLAG_LOCALE),
        ("re.MULTILINE", FLAG_MULTILINE),
        ("re.DOTALL", FLAG_DOTALL),
        ("re.UNICODE", FLAG_UNICODE),
        ("re.VERBOSE", FLAG_VERBOSE),
        ("re.DEBUG", FLAG_DEBUG),
        ("re.ASCII", FLAG_ASCII),
    ];
    let mut items: Vec<String> = Vec::new();
    for (n, f) in names {
        if flags & f != 0 {
            items.push(n.to_string());
            flags &= !f;
        }
    }
    if flags != 0 {
        // the C int, printed as unsigned hex
        items.push(format!("0x{:x}", flags as i32 as u32));
    }
    let s = if items.is_empty() { format!("re.compile({r})") } else { format!("re.compile({r}, {})", items.join("|")) };
    Ok(vm.new_string(s))
}

fn p_eq_ne(vm: &mut Vm, a: &[Value], ne: bool) -> PyResult<Value> {
    crate::builtins::arity(vm, a, 2, 2, if ne { "__ne__" } else { "__eq__" })?;
    let (l, r) = (a[0], a[1]);
    let (Some(lo), Some(ro)) = (l.get::<SreObj>(), r.get::<SreObj>()) else { return Ok(vm.not_implemented) };
    let (Some(lp), Some(rp)) = (pdata(&lo), pdata(&ro)) else { return Ok(vm.not_implemented) };
    if vm.type_of(r) != types().pattern {
        return Ok(vm.not_implemented);
    }
    let mut same = l == r;
    if !same {
        same = lp.flags == rp.flags && lp.isbytes == rp.isbytes && lp.prog.code == rp.prog.code;
        if same {
            let (x, y) = (lp.pattern, rp.pattern);
            same = vm.eq(x, y)?;
        }
    }
    Ok(vm.bool_val(same != ne))
}

fn p_eq(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    p_eq_ne(vm, a, false)
}

fn p_ne(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    p_eq_ne(vm, a, true)
}

fn p_hash(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let o = self_pattern(vm, a, "__hash__")?;
    let Some(p) = pdata(&o) else { return Ok(vm.none) };
    let mut h = vm.hash(p.pattern)?;
    let bytes: Vec<u8> = p.prog.code.iter().flat_map(|w| w.to_ne_bytes()).collect();
    h ^= crate::builtins::hash::bytes_hash(vm.hash_key, &bytes);
    h ^= p.flags;
    h ^= p.isbytes as i64;
    h ^= p.prog.code.len() as i64;
    if h == -1 {
        h = -2;
    }
    Ok(vm.new_int(h))
}

fn p_copy(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let o = self_pattern(vm, a, "__copy__")?;
    if a.len() != 1 || !k.get::<TupleObj>().map_or(true, |t| t.items.is_empty()) {
        return Err(vm.type_error(&format!("Pattern.__copy__() takes no arguments ({} given)", a.len() - 1)));
    }
    Ok(o.value())
}

fn p_deepcopy(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let o = self_pattern(vm, a, "__deepcopy__")?;
    if !k.get::<TupleObj>().map_or(true, |t| t.items.is_empty()) {
        return Err(vm.type_error("Pattern.__deepcopy__() takes no keyword arguments"));
    }
    if a.len() != 2 {
        return Err(vm.type_error(&format!("Pattern.__deepcopy__() takes exactly one argument ({} given)", a.len() - 1)));
    }
    Ok(o.value())
}

pub fn register(vm: &mut Vm, t: Value) {
    let ms: &[(&'static str, NativeFn)] = &[
        ("match", p_match),
        ("fullmatch", p_fullmatch),
        ("search", p_search),
        ("sub", super::subx::p_sub),
        ("subn", super::subx::p_subn),
        ("findall", p_findall),
        ("split", p_split),
        ("finditer", super::scanner::p_finditer),
        ("scanner", super::scanner::p_scanner),
        ("__copy__", p_copy),
        ("__deepcopy__", p_deepcopy),
        ("__repr__", p_repr),
        ("__eq__", p_eq),
        ("__ne__", p_ne),
        ("__hash__", p_hash),
    ];
    crate::modules::io::methods(vm, t, ms);
    let ps: &[(&'static str, NativeFn)] = &[("pattern", get_pattern), ("flags", get_flags), ("groups", get_groups), ("groupindex", get_groupindex)];
    crate::modules::io::props(vm, t, ps);
}
