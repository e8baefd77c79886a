//! "Did you mean" for the display of an uncaught NameError or AttributeError: the closest name
//! by CPython's weighted Levenshtein distance (case changes cost less than other edits).

use crate::heap::Value;
use crate::interp::Vm;
use crate::objects::*;

const MAX_CANDIDATES: usize = 750;
const MAX_STRING: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

fn substitution_cost(a: u8, b: u8) -> usize {
    if a & 31 != b & 31 {
        return MOVE_COST;
    }
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// The edit distance between `a` and `b` on their UTF-8 bytes, or `max + 1` once it is
/// known to exceed `max`.
fn distance(a: &[u8], b: &[u8], max: usize) -> usize {
    let pre = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[pre..], &b[pre..]);
    let suf = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[..a.len() - suf], &b[..b.len() - suf]);
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING || b.len() > MAX_STRING {
        return max + 1;
    }
    let (a, b) = if b.len() < a.len() { (b, a) } else { (a, b) };
    if (b.len() - a.len()) * MOVE_COST > max {
        return max + 1;
    }
    // one row of the matrix: row[i] = cost(b[..j], a[..i + 1])
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (j, &code) in b.iter().enumerate() {
        let mut diag = j * MOVE_COST;
        result = diag;
        let mut minimum = usize::MAX;
        for (i, &ac) in a.iter().enumerate() {
            let substitute = diag + substitution_cost(code, ac);
            diag = row[i];
            let insert_delete = result.min(diag) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[i] = result;
            minimum = minimum.min(result);
        }
        if minimum > max {
            return max + 1;
        }
    }
    result
}

/// The candidate closest to `name`, if any is close enough.
fn closest(name: &str, candidates: &[String]) -> Option<String> {
    if candidates.len() >= MAX_CANDIDATES {
        return None;
    }
    let mut best: Option<(&String, usize)> = None;
    for c in candidates {
        if c == name {
            continue;
        }
        let mut max = (name.len() + c.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = best {
            max = max.min(d.saturating_sub(1));
        }
        let d = distance(name.as_bytes(), c.as_bytes(), max);
        if d > max {
            continue;
        }
        if best.map_or(true, |(_, bd)| d < bd) {
            best = Some((c, d));
        }
    }
    best.map(|(c, _)| c.clone())
}

fn str_items(vm: &mut Vm, seq: Value) -> Option<Vec<String>> {
    let (_h, items) = vm.to_vec(seq).ok()?;
    Some(items.into_iter().filter(|v| v.get::<StrObj>().is_some()).map(|v| vm.str_of(v)).collect())
}

/// The suggestion for an exception being displayed: for an AttributeError with `name` and
/// `obj`, among `dir(obj)`; for a NameError with `name`, among the local variable names of
/// the innermost traceback entry's code, then its globals, then the builtins.
pub fn offer(vm: &mut Vm, exc: Value) -> Option<String> {
    let is_attr = vm.isinstance(exc, vm.types.attribute_error);
    let is_name = vm.isinstance(exc, vm.types.name_error);
    if !is_attr && !is_name {
        return None;
    }
    let name_key = vm.intern("name");
    let name = vm.getattr_opt(exc, name_key).ok().flatten()?;
    if vm.type_of(name) != vm.types.str {
        return None;
    }
    let name = vm.str_of(name);
    if is_attr {
        let obj_key = vm.intern("obj");
        let obj = vm.getattr_opt(exc, obj_key).ok().flatten()?;
        if obj == vm.none && vm.exc_field(exc, "obj").is_none() {
            return None;
        }
        let d = vm.builtins_dict;
        let dir = vm.dict_get_by_str(d, "dir")?;
        let listing = vm.call(dir, &[obj]).ok()?;
        let names = str_items(vm, listing)?;
        return closest(&name, &names);
    }
    let mut tb = exc.get::<ExceptionObj>()?.traceback.get();
    while let Some(next) = tb.get::<TracebackObj>().map(|t| t.next.get()).filter(|n| n.get::<TracebackObj>().is_some()) {
        tb = next;
    }
    let (code, globals) = tb.get::<TracebackObj>().map(|t| (t.code, t.globals))?;
    let varnames: Vec<String> = code.get::<CodeObj>().map(|c| c.code.varnames.iter().map(|s| s.to_string()).collect()).unwrap_or_default();
    if let Some(s) = closest(&name, &varnames) {
        return Some(s);
    }
    let mut builtins = vm.builtins_dict;
    if globals.kind() == Some(crate::heap::ObjKind::Dict) {
        let keys = vm.dict_keys(globals);
        let names: Vec<String> = keys.into_iter().filter(|k| k.get::<StrObj>().is_some()).map(|k| vm.str_of(k)).collect();
        if let Some(s) = closest(&name, &names) {
            return Some(s);
        }
        match vm.dict_get_by_str(globals, "__builtins__") {
            Some(m) if m.get::<ModuleObj>().is_some() => builtins = m.get::<ModuleObj>().map(|m| m.dict).unwrap_or(builtins),
            Some(d) if d.kind() == Some(crate::heap::ObjKind::Dict) => builtins = d,
            _ => {}
        }
    }
    let keys = vm.dict_keys(builtins);
    let names: Vec<String> = keys.into_iter().filter(|k| k.get::<StrObj>().is_some()).map(|k| vm.str_of(k)).collect();
    closest(&name, &names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_weigh_case_less() {
        assert_eq!(distance(b"blech", b"blach", 10), 2);
        assert_eq!(distance(b"Blech", b"blech", 10), 1);
        assert_eq!(distance(b"abc", b"abc", 10), 0);
        assert_eq!(distance(b"bluch", b"bluchin", 10), 4);
    }

    #[test]
    fn closest_respects_the_limit() {
        let c = vec!["noise".to_string(), "blech".to_string()];
        assert_eq!(closest("bluch", &c), Some("blech".to_string()));
        assert_eq!(closest("zzzzzz", &c), None);
    }
}
