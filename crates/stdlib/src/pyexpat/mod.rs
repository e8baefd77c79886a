//! `pyexpat`: an XML parser with Expat's interface, under `xml.parsers.expat`,
//! ElementTree, minidom, SAX, plistlib and xmlrpc.
//!
//! The scanner (`scan.rs`, `content.rs`, `dtd.rs`) is Rust: it takes input in chunks
//! and produces Expat's events, errors and positions. The parser object with its handler
//! attributes, namespace processing, text buffering and the `errors` and `model`
//! submodules are Python (`shell.py`) over the `_Scanner` class defined here: the handler
//! calls are Python calls either way, and the API is mostly attributes.

mod chars;
mod content;
mod dtd;
mod events;
mod scan;

use crate::util::*;
use crate::{class_slot, native_state};
use chars::Decoder;
use events::{Ev, Model, MESSAGES, NAMES};
use scan::Scanner;

const SHELL: &str = include_str!("shell.py");

class_slot!(SCANNER);

struct ScanState {
    s: Scanner,
}
native_state!(ScanState);

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    let d = m.get::<pyjit_vm::objects::ModuleObj>().map(|m| m.dict).unwrap_or(Value::NULL);
    let b = vm.builtins;
    vm.dict_set_str(d, "__builtins__", b);
    let t = new_class(vm, "pyexpat", "_Scanner", None, ObjKind::Native, false);
    add_methods(
        vm,
        t,
        &[
            ("feed", feed),
            ("set_expand", set_expand),
            ("set_external", set_external),
            ("set_table", set_table),
            ("set_utf8", set_utf8),
            ("position", position),
            ("unknown_encoding", unknown_encoding),
        ],
    );
    SCANNER.with(|c| c.set(t));
    add_fns(vm, m, &[("_scanner", scanner_new)]);
    let msgs: Vec<Value> = MESSAGES.iter().map(|s| vm.new_str(s)).collect();
    let l = vm.new_list(msgs);
    set_attr(vm, m, "_MESSAGES", l);
    let names: Vec<Value> = NAMES.iter().map(|s| vm.new_str(s)).collect();
    let l = vm.new_list(names);
    set_attr(vm, m, "_NAMES", l);
    let code = vm.compile_source(SHELL, "<frozen pyexpat>", pyjit_compiler::Mode::Exec)?;
    vm.run_code(code, d, d)?;
    Ok(())
}

/// `_scanner(encoding)`: encoding None, a name the scanner knows, or a list of 256
/// one-character strings (an 8-bit codec's table).
fn scanner_new(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let enc = args.first().copied().unwrap_or(vm.none);
    let dec = decoder_of(vm, enc)?;
    let t = SCANNER.with(|c| c.get());
    Ok(new_native(vm, t, ScanState { s: Scanner::new(dec) }))
}

fn decoder_of(vm: &mut Vm, enc: Value) -> PyResult<Option<Decoder>> {
    if is_none(vm, enc) {
        return Ok(None);
    }
    if is_str(enc) {
        let n = vm.str_of(enc);
        return Decoder::for_name(&n).map(Some).ok_or_else(|| vm.value_error("unknown encoding"));
    }
    let (_holder, items) = vm.to_vec(enc)?;
    let mut table = Vec::with_capacity(256);
    for it in items {
        table.push(vm.str_of(it).chars().next().unwrap_or('\u{FFFD}'));
    }
    table.resize(256, '\u{FFFD}');
    Ok(Some(Decoder::Table(table)))
}

fn state(vm: &mut Vm, v: Value) -> PyResult<()> {
    with_state::<ScanState, _>(vm, v, "_Scanner", |_| ()).map(|_| ())
}

/// `feed(data: bytes, final)` → (events, error): error is None or (code, line, column, byte).
fn feed(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let [me, data, fin, ..] = args else { return Err(vm.type_error("feed() takes 2 arguments")) };
    state(vm, *me)?;
    let bytes = bytes_like(vm, *data)?;
    let last = vm.truthy(*fin)?;
    let (r, evs) = with_state::<ScanState, _>(vm, *me, "_Scanner", |st| {
        let r = st.s.feed(&bytes, last);
        (r, std::mem::take(&mut st.s.events))
    })?;
    let mut out = Vec::with_capacity(evs.len());
    for e in evs {
        out.push(event_value(vm, e)?);
    }
    let l = vm.new_list(out);
    let err = match r {
        Ok(()) => vm.none,
        Err(e) => {
            let items = vec![vm.new_int(e.code as i64), vm.new_int(e.line as i64), vm.new_int(e.col as i64), vm.new_int(e.byte)];
            vm.new_tuple(items)
        }
    };
    Ok(vm.new_tuple(vec![l, err]))
}

fn opt_str(vm: &mut Vm, s: Option<String>) -> Value {
    match s {
        Some(s) => vm.new_str(&s),
        None => vm.none,
    }
}

fn model_value(vm: &mut Vm, m: Model) -> Value {
    let kids: Vec<Value> = m.children.into_iter().map(|c| model_value(vm, c)).collect();
    let kids = vm.new_tuple(kids);
    let items = vec![vm.new_int(m.ctype as i64), vm.new_int(m.quant as i64), opt_str(vm, m.name), kids];
    vm.new_tuple(items)
}

/// An event as (kind, line, column, byte, raw pieces, payload...).
fn event_value(vm: &mut Vm, e: events::Event) -> PyResult<Value> {
    let raw: Vec<Value> = e.raw.iter().map(|s| vm.new_str(s)).collect();
    let raw = vm.new_list(raw);
    let mut items = vec![Value::NULL, vm.new_int(e.line as i64), vm.new_int(e.col as i64), vm.new_int(e.byte as i64), raw];
    let kind = match e.ev {
        Ev::XmlDecl { version, encoding, standalone } => {
            items.push(opt_str(vm, version));
            items.push(opt_str(vm, encoding));
            items.push(vm.new_int(standalone as i64));
            0
        }
        Ev::Start { name, attrs, nspec } => {
            items.push(vm.new_str(&name));
            let mut flat = Vec::with_capacity(attrs.len() * 2);
            for (n, v) in attrs {
                flat.push(vm.new_str(&n));
                flat.push(vm.new_str(&v));
            }
            items.push(vm.new_list(flat));
            items.push(vm.new_int(nspec as i64));
            1
        }
        Ev::End { name } => {
            items.push(vm.new_str(&name));
            2
        }
        Ev::Data(t) => {
            items.push(vm.new_str(&t));
            3
        }
        Ev::Pi { target, data } => {
            items.push(vm.new_str(&target));
            items.push(vm.new_str(&data));
            4
        }
        Ev::Comment(t) => {
            items.push(vm.new_str(&t));
            5
        }
        Ev::CdataStart => 6,
        Ev::CdataEnd => 7,
        Ev::DoctypeStart { name, sysid, pubid, internal } => {
            items.push(vm.new_str(&name));
            items.push(opt_str(vm, sysid));
            items.push(opt_str(vm, pubid));
            items.push(vm.new_int(internal as i64));
            8
        }
        Ev::DoctypeEnd => 9,
        Ev::EntityDecl { name, param, value, sysid, pubid, notation } => {
            items.push(vm.new_str(&name));
            items.push(vm.new_int(param as i64));
            items.push(opt_str(vm, value));
            items.push(opt_str(vm, sysid));
            items.push(opt_str(vm, pubid));
            items.push(opt_str(vm, notation));
            10
        }
        Ev::NotationDecl { name, sysid, pubid } => {
            items.push(vm.new_str(&name));
            items.push(opt_str(vm, sysid));
            items.push(opt_str(vm, pubid));
            11
        }
        Ev::ElementDecl { name, model } => {
            items.push(vm.new_str(&name));
            items.push(model_value(vm, model));
            12
        }
        Ev::AttlistDecl { elname, attname, atype, default, required } => {
            items.push(vm.new_str(&elname));
            items.push(vm.new_str(&attname));
            items.push(vm.new_str(&atype));
            items.push(opt_str(vm, default));
            items.push(vm.new_int(required as i64));
            13
        }
        Ev::Skipped { name, param } => {
            items.push(vm.new_str(&name));
            items.push(vm.new_int(param as i64));
            14
        }
        Ev::ExternalRef { name, sysid, pubid } => {
            items.push(vm.new_str(&name));
            items.push(opt_str(vm, sysid));
            items.push(opt_str(vm, pubid));
            15
        }
        Ev::Default(t) => {
            items.push(vm.new_str(&t));
            16
        }
        Ev::NotStandalone => 17,
    };
    items[0] = vm.new_int(kind);
    Ok(vm.new_tuple(items))
}

fn set_flag(vm: &mut Vm, args: &[Value], f: fn(&mut Scanner, bool)) -> PyResult<Value> {
    let [me, v, ..] = args else { return Err(vm.type_error("expected one argument")) };
    let b = vm.truthy(*v)?;
    with_state::<ScanState, _>(vm, *me, "_Scanner", |st| f(&mut st.s, b))?;
    Ok(vm.none)
}

/// `set_expand(flag)`: whether internal entity references in content are expanded.
fn set_expand(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    set_flag(vm, args, |s, b| s.expand = b)
}

/// `set_external(flag)`: the document is taken to have an external subset (UseForeignDTD).
fn set_external(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    set_flag(vm, args, |s, b| s.has_external = s.has_external || b)
}

/// `set_utf8()`: the input is UTF-8 whatever it declares (Parse of a str); only before
/// the first input.
fn set_utf8(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let me = args.first().copied().unwrap_or(Value::NULL);
    with_state::<ScanState, _>(vm, me, "_Scanner", |st| st.s.force_utf8())?;
    Ok(vm.none)
}

/// `set_table(table)`: the decoding table for the encoding the XML declaration named.
fn set_table(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let [me, t, ..] = args else { return Err(vm.type_error("set_table() takes 1 argument")) };
    let d = decoder_of(vm, *t)?;
    with_state::<ScanState, _>(vm, *me, "_Scanner", |st| st.s.table = d)?;
    Ok(vm.none)
}

/// `position()` → (line, column, byte) of the next unparsed input.
fn position(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let me = args.first().copied().unwrap_or(Value::NULL);
    let p = with_state::<ScanState, _>(vm, me, "_Scanner", |st| st.s.position())?;
    let items = vec![vm.new_int(p.line as i64), vm.new_int(p.col as i64), vm.new_int(p.byte as i64)];
    Ok(vm.new_tuple(items))
}

/// `unknown_encoding()`: the name the XML declaration gave that needs a table, or None.
fn unknown_encoding(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult<Value> {
    let me = args.first().copied().unwrap_or(Value::NULL);
    let e = with_state::<ScanState, _>(vm, me, "_Scanner", |st| st.s.unknown_encoding.clone())?;
    Ok(opt_str(vm, e))
}
