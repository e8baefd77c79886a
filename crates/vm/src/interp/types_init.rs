//! The builtin classes and the bootstrap that creates them (object and type first).


use crate::heap::{Heap, ObjKind, Value};
use crate::objects::{type_flags, DictObj, MapObj, SingletonObj, TypeObj};

use super::{Config, Vm};

macro_rules! types_struct {
    ($($field:ident),* $(,)?) => {
        /// The builtin classes the runtime refers to directly.
        #[derive(Default)]
        pub struct Types {
            $(pub $field: Value,)*
            /// Every builtin exception class by name, in creation order.
            pub exceptions: Vec<(&'static str, Value)>,
        }
        impl Types {
            pub fn all(&self) -> Vec<Value> {
                let mut v = vec![$(self.$field),*];
                v.extend(self.exceptions.iter().map(|e| e.1));
                v
            }
        }
    };
}

types_struct!(
    object, type_, int, bool, float, complex, str, bytes, bytearray, tuple, list, dict, set,
    frozenset, none_type, not_implemented_type, ellipsis_type, function, builtin_function,
    method, code, cell, module, generator, coroutine, async_generator, range, slice, property,
    classmethod, staticmethod, super_, memoryview, dict_keys, dict_values, dict_items,
    list_iterator, list_reverseiterator, tuple_iterator, range_iterator, str_iterator,
    bytes_iterator, dict_keyiterator, dict_valueiterator, dict_itemiterator, set_iterator,
    seq_iterator, callable_iterator, enumerate, zip, map, filter, reversed, traceback, frame,
    map_type, coroutine_wrapper, async_gen_asend, async_gen_wrapped, method_descriptor,
    base_exception, exception, base_exception_group, exception_group, type_error, value_error,
    index_error, key_error, attribute_error, name_error, unbound_local_error,
    zero_division_error, overflow_error, stop_iteration, stop_async_iteration, runtime_error,
    recursion_error, not_implemented_error, memory_error, assertion_error, import_error,
    module_not_found_error, lookup_error, syntax_error, indentation_error, system_exit,
    keyboard_interrupt, generator_exit, unicode_error, unicode_decode_error,
    unicode_encode_error, os_error, arithmetic_error, warning, deprecation_warning,
    runtime_warning, user_warning, eof_error, file_not_found_error, buffer_error,
    member_descriptor, getset_descriptor, mappingproxy, generic_alias, union_type
);

/// (name, base name) of every builtin exception, parents first.
const EXCEPTIONS: &[(&str, &str)] = &[
    ("BaseException", ""),
    ("BaseExceptionGroup", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("SystemExit", "BaseException"),
    ("Exception", "BaseException"),
    ("ArithmeticError", "Exception"),
    ("FloatingPointError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ExceptionGroup", "BaseExceptionGroup"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("BlockingIOError", "OSError"),
    ("ChildProcessError", "OSError"),
    ("ConnectionError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("ConnectionAbortedError", "ConnectionError"),
    ("ConnectionRefusedError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"),
    ("FileExistsError", "OSError"),
    ("FileNotFoundError", "OSError"),
    ("InterruptedError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("PermissionError", "OSError"),
    ("ProcessLookupError", "OSError"),
    ("TimeoutError", "OSError"),
    ("ReferenceError", "Exception"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("StopAsyncIteration", "Exception"),
    ("StopIteration", "Exception"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("SystemError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("UnicodeTranslateError", "UnicodeError"),
    ("Warning", "Exception"),
    ("BytesWarning", "Warning"),
    ("DeprecationWarning", "Warning"),
    ("EncodingWarning", "Warning"),
    ("FutureWarning", "Warning"),
    ("ImportWarning", "Warning"),
    ("PendingDeprecationWarning", "Warning"),
    ("ResourceWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("SyntaxWarning", "Warning"),
    ("UnicodeWarning", "Warning"),
    ("UserWarning", "Warning"),
];

impl Vm {
    fn raw_type(heap: &mut Heap, name: &str, dict: Value, kind: ObjKind, flags: u32) -> Value {
        let t = TypeObj::new(name.to_string(), name.to_string(), Vec::new(), dict, kind, flags);
        match heap.alloc(Value::NULL, t) {
            Some(g) => g.value(),
            None => super::fatal("out of memory during start-up"),
        }
    }

    /// Creates a builtin class deriving from `base`.
    pub fn make_type(&mut self, name: &str, base: Value, kind: ObjKind, flags: u32) -> Value {
        let dict = self.new_dict();
        let t = Vm::raw_type(&mut self.heap, name, dict, kind, flags);
        t.header().map(|h| h.ty.set(self.types.type_));
        self.set_bases(t, if base.is_null() { vec![] } else { vec![base] });
        t
    }

    /// Sets the bases and a linear MRO (builtin classes have single inheritance).
    fn set_bases(&mut self, t: Value, bases: Vec<Value>) {
        let Some(tt) = t.get::<TypeObj>() else { return };
        let mut mro = vec![t];
        if let Some(b) = bases.first().and_then(|b| b.get::<TypeObj>()) {
            mro.extend(b.mro.borrow().iter().copied());
            b.subclasses.borrow_mut().push(t);
        }
        *tt.bases.borrow_mut() = bases;
        *tt.mro.borrow_mut() = mro;
    }

    pub fn new(config: Config) -> Vm {
        let mut heap = Heap::new();
        heap.enabled = false;
        // object, type and dict exist before anything can have a class.
        let alloc_dict = |heap: &mut Heap| match heap.alloc(Value::NULL, DictObj::new()) {
            Some(g) => g.value(),
            None => super::fatal("out of memory during start-up"),
        };
        let d_object = alloc_dict(&mut heap);
        let d_type = alloc_dict(&mut heap);
        let d_dict = alloc_dict(&mut heap);
        let object = Vm::raw_type(&mut heap, "object", d_object, ObjKind::Instance, type_flags::BASETYPE);
        let type_ = Vm::raw_type(&mut heap, "type", d_type, ObjKind::Type, type_flags::BASETYPE);
        let dict = Vm::raw_type(&mut heap, "dict", d_dict, ObjKind::Dict, type_flags::BASETYPE);
        for t in [object, type_, dict] {
            t.header().map(|h| h.ty.set(type_));
        }
        for d in [d_object, d_type, d_dict] {
            d.header().map(|h| h.ty.set(dict));
        }
        let mut vm = Vm {
            heap,
            types: Types { object, type_, dict, ..Types::default() },
            stack: super::value_stack::ValueStack::new(),
            sp: 0,
            frames: Vec::new(),
            none: Value::NULL,
            true_: Value::NULL,
            false_: Value::NULL,
            not_implemented: Value::NULL,
            ellipsis: Value::NULL,
            empty_tuple: Value::NULL,
            empty_str: Value::NULL,
            builtins: Value::NULL,
            builtins_dict: Value::NULL,
            sys: Value::NULL,
            sys_state: Value::NULL,
            modules: Value::NULL,
            interned: Default::default(),
            hot_names: [Value::NULL; 2],
            static_names: Box::new([(0, 0, Value::NULL); super::STATIC_NAME_SLOTS]),
            chars: Vec::new(),
            handled_exc: Value::NULL,
            exc_outer: Vec::new(),
            gen_exc_saved: Vec::new(),
            drains: Vec::new(),
            recursion_limit: 1000,
            int_max_str_digits: config.flags.int_max_str_digits.map_or(crate::builtins::num::MAX_STR_DIGITS, |n| n as usize),
            depth: 0,
            native_depth: 0,
            config,
            stack_top: 0,
            ext_dicts: Default::default(),
            member_dicts: Default::default(),
            permanent: Vec::new(),
            hash_key: (0, 0),
            repr_stack: Vec::new(),
            stdout_buf: Vec::new(),
            gc_time: (0, 0),
            recent: Vec::new(),
            importing: Vec::new(),
            lookup_cache: Default::default(),
            jit: Default::default(),
            recent_marks: Vec::new(),
            frame_objects: Vec::new(),
            has_del_classes: false,
            pending_del: Vec::new(),
        };
        vm.set_bases(object, vec![]);
        vm.set_bases(type_, vec![object]);
        vm.set_bases(dict, vec![object]);
        vm.init_types();
        vm.init_singletons();
        vm.hash_key = crate::builtins::hash::key_from_seed(vm.config.hash_seed);
        crate::builtins::register_all(&mut vm);
        vm.heap.stress = vm.config.gc_stress;
        vm.heap.enabled = true;
        vm
    }

    fn init_types(&mut self) {
        use ObjKind as K;
        let o = self.types.object;
        let b = type_flags::BASETYPE;
        macro_rules! ty {
            ($field:ident, $name:expr, $base:expr, $kind:expr, $flags:expr) => {
                self.types.$field = self.make_type($name, $base, $kind, $flags);
            };
        }
        ty!(int, "int", o, K::BigInt, b);
        ty!(bool, "bool", self.types.int, K::Bool, 0);
        ty!(float, "float", o, K::Float, b);
        ty!(complex, "complex", o, K::Complex, b);
        ty!(str, "str", o, K::Str, b);
        ty!(bytes, "bytes", o, K::Bytes, b);
        ty!(bytearray, "bytearray", o, K::ByteArray, b);
        ty!(tuple, "tuple", o, K::Tuple, b);
        ty!(list, "list", o, K::List, b);
        ty!(set, "set", o, K::Set, b);
        ty!(frozenset, "frozenset", o, K::Set, b);
        ty!(none_type, "NoneType", o, K::Singleton, 0);
        ty!(not_implemented_type, "NotImplementedType", o, K::Singleton, 0);
        ty!(ellipsis_type, "ellipsis", o, K::Singleton, 0);
        ty!(function, "function", o, K::Function, 0);
        ty!(builtin_function, "builtin_function_or_method", o, K::Builtin, 0);
        ty!(method_descriptor, "method_descriptor", o, K::Builtin, 0);
        ty!(method, "method", o, K::Method, 0);
        ty!(code, "code", o, K::Code, 0);
        ty!(cell, "cell", o, K::CellK, 0);
        ty!(module, "module", o, K::Module, b);
        ty!(generator, "generator", o, K::Generator, 0);
        ty!(coroutine, "coroutine", o, K::Generator, 0);
        ty!(async_generator, "async_generator", o, K::Generator, 0);
        ty!(coroutine_wrapper, "coroutine_wrapper", o, K::Iter, 0);
        ty!(async_gen_asend, "async_generator_asend", o, K::Iter, 0);
        ty!(async_gen_wrapped, "async_generator_wrapped_value", o, K::Tuple, 0);
        ty!(range, "range", o, K::Range, 0);
        ty!(slice, "slice", o, K::Slice, 0);
        ty!(property, "property", o, K::Property, b);
        ty!(classmethod, "classmethod", o, K::ClassMethod, b);
        ty!(staticmethod, "staticmethod", o, K::StaticMethod, b);
        ty!(super_, "super", o, K::Super, b);
        ty!(memoryview, "memoryview", o, K::MemoryView, 0);
        ty!(dict_keys, "dict_keys", o, K::DictView, 0);
        ty!(dict_values, "dict_values", o, K::DictView, 0);
        ty!(dict_items, "dict_items", o, K::DictView, 0);
        ty!(list_iterator, "list_iterator", o, K::Iter, 0);
        ty!(list_reverseiterator, "list_reverseiterator", o, K::Iter, 0);
        ty!(tuple_iterator, "tuple_iterator", o, K::Iter, 0);
        ty!(range_iterator, "range_iterator", o, K::Iter, 0);
        ty!(str_iterator, "str_ascii_iterator", o, K::Iter, 0);
        ty!(bytes_iterator, "bytes_iterator", o, K::Iter, 0);
        ty!(dict_keyiterator, "dict_keyiterator", o, K::Iter, 0);
        ty!(dict_valueiterator, "dict_valueiterator", o, K::Iter, 0);
        ty!(dict_itemiterator, "dict_itemiterator", o, K::Iter, 0);
        ty!(set_iterator, "set_iterator", o, K::Iter, 0);
        ty!(seq_iterator, "iterator", o, K::Iter, 0);
        ty!(callable_iterator, "callable_iterator", o, K::Iter, 0);
        ty!(enumerate, "enumerate", o, K::Iter, b);
        ty!(zip, "zip", o, K::Iter, b);
        ty!(map, "map", o, K::Iter, b);
        ty!(filter, "filter", o, K::Iter, b);
        ty!(reversed, "reversed", o, K::Iter, b);
        ty!(traceback, "traceback", o, K::Traceback, 0);
        ty!(frame, "frame", o, K::Frame, 0);
        ty!(map_type, "map_layout", o, K::Map, 0);
        ty!(member_descriptor, "member_descriptor", o, K::MemberDescr, 0);
        ty!(getset_descriptor, "getset_descriptor", o, K::MemberDescr, 0);
        ty!(mappingproxy, "mappingproxy", o, K::MappingProxy, 0);
        ty!(generic_alias, "GenericAlias", o, K::GenericAlias, 0);
        ty!(union_type, "UnionType", o, K::GenericAlias, 0);
        // exceptions
        let mut by_name: Vec<(&'static str, Value)> = Vec::new();
        for &(name, base) in EXCEPTIONS {
            let base_v = if base.is_empty() { o } else { by_name.iter().find(|e| e.0 == base).map(|e| e.1).unwrap_or(o) };
            let t = self.make_type(name, base_v, K::Exception, b | type_flags::EXCEPTION);
            by_name.push((name, t));
        }
        let get = |n: &str| by_name.iter().find(|e| e.0 == n).map(|e| e.1).unwrap_or(Value::NULL);
        let t = &mut self.types;
        t.base_exception = get("BaseException");
        t.exception = get("Exception");
        t.base_exception_group = get("BaseExceptionGroup");
        t.exception_group = get("ExceptionGroup");
        t.type_error = get("TypeError");
        t.value_error = get("ValueError");
        t.index_error = get("IndexError");
        t.key_error = get("KeyError");
        t.attribute_error = get("AttributeError");
        t.name_error = get("NameError");
        t.unbound_local_error = get("UnboundLocalError");
        t.zero_division_error = get("ZeroDivisionError");
        t.overflow_error = get("OverflowError");
        t.stop_iteration = get("StopIteration");
        t.stop_async_iteration = get("StopAsyncIteration");
        t.runtime_error = get("RuntimeError");
        t.recursion_error = get("RecursionError");
        t.not_implemented_error = get("NotImplementedError");
        t.memory_error = get("MemoryError");
        t.assertion_error = get("AssertionError");
        t.import_error = get("ImportError");
        t.module_not_found_error = get("ModuleNotFoundError");
        t.lookup_error = get("LookupError");
        t.syntax_error = get("SyntaxError");
        t.indentation_error = get("IndentationError");
        t.system_exit = get("SystemExit");
        t.keyboard_interrupt = get("KeyboardInterrupt");
        t.generator_exit = get("GeneratorExit");
        t.unicode_error = get("UnicodeError");
        t.unicode_decode_error = get("UnicodeDecodeError");
        t.unicode_encode_error = get("UnicodeEncodeError");
        t.os_error = get("OSError");
        t.arithmetic_error = get("ArithmeticError");
        t.warning = get("Warning");
        t.deprecation_warning = get("DeprecationWarning");
        t.runtime_warning = get("RuntimeWarning");
        t.user_warning = get("UserWarning");
        t.eof_error = get("EOFError");
        t.file_not_found_error = get("FileNotFoundError");
        t.buffer_error = get("BufferError");
        t.exceptions = by_name;
        // ExceptionGroup is also an Exception
        let eg = self.types.exception_group;
        let beg = self.types.base_exception_group;
        let exc = self.types.exception;
        if let Some(tt) = eg.get::<TypeObj>() {
            *tt.bases.borrow_mut() = vec![beg, exc];
            let mro = self.c3_mro(eg, &[beg, exc]).unwrap_or_default();
            *tt.mro.borrow_mut() = mro;
        }
    }

    fn init_singletons(&mut self) {
        let mk = |vm: &mut Vm, ty: Value| vm.alloc(ty, SingletonObj).value();
        let nt = self.types.none_type;
        self.none = mk(self, nt);
        let ni = self.types.not_implemented_type;
        self.not_implemented = mk(self, ni);
        let el = self.types.ellipsis_type;
        self.ellipsis = mk(self, el);
        let bt = self.types.bool;
        self.true_ = self.alloc(bt, crate::objects::BoolObj(true)).value();
        self.false_ = self.alloc(bt, crate::objects::BoolObj(false)).value();
        let tt = self.types.tuple;
        self.empty_tuple = self.alloc(tt, crate::objects::TupleObj { items: Box::new([]) }).value();
        let st = self.types.str;
        self.empty_str = self.alloc(st, crate::objects::StrObj::new("".into())).value();
        let mut chars = Vec::with_capacity(256);
        for c in 0u32..256 {
            let s = char::from_u32(c).map(|c| c.to_string()).unwrap_or_default();
            chars.push(self.alloc(st, crate::objects::StrObj::new(s.into_boxed_str())).value());
        }
        // Only ASCII single-byte strings are looked up by byte in new_str.
        chars.truncate(128);
        self.chars = chars;
        let _ = MapObj::lookup;
    }
}
