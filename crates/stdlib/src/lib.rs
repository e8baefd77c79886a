//! pyjit's native library: the modules CPython writes in C, written in Rust, so that
//! CPython's pure-Python library runs on top of them unmodified. Each module is created
//! when it is first imported (see `pyjit_vm::modules::install_library`).

pub mod util;

mod array;
mod ast;
mod binascii;
mod bz2;
mod bisect;
mod cmath;
mod collections;
mod csv;
mod fcntl;
mod functools;
mod heapq;
mod hashes;
mod itertools;
mod json;
mod lzma;
mod marshal;
mod mmap;
mod multiprocessing;
mod operator;
mod posixsubprocess;
mod pyexpat;
mod random;
mod select;
mod socket;
mod sqlite;
mod structs;
mod unicodedata;
mod zlib;

use pyjit_vm::modules::ModuleInit;

/// Every native library module: its import name and the function that fills it.
pub const MODULES: &[(&str, ModuleInit)] = &[
    ("_random", random::init),
    ("cmath", cmath::init),
    ("_ast", ast::init),
    ("fcntl", fcntl::init),
    ("select", select::init),
    ("_posixsubprocess", posixsubprocess::init),
    ("_socket", socket::init),
    ("itertools", itertools::init),
    ("_collections", collections::init),
    ("_operator", operator::init),
    ("_functools", functools::init),
    ("_heapq", heapq::init),
    ("_bisect", bisect::init),
    ("_struct", structs::init),
    ("binascii", binascii::init),
    ("zlib", zlib::init),
    ("_bz2", bz2::init),
    ("_lzma", lzma::init),
    ("_sqlite3", sqlite::init),
    ("array", array::init),
    ("_json", json::init),
    ("_csv", csv::init),
    ("unicodedata", unicodedata::init),
    ("marshal", marshal::init),
    ("mmap", mmap::init),
    ("pyexpat", pyexpat::init),
    ("_multiprocessing", multiprocessing::init),
    ("_posixshmem", multiprocessing::init_posixshmem),
    ("_md5", hashes::init_md5),
    ("_sha1", hashes::init_sha1),
    ("_sha256", hashes::init_sha256),
    ("_sha512", hashes::init_sha512),
    ("_sha3", hashes::init_sha3),
    ("_blake2", hashes::init_blake2),
];

/// Makes the modules importable in every VM this process creates.
pub fn install() {
    pyjit_vm::modules::install_library(MODULES);
}
