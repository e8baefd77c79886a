//! `_ast`: the syntax tree node classes (written in Python, `nodes.py`), under ast.py.

use crate::util::*;

const NODES: &str = include_str!("nodes.py");

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    let d = m.get::<pyjit_vm::objects::ModuleObj>().map(|m| m.dict).unwrap_or(Value::NULL);
    let b = vm.builtins;
    vm.dict_set_str(d, "__builtins__", b);
    let code = vm.compile_source(NODES, "<frozen _ast>", pyjit_compiler::Mode::Exec)?;
    vm.run_code(code, d, d)?;
    Ok(())
}
