//! `_json`: the C accelerators json uses: scanstring, make_scanner (scanner.rs),
//! make_encoder and the string escapers (encoder.rs). Errors are json.decoder's
//! JSONDecodeError.

mod encoder;
mod scanner;

use pyjit_vm::objects::BuiltinObj;

use crate::util::*;

/// json.decoder.JSONDecodeError(msg, doc, pos).
pub fn decode_error(vm: &mut Vm, msg: &str, doc: Value, pos: usize) -> PyErr {
    let r = (|| -> PyResult<Value> {
        let name = vm.new_str("json.decoder");
        let mods = vm.modules;
        let m = match vm.dict_get(mods, name)? {
            Some(m) => m,
            None => {
                let bd = vm.builtins_dict;
                let import = vm.dict_get_by_str(bd, "__import__").unwrap_or(vm.none);
                vm.call(import, &[name])?;
                vm.dict_get(mods, name)?.unwrap_or(vm.none)
            }
        };
        let cls = vm.getattr_str(m, "JSONDecodeError")?;
        let mv = vm.new_str(msg);
        let p = vm.new_int(pos as i64);
        vm.call(cls, &[mv, doc, p])
    })();
    match r {
        Ok(e) => PyErr(e),
        Err(e) => e,
    }
}

fn escape_fn(vm: &mut Vm, a: &[Value], kw: Value, name: &str, ascii: bool) -> PyResult<Value> {
    let s = onearg_fn(vm, a, kw, name)?;
    if !is_str(s) {
        let tn = vm.type_name_of(s);
        return Err(vm.type_error(&format!("first argument must be a string, not {tn}")));
    }
    let mut out = encoder::Out::new();
    encoder::escape_into(&mut out, s, ascii);
    Ok(out.into_value(vm))
}

fn encode_basestring_ascii(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    escape_fn(vm, a, kw, "_json.encode_basestring_ascii", true)
}

fn encode_basestring(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    escape_fn(vm, a, kw, "_json.encode_basestring", false)
}

/// Whether `f` is one of this module's escapers: Some(ascii).
pub fn fast_kind(f: Value) -> Option<bool> {
    let b = f.get::<BuiltinObj>()?;
    if b.func as usize == encode_basestring_ascii as NativeFn as usize {
        Some(true)
    } else if b.func as usize == encode_basestring as NativeFn as usize {
        Some(false)
    } else {
        None
    }
}

fn scanstring(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    no_kw(vm, kw, "scanstring")?;
    check_count(vm, a.len(), "scanstring", 2, 3)?;
    let doc = a[0];
    let end = ssize(vm, a[1])?;
    let strict = match a.get(2) {
        Some(&v) => c_int(vm, v)? != 0,
        None => true,
    };
    let Some(text) = scanner::text_of(doc) else {
        let tn = vm.type_name_of(doc);
        return Err(vm.type_error(&format!("first argument must be a string, not {tn}")));
    };
    let len = match &text {
        scanner::Text::Ascii(s) => s.s.len(),
        scanner::Text::Wide(c) => c.len(),
    };
    if end < 0 || end as usize > len {
        return Err(vm.value_error("end is out of bounds"));
    }
    let r = match &text {
        scanner::Text::Ascii(s) => scanner::scanstring(vm, s.s.as_bytes(), end as usize, strict),
        scanner::Text::Wide(c) => scanner::scanstring(vm, &c[..], end as usize, strict),
    };
    match r {
        Ok((v, e)) => {
            let ev = vm.new_int(e as i64);
            Ok(vm.new_tuple(vec![v, ev]))
        }
        Err(f) => Err(scanner::raise(vm, f, doc)),
    }
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    let doc = vm.new_str("json speedups\n");
    set_attr(vm, m, "__doc__", doc);
    add_fns(vm, m, &[("encode_basestring_ascii", encode_basestring_ascii), ("encode_basestring", encode_basestring), ("scanstring", scanstring)]);
    let s = new_class(vm, "_json", "Scanner", None, ObjKind::Native, true);
    set_new(vm, s, scanner::scanner_new);
    add_methods(vm, s, &[("__call__", scanner::scanner_call)]);
    set_attr(vm, m, "make_scanner", s);
    let e = new_class(vm, "_json", "Encoder", None, ObjKind::Native, true);
    set_new(vm, e, encoder::encoder_new);
    add_methods(vm, e, &[("__call__", encoder::encoder_call)]);
    set_attr(vm, m, "make_encoder", e);
    Ok(())
}
