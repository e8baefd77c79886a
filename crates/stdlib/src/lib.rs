//! pyjit's native library: the modules CPython writes in C, written in Rust, so that
//! CPython's pure-Python library runs on top of them unmodified. Each module is created
//! when it is first imported (see `pyjit_vm::modules::install_library`).

pub mod util;

mod itertools;
mod random;

use pyjit_vm::modules::ModuleInit;

/// Every native library module: its import name and the function that fills it.
pub const MODULES: &[(&str, ModuleInit)] = &[
    ("_random", random::init),
    ("itertools", itertools::init),
];

/// Makes the modules importable in every VM this process creates.
pub fn install() {
    pyjit_vm::modules::install_library(MODULES);
}
