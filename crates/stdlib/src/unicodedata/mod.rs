//! `unicodedata`: the Unicode 14.0 database of CPython 3.11 (data.rs, from ucd.bin),
//! normalization (normalize.rs), and `ucd_3_2_0`, the Unicode 3.2.0 view that stringprep
//! and the idna codec use. Names cover CPython's (derived ones included), aliases and
//! named sequences for lookup().

mod data;
mod normalize;

use data::{ucd, BIDI, CATEGORIES, EAW};
use pyjit_vm::objects::StrObj;

use crate::util::*;
use crate::{class_slot, native_state};

/// A UCD object: the current database, or Unicode 3.2.0 (`old`).
struct Db {
    old: bool,
}
native_state!(Db);

class_slot!(UCD_TYPE);

/// (self is a UCD, the old view?) and the arguments after self for UCD methods; module
/// functions get the current view.
fn split(a: &[Value]) -> (bool, &[Value]) {
    match a.first() {
        Some(&v) if has_state::<Db>(v) => (v.get::<NativeObj>().and_then(|o| o.with(|d: &mut Db| d.old)).unwrap_or(false), &a[1..]),
        _ => (false, a),
    }
}

/// The one character of argument 1.
fn char_arg(vm: &mut Vm, v: Value, fname: &str) -> PyResult<u32> {
    let cps = v.get::<StrObj>().map(|s| s.code_points());
    match cps {
        Some(c) if c.len() == 1 => Ok(c[0]),
        Some(_) => Err(vm.type_error(&format!("{fname}() argument must be a unicode character, not str"))),
        None => {
            let tn = vm.type_name_of(v);
            Err(vm.type_error(&format!("{fname}() argument must be a unicode character, not {tn}")))
        }
    }
}

fn char_arg_n(vm: &mut Vm, v: Value, fname: &str, n: usize) -> PyResult<u32> {
    let cps = v.get::<StrObj>().map(|s| s.code_points());
    match cps {
        Some(c) if c.len() == 1 => Ok(c[0]),
        Some(_) => Err(vm.type_error(&format!("{fname}() argument {n} must be a unicode character, not str"))),
        None => {
            let tn = vm.type_name_of(v);
            Err(vm.type_error(&format!("{fname}() argument {n} must be a unicode character, not {tn}")))
        }
    }
}

fn one_char(vm: &mut Vm, a: &[Value], kw: Value, fname: &str) -> PyResult<u32> {
    let v = onearg_fn(vm, a, kw, &format!("unicodedata.{fname}")).or_else(|e| {
        // a UCD method's message names the method without the module
        if a.len() == 1 {
            Ok(a[0])
        } else {
            Err(e)
        }
    })?;
    char_arg(vm, v, fname)
}

/// A property of a character that is a table entry (no default).
fn prop_fn(vm: &mut Vm, a: &[Value], kw: Value, fname: &str) -> PyResult<(data::Props, bool)> {
    let (old, rest) = split(a);
    let c = one_char(vm, rest, kw, fname)?;
    Ok((ucd().props(c, old), old))
}

fn category(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let (p, _) = prop_fn(vm, a, kw, "category")?;
    Ok(vm.new_str(CATEGORIES.get(p.category as usize).copied().unwrap_or("Cn")))
}

fn bidirectional(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let (p, _) = prop_fn(vm, a, kw, "bidirectional")?;
    Ok(vm.new_str(BIDI.get(p.bidi as usize).copied().unwrap_or("")))
}

fn combining(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let (p, _) = prop_fn(vm, a, kw, "combining")?;
    Ok(vm.new_int(p.combining as i64))
}

fn east_asian_width(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let (p, _) = prop_fn(vm, a, kw, "east_asian_width")?;
    Ok(vm.new_str(EAW.get(p.eaw as usize).copied().unwrap_or("N")))
}

fn mirrored(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let (p, _) = prop_fn(vm, a, kw, "mirrored")?;
    Ok(vm.new_int(p.mirrored as i64))
}

fn decomposition(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let (p, _) = prop_fn(vm, a, kw, "decomposition")?;
    Ok(vm.new_string(p.decomposition))
}

fn with_default(vm: &mut Vm, a: &[Value], kw: Value, fname: &str, msg: &str, get: fn(&data::Props) -> Option<Value>, mk: fn(&mut Vm, &data::Props) -> Value) -> PyResult<Value> {
    let (old, rest) = split(a);
    no_kw(vm, kw, fname)?;
    check_count(vm, rest.len(), fname, 1, 2)?;
    let c = char_arg_n(vm, rest[0], fname, 1)?;
    let p = ucd().props(c, old);
    if get(&p).is_some() {
        return Ok(mk(vm, &p));
    }
    match rest.get(1) {
        Some(&d) => Ok(d),
        None => Err(vm.value_error(msg)),
    }
}

fn some_if(b: bool) -> Option<Value> {
    if b {
        Some(Value::NULL)
    } else {
        None
    }
}

fn decimal(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    with_default(vm, a, kw, "decimal", "not a decimal", |p| some_if(p.decimal >= 0), |vm, p| vm.new_int(p.decimal as i64))
}

fn digit(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    with_default(vm, a, kw, "digit", "not a digit", |p| some_if(p.digit >= 0), |vm, p| vm.new_int(p.digit as i64))
}

fn numeric(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    with_default(vm, a, kw, "numeric", "not a numeric character", |p| some_if(p.numeric.is_some()), |vm, p| vm.new_float(p.numeric.unwrap_or(0.0)))
}

fn name(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let (old, rest) = split(a);
    no_kw(vm, kw, "name")?;
    check_count(vm, rest.len(), "name", 1, 2)?;
    let c = char_arg_n(vm, rest[0], "name", 1)?;
    let u = ucd();
    let n = if old && u.unassigned_in_3_2(c) { None } else { u.name(c) };
    match (n, rest.get(1)) {
        (Some(n), _) => Ok(vm.new_string(n)),
        (None, Some(&d)) => Ok(d),
        (None, None) => Err(vm.value_error("no such name")),
    }
}

fn lookup(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let (old, rest) = split(a);
    let v = onearg_fn(vm, rest, kw, "unicodedata.lookup")?;
    let text = if is_str(v) {
        let s = vm.str_of(v);
        if !s.is_ascii() {
            let tn = vm.repr(v)?;
            let t = vm.types.key_error;
            return Err(vm.err(t, &format!("undefined character name {tn}")));
        }
        s
    } else if let Some(b) = v.get::<pyjit_vm::objects::BytesObj>() {
        String::from_utf8_lossy(&b.data).into_owned()
    } else {
        let tn = vm.type_name_of(v);
        return Err(vm.type_error(&format!("a bytes-like object is required, not '{tn}'")));
    };
    if text.len() > 256 {
        let t = vm.types.key_error;
        return Err(vm.err(t, "name too long"));
    }
    let up = text.to_ascii_uppercase();
    let u = ucd();
    let found = u.code_of(&up, &text).filter(|&c| !(old && u.unassigned_in_3_2(c)));
    if let Some(c) = found {
        return Ok(vm.new_str_cps(&[c]));
    }
    if !old {
        if let Some(&c) = u.aliases.get(&up) {
            return Ok(vm.new_str_cps(&[c]));
        }
        if let Some(seq) = u.sequences.get(&up) {
            return Ok(vm.new_str_cps(seq));
        }
    }
    let shown = vm.new_string(text);
    let r = vm.repr(shown)?;
    let t = vm.types.key_error;
    Err(vm.err(t, &format!("undefined character name {r}")))
}

fn form_and_text(vm: &mut Vm, a: &[Value], kw: Value, fname: &str) -> PyResult<(bool, String, Vec<u32>, Value)> {
    let (old, rest) = split(a);
    no_kw(vm, kw, fname)?;
    check_count(vm, rest.len(), fname, 2, 2)?;
    if !is_str(rest[0]) {
        let tn = vm.type_name_of(rest[0]);
        return Err(vm.type_error(&format!("{fname}() argument 1 must be str, not {tn}")));
    }
    if !is_str(rest[1]) {
        let tn = vm.type_name_of(rest[1]);
        return Err(vm.type_error(&format!("{fname}() argument 2 must be str, not {tn}")));
    }
    let form = vm.str_of(rest[0]);
    let cps = rest[1].get::<StrObj>().map(|s| s.code_points()).unwrap_or_default();
    Ok((old, form, cps, rest[1]))
}

fn normalize_fn(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let (old, form, cps, orig) = form_and_text(vm, a, kw, "normalize")?;
    let Some(out) = normalize::normalize(&form, &cps, old) else {
        return Err(vm.value_error("invalid normalization form"));
    };
    if out == cps {
        // an unchanged exact str is returned itself
        if vm.type_of(orig) == vm.types.str {
            return Ok(orig);
        }
    }
    Ok(vm.new_str_cps(&out))
}

fn is_normalized(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let (old, form, cps, _) = form_and_text(vm, a, kw, "is_normalized")?;
    let Some(out) = normalize::normalize(&form, &cps, old) else {
        return Err(vm.value_error("invalid normalization form"));
    };
    Ok(vm.bool_val(out == cps))
}

fn ucd_version(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let (old, _) = split(a);
    Ok(vm.new_str(if old { "3.2.0" } else { &ucd().version }))
}

fn no_new(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let tn = vm.type_name_qualified(a[0]);
    Err(vm.type_error(&format!("cannot create '{tn}' instances")))
}

const FNS: &[(&str, NativeFn)] = &[
    ("category", category),
    ("bidirectional", bidirectional),
    ("combining", combining),
    ("east_asian_width", east_asian_width),
    ("mirrored", mirrored),
    ("decomposition", decomposition),
    ("decimal", decimal),
    ("digit", digit),
    ("numeric", numeric),
    ("name", name),
    ("lookup", lookup),
    ("normalize", normalize_fn),
    ("is_normalized", is_normalized),
];

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    add_fns(vm, m, FNS);
    let t = new_class(vm, "unicodedata", "UCD", None, ObjKind::Native, false);
    set_new(vm, t, no_new);
    add_methods(vm, t, FNS);
    add_getsets(vm, t, &[("unidata_version", ucd_version, None)]);
    UCD_TYPE.with(|c| c.set(t));
    set_attr(vm, m, "UCD", t);
    let old = new_native(vm, t, Db { old: true });
    set_attr(vm, m, "ucd_3_2_0", old);
    let v = vm.new_str("14.0.0");
    set_attr(vm, m, "unidata_version", v);
    Ok(())
}
