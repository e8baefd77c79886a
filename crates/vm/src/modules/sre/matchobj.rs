//! `re.Match`: groups by number or name, spans, groupdict, expand (through `re._expand`,
//! as CPython 3.11 does), regs, lastindex/lastgroup and the other attributes, repr.

use crate::heap::{ObjKind, Value};
use crate::interp::{NativeFn, PyResult, Vm};
use crate::objects::*;

use super::*;

fn self_match(vm: &mut Vm, a: &[Value], name: &str) -> PyResult<Gc<SreObj>> {
    let v = a.first().copied().unwrap_or(Value::NULL);
    match_of(vm, v, name)
}

fn data(o: &SreObj) -> &MatchData {
    match mdata(o) {
        Some(m) => m,
        None => crate::interp::fatal("_sre: a match method without a match"),
    }
}

fn groups_of(m: &MatchData) -> usize {
    m.marks.len() / 2
}

/// The group number `index` names (a number or a group name): IndexError "no such group"
/// when there is none.
fn getindex(vm: &mut Vm, m: &MatchData, index: Option<Value>) -> PyResult<usize> {
    let Some(index) = index else { return Ok(0) };
    let mut i: i64 = -1;
    let is_number = matches!(index.kind(), Some(ObjKind::BigInt) | Some(ObjKind::Bool)) || index.is_small() || vm.type_of(index) != vm.types.str && {
        let ty = vm.type_of(index);
        let n = vm.intern("__index__");
        vm.lookup(ty, n).is_some()
    };
    if is_number {
        let v = vm.index_of(index)?;
        i = match vm.as_i64(v) {
            Some(n) => n,
            None => i64::MAX,
        };
    } else {
        let gi = m.pattern.get::<SreObj>().and_then(|p| pdata(&p).map(|p| p.groupindex)).unwrap_or(Value::NULL);
        if !gi.is_null() {
            if let Some(v) = vm.dict_get(gi, index)? {
                if v.is_small() {
                    i = v.small_value();
                }
            }
        }
    }
    if i < 0 || i as u64 >= groups_of(m) as u64 {
        return Err(vm.index_error("no such group"));
    }
    Ok(i as usize)
}

/// Group `g`'s text, or `default` when it did not take part.
fn slice_by_index(vm: &mut Vm, m: &MatchData, g: usize, default: Value) -> Value {
    let (i, j) = (m.marks[2 * g], m.marks[2 * g + 1]);
    if i < 0 {
        return default;
    }
    m.subject.slice(vm, i as usize, j as usize)
}

fn getslice(vm: &mut Vm, m: &MatchData, index: Option<Value>, default: Value) -> PyResult<Value> {
    let g = getindex(vm, m, index)?;
    Ok(slice_by_index(vm, m, g, default))
}

fn m_group(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let o = self_match(vm, a, "group")?;
    if !k.get::<TupleObj>().map_or(true, |t| t.items.is_empty()) {
        return Err(vm.type_error("Match.group() takes no keyword arguments"));
    }
    let m = data(&o);
    let none = vm.none;
    match a.len() {
        1 => getslice(vm, m, None, none),
        2 => getslice(vm, m, Some(a[1]), none),
        _ => {
            let mut items = Vec::with_capacity(a.len() - 1);
            for &i in &a[1..] {
                items.push(getslice(vm, m, Some(i), none)?);
            }
            Ok(vm.new_tuple(items))
        }
    }
}

fn m_getitem(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let o = self_match(vm, a, "__getitem__")?;
    crate::builtins::arity(vm, a, 2, 2, "__getitem__")?;
    let none = vm.none;
    getslice(vm, data(&o), Some(a[1]), none)
}

fn m_groups(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let o = self_match(vm, a, "groups")?;
    let args = bind(vm, &a[1..], k, "groups", &["default"], 0, 0)?;
    let default = args.get(0).unwrap_or(vm.none);
    let m = data(&o);
    let items = (1..groups_of(m)).map(|g| slice_by_index(vm, m, g, default)).collect();
    Ok(vm.new_tuple(items))
}

fn m_groupdict(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let o = self_match(vm, a, "groupdict")?;
    let args = bind(vm, &a[1..], k, "groupdict", &["default"], 0, 0)?;
    let default = args.get(0).unwrap_or(vm.none);
    let m = data(&o);
    let d = vm.new_dict();
    let gi = m.pattern.get::<SreObj>().and_then(|p| pdata(&p).map(|p| p.groupindex)).unwrap_or(Value::NULL);
    if gi.is_null() {
        return Ok(d);
    }
    for (key, _) in vm.dict_items(gi) {
        let v = getslice(vm, m, Some(key), default)?;
        vm.dict_set(d, key, v)?;
    }
    Ok(d)
}

/// start/end/span's optional positional group.
fn group_arg(vm: &mut Vm, a: &[Value], k: Value, name: &str) -> PyResult<(Gc<SreObj>, usize)> {
    let o = self_match(vm, a, name)?;
    if !k.get::<TupleObj>().map_or(true, |t| t.items.is_empty()) {
        return Err(vm.type_error(&format!("Match.{name}() takes no keyword arguments")));
    }
    let args = bind(vm, &a[1..], k, name, &["group"], 0, 1)?;
    let g = getindex(vm, data(&o), args.get(0))?;
    Ok((o, g))
}

fn m_start(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let (o, g) = group_arg(vm, a, k, "start")?;
    Ok(vm.new_int(data(&o).marks[2 * g] as i64))
}

fn m_end(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let (o, g) = group_arg(vm, a, k, "end")?;
    Ok(vm.new_int(data(&o).marks[2 * g + 1] as i64))
}

fn pair(vm: &mut Vm, i: isize, j: isize) -> Value {
    let (x, y) = (vm.new_int(i as i64), vm.new_int(j as i64));
    vm.new_tuple(vec![x, y])
}

fn m_span(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let (o, g) = group_arg(vm, a, k, "span")?;
    let m = data(&o);
    Ok(pair(vm, m.marks[2 * g], m.marks[2 * g + 1]))
}

/// `re.<name>`, importing re if needed (CPython's call(SRE_PY_MODULE, ...)).
pub fn re_attr(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let modname = vm.intern("re");
    let mods = vm.modules;
    let m = match vm.dict_get(mods, modname)? {
        Some(m) => m,
        None => {
            let none = vm.none;
            let zero = vm.new_int(0);
            crate::modules::import::import_name(vm, modname, Value::NULL, none, zero)?
        }
    };
    vm.getattr_str(m, name)
}

fn m_expand(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let o = self_match(vm, a, "expand")?;
    let args = bind(vm, &a[1..], k, "expand", &["template"], 1, 0)?;
    let template = args.get(0).unwrap_or(Value::NULL);
    let pat = data(&o).pattern;
    let f = re_attr(vm, "_expand")?;
    vm.call(f, &[pat, o.value(), template])
}

fn m_regs(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let o = self_match(vm, a, "regs")?;
    let m = data(&o);
    let r = m.regs.get();
    if !r.is_null() {
        return Ok(r);
    }
    let items = (0..groups_of(m)).map(|g| pair(vm, m.marks[2 * g], m.marks[2 * g + 1])).collect();
    let t = vm.new_tuple(items);
    m.regs.set(t);
    Ok(t)
}

fn m_lastindex(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let o = self_match(vm, a, "lastindex")?;
    let li = data(&o).lastindex;
    Ok(if li >= 0 { vm.new_int(li as i64) } else { vm.none })
}

fn m_lastgroup(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let o = self_match(vm, a, "lastgroup")?;
    let m = data(&o);
    let ig = m.pattern.get::<SreObj>().and_then(|p| pdata(&p).map(|p| p.indexgroup)).unwrap_or(Value::NULL);
    if let Some(t) = ig.get::<TupleObj>() {
        if m.lastindex >= 0 {
            if let Some(&v) = t.items.get(m.lastindex as usize) {
                return Ok(v);
            }
        }
    }
    Ok(vm.none)
}

fn m_string(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let o = self_match(vm, a, "string")?;
    Ok(data(&o).subject.value)
}

fn m_re(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let o = self_match(vm, a, "re")?;
    Ok(data(&o).pattern)
}

fn m_pos(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let o = self_match(vm, a, "pos")?;
    Ok(vm.new_int(data(&o).pos as i64))
}

fn m_endpos(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let o = self_match(vm, a, "endpos")?;
    Ok(vm.new_int(data(&o).endpos as i64))
}

fn m_repr(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let o = self_match(vm, a, "__repr__")?;
    let m = data(&o);
    let none = vm.none;
    let g0 = slice_by_index(vm, m, 0, none);
    let r = vm.repr(g0)?;
    let r = super::pattern::truncate_chars(&r, 50).to_string();
    let s = format!("<re.Match object; span=({}, {}), match={r}>", m.marks[0], m.marks[1]);
    Ok(vm.new_string(s))
}

fn m_copy(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let o = self_match(vm, a, "__copy__")?;
    if a.len() != 1 || !k.get::<TupleObj>().map_or(true, |t| t.items.is_empty()) {
        return Err(vm.type_error(&format!("Match.__copy__() takes no arguments ({} given)", a.len() - 1)));
    }
    Ok(o.value())
}

fn m_deepcopy(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let o = self_match(vm, a, "__deepcopy__")?;
    if !k.get::<TupleObj>().map_or(true, |t| t.items.is_empty()) {
        return Err(vm.type_error("Match.__deepcopy__() takes no keyword arguments"));
    }
    if a.len() != 2 {
        return Err(vm.type_error(&format!("Match.__deepcopy__() takes exactly one argument ({} given)", a.len() - 1)));
    }
    Ok(o.value())
}

pub fn register(vm: &mut Vm, t: Value) {
    let ms: &[(&'static str, NativeFn)] = &[
        ("group", m_group),
        ("start", m_start),
        ("end", m_end),
        ("span", m_span),
        ("groups", m_groups),
        ("groupdict", m_groupdict),
        ("expand", m_expand),
        ("__copy__", m_copy),
        ("__deepcopy__", m_deepcopy),
        ("__getitem__", m_getitem),
        ("__repr__", m_repr),
    ];
    crate::modules::io::methods(vm, t, ms);
    let ps: &[(&'static str, NativeFn)] = &[
        ("lastindex", m_lastindex),
        ("lastgroup", m_lastgroup),
        ("regs", m_regs),
        ("string", m_string),
        ("re", m_re),
        ("pos", m_pos),
        ("endpos", m_endpos),
    ];
    crate::modules::io::props(vm, t, ps);
}
