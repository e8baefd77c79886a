//! `_collections`: deque (with its iterators), defaultdict, `_count_elements` and
//! `_tuplegetter`. OrderedDict is left to collections/__init__.py's Python version.

mod defaultdict;
pub mod deque;
mod deque_iter;
mod helpers;

use crate::util::*;

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    let doc = vm.new_str("High performance data structures.\n- deque:        ordered collection accessible from endpoints only\n- defaultdict:  dict subclass with a default value factory\n");
    set_attr(vm, m, "__doc__", doc);
    deque::register(vm, m);
    defaultdict::register(vm, m);
    helpers::register(vm, m);
    Ok(())
}
