//! `sqlite3.Cursor`: execute/executemany/executescript with qmark and named parameters,
//! description, rowcount and lastrowid as CPython 3.11 sets them, and fetching through
//! converters, text_factory and row_factory. As in CPython, execute steps a statement to its
//! first row and each fetch steps to the next one.

use rusqlite::types::Value as SqlValue;

use super::stmt::Stmt;
use super::values::{self, SqlVal};
use super::{bridge, connection, programming, sql_error, sql_text, CONVERTERS};
use crate::util::*;
use crate::{class_slot, native_state};

class_slot!(CURSOR);

pub fn class() -> Value {
    CURSOR.with(|c| c.get())
}

const PARSE_DECLTYPES: i64 = 1;
const PARSE_COLNAMES: i64 = 2;

pub struct Cur {
    conn: Value,
    init: bool,
    closed: bool,
    description: Value,
    rowcount: i64,
    lastrowid: Value,
    arraysize: i64,
    row_factory: Value,
    /// The statement being fetched from (None once it is done) and the row it is on.
    stmt: Option<Stmt>,
    next: Option<Vec<SqlVal>>,
    colnames: Vec<String>,
    /// Per column: its converter, or NULL.
    converters: Vec<Value>,
}
native_state!(Cur, |s, t| {
    t.visit(s.conn);
    t.visit(s.description);
    t.visit(s.lastrowid);
    t.visit(s.row_factory);
    for &c in &s.converters {
        t.visit(c);
    }
});

const WHAT: &str = "sqlite3.Cursor";

fn state<R>(vm: &mut Vm, me: Value, f: impl FnOnce(&mut Cur) -> R) -> PyResult<R> {
    with_state::<Cur, _>(vm, me, WHAT, f)
}

pub fn set_row_factory(vm: &mut Vm, cur: Value, rf: Value) -> PyResult<()> {
    state(vm, cur, |c| c.row_factory = rf)
}

fn cur_new(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let none = vm.none;
    let st = Cur {
        conn: none,
        init: false,
        closed: false,
        description: none,
        rowcount: -1,
        lastrowid: none,
        arraysize: 1,
        row_factory: none,
        stmt: None,
        next: None,
        colnames: Vec::new(),
        converters: Vec::new(),
    };
    Ok(new_native(vm, a[0], st))
}

fn cur_init(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    no_kw(vm, kw, "Cursor")?;
    check_count(vm, a.len() - 1, "Cursor", 1, 1)?;
    let ct = connection::class();
    if !vm.isinstance(a[1], ct) {
        let tn = tname(vm, a[1]);
        return Err(vm.type_error(&format!("Cursor() argument 1 must be sqlite3.Connection, not {tn}")));
    }
    let conn = a[1];
    state(vm, a[0], |c| {
        c.conn = conn;
        c.init = true;
    })?;
    Ok(vm.none)
}

/// check_cursor: initialized, not closed, its connection open. Returns the connection.
fn check(vm: &mut Vm, me: Value) -> PyResult<(Value, std::rc::Rc<rusqlite::Connection>)> {
    let (init, closed, conn) = state(vm, me, |c| (c.init, c.closed, c.conn))?;
    if !init {
        return Err(programming(vm, "Base Cursor.__init__ not called."));
    }
    if closed {
        return Err(programming(vm, "Cannot operate on a closed cursor."));
    }
    let db = connection::db_of(vm, conn)?;
    Ok((conn, db))
}

/// Binds one set of parameters (a sequence or a mapping) to the statement.
fn bind(vm: &mut Vm, stmt: &mut Stmt, params: Value) -> PyResult<()> {
    let n = stmt.param_count();
    let dict_t = vm.types.dict;
    let is_dict = vm.isinstance(params, dict_t);
    let exact_seq = matches!(params.kind(), Some(ObjKind::Tuple | ObjKind::List));
    let is_seq = exact_seq || (!is_dict && {
        let ty = vm.type_of(params);
        vm.lookup_str(ty, "__getitem__").is_some() && vm.lookup_str(ty, "__len__").is_some()
    });
    let mut vals: Vec<SqlValue> = Vec::with_capacity(n);
    if is_seq {
        let items = if exact_seq {
            vm.to_vec(params)?.1
        } else {
            let len = vm.len(params)?;
            if len != n {
                return Err(programming(vm, &format!("Incorrect number of bindings supplied. The current statement uses {n}, and there are {len} supplied.")));
            }
            let mut items = Vec::with_capacity(len);
            for i in 0..len {
                let k = vm.new_int(i as i64);
                items.push(vm.getitem(params, k)?);
            }
            items
        };
        if items.len() != n {
            return Err(programming(vm, &format!("Incorrect number of bindings supplied. The current statement uses {n}, and there are {} supplied.", items.len())));
        }
        for (i, &v) in items.iter().enumerate() {
            vals.push(values::bind_value(vm, v, i + 1)?);
        }
    } else if is_dict {
        for i in 1..=n {
            let Some(name) = stmt.param_name(i) else {
                return Err(programming(vm, &format!("Binding {i} has no name, but you supplied a dictionary (which has only names).")));
            };
            let key = vm.new_str(&name[1..]);
            let v = match vm.getitem(params, key) {
                Ok(v) => v,
                Err(e) => {
                    let ke = vm.types.key_error;
                    if vm.isinstance(e.0, ke) {
                        return Err(programming(vm, &format!("You did not supply a value for binding parameter {name}.")));
                    }
                    return Err(e);
                }
            };
            vals.push(values::bind_value(vm, v, i)?);
        }
    } else {
        return Err(programming(vm, "parameters are of unsupported type"));
    }
    for (i, v) in vals.iter().enumerate() {
        stmt.bind(i + 1, v).map_err(|e| sql_error(vm, e))?;
    }
    Ok(())
}

/// One step of the statement with the VM lent to the callbacks it runs: the row it
/// reached, or None when it is done.
fn step(vm: &mut Vm, stmt: &mut Stmt) -> PyResult<Option<Vec<SqlVal>>> {
    let r = bridge::lend(vm, || stmt.step().map(|row| if row { Some(stmt.row()) } else { None }));
    r.map_err(|e| sql_error(vm, e))
}

/// A column name as description shows it: with PARSE_COLNAMES, cut before " [type]".
fn column_name(name: &str, detect: i64) -> String {
    if detect & PARSE_COLNAMES != 0 {
        if let Some(p) = name.find('[') {
            let cut = if p > 0 && name.as_bytes()[p - 1] == b' ' { p - 1 } else { p };
            return name[..cut].to_string();
        }
    }
    name.to_string()
}

/// The converter for a column from its name ("x [type]") or its declared type.
fn converter_for(vm: &mut Vm, name: &str, decl: Option<&str>, detect: i64) -> PyResult<Value> {
    let convs = CONVERTERS.with(|c| c.get());
    let look = |vm: &mut Vm, t: &str| -> PyResult<Option<Value>> {
        let k = vm.new_str(&t.to_uppercase());
        vm.dict_get(convs, k)
    };
    if detect & PARSE_COLNAMES != 0 {
        if let (Some(a), Some(b)) = (name.find('['), name.rfind(']')) {
            if b > a {
                if let Some(c) = look(vm, &name[a + 1..b])? {
                    return Ok(c);
                }
            }
        }
    }
    if detect & PARSE_DECLTYPES != 0 {
        if let Some(d) = decl {
            let t: &str = d.split([' ', '(']).next().unwrap_or("");
            if let Some(c) = look(vm, t)? {
                return Ok(c);
            }
        }
    }
    Ok(Value::NULL)
}

/// execute / executemany: `sets` are the parameter sets (one for execute).
fn run(vm: &mut Vm, me: Value, sql_v: Value, sets: Vec<Value>, multiple: bool, fname: &str) -> PyResult<()> {
    let (conn, db) = check(vm, me)?;
    if !is_str(sql_v) {
        let tn = tname(vm, sql_v);
        return Err(vm.type_error(&format!("{fname}() argument 1 must be str, not {tn}")));
    }
    let sql = vm.str_of(sql_v);
    if sql.contains('\0') {
        return Err(programming(vm, "the query contains a null character"));
    }
    let none = vm.none;
    let old = state(vm, me, |c| {
        c.description = none;
        c.rowcount = -1;
        c.colnames.clear();
        c.converters.clear();
        c.next = None;
        c.stmt.take()
    })?;
    drop(old);
    let (isolation, detect, _) = connection::settings(vm, conn)?;
    // the authorizer runs while SQLite prepares
    let (stmt, rest) = bridge::lend(vm, || Stmt::prepare(&db, &sql)).map_err(|e| sql_error(vm, e))?;
    let tail = &sql[rest..];
    if sql_text::skip_blanks(tail, false) < tail.len() {
        return Err(programming(vm, "You can only execute one statement at a time."));
    }
    let Some(mut stmt) = stmt else { return Ok(()) };
    let is_dml = sql_text::is_dml(&sql);
    if multiple && stmt.readonly() {
        return Err(programming(vm, "executemany() can only execute DML statements."));
    }
    if let Some(level) = isolation {
        if is_dml && db.is_autocommit() {
            connection::run_simple(vm, &db, &format!("BEGIN {level}"))?;
        }
    }
    let mut rowcount: i64 = if is_dml { 0 } else { -1 };
    let mut first = None;
    for params in sets {
        stmt.reset();
        if !params.is_null() {
            bind(vm, &mut stmt, params)?;
        } else if stmt.param_count() != 0 {
            let n = stmt.param_count();
            return Err(programming(vm, &format!("Incorrect number of bindings supplied. The current statement uses {n}, and there are 0 supplied.")));
        }
        first = step(vm, &mut stmt)?;
        if multiple {
            while first.is_some() {
                first = step(vm, &mut stmt)?;
            }
        }
        if is_dml && first.is_none() {
            rowcount += db.changes() as i64;
        }
    }
    let ncols = stmt.column_count();
    let mut names = Vec::with_capacity(ncols);
    let mut convs = Vec::with_capacity(ncols);
    for i in 0..ncols {
        let name = stmt.column_name(i);
        let conv = if detect != 0 { converter_for(vm, &name, stmt.column_decltype(i).as_deref(), detect)? } else { Value::NULL };
        convs.push(conv);
        names.push(column_name(&name, detect));
    }
    let description = if ncols > 0 {
        let mut items = Vec::with_capacity(ncols);
        for n in &names {
            let s = vm.new_str(n);
            items.push(vm.new_tuple(vec![s, none, none, none, none, none, none]));
        }
        vm.new_tuple(items)
    } else {
        none
    };
    let lastrowid = if multiple { None } else { Some(vm.new_int(db.last_insert_rowid())) };
    let keep = if first.is_some() { Some(stmt) } else { None };
    state(vm, me, |c| {
        c.description = description;
        c.rowcount = rowcount;
        c.stmt = keep;
        c.next = first;
        c.colnames = names;
        c.converters = convs;
        if let Some(l) = lastrowid {
            c.lastrowid = l;
        }
    })?;
    Ok(())
}

fn execute(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    check_pos(vm, &a[1..], kw, "execute", 1, 2)?;
    let params = a.get(2).copied().unwrap_or(Value::NULL);
    run(vm, a[0], a[1], vec![params], false, "execute")?;
    Ok(a[0])
}

fn executemany(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    check_pos(vm, &a[1..], kw, "executemany", 2, 2)?;
    check(vm, a[0])?;
    let sets = vm.to_vec(a[2])?.1;
    run(vm, a[0], a[1], sets, true, "executemany")?;
    Ok(a[0])
}

fn executescript(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    check_pos(vm, &a[1..], kw, "executescript", 1, 1)?;
    let (_conn, db) = check(vm, a[0])?;
    if !is_str(a[1]) {
        let tn = tname(vm, a[1]);
        return Err(vm.type_error(&format!("executescript() argument must be str, not {tn}")));
    }
    let script = vm.str_of(a[1]);
    if !db.is_autocommit() {
        connection::run_simple(vm, &db, "COMMIT")?;
    }
    if script.contains('\0') {
        return Err(vm.value_error("embedded null character"));
    }
    // each statement is prepared after the one before it ran (it may create a table)
    let mut rest: &str = &script;
    while !rest.is_empty() {
        let (stmt, used) = bridge::lend(vm, || Stmt::prepare(&db, rest)).map_err(|e| sql_error(vm, e))?;
        if let Some(mut st) = stmt {
            while step(vm, &mut st)?.is_some() {}
        }
        if used == 0 {
            break;
        }
        rest = &rest[used..];
    }
    let none = vm.none;
    let old = state(vm, a[0], |c| {
        c.description = none;
        c.next = None;
        c.rowcount = -1;
        c.stmt.take()
    })?;
    drop(old);
    Ok(a[0])
}

/// The next row as Python sees it (converters, text_factory, row_factory), None at the end.
/// The statement steps on to the following row after the row is converted, as in CPython.
fn next_row(vm: &mut Vm, me: Value) -> PyResult<Option<Value>> {
    let (conn, _db) = check(vm, me)?;
    let Some(vals) = state(vm, me, |c| c.next.take())? else { return Ok(None) };
    let (convs, names) = state(vm, me, |c| (c.converters.clone(), c.colnames.clone()))?;
    let (_, _, text_factory) = connection::settings(vm, conn)?;
    let mut items = Vec::with_capacity(vals.len());
    for (i, v) in vals.iter().enumerate() {
        let conv = convs.get(i).copied().unwrap_or(Value::NULL);
        let item = if !conv.is_null() && !matches!(v, SqlVal::Null) {
            let b = v.as_bytes();
            if b.is_empty() && matches!(v, SqlVal::Blob(_)) {
                // sqlite3_column_blob gives NULL for an empty blob: no conversion
                vm.none
            } else {
                let b = vm.new_bytes(b);
                vm.call(conv, &[b])?
            }
        } else {
            let name = names.get(i).map(|s| s.as_str()).unwrap_or("");
            values::column_value(vm, v, text_factory, name)?
        };
        items.push(item);
    }
    let row = vm.new_tuple(items);
    if let Some(mut st) = state(vm, me, |c| c.stmt.take())? {
        if let Some(next) = step(vm, &mut st)? {
            state(vm, me, |c| {
                c.next = Some(next);
                c.stmt = Some(st);
            })?;
        }
    }
    let rf = state(vm, me, |c| c.row_factory)?;
    if rf != vm.none {
        return vm.call(rf, &[me, row]).map(Some);
    }
    Ok(Some(row))
}

fn fetchone(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "fetchone")?;
    Ok(next_row(vm, a[0])?.unwrap_or(vm.none))
}

fn fetchmany(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let args = parse(vm, &a[1..], kw, "fetchmany", &["size"], &[], 0)?;
    let n = match args[0] {
        Some(v) => c_int(vm, v)? as i64,
        None => state(vm, a[0], |c| c.arraysize)?,
    };
    let mut out = Vec::new();
    while (out.len() as i64) < n {
        match next_row(vm, a[0])? {
            Some(r) => out.push(r),
            None => break,
        }
    }
    Ok(vm.new_list(out))
}

fn fetchall(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "fetchall")?;
    let mut out = Vec::new();
    while let Some(r) = next_row(vm, a[0])? {
        out.push(r);
    }
    Ok(vm.new_list(out))
}

fn cur_next(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    match next_row(vm, a[0])? {
        Some(r) => Ok(r),
        None => {
            let none = vm.none;
            Err(vm.stop_iteration(none))
        }
    }
}

fn cur_iter(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let _ = vm;
    Ok(a[0])
}

fn close(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    noargs(vm, a, kw, "close")?;
    let (init, conn) = state(vm, a[0], |c| (c.init, c.conn))?;
    if !init {
        return Err(programming(vm, "Base Cursor.__init__ not called."));
    }
    connection::db_of(vm, conn)?;
    let old = state(vm, a[0], |c| {
        c.closed = true;
        c.next = None;
        c.stmt.take()
    })?;
    drop(old);
    Ok(vm.none)
}

fn noop(vm: &mut Vm, _a: &[Value], _kw: Value) -> PyResult<Value> {
    Ok(vm.none)
}

fn get_description(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    state(vm, a[0], |c| c.description)
}

fn get_rowcount(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let n = state(vm, a[0], |c| c.rowcount)?;
    Ok(vm.new_int(n))
}

fn get_lastrowid(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    state(vm, a[0], |c| c.lastrowid)
}

fn get_connection(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    state(vm, a[0], |c| c.conn)
}

fn get_arraysize(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let n = state(vm, a[0], |c| c.arraysize)?;
    Ok(vm.new_int(n))
}

fn set_arraysize(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let Some(&v) = a.get(1) else { return Err(vm.attribute_error("can't delete attribute")) };
    let n = c_int(vm, v)? as i64;
    state(vm, a[0], |c| c.arraysize = n)?;
    Ok(vm.none)
}

fn get_row_factory(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    state(vm, a[0], |c| c.row_factory)
}

fn set_row_factory_attr(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let v = a.get(1).copied().unwrap_or(vm.none);
    state(vm, a[0], |c| c.row_factory = v)?;
    Ok(vm.none)
}

pub fn register(vm: &mut Vm, m: Value) {
    let c = new_class(vm, "sqlite3", "Cursor", None, ObjKind::Native, true);
    set_new(vm, c, cur_new);
    add_methods(
        vm,
        c,
        &[
            ("__init__", cur_init),
            ("execute", execute),
            ("executemany", executemany),
            ("executescript", executescript),
            ("fetchone", fetchone),
            ("fetchmany", fetchmany),
            ("fetchall", fetchall),
            ("close", close),
            ("setinputsizes", noop),
            ("setoutputsize", noop),
            ("__iter__", cur_iter),
            ("__next__", cur_next),
        ],
    );
    add_getsets(
        vm,
        c,
        &[
            ("description", get_description, None),
            ("rowcount", get_rowcount, None),
            ("lastrowid", get_lastrowid, None),
            ("connection", get_connection, None),
            ("arraysize", get_arraysize, Some(set_arraysize)),
            ("row_factory", get_row_factory, Some(set_row_factory_attr)),
        ],
    );
    CURSOR.with(|s| s.set(c));
    set_attr(vm, m, "Cursor", c);
}
