//! `itertools`: CPython 3.11's iterator building blocks, each a native iterator class.
//! The simple filters and mappers are in basic.rs, count/cycle/repeat in infinite.rs,
//! islice/zip_longest/pairwise in slicing.rs, groupby and tee in their files, the
//! combinatoric generators in combinatorics.rs.

mod basic;
mod combinatorics;
mod groupby;
mod infinite;
mod slicing;
mod tee;

use crate::util::*;

pub const MODULE: &str = "itertools";

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    let doc = vm.new_str("Functional tools for creating and using iterators.");
    set_attr(vm, m, "__doc__", doc);
    infinite::register(vm, m);
    basic::register(vm, m);
    slicing::register(vm, m);
    groupby::register(vm, m);
    tee::register(vm, m);
    combinatorics::register(vm, m);
    Ok(())
}
