//! pyjit-jit: the tracing JIT. It knows Python but no instruction set: hot loops are
//! recorded into trace IR (`record`), simplified while recorded (`fold`), peeled into a
//! preamble and a loop body (`peel`), cleaned (`dce`), lowered to the backend's LIR
//! (`lower`) and compiled by pyjit-codegen for the host (`backend`); a failing guard
//! returns to the interpreter through `deopt`.
//!
//! The phases run as one chain, in `Engine::close_trace`:
//! record+fold -> peel (+fold) -> dce -> verify -> lower -> regalloc -> emit -> place.

pub mod backend;
pub mod dce;
pub mod deopt;
pub mod entry;
pub mod fold;
pub mod ir;
pub mod irtext;
pub mod lower;
pub mod peel;
pub mod record;
pub mod stats;

use std::io::Write;
use std::rc::Rc;
use std::time::Instant;

use pyjit_codegen::codemem::{CodeMemory, CodeRef};
use pyjit_vm::fxhash::FxHashMap;
use pyjit_vm::heap::{Gc, Obj, Value};
use pyjit_vm::interp::jit_iface::JitEngine;
use pyjit_vm::objects::{CodeObj, DictObj, FloatObj};
use pyjit_vm::{PyResult, Vm};

use backend::Isa;
use fold::{Builder, Known};
use lower::{ExitMap, Layout};
use record::{Recorder, Step};

/// The measured layout of list and tuple items (see pyjit_vm::heap::layout), once.
fn seq_layout() -> pyjit_vm::heap::layout::SeqLayout {
    static L: std::sync::OnceLock<Option<pyjit_vm::heap::layout::SeqLayout>> = std::sync::OnceLock::new();
    L.get_or_init(pyjit_vm::heap::layout::seq_layout).unwrap_or(pyjit_vm::heap::layout::SeqLayout { list_ptr: 0, list_len: 0, tuple_ptr: 0, tuple_len: 0 })
}

/// The measured layout of instances, once.
pub fn inst_layout() -> Option<pyjit_vm::heap::layout::InstanceLayout> {
    static L: std::sync::OnceLock<Option<pyjit_vm::heap::layout::InstanceLayout>> = std::sync::OnceLock::new();
    *L.get_or_init(pyjit_vm::heap::layout::instance_layout)
}

/// Whether compiled code can read list and tuple items here.
pub fn seq_layout_known() -> bool {
    seq_layout().list_ptr != 0
}

/// What `-X jit-info` says of the backend: the ISA whose code runs here and the other one.
pub fn backend_info() -> String {
    match Isa::native() {
        Some(isa) => format!("{} (native), {} (cross, -X jit-cross)", isa.name(), isa.other().name()),
        None => "none for this architecture (interpreter only)".to_string(),
    }
}

/// The JIT's settings (`-X jit...` options and `PYJIT_JIT...` variables).
#[derive(Clone, Debug)]
pub struct Options {
    /// A code object's backward jumps before its loop is recorded.
    pub threshold: u32,
    /// Where to write every trace before and after optimisation and its machine code.
    pub log: Option<String>,
    /// Print a summary on stderr at exit.
    pub stats_stderr: bool,
    /// Write the statistics as JSON to this file at exit.
    pub stats_json: Option<String>,
    /// Also compile every trace for the other ISA (never run), for code-quality figures.
    pub cross: bool,
    /// Bytes of executable memory the JIT may use.
    pub code_limit: usize,
    /// Record bridges (side traces) from exits taken often; the exit then continues in the
    /// bridge natively.
    pub bridges: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options { threshold: 1000, log: None, stats_stderr: false, stats_json: None, cross: false, code_limit: 64 << 20, bridges: true }
    }
}

/// A loop compiled to native code.
pub(crate) struct CompiledTrace {
    code: CodeRef,
    exits: Vec<ExitMap>,
    /// The states its `call_loop`s write to the frame (see `lower::Lowered::flushes`).
    pub(crate) flushes: Vec<ExitMap>,
    /// The inner loops it calls.
    #[allow(dead_code)]
    deps: Vec<record::InnerLoop>,
    inputs: Vec<(ir::Op, u32)>,
    /// The globals and builtins dicts the trace's constants came from: a frame running
    /// the same code with other namespaces (exec) must not enter.
    namespaces: Option<(Value, Value)>,
    /// Times entered, and loop iterations run in all: a trace that leaves after too few
    /// iterations on average costs more than it saves (until bridges) and is left alone.
    entries: std::cell::Cell<u64>,
    iterations: std::cell::Cell<u64>,
    /// Its id in the registry (`trace_by_id`), which its exits leave in `ctx[TRACE_WORD]`.
    id: u32,
    /// Per exit, the address of the code it continues in (0: it returns to the engine):
    /// a bridge, or for the tail of a bridge or of a loop that calls inner loops, the
    /// loop's entry. The trace's epilogue reads it (`lir::Link`).
    links: Box<[std::cell::Cell<u64>]>,
    /// Per exit: times it returned to the engine, and failed bridge recordings from it.
    exit_counts: std::cell::RefCell<Vec<u32>>,
    bridge_aborts: std::cell::RefCell<FxHashMap<usize, u32>>,
    /// What `-X jit-stats` calls it: the loop's function and line, and for a bridge its
    /// parent trace and exit.
    label: String,
    /// For a loop: bridges compiled for it, and how many there were when its entries were
    /// last judged (a loop that is still growing bridges is judged again later).
    bridges: std::cell::Cell<u32>,
    judged_bridges: std::cell::Cell<u32>,
}

pyjit_vm::gil_local! {
    /// Every compiled trace by id: they stay for the program's life (code memory is not
    /// reclaimed yet), so a linked exit never reaches freed code.
    static TRACES: std::cell::RefCell<Vec<Rc<CompiledTrace>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The compiled trace with id `id`.
pub(crate) fn trace_by_id(id: u64) -> Option<Rc<CompiledTrace>> {
    TRACES.with(|t| t.borrow().get(id as usize).cloned())
}

fn next_trace_id() -> u32 {
    TRACES.with(|t| t.borrow().len() as u32)
}

/// Times an exit is taken before a bridge is recorded from it.
const BRIDGE_AFTER: u32 = 32;

/// Entries after which a trace must have averaged `MIN_ITERATIONS` iterations per entry.
const JUDGE_AFTER: u64 = 256;
const MIN_ITERATIONS: u64 = 2;
/// A loop with this many bridges is judged on its entries without waiting for more.
const MAX_REJUDGE_BRIDGES: u32 = 64;

enum LoopState {
    Compiled(Rc<CompiledTrace>),
    /// Recording failed this many times.
    Aborted(u32),
    /// Given up on: recording failed too often, or code memory is full.
    Blacklisted,
    /// Left to the interpreter because it exits too early, but still run by the traces of
    /// outer loops that call it (a short inner loop is cheaper called than interpreted).
    Callable(Rc<CompiledTrace>),
}

/// Recording failures before a loop is left to the interpreter for good.
const MAX_ABORTS: u32 = 3;

pub struct Engine {
    opts: Options,
    isa: Option<Isa>,
    loops: FxHashMap<(usize, u32), LoopState>,
    /// The recording under way, and for a bridge, the loop, and the trace and exit it
    /// starts from.
    rec: Option<(Recorder, Instant, Option<((usize, u32), u32, usize)>)>,
    mem: Option<CodeMemory>,
    stats: stats::Stats,
    log: Option<std::fs::File>,
}

impl Engine {
    pub fn new(opts: Options) -> Engine {
        let log = opts.log.as_ref().and_then(|p| std::fs::File::create(p).ok());
        Engine {
            mem: CodeMemory::new(opts.code_limit),
            opts,
            isa: Isa::native(),
            loops: FxHashMap::default(),
            rec: None,
            stats: Default::default(),
            log,
        }
    }

    /// Installs a new engine into `vm`.
    pub fn install(vm: &mut Vm, opts: Options) {
        vm.jit.threshold = opts.threshold.max(1);
        vm.jit.engine = Some(Box::new(Engine::new(opts)));
    }

    fn known(vm: &Vm) -> Known {
        Known {
            int_type: vm.types.int.raw() as i64,
            float_type: vm.types.float.raw() as i64,
            bool_type: vm.types.bool.raw() as i64,
            true_: vm.true_.raw() as i64,
            false_: vm.false_.raw() as i64,
        }
    }

    fn layout(vm: &Vm) -> Layout {
        // the version word sits inside the dict's RefCell, whose layout Rust does not
        // promise: measure it on a live dict
        let dict_version = vm
            .builtins_dict
            .get::<DictObj>()
            .map(|d| {
                let field = &d.table.borrow().version as *const u64 as usize;
                (field - vm.builtins_dict.raw() as usize) as i32
            })
            .unwrap_or(0);
        Layout {
            float_value: std::mem::offset_of!(Obj<FloatObj>, data) as i32,
            dict_version,
            seq: seq_layout(),
            true_: vm.true_.raw() as i64,
            false_: vm.false_.raw() as i64,
            inst: inst_layout(),
            cell_value: (std::mem::offset_of!(Obj<pyjit_vm::objects::CellObj>, data) + std::mem::offset_of!(pyjit_vm::objects::CellObj, v)) as i32,
            func_code: (std::mem::offset_of!(Obj<pyjit_vm::objects::FunctionObj>, data) + std::mem::offset_of!(pyjit_vm::objects::FunctionObj, code)) as i32,
            func_defaults: (std::mem::offset_of!(Obj<pyjit_vm::objects::FunctionObj>, data) + std::mem::offset_of!(pyjit_vm::objects::FunctionObj, defaults)) as i32,
        }
    }

    fn names(vm: &Vm) -> impl Fn(i64) -> Option<String> {
        let k = Engine::known(vm);
        let none = vm.none.raw() as i64;
        move |a| {
            Some(
                match a {
                    _ if a == k.int_type => "int",
                    _ if a == k.float_type => "float",
                    _ if a == k.bool_type => "bool",
                    _ if a == k.true_ => "True",
                    _ if a == k.false_ => "False",
                    _ if a == none => "None",
                    _ => return None,
                }
                .to_string(),
            )
        }
    }

    fn abort(&mut self, vm: &mut Vm, reason: &str) {
        vm.jit.recording = false;
        if let (Some(log), Some((r, _, bridge))) = (self.log.as_mut(), self.rec.as_ref()) {
            let what = if bridge.is_some() { "bridge" } else { "trace" };
            let at = vm.frames.last().map(|f| format!("{}:{}", vm.str_of(f.code.qualname), f.code.code.line_at(f.ip.saturating_sub(1)))).unwrap_or_default();
            let _ = writeln!(log, "==== abort {what} {}:{} at {at}: {reason}", vm.str_of(r.root.qualname), r.root.code.line_at(r.header));
        }
        if let Some((r, _, bridge)) = self.rec.take() {
            if let Some((_, parent, exit)) = bridge {
                if let Some(t) = trace_by_id(parent as u64) {
                    *t.bridge_aborts.borrow_mut().entry(exit).or_insert(0) += 1;
                }
                self.stats.abort(&format!("bridge: {reason}"));
                return;
            }
            let key = (r.root.value().raw() as usize, r.header as u32);
            let n = match self.loops.get(&key) {
                Some(LoopState::Aborted(n)) => n + 1,
                _ => 1,
            };
            let st = if n >= MAX_ABORTS { LoopState::Blacklisted } else { LoopState::Aborted(n) };
            // an inner loop that ended the recording (unrolled too often) gets compiled if
            // the next attempt is `threshold` backward jumps away; after other aborts (a
            // loop that ended while recorded) the next backward jump tries again, so that
            // a short loop compiles before loops around it unroll it (raytrace's
            // `nearest`: 1.07 MB of code with it compiled first, 5 MB without)
            if reason == "inner loop" {
                r.root.hotness.set(0);
            }
            self.loops.insert(key, st);
            if n >= MAX_ABORTS {
                // keep the code object (its address is the key) alive
                vm.permanent.push(r.root.value());
            }
        }
        self.stats.abort(reason);
    }

    /// The recorded iteration closed: optimise, compile and install it.
    fn close_trace(&mut self, vm: &mut Vm) {
        vm.jit.recording = false;
        let Some((mut rec, started, bridge)) = self.rec.take() else { return };
        let key = (rec.root.value().raw() as usize, rec.header as u32);
        let t_record = started.elapsed();
        let t0 = Instant::now();
        let names = Engine::names(vm);
        let recorded = irtext::print(&rec.b.t, &names);
        let t = if bridge.is_some() || rec.calls_loops() {
            // a bridge ends at the loop header: its last exit hands the state to the loop;
            // a loop that calls an inner loop re-reads its state from the frame after the
            // call, so it is not peeled: each iteration ends by handing the state to the
            // engine, which enters it again
            let mut t = rec.b.t.clone();
            t.tail = Some(rec.header_snap());
            dce::dce(&t)
        } else {
            let peeled = match peel::peel(&rec.b, &rec.end_map()) {
                Ok(b) => b,
                Err(e) => {
                    self.rec = Some((rec, started, bridge));
                    return self.abort(vm, &e.0);
                }
            };
            dce::dce(&peeled.t)
        };
        if let Err(e) = t.verify() {
            self.rec = Some((rec, started, bridge));
            return self.abort(vm, &format!("verifier: {e}"));
        }
        let t_opt = t0.elapsed();
        let label = {
            let name = vm.str_of(rec.root.qualname);
            let line = rec.root.code.line_at(rec.header);
            match bridge {
                Some((_, parent, exit)) => format!("bridge of {name}:{line} from trace {parent} exit {exit}"),
                None => format!("loop {name}:{line}"),
            }
        };
        if let Some(log) = self.log.as_mut() {
            let name = vm.str_of(rec.root.qualname);
            let line = rec.root.code.line_at(rec.header);
            match bridge {
                Some((_, parent, exit)) => {
                    let _ = writeln!(log, "==== bridge {}:{} (from exit {exit} of trace {parent}, for the loop at instruction {})", name, line, rec.header);
                }
                None => {
                    let _ = writeln!(log, "==== trace {}:{} (loop at instruction {})", name, line, rec.header);
                }
            }
            let _ = writeln!(log, "---- recorded\n{recorded}---- optimised\n{}", irtext::print(&t, &names));
        }
        let t1 = Instant::now();
        // a bridge shares its loop's entry inputs
        let root = match (bridge, self.loops.get(&key)) {
            (None, _) => None,
            (Some(_), Some(LoopState::Compiled(r) | LoopState::Callable(r))) => Some(Rc::clone(r)),
            (Some(_), _) => {
                self.rec = Some((rec, started, bridge));
                return self.abort(vm, "loop gone");
            }
        };
        let id = next_trace_id();
        let preset = root.as_ref().map(|r| r.inputs.clone()).unwrap_or_default();
        let mut lowered = match lower::lower(&t, Engine::layout(vm), id, &preset) {
            Ok(l) => l,
            Err(e) => {
                self.rec = Some((rec, started, bridge));
                return self.abort(vm, &e);
            }
        };
        if root.is_some() && lowered.inputs.len() != preset.len() {
            self.rec = Some((rec, started, bridge));
            return self.abort(vm, "iterator inputs");
        }
        let links: Box<[std::cell::Cell<u64>]> = (0..lowered.exits.len()).map(|_| std::cell::Cell::new(0)).collect();
        lowered.func.link = Some(pyjit_codegen::lir::Link {
            table: links.as_ptr() as u64,
            frame_disp: 8 * entry::FRAME_WORD as i32,
            id_disp: 8 * entry::TRACE_WORD as i32,
            id,
        });
        if lowered.exits.iter().chain(&lowered.flushes).any(|e| e.slots.len() > entry::EXIT_WORDS) {
            self.rec = Some((rec, started, bridge));
            return self.abort(vm, "snapshot too large");
        }
        let Some(isa) = self.isa else {
            self.rec = Some((rec, started, bridge));
            return self.abort(vm, "no backend for this architecture");
        };
        let emitted = match backend::compile(isa, &lowered.func) {
            Ok(e) => e,
            Err(e) => {
                self.rec = Some((rec, started, bridge));
                return self.abort(vm, &format!("backend: {e}"));
            }
        };
        let mut ts = stats::TraceStats { ir_ops: t.insts.len(), ..Default::default() };
        ts.isas.push((isa.name(), emitted.stats));
        if self.opts.cross {
            if let Ok(e) = backend::compile(isa.other(), &lowered.func) {
                ts.isas.push((isa.other().name(), e.stats));
            }
        }
        let placed = self.mem.as_mut().map(|m| m.place(&emitted.code));
        let t_emit = t1.elapsed();
        let code = match placed {
            Some(Ok(c)) => c,
            _ => {
                self.rec = Some((rec, started, bridge));
                self.abort(vm, "out of code memory");
                self.loops.insert(key, LoopState::Blacklisted);
                return;
            }
        };
        let n = t.insts.len().max(1) as f64;
        ts.record_us = t_record.as_secs_f64() * 1e6 / n;
        ts.optimize_us = t_opt.as_secs_f64() * 1e6 / n;
        ts.emit_us = t_emit.as_secs_f64() * 1e6 / n;
        if bridge.is_some() {
            self.stats.bridges += 1;
        } else {
            self.stats.loops += 1;
        }
        self.stats.code_bytes += emitted.code.len();
        self.stats.compile_ms += (t_record + t_opt + t_emit).as_secs_f64() * 1e3;
        self.stats.traces.push(ts);
        if let Some(log) = self.log.as_mut() {
            let _ = writeln!(log, "---- lir\n{}", lowered.func);
            let _ = writeln!(log, "---- {} code, {} bytes\n{}", isa.name(), emitted.code.len(), disasm(isa, &emitted.code));
        }
        vm.permanent.push(rec.root.value());
        vm.permanent.extend(rec.keep.iter().copied());
        if let Some((g, b)) = rec.namespaces {
            vm.permanent.extend([g, b]);
        }
        let tail_exit = t.tail.as_ref().map(|_| lowered.exits.len() - 1);
        let nexits = lowered.exits.len();
        let entry_addr = self.mem.as_ref().map(|m| m.addr(code.offset) as u64).unwrap_or(0);
        let deps = std::mem::take(&mut rec.deps);
        let compiled = Rc::new(CompiledTrace {
            code,
            exits: lowered.exits,
            flushes: lowered.flushes,
            deps,
            inputs: lowered.inputs,
            namespaces: rec.namespaces,
            entries: Default::default(),
            iterations: Default::default(),
            id,
            links,
            exit_counts: std::cell::RefCell::new(vec![0; nexits]),
            bridge_aborts: Default::default(),
            label,
            bridges: Default::default(),
            judged_bridges: Default::default(),
        });
        if let Some(r) = &root {
            r.bridges.set(r.bridges.get() + 1);
        }
        TRACES.with(|r| r.borrow_mut().push(Rc::clone(&compiled)));
        // a tail goes on at the loop's entry: a bridge's loop, or the trace itself
        let loop_entry = match &root {
            Some(r) => self.mem.as_ref().map(|m| m.addr(r.code.offset) as u64).unwrap_or(0),
            None => entry_addr,
        };
        if let Some(te) = tail_exit {
            compiled.links[te].set(loop_entry);
        }
        match bridge {
            Some((_, parent, exit)) => {
                // from now on the parent's exit continues in the bridge
                if let Some(p) = trace_by_id(parent as u64) {
                    if let Some(l) = p.links.get(exit) {
                        l.set(entry_addr);
                    }
                }
            }
            None => {
                self.loops.insert(key, LoopState::Compiled(compiled));
            }
        }
    }

    fn run(&mut self, vm: &mut Vm, key: (usize, u32), t: &Rc<CompiledTrace>) -> PyResult<()> {
        with_ctx(|buf| self.run_in(vm, key, t, buf))
    }

    fn run_in(&mut self, vm: &mut Vm, key: (usize, u32), t: &Rc<CompiledTrace>, buf: &mut [u64; entry::CTX_WORDS]) -> PyResult<()> {
        let Some(mem) = self.mem.as_ref() else { return Ok(()) };
        if !Engine::can_enter(vm, t, buf) {
            self.stats.entry_refused += 1;
            return Ok(());
        }
        self.stats.entries += 1;
        t.entries.set(t.entries.get() + 1);
        buf[entry::ITER_WORD] = 0;
        buf[entry::MEM_WORD] = mem as *const CodeMemory as u64;
        let exit = entry::run(vm, mem, t.code, buf);
        t.iterations.set(t.iterations.get() + buf[entry::ITER_WORD]);
        if t.entries.get() == JUDGE_AFTER && t.iterations.get() < MIN_ITERATIONS * JUDGE_AFTER {
            if t.bridges.get() > t.judged_bridges.get() && t.bridges.get() < MAX_REJUDGE_BRIDGES {
                // bridges were added since: judge the next entries
                t.judged_bridges.set(t.bridges.get());
                t.entries.set(0);
                t.iterations.set(0);
            } else {
                t.entries.set(JUDGE_AFTER + 1);
                self.loops.insert(key, LoopState::Callable(Rc::clone(t)));
                self.stats.traces_left += 1;
            }
        }
        // the trace whose exit this is: the loop or one of its bridges
        let Some(cur) = trace_by_id(buf[entry::TRACE_WORD]) else { return Ok(()) };
        let Some(m) = cur.exits.get(exit) else { return Ok(()) };
        self.stats.guard_failures += 1;
        if m.in_place {
            // an inner loop the trace called left the state in the frame
            let inner = INNER_EXIT.with(|c| c.take());
            return match entry::take_pending() {
                Some(e) => Err(e),
                None => {
                    if let Some(((_, exit, header), t)) = inner.and_then(|i| Some((i, trace_by_id(i.0 as u64)?))) {
                        // the frame the inner loop runs in, below any its exit rebuilt
                        let depth = t.exits.get(exit).map(|m| m.frames.len()).unwrap_or(0);
                        if let Some(k) = vm.frames.len().checked_sub(1 + depth) {
                            let code = vm.frames[k].code.value().raw() as usize;
                            self.maybe_record_bridge(vm, (code, header), &t, exit);
                        }
                    }
                    Ok(())
                }
            };
        }
        if m.raise {
            return match restore_raising(vm, m, &buf[..]) {
                Some(e) => Err(e),
                None => Ok(()),
            };
        }
        deopt::restore(vm, m, &buf[..]);
        self.maybe_record_bridge(vm, key, &cur, exit);
        Ok(())
    }

    /// Whether the innermost frame may enter loop `t` now; fills its entry inputs.
    fn can_enter(vm: &Vm, t: &CompiledTrace, buf: &mut [u64; entry::CTX_WORDS]) -> bool {
        if let Some(ns) = t.namespaces {
            if vm.frames.last().map(|f| (f.globals, f.builtins)) != Some(ns) {
                return false;
            }
        }
        entry::inputs(vm, &t.inputs, buf)
    }

    /// Counts an exit of trace `t` (of loop `key`, or one of its bridges); when it has been
    /// taken often, records a bridge from it (starting now: the interpreter resumes at the
    /// exit's instruction with recording on).
    fn maybe_record_bridge(&mut self, vm: &mut Vm, key: (usize, u32), t: &Rc<CompiledTrace>, exit: usize) {
        let n = {
            let mut c = t.exit_counts.borrow_mut();
            let Some(n) = c.get_mut(exit) else { return };
            *n = n.saturating_add(1);
            *n
        };
        if n < BRIDGE_AFTER || self.rec.is_some() || !self.opts.bridges {
            return;
        }
        if t.bridge_aborts.borrow().get(&exit).is_some_and(|&a| a >= MAX_ABORTS) {
            return;
        }
        let Some(m) = t.exits.get(exit) else { return };
        if m.raise || m.in_place || m.tail || t.links.get(exit).is_some_and(|l| l.get() != 0) {
            return;
        }
        let Some(root_inputs) = (match self.loops.get(&key) {
            Some(LoopState::Compiled(r) | LoopState::Callable(r)) => Some(r.inputs.clone()),
            _ => None,
        }) else {
            return;
        };
        let b = Builder::new(Engine::known(vm));
        // the loop's frame, below the frames of the calls the exit is inside
        let Some(at) = vm.frames.len().checked_sub(1 + m.frames.len()) else { return };
        if let Some(mut r) = Recorder::new_at(vm, b, key.1 as usize, at) {
            let funcs: Vec<Value> = vm.frames[at + 1..].iter().map(|f| f.func).collect();
            let gens: Vec<Value> = vm.frames[at + 1..].iter().map(|f| f.gen).collect();
            if r.start_bridge(m.ip as usize, &m.slots, &m.frames, &funcs, &gens, &root_inputs).is_err() {
                *t.bridge_aborts.borrow_mut().entry(exit).or_insert(0) = MAX_ABORTS;
                return;
            }
            self.rec = Some((r, Instant::now(), Some((key, t.id, exit))));
            vm.jit.recording = true;
        }
    }
}

impl JitEngine for Engine {
    fn backedge(&mut self, vm: &mut Vm, code: Gc<CodeObj>, target: usize) -> PyResult<()> {
        if self.rec.is_some() {
            return Ok(());
        }
        let key = (code.value().raw() as usize, target as u32);
        match self.loops.get(&key) {
            Some(LoopState::Compiled(t)) => {
                let t = Rc::clone(t);
                return self.run(vm, key, &t);
            }
            Some(LoopState::Blacklisted | LoopState::Callable(_)) => {
                // start counting again: the next look-up is `threshold` backward jumps away
                code.hotness.set(0);
            }
            _ => {
                let b = Builder::new(Engine::known(vm));
                if let Some(r) = Recorder::new(vm, b, target) {
                    self.rec = Some((r, Instant::now(), None));
                    vm.jit.recording = true;
                }
            }
        }
        Ok(())
    }

    fn record(&mut self, vm: &mut Vm, ip: usize) {
        let Some((rec, _, _)) = self.rec.as_mut() else {
            vm.jit.recording = false;
            return;
        };
        let loops = &self.loops;
        // a compiled inner loop is called; one not compiled is unrolled into the trace (see
        // `record::MAX_UNROLL`). Unrolling compiled loops of under 8 iterations per entry
        // was tried: their trip counts vary (fannkuch's flips, go's flood fills), and the
        // bridges for each count cost more than the calls (fannkuch 1.55 s -> 2.25 s).
        let inner = |code: usize, ip: u32| -> Option<(u64, record::InnerLoop)> {
            match loops.get(&(code, ip)) {
                Some(LoopState::Compiled(t) | LoopState::Callable(t)) => Some((Rc::as_ptr(t) as u64, Rc::clone(t) as record::InnerLoop)),
                _ => None,
            }
        };
        match rec.record(vm, ip, &inner) {
            Step::Continue => {}
            Step::Closed => self.close_trace(vm),
            Step::Abort(reason) => self.abort(vm, &reason),
        }
    }

    fn abort_recording(&mut self, vm: &mut Vm) {
        if self.rec.is_some() {
            self.abort(vm, "another thread runs");
        }
    }

    fn finish(&mut self, _vm: &mut Vm) {
        if self.opts.stats_stderr {
            eprint!("{}{}", self.stats.summary(), exit_profile(std::env::var("PYJIT_JIT_PROFILE_ROWS").ok().and_then(|v| v.parse().ok()).unwrap_or(12)));
        }
        if let Some(p) = &self.opts.stats_json {
            let _ = std::fs::write(p, self.stats.json());
        }
    }
}

/// The `n` exits taken most often back to the engine, a line each (for `-X jit-stats`):
/// times, trace id and label, exit number, its instruction and inlined frames, entries
/// of the trace and whether a bridge recording from the exit failed.
fn exit_profile(n: usize) -> String {
    let mut rows: Vec<(u32, Rc<CompiledTrace>, usize)> = Vec::new();
    TRACES.with(|ts| {
        for t in ts.borrow().iter() {
            for (i, &c) in t.exit_counts.borrow().iter().enumerate() {
                if c > 0 {
                    rows.push((c, Rc::clone(t), i));
                }
            }
        }
    });
    rows.sort_by(|a, b| b.0.cmp(&a.0));
    let mut s = String::new();
    let mut loops: Vec<Rc<CompiledTrace>> = TRACES.with(|ts| ts.borrow().iter().filter(|t| t.entries.get() > 0).cloned().collect());
    loops.sort_by_key(|t| std::cmp::Reverse(t.entries.get()));
    for t in loops.iter().take(n) {
        s += &format!("jit:   entered {:>7}  trace {} ({}), {} iterations\n", t.entries.get(), t.id, t.label, t.iterations.get());
    }
    for (c, t, i) in rows.into_iter().take(n) {
        let Some(m) = t.exits.get(i) else { continue };
        let kind = if m.raise { " raise" } else if m.in_place { " in-place" } else if m.tail { " tail" } else { "" };
        let aborts = t.bridge_aborts.borrow().get(&i).copied().unwrap_or(0);
        s += &format!(
            "jit:   exit {c:>7}  trace {} ({}) exit {i} at ip {} depth {}{kind}; {} entries, {aborts} bridge aborts\n",
            t.id,
            t.label,
            m.ip,
            m.frames.len(),
            t.entries.get()
        );
    }
    s
}

/// An inner loop a `call_loop` runs: its instructions `header..=last`, and where the
/// recording saw it left (instruction `ip` at stack depth `sp`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct LoopEnd {
    pub header: u32,
    pub last: u32,
    pub ip: u32,
    pub sp: u32,
    /// The recording saw the inlined call holding the loop return (`record::LOOP_RETURNS`):
    /// `ip` and `sp` are then the caller's, after the call.
    pub returns: bool,
}

/// Runs compiled loop `root` (and its bridges) on the innermost frame for a `call_loop` of
/// another trace; the frame holds the state at the loop's header. Returns 0 when the loop
/// was left where `end` says; else 1, or 2 with an exception pending, and the frame holds
/// the interpreter's state.
pub(crate) fn run_inner(vm: &mut Vm, mem: &CodeMemory, root: &CompiledTrace, end: LoopEnd) -> u64 {
    with_ctx(|buf| run_inner_in(vm, mem, root, end, buf))
}

thread_local! {
    /// Context buffers of runs of compiled code (one per run in progress: inner loops run
    /// inside outer ones), reused. They live on the heap: neither cleared nor zeroed per run
    /// (2.5 KB twice per inner loop call was 70% of fannkuch's instructions), and the
    /// object addresses they held (call arguments, exit values) are not seen by the
    /// conservative scan of the native stack, so they keep nothing alive. Nothing a
    /// collection must see lives only there: calls copy their arguments to the native stack,
    /// exits write values to the frame before they allocate, spill slots are on the stack.
    static CTX_POOL: std::cell::RefCell<Vec<Box<[u64; entry::CTX_WORDS]>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Runs `f` with a context buffer from `CTX_POOL` (words a run reads are written first:
/// the VM and frame words by `entry::run`, inputs by `entry::inputs`, exit words by exit
/// stubs, arguments by calls).
fn with_ctx<R>(f: impl FnOnce(&mut [u64; entry::CTX_WORDS]) -> R) -> R {
    let mut buf = CTX_POOL.with(|p| p.borrow_mut().pop()).unwrap_or_else(|| Box::new([0; entry::CTX_WORDS]));
    let r = f(&mut buf);
    CTX_POOL.with(|p| p.borrow_mut().push(buf));
    r
}

fn run_inner_in(vm: &mut Vm, mem: &CodeMemory, root: &CompiledTrace, end: LoopEnd, buf: &mut [u64; entry::CTX_WORDS]) -> u64 {
    // (entries and iterations here are not counted: they judge entries from the interpreter)
    if !Engine::can_enter(vm, root, buf) {
        return 1;
    }
    buf[entry::ITER_WORD] = 0;
    buf[entry::MEM_WORD] = mem as *const CodeMemory as u64;
    let exit = entry::run(vm, mem, root.code, buf);
    let Some(cur) = trace_by_id(buf[entry::TRACE_WORD]) else { return 1 };
    let Some(m) = cur.exits.get(exit) else { return 1 };
    if m.in_place {
        return if entry::has_pending() { 2 } else { 1 };
    }
    if m.raise {
        return match restore_raising(vm, m, &buf[..]) {
            Some(e) => {
                // the calling trace leaves with it pending
                vm.recent.pop();
                entry::set_pending(e);
                2
            }
            None => 1,
        };
    }
    deopt::restore(vm, m, &buf[..]);
    if end.returns {
        // the caller runs the call on to its return
        1
    } else if loop_ended(vm, m, end) {
        0
    } else {
        // the engine counts the exit (and may record a bridge from it) once the calling
        // trace has left in place
        INNER_EXIT.with(|c| c.set(Some((cur.id, exit, end.header))));
        1
    }
}

thread_local! {
    /// The exit an inner loop run by `call_loop` left through last, not where the calling
    /// trace expected: (trace id, exit, the loop's header).
    static INNER_EXIT: std::cell::Cell<Option<(u32, usize, u32)>> = const { std::cell::Cell::new(None) };
}

/// After a `call` raised (exit `m`, marked `raise`): rebuilds the state before its
/// instruction and sets the frame to raise there; the pending exception, kept alive in
/// `vm.recent` meanwhile (None: nothing was pending).
fn restore_raising(vm: &mut Vm, m: &ExitMap, words: &[u64]) -> Option<pyjit_vm::PyErr> {
    let Some(e) = entry::take_pending() else {
        deopt::restore(vm, m, words);
        return None;
    };
    vm.recent.push(e.0);
    deopt::restore(vm, m, words);
    if let Some(f) = vm.frames.last_mut() {
        f.ip = m.ip as usize + 1;
    }
    Some(e)
}

/// Whether a loop's trace, leaving through exit `m`, left the loop where `end` says: from
/// the exit's instruction, the control flow that needs no evaluation (an exhausted range or
/// list iterator's `for`, branches on True, False, None or a small int, jumps) is followed
/// until it leaves the loop. Nothing is changed, except that a list iterator found
/// exhausted is marked done, as the interpreter's `for` does.
fn loop_ended(vm: &Vm, m: &ExitMap, end: LoopEnd) -> bool {
    use pyjit_compiler::opcode::Instr;
    use pyjit_vm::objects::{IterObj, IterState, ListObj};
    if !m.frames.is_empty() {
        return false;
    }
    let Some(f) = vm.frames.last() else { return false };
    let (base, code) = (f.base, &f.code.code.code);
    let (mut ip, mut sp) = (m.ip, m.sp);
    for _ in 0..16 {
        if !(end.header..=end.last).contains(&ip) {
            return ip == end.ip && sp == end.sp;
        }
        let Some(&instr) = code.get(ip as usize) else { return false };
        let top = || if sp > 0 { vm.stack[base + sp as usize - 1] } else { Value::NULL };
        let truth = |v: Value| -> Option<bool> {
            if v == vm.true_ {
                Some(true)
            } else if v == vm.false_ || v == vm.none {
                Some(false)
            } else if v.is_small() {
                Some(v.small_value() != 0)
            } else {
                None
            }
        };
        match instr {
            Instr::ForIter(t) => {
                let Some(io) = top().get::<IterObj>() else { return false };
                let Ok(mut st) = io.state.try_borrow_mut() else { return false };
                match &*st {
                    IterState::Range { cur, stop, step } if *step > 0 && cur >= stop => {}
                    IterState::Seq { seq, index } if seq.kind() == Some(pyjit_vm::heap::ObjKind::List) => {
                        if !seq.get::<ListObj>().and_then(|l| l.items.try_borrow().ok().map(|v| *index >= v.len())).unwrap_or(false) {
                            return false;
                        }
                        *st = IterState::Done;
                    }
                    _ => return false,
                }
                sp -= 1;
                ip = t;
            }
            Instr::PopJumpIfFalse(t) | Instr::PopJumpIfTrue(t) => {
                let Some(b) = truth(top()) else { return false };
                sp -= 1;
                ip = if b == matches!(instr, Instr::PopJumpIfTrue(_)) { t } else { ip + 1 };
            }
            Instr::PopJumpIfNone(t) | Instr::PopJumpIfNotNone(t) => {
                if sp == 0 {
                    return false;
                }
                let is_none = top() == vm.none;
                sp -= 1;
                ip = if is_none == matches!(instr, Instr::PopJumpIfNone(_)) { t } else { ip + 1 };
            }
            Instr::Jump(t) => ip = t,
            Instr::Nop => ip += 1,
            _ => return false,
        }
    }
    false
}

/// The machine code as text, through binutils' objdump when it is installed (logs only).
fn disasm(isa: Isa, code: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("pyjit-disasm-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let f = dir.join("code.bin");
    if std::fs::write(&f, code).is_err() {
        return String::new();
    }
    let (tool, arch) = match isa {
        Isa::X64 => ("objdump", "i386:x86-64"),
        Isa::Aarch64 => ("aarch64-linux-gnu-objdump", "aarch64"),
    };
    let mut cmd = std::process::Command::new(tool);
    cmd.args(["-D", "-b", "binary", "-m", arch]);
    if isa == Isa::X64 {
        cmd.args(["-M", "intel"]);
    }
    let out = cmd.arg(&f).output();
    let _ = std::fs::remove_dir_all(&dir);
    match out {
        Ok(o) if o.status.success() => {
            let text = String::from_utf8_lossy(&o.stdout);
            text.lines().skip_while(|l| !l.contains("<.data>")).skip(1).map(|l| format!("{l}\n")).collect()
        }
        _ => code.chunks(16).map(|c| c.iter().map(|b| format!("{b:02x}")).collect::<Vec<_>>().join(" ") + "\n").collect(),
    }
}
