//! The interpreter: the VM state, frames, calls, operators, attribute lookup and the
//! dispatch loop.

mod alloc;
mod attr;
mod call;
mod del_finalizers;
mod dictops;
mod dispatch_support;
mod errors;
mod eval;
mod run;
mod fast_path;
mod finalize;
mod frame;
mod gen_drain;
mod gen_frames;
pub mod jit_iface;
pub mod jit_ops;
mod lookup_cache;
mod ops;
mod type_bases;
mod types_init;
pub mod thread_state;
mod value_stack;

pub use errors::{PyErr, PyResult};
pub use frame::{Frame, BINOP_RIGHT};
pub use types_init::Types;
pub use ops::cmp_ord as ops_cmp_ord;
pub use eval::Exit;

use crate::fxhash::FxHashMap as HashMap;

use crate::heap::{Heap, Tracer, Value};

/// A function written in Rust: positional arguments (self first for methods), then the
/// values of keyword arguments whose names are in `kwnames` (a tuple, or NULL).
pub type NativeFn = fn(&mut Vm, &[Value], Value) -> PyResult<Value>;

/// Entries of `Vm::intern_static`'s cache.
const STATIC_NAME_SLOTS: usize = 512;

/// An inline cache entry of one instruction.
#[derive(Clone, Copy, Default)]
pub enum Cache {
    #[default]
    Empty,
    /// A global read: the globals dict version and builtins version it was valid for.
    Global { globals_ver: u64, builtins_ver: u64, value: Value },
    /// An instance attribute in a map slot, for up to two maps (polymorphic sites such
    /// as `task.link` over several task classes); the most recent first.
    Slot([SlotEntry; 2]),
    /// An attribute store that adds slot `index` to instances whose map is `from`,
    /// moving them to map `to`.
    AddSlot { ty_ver: u64, from: Value, to: Value, index: u32 },
    /// A method found on the type, for up to two types; the most recent first.
    Method([MethodEntry; 2]),
}

/// One receiver shape of a `Cache::Slot`: valid while the object's map is `map` and its
/// type's version is `ty_ver`. An unused entry has a NULL map.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub struct SlotEntry {
    pub ty_ver: u64,
    pub map: Value,
    pub index: u32,
}

/// One receiver type of a `Cache::Method`, valid for this type version. `map` is the map
/// of the last instance seen without an attribute of that name (NULL if none): an
/// instance with the same map cannot shadow the method, so the hit needs no name lookup.
/// An unused entry has a NULL type.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub struct MethodEntry {
    pub ty: Value,
    pub ty_ver: u64,
    pub func: Value,
    pub map: Value,
}

impl Cache {
    /// A slot cache with `e` first, keeping the previous first entry of a slot cache
    /// (for another map) second.
    pub fn with_slot(old: Cache, e: SlotEntry) -> Cache {
        match old {
            Cache::Slot([a, _]) if a.map != e.map => Cache::Slot([e, a]),
            _ => Cache::Slot([e, SlotEntry::default()]),
        }
    }

    /// A method cache with `e` first, keeping the previous first entry (for another type).
    pub fn with_method(old: Cache, e: MethodEntry) -> Cache {
        match old {
            Cache::Method([a, _]) if a.ty != e.ty => Cache::Method([e, a]),
            Cache::Method([_, b]) => Cache::Method([e, b]),
            _ => Cache::Method([e, MethodEntry::default()]),
        }
    }
}

impl Cache {
    pub fn trace(&self, t: &mut Tracer) {
        match self {
            Cache::Empty => {}
            Cache::Global { value, .. } => t.visit(*value),
            Cache::Slot(es) => {
                for e in es {
                    t.visit(e.map);
                }
            }
            Cache::AddSlot { from, to, .. } => {
                t.visit(*from);
                t.visit(*to);
            }
            Cache::Method(es) => {
                for e in es {
                    t.visit(e.ty);
                    t.visit(e.func);
                    t.visit(e.map);
                }
            }
        }
    }
}

/// Stops the process on a broken internal invariant (a bug in pyjit, never bad input).
pub fn fatal(msg: &str) -> ! {
    eprintln!("Fatal Python error: {msg}");
    std::process::abort()
}

/// Settings from the command line and environment.
#[derive(Clone, Debug, Default)]
pub struct Config {
    pub argv: Vec<String>,
    /// sys.path at start-up after sys.path[0]: PYTHONPATH's entries (the library's are added
    /// when it is found).
    pub path: Vec<String>,
    /// sys.path[0] (the script's directory, '' for -c and the prompt), which is put in front
    /// once `site` ran, as CPython does (so site leaves '' as it is); None with -P/-I.
    pub path0: Option<String>,
    pub gc_stress: bool,
    pub unbuffered: bool,
    pub hash_seed: Option<u32>,
    pub isolated: bool,
    pub ignore_env: bool,
    pub warn_options: Vec<String>,
    pub x_options: Vec<String>,
    pub executable: String,
    pub interactive: bool,
    /// The command line as given (sys.orig_argv).
    pub orig_argv: Vec<String>,
    /// PYTHONHOME, if set (and the environment is not ignored).
    pub home: Option<String>,
    /// -S: do not import `site` at start-up.
    pub no_site: bool,
    /// -s (or -I, or PYTHONNOUSERSITE): no user site-packages directory.
    pub no_user_site: bool,
    /// The rest of sys.flags, set from the options and PYTHON* variables as CPython does.
    pub flags: Flags,
}

/// sys.flags fields that pyjit records but that change little of what it does.
#[derive(Clone, Debug, Default)]
pub struct Flags {
    pub debug: u8,
    /// -i or PYTHONINSPECT: the prompt opens after the program.
    pub inspect: bool,
    /// -O / -OO (also PYTHONOPTIMIZE).
    pub optimize: u8,
    pub dont_write_bytecode: bool,
    pub verbose: u8,
    pub bytes_warning: u8,
    pub quiet: bool,
    pub dev_mode: bool,
    pub utf8_mode: bool,
    pub warn_default_encoding: bool,
    /// -P or PYTHONSAFEPATH: no script directory (or cwd) at the front of sys.path.
    pub safe_path: bool,
    /// -X int_max_str_digits or PYTHONINTMAXSTRDIGITS (None: the default, -1 in sys.flags).
    pub int_max_str_digits: Option<i64>,
}

pub struct Vm {
    pub heap: Heap,
    /// The JIT engine and the interpreter's side of recording (see jit_iface.rs).
    pub jit: jit_iface::JitState,
    pub types: Types,
    /// The value stack all frames share; never reallocated.
    pub stack: value_stack::ValueStack,
    pub sp: usize,
    pub frames: Vec<Frame>,
    pub none: Value,
    pub true_: Value,
    pub false_: Value,
    pub not_implemented: Value,
    pub ellipsis: Value,
    pub empty_tuple: Value,
    pub empty_str: Value,
    pub builtins: Value,
    pub builtins_dict: Value,
    pub sys: Value,
    /// Interpreter state behind sys functions (hooks, trace and profile functions, switch
    /// interval...): a dict that Python code cannot reach (see modules/sys_hooks.rs).
    pub sys_state: Value,
    pub modules: Value,
    interned: rustc_hash::FxHashMap<String, Value>,
    /// `__new__` and `__init__` interned (NULL until first asked for; `interned` roots
    /// them), for class calls that would otherwise hash the names each time.
    hot_names: [Value; 2],
    /// `intern_static`'s direct-mapped cache: a literal's address and length, and its
    /// interned str (rooted by `interned`).
    static_names: Box<[(usize, usize, Value); STATIC_NAME_SLOTS]>,
    /// Single-character strings for code points < 256.
    pub chars: Vec<Value>,
    /// The exception the running frame handles, or NULL. Inside a generator this is the
    /// generator's own state; `handled()` falls back to the callers' (`exc_outer`).
    pub handled_exc: Value,
    /// The handled exception of each caller that resumed a running generator (innermost last):
    /// what sys.exc_info() sees while the generator handles nothing itself.
    pub exc_outer: Vec<Value>,
    /// For each generator frame running in a caller's dispatch loop (`gen_frames.rs`),
    /// innermost last: the caller's `handled_exc`, restored when the generator yields or ends.
    pub gen_exc_saved: Vec<Value>,
    /// Generators being drained by builtins (`gen_drain.rs`), innermost last.
    pub drains: Vec<gen_drain::Drain>,
    pub recursion_limit: usize,
    /// sys.set_int_max_str_digits: the most decimal digits int<->str converts (0: no limit).
    pub int_max_str_digits: usize,
    /// Python frames plus native re-entries, checked against the recursion limit.
    pub depth: usize,
    /// Nesting of native recursion (repr, ==, hash of containers).
    pub native_depth: usize,
    pub config: Config,
    /// Anchor of the conservative stack scan: the highest stack address that may hold values.
    pub stack_top: usize,
    /// Dicts of instances of builtin subclasses (keyed by object address).
    pub ext_dicts: HashMap<u64, Value>,
    /// `__slots__` members of instances of builtin subclasses (keyed by object address).
    pub member_dicts: HashMap<u64, Value>,
    /// Objects kept alive for the VM's lifetime (method tables, caches).
    pub permanent: Vec<Value>,
    pub hash_key: (u64, u64),
    /// repr() of containers in progress, to print `[...]` for cycles.
    pub repr_stack: Vec<Value>,
    pub stdout_buf: Vec<u8>,
    /// Objects allocated since the innermost dispatch loop's last safepoint: native code may
    /// hold them in Rust-heap vectors the collector cannot see, so they are roots until the
    /// loop that called that native code reaches a safepoint (see docs/architecture.md).
    pub recent: Vec<Value>,
    /// Modules whose code is running (for circular-import messages).
    pub importing: Vec<String>,
    /// Type attribute cache: (class, name) → (class version, attribute or NULL). Cleared by
    /// every collection, so its pointer keys never outlive their objects.
    pub lookup_cache: lookup_cache::LookupCache,
    /// `recent.len()` at the entry of each active dispatch loop.
    pub recent_marks: Vec<usize>,
    /// Frame objects Python code holds for running frames, as (index in `frames`, object),
    /// innermost last; a frame that ends detaches its object (see `detach_frame_object`).
    pub frame_objects: Vec<(usize, Value)>,
    /// Some class statement defined `__del__` (or it was set on a class): collections look
    /// for unreachable objects to finalize.
    pub has_del_classes: bool,
    /// Unreachable objects whose `__del__` waits to run (roots until it does).
    pub pending_del: Vec<Value>,
    /// Nanoseconds spent marking and sweeping (PYJIT_GC_STATS=1 prints them at exit).
    pub gc_time: (u64, u64),
}

/// The frame limit of the value stack (in slots).
pub const STACK_SLOTS: usize = 1 << 22;

impl Vm {
    /// The exception being handled as sys.exc_info() sees it (NULL if none): the running
    /// frame's own, else that of the nearest caller that resumed a generator while handling one.
    pub fn handled(&self) -> Value {
        let h = self.handled_exc;
        if !h.is_null() && h != self.none {
            return h;
        }
        self.exc_outer.last().copied().unwrap_or(Value::NULL)
    }

    /// Collects garbage now: precise roots plus a conservative scan of the native stack.
    pub fn collect(&mut self) -> crate::heap::Collected {
        self.collect_watching(&[]).0
    }

    /// A collection that also reports which of `watched` (object addresses the caller keeps
    /// only as integers) were unreachable from the roots; they and what they refer to are
    /// kept alive this time.
    #[inline(never)]
    pub fn collect_watching(&mut self, watched: &[u64]) -> (crate::heap::Collected, Vec<bool>) {
        // the root and stack-word buffers are kept between collections: grown past glibc's
        // mmap threshold (128 KiB: a deep native stack, thousands of interned names) they
        // were mapped, faulted in page by page and unmapped on every collection
        let (mut roots, mut words) = GC_BUFFERS.with(|b| std::mem::take(&mut *b.borrow_mut()));
        roots.clear();
        words.clear();
        roots.extend_from_slice(&self.stack[..self.sp]);
        for f in &self.frames {
            f.roots(&mut roots);
        }
        roots.extend(self.types.all());
        roots.extend_from_slice(&[
            self.none,
            self.true_,
            self.false_,
            self.not_implemented,
            self.ellipsis,
            self.empty_tuple,
            self.empty_str,
            self.builtins,
            self.builtins_dict,
            self.sys,
            self.sys_state,
            self.modules,
            self.handled_exc,
        ]);
        roots.extend(self.interned.values().copied());
        roots.extend_from_slice(&self.chars);
        roots.extend(self.ext_dicts.values().copied());
        roots.extend(self.member_dicts.values().copied());
        roots.extend_from_slice(&self.permanent);
        roots.extend_from_slice(&self.repr_stack);
        roots.extend_from_slice(&self.recent);
        roots.extend(self.frame_objects.iter().map(|&(_, f)| f));
        roots.extend_from_slice(&self.pending_del);
        roots.extend_from_slice(&self.exc_outer);
        roots.extend_from_slice(&self.gen_exc_saved);
        for dr in &self.drains {
            dr.roots(&mut roots);
        }
        crate::threads::parked_roots(&mut roots, &mut words);
        let mut regs = [0u64; 16];
        crate::heap::arch::spill_registers(&mut regs);
        words.extend(regs.iter().map(|&r| r as usize));
        let lo = crate::heap::arch::approx_sp();
        if self.stack_top > lo {
            crate::heap::gc::scan_stack(lo, self.stack_top, &mut words);
        }
        let t0 = std::time::Instant::now();
        self.lookup_cache.clear();
        self.heap.mark(&roots, &words);
        roots.clear();
        words.clear();
        GC_BUFFERS.with(|b| *b.borrow_mut() = (roots, words));
        let watched: Vec<Value> = watched.iter().map(|&w| Value::from_raw(w)).collect();
        let unreachable: Vec<bool> = watched.iter().map(|&w| !Heap::is_marked(w)).collect();
        self.heap.mark(&watched, &[]);
        self.find_finalizable();
        let t1 = std::time::Instant::now();
        self.gc_time.0 += (t1 - t0).as_nanos() as u64;
        // Dicts of builtin-subclass instances die with their objects.
        let dead: Vec<u64> = self
            .ext_dicts
            .keys()
            .copied()
            .filter(|&k| !Heap::is_marked(Value::from_raw(k)))
            .collect();
        for k in dead {
            self.ext_dicts.remove(&k);
        }
        let dead: Vec<u64> = self
            .member_dicts
            .keys()
            .copied()
            .filter(|&k| !Heap::is_marked(Value::from_raw(k)))
            .collect();
        for k in dead {
            self.member_dicts.remove(&k);
        }
        crate::modules::weakref_after_mark();
        crate::modules::abc_after_mark();
        let r = self.heap.sweep();
        self.gc_time.1 += t1.elapsed().as_nanos() as u64;
        (r, unreachable)
    }

    /// Keeps `v` alive until the current native operation returns to the dispatch loop.
    #[inline]
    pub fn keep(&mut self, v: Value) {
        if v.is_ptr() {
            self.recent.push(v);
        }
    }

    /// A safepoint of the dispatch loop: drops the allocation roots of finished natives.
    #[inline]
    pub fn release_recent(&mut self) {
        let mark = self.recent_marks.last().copied().unwrap_or(0);
        if self.recent.len() > mark {
            self.recent.truncate(mark);
        }
    }

    pub fn intern(&mut self, s: &str) -> Value {
        if let Some(&v) = self.interned.get(s) {
            return v;
        }
        let v = self.new_str_uninterned(s);
        self.interned.insert(s.to_string(), v);
        v
    }

    /// The interned `__new__` (index 0) or `__init__` (index 1).
    #[inline]
    pub(crate) fn hot_name(&mut self, i: usize) -> Value {
        let v = self.hot_names[i];
        if !v.is_null() {
            return v;
        }
        let v = self.intern(["__new__", "__init__"][i]);
        self.hot_names[i] = v;
        v
    }

    /// `intern` of a string literal (a dunder name): a literal's text never moves or changes,
    /// so its address identifies it and a hit costs a load and two compares instead of
    /// hashing the text. Collisions only fall back to `intern`.
    #[inline]
    pub fn intern_static(&mut self, s: &'static str) -> Value {
        let addr = s.as_ptr() as usize;
        let slot = (addr >> 3) % STATIC_NAME_SLOTS;
        let (a, n, v) = self.static_names[slot];
        if a == addr && n == s.len() {
            return v;
        }
        self.intern_static_miss(s, slot)
    }

    #[cold]
    #[inline(never)]
    fn intern_static_miss(&mut self, s: &'static str, slot: usize) -> Value {
        let v = self.intern(s);
        self.static_names[slot] = (s.as_ptr() as usize, s.len(), v);
        v
    }

    /// The interned copy of a str value (the same object if it already is).
    pub fn intern_value(&mut self, v: Value) -> Value {
        match v.get::<crate::objects::StrObj>() {
            Some(s) => {
                if let Some(&i) = self.interned.get(&*s.s) {
                    return i;
                }
                let key = s.s.to_string();
                self.interned.insert(key, v);
                v
            }
            None => v,
        }
    }
}

thread_local! {
    /// `collect_watching`'s root list and conservative stack words, reused.
    static GC_BUFFERS: std::cell::RefCell<(Vec<Value>, Vec<usize>)> = const { std::cell::RefCell::new((Vec::new(), Vec::new())) };
}
