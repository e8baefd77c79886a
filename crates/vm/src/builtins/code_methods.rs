//! Methods of code objects, co_positions() and co_lines(), which traceback, dis and
//! inspect read (instruction offsets count two bytes per instruction, as in CPython), and
//! frame.clear().

use crate::heap::Value;
use crate::interp::{PyResult, Vm};
use crate::objects::*;

use super::{marity, method, no_kw};

fn opt(vm: &mut Vm, v: u32, present: bool) -> Value {
    if present {
        vm.new_int(v as i64)
    } else {
        vm.none
    }
}

fn code_positions(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    no_kw(vm, kw, "co_positions")?;
    marity(vm, args, 1, 1, "code.co_positions")?;
    let Some(c) = args[0].get::<CodeObj>() else {
        return Err(vm.type_error("co_positions() needs a code object"));
    };
    let locs: Vec<_> = c.code.positions.iter().collect();
    let mut out = Vec::with_capacity(locs.len());
    for l in locs {
        let known = l.line != 0;
        let items = vec![opt(vm, l.line, known), opt(vm, l.end_line, known), opt(vm, l.col, known), opt(vm, l.end_col, known)];
        out.push(vm.new_tuple(items));
    }
    let list = vm.new_list(out);
    vm.iter(list)
}

fn code_lines(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    no_kw(vm, kw, "co_lines")?;
    marity(vm, args, 1, 1, "code.co_lines")?;
    let Some(c) = args[0].get::<CodeObj>() else {
        return Err(vm.type_error("co_lines() needs a code object"));
    };
    let lines: Vec<u32> = c.code.positions.iter().map(|l| l.line).collect();
    let mut out = Vec::new();
    let mut start = 0usize;
    for i in 1..=lines.len() {
        if i == lines.len() || lines[i] != lines[start] {
            let (s, e) = (vm.new_int(start as i64 * 2), vm.new_int(i as i64 * 2));
            let line = opt(vm, lines[start], lines[start] != 0);
            out.push(vm.new_tuple(vec![s, e, line]));
            start = i;
        }
    }
    let list = vm.new_list(out);
    vm.iter(list)
}

/// The keyword arguments CPython's `code.replace()` accepts that pyjit's code objects cannot
/// take a new value for (its instructions are not CPython's): an equal value is accepted.
const FIXED_FIELDS: &[&str] = &[
    "co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals", "co_stacksize", "co_code",
    "co_consts", "co_names", "co_varnames", "co_freevars", "co_cellvars", "co_linetable", "co_exceptiontable",
];

/// code.replace(**changes) for the fields pyjit's code objects can take from Python:
/// co_flags (types.coroutine sets CO_ITERABLE_COROUTINE), co_name, co_qualname,
/// co_filename and co_firstlineno.
fn code_replace(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    let names: Vec<Value> = kw.get::<TupleObj>().map(|t| t.items.to_vec()).unwrap_or_default();
    if args.len() != 1 + names.len() {
        return Err(vm.type_error("replace() takes no positional arguments"));
    }
    let Some(c) = args[0].get::<CodeObj>() else {
        return Err(vm.type_error("replace() needs a code object"));
    };
    let mut new = (*c.code).clone();
    for (i, n) in names.iter().enumerate() {
        let v = args[1 + i];
        let key = vm.str_of(*n);
        let int = |vm: &mut Vm| -> PyResult<i64> {
            let i = vm.index_of(v)?;
            vm.as_i64(i)
                .filter(|n| (0..=i32::MAX as i64).contains(n))
                .ok_or_else(|| vm.overflow_error("Python int too large to convert to C int"))
        };
        match key.as_str() {
            "co_flags" => new.flags = (new.flags & !0xffff) | (int(vm)? as u32 & 0xffff),
            "co_firstlineno" => new.first_line = int(vm)? as u32,
            "co_name" | "co_qualname" | "co_filename" => {
                if v.kind() != Some(crate::heap::ObjKind::Str) {
                    let tn = vm.type_name_of(v);
                    return Err(vm.type_error(&format!("replace() argument '{key}' must be str, not {tn}")));
                }
                let s = vm.str_of(v);
                match key.as_str() {
                    "co_name" => new.name = s,
                    "co_qualname" => new.qualname = s,
                    _ => new.filename = s.into(),
                }
            }
            f if FIXED_FIELDS.contains(&f) => {
                let cur = vm.getattr_opt(args[0], *n)?;
                let same = match cur {
                    Some(cur) => vm.eq(cur, v)?,
                    None => false,
                };
                if !same {
                    return Err(vm.value_error(&format!("code.replace(): pyjit cannot change {f}")));
                }
            }
            other => {
                return Err(vm.type_error(&format!("'{other}' is an invalid keyword argument for replace()")));
            }
        }
    }
    Ok(vm.load_code(std::rc::Rc::new(new)))
}

/// frame.clear(): pyjit's frame objects hold no references of a finished frame's locals
/// (traceback.clear_frames and unittest call it), so there is nothing to drop.
fn frame_clear(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult<Value> {
    no_kw(vm, kw, "clear")?;
    marity(vm, args, 1, 1, "clear")?;
    Ok(vm.none)
}

pub fn register(vm: &mut Vm) {
    let f = vm.types.frame;
    method(vm, f, "clear", frame_clear);
    let c = vm.types.code;
    method(vm, c, "replace", code_replace);
    method(vm, c, "co_positions", code_positions);
    method(vm, c, "co_lines", code_lines);
}
