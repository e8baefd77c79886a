//! `sqlite3.Connection`: opening a database, transactions (CPython 3.11's implicit BEGIN
//! before DML unless isolation_level is None), the execute shortcuts, user functions,
//! aggregates and collations, and the context manager.

use std::rc::Rc;

use rusqlite::functions::{Aggregate, Context, FunctionFlags, WindowAggregate};
use rusqlite::types::Value as SqlValue;

use super::values::{self, SqlVal};
use super::{bridge, programming, sql_error, Exc};
use crate::util::*;
use crate::{class_slot, native_state};

class_slot!(CONNECTION);

pub fn class() -> Value {
    CONNECTION.with(|c| c.get())
}

/// The state of a Connection: the SQLite connection (None before `__init__` and after
/// close) and the Python-visible settings.
pub struct Conn {
    pub db: Option<Rc<rusqlite::Connection>>,
    pub init: bool,
    pub isolation: Option<String>,
    pub detect_types: i64,
    pub row_factory: Value,
    pub text_factory: Value,
    /// The callables registered with SQLite, kept alive while the connection is.
    pub callbacks: Vec<Value>,
    /// A number naming the connection to the C callbacks of `hooks`.
    pub id: usize,
    /// `check_same_thread`: only the thread that opened the connection may use it.
    pub same_thread: bool,
    /// That thread's identity (`threading.get_ident()`).
    pub thread: i64,
}
native_state!(Conn, |s, t| {
    t.visit(s.row_factory);
    t.visit(s.text_factory);
    for &c in &s.callbacks {
        t.visit(c);
    }
});

const WHAT: &str = "sqlite3.Connection";

fn state<R>(vm: &mut Vm, me: Value, f: impl FnOnce(&mut Conn) -> R) -> PyResult<R> {
    with_state::<Conn, _>(vm, me, WHAT, f)
}

/// The open SQLite connection of `me`, or CPython's ProgrammingError.
pub fn db_of(vm: &mut Vm, me: Value) -> PyResult<Rc<rusqlite::Connection>> {
    let init = state(vm, me, |c| c.init)?;
    if init {
        check_thread(vm, me)?;
    }
    db_any_thread(vm, me)
}

/// `db_of` for what any thread may read (isolation_level, in_transaction, total_changes).
fn db_any_thread(vm: &mut Vm, me: Value) -> PyResult<Rc<rusqlite::Connection>> {
    let (init, db) = state(vm, me, |c| (c.init, c.db.clone()))?;
    if !init {
        return Err(programming(vm, "Base Connection.__init__ not called."));
    }
    db.ok_or_else(|| programming(vm, "Cannot operate on a closed database."))
}

/// The calling thread's identity, as `threading.get_ident()` gives it (no allocation: the
/// callers of `db_of` hold values no root may reach during a collection).
fn thread_ident(_vm: &mut Vm) -> i64 {
    pyjit_vm::threads::ident()
}

/// CPython's ProgrammingError when `check_same_thread` holds and another thread than the
/// one that opened the connection uses it.
pub fn check_thread(vm: &mut Vm, me: Value) -> PyResult<()> {
    let (same, owner) = state(vm, me, |c| (c.same_thread, c.thread))?;
    let here = thread_ident(vm);
    if same && owner != here {
        let msg = format!(
            "SQLite objects created in a thread can only be used in that same thread. The object was created in thread id {owner} and this is thread id {here}."
        );
        return Err(programming(vm, &msg));
    }
    Ok(())
}

/// (isolation level, detect_types, text_factory) of an open connection.
pub fn settings(vm: &mut Vm, me: Value) -> PyResult<(Option<String>, i64, Value)> {
    state(vm, me, |c| (c.isolation.clone(), c.detect_types, c.text_factory))
}

fn conn_new(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let st = Conn { db: None, init: false, isolation: Some(String::new()), detect_types: 0, row_factory: vm.none, text_factory: vm.types.str, callbacks: Vec::new(), id: 0, same_thread: false, thread: 0 };
    Ok(new_native(vm, a[0], st))
}

/// A database argument (str, bytes or os.PathLike) as a path.
fn path_arg(vm: &mut Vm, v: Value) -> PyResult<String> {
    if is_str(v) {
        return Ok(vm.str_of(v));
    }
    if let Some(b) = v.get::<pyjit_vm::objects::BytesObj>() {
        return Ok(String::from_utf8_lossy(&b.data).into_owned());
    }
    let ty = vm.type_of(v);
    if let Some(f) = vm.lookup_str(ty, "__fspath__") {
        let p = vm.call(f, &[v])?;
        return path_arg(vm, p);
    }
    let tn = tname(vm, v);
    Err(vm.type_error(&format!("expected str, bytes or os.PathLike object, not {tn}")))
}

/// A float argument ("must be real number, not T").
fn real_arg(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if let Some(f) = v.get::<pyjit_vm::objects::FloatObj>() {
        return Ok(f.0);
    }
    if v.is_small() {
        return Ok(v.small_value() as f64);
    }
    let ty = vm.type_of(v);
    if vm.lookup_str(ty, "__float__").is_some() || vm.lookup_str(ty, "__index__").is_some() {
        let ft = vm.types.float;
        let f = vm.call(ft, &[v])?;
        return Ok(f.get::<pyjit_vm::objects::FloatObj>().map(|f| f.0).unwrap_or(0.0));
    }
    let tn = tname(vm, v);
    Err(vm.type_error(&format!("must be real number, not {tn}")))
}

/// Validates an isolation_level value: None, or '', DEFERRED, IMMEDIATE, EXCLUSIVE.
fn isolation_arg(vm: &mut Vm, v: Value) -> PyResult<Option<String>> {
    if v == vm.none {
        return Ok(None);
    }
    if !is_str(v) {
        return Err(vm.type_error("isolation_level must be str or None"));
    }
    let s = vm.str_of(v);
    if !["", "DEFERRED", "IMMEDIATE", "EXCLUSIVE"].iter().any(|l| l.eq_ignore_ascii_case(&s)) {
        return Err(vm.value_error("isolation_level string must be '', 'DEFERRED', 'IMMEDIATE', or 'EXCLUSIVE'"));
    }
    Ok(Some(s))
}

fn conn_init(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let names = ["database", "timeout", "detect_types", "isolation_level", "check_same_thread", "factory", "cached_statements", "uri"];
    let args = parse(vm, &a[1..], kw, "Connection", &names, &[], 1)?;
    let none = vm.none;
    let path = path_arg(vm, args[0].unwrap_or(none))?;
    let timeout = match args[1] {
        Some(v) => real_arg(vm, v)?,
        None => 5.0,
    };
    let detect_types = match args[2] {
        Some(v) => c_int(vm, v)? as i64,
        None => 0,
    };
    let isolation = match args[3] {
        Some(v) => isolation_arg(vm, v)?,
        None => Some(String::new()),
    };
    let same_thread = match args[4] {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let uri = match args[7] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    use rusqlite::OpenFlags as F;
    let mut flags = F::SQLITE_OPEN_READ_WRITE | F::SQLITE_OPEN_CREATE | F::SQLITE_OPEN_NO_MUTEX;
    if uri {
        flags |= F::SQLITE_OPEN_URI;
    }
    let db = match rusqlite::Connection::open_with_flags(&path, flags) {
        Ok(db) => db,
        Err(rusqlite::Error::SqliteFailure(f, Some(msg))) => {
            // rusqlite adds ": PATH" to SQLite's message
            let msg = msg.strip_suffix(&format!(": {path}")).unwrap_or(&msg).to_string();
            return Err(sql_error(vm, rusqlite::Error::SqliteFailure(f, Some(msg))));
        }
        Err(e) => return Err(sql_error(vm, e)),
    };
    if timeout > 0.0 && timeout.is_finite() {
        let _ = db.busy_timeout(std::time::Duration::from_secs_f64(timeout.min(1e9)));
    }
    let thread = thread_ident(vm);
    static NEXT_ID: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(1);
    let id = NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    state(vm, a[0], |c| {
        c.db = Some(Rc::new(db));
        c.init = true;
        c.id = id;
        c.same_thread = same_thread;
        c.thread = thread;
        c.isolation = isolation;
        c.detect_types = detect_types;
    })?;
    Ok(vm.none)
}

fn cursor(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let args = parse(vm, &a[1..], kw, "cursor", &["factory"], &[], 0)?;
    db_of(vm, a[0])?;
    let factory = args[0].unwrap_or_else(super::cursor::class);
    let cur = vm.call(factory, &[a[0]])?;
    let ct = super::cursor::class();
    if !vm.isinstance(cur, ct) {
        let tn = tname(vm, cur);
        return Err(vm.type_error(&format!("factory must return a cursor, not {tn}")));
    }
    let rf = state(vm, a[0], |c| c.row_factory)?;
    if rf != vm.none {
        super::cursor::set_row_factory(vm, cur, rf)?;
    }
    Ok(cur)
}

/// con.execute/executemany/executescript: a new cursor's method of the same name.
fn via_cursor(vm: &mut Vm, a: &[Value], kw: Value, method: &str) -> PyResult<Value> {
    let cur = vm.call_method_str(a[0], "cursor", &[])?;
    let f = vm.getattr_str(cur, method)?;
    call_with_kw(vm, f, &a[1..], kw)?;
    Ok(cur)
}

fn execute(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    via_cursor(vm, a, kw, "execute")
}

fn executemany(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    via_cursor(vm, a, kw, "executemany")
}

fn executescript(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    via_cursor(vm, a, kw, "executescript")
}

/// Runs a statement with no parameters and no rows to collect (BEGIN, COMMIT, ROLLBACK).
pub fn run_simple(vm: &mut Vm, db: &rusqlite::Connection, sql: &str) -> PyResult<()> {
    let r = bridge::lend(vm, || db.execute_batch(sql));
    r.map_err(|e| sql_error(vm, e))
}

fn commit(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "commit")?;
    let db = db_of(vm, a[0])?;
    if !db.is_autocommit() {
        run_simple(vm, &db, "COMMIT")?;
    }
    Ok(vm.none)
}

fn rollback(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "rollback")?;
    let db = db_of(vm, a[0])?;
    if !db.is_autocommit() {
        run_simple(vm, &db, "ROLLBACK")?;
    }
    Ok(vm.none)
}

fn close(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "close")?;
    let init = state(vm, a[0], |c| c.init)?;
    if !init {
        return Err(programming(vm, "Base Connection.__init__ not called."));
    }
    check_thread(vm, a[0])?;
    let (db, id) = state(vm, a[0], |c| (c.db.take(), c.id))?;
    super::hooks::forget(id);
    drop(db);
    Ok(vm.none)
}

fn enter(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "__enter__")?;
    db_of(vm, a[0])?;
    Ok(a[0])
}

fn exit(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    check_pos(vm, &a[1..], kw, "__exit__", 3, 3)?;
    let db = db_of(vm, a[0])?;
    if !db.is_autocommit() {
        if a[1] == vm.none {
            if let Err(e) = run_simple(vm, &db, "COMMIT") {
                let _ = run_simple(vm, &db, "ROLLBACK");
                return Err(e);
            }
        } else {
            run_simple(vm, &db, "ROLLBACK")?;
        }
    }
    Ok(vm.bool_val(false))
}

fn get_isolation(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    db_any_thread(vm, a[0])?;
    match state(vm, a[0], |c| c.isolation.clone())? {
        Some(s) => Ok(vm.new_str(&s)),
        None => Ok(vm.none),
    }
}

fn set_isolation(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let Some(&v) = a.get(1) else { return Err(vm.attribute_error("cannot delete attribute")) };
    let db = db_of(vm, a[0])?;
    let level = isolation_arg(vm, v)?;
    if level.is_none() && !db.is_autocommit() {
        // CPython commits when switching to autocommit
        run_simple(vm, &db, "COMMIT")?;
    }
    state(vm, a[0], |c| c.isolation = level)?;
    Ok(vm.none)
}

fn in_transaction(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let db = db_any_thread(vm, a[0])?;
    Ok(vm.bool_val(!db.is_autocommit()))
}

fn total_changes(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let db = db_any_thread(vm, a[0])?;
    Ok(vm.new_int(db.total_changes() as i64))
}

fn get_row_factory(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    state(vm, a[0], |c| c.row_factory)
}

fn set_row_factory(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let v = a.get(1).copied().unwrap_or(vm.none);
    state(vm, a[0], |c| c.row_factory = v)?;
    Ok(vm.none)
}

fn get_text_factory(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    state(vm, a[0], |c| c.text_factory)
}

fn set_text_factory(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let v = a.get(1).copied().unwrap_or(vm.types.str);
    state(vm, a[0], |c| c.text_factory = v)?;
    Ok(vm.none)
}

fn keep(vm: &mut Vm, me: Value, f: Value) -> PyResult<()> {
    state(vm, me, |c| c.callbacks.push(f))
}

/// The error a failing callback reports to SQLite (with SQLite's code: the class Python sees).
fn callback_error(code: i32, msg: &str) -> rusqlite::Error {
    rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), Some(msg.to_string()))
}

fn ctx_args(ctx: &Context<'_>) -> Vec<SqlVal> {
    (0..ctx.len()).map(|i| SqlVal::from_ref(ctx.get_raw(i))).collect()
}

/// How a callback failed.
enum Failure {
    /// The method is not there (an aggregate's AttributeError on lookup).
    Missing,
    /// It raised (or returned what cannot be an SQLite value): the exception.
    Raised(PyErr),
}

/// The SQLite error for a failure, as CPython 3.11 sets it: OverflowError is "string or
/// blob too big" (DataError), MemoryError SQLITE_NOMEM, anything else `raised`.
fn failure_error(vm: &mut Vm, f: Failure, missing: &str, raised: &str) -> rusqlite::Error {
    use rusqlite::ffi;
    match f {
        Failure::Missing => callback_error(ffi::SQLITE_ERROR, missing),
        Failure::Raised(e) => {
            let (ov, me) = (vm.types.overflow_error, vm.types.memory_error);
            // no message for these: sqlite3_result_error would reset the code to SQLITE_ERROR,
            // and SQLite's own text for the code is CPython's
            if vm.isinstance(e.0, ov) {
                rusqlite::Error::SqliteFailure(ffi::Error::new(ffi::SQLITE_TOOBIG), None)
            } else if vm.isinstance(e.0, me) {
                rusqlite::Error::SqliteFailure(ffi::Error::new(ffi::SQLITE_NOMEM), None)
            } else {
                callback_error(ffi::SQLITE_ERROR, raised)
            }
        }
    }
}

/// Calls `f(*args)`, or `f.method(*args)`, from inside SQLite and converts its result.
/// `report` is the object sys.unraisablehook is given (the function or aggregate class).
fn call_back(f: Value, method: Option<&str>, args: Vec<SqlVal>, report: Value) -> Result<SqlValue, Failure> {
    let r = bridge::with_vm(|vm| -> Result<SqlValue, Failure> {
        let target = match method {
            Some(m) => match vm.getattr_str(f, m) {
                Ok(t) => t,
                Err(e) => {
                    super::report_callback_error(vm, e, report);
                    return Err(Failure::Missing);
                }
            },
            None => f,
        };
        let pyargs: Vec<Value> = args.iter().map(|v| values::arg_value(vm, v)).collect();
        let r = vm.call(target, &pyargs).and_then(|v| match values::result_value(vm, v) {
            Ok(Some(s)) => Ok(s),
            Ok(None) => Err(vm.type_error("unsupported result type")),
            Err(e) => Err(e),
        });
        r.map_err(|e| {
            super::report_callback_error(vm, e, report);
            Failure::Raised(e)
        })
    });
    r.unwrap_or(Err(Failure::Missing))
}

/// A scalar function's call: its result, or CPython's error for its failure.
fn call_function(f: Value, args: Vec<SqlVal>) -> rusqlite::Result<SqlValue> {
    call_back(f, None, args, f).map_err(|e| with_vm_error(e, "", "user-defined function raised exception"))
}

/// Turns a failure into the SQLite error (needs the VM to classify the exception).
fn with_vm_error(e: Failure, missing: &str, raised: &str) -> rusqlite::Error {
    bridge::with_vm(|vm| failure_error(vm, e, missing, raised)).unwrap_or_else(|| callback_error(rusqlite::ffi::SQLITE_ERROR, raised))
}

fn create_function(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let args = parse(vm, &a[1..], kw, "create_function", &["name", "narg", "func"], &["deterministic"], 3)?;
    let none = vm.none;
    let name = str_arg(vm, args[0].unwrap_or(none), "create_function", "'name'")?;
    let narg = c_int(vm, args[1].unwrap_or(none))?;
    let func = args[2].unwrap_or(none);
    let deterministic = match args[3] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let db = db_of(vm, a[0])?;
    let mut flags = FunctionFlags::SQLITE_UTF8;
    if deterministic {
        flags |= FunctionFlags::SQLITE_DETERMINISTIC;
    }
    let r = if func == none {
        db.remove_function(name.as_str(), narg)
    } else {
        keep(vm, a[0], func)?;
        db.create_scalar_function(name.as_str(), narg, flags, move |ctx: &Context<'_>| call_function(func, ctx_args(ctx)))
    };
    r.map_err(|_| super::raise(vm, Exc::Operational, "Error creating function"))?;
    Ok(vm.none)
}

/// A Python aggregate (or window function) class: an instance per group, `step(*args)`,
/// `finalize()`, and for windows `value()` and `inverse(*args)`.
struct PyAggregate {
    class: Value,
}

fn aggregate_error(e: Failure, meth: &str) -> rusqlite::Error {
    with_vm_error(e, &format!("user-defined aggregate's '{meth}' method not defined"), &format!("user-defined aggregate's '{meth}' method raised error"))
}

fn new_instance(class: Value) -> rusqlite::Result<Value> {
    let r = bridge::with_vm(|vm| match vm.call(class, &[]) {
        Ok(v) => Ok(v),
        Err(e) => {
            super::report_callback_error(vm, e, class);
            Err(Failure::Raised(e))
        }
    });
    match r {
        Some(Ok(v)) => Ok(v),
        Some(Err(e)) => Err(aggregate_error(e, "__init__")),
        None => Err(aggregate_error(Failure::Missing, "__init__")),
    }
}

impl PyAggregate {
    fn method(&self, inst: Value, meth: &str, args: Vec<SqlVal>) -> rusqlite::Result<SqlValue> {
        call_back(inst, Some(meth), args, self.class).map_err(|e| aggregate_error(e, meth))
    }
}

impl Aggregate<Value, SqlValue> for PyAggregate {
    fn init(&self, _ctx: &mut Context<'_>) -> rusqlite::Result<Value> {
        new_instance(self.class)
    }

    fn step(&self, ctx: &mut Context<'_>, acc: &mut Value) -> rusqlite::Result<()> {
        // a step's None result is fine: only errors matter
        match call_back(*acc, Some("step"), ctx_args(ctx), self.class) {
            Ok(_) => Ok(()),
            Err(e) => Err(aggregate_error(e, "step")),
        }
    }

    fn finalize(&self, _ctx: &mut Context<'_>, acc: Option<Value>) -> rusqlite::Result<SqlValue> {
        let inst = match acc {
            Some(v) => v,
            None => new_instance(self.class)?,
        };
        self.method(inst, "finalize", Vec::new())
    }
}

impl WindowAggregate<Value, SqlValue> for PyAggregate {
    fn value(&self, acc: Option<&mut Value>) -> rusqlite::Result<SqlValue> {
        let inst = match acc {
            Some(v) => *v,
            None => new_instance(self.class)?,
        };
        self.method(inst, "value", Vec::new())
    }

    fn inverse(&self, ctx: &mut Context<'_>, acc: &mut Value) -> rusqlite::Result<()> {
        self.method(*acc, "inverse", ctx_args(ctx)).map(|_| ())
    }
}

fn create_window_function(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    check_pos(vm, &a[1..], kw, "create_window_function", 3, 3)?;
    let name = str_arg(vm, a[1], "create_window_function", "1")?;
    let narg = c_int(vm, a[2])?;
    let class = a[3];
    let db = db_of(vm, a[0])?;
    let r = if class == vm.none {
        db.remove_function(name.as_str(), narg)
    } else {
        keep(vm, a[0], class)?;
        db.create_window_function(name.as_str(), narg, FunctionFlags::SQLITE_UTF8, PyAggregate { class })
    };
    r.map_err(|e| match e {
        rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::ApiMisuse => programming(vm, "Error creating window function"),
        e => sql_error(vm, e),
    })?;
    Ok(vm.none)
}

fn create_aggregate(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let args = parse(vm, &a[1..], kw, "create_aggregate", &["name", "n_arg", "aggregate_class"], &[], 3)?;
    let none = vm.none;
    let name = str_arg(vm, args[0].unwrap_or(none), "create_aggregate", "'name'")?;
    let narg = c_int(vm, args[1].unwrap_or(none))?;
    let class = args[2].unwrap_or(none);
    let db = db_of(vm, a[0])?;
    let r = if class == none {
        db.remove_function(name.as_str(), narg)
    } else {
        keep(vm, a[0], class)?;
        db.create_aggregate_function(name.as_str(), narg, FunctionFlags::SQLITE_UTF8, PyAggregate { class })
    };
    r.map_err(|_| super::raise(vm, Exc::Operational, "Error creating aggregate"))?;
    Ok(vm.none)
}

fn create_collation(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    check_pos(vm, &a[1..], kw, "create_collation", 2, 2)?;
    let name = str_arg(vm, a[1], "create_collation", "1")?;
    let f = a[2];
    let db = db_of(vm, a[0])?;
    let r = if f == vm.none {
        db.remove_collation(name.as_str())
    } else {
        if !is_callable(vm, f) {
            return Err(vm.type_error("parameter must be callable"));
        }
        keep(vm, a[0], f)?;
        db.create_collation(name.as_str(), move |x: &str, y: &str| {
            let r = bridge::with_vm(|vm| {
                let (xs, ys) = (vm.new_str(x), vm.new_str(y));
                match vm.call(f, &[xs, ys]) {
                    Ok(v) => vm.as_i64(v).unwrap_or(0),
                    Err(e) => {
                        super::report_callback_error(vm, e, f);
                        0
                    }
                }
            });
            r.unwrap_or(0).cmp(&0)
        })
    };
    r.map_err(|e| sql_error(vm, e))?;
    Ok(vm.none)
}

/// A str argument of a clinic function ("f() argument N must be str, not T"; `n` is the
/// position or the quoted name).
pub fn str_arg(vm: &mut Vm, v: Value, fname: &str, n: &str) -> PyResult<String> {
    if !is_str(v) {
        let tn = tname(vm, v);
        return Err(vm.type_error(&format!("{fname}() argument {n} must be str, not {tn}")));
    }
    Ok(vm.str_of(v))
}

fn iterdump(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "iterdump")?;
    db_of(vm, a[0])?;
    let m = super::import(vm, "sqlite3.dump")?;
    let f = vm.getattr_str(m, "_iterdump")?;
    vm.call(f, &[a[0]])
}

fn interrupt(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "interrupt")?;
    let db = db_of(vm, a[0])?;
    db.get_interrupt_handle().interrupt();
    Ok(vm.none)
}

/// Registers or removes (None) one of the C-level callbacks.
fn set_hook(vm: &mut Vm, me: Value, h: super::hooks::Hook, f: Value, n: i32) -> PyResult<Value> {
    let db = db_of(vm, me)?;
    let id = state(vm, me, |c| c.id)?;
    let f = if f == vm.none { None } else { Some(f) };
    if let Some(f) = f {
        keep(vm, me, f)?;
    }
    super::hooks::install(&db, id, h, f, n);
    Ok(vm.none)
}

fn set_trace_callback(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let args = parse(vm, &a[1..], kw, "set_trace_callback", &["trace_callback"], &[], 1)?;
    let none = vm.none;
    set_hook(vm, a[0], super::hooks::Hook::Trace, args[0].unwrap_or(none), 0)
}

fn set_progress_handler(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let args = parse(vm, &a[1..], kw, "set_progress_handler", &["progress_handler", "n"], &[], 2)?;
    let none = vm.none;
    let n = c_int(vm, args[1].unwrap_or(none))?;
    set_hook(vm, a[0], super::hooks::Hook::Progress, args[0].unwrap_or(none), n)
}

fn set_authorizer(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let args = parse(vm, &a[1..], kw, "set_authorizer", &["authorizer_callback"], &[], 1)?;
    let none = vm.none;
    set_hook(vm, a[0], super::hooks::Hook::Authorizer, args[0].unwrap_or(none), 0)
}

fn getlimit(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let v = onearg(vm, a, kw, "getlimit")?;
    let cat = c_int(vm, v)?;
    let db = db_of(vm, a[0])?;
    match super::hooks::limit(&db, cat, -1) {
        Some(n) => Ok(vm.new_int(n as i64)),
        None => Err(programming(vm, "'category' is out of bounds")),
    }
}

fn setlimit(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    check_pos(vm, &a[1..], kw, "setlimit", 2, 2)?;
    let cat = c_int(vm, a[1])?;
    let new = c_int(vm, a[2])?;
    let db = db_of(vm, a[0])?;
    match super::hooks::limit(&db, cat, new) {
        Some(n) => Ok(vm.new_int(n as i64)),
        None => Err(programming(vm, "'category' is out of bounds")),
    }
}

fn backup(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let args = parse(vm, &a[1..], kw, "backup", &["target"], &["pages", "progress", "name", "sleep"], 1)?;
    let none = vm.none;
    let target = args[0].unwrap_or(none);
    let src = db_of(vm, a[0])?;
    let ct = class();
    if !vm.isinstance(target, ct) {
        let tn = if target == none { "None".to_string() } else { tname(vm, target) };
        return Err(vm.type_error(&format!("backup() argument 'target' must be sqlite3.Connection, not {tn}")));
    }
    let dst = db_of(vm, target)?;
    if target == a[0] {
        return Err(vm.value_error("target cannot be the same connection instance"));
    }
    let mut pages = match args[1] {
        Some(v) => c_int(vm, v)?,
        None => -1,
    };
    if pages == 0 {
        pages = -1;
    }
    let progress = args[2].filter(|&p| p != none);
    if let Some(p) = progress {
        if !is_callable(vm, p) {
            return Err(vm.type_error("progress argument must be a callable"));
        }
    }
    let name = match args[3] {
        Some(v) => str_arg(vm, v, "backup", "'name'")?,
        None => "main".to_string(),
    };
    let Ok(cname) = std::ffi::CString::new(name) else { return Err(vm.value_error("embedded null character")) };
    let sleep = match args[4] {
        Some(v) => real_arg(vm, v)?,
        None => 0.25,
    };
    let sleep_ms = (sleep * 1000.0).clamp(0.0, i32::MAX as f64) as i32;
    let r = super::hooks::backup(&src, &dst, &cname, pages, sleep_ms, |status, remaining, count| -> PyResult<()> {
        if let Some(p) = progress {
            let args = [vm.new_int(status as i64), vm.new_int(remaining as i64), vm.new_int(count as i64)];
            vm.call(p, &args)?;
        }
        Ok(())
    })?;
    r.map_err(|e| sql_error(vm, e))?;
    Ok(vm.none)
}

fn unsupported(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    db_of(vm, a[0])?;
    Err(super::raise(vm, Exc::NotSupported, "this Connection method is not supported by pyjit's sqlite3"))
}

pub fn register(vm: &mut Vm, m: Value) {
    let c = new_class(vm, "sqlite3", "Connection", None, ObjKind::Native, true);
    set_new(vm, c, conn_new);
    add_methods(
        vm,
        c,
        &[
            ("__init__", conn_init),
            ("cursor", cursor),
            ("execute", execute),
            ("executemany", executemany),
            ("executescript", executescript),
            ("commit", commit),
            ("rollback", rollback),
            ("close", close),
            ("__enter__", enter),
            ("__exit__", exit),
            ("create_function", create_function),
            ("create_aggregate", create_aggregate),
            ("create_window_function", create_window_function),
            ("create_collation", create_collation),
            ("iterdump", iterdump),
            ("interrupt", interrupt),
            ("set_trace_callback", set_trace_callback),
            ("set_authorizer", set_authorizer),
            ("set_progress_handler", set_progress_handler),
            ("getlimit", getlimit),
            ("setlimit", setlimit),
            ("backup", backup),
            ("blobopen", unsupported),
            ("enable_load_extension", unsupported),
            ("load_extension", unsupported),
        ],
    );
    add_getsets(
        vm,
        c,
        &[
            ("isolation_level", get_isolation, Some(set_isolation)),
            ("in_transaction", in_transaction, None),
            ("total_changes", total_changes, None),
            ("row_factory", get_row_factory, Some(set_row_factory)),
            ("text_factory", get_text_factory, Some(set_text_factory)),
        ],
    );
    for n in ["Warning", "Error", "InterfaceError", "DatabaseError", "DataError", "OperationalError", "IntegrityError", "InternalError", "ProgrammingError", "NotSupportedError"] {
        if let Ok(e) = vm.getattr_str(m, n) {
            set_class_attr(vm, c, n, e);
        }
    }
    CONNECTION.with(|s| s.set(c));
    set_attr(vm, m, "Connection", c);
}
