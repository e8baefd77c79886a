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
    marity(vm, args, 1, 1, "co_positions")?;
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
    marity(vm, args, 1, 1, "co_lines")?;
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
    method(vm, c, "co_positions", code_positions);
    method(vm, c, "co_lines", code_lines);
}
