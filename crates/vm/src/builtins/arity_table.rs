//! The native methods CPython declares METH_NOARGS or METH_O, by class: calls with another
//! argument count, or with keywords, raise CPython's TypeError before the method runs.
//!
//! Listed from CPython 3.11 by calling each method descriptor of these classes with three
//! arguments and reading which of the two messages it gives.

use crate::objects::{NO_SLOT, SLOT_NOARGS, SLOT_ONE_ARG};

pub const NOARGS: &[(&str, &[&str])] = &[
    ("object", &["__dir__", "__getstate__", "__reduce__", "__sizeof__"]),
    ("int", &["__ceil__", "__floor__", "__getnewargs__", "__sizeof__", "__trunc__", "as_integer_ratio", "bit_count", "bit_length", "conjugate"]),
    ("float", &["__ceil__", "__floor__", "__getnewargs__", "__trunc__", "as_integer_ratio", "conjugate", "hex", "is_integer"]),
    ("complex", &["__complex__", "__getnewargs__", "conjugate"]),
    ("str", &["__getnewargs__", "__sizeof__", "capitalize", "casefold", "isalnum", "isalpha", "isascii", "isdecimal", "isdigit", "isidentifier", "islower", "isnumeric", "isprintable", "isspace", "istitle", "isupper", "lower", "swapcase", "title", "upper"]),
    ("bytes", &["__bytes__", "__getnewargs__", "capitalize", "isalnum", "isalpha", "isascii", "isdigit", "islower", "isspace", "istitle", "isupper", "lower", "swapcase", "title", "upper"]),
    ("bytearray", &["__alloc__", "__reduce__", "__sizeof__", "capitalize", "clear", "copy", "isalnum", "isalpha", "isascii", "isdigit", "islower", "isspace", "istitle", "isupper", "lower", "reverse", "swapcase", "title", "upper"]),
    ("list", &["__reversed__", "__sizeof__", "clear", "copy", "reverse"]),
    ("tuple", &["__getnewargs__"]),
    ("dict", &["__reversed__", "__sizeof__", "clear", "copy", "items", "keys", "popitem", "values"]),
    ("set", &["__reduce__", "__sizeof__", "clear", "copy", "pop"]),
    ("frozenset", &["__reduce__", "__sizeof__", "copy"]),
    ("range", &["__reversed__"]),
    ("slice", &["__reduce__"]),
    ("memoryview", &["__enter__", "release", "tolist", "toreadonly"]),
    ("BaseException", &["__reduce__"]),
    ("dict_keys", &["__reversed__"]),
    ("dict_items", &["__reversed__"]),
    ("dict_values", &["__reversed__"]),
    ("generator", &["__sizeof__", "close"]),
    ("enumerate", &["__reduce__"]),
    ("zip", &["__reduce__"]),
    ("map", &["__reduce__"]),
    ("filter", &["__reduce__"]),
    ("list_iterator", &["__length_hint__", "__reduce__"]),
    ("tuple_iterator", &["__length_hint__", "__reduce__"]),
    ("code", &["__sizeof__", "co_lines", "co_positions"]),
    ("frame", &["__sizeof__", "clear"]),
    ("ellipsis", &["__reduce__"]),
];
pub const ONE_ARG: &[(&str, &[&str])] = &[
    ("object", &["__format__", "__reduce_ex__"]),
    ("int", &["__format__"]),
    ("float", &["__format__"]),
    ("complex", &["__format__"]),
    ("str", &["__format__", "format_map", "join", "partition", "removeprefix", "removesuffix", "rpartition", "translate", "zfill"]),
    ("bytes", &["join", "partition", "removeprefix", "removesuffix", "rpartition", "zfill"]),
    ("bytearray", &["append", "extend", "join", "partition", "remove", "removeprefix", "removesuffix", "rpartition", "zfill"]),
    ("list", &["__getitem__", "append", "count", "extend", "remove"]),
    ("tuple", &["count"]),
    ("dict", &["__contains__", "__getitem__"]),
    ("set", &["__contains__", "add", "discard", "isdisjoint", "issubset", "issuperset", "remove", "symmetric_difference", "symmetric_difference_update"]),
    ("frozenset", &["__contains__", "isdisjoint", "issubset", "issuperset", "symmetric_difference"]),
    ("range", &["count", "index"]),
    ("slice", &["indices"]),
    ("BaseException", &["__setstate__", "add_note", "with_traceback"]),
    ("property", &["deleter", "getter", "setter"]),
    ("dict_keys", &["isdisjoint"]),
    ("dict_items", &["isdisjoint"]),
    ("generator", &["send"]),
    ("zip", &["__setstate__"]),
    ("list_iterator", &["__setstate__"]),
    ("tuple_iterator", &["__setstate__"]),
];

/// `BuiltinObj::slot_args` for method `name` of the builtin class named `class`.
pub fn fixed_arity(class: &str, name: &str) -> u8 {
    let has = |table: &[(&str, &[&str])]| table.iter().any(|(c, ms)| *c == class && ms.contains(&name));
    if has(NOARGS) {
        SLOT_NOARGS
    } else if has(ONE_ARG) {
        SLOT_ONE_ARG
    } else {
        NO_SLOT
    }
}
