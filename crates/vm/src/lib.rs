//! The pyjit runtime: values, objects, the garbage collector, the interpreter and the
//! builtin modules. `run_main` is what the `pyjit` command calls.

pub mod builtins;
pub mod fxhash;
pub mod gil_local;
pub mod heap;
pub mod interp;
pub mod modules;
pub mod objects;
pub mod unicode;
pub mod signals;
pub mod threads;
pub mod source;
mod suggestions;
mod traceback;

pub use interp::{Config, PyErr, PyResult, Vm};

use std::cell::RefCell;
use std::rc::Rc;

use crate::heap::Value;
use crate::objects::*;
use pyjit_compiler::{CodeObject, Const};

/// What running a program came to.
pub enum Outcome {
    /// Exit status (0 on success, 1 after an uncaught exception, or sys.exit's code).
    Exit(i32),
}

impl Vm {
    /// Turns a compiled code object into a runtime code object.
    pub fn load_code(&mut self, code: Rc<CodeObject>) -> Value {
        let consts: Vec<Value> = code.consts.iter().map(|c| self.load_const(c)).collect();
        let names: Vec<Value> = code.names.iter().map(|n| self.intern(n)).collect();
        let varnames: Vec<Value> = code.varnames.iter().map(|n| self.intern(n)).collect();
        let name = self.intern(&code.name);
        let qualname = self.new_str(&code.qualname);
        let filename = self.new_str(&code.filename);
        let n = code.code.len();
        let quick = quicken(&code.code);
        let shape = objects::FrameShape::of(&code);
        let t = self.types.code;
        self.alloc(
            t,
            CodeObj {
                quick,
                code,
                consts: consts.into_boxed_slice(),
                names: names.into_boxed_slice(),
                varnames: varnames.into_boxed_slice(),
                name,
                qualname,
                filename,
                caches: RefCell::new(vec![interp::Cache::Empty; n]),
                hotness: std::cell::Cell::new(0),
                shape,
            },
        )
        .value()
    }

    pub fn load_const(&mut self, c: &Const) -> Value {
        match c {
            Const::None => self.none,
            Const::Bool(b) => self.bool_val(*b),
            Const::Int(i) => self.new_int(*i),
            Const::BigInt(s) => {
                let clean: String = s.chars().filter(|&c| c != '_').collect();
                let lower = clean.to_ascii_lowercase();
                let (digits, radix) = if let Some(h) = lower.strip_prefix("0x") {
                    (h.to_string(), 16)
                } else if let Some(o) = lower.strip_prefix("0o") {
                    (o.to_string(), 8)
                } else if let Some(b) = lower.strip_prefix("0b") {
                    (b.to_string(), 2)
                } else {
                    (lower, 10)
                };
                let b = num_bigint::BigInt::parse_bytes(digits.as_bytes(), radix).unwrap_or_default();
                self.new_bigint(b)
            }
            Const::Float(f) => self.new_float(*f),
            Const::Complex(r, i) => self.new_complex(*r, *i),
            Const::Str(s) => {
                // identifiers are interned, as CPython does for constants
                if s.len() < 40 && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                    self.intern(s)
                } else {
                    self.new_str(s)
                }
            }
            Const::StrCps(cps) => self.new_str_cps(cps),
            Const::Bytes(b) => self.new_bytes(b.clone()),
            Const::Ellipsis => self.ellipsis,
            Const::Tuple(items) => {
                let vs: Vec<Value> = items.iter().map(|c| self.load_const(c)).collect();
                self.new_tuple(vs)
            }
            Const::FrozenSet(items) => {
                // CPython builds the constant from the items, then its constant merging
                // rebuilds it from its own iteration order: the table layout (and so the
                // order sets built from it iterate in) depends on both steps.
                let first = self.new_frozenset();
                for c in items {
                    let v = self.load_const(c);
                    let _ = self.set_add(first, v);
                }
                let f = self.new_frozenset();
                for v in self.set_items(first) {
                    let _ = self.set_add(f, v);
                }
                f
            }
            Const::Code(code) => self.load_code(Rc::clone(code)),
        }
    }

    /// compile(): a code object, or SyntaxError.
    pub fn compile_source(&mut self, source: &str, filename: &str, mode: pyjit_compiler::Mode) -> PyResult<Value> {
        let limit = self.compile_nesting_limit();
        let (r, warnings) = pyjit_compiler::compile_with_warnings(source, filename, mode, limit);
        self.report_compile_warnings(&warnings, filename)?;
        match r {
            Ok(code) => Ok(self.load_code(Rc::new(code))),
            Err(e) => Err(self.syntax_error(&e)),
        }
    }

    /// How deep the compiler may nest statements and expressions now: CPython's three
    /// levels per frame of the recursion limit left.
    pub fn compile_nesting_limit(&self) -> u32 {
        let left = self.recursion_limit.saturating_sub(self.frames.len()).max(1);
        u32::try_from(left.saturating_mul(3)).unwrap_or(u32::MAX)
    }

    /// Issues the compiler's warnings through the warnings filters, in order. A warning a
    /// filter turns into its exception becomes the SyntaxError CPython raises instead (and
    /// ends compilation); other exceptions propagate.
    pub fn report_compile_warnings(&mut self, warnings: &[pyjit_compiler::CompileWarning], filename: &str) -> PyResult<()> {
        for (i, w) in warnings.iter().enumerate() {
            if let Some(error) = self.issue_compile_warning(w, filename)? {
                if w.error.stage == pyjit_compiler::Stage::Parser {
                    // the parser fails; CPython then tokenizes the rest of the source, whose
                    // tokenizer warnings are issued and may become the error instead
                    for later in warnings[i + 1..].iter().filter(|l| l.error.stage == pyjit_compiler::Stage::Tokenizer) {
                        if let Some(e) = self.issue_compile_warning(later, filename)? {
                            return Err(e);
                        }
                    }
                }
                return Err(error);
            }
        }
        Ok(())
    }

    /// One compile warning through the filters: Some(SyntaxError) when a filter makes it an
    /// error.
    fn issue_compile_warning(&mut self, w: &pyjit_compiler::CompileWarning, filename: &str) -> PyResult<Option<PyErr>> {
        let category = match w.category {
            pyjit_compiler::WarningCategory::SyntaxWarning => self.types.exceptions.iter().find(|x| x.0 == "SyntaxWarning").map(|x| x.1),
            pyjit_compiler::WarningCategory::DeprecationWarning => Some(self.types.deprecation_warning),
        };
        let Some(category) = category else { return Ok(None) };
        match modules::warnings::warn_explicit(self, category, &w.msg, filename, w.line) {
            Ok(()) => Ok(None),
            Err(e) if self.isinstance(e.0, category) => Ok(Some(self.syntax_error(&w.error))),
            Err(e) => Err(e),
        }
    }

    pub fn syntax_error(&mut self, e: &pyjit_compiler::CompileError) -> PyErr {
        match e.kind {
            pyjit_compiler::ErrorKind::RecursionError => {
                let t = self.types.recursion_error;
                return self.err(t, &e.msg);
            }
            pyjit_compiler::ErrorKind::MemoryError => {
                return self.memory_error();
            }
            _ => {}
        }
        let ty = match e.kind {
            pyjit_compiler::ErrorKind::SyntaxError => self.types.syntax_error,
            pyjit_compiler::ErrorKind::IndentationError => self.types.indentation_error,
            pyjit_compiler::ErrorKind::TabError => self.types.exceptions.iter().find(|x| x.0 == "TabError").map(|x| x.1).unwrap_or(self.types.syntax_error),
            _ => self.types.syntax_error,
        };
        let msg = self.new_str(&e.msg);
        let fname = self.new_str(&e.filename);
        let line = self.new_int(e.line as i64);
        let col = self.new_int(e.col as i64);
        // the parser quotes the source; later stages read the line back from the file
        let text = match e.stage {
            pyjit_compiler::Stage::Tokenizer => e.text.clone(),
            pyjit_compiler::Stage::Parser => program_text(&e.filename, e.line, true).or_else(|| e.text.clone()),
            _ => program_text(&e.filename, e.line, false),
        };
        let text = match &text {
            Some(t) => self.new_str(t),
            None => self.none,
        };
        let eline = self.new_int(e.end_line as i64);
        let ecol = match e.stage {
            // PyErr_SyntaxLocationObject leaves end_offset unset
            pyjit_compiler::Stage::Future => self.none,
            _ => self.new_int(e.end_col as i64),
        };
        if matches!(e.stage, pyjit_compiler::Stage::Symtable | pyjit_compiler::Stage::Future) {
            // CPython's symbol table sets the fields as attributes, leaving args == (msg,)
            let args = self.new_tuple(vec![msg]);
            let exc = self.new_exc_args(ty, args);
            for (name, v) in [("filename", fname), ("lineno", line), ("offset", col), ("text", text), ("end_lineno", eline), ("end_offset", ecol)] {
                if let Err(err) = self.setattr_str(exc, name, v) {
                    return err;
                }
            }
            return PyErr(exc);
        }
        let details = self.new_tuple(vec![fname, line, col, text, eline, ecol]);
        let args = self.new_tuple(vec![msg, details]);
        PyErr(self.new_exc_args(ty, args))
    }

    /// The REPL's echo of a value (sys.displayhook).
    pub fn display_hook(&mut self, v: Value) -> PyResult<()> {
        modules::sys_hooks::call_displayhook(self, v)
    }

    /// The `__main__` module's namespace.
    /// The namespace of the `__main__` module in sys.modules (the prompt after -i runs in
    /// the program's), or a new one.
    pub fn main_dict(&mut self) -> Value {
        let mods = self.modules;
        if let Some(d) = self.dict_get_by_str(mods, "__main__").and_then(|m| m.get::<ModuleObj>().map(|m| m.dict)) {
            return d;
        }
        self.main_module(None)
    }

    pub fn main_module(&mut self, file: Option<&str>) -> Value {
        let m = modules::new_module(self, "__main__");
        let d = m.get::<ModuleObj>().map(|m| m.dict).unwrap_or(Value::NULL);
        let b = self.builtins;
        self.dict_set_str(d, "__builtins__", b);
        if let Some(f) = file {
            let fv = self.new_str(f);
            self.dict_set_str(d, "__file__", fv);
        }
        let none = self.none;
        self.dict_set_str(d, "__package__", none);
        d
    }

    /// Runs source as `__main__`; prints an uncaught exception and returns the exit status.
    pub fn run_main_source(&mut self, source: &str, filename: &str, file_attr: Option<&str>) -> i32 {
        let d = self.main_module(file_attr);
        let r = self.compile_source(source, filename, pyjit_compiler::Mode::Exec).and_then(|code| self.run_code(code, d, d));
        let status = match r {
            Ok(_) => 0,
            Err(e) => self.handle_uncaught(e),
        };
        self.finish_main();
        status
    }

    /// Runs module `name` as `__main__` through the library's runpy, as CPython does for
    /// `-m name` (`alter_argv`: sys.argv[0] becomes the module's file) and for a directory
    /// or zip file holding `__main__.py`. None when runpy cannot be imported (no library).
    pub fn run_main_module(&mut self, name: &str, alter_argv: bool) -> Option<i32> {
        modules::stdlib::stdlib_dir(self)?;
        self.install_zipimport_hook();
        self.main_module(None);
        let (n, none, z) = (self.new_str("runpy"), self.none, self.new_int(0));
        let runpy = modules::import::import_name(self, n, none, none, z).ok()?;
        let attr = self.intern("_run_module_as_main");
        let f = self.getattr(runpy, attr).ok()?;
        let (mn, alter) = (self.new_str(name), if alter_argv { self.true_ } else { self.false_ });
        let status = match self.call(f, &[mn, alter]) {
            Ok(_) => 0,
            Err(e) => self.handle_uncaught(e),
        };
        self.finish_main();
        Some(status)
    }

    /// zipimport's path hook first on sys.path_hooks, as CPython's start-up puts it (a zip
    /// file on sys.path, or run as the program, is then importable).
    pub(crate) fn install_zipimport_hook(&mut self) {
        let src = "import sys, zipimport\nif zipimport.zipimporter not in sys.path_hooks:\n    sys.path_hooks.insert(0, zipimport.zipimporter)\n    sys.path_importer_cache.clear()\n";
        let d = self.new_dict();
        let b = self.builtins;
        self.dict_set_str(d, "__builtins__", b);
        let r = self.compile_source(src, "<pyjit start-up>", pyjit_compiler::Mode::Exec).and_then(|c| self.run_code(c, d, d));
        let _ = r.is_ok();
    }

    /// After the main program: exit handlers and buffers (unless -i opens the prompt, which
    /// runs them when it ends).
    fn finish_main(&mut self) {
        if !self.config.flags.inspect {
            self.at_exit();
        }
        if std::env::var("PYJIT_GC_STATS").is_ok() {
            eprintln!(
                "gc: {} collections, mark {:.1} ms, sweep {:.1} ms, live {} KiB",
                self.heap.collections,
                self.gc_time.0 as f64 / 1e6,
                self.gc_time.1 as f64 / 1e6,
                self.heap.live_bytes / 1024
            );
        }
    }

    /// Start-up with the standard library (when one was found): importlib's bootstrap and
    /// `site`. Runs after the native stack top is known, so the GC may collect meanwhile.
    /// Interpreter exit: data still in the write buffers of files and of sys.stdout is
    /// written out.
    /// GC stress begins after it: the start-up imports (tens of thousands of allocations)
    /// run under the normal trigger, and stress mode tests the program.
    pub fn start_library(&mut self) {
        self.start_faulthandler();
        let site = !self.config.no_site;
        let stress = std::mem::replace(&mut self.heap.stress, false);
        modules::stdlib::start(self, site);
        self.heap.stress = stress;
        self.insert_path0();
    }

    /// `-X faulthandler`, PYTHONFAULTHANDLER (unless -E) or development mode: faulthandler
    /// is enabled before anything else runs, as in CPython.
    fn start_faulthandler(&mut self) {
        let c = &self.config;
        let env = !c.ignore_env && std::env::var("PYTHONFAULTHANDLER").is_ok_and(|v| !v.is_empty());
        if !(env || c.flags.dev_mode || c.x_options.iter().any(|x| x == "faulthandler")) {
            return;
        }
        let mods = self.modules;
        let Some(m) = self.dict_get_by_str(mods, "faulthandler") else { return };
        let r = self.getattr_str(m, "enable").and_then(|f| self.call(f, &[]));
        if let Err(e) = r {
            modules::sys_hooks::write_unraisable(self, e.0, Some("Exception ignored enabling faulthandler"), m);
        }
    }

    /// Puts `Config::path0` first on sys.path (once).
    pub fn insert_path0(&mut self) {
        let Some(p0) = self.config.path0.take() else { return };
        let v = self.new_str(&p0);
        let sd = self.sys.get::<ModuleObj>().map(|m| m.dict).unwrap_or(Value::NULL);
        if let Some(l) = self.dict_get_by_str(sd, "path").and_then(|p| p.get::<ListObj>()) {
            l.items.borrow_mut().insert(0, v);
        }
    }

    pub fn at_exit(&mut self) {
        modules::threading_shutdown(self);
        modules::run_atexit(self);
        modules::io::flush_at_exit(self);
        modules::sys::flush_stdout(self);
        self.jit_finish();
    }

    /// Prints an uncaught exception the way CPython does (or exits for SystemExit).
    pub fn handle_uncaught(&mut self, e: PyErr) -> i32 {
        // with -i, SystemExit is reported like any exception and the prompt opens
        if self.isinstance(e.0, self.types.system_exit) && !self.config.flags.inspect {
            return self.system_exit_status(e.0);
        }
        if self.isinstance(e.0, self.types.keyboard_interrupt) {
            // reported as any exception; the process then dies by SIGINT (see signals.rs)
            signals::set_exit_by_sigint();
        }
        match modules::sys_hooks::report_uncaught(self, e.0) {
            Some(exit) => self.system_exit_status(exit),
            None => 1,
        }
    }

    fn system_exit_status(&mut self, exc: Value) -> i32 {
        let args = self.exc_args(exc);
        let code = if args.len() == 1 { args[0] } else if args.is_empty() { self.none } else { self.new_tuple(args) };
        if code == self.none {
            return 0;
        }
        if let Some(i) = self.as_i64(code) {
            return i as i32;
        }
        modules::sys::flush_stdout(self);
        let s = self.str(code).unwrap_or_default();
        let err = modules::sys::stderr(self);
        let _ = modules::sys::write_to(self, err, &format!("{s}\n"));
        1
    }
}

/// The interpreter's copy of `code`: each instruction that starts a fusible pair becomes the
/// superinstruction for the pair, which runs both and continues after the second. The second
/// stays in place, so jump targets, exception-table ranges and line numbers keep their
/// meaning, and a jump to the second runs it (fused with its own successor, if any).
fn quicken(code: &[pyjit_compiler::opcode::Instr]) -> std::rc::Rc<[pyjit_compiler::opcode::Instr]> {
    let mut out = code.to_vec();
    for i in 0..code.len().saturating_sub(1) {
        if let Some(f) = pyjit_compiler::opcode::fuse(code[i], code[i + 1]) {
            out[i] = f;
        }
    }
    out.into()
}

/// Line `lineno` of the file `filename` as CPython's PyErr_ProgramTextObject reads it: in
/// universal-newline mode with its newline, UTF-8 (strictly, or with replacement characters
/// when `lossy`), in pieces of at most 999 bytes of which a long line keeps its last; None
/// when the file cannot be read or is shorter.
fn program_text(filename: &str, lineno: u32, lossy: bool) -> Option<String> {
    if lineno == 0 {
        return None;
    }
    let data = std::fs::read(filename).ok()?;
    let mut lines = 0u32;
    let mut at = 0usize;
    while at < data.len() {
        // one line, up to and including its newline ("\r\n" and "\r" read as "\n")
        let mut end = at;
        let mut newline = None;
        while end < data.len() {
            match data[end] {
                b'\n' => {
                    newline = Some(end + 1);
                    break;
                }
                b'\r' => {
                    newline = Some(if data.get(end + 1) == Some(&b'\n') { end + 2 } else { end + 1 });
                    break;
                }
                _ => end += 1,
            }
        }
        lines += 1;
        if lines == lineno {
            let mut line = data[at..end].to_vec();
            if newline.is_some() {
                line.push(b'\n');
            }
            // fgets reads 999 bytes at a time; the buffer ends up holding the last piece
            const PIECE: usize = 999;
            if line.len() > PIECE {
                let skip = (line.len() - 1) / PIECE * PIECE;
                line.drain(..skip);
            }
            // the text stops at a NUL byte (strlen)
            if let Some(nul) = line.iter().position(|&b| b == 0) {
                line.truncate(nul);
            }
            return if lossy { Some(String::from_utf8_lossy(&line).into_owned()) } else { String::from_utf8(line).ok() };
        }
        at = newline.unwrap_or(data.len());
    }
    None
}
