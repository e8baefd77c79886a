//! The JSON encoder (`_json.make_encoder`) and the string escapers
//! (`encode_basestring`, `encode_basestring_ascii`), as CPython's C encoder writes them.

use std::collections::HashSet;

use pyjit_vm::fxhash::FxBuild;
use pyjit_vm::objects::{FloatObj, ListObj, StrObj, TupleObj};

use crate::native_state;
use crate::util::*;

/// Output text; switches to code points when a lone surrogate must be written.
pub struct Out {
    s: String,
    cps: Option<Vec<u32>>,
}

impl Out {
    pub fn new() -> Out {
        Out { s: String::new(), cps: None }
    }
    #[inline]
    pub fn push_str(&mut self, t: &str) {
        match &mut self.cps {
            None => self.s.push_str(t),
            Some(c) => c.extend(t.chars().map(|ch| ch as u32)),
        }
    }
    #[inline]
    fn push_cp(&mut self, cp: u32) {
        match (&mut self.cps, char::from_u32(cp)) {
            (None, Some(ch)) => self.s.push(ch),
            (None, None) => {
                let mut v: Vec<u32> = self.s.chars().map(|c| c as u32).collect();
                v.push(cp);
                self.cps = Some(v);
            }
            (Some(c), _) => c.push(cp),
        }
    }
    pub fn into_value(self, vm: &mut Vm) -> Value {
        match self.cps {
            None => vm.new_string(self.s),
            Some(c) => vm.new_str_cps(&c),
        }
    }
}

/// Appends the JSON string literal of `v` (a str): ASCII only, or keeping non-ASCII.
pub fn escape_into(out: &mut Out, v: Value, ascii: bool) {
    let Some(so) = v.get::<StrObj>() else { return };
    out.push_str("\"");
    let simple = |b: u8| b >= 0x20 && b != b'"' && b != b'\\' && b < 0x7f;
    if so.is_ascii() && so.s.bytes().all(simple) {
        out.push_str(&so.s);
        out.push_str("\"");
        return;
    }
    let cps = so.code_points();
    let mut buf = [0u8; 4];
    for cp in cps {
        match cp {
            0x22 => out.push_str("\\\""),
            0x5c => out.push_str("\\\\"),
            0x0a => out.push_str("\\n"),
            0x0d => out.push_str("\\r"),
            0x09 => out.push_str("\\t"),
            0x08 => out.push_str("\\b"),
            0x0c => out.push_str("\\f"),
            c if c < 0x20 || (ascii && c >= 0x7f) => {
                if c >= 0x10000 {
                    let v = c - 0x10000;
                    out.push_str(&format!("\\u{:04x}\\u{:04x}", 0xd800 | (v >> 10), 0xdc00 | (v & 0x3ff)));
                } else {
                    out.push_str(&format!("\\u{c:04x}"));
                }
            }
            c => match char::from_u32(c) {
                Some(ch) => out.push_str(ch.encode_utf8(&mut buf)),
                None => out.push_cp(c),
            },
        }
    }
    out.push_str("\"");
}

/// The encoder's settings.
pub struct Encoder {
    check_circular: bool,
    default: Value,
    encoder: Value,
    /// 0: call `encoder`; 1: ASCII escaping; 2: non-ASCII kept (the C fast paths).
    fast: u8,
    key_sep: Value,
    item_sep: Value,
    sort_keys: bool,
    skipkeys: bool,
    allow_nan: bool,
    indent: Value,
}
native_state!(Encoder, |s, t| {
    t.visit_all(&[s.default, s.encoder, s.key_sep, s.item_sep, s.indent]);
});

pub fn encoder_new(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let names = ["markers", "default", "encoder", "indent", "key_separator", "item_separator", "sort_keys", "skipkeys", "allow_nan"];
    let args = parse(vm, &a[1..], kw, "make_encoder", &names, &[], 9)?;
    let v: Vec<Value> = args.iter().map(|x| x.unwrap_or(Value::NULL)).collect();
    let none = vm.none;
    if v[0] != none && v[0].kind() != Some(ObjKind::Dict) {
        let tn = vm.type_name_of(v[0]);
        return Err(vm.type_error(&format!("make_encoder() argument 1 must be dict or None, not {tn}")));
    }
    for (i, s) in [(5usize, v[4]), (6, v[5])] {
        if !is_str(s) {
            let tn = vm.type_name_of(s);
            return Err(vm.type_error(&format!("make_encoder() argument {i} must be str, not {tn}")));
        }
    }
    let fast = match super::fast_kind(v[2]) {
        Some(true) => 1,
        Some(false) => 2,
        None => 0,
    };
    let st = Encoder {
        check_circular: v[0] != none,
        default: v[1],
        encoder: v[2],
        fast,
        key_sep: v[4],
        item_sep: v[5],
        sort_keys: vm.truthy(v[6])?,
        skipkeys: vm.truthy(v[7])?,
        allow_nan: vm.truthy(v[8])?,
        indent: v[3],
    };
    Ok(new_native(vm, a[0], st))
}

struct Run<'a> {
    cfg: &'a Encoder,
    key_sep: String,
    item_sep: String,
    markers: HashSet<u64, FxBuild>,
    none: Value,
}

impl Run<'_> {
    fn string(&self, vm: &mut Vm, out: &mut Out, v: Value) -> PyResult<()> {
        match self.cfg.fast {
            1 => escape_into(out, v, true),
            2 => escape_into(out, v, false),
            _ => {
                let r = vm.call(self.cfg.encoder, &[v])?;
                if !is_str(r) {
                    let tn = vm.type_name_of(r);
                    return Err(vm.type_error(&format!("encoder() must return a string, not {tn}")));
                }
                let s = vm.str_of(r);
                out.push_str(&s);
            }
        }
        Ok(())
    }

    fn float(&self, vm: &mut Vm, f: f64) -> PyResult<String> {
        if !f.is_finite() {
            if !self.cfg.allow_nan {
                return Err(vm.value_error("Out of range float values are not JSON compliant"));
            }
            return Ok(if f > 0.0 {
                "Infinity"
            } else if f < 0.0 {
                "-Infinity"
            } else {
                "NaN"
            }
            .to_string());
        }
        Ok(pyjit_vm::builtins::dtoa::float_repr(f))
    }

    fn int_repr(&self, vm: &mut Vm, v: Value) -> String {
        if v.is_small() {
            return v.small_value().to_string();
        }
        vm.as_bigint(v).map(|b| b.to_string()).unwrap_or_default()
    }

    fn mark(&mut self, vm: &mut Vm, v: Value) -> PyResult<bool> {
        if !self.cfg.check_circular {
            return Ok(false);
        }
        if !self.markers.insert(v.raw()) {
            return Err(vm.value_error("Circular reference detected"));
        }
        Ok(true)
    }

    fn obj(&mut self, vm: &mut Vm, out: &mut Out, v: Value) -> PyResult<()> {
        if v == self.none {
            out.push_str("null");
        } else if v == vm.true_ {
            out.push_str("true");
        } else if v == vm.false_ {
            out.push_str("false");
        } else if is_str(v) {
            self.string(vm, out, v)?;
        } else if vm.is_int(v) {
            let s = self.int_repr(vm, v);
            out.push_str(&s);
        } else if let Some(f) = v.get::<FloatObj>() {
            let s = self.float(vm, f.0)?;
            out.push_str(&s);
        } else if matches!(v.kind(), Some(ObjKind::List | ObjKind::Tuple)) {
            vm.enter_native_at(" while encoding a JSON object")?;
            let r = self.list(vm, out, v);
            vm.leave_native();
            r?;
        } else if v.kind() == Some(ObjKind::Dict) {
            vm.enter_native_at(" while encoding a JSON object")?;
            let r = self.dict(vm, out, v);
            vm.leave_native();
            r?;
        } else {
            let marked = self.mark(vm, v)?;
            let new = vm.call(self.cfg.default, &[v])?;
            vm.enter_native_at(" while encoding a JSON object")?;
            let r = self.obj(vm, out, new);
            vm.leave_native();
            r?;
            if marked {
                self.markers.remove(&v.raw());
            }
        }
        Ok(())
    }

    fn list(&mut self, vm: &mut Vm, out: &mut Out, v: Value) -> PyResult<()> {
        let items: Vec<Value> = match (v.get::<ListObj>(), v.get::<TupleObj>()) {
            (Some(l), _) => l.snapshot(),
            (_, Some(t)) => t.items.to_vec(),
            _ => Vec::new(),
        };
        if items.is_empty() {
            out.push_str("[]");
            return Ok(());
        }
        let marked = self.mark(vm, v)?;
        // the snapshot's items stay alive while Python code (default) runs
        let hold = vm.new_list(items.clone());
        out.push_str("[");
        for (i, &it) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(&self.item_sep);
            }
            self.obj(vm, out, it)?;
        }
        out.push_str("]");
        vm.keep(hold);
        if marked {
            self.markers.remove(&v.raw());
        }
        Ok(())
    }

    fn dict(&mut self, vm: &mut Vm, out: &mut Out, d: Value) -> PyResult<()> {
        if vm.len(d)? == 0 {
            out.push_str("{}");
            return Ok(());
        }
        let marked = self.mark(vm, d)?;
        let mut items = if vm.type_of(d) == vm.types.dict {
            vm.dict_items(d)
        } else {
            // PyMapping_Items: a subclass's own items()
            let it = vm.call_method_str(d, "items", &[])?;
            let (_h, pairs) = vm.to_vec(it)?;
            let mut out = Vec::with_capacity(pairs.len());
            for p in pairs {
                let (_h2, kv) = vm.to_vec(p)?;
                if kv.len() != 2 {
                    return Err(vm.value_error("items must return 2-tuples"));
                }
                out.push((kv[0], kv[1]));
            }
            out
        };
        let pairs: Vec<Value> = items.iter().map(|&(k, v)| vm.new_tuple(vec![k, v])).collect();
        let hold = vm.new_list(pairs);
        if self.cfg.sort_keys {
            vm.call_method_str(hold, "sort", &[])?;
            items = hold
                .get::<ListObj>()
                .map(|l| l.snapshot())
                .unwrap_or_default()
                .iter()
                .filter_map(|t| t.get::<TupleObj>().map(|t| (t.items[0], t.items[1])))
                .collect();
        }
        out.push_str("{");
        let mut first = true;
        for (k, v) in items {
            let kstr: Value = if is_str(k) {
                k
            } else if let Some(f) = k.get::<FloatObj>() {
                let s = self.float(vm, f.0)?;
                vm.new_string(s)
            } else if k == vm.true_ || k == vm.false_ || k == self.none {
                vm.new_str(if k == vm.true_ {
                    "true"
                } else if k == vm.false_ {
                    "false"
                } else {
                    "null"
                })
            } else if vm.is_int(k) {
                let s = self.int_repr(vm, k);
                vm.new_string(s)
            } else if self.cfg.skipkeys {
                continue;
            } else {
                let tn = vm.type_name_of(k);
                return Err(vm.type_error(&format!("keys must be str, int, float, bool or None, not {tn}")));
            };
            if !first {
                out.push_str(&self.item_sep);
            }
            first = false;
            self.string(vm, out, kstr)?;
            out.push_str(&self.key_sep);
            self.obj(vm, out, v)?;
        }
        out.push_str("}");
        vm.keep(hold);
        if marked {
            self.markers.remove(&d.raw());
        }
        Ok(())
    }
}

/// `encoder(obj, _current_indent_level)`: a list holding the JSON text.
pub fn encoder_call(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let args = parse(vm, &a[1..], kw, "_iterencode", &["obj", "_current_indent_level"], &[], 2)?;
    let none = vm.none;
    let obj = args[0].unwrap_or(none);
    ssize(vm, args[1].unwrap_or(none))?;
    let cfg = with_state::<Encoder, _>(vm, a[0], "_json.Encoder", |e| Encoder {
        check_circular: e.check_circular,
        default: e.default,
        encoder: e.encoder,
        fast: e.fast,
        key_sep: e.key_sep,
        item_sep: e.item_sep,
        sort_keys: e.sort_keys,
        skipkeys: e.skipkeys,
        allow_nan: e.allow_nan,
        indent: e.indent,
    })?;
    let key_sep = vm.str_of(cfg.key_sep);
    let item_sep = vm.str_of(cfg.item_sep);
    let mut run = Run { cfg: &cfg, key_sep, item_sep, markers: HashSet::default(), none };
    let mut out = Out::new();
    run.obj(vm, &mut out, obj)?;
    let s = out.into_value(vm);
    Ok(vm.new_list(vec![s]))
}
