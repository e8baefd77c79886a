//! `_sre`, the regular expression engine under CPython 3.11's pure-Python `re` package:
//! `re._compiler` turns a pattern into a list of code words and hands it to
//! `_sre.compile`, which makes a `re.Pattern`; matching runs that code in Rust.
//!
//! Files: `consts` (the code's numbers), `chars` (character classes, cases, sets),
//! `validate` (checking code from Python), `engine` (the backtracking matcher over an
//! explicit stack), `search` (where matches may start), `subject` (the str/bytes being
//! matched), `pattern`, `matchobj`, `scanner` and `subx` (the Python-facing objects).

/// Runs `$body` with `$t` bound to the subject's characters, as bytes or as code points
/// (the body is compiled for both).
macro_rules! with_text {
    ($subj:expr, |$t:ident| $body:expr) => {
        match $subj.text() {
            $crate::modules::sre::subject::TextRef::Narrow($t) => $body,
            $crate::modules::sre::subject::TextRef::Wide($t) => $body,
        }
    };
}

mod chars;
mod consts;
mod engine;
mod matchobj;
mod pattern;
mod prog;
mod scanner;
mod search;
pub mod subject;
mod subx;
mod validate;

use std::cell::{Cell, RefCell};

use crate::heap::{Gc, ObjKind, Tracer, Value};
use crate::interp::{NativeFn, PyResult, Vm};
use crate::objects::*;

pub use engine::State;
use subject::Subject;

/// A compiled pattern.
pub struct PatternData {
    pub prog: prog::Prog,
    /// The number of capturing groups.
    pub groups: usize,
    pub flags: i64,
    /// The source: a str, bytes or None.
    pub pattern: Value,
    /// name -> number dict (NULL without named groups) and number -> name tuple (NULL).
    pub groupindex: Value,
    pub indexgroup: Value,
    /// -1: no source pattern, 0: str, 1: bytes.
    pub isbytes: i8,
}

/// The result of a successful match.
pub struct MatchData {
    pub pattern: Value,
    pub subject: Subject,
    /// Start and end of group 0..=groups; -1 for groups that did not take part.
    pub marks: Marks,
    pub pos: usize,
    pub endpos: usize,
    pub lastindex: isize,
    pub regs: Cell<Value>,
}

/// An iterator of matches over one string (`Pattern.scanner`, under finditer).
pub struct ScannerData {
    pub pattern: Value,
    pub subject: Subject,
    pub state: RefCell<State>,
    pub executing: Cell<bool>,
    /// No more matches (CPython's `state.start == NULL`).
    pub done: Cell<bool>,
}

/// The payload of the `_sre` objects.
pub enum SreObj {
    Pattern(PatternData),
    Match(MatchData),
    Scanner(ScannerData),
    /// Keeps the str of the code point cache alive (see `subject`).
    Holder(Cell<Value>),
}

impl SreObj {
    pub fn visit(&self, t: &mut Tracer) {
        match self {
            SreObj::Pattern(p) => {
                t.visit(p.pattern);
                t.visit(p.groupindex);
                t.visit(p.indexgroup);
            }
            SreObj::Match(m) => {
                t.visit(m.pattern);
                t.visit(m.subject.value);
                t.visit(m.regs.get());
            }
            SreObj::Scanner(s) => {
                t.visit(s.pattern);
                t.visit(s.subject.value);
            }
            SreObj::Holder(v) => t.visit(v.get()),
        }
    }
}

/// The `_sre` classes (kept alive in `Vm::permanent`).
#[derive(Clone, Copy, Default)]
pub struct SreTypes {
    pub pattern: Value,
    pub matcht: Value,
    pub scanner: Value,
    holder: Value,
}

crate::gil_local! {
    static TYPES: Cell<SreTypes> = Cell::new(SreTypes { pattern: Value::NULL, matcht: Value::NULL, scanner: Value::NULL, holder: Value::NULL });
}

pub fn types() -> SreTypes {
    TYPES.with(|t| t.get())
}

/// Makes the code point cache's str a root (or none).
fn set_cache_holder(v: Value) {
    if let Some(h) = types().holder.get::<SreObj>() {
        if let SreObj::Holder(c) = &*h {
            c.set(v);
        }
    }
}

/// The pattern behind `v`, or CPython's TypeError for a method called on something else.
pub fn pattern_of(vm: &mut Vm, v: Value, name: &str) -> PyResult<Gc<SreObj>> {
    if let Some(o) = v.get::<SreObj>() {
        if matches!(&*o, SreObj::Pattern(_)) {
            return Ok(o);
        }
    }
    let tn = vm.type_name_of(v);
    Err(vm.type_error(&format!("descriptor '{name}' for 're.Pattern' objects doesn't apply to a '{tn}' object")))
}

pub fn match_of(vm: &mut Vm, v: Value, name: &str) -> PyResult<Gc<SreObj>> {
    if let Some(o) = v.get::<SreObj>() {
        if matches!(&*o, SreObj::Match(_)) {
            return Ok(o);
        }
    }
    let tn = vm.type_name_of(v);
    Err(vm.type_error(&format!("descriptor '{name}' for 're.Match' objects doesn't apply to a '{tn}' object")))
}

/// `&PatternData` of an object known to be a pattern.
pub fn pdata(o: &SreObj) -> Option<&PatternData> {
    match o {
        SreObj::Pattern(p) => Some(p),
        _ => None,
    }
}

pub fn mdata(o: &SreObj) -> Option<&MatchData> {
    match o {
        SreObj::Match(m) => Some(m),
        _ => None,
    }
}

/// A Py_ssize_t argument (through `__index__`).
pub fn ssize_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if v.kind() == Some(ObjKind::Float) {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let i = vm.index_of(v)?;
    vm.as_i64(i).ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t"))
}

/// A C int argument (through `__index__`).
fn int_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if v.kind() == Some(ObjKind::Float) {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let i = vm.index_of(v)?;
    match vm.as_i64(i) {
        Some(n) if n >= i32::MIN as i64 && n <= i32::MAX as i64 => Ok(n),
        _ => Err(vm.overflow_error("Python int too large to convert to C int")),
    }
}

fn has_kw(k: Value) -> bool {
    k.get::<TupleObj>().is_some_and(|t| !t.items.is_empty())
}

/// `_sre.getcodesize()`.
fn getcodesize(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    if !a.is_empty() || has_kw(k) {
        return Err(vm.type_error(&format!("_sre.getcodesize() takes no arguments ({} given)", a.len())));
    }
    Ok(vm.new_int(consts::CODESIZE))
}

/// A one-argument function of a character code (CPython's METH_O with an int converter).
fn char_fn(vm: &mut Vm, a: &[Value], k: Value, name: &str, f: fn(i64) -> i64) -> PyResult<Value> {
    if has_kw(k) {
        return Err(vm.type_error(&format!("_sre.{name}() takes no keyword arguments")));
    }
    if a.len() != 1 {
        return Err(vm.type_error(&format!("_sre.{name}() takes exactly one argument ({} given)", a.len())));
    }
    let c = int_arg(vm, a[0])?;
    Ok(vm.new_int(f(c)))
}

/// The characters the case functions see: the C int as an unsigned code.
fn code_of(c: i64) -> u32 {
    c as i32 as u32
}

fn ascii_iscased(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let r = char_fn(vm, a, k, "ascii_iscased", |c| {
        let ch = code_of(c);
        (ch < 128 && (ch as u8).is_ascii_alphabetic()) as i64
    })?;
    Ok(vm.bool_val(r.is_small() && r.small_value() == 1))
}

fn unicode_iscased(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let r = char_fn(vm, a, k, "unicode_iscased", |c| {
        let ch = code_of(c);
        (ch != chars::lower_unicode(ch) || ch != chars::upper_unicode(ch)) as i64
    })?;
    Ok(vm.bool_val(r.is_small() && r.small_value() == 1))
}

fn ascii_tolower(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    char_fn(vm, a, k, "ascii_tolower", |c| chars::lower_ascii(code_of(c)) as i32 as i64)
}

fn unicode_tolower(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    char_fn(vm, a, k, "unicode_tolower", |c| chars::lower_unicode(code_of(c)) as i32 as i64)
}

/// `_sre.compile(pattern, flags, code, groups, groupindex, indexgroup)`.
fn compile(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    let args = bind(vm, a, k, "compile", &["pattern", "flags", "code", "groups", "groupindex", "indexgroup"], 6, 0)?;
    let g = |i: usize| args.get(i).unwrap_or(Value::NULL);
    let (pattern, flags, code, groups, groupindex, indexgroup) = (g(0), g(1), g(2), g(3), g(4), g(5));
    let flags = int_arg(vm, flags)?;
    let Some(list) = code.get::<ListObj>() else {
        let tn = vm.type_name_of(code);
        return Err(vm.type_error(&format!("compile() argument 'code' must be list, not {tn}")));
    };
    let groups = ssize_arg(vm, groups)?;
    if groupindex.kind() != Some(ObjKind::Dict) {
        let tn = vm.type_name_of(groupindex);
        return Err(vm.type_error(&format!("compile() argument 'groupindex' must be dict, not {tn}")));
    }
    if indexgroup.kind() != Some(ObjKind::Tuple) {
        let tn = vm.type_name_of(indexgroup);
        return Err(vm.type_error(&format!("compile() argument 'indexgroup' must be tuple, not {tn}")));
    }
    let items = list.snapshot();
    let mut words = Vec::new();
    if words.try_reserve(items.len()).is_err() {
        return Err(vm.memory_error());
    }
    for it in items {
        if !vm.is_int(it) {
            return Err(vm.type_error("an integer is required"));
        }
        let w = match vm.as_i64(it) {
            Some(w) => w,
            None => {
                let neg = it.get::<IntObj>().map(|i| i.0.sign() == num_bigint::Sign::Minus).unwrap_or(false);
                if neg {
                    return Err(vm.overflow_error("can't convert negative value to unsigned int"));
                }
                let fits = it.get::<IntObj>().map(|i| i.0.bits() <= 64).unwrap_or(false);
                if fits {
                    return Err(vm.overflow_error("regular expression code size limit exceeded"));
                }
                return Err(vm.overflow_error("Python int too large to convert to C unsigned long"));
            }
        };
        if w < 0 {
            return Err(vm.overflow_error("can't convert negative value to unsigned int"));
        }
        if w > u32::MAX as i64 {
            return Err(vm.overflow_error("regular expression code size limit exceeded"));
        }
        words.push(w as u32);
    }
    let isbytes = if pattern == vm.none {
        -1
    } else {
        let s = subject::subject(vm, pattern)?;
        s.is_bytes() as i8
    };
    let has_names = groupindex.get::<DictObj>().map(|d| d.len() > 0).unwrap_or(false);
    let (gi, ig) = if has_names {
        let ig_nonempty = indexgroup.get::<TupleObj>().map(|t| !t.items.is_empty()).unwrap_or(false);
        (groupindex, if ig_nonempty { indexgroup } else { Value::NULL })
    } else {
        (Value::NULL, Value::NULL)
    };
    let Some(sets) = validate::validate(&words, groups) else {
        return Err(vm.runtime_error("invalid SRE code"));
    };
    let prog = prog::Prog::new(words.into_boxed_slice(), &sets);
    let data = PatternData { prog, groups: groups as usize, flags, pattern, groupindex: gi, indexgroup: ig, isbytes };
    let t = types().pattern;
    Ok(vm.alloc(t, SreObj::Pattern(data)).value())
}

fn no_new(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    let cls = a.first().copied().unwrap_or(Value::NULL);
    let name = if cls == types().pattern {
        "re.Pattern"
    } else if cls == types().matcht {
        "re.Match"
    } else {
        "_sre.SRE_Scanner"
    };
    Err(vm.type_error(&format!("cannot create '{name}' instances")))
}

/// `__class_getitem__`: a generic alias (`re.Pattern[str]`).
fn class_getitem(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult<Value> {
    crate::builtins::arity(vm, a, 2, 2, "__class_getitem__")?;
    Ok(vm.new_generic_alias(a[0], a[1]))
}

fn new_type(vm: &mut Vm, name: &str, module: &str) -> Value {
    let object = vm.types.object;
    let t = vm.make_type(name, object, ObjKind::Sre, 0);
    let mn = vm.new_str(module);
    if let Some(d) = t.get::<TypeObj>().map(|t| t.dict) {
        vm.dict_set_str(d, "__module__", mn);
        let none = vm.none;
        vm.dict_set_str(d, "__doc__", none);
    }
    crate::builtins::static_method(vm, t, "__new__", no_new);
    vm.permanent.push(t);
    t
}

pub fn register(vm: &mut Vm) {
    let pattern = new_type(vm, "Pattern", "re");
    let matcht = new_type(vm, "Match", "re");
    let scanner = new_type(vm, "SRE_Scanner", "_sre");
    let holder = new_type(vm, "_Holder", "_sre");
    let h = vm.alloc(holder, SreObj::Holder(Cell::new(Value::NULL))).value();
    vm.permanent.push(h);
    TYPES.with(|c| c.set(SreTypes { pattern, matcht, scanner, holder: h }));
    for t in [pattern, matcht] {
        crate::builtins::class_method(vm, t, "__class_getitem__", class_getitem);
    }
    pattern::register(vm, pattern);
    matchobj::register(vm, matcht);
    scanner::register(vm, scanner);

    let m = super::new_module(vm, "_sre");
    let fns: &[(&'static str, NativeFn)] = &[
        ("compile", compile),
        ("getcodesize", getcodesize),
        ("ascii_iscased", ascii_iscased),
        ("unicode_iscased", unicode_iscased),
        ("ascii_tolower", ascii_tolower),
        ("unicode_tolower", unicode_tolower),
    ];
    for &(n, f) in fns {
        super::add_fn(vm, m, n, f);
    }
    let consts: [(&str, i64); 4] = [
        ("MAGIC", consts::MAGIC),
        ("CODESIZE", consts::CODESIZE),
        ("MAXREPEAT", consts::MAXREPEAT as i64),
        ("MAXGROUPS", consts::MAXGROUPS as i64),
    ];
    for (n, v) in consts {
        let v = vm.new_int(v);
        super::set_attr(vm, m, n, v);
    }
    let c = vm.new_str(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB ");
    super::set_attr(vm, m, "copyright", c);
}

/// Arguments bound to (at most 6) parameter names; the common call (positional arguments
/// only) allocates nothing, others go through `io::bind` and its messages.
pub struct Bound([Option<Value>; 6]);

impl Bound {
    #[inline]
    pub fn get(&self, i: usize) -> Option<Value> {
        self.0.get(i).copied().flatten()
    }
}

pub fn bind(vm: &mut Vm, args: &[Value], kw: Value, fname: &str, names: &[&str], required: usize, posonly: usize) -> PyResult<Bound> {
    let mut b = [None; 6];
    let kwn = kw.get::<TupleObj>();
    let nkw = kwn.as_ref().map_or(0, |t| t.items.len());
    if nkw == 0 && args.len() <= names.len() && args.len() >= required && names.len() <= 6 {
        for (slot, &v) in b.iter_mut().zip(args) {
            *slot = Some(v);
        }
        return Ok(Bound(b));
    }
    if names.len() > 6 || posonly == names.len() {
        // positional-only parameters: io::bind has those messages
        let a = crate::modules::io::bind(vm, args, kw, fname, names, required, posonly)?;
        for (i, slot) in b.iter_mut().enumerate().take(names.len()) {
            *slot = a.get(i);
        }
        return Ok(Bound(b));
    }
    // argument clinic's order of checks: too many positional arguments, a missing
    // required one, then keywords that repeat a positional argument or name nothing
    let npos = args.len().saturating_sub(nkw);
    if args.len() > names.len() {
        let n = names.len();
        let kind = if npos == 0 { "keyword " } else { "" };
        return Err(vm.type_error(&format!("{fname}() takes at most {n} {kind}argument{} ({} given)", if n == 1 { "" } else { "s" }, args.len())));
    }
    for (slot, &v) in b.iter_mut().zip(&args[..npos]) {
        *slot = Some(v);
    }
    let kwnames: Vec<String> = kwn.map(|t| t.items.iter().map(|&k| vm.str_of(k)).collect()).unwrap_or_default();
    let mut problem = None;
    for (j, name) in kwnames.iter().enumerate() {
        let v = args[npos + j];
        match names.iter().position(|n| n == name) {
            Some(i) if i >= posonly && b[i].is_none() => b[i] = Some(v),
            Some(i) if i >= posonly => {
                problem = problem.or(Some(format!("argument for {fname}() given by name ('{name}') and position ({})", i + 1)));
            }
            _ => problem = problem.or(Some(format!("'{name}' is an invalid keyword argument for {fname}()"))),
        }
    }
    for i in 0..required {
        if b[i].is_none() {
            return Err(vm.type_error(&format!("{fname}() missing required argument '{}' (pos {})", names[i], i + 1)));
        }
    }
    if let Some(msg) = problem {
        return Err(vm.type_error(&msg));
    }
    Ok(Bound(b))
}

/// Group spans of a match: inline for up to 6 groups.
pub struct Marks {
    len: usize,
    inline: [isize; 14],
    heap: Option<Box<[isize]>>,
}

impl Marks {
    fn new(n: usize) -> Marks {
        if n <= 14 {
            Marks { len: n, inline: [-1; 14], heap: None }
        } else {
            Marks { len: n, inline: [-1; 14], heap: Some(vec![-1; n].into_boxed_slice()) }
        }
    }
}

impl std::ops::Deref for Marks {
    type Target = [isize];
    fn deref(&self) -> &[isize] {
        match &self.heap {
            Some(h) => h,
            None => &self.inline[..self.len],
        }
    }
}

impl std::ops::DerefMut for Marks {
    fn deref_mut(&mut self) -> &mut [isize] {
        match &mut self.heap {
            Some(h) => h,
            None => &mut self.inline[..self.len],
        }
    }
}

/// A match object from a state that matched.
pub fn new_match(vm: &mut Vm, pat: Value, p: &PatternData, subj: &Subject, st: &State) -> PyResult<Value> {
    let n = 2 * (p.groups + 1);
    let mut marks = Marks::new(n);
    marks[0] = st.start as isize;
    marks[1] = st.ptr as isize;
    for g in 0..p.groups {
        let j = 2 * g;
        if (j + 1) as isize <= st.lastmark && st.marks[j] != engine::NONE && st.marks[j + 1] != engine::NONE {
            let (a, b) = (st.marks[j], st.marks[j + 1]);
            if a > b {
                let t = vm.types.exceptions.iter().find(|e| e.0 == "SystemError").map(|e| e.1).unwrap_or(vm.types.runtime_error);
                return Err(vm.err(t, "The span of capturing group is wrong, please report a bug for the re module."));
            }
            marks[j + 2] = a as isize;
            marks[j + 3] = b as isize;
        }
    }
    let data = MatchData {
        pattern: pat,
        subject: subj.clone(),
        marks,
        pos: st.pos,
        endpos: st.endpos,
        lastindex: st.lastindex,
        regs: Cell::new(Value::NULL),
    };
    let t = types().matcht;
    Ok(vm.alloc(t, SreObj::Match(data)).value())
}

/// The error for a failed engine run (pattern_error).
pub fn engine_error(vm: &mut Vm, e: engine::SreError) -> crate::interp::PyErr {
    match e {
        engine::SreError::Memory => vm.memory_error(),
        engine::SreError::Recursion => {
            let t = vm.types.recursion_error;
            vm.err(t, "maximum recursion limit exceeded")
        }
        engine::SreError::Illegal => vm.runtime_error("internal error in regular expression engine"),
    }
}

thread_local! {
    /// States of finished searches, reused so that a search allocates nothing.
    static POOL: RefCell<Vec<Box<State>>> = const { RefCell::new(Vec::new()) };
}

/// A state for `subj` between `pos` and `endpos` (from the pool when one is free).
pub fn take_state(len: usize, groups: usize, pos: i64, endpos: i64) -> Box<State> {
    match POOL.with(|p| p.try_borrow_mut().ok().and_then(|mut p| p.pop())) {
        Some(mut st) => {
            st.reinit(len, groups, pos, endpos);
            st
        }
        None => Box::new(State::new(len, groups, pos, endpos)),
    }
}

pub fn give_state(st: Box<State>) {
    POOL.with(|p| {
        if let Ok(mut p) = p.try_borrow_mut() {
            if p.len() < 4 {
                p.push(st);
            }
        }
    });
}
