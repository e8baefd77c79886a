//! Small payloads: numbers, strings, bytes, sequences, functions, cells, modules and the rest.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use num_bigint::BigInt;
use pyjit_compiler::CodeObject;

use crate::heap::{Trace, Tracer, Value};
use crate::interp::NativeFn;

macro_rules! no_refs {
    ($($t:ty),*) => { $(impl Trace for $t { fn trace(&self, _: &mut Tracer) {} })* };
}

/// An int too big for a small int.
pub struct IntObj(pub BigInt);
pub struct BoolObj(pub bool);
pub struct FloatObj(pub f64);
pub struct ComplexObj {
    pub re: f64,
    pub im: f64,
}
/// A None, NotImplemented or Ellipsis singleton (its type tells which).
pub struct SingletonObj;

/// A str: UTF-8 text with its length in characters and a cached hash (-1: not computed).
///
/// A str holding lone surrogates (U+D800..U+DFFF, which UTF-8 cannot hold) keeps U+FFFD for
/// each of them in `s`, so every `&str` path stays valid and character indexes line up, and
/// has its exact code points in a side table ([`WIDE`]) keyed by the address of its text,
/// which does not move with the payload. The top bit of `len` marks such a str, so ordinary
/// strings keep their size (a 48-byte cell with the header) and pay one bit test where
/// surrogates matter (==, ordering, hash, drop).
pub struct StrObj {
    pub s: Box<str>,
    len: usize,
    pub hash: Cell<i64>,
}

const WIDE_FLAG: usize = 1 << (usize::BITS - 1);

/// The code points of the strs holding lone surrogates, by address of their text.
static WIDE: std::sync::Mutex<std::collections::BTreeMap<usize, std::sync::Arc<[u32]>>> =
    std::sync::Mutex::new(std::collections::BTreeMap::new());

fn wide_table() -> std::sync::MutexGuard<'static, std::collections::BTreeMap<usize, std::sync::Arc<[u32]>>> {
    WIDE.lock().unwrap_or_else(|e| e.into_inner())
}

pub fn is_surrogate(c: u32) -> bool {
    (0xd800..0xe000).contains(&c)
}

impl Drop for StrObj {
    fn drop(&mut self) {
        if self.len & WIDE_FLAG != 0 {
            wide_table().remove(&(self.s.as_ptr() as usize));
        }
        if self.s.len() >= INDEXED_MIN && !self.is_ascii() {
            offset_table().remove(&(self.s.as_ptr() as usize));
        }
    }
}

/// Non-ASCII strs at least this long (in bytes) get an offset index on their first
/// indexing, so that `s[i]` costs O(1) rather than a scan from the start.
const INDEXED_MIN: usize = 512;
/// One offset recorded every this many characters.
const INDEX_STEP: usize = 64;

/// The byte offsets of every INDEX_STEP-th character of long non-ASCII strs, by address
/// of their text (removed when the str is dropped, so an address is never reused stale).
static OFFSETS: std::sync::Mutex<std::collections::BTreeMap<usize, std::sync::Arc<[u32]>>> =
    std::sync::Mutex::new(std::collections::BTreeMap::new());

fn offset_table() -> std::sync::MutexGuard<'static, std::collections::BTreeMap<usize, std::sync::Arc<[u32]>>> {
    OFFSETS.lock().unwrap_or_else(|e| e.into_inner())
}

/// The byte offset of character `ci` of `s` by scanning (the length when past the end).
pub fn scan_char_offset(s: &str, ci: usize) -> usize {
    if ci == 0 {
        return 0;
    }
    let mut seen = 0usize;
    for (k, &byte) in s.as_bytes().iter().enumerate() {
        // a byte that starts a character
        if byte & 0xc0 != 0x80 {
            if seen == ci {
                return k;
            }
            seen += 1;
        }
    }
    s.len()
}

impl StrObj {
    pub fn new(s: Box<str>) -> StrObj {
        let nchars = if s.is_ascii() { s.len() } else { s.chars().count() };
        StrObj { s, len: nchars, hash: Cell::new(-1) }
    }
    /// A str of code points, which may include lone surrogates.
    pub fn from_code_points(cps: &[u32]) -> StrObj {
        let s: String = cps.iter().map(|&c| char::from_u32(c).unwrap_or('\u{fffd}')).collect();
        let mut o = StrObj::new(s.into_boxed_str());
        // a surrogate makes `s` non-empty, so its address is its own allocation's
        if cps.iter().any(|&c| is_surrogate(c)) && !o.s.is_empty() {
            wide_table().insert(o.s.as_ptr() as usize, cps.into());
            o.len |= WIDE_FLAG;
        }
        o
    }
    /// The length in characters (code points).
    #[inline]
    pub fn nchars(&self) -> usize {
        self.len & !WIDE_FLAG
    }
    pub fn is_ascii(&self) -> bool {
        self.nchars() == self.s.len()
    }
    /// Whether the str holds lone surrogates.
    #[inline]
    pub fn has_surrogates(&self) -> bool {
        self.len & WIDE_FLAG != 0
    }
    /// The exact code points of a str holding lone surrogates; None for other strs.
    pub fn wide(&self) -> Option<std::sync::Arc<[u32]>> {
        if !self.has_surrogates() {
            return None;
        }
        wide_table().get(&(self.s.as_ptr() as usize)).cloned()
    }
    /// The code points (surrogates included).
    pub fn code_points(&self) -> Vec<u32> {
        match self.wide() {
            Some(w) => w.to_vec(),
            None => self.s.chars().map(|c| c as u32).collect(),
        }
    }
    /// str == str.
    pub fn same(&self, o: &StrObj) -> bool {
        self.s == o.s && (self.len == o.len) && (!self.has_surrogates() || self.wide() == o.wide())
    }
    /// The ordering of two strs (by code point).
    pub fn cmp_str(&self, o: &StrObj) -> std::cmp::Ordering {
        if !self.has_surrogates() && !o.has_surrogates() {
            self.s.cmp(&o.s)
        } else {
            self.code_points().cmp(&o.code_points())
        }
    }
    /// The character at index `i` (0 <= i < nchars).
    pub fn char_at(&self, i: usize) -> Option<char> {
        if self.is_ascii() {
            self.s.as_bytes().get(i).map(|&b| b as char)
        } else {
            self.s.get(self.byte_offset(i)..)?.chars().next()
        }
    }

    /// The byte offset in `s` of character `ci` (the length of `s` when `ci` is past the
    /// end): direct for ASCII, through the offset index for long non-ASCII strs.
    pub fn byte_offset(&self, ci: usize) -> usize {
        if self.is_ascii() {
            return ci.min(self.s.len());
        }
        if ci >= self.nchars() {
            return self.s.len();
        }
        if self.s.len() < INDEXED_MIN || ci < INDEX_STEP {
            return scan_char_offset(&self.s, ci);
        }
        let addr = self.s.as_ptr() as usize;
        let found = offset_table().get(&addr).cloned();
        let idx = match found {
            Some(idx) => idx,
            None => {
                let mut offs: Vec<u32> = Vec::with_capacity(self.nchars() / INDEX_STEP + 1);
                let mut seen = 0usize;
                for (k, &byte) in self.s.as_bytes().iter().enumerate() {
                    if byte & 0xc0 != 0x80 {
                        if seen % INDEX_STEP == 0 {
                            offs.push(k as u32);
                        }
                        seen += 1;
                    }
                }
                let idx: std::sync::Arc<[u32]> = offs.into();
                offset_table().insert(addr, idx.clone());
                idx
            }
        };
        let (blk, rem) = (ci / INDEX_STEP, ci % INDEX_STEP);
        let Some(&start) = idx.get(blk) else { return scan_char_offset(&self.s, ci) };
        let start = start as usize;
        start + scan_char_offset(&self.s[start..], rem)
    }
}

pub struct BytesObj {
    pub data: Box<[u8]>,
    pub hash: Cell<i64>,
}
pub struct ByteArrayObj {
    pub data: RefCell<Vec<u8>>,
}

pub struct TupleObj {
    pub items: Box<[Value]>,
}
impl Trace for TupleObj {
    fn trace(&self, t: &mut Tracer) {
        t.visit_all(&self.items);
    }
}

pub struct ListObj {
    pub items: RefCell<Vec<Value>>,
}
impl ListObj {
    pub fn new(items: Vec<Value>) -> ListObj {
        ListObj { items: RefCell::new(items) }
    }
    pub fn len(&self) -> usize {
        self.items.borrow().len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn get(&self, i: usize) -> Option<Value> {
        self.items.borrow().get(i).copied()
    }
    pub fn snapshot(&self) -> Vec<Value> {
        self.items.borrow().clone()
    }
}
impl Trace for ListObj {
    fn trace(&self, t: &mut Tracer) {
        match self.items.try_borrow() {
            Ok(items) => t.visit_all(&items),
            Err(_) => crate::interp::fatal("GC ran while a list was being mutated"),
        }
    }
}

pub struct CellObj {
    pub v: Cell<Value>,
}
impl Trace for CellObj {
    fn trace(&self, t: &mut Tracer) {
        t.visit(self.v.get());
    }
}

pub struct ModuleObj {
    pub name: Value,
    pub dict: Value,
}
impl Trace for ModuleObj {
    fn trace(&self, t: &mut Tracer) {
        t.visit(self.name);
        t.visit(self.dict);
    }
}

pub struct RangeObj {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}
pub struct SliceObj {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}
impl Trace for RangeObj {
    fn trace(&self, t: &mut Tracer) {
        t.visit_all(&[self.start, self.stop, self.step]);
    }
}
impl Trace for SliceObj {
    fn trace(&self, t: &mut Tracer) {
        t.visit_all(&[self.start, self.stop, self.step]);
    }
}

/// A code object at run time: the compiler's code plus its constants and names as values.
pub struct CodeObj {
    pub code: Rc<CodeObject>,
    /// The instructions the interpreter runs: `code.code` with adjacent pairs fused into
    /// superinstructions (same length and indices; see `opcode::fuse`).
    pub quick: Rc<[pyjit_compiler::opcode::Instr]>,
    pub consts: Box<[Value]>,
    /// `names` interned.
    pub names: Box<[Value]>,
    pub varnames: Box<[Value]>,
    pub name: Value,
    pub qualname: Value,
    pub filename: Value,
    /// Per-instruction inline caches (attribute and global lookups).
    pub caches: RefCell<Vec<crate::interp::Cache>>,
    /// Backward-jump counter, for hot loop detection.
    pub hotness: Cell<u32>,
    /// The frame facts a call needs, read once here instead of through `code` (see
    /// `FrameShape`).
    pub shape: FrameShape,
}

/// What `push_simple_frame` checks on every call, computed when the code is loaded: the
/// positional argument count when a call with exactly that many positional arguments
/// binds them by position (no `*args`/`**kwargs`, keyword-only parameters, cell variables,
/// generator or coroutine), else `u32::MAX`; the locals, free variables and frame size.
#[derive(Clone, Copy, Debug)]
pub struct FrameShape {
    pub simple_argc: u32,
    pub nlocals: u32,
    pub nfree: u32,
    pub frame_size: u32,
}

impl FrameShape {
    pub fn of(c: &pyjit_compiler::code::CodeObject) -> FrameShape {
        use pyjit_compiler::code::flags;
        const NOT_SIMPLE: u32 = flags::VARARGS | flags::VARKEYWORDS | flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR;
        let simple = c.flags & NOT_SIMPLE == 0 && c.kwonlyargcount == 0 && c.cellvars.is_empty();
        FrameShape {
            simple_argc: if simple { c.argcount } else { u32::MAX },
            nlocals: c.nlocals() as u32,
            nfree: c.freevars.len() as u32,
            frame_size: c.frame_size() as u32,
        }
    }
}
impl Trace for CodeObj {
    fn trace(&self, t: &mut Tracer) {
        t.visit_all(&self.consts);
        t.visit_all(&self.names);
        t.visit_all(&self.varnames);
        t.visit_all(&[self.name, self.qualname, self.filename]);
        if let Ok(c) = self.caches.try_borrow() {
            for e in c.iter() {
                e.trace(t);
            }
        }
    }
}

pub struct FunctionObj {
    /// Assignable (`f.__code__ = ...`, as types.coroutine does).
    pub code: Cell<Value>,
    pub globals: Value,
    pub name: Cell<Value>,
    pub qualname: Cell<Value>,
    pub defaults: Cell<Value>,
    pub kwdefaults: Cell<Value>,
    pub closure: Value,
    pub doc: Cell<Value>,
    pub dict: Cell<Value>,
    pub annotations: Cell<Value>,
    pub module: Cell<Value>,
}
impl Trace for FunctionObj {
    fn trace(&self, t: &mut Tracer) {
        t.visit_all(&[
            self.code.get(),
            self.globals,
            self.name.get(),
            self.qualname.get(),
            self.defaults.get(),
            self.kwdefaults.get(),
            self.closure,
            self.doc.get(),
            self.dict.get(),
            self.annotations.get(),
            self.module.get(),
        ]);
    }
}

/// A function written in Rust. `self_` is bound for methods of builtin objects.
pub struct BuiltinObj {
    pub name: &'static str,
    pub func: NativeFn,
    pub self_: Value,
    /// The class that defines it, for methods (descriptor checks and reprs).
    pub owner: Value,
    /// For a slot method of a builtin class (`list.__add__`): the arguments after self it
    /// takes, checked before the call (CPython's "expected 1 argument, got 0"); NO_SLOT: none.
    pub slot_args: u8,
    /// For a function of a module written in Rust: the module (`__module__`, `__self__`).
    pub module: Value,
}

/// `BuiltinObj::slot_args` of a function that checks its own arguments.
pub const NO_SLOT: u8 = u8::MAX;
/// `BuiltinObj::slot_args` of a method CPython declares METH_NOARGS ("takes no arguments").
pub const SLOT_NOARGS: u8 = 0xF0;
/// `BuiltinObj::slot_args` of a method CPython declares METH_O ("takes exactly one argument").
pub const SLOT_ONE_ARG: u8 = 0xF1;

/// The fixed argument count (after self) of a slot method called through its wrapper, for
/// the slots whose wrapper CPython checks this way.
pub fn slot_arity(name: &str) -> u8 {
    const UNARY: &[&str] = &[
        "__len__", "__iter__", "__next__", "__repr__", "__str__", "__hash__", "__neg__", "__pos__", "__abs__",
        "__invert__", "__bool__", "__int__", "__float__", "__index__",
    ];
    const BINARY: &[&str] = &[
        "__add__", "__radd__", "__sub__", "__rsub__", "__mul__", "__rmul__", "__matmul__", "__rmatmul__",
        "__truediv__", "__rtruediv__", "__floordiv__", "__rfloordiv__", "__mod__", "__rmod__", "__divmod__",
        "__rdivmod__", "__lshift__", "__rlshift__", "__rshift__", "__rrshift__", "__and__", "__rand__", "__or__",
        "__ror__", "__xor__", "__rxor__", "__iadd__", "__isub__", "__imul__", "__imatmul__", "__itruediv__",
        "__ifloordiv__", "__imod__", "__ilshift__", "__irshift__", "__iand__", "__ior__", "__ixor__", "__eq__",
        "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__delattr__", "__getattribute__", "__delitem__",
    ];
    if UNARY.contains(&name) {
        0
    } else if BINARY.contains(&name) {
        1
    } else if name == "__setitem__" || name == "__setattr__" {
        2
    } else {
        NO_SLOT
    }
}
impl Trace for BuiltinObj {
    fn trace(&self, t: &mut Tracer) {
        t.visit(self.self_);
        t.visit(self.owner);
        t.visit(self.module);
    }
}

pub struct MethodObj {
    pub func: Value,
    pub self_: Value,
}
impl Trace for MethodObj {
    fn trace(&self, t: &mut Tracer) {
        t.visit(self.func);
        t.visit(self.self_);
    }
}

pub struct PropertyObj {
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
    pub doc: Cell<Value>,
    pub name: Cell<Value>,
}
impl Trace for PropertyObj {
    fn trace(&self, t: &mut Tracer) {
        t.visit_all(&[self.fget, self.fset, self.fdel, self.doc.get(), self.name.get()]);
    }
}

pub struct ClassMethodObj {
    pub f: Value,
    pub dict: Cell<Value>,
}
pub struct StaticMethodObj {
    pub f: Value,
    pub dict: Cell<Value>,
}
impl Trace for ClassMethodObj {
    fn trace(&self, t: &mut Tracer) {
        t.visit(self.f);
        t.visit(self.dict.get());
    }
}
impl Trace for StaticMethodObj {
    fn trace(&self, t: &mut Tracer) {
        t.visit(self.f);
        t.visit(self.dict.get());
    }
}

pub struct SuperObj {
    pub ty: Value,
    pub obj: Value,
    pub obj_type: Value,
}
impl Trace for SuperObj {
    fn trace(&self, t: &mut Tracer) {
        t.visit_all(&[self.ty, self.obj, self.obj_type]);
    }
}

pub struct DictViewObj {
    pub dict: Value,
    /// 0 keys, 1 values, 2 items.
    pub which: u8,
}
impl Trace for DictViewObj {
    fn trace(&self, t: &mut Tracer) {
        t.visit(self.dict);
    }
}

/// A view of `len` bytes of `obj` (bytes or bytearray): item i is `obj[start + i * step]`.
pub struct MemoryViewObj {
    pub obj: Value,
    /// Byte offset of the first item, number of items, byte distance between items.
    pub start: usize,
    pub len: usize,
    pub step: isize,
    pub released: Cell<bool>,
    /// The struct format of the items (`b'B'` unless made by `cast`).
    pub fmt: u8,
}
impl Trace for MemoryViewObj {
    fn trace(&self, t: &mut Tracer) {
        t.visit(self.obj);
    }
}

pub struct ExceptionObj {
    pub args: Cell<Value>,
    pub traceback: Cell<Value>,
    pub cause: Cell<Value>,
    pub context: Cell<Value>,
    pub suppress_context: Cell<bool>,
    pub dict: Cell<Value>,
    /// Exception groups: the tuple (message, exceptions) given at creation; NULL otherwise.
    pub group: Cell<Value>,
}
impl Trace for ExceptionObj {
    fn trace(&self, t: &mut Tracer) {
        t.visit_all(&[
            self.args.get(),
            self.traceback.get(),
            self.cause.get(),
            self.context.get(),
            self.dict.get(),
            self.group.get(),
        ]);
    }
}

/// One traceback entry: the code and line where an exception passed, linked to the next.
pub struct TracebackObj {
    pub next: Cell<Value>,
    pub code: Value,
    /// The globals of the frame, for `tb_frame` (a detached frame object made on demand).
    pub globals: Value,
    pub lineno: u32,
    pub ip: u32,
}
impl Trace for TracebackObj {
    fn trace(&self, t: &mut Tracer) {
        t.visit(self.next.get());
        t.visit(self.code);
        t.visit(self.globals);
    }
}

/// A frame made visible to Python (tracebacks, sys._getframe): a snapshot.
/// A frame object: a snapshot of a running frame (code, globals, current line, locals)
/// taken when Python code asks for it (`sys._getframe`, `gi_frame`). `level` is the index of
/// the frame in the VM's frame stack when taken (-1 if none), from which `f_back` is found.
pub struct FrameObj {
    pub code: Value,
    pub globals: Value,
    pub locals: Cell<Value>,
    pub lineno: Cell<u32>,
    pub back: Cell<Value>,
    pub level: Cell<i64>,
}
impl Trace for FrameObj {
    fn trace(&self, t: &mut Tracer) {
        t.visit_all(&[self.code, self.globals, self.locals.get(), self.back.get()]);
    }
}

/// A suspended generator, coroutine or async generator frame.
pub struct GenFrame {
    /// Locals, cells and the evaluation stack up to the stack pointer.
    pub slots: Vec<Value>,
    pub ip: usize,
    pub func: Value,
    pub globals: Value,
}

pub struct GeneratorObj {
    pub frame: RefCell<Option<GenFrame>>,
    pub code: Value,
    pub name: Cell<Value>,
    pub qualname: Cell<Value>,
    /// 0 created, 1 suspended, 2 running, 3 finished.
    pub state: Cell<u8>,
    /// 0 generator, 1 coroutine, 2 async generator.
    pub flavor: u8,
    /// The exception being handled inside the generator when it yielded.
    pub exc_state: Cell<Value>,
    /// Async generators: the value of a pending `asend`/`athrow` awaitable.
    pub running_async: Cell<bool>,
    /// Async generators: sys.set_asyncgen_hooks' firstiter hook has run for it.
    pub hooks_inited: Cell<bool>,
}
impl Trace for GeneratorObj {
    fn trace(&self, t: &mut Tracer) {
        t.visit(self.code);
        t.visit(self.name.get());
        t.visit(self.qualname.get());
        t.visit(self.exc_state.get());
        match self.frame.try_borrow() {
            Ok(f) => {
                if let Some(f) = &*f {
                    t.visit_all(&f.slots);
                    t.visit(f.func);
                    t.visit(f.globals);
                }
            }
            Err(_) => crate::interp::fatal("GC ran while a generator frame was borrowed"),
        }
    }
}

no_refs!(IntObj, BoolObj, FloatObj, ComplexObj, SingletonObj, StrObj, BytesObj, ByteArrayObj);

/// A `__slots__` entry of a class: reads and writes the named member of instances.
pub struct MemberDescrObj {
    pub name: Value,
    /// The class that declared the slot.
    pub owner: Value,
}
impl Trace for MemberDescrObj {
    fn trace(&self, t: &mut Tracer) {
        t.visit(self.name);
        t.visit(self.owner);
    }
}

/// A read-only view of a mapping (`type.__dict__`).
pub struct MappingProxyObj {
    pub mapping: Value,
}
impl Trace for MappingProxyObj {
    fn trace(&self, t: &mut Tracer) {
        t.visit(self.mapping);
    }
}

/// `list[int]` (a `types.GenericAlias`) or `int | str` (a `types.UnionType`, origin NULL).
pub struct GenericAliasObj {
    pub origin: Value,
    /// A tuple.
    pub args: Value,
}
impl Trace for GenericAliasObj {
    fn trace(&self, t: &mut Tracer) {
        t.visit(self.origin);
        t.visit(self.args);
    }
}

#[cfg(test)]
mod str_tests {
    use super::StrObj;

    #[test]
    fn surrogate_strs_keep_their_code_points() {
        let a = StrObj::from_code_points(&[0x61, 0xd800]);
        assert!(a.has_surrogates());
        assert_eq!(a.nchars(), 2);
        assert_eq!(&*a.s, "a\u{fffd}");
        assert_eq!(a.code_points(), vec![0x61, 0xd800]);
        let b = StrObj::from_code_points(&[0x61, 0xfffd]);
        assert!(!b.has_surrogates() && b.wide().is_none());
        assert!(!a.same(&b) && !b.same(&a));
        assert!(a.same(&StrObj::from_code_points(&[0x61, 0xd800])));
        assert!(a.cmp_str(&b).is_lt());
        let key = a.s.as_ptr() as usize;
        drop(a);
        assert!(super::wide_table().get(&key).is_none());
    }
}
