//! `_collections`: deque (with its iterators), defaultdict, `_count_elements` and
//! `_tuplegetter`, OrderedDict.

mod defaultdict;
pub mod deque;
mod deque_iter;
mod helpers;
mod ordered_dict;

use crate::util::*;

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    let doc = vm.new_str("High performance data structures.\n- deque:        ordered collection accessible from endpoints only\n- defaultdict:  dict subclass with a default value factory\n");
    set_attr(vm, m, "__doc__", doc);
    deque::register(vm, m);
    defaultdict::register(vm, m);
    helpers::register(vm, m);
    ordered_dict::register(vm, m);
    Ok(())
}
